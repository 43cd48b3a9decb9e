"""The arterial oxygen tension, the blood states a bound defines, and the lung-function names
registries write (issue 14, laboratory and pulmonary function).

* "pO_2", "PO _2", "Pa O_2", "PaO2", "arterial oxygen pressure" are the arterial pO2 (LOINC
  2703-7), in mm Hg; "PO 2 times daily" is by mouth, never read.
* "No severe hypoxemia with pO_2 < 70 mm Hg AND DLCO < 70% of predicted": the state is what the
  two bounds define, together (the PDQ's capital AND); "Anemia as defined by hemoglobin < 11
  g/dL" is the haemoglobin's bound alone. A state the bound does not measure keeps its words.
* "Cardiac: ejection fraction >= 45%": the organ's label only frames the bound.
* "Forced expiratory volume (FEV1)", "forced volume vital capacity", "02 saturation": the
  registries' spellings of FEV1, FVC and the oxygen saturation.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType, Review, iter_nodes
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.defined_states import state_frame_end
from rules_engine.parser.topics.labs import _LAB_NAMES, lab_items
from tests.fixtures.intake_facts import intake_facts
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, lab

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def po2(value: float) -> object:
    return lab("pao2", value, "mm[Hg]")


def dlco(value: float) -> object:
    return lab("dlco", value, "%")


SEVERE = "No severe hypoxemia with pO_2 < 70 mm Hg AND DLCO < 70% of predicted"
MILD = "No mild hypoxemia with pO_2 < 80 mm Hg AND DLCO < 60% of predicted"

ROWS = [
    # (line, type, met, not met, unknown)
    # both bounds together make the state; either alone does not, and a DLCO that high rules it out
    (SEVERE, I, [adult(po2(92), dlco(80)), adult(po2(65), dlco(75)), adult(po2(75), dlco(55)), adult(dlco(80))],
     [adult(po2(65), dlco(65))], [adult(), adult(po2(65))]),
    (MILD, I, [adult(po2(65), dlco(65)), adult(dlco(80))], [adult(po2(75), dlco(55))], [adult()]),
    ("PO_2 ≥ 70 mm Hg AND DLCO ≥ 70% of predicted OR PO _2 ≥ 80 mm Hg AND DLCO ≥ 60% of predicted", I,
     [adult(po2(75), dlco(72)), adult(po2(85), dlco(62))], [adult(po2(75), dlco(65)), adult(po2(65), dlco(90))], [adult(dlco(90))]),
    ("Arterial oxygen pressure (Pa O_2) ≥ 70 mm Hg", I, [adult(po2(80))], [adult(po2(60))], [adult()]),
    ("Pulmonary (pO2 < 60 mmHg), haemopoietic (e.g. serious bone marrow aplasia), hepatic or renal disorders", E, [adult(po2(55))], [], []),
    # a kPa bound converts
    ("PaO2 > 8 kPa on room air", I, [adult(po2(75))], [adult(po2(55))], []),
    # the state the bound defines is no diagnosis asked beside it
    ("Anemia as defined by hemoglobin less than 11g/dL.", I, [adult(lab("hemoglobin", 9.5, "g/dL"))], [adult(lab("hemoglobin", 12, "g/dL"))], [adult()]),
    ("No severe anemia, defined as hemoglobin < 10 g/dL", I, [adult(lab("hemoglobin", 12, "g/dL"))], [adult(lab("hemoglobin", 9, "g/dL"))], []),
    ("Neutropenia with an absolute neutrophil count < 1,000/mm³", I, [adult(lab("anc", 0.6, "10*9/L"))], [adult(lab("anc", 2.0, "10*9/L"))], []),
    # two counts asked: one on record is a person's to judge
    ("Neutropenia with ≥ 2 absolute neutrophil counts < 1,000/mm³", I, [], [adult(lab("anc", 2.0, "10*9/L"))], [adult(lab("anc", 0.6, "10*9/L"))]),
    # a state the bound does not measure keeps its word
    ("Anemia with platelets < 50,000/uL", I, [], [adult(lab("platelets", 80, "10*9/L"))], [adult(lab("platelets", 30, "10*9/L"))]),
    # symptoms are no part of what the bound says
    ("Symptomatic anemia with hemoglobin < 10.0 g/dL", I, [], [adult(lab("hemoglobin", 12, "g/dL"))], [adult(lab("hemoglobin", 9, "g/dL"))]),
    # the organ's label frames the bound
    ("Cardiac: ejection fraction ≥45%", I, [adult(lab("lvef", 50, "%"))], [adult(lab("lvef", 40, "%"))], []),
    ("Forced expiratory volume (FEV1), forced volume vital capacity (FVC) and Diffusing Capacity of the Lung for Carbon Monoxide (DLCO) >40%.", I,
     [adult(lab("fev1", 60, "%"), lab("fvc", 60, "%"), dlco(60))], [adult(lab("fev1", 35, "%"), lab("fvc", 60, "%"), dlco(60))], []),
    ("Adequate lung function as defined by an 02 saturation that is ≥ 90% on room air", I, [adult(lab("spo2", 95, "%"))], [adult(lab("spo2", 85, "%"))], []),
    ("Severely impaired lung function as defined as spirometry and DLCO that is 50% of the normal predicted value and/or 02 saturation "
     "that is 88% or less at rest on room air.", E, [adult(lab("spo2", 85, "%"))], [], [adult(lab("spo2", 95, "%"))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_oxygen_states_and_lung_function_lines_are_read(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Hydroxyurea 500 mg PO 2 times daily",  # by mouth, twice a day
        "Fludarabine 30 mg/m2 IV or PO 2 days before",
    ],
)
def test_by_mouth_is_no_oxygen_tension(text: str) -> None:
    assert not any(it.concepts & {"pao2"} for it in lab_items(text, CriterionType.INCLUSION))


@pytest.mark.parametrize(
    ("text", "review_left"),
    [
        ("Anemia with platelets < 50,000/uL", True),
        ("No severe anemia, defined as hemoglobin < 10 g/dL", False),
        ("Symptomatic anemia with hemoglobin < 10.0 g/dL", True),
    ],
)
def test_only_a_state_the_bound_measures_is_consumed(text: str, review_left: bool) -> None:
    expr = parse_line(text, CriterionType.INCLUSION).expr
    assert any(isinstance(n, Review) for n in iter_nodes(expr)) is review_left


def test_the_intake_reads_the_arterial_po2() -> None:
    from tests.fixtures.holdout import fhir as f

    facts = intake_facts(f.lab("2703-7", "Oxygen [Partial pressure] in Arterial blood", 65, "mm[Hg]", days_ago=1))
    assert "pao2" in facts.measurements


@pytest.mark.parametrize(
    "text",
    [
        "no " + "severe " * 3000 + "anemia with",
        "anemia" + " ," * 5000 + " defined as",
        "P" + "a " * 5000 + "O_2 < 70",
    ],
)
def test_the_new_patterns_stay_fast_on_adversarial_text(text: str) -> None:
    name = re.compile(dict(_LAB_NAMES)["pao2"], re.I)
    start = time.perf_counter()
    state_frame_end(text, len(text), frozenset({"hemoglobin"}))
    list(name.finditer(text))
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
