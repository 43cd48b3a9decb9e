"""One trial judged for one patient when a client asks for it and no stored result exists (a
trial that is not a candidate for the patient, one opened since the patient's job): evaluated in the web
process with the plain-Python reference evaluator, which equals the durable path and needs no
compiled rules, and stored nowhere. Asking is a read: it must not write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matcher.matching import clock
from matcher.models import Patient
from matcher.results.criteria import load_criteria
from matcher.results.store import TrialRef
from rules_engine.facts import PatientFacts
from rules_engine.gates import Closed, judge_gates
from rules_engine.outcome import TrialOutcome
from rules_engine.reference import evaluate_reference
from trials.models import Trial


@dataclass(frozen=True)
class OnDemand:
    trial: Trial
    outcome: TrialOutcome
    parents: tuple[int | None, ...]
    evaluated_at: date
    gate: Closed | None  # the gate the patient cannot pass: the trial is not a candidate


def open_trial(nct_id: str) -> Trial | None:
    """The trial when it is open to matching and has criteria in use, else None."""
    return Trial.objects.open_to_matching().exclude(current_criteria=None).select_related("current_criteria").filter(
        nct_id=nct_id
    ).first()


def evaluate_one(patient: Patient, trial: Trial, as_of: date | None = None) -> OnDemand:
    version = trial.current_criteria
    assert version is not None  # open_trial only hands out trials with criteria
    (criteria,) = load_criteria([TrialRef(trial.pk, trial.nct_id, version.pk, version.number)])
    evaluated_at = as_of or clock.today()
    facts = PatientFacts.from_json(patient.facts)
    outcome = evaluate_reference(criteria, facts, evaluated_at)
    gate = judge_gates(criteria, facts, evaluated_at)
    return OnDemand(trial, outcome, tuple(c.parent for c in criteria.criteria), evaluated_at, gate)
