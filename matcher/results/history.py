"""A result's history as its readers see it: the stored ``MatchChange`` rows, and the first
appearances that their results imply.

Why: on a patient's first match every candidate trial "appears", one change row per stored
result (~1,000 at 1,000 open trials). Measured in ``bench/e2e.py`` those rows and their indexes
were ~140 KB a patient, a third of all a patient cost, and said nothing the result row could not:
the result was created at ``first_seen``, by that job, from the patient's data, with no trial
change. So a result created by a patient's match job keeps that job in ``first_job`` and no
change row; this module gives the change it stands for, and merges it with the stored ones for
the changes endpoint, the queue's history and its "changed since the last run" filter. Every
other appearance (a trial re-match, a scheduled job, a result that comes back after it was gone)
is stored as before.

What the implied change holds, exactly as the stored row held it:

* ``created`` is ``first_seen`` (both stamped in the job's transaction, after it started);
* ``job`` is ``first_job``, or none when that job was deleted on its own (the stored row's
  ``SET_NULL``);
* ``new_eligibility`` is the eligibility the result appeared with: every later change of a
  result's eligibility is a stored change carrying the eligibility it left
  (``old_eligibility``; an override, a re-match, a disappearance), so it is the earliest stored
  change's ``old_eligibility``, or the result's eligibility when none was stored;
* ``id`` is the result's id negated: never a stored change's id, and stable, so a cursor over
  ``(-created, -id)`` pages through both kinds as through one table.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery

from matcher.models import MatchChange, MatchJob, MatchResult

# What every implied change says (``matcher.results.store.implied_appearance`` stores only these).
IMPLIED: dict[str, str | None] = {"kind": MatchChange.Kind.APPEARED, "cause": MatchChange.Cause.PATIENT_DATA, "old_eligibility": "",
           "detail": "", "trial_change": None, "trial_change_id": None}
# Lookups the stored side and the implied side (a ``MatchResult`` query) both answer.
_SAME = {"patient", "patient_id", "trial", "trial_id", "created"}
_RENAMED = {"result": "pk", "result_id": "pk", "job": "first_job", "job_id": "first_job_id"}
# id < x on changes is -result.id < x, i.e. result.id > -x
_MIRRORED = {"exact": "exact", "lt": "gt", "lte": "gte", "gt": "lt", "gte": "lte", "in": "in"}


def implied_results() -> QuerySet[MatchResult]:
    """Results whose first appearance is implied, with what the change needs to be built."""
    earliest = MatchChange.objects.filter(result_id=OuterRef("pk")).order_by("created", "id").values("old_eligibility")[:1]
    return (
        MatchResult.objects.filter(first_job__isnull=False)
        .annotate(
            created=F("first_seen"),
            appeared_as=Subquery(earliest),
            job_kept=Exists(MatchJob.objects.filter(pk=OuterRef("first_job_id"))),
        )
        .select_related("trial")
    )


def implied_change(result: MatchResult) -> MatchChange:
    """The appearance a result of ``implied_results`` stands for (unsaved: never to be saved)."""
    annotations: Any = result
    return MatchChange(
        id=-result.pk, patient_id=result.patient_id, result_id=result.pk, trial=result.trial,
        kind=MatchChange.Kind.APPEARED, cause=MatchChange.Cause.PATIENT_DATA, old_eligibility="",
        new_eligibility=annotations.appeared_as or result.eligibility, detail="",
        job_id=result.first_job_id if annotations.job_kept else None, trial_change=None,
        created=result.first_seen,
    )


class ChangeHistory:
    """Stored and implied changes as one ordered sequence, answering what a ``QuerySet`` is asked
    by the changes endpoint and DRF's cursor pagination: ``filter``/``exclude`` on the lookups
    both sides have (patient, trial, result, job, created, id, kind, cause), ``order_by`` on
    ``created`` and ``id``, slicing and iteration. Each side is sliced in the database and the
    two merged, so a page reads at most its own length from each."""

    def __init__(
        self, stored: QuerySet[MatchChange], implied: QuerySet[MatchResult],
        ordering: Sequence[str] = ("-created", "-id"),
    ) -> None:
        self.stored = stored
        self.implied = implied
        self.ordering = tuple(ordering)

    @classmethod
    def where(cls, **lookups: Any) -> ChangeHistory:
        everything = cls(MatchChange.objects.select_related("trial"), implied_results())
        return everything.filter(**lookups).order_by("-created", "-id")

    def filter(self, **lookups: Any) -> ChangeHistory:
        implied = self.implied
        for key, value in lookups.items():
            implied = _implied_filter(implied, key, value, negate=False)
        return ChangeHistory(self.stored.filter(**lookups), implied, self.ordering)

    def exclude(self, **lookups: Any) -> ChangeHistory:
        implied = self.implied
        for key, value in lookups.items():
            implied = _implied_filter(implied, key, value, negate=True)
        return ChangeHistory(self.stored.exclude(**lookups), implied, self.ordering)

    def order_by(self, *fields: str) -> ChangeHistory:
        for f in fields:
            if f.lstrip("-") not in ("created", "id"):
                raise ValueError(f"a change history orders by created and id only, not {f}")
        implied = [("" if f.startswith("-") else "-") + "pk" if f.lstrip("-") == "id" else f for f in fields]
        return ChangeHistory(self.stored.order_by(*fields), self.implied.order_by(*implied), fields)

    def _key(self, change: MatchChange) -> tuple:
        return tuple(_Directed(getattr(change, f.lstrip("-")), f.startswith("-")) for f in self.ordering)

    def __getitem__(self, window: slice) -> list[MatchChange]:
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("a change history is read by a slice")
        start, stop = window.start or 0, window.stop
        stored = self.stored if stop is None else self.stored[:stop]
        implied = self.implied if stop is None else self.implied[:stop]
        merged = heapq.merge(list(stored), [implied_change(r) for r in implied], key=self._key)
        return list(merged)[start:stop]

    def __iter__(self) -> Iterator[MatchChange]:
        return iter(self[0:None])

    def __len__(self) -> int:
        return self.stored.count() + self.implied.count()

    def count(self) -> int:
        return len(self)

    def exists(self) -> bool:
        return self.stored.exists() or self.implied.exists()


class _Directed:
    """An ordering key that sorts descending when asked, for ``heapq.merge``."""

    __slots__ = ("value", "descending")

    def __init__(self, value: Any, descending: bool) -> None:
        self.value, self.descending = value, descending

    def __lt__(self, other: _Directed) -> bool:
        return other.value < self.value if self.descending else self.value < other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Directed) and self.value == other.value


def _implied_filter(implied: QuerySet[MatchResult], key: str, value: Any, negate: bool) -> QuerySet[MatchResult]:
    field, _, lookup = key.partition("__")
    if field in IMPLIED:  # a column every implied change holds the same value of
        if lookup not in ("", "exact", "in", "isnull"):
            raise ValueError(f"a change history filters {field} by value only")
        constant = IMPLIED[field]
        holds = (constant is None) == value if lookup == "isnull" else (
            constant in value if lookup == "in" else constant == value
        )
        return implied if holds != negate else implied.none()
    if field == "id":
        mirrored = _MIRRORED.get(lookup or "exact")
        if mirrored is None:
            raise ValueError(f"a change history filters id by {', '.join(_MIRRORED)} only")
        bound = [-v for v in value] if mirrored == "in" else -value
        condition = Q(**{f"pk__{mirrored}": bound})
    elif field in _SAME or field in _RENAMED:
        name = _RENAMED.get(field, field)
        if name == "pk" and not lookup:
            value = getattr(value, "pk", value)  # result=<MatchResult>
        condition = Q(**{f"{name}__{lookup}" if lookup else name: value})
    else:
        raise ValueError(f"a change history does not filter by {key}")
    return implied.exclude(condition) if negate else implied.filter(condition)


def changed_since(run_started: Callable[[Any], Any]) -> Q:
    """Results with a machine change (not a coordinator's override) created at or after their
    patient's ``run_started(patient id)`` (a subquery, given the reference to the patient's id
    where it is used): a stored change, or the appearance the result's own row implies."""
    stored = MatchChange.objects.filter(
        result_id=OuterRef("pk"), created__gte=run_started(OuterRef(OuterRef("patient_id")))
    ).exclude(cause=MatchChange.Cause.OVERRIDE)
    return Q(Exists(stored)) | Q(first_job__isnull=False, first_seen__gte=run_started(OuterRef("patient_id")))
