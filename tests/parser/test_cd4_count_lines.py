"""The CD4+ T-cell count HIV lines bound (issue 14, new lab concept ``cd4_count``).

"CD4 cell count >= 400/mm3", "Absolute CD4+ lymphocyte count: >= 75 cells/uL", "Cluster of
differentiation (CD) 4 count >= 400 cells/mm^3", "HIV-positive ... with a CD4 count of < 100" (about
10 corpus trials) were each a review: no catalogue concept held the count. The count is read in
cells per microlitre (10*6/L, LOINC 24467-3); an antibody against CD4 or another marker is no count.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from rules_engine.outcome import Outcome
from tests.fixtures.records import adult, condition, lab

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION


def cd4(value: float, unit: str = "10*6/L"):
    return lab("cd4_count", value, unit)


@pytest.mark.parametrize("text,rule", [
    ("CD4 cell count ≥ 400/mm³", "CD4-count >= 400 10*6/L"),
    ("Absolute CD4+ lymphocyte count: >= 75 cells/uL", "CD4-count >= 75 10*6/L"),
    ("Cluster of differentiation (CD) 4 count >= 400 cells/mm^3", "CD4-count >= 400 10*6/L"),
    ("CD4+ cell count >= 400/mm^3", "CD4-count >= 400 10*6/L"),
    ("CD4 count > 100/mcL", "CD4-count > 100 10*6/L"),
])
def test_the_count_is_read_in_cells_per_microlitre(text, rule):
    assert rule_of(text) == rule


@pytest.mark.parametrize("text", [
    "anti-CD4 antibody treatment (Campath) at any time",
    "CD45 count > 100/mcL",
])
def test_no_antibody_or_other_marker_is_the_count(text):
    assert "CD4-count" not in rule_of(text, EXC)


# (line, type, met, not met, unknown)
ROWS = [
    ("CD4 cell count ≥ 400/mm³", INC, (adult(cd4(450)), adult(cd4(0.45, "10*9/L"))), (adult(cd4(350)),), (adult(),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_recorded_count_decides_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_count_excepted_from_unread_complications_leaves_them_to_a_person():
    """"No history of HIV complications with the exception of CD4 count < 200": the low count is
    excepted from the complications, which no topic reads; applied to the HIV read beside them, a
    count of 150 met the line whatever complications the record holds."""
    line = parse_line("No history of HIV complications with the exception of cluster of differentiation (CD)4 count < 200 cells/mm^3", INC)
    hiv = adult(cd4(150), condition("hiv"))
    assert judged(line, hiv) is Outcome.UNKNOWN
    assert judged(line, adult(cd4(150))) is Outcome.MET
