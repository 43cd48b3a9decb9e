"""The performance scale named in full (issue 14, criteria read right).

"Eastern Cooperative Oncology Group (ECOG) performance status grade 0, 1, or 2", "Performance 0-2
(Eastern Cooperative Oncology Group (ECOG))", "ECOG performance status 0-2 (Eastern Cooperative
Oncology Group)": about 20 corpus lines kept the group's name as a consent review ("Cooperative"
read as the patient's cooperation) or left the score unread, so a patient at ECOG 3 was never
failed. The group's name is the scale's; "grade" right before the score names the score.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, ecog

INC = CriterionType.INCLUSION


@pytest.mark.parametrize("text,expected", [
    ("Performance 0-2 (Eastern Cooperative Oncology Group (ECOG)).", "ECOG <= 2"),
    ("Eastern Cooperative Oncology Group (ECOG) performance status grade 0, 1, or 2", "ECOG <= 2"),
    ("Eastern Cooperative Oncology Group Performance Status (ECOG PS) grade of 0 or 1", "ECOG <= 1"),
    ("ECOG performance status 0-2 (Eastern Cooperative Oncology Group)", "ECOG <= 2"),
    ("Performance status 0-2 (by Eastern Cooperative Oncology Group (ECOG) scale).", "ECOG <= 2"),
    ("The Eastern Cancer Cooperative Group (ECOG) performance score of 0 or 1.", "ECOG <= 1"),
    ("Easter Cooperative Oncology Group (ECOG) performance status 0-2", "ECOG <= 2"),
    ("All patients must have an Eastern Cooperative Oncology Group (ECOG)Performance Status of 0 - 2", "ECOG <= 2"),
])
def test_the_group_named_in_full_is_the_scale(text, expected):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if) == expected


def test_the_patients_own_cooperation_is_still_a_consent_matter():
    criterion = parse_line("Subjects unable to cooperate with study procedures", CriterionType.EXCLUSION)
    assert "consent" in render_rule(criterion.expr, criterion.applies_if)


def test_a_grade_of_toxicity_after_the_score_is_not_the_score():
    criterion = parse_line("Performance status 2 and no grade 3 toxicity", INC)
    assert "review" in render_rule(criterion.expr, criterion.applies_if)


ROWS = [
    ("Performance 0-2 (Eastern Cooperative Oncology Group (ECOG)).", INC, (adult(ecog(2)),), (adult(ecog(3)),), (adult(),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_score_decides_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
