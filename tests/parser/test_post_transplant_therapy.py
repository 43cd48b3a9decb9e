"""A transplant that only says which therapy an inclusion's washout means is no history it asks.

"... at least 5 half-lives (if the half-life is unknown, 14 days) for other investigational products
or drugs used for immunosuppressive therapy posthematopoietic stem cell transplantation (HSCT)"
(holdout T44): read with the transplant as a conjunct, every patient never transplanted failed the
line (eligible patients were ineligible). The transplant names the immunosuppression given after
one; a line naming a transplant elsewhere, or an exclusion ("on immunosuppressive therapy post
HSCT"), keeps its reading.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, rule_of
from tests.fixtures.records import healthy, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

T44 = ("Subject's interval from prior treatment to the time of study drug (ASP2215) administration is at least 5 half-lives "
       "(if the half-life is unknown, 14 days) for other investigational products or drugs used for immunosuppressive therapy "
       "posthematopoietic stem cell transplantation (HSCT).")
SINCE = "At least 14 days since immunosuppressive therapy post HSCT"

READINGS = [
    (SINCE, INC, "no immunosuppressant-therapy within 14 days exclusive"),
    # the exclusion's conjunction is what excludes: a transplanted patient on immunosuppression
    ("subjects on immunosuppressive therapy post HSCT at the time of screening", EXC, "immunosuppressant-therapy within 14 days and HSCT"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_transplant_qualifies_the_therapy(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def test_a_patient_never_transplanted_is_not_failed():
    assert "HSCT" not in rule_of(T44, INC)
    assert str(judged(parse_line(T44, INC), healthy())) == "unknown"
    assert str(judged(parse_line(SINCE, INC), healthy())) == "met"
    assert str(judged(parse_line(SINCE, INC), healthy(procedure("allo_hsct", 200), medication("immunosuppressant_therapy", 3)))) == "not_met"


def test_a_transplant_named_elsewhere_keeps_its_reading():
    text = "Patients with prior HSCT must be off immunosuppressive therapy post HSCT for at least 2 weeks"
    assert "HSCT" in rule_of(text, INC)


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    parse_line("At least 14 days since " + "immunosuppressive therapy post " * 700 + "HSCT", INC)
    assert time.perf_counter() - started < 1.0


def test_a_line_that_asks_the_therapy_keeps_the_transplant():
    """No washout: receiving the prophylaxis after a transplant needs the transplant."""
    assert "HSCT" in rule_of("Must be receiving GVHD prophylaxis post HSCT", INC)
