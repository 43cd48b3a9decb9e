"""The plain-Python evaluator of the criteria model: the reference the durable path must equal.

It reads the normalised ``Snapshot`` directly, one predicate at a time, with none of the
durable machinery, so a disagreement between the two points at the compiler or the backend.
Both share the parts that are not about matching: normalisation (``snapshot``), predicate
semantics and the plain outcome of one predicate (``semantics``), assembly with Kleene logic,
eligibility and score (``assemble``) and the wording (``reasons``).
"""

from __future__ import annotations

from datetime import date

from .assemble import assemble
from .criteria import TrialCriteria
from .facts import PatientFacts
from .outcome import TrialOutcome
from .semantics import predicate_outcome
from .snapshot import snapshot


def evaluate_reference(trial: TrialCriteria, facts: PatientFacts, as_of: date) -> TrialOutcome:
    """Evaluate one trial for one patient on ``as_of`` in plain Python."""
    snap = snapshot(facts, as_of)
    return assemble(trial, snap, lambda p: predicate_outcome(p, snap))
