""""Has not yet completed at least N days since ending X" is fewer than N days since X (2 corpus
exclusions: "Enrolled in or has not yet completed at least 14 days since ending other
investigational device or drug trials, or currently receiving other investigational
treatments"). Its "at least" read alone turned the window round, "no investigational agent within
14 days": an exclusion every patient never given one met (falsely ineligible), and one treated 5
days ago did not (the line cleared of its window, left only to the enrolment question)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, medication

MET, UNKNOWN = Outcome.MET, Outcome.UNKNOWN
E = CriterionType.EXCLUSION

TRIALS = (
    "Enrolled in or has not yet completed at least 14 days since ending other investigational device or drug trials, "
    "or currently receiving other investigational treatments"
)
STUDY = (
    "Subject is currently enrolled in or has not yet completed at least 30 days since ending other investigational device "
    "or drug study(s) or subject is receiving other investigational agents."
)


@pytest.mark.parametrize(
    ("line", "facts", "expected"),
    [
        # "Enrolled in ... trials" (another study now) is a person's question: never cleared
        (TRIALS, adult(), UNKNOWN),
        (TRIALS, adult(medication("investigational_agent", 5)), MET),
        (TRIALS, adult(medication("investigational_agent", 40)), UNKNOWN),
        (STUDY, adult(), UNKNOWN),
        (STUDY, adult(medication("investigational_agent", 20)), MET),
        (STUDY, adult(medication("investigational_agent", 60)), UNKNOWN),
    ],
    ids=["14d-none", "14d-5-days-ago", "14d-40-days-ago", "30d-none", "30d-20-days-ago", "30d-60-days-ago"],
)
def test_not_yet_completed_the_days_since_is_within_them(line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, E), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Patients who have not completed at least 2 cycles of induction",  # no days since anything: a count
        "Has not completed the informed consent process",
    ],
)
def test_only_days_since_an_end_are_rewritten(text: str) -> None:
    assert "<" not in normalize(text)


WASHOUT = (
    "Has not yet completed a 14 day washout period for any previous anti-cancer systemic therapies (30 days for prior "
    "bevacizumab) with the exception of hydroxyurea or leukapheresis for uncontrolled leukocytosis"
)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (adult(), Outcome.NOT_MET),
        (adult(medication("anticancer_therapy", 40)), Outcome.NOT_MET),
        # a therapy on record that is not hydroxyurea (a hospital codes hydroxyurea as itself) ...
        (adult(medication("anticancer_therapy", 5)), Outcome.MET),
        # ... and hydroxyurea, the exception ("or leukapheresis" beside it is no anticancer therapy)
        (adult(medication("hydroxyurea", 5)), Outcome.NOT_MET),
    ],
    ids=["none", "40-days-ago", "5-days-ago", "hydroxyurea-5-days-ago"],
)
def test_a_washout_period_not_yet_completed_is_the_therapy_within_it(facts: PatientFacts, expected: Outcome) -> None:
    """Left whole to a person before, the line let through a patient treated 5 days ago."""
    assert judged(parse_line(WASHOUT, E), facts) is expected
