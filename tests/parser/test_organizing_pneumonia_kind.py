"""An organizing pneumonia in the checkpoint-inhibitor pneumonitis line ("History of idiopathic
pulmonary fibrosis, organizing pneumonia (e.g., bronchiolitis obliterans), drug-induced
pneumonitis, idiopathic pneumonitis, ..."; ~20 corpus lines, ``topics/pneumonitis.py``): a kind of
interstitial lung disease, so a record with no lung disease is not excluded (left unread, it kept
the line unknown for every patient) and a lung disease on record is left to a person."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

E = CriterionType.EXCLUSION

CLEAN = adult()
LUNG = adult(condition("interstitial_lung_disease", 300))

ROWS = [
    ("History of idiopathic pulmonary fibrosis, organizing pneumonia (e.g., bronchiolitis obliterans), drug-induced pneumonitis, "
     "idiopathic pneumonitis, or evidence of active pneumonitis on screening chest CT scan", E, [], [CLEAN], [LUNG]),
    ("History of idiopathic pulmonary fibrosis, organizing pneumonia, bronchiolitis obliterans, drug-induced pneumonitis, "
     "or idiopathic pneumonitis", E, [], [CLEAN], [LUNG]),
    ("History of idiopathic pulmonary fibrosis, organizing pneumonia, drug-induced pneumonitis, or idiopathic pneumonitis", E, [], [CLEAN], [LUNG]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_organizing_pneumonia_is_a_kind_of_lung_disease_left_to_a_person(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
