"""An event and the examples it gives of itself share one window (issue 14; corpus shapes such as
"Thrombotic or embolic events such as a cerebrovascular accident including transient ischemic
attacks within the past 6 months", "Arterial or venous thrombotic or embolic events such as
cerebral vascular accident (including transient ischemic attacks), deep vein thrombosis or
pulmonary embolism within 6 months before randomization"; rules_engine.parser.example_windows).

* The window written after the last example dates the head and every example: a stroke or a
  thrombosis within it meets the line, one years ago does not.
* The window written right after the head ("... within the past 6 months, including ...") dates
  the examples after it.
* Only acute events take the window (a chronic condition among the examples stays as read); a
  list with unread words between its examples, or with two windows, is left as it was read.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition

EXC, INC = CriterionType.EXCLUSION, CriterionType.INCLUSION

RECENT_STROKE = adult(condition("stroke", days_ago=60))
OLD_STROKE = adult(condition("stroke", days_ago=1500, active=False))
RECENT_DVT = adult(condition("thromboembolism", days_ago=60))
OLD_DVT = adult(condition("thromboembolism", days_ago=1500, active=False))
RECENT_MI = adult(condition("myocardial_infarction", days_ago=30))
OLD_MI = adult(condition("myocardial_infarction", days_ago=1500, active=False))

ROWS = [
    # (text, kind, met, not met, unknown)
    ("Thrombotic or embolic events such as a cerebrovascular accident including transient ischemic attacks within the past 6 months.", EXC,
     [RECENT_STROKE, RECENT_DVT], [OLD_STROKE, OLD_DVT, adult()], []),
    ("Arterial or venous thrombotic or embolic events such as cerebral vascular accident (including transient ischemic attacks), deep vein thrombosis or pulmonary embolism within 6 months before randomization", EXC,
     [RECENT_STROKE, RECENT_DVT], [OLD_STROKE, OLD_DVT, adult()], []),
    ("History of thrombotic or embolic events such as cerebrovascular accident or transient ischemic attack within the past 6 months.", EXC,
     [RECENT_STROKE, RECENT_DVT], [OLD_STROKE, OLD_DVT, adult()], []),
    ("Stroke (including transient ischemic attack) or myocardial infarction within 12 weeks of enrollment.", EXC,
     [RECENT_STROKE, RECENT_MI], [OLD_STROKE, OLD_MI, adult()], []),
    # the head's window before its examples
    ("No thrombotic or embolic events within the past 6 months, including cerebrovascular accidents and transient ischemic attacks", INC,
     [OLD_STROKE, OLD_DVT, adult()], [RECENT_STROKE, RECENT_DVT], []),
]


@pytest.mark.parametrize(("text", "kind", "facts", "expected"), outcome_cases(ROWS))
def test_an_event_and_its_examples_share_the_window(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(("text", "kind", "ever"), [
    # two windows in the chain: each keeps its own
    ("Thrombotic events such as stroke within 3 months or pulmonary embolism within 6 months", EXC, None),
    # unread words between the examples end the chain: the infarction before them stays undated
    ("History of myocardial infarction, acute coronary syndromes (including unstable angina), coronary angioplasty and/or stenting within the past 6 months.", EXC, "myocardial-infarction or"),
    # a therapy asked as prior is asked ever, and a window in a bracket defines the kind beside it
    ("Any prior systemic anticancer therapy including cytotoxic therapy, targeted agents, experimental therapy (treatment within the last 30 days with a drug that has not received regulatory approval), or adjuvant therapy for NSCLC", EXC, "anticancer-therapy or"),
    # a plain list with no example marker is the events topic's (as before)
    ("Myocardial infarction, stroke or pulmonary embolism within 6 months", EXC, None),
])
def test_what_is_no_example_chain_is_left_as_read(text: str, kind: CriterionType, ever: str | None) -> None:
    rule = rule_of(text, kind)
    if ever is not None:
        assert rule.startswith(ever), rule
    else:
        assert "stroke within 3 months" in rule or "within 6 months" in rule, rule


def test_a_historys_lifetime_is_no_window_the_text_wrote() -> None:
    rule = rule_of("History of cerebrovascular accident, including TIA, pulmonary embolism or deep venous thrombosis (DVT).", EXC)
    assert rule == "stroke or stroke within 100 years or thromboembolism or thromboembolism within 100 years", rule


def test_a_leading_window_dates_the_examples_after_its_head() -> None:
    rule = rule_of("Within 12 months before the first treatment occurs artery/venous thromboembolic events, such as cerebral vascular accident (including transient ischemic attack) etc.", EXC)
    assert "thromboembolism within 12 months" in rule and "stroke within 12 months" in rule, rule


def test_a_window_dates_the_examples_not_the_lines_other_windows() -> None:
    rule = rule_of("Thrombotic events such as stroke within 3 months or pulmonary embolism within 6 months", EXC)
    assert "stroke within 3 months" in rule and "thromboembolism within 6 months" in rule and "stroke within 6 months" not in rule, rule


def test_a_hostile_example_list_is_read_fast() -> None:
    from rules_engine.parser.example_windows import shared_example_windows

    text = "stroke such as " + ", including the or and/or " * 2000 + " stroke within 6 months"
    start = time.perf_counter()
    shared_example_windows([], text)
    parse_line("Thrombotic or embolic events such as " + "a, " * 300 + "stroke within 6 months", EXC)
    assert time.perf_counter() - start < 2.0
