"""A product listed inside an event's span shares the event's window (topics.events
``product_window``; issue 14, rx5; holdout T104): "Those who received growth factor support or
lenalidomide in the 30 days prior to the first dose" excludes lenalidomide given in those 30
days, not lenalidomide given a year ago (the product was asked by name, when it was given a
person's, so both were unknown).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import Event
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, Part, healthy, medication

EXC = CriterionType.EXCLUSION
LINE = "Those who received growth factor support or lenalidomide in the 30 days prior to the first dose of decitabine."


def lenalidomide(days_ago: int) -> Part:
    return Part(event=Event("named_medication", AS_OF - timedelta(days=days_ago), True, {"quote": "lenalidomide 10 mg capsule"}))


ROWS = [
    (LINE, EXC, (healthy(lenalidomide(10)), healthy(medication("growth_factor", 5))), (healthy(), healthy(lenalidomide(300))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_product_is_asked_within_the_events_window(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
