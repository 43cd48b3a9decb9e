"""The plain-Python evaluator of the criteria model: the reference the durable path must equal.

It reads the normalised ``Snapshot`` directly, one predicate at a time, with none of the
durable machinery, so a disagreement between the two points at the compiler or the backend.
Both share the parts that are not about matching: normalisation (``snapshot``), predicate
semantics (``semantics``), assembly with Kleene logic, eligibility and score (``assemble``)
and the wording (``reasons``).
"""

from __future__ import annotations

from datetime import date

from .assemble import assemble
from .concepts import CONCEPTS, Kind
from .criteria import Op, Predicate, TrialCriteria
from .derive import lineage_unknown
from .facts import PatientFacts
from .outcome import Outcome, TrialOutcome
from .semantics import among_outcome, flip, numeric_outcome, snap_word, supported
from .snapshot import Snapshot, snapshot, window_limit

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def _present(concept: str, snap: Snapshot) -> Outcome:
    if concept in snap.present:
        return MET
    return UNKNOWN if lineage_unknown(concept, snap.present) else NOT_MET


def predicate_outcome(pred: Predicate, snap: Snapshot) -> Outcome:
    if not supported(pred):
        return UNKNOWN
    if pred.op is Op.IN:
        found = {_present(v, snap) for v in pred.value}
        return MET if MET in found else UNKNOWN if UNKNOWN in found else NOT_MET
    if pred.concept == "age":
        if snap.age is None:
            return UNKNOWN
        return numeric_outcome(pred, (float(snap.age),))
    if pred.concept == "sex":
        if snap.sex is None:
            return UNKNOWN
        same = snap.sex == str(pred.value).lower()
        return MET if same == (pred.op is not Op.NEQ) else NOT_MET
    spec = CONCEPTS[pred.concept]
    grouped = among_outcome(pred, snap)
    if grouped is not None:
        return grouped
    if spec.kind is Kind.EVENT:
        if pred.op in (Op.PRESENT, Op.ABSENT):
            result = _present(pred.concept, snap)
            return result if pred.op is Op.PRESENT else flip(result)
        field, limit = window_limit(pred.window)
        view = snap.events.get(pred.concept)
        elapsed = None if view is None else (view.dd if field == "dd" else view.mo)
        if elapsed is not None and elapsed <= limit:
            result = MET
        elif view is not None and view.undated:
            result = UNKNOWN
        else:
            result = NOT_MET
        return result if pred.op is Op.WITHIN else flip(result)
    m = snap.measurements.get(pred.concept)
    if m is None:
        return UNKNOWN
    if pred.window is not None:
        field, limit = window_limit(pred.window)
        elapsed = m.dd if field == "dd" else m.mo
        if elapsed is None or elapsed > limit:
            return UNKNOWN
    if pred.op is Op.IS:
        return snap_word(pred, m.word)
    if pred.uln:
        return UNKNOWN if m.ratio is None else numeric_outcome(pred, (m.ratio,))
    return numeric_outcome(pred, m.values) if m.values else UNKNOWN


def evaluate_reference(trial: TrialCriteria, facts: PatientFacts, as_of: date) -> TrialOutcome:
    """Evaluate one trial for one patient on ``as_of`` in plain Python."""
    snap = snapshot(facts, as_of)
    return assemble(trial, snap, lambda p: predicate_outcome(p, snap))
