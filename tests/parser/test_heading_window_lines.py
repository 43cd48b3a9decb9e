"""A window a heading states for its list dates the acute events under it (issue 14): "Significant
active cardiac disease within the previous 6 months, including:" over "Myocardial infarction",
"None of the following within the past 12 months:", "Any of the following within 1 year before
randomization:" (about 40 corpus headings; rules_engine.parser.heading_windows).

* An infarction, a stroke, an unstable angina, a thromboembolism under such a heading is asked
  within its window: one years ago no longer meets the line.
* A chronic condition (heart failure) is not dated: an ongoing one still counts.
* A line's own window is its own.
* The window may be written in words ("within the last six months:", "within the past year,
  including any of the following:"), or after "the following" with a remark instead of a colon
  closing the heading ("Any of the following cardiac diseases currently or within the last 6
  months as defined by NYHA >= Class 2.").
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
SIX_WORD = [
    ("exclusion", "History of any of the following cardiovascular conditions within the last six months:", None),
    ("exclusion", "Coronary revascularisation (percutaneous coronary intervention or coronary artery bypass graft)", 0),
    ("exclusion", "Myocardial infarction", 0),
]
PAST_YEAR = [
    ("inclusion", "No arterial thromboses within the past year, including any of the following:", None),
    ("inclusion", "Myocardial infarction", 0),
    ("inclusion", "Stroke", 0),
]
NO_COLON = [
    ("exclusion", "Any of the following cardiac events currently or within the last 6 months before the first dose.", None),
    ("exclusion", "Unstable angina pectoris", 0),
    ("exclusion", "Myocardial infarction", 0),
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
    (SIX_WORD,
     [adult(condition("myocardial_infarction", days_ago=60)), adult(condition("coronary_revascularization", days_ago=100))],
     [adult(condition("myocardial_infarction", days_ago=900)), adult(condition("coronary_revascularization", days_ago=400)), adult()],
     []),
    (PAST_YEAR,
     [adult(), adult(condition("myocardial_infarction", days_ago=800)), adult(condition("stroke", days_ago=500, active=False))],
     [adult(condition("myocardial_infarction", days_ago=100)), adult(condition("stroke", days_ago=200))],
     []),
    (NO_COLON,
     [adult(condition("myocardial_infarction", days_ago=60)), adult(condition("unstable_angina", days_ago=30))],
     [adult(condition("myocardial_infarction", days_ago=900)), adult()],
     []),
]


@pytest.mark.parametrize(("rows", "facts", "expected"), outcome_cases(ROWS))
def test_a_heading_window_dates_the_acute_events_under_it(rows: list[tuple[str, str, int | None]], facts: PatientFacts, expected: Outcome) -> None:
    assert judged(_heading(rows), facts) is expected


def test_a_heading_with_no_window_leaves_its_lines_as_read() -> None:
    rows = [("exclusion", "Any of the following:", None), ("exclusion", "Myocardial infarction", 0)]
    assert judged(_heading(rows), adult(condition("myocardial_infarction", days_ago=900))) is Outcome.MET


@pytest.mark.parametrize("heading", [
    "Patients with the following within the last 6 months prior to pre-registration must be evaluated by a cardiologist and/or neurologist prior to entry into the study:",
    "Organ function (within 4 weeks before enrollment) satisfies all the conditions below.",
    "Myocardial infarction within 6 months or any of the following",
])
def test_a_window_that_is_no_headings_for_its_list_dates_nothing(heading: str) -> None:
    from rules_engine.parser.heading_windows import heading_window

    assert heading_window(heading) is None


def test_a_hostile_heading_is_read_fast() -> None:
    import time

    from rules_engine.parser.heading_windows import heading_window

    text = "the following " + "within the last six " * 400 + "x" * 2000
    start = time.perf_counter()
    heading_window(text)
    heading_window(text + ":")
    assert time.perf_counter() - start < 0.5


def test_type_of_rows_is_the_importers() -> None:
    assert _heading(ANY_1Y).type is CriterionType.EXCLUSION
