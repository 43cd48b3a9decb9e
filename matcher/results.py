"""Storing verdicts as the current result of each (patient, trial), and recording what changed.

Both paths that evaluate write through here: a patient's match job (every open trial for one
patient) and a trial's re-match (one trial for a chunk of patients). One row per (patient,
trial) is kept and rewritten only when its verdict's digest changes, so a re-evaluation that
changes nothing writes nothing, a coordinator's review of the row survives, and every real
change leaves a ``MatchChange`` saying why (patient data, criteria version, trial status or
time) for the changes endpoint, the queue and the webhooks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from django.db import connection
from django.db.models import Min
from django.utils import timezone

from matcher import webhooks
from matcher.bulk import copy_field, copy_text, insert_models
from matcher.models import CriterionOverride, CriterionResult, MatchChange, MatchEvent, MatchResult, Patient
from matcher.planner import index_reads
from matcher.version_lines import Line, version_lines
from rules_engine.assemble import verdict
from rules_engine.facts import PatientFacts
from rules_engine.outcome import ELIGIBILITY_RANK, CriterionOutcome, Eligibility, Outcome, TrialOutcome

Cause = MatchChange.Cause


@dataclass(frozen=True)
class TrialRef:
    """What storing needs of a trial: its row, and the criteria version that was evaluated."""

    pk: int
    nct_id: str
    version_pk: int
    version: int


@dataclass(frozen=True)
class PatientEvaluation:
    """One patient's outcomes from one evaluation run."""

    patient_id: object
    client_id: int
    facts: PatientFacts
    facts_digest: str
    outcomes: Sequence[TrialOutcome]


@dataclass
class StoreSummary:
    written: int = 0
    unchanged: int = 0
    gone: int = 0
    changes: list[MatchChange] = field(default_factory=list)


def digest_of(data: object) -> str:
    return hashlib.md5(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def facts_digest(facts_json: dict) -> str:
    return digest_of(facts_json)


def _verdict_digest(outcome: TrialOutcome, version_pk: int, overrides: dict[int, CriterionOverride]) -> str:
    """A job digests 1,000 trials' ~28,000 criterion outcomes: joined with NUL, which no stored
    text can hold (PostgreSQL refuses it, intake rejects it), they take 14 ms, as JSON 29 ms."""
    marks = sorted((i, o.pk) for i, o in overrides.items())
    head = repr((version_pk, str(outcome.eligibility), outcome.score, outcome.error or "", outcome.changes_on, marks))
    parts = [head]
    for c in outcome.criteria:
        parts += (c.outcome, "1" if c.review else "0", c.reason)
    return hashlib.md5("\0".join(parts).encode()).hexdigest()


# --- overrides ------------------------------------------------------------------------------


def _lapsed(override: CriterionOverride, facts: PatientFacts) -> bool:
    """Newer data for one of the criterion's concepts ends a person's override of it."""
    since = override.created.date()
    for concept in override.concepts:
        dated = [m.date for m in facts.measurements.get(concept, ())] + [e.date for e in facts.events.get(concept, ())]
        if any(d is not None and d > since for d in dated):
            return True
    return False


def apply_overrides(
    outcome: TrialOutcome, overrides: dict[int, CriterionOverride], parents: Sequence[int | None]
) -> TrialOutcome:
    """The outcome with each overridden criterion set as the coordinator said, the reason
    saying so, and eligibility and score decided again from the top-level criteria."""
    if not overrides:
        return outcome
    return decided(outcome, _overridden(outcome.criteria, overrides), parents)


def _overridden(criteria: Sequence[CriterionOutcome], overrides: dict[int, CriterionOverride]) -> tuple[CriterionOutcome, ...]:
    found = list(criteria)
    for index, o in overrides.items():
        if index >= len(found):
            continue
        c = found[index]
        who = o.author.get_username() if o.author_id and o.author else "a coordinator"
        found[index] = replace(
            c,
            outcome=Outcome(o.outcome),
            review=False,
            reason=f"overridden by {who} (v{o.version}): {o.outcome.replace('_', ' ')}: {o.note} [engine: {c.outcome}: {c.reason}]",
        )
    return tuple(found)


def decided(outcome: TrialOutcome, criteria: tuple[CriterionOutcome, ...], parents: Sequence[int | None]) -> TrialOutcome:
    eligible, points = verdict(criteria, parents)
    return replace(outcome, criteria=criteria, eligibility=eligible, score=points)


def _active_overrides(result_ids: Iterable[int]) -> dict[int, list[CriterionOverride]]:
    found: dict[int, list[CriterionOverride]] = {}
    rows = CriterionOverride.objects.filter(result_id__in=list(result_ids), active=True).select_related("author")
    for o in rows:
        found.setdefault(o.result_id, []).append(o)
    return found


# --- storing --------------------------------------------------------------------------------


def store_evaluations(
    evaluations: Sequence[PatientEvaluation],
    trials: dict[str, TrialRef],
    evaluated_at: date,
    *,
    job_id: object = None,
    trial_change: object = None,
    close_others: bool = False,
) -> StoreSummary:
    """Write what changed, in the caller's transaction.

    ``close_others`` (a full patient job): a patient's active result for a trial that was not
    evaluated (it left the open statuses) is marked gone. ``trial_change`` names the trial
    change being processed, which is then the cause of what appears or changes.
    """
    summary = StoreSummary()
    patient_ids = [e.patient_id for e in evaluations]
    trial_pks = {t.pk for t in trials.values()}
    existing_q = MatchResult.objects.filter(patient_id__in=patient_ids)
    if not close_others:
        existing_q = existing_q.filter(trial_id__in=trial_pks)
    existing = {
        (r["patient_id"], r["trial_id"]): r
        for r in existing_q.values(
            "id", "patient_id", "trial_id", "digest", "eligibility", "state", "criteria_version_id", "facts_digest"
        )
    }
    overrides = _active_overrides(r["id"] for r in existing.values())
    lines = version_lines(t.version_pk for t in trials.values())
    parents = {pk: [line.parent for line in rows] for pk, rows in lines.items()}
    now = timezone.now()

    # (row, outcome as shown, overrides by criterion index, outcome as the engine said)
    new_rows: list[tuple[MatchResult, TrialOutcome, dict[int, CriterionOverride], TrialOutcome]] = []
    updated: list[tuple[MatchResult, TrialOutcome, dict[int, CriterionOverride], TrialOutcome]] = []
    lapsed: list[CriterionOverride] = []
    for ev in evaluations:
        seen: set[int] = set()
        for outcome in ev.outcomes:
            trial = trials[outcome.trial_id]
            seen.add(trial.pk)
            old = existing.get((ev.patient_id, trial.pk))
            by_index = _overrides_by_index(overrides.get(old["id"], []) if old else [], outcome, ev.facts, lapsed)
            effective = apply_overrides(outcome, by_index, parents.get(trial.version_pk, []))
            digest = _verdict_digest(effective, trial.version_pk, by_index)
            if old and old["digest"] == digest and old["state"] == MatchResult.State.ACTIVE:
                summary.unchanged += 1
                continue
            row = MatchResult(
                patient_id=ev.patient_id,
                client_id=ev.client_id,
                trial_id=trial.pk,
                job_id=job_id,
                criteria_version_id=trial.version_pk,
                eligibility=str(effective.eligibility),
                eligibility_rank=ELIGIBILITY_RANK[effective.eligibility],
                score=round(effective.score, 4),
                unknown_count=sum(1 for c in effective.criteria if c.outcome is Outcome.UNKNOWN),
                changes_on=effective.changes_on,
                error=effective.error or "",
                evaluated_at=evaluated_at,
                digest=digest,
                facts_digest=ev.facts_digest,
                state=MatchResult.State.ACTIVE,
                gone_reason="",
                last_changed=now,
            )
            if old is None:
                new_rows.append((row, effective, by_index, outcome))
                summary.changes.append(_change(row, MatchChange.Kind.APPEARED, "", _appeared_cause(trial_change), job_id, trial_change))
            else:
                row.pk = old["id"]
                updated.append((row, effective, by_index, outcome))
                if old["state"] != MatchResult.State.ACTIVE:
                    summary.changes.append(
                        _change(row, MatchChange.Kind.APPEARED, "", _appeared_cause(trial_change), job_id, trial_change)
                    )
                elif old["eligibility"] != row.eligibility:
                    cause = _changed_cause(old, row, trial_change)
                    summary.changes.append(_change(row, MatchChange.Kind.CHANGED, old["eligibility"], cause, job_id, trial_change))
        if close_others:
            for (pid, trial_pk), old in existing.items():
                if pid == ev.patient_id and trial_pk not in seen and old["state"] == MatchResult.State.ACTIVE:
                    summary.gone += _mark_gone([old], "the trial is no longer open to matching", job_id, None, summary)

    if lapsed:
        _end_lapsed(lapsed)
    _write(new_rows, updated, lines)
    summary.written = len(new_rows) + len(updated)
    insert_models(MatchChange, summary.changes)
    webhooks.record_deliveries(summary.changes)
    schedule_time_rematch(patient_ids)
    return summary


def _overrides_by_index(
    found: list[CriterionOverride], outcome: TrialOutcome, facts: PatientFacts, lapsed: list[CriterionOverride]
) -> dict[int, CriterionOverride]:
    if not found:
        return {}
    index_of = {(c.type, c.text): c.index for c in outcome.criteria}
    by_index: dict[int, CriterionOverride] = {}
    for o in found:
        index = index_of.get((o.criterion_type, o.criterion_text))
        if index is None:
            continue  # the line left the criteria; the override waits in case it returns
        if _lapsed(o, facts):
            lapsed.append(o)
            continue
        by_index[index] = o
    return by_index


def _end_lapsed(lapsed: list[CriterionOverride]) -> None:
    """Newer data ended these overrides: say so where the coordinator reads the history."""
    reason = "the patient's record brought newer data for this criterion"
    CriterionOverride.objects.filter(pk__in=[o.pk for o in lapsed]).update(active=False, ended_reason=reason)
    MatchEvent.objects.bulk_create(
        MatchEvent(
            result_id=o.result_id, actor=None, kind=MatchEvent.Kind.OVERRIDE,
            old_value=f"{o.outcome} (v{o.version})", new_value="override ended", text=reason,
        )
        for o in lapsed
    )


def _appeared_cause(trial_change: object) -> str:
    if trial_change is None:
        return Cause.PATIENT_DATA
    return Cause.CRITERIA_VERSION if trial_change.kind == "criteria" else Cause.TRIAL_STATUS


def _changed_cause(old: dict, row: MatchResult, trial_change: object) -> str:
    if old["criteria_version_id"] != row.criteria_version_id:
        return Cause.CRITERIA_VERSION
    if old["facts_digest"] != row.facts_digest:
        return Cause.PATIENT_DATA
    if trial_change is not None and trial_change.kind == "status":
        return Cause.TRIAL_STATUS
    return Cause.TIME


def _change(row: MatchResult, kind: str, old: str, cause: str, job_id: object, trial_change: object) -> MatchChange:
    return MatchChange(
        patient_id=row.patient_id,
        result=row,
        trial_id=row.trial_id,
        kind=kind,
        cause=cause,
        old_eligibility=old,
        new_eligibility=row.eligibility if kind != MatchChange.Kind.DISAPPEARED else "",
        job_id=job_id,
        trial_change=trial_change,
    )


def _write(new_rows: list, updated: list, lines: dict[int, tuple[Line, ...]]) -> None:
    if new_rows:
        insert_models(MatchResult, [pair[0] for pair in new_rows])
    if updated:
        MatchResult.objects.bulk_update(
            [pair[0] for pair in updated],
            [
                "job", "criteria_version", "eligibility", "eligibility_rank", "score", "unknown_count", "changes_on",
                "error", "evaluated_at", "digest", "facts_digest", "state", "gone_reason", "last_changed",
            ],
            batch_size=500,
        )
        with index_reads():
            CriterionResult.objects.filter(result_id__in=[pair[0].pk for pair in updated]).delete()
    pairs = new_rows + updated
    if pairs:
        insert_criterion_rows(_criterion_rows(pairs, lines))


def _criterion_rows(pairs: list, lines: dict[int, tuple[Line, ...]]) -> list[tuple[int, int, int, tuple]]:
    """(result, criterion, position, the rest of the row) for every line of every result:
    ~28,000 rows for a new patient at 1,000 trials. Outcomes are str enums and go as they are."""
    rows = []
    for row, effective, by_index, engine in pairs:
        version = lines[row.criteria_version_id]
        for c, e in zip(effective.criteria, engine.criteria):
            o = by_index.get(c.index) if by_index else None
            rest = (
                c.outcome, c.review, c.reason, _concepts_json(c.concepts), e.outcome,
                e.reason if o else "", e.review if o else False, o.pk if o else None,
            )
            rows.append((row.pk, version[c.index].pk, c.index, rest))
    return rows


@lru_cache(maxsize=4096)
def _concepts_json(concepts: tuple[str, ...]) -> str:
    return json.dumps(list(concepts))  # a few hundred distinct tuples, written ~28,000 times a job


_COLUMNS = (
    "result_id", "criterion_id", "position", "outcome", "review", "reason", "concepts", "engine_outcome",
    "engine_reason", "engine_review", "override_id",
)


def insert_criterion_rows(rows: list[tuple[int, int, int, tuple]]) -> None:
    """COPY on PostgreSQL. A job's ~28,000 rows hold only a few hundred distinct rests (the
    same line in many trials, judged alike), so each distinct rest is encoded once."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        encoded: dict[tuple, str] = {}

        def lines() -> Iterator[str]:
            for result, criterion, position, rest in rows:
                text = encoded.get(rest)
                if text is None:
                    text = encoded[rest] = "\t".join(map(copy_field, rest))
                yield f"{result}\t{criterion}\t{position}\t{text}\n"

        copy_text(CriterionResult._meta.db_table, _COLUMNS, lines())
        return
    CriterionResult.objects.bulk_create(
        [
            CriterionResult(**dict(zip(_COLUMNS, (result, criterion, position, *rest[:3], json.loads(rest[3]), *rest[4:]))))
            for result, criterion, position, rest in rows
        ],
        batch_size=2000,
    )


def _mark_gone(rows: list[dict], reason: str, job_id: object, trial_change: object, summary: StoreSummary) -> int:
    ids = [r["id"] for r in rows]
    count = MatchResult.objects.filter(pk__in=ids, state=MatchResult.State.ACTIVE).update(
        state=MatchResult.State.GONE, gone_reason=reason[:200], last_changed=timezone.now()
    )
    for r in rows:
        summary.changes.append(
            MatchChange(
                patient_id=r["patient_id"],
                result_id=r["id"],
                trial_id=r["trial_id"],
                kind=MatchChange.Kind.DISAPPEARED,
                cause=Cause.TRIAL_STATUS,
                old_eligibility=r["eligibility"],
                detail=reason[:300],
                job_id=job_id,
                trial_change=trial_change,
            )
        )
    return count


def close_trial_results(trial_pk: int, reason: str, trial_change: object) -> int:
    """A trial that left the open statuses: every active result of it is gone, with the reason,
    in one statement per batch rather than one evaluation per patient."""
    summary = StoreSummary()
    total = 0
    while True:
        batch = list(
            MatchResult.objects.filter(trial_id=trial_pk, state=MatchResult.State.ACTIVE).values(
                "id", "patient_id", "trial_id", "eligibility"
            )[:5000]
        )
        if not batch:
            break
        total += _mark_gone(batch, reason, None, trial_change, summary)
        insert_models(MatchChange, summary.changes)
        webhooks.record_deliveries(summary.changes)
        summary.changes = []
    return total


def schedule_time_rematch(patient_ids: Sequence[object]) -> None:
    """Each patient's next re-match is the earliest day time alone changes an active verdict.

    Reads only results that time can change (a partial index holds just those): a trial's
    re-match chunk would otherwise read every result of its 1,000 patients, a million rows
    at 1,000 open trials, to find a handful of dates."""
    earliest = dict(
        MatchResult.objects.filter(patient_id__in=patient_ids, state=MatchResult.State.ACTIVE, changes_on__isnull=False)
        .values("patient_id")
        .annotate(day=Min("changes_on"))
        .values_list("patient_id", "day")
    )
    by_day: dict[date | None, list[object]] = {}
    for pid in patient_ids:
        by_day.setdefault(earliest.get(pid), []).append(pid)
    for day, pids in by_day.items():
        Patient.objects.filter(pk__in=pids).exclude(rematch_on=day).update(rematch_on=day)


def recompute_result(result: MatchResult) -> MatchChange | None:
    """After a person added or lifted an override: the result's criteria outcomes and its
    eligibility reflect it at once, without waiting for a re-match."""
    rows = list(result.criteria.select_related("criterion").order_by("position"))
    active = CriterionOverride.objects.filter(result=result, active=True).select_related("author").order_by("created")
    by_text = {(o.criterion_type, o.criterion_text): o for o in active}  # the newest of a line wins
    engine = tuple(
        CriterionOutcome(
            r.position, r.criterion.type, r.criterion.text, Outcome(r.engine_outcome or r.outcome),
            r.engine_review if r.override_id else r.review, _engine_reason(r), tuple(r.concepts),
        )
        for r in rows
    )
    by_index = {c.index: by_text[(c.type, c.text)] for c in engine if (c.type, c.text) in by_text}
    placeholder = TrialOutcome(str(result.trial_id), 0, Eligibility(result.eligibility), result.score, engine)
    effective = decided(placeholder, _overridden(engine, by_index), [r.criterion.parent_position for r in rows])
    for r, e, c in zip(rows, engine, effective.criteria):
        o = by_index.get(r.position)
        r.outcome, r.reason, r.review, r.override_id = str(c.outcome), c.reason, c.review, (o.pk if o else None)
        r.engine_outcome = str(e.outcome)
        r.engine_reason, r.engine_review = (e.reason, e.review) if o else ("", False)
    CriterionResult.objects.bulk_update(
        rows, ["outcome", "reason", "review", "override", "engine_outcome", "engine_reason", "engine_review"]
    )
    old = result.eligibility
    result.eligibility = str(effective.eligibility)
    result.eligibility_rank = ELIGIBILITY_RANK[effective.eligibility]
    result.score = round(effective.score, 4)
    result.unknown_count = sum(1 for c in effective.criteria if c.outcome is Outcome.UNKNOWN)
    # Not the digest of any engine verdict: the next re-match rewrites the row, re-applying
    # whichever overrides are then active.
    result.digest = "override:" + digest_of(sorted(o.pk for o in by_index.values()))[:23]
    result.last_changed = timezone.now()
    result.save(update_fields=["eligibility", "eligibility_rank", "score", "unknown_count", "digest", "last_changed"])
    if old == result.eligibility:
        return None
    change = MatchChange.objects.create(
        patient_id=result.patient_id, result=result, trial_id=result.trial_id, kind=MatchChange.Kind.CHANGED,
        cause=Cause.OVERRIDE, old_eligibility=old, new_eligibility=result.eligibility,
    )
    webhooks.record_deliveries([change])
    return change


def _engine_reason(row: CriterionResult) -> str:
    return row.engine_reason if row.override_id else row.reason
