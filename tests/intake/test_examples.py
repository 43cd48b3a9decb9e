"""The shared example patients D01-D10 normalise to the facts the seed trials need."""

from __future__ import annotations

from datetime import date

import pytest
from intake_helpers import example, examples_dir

from matcher.intake import normalise, validate_bundle

pytestmark = pytest.mark.skipif(examples_dir() is None, reason="example patients not found")

ALL_EXAMPLES = [f"D{n:02d}" for n in range(1, 11)]


def facts(name: str):
    return normalise(validate_bundle(example(name))).facts


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_every_example_is_accepted_with_nothing_ignored_or_warned(name):
    record = normalise(example(name))
    assert record.ignored == []
    assert record.warnings == []


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_the_upsert_key_is_the_patients_first_identifier(name):
    assert normalise(example(name)).identifier == ("urn:oid:2.16.840.1.113883.19.5.99999", name)


@pytest.mark.parametrize(
    "name, birth_date, sex",
    [("D01", date(1971, 5, 24), "male"), ("D03", date(1960, 5, 24), "female"), ("D10", date(1996, 5, 24), "female")],
)
def test_birth_date_and_sex_come_from_the_patient(name, birth_date, sex):
    f = facts(name)
    assert (f.birth_date, f.sex) == (birth_date, sex)


@pytest.mark.parametrize(
    "name, diagnosis",
    [
        ("D01", "aml"),
        ("D02", "b_all"),  # C91.02 + ICD-O-3 9811/3
        ("D03", "aml"),
        ("D06", "b_all"),
        ("D08", "t_all"),  # C91.02 + ICD-O-3 9837/3
        ("D09", "aml"),
    ],
)
def test_the_diagnosis_is_the_most_specific_lineage(name, diagnosis):
    f = facts(name)
    leukemias = {c for c in f.events if c in {"aml", "apl", "all", "b_all", "t_all", "acute_leukemia"}}
    assert leukemias == {diagnosis}
    assert f.events_of(diagnosis)[0].active


@pytest.mark.parametrize("name", ["D01", "D02", "D03", "D06", "D08", "D10"])
def test_a_fifth_character_2_is_a_relapse(name):
    f = facts(name)
    assert f.events_of("relapsed")
    assert not f.events_of("remission")


def test_d09_c92_01_is_in_remission_and_not_relapsed():
    f = facts("D09")
    assert f.events_of("remission")[0].date == date(2026, 7, 25)
    assert f.events_of("relapsed", active_only=False) == ()
    assert f.events_of("aml")  # the diagnosis itself stays current: clinicalStatus is active


def test_d06_platelets_in_10_3_per_ul_are_stored_in_10_9_per_l():
    platelets = facts("D06").latest("platelets")
    assert platelets.unit == "10*9/L"
    assert platelets.value == pytest.approx(15)


def test_d06_neutrophils_in_10_3_per_ul_are_stored_in_10_9_per_l():
    anc = facts("D06").latest("anc")
    assert (anc.unit, anc.value) == ("10*9/L", pytest.approx(0.3))


def test_d03_bilirubin_takes_the_labs_uln_of_1_0():
    bilirubin = facts("D03").latest("bilirubin")
    assert (bilirubin.value, bilirubin.unit, bilirubin.uln, bilirubin.uln_default) == (
        pytest.approx(1.6),
        "mg/dL",
        pytest.approx(1.0),
        False,
    )
    assert bilirubin.date == date(2026, 11, 19)


def test_d04_creatinine_and_clearance_are_read():
    f = facts("D04")
    assert f.latest("creatinine").value == pytest.approx(1.4)
    assert f.latest("creatinine_clearance").value == pytest.approx(58)
    assert f.latest("creatinine_clearance").unit == "mL/min"


def test_d05_has_hepatitis_c_and_a_positive_hcv_rna():
    f = facts("D05")
    assert f.events_of("hcv")[0].date == date(2024, 2, 26)
    rna = f.latest("hcv_rna")
    assert (rna.value, rna.date) == ("positive", date(2026, 11, 17))


def test_d07_lvef_of_48_percent_is_read():
    assert facts("D07").latest("lvef").value == pytest.approx(48)


def test_d03_ecog_2_is_an_integer_score():
    ecog = facts("D03").latest("ecog")
    assert (ecog.value, ecog.unit) == (2, "1")


def test_d08_is_cd7_positive_and_cd19_cd22_negative():
    f = facts("D08")
    assert [f.latest(c).value for c in ("cd7", "cd19", "cd22")] == ["positive", "negative", "negative"]


def test_d10_is_lactating():
    f = facts("D10")
    assert f.events_of("lactation")[0].date == date(2026, 9, 23)


def test_d02_pregnancy_test_is_negative():
    assert facts("D02").latest("pregnancy_test").value == "negative"


def test_d01_life_expectancy_of_6_months_is_stored_in_weeks():
    life = facts("D01").latest("life_expectancy")
    assert life.unit == "wk"
    assert life.value == pytest.approx(6 * 30.4375 / 7)


def test_every_fact_quotes_its_source_resource_id():
    data = example("D05")
    ids = {e["resource"]["id"] for e in data["entry"]}
    f = normalise(data).facts
    sources = [m.source for ms in f.measurements.values() for m in ms] + [e.source for es in f.events.values() for e in es]
    assert sources and all(s in ids for s in sources)


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_facts_survive_a_json_round_trip(name):
    from rules_engine.facts import PatientFacts

    f = facts(name)
    assert PatientFacts.from_json(f.to_json()).to_json() == f.to_json()
