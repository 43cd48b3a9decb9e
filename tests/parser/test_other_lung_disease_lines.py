"""An exclusion's catch-all after the lung diseases it names ("Interstitial lung disease, pulmonary
fibrosis, or other severe respiratory disease"): the named kinds decide, the catch-all is any lung
disease with its own "severe" left to a person (``topics.comorbid_conditions``). A patient without
a lung disease on record is not excluded; before, the catch-all was unread and the line unknown
for everyone."""

from __future__ import annotations

import time

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics.comorbid_conditions import _OTHER_AFTER_KINDS
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OWN = ("inclusion", "Diagnosis of acute myeloid leukemia")
LINE = "Interstitial lung disease, pulmonary fibrosis, or other severe respiratory disease;"

CASES: list[tuple[str, PatientFacts, Outcome]] = [
    ("no lung disease on record: not excluded", adult(), NOT_MET),
    ("an interstitial lung disease, named, excludes", adult(condition("interstitial_lung_disease", 200)), MET),
    (
        "another lung disease (a J44 code is one): whether severe is a person's",
        adult(condition("lung_disease", 200)),
        UNKNOWN,
    ),
]


@pytest.mark.parametrize(("facts", "expected"), [pytest.param(f, o, id=w) for w, f, o in CASES])
def test_other_lung_disease_after_named_kinds(facts: PatientFacts, expected: Outcome) -> None:
    line = parse_lines([OWN, ("exclusion", LINE)])[1]
    assert evaluate(line, facts, AS_OF).outcome is expected


@pytest.mark.parametrize("text", [", other " * 6_000, ", other " + "x " * 25_000, "or " * 16_000])
def test_catch_all_pattern_stays_linear(text: str) -> None:
    # the whole 50,000 characters at once (the reader searches only the 40 before a lung disease's
    # name): linear, where a pattern that backtracked over the repetition would take seconds; the
    # bound is generous for a machine under load
    start = time.perf_counter()
    _OTHER_AFTER_KINDS.search(text)
    assert time.perf_counter() - start < 0.25
