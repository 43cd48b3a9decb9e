"""A washout from "prior therapy" that names no therapy: "At least 4 weeks since prior therapy",
"At least four weeks from previous treatment", "At least 28 days since the prior treatment"
(about 8 corpus lines, each left wholly to a person before).

In a trial of cancer the therapy is its anticancer therapy (``normalize``: "since prior
anticancer therapy"), asked after the window the line writes. Words after it that name the
therapy ("with sunitinib", "for MDS") are other readings; a window that dates therapies named
before it ("Prior chemotherapy ... with at least 4 weeks since the last treatment") is left as it
was.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

INC = CriterionType.INCLUSION

WEEKS_4 = "At least 4 weeks since prior therapy"
FOUR_FROM = "At least four weeks from previous treatment"
THE_PRIOR = "At least 28 days since the prior treatment"
RECOVERED = "Patient is at least 4 weeks from prior treatment and has recovered from all prior treatment side effects"  # NCT00479232

READINGS = [
    (WEEKS_4, "no anticancer-therapy within 4 weeks exclusive"),
    (FOUR_FROM, "no anticancer-therapy within 4 weeks exclusive"),
    (THE_PRIOR, "no anticancer-therapy within 28 days exclusive"),
    # the therapy named after it: another reading's, as before
    ("At least 2 weeks since prior treatment with sunitinib", 'named-medication is sunitinib and review ambiguous "when it was given: ≥ 2 weeks since"'),
    # the window dates the therapies named before it: as before
    ("Prior chemo-therapy, immunotherapy or radiotherapy with at least 4 weeks since the last treatment",
     'no immunotherapy within 4 weeks exclusive and no radiotherapy within 4 weeks exclusive and review unsupported "last treatment" and '
     'review unsupported "Prior chemo-therapy"'),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_a_washout_from_bare_prior_therapy_is_from_anticancer_therapy(text, rule):
    assert rule_of(text, INC) == rule


# (line, type, met, not met, unknown)
ROWS = [
    (WEEKS_4, INC, (healthy(), healthy(medication("chemotherapy", 40))), (healthy(medication("chemotherapy", 10)),), ()),
    (THE_PRIOR, INC, (healthy(medication("targeted_therapy", 35)),), (healthy(medication("targeted_therapy", 20)),), ()),
    (RECOVERED, INC, (), (healthy(medication("chemotherapy", 14)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_washout(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
