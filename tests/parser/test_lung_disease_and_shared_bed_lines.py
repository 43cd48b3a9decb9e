"""Comorbid conditions named by their organ or shared wording (issue 14, cond8):

* a disease of the lungs ("Severe pulmonary disease", "No serious lung disease", "No symptomatic
  pulmonary disease"; ~200 corpus lines left wholly to review): read as ``lung_disease``, what
  narrows it a review beside it; a lung disease on supplemental oxygen is the severe one;
* the two vascular beds sharing one noun ("History of venous or arterial thromboembolism",
  "Arterial or venous thrombotic or embolic events", "acute peripheral or pulmonary arterial
  thromboembolism (PE)"): one thromboembolism, the first bed no longer an unread alternative;
* the serology words beside one virus ("Known seropositivity to human immunodeficiency virus
  (HIV)") and the hyphenated surface antigen ("hepatitis B surface-antigen positive").

Each line is judged against a FHIR record read through the real intake (``intake_facts``), so
the table pins the codes (ICD-10-CM) and the reading together.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.comorbid_conditions import _CONDITION_BEFORE, _NEGATED_QUALIFIED_BEFORE, COMORBID_CONDITIONS
from rules_engine.parser.topics.events import _HISTORY_RES
from tests.fixtures.holdout import fhir as f
from tests.fixtures.intake_facts import intake_facts
from tests.fixtures.judging import judged, rule_of

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def coded(code: str) -> dict[str, Any]:
    return f.condition(code, "condition", system=f.ICD10CM, onset=300)


COPD = coded("J44.9")
OXYGEN = coded("Z99.81")
OTHER = coded("E11.9")  # type 2 diabetes: a record with another condition only

LUNG_ROWS = [
    # (line, type, record's conditions, expected)
    ("Severe pulmonary disease", E, [COPD], UNKNOWN),  # severity a person's
    ("Severe pulmonary disease", E, [COPD, OXYGEN], MET),  # a lung disease on oxygen is severe
    ("Severe pulmonary disease", E, [OXYGEN], NOT_MET),  # oxygen alone names no lung disease
    ("Severe pulmonary disease", E, [OTHER], NOT_MET),
    ("Severe pulmonary disease", E, [], NOT_MET),
    ("No serious lung disease", I, [coded("J84.10")], UNKNOWN),
    ("No serious lung disease", I, [OTHER], MET),
    ("No pulmonary disease", I, [coded("J45.909")], NOT_MET),  # asthma is a lung disease
    ("No pulmonary disease", I, [coded("J18.9")], NOT_MET),  # so is a pneumonia
    ("No pulmonary disease", I, [coded("J30.1")], MET),  # a rhinitis is the nose's
    ("No symptomatic pulmonary disease", I, [COPD], UNKNOWN),
    ("No symptomatic pulmonary disease", I, [], MET),
]


@pytest.mark.parametrize(("line", "ctype", "resources", "expected"), LUNG_ROWS)
def test_a_coded_lung_disease_decides_the_line(line: str, ctype: CriterionType, resources: list[dict[str, Any]], expected: Outcome) -> None:
    """The lung disease is read, its qualifier stays a review beside it, and the record's codes
    (or their absence) decide the rest."""
    assert judged(parse_line(line, ctype), intake_facts(*resources)) is expected


@pytest.mark.parametrize(
    ("line", "ctype"),
    [
        # a tumour's site, not the patient's lung disease
        ("Patients with measurable lung disease", I),
        ("Metastatic pulmonary disease", E),
        # the named kind keeps its own row
        ("Chronic obstructive pulmonary disease", E),
        # one organ of a list sharing its qualifier: left to a person, as the kidney's
        ("Patients with significant cardiac, hepatic, gastrointestinal, renal, pulmonary, or psychiatric disease are ineligible", E),
        # a negation inside the line with a qualifier after it: the qualifier would be left
        # outside the negation, so the lung disease stays unread
        ("Diffusing Capacity of the Lung for Carbon Monoxide (DLCO) ≥ 50% of predicted with no symptomatic pulmonary disease", I),
        # one a bracket after it narrows: read as an alternative of its own, any lung disease excluded
        ("Other severe, concurrent diseases, including tuberculosis, pulmonary disease (COPD with hypoxemia)", E),
        # a lung disease a condition names: what a clause does if the patient has it
        ("DLCO >= 50% of predicted value. Pulmonary clearance is needed if the patient has FEV1, FVC, or DLCO < 50% of predicted "
         "valued or any symptomatic pulmonary disease.", I),
    ],
)
def test_what_is_not_the_patients_lung_disease_stays_unread(line: str, ctype: CriterionType) -> None:
    read = re.sub(r'"[^"]*"', "", rule_of(line, ctype))  # the concepts read, not the words left to review
    assert "lung-disease" not in read


def test_an_asymptomatic_lung_disease_never_fails_a_with_no_symptomatic_inclusion() -> None:
    """"... with no symptomatic pulmonary disease": a record with a lung disease is a person's,
    never failed for the disease alone."""
    line = parse_line("DLCO >= 50% of predicted with no symptomatic pulmonary disease", I)
    assert judged(line, intake_facts(COPD)) is not NOT_MET


@pytest.mark.parametrize(
    ("line", "ctype", "expected"),
    [
        ("History of venous or arterial thromboembolism within 12 months prior to enrollment", E, "thromboembolism within 12 months"),
        ("History of arterial or venous thrombotic or embolic events", E, "thromboembolism or thromboembolism within 100 years"),
        ("Arterial or venous thrombotic event in the preceding six months", E, "thromboembolism within 6 months"),
        ("Patients with deep venous or arterial thrombosis within 6 weeks of study entry", E, "thromboembolism within 6 weeks"),
        ("Acute peripheral or pulmonary arterial thromboembolism (PE) within 6 months", E, "thromboembolism within 6 months"),
        ("Known seropositivity to human immunodeficiency virus (HIV)", E, "HIV"),
        ("hepatitis B surface-antigen positive", E, "HBV"),
    ],
)
def test_the_shared_words_are_read_whole(line: str, ctype: CriterionType, expected: str) -> None:
    """The words a name shares (two beds, one noun; the serology before one virus) are read
    with it, leaving no unread alternative that kept every record unknown."""
    assert rule_of(line, ctype) == expected


@pytest.mark.parametrize(
    ("line", "resources", "expected"),
    [
        ("History of venous or arterial thromboembolism within 12 months prior to enrollment", [], NOT_MET),
        ("History of venous or arterial thromboembolism within 12 months prior to enrollment", [OTHER], NOT_MET),
        ("Known seropositivity to human immunodeficiency virus (HIV)", [], NOT_MET),
        ("Known seropositivity to human immunodeficiency virus (HIV)", [coded("B20")], MET),
    ],
)
def test_a_record_without_the_condition_is_decided(line: str, resources: list[dict[str, Any]], expected: Outcome) -> None:
    assert judged(parse_line(line, E), intake_facts(*resources)) is expected


_LUNG = next(re.compile(p, re.I) for c, p, _g in COMORBID_CONDITIONS if c == "lung_disease")
_CLOT = next(p for c, p, _g in _HISTORY_RES if c == "thromboembolism")


@pytest.mark.parametrize(
    ("pattern", "text", "how"),
    [
        (_LUNG, "pulmonary " * 1000 + "x", "search"),
        (_LUNG, "lung or " * 1000 + "x", "search"),
        (_NEGATED_QUALIFIED_BEFORE, "with no " + "symptomatic " * 2000, "search"),
        (_CLOT, "venous or arterial " * 500 + "x", "search"),
        (_CLOT, "peripheral or pulmonary " * 500 + "x", "search"),
    ],
    ids=["lung-repeated-organ", "lung-shared-noun", "negated-qualifier", "clot-shared-beds", "clot-peripheral"],
)
def test_the_patterns_read_adversarial_text_fast(pattern: re.Pattern[str], text: str, how: str) -> None:
    start = time.perf_counter()
    getattr(pattern, how)(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


def test_the_guards_read_adversarial_text_fast() -> None:
    """The guards look only at a bounded stretch before the name, however long the line."""
    text = "if " * 5000 + "with no " * 5000
    start = time.perf_counter()
    _NEGATED_QUALIFIED_BEFORE.search(text, len(text) - 60, len(text))
    _CONDITION_BEFORE.search(text, len(text) - 120, len(text))
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


def test_a_risk_the_patient_is_at_is_not_read_as_the_shared_beds() -> None:
    """"at high risk for arterial or venous thromboembolism": the two beds are not read as one
    clot of the patient's (the words stay as the history table read them before)."""
    found = _CLOT.search("any patient who is at high risk for arterial or venous thromboembolism")
    assert found is not None and found.group(0) == "venous thromboembolism"
