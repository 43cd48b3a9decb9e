"""The KMT2A gene by its band in the leukaemia risk lists, and "AML subtypes defined by WHO"
(issue 14, helper dx18).

* "t(v;11q23)", "t(4;11)", "t(9;11)", "t(11;19)": a translocation with 11q23 is a KMT2A (MLL)
  rearrangement; "11q23 abnormalities", "abn11q23": a KMT2A rearrangement meets it, anything else
  is a person's (an 11q23 deletion need not break KMT2A); never a translocation the line leaves
  out ("11q23-non t(9;11)"), nor an example ("(e.g. t(4;11))"). In an inclusion a record without
  the rearrangement leaves the translocation to a person.
* "Relapsed or refractory AML subtypes defined by WHO, except acute promyelocytic leukemia": every
  subtype, the exception aside.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.criteria import parse_lines
from rules_engine.parser.topics.band_11q23 import band_11q23_items
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, result

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def has(*concepts: str, kmt2a: str | None = None) -> PatientFacts:
    return adult(*(condition(c) for c in concepts), *((result("kmt2a_rearrangement", kmt2a),) if kmt2a else ()))


ROWS = [
    # (line, type, met, not met, unknown)
    # an exclusion's translocation decides both ways
    ("t(v;11q23)", E, [has("all", kmt2a="positive")], [has("all", kmt2a="negative")], [has("all")]),
    ("AML with t(9;11)", E, [has("aml", kmt2a="positive")], [has("aml", kmt2a="negative"), has("all", kmt2a="positive")], [has("aml")]),
    # an inclusion's is met by the rearrangement and never fails a record without it: the risk
    # lists that name it may be joined as requirements (a Ph+ patient is not failed for KMT2A)
    ("t(4;11)", I, [has("all", kmt2a="positive")], [], [has("all", kmt2a="negative"), has("all")]),
    ("AML with t(9;11)", I, [has("aml", kmt2a="positive")], [has("all", kmt2a="positive")], [has("aml", kmt2a="negative")]),
    ("High-risk cytogenetics (Ph+, t(4,11), 11q23 abnormalities, or monosomy 7)", I, [], [], [has("all", kmt2a="negative")]),
    # the holdout's risk list (T222): a KMT2A rearrangement on record is high-risk ALL
    ("high-risk ALL: (1)Ph+ALL (2)Hypodiploidy (3)t(v;11q23) (4) complex karyotype", E, [has("all", kmt2a="positive")], [], [has("all", kmt2a="negative")]),
    # an abnormality of the band: a KMT2A rearrangement meets it, a negative result leaves it open
    ("11q23 abnormalities", I, [has("aml", kmt2a="positive")], [], [has("aml", kmt2a="negative"), has("aml")]),
    ("abn11q23", E, [has("aml", kmt2a="positive")], [], [has("aml", kmt2a="negative")]),
    # every subtype the classification defines, the APL excepted
    ("Relapsed or refractory AML subtypes defined by WHO, except acute promyelocytic leukemia.", I,
     [has("aml", "relapsed"), has("aml", "refractory")], [has("aml"), has("apl", "relapsed"), has("all", "relapsed")], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_the_band_and_the_subtypes_are_read(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize("line", [
    "In pediatrics, all of the above and 11q23-non t(9;11)",  # the translocation the line leaves out
    "AML other than t(9;11)",
    # an example of the category asked is no requirement of its own
    "ALL in CR1 with high risk cytogenetics (e.g. t(4;11))",
])
def test_a_translocation_left_out_is_never_asked(line: str) -> None:
    assert "KMT2A" not in rule_of(line)


def test_the_band_patterns_are_bounded() -> None:
    """A hostile 20,000-character line is read in well under a second."""
    hostile = ("t(v;11q23 abnormalities of chromosome 11q23/MLL " * 500)[:20000]
    start = time.perf_counter()
    band_11q23_items(hostile)
    band_11q23_items("t(" * 10000)
    assert time.perf_counter() - start < 1.0


# "The following are considered adverse cytogenetic abnormalities for AML:" over its kinds: any one
# of them (joined as requirements, a t(6;11) AML failed for want of every other abnormality)
CONSIDERED_HEADING = [
    (I, "The following are considered adverse cytogenetic abnormalities for AML:", None),
    (I, "t(6;11)", 0),
    (I, "t(11;19)", 0),
    (I, "abn11q23", 0),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (has("aml", kmt2a="positive"), Outcome.UNKNOWN),  # the heading's "adverse" is a person's
    (has("all", kmt2a="positive"), Outcome.NOT_MET),  # the heading is AML's
])
def test_a_considered_heading_takes_any_of_its_kinds(facts: PatientFacts, expected: Outcome) -> None:
    heading = parse_lines(CONSIDERED_HEADING)[0]
    assert judged(heading, facts) is expected
    assert " or " in render_rule(heading.expr, heading.applies_if)
