"""One trial judged for many patients (a trial's re-match): its lines compiled once into index
form, so each patient pays for its predicates and the Kleene combination only.

``assemble`` shares work across the ~1,000 trials one patient is judged against: every node,
predicate and line goes through per-patient memos keyed by the frozen criteria nodes. Judging
one trial for 10,000 patients shares nothing across trials, so that machinery is overhead: on
bench/rematch.py's reopened 17-line trial, ~45% of a patient's evaluation (about 290 of 630 us
of CPU, measured on a loaded machine) went to recursion, memo look-ups and node hashing rather
than to deciding predicates and writing reasons. Here the trial's distinct predicates are
numbered once, each line becomes a tree of small tuples over those numbers, a line left wholly
to review is judged once per plan, and a patient's predicate outcomes, reasons and change dates
are lists indexed by number.

The words are the same functions' (``semantics.predicate_outcome``, ``reasons``,
``semantics.changes_on``) called in the same order, and the combination is ``assemble``'s:
``tests/rules_engine/test_trial_plan.py`` compares every outcome, reason, score and date with
``MatchingEngine.evaluate_alone`` (seed trials x example patients x dates, and generated trials),
and a gate closed here with ``GateIndex``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from .absent import AbsentAnswer, absent_answer, on_record
from .assemble import Judgement, _concepts, _timed, kleene_all, kleene_any, verdict
from .criteria import All, Any_, Criterion, CriterionType, Expr, NoRequirement, Not, Predicate, Review, TrialCriteria
from .facts import PatientFacts
from .gates import Closed, _open_kinds, gates_of
from .outcome import CriterionOutcome, Outcome, TrialOutcome
from .readings import absent, asks_a_diagnosis, erased
from .reasons import NO_REQUIREMENT_REASON, not_applicable, predicate_reason, review_reason
from .semantics import changes_on, predicate_outcome
from .snapshot import Snapshot

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
_NEGATE = {MET: NOT_MET, NOT_MET: MET, UNKNOWN: UNKNOWN}

# node kinds; a node is (kind, payload)
_PRED, _FIXED, _NOT, _ALL, _ANY = range(5)
# (_PRED, int) | (_FIXED, (outcome, review, reason)) | (_NOT, Node) | (_ALL | _ANY, tuple[Node, ...])
Node = tuple[Any, ...]
# a part's verdict: outcome, review, and its reasons, each a predicate's number or a literal
_Verdict = tuple[Outcome, bool, list[int | str]]


class _Line:
    __slots__ = (
        "index", "type", "text", "inclusion", "expr", "applies", "timed", "concepts", "constant", "erased", "absent",
        "diagnosis", "reads",
    )

    def __init__(self, index: int, criterion: Criterion, number: dict[Predicate, int]) -> None:
        self.index = index
        self.type = str(criterion.type)
        self.text = criterion.text
        self.inclusion = criterion.type is CriterionType.INCLUSION
        self.expr = _compile(criterion.expr, number)
        # the line's two readings without its unread text (readings.py), where it has any
        self.erased: Node | None = None
        self.absent: Node | None = None
        self.diagnosis = False  # an inclusion asking only the disease, met beside unread words of its kind
        structured = erased(criterion.expr, self.inclusion)
        if structured is not None and structured != criterion.expr:
            self.erased = _compile(structured, number)
            # an exclusion asks the structured reading alone (readings.py)
            self.absent = _compile(absent(criterion.expr), number) if self.inclusion else None
            self.diagnosis = self.inclusion and asks_a_diagnosis(structured, criterion.expr)
        self.applies = None if criterion.applies_if is None else _compile(criterion.applies_if, number)
        self.timed = tuple(number[p] for p in _timed(criterion.applies_if, criterion.expr))
        # every predicate judging the line can reach, in the order ``_judge`` first reaches them
        found: dict[int, None] = {}
        for node in (self.expr, self.erased, self.absent, self.applies):
            _numbers(node, found)
        self.reads = tuple(found)
        self.concepts = _concepts(criterion.applies_if, criterion.expr)
        # a line left wholly to review reads nothing of the patient (assemble's _CONSTANT)
        self.constant: Judgement | None = None
        if criterion.applies_if is None and isinstance(criterion.expr, Review):
            self.constant = (UNKNOWN, True, review_reason(criterion.expr), self.concepts, None)


def _numbers(node: Node | None, found: dict[int, None]) -> None:
    """The predicate numbers under ``node``, depth first, left to right, as ``_evaluate`` walks it."""
    if node is None:
        return
    kind = node[0]
    if kind is _PRED:
        found.setdefault(node[1], None)
    elif kind is _NOT:
        _numbers(node[1], found)
    elif kind is _ALL or kind is _ANY:
        for part in node[1]:
            _numbers(part, found)


def _compile(expr: Expr, number: dict[Predicate, int]) -> Node:
    if isinstance(expr, Predicate):
        return (_PRED, number.setdefault(expr, len(number)))
    if isinstance(expr, Review):
        return (_FIXED, (UNKNOWN, True, review_reason(expr)))
    if isinstance(expr, NoRequirement):
        return (_FIXED, (MET, False, NO_REQUIREMENT_REASON))
    if isinstance(expr, Not):
        return (_NOT, _compile(expr.part, number))
    if isinstance(expr, All | Any_):
        return (_ALL if isinstance(expr, All) else _ANY, tuple(_compile(p, number) for p in expr.parts))
    # a node assemble learnt and this plan did not: fail the plan, never judge it some other way
    raise TypeError(f"the trial plan cannot judge a {type(expr).__name__} node")


_KEPT_MAX = 100_000


class TrialPlanPatient:
    """One patient's predicate outcomes, reasons and change dates on one snapshot, each found
    once, when first asked, in the order ``assemble`` asks them."""

    __slots__ = ("snap", "outcomes", "reasons", "changes", "lines")

    def __init__(self, snap: Snapshot, size: int, lines: int) -> None:
        self.snap = snap
        self.outcomes: list[Outcome | None] = [None] * size
        self.reasons: list[str | None] = [None] * size
        self.changes: list[date | None | bool] = [False] * size  # False: not asked yet
        self.lines: list[CriterionOutcome | None] = [None] * lines


class TrialPlan:
    """A trial's lines compiled for judging many patients; build once per criteria version."""

    def __init__(self, trial: TrialCriteria) -> None:
        self.trial = trial
        number: dict[Predicate, int] = {}
        self._lines = [_Line(i, c, number) for i, c in enumerate(trial.criteria)]
        self._gates = tuple(sorted(gates_of(trial), key=lambda g: g.index))
        # a gate that asks only part of its line (gates._gate) is judged as that part alone
        self._gate_parts = {
            g.index: _Line(g.index, g.judged, number) for g in self._gates if g.judged is not g.criterion
        }
        self._predicates = tuple(number)  # by number
        self._parents = [c.parent for c in trial.criteria]
        # Lines judged for earlier patients, by (line, what it read of the patient: ``_reading``).
        # A line is a pure function of its predicates' outcomes and reasons and its timed ones'
        # change dates, so a patient reading it as an earlier one did gets that one's outcome
        # object, whose digest text and code are kept on it. Measured in-process on
        # bench/rematch.py's reopened 17-line trial over 10,000 patients (pyinstrument): combining
        # lines and building their outcomes was ~25% of the worker's CPU, the digests' and codes'
        # text of fresh outcome objects ~10%. ``tests/rules_engine/test_trial_plan.py`` judges
        # patient after patient through one plan against ``assemble``. Emptied past ``_KEPT_MAX``.
        self._kept: dict[tuple[Any, ...], CriterionOutcome] = {}
        # Per day, each predicate's answer for a record holding none of what it reads
        # (``rules_engine.absent``): a patient whose record holds none of it starts with it.
        self._absent: dict[date, list[tuple[int, AbsentAnswer]]] = {}

    def start(self, snap: Snapshot) -> TrialPlanPatient:
        """A patient's evaluation on ``snap`` (the facts normalised for this trial and day)."""
        patient = TrialPlanPatient(snap, len(self._predicates), len(self._lines))
        answers = self._absent.get(snap.as_of)
        if answers is None:
            if len(self._absent) >= 8:
                self._absent.clear()
            answers = self._absent[snap.as_of] = [
                (i, found) for i, pred in enumerate(self._predicates) if (found := absent_answer(pred, snap.as_of)) is not None
            ]
        held = on_record(snap)
        outcomes, reasons, changes = patient.outcomes, patient.reasons, patient.changes
        for i, answer in answers:
            if answer.reads.isdisjoint(held):
                outcomes[i], reasons[i], changes[i] = answer.outcome, answer.reason, answer.changes_on
        return patient

    def closed(self, patient: TrialPlanPatient, facts: PatientFacts) -> Closed | None:
        """The trial's first gate this patient cannot meet, as ``GateIndex.closed`` finds it for
        this trial alone (``facts``: what the record lacks keeps a gate open), judging only the
        gate lines; None when the patient is a candidate."""
        unknown = _open_kinds(facts)
        for gate in self._gates:
            if gate.kinds & unknown:
                continue
            part = self._gate_parts.get(gate.index)
            if part is None:
                judged = self._line(patient, gate.index)
            else:
                outcome, review, reason, concepts, changes = self._judge(patient, part)
                judged = CriterionOutcome(gate.index, part.type, part.text, outcome, review, reason, concepts, changes)
            if judged.outcome is NOT_MET:
                when = judged.changes_on or (patient.snap.next_birthday() if "age" in gate.kinds else None)
                return Closed(self.trial.trial_id, self.trial.version, gate, judged, when)
        return None

    def shut(self, patient: TrialPlanPatient, facts: PatientFacts) -> tuple[bool, date | None]:
        """``closed``'s answer as a trial's re-match uses it: whether a gate shuts the patient out
        (``closed(...) is not None``) and the day time alone may open it
        (``closed(...).gate.changes_on``), found from the gate lines' outcomes alone.

        Why: a re-match stores nothing of a patient its gate shuts out but that day, yet
        ``closed`` words every gate predicate (``predicate_reason``, which builds the event views
        a diagnosis reason quotes) and builds the gate's line and ``Closed`` objects. Measured
        in-process (``bench/rematch_cpu.py --case reopen``, pyinstrument, machine under load):
        ``closed`` was ~17% of a chunk's worker CPU, ~40% of it the gate's reasons. A patient
        that passes is judged in full by ``outcome``, each predicate's outcome decided here
        kept and worded there (``TrialPlanPatient.reasons`` is filled on the first line that
        quotes it). Every part of a gate is decided, as ``_evaluate`` reaches them, so a
        predicate whose outcome raises raises here as there. ``tests/rules_engine/test_trial_plan.py``
        pins it to ``closed`` (seed trials x example patients x dates, and generated trials)."""
        unknown = _open_kinds(facts)
        for gate in self._gates:
            if gate.kinds & unknown:
                continue
            line = self._gate_parts.get(gate.index) or self._lines[gate.index]
            if self._decide(patient, line) is NOT_MET:
                when = self._changes_on(patient, line.timed)
                return True, when or (patient.snap.next_birthday() if "age" in gate.kinds else None)
        return False, None

    def _decide(self, patient: TrialPlanPatient, line: _Line) -> Outcome:
        """``_judge``'s outcome of ``line`` without its words (review and reasons never change it)."""
        if line.constant is not None:
            return line.constant[0]
        found = patient.lines[line.index] if line is self._lines[line.index] else None
        if found is not None:
            return found.outcome
        outcome = self._outcome_of(patient, line.expr)
        if line.applies is not None:
            applies = self._outcome_of(patient, line.applies)
            if applies is NOT_MET:
                outcome = MET if line.inclusion else NOT_MET
            elif applies is UNKNOWN:
                outcome = kleene_any([UNKNOWN, outcome]) if line.inclusion else kleene_all([UNKNOWN, outcome])
        return outcome

    def _outcome_of(self, patient: TrialPlanPatient, node: Node) -> Outcome:
        """``_evaluate``'s outcome of ``node``: every predicate under it decided (and kept), none worded."""
        kind = node[0]
        if kind is _PRED:
            i = node[1]
            outcome = patient.outcomes[i]
            if outcome is None:
                outcome = patient.outcomes[i] = predicate_outcome(self._predicates[i], patient.snap)
            return outcome
        if kind is _FIXED:
            return node[1][0]  # type: ignore[no-any-return]
        if kind is _NOT:
            return _NEGATE[self._outcome_of(patient, node[1])]
        outcomes = [self._outcome_of(patient, p) for p in node[1]]
        return kleene_all(outcomes) if kind is _ALL else kleene_any(outcomes)

    def outcome(self, patient: TrialPlanPatient) -> TrialOutcome:
        """The trial's outcome, as ``assemble`` gives it (lines a gate check judged are reused).
        Raises what a predicate's evaluation raises, as ``assemble`` does."""
        results = tuple(self._line(patient, i) for i in range(len(self._lines)))
        eligible, points = verdict(results, self._parents)
        trial = self.trial
        return TrialOutcome(
            trial_id=trial.trial_id, version=trial.version, eligibility=eligible, score=points, criteria=results
        )

    # --- assemble's evaluate_criterion / _judge / _evaluate, over numbers -------------------

    def _line(self, patient: TrialPlanPatient, index: int) -> CriterionOutcome:
        found = patient.lines[index]
        if found is None:
            line = self._lines[index]
            key = (index, *self._reading(patient, line)) if line.constant is None else (index,)
            found = self._kept.get(key)
            if found is None:
                outcome, review, reason, concepts, when = line.constant or self._judge(patient, line)
                found = CriterionOutcome(index, line.type, line.text, outcome, review, reason, concepts, when)
                if len(self._kept) >= _KEPT_MAX:
                    self._kept.clear()
                self._kept[key] = found
            patient.lines[index] = found
        return found

    def _reading(self, patient: TrialPlanPatient, line: _Line) -> list[Any]:
        """What judging ``line`` reads of the patient: each predicate's outcome and reason, in the
        order ``_judge`` reaches them (so the first to raise is the one it would raise), then each
        timed predicate's change date."""
        outcomes, reasons, predicates, snap = patient.outcomes, patient.reasons, self._predicates, patient.snap
        found: list[Any] = []
        for i in line.reads:
            reason = reasons[i]
            if reason is None:  # not worded yet (``shut`` decides outcomes without words)
                pred = predicates[i]
                outcome = outcomes[i]
                if outcome is None:
                    outcome = outcomes[i] = predicate_outcome(pred, snap)
                reason = reasons[i] = predicate_reason(pred, outcome, snap)
            found += (outcomes[i], reason)
        found.append(self._changes_on(patient, line.timed))
        return found

    def _judge(self, patient: TrialPlanPatient, line: _Line) -> Judgement:
        outcome, review, parts = self._evaluate(patient, line.expr)
        reasons = self._words(patient, parts)
        inclusion = line.inclusion
        if review and outcome is UNKNOWN and line.erased is not None:
            ruled_out = NOT_MET if inclusion else MET
            alone, _, alone_parts = self._evaluate(patient, line.erased)
            if alone is ruled_out and (line.absent is None or self._evaluate(patient, line.absent)[0] is ruled_out):
                review, reasons = False, self._words(patient, alone_parts) + reasons
            elif line.diagnosis and alone is MET:
                review, reasons = False, self._words(patient, alone_parts) + reasons
        if line.applies is not None:
            a_outcome, a_review, a_parts = self._evaluate(patient, line.applies)
            if a_outcome is NOT_MET:
                outcome, review = (MET if inclusion else NOT_MET), False
                reasons = [not_applicable("; ".join(self._words(patient, a_parts)))]
            elif a_outcome is UNKNOWN:
                combined = kleene_any([UNKNOWN, outcome]) if inclusion else kleene_all([UNKNOWN, outcome])
                if combined is UNKNOWN:
                    review = (outcome is UNKNOWN and review) or a_review
                    reasons = [f"may not apply ({'; '.join(self._words(patient, a_parts))})", *reasons]
                outcome = combined
        return (
            outcome,
            review and outcome is UNKNOWN,
            "; ".join(reasons),
            line.concepts,
            self._changes_on(patient, line.timed),
        )

    def _words(self, patient: TrialPlanPatient, parts: list[int | str]) -> list[str]:
        reasons = patient.reasons
        return [part if isinstance(part, str) else reasons[part] for part in parts]  # type: ignore[misc]

    def _evaluate(self, patient: TrialPlanPatient, node: Node) -> _Verdict:
        kind = node[0]
        if kind is _PRED:
            i = node[1]
            outcome = patient.outcomes[i]
            if patient.reasons[i] is None:
                pred = self._predicates[i]
                if outcome is None:
                    outcome = patient.outcomes[i] = predicate_outcome(pred, patient.snap)
                # every predicate reached is worded, as assemble words it (a raise is the same raise)
                patient.reasons[i] = predicate_reason(pred, outcome, patient.snap)
            return outcome, False, [i]  # type: ignore[return-value]
        if kind is _FIXED:
            outcome, review, reason = node[1]
            return outcome, review, [reason]
        if kind is _NOT:
            outcome, review, parts = self._evaluate(patient, node[1])
            return _NEGATE[outcome], review, parts
        verdicts = [self._evaluate(patient, p) for p in node[1]]
        outcomes = [v[0] for v in verdicts]
        outcome = kleene_all(outcomes) if kind is _ALL else kleene_any(outcomes)
        if outcome is UNKNOWN:
            chosen: Sequence[_Verdict] = [v for v in verdicts if v[0] is UNKNOWN]
        elif (kind is _ALL and outcome is MET) or (kind is _ANY and outcome is NOT_MET):
            chosen = verdicts  # every part had to agree: quote them all
        else:
            chosen = [v for v in verdicts if v[0] is outcome]
        return (
            outcome,
            outcome is UNKNOWN and all(v[1] for v in chosen),
            [part for v in chosen for part in v[2]],
        )

    def _changes_on(self, patient: TrialPlanPatient, timed: tuple[int, ...]) -> date | None:
        found = None
        for i in timed:
            when = patient.changes[i]
            if when is False:
                outcome = patient.outcomes[i]
                if outcome is None:  # not reached by the line's expressions (cannot happen: they hold it)
                    outcome = patient.outcomes[i] = predicate_outcome(self._predicates[i], patient.snap)
                when = patient.changes[i] = changes_on(self._predicates[i], patient.snap, outcome)
            if when is not None and (found is None or when < found):  # type: ignore[operator]
                found = when
        return found  # type: ignore[return-value]
