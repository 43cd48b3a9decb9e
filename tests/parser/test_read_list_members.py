"""A list member another topic reads, kept apart from the window list that swallowed it
(rules_engine.parser.read_members).

- "unstable angina, myocardial infarction, or cardiac symptoms consistent with New York Heart
  Association Class III-IV within 6 months": the infarction keeps its window and stands beside the
  NYHA class (it fell into the line's residue and a recent infarction left the line unknown).
- Left as they were: a list whose unread member no other topic reads.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import Any_, CriterionType, Op, Predicate, ReviewReason, TrialCriteria, Window
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.items import Item
from rules_engine.parser.read_members import member_read_apart
from rules_engine.parser.safety import Alternative
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, condition

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
CARDIAC = (
    "Documented history of a cerebral vascular event (stroke or transient ischemic attack), unstable angina, myocardial infarction, "
    "or cardiac symptoms consistent with New York Heart Association Class III-IV within 6 months prior to their first dose of study drug"
)
SHORT = "Myocardial infarction, or NYHA class III within 6 months"


def decide(ctype: CriterionType, line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000095", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "ctype, line, part",
    [
        (EXC, CARDIAC, "myocardial-infarction within 6 months"),
        (EXC, SHORT, "myocardial-infarction within 6 months"),
        (EXC, SHORT, "heart-failure and NYHA >= 3"),
        (EXC, "Unstable angina or NYHA class III-IV heart failure within 6 months", "unstable-angina within 6 months"),
    ],
)
def test_the_event_keeps_its_window_beside_the_member_read_apart(ctype: CriterionType, line: str, part: str) -> None:
    read = render_rule(parse_line(line, ctype).expr)
    assert part in read
    assert 'review unsupported "myocardial infarction"' not in read


@pytest.mark.parametrize(
    "ctype, line, facts, outcome",
    [
        (EXC, CARDIAC, adult(condition("myocardial_infarction", days_ago=90)), MET),
        (EXC, CARDIAC, adult(condition("myocardial_infarction", days_ago=900)), NOT_MET),
        (EXC, CARDIAC, adult(), NOT_MET),
        (EXC, SHORT, adult(condition("myocardial_infarction", days_ago=30)), MET),
    ],
)
def test_a_recent_event_decides_the_line(
    ctype: CriterionType, line: str, facts: PatientFacts, outcome: Outcome
) -> None:
    assert decide(ctype, line, facts) is outcome


def test_a_member_no_other_topic_reads_stays_in_the_span() -> None:
    read = render_rule(parse_line("Myocardial infarction or symptomatic pericarditis within 12 months", EXC).expr)
    assert "myocardial-infarction within 12 months" in read and "pericarditis" in read


def test_the_cut_takes_bounded_time_on_hostile_text() -> None:
    text = "a, or " * 2000 + "x " * 2000
    words = "x " * 2000
    item = Item(
        0,
        len(text),
        Any_(
            (
                Predicate("stroke", Op.WITHIN, window=Window(6, "months")),
                Alternative(ReviewReason.UNSUPPORTED_CONCEPT, words),
            )
        ),
        frozenset({"stroke"}),
    )
    inside = [Item(len(text) - 10, len(text) - 2, None, frozenset())]
    start = time.perf_counter()
    member_read_apart(item, inside, text)
    assert time.perf_counter() - start < 0.2
