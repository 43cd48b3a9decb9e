"""Diagnosis lines: what the proof of a diagnosis dates, what a disease must come without, and the
marrow failures the leukaemia trials exclude by name (issue 14, helper dx18).

* "histologic verification of AML at original diagnosis (or relapse)": the words date the biopsy,
  they ask nothing of the disease now; "or relapse" is no status offered as an alternative.
* "Relapsed ALL without evidence of CNS involvement", "Stage 3 or 4 disease without evidence of
  distant metastases": the lacked thing is negated (read as one more requirement, a patient with
  CNS involvement or metastases met a line that rules them out). A negation a topic read already
  is never turned back.
* "Fanconi anemia, Kostmann syndrome, Shwachman syndrome, or other bone marrow failure syndromes",
  "Acquired or inherited bone marrow failure syndromes such as aplastic anemia": each syndrome,
  aplastic anaemia and the family.

The safety rule holds throughout: never met (inclusion) nor not met (exclusion) for a record the
line rules out.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.proof_time import blank_proof_time
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def has(*concepts: str) -> PatientFacts:
    return adult(*(condition(c) for c in concepts))


ROWS = [
    # (line, type, met, not met, unknown)
    # the proof's date is no requirement: the AML alone meets it
    ("Patients must have had histologic verification of AML at original diagnosis", I, [has("aml")], [has("all")], []),
    ("Patients must have had histologic confirmation of AML at initial diagnosis or relapse", I, [has("aml"), has("aml", "relapsed")], [has("all", "relapsed")], []),
    # "either the initial presentation or at the time of recurrence" is when the histology was taken
    ("Patients must have recurrent or refractory disease with a histological diagnosis from either the initial presentation or at the time of recurrence",
     I, [has("glioma", "refractory"), has("glioma", "relapsed")], [has("glioma")], []),
    # the lacked thing, after "without (clinical) evidence of"
    ("Relapsed ALL without evidence of CNS involvement", I, [has("all", "relapsed")], [has("all", "relapsed", "cns_involvement"), has("all")], []),
    ("Relapsed ALL without clinical evidence of CNS leukemia", I, [has("all", "relapsed")], [has("all", "relapsed", "cns_involvement")], []),
    # ... and where nothing read stands before it ("Stage 3 or 4" is left to a person)
    ("Stage 3 or 4 disease without evidence of distant metastases", I, [], [has("breast_cancer", "metastatic_disease")], [has("breast_cancer")]),
    ("Endoscopic ultrasound or CT evidence of tumor penetration through the esophageal wall, without evidence of distant metastasis", I,
     [], [has("metastatic_disease")], [has("solid_tumor")]),
    # a negation a topic read is never turned back: the infection stays ruled out
    ("Night sweats without evidence of infection", I, [], [has("cll", "active_infection")], [has("cll")]),
    ("Factor V < 50% without DIC", E, [], [has("aml", "dic")], [has("aml")]),
    ("Subjects must have a normal ECG, without evidence of congestive heart failure.", I, [], [has("heart_failure")], [has("aml")]),
    ("Patients must be without seizures for at least 14 days prior to enrollment", I, [has("aml")], [], []),
    # a clause that opens "Patients without ..." is negated once, whole
    ("Patients without CNS involvement", E, [has("aml")], [has("aml", "cns_involvement")], []),
    ("Patients without evidence of CNS involvement", I, [has("aml")], [has("aml", "cns_involvement")], []),
    # the marrow failures by name, and the family
    ("Patients with Down syndrome, acute promyelocytic leukemia, juvenile myelomonocytic leukemia, Fanconi anemia, Kostmann syndrome, Shwachman syndrome, "
     "or other bone marrow failure syndromes are not eligible.", E,
     [has("congenital_neutropenia"), has("shwachman_diamond_syndrome"), has("aplastic_anemia"), has("fanconi_anemia"), has("diamond_blackfan_anemia")],
     [has("aml"), has("all")], []),
    ("Acquired or inherited bone marrow failure syndromes such as aplastic anemia and Fanconi anemia", E,
     [has("aplastic_anemia"), has("fanconi_anemia"), has("congenital_neutropenia")], [has("aml"), has("mds")], []),
    # inherited only: an acquired aplastic anaemia is none
    ("Inherited bone marrow failure syndromes", E, [has("fanconi_anemia"), has("congenital_neutropenia"), has("shwachman_diamond_syndrome")],
     [has("aplastic_anemia"), has("aml")], []),
    ("History of aplastic anemia", E, [has("aplastic_anemia")], [has("aml"), has("congenital_neutropenia")], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_a_diagnosis_line_reads_its_proof_and_what_it_lacks(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(("line", "ctype", "absent"), [
    # a stage at diagnosis is the stage's: the words stay to be read
    ("Subjects must have histologically confirmed invasive breast cancer with Stage IV disease at primary diagnosis or at relapse after curative-intent surgery.", I, None),
    # CLL's "progressive marrow failure" is a finding of the disease, no marrow failure syndrome
    ("Evidence of progressive marrow failure as manifested by the development of or worsening anemia (=< 11 g/dl) and/or thrombocytopenia", I, "marrow-failure"),
    # "with or without" allows either way
    ("Stage 3 disease with or without distant metastases", I, "not metastatic-disease"),
])
def test_what_is_left_alone(line: str, ctype: CriterionType, absent: str | None) -> None:
    rule = rule_of(line, ctype)
    if absent is None:
        assert "relapsed" in rule  # the relapse after surgery is still read
    else:
        assert absent not in rule


def test_the_proof_time_pattern_is_bounded() -> None:
    """A hostile 20,000-character line is blanked and parsed in well under a second."""
    hostile = "histologically confirmed " + "at original diagnosis or relapse or " * 560
    start = time.perf_counter()
    blank_proof_time(hostile)
    parse_line(("Stage 3 disease without evidence of " * 560)[:20000], I)
    parse_line(("histologic verification of AML at initial diagnosis or at the time of " * 300)[:20000], I)
    assert time.perf_counter() - start < 1.0
