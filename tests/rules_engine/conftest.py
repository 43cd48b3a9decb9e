"""Shared helpers: every behaviour is checked on the durable path AND the reference, and the
two must agree exactly (outcome, reason, score, changes_on)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ holds the fixtures package

from rules_engine.criteria import Criterion, CriterionType, Predicate, TrialCriteria  # noqa: E402
from rules_engine.engine import MatchingEngine  # noqa: E402
from rules_engine.facts import Event, Measurement, PatientFacts  # noqa: E402
from rules_engine.reference import evaluate_reference  # noqa: E402

AS_OF = date(2026, 11, 22)

_ENGINE = MatchingEngine()


@pytest.fixture(scope="session")
def engine() -> MatchingEngine:
    return _ENGINE


def _measurement(concept, value, unit=None, day=AS_OF, uln=None) -> Measurement:
    return Measurement(concept, value, unit, day, uln=uln)


def patient(
    measurements: dict | None = None,
    events: dict | None = None,
    birth: date | None = date(1970, 6, 1),
    sex: str | None = "female",
) -> PatientFacts:
    """Facts from compact specs: measurements ``{"bilirubin": (value, unit, date, uln)}`` (date
    defaults to the evaluation date), events ``{"aml": date}`` or ``{"aml": (date, active)}``."""
    ms = {concept: (_measurement(concept, *spec),) for concept, spec in (measurements or {}).items()}
    evs = {}
    for concept, spec in (events or {}).items():
        day, active = spec if isinstance(spec, tuple) else (spec, True)
        evs[concept] = (Event(concept, day, active),)
    return PatientFacts(birth, sex, ms, evs)


def trial_of(expr, kind=CriterionType.INCLUSION, applies_if=None, trial_id="T") -> TrialCriteria:
    return TrialCriteria(trial_id, 1, (Criterion(kind, "criterion", expr, applies_if),))


def both(trial: TrialCriteria, facts: PatientFacts, as_of: date = AS_OF):
    """(reference, durable) outcomes, after asserting they agree."""
    reference = evaluate_reference(trial, facts, as_of)
    _ENGINE.add_trials([trial])
    durable = _ENGINE.evaluate(facts, as_of, [trial.trial_id])[0]
    assert durable.error is None, durable.error
    assert durable == reference
    return reference, durable


def decide(pred: Predicate, facts: PatientFacts, as_of: date = AS_OF):
    """The single criterion's outcome (both paths), for predicate-level tables."""
    reference, _ = both(trial_of(pred), facts, as_of)
    return reference.criteria[0]
