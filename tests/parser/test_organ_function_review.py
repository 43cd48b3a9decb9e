"""Organ function asked without its limits is the protocol's to judge (issue 14, coverage).

"Adequate organ function" and its wordings (about 390 corpus lines) name no threshold: the
protocol's table holds them, so no record decides the line and a person checks it. It is a review
of judgement (counted among the inherently human lines), never parsed into a guessed limit; a
line that writes its limits is read by the lab topics as before. Wordings from ``../shared/corpus``.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser import parse_lines

I = CriterionType.INCLUSION

UNSTATED = [
    "Have adequate liver and renal function as indicated by certain laboratory values",
    "Adequate bone marrow function",
    "Inadequate bone marrow reserve",
]


@pytest.mark.parametrize("line", UNSTATED)
def test_organ_function_without_limits_is_judgement(line):
    (criterion,) = parse_lines([(I, line)])
    assert criterion.expr == Review(ReviewReason.JUDGEMENT, "")


# organ function asked as a whole: the liver's and the kidneys' CTCAE bands beside a person's
# review (topics.organ_overall), no limit guessed between them
AS_A_WHOLE = [
    "Adequate organ function",
    "Have adequate organ function.",
    "Adequate hematologic and end organ function",
    "Normal organ and marrow function as outlined in the protocol",
    "Must have normal organ and marrow function",
    "Adequate organ system function.",
    "Subject has adequate organ function within 14 days prior to registration",
    "Normal major organ function such as heart, liver and kidney",
]


@pytest.mark.parametrize("line", AS_A_WHOLE)
def test_organ_function_as_a_whole_keeps_a_review_beside_the_bands(line):
    (criterion,) = parse_lines([(I, line)])
    limits = {(p.concept, p.value) for p in iter_predicates(criterion.expr) if p.uln}
    assert limits <= {("bilirubin", 1), ("alt", 1), ("ast", 1), ("bilirubin", 3), ("alt", 5), ("ast", 5), ("creatinine", 1), ("creatinine", 3)}
    assert any(isinstance(n, Review) for n in getattr(criterion.expr, "parts", ()))


@pytest.mark.parametrize(
    "line, concepts",
    [
        ("Adequate organ function: ANC >= 1500/uL and platelets >= 100,000/uL", {"anc", "platelets"}),
        ("Adequate renal function defined as creatinine clearance of at least 60 mL/min", {"creatinine_clearance"}),
        ("Adequate hepatic function: total bilirubin <= 1.5 x ULN", {"bilirubin"}),
    ],
)
def test_organ_function_with_limits_is_read(line, concepts):
    (criterion,) = parse_lines([(I, line)])
    assert {p.concept for p in iter_predicates(criterion.expr) if isinstance(p, Predicate)} >= concepts


@pytest.mark.parametrize("line", ["Renal insufficiency", "Significant cardiovascular disease", "Impaired cognitive capacity"])
def test_other_unread_lines_keep_their_reason(line):
    (criterion,) = parse_lines([(I, line)])
    assert isinstance(criterion.expr, Review) and criterion.expr.reason is not ReviewReason.JUDGEMENT


# the protocol's further criteria, pointed to and not written on the registry page
PROTOCOL_NOTES = [
    "Other protocol-defined inclusion/exclusion criteria may apply",
    "Note: Other protocol defined Inclusion/Exclusion criteria may apply.",
    "Other protocol-defined inclusion criteria could apply",
    "Additional criteria exist.",
    "Other inclusion criteria may apply",
]


@pytest.mark.parametrize("line", PROTOCOL_NOTES)
def test_a_pointer_to_the_protocols_criteria_is_judgement(line):
    (criterion,) = parse_lines([(I, line)])
    assert criterion.expr == Review(ReviewReason.JUDGEMENT, "")
