"""Storing verdicts as the current result of each (patient, trial), and saying what changed.

Both paths that evaluate write through here: a patient's match job (every open trial for one
patient) and a trial's re-match (one trial for a chunk of patients). One row per (patient,
trial) is kept and rewritten only when its verdict's digest changes, so a re-evaluation that
changes nothing writes nothing, a coordinator's review of the row survives, and every real
change leaves a ``MatchChange`` saying why (patient data, criteria version, trial status or
time) for the changes endpoint, the queue and the webhooks, except the one a row says itself:
a result's first appearance in a patient's job (``first_job``, ``matcher.results.history``).
The changes are returned unsaved: the caller records them and their webhook deliveries in the
same transaction (``matcher.matching.changes.record_changes``), so storing never announces
anything itself.

A row holds the verdict, not its prose: each line's engine outcome and review flag as one
character (``matcher.results.compact``) and the patient facts version judged, from which the
reasons are rendered on read (``matcher.results.render``). An unchanged verdict judged on a
newer facts version moves onto it, and versions no result pins any more are deleted
(``matcher.results.facts_versions``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Min
from django.utils import timezone

from matcher.db.arrays import AnyOf
from matcher.db.bulk import insert_models, spread_order, unsaved, update_models
from matcher.models import (
    CriterionOverride,
    MatchChange,
    MatchResult,
    Patient,
)
from matcher.results import compact, facts_versions
from matcher.results.causes import Cause, appeared_cause, change_row, changed_cause
from matcher.results.digests import same_verdict, verdict_digest
from matcher.results.lines import version_lines
from matcher.results.overrides import (
    active_overrides,
    apply_overrides,
    end_lapsed,
    overrides_by_index,
)
from rules_engine.facts import PatientFacts
from rules_engine.outcome import ELIGIBILITY_RANK, Outcome, TrialOutcome
from trials.models import Trial, TrialChange
from trials.records import OPEN_STATUSES


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

    patient_id: uuid.UUID
    client_id: int
    facts: PatientFacts
    facts_version_pk: int | None  # the PatientFactsVersion of ``facts``: results pin it
    outcomes: Sequence[TrialOutcome]


@dataclass
class StoreSummary:
    """What a store wrote, and the changes it made, unsaved, for the caller to record.

    ``changes`` holds every change in the order it happened (webhooks are told of each);
    ``implied`` those of them that are not stored, as their result's row says them (a result's
    first appearance in a patient's job: ``matcher.results.history``). An implied appearance no
    webhook event follows (the caller's ``announced``, e.g. ``matcher.webhooks.delivery.notifies``:
    one not eligible) is in neither: nothing would read it, and building one per new result (~850 a new patient at
    1,000 trials) was ~15 ms of a job's CPU."""

    written: int = 0
    changes: list[MatchChange] = field(default_factory=list)
    implied: list[MatchChange] = field(default_factory=list)


def store_evaluations(
    evaluations: Sequence[PatientEvaluation],
    trials: dict[str, TrialRef],
    evaluated_at: date,
    *,
    job_id: uuid.UUID | None = None,
    trial_change: TrialChange | None = None,
    close_others: bool = False,
    appeared_because: str | None = None,
    closed_trials: frozenset[int] | None = None,
    announced: Callable[[str, str], bool] | None = None,
) -> StoreSummary:
    """Write what changed, in the caller's transaction; returns the changes unsaved.

    ``close_others`` (a full patient job): a patient's active result for a trial that was not
    evaluated (it left the open statuses) is marked gone; when ``closed_trials`` is given,
    only for those trials (the caller checked them closed under a share lock: a trial that
    reopened since the evaluation keeps the result its re-match wrote). ``trial_change`` names
    the trial change being processed, which is then the cause of what appears or changes.
    ``announced(kind, eligibility)``: whether the caller announces such a change (its webhooks);
    an implied appearance it would not announce is not built. None: every one is.
    """
    summary = StoreSummary()
    # A patient's job stores its new results' appearances in the rows themselves (``first_job``);
    # a re-match's or time's appearance names a trial change or a cause the row cannot hold.
    first_job_id = job_id if implied_appearance(job_id, trial_change, appeared_because) else None
    patient_ids = [e.patient_id for e in evaluations]
    trial_pks = {t.pk for t in trials.values()}
    existing_q = MatchResult.objects.filter(AnyOf("patient_id", patient_ids))
    if not close_others:
        existing_q = existing_q.filter(trial_id__in=trial_pks)
    existing = {
        (r["patient_id"], r["trial_id"]): r
        for r in existing_q.values(
            "id", "patient_id", "trial_id", "digest", "eligibility", "state", "criteria_version_id", "facts_version_id"
        )
    }
    overrides = active_overrides(r["id"] for r in existing.values())
    # a line's parent matters only to an override's re-decided verdict: read for those alone
    lines = version_lines(t.version_pk for t in trials.values()) if overrides else {}
    now = timezone.now()

    told: dict[str, bool] = {}

    def announces(eligibility: str) -> bool:
        """``announced(APPEARED, eligibility)``, asked once per eligibility of this store (a new
        patient's ~690 results take three)."""
        found = told.get(eligibility)
        if found is None:
            assert announced is not None
            found = told[eligibility] = announced(_APPEARED, eligibility)
        return found

    new_rows: list[MatchResult] = []
    updated: list[MatchResult] = []
    lapsed: list[CriterionOverride] = []
    # unchanged verdicts judged on a newer facts version: (version, date) -> result ids
    repinned: dict[tuple[int, date], list[int]] = {}
    for ev in evaluations:
        seen: set[int] = set()
        for outcome in ev.outcomes:
            trial = trials[outcome.trial_id]
            seen.add(trial.pk)
            old = existing.get((ev.patient_id, trial.pk))
            by_index = overrides_by_index(overrides.get(old["id"], []) if old else [], outcome, ev.facts, lapsed)
            parents = [line.parent for line in lines.get(trial.version_pk, ())] if by_index else []
            effective = apply_overrides(outcome, by_index, parents)
            digest = verdict_digest(effective, trial.version_pk, by_index)
            if (
                old
                and old["state"] == _ACTIVE
                and same_verdict(old["digest"], digest, effective, trial.version_pk, by_index)
            ):
                if ev.facts_version_pk is not None and old["facts_version_id"] != ev.facts_version_pk:
                    repinned.setdefault((ev.facts_version_pk, evaluated_at), []).append(old["id"])
                continue
            codes = compact.encode_outcome(outcome)
            if by_index:
                unknown = sum(1 for c in effective.criteria if c.outcome is Outcome.UNKNOWN)
            else:  # the codes are the effective lines': each unknown is a u, upper case when left to review
                unknown = codes.count("u") + codes.count("U")
            row = unsaved(
                MatchResult,
                patient_id=ev.patient_id,
                client_id=ev.client_id,
                trial_id=trial.pk,
                first_job_id=first_job_id,
                criteria_version_id=trial.version_pk,
                eligibility=str(effective.eligibility),
                eligibility_rank=ELIGIBILITY_RANK[effective.eligibility],
                score=round(effective.score, 4),
                unknown_count=unknown,
                changes_on=effective.changes_on,
                error=effective.error or "",
                evaluated_at=evaluated_at,
                digest=digest,
                facts_version_id=ev.facts_version_pk,
                outcomes=codes,
                state=_ACTIVE,
                gone_reason="",
                last_changed=None if old is None else now,
            )
            if old is None:
                new_rows.append(row)
                # an implied appearance is built only for a webhook to be told of it (most are not news)
                if first_job_id is None or announced is None or announces(row.eligibility):
                    cause = appeared_because or appeared_cause(trial_change)
                    appeared = change_row(row, _APPEARED, "", cause, job_id, trial_change)
                    summary.changes.append(appeared)
                    if first_job_id is not None:
                        summary.implied.append(appeared)
            else:
                row.pk = old["id"]
                updated.append(row)
                if old["state"] != MatchResult.State.ACTIVE:
                    summary.changes.append(
                        change_row(row, MatchChange.Kind.APPEARED, "", appeared_cause(trial_change), job_id, trial_change)
                    )
                elif old["eligibility"] != row.eligibility:
                    cause = changed_cause(old, row, trial_change)
                    summary.changes.append(change_row(row, MatchChange.Kind.CHANGED, old["eligibility"], cause, job_id, trial_change))
        if close_others:
            for (pid, trial_pk), old in existing.items():
                if (
                    pid == ev.patient_id
                    and trial_pk not in seen
                    and old["state"] == MatchResult.State.ACTIVE
                    and (closed_trials is None or trial_pk in closed_trials)
                ):
                    _mark_gone([old], "the trial is no longer open to matching", job_id, None, summary)

    if lapsed:
        end_lapsed(lapsed)
    _write(new_rows, updated)
    for (version_pk, day), ids in repinned.items():
        facts_versions.repin(ids, version_pk, day)
    facts_versions.prune(patient_ids)
    summary.written = len(new_rows) + len(updated)
    schedule_time_rematch(patient_ids)
    return summary


# Read once: a member of Django's choices read off its class is ~0.8 us an access (machine
# under load), and the loop above asked two or three of them for each of a job's ~690 results.
_ACTIVE = MatchResult.State.ACTIVE
_APPEARED = MatchChange.Kind.APPEARED


def implied_appearance(job_id: uuid.UUID | None, trial_change: TrialChange | None, appeared_because: str | None) -> bool:
    """Whether a result this store creates says its own appearance (no ``MatchChange`` row):
    only in a patient's job for its data (``matcher.results.history.implied_change`` gives the
    change such a row stands for: cause patient data, that job, no trial change)."""
    return job_id is not None and trial_change is None and appeared_because in (None, Cause.PATIENT_DATA)


def locked_trial_states(
    trial_pks: Sequence[int] | set[int], and_open: bool = False
) -> dict[int, tuple[int | None, bool]]:
    """Each trial's current criteria version and whether it is open to matching, read under a
    share lock held to the end of the caller's transaction (PostgreSQL ``FOR SHARE``, in id
    order so lockers never wait on each other in a circle): a criteria or status change of
    these trials waits for the caller to commit, so what the caller checks against stays true
    while it writes. SQLite writers are serialised already (immediate transactions).

    ``and_open``: also every trial open to matching with criteria (a patient's job checks the
    whole catalogue), found by the locking statement itself rather than read first and then locked."""
    pks = sorted(set(trial_pks))
    if not pks and not and_open:
        return {}
    table = Trial._meta.db_table
    columns = f"SELECT id, current_criteria_id, overall_status FROM {table}"
    found: dict[int, tuple[int | None, bool]] = {}
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            where, params = f"id IN ({', '.join(['%s'] * len(pks)) or 'NULL'})", list[Any](pks)
            if and_open:
                where += f" OR (overall_status IN ({', '.join(['%s'] * len(OPEN_STATUSES))}) AND current_criteria_id IS NOT NULL)"
                params += sorted(OPEN_STATUSES)
            cursor.execute(f"{columns} WHERE {where} ORDER BY id", params)
            return {pk: (version_pk, status in OPEN_STATUSES) for pk, version_pk, status in cursor.fetchall()}
        # The open trials first, then those of ``pks`` they did not hold (a result's trial closed
        # meanwhile: rarely any), each statement in id order. One statement "id = ANY(pks) OR open"
        # filtered each of the ~1,000 open rows through the ~700-id array: its backend CPU was
        # ~4.0 ms a job against ~1.8 ms for the open ones alone (bench/e2e.py's database, 100
        # statements each). Share locks never wait on each other, so the two orders cannot
        # circle; ``tests/api/test_store_shortcuts.py`` pins the answer to the plain one's.
        if and_open:
            cursor.execute(
                f"{columns} WHERE overall_status = ANY(%s) AND current_criteria_id IS NOT NULL ORDER BY id FOR SHARE",
                [sorted(OPEN_STATUSES)],
            )
            found.update((pk, (version_pk, status in OPEN_STATUSES)) for pk, version_pk, status in cursor.fetchall())
            pks = [pk for pk in pks if pk not in found]
        if pks:
            # one array parameter: 1,000 placeholders cost the worker ~8 ms a job to bind
            cursor.execute(f"{columns} WHERE id = ANY(%s) ORDER BY id FOR SHARE", [pks])
            found.update((pk, (version_pk, status in OPEN_STATUSES)) for pk, version_pk, status in cursor.fetchall())
    return found


def _write(new_rows: list[MatchResult], updated: list[MatchResult]) -> None:
    if new_rows:
        # a job's ~1,000 new keys of the unique (patient, trial) index, spread so its pages fill
        # (``spread_order``: 57 -> ~44 KB a patient); ids are drawn in this order
        new_rows.sort(key=_key_order(new_rows))
        # binary COPY (``copy_binary``): every value here is of its column's Python type
        insert_models(MatchResult, spread_order(new_rows), binary=True)
    if updated:
        update_models(
            MatchResult,
            updated,
            [
                "criteria_version", "eligibility", "eligibility_rank", "score", "unknown_count", "changes_on",
                "error", "evaluated_at", "digest", "facts_version", "outcomes", "state", "gone_reason", "last_changed",
            ],
        )


def _key_order(rows: Sequence[MatchResult]) -> Callable[[MatchResult], tuple[str, int]]:
    """The sort key (patient id as text, trial key) of rows ``unsaved`` built, each patient's
    text made once and the keys read from the instance's ``__dict__``: ``str`` of the same UUID
    for each of a job's ~700 new rows, through Django's key descriptors, was ~2 ms of its CPU
    (in-process, machine under load). ``tests/api/test_store_shortcuts.py`` pins the order to
    ``(str(r.patient_id), r.trial_id)``'s."""
    text = {pid: str(pid) for pid in {r.__dict__["patient_id"] for r in rows}}
    return lambda r: (text[r.__dict__["patient_id"]], r.__dict__["trial_id"])


def _mark_gone(
    rows: Sequence[Mapping[str, Any]],
    reason: str,
    job_id: uuid.UUID | None,
    trial_change: TrialChange | None,
    summary: StoreSummary,
) -> int:
    ids = [r["id"] for r in rows]
    count = MatchResult.objects.filter(AnyOf("pk", ids), state=MatchResult.State.ACTIVE).update(
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


def close_batch(trial_pk: int, reason: str, trial_change: TrialChange) -> tuple[int, list[MatchChange]]:
    """A trial that left the open statuses: the next batch of its active results is gone, with
    the reason, in one statement rather than one evaluation per patient. Returns how many were
    closed and their changes, unsaved; (0, []) when none is left."""
    batch = list(
        MatchResult.objects.filter(trial_id=trial_pk, state=MatchResult.State.ACTIVE).values(
            "id", "patient_id", "trial_id", "eligibility"
        )[:5000]
    )
    if not batch:
        return 0, []
    summary = StoreSummary()
    closed = _mark_gone(batch, reason, None, trial_change, summary)
    return closed, summary.changes


def schedule_time_rematch(patient_ids: Sequence[uuid.UUID]) -> None:
    """Each patient's next re-match is the earliest day time alone changes an active verdict,
    or opens a gate that shut a trial out (``Patient.gate_opens_on``).

    Reads only results that time can change (a partial index holds just those): a trial's
    re-match chunk would otherwise read every result of its 1,000 patients, a million rows
    at 1,000 open trials, to find a handful of dates.

    On PostgreSQL in one statement: the plain way (``schedule_time_rematch_plain``: two reads
    through the ORM, then an update per day) was ~3.6 ms of a new patient's job's worker CPU and
    ~1.5 ms of its backend's (bench/job_cpu.py, 40 jobs, machine under load), most of it
    building the three queries. ``tests/api/test_store_shortcuts.py`` pins the days it sets to
    the plain way's."""
    if connection.vendor != "postgresql":
        schedule_time_rematch_plain(patient_ids)
        return
    if not patient_ids:
        return
    patients, results = Patient._meta.db_table, MatchResult._meta.db_table
    # the day from the updated row itself: a join to the same rows read as a sub-select looked
    # every patient up twice (a re-match chunk's 500: 5,471 -> 3,234 buffers, EXPLAIN ANALYZE)
    day = (
        f"LEAST(p.gate_opens_on, (SELECT min(r.changes_on) FROM {results} AS r"
        " WHERE r.patient_id = p.id AND r.state = %s AND r.changes_on IS NOT NULL))"
    )
    with connection.cursor() as cursor:
        # LEAST skips a NULL as min() of the days that exist does; IS DISTINCT FROM is the
        # plain way's exclude(rematch_on=day), a NULL included
        cursor.execute(
            f"UPDATE {patients} AS p SET rematch_on = {day}"
            f" WHERE p.id = ANY(%s::uuid[]) AND p.rematch_on IS DISTINCT FROM {day}",
            [MatchResult.State.ACTIVE.value, list(patient_ids), MatchResult.State.ACTIVE.value],
        )


def schedule_time_rematch_plain(patient_ids: Sequence[uuid.UUID]) -> None:
    """``schedule_time_rematch`` through the ORM: other databases, and the reference its test
    compares with."""
    earliest = dict(
        MatchResult.objects.filter(AnyOf("patient_id", patient_ids), state=MatchResult.State.ACTIVE, changes_on__isnull=False)
        .values("patient_id")
        .annotate(day=Min("changes_on"))
        .values_list("patient_id", "day")
    )
    gates = dict(
        Patient.objects.filter(AnyOf("pk", patient_ids), gate_opens_on__isnull=False).values_list("pk", "gate_opens_on")
    )
    by_day: dict[date | None, list[uuid.UUID]] = {}
    for pid in patient_ids:
        days = [d for d in (earliest.get(pid), gates.get(pid)) if d is not None]
        by_day.setdefault(min(days) if days else None, []).append(pid)
    for day, pids in by_day.items():
        Patient.objects.filter(AnyOf("pk", pids)).exclude(rematch_on=day).update(rematch_on=day)
