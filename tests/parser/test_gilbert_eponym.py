"""The joint eponym "Gilbert-Meulengracht syndrome" names Gilbert's syndrome, as either name alone
does: as the cause a looser bilirubin bound is for ("< 3 x ULN for patients with Gilbert-Meulengracht
syndrome"), a patient without it on record is not excepted. Unread, the bound was left to a person
and a bilirubin of 2.7 x ULN with no Gilbert's on record was unknown."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, bilirubin, condition

INC = CriterionType.INCLUSION


@pytest.mark.parametrize(
    "line",
    [
        "Total bilirubin ≤ 2 × ULN or < 3 x ULN for patients with Gilbert-Meulengracht syndrome",
        "Total bilirubin ≤ 2 × ULN or < 3 x ULN for patients with Gilbert Meulengracht syndrome",
        "Total bilirubin ≤ 2 × ULN or < 3 x ULN for patients with Gilbert's syndrome",
    ],
    ids=["hyphen", "space", "gilbert"],
)
def test_the_joint_eponym_is_gilberts_syndrome(line: str) -> None:
    c = parse_line(line, INC)
    assert render_rule(c.expr, c.applies_if) == "bilirubin <= 2 x ULN or (bilirubin < 3 x ULN and Gilbert-syndrome)"


@pytest.mark.parametrize(
    "parts, expected",
    [
        ((bilirubin(3.2),), Outcome.NOT_MET),
        ((bilirubin(3.2), condition("gilbert_syndrome")), Outcome.MET),
        ((bilirubin(1.5),), Outcome.MET),
    ],
    ids=["high-without-gilbert", "high-with-gilbert", "normal"],
)
def test_the_looser_bound_is_only_for_the_syndrome(parts: tuple, expected: Outcome) -> None:
    line = "Total bilirubin ≤ 2 × ULN or < 3 x ULN for patients with Gilbert-Meulengracht syndrome"
    trial = TrialCriteria("NCT00000099", 1, parse_lines([(INC, line)]))
    assert evaluate_reference(trial, adult(*parts), AS_OF).criteria[0].outcome is expected
