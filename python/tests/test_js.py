"""Numbers and JSON written as JavaScript writes them (the TypeScript selector's messages depend on it)."""
import pytest

from provider_registry_selector import _js


@pytest.mark.parametrize(
    "value, text",
    [
        (0, "0"), (-0.0, "0"), (1, "1"), (100000.0, "100000"), (0.5, "0.5"), (-1e-7, "-1e-7"), (1e-6, "0.000001"),
        (1e21, "1e+21"), (1e20, "100000000000000000000"), (123456789012345678901, "123456789012345680000"),
        (1.5e300, "1.5e+300"), (0.1 + 0.2, "0.30000000000000004"), (2 ** 53 + 2, "9007199254740994"), (float("inf"), "Infinity"),
    ],
)
def test_number(value, text):
    assert _js.number(value) == text


def test_format_number_rounds_ties_away_from_zero_on_the_exact_value():
    assert _js.format_number(1.03125) == "1.0313"  # an exact tie: toFixed picks the larger
    assert _js.format_number(1.11105) == "1.1111"  # not a tie: the double is above 1.11105
    assert _js.format_number(1.00005) == "1.0001"  # values checked against Node
    assert _js.format_number(0.00015) == "0.0001"
    assert _js.format_number(2.00025) == "2.0002"
    assert _js.format_number(2.2) == "2.2"


def test_stringify_orders_index_keys_first_and_escapes_lone_surrogates():
    assert _js.stringify({"b": 1, "10": 2, "2": 3, "a": [True, None]}) == '{"2":3,"10":2,"b":1,"a":[true,null]}'
    assert _js.stringify("\ud800x") == '"\\ud800x"'
    assert _js.stringify({"a": []}, 2) == '{\n  "a": []\n}'
