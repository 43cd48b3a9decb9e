"""A permission of a condition either way asks nothing: "(patients with or without measurable
disease by imaging are eligible)" after a colorectal cancer. Read as a widening, the measurable
disease it names became an alternative to the line's cancer, and a patient with measurable disease
of any other cancer was let past the diagnosis the line asks for (``widening.is_remark``)."""

from __future__ import annotations

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, result

MET, NOT_MET = Outcome.MET, Outcome.NOT_MET
LINE = "Colorectal cancer (patients with or without measurable disease by imaging are eligible)"

CASES: list[tuple[str, PatientFacts, Outcome]] = [
    ("colorectal cancer without measurable disease: met", adult(condition("colorectal_cancer")), MET),
    ("colorectal cancer with measurable disease: met", adult(condition("colorectal_cancer"), result("measurable_disease", "positive")), MET),
    ("another cancer with measurable disease: not met", adult(condition("breast_cancer"), result("measurable_disease", "positive")), NOT_MET),
]


@pytest.mark.parametrize(("facts", "expected"), [pytest.param(f, o, id=w) for w, f, o in CASES])
def test_permission_either_way_asks_nothing(facts: PatientFacts, expected: Outcome) -> None:
    line = parse_lines([("inclusion", LINE)])[0]
    assert evaluate(line, facts, AS_OF).outcome is expected
