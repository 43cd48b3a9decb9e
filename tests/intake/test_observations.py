"""Observations become measurements: canonical units, ULN, scores and qualitative results."""

from __future__ import annotations

from datetime import date

import pytest
from intake_helpers import ELIGO, LOINC, bundle, coded, observation, quantity

from matcher.intake import normalise


def read(*resources):
    return normalise(bundle(*resources))


def latest(concept, *resources):
    return read(*resources).facts.latest(concept)


@pytest.mark.parametrize(
    "code, concept, value, unit, expected, canonical",
    [
        ("1975-2", "bilirubin", 0.8, "mg/dL", 0.8, "mg/dL"),
        ("14631-6", "bilirubin", 27.36, "umol/L", 1.6, "mg/dL"),
        ("1742-6", "alt", 30, "U/L", 30, "U/L"),
        ("1920-8", "ast", 28, "U/L", 28, "U/L"),
        ("2160-0", "creatinine", 0.9, "mg/dL", 0.9, "mg/dL"),
        ("38483-4", "creatinine", 0.9, "mg/dL", 0.9, "mg/dL"),
        ("14682-9", "creatinine", 88.4, "umol/L", 1.0, "mg/dL"),
        ("2164-2", "creatinine_clearance", 95, "mL/min", 95, "mL/min"),
        ("35591-7", "creatinine_clearance", 1.5, "mL/s", 90, "mL/min"),
        ("33914-3", "egfr", 80, "mL/min/{1.73_m2}", 80, "mL/min/{1.73_m2}"),
        ("62238-1", "egfr", 80, "mL/min/{1.73_m2}", 80, "mL/min/{1.73_m2}"),
        ("751-8", "anc", 1500, "/uL", 1.5, "10*9/L"),
        ("753-4", "anc", 1.5, "10*3/uL", 1.5, "10*9/L"),
        ("26499-4", "anc", 1.5, "10*9/L", 1.5, "10*9/L"),
        ("777-3", "platelets", 15, "10*3/uL", 15, "10*9/L"),
        ("26515-7", "platelets", 80, "10*9/L", 80, "10*9/L"),
        ("718-7", "hemoglobin", 95, "g/L", 9.5, "g/dL"),
        ("6690-2", "wbc", 4.2, "10*3/uL", 4.2, "10*9/L"),
        ("26464-8", "wbc", 4.2, "10*9/L", 4.2, "10*9/L"),
        ("6301-6", "inr", 1.1, "{INR}", 1.1, "1"),
        ("10230-1", "lvef", 55, "%", 55, "%"),
        ("8806-2", "lvef", 55, "%", 55, "%"),
        ("18043-0", "lvef", 55, "%", 55, "%"),
        ("59408-5", "spo2", 97, "%", 97, "%"),
        ("2708-6", "spo2", 97, "%", 97, "%"),
    ],
)
def test_a_loinc_lab_is_stored_in_the_concepts_canonical_unit(code, concept, value, unit, expected, canonical):
    m = latest(concept, observation(LOINC, code, valueQuantity=quantity(value, unit)))
    assert (m.unit, m.date) == (canonical, date(2026, 11, 20))
    assert m.value == pytest.approx(expected, rel=1e-3)


@pytest.mark.parametrize(
    "code, concept, value, unit, expected, canonical",
    [
        ("bone-marrow-blasts", "bm_blasts", 30, "%", 30, "%"),
        ("peripheral-blood-blasts", "pb_blasts", 12, "%", 12, "%"),
        ("mrd", "mrd", 0.01, "%", 0.01, "%"),
        ("life-expectancy", "life_expectancy", 12, "wk", 12, "wk"),
        ("life-expectancy", "life_expectancy", 3, "mo", 3 * 30.4375 / 7, "wk"),
    ],
)
def test_an_eligo_measurement_is_stored_in_its_canonical_unit(code, concept, value, unit, expected, canonical):
    m = latest(concept, observation(ELIGO, code, valueQuantity=quantity(value, unit)))
    assert m.unit == canonical and m.value == pytest.approx(expected, rel=1e-3)


def test_the_labs_reference_range_high_is_the_uln_in_the_canonical_unit():
    m = latest("bilirubin", observation(LOINC, "14631-6", valueQuantity=quantity(27.36, "umol/L"), referenceRange=[{"high": quantity(17.1, "umol/L")}]))
    assert (m.uln, m.uln_default) == (pytest.approx(1.0, rel=1e-3), False)


def test_a_reference_range_without_a_unit_is_in_the_values_unit():
    m = latest("bilirubin", observation(LOINC, "14631-6", valueQuantity=quantity(27.36, "umol/L"), referenceRange=[{"high": {"value": 17.1}}]))
    assert m.uln == pytest.approx(1.0, rel=1e-3)


def test_without_a_reference_range_the_default_uln_is_used_and_marked():
    m = latest("alt", observation(LOINC, "1742-6", valueQuantity=quantity(30, "U/L")))
    assert (m.uln, m.uln_default) == (40.0, True)


def test_a_concept_without_a_default_uln_has_none():
    m = latest("platelets", observation(LOINC, "777-3", valueQuantity=quantity(80, "10*9/L")))
    assert (m.uln, m.uln_default) == (None, False)


def test_a_reference_range_in_a_unit_that_does_not_convert_falls_back_to_the_default_with_a_warning():
    record = read(observation(LOINC, "1975-2", valueQuantity=quantity(0.8, "mg/dL"), referenceRange=[{"high": quantity(1.0, "kg")}]))
    m = record.facts.latest("bilirubin")
    assert (m.uln, m.uln_default) == (1.2, True)
    assert record.warnings[0][0] == "entry[1].resource.referenceRange[0].high"


@pytest.mark.parametrize("unit", ["mg", "furlongs", "10*", "kg/m2"])
def test_a_unit_that_does_not_convert_keeps_the_raw_value_and_warns(unit):
    record = read(observation(LOINC, "1975-2", valueQuantity=quantity(0.8, unit)))
    m = record.facts.latest("bilirubin")
    assert (m.value, m.unit) == (0.8, unit)
    assert record.warnings == [("entry[1].resource.valueQuantity.code", "unit does not convert to mg/dL; kept as given")]


def test_a_value_without_a_unit_is_read_in_the_canonical_unit_with_a_warning():
    record = read(observation(LOINC, "10230-1", valueQuantity={"value": 55}))
    assert record.facts.latest("lvef").value == 55
    assert record.warnings[0][0] == "entry[1].resource.valueQuantity"


def test_a_lab_without_a_value_is_ignored():
    record = read(observation(LOINC, "1975-2", dataAbsentReason=coded("not-performed", "http://terminology.hl7.org/CodeSystem/data-absent-reason")))
    assert record.facts.measurements == {}
    assert record.ignored == [("entry[1].resource", "has no valueQuantity")]


@pytest.mark.parametrize(
    "dates, day",
    [
        ({"effectivePeriod": {"start": "2026-11-01", "end": "2026-11-03"}}, date(2026, 11, 1)),
        ({"issued": "2026-11-04T10:00:00Z"}, date(2026, 11, 4)),
        ({"effectiveInstant": "2026-11-05T10:00:00+01:00"}, date(2026, 11, 5)),
        ({"effectiveDateTime": "2026-11-06", "issued": "2026-11-07T10:00:00Z"}, date(2026, 11, 6)),
    ],
)
def test_an_observation_is_dated_by_effective_else_period_start_else_issued(dates, day):
    m = latest("lvef", observation(LOINC, "10230-1", when=None, valueQuantity=quantity(55, "%"), **dates))
    assert m.date == day


def test_an_undated_observation_is_kept_last_with_a_warning():
    record = read(
        observation(LOINC, "10230-1", when=None, valueQuantity=quantity(40, "%")),
        observation(LOINC, "10230-1", when="2026-01-01", valueQuantity=quantity(55, "%")),
    )
    assert [m.value for m in record.facts.measurements["lvef"]] == [55, 40]
    assert record.warnings == [("entry[1].resource", "has no effective date or issued time; kept undated")]


def test_several_observations_are_all_kept_most_recent_first():
    record = read(*[observation(LOINC, "10230-1", when=d, valueQuantity=quantity(v, "%")) for d, v in [("2026-10-01", 60), ("2026-11-12", 48), ("2026-11-02", 55)]])
    assert [m.value for m in record.facts.measurements["lvef"]] == [48, 55, 60]
    assert record.facts.latest("lvef").value == 48


def test_observations_on_the_same_day_are_ordered_by_time():
    record = read(
        observation(LOINC, "10230-1", when="2026-11-12T08:00:00Z", valueQuantity=quantity(48, "%")),
        observation(LOINC, "10230-1", when="2026-11-12T16:00:00Z", valueQuantity=quantity(52, "%")),
    )
    assert record.facts.latest("lvef").value == 52


@pytest.mark.parametrize("status", ["entered-in-error", "cancelled"])
def test_an_observation_entered_in_error_is_not_read(status):
    assert read(observation(LOINC, "10230-1", status=status, valueQuantity=quantity(55, "%"))).facts.measurements == {}


# -- scores ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, concept, value, expected",
    [
        ("89247-1", "ecog", {"valueInteger": 2}, 2),
        ("89247-1", "ecog", {"valueQuantity": {"value": 1}}, 1),
        ("89247-1", "ecog", {"valueQuantity": quantity(0, "{score}")}, 0),
        ("89243-0", "karnofsky", {"valueInteger": 70}, 70),
        ("89243-0", "karnofsky", {"valueQuantity": quantity(70, "%")}, 70),
        ("88020-3", "nyha", {"valueInteger": 3}, 3),
        ("88020-3", "nyha", {"valueString": "II"}, 2),
        ("88020-3", "nyha", {"valueString": "class iv"}, 4),
        ("88020-3", "nyha", {"valueString": "NYHA III"}, 3),
        ("88020-3", "nyha", {"valueString": "I"}, 1),
    ],
)
def test_performance_scores_and_nyha_class_are_read(code, concept, value, expected):
    m = latest(concept, observation(LOINC, code, **value))
    assert m.value == expected and isinstance(m.value, int)


@pytest.mark.parametrize(
    "code, value",
    [
        ("89247-1", {"valueInteger": 6}),
        ("89247-1", {"valueInteger": -1}),
        ("89243-0", {"valueInteger": 110}),
        ("88020-3", {"valueInteger": 0}),
        ("88020-3", {"valueInteger": 5}),
        ("88020-3", {"valueString": "V"}),
        ("88020-3", {"valueString": "severe"}),
        ("88020-3", {"valueQuantity": {"value": 2.5}}),
    ],
)
def test_a_score_outside_its_range_is_ignored(code, value):
    record = read(observation(LOINC, code, **value))
    assert record.facts.measurements == {}
    assert record.ignored[0][0] == "entry[1].resource"


# -- qualitative results -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, concept",
    [("2106-3", "pregnancy_test"), ("2118-8", "pregnancy_test"), ("5196-1", "hbsag"), ("29615-2", "hbv_dna"),
     ("11011-4", "hcv_rna"), ("10351-5", "hiv_test"), ("16128-1", "hcv_antibody")],
)
@pytest.mark.parametrize(
    "value, word",
    [
        ({"valueCodeableConcept": coded("10828004")}, "positive"),
        ({"valueCodeableConcept": coded("260385009")}, "negative"),
        ({"valueString": "Positive"}, "positive"),
        ({"valueString": "NEGATIVE"}, "negative"),
        ({"valueString": " negative "}, "negative"),
        ({"valueCodeableConcept": {"text": "Positive"}}, "positive"),
    ],
)
def test_a_qualitative_result_is_positive_or_negative(code, concept, value, word):
    assert latest(concept, observation(LOINC, code, **value)).value == word


@pytest.mark.parametrize(
    "code, concept", [("29615-2", "hbv_dna"), ("11011-4", "hcv_rna"), ("10351-5", "hiv_test")]
)
@pytest.mark.parametrize(
    "value, word",
    [
        ({"valueQuantity": quantity(150, "[IU]/mL")}, "positive"),
        ({"valueQuantity": {**quantity(15, "[IU]/mL"), "comparator": "<"}}, "negative"),
        ({"valueQuantity": quantity(0, "[IU]/mL")}, "negative"),
        ({"valueQuantity": quantity(12, "[IU]/mL"), "referenceRange": [{"high": quantity(15, "[IU]/mL")}]}, "negative"),
        ({"valueQuantity": quantity(20, "[IU]/mL"), "referenceRange": [{"high": quantity(15, "[IU]/mL")}]}, "positive"),
    ],
)
def test_a_viral_load_above_the_detection_limit_is_positive(code, concept, value, word):
    assert latest(concept, observation(LOINC, code, **value)).value == word


def test_a_qualitative_result_that_is_neither_positive_nor_negative_is_ignored():
    record = read(observation(LOINC, "2106-3", valueString="equivocal"))
    assert record.facts.measurements == {} and record.ignored[0][0] == "entry[1].resource"


@pytest.mark.parametrize("code, concept", [("cd19-expression", "cd19"), ("cd22-expression", "cd22"), ("cd7-expression", "cd7"), ("cd33-expression", "cd33"), ("cd123-expression", "cd123"),
                                           ("cd20-expression", "cd20"), ("cd30-expression", "cd30"), ("cd34-expression", "cd34")])
@pytest.mark.parametrize(
    "value, expected, unit",
    [
        ({"valueCodeableConcept": coded("10828004")}, "positive", None),
        ({"valueString": "negative"}, "negative", None),
        ({"valueQuantity": quantity(85, "%")}, 85, "%"),
        ({"valueQuantity": {"value": 40}}, 40, "%"),
    ],
)
def test_antigen_expression_is_positive_negative_or_a_percentage(code, concept, value, expected, unit):
    m = latest(concept, observation(ELIGO, code, **value))
    assert (m.value, m.unit) == (expected, unit)


def test_an_expression_percentage_above_100_is_ignored():
    assert read(observation(ELIGO, "cd19-expression", valueQuantity=quantity(140, "%"))).facts.measurements == {}


def test_every_measurement_quotes_its_resource_id():
    m = latest("lvef", observation(LOINC, "10230-1", id="echo-7", valueQuantity=quantity(55, "%")))
    assert m.source == "echo-7"


def test_a_snomed_positive_in_the_wrong_system_is_not_read():
    record = read(observation(LOINC, "2106-3", valueCodeableConcept=coded("10828004", "urn:other")))
    assert record.facts.measurements == {}  # the table reads SNOMED CT codings only


@pytest.mark.parametrize(
    "quantity_, concept, load",
    [
        (quantity(2500, "[IU]/mL"), "hbv_dna_load", (2500, "[iU]/mL")),
        (quantity(2500, "IU/mL"), "hbv_dna_load", (2500, "[iU]/mL")),
        (quantity(40000, "{copies}/mL"), "hbv_dna_copies", (40000, "{copies}/mL")),
        (quantity(40000, "copies/mL"), "hbv_dna_copies", (40000, "{copies}/mL")),
        (quantity(40000, "copies/mL"), "hbv_dna_load", None),  # never converted to IU
        (quantity(3.5, "log10 IU/mL"), "hbv_dna_load", (3162.28, "[iU]/mL")),
        ({**quantity(20, "[IU]/mL"), "comparator": "<"}, "hbv_dna_load", None),  # below the detection limit: no load
        (quantity(2500, "mmol/L"), "hbv_dna_load", None),  # not a viral load's unit
    ],
)
def test_an_hbv_dna_quantity_is_also_kept_as_its_load(quantity_, concept, load):
    """Trials bound the load ("HBV DNA >= 2000 IU/mL"), not only its detection; copies/mL is
    kept apart, since only the assay knows its factor to IU."""
    m = latest(concept, observation(LOINC, "29615-2", valueQuantity=quantity_))
    if load is None:
        assert m is None
    else:
        assert (m.value, m.unit) == (pytest.approx(load[0], rel=1e-4), load[1])
