"""A window after "<therapy> for <cancer>" dates the therapy: "Systemic therapy for breast cancer
within 4 weeks prior to enrollment" excludes a patient treated last week for a cancer diagnosed
years ago. Read as the cancer's window (the nearest event before it), that patient was not
excluded and a newly diagnosed, untreated one was.

The wordings are the csv corpus's own (44 of its lines write a therapy "for" something and then a
window). Every case is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType, TrialCriteria
from rules_engine.engine import MatchingEngine
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition, medication, procedure

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
EXC = CriterionType.EXCLUSION

OLD_BREAST = condition("breast_cancer", 3 * 365)
TREATED_LAST_WEEK = adult(OLD_BREAST, medication("chemotherapy", 7))
TREATED_LONG_AGO = adult(OLD_BREAST, medication("chemotherapy", 200))
NEW_UNTREATED = adult(condition("breast_cancer", 10))
HORMONE_LAST_WEEK = adult(OLD_BREAST, medication("hormone_therapy", 7))
HORMONE_LONG_AGO = adult(OLD_BREAST, medication("hormone_therapy", 200))
OLD_LYMPHOMA = condition("lymphoma", 3 * 365)

# (line, met, not met, unknown)
ROWS: list[tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]] = [
    ("Systemic therapy for breast cancer within 4 weeks prior to enrollment", (TREATED_LAST_WEEK, HORMONE_LAST_WEEK), (TREATED_LONG_AGO, NEW_UNTREATED), ()),
    ("Chemotherapy for breast cancer within 4 weeks prior to enrollment", (TREATED_LAST_WEEK,), (TREATED_LONG_AGO, NEW_UNTREATED), ()),
    ("Chemotherapy or radiotherapy for breast cancer within 4 weeks", (TREATED_LAST_WEEK, adult(OLD_BREAST, procedure("radiotherapy", 7))),
     (TREATED_LONG_AGO, NEW_UNTREATED), ()),
    ("Hormonal treatment for breast cancer within 2 weeks prior to start of study treatment", (HORMONE_LAST_WEEK,), (HORMONE_LONG_AGO, NEW_UNTREATED), ()),
    # the cancer's status stays to review: never excluded outright, never passed either
    ("Systemic therapy for locally advanced or metastatic breast cancer within 4 weeks", (), (TREATED_LONG_AGO, NEW_UNTREATED), (TREATED_LAST_WEEK,)),
    ("Any chemotherapy, radiotherapy, immunotherapy or hormonal therapy for treatment of lymphoma within 28 days prior to study",
     (adult(OLD_LYMPHOMA, medication("chemotherapy", 7)), adult(OLD_LYMPHOMA, medication("hormone_therapy", 7))),
     (adult(OLD_LYMPHOMA, medication("chemotherapy", 200)), adult(condition("lymphoma", 10))), ()),
    ("Radiotherapy for brain metastases within 2 weeks", (adult(condition("brain_metastases", 3 * 365), procedure("radiotherapy", 7)),),
     (adult(condition("brain_metastases", 10)),), ()),
]

CASES = outcome_cases(ROWS)




@pytest.mark.parametrize("text,facts,expected", CASES)
def test_the_window_after_a_therapy_for_a_cancer_dates_the_therapy(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


# "Must not have been previously treated with ...": the negation is the line's
# (read as the history asked for, a patient treated for myeloma met "must not have been treated")
NEGATED_HISTORY = [
    ("Must not have been previously treated with any prior systemic therapy for the treatment of multiple myeloma",
     (adult(condition("multiple_myeloma", 30)),), (adult(condition("multiple_myeloma", 3 * 365), medication("chemotherapy", 200)),), ()),
    ("Must not have been previously treated with any prior chemotherapy", (adult(),), (adult(medication("chemotherapy", 200)),), ()),
    # (the disease said after the therapy, therapy_rewrites: an MDS and an HMA on record fail it)
    ("Must not have received prior treatment for MDS with any hypomethylating agent", (adult(condition("mds")),),
     (adult(condition("mds"), medication("hypomethylating_agent", 200)),), ()),
]


@pytest.mark.parametrize(
    "text,facts,expected",
    outcome_cases(NEGATED_HISTORY),
)
def test_an_inclusion_that_says_the_patient_must_not_have_had_a_therapy_is_negated(text, facts, expected):
    assert judged(parse_line(text, CriterionType.INCLUSION), facts) is expected
