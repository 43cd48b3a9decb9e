"""A washout lifted for a drug the patient is on ("Patients who are receiving nilotinib prior to
enrollment do not have to discontinue this agent prior to start of study therapy"): the sentence
widens the washout before it for the patients it names (``widening.WIDENING_CLAUSE``), and never
asks every patient for the drug. Each row is a corpus wording (paraphrased), with its rendering.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

I = CriterionType.INCLUSION

CASES = [
    ("Patients must have been off all prior therapy for CML for 2 weeks prior to start of study therapy. "
     "Patients who are receiving nilotinib prior to enrollment do not have to discontinue this agent prior to start of study therapy",
     'not anticancer-therapy within 2 weeks or (named-medication is nilotinib and review unsupported "Patients who are receiving nilotinib '
     'prior to enrollment do not have to discontinue this agent prior to start of study therapy")'),
    ("Patients must have been off all prior therapy for CML for 2 weeks prior to start of study therapy. "
     "Patients on imatinib need not discontinue it before study entry",
     'not anticancer-therapy within 2 weeks or review unsupported "Patients on imatinib need not discontinue it before study entry"'),
]


@pytest.mark.parametrize(("text", "rendered"), CASES)
def test_washout_lifted(text: str, rendered: str) -> None:
    c = parse_line(text, I)
    assert render_rule(c.expr, getattr(c, "applies_if", None)) == rendered
