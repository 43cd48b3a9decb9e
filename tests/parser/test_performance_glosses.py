"""Words beside a performance status that restate it: the level in words after an "i.e."
("Karnofsky performance status >= 60% (i.e. the patient must be able to care for himself/herself
with occasional help from others)", ``remarks``) and the scale's name spelt the British way
("World Health Organisation (WHO) performance status 0-1", ``items`` filler). Left, each was a
review beside a decided status (4 and 3 corpus trials)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.remarks import blank_remarks
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, lab

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

KARNOFSKY = "Patients must have a Karnofsky performance status >= 60% (i.e. the patient must be able to care for himself/herself with occasional help from others)"
KARNOFSKY_50 = "Patients must have a Karnofsky performance status ≥ 50% (i.e. the patient must be able to care for himself/herself with occasional help from others)."
WHO = "World Health Organisation (WHO) performance status of 0 or 1 (Appendix 1)."


# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("Karnofsky 70: the number decides", KARNOFSKY, adult(lab("karnofsky", 70, "%")), MET),
    ("Karnofsky 50: under 60", KARNOFSKY, adult(lab("karnofsky", 50, "%")), NOT_MET),
    ("the words never tighten the number: 50 meets '>= 50%'", KARNOFSKY_50, adult(lab("karnofsky", 50, "%")), MET),
    ("no status on record: unknown", KARNOFSKY, adult(), UNKNOWN),
    ("WHO status 1", WHO, adult(lab("ecog", 1)), MET),
    ("WHO status 2", WHO, adult(lab("ecog", 2)), NOT_MET),
]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_the_status_decides_without_its_restatement(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, INC), facts, AS_OF).outcome is expected


def test_other_words_about_self_care_stay_read() -> None:
    assert "care for" in blank_remarks("Patients able to care for themselves")


def test_a_hostile_line_is_read_fast() -> None:
    hostile = "(i.e. the patient must be able to care for " + "himself / " * 3_000
    start = time.perf_counter()
    blank_remarks(hostile)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 0.5
