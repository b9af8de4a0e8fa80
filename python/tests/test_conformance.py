"""Every case of the conformance suite, under each validator this python has."""
import pytest

from conftest import CONFORMANCE
from provider_registry_selector.check_snapshot import validator_names
from provider_registry_selector.conformance import check_case, load_suite

SUITE = load_suite(CONFORMANCE)
_selectors = {}


@pytest.mark.parametrize("validator", validator_names())
@pytest.mark.parametrize("case", SUITE["cases"], ids=[c["id"] for c in SUITE["cases"]])
def test_case(case, validator):
    problem = check_case(CONFORMANCE, case, _selectors.setdefault(validator, {}), validator)
    assert problem is None, problem


def test_suite_is_for_the_schema_this_selector_reads():
    from provider_registry_selector import SUPPORTED_SCHEMA_VERSION

    assert SUITE["schemaVersion"] == SUPPORTED_SCHEMA_VERSION
    assert SUITE["format"] == 1
    assert len(SUITE["cases"]) > 500
