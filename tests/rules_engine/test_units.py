import pytest

from rules_engine.units import UnitError, convert, to_canonical

CONVERSIONS = [
    # value, from, to, concept, expected
    (100, "10*3/uL", "10*9/L", None, 100.0),
    (1.5, "10*9/L", "/uL", None, 1500.0),
    (1500, "/uL", "10*9/L", None, 1.5),
    (1000, "10*6/L", "10*9/L", None, 1.0),
    (12, "g/L", "g/dL", None, 1.2),
    (60, "mL/min/{1.73_m2}", "mL/min", None, 60.0),
    (50, "%", "1", None, 0.5),
    (30, "U/L", "U/L", None, 30.0),
    (6, "mo", "wk", None, 6 * 365.25 / 12 / 7),
    (2, "a", "mo", None, 24.0),
    (14, "d", "wk", None, 2.0),
    (1, "mg/dL", "umol/L", "bilirubin", 17.1037),
    (34.2, "umol/L", "mg/dL", "bilirubin", 1.99954),
    (88.4, "umol/L", "mg/dL", "creatinine", 0.99998),
    (1, "mg/dL", "umol/L", "creatinine", 88.4017),
]


@pytest.mark.parametrize("value,source,target,concept,expected", CONVERSIONS)
def test_convert_ucum_spellings(value, source, target, concept, expected):
    assert convert(value, source, target, concept) == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize(
    "source,target,concept",
    [("mg/dL", "umol/L", None), ("mg/dL", "U/L", "bilirubin"), ("furlong", "mg/dL", None), ("%", "mL/min", None)],
)
def test_inconvertible_units_raise_unit_error(source, target, concept):
    with pytest.raises(UnitError):
        convert(1.0, source, target, concept)


def test_unit_error_is_a_value_error():
    assert issubclass(UnitError, ValueError)


@pytest.mark.parametrize(
    "concept,value,unit,expected",
    [("bilirubin", 34.2, "umol/L", 2.0), ("creatinine", 88.4, "umol/L", 1.0), ("platelets", 150, "10*3/uL", 150), ("life_expectancy", 3, "mo", 13.04)],
)
def test_to_canonical_uses_the_catalogue_unit(concept, value, unit, expected):
    assert to_canonical(concept, value, unit) == pytest.approx(expected, rel=1e-3)


def test_same_units_are_returned_unchanged_without_parsing():
    assert convert(3.3, "weird{unit}", "weird{unit}") == 3.3
