"""A leukaemia's or an MDS's defining share of blasts written with no site ("Previously untreated
AML (>/= 20% blasts)", "AML (World Health Organization classification definition of > 20%
blasts)", "high risk MDS (defined as the presence of > 10% blasts)"): the disease with that share
in the marrow or the blood (``topics.disease_blasts``). Left unread, the share was a review beside
the disease and an untreated AML with 40% marrow blasts was unknown (holdout T251, T105).

The share joins the disease it follows and no other: "MDS (>= 10% blasts) or AML" asks the share
of the MDS only. A line about a remission, a share dated to a window, or one with its own site is
left to the readings it had."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, lab

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

UNTREATED = "Previously untreated AML (>/= 20% blasts) or AML M6."
WHO = "Diagnosis of 1) AML (World Health Organization classification definition of > 20% blasts), or 2) high risk MDS (defined as the presence of > 10% blasts)."
MDS_OR_AML = 'Diagnosis of "high-risk" myelodysplastic syndrome (MDS) (>= 10% blasts) or AML other than acute promyelocytic leukemia (APL)'


def blasts(pb: float | None = None, bm: float | None = None) -> tuple:
    return tuple([lab("pb_blasts", pb, "%")] if pb is not None else []) + tuple([lab("bm_blasts", bm, "%")] if bm is not None else [])


# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("untreated AML with 40% marrow blasts meets it", UNTREATED, adult(condition("aml", 10), *blasts(bm=40)), MET),
    ("the blood alone may show the share", UNTREATED, adult(condition("aml", 10), *blasts(pb=30)), MET),
    ("12% in the marrow, no blood count: the blood may still show it", UNTREATED, adult(condition("aml", 10), *blasts(bm=12)), UNKNOWN),
    ("neither site has the share: the line's 'AML M6' alternative is still a person's", UNTREATED,
     adult(condition("aml", 10), *blasts(pb=3, bm=12)), UNKNOWN),
    ("12% in the marrow and 3% in the blood: neither site has the WHO share", WHO, adult(condition("aml", 10), *blasts(pb=3, bm=12)), NOT_MET),
    ("no blast count on record: unknown", UNTREATED, adult(condition("aml", 10)), UNKNOWN),
    ("'> 20% blasts' by the WHO definition: 25% in the marrow", WHO, adult(condition("aml", 10), *blasts(bm=25)), MET),
    ("an MDS with 15% marrow blasts: the 'high risk' words stay a person's", WHO, adult(condition("mds", 10), *blasts(bm=15)), UNKNOWN),
    ("an MDS with 4% blasts at both sites is not the MDS the line defines", WHO, adult(condition("mds", 10), *blasts(pb=0, bm=4)), NOT_MET),
    ("the MDS's share asks nothing of an AML beside it", MDS_OR_AML, adult(condition("aml", 10), *blasts(pb=0, bm=8)), MET),
]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_a_defining_share_decides_as_the_text_means(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, INC), facts, AS_OF).outcome is expected


# (why, line, rendering) : the share joins the disease before it, at either site
RENDERED = [
    ("the share in brackets after the disease", UNTREATED,
     # (untreated: no therapy for the AML, one beside an earlier disease open: topics.untreated_since)
     "(not anticancer-therapy or therapy-for-earlier-disease other than (AML)) "
     "and not relapsed and not refractory and ((AML and (BM-blasts >= 20 % or PB-blasts >= 20 %)) or (AML and review unparsed \"M6\"))"),
    ("the disease's name and abbreviation take the share once", MDS_OR_AML,
     "(MDS and (BM-blasts >= 10 % or PB-blasts >= 10 %) and review \"Diagnosis of \\\"high-risk\\\"\") or AML other than (APL)"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, r, id=w) for w, t, r in RENDERED])
def test_the_share_joins_its_disease(text: str, expected: str) -> None:
    assert render_rule(parse_line(text, INC).expr) == expected


# lines whose share is not the disease's definition keep their reading: no blasts read
LEFT = [
    ("a remission line: the share was the diagnosis's", "AML by WHO criteria (greater than 20% blasts) in first CR or CRp"),
    ("a share dated to a window is a test asked anew", "have documented AML with >= 20% blasts within one week prior to enrollment"),
    ("a share after a comma belongs to the list, not the disease", "recurrent acute myelogenous leukemia (AML), defined as >= 5% blasts in a patient with known prior history of AML"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=w) for w, t in LEFT])
def test_other_shares_are_left_alone(text: str) -> None:
    assert "BM-blasts" not in render_rule(parse_line(text, INC).expr)
