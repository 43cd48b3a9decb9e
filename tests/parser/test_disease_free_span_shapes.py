"""An exclusion of other cancers closed by a disease-free span ("other malignancies, non-melanoma
skin tumors, carcinoma in situ (e.g. cervix, bladder, breast), unless disease-free survival of at
least 3 years"): every cancer the line lists is counted while active or within the span, and the
span is read, not left a review beside the last cancer listed (``topics.coded``). An exception
the line makes ("... or have had completely resected non-melanoma skin cancer") keeps its own
review. Read at the trial level, where "another malignancy" learns the trial's own disease."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, Review, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.coverage import _kind
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OWN = ("inclusion", "Relapsed or refractory acute myeloid leukemia")

# seed NCT06585345; the same span after a list that runs on (seed NCT06585345, "In the past 2 years")
LISTED = ("The subject has had other malignancies, non-melanoma skin tumors, carcinoma in situ (e.g. Cervix, bladder, breast), "
          "unless disease-free survival of at least 3 years")
ALONE = "History of other malignancy unless the patient has been disease free for at least 5 years"
EXCEPTED = ("Prior malignancy - unless disease-free for at least 3 years, or have had completely resected non-melanomatous "
            "skin cancer or successfully treated in situ carcinoma.")

YEAR, FOUR_YEARS = 365, 4 * 365

# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("no other cancer on record: the exclusion does not apply", LISTED, adult(), NOT_MET),
    ("carcinoma in situ active now excludes", LISTED, adult(condition("carcinoma_in_situ", YEAR)), MET),
    ("carcinoma in situ resolved a year ago: inside the 3-year span, excluded",
     LISTED, adult(condition("carcinoma_in_situ", YEAR, active=False)), MET),
    ("carcinoma in situ resolved four years ago: disease-free past the span",
     LISTED, adult(condition("carcinoma_in_situ", FOUR_YEARS, active=False)), NOT_MET),
    ("a non-melanoma skin cancer resolved a year ago is inside the span too",
     LISTED, adult(condition("nonmelanoma_skin_cancer", YEAR, active=False)), MET),
    ("a non-melanoma skin cancer resolved four years ago is past it",
     LISTED, adult(condition("nonmelanoma_skin_cancer", FOUR_YEARS, active=False)), NOT_MET),
    ("the trial's own leukaemia is never 'another malignancy'", LISTED, adult(condition("aml", 30)), NOT_MET),
    ("another cancer named alone, resolved four years ago: past a 5-year span it is not",
     ALONE, adult(condition("breast_cancer", FOUR_YEARS, active=False)), MET),
    ("an excepted skin cancer keeps its own review ('completely resected'): open, never excluded outright",
     EXCEPTED, adult(condition("nonmelanoma_skin_cancer", YEAR)), UNKNOWN),
]


def _line(text: str):
    return parse_lines([OWN, ("exclusion", text)])[1]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_disease_free_span_decides_as_the_text_means(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(_line(text), facts, AS_OF).outcome is expected


def test_the_span_is_read_not_left_a_review() -> None:
    expr = _line(LISTED).expr
    assert _kind(expr)[0] == "whole"
    windowed = {p.concept for p in iter_predicates(expr) if p.window is not None}
    assert {"other_malignancy", "nonmelanoma_skin_cancer", "carcinoma_in_situ"} <= windowed


def test_an_exception_with_its_own_words_keeps_them() -> None:
    expr = _line(EXCEPTED).expr
    assert any(isinstance(n, Review) for n in _walk(expr))


def _walk(expr):
    yield expr
    for part in getattr(expr, "parts", ()) or ((expr.part,) if hasattr(expr, "part") else ()):
        yield from _walk(part)
