"""A screening test for protein in the urine with the 24-hour collection the line itself accepts in
its stead (``topics.proteinuria._collection``): the collection's written bound is the screening
bound's alternative (an inclusion) or what clears its trigger (an exclusion), never the generic
"a collection the trial may accept" review. A screening bound that names the patients the
collection is asked of (">", in an inclusion) is no pass and keeps its old reading. Rows are
corpus wordings (paraphrased in places).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.proteinuria import proteinuria_items
from rules_engine.rule_language import render_rule

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
FALLBACK = 'review unsupported "unless a 24-hour urine collection the trial may accept in its stead decides otherwise"'

CASES = [
    (I, "Urine dipstick for proteinuria < 2+. If urine dipstick is >= 2+, 24-hour urine must demonstrate <1 g of protein in 24 hours.",
     "urine-protein-dipstick < 2.0 or urine-protein-24h < 1.0 g/d"),
    (E, "Urine dipstick for proteinuria >= 2+ (patients discovered to have >= 2+ proteinuria on dipstick urinalysis at baseline should undergo a "
        "24 hour urine collection and must demonstrate <= 1g of protein in 24 hours to be eligible).",
     "urine-protein-dipstick >= 2.0 and not urine-protein-24h <= 1.0 g/d"),
    (I, "Urinary protein is <= 1+ on dipstick or routine urinalysis or 24-hour urine demonstrating <1 gram of protein.",
     "urine-protein-dipstick <= 1.0 or urine-protein-24h < 1.0 g/d"),
    # the written bound is a mass: a concentration (g/L) is none, and the generic doubt stays
    (I, "Urine protein creatinine (UPC) =< 1; if UPC >= 1, then a 24-hour urine protein must be assessed; eligible patients must have a 24-hour urine protein value < 1 g/L",
     None),
]


@pytest.mark.parametrize(("ctype", "text", "rendered"), CASES, ids=[c[1][:50] for c in CASES])
def test_screening_test_with_its_written_collection(ctype: CriterionType, text: str, rendered: str | None) -> None:
    got = render_rule(parse_line(text, ctype).expr, None)
    if rendered is None:
        assert "urine-protein-24h" not in got and FALLBACK in got
    else:
        assert got == rendered


def test_a_ratio_naming_whom_the_collection_is_asked_of_is_no_pass() -> None:
    """ "for UPC ratio > 0.5, 24-hour urine protein should be obtained and the level should be
    < 1000 mg": read as the ratio or the collection, a ratio of 2.0 let the patient in."""
    text = "Urine protein screened by urine analysis for urine protein creatinine (UPC) ratio; for UPC ratio > 0.5, 24-hour urine protein should be obtained and the level should be < 1000 mg"
    got = render_rule(parse_line(text, I).expr, None)
    assert "UPCR > 0.5 g/g or urine-protein-24h" not in got
    assert "urine-protein-24h < 1.0 g/d" in got


def test_hostile_screening_line_is_read_in_time() -> None:
    text = "Urine dipstick for proteinuria < 2+ " + "if 24 hour " * 2000 + "< 1 g"
    start = time.monotonic()
    proteinuria_items(text, I)
    assert time.monotonic() - start < 2
