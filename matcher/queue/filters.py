"""Who sees which matches in the queue, and the queue's filters: the questions a coordinator
asks every morning (what is new since I last looked, what did the last run change, what is
mine), each one query whatever the number of rows.

Tenancy: a coordinator (any non-superuser) sees only matches of the clients they are assigned
to (``CoordinatorAssignment``). Patient identifiers need ``matcher.view_patient_identity``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import cast

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone

from matcher.models import (
    ApiClient,
    CoordinatorAssignment,
    MatchJob,
    MatchResult,
    QueueVisit,
)
from matcher.results import history

QUEUE_ELIGIBILITY = ("eligible", "possibly_eligible")
ELIGIBILITY_LABELS = {"eligible": "Eligible", "possibly_eligible": "Possibly eligible", "ineligible": "Ineligible"}
# Queue views closer together than this are one visit: "new since my last visit" compares with
# the end of the previous visit, so paging and filtering during a visit do not reset it.
VISIT_GAP = timedelta(minutes=30)
IDENTITY_PERM = "matcher.view_patient_identity"

def user_of(request: HttpRequest) -> User:
    """The staff member behind an admin request (the admin lets no anonymous request through)."""
    return cast(User, request.user)


def sees_identity(request: HttpRequest) -> bool:
    return request.user.has_perm(IDENTITY_PERM)


def scoped(request: HttpRequest, queryset: QuerySet | None = None) -> QuerySet:
    """Results of the clients this user works on; superusers work on every client."""
    queryset = MatchResult.objects.all() if queryset is None else queryset
    if user_of(request).is_superuser:
        return queryset
    mine = CoordinatorAssignment.objects.filter(user_id=user_of(request).pk).values("client_id")
    return queryset.filter(client_id__in=Subquery(mine))


def visible_clients(request: HttpRequest) -> QuerySet:
    clients = ApiClient.objects.all()
    if not user_of(request).is_superuser:
        clients = clients.filter(coordinator_assignments__user_id=user_of(request).pk)
    return clients.order_by("name")


def record_queue_visit(request: HttpRequest) -> QueueVisit:
    """Each queue view updates ``last``; a view after a gap of ``VISIT_GAP`` starts a new visit,
    moving the old ``last`` to ``previous`` (what "new since my last visit" compares with)."""
    now = timezone.now()
    visit = QueueVisit.objects.filter(user_id=user_of(request).pk).first()
    if visit is None:
        visit = QueueVisit.objects.create(user_id=user_of(request).pk, previous=None, last=now)
        return visit
    if visit.last is None or now - visit.last > VISIT_GAP:
        visit.previous = visit.last
    visit.last = now
    visit.save(update_fields=["previous", "last"])
    return visit


# --- filters ---------------------------------------------------------------------------------


class TrialFilter(admin.SimpleListFilter):
    """The 50 trials with the most matches in this coordinator's queue: a list of every open
    trial would not load at registry scale (search finds any other trial by its NCT id)."""

    title = "trial"
    parameter_name = "trial"

    def lookups(self, request, model_admin):
        busiest = (
            scoped(request, MatchResult.objects.filter(state=MatchResult.State.ACTIVE, eligibility__in=QUEUE_ELIGIBILITY))
            .values("trial_id", "trial__nct_id")
            .annotate(n=Count("id"))
            .order_by("-n", "trial__nct_id")[:50]
        )
        return [(row["trial_id"], f"{row['trial__nct_id']} ({row['n']})") for row in busiest]

    def queryset(self, request, queryset):
        return queryset.filter(trial_id=self.value()) if self.value() else queryset


class ClientFilter(admin.SimpleListFilter):
    title = "client"
    parameter_name = "client"

    def lookups(self, request, model_admin):
        return list(visible_clients(request).values_list("pk", "name"))

    def queryset(self, request, queryset):
        return queryset.filter(client_id=self.value()) if self.value() else queryset


class EligibilityFilter(admin.SimpleListFilter):
    title = "eligibility"
    parameter_name = "eligibility"

    def lookups(self, request, model_admin):
        return [(e, ELIGIBILITY_LABELS[e]) for e in QUEUE_ELIGIBILITY]

    def queryset(self, request, queryset):
        return queryset.filter(eligibility=self.value()) if self.value() in QUEUE_ELIGIBILITY else queryset


class AssigneeFilter(admin.SimpleListFilter):
    """Me, nobody, or one of the coordinators of the clients this user sees."""

    title = "assigned coordinator"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        users = (
            get_user_model().objects.filter(coordinator_assignments__client__in=visible_clients(request))
            .exclude(pk=user_of(request).pk).distinct().order_by("username").values_list("pk", "username")
        )
        return [("me", "me"), ("nobody", "nobody"), *((str(pk), name) for pk, name in users)]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "me":
            return queryset.filter(assigned_to_id=user_of(request).pk)
        if value == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        if value:
            return queryset.filter(assigned_to_id=value)
        return queryset


class NewSinceVisitFilter(admin.SimpleListFilter):
    """Results first seen after this user's previous queue visit (all of them on a first visit)."""

    title = "first seen"
    parameter_name = "new"

    def lookups(self, request, model_admin):
        return [("1", "since my last visit")]

    def queryset(self, request, queryset):
        if self.value() != "1":
            return queryset
        visit = getattr(request, "queue_visit", None) or QueueVisit.objects.filter(user_id=user_of(request).pk).first()
        previous = visit.previous if visit else None
        return queryset.filter(first_seen__gt=previous) if previous else queryset


class ChangedSinceRunFilter(admin.SimpleListFilter):
    """Results whose verdict the latest run of their patient changed, or anything since.

    "The latest run" is the patient's latest succeeded match job: a result is listed when it
    has a machine change (appeared, changed; not a coordinator's override) created at or after
    that job started, stored or implied by the result (``matcher.results.history``). A trial
    re-match after that job is newer still, so its changes are listed too. A patient with no
    succeeded job has no run to compare with and lists nothing.
    """

    title = "verdict changed"
    parameter_name = "changed"

    def lookups(self, request, model_admin):
        return [("1", "since the last run")]

    def queryset(self, request, queryset):
        if self.value() != "1":
            return queryset
        return queryset.filter(history.changed_since(_run_started))


def _run_started(patient_id: OuterRef) -> Subquery:
    """When the patient's latest succeeded match job started."""
    return Subquery(
        MatchJob.objects.filter(patient_id=patient_id, status=MatchJob.Status.SUCCEEDED).order_by("-finished").values("started")[:1]
    )
