"""Exclusions that name what the record holds beside a qualifier Eligo does not read ("untreated
CNS leukemia", "symptomatic cerebral metastases", "more than 2 cycles of induction for AML").

The qualifier is a review conjunct beside the structured part. A patient whose record meets the
structured part was answered eligible (the review flag let the line pass): the holdout's T82-cns,
a CNS leukaemia on record and no treatment of it, was the last patient answered eligible that
the registry text excludes. Now such a line is an open question about this patient: unknown
without the review flag, so the trial is possibly eligible, never eligible
(``rules_engine/readings.py``). A record without the structured part still clears the line.

Corpus (1,883 records): 8,074 of 17,083 top-level exclusion lines (1,546 trials) hold a review
conjunct beside a structured one somewhere in their expression; on the holdout's 521 patients
215 line judgements and 10 verdicts move, every verdict from eligible to possibly eligible.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType, TrialCriteria
from rules_engine.engine import MatchingEngine
from rules_engine.facts import PatientFacts
from rules_engine.outcome import CriterionOutcome, Eligibility, Outcome
from rules_engine.parser import parse_line
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, condition, healthy, medication, procedure

EXC = CriterionType.EXCLUSION
_ENGINE = MatchingEngine()

UNTREATED_CNS = "Patients with known brain metastases, active infection, or untreated CNS leukemia"  # NCT03113071
SYMPTOMATIC_METS = "Symptomatic cerebral metastases."
INDUCTION_CYCLES = "More than 2 cycles of prior induction therapy for AML"
RECIPIENTS = "Allogeneic transplant recipients on immunosuppression or on treatment for GVHD"
COUMARIN = "Treatment with therapeutic doses of coumarin anticoagulants."


def judged(text: str, facts: PatientFacts) -> tuple[CriterionOutcome, Eligibility]:
    """The exclusion alone as a trial, by both evaluators (they must agree)."""
    parsed = parse_line(text, EXC)
    trial = TrialCriteria("NCT00000098", 1, (Criterion(EXC, text, parsed.expr, parsed.applies_if),))
    reference = evaluate_reference(trial, facts, AS_OF)
    _ENGINE.add_trials([trial])
    durable = _ENGINE.evaluate(facts, AS_OF, [trial.trial_id])[0]
    assert durable.error is None and durable == reference
    return reference.criteria[0], reference.eligibility


OPEN = (Outcome.UNKNOWN, False, Eligibility.POSSIBLY_ELIGIBLE)
CLEAR = (Outcome.NOT_MET, False, Eligibility.ELIGIBLE)
APPLIES = (Outcome.MET, False, Eligibility.INELIGIBLE)

# (line, record, (outcome, review, verdict))
ROWS = [
    # the qualified part is on record: a person decides whether the qualifier holds
    (UNTREATED_CNS, healthy(condition("aml"), condition("cns_involvement")), OPEN),
    (SYMPTOMATIC_METS, healthy(condition("brain_metastases")), OPEN),
    (INDUCTION_CYCLES, healthy(condition("aml")), OPEN),
    (RECIPIENTS, healthy(procedure("allo_hsct", 400)), OPEN),
    (COUMARIN, healthy(medication("vitamin_k_antagonist", 5)), OPEN),
    # an unqualified alternative on record still decides
    (UNTREATED_CNS, healthy(condition("aml"), condition("brain_metastases")), APPLIES),
    # nothing the line names on record: the line is clear, whatever its unread words
    (UNTREATED_CNS, healthy(condition("aml")), CLEAR),
    (SYMPTOMATIC_METS, healthy(), CLEAR),
    (INDUCTION_CYCLES, healthy(condition("all")), CLEAR),
    (COUMARIN, healthy(), CLEAR),
]


@pytest.mark.parametrize("text,facts,expected", ROWS, ids=[f"{r[0][:40]}-{r[2][0].value}{i}" for i, r in enumerate(ROWS)])
def test_an_unread_qualifier_beside_what_the_record_holds_never_lets_the_exclusion_pass(text, facts, expected):
    line, verdict = judged(text, facts)
    assert (line.outcome, line.review, verdict) == expected


def test_the_reason_quotes_the_record_before_the_unread_words():
    line, _ = judged(UNTREATED_CNS, healthy(condition("aml"), condition("cns_involvement")))
    assert line.reason.index("CNS") < line.reason.index("untreated")
