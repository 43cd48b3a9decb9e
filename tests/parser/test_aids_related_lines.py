"""HIV's complications named through the NCI's expansion "acquired immune deficiency syndrome
(AIDS)-related ...": the bracket glued to "-related" cut the name from what is related to it
(``parser.infection_rewrites``). The complication is HIV's, a person's to weigh beside it; a record
without HIV is none, and HIV alone on record is no complication.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import condition, healthy

EXC = CriterionType.EXCLUSION

ILLNESS = "Known human immunodeficiency virus (HIV) or acquired immunodeficiency syndrome (AIDS)-related illness or other active infection."  # NCT01190930-like (3 corpus lines)
COMPLICATIONS = (
    "Human immunodeficiency virus (HIV)-positive patients with cluster of differentiation (CD) counts less than 500/mm^3 and/or a "
    "history of HIV/acquired immune deficiency syndrome (AIDS)-related complications will be excluded from the study"
)  # NCT01260714 (holdout T185)

READINGS = [
    (ILLNESS, "HIV or (HIV and review unparsed \"-related illness\") or active-infection"),
    ("Known human immunodeficiency virus (HIV) or acquired immune deficiency syndrome (AIDS)-related illness",
     "HIV or (HIV and review unparsed \"-related illness\")"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_complication_is_read_as_hivs(text, rule):
    assert rule_of(text, EXC) == rule


def test_the_bracket_goes_only_before_related_words():
    assert "(AIDS)" not in normalize("acquired immune deficiency syndrome (AIDS)-related complications")
    assert "(AIDS)" not in normalize("acquired immunodeficiency syndrome (AIDS) defining illness")
    assert "(AIDS)" in normalize("acquired immunodeficiency syndrome (AIDS) or hepatitis")


# (line, met, not met, unknown)
ROWS = [
    (ILLNESS, (healthy(condition("hiv")),), (healthy(),), ()),
    # HIV without a CD4 count or a complication on record: only the count or the complication excludes
    (COMPLICATIONS, (), (), (healthy(condition("hiv")),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    normalize("(AIDS) " * 2000 + "-" * 5000 + "related")
    parse_line("acquired immune deficiency syndrome " + "(AIDS)-related " * 900, EXC)
    assert time.perf_counter() - started < 1.0
