"""A risk word the line defines by the marrow blasts in the bracket right after the disease
(parser/defined_risk.py): "high-risk MDS (≥ 10% BM blasts)" asks for the MDS and the blasts, the
word nothing more. Real corpus lines (NCT00324220, NCT00542971, NCT02530476); a risk word with no
such definition stays a person's.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.defined_risk import blank_defined_risk
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

MDS_OR_AML = "Patients must have high-risk MDS (≥ 10% BM blasts) or AML"  # NCT00324220
DEFINED = "Patients with high-risk myelodysplastic syndrome (MDS) (defined as having >/= 10% blasts in the bone marrow)"  # NCT02530476


def mds(blasts: float | None) -> object:
    return adult(condition("mds"), *([lab("bm_blasts", blasts, "%")] if blasts is not None else []))


READINGS = [
    ("Patients must have high-risk MDS (≥ 10% BM blasts) or AML", "(MDS and BM-blasts >= 10 %) or AML"),
    (DEFINED, "MDS and BM-blasts >= 10 %"),
    ("2) high risk MDS (defined as the presence of > 10% blasts).", "MDS and (BM-blasts > 10 % or PB-blasts > 10 %)"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:40] for r in READINGS])
def test_the_bracket_defines_the_risk_word(text, rule):
    assert rule_of(text) == rule


ROWS = [
    (MDS_OR_AML, INC, (mds(15), adult(condition("aml"))), (mds(4), adult()), (mds(None),)),
    (DEFINED, INC, (mds(12),), (mds(4), adult(condition("aml"))), (mds(None),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_an_exclusion_keeps_the_risk_word():
    # (an exclusion joins the bracket as the disease's alternative: the word's review keeps an MDS
    # with few blasts from being excluded by the disease alone)
    assert judged(parse_line("High-risk MDS (≥ 10% BM blasts)", EXC), mds(4)) is Outcome.UNKNOWN


def test_an_undefined_risk_word_stays_a_persons():
    assert judged(parse_line("Patients must have high-risk MDS", INC), mds(15)) is Outcome.UNKNOWN


def test_hostile_input_is_read_in_bounded_time():
    start = time.perf_counter()
    blank_defined_risk(("high risk MDS (MDS) ( defined as the presence of >= 10 - 19 % of the " * 300)[:20000])
    blank_defined_risk(("high-risk " * 2500)[:20000])
    assert time.perf_counter() - start < 1.0
