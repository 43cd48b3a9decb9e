"""A coordinator's work on a match: review status, assignee, notes and criterion overrides.

Every change goes through these functions, never through a form saving the row, for two reasons:
each one records a ``MatchEvent`` (who, when, from what, to what) in the same transaction as
the change, so the match page's history can never disagree with the row; and each one locks
the result row first, so two coordinators acting on the same match at once are applied one
after the other and each event's "from" is the value the change really replaced.

The admin (``matcher.queue.admin``) is one caller; anything else (an API, a script) must call
these too. An override changes the verdict at once: the change it makes is recorded with its
webhook deliveries in the same transaction (``matcher.matching.changes``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction

from matcher.fhir import research_subject
from matcher.matching.changes import record_changes
from matcher.models import CoordinatorAssignment, CriterionOverride, MatchEvent, MatchResult
from matcher.results.lines import version_lines
from matcher.results.overrides import placed, recompute_result
from matcher.results.render import lines_of

Status = MatchResult.ReviewStatus
Kind = MatchEvent.Kind

OVERRIDE_OUTCOMES = ("met", "not_met")


class ReviewError(ValueError):
    """A review action that cannot be applied; the message says why, in a coordinator's words."""


class ReasonRequired(ReviewError):
    """A closing status (enrolled, not eligible, declined, deferred) ends the work on a match:
    whoever reads the match later must be able to see why."""


class UnknownStatus(ReviewError):
    pass


class NotAssignable(ReviewError):
    """The user does not work on this match's client (and is not a superuser)."""


class EmptyNote(ReviewError):
    pass


class NoSuchCriterion(ReviewError):
    pass


class InvalidOverride(ReviewError):
    pass


def _locked(result: MatchResult) -> MatchResult:
    """The row re-read under a lock: "from" values come from what is committed, not from a
    possibly stale instance the caller loaded before someone else's change."""
    return MatchResult.objects.select_for_update().get(pk=result.pk)


def _name(user: User | None) -> str:
    return user.get_username() if user is not None else ""


_REFRESHED = ("review_status", "review_reason", "assigned_to_id", "eligibility", "eligibility_rank", "score",
              "unknown_count", "last_changed", "digest")


def _refresh(target: MatchResult, source: MatchResult) -> None:
    """The caller's instance shows what was written, so it can be used (and shown) afterwards."""
    for name in _REFRESHED:
        setattr(target, name, getattr(source, name))
    target._state.fields_cache.pop("assigned_to", None)


# --- review status ---------------------------------------------------------------------------


def set_status(result: MatchResult, status: str, user: User, reason: str = "") -> MatchEvent | None:
    """Move the match to ``status``. A closing status needs a reason (``ReasonRequired``).

    Setting the status it already has, with the same reason, records nothing (a bulk action over
    mixed rows must not fill the history with non-changes). Returns the event, or None.
    """
    if status not in Status.values:
        raise UnknownStatus(f"{status!r} is not a review status")
    reason = (reason or "").strip()
    if status in MatchResult.CLOSING_STATUSES and not reason:
        raise ReasonRequired(f"“{Status(status).label}” closes the match: give a reason.")
    with transaction.atomic():
        row = _locked(result)
        if row.review_status == status and row.review_reason == reason:
            _refresh(result, row)
            return None
        old = row.review_status
        row.review_status, row.review_reason = status, reason[:300]
        row.save(update_fields=["review_status", "review_reason"])
        event = MatchEvent.objects.create(
            result=row, actor=user, kind=Kind.STATUS, old_value=old, new_value=status, text=reason
        )
        research_subject.announce_status_change(row, old, status)
    _refresh(result, row)
    return event


def bulk_set_status(rows: Iterable[MatchResult], status: str, user: User, reason: str = "") -> int:
    """The same status for many matches, all or none (a closing status without a reason fails
    before anything is written). Returns how many matches changed."""
    if status in MatchResult.CLOSING_STATUSES and not (reason or "").strip():
        raise ReasonRequired(f"“{Status(status).label}” closes the match: give a reason.")
    with transaction.atomic():
        return sum(1 for row in rows if set_status(row, status, user, reason) is not None)


# --- assignment ------------------------------------------------------------------------------


def can_be_assigned(user: User, client_id: int) -> bool:
    return bool(user.is_superuser) or CoordinatorAssignment.objects.filter(user=user, client_id=client_id).exists()


def assign(result: MatchResult, user_or_none: User | None, actor: User) -> MatchEvent | None:
    """Give the match to a coordinator (None: to nobody). Only someone who works on the
    match's client (or a superuser) can hold it: a match given to someone who cannot open it
    would be lost work. Assigning the current holder again records nothing."""
    if user_or_none is not None and not can_be_assigned(user_or_none, result.client_id):
        raise NotAssignable(f"{_name(user_or_none)} does not work on this client's matches.")
    with transaction.atomic():
        row = _locked(result)
        new_id = user_or_none.pk if user_or_none is not None else None
        if row.assigned_to_id == new_id:
            _refresh(result, row)
            return None
        old = _name(row.assigned_to) if row.assigned_to_id else ""
        row.assigned_to = user_or_none
        row.save(update_fields=["assigned_to"])
        event = MatchEvent.objects.create(
            result=row, actor=actor, kind=Kind.ASSIGNEE, old_value=old, new_value=_name(user_or_none)
        )
    _refresh(result, row)
    return event


def bulk_assign(rows: Iterable[MatchResult], user_or_none: User | None, actor: User) -> int:
    """Assign (or unassign) many matches, all or none. Returns how many changed."""
    with transaction.atomic():
        return sum(1 for row in rows if assign(row, user_or_none, actor) is not None)


# --- notes -----------------------------------------------------------------------------------


def add_note(result: MatchResult, text: str, author: User) -> MatchEvent:
    """A free-text note on the match ("called the ward, echo booked for Monday")."""
    text = (text or "").strip()
    if not text:
        raise EmptyNote("A note needs some text.")
    with transaction.atomic():
        row = _locked(result)
        return MatchEvent.objects.create(result=row, actor=author, kind=Kind.NOTE, text=text)


# --- overrides -------------------------------------------------------------------------------


def override_criterion(
    result: MatchResult, position: int, outcome: str, note: str, author: User
) -> CriterionOverride:
    """The coordinator's verdict on one criterion line, effective at once.

    A new version of the override of that line (matched by type and text, as re-matching
    matches it); the line's previous active override is ended as superseded. The criterion
    row's concepts are copied so newer data for any of them ends the override at a later
    re-match. The note is required: an override without its evidence cannot be checked.
    """
    if outcome not in OVERRIDE_OUTCOMES:
        raise InvalidOverride(f"An override sets a criterion to met or not met, not {outcome!r}.")
    note = (note or "").strip()
    if not note:
        raise InvalidOverride("An override needs a note saying what it rests on.")
    with transaction.atomic():
        row = _locked(result)
        lines = lines_of(row)
        if not 0 <= position < len(lines):
            raise NoSuchCriterion(f"This match has no criterion #{position + 1}.")
        line = lines[position]
        ctype, ctext = line.type, line.text
        same_line = CriterionOverride.objects.select_for_update().filter(
            result=row, criterion_type=ctype, criterion_text=ctext
        )
        versions = list(same_line.values_list("version", flat=True))
        version = max(versions, default=0) + 1
        same_line.filter(active=True).update(active=False, ended_reason=f"superseded by v{version}")
        override = CriterionOverride.objects.create(
            result=row, criterion_type=ctype, criterion_text=ctext, concepts=list(line.concepts), outcome=outcome,
            note=note, author=author, version=version,
        )
        MatchEvent.objects.create(
            result=row, actor=author, kind=Kind.OVERRIDE,
            old_value=f"#{position + 1} {line.outcome}", new_value=f"#{position + 1} {outcome} (v{version})", text=note,
        )
        _recompute(row)
    _refresh(result, row)
    return override


def end_override(override: CriterionOverride, actor: User) -> CriterionOverride:
    """Lift an override: the criterion shows the engine's verdict again, and eligibility with it."""
    with transaction.atomic():
        row = _locked(override.result)
        current = CriterionOverride.objects.select_for_update().get(pk=override.pk)
        if not current.active:
            raise InvalidOverride(f"Override v{current.version} has already ended ({current.ended_reason}).")
        current.active = False
        current.ended_reason = f"ended by {_name(actor)}"[:200]
        current.save(update_fields=["active", "ended_reason"])
        lines = version_lines([row.criteria_version_id])[row.criteria_version_id]
        position = next(iter(placed(lines, [current])), None)
        label = f"#{position + 1} " if position is not None else ""
        MatchEvent.objects.create(
            result=row, actor=actor, kind=Kind.OVERRIDE,
            old_value=f"{label}{current.outcome} (v{current.version})", new_value=f"{label}override ended",
            text=current.note,
        )
        _recompute(row)
    override.active, override.ended_reason = current.active, current.ended_reason
    _refresh(override.result, row)
    return current


def _recompute(row: MatchResult) -> None:
    """The verdict with the overrides now active, its change (if any) recorded and announced."""
    change = recompute_result(row)
    if change is not None:
        record_changes([change])
