"""One kind of therapy named by two nouns (issue 14, criteria read right).

"Concurrent use of other anti-cancer agents or treatments", "No other concurrent anticancer agents
or therapies" (14 corpus lines): the second noun is the first's kind again. Split at its "or", it
stood as an unread alternative of its own, so a patient with no anticancer therapy on record was
left unknown by the exclusion.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged
from tests.fixtures.records import healthy
from rules_engine.outcome import Outcome

EXC = CriterionType.EXCLUSION


@pytest.mark.parametrize("text", ["Concurrent use of other anti-cancer agents or treatments", "No other concurrent anticancer agents or therapies"])
def test_the_second_noun_is_no_alternative_of_its_own(text):
    criterion = parse_line(text, EXC)
    assert "review unparsed" not in render_rule(criterion.expr, criterion.applies_if)
    assert judged(criterion, healthy()) is Outcome.NOT_MET
