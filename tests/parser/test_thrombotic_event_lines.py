"""Thrombotic or embolic events named as registries write them ("Thrombotic or embolic events such
as a cerebrovascular accident including transient ischemic attacks within the past 6 months", and
the misspelling "thrombolic"), dated by the window the examples end the line with
(``parser.example_windows``): the text, the patient's record, the outcome of the line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
AML = "Diagnosis of relapsed or refractory acute myeloid leukemia"

SUCH_AS = "Thrombotic or embolic events such as a cerebrovascular accident including transient ischemic attacks within the past 6 months."
THROMBOLIC = "Thrombolic or embolic events such as a cerebrovascular accident, including transient ischemic attacks, within the past 6 months."
ARTERIAL = "Arterial thromboembolic events such as a cerebrovascular accident within the past 6 months."
BARE = "Thrombotic or embolic events within the past 6 months"
IN_A_LIST = ("Uncontrolled intercurrent illness including, but not limited to: ongoing or active infection, thrombolic or embolic events such "
             "as cerebrovascular accident including transient ischemic attacks within the past 6 months, symptomatic congestive heart failure")
CHRONIC = "Active autoimmune disease such as lupus requiring treatment within the past 2 years"


def record(**events: tuple[int, bool]) -> PatientFacts:
    evs = {c: (Event(c, AS_OF - timedelta(days=d), active, {}),) for c, (d, active) in events.items()}
    return PatientFacts(date(1960, 1, 1), "male", {}, evs)


def outcome(line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, AML), (E, line)])))
    return evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome


CASES = [
    # a deep vein thrombosis or a stroke two months ago: a thrombotic or embolic event in the window
    (SUCH_AS, {"thromboembolism": (60, True)}, MET),
    (SUCH_AS, {"stroke": (60, True)}, MET),
    (THROMBOLIC, {"thromboembolism": (60, True)}, MET),
    (BARE, {"thromboembolism": (60, False)}, MET),
    # one three years ago, resolved or still charted active: outside the window the line asks
    (SUCH_AS, {"thromboembolism": (1100, False)}, NOT_MET),
    (SUCH_AS, {"thromboembolism": (1100, True)}, NOT_MET),
    (ARTERIAL, {"thromboembolism": (1100, True)}, NOT_MET),
    (THROMBOLIC, {"stroke": (1100, True)}, NOT_MET),
    (SUCH_AS, {}, NOT_MET),
    # the window ends the item of a list: the item's events are dated by it
    (IN_A_LIST, {"thromboembolism": (60, True)}, MET),
    (IN_A_LIST, {"thromboembolism": (1100, True)}, UNKNOWN),
    # a chronic head keeps its own reading: the window may date the treatment, not the disease
    (CHRONIC, {"autoimmune_disease": (2000, True)}, MET),
]


@pytest.mark.parametrize("line,events,expected", CASES)
def test_thrombotic_or_embolic_events_within_the_window(line, events, expected):
    assert outcome(line, record(**events)) is expected

