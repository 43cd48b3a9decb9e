"""A window a heading states for its list dates the acute events under it (issue 14): "Significant
active cardiac disease within the previous 6 months, including:" over "Myocardial infarction",
"None of the following within the past 12 months:", "Any of the following within 1 year before
randomization:" (about 40 corpus headings; rules_engine.parser.heading_windows).

* An infarction, a stroke, an unstable angina, a thromboembolism under such a heading is asked
  within its window: one years ago no longer meets the line.
* A chronic condition (heart failure) is not dated: an ongoing one still counts.
* A line's own window is its own.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser.criteria import parse_lines
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition


def _heading(rows: list[tuple[str, str, int | None]]) -> Criterion:
    return parse_lines(rows)[0]


ACTIVE_6M = [
    ("exclusion", "Significant cardiac disease within the previous 6 months, including:", None),
    ("exclusion", "NYHA class 3 or 4 congestive heart failure", 0),
    ("exclusion", "Unstable angina", 0),
    ("exclusion", "Myocardial infarction", 0),
]
NONE_12M = [
    ("inclusion", "None of the following within the past 12 months:", None),
    ("inclusion", "Myocardial infarction", 0),
    ("inclusion", "Cerebrovascular accident or transient ischemic attack", 0),
    ("inclusion", "Congestive heart failure", 0),
]
ANY_1Y = [
    ("exclusion", "Any of the following within 1 year before randomization:", None),
    ("exclusion", "Myocardial infarction", 0),
    ("exclusion", "Pulmonary embolism", 0),
    ("exclusion", "Stroke within 2 years", 0),
]

ROWS = [
    # (rows, met, not met, unknown)
    (ACTIVE_6M,
     [adult(condition("myocardial_infarction", days_ago=60)), adult(condition("unstable_angina", days_ago=30))],
     [adult(condition("myocardial_infarction", days_ago=900)), adult()],
     []),
    (NONE_12M,
     [adult(), adult(condition("myocardial_infarction", days_ago=900)), adult(condition("stroke", days_ago=800, active=False))],
     [adult(condition("myocardial_infarction", days_ago=100)), adult(condition("stroke", days_ago=200)),
      # heart failure is a condition, not a day: an ongoing one diagnosed years ago still fails
      adult(condition("heart_failure", days_ago=1500))],
     []),
    (ANY_1Y,
     [adult(condition("thromboembolism", days_ago=100)), adult(condition("stroke", days_ago=500))],
     [adult(condition("thromboembolism", days_ago=600)), adult(condition("myocardial_infarction", days_ago=400))],
     []),
]


@pytest.mark.parametrize(("rows", "facts", "expected"), outcome_cases(ROWS))
def test_a_heading_window_dates_the_acute_events_under_it(rows: list[tuple[str, str, int | None]], facts: PatientFacts, expected: Outcome) -> None:
    assert judged(_heading(rows), facts) is expected


def test_a_heading_with_no_window_leaves_its_lines_as_read() -> None:
    rows = [("exclusion", "Any of the following:", None), ("exclusion", "Myocardial infarction", 0)]
    assert judged(_heading(rows), adult(condition("myocardial_infarction", days_ago=900))) is Outcome.MET


def test_type_of_rows_is_the_importers() -> None:
    assert _heading(ANY_1Y).type is CriterionType.EXCLUSION
