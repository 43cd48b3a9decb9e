"""A follicular lymphoma named with its grades asks those grades, as hospitals code them
(topics.follicular_grades): a grade the line leaves out fails an inclusion and passes an
exclusion, a lymphoma coded without its grade stays open, and every grade named is the lymphoma."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I = CriterionType.INCLUSION
E = CriterionType.EXCLUSION

G1, G2, G3, G3A, G3B = (adult(condition("follicular_lymphoma_grade_" + g)) for g in ("1", "2", "3", "3a", "3b"))
FL, DLBCL = adult(condition("follicular_lymphoma")), adult(condition("dlbcl"))

ROWS = [
    # (type, text, met, not met, unknown)
    (E, "Grade 3b follicular lymphoma", [G3B], [G1, G3A, DLBCL], [FL, G3]),
    (I, "Patients must have newly diagnosed, previously untreated Diffuse Large B-cell Lymphoma, Mantle Cell Lymphoma, Grade 3B Follicular lymphoma, Burkitt Lymphoma",
     [G3B], [G1], [FL]),
    (I, "follicular lymphoma grade 1, 2, or 3A", [G1, G2, G3A], [G3B, DLBCL], [FL, G3]),
    (I, "Follicular lymphoma (FL) - grades 1-3a", [G1, G2, G3A], [G3B, DLBCL], [FL, G3]),
    (I, "Grade 1 or 2 follicular lymphoma", [G1, G2], [G3, G3A, DLBCL], [FL]),
    (I, "Grade 3 follicular lymphoma", [G3, G3A, G3B], [G1, DLBCL], [FL]),
    (I, "Diffuse large B-cell Lymphoma, Mantle Cell Lymphoma, Follicular Lymphoma (Grade III)", [G3, DLBCL], [G2], [FL]),
    (E, "Patients with follicular lymphoma grade 1, 2 or 3A are not eligible for this trial.", [G1, G3A], [G3B, DLBCL], [FL, G3]),
    # every grade named, or none: the lymphoma
    (I, "Grade 1-3 follicular lymphoma", [FL, G1, G3B], [DLBCL], []),
    (I, "Histologically confirmed grade 1, 2, or 3 follicular non-Hodgkin lymphoma", [FL, G2], [DLBCL], []),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_follicular_lymphomas_grades_are_the_coded_grades(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_long_hostile_grade_list_parses_fast() -> None:
    text = "follicular lymphoma grade " + "1, 2, 3a or " * 1800
    started = time.perf_counter()
    parse_line(text[:20000], I)
    assert time.perf_counter() - started < 5.0
