"""Writing trials: idempotent upserts from importers, criteria versions, recorded changes.

Every write goes through here so that the three rules that matter hold whatever the entry
point (seed command, API, admin): an unchanged source changes nothing; a criteria edit makes a
new version and keeps the old; a change of status or criteria is recorded as a ``TrialChange``
row in the same transaction, for the re-matching worker to pick up.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from rules_engine.criteria import Criterion as EngineCriterion
from rules_engine.criteria import CriterionType as EngineCriterionType
from rules_engine.parser.study_drugs import study_drug_names
from rules_engine.rule_language import parse_rule
from trials import golden
from trials.models import CriteriaVersion, Criterion, Site, Trial, TrialChange, TrialCondition
from trials.records import CriterionLine, TrialRecord
from trials.signals import trial_changed, trials_changed
from trials.structuring import PARSER_VERSION, structure_lines

# Trial fields copied verbatim from a TrialRecord.
_SCALAR_FIELDS = (
    "title",
    "brief_summary",
    "phase",
    "study_type",
    "sponsor",
    "enrollment",
    "minimum_age",
    "maximum_age",
    "sex",
    "last_update",
    "source",
)


@dataclass(frozen=True)
class UpsertResult:
    trial: Trial
    created: bool
    changed: bool


def _json_fields(record: TrialRecord) -> dict[str, object]:
    return {
        "interventions": list(record.interventions),
        "arms": [dataclasses.asdict(a) | {"interventions": list(a.interventions), "dose_levels": list(a.dose_levels)} for a in record.arms],
    }


def _sites_of(record: TrialRecord) -> list[tuple]:
    return [(s.facility, s.city, s.state, s.country, s.latitude, s.longitude) for s in record.sites]


def _current_lines(trial: Trial) -> list[tuple[str, str]]:
    version = trial.current_criteria
    if version is None:
        return []
    return list(version.criteria.order_by("position").values_list("type", "text"))


def newest_version(trial: Trial) -> CriteriaVersion | None:
    """The latest version, held or in use: the one a correction builds on."""
    return CriteriaVersion.objects.filter(trial=trial).order_by("-number").first()


def _held_lines(trial: Trial) -> list[tuple[str, str]] | None:
    newest = newest_version(trial)
    if newest is None or not newest.held:
        return None
    return list(newest.criteria.order_by("position").values_list("type", "text"))


@transaction.atomic
def upsert_trial(record: TrialRecord, actor: Any = None, structured: Sequence[dict] | None = None) -> UpsertResult:
    """Create or update one trial by NCT id; a no-op when nothing in the source changed.
    ``actor`` (a user; none for commands) is recorded on the trial, version and change it writes.
    ``structured``: the lines' structure when the caller parsed them already (a bulk import's
    parse workers), else they are parsed here if the lines changed."""
    found = Trial.objects.select_for_update().filter(nct_id=record.nct_id).first()
    created = found is None
    trial = Trial(nct_id=record.nct_id) if found is None else found
    old_status = None if created else trial.overall_status

    values = _trial_values(record)
    dirty = created or any(getattr(trial, k) != v for k, v in values.items())
    if dirty:
        for k, v in values.items():
            setattr(trial, k, v)
        trial.updated_by = actor
        trial.save()

    if created or list(trial.condition_rows.values_list("name", flat=True)) != list(record.conditions):
        trial.condition_rows.all().delete()
        TrialCondition.objects.bulk_create(
            TrialCondition(trial=trial, position=i, name=name) for i, name in enumerate(record.conditions)
        )
        dirty = True
    existing_sites = list(trial.sites.values_list("facility", "city", "state", "country", "latitude", "longitude"))
    if created or existing_sites != _sites_of(record):
        trial.sites.all().delete()
        Site.objects.bulk_create(
            Site(trial=trial, position=i, **dataclasses.asdict(s)) for i, s in enumerate(record.sites)
        )
        dirty = True

    new_version = set_criteria(
        trial, record.criteria, record.criteria_text, reason="import", actor=actor, structured=structured
    )
    if not created and old_status != trial.overall_status:
        record_change(trial, TrialChange.Kind.STATUS, old=old_status, new=trial.overall_status, actor=actor)
    return UpsertResult(trial=trial, created=created, changed=dirty or new_version is not None)


def _trial_values(record: TrialRecord) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in _SCALAR_FIELDS}
    values["overall_status"] = record.overall_status
    values.update(_json_fields(record))
    return {k: ("" if v is None and k not in ("enrollment", "last_update") else v) for k, v in values.items()}


def create_trials(records: Sequence[tuple[TrialRecord, Sequence[dict]]]) -> list[Trial]:
    """Trials not stored yet, each with its lines' structure: the rows ``upsert_trial`` writes
    for a new trial (version 1, nothing corrected, no golden patient, no change to record),
    written together in a few statements instead of ~15 per trial. The caller holds the
    transaction; a trial stored meanwhile makes it fail (unique NCT id), and the caller then
    goes one by one. Pinned to ``upsert_trial`` by ``tests/api/test_ctgov_bulk_import.py``."""
    trials = Trial.objects.bulk_create(Trial(nct_id=record.nct_id, **_trial_values(record)) for record, _ in records)
    TrialCondition.objects.bulk_create(
        TrialCondition(trial=trial, position=i, name=name)
        for trial, (record, _) in zip(trials, records, strict=True)
        for i, name in enumerate(record.conditions)
    )
    Site.objects.bulk_create(
        Site(trial=trial, position=i, **dataclasses.asdict(site))
        for trial, (record, _) in zip(trials, records, strict=True)
        for i, site in enumerate(record.sites)
    )
    versions = CriteriaVersion.objects.bulk_create(
        CriteriaVersion(trial=trial, number=1, criteria_text=record.criteria_text, reason="import", parser_version=PARSER_VERSION)
        for trial, (record, _) in zip(trials, records, strict=True)
    )
    _copy_criteria(
        (version.pk, position, line.type, line.text, line.parent, line.source_line, json.dumps(parsed), _needs_review(parsed), False)
        for version, (record, structured) in zip(versions, records, strict=True)
        for position, (line, parsed) in enumerate(zip(record.criteria, structured, strict=True))
    )
    for trial, version in zip(trials, versions, strict=True):
        trial.current_criteria = version
    Trial.objects.bulk_update(trials, ["current_criteria"])
    return trials


_COPIED = ("version", "position", "type", "text", "parent_position", "source_line", "structured", "review", "corrected")


def _copy_criteria(rows: Iterable[tuple]) -> None:
    """Criterion rows through PostgreSQL's COPY: measured on 200 corpus studies (33 lines each),
    ``bulk_create`` spent 3.3 ms of the importing process's CPU per study building model
    objects and the INSERT, ~75% of all it spends writing a new trial. The values are the
    ones ``bulk_create`` would write (``structured`` as JSON text, the column's input form)."""
    fields = {f.name: f.column for f in Criterion._meta.concrete_fields}
    columns = ", ".join(connection.ops.quote_name(fields[name]) for name in _COPIED)
    with connection.cursor() as cursor, cursor.copy(
        f"COPY {connection.ops.quote_name(Criterion._meta.db_table)} ({columns}) FROM STDIN"
    ) as copy:
        for row in rows:
            copy.write_row(row)


def import_records(records: Sequence[TrialRecord], actor: Any = None) -> list[UpsertResult]:
    """All or nothing: one bad record leaves every stored trial as it was."""
    with transaction.atomic():
        return [upsert_trial(r, actor=actor) for r in records]


@transaction.atomic
def set_criteria(
    trial: Trial,
    lines: Sequence[CriterionLine],
    criteria_text: str = "",
    reason: str = "edit",
    actor: Any = None,
    structured: Sequence[dict] | None = None,
) -> CriteriaVersion | None:
    """Make a new criteria version when the lines differ from the current ones.

    Lines a coordinator corrected keep their corrected structure when the same line (type and
    text) comes back in the new version: a re-import or re-parse never overwrites a person.
    The trial row is locked and re-read, so a caller holding a stale instance cannot number
    two versions alike.
    """
    _lock_and_refresh(trial)
    wanted = [(line.type, line.text) for line in lines]
    if trial.current_criteria_id is not None and wanted == _current_lines(trial):
        return None
    if wanted == _held_lines(trial):  # the same source again while its version is held
        return None
    corrections = _corrections_of(trial)
    if structured is None:
        read = structure_lines([(line.type, line.text, line.parent) for line in lines], study_drugs=study_drug_names(trial.interventions))
        structured = [c.to_json() for c in read]
    rows = []
    for line, parsed in zip(lines, structured, strict=True):
        corrected = corrections.get((line.type, line.text))
        rows.append(
            {
                "type": line.type,
                "text": line.text,
                "parent_position": line.parent,
                "source_line": line.source_line,
                "structured": corrected if corrected is not None else parsed,
                "corrected": corrected is not None,
            }
        )
    return _store_version(trial, rows, criteria_text, reason, PARSER_VERSION, actor)


def _lock_and_refresh(trial: Trial) -> None:
    fresh = Trial.objects.select_for_update(of=("self",)).select_related("current_criteria").get(pk=trial.pk)
    trial.current_criteria = fresh.current_criteria
    trial.overall_status = fresh.overall_status


def _store_version(
    trial: Trial, rows: list[dict], criteria_text: str, reason: str, parser_version: str, actor: Any = None
) -> CriteriaVersion:
    """The next version with these lines becomes current; a change from an earlier version is
    recorded for re-matching (the first version of a new trial is not a change). The trial's
    golden patients run first: a version any of them disagrees with is stored held, not used."""
    previous = trial.current_criteria
    number = (CriteriaVersion.objects.filter(trial=trial).aggregate(n=Max("number"))["n"] or 0) + 1
    disagreements = golden.check_version(trial.nct_id, number, rows, list(trial.golden_patients.all()))
    version = CriteriaVersion.objects.create(
        trial=trial, number=number, criteria_text=criteria_text, reason=reason, parser_version=parser_version,
        created_by=actor, held=bool(disagreements), disagreements=disagreements,
    )
    Criterion.objects.bulk_create(
        Criterion(version=version, position=position, review=_needs_review(row["structured"]), **row)
        for position, row in enumerate(rows)
    )
    if version.held:
        return version
    trial.current_criteria = version
    trial.updated_by = actor
    trial.save(update_fields=["current_criteria", "updated", "updated_by"])
    if previous is not None:
        record_change(trial, TrialChange.Kind.CRITERIA, old=str(previous.number), new=str(number), actor=actor)
    return version


def _corrections_of(trial: Trial) -> dict[tuple[str, str], Any]:
    version = trial.current_criteria
    if version is None:
        return {}
    return {
        (c.type, c.text): c.structured
        for c in version.criteria.filter(corrected=True).only("type", "text", "structured")
    }


def _needs_review(structured: dict | None) -> bool:
    """A line needs a person when any part of it is a review marker."""
    if structured is None:
        return True

    def walk(node: dict) -> bool:
        kind = node.get("node")
        if kind == "review":
            return True
        if kind in ("all", "any"):
            return any(walk(p) for p in node.get("parts", []))
        if kind == "not":
            return walk(node["part"])
        return False

    return walk(structured.get("expr", {}))


@transaction.atomic
def correct_criterion(criterion: Criterion, structured: dict, actor: Any = None) -> Criterion:
    """A coordinator's correction of one line's structure: new version, marked corrected."""
    trial = Trial.objects.select_for_update().get(pk=criterion.version.trial_id)
    current = trial.current_criteria
    rows = [
        {
            "type": row.type,
            "text": row.text,
            "parent_position": row.parent_position,
            "source_line": row.source_line,
            "structured": structured if row.position == criterion.position else row.structured,
            "corrected": row.corrected or row.position == criterion.position,
        }
        for row in current.criteria.order_by("position")
    ]
    version = _store_version(trial, rows, current.criteria_text, "correction", current.parser_version, actor)
    return version.criteria.get(position=criterion.position)


class StaleVersion(Exception):
    """The version a curator edited is no longer the newest: someone saved meanwhile."""

    def __init__(self, newest: int | None) -> None:
        super().__init__(f"version {newest} is the newest")
        self.newest = newest


@transaction.atomic
def correct_line(trial: Trial, position: int, rule: str, version: int, actor: Any = None) -> CriteriaVersion:
    """A curator's correction of one line (1-based ``position``) written in the rule language,
    built on ``version``, which must still be the newest (else ``StaleVersion``: two curators
    saving at once, one wins). Raises ``RuleError`` for a rule that does not parse and
    ``IndexError`` for a position the version does not have."""
    parsed = parse_rule(rule)
    Trial.objects.select_for_update(of=("self",)).get(pk=trial.pk)
    base = newest_version(trial)
    if base is None or base.number != version:
        raise StaleVersion(base.number if base else None)
    rows = list(base.criteria.order_by("position"))
    if not 1 <= position <= len(rows):
        raise IndexError(position)
    line = rows[position - 1]
    structured = EngineCriterion(
        type=EngineCriterionType(line.type), text=line.text, expr=parsed.expr, applies_if=parsed.applies_if,
        parent=line.parent_position, corrected=True,
    ).to_json()
    trial.refresh_from_db(fields=["current_criteria"])
    return _store_version(
        trial,
        [
            {
                "type": row.type,
                "text": row.text,
                "parent_position": row.parent_position,
                "source_line": row.source_line,
                "structured": structured if row.position == position - 1 else row.structured,
                "corrected": row.corrected or row.position == position - 1,
            }
            for row in rows
        ],
        base.criteria_text, "correction", base.parser_version, actor,
    )


class NotHeld(Exception):
    """Only a held version newer than the one in use can be published."""


@transaction.atomic
def publish_version(trial: Trial, number: int, actor: Any = None) -> CriteriaVersion:
    """A trial manager's decision to use a held version although golden patients disagree:
    recorded with who and when; the trial re-matches as for any criteria change."""
    locked = Trial.objects.select_for_update(of=("self",)).select_related("current_criteria").get(pk=trial.pk)
    version = CriteriaVersion.objects.get(trial=locked, number=number)
    current = locked.current_criteria
    if not version.held or (current is not None and current.number > number):
        raise NotHeld(f"version {number} is not held" if not version.held else f"version {current.number} is newer")
    version.held = False
    version.published_at = timezone.now()
    version.published_by = actor
    version.save(update_fields=["held", "published_at", "published_by"])
    locked.current_criteria = version
    locked.updated_by = actor
    locked.save(update_fields=["current_criteria", "updated", "updated_by"])
    trial.current_criteria = version
    record_change(
        locked, TrialChange.Kind.CRITERIA, old=str(current.number) if current else "", new=str(number), actor=actor
    )
    return version


@transaction.atomic
def set_status(trial: Trial, status: str, actor: Any = None) -> bool:
    """Change a trial's overall status; returns whether anything changed."""
    locked = Trial.objects.select_for_update().get(pk=trial.pk)
    if locked.overall_status == status:
        return False
    old = locked.overall_status
    locked.overall_status = status
    locked.updated_by = actor
    locked.save(update_fields=["overall_status", "updated", "updated_by"])
    trial.overall_status = status
    record_change(locked, TrialChange.Kind.STATUS, old=old, new=status, actor=actor)
    return True


# The changes committed while ``changes_announced_together`` runs; None outside it.
_announce_later: ContextVar[list[int] | None] = ContextVar("trials_announce_later", default=None)


def record_change(trial: Trial, kind: str, old: str | None, new: str | None, actor: Any = None) -> TrialChange:
    """Record a change in the caller's transaction; the worker is told once it commits (or,
    inside ``changes_announced_together``, when that ends)."""
    change = TrialChange.objects.create(trial=trial, kind=kind, old_value=old or "", new_value=new or "", actor=actor)
    later = _announce_later.get()
    if later is not None:
        transaction.on_commit(lambda: later.append(change.pk))
    else:
        transaction.on_commit(lambda: trial_changed.send(sender=TrialChange, change_id=change.pk))
    return change


@contextmanager
def changes_announced_together() -> Iterator[list[int]]:
    """Changes committed inside are announced in one ``trials_changed`` signal when the block
    ends (also when it ends by an error or Ctrl-C), so that a bulk import of 20,000 changed
    trials lets matching plan one re-match instead of 20,000 fan-outs over every patient. A
    change whose study rolled back is not announced; one committed but never announced (the
    process was killed) is found by the re-match sweep as any lost message is."""
    committed: list[int] = []
    token = _announce_later.set(committed)
    try:
        yield committed
    finally:
        _announce_later.reset(token)
        if committed:
            if trials_changed.has_listeners(TrialChange):
                trials_changed.send(sender=TrialChange, change_ids=list(committed))
            else:
                for change_id in committed:
                    trial_changed.send(sender=TrialChange, change_id=change_id)

