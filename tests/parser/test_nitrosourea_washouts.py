"""The nitrosoureas named by their class word in a washout, and the bracket's written bound.

"Nitrosoureas or mitomycin C within the previous 6 weeks", "Patients who have received mitomycin C
or nitrosourea", "At least 6 weeks must have elapsed since administration of nitrosureas" (about
15 corpus lines): the class word was no product Eligo read, so the line stood unread and every
patient was a person's. The family's members are known (``derive._PRODUCT_FAMILIES``), so the
class word is read as a product: a record of lomustine or BCNU meets it, one of cytarabine does
not. "mitomycin C" with its letter apart is the product too (the bare generic left " C" behind
and ended the list). ">= 4 weeks since prior cytotoxic chemotherapy (>= 6 weeks for
nitrosoureas)": the bracket's longer washout with its bound written is the NCI bracket
(``windows.AGENT_WINDOW``), not an unread review.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION

WITHIN = "Nitrosoureas or mitomycin C within the previous 6 weeks"  # NCT02636426
RECEIVED = "Patients who have received mitomycin C or nitrosourea."  # NCT00253318
ELAPSED = "At least 6 weeks must have elapsed since administration of nitrosureas."  # holdout T8's wording
BOUND = ">= 4 weeks since prior cytotoxic chemotherapy (>= 6 weeks for nitrosoureas)"  # NCT00329719

READINGS = [
    (WITHIN, EXC, 'named-medication is nitrosoureas within 6 weeks or named-medication is "mitomycin c" within 6 weeks'),
    (RECEIVED, EXC, "named-medication is mitomycin or named-medication is nitrosourea"),
    (BOUND, INC, "no chemotherapy within 4 weeks exclusive and (no chemotherapy within 6 weeks exclusive or "
                 "(not named-medication is nitrosoureas within 6 weeks exclusive and (named-medication within 6 weeks exclusive or "
                 "review unsupported \"whether the agent was one of these: nitrosoureas\")))"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_class_word_is_read_as_the_family(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def drug(days_ago: int, words: str) -> tuple:
    """A course as the intake writes a medication: its class and the medication's own words."""
    return (medication("chemotherapy", days_ago, quote=words), medication("named_medication", days_ago, quote=words))


# (line, type, met, not met, unknown)
ROWS = [
    (WITHIN, EXC,
     (healthy(*drug(20, "lomustine 110 mg/m2")), healthy(*drug(30, "BCNU")), healthy(*drug(10, "mitomycin-C"))),
     (healthy(), healthy(*drug(20, "cytarabine")), healthy(*drug(60, "carmustine"))),
     ()),
    (ELAPSED, INC,
     (healthy(), healthy(*drug(20, "cytarabine")), healthy(*drug(60, "lomustine"))),
     (healthy(*drug(20, "carmustine")),),
     ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_record_of_a_member_decides(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    parse_line("Nitrosoureas or " * 1200 + "mitomycin C within 6 weeks", EXC)
    parse_line("At least 4 weeks since prior chemotherapy (>= 6 weeks for " + "nitrosoureas or " * 1200 + "x)", INC)
    assert time.perf_counter() - started < 1.0
