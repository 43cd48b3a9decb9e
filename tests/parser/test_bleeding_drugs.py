"""Medicines named by what they do to bleeding (topics.bleeding_drugs).

"Medication that increases bleeding risk" was a review, so a patient on aspirin or warfarin
passed the exclusion (holdout T311). The medicines that raise the risk are the anticoagulants,
the antiplatelet agents and the NSAIDs, each a class the intake reads from RxNorm and ATC codes;
others no class names (an SSRI, ibrutinib) leave a patient on none of them to a person.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION

RISK = "Medication that increases bleeding risk"

# (line, type, met, not met, unknown)
ROWS = [
    (RISK, EXC, (healthy(medication("antiplatelet_therapy", 10)), healthy(medication("vitamin_k_antagonist", 10)), healthy(medication("nsaid_therapy", 3))),
     (), (healthy(),)),
    ("Patients taking medications that may increase the risk of bleeding", EXC, (healthy(medication("anticoagulant_therapy", 5)),), (), (healthy(),)),
    ("Drugs that interfere with coagulation", EXC, (healthy(medication("anticoagulant_therapy", 5)),), (healthy(),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_medicine_that_raises_bleeding_is_one_of_the_classes(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
