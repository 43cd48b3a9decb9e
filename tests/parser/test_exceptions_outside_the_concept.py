"""An exception naming what the line's concept leaves out by definition excepts nothing
(``parser.event_exceptions._OUTSIDE``): "Previous or next organ transplant (except for HCT)" (seed
NCT05744440) asks a solid organ's transplant, whose codes never hold a stem cell transplant. Read as
an exception that might cover the record, a kidney transplant beside a past HSCT was left to a
person; an exception of a kind the concept does hold stays as it was."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, Review
from rules_engine.criteria import iter_nodes
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, procedure

EXC = CriterionType.EXCLUSION
MET, NOT_MET = Outcome.MET, Outcome.NOT_MET

LINE = "Prior organ transplant (except for HCT);"

# (why, record, outcome)
CASES: list[tuple[str, PatientFacts, Outcome]] = [
    ("a kidney transplant beside a past HSCT excludes (was unknown)", adult(condition("organ_transplant"), procedure("allo_hsct")), MET),
    ("a kidney transplant alone excludes", adult(condition("organ_transplant")), MET),
    ("an HSCT alone is no organ transplant", adult(procedure("allo_hsct")), NOT_MET),
    ("neither on record", adult(), NOT_MET),
]


@pytest.mark.parametrize(("facts", "expected"), [pytest.param(f, o, id=w) for w, f, o in CASES])
def test_an_exception_the_concept_leaves_out_excepts_nothing(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(LINE, EXC), facts, AS_OF).outcome is expected


def test_an_exception_of_a_kind_the_concept_holds_stays_a_persons() -> None:
    expr = parse_line("Prior organ transplant except kidney transplant", EXC).expr
    assert any(isinstance(n, Review) for n in iter_nodes(expr))
