"""A bound written as the alternative of another and closed on the patients it is for ("Bilirubin <
1.5 mg/dL OR direct bilirubin <= 1.0 mg/dL (for patients with Gilbert's syndrome)") is the way in
open to that group: the group and the bound together. Read as a scope of its own ("not Gilbert's
syndrome, or direct bilirubin <= 1.0"), every patient without the syndrome met the line whatever
the bilirubin (``alternatives.scoped_way_in``, ``topics.labs._OR_BEFORE``)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC = CriterionType.INCLUSION


@pytest.mark.parametrize("line, read", [
    ("Bilirubin < 1.5 mg/dL OR direct bilirubin ≤ 1.0 mg/dL (for patients with Gilbert's syndrome)",
     "bilirubin < 1.5 mg/dL or (Gilbert-syndrome and direct-bilirubin <= 1 mg/dL)"),
    ("Total bilirubin <= 1.5 x ULN or direct bilirubin <= ULN (for patients with Gilbert's syndrome)",
     "bilirubin <= 1.5 x ULN or (Gilbert-syndrome and direct-bilirubin <= 1 x ULN)"),
    ("AST <= 2.5 x ULN or AST <= 5 x ULN (for patients with liver metastases)", "AST <= 2.5 x ULN or (liver-metastases and AST <= 5 x ULN)"),
    # a scope after a bound of its own, no alternative before it, still concerns those patients alone
    ("Ejection fraction ≥ 35% (for patients with history of cardiac disease or anthracycline exposure)",
     "not (cardiac-disease or cardiac-disease within 100 years or anthracycline) or LVEF >= 35 %"),
])
def test_a_scoped_alternative_is_the_way_in_for_its_group(line: str, read: str) -> None:
    assert render_rule(parse_line(line, INC).expr) == read
