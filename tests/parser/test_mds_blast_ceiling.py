"""An MDS's ceiling of blasts written with no site ("Patients with MDS and </= 10% blasts",
"myelodysplastic syndrome (MDS) (up to 20% blasts)"): the marrow's share, beside the disease
(``topics.mds_blast_ceiling``). Left unread, the bound was a review and an RAEB-1 with 8% marrow
blasts was unknown (holdout T262, T202)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.disease_blasts import disease_blast_items
from rules_engine.rule_language import render_rule
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, lab

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

AND_TEN = "Patients with MDS and </= 10% blasts"
UP_TO = "Patients with myelodysplastic syndrome (MDS) (up to 20% blasts)"
UNDER = "CMML with < 20% blasts"


def mds(*parts: object) -> PatientFacts:
    return adult(condition("mds", 100), *parts)


# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("8% marrow blasts: within 10%", AND_TEN, mds(lab("bm_blasts", 8, "%")), MET),
    ("10% is 'at most 10%'", AND_TEN, mds(lab("bm_blasts", 10, "%")), MET),
    ("12% marrow blasts: over the ceiling", AND_TEN, mds(lab("bm_blasts", 12, "%")), NOT_MET),
    ("no marrow count on record: unknown", AND_TEN, mds(), UNKNOWN),
    ("no MDS: not met whatever the blasts", AND_TEN, adult(condition("aml", 100), lab("bm_blasts", 8, "%")), NOT_MET),
    ("'up to 20%': 20% marrow blasts", UP_TO, mds(lab("bm_blasts", 20, "%")), MET),
    ("'up to 20%': 25% marrow blasts", UP_TO, mds(lab("bm_blasts", 25, "%")), NOT_MET),
    ("a blood count alone does not decide the marrow's share", UP_TO, mds(lab("pb_blasts", 2, "%")), UNKNOWN),
    ("'< 20%': 20% is not under it", UNDER, adult(condition("cmml", 100), lab("bm_blasts", 20, "%")), NOT_MET),
]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_the_ceiling_decides_on_the_marrow_count(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, INC), facts, AS_OF).outcome is expected


# lines whose ceiling is another reading's: no marrow ceiling joined to the disease
LEFT = [
    ("the blasts before an IPSS group are that group's alternative (topics.mds_kinds)",
     "Patients with MDS and </= 10% blasts or International Prognostic Scoring System (IPSS) low or intermediate 1", "BM-blasts <= 10 % or"),
    ("a share with its site is the lab topic's", "MDS with < 5% blasts in the peripheral blood", "PB-blasts < 5 %"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, r, id=w) for w, t, r in LEFT])
def test_other_readings_keep_their_share(text: str, expected: str) -> None:
    assert expected in render_rule(parse_line(text, INC).expr)


def test_an_acute_leukaemias_ceiling_is_left_alone() -> None:
    assert "BM-blasts" not in render_rule(parse_line("AML with < 20% blasts", INC).expr)


def test_a_hostile_line_is_read_fast() -> None:
    hostile = "MDS " + "a " * 10_000 + "< 5 " * 100 + "% blast"
    start = time.perf_counter()
    disease_blast_items(hostile, INC)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 0.5
