"""IPSS risk groups in the wordings topics/mds_kinds.py left unread, real corpus lines: each
group with its own "risk" ("low risk, intermediate-1 risk, or intermediate-2 risk", NCT00466843),
the scale's whole name after the groups ("intermediate 1 or 2, or high risk by the International
Prognostic Scoring System", NCT00241358), "criteria for" between the scale and the groups, an MDS
"that meets" them or "defined as" them with the risk word they define ("High-risk myelodysplastic
syndromes defined as IPSS category of intermediate-2 or greater", NCT00516828), and an MDS read
already with its origin ("Primary myelodysplastic syndromes (MDS) with an IPSS score > 1.5",
NCT00555048). The marrow blasts decide what they fix, as for the other IPSS wordings; a bare
"intermediate risk MDS" with no scale named stays unread (the revised scale has an "intermediate"
group of its own).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.mds_kinds import mds_kind_items
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def mds(blasts: float | None) -> object:
    return adult(condition("mds"), *([lab("bm_blasts", blasts, "%")] if blasts is not None else []))


AML = adult(condition("aml"), lab("bm_blasts", 40, "%"))

LOW_TO_INT2 = ("Diagnosis of MDS that meets International Prognostic Scoring System (IPSS) criteria for low risk, intermediate-1 risk, "
               "or intermediate-2 risk. More information about this criterion can be found in the protocol.")  # NCT00466843
INT_OR_HIGH = "MDS and intermediate 1 or 2, or high risk by the International Prognostic Scoring System"  # NCT00241358
DEFINED = "High-risk myelodysplastic syndromes defined as IPSS category of intermediate-2 or greater"  # NCT00516828
PRIMARY = "Primary myelodysplastic syndromes (MDS) with an IPSS score > 1.5"  # NCT00555048

ROWS = [
    # (text, type, met, not met, unknown): blasts < 5% are 0 to 1.5 points, 5-10% 0.5 to 2.0, 11-20% 1.5 to 3.0
    (LOW_TO_INT2, INC, (mds(2), mds(8)), (AML, adult()), (mds(15), mds(None))),
    (INT_OR_HIGH, INC, (mds(8), mds(15)), (AML, adult()), (mds(2), mds(None))),
    (DEFINED, INC, (mds(15), mds(25)), (AML, adult()), (mds(2), mds(8))),
    (PRIMARY, INC, (mds(25),), (AML, adult(), mds(3)), (mds(8), mds(15))),
    (DEFINED, EXC, (mds(15),), (AML, adult()), (mds(2),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_bare_intermediate_risk_mds_stays_a_persons():
    assert judged(parse_line("Low or intermediate risk MDS", INC), mds(2)) is Outcome.UNKNOWN


def test_hostile_input_is_read_in_bounded_time():
    text = ("MDS that meets IPSS criteria for low risk, intermediate risk, or intermediate 1 or 2 risk by the International "
            "Prognostic Scoring System defined as ") * 200
    start = time.perf_counter()
    mds_kind_items(text[:20000])
    mds_kind_items(("intermediate risk , " * 1000)[:20000] + " IPSS")
    assert time.perf_counter() - start < 1.0
