"""An "either" just before an item opens that item's own pair ("solid malignancy (patients may have
either measurable or nonmeasurable disease)", "AML either relapsed or refractory"): it joins nothing
to the item before (``joiners._EITHER_OPENS``). Read as the join, any patient with measurable disease
met the first line whatever his cancer, and any relapsed patient the second whatever his disease."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC = CriterionType.INCLUSION


@pytest.mark.parametrize("line, read", [
    ("Have a histologically or cytologically confirmed diagnosis of a solid malignancy (patients may have either measurable or nonmeasurable disease).",
     'solid-tumor and ((measurable-disease is positive or (not measurable-disease and tumor-size >= 2 cm within 4 weeks))'
     ' or review unsupported "measurable or nonmeasurable disease: whether disease that is not measurable qualifies")'),
    ("AML either relapsed or refractory", "AML and (relapsed or refractory)"),
    # an "either" that opens the line's own choice is still a choice
    ("Patients must have either AML or MDS", "AML or MDS"),
])
def test_an_either_before_an_item_opens_its_own_pair(line: str, read: str) -> None:
    assert render_rule(parse_line(line, INC).expr) == read
