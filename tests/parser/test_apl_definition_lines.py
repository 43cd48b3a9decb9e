"""Acute promyelocytic leukaemia restated by its classification, karyotype and fusion gene in the
bracket after its name, as a sponsor's template writes it ("(APL, French-American-British [FAB]
classification M3 or WHO classification of APL with t(15;17)(q22;q12)), (PML/retinoic acid
receptor alpha [RARa] and variants)"), and proven "based on morphology, immunophenotype,
molecular assay, or karyotype": the line asks APL and nothing else, so a record without APL
does not meet the exclusion (left, the unread words made every such record undecided)."""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.events import _DIAGNOSES
from tests.fixtures.judging import judged, rule_of
from tests.fixtures.records import adult, condition

E = CriterionType.EXCLUSION

LINES = [
    "Diagnosis of acute promyelocytic leukemia (APL), (French-American-British classification M3 or WHO classification of APL with "
    "t(15;17)(q22;q12), (PML/RAR alpha fusion gene and variants).",
    "Diagnosis of acute promyelocytic leukemia (APL, French-American-British [FAB] classification M3 or WHO classification of APL with "
    "t(15;17)(q22;q12)), (PML/retinoic acid receptor alpha [RARa] and variants)",
    "Patients having diagnosis of acute promyelocytic leukemia(APL, French-American-British classification M3 or WHO classification of "
    "APL with t(15;17)(q22;q12), (PML/RARA and variants)",
    "Suspected or proven acute promyelocytic leukemia based on morphology, immunophenotype, molecular assay, or karyotype",
]


@pytest.mark.parametrize("text", LINES)
def test_the_bracket_restating_apl_asks_apl_alone(text: str) -> None:
    assert rule_of(text, E) == "APL"


@pytest.mark.parametrize(("record", "expected"), [(adult(condition("apl", 100)), Outcome.MET), (adult(condition("aml", 100)), Outcome.NOT_MET)])
@pytest.mark.parametrize("text", LINES)
def test_only_an_apl_on_record_meets_the_exclusion(text: str, record, expected: Outcome) -> None:
    assert judged(parse_line(text, E), record) is expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("history of PML", "review unparsed"),  # progressive multifocal leukoencephalopathy: no fusion gene named
        ("AML with normal karyotype", 'AML and review "with normal karyotype"'),  # a karyotype asked, not a proof's method
    ],
)
def test_words_beside_them_keep_their_own_reading(text: str, rule: str) -> None:
    assert rule_of(text, E) == rule


def test_the_apl_names_answer_adversarial_input_within_50_ms() -> None:
    pattern = re.compile(dict(_DIAGNOSES)["apl"], re.I)
    for text in ("PML " * 3000 + "RAR", "PML/retinoic acid receptor " * 1000, "French-American-British [FAB " * 1000, "PML-RAR alpha fusion " * 2000 + "and"):
        start = time.perf_counter()
        pattern.search(text)
        assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
