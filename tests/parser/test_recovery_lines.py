"""Recovery from prior therapy written without a grade (issue 14, corpus lines left to review).

"Recovered from prior therapy" and its wordings ask that no toxicity of prior therapy is left
above CTCAE grade 1; a grade 1 left may or may not count as recovered (some lines say "or
baseline"), so it is unknown. No toxicity on record is none (derive.ABSENT_IS_NONE), recovered.
Each row is a wording from ``../shared/corpus`` (paraphrased), decided on three records.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import CriterionType, Op, TrialCriteria, iter_predicates
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def graded(grade: int | None) -> PatientFacts:
    if grade is None:
        return PatientFacts(date(1980, 1, 1), "female", {}, {})
    return PatientFacts(date(1980, 1, 1), "female", {"toxicity_grade": (Measurement("toxicity_grade", grade, None, date(2026, 2, 20)),)}, {})


def decide(ctype: CriterionType, line: str, grade: int | None) -> Outcome:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(ctype, line)])))
    return evaluate_reference(trial, graded(grade), AS_OF).criteria[-1].outcome


# (type, line): decided for no toxicity on record, a grade 1 left, a grade 2 left
RECOVERED = [
    (I, "Recovered from prior therapy"),
    (I, "Must have recovered from all prior therapy"),
    (I, "Patient must have recovered from the acute toxic effects of previous anti-cancer treatment prior to study enrollment."),
    (I, "Have fully recovered from the acute toxic effects of all prior chemotherapy, immunotherapy, or radiotherapy"),
    (I, "Patients must have recovered from toxicity of prior therapy"),
    (I, "Must have recovered from any acute toxicity associated with prior therapy"),
    (I, "Recovered from prior radiotherapy"),
    (I, "Have no residual toxic effects of previous therapy"),
]
NOT_RECOVERED = [
    (E, "Patients who have not recovered from previous anti-cancer therapies"),
    (E, "Subjects who had not recovered from acute toxicity of previous therapy."),
    (E, "Unresolved toxicity from anti-cancer therapy"),
    (E, "Has unresolved toxicities from previous anticancer therapy;"),
]


@pytest.mark.parametrize("ctype, line", RECOVERED)
def test_recovered_is_no_toxicity_above_grade_one(ctype, line):
    assert (decide(ctype, line, None), decide(ctype, line, 1), decide(ctype, line, 2)) == (MET, UNKNOWN, NOT_MET)


@pytest.mark.parametrize("ctype, line", NOT_RECOVERED)
def test_not_recovered_is_a_toxicity_above_grade_one(ctype, line):
    assert (decide(ctype, line, None), decide(ctype, line, 1), decide(ctype, line, 2)) == (NOT_MET, UNKNOWN, MET)


def test_an_exception_excepts_only_the_kind_it_names():
    # "except alopecia": a grade 2 decides when the record holds no alopecia (an absent condition
    # is absent, contract section 4); with alopecia on record it stays open (tests/parser/test_holdout_shapes.py)
    line = "Patients who have not recovered from prior therapy, except alopecia"
    assert (decide(E, line, None), decide(E, line, 2)) == (NOT_MET, MET)


@pytest.mark.parametrize(
    "ctype, line",
    [
        (E, "Patients who have not recovered from surgery"),  # no toxicity grade: a procedure
        (E, "Patients not recovered from major infections and/or surgical procedures"),
    ],
)
def test_recovery_from_what_is_no_therapy_is_not_a_toxicity_grade(ctype, line):
    (criterion,) = parse_lines([(ctype, line)])
    assert not any(p.concept == "toxicity_grade" for p in iter_predicates(criterion.expr))


def test_a_written_grade_is_the_graded_readings():
    # "recovered ... to grade 1 or less": the line's own bound, not the ungraded reading's unknown grade 1
    line = "Recovered from toxicities of prior therapy to grade 1 or less"
    (criterion,) = parse_lines([(I, line)])
    assert {(p.op, p.value) for p in iter_predicates(criterion.expr) if p.concept == "toxicity_grade"} == {(Op.LTE, 1)}
    assert decide(I, line, 1) is MET


# A graded line's comparator and negation (these read the opposite grades before): "Not recovered
# ... to grade 1 or less" negated twice excluded only the recovered patients, and "above grade 1"
# written in words was read as the default "at most".
GRADED_ROWS = [
    (E, "Not recovered from toxicities of prior therapy to grade 1 or less", (NOT_MET, NOT_MET, MET)),
    (E, "Patients not recovered from toxicities of prior therapy to grade 1 or less", (NOT_MET, NOT_MET, MET)),
    (E, "Toxicity from prior therapy above grade 1", (NOT_MET, NOT_MET, MET)),
    (I, "No toxicity from prior therapy above grade 1", (MET, MET, NOT_MET)),
    (I, "All toxicities of prior therapy resolved to less than grade 2", (MET, MET, NOT_MET)),
    (E, "Persistent toxicities of prior therapy greater than grade 1", (NOT_MET, NOT_MET, MET)),
]


@pytest.mark.parametrize("ctype, line, expected", GRADED_ROWS)
def test_a_graded_line_reads_the_grades_it_names(ctype, line, expected):
    assert (decide(ctype, line, None), decide(ctype, line, 1), decide(ctype, line, 2)) == expected
