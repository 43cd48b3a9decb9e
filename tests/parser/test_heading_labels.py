"""A heading Eligo leaves unread decides nothing of its own when it is a title ("Medical History
and Concurrent Diseases"), however many words it has; one that states a requirement ("Fasting
serum glucose < 120 mg/dL") keeps its unread words beside the lines under it. Kept as a review
conjunct, a title hid the HIV infection its children exclude: an HIV patient was answered eligible."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.sections import ParsedLine
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

EXC = CriterionType.EXCLUSION


@pytest.mark.parametrize(
    "title",
    ["Medical History and Concurrent Diseases", "Cardiovascular", "Prior and Concomitant Medical Conditions of Note"],
)
def test_a_title_over_exclusions_lets_its_children_decide(title):
    heading = parse_lines([ParsedLine(EXC, title, heading=True), ParsedLine(EXC, "HIV infection", parent=0)])[0]
    assert evaluate(heading, adult(condition("hiv", 300)), AS_OF).outcome is Outcome.MET
    assert evaluate(heading, adult(), AS_OF).outcome is Outcome.NOT_MET


def test_a_heading_that_states_a_requirement_keeps_its_unread_words():
    heading = parse_lines(
        [ParsedLine(EXC, "Serum zinc level > 3 times the reference", heading=True), ParsedLine(EXC, "HIV infection", parent=0)]
    )[0]
    assert "review" in str(heading.expr.to_json())
