"""provider-registry's runtime selector in Python: the same choice as the TypeScript selector, from the same snapshot.

    from provider_registry_selector import load_snapshot, create_selector
    selector = create_selector(load_snapshot("provider_registry_snapshot.json"))
    choice = selector.select({"category": "fast_response", "requires": {"vision": True}})
    choice.model, choice.provider, choice.reason, choice.fallbacks, choice.trace

docs/selection.md (in the provider-registry package) states the rules; docs/conformance.md the suite this passes.
"""
from .check_snapshot import SUPPORTED_SCHEMA_VERSION, check_snapshot
from .choice import Choice
from .errors import (
    InvalidRequest,
    ModelNotAllowed,
    NoModelAvailable,
    NoSuchModel,
    ProviderRegistryError,
    RequirementsNotMet,
    SelectionError,
    SnapshotError,
    SnapshotInvalid,
    SnapshotNotFound,
    SnapshotNotJSON,
    SnapshotUnreadable,
    UnsupportedSchemaVersion,
)
from .explain import render_trace
from .load_snapshot import load_snapshot
from .select import Selector, create_selector
from .vocabulary import CATEGORIES

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES",
    "Choice",
    "InvalidRequest",
    "ModelNotAllowed",
    "NoModelAvailable",
    "NoSuchModel",
    "ProviderRegistryError",
    "RequirementsNotMet",
    "SUPPORTED_SCHEMA_VERSION",
    "SelectionError",
    "Selector",
    "SnapshotError",
    "SnapshotInvalid",
    "SnapshotNotFound",
    "SnapshotNotJSON",
    "SnapshotUnreadable",
    "UnsupportedSchemaVersion",
    "check_snapshot",
    "create_selector",
    "load_snapshot",
    "render_trace",
]
