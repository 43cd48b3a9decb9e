"""Issue 14, two shapes that asked a bound of patients it was never about (holdout T222, T92):

- a count or share bound written right after a disease's name with no measure named ("T-ALL
  ≥100×10^9/L", "AML ≥ 20%"): the disease with a bound of its own, unread. Dropped as punctuation,
  every T-ALL was a "high white count" high-risk ALL and excluded;
- a life expectancy "with regard to that malignancy" / "for that malignancy": the one another
  cancer leaves, which the record's whole life expectancy is at most. A whole one within the bound
  meets it; one short of the bound may be the trial's own disease's, a person's. Read as the whole
  one, every AML patient with a short life expectancy failed a line about a cancer he may not have.

Each row is a paraphrased corpus or holdout line and its reading, or its outcomes on small records."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, Review, ReviewReason
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser.clauses import _BOUND_AFTER, parse_clause
from rules_engine.parser.line import parse_line
from rules_engine.parser.topics.life_causes import life_apart
from tests.fixtures.judging import judged, rule_of
from tests.fixtures.records import adult, condition, ecog, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

READINGS = [
    # a bound after the disease's name: the disease, its bound a person's
    ("T-ALL ≥100×109/L", EXC, 'T-ALL and review unparsed "T-ALL ≥100×109/L"'),
    ("AML ≥ 20%", INC, 'AML and review unparsed "AML ≥ 20%"'),
    # a bound a measure takes is that measure's, not the disease's
    ("AML with ≥ 20% blasts", INC, "AML and (BM-blasts >= 20 % or PB-blasts >= 20 %)"),
    ("T-ALL with WBC ≥100×109/L", EXC, "T-ALL and WBC >= 100 10*9/L"),
    # a life expectancy with regard to another cancer: the whole one within the bound meets it
    ("Patients may have received therapy for other malignancies, as long as they have completed therapy at least 6 months prior to "
     "study entry and be deemed to have a life expectancy of at least 2 years with regard to that malignancy", INC,
     'no other-malignancy within 6 months exclusive and (life-expectancy >= 2 years or review unsupported "life expectancy with regard '
     'to that malignancy") and review "be deemed to have a"'),
    # the whole life expectancy without a cause named stays the line's
    ("Life expectancy of at least 2 years", INC, "life-expectancy >= 2 years"),
]


@pytest.mark.parametrize("text,ctype,expected", READINGS, ids=[t[:50] for t, _, _ in READINGS])
def test_the_line_reads_as(text: str, ctype: CriterionType, expected: str) -> None:
    assert rule_of(text, ctype) == expected


def _t_all(wbc: float) -> PatientFacts:
    return adult(condition("t_all", 30), lab("wbc", wbc, "10*9/L"))


def _life(months: int) -> PatientFacts:
    return adult(ecog(1), lab("life_expectancy", months, "mo"))


BCC_LIFE = ("Patients may have received therapy for other malignancies, as long as they have completed therapy at least 6 months "
            "prior to study entry and be deemed to have a life expectancy of at least 2 years with regard to that malignancy")
OUTCOMES = [
    # a T-ALL is no high-risk ALL by its name alone: whether its count passes the bound is a person's
    ("High white blood cell count (B-ALL≥30×109/L;T-ALL ≥100×109/L)", EXC, _t_all(20), {Outcome.UNKNOWN}),
    ("T-ALL ≥100×109/L", INC, _t_all(150), {Outcome.UNKNOWN}),
    # a B-ALL is no T-ALL whatever its count
    ("T-ALL ≥100×109/L", EXC, adult(condition("b_all", 30), lab("wbc", 150, "10*9/L")), {Outcome.NOT_MET}),
    # a short whole life expectancy is no short one for another cancer: never the line's failure
    (BCC_LIFE, INC, _life(6), {Outcome.UNKNOWN}),
    # a long whole life expectancy and no other cancer never fail it
    (BCC_LIFE, INC, _life(60), {Outcome.MET, Outcome.UNKNOWN}),
]


@pytest.mark.parametrize("text,ctype,facts,expected", OUTCOMES, ids=[f"{t[:40]}-{i}" for i, (t, _, _, _) in enumerate(OUTCOMES)])
def test_the_record_decides(text: str, ctype: CriterionType, facts: PatientFacts, expected: set[Outcome]) -> None:
    assert judged(parse_line(text, ctype), facts) in expected


HOSTILE = [
    lambda: _BOUND_AFTER.match("T-ALL " + "≥ 1" * 7000, 5),
    lambda: _BOUND_AFTER.match("AML ≥ " + "1" * 20000 + " x 10^9/L", 3),
    lambda: parse_clause("T-ALL ≥ " + "1." * 2000 + " x 10^9/L", EXC),
    lambda: life_apart("life expectancy of 2 years with regard to that " + "other " * 4000 + "malignancy", INC, lambda t: Review(ReviewReason.UNPARSED, "")),
]


@pytest.mark.parametrize("call", HOSTILE)
def test_hostile_input_reads_fast(call) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    call()
    assert time.perf_counter() - start < 2
