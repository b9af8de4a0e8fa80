import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The package in this checkout, whatever else is installed.
sys.path.insert(0, os.path.dirname(HERE))

# The suite: from the repository (python/../conformance) or wherever PROVIDER_REGISTRY_CONFORMANCE points, e.g.
# node_modules/provider-registry/conformance.
CONFORMANCE = os.environ.get("PROVIDER_REGISTRY_CONFORMANCE") or os.path.join(HERE, "..", "..", "conformance")
