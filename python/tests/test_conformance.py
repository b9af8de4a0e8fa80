"""Every case of the conformance suite; the load cases under each validator this python has (the others do not
depend on the validator, so they run once)."""
import pytest

from conftest import CONFORMANCE
from provider_registry_selector.check_snapshot import validator_names
from provider_registry_selector.conformance import check_case, load_suite

SUITE = load_suite(CONFORMANCE)
_selectors = {}


LOAD = [c for c in SUITE["cases"] if c["kind"] == "load"]
OTHERS = [c for c in SUITE["cases"] if c["kind"] != "load"]


@pytest.mark.parametrize("validator", validator_names())
@pytest.mark.parametrize("case", LOAD, ids=[c["id"] for c in LOAD])
def test_load_case(case, validator):
    problem = check_case(CONFORMANCE, case, {}, validator)
    assert problem is None, problem


@pytest.mark.parametrize("case", OTHERS, ids=[c["id"] for c in OTHERS])
def test_case(case):
    problem = check_case(CONFORMANCE, case, _selectors)
    assert problem is None, problem


def test_suite_is_for_the_schema_this_selector_reads():
    from provider_registry_selector import SUPPORTED_SCHEMA_VERSION

    assert SUITE["schemaVersion"] == SUPPORTED_SCHEMA_VERSION
    assert SUITE["format"] == 1
    assert len(SUITE["cases"]) > 500
