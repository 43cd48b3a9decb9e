"""Two readings of the words around a line's items.

The methods a diagnosis may be proven by ("histologically or cytologically confirmed") join no
items (``joiners``): "≥ 18 years with histologically or cytologically confirmed AML" asks both
(read as the join, "age >= 18 or AML" was met by every adult).

A sentence of an exclusion that only permits a history ("Patients may have received prior
hydroxyurea") excepts what it names from the line (``permissions``), never excludes it."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.joiners import _PROOF_METHODS
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication

I = CriterionType.INCLUSION
E = CriterionType.EXCLUSION

ROWS = [
    # (type, text, met, not met, unknown)
    (
        I,
        "Age ≥ 18 years with histologically or cytologically confirmed AML",
        [adult(condition("aml"))],
        [adult(condition("mds")), adult(condition("aml"), years=15)],
        [],
    ),
    (
        I,
        "Age ≥ 18 years with histologic and/or cytologic diagnosis of AML",
        [adult(condition("aml"))],
        [adult(condition("mds"))],
        [],
    ),
    (
        E,
        "Prior chemotherapy. Patients may have received prior hydroxyurea",
        [adult(medication("chemotherapy"))],
        [adult()],
        [adult(medication("hydroxyurea"))],
    ),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_proof_methods_and_permitting_sentences(
    ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_hostile_run_of_method_words_is_read_quickly() -> None:
    connector = " histologically or" * 500 + " cytologically/" * 500 + " x"
    start = time.perf_counter()
    _PROOF_METHODS.sub(" ", connector)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
