"""Lab, performance and organ-function lines whose decided values were left unread (issue 14,
holdout misses where a patient the clinicians call ineligible stayed possibly eligible).

Each shape is one the registries write in many trials: a count whose written unit no measurement
could mean ("platelets >= 90,000 x 10^9/L", "neutrophils >= 1.500/mm3"), words before a test that
only name the value ("most recent", "Prolonged QTc"), ions by their chemical symbols in a list
against the lower limit of normal, "within institutional limits of normal", the performance
status's own value called a grade, the scale's group misspelt or spelt out in brackets, the
scoring note on patients in a wheelchair, the Karnofsky and Lansky minimums each with its ages,
and a waiver of the line's blood counts. Sentences are made up in the registries' style.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import age, anc, bilirubin, condition, ecog, healthy, karnofsky, lab, platelets, record, score

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION



# -- a count whose unit no measurement could mean: the number carries its scale ---------------

@pytest.mark.parametrize("text,expected", [
    ("Platelets >= 90,000 x 10^9/L", "platelets >= 90 10*9/L"),
    ("Absolute neutrophil count >= 1200 x 10^9/L", "ANC >= 1.2 10*9/L"),
    ("ANC > 1.2 K/ml", "ANC > 1.2 10*9/L"),
    ("Absolute neutrophil count > 1500/L", "ANC > 1.5 10*9/L"),
    ("Hemoglobin >= 8.5 gm/L", "hemoglobin >= 8.5 g/dL"),
    # a point between thousands, the European writing of a count
    ("Platelets >= 75.000/mm3", "platelets >= 75 10*9/L"),
    ("Leukocytes >= 2.500/mm3", "WBC >= 2.5 10*9/L"),
])
def test_a_count_in_a_unit_no_measurement_could_mean_is_read_by_its_number(text, expected):
    assert rule_of(text) == expected


@pytest.mark.parametrize("text", [
    # the spinal fluid's cells are never the blood's
    "CNS disease defined as CSF WBC > 5 cells/microliter",
    "WBC >= 5/uL in the cerebrospinal fluid",
])
def test_a_spinal_fluid_count_is_never_read_as_the_bloods(text):
    rule = rule_of(text)
    assert "10*9/L" not in rule and "review" in rule


# -- words that only name the value the bound is of ---------------------------------------------

@pytest.mark.parametrize("text,ctype,expected", [
    ("Most recent serum creatinine above 2.5 mg/dL", EXC, "creatinine > 2.5 mg/dL"),
    ("Latest total bilirubin > 3 x ULN", EXC, "bilirubin > 3 x ULN"),
    ("Prolonged QTc interval on the screening ECG (> 470 msec)", EXC, "QTc > 470 ms"),
])
def test_words_naming_the_value_leave_the_bound_alone(text, ctype, expected):
    assert rule_of(text, ctype) == expected


def test_prolonged_names_only_a_qt_interval():
    assert "review" in rule_of("Prolonged neutropenia with ANC < 0.5 x 10^9/L", EXC)


# -- ions by their symbols, and a coagulation test within the limits of normal ------------------

def potassium(value: float):
    return lab("potassium", value, "mmol/L", uln=5.1)


def sodium(value: float):
    return lab("sodium", value, "mmol/L", uln=145)


def test_ions_by_their_symbols_are_each_asked_at_the_lower_limit():
    rule = rule_of("Serum Na, K+ and Mg2+ >= lower limit of normal (LLN)")
    assert all(f"lower limit of normal for {c}" in rule for c in ("sodium", "potassium", "magnesium"))


def test_a_bare_k_is_no_potassium():
    assert "potassium" not in rule_of("K >= lower limit of normal")


INR = lab("inr", 1.8, uln=1.2)

# (line, type, met, not met, unknown)
ROWS = [
    ("Serum Na and K+ >= lower limit of normal", INC,
     (healthy(potassium(4.2), sodium(140)),), (healthy(potassium(2.9), sodium(140)), healthy(potassium(4.2), sodium(128))), (healthy(potassium(4.2)),)),
    ("The partial thromboplastin time (PTT)/international normalized ratio (INR) within institutional limits of normal", INC,
     (healthy(),), (healthy(inr=INR),), (healthy(inr=None),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_ions_and_coagulation_within_normal_are_decided_by_the_record(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# -- the performance status, however its scale is named ---------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("ECOG performance status grade 0 or 1", "ECOG <= 1"),
    ("Eastern Cooperative Oncology Group Performance Status (ECOG PS) grade of 0, 1 or 2", "ECOG <= 2"),
    ("Easter Cooperative Oncology Group (ECOG) performance status 0-1", "ECOG <= 1"),
    ("European Cooperative Oncology Group performance status of 2 or less", "ECOG <= 2"),
    ("Eastern Cancer Cooperative Group (ECOG) performance score of 0 or 1", "ECOG <= 1"),
    ("Performance status 0-1 (per Eastern Cooperative Oncology Group (ECOG) scale)", "ECOG <= 1"),
    ("ECOG performance status 0-2 (Eastern Cooperative Oncology Group)", "ECOG <= 2"),
])
def test_the_status_is_read_whatever_the_scales_name_looks_like(text, expected):
    assert rule_of(text) == expected


def test_a_toxicity_grade_beside_the_status_is_not_its_value():
    assert rule_of("ECOG performance status 1 or less and no grade 2 neuropathy").startswith("ECOG <= 1")


WHEELCHAIR = (
    "Performance status: ECOG 0, 1 or 2; Note: patients who are unable to walk because of paralysis, but who are up in "
    "a wheelchair, will be considered ambulatory for the purpose of assessing the performance score"
)
EACH_SCALE = (
    "Karnofsky score must be at least 60% for participants >16 years of age, and Lansky score must be at least 60% "
    "for participants 16 years of age or less."
)
STATUS_ROWS = [
    # the wheelchair note says how the status is scored: it never lets a poor status through
    (WHEELCHAIR, INC, (healthy(ecog(1)),), (healthy(ecog(3)),), (healthy(),)),
    # each scale's minimum with its own ages
    (EACH_SCALE, INC, (record(age(40), karnofsky(70)), record(age(10), score("lansky", 70))),
     (record(age(40), karnofsky(50)), record(age(10), score("lansky", 50))), (record(age(40)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(STATUS_ROWS))
def test_scoring_notes_and_age_scoped_scales_leave_the_status_decided(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# -- a waiver of every blood count the line asks ---------------------------------------------------

WAIVER = (
    "Platelets >= 75,000/mm3; hemoglobin >= 9 g/dL; ANC >= 1,000/mm3 - the hematologic requirements are waived for "
    "patients with inadequate counts due to bone marrow involvement by lymphoma"
)
LYMPHOMA = condition("lymphoma")
# the patients it names are those whose marrow the cancer reaches (count_waivers, lab_scopes): a
# secondary neoplasm of the marrow on record lifts the counts, a lymphoma without it does not
# (the lymphoma alone once lifted them for every patient of a lymphoma trial, holdout T275), and a
# cancer of the marrow itself (CLL) is a person's call
WAIVER_ROWS = [
    (WAIVER, INC, (healthy(), healthy(LYMPHOMA, condition("bone_marrow_involvement"), platelets=platelets(50))),
     (healthy(platelets=platelets(50)), healthy(anc=anc(0.6)), healthy(LYMPHOMA, platelets=platelets(50)), healthy(LYMPHOMA, anc=anc(0.6))),
     (healthy(condition("cll"), platelets=platelets(50)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(WAIVER_ROWS))
def test_a_waiver_of_the_counts_lifts_each_of_them_for_the_patients_it_names(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# -- the cause of a value, known or suspected ----------------------------------------------------------

GILBERT = (
    "Bilirubin <= 1.5 x ULN. Patients with elevations of bilirubin up to 4 mg/dL due to known or suspected Gilbert's "
    "syndrome are eligible"
)
GILBERT_ROWS = [
    (GILBERT, INC, (healthy(),), (healthy(bilirubin=bilirubin(3.0)), healthy(condition("gilbert_syndrome"), bilirubin=bilirubin(5.0))),
     (healthy(condition("gilbert_syndrome"), bilirubin=bilirubin(3.0)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(GILBERT_ROWS))
def test_a_cause_known_or_suspected_is_one_cause_beside_the_bound(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# -- a spread around the normal range, a count of the past -------------------------------------------

def test_a_spread_around_the_normal_range_widens_the_limit():
    assert rule_of("PT and PTT within normal limits (plus or minus 10%)") == "PT <= 1.1 x ULN and APTT <= 1.1 x ULN"


def test_a_count_of_the_past_is_not_read_as_todays_by_the_scale():
    assert "a threshold no measurement could mean: ANC < 800" in rule_of("Any history of ANC < 800/mL outside of chemotherapy", EXC)


# -- two age bounds sharing the unit after the second -------------------------------------------------

AGES = "Men and women ≥ 21 and ≤ 70 years of age"
AGE_ROWS = [
    (AGES, INC, (record(age(40)),), (record(age(19)), record(age(72))), (record(),)),
    ("Age 21 to 65 years; patients > 65 but ≤ 72 years are eligible if fit for intensive therapy", INC,
     (record(age(40)),), (record(age(19)), record(age(74))), (record(age(68)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(AGE_ROWS))
def test_both_age_bounds_are_read_when_the_unit_follows_the_second(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
