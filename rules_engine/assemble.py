"""From predicate outcomes to a trial's verdict: Kleene logic, eligibility, score, reasons.

Both evaluators call ``assemble`` with their own way of deciding a predicate (Python for the
reference, fired rules for the durable path); everything after that is this one function.

Score (ranking within an eligibility class, contract section 4): over the criteria without
``review``, a criterion decided in the patient's favour (inclusion met, exclusion not met)
counts 1, an unknown one 0.5, one against the patient 0; the score is their mean, rounded to
3 places, and 0.5 for a trial whose every criterion needs review.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from .criteria import (
    All,
    Any_,
    Criterion,
    CriterionType,
    Expr,
    NoRequirement,
    Not,
    Predicate,
    Review,
    TrialCriteria,
    iter_predicates,
)
from .outcome import CriterionOutcome, Eligibility, Outcome, TrialOutcome
from .reasons import NO_REQUIREMENT_REASON, not_applicable, predicate_reason, review_reason
from .semantics import changes_on
from .snapshot import Snapshot

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

Decide = Callable[[Predicate], Outcome]
# A criterion's outcome, review flag, reason, concepts and the day time alone would change it.
Judgement = tuple[Outcome, bool, str, tuple[str, ...], date | None]


@dataclass
class _Verdict:
    outcome: Outcome
    # An unknown that only Review nodes leave open. An unknown a missing record also leaves open
    # (a lab the line needs is absent) is not review: that patient is possibly eligible, never
    # eligible, until the record holds the value.
    review: bool
    reasons: list[str]


def kleene_all(outcomes: list[Outcome]) -> Outcome:
    if NOT_MET in outcomes:
        return NOT_MET
    return UNKNOWN if UNKNOWN in outcomes else MET


def kleene_any(outcomes: list[Outcome]) -> Outcome:
    if MET in outcomes:
        return MET
    return UNKNOWN if UNKNOWN in outcomes else NOT_MET


def _negate(outcome: Outcome) -> Outcome:
    return {MET: NOT_MET, NOT_MET: MET}.get(outcome, UNKNOWN)


class Memo:
    """Per-evaluation caches: one patient, one date. Trials repeat the same predicates and
    criteria, so each is judged and worded once however many trials ask it.

    ``lines`` goes one step further: the finished ``CriterionOutcome`` of a line object at a
    position, keyed by (position, ``id(criterion)``) with the criterion kept beside it (an id
    is only trusted while its object is the one stored). Callers that intern equal criteria
    (``intern_criterion``: the engine and the renderer do) then build one outcome per distinct
    line instead of one per trial line. Measured on bench/e2e.py's 1,000 trials: 28,005 lines,
    8,023 distinct (position, line), 1,478 distinct judgements; building the 28,005 frozen
    outcomes (~1-2 us each) and keying each by a fresh (type, expr, applies_if) tuple was most
    of evaluating a patient and of rendering its answer. Outcomes are immutable and equal
    whichever way they are reached (``tests/rules_engine/test_line_memo.py`` compares the two)."""

    def __init__(self) -> None:
        self.reasons: dict[Predicate, str] = {}
        self.changes: dict[Predicate, date | None] = {}
        self.criteria: dict[tuple[Any, ...], Judgement] = {}
        self.lines: dict[tuple[int, int], tuple[Criterion, CriterionOutcome]] = {}


def intern_criterion(criterion: Criterion, table: dict[Any, Any]) -> Criterion:
    """The one shared instance of an equal criterion in ``table`` (its expressions interned
    first by the caller), so ``Memo.lines`` finds a line repeated across trials by identity."""
    shared: Criterion = table.setdefault(criterion, criterion)
    return shared


def _evaluate(expr: Expr, snap: Snapshot, decide: Decide, memo: Memo) -> _Verdict:
    if isinstance(expr, Predicate):
        outcome = decide(expr)
        reason = memo.reasons.get(expr)
        if reason is None:
            reason = memo.reasons[expr] = predicate_reason(expr, outcome, snap)
        return _Verdict(outcome, False, [reason])
    if isinstance(expr, Review):
        return _Verdict(UNKNOWN, True, [review_reason(expr)])
    if isinstance(expr, NoRequirement):
        return _Verdict(MET, False, [NO_REQUIREMENT_REASON])
    if isinstance(expr, Not):
        inner = _evaluate(expr.part, snap, decide, memo)
        return _Verdict(_negate(inner.outcome), inner.review, inner.reasons)
    parts = [_evaluate(p, snap, decide, memo) for p in expr.parts]
    combine = kleene_all if isinstance(expr, All) else kleene_any
    outcome = combine([p.outcome for p in parts])
    if outcome is UNKNOWN:
        chosen = [p for p in parts if p.outcome is UNKNOWN]
    elif isinstance(expr, All) and outcome is MET or isinstance(expr, Any_) and outcome is NOT_MET:
        chosen = parts  # every part had to agree: quote them all
    else:
        chosen = [p for p in parts if p.outcome is outcome]
    return _Verdict(
        outcome,
        outcome is UNKNOWN and all(p.review for p in chosen),
        [reason for p in chosen for reason in p.reasons],
    )


@lru_cache(maxsize=65536)
def _predicates(applies_if: Expr | None, expr: Expr) -> tuple[Predicate, ...]:
    """A criterion's predicates, found once per distinct criterion rather than per patient."""
    return (*iter_predicates(applies_if), *iter_predicates(expr))


@lru_cache(maxsize=65536)
def _concepts(applies_if: Expr | None, expr: Expr) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for pred in _predicates(applies_if, expr):
        for concept in pred.value if pred.op.value == "in" else (pred.concept,):
            seen[concept] = None
    return tuple(seen)


@lru_cache(maxsize=65536)
def _timed(applies_if: Expr | None, expr: Expr) -> tuple[Predicate, ...]:
    """The predicates time alone can change: an age bound or a window. ``semantics.changes_on``
    answers None for every other one, so they are not asked (a criterion's other predicates
    were ~70% of the calls, per patient per line)."""
    return tuple(p for p in _predicates(applies_if, expr) if p.concept == "age" or p.window is not None)


def _changes_on(criterion: Criterion, snap: Snapshot, decide: Decide, memo: Memo) -> date | None:
    found = None
    for pred in _timed(criterion.applies_if, criterion.expr):
        if pred in memo.changes:
            when = memo.changes[pred]
        else:
            when = memo.changes[pred] = changes_on(pred, snap, decide(pred))
        if when is not None and (found is None or when < found):
            found = when
    return found


# Judgements that no patient can change (a line left wholly to review), shared by every
# evaluation: a trial's re-match judged each of them again for each of its patients. Review
# text is nearly unique per line, so the table is emptied when it grows past a bound.
_CONSTANT: dict[tuple[Any, ...], Judgement] = {}
_CONSTANT_MAX = 100_000


def evaluate_criterion(
    index: int, criterion: Criterion, snap: Snapshot, decide: Decide, memo: Memo | None = None
) -> CriterionOutcome:
    memo = memo or Memo()
    line_key = (index, id(criterion))
    hit = memo.lines.get(line_key)
    if hit is not None and hit[0] is criterion:
        return hit[1]
    key = (criterion.type, criterion.expr, criterion.applies_if)
    found = memo.criteria.get(key) or _CONSTANT.get(key)
    if found is None:
        found = memo.criteria[key] = _judge(criterion, snap, decide, memo)
        if criterion.applies_if is None and isinstance(criterion.expr, Review):
            if len(_CONSTANT) >= _CONSTANT_MAX:
                _CONSTANT.clear()
            _CONSTANT[key] = found
    outcome, review, reason, concepts, changes = found
    made = CriterionOutcome(index, str(criterion.type), criterion.text, outcome, review, reason, concepts, changes)
    memo.lines[line_key] = (criterion, made)
    return made


def _judge(criterion: Criterion, snap: Snapshot, decide: Decide, memo: Memo) -> Judgement:
    verdict = _evaluate(criterion.expr, snap, decide, memo)
    outcome, review, reasons = verdict.outcome, verdict.review, verdict.reasons
    inclusion = criterion.type is CriterionType.INCLUSION
    if criterion.applies_if is not None:
        applies = _evaluate(criterion.applies_if, snap, decide, memo)
        if applies.outcome is NOT_MET:
            outcome, review = (MET if inclusion else NOT_MET), False
            reasons = [not_applicable("; ".join(applies.reasons))]
        elif applies.outcome is UNKNOWN:
            # inclusion: (not applies) or expr; exclusion: applies and expr
            combined = kleene_any([UNKNOWN, outcome]) if inclusion else kleene_all([UNKNOWN, outcome])
            if combined is UNKNOWN:
                review = (outcome is UNKNOWN and review) or applies.review
                reasons = [f"may not apply ({'; '.join(applies.reasons)})"] + reasons
            outcome = combined
    return (
        outcome,
        review and outcome is UNKNOWN,
        "; ".join(reasons),
        _concepts(criterion.applies_if, criterion.expr),
        _changes_on(criterion, snap, decide, memo),
    )


def eligibility(criteria: tuple[CriterionOutcome, ...]) -> Eligibility:
    """Contract section 4."""
    for c in criteria:
        if (c.type == "inclusion" and c.outcome is NOT_MET) or (c.type == "exclusion" and c.outcome is MET):
            return Eligibility.INELIGIBLE
    if all(c.outcome is not UNKNOWN for c in criteria if not c.review):
        return Eligibility.ELIGIBLE
    return Eligibility.POSSIBLY_ELIGIBLE


def score(criteria: tuple[CriterionOutcome, ...]) -> float:
    decided = [c for c in criteria if not c.review]
    if not decided:
        return 0.5
    total = 0.0
    for c in decided:
        favourable = MET if c.type == "inclusion" else NOT_MET
        total += 1.0 if c.outcome is favourable else 0.5 if c.outcome is UNKNOWN else 0.0
    return round(total / len(decided), 3)


def verdict(criteria: Sequence[CriterionOutcome], parents: Sequence[int | None]) -> tuple[Eligibility, float]:
    """Eligibility and score of a trial from its criteria's outcomes. A heading's expression
    already holds its nested lines ("one of the following" is an OR of them), so only
    top-level lines decide; nested ones are reported for their own reasons. Also used when a
    coordinator overrides a criterion's outcome."""
    deciding = tuple(c for c, parent in zip(criteria, parents, strict=False) if parent is None)
    return eligibility(deciding), score(deciding)


def assemble(trial: TrialCriteria, snap: Snapshot, decide: Decide, memo: Memo | None = None) -> TrialOutcome:
    """``memo`` may be shared across every trial evaluated for one patient on one date."""
    memo = memo or Memo()
    results = tuple(evaluate_criterion(i, c, snap, decide, memo) for i, c in enumerate(trial.criteria))
    eligible, points = verdict(results, [c.parent for c in trial.criteria])
    return TrialOutcome(
        trial_id=trial.trial_id, version=trial.version, eligibility=eligible, score=points, criteria=results
    )
