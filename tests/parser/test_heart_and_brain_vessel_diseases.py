"""The heart's and the brain's vessels named together ("cardiovascular and cerebrovascular
diseases", "cardio-cerebrovascular disease"; the seed NCT05744440 writes it three times) are the
circulatory system's diseases, ``cardiovascular_disease`` (I00-I99, the cerebrovascular I60-I69
among them). Read apart, the brain's half was an unread review beside the heart's."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

EXC = CriterionType.EXCLUSION


@pytest.mark.parametrize(
    "text",
    ["Cardiovascular and cerebrovascular diseases", "Concomitant cardio-cerebrovascular disease", "cerebrovascular or cardiovascular disease"],
)
def test_the_two_vessel_trees_together_are_the_circulatory_systems_diseases(text: str) -> None:
    assert render_rule(parse_line(text, EXC).expr) == "cardiovascular-disease"


def test_the_brains_vessels_alone_are_not_read_as_the_whole_system() -> None:
    # (a hypertension on record is no cerebrovascular disease)
    assert "cardiovascular-disease" not in render_rule(parse_line("Cerebrovascular disease", EXC).expr)


# (why, record, outcome)
CASES: list[tuple[str, PatientFacts, Outcome]] = [
    ("a stroke on record: a disease of the brain's vessels", adult(condition("stroke")), Outcome.MET),
    ("nothing of the circulation on record", adult(), Outcome.NOT_MET),
]


@pytest.mark.parametrize(("facts", "expected"), [pytest.param(f, o, id=w) for w, f, o in CASES])
def test_a_circulatory_disease_on_record_decides(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line("Concomitant cardiovascular and cerebrovascular diseases", EXC), facts, AS_OF).outcome is expected


# the seed's line: its heads ("Severe cardiovascular and cerebrovascular diseases, including:",
# "Some cardiovascular and cerebrovascular diseases (such as ...)") are asked of a patient with a
# circulatory disease on record (topics.cardiac_heads), as the researchers' judgement is
SEED = ("Severe cardiovascular and cerebrovascular diseases, including: (1) Some cardiovascular and cerebrovascular diseases (such "
        "as congestive heart failure, acute myocardial infarction, unstable angina pectoris, stroke, transient ischemic attack, deep "
        "vein thrombosis or pulmonary embolism, etc.) occur within 6 months prior to the first dose of study drug; (2)New York Heart "
        "Association (NYHA) Class ≥3 or uncontrolled malignant arrhythmias; (3)The researchers assessed that the subjects with other "
        "cardiovascular and cerebrovascular diseases are not suitable for the study;")

SEED_CASES: list[tuple[str, PatientFacts, Outcome]] = [
    ("no circulatory disease on record: not excluded (was unknown)", adult(), Outcome.NOT_MET),
    ("a stroke two months ago excludes", adult(condition("stroke", 60)), Outcome.MET),
    ("a stroke four years ago, its disease still on record, is the researchers' to weigh", adult(condition("stroke", 1500)), Outcome.UNKNOWN),
]


@pytest.mark.parametrize(("facts", "expected"), [pytest.param(f, o, id=w) for w, f, o in SEED_CASES])
def test_the_heads_are_asked_of_a_patient_with_a_circulatory_disease(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(SEED, EXC), facts, AS_OF).outcome is expected
