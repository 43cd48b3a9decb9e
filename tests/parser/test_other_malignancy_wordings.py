"""How registries word "another malignancy", read on records in an AML trial (whose own AML is
never another cancer): "another active cancer other than certain types of skin cancer", "a
non-hematologic malignancy", "additional malignancy that is progressing or requires active
treatment".

Each row: the line, then records it must find met, not met and unknown. A history-of-cancer line
is never not met (nor its inclusion met) for a patient whose record holds a cancer it counts."""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.malignancy_rewrites import IN_SITU_QUOTED
from rules_engine.parser.topics import unnamed_exceptions
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import outcome_cases
from tests.fixtures.records import AS_OF, adult, condition

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
AML = "Diagnosis of acute myeloid leukemia"

ONLY_AML = adult(condition("aml", 60))
BREAST_ACTIVE = adult(condition("aml", 60), condition("breast_cancer", 300))
BREAST_3Y_RESOLVED = adult(condition("aml", 60), condition("breast_cancer", 1100, active=False))
BREAST_8Y_RESOLVED = adult(condition("aml", 60), condition("breast_cancer", 2900, active=False))
BCC_ACTIVE = adult(condition("aml", 60), condition("basal_cell_skin_cancer", 200))
# a skin cancer of no stated kind (ICD-10-CM C44.90): a line excepting the basal cell one alone
# may or may not except it
NMSC_ACTIVE = adult(condition("aml", 60), condition("nonmelanoma_skin_cancer", 200))
MELANOMA_ACTIVE = adult(condition("aml", 60), condition("melanoma", 200))
CLL_ACTIVE = adult(condition("aml", 60), condition("cll", 200))

ROWS = [
    # "another active cancer other than <an exception no kind is read in>": skin cancer excepts
    # the non-melanoma ones; whether "certain types" reach a melanoma is a person's
    (
        E,
        "Patient currently has another active cancer other than certain types of skin cancer",
        [BREAST_ACTIVE],
        [ONLY_AML, BCC_ACTIVE, NMSC_ACTIVE, BREAST_3Y_RESOLVED],
        [MELANOMA_ACTIVE],
    ),
    (E, "Another active cancer other than skin cancer", [BREAST_ACTIVE], [ONLY_AML, BCC_ACTIVE, NMSC_ACTIVE], [MELANOMA_ACTIVE]),
    # a name no pattern reads is kept for a person beside any other cancer; a history is a history
    (
        E,
        "History of another malignancy other than low-grade tumours",
        [],
        [ONLY_AML],
        [BREAST_ACTIVE, BREAST_8Y_RESOLVED],
    ),
    (
        E,
        "Other primary malignancies (other than treated basal cell carcinoma of the skin) within 5 years",
        [BREAST_ACTIVE, BREAST_3Y_RESOLVED],
        [ONLY_AML, BCC_ACTIVE, BREAST_8Y_RESOLVED],
        [NMSC_ACTIVE],
    ),
    # a non-hematologic malignancy is no blood cancer
    (
        E,
        "Diagnosed or treated for a non-hematologic malignancy within 2 years of enrollment",
        [BREAST_ACTIVE],
        [ONLY_AML, CLL_ACTIVE, BREAST_8Y_RESOLVED],
        [],
    ),
    # progressing or needing treatment: an active other cancer is a person's, a resolved one neither
    (
        E,
        "Known additional malignancy that is progressing or requires active treatment",
        [],
        [ONLY_AML, BREAST_3Y_RESOLVED],
        [BREAST_ACTIVE],
    ),
    (
        E,
        "Has a known additional malignancy that is progressing or requires active treatment.",
        [],
        [ONLY_AML],
        [BREAST_ACTIVE],
    ),
]


def _outcome(ctype: CriterionType, text: str, facts) -> Outcome:
    criteria = parse_lines([(I, AML), (ctype, text)])
    return evaluate_reference(TrialCriteria("t", 1, criteria), facts, AS_OF).criteria[-1].outcome


@pytest.mark.parametrize("ctype, text, facts, expected", outcome_cases(ROWS))
def test_another_malignancy_wordings(ctype, text, facts, expected):
    assert _outcome(ctype, text, facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Any malignancy other than the cancer under study",
        "Has active cancer (other than that which is defined by the inclusion criteria for this protocol)",
    ],
)
def test_the_trials_own_disease_in_words_excepts_nothing_more(text):
    assert _outcome(E, text, BREAST_ACTIVE) is Outcome.MET


@pytest.mark.parametrize("text", ["Active malignancy (other than CRC) or a prior malignancy within the past 3 years"])
def test_an_unread_name_without_another_is_read_as_before(text):
    """Without "another" the unread name is taken for the trial's own disease, as it always was."""
    assert _outcome(E, text, BREAST_ACTIVE) is Outcome.MET


HOSTILE = [
    "another " * 300 + "cancer other than " + "skin " * 300,
    "malignancy that is progressing " * 300 + "or requires",
    "non-hematologic " * 400 + "malignancy within 2 years",
    '"' + " " * 2000 + "insitu",
]
PATTERNS = [
    re.compile(IN_SITU_QUOTED[0], re.I),
    unnamed_exceptions._NON_HEMATOLOGIC,
    unnamed_exceptions._PROGRESSING_OR_TREATED,
    unnamed_exceptions._OWN,
    unnamed_exceptions._SKIN,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile{n}" for n in range(len(HOSTILE))])
@pytest.mark.parametrize("pattern", PATTERNS, ids=[f"pattern{n}" for n in range(len(PATTERNS))])
def test_hostile_lines_finish_quickly(pattern, text):
    """The best of three runs (one run on a loaded machine measures the machine)."""
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        pattern.search(text)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.05
