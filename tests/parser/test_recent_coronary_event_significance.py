"""Heart disease asked "significant", "clinically significant" or "serious" is met by a myocardial
infarction or an unstable angina of the last 3 months (``topics.qualified_conditions``): every
limit the registries write where they define such disease (an infarction within 6 or 12 months,
3 months, 12 weeks) holds one. An older infarction stays a person's, as does "severe" alone; a
line that dates the infarction itself is read by its own limit."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
RECENT_MI = adult(condition("myocardial_infarction", 60))
UNSTABLE = adult(condition("unstable_angina", 30))
OLD_MI = adult(condition("myocardial_infarction", 400))
NONE = adult()

ROWS = [
    ("Clinically significant cardiac disease", E, [RECENT_MI, UNSTABLE], [NONE], [OLD_MI]),
    ("Uncontrolled or significant cardiovascular disease", E, [RECENT_MI, UNSTABLE], [NONE], [OLD_MI]),
    ("Serious heart disease", E, [RECENT_MI], [NONE], [OLD_MI]),
    ("No clinically significant cardiac disease", I, [NONE], [RECENT_MI], [OLD_MI]),
    # "severe" alone: the infarction is not surely severe disease
    ("Severe cardiac disease", E, [], [NONE], [RECENT_MI]),
    # the line's own limit for the infarction, never ours
    ("Clinically significant cardiac disease, including myocardial infarction within the last month", E,
     [adult(condition("myocardial_infarction", 10))], [], [RECENT_MI]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_recent_coronary_event_is_significant_heart_disease(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
