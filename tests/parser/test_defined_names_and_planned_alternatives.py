"""Two seed-line shapes read on real registry text (issue 14; seed trials NCT06585345, NCT05744440).

* A group named and defined in a bracket ("Subjects with latent or prehepatitis B infection
  (defined as HBcAb positive and HBsAg negative) can be enrolled only if PCR tests for HBV DNA
  are negative"): the bracket is the reading; the name's words ("prehepatitis", "occult", "past
  or resolved") no longer leave the permission a review of its own (``parser.defined_names``).
* A history or a plan ("Previous or next organ transplant", "previous or planned organ
  transplant"): the history on record excludes, the plan is a person's to tell
  (``parser.planned_alternatives``). Read word by word, a transplanted patient was unknown where
  the text excludes ("organ transplant and review 'next'"), or the history was lost altogether.

Rows: (text, type, met, not met, unknown); for an exclusion "met" excludes.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, procedure, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult()
HBV_ACTIVE = adult(condition("hbv"), result("hbsag", "positive"))
HBV_LATENT_DNA_NEGATIVE = adult(condition("hbv"), result("hbcab", "positive"), result("hbsag", "negative"), result("hbv_dna", "negative"))
HBV_LATENT_DNA_POSITIVE = adult(condition("hbv"), result("hbcab", "positive"), result("hbsag", "negative"), result("hbv_dna", "positive"))
HBV_LATENT_NO_DNA = adult(condition("hbv"), result("hbcab", "positive"), result("hbsag", "negative"))

KIDNEY_GRAFT = adult(condition("organ_transplant", 900))
ALLOGRAFT = adult(procedure("allo_hsct", 400))

DEFINED = [
    # the seed line's own sentences (NCT06585345)
    ("Known history of hepatitis B (HBsAg positive) or hepatitis C (HCV antibody positive). Subjects with latent or prehepatitis B "
     "infection (defined as HBcAb positive and HBsAg negative) can be enrolled only if PCR tests for HBV DNA are negative. In addition, "
     "these subjects were required to undergo a monthly PCR test for HBV DNA.", E,
     [HBV_ACTIVE, HBV_LATENT_DNA_POSITIVE], [NONE, HBV_LATENT_DNA_NEGATIVE], [HBV_LATENT_NO_DNA]),
    # the same sentence with the other names registries give the group
    ("Known history of hepatitis B (HBsAg positive). Subjects with occult hepatitis B infection (defined as HBcAb positive and HBsAg "
     "negative) can be enrolled only if PCR tests for HBV DNA are negative.", E,
     [HBV_ACTIVE, HBV_LATENT_DNA_POSITIVE], [NONE, HBV_LATENT_DNA_NEGATIVE], [HBV_LATENT_NO_DNA]),
    ("Known history of hepatitis B (HBsAg positive). Subjects with past or resolved hepatitis B infection (defined as HBcAb positive "
     "and HBsAg negative) can be enrolled only if PCR tests for HBV DNA are negative.", E,
     [HBV_ACTIVE, HBV_LATENT_DNA_POSITIVE], [NONE, HBV_LATENT_DNA_NEGATIVE], [HBV_LATENT_NO_DNA]),
]

PLANNED = [
    # seed NCT05744440: the HCT exception stays the review it was (whether it covers the record)
    ("Previous or next organ transplant (except for HCT);", E, [KIDNEY_GRAFT], [], [NONE, ALLOGRAFT]),
    ("previous or planned organ transplant", E, [KIDNEY_GRAFT], [], [NONE]),
    # corpus (NCT01056510): read as a plan already by the transplant topic, kept
    ("previous or planned stem cell transplantation", E, [ALLOGRAFT], [], [NONE]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(DEFINED))
def test_a_group_defined_in_its_bracket_is_read_by_its_definition(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(PLANNED))
def test_a_history_or_a_plan_excludes_on_the_history(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_an_inclusion_history_or_plan_is_left_as_it_was() -> None:
    from rules_engine.parser.planned_alternatives import planned_alternative

    read = parse_line("Previous or next organ transplant", I)
    assert planned_alternative(read, read.text, lambda t: parse_line(t, I)) is read


@pytest.mark.parametrize("text", [
    ("Subjects with " + "latent or occult " * 2000 + "hepatitis B (defined as " + "HBcAb positive and " * 500)[:20000],
    ("Subjects with a (defined as (" * 1500)[:20000],
    ("Previous or next or planned " * 1000)[:20000],
    ("history of or planned (" * 1000 + "organ transplant")[:20000],
])
def test_hostile_text_parses_in_bounded_time(text: str) -> None:
    started = time.perf_counter()
    parse_line(text, E)
    parse_line(text, I)
    assert time.perf_counter() - started < 1.0


def test_the_name_spans_are_bounded_on_hostile_input() -> None:
    from rules_engine.parser.defined_names import defined_name_spans

    text = ("with " + "word " * 4000 + "(defined as x)")[:20000]
    started = time.perf_counter()
    defined_name_spans(text, [])
    assert time.perf_counter() - started < 1.0
