"""A permission that names its treatment again with the time since it ("Patients are eligible 6
months after allogeneic stem cell transplant as long as patients are not actively being treated for
GvHD"): the interval and the proviso decide the transplanted patient; a patient without the
transplant meets the line. And a clause that states its own verdict with its object ("... are NOT
eligible for participation", "... are excluded from this clinical trial"): the verdict's words are
no residue of what it names."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.permission_after import _AFTER
from rules_engine.parser.stated_verdicts import STATED_EXCLUSION
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure

I = CriterionType.INCLUSION
E = CriterionType.EXCLUSION

SIX_MONTHS = ("Stem Cell Transplant (SCT): Patients are eligible 6 months after allogeneic stem cell transplant as long as patients are not "
              "actively being treated for graft-versus-host-disease (GvHD).")
ANY_TIME = ("Stem Cell Transplant (SCT): Patients are eligible after allogeneic stem cell transplant as long as patients are not actively "
            "being treated for graft-versus-host-disease (GvHD).")

NONE = adult()
LONG_AGO = adult(procedure("allo_hsct", 300))
RECENT = adult(procedure("allo_hsct", 100))
GVHD_TREATED = adult(procedure("allo_hsct", 300), condition("gvhd", 150), medication("immunosuppressant_therapy", 1))

PERMISSIONS = [
    # the interval written before the proviso: a transplant 100 days ago is too recent
    (SIX_MONTHS, I, [NONE, LONG_AGO], [RECENT, GVHD_TREATED], []),
    # no interval: only the proviso; GvHD on an immunosuppressant now fails it
    (ANY_TIME, I, [NONE, LONG_AGO, RECENT], [GVHD_TREATED], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(PERMISSIONS))
def test_a_permission_after_a_treatment_reads_its_interval_and_proviso(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


CHEMO_RECENT = adult(medication("chemotherapy", 10))
CHEMO_LONG_AGO = adult(medication("chemotherapy", 100))
RADIATED = adult(procedure("radiotherapy", 10))

STATED = [
    # "for participation" is the verdict's: left as a residue it left the recent chemotherapy unknown
    ("Patients who have received chemotherapy or radiotherapy within 4 weeks prior to enrollment are NOT eligible for participation", E,
     [CHEMO_RECENT, RADIATED], [NONE, CHEMO_LONG_AGO], []),
    ("Patients who have received chemotherapy within 4 weeks prior to enrollment are excluded from this clinical trial", E,
     [CHEMO_RECENT], [NONE, CHEMO_LONG_AGO], []),
    ("Patients who have received chemotherapy within 4 weeks are ineligible for study entry", E, [CHEMO_RECENT], [NONE, CHEMO_LONG_AGO], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(STATED))
def test_a_stated_verdict_takes_its_object_with_it(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "rest",
    [
        "after allogeneic stem cell transplant for AML as long as",  # words no item reads: a condition, not the treatment
        "after induction chemotherapy with relapse, provided",
    ],
)
def test_words_beyond_the_treatment_keep_the_condition_a_persons(rest: str) -> None:
    from rules_engine.parser.permission_after import treatment_after
    from rules_engine.parser.widening import TREATMENT_CONCEPTS

    assert treatment_after(rest + " they have no GVHD", TREATMENT_CONCEPTS) is None


def test_the_patterns_are_linear_on_adversarial_input() -> None:
    text = "6 months after " + "transplant " * 2000 + "x"
    start = time.perf_counter()
    _AFTER.match(text)
    STATED_EXCLUSION.search("patients are not eligible for " + "the study " * 2000 + "participation participation" * 200)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


def _heading_outcome(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts) -> Outcome:
    from rules_engine.criteria import TrialCriteria
    from rules_engine.parser import parse_lines
    from rules_engine.reference import evaluate_reference
    from tests.fixtures.records import AS_OF

    trial = TrialCriteria("NCT00000098", 1, parse_lines(rows))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


FALLS_UNDER = [
    (E, "Subject has received hematopoietic stem cell transplant (HSCT) and falls under either of the following:", None),
    (E, "Is within 2 months of transplant", 0),
    (E, "Has persistent and clinically significant graft-versus-host disease requiring treatment", 0),
]
NOT_ELIGIBLE_IF = [
    (E, "Patients who have had allogeneic hematopoietic stem cell transplant (HSCT) are not eligible if they meet any of the following:", None),
    (E, "transplant is within 2 months from cycle 1, day 1 (C1D1)", 0),
    (E, "Has clinically significant graft-versus-host disease requiring treatment", 0),
]
SIX_WEEKS = adult(procedure("allo_hsct", 42))


@pytest.mark.parametrize(
    "rows, facts, expected",
    [
        # the heading's own requirement before "and falls under either of": no transplant, not excluded
        (FALLS_UNDER, NONE, Outcome.NOT_MET),
        # the line under it dates the heading's transplant
        (FALLS_UNDER, SIX_WEEKS, Outcome.MET),
        (NOT_ELIGIBLE_IF, SIX_WEEKS, Outcome.MET),
        (NOT_ELIGIBLE_IF, NONE, Outcome.NOT_MET),
    ],
    ids=["falls-under-none", "falls-under-recent", "not-eligible-if-recent", "not-eligible-if-none"],
)
def test_a_line_under_a_transplant_heading_dates_the_transplant(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts,
                                                                 expected: Outcome) -> None:
    assert _heading_outcome(rows, facts) is expected


def test_a_dated_line_naming_more_than_the_transplant_is_not_read_as_its_date() -> None:
    from rules_engine.criteria import Op, Predicate
    from rules_engine.parser.dated_children import dated_transplant

    heading = Predicate("allo_hsct", Op.PRESENT)
    assert dated_transplant(heading, "Is within 2 months of transplant") is not None
    assert dated_transplant(heading, "Relapse within 2 months of transplant") is None
    assert dated_transplant(Predicate("aml", Op.PRESENT), "Is within 2 months of transplant") is None


APL = adult(condition("apl", 60))
EXCEPT_THEN_EXAMPLES = "Morphologically confirmed acute myeloid leukemia (AML), except acute promyelocytic leukemia (APL), including leukemia secondary to prior therapy"


def test_an_aside_exception_ends_before_the_heads_examples() -> None:
    """", including ..." after "except APL," belongs to the AML, not to the exception: APL fails the line."""
    assert judged(parse_line(EXCEPT_THEN_EXAMPLES, I), APL) is Outcome.NOT_MET
