"""A stored verdict's lines with their reasons, rendered on read.

A result row keeps each line's outcome and review flag (``matcher.results.compact``), not the
prose: storing ~28 reasons per trial for 1,000 trials was most of a match job's cost and 6 MB
per patient, and nobody reads most of them. Evaluation is deterministic, so the pinned criteria
version evaluated against the pinned facts version at the stored evaluation date gives the same
words again; the plain-Python reference evaluator does it (it equals the durable path and needs
no compiled rules), with one snapshot and one memo per (facts version, date), as a job shares
them across trials.

The stored outcomes stay the authority: the lines shown carry them, and a rendered outcome that
differs (the engine's code changed since the verdict was stored) is logged, not shown. The
coordinators' active overrides are applied as the store applied them, with the same words.
"""

from __future__ import annotations

import gc
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from matcher.models import CriterionOverride, MatchResult, Patient, PatientFactsVersion
from matcher.results import compact
from matcher.results.criteria import load_criteria
from matcher.results.overrides import overridden, placed
from matcher.results.store import TrialRef
from rules_engine.assemble import Layout, LineTable, Memo, evaluate_criterion, intern_criterion, judge_lines
from rules_engine.criteria import Criterion, Expr, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import CriterionOutcome, Outcome
from rules_engine.semantics import decider
from rules_engine.snapshot import snapshot
from trials.models import CriteriaVersion

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pinned:
    """What rendering needs of a stored result: the versions and date it was judged on, and
    its stored line codes."""

    result_id: int
    patient_id: uuid.UUID
    version_pk: int
    facts_version_pk: int | None
    evaluated_at: date
    outcomes: str

    @classmethod
    def of(cls, row: dict) -> Pinned:
        """From a ``values()`` row holding the result's id and these fields."""
        return cls(
            row["id"], row["patient_id"], row["criteria_version_id"], row["facts_version_id"], row["evaluated_at"],
            row["outcomes"],
        )


PINNED_FIELDS = ("id", "patient_id", "criteria_version_id", "facts_version_id", "evaluated_at", "outcomes")


@dataclass(frozen=True)
class Line:
    """One line as shown: the outcome a reader sees (override applied), the engine's, the
    reason, the data items it used, and the override standing on it, if any."""

    position: int  # 0-based
    type: str
    text: str
    parent: int | None
    outcome: str
    review: bool
    reason: str
    concepts: tuple[str, ...]
    engine_outcome: str
    engine_review: bool
    engine_reason: str
    override: CriterionOverride | None

    @property
    def override_id(self) -> int | None:
        return self.override.pk if self.override is not None else None

    def as_tuple(self) -> tuple[str, str, str, bool, str]:
        """(type, text, outcome, review, reason), as the matches answer encodes a line."""
        return (self.type, self.text, self.outcome, self.review, self.reason)


def render(
    pinned: Sequence[Pinned], overrides: dict[int, list[CriterionOverride]] | None = None
) -> dict[int, list[Line]]:
    """Each result's lines, by result id. ``overrides`` (result id -> active overrides) may be
    passed when the caller has read them; otherwise they are read here in one query."""
    if not pinned:
        return {}
    if overrides is None:
        overrides = _overrides_of(pinned)
    criteria = _criteria([p.version_pk for p in pinned])
    evaluated = reevaluate(pinned, criteria)
    return {
        p.result_id: _lines(p, criteria[p.version_pk], _as_stored(p, evaluated[p.result_id]), overrides.get(p.result_id, []))
        for p in pinned
    }


Answered = tuple[str, str, str, bool, str]
# an outcome's word: str() of a StrEnum member runs Python code, 28,000 times an answer
_WORD = {outcome: outcome.value for outcome in Outcome}


class Gathered(list[Answered]):
    """A result's answer lines gathered by slot from its (facts, date) group's judged lines:
    the list of (type, text, outcome, review, reason) tuples, and ``joined(encode)``, the lines
    each encoded by ``encode`` and joined with commas, gathered the same way.

    Measured in-process (``bench/get_cpu.py``, a new patient's matches GET at bench/e2e.py's
    1,000 trials, ~700 results of ~28 lines): encoding walked the ~20,000 lines of an answer in
    Python, one look-up per line, where the lines are ~8,000 slots; here each slot's encoding is
    made once (kept across answers while the slot's answer object stands) and each result's
    lines are gathered and joined in C. ``tests/api/test_rendered_lines_shortcut.py`` compares
    ``joined`` with encoding the list line by line."""

    __slots__ = ("_judged", "_layout")

    def __init__(self, answers: Sequence[Answered], layout: Layout, judged: _Judged) -> None:
        super().__init__(answers)
        self._layout = layout
        self._judged = judged

    def joined(self, encode: Callable[[Answered], str]) -> str:
        return ",".join(self._layout.gather(self._judged.encoded(encode)))


def answer_lines(pinned: Sequence[Pinned]) -> dict[int, tuple[list[Answered], list[int | None]]]:
    """The matches answer's lines of each result, by result id: (type, text, outcome, review,
    reason) tuples and each line's parent. The same words as ``render``, without building a
    ``Line`` per line for the ~1,000 results of a patient's answer: a result without overrides
    whose rendered outcomes equal its stored codes (all of them, but for a changed engine) is
    answered straight from the evaluation, as a ``Gathered`` list."""
    if not pinned:
        return {}
    overrides = _overrides_of(pinned)
    criteria = _criteria([p.version_pk for p in pinned])
    found: dict[int, tuple[list[Answered], list[int | None]]] = {}
    for judged, members in _judged_groups(pinned, criteria):
        # A line repeated across trials is one slot (``LineTable``), judged to one
        # ``CriterionOutcome``: its code and its answer tuple are made once per slot and each
        # result's gathered by index (in C), and the JSON encoder then meets the same tuple again too.
        for p, lines in members:
            trial = criteria[p.version_pk]
            if isinstance(lines, Layout):
                codes = "".join(lines.gather(judged.chars))
                if p.result_id not in overrides and codes == p.outcomes:
                    found[p.result_id] = (Gathered(lines.gather(judged.answers()), lines, judged), list(_PARENTS[p.version_pk]))
                    continue
                outcomes = lines.gather(judged.outcomes)
            else:
                codes = "".join([c.code for c in lines])
                outcomes = lines
                if p.result_id not in overrides and codes == p.outcomes:
                    found[p.result_id] = ([_answer(c) for c in lines], list(_PARENTS[p.version_pk]))
                    continue
            shown = _lines(p, trial, _as_stored(p, outcomes), overrides.get(p.result_id, []))
            found[p.result_id] = ([line.as_tuple() for line in shown], [line.parent for line in shown])
    return found


def _answer(c: CriterionOutcome) -> Answered:
    return (c.type, c.text, _WORD[c.outcome], c.review, c.reason)


def _overrides_of(pinned: Sequence[Pinned]) -> dict[int, list[CriterionOverride]]:
    """The results' active overrides, found through their patients (a patient's answer names
    ~1,000 results: an IN list of their ids cost more to build than the query)."""
    patients = {p.patient_id for p in pinned}
    wanted = {p.result_id for p in pinned}
    found: dict[int, list[CriterionOverride]] = {}
    rows = CriterionOverride.objects.filter(active=True, result__patient_id__in=patients).select_related("author")
    for o in rows:
        if o.result_id in wanted:
            found.setdefault(o.result_id, []).append(o)
    return found


def reevaluate(
    pinned: Sequence[Pinned], criteria: dict[int, TrialCriteria] | None = None
) -> dict[int, tuple[CriterionOutcome, ...]]:
    """Each result's lines as the engine judges them again on the pinned versions and date, by
    result id: the words, and outcomes that should equal the stored codes (a test checks it).
    A result stored without lines (its evaluation raised) has none. Line by line, as
    ``assemble`` judges them, without the verdict (the row holds it)."""
    criteria = criteria if criteria is not None else _criteria([p.version_pk for p in pinned])
    found: dict[int, tuple[CriterionOutcome, ...]] = {}
    for judged, members in _judged_groups(pinned, criteria):
        for p, lines in members:
            found[p.result_id] = lines.gather(judged.outcomes) if isinstance(lines, Layout) else lines
    return found


class _Judged:
    """One (facts, date)'s judged slots (``assemble.judge_lines``: each slot's outcome and its
    stored character), with their answers and encodings made on demand, by slot."""

    def __init__(self, outcomes: list[CriterionOutcome | None], chars: list[str]) -> None:
        self.outcomes = outcomes
        self.chars = chars
        self._answers: list[Answered | None] | None = None
        self._encoded: dict[Callable[[Answered], str], list[str]] = {}

    def answers(self) -> list[Answered | None]:
        if self._answers is None:
            # By slot, across answers: the table hands a slot judged as for the last patient
            # its same outcome object again (``LineTable.last``), and then its answer is the
            # same object too, whose encoding is kept with it (``encoded``).
            self._answers = _by_slot(_ANSWERED, self.outcomes, _answer, None)
        return self._answers

    def encoded(self, encode: Callable[[Answered], str]) -> list[str]:
        """``encode`` of each slot's answer ("" where none), kept by slot across answers while
        the slot's answer is the same object."""
        found = self._encoded.get(encode)
        if found is None:
            found = self._encoded[encode] = _by_slot(_ENCODED.setdefault(encode, []), self.answers(), encode, "")
        return found


def _by_slot(kept: list[tuple[Any, Any] | None], sources: Sequence[Any], make: Callable[[Any], Any], empty: Any) -> list[Any]:
    """``make`` of each slot's source (``empty`` where none), reusing the one ``kept`` for that slot
    while its source is the same object (kept grows with the slots; a slot's new source replaces it)."""
    if len(kept) < len(sources):
        kept.extend([None] * (len(sources) - len(kept)))
    out: list[Any] = []
    for slot, source in enumerate(sources):
        if source is None:
            out.append(empty)
            continue
        hit = kept[slot]
        if hit is not None and hit[0] is source:
            out.append(hit[1])
            continue
        made = make(source)
        kept[slot] = (source, made)
        out.append(made)
    return out


# by slot of ``_TABLE``: the last outcome answered and its answer, and by encoder the last
# answer encoded and its text (emptied with the table)
_ANSWERED: list[tuple[CriterionOutcome, Answered] | None] = []
_ENCODED: dict[Callable[[Answered], str], list[tuple[Answered, str] | None]] = {}


def _judged_groups(
    pinned: Sequence[Pinned], criteria: dict[int, TrialCriteria]
) -> list[tuple[_Judged, list[tuple[Pinned, Layout | tuple[CriterionOutcome, ...]]]]]:
    """The results grouped by (facts version, patient, date), each group's lines judged once per
    distinct line (``assemble.judge_lines`` over the renderer's ``LineTable``), with one snapshot
    and one memo per group as a job shares them across trials. Each result comes with its
    layout, to gather its outcomes from the group's; or with its outcomes themselves when it has
    none stored (its evaluation raised) or one of its lines raised here (judged alone, line by
    line, so it raises as the plain way does)."""
    facts = _facts(pinned)
    groups: dict[tuple[int | None, uuid.UUID, date], list[Pinned]] = {}
    for p in pinned:
        groups.setdefault((p.facts_version_pk, p.patient_id, p.evaluated_at), []).append(p)
    found = []
    for (version_pk, patient_id, as_of), members in groups.items():
        snap = snapshot(facts[(version_pk, patient_id)], as_of)
        decide = decider(snap)
        memo = Memo()  # one per (facts, date), shared across trials as a job shares it
        layouts = {p.version_pk: _LAYOUTS[p.version_pk] for p in members if p.outcomes}
        judged, _, failed, _, chars = judge_lines(_TABLE, layouts.values(), snap, decide, memo)
        laid: list[tuple[Pinned, Layout | tuple[CriterionOutcome, ...]]] = []
        for p in members:
            if not p.outcomes:
                laid.append((p, ()))
            elif failed and not failed.isdisjoint(layouts[p.version_pk].slots):
                lines = criteria[p.version_pk].criteria
                laid.append((p, tuple(evaluate_criterion(i, c, snap, decide, memo) for i, c in enumerate(lines))))
            else:
                laid.append((p, layouts[p.version_pk]))
        found.append((_Judged(judged, chars), laid))
    return found


def _as_stored(p: Pinned, rendered: tuple[CriterionOutcome, ...]) -> tuple[CriterionOutcome, ...]:
    """The rendered lines carrying the stored outcomes and review flags."""
    if len(rendered) != len(p.outcomes):
        logger.warning("result %s: %d lines rendered, %d stored", p.result_id, len(rendered), len(p.outcomes))
        return rendered
    lines = []
    for c, code in zip(rendered, p.outcomes, strict=True):
        outcome, review = compact.decode_one(code)
        if (outcome, review) != (c.outcome, c.review):
            logger.warning("result %s line %d: stored %s, rendered %s", p.result_id, c.index, code, c.outcome)
            c = replace(c, outcome=outcome, review=review)
        lines.append(c)
    return tuple(lines)


def _lines(
    p: Pinned, trial: TrialCriteria, engine: tuple[CriterionOutcome, ...], found: list[CriterionOverride]
) -> list[Line]:
    by_index = placed(engine, found) if found else {}
    effective = overridden(engine, by_index) if by_index else engine
    return [
        Line(
            e.index, e.type, e.text, trial.criteria[e.index].parent, str(c.outcome), c.review, c.reason, e.concepts,
            str(e.outcome), e.review, e.reason, by_index.get(e.index),
        )
        for e, c in zip(engine, effective, strict=True)
    ]


# Criteria versions never change once stored: each is loaded once per process, and laid out
# in one table of their lines (``assemble.LineTable``: a patient judges each distinct line once).
_CRITERIA: dict[int, TrialCriteria] = {}
_LAYOUTS: dict[int, Layout] = {}
_PARENTS: dict[int, tuple[int | None, ...]] = {}
_TABLE = LineTable(digests=False)  # rendering digests nothing
_MAX_VERSIONS = 20000


def _criteria(version_pks: Sequence[int]) -> dict[int, TrialCriteria]:
    missing = set(version_pks) - _CRITERIA.keys()
    if missing:
        if len(_CRITERIA) + len(missing) > _MAX_VERSIONS:
            global _TABLE
            _CRITERIA.clear()
            _LAYOUTS.clear()
            _PARENTS.clear()
            _ANSWERED.clear()
            _ENCODED.clear()
            _TABLE = LineTable(digests=False)
            missing = set(version_pks)
        refs = [
            TrialRef(trial_pk, nct_id, pk, number)
            for pk, trial_pk, nct_id, number in CriteriaVersion.objects.filter(pk__in=missing).values_list(
                "pk", "trial_id", "trial__nct_id", "number"
            )
        ]
        _CRITERIA.update({ref.version_pk: _interned(loaded) for ref, loaded in zip(refs, load_criteria(refs), strict=True)})
        _LAYOUTS.update({ref.version_pk: _TABLE.layout(_CRITERIA[ref.version_pk]) for ref in refs})
        _PARENTS.update({ref.version_pk: tuple(c.parent for c in _CRITERIA[ref.version_pk].criteria) for ref in refs})
        # kept for the life of the process: out of the cycle collector's sight, or every old
        # collection during a 28,000-line answer walks them all (as ``matcher.matching.heap``
        # does for the compiled engine)
        gc.collect()
        gc.freeze()
    return {pk: _CRITERIA[pk] for pk in set(version_pks)}


# One object per distinct expression across the versions loaded: trials repeat the same lines,
# and the evaluation's memo looks each line up by its expression. Equal but distinct objects
# are compared field by field, deeply, on every look-up (measured: 60% of rendering 1,000
# trials); the same object is found by identity.
_EXPRS: dict[Expr, Expr] = {}
# and one object per distinct line, so a line repeated across trials is judged and built once
# per (facts, date) (``rules_engine.assemble.Memo.lines``)
_LINES: dict[Criterion, Criterion] = {}


def _interned(trial: TrialCriteria) -> TrialCriteria:
    if len(_EXPRS) > 50 * _MAX_VERSIONS:
        _EXPRS.clear()
    if len(_LINES) > 50 * _MAX_VERSIONS:
        _LINES.clear()
    return replace(
        trial,
        criteria=tuple(
            intern_criterion(
                replace(
                    c,
                    expr=_EXPRS.setdefault(c.expr, c.expr),
                    applies_if=None if c.applies_if is None else _EXPRS.setdefault(c.applies_if, c.applies_if),
                ),
                _LINES,
            )
            for c in trial.criteria
        ),
    )


def _facts(pinned: Sequence[Pinned]) -> dict[tuple[int | None, uuid.UUID], PatientFacts]:
    """The facts of each pinned version; a result without one (never the case for results
    stored since versions exist) renders from the patient's current facts."""
    wanted = {p.facts_version_pk for p in pinned if p.facts_version_pk is not None}
    by_version = {
        pk: PatientFacts.from_json(facts)
        for pk, facts in PatientFactsVersion.objects.filter(pk__in=wanted).values_list("pk", "facts")
    }
    unpinned = {p.patient_id for p in pinned if p.facts_version_pk is None or p.facts_version_pk not in by_version}
    current = {
        pk: PatientFacts.from_json(facts) for pk, facts in Patient.objects.filter(pk__in=unpinned).values_list("pk", "facts")
    }
    return {
        (p.facts_version_pk, p.patient_id): by_version[p.facts_version_pk]
        if p.facts_version_pk in by_version
        else current[p.patient_id]
        for p in pinned
    }


def lines_of(result: MatchResult) -> list[Line]:
    """One stored result's lines (the match page, an override being made)."""
    pinned = Pinned(
        result.pk, result.patient_id, result.criteria_version_id, result.facts_version_id, result.evaluated_at,
        result.outcomes,
    )
    return render([pinned])[result.pk]
