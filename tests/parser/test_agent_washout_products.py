"""The agents a longer washout names in brackets, asked of the record's medications.

"At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas or mitomycin C)": a course
that ended between the two intervals was a person's question, though the record names its drugs.
Now a medication naming one of the agents there decides against the patient, medications that
name none of them decide for, and a course the record holds as no medication stays unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.agent_products import agent_products
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION

SINCE = "At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas or mitomycin C)"  # the NCI layout (55 corpus lines)
SINCE_NAMED = "At least 4 weeks since prior chemotherapy (6 weeks for melphalan, carmustine, or mitomycin)"  # NCT00004239
WITHIN = "Chemotherapy within 4 weeks (6 weeks for nitrosoureas [e.g., carmustine] or mitomycin C) prior to entering the study"
UNREAD = "At least 3 weeks since prior chemotherapy (6 weeks for myelosuppressive agents)"


AGENTS = [
    ("nitrosoureas or mitomycin C", ["nitrosoureas", "mitomycin"]),
    ("nitrosureas", ["nitrosoureas"]),
    ("prior nitrosourea", ["nitrosoureas"]),
    ("a nitrosourea or mitomycin C agent", ["nitrosoureas", "mitomycin"]),
    ("nitrosoureas [e.g., carmustine] or mitomycin C", ["nitrosoureas", "mitomycin"]),
    ("melphalan, carmustine, or mitomycin", ["melphalan", "carmustine", "mitomycin"]),
    ("mitomycin-C or nitrosoureas", ["mitomycin", "nitrosoureas"]),
    ("nitrosoureas were received", ["nitrosoureas"]),
    ("bicalutamide or nilutamide", ["bicalutamide", "nilutamide"]),
    ("prior bevacizumab", ["bevacizumab"]),
    # anything Eligo does not read by name keeps the bracket a person's question
    ("myelosuppressive agent", None),
    ("mitomycin C, nitrosureas, vaccines, or antibody therapy", None),
]


@pytest.mark.parametrize("text,products", AGENTS, ids=[a[0][:40] for a in AGENTS])
def test_the_bracket_names_products_the_record_can_name(text, products):
    assert agent_products(text) == products


READINGS = [
    (SINCE, INC, "no chemotherapy within 4 weeks exclusive and (no chemotherapy within 6 weeks exclusive or "
                 "(not (named-medication is nitrosoureas within 6 weeks exclusive or named-medication is mitomycin within 6 weeks exclusive) and "
                 "(named-medication within 6 weeks exclusive or review unsupported \"whether the agent was one of these: nitrosoureas or mitomycin C\")))"),
    (UNREAD, INC, "no chemotherapy within 3 weeks exclusive and (no chemotherapy within 6 weeks exclusive or "
                  "review unsupported \"whether the agent was one of these: myelosuppressive agents\")"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_longer_window_is_asked_of_the_named_agents(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def chemo(days_ago: int, words: str) -> tuple:
    """A course as the intake writes a medication: its class and the medication's own words."""
    return (medication("chemotherapy", days_ago, quote=words), medication("named_medication", days_ago, quote=words))


# (line, type, met, not met, unknown)
ROWS = [
    (SINCE, INC,
     (healthy(), healthy(*chemo(35, "cytarabine 100 mg/m2")), healthy(*chemo(60, "lomustine"))),
     (healthy(*chemo(20, "cytarabine")), healthy(*chemo(35, "lomustine 110 mg/m2")), healthy(*chemo(35, "mitomycin-C")), healthy(*chemo(35, "BCNU"))),
     # a course between the intervals held as no medication: which agent it was is unknown
     (healthy(procedure("chemotherapy", 35)), healthy(medication("chemotherapy", 35)))),
    (SINCE_NAMED, INC,
     (healthy(*chemo(35, "vincristine, dexamethasone, pegaspargase, doxorubicin")),),
     (healthy(*chemo(35, "melphalan 140 mg/m2")),),
     (healthy(procedure("chemotherapy", 35)),)),
    (WITHIN, EXC,
     (healthy(*chemo(20, "cytarabine")), healthy(*chemo(35, "carmustine")), healthy(*chemo(35, "Gliadel wafer"))),
     (healthy(), healthy(*chemo(35, "cytarabine")), healthy(*chemo(60, "carmustine"))),
     (healthy(procedure("chemotherapy", 35)),)),
    # an unread bracket: as before, the span between the intervals stays a person's
    (UNREAD, INC, (healthy(), healthy(*chemo(60, "cytarabine"))), (healthy(*chemo(10, "cytarabine")),), (healthy(*chemo(30, "cytarabine")),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_hostile_bracket_is_read_quickly():
    hostile = "mitomycin " + "or nitrosourea, " * 2000 + "and " * 3000
    started = time.perf_counter()
    agent_products(hostile)
    agent_products(hostile[:199])
    parse_line("At least 4 weeks since prior chemotherapy (6 weeks for " + "nitrosoureas or " * 1200 + "x)", INC)
    assert time.perf_counter() - started < 1.0
