"""An inclusion that asks which cancer the patient has, met by the record beside unread words of
which kind ("indolent lymphoma", "high-risk MDS", "lymphoma in chemosensitive relapse"), or a
status beside the cancer left unread ("relapsed or refractory CD30-positive malignancy"), is an
open question about this patient (``readings.asks_a_diagnosis``): ``unknown`` without the review
flag, so the trial is possibly eligible, never eligible. Read as a review, the line let a new
diffuse large B-cell lymphoma through a trial for relapsed or indolent ones (holdout T255-nhl-new).
A patient without the disease still fails the line; a line whose unread words are of another kind
(a remark beside a lab bound) or the patient's consent stays a review. Both evaluators and a
trial's re-match plan judge it alike."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.engine import MatchingEngine
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.parser import parse_line
from rules_engine.reference import evaluate_reference
from rules_engine.snapshot import snapshot
from tests.fixtures.judging import judged
from tests.fixtures.records import AS_OF, adult, alt, condition

INCLUSION = CriterionType.INCLUSION
LYMPHOMA, MDS, AML, NAIVE = adult(condition("lymphoma")), adult(condition("mds")), adult(condition("aml")), adult()
RELAPSED_CLL = adult(condition("cll"), condition("relapsed"))
RELAPSED_LYMPHOMA = adult(condition("lymphoma"), condition("relapsed"))

# (line, record, outcome, left to review)
ROWS = [
    ("Indolent B-cell lymphoma", LYMPHOMA, Outcome.UNKNOWN, False),
    ("Indolent B-cell lymphoma", AML, Outcome.NOT_MET, False),
    ("Indolent B-cell lymphoma", NAIVE, Outcome.NOT_MET, False),
    ("High-risk MDS", MDS, Outcome.UNKNOWN, False),
    ("Patients with AML, ALL, MDS, and lymphoma in chemosensitive relapse.", RELAPSED_LYMPHOMA, Outcome.UNKNOWN, False),
    ("Patients with AML, ALL, MDS, and lymphoma in chemosensitive relapse.", NAIVE, Outcome.NOT_MET, False),
    # ("first or later relapses" is every relapse, read whole: a lymphoma with none on record fails it)
    ("Patients with AML, ALL, MDS, and lymphoma in first or later relapses.", RELAPSED_LYMPHOMA, Outcome.MET, False),
    ("Patients with AML, ALL, MDS, and lymphoma in first or later relapses.", LYMPHOMA, Outcome.NOT_MET, False),
    # (the status read, the cancer itself left in the unread words: NCT01026233, NCT03135028)
    ("Relapsed or refractory CD30-positive malignancy", RELAPSED_CLL, Outcome.UNKNOWN, False),
    ("Relapsed or refractory CD30-positive malignancy", LYMPHOMA, Outcome.NOT_MET, False),
    # (unread words beside what is not a diagnosis, or the patient's consent: a person's review)
    ("ALT <= 3 x ULN and no hepatic veno-occlusive disease", adult(alt(20)), Outcome.UNKNOWN, True),
    ("Must consent to companion study of tissue in acute myeloid leukemia", AML, Outcome.UNKNOWN, True),
]


@pytest.mark.parametrize(("text", "facts", "outcome", "review"), ROWS, ids=[f"{r[0][:30]}-{r[2].value}-{r[3]}" for r in ROWS])
def test_a_diagnosis_met_beside_unread_words_of_its_kind_is_open(text: str, facts: PatientFacts, outcome: Outcome, review: bool) -> None:
    criterion = parse_line(text, INCLUSION)
    found = evaluate_reference(TrialCriteria("NCT00000098", 1, (criterion,)), facts, AS_OF).criteria[0]
    assert (found.outcome, found.review) == (outcome, review)
    assert judged(criterion, facts) is outcome  # the durable engine agrees


@pytest.mark.parametrize(("text", "facts", "outcome", "review"), ROWS, ids=[f"{r[0][:30]}-{r[2].value}-{r[3]}" for r in ROWS])
def test_a_trials_rematch_plan_judges_it_alike(text: str, facts: PatientFacts, outcome: Outcome, review: bool) -> None:
    engine = MatchingEngine()
    trial = TrialCriteria("NCT00000097", 1, (parse_line(text, INCLUSION),))
    engine.add_trials([trial])
    compiled = engine.compiled(trial.trial_id)
    assert compiled is not None
    plan = engine.plan(compiled)
    planned = engine.evaluate_planned(plan, plan.start(snapshot(facts, AS_OF, None)))
    assert (planned.criteria[0].outcome, planned.criteria[0].review) == (outcome, review)


def test_the_trial_is_possibly_eligible_never_eligible() -> None:
    trial = TrialCriteria("NCT00000096", 1, (parse_line("Indolent B-cell lymphoma", INCLUSION),))
    assert evaluate_reference(trial, LYMPHOMA, AS_OF).eligibility is Eligibility.POSSIBLY_ELIGIBLE
