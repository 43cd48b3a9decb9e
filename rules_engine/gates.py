"""Which trials a patient could possibly meet: the gates of a registry-sized catalogue.

Most trials of a large catalogue are decided against a patient by one line about who the trial
is for at all: a diagnosis family ("acute myeloid leukemia"), an age range, a sex. A gate is
such a line, taken only where that is safe:

- an inclusion, at the top level (a nested line decides nothing alone), applying to everyone
  (no ``applies_if``);
- structured, every predicate decidable by the catalogue; a part left to review only as another
  requirement beside them (``All(type 2 diabetes, review(for at least 6 months))``), never as an
  alternative;
- asking only about age, sex, or the presence of a primary diagnosis (acute leukemia, the other
  haematological malignancies, the solid tumours of the catalogue, and the conditions non-cancer
  trials are for: diabetes, heart failure, COPD, ...; a window only as "within N", which time
  alone never opens);
- or, for a line that asks more ("heart failure with NYHA class II to IV", "AML with ECOG <= 2"),
  its requirements that do (the parts of its ``All``), judged alone: any of them not met fails
  the line whatever the rest holds, so the gate closes only on a line the evaluators judge not
  met, though not on every such line (a measurement never closes one).

A gate closes for a patient only when that line is ``not_met`` by the same semantics both
evaluators share (``semantics.predicate_outcome`` through ``assemble.evaluate_criterion``):
an inclusion not met makes the trial ineligible, so a closed gate never hides a trial the
patient could be eligible for. Nothing is stored for a closed gate, so one about age carries the
patient's next birthday as the day to judge it again (time alone may open it). Missing data never closes one: no birth date leaves age
unknown, a sex other than male or female opens sex gates, and a record with no diagnosis at
all opens diagnosis gates.

The index is inverted: gates are grouped by their line (``expr``), each distinct line is judged
once per patient, and only the trials of closed lines are touched, so the cost grows with the
distinct gate lines (a few hundred), not with the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .assemble import Memo, evaluate_criterion
from .concepts import CANCER_FAMILIES, CONCEPTS, Kind, ancestors
from .criteria import (
    All,
    Any_,
    Criterion,
    CriterionType,
    Expr,
    NoRequirement,
    Not,
    Op,
    Predicate,
    Review,
    TrialCriteria,
)
from .facts import PatientFacts
from .outcome import CriterionOutcome, Outcome
from .semantics import predicate_outcome, supported
from .snapshot import Snapshot, snapshot

# The diagnoses a trial is for. A leukemia patient meets few of a registry's cancer trials, and
# a line such as "histologically confirmed NSCLC" is decided by the same absent-means-absent rule
# whether it gates or is evaluated: bench/e2e.py --trials 10000 (30% other cancers) found ~8,000
# of 10,000 trials candidates for every leukemia patient while only acute leukemia gated.
# Umbrella concepts ("malignancy", "another malignancy"), metastases and acute infections stay out
# (``concepts.CANCER_FAMILIES``, which the readings of a diagnosis line share); the blood cancers'
# family ("hematologic malignancy") gates, every kind of it on record deriving it.

# The conditions non-cancer trials are for (about two thirds of a registry: bench/e2e.py --trials
# 10000 kept all ~6,500 of them candidates for every patient while only cancers gated). Each is
# coded by a reviewed ICD-10-CM set (matcher/intake/codes.toml, every subtype included), so
# "Diagnosis of type 2 diabetes" is decided by the record exactly as "histologically confirmed
# NSCLC" is. A kind of one of them gates with it (type 2 diabetes is diabetes, Alzheimer's disease
# is dementia). Chronic viral infections (HIV, hepatitis B and C) are what many trials are for
# too; the same absent-means-absent rule decides their line whether it gates or is evaluated.
CONDITION_FAMILIES = frozenset({
    "diabetes", "hypertension", "heart_failure", "coronary_artery_disease", "myocardial_infarction", "atrial_fibrillation",
    "stroke", "asthma", "copd", "depression", "bipolar_disorder", "schizophrenia", "rheumatoid_arthritis", "psoriasis",
    "sle", "multiple_sclerosis", "inflammatory_bowel_disease", "chronic_kidney_disease", "obesity", "dementia",
    "parkinson_disease", "seizure_disorder", "osteoporosis", "sickle_cell_disease", "bph", "pcos",
    "autism_spectrum_disorder", "migraine", "hiv", "hbv", "hcv",
})

DIAGNOSIS_FAMILIES = CANCER_FAMILIES | CONDITION_FAMILIES


def _in_family(concept_id: str) -> bool:
    spec = CONCEPTS.get(concept_id)
    return spec is not None and spec.kind is Kind.EVENT and (
        concept_id in DIAGNOSIS_FAMILIES or not DIAGNOSIS_FAMILIES.isdisjoint(ancestors(concept_id))
    )


def _gate_kind(pred: Predicate) -> str | None:
    """``age``, ``sex`` or ``diagnosis`` for a predicate a gate may hold, else None.

    A diagnosis asked within a window ("acute ischaemic stroke within 24 hours of onset") may
    gate: time only moves a record's events further back, so a line not met today stays not met
    until the record changes, and a change re-judges every gate. "None within N" (``NOT_WITHIN``)
    may open with time alone and never gates."""
    if pred.op is Op.WITHIN and pred.window is not None and pred.value is None and not pred.uln and supported(pred) and _in_family(pred.concept):
        return "diagnosis"
    if not supported(pred) or pred.window is not None or pred.uln:
        return None
    if pred.op is not Op.IN and pred.value is not None and pred.concept in CONCEPTS and CONCEPTS[pred.concept].kind is Kind.EVENT:
        return None  # an event with kinds of it excepted (derive.excepted) is no diagnosis present
    if pred.concept == "age" and pred.op not in (Op.IN, Op.IS):
        return "age"
    if pred.concept == "sex":
        return "sex"
    if pred.op is Op.IN and isinstance(pred.value, tuple) and pred.value and all(_in_family(v) for v in pred.value):
        return "diagnosis"
    if pred.op is Op.PRESENT and _in_family(pred.concept):
        return "diagnosis"
    return None


def _kinds(expr: Expr, positive: bool = True) -> set[str] | None:
    """The gate kinds a line's expression asks about; None when any part may not gate.

    A review that is another requirement of an ``All`` ("type 2 diabetes and review(for at least
    6 months)") does not stop the line gating: a failed requirement fails the ``All`` whatever
    the review holds (Kleene logic), and the gate is judged on the whole line, so it closes
    exactly when the evaluators answer not met. A review anywhere else (an alternative; a
    requirement under a negation, where it can only keep the line from failing) makes the line
    one that can never close, so it is not indexed. ``positive``: not under an odd number of
    negations."""
    if isinstance(expr, Predicate):
        kind = _gate_kind(expr)
        return None if kind is None else {kind}
    if isinstance(expr, Review | NoRequirement):
        return None
    parts = (expr.part,) if isinstance(expr, Not) else expr.parts if isinstance(expr, All | Any_) else ()
    if isinstance(expr, All if positive else Any_):  # under a negation an Any_ fails when any part holds
        # a part that never fails (no requirement) cannot close the line either
        parts = tuple(p for p in parts if not isinstance(p, Review | NoRequirement))
    if not parts:
        return None
    found: set[str] = set()
    for part in parts:
        kinds = _kinds(part, positive != isinstance(expr, Not))
        if kinds is None:
            return None
        found |= kinds
    return found


def _projected(expr: Expr, positive: bool = True) -> Expr | None:
    """The part of a line a gate may judge: an expression of diagnosis, age and sex alone that
    is not met only where the line is not met (``positive``; under an odd number of negations,
    met only where the line is met), or None where no such part exists.

    A requirement the gate cannot judge is dropped from an ``All`` (any other requirement not
    met still fails it: Kleene logic, as ``assemble`` combines it) and from an ``Any_`` under a
    negation (any other alternative met still meets it); an alternative it cannot judge, or a
    requirement under a negation, leaves nothing (that part alone may decide the line). So
    "follicular lymphoma, or Hodgkin lymphoma after two prior lines" gates on the two lymphomas:
    bench/e2e.py --trials 10000 kept ~1,080 of its 3,000 other-cancer trials candidates for every
    leukemia patient while only the requirements of a line's top ``All`` were judged alone."""
    if isinstance(expr, Predicate):
        return expr if _gate_kind(expr) is not None else None
    if isinstance(expr, Not):
        inner = _projected(expr.part, not positive)
        return None if inner is None else Not(inner)
    if not isinstance(expr, All | Any_):
        return None  # a review, or no requirement: never fails, never holds
    parts = [_projected(p, positive) for p in expr.parts]
    if isinstance(expr, All if positive else Any_):
        kept = [p for p in parts if p is not None]
    elif any(p is None for p in parts):
        return None
    else:
        kept = [p for p in parts if p is not None]
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    joined = All(tuple(kept)) if isinstance(expr, All) else Any_(tuple(kept))
    return _flattened(joined)


def _flattened(expr: All | Any_) -> Expr:
    """An ``All`` of ``All`` parts as one (likewise ``Any_``): the same judgement, and one key
    for the index however the parser nested the line."""
    kind = type(expr)
    parts: list[Expr] = []
    for p in expr.parts:
        parts.extend(p.parts if isinstance(p, kind) else (p,))
    return kind(tuple(parts))


def _gate_kinds(expr: Expr) -> set[str]:
    if isinstance(expr, Predicate):
        kind = _gate_kind(expr)
        return set() if kind is None else {kind}
    parts = (expr.part,) if isinstance(expr, Not) else expr.parts if isinstance(expr, All | Any_) else ()
    return {k for p in parts for k in _gate_kinds(p)}


@dataclass(frozen=True)
class Gate:
    """``criterion``: the trial's line; ``judged``: what the gate asks of it, the line itself
    when all of it may gate, else an inclusion holding only the requirements of the line that
    may ("heart failure and NYHA class II to IV" gates on the heart failure alone)."""

    index: int  # the line's 0-based position in its criteria version
    criterion: Criterion
    kinds: frozenset[str]
    judged: Criterion


def _gate(index: int, c: Criterion) -> Gate | None:
    kinds = _kinds(c.expr)
    if kinds:
        return Gate(index, c, frozenset(kinds), c)
    # Registry-sized catalogues (issue 18, bench/e2e.py --trials 10000): a line asking the
    # trial's disease beside a measurement ("chronic heart failure with NYHA class II to IV",
    # "HER2-positive breast cancer with measurable disease", "AML and ECOG <= 2") kept ~800 of
    # 10,000 trials candidates for every leukemia patient. Its diagnosis, age and sex are
    # judged alone (``_projected``): not met, they fail the line whatever the rest holds.
    expr = _projected(c.expr)
    if expr is None:
        return None
    return Gate(index, c, frozenset(_gate_kinds(expr)), Criterion(CriterionType.INCLUSION, c.text, expr))


def gates_of(trial: TrialCriteria) -> tuple[Gate, ...]:
    found = []
    for index, c in enumerate(trial.criteria):
        if c.type is not CriterionType.INCLUSION or c.parent is not None or c.applies_if is not None:
            continue
        gate = _gate(index, c)
        if gate is not None:
            found.append(gate)
    return tuple(found)


class Closed:
    """Why a trial is not a candidate: the gate line that is not met (``gate``: its outcome at
    the trial's line, with its reason) and the first day time alone may open it (``changes_on``).

    ``gate`` is made when read, from the gate line and its judgement (``judged``, which the
    trials sharing the line share). Measured (in-process, bench/e2e.py --trials 10000's
    catalogue, 12 example patients, machine under load): a new patient's job closes ~8,100 of
    10,000 trials and reads only their change days; making each one's outcome there took the
    gate check from 44 to 85 ms a patient. Equal when trial, version and ``gate`` are, however
    each was made (``tests/rules_engine/test_trial_plan.py`` compares the two ways)."""

    __slots__ = ("_gate", "changes_on", "judged", "line", "trial_id", "version")

    def __init__(self, trial_id: str, version: int, line: Gate, judged: CriterionOutcome, changes_on: date | None) -> None:
        self.trial_id = trial_id
        self.version = version
        self.line = line
        self.judged = judged
        self.changes_on = changes_on
        self._gate: CriterionOutcome | None = None

    @property
    def gate(self) -> CriterionOutcome:
        if self._gate is None:
            j = self.judged
            self._gate = CriterionOutcome(
                self.line.index, j.type, self.line.criterion.text, j.outcome, j.review, j.reason, j.concepts, self.changes_on
            )
        return self._gate

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Closed):
            return NotImplemented
        return (self.trial_id, self.version, self.gate) == (other.trial_id, other.version, other.gate)

    __hash__ = None  # type: ignore[assignment]  # mutable cache inside; never a key

    def __repr__(self) -> str:
        return f"Closed({self.trial_id!r}, {self.version!r}, {self.gate!r})"


def _open_kinds(facts: PatientFacts) -> frozenset[str]:
    """Gate kinds this patient's record lacks the data for: they stay open."""
    missing = set()
    if facts.birth_date is None:
        missing.add("age")
    if facts.sex not in ("male", "female"):
        missing.add("sex")
    if not any(facts.events.values()):
        missing.add("diagnosis")
    return frozenset(missing)


def judge_gates(trial: TrialCriteria, facts: PatientFacts, as_of: date) -> Closed | None:
    """The first closed gate of one trial (for one trial asked by NCT id), or None."""
    return GateIndex([trial]).closed(facts, as_of).get(trial.trial_id)


class GateIndex:
    """Trials by their gate lines. Replacing a trial (a new criteria version) drops its old
    gates; a trial without gates is always a candidate."""

    def __init__(self, trials: Iterable[TrialCriteria] = ()) -> None:
        self._by_line: dict[tuple[Expr, frozenset[str]], dict[str, tuple[int, Gate]]] = {}
        self._lines_of: dict[str, list[tuple[Expr, frozenset[str]]]] = {}
        self.add(trials)

    def add(self, trials: Iterable[TrialCriteria]) -> None:
        for trial in trials:
            self.remove(trial.trial_id)
            keys = []
            for gate in gates_of(trial):
                key = (gate.judged.expr, gate.kinds)
                self._by_line.setdefault(key, {})[trial.trial_id] = (trial.version, gate)
                keys.append(key)
            self._lines_of[trial.trial_id] = keys

    def remove(self, trial_id: str) -> None:
        for key in self._lines_of.pop(trial_id, ()):
            held = self._by_line.get(key)
            if held is not None:
                held.pop(trial_id, None)
                if not held:
                    del self._by_line[key]

    @property
    def lines(self) -> int:
        return len(self._by_line)

    def closed(
        self,
        facts: PatientFacts,
        as_of: date,
        trial_ids: Iterable[str] | None = None,
        snap: Snapshot | None = None,
        memo: Memo | None = None,
    ) -> dict[str, Closed]:
        """The trials (of ``trial_ids``, or all) whose gate this patient cannot meet, each with
        the first such gate in line order.

        ``snap``: the caller's snapshot of ``facts`` on ``as_of``, whatever measurements it
        normalised (gates read age, sex and diagnoses, which every snapshot holds), so a trial's
        re-match normalises each patient once for the gate and the evaluation; ``memo``, the
        evaluation's memo for that snapshot, so the gate lines are judged once too. Named trials
        look only at their own lines, not at every distinct line of the catalogue."""
        wanted = None if trial_ids is None else set(trial_ids)
        unknown = _open_kinds(facts)
        if snap is None:
            snap = snapshot(facts, as_of, frozenset())
        assert snap.as_of == as_of, "a snapshot of another day would judge ages wrongly"
        if memo is None:
            memo = Memo()
        found: dict[str, Closed] = {}
        if wanted is None or wanted.issuperset(self._lines_of):
            # every indexed trial asked (a new patient's job): the index itself, as it is;
            # gathering its ~2,000 keys trial by trial was ~80% of this call at 1,000 trials
            lines = self._by_line
        else:
            lines = {key: self._by_line[key] for t in wanted for key in self._lines_of.get(t, ())}
        for (_expr, kinds), trials in lines.items():
            if kinds & unknown:
                continue
            judged: CriterionOutcome | None = None
            when: date | None = None
            for trial_id, (version, gate) in trials.items():
                if wanted is not None and trial_id not in wanted:
                    continue
                if judged is None:
                    judged = evaluate_criterion(gate.index, gate.judged, snap, lambda p: predicate_outcome(p, snap), memo)
                    if judged.outcome is not Outcome.NOT_MET:
                        break
                    when = judged.changes_on or (snap.next_birthday() if "age" in kinds else None)
                earlier = found.get(trial_id)
                if earlier is None or gate.index < earlier.line.index:
                    found[trial_id] = Closed(trial_id, version, gate, judged, when)
        return found
