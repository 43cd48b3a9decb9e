"""Medication lines of holdout T292 read generally: a class named by what its drugs are known to
do ("medications known to inhibit platelet function"), a second relative clause on the same drug
noun ("... or known to selectively inhibit cyclooxygenase-2 (COX-2) activity"), and "current or
recent use of" a continuous therapy (current decides; an older record is left to a person, as
"recent" gives no window). Before, each line was a review and a patient on aspirin, celecoxib or
warfarin passed as possibly eligible.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.recent_use import ASKED_USE, OR_RECENT
from rules_engine.parser.topics.shared_drug_lead import SHARED_LEAD
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import healthy, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

PLATELETS = "Must not have received medications known to inhibit platelet function or known to selectively inhibit cyclooxygenase-2 (COX-2) activity"
ANTICOAGULANTS = "Must not have current or recent use of full-dose anticoagulants"

# (line, type, met, not met, unknown)
ROWS = [
    # the antiplatelet class by what it is known to do
    (PLATELETS, INC, (healthy(),), (healthy(medication("aspirin_therapy", 5)),), ()),
    # the second clause shares the first's "received medications"
    (PLATELETS, INC, (), (healthy(medication("cox2_inhibitor", 5)),), ()),
    ("Medications known to inhibit platelet function", EXC, (healthy(medication("antiplatelet_therapy", 5)),), (healthy(),), ()),
    ("Must not have received medications known to selectively inhibit COX-2 activity", INC, (healthy(),), (healthy(medication("cox2_inhibitor", 5)),), ()),
    # current use decides; an older record is a person's ("recent" gives no window); none is none
    (ANTICOAGULANTS, INC, (healthy(),), (healthy(medication("vitamin_k_antagonist", 3)),), (healthy(medication("anticoagulant_therapy", 60)),)),
    ("Current or recent use of full-dose anticoagulants", EXC, (healthy(medication("anticoagulant_therapy", 3)),), (healthy(),), (healthy(medication("anticoagulant_therapy", 60)),)),
    ("Must not have current use of anticoagulants", INC, (healthy(), healthy(medication("anticoagulant_therapy", 60))), (healthy(medication("anticoagulant_therapy", 3)),), ()),
    # a qualifier the class does not hold ("parenteral") stays with a person for a patient on one
    ("Current or recent use of parenteral anticoagulants", EXC, (), (healthy(),), (healthy(medication("anticoagulant_therapy", 3)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_medication_line_reads_its_class_and_its_time(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize(
    "pattern,text",
    [
        (SHARED_LEAD, "received medications that " + "x " * 5000 + "or "),
        (SHARED_LEAD, "received medications known to " + "or " * 5000),
        (ASKED_USE, "current use of " + "a-b " * 5000),
        (OR_RECENT, " or recent use of " + "the " * 5000),
    ],
    ids=["shared-lead-gap", "shared-lead-ors", "asked-use-words", "or-recent-determiners"],
)
def test_the_new_patterns_stay_fast_on_adversarial_text(pattern: re.Pattern[str], text: str) -> None:
    start = time.perf_counter()
    pattern.search(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
