"""The enzymes interaction lines list beside CYP3A4: "strong inhibitors of CYP1A2, CYP2D6, and
CYP3A4, or strong inducers of CYP3A4", "strong inhibitors of CYP1A2 or CYP3A", "Use of strong CYP
1A2 inhibitors and/or inducers" (corpus: about 20 lines name CYP1A2 or CYP2D6; 19 lines of the 407
naming a CYP enzyme read differently, each checked).

A strong CYP1A2 or CYP2D6 inhibitor is a concept of its own (``cyp1a2_inhibitor``,
``cyp2d6_inhibitor``; codes.toml: fluvoxamine, ciprofloxacin, enoxacin; bupropion, fluoxetine,
paroxetine, quinidine, terbinafine; systemic forms), asked within the line's window. An inducer
of either, a moderate one, or another enzyme (CYP2C8, CYP2C9, CYP2C19, CYP2E1) stays a review
alternative beside them, asked only of a record holding a medication in the window
(``topics.unlisted_drugs``): a record with none of the strong ones but another drug is unknown,
never cleared, where the line asks more. A list of enzymes none of which has a concept reads as it did. Unread, the
holdout's T85 line was left to a person whatever the record held.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION

THREE = "Concurrent therapy with drugs known to be strong inhibitors of CYP1A2, CYP2D6, and CYP3A4, or strong inducers of CYP3A4"  # NCT02296242
TWO = "Systemic treatment, within 14 days before the first dose of MLN9708, with strong inhibitors of CYP1A2 or CYP3A, or strong inducers of CYP3A."
INDUCERS_TOO = "Use of strong CYP 1A2 inhibitors and/or inducers."  # NCT03422874
MONTH = "Patient has used strong inhibitors/inducers of CYP3A4 and CYP2D6 within 1 month prior to Cycle 1, Day 1"  # NCT04402008

READINGS = [
    (THREE, "CYP1A2-inhibitor within 14 days or CYP2D6-inhibitor within 14 days or CYP3A4-modulator within 14 days"),
    (INDUCERS_TOO, 'CYP1A2-inhibitor within 14 days or (named-medication within 14 days and review unsupported "strong CYP 1A2 inhibitors and/or '
                   'inducers: a CYP1A2 inducer")'),
    (MONTH, 'CYP3A4-modulator within 1 month or CYP2D6-inhibitor within 1 month or (named-medication within 1 month and review unsupported '
            '"strong inhibitors/inducers of CYP3A4 and CYP2D6: a CYP2D6 inducer")'),
    # no enzyme of the list has a concept: as before
    ("Inducers of CYP2C9 (rifampin, and secobarbital)", "review unparsed"),
    # a remark about one drug asks nothing
    ("NOTE: Dexamethasone is a known inducer of CYP2D6 and CYP3A4 but is not considered exclusionary for purposes of this study.", None),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_listed_enzymes_read_as_the_registry_means(text, rule):
    criterion = parse_line(text, EXC)
    rendered = render_rule(criterion.expr, criterion.applies_if)
    if rule is None:
        assert "inhibitor within" not in rendered and "modulator within" not in rendered
    else:
        assert rendered == rule


# (line, type, met, not met, unknown)
ROWS = [
    (THREE, EXC, (healthy(medication("cyp1a2_inhibitor", 3)), healthy(medication("cyp2d6_inhibitor", 0)), healthy(medication("cyp3a4_modulator", 5))),
     (healthy(), healthy(medication("cyp2d6_inhibitor", 60))), ()),
    # ("Systemic treatment" before the window stays a review alternative, as it did beside CYP3A4)
    (TWO, EXC, (healthy(medication("cyp1a2_inhibitor", 10)),), (), (healthy(medication("cyp2d6_inhibitor", 1)),)),
    # the inducers the line also names have no concept: a record with none of the inhibitors but
    # another drug in the window is a person's; one with no drug there takes no inducer either
    (INDUCERS_TOO, EXC, (healthy(medication("cyp1a2_inhibitor", 1)),), (healthy(),), (healthy(medication("named_medication", 1)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
