"""A permission that says "higher levels" widens every limit of the clause before it (issue 14;
rules_engine.parser.plural_widening): "Serum creatinine or serum bilirubin < 1.5 times the upper
limit of normal; higher levels are acceptable if ALT levels < 2 x upper limits of normal".

* A creatinine above its limit with a normal ALT is the trial's to judge (unknown), as a high
  bilirubin is; with the ALT high too it fails the line.
* A permission about one lab's cause ("... related to liver involvement") widens that lab only.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, alt, bilirubin, creatinine

INC = CriterionType.INCLUSION


LINE = "Serum creatinine or serum bilirubin < 1.5 times the upper limit of normal; higher levels are acceptable if ALT levels < 2 x upper limits of normal"

ROWS = [
    # (text, met, not met, unknown)
    (LINE,
     [adult(creatinine(1.0), bilirubin(1.0), alt(30))],
     [adult(creatinine(2.4), bilirubin(1.0), alt(120)), adult(creatinine(1.0), bilirubin(2.4), alt(120))],
     [adult(creatinine(2.4), bilirubin(1.0), alt(30)), adult(creatinine(1.0), bilirubin(2.4), alt(30))]),
]


@pytest.mark.parametrize(("text", "facts", "expected"), outcome_cases(ROWS))
def test_higher_levels_widen_every_limit_of_the_clause(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, INC), facts) is expected


def test_a_permission_about_one_labs_cause_widens_that_lab_only() -> None:
    rule = rule_of("Creatinine < 1.5 x ULN and bilirubin < 1.5 x ULN. Higher values are acceptable if it is deemed that they are related to liver involvement with NHL.")
    assert rule.startswith("creatinine < 1.5 x ULN and (bilirubin < 1.5 x ULN or"), rule


def test_a_single_limit_is_widened_as_before() -> None:
    rule = rule_of("Bilirubin <= 2 x ULN; higher levels are acceptable if these can be attributed by treating physician to active hemolysis")
    assert rule.startswith("bilirubin <= 2 x ULN or (hemolytic-anemia and review"), rule
