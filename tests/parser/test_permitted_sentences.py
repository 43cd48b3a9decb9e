"""A later sentence that only permits a history ("Patients may have been treated with Lapatinib
previously", "may have previously received autologous transplantation") asks nothing of the
patient (rules_engine.parser.permissions)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import iter_predicates
from rules_engine.parser import parse_line


@pytest.mark.parametrize("text, permitted", [
    ("Prior treatment must have contained trastuzumab and taxane. Patients may have been treated with Lapatinib previously.", "named_medication"),
    ("Patients must have received prior chemotherapy for their myeloma. Patients may have previously received autologous peripheral blood stem cell transplantation.", "auto_hsct"),
])
def test_the_permitted_history_or_finding_is_never_asked(text: str, permitted: str) -> None:
    assert permitted not in {p.concept for p in iter_predicates(parse_line(text, "inclusion").expr)}


@pytest.mark.parametrize("text, asked", [
    ("Patients must have been treated with lapatinib.", "named_medication"),
])
def test_a_sentence_that_asks_more_than_it_permits_is_still_read(text: str, asked: str) -> None:
    assert asked in {p.concept for p in iter_predicates(parse_line(text, "inclusion").expr)}
