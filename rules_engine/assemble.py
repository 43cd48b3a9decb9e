"""From predicate outcomes to a trial's verdict: Kleene logic, eligibility, score, reasons.

Both evaluators call ``assemble`` with their own way of deciding a predicate (Python for the
reference, fired rules for the durable path); everything after that is this one function.

Score (ranking within an eligibility class, contract section 4): over the criteria without
``review``, a criterion decided in the patient's favour (inclusion met, exclusion not met)
counts 1, an unknown one 0.5, one against the patient 0; the score is their mean, rounded to
3 places, and 0.5 for a trial whose every criterion needs review.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

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
from .outcome import CriterionOutcome, Eligibility, Outcome, TrialOutcome, laid_outcome
from .readings import absent, asks_a_diagnosis, erased
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
    if review and outcome is UNKNOWN:
        ruled_out = NOT_MET if inclusion else MET
        structured = erased(criterion.expr, inclusion)
        if structured is not None:
            alone = _evaluate(structured, snap, decide, memo)
            if alone.outcome is ruled_out and (not inclusion or _evaluate(absent(criterion.expr), snap, decide, memo).outcome is ruled_out):
                # the record points against the patient and only the unread text could undo it;
                # an exclusion asks the structured reading alone (readings.py)
                review, reasons = False, alone.reasons + reasons
            elif inclusion and alone.outcome is MET and asks_a_diagnosis(structured, criterion.expr):
                # the disease on record may not be the kind the unread words ask (readings.py)
                review, reasons = False, alone.reasons + reasons
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


# --- many trials at once ------------------------------------------------------------------
#
# Measured on bench/e2e.py's 1,000 trials (28,005 lines, 8,023 distinct (position, line)): even
# with ``Memo.lines`` a patient's evaluation called ``evaluate_criterion`` once per trial line and
# then walked every trial's outcomes in Python for its verdict; that walk was most of a match
# job's evaluation and of rendering the matches answer. Here each distinct (position, line) is
# judged once per (facts, date), a trial's outcomes are gathered by C-level indexing, and its
# verdict counts one small code per deciding line. ``tests/rules_engine/test_line_table.py``
# pins it to ``assemble`` trial by trial.


class Layout:
    """A trial's lines as slots of a ``LineTable``: each line's, the top-level ones' (the lines
    that decide the verdict, as ``verdict`` reads them), and the timed ones' (those whose
    judgement reads an age bound or a window: only they can carry a ``changes_on``), and the
    judgements its lines ask."""

    __slots__ = ("deciding", "gather", "gather_deciding", "judgements", "slots", "timed")

    def __init__(
        self, slots: tuple[int, ...], deciding: tuple[int, ...], timed: tuple[int, ...] = (), judgements: tuple[int, ...] = ()
    ) -> None:
        self.slots = slots
        self.deciding = deciding
        self.timed = timed
        self.judgements = judgements  # the distinct judgement numbers of its slots
        self.gather = _gatherer(slots)
        self.gather_deciding = _gatherer(deciding)


def _gatherer(slots: tuple[int, ...]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """``seq -> tuple(seq[s] for s in slots)``, in C (``itemgetter`` answers a bare item for one)."""
    if not slots:
        return lambda seq: ()
    if len(slots) == 1:
        only = slots[0]
        return lambda seq: (seq[only],)
    return itemgetter(*slots)


# A slot's judgement, its outcome object there, the outcome's code in a verdict (``_code``), and
# the outcome's digest bytes and stored character (``CriterionOutcome.verdict_md5``, ``code``),
# read off the object once when it is made, so a patient reusing it reads none of its attributes.
_Made = tuple[Judgement, CriterionOutcome, int, bytes, str]


class LineTable:
    """Every distinct (position, line object) of the trials laid out, numbered (a slot), and
    every distinct judgement they ask, (type, expression, applies_if), numbered too. Lines are
    told apart by identity, as ``Memo.lines`` tells them: intern equal criteria first
    (``intern_criterion``) to share their slots; a line not interned only gets a slot of its
    own. The table holds the lines, so an id is never reused while it is in use; it only grows
    (a caller that drops many trials makes a new one)."""

    def __init__(self, digests: bool = True) -> None:
        # whether ``judge_lines`` reads each new outcome's ``verdict_md5`` (a stored verdict's
        # digest joins them); a renderer, which digests nothing, leaves them b"": measured on a
        # matches GET (``bench/get_cpu.py``), hashing each new outcome's words was ~5% of it
        self.digests = digests
        self._slots: dict[tuple[int, int], int] = {}
        self._judgements: dict[tuple[Any, ...], int] = {}
        self.lines: list[tuple[int, Criterion]] = []
        self.judgement_of: list[int] = []  # by slot
        self.keys: list[tuple[Any, ...]] = []  # by judgement: (type, expr, applies_if)
        self.slots_of: list[list[int]] = []  # by judgement: the slots asking it
        # by judgement: whether no patient can change it (a line left wholly to review), and
        # then its judgement once made (``_CONSTANT``, without hashing the key)
        self.constant: list[bool] = []
        self.constant_found: list[Judgement | None] = []
        # ``judge_lines``' answer of the last call, by slot (``judged``, ``codes``, ``md5s``,
        # ``chars``) and the judgement each judgement number's slots were last set from (by
        # judgement): a slot is set again only when its judgement changed since (see there).
        self.current: tuple[list[CriterionOutcome | None], list[int], list[bytes], list[str]] = ([], [], [], [])
        self.current_found: list[object] = []
        self.lock = threading.Lock()
        # by judgement: its predicates and its timed ones (``_predicates``, ``_timed``)
        self.reads: list[tuple[tuple[Predicate, ...], tuple[Predicate, ...]]] = []
        # What a judgement reads of a patient (``_signature``) as numbered readings: a
        # predicate's (outcome, reason) or a timed predicate's change date (``reading_keys``:
        # (0, predicate) or (1, predicate)), each judgement's numbers and their gatherer, and
        # the current patient's reading by number (``readings``, valid for the numbers a
        # ``judge_lines`` call has set). See ``_signature`` for why.
        self._reading_numbers: dict[tuple[int, Predicate], int] = {}
        self.reading_keys: list[tuple[int, Predicate]] = []
        self.reading_of: list[tuple[int, ...]] = []
        self.read_signature: list[Callable[[Sequence[Any]], tuple[Any, ...]]] = []
        self.readings: list[Any] = []
        self.words: list[tuple[str, str]] = []  # by slot: the type's word, the text
        # By slot, the last judgement made and its outcome: a patient judged the same on the
        # line (every line left wholly to review, most lines absent data leaves unknown) reuses
        # that immutable outcome instead of making an equal one. Checked by value, so a reuse is
        # exact; making one (a frozen data class) cost ~2-5 us, ~8,000 per patient.
        self.last: list[_Made | None] = []
        # Judgements made for earlier patients, by judgement number and what the line reads of a
        # patient (``_signature``): a line is a pure function of its predicates' outcomes, reasons
        # and change dates, so a patient whose predicates read the same gets the same judgement
        # without walking the expression again. Emptied when it grows past ``_JUDGED_MAX``.
        self.judged: dict[tuple[Any, ...], Judgement] = {}
        # By (slot, id of a kept judgement): its outcome at that slot, so patients who read a line
        # alike share one outcome object (and the verdict text kept on it, which a stored
        # verdict's digest joins), not only consecutive ones (``last``). Emptied past ``_JUDGED_MAX``.
        self.made: dict[tuple[int, int], _Made] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def _reading_number(self, kind: int, pred: Predicate) -> int:
        key = (kind, pred)
        number = self._reading_numbers.get(key)
        if number is None:
            number = self._reading_numbers[key] = len(self.reading_keys)
            self.reading_keys.append(key)
            self.readings.append(None)
        return number

    def layout(self, trial: TrialCriteria) -> Layout:
        slots = []
        with self.lock:
            for index, criterion in enumerate(trial.criteria):
                key = (index, id(criterion))
                slot = self._slots.get(key)
                if slot is None:
                    judgement = (criterion.type, criterion.expr, criterion.applies_if)
                    number = self._judgements.get(judgement)
                    if number is None:
                        number = self._judgements[judgement] = len(self.keys)
                        self.keys.append(judgement)
                        reads = (_predicates(criterion.applies_if, criterion.expr), _timed(criterion.applies_if, criterion.expr))
                        self.reads.append(reads)
                        numbers = tuple(self._reading_number(kind, pred) for kind, preds in enumerate(reads) for pred in preds)
                        self.reading_of.append(numbers)
                        self.read_signature.append(_gatherer(numbers))
                        self.slots_of.append([])
                        self.constant.append(criterion.applies_if is None and isinstance(criterion.expr, Review))
                        self.constant_found.append(None)
                        self.current_found.append(_UNSET)
                    slot = self._slots[key] = len(self.lines)
                    self.lines.append((index, criterion))
                    self.judgement_of.append(number)
                    self.words.append((str(criterion.type), criterion.text))
                    self.last.append(None)
                    self.slots_of[number].append(slot)
                    self.current_found[number] = _UNSET  # its new slot is set at the next call
                    for kept, empty in zip(self.current, (None, 0, b"", ""), strict=True):
                        kept.append(empty)  # type: ignore[attr-defined]
                slots.append(slot)
            deciding = tuple(s for s, c in zip(slots, trial.criteria, strict=True) if c.parent is None)
            timed = tuple(dict.fromkeys(s for s in slots if self.reads[self.judgement_of[s]][1]))
            judgements = tuple(dict.fromkeys(self.judgement_of[s] for s in slots))
        return Layout(tuple(slots), deciding, timed, judgements)


# A deciding line's part in the verdict: against the patient (4), unknown (2), review (1).
_AGAINST, _UNKNOWN, _REVIEW = 4, 2, 1


def _code(c: CriterionOutcome) -> int:
    favourable = MET if c.type == "inclusion" else NOT_MET
    against = c.outcome is not favourable and c.outcome is not UNKNOWN
    return (_AGAINST if against else 0) | (_UNKNOWN if c.outcome is UNKNOWN else 0) | (_REVIEW if c.review else 0)


def _verdict_of(codes: tuple[int, ...]) -> tuple[Eligibility, float]:
    """``verdict`` from the deciding lines' codes: the same tests and the same sum (halves and
    ones add exactly in any order)."""
    if _AGAINST in codes or _AGAINST | _REVIEW in codes:
        eligible = Eligibility.INELIGIBLE
    elif _UNKNOWN in codes:  # unknown and not review
        eligible = Eligibility.POSSIBLY_ELIGIBLE
    else:
        eligible = Eligibility.ELIGIBLE
    favourable, open_, against = codes.count(0), codes.count(_UNKNOWN), codes.count(_AGAINST)
    decided = favourable + open_ + against
    if not decided:
        return eligible, 0.5
    return eligible, round((favourable + 0.5 * open_) / decided, 3)


# ``_verdict_of`` by the deciding lines' codes: a patient's ~690 candidate trials, patient after
# patient, take a few thousand distinct tuples of them. Measured (timeit, machine under load):
# 8.1 us a verdict made against 0.8 us found, ~5 ms of a new patient's job.
# ``tests/rules_engine/test_line_table.py`` pins it to ``_verdict_of``. Bounded: cleared when full.
_VERDICTS: dict[tuple[int, ...], tuple[Eligibility, float]] = {}
_VERDICTS_MAX = 100_000


def _verdict_kept(codes: tuple[int, ...]) -> tuple[Eligibility, float]:
    """``_verdict_of(codes)``, made once for equal codes (``_VERDICTS``)."""
    found = _VERDICTS.get(codes)
    if found is None:
        if len(_VERDICTS) >= _VERDICTS_MAX:
            _VERDICTS.clear()
        found = _VERDICTS[codes] = _verdict_of(codes)
    return found


# Measured on bench/e2e.py's 1,000 trials: a patient's ~1,470 distinct judgements walked their
# expressions (``_evaluate``) for ~60% of its evaluation. What a line reads of a patient is the
# outcome and reason of each predicate (decided and worded once per patient in ``memo`` anyway)
# and the change date of each timed one; equal readings give equal judgements, so an engine
# keeps them across patients (``LineTable.judged``): lines about data a patient lacks read the
# same for most patients. ``tests/rules_engine/test_line_table.py`` pins the table's outcomes,
# patient after patient, to ``assemble``'s.
_JUDGED_MAX = 200_000


def _signature(
    table: LineTable, number: int, snap: Snapshot, decide: Decide, memo: Memo, done: set[int]
) -> tuple[Any, ...]:
    """What judging judgement ``number`` reads of this patient: each of its predicates' outcome
    and reason, in order, then each timed predicate's change date, as ``_judge`` finds them
    through ``memo``. ``done``: the reading numbers this call has set in ``table.readings``.

    Measured in-process (``bench/get_cpu.py`` on bench/e2e.py's 10,000 trials, cProfile): the
    ~7,000 signatures of a patient's judgements, each a Python loop over its ~8 predicates with
    a lookup per predicate, were ~45% of judging its lines. Each distinct reading is now made
    once per call into the table's ``readings`` list, and a judgement's signature gathered from
    it by ``itemgetter`` (``read_signature``), in C. ``tests/rules_engine/test_line_table.py``
    pins the table's outcomes, patient after patient, to ``assemble``'s, and
    ``test_signature_is_the_plain_reading`` pins this to the plain loop."""
    numbers = table.reading_of[number]
    readings = table.readings
    if not done.issuperset(numbers):
        keys = table.reading_keys
        for at in numbers:
            if at in done:
                continue
            kind, pred = keys[at]
            readings[at] = _reading(kind, pred, snap, decide, memo)
            done.add(at)
    return table.read_signature[number](readings)


def _reading(kind: int, pred: Predicate, snap: Snapshot, decide: Decide, memo: Memo) -> Any:
    """One reading of a signature: a predicate's (outcome, reason) (``kind`` 0), or a timed
    predicate's change date (1), as ``_judge`` finds them through ``memo``."""
    if kind == 0:
        outcome = decide(pred)
        reason = memo.reasons.get(pred)
        if reason is None:
            reason = memo.reasons[pred] = predicate_reason(pred, outcome, snap)
        return (outcome, reason)
    if pred not in memo.changes:
        memo.changes[pred] = changes_on(pred, snap, decide(pred))
    return memo.changes[pred]


def plain_signature(
    reads: tuple[tuple[Predicate, ...], tuple[Predicate, ...]], snap: Snapshot, decide: Decide, memo: Memo
) -> tuple[Any, ...]:
    """``_signature`` the plain way, one predicate after another, nothing numbered or gathered
    (what the test compares)."""
    return tuple(_reading(kind, pred, snap, decide, memo) for kind, preds in enumerate(reads) for pred in preds)


class JudgedLines(NamedTuple):
    """``judge_lines``' answer, each list indexed by slot."""

    # None where judging raised (or never set); a slot no layout asked may hold an earlier patient's
    judged: list[CriterionOutcome | None]
    codes: list[int]  # each slot's part in a verdict (``_verdict_of``)
    failed: set[int]  # the slots whose judging raised
    md5s: list[bytes]  # each outcome's ``verdict_md5`` (b"" in a table made without ``digests``)
    chars: list[str]  # each outcome's ``code``


_UNSET = object()  # a judgement number whose slots are not set yet (``LineTable.current_found``)


def judge_lines(
    table: LineTable, layouts: Iterable[Layout], snap: Snapshot, decide: Decide, memo: Memo
) -> JudgedLines:
    """Each slot the layouts use, as ``evaluate_criterion`` judges it (each distinct judgement
    once). Slots no layout uses may hold another patient's outcome: only the layouts' are
    this patient's.

    Measured in-process (``bench/job_cpu.py`` and ``bench/get_cpu.py``, bench/e2e.py's 1,000
    trials): walking the ~8,000 slots of a patient's ~700 candidate trials one by one, each
    with its judgement looked up again, was most of judging; the ~1,200 distinct judgements are
    what a patient changes. The table keeps the last call's answer by slot (``current``) and the
    judgement each judgement number's slots were set from: a judgement this patient reads as
    the last one did (the same kept object, ``judged``) leaves its slots as they are, and only
    the slots of the others are set again. The answer handed back is a copy (a C copy of four
    lists), made under the table's lock, so a later call never changes it.
    ``tests/rules_engine/test_line_table.py`` pins the outcomes to ``assemble``'s, patient after
    patient through one table, with trials added between patients."""
    wanted: set[int] = set()
    for layout in layouts:
        wanted.update(layout.judgements)
    failed: set[int] = set()
    judgements: dict[int, Judgement | None] = {}
    made_of = table.made
    keys, lines, words = table.keys, table.lines, table.words
    slots_of, constant, constant_found, judged_kept = table.slots_of, table.constant, table.constant_found, table.judged
    digests = table.digests
    known = memo.criteria  # a memo the caller filled already (empty for a fresh one)
    done: set[int] = set()  # the readings this call has set (``_signature``)
    with table.lock:
        judged, codes, md5s, chars = table.current
        current_found, last = table.current_found, table.last
        for number in wanted:
            found: Judgement | None = None
            if constant[number]:
                found = constant_found[number]
            if found is None and known:
                found = known.get(keys[number])
            if found is None:
                slots = slots_of[number]
                criterion = lines[slots[0]][1]
                try:
                    if constant[number]:
                        found = constant_found[number] = _judge(criterion, snap, decide, memo)
                    else:
                        signature = (number, _signature(table, number, snap, decide, memo, done))
                        found = judged_kept.get(signature)
                        if found is None:
                            found = _judge(criterion, snap, decide, memo)
                            if len(judged_kept) >= _JUDGED_MAX:
                                judged_kept.clear()
                            judged_kept[signature] = found
                except Exception:  # noqa: BLE001 - the trials holding it are assembled alone, to their error
                    found = None
            judgements[number] = found
            if found is None:
                current_found[number] = _UNSET
                for slot in slots_of[number]:
                    failed.add(slot)
                    judged[slot] = None
                continue
            if current_found[number] is found:
                continue  # its slots hold this judgement's outcomes already
            current_found[number] = found
            found_id = id(found)
            for slot in slots_of[number]:
                before = last[slot]
                if before is None or before[0] is not found:
                    # a kept judgement (``judged``) is one object for every patient reading the line
                    # alike: its outcome at this slot is kept with it, not only the last patient's
                    before = made_of.get((slot, found_id))
                if before is not None and (before[0] is found or before[0] == found):
                    _, judged[slot], codes[slot], md5s[slot], chars[slot] = before
                    last[slot] = before
                    continue
                type_word, text = words[slot]
                made = judged[slot] = CriterionOutcome(lines[slot][0], type_word, text, *found)
                code = codes[slot] = _code(made)
                md5 = md5s[slot] = made.verdict_md5 if digests else b""
                char = chars[slot] = made.code
                entry = last[slot] = (found, made, code, md5, char)
                if len(made_of) >= _JUDGED_MAX:
                    made_of.clear()
                made_of[(slot, found_id)] = entry  # holds ``found``: its id is not reused meanwhile
        answer = JudgedLines(list(judged), list(codes), failed, list(md5s), list(chars))
    if failed:
        # the trials holding a failed line are assembled the plain way: they find the rest here
        for number, found in judgements.items():
            if found is not None:
                memo.criteria.setdefault(keys[number], found)
    return answer


def assemble_many(
    table: LineTable, trials: Sequence[tuple[TrialCriteria, Layout]], snap: Snapshot, decide: Decide, memo: Memo
) -> list[TrialOutcome | Exception]:
    """``assemble(trial, snap, decide, memo)`` of each trial, in order, each distinct line judged
    once. A trial one of whose lines raised is assembled the plain way, and what that raises
    stands in its place (the caller turns it into the trial's error, as it would there)."""
    judged, codes, failed, md5s, chars = judge_lines(table, (layout for _, layout in trials), snap, decide, memo)
    found: list[TrialOutcome | Exception] = []
    for trial, layout in trials:
        if failed and not failed.isdisjoint(layout.slots):
            try:
                found.append(assemble(trial, snap, decide, memo))
            except Exception as exc:  # noqa: BLE001 - handed to the caller, as assemble would raise it
                found.append(exc)
            continue
        eligible, points = _verdict_kept(layout.gather_deciding(codes))
        # Measured (pyinstrument, bench/e2e.py's 1,000 trials, a new patient's job in-process):
        # ``TrialOutcome.changes_on`` found by walking each stored trial's ~28 lines was ~6% of
        # the job; only the timed lines can hold a date, a few a trial, so it is found from them
        # here. ``tests/rules_engine/test_line_table.py`` pins it to the walk's answer.
        day: date | None = None
        for slot in layout.timed:
            line = judged[slot]
            when = line.changes_on if line is not None else None
            if when is not None and (day is None or when < day):
                day = when
        # the lines' digest bytes and stored characters, gathered by slot (``with_lines``), set
        # with the rest in one go (``laid_outcome``); ``tests/rules_engine/test_line_table.py``
        # pins them to the properties' walk
        found.append(
            laid_outcome(
                trial.trial_id, trial.version, eligible, points, layout.gather(judged),
                b"".join(layout.gather(md5s)), "".join(layout.gather(chars)), day,
            )
        )
    return found
