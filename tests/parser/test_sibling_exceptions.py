"""A line under a heading that sets another limit for the patients of one named cause ("Subjects
with documented Gilbert disease are allowed if total bilirubin ... < 3 x ULN" beside "Total
bilirubin <= 1.5 x ULN"): it widens its sibling's limit for them and asks nothing of anyone else
(rules_engine.parser.sibling_exceptions)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Eligibility
from rules_engine.parser import parse_lines
from rules_engine.parser.sibling_exceptions import _PLAIN_WORDS, _SCOPED_LEAD
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, alt, ast, bilirubin, condition

INC = CriterionType.INCLUSION
GILBERT = [
    (INC, "Adequate hepatic function as defined below:", None),
    (INC, "A total bilirubin level <= 1.5 × upper limit of normal (ULN) range", 0),
    (INC, "Aspartate aminotransferase (AST) levels <= 2.5 × ULN", 0),
    (INC, "Subjects with documented Gilbert disease are allowed if total bilirubin > 1.5 but less than 3 × ULN", 0),
]
LIVER = [
    (INC, "Total bilirubin within 1.5x institutional upper limit of normal (ULN)", None),
    (INC, "AST (SGOT) and ALT (SGPT) <3 X institutional ULN", 0),
    (INC, "Patients with documented liver metastases: AST (SGOT) and/or ALT (SGPT) ≤ 5 × ULN", 0),
]
UNDER_LIMIT = [
    (INC, "Bilirubin ≤ 1.5 x upper limits of normal", None),
    (INC, "For patients with Gilbert's Disease, ≤ 2.5 X ULN is allowed", 0),
]
STRICTER = [
    (INC, "Adequate hepatic function:", None),
    (INC, "AST and ALT <= 5 x ULN", 0),
    (INC, "Patients with liver metastases: AST and ALT <= 3 x ULN", 0),
]


def _heading(rows: list, *parts) -> Eligibility:
    criteria = parse_lines(rows)
    return evaluate_reference(TrialCriteria("NCT00000098", 1, criteria), adult(*parts), AS_OF).eligibility


@pytest.mark.parametrize("rows, parts, expected", [
    # a patient without the cause and with normal values: the permission asks nothing of them
    (GILBERT, (bilirubin(0.8), ast(30)), Eligibility.ELIGIBLE),
    (LIVER, (bilirubin(0.8), ast(30), alt(30)), Eligibility.ELIGIBLE),
    (UNDER_LIMIT, (bilirubin(0.8),), Eligibility.ELIGIBLE),
    # without the cause, the sibling's limit still fails the patient
    (GILBERT, (bilirubin(2.5), ast(30)), Eligibility.INELIGIBLE),
    (LIVER, (bilirubin(0.8), ast(150), alt(30)), Eligibility.INELIGIBLE),
    (UNDER_LIMIT, (bilirubin(2.5),), Eligibility.INELIGIBLE),
    # with the cause, the scoped limit decides (or a person, where it is not read)
    (LIVER, (bilirubin(0.8), ast(150), alt(30), condition("liver_metastases")), Eligibility.ELIGIBLE),
    (LIVER, (bilirubin(0.8), ast(250), alt(30), condition("liver_metastases")), Eligibility.INELIGIBLE),
    (GILBERT, (bilirubin(2.5), ast(30), condition("gilbert_syndrome")), Eligibility.ELIGIBLE),
    (GILBERT, (bilirubin(4.0), ast(30), condition("gilbert_syndrome")), Eligibility.INELIGIBLE),
    (UNDER_LIMIT, (bilirubin(2.5), condition("gilbert_syndrome")), Eligibility.POSSIBLY_ELIGIBLE),
    # a stricter limit for the patients named is no permission: it is left as it was read
    (STRICTER, (ast(150), alt(30), condition("liver_metastases")), Eligibility.INELIGIBLE),
])
def test_the_scoped_line_widens_its_siblings_limit_for_the_cause_only(rows: list, parts: tuple, expected: Eligibility) -> None:
    assert _heading(rows, *parts) is expected


def test_the_scoped_line_itself_concerns_the_patients_with_the_cause() -> None:
    kid = parse_lines(LIVER)[2]
    assert kid.applies_if is not None and "liver_metastases" in repr(kid.applies_if)


@pytest.mark.parametrize("pattern", [_SCOPED_LEAD, _PLAIN_WORDS])
def test_the_patterns_take_bounded_time_on_hostile_text(pattern) -> None:
    text = "For patients with " + "documented known " * 1200 + "x" * 2000
    start = time.perf_counter()
    pattern.search(text)
    pattern.sub(" ", text)
    assert time.perf_counter() - start < 0.5
