"""The coordinators' match queue in Django admin, and the match page behind each row.

The queue lists the matches worth a coordinator's time (active, eligible or possibly
eligible), newest first, with filters for the questions asked every morning: what is new since
I last looked, what did the last run change, what is mine. The match page shows one verdict
with every criterion's reason, the facts those reasons used and the history, and carries the
workflow: status, assignee, notes, overrides. Every change goes through ``matcher.queue.actions``, so
each one is recorded as a ``MatchEvent``.

Tenancy: a coordinator (any non-superuser) sees only matches of the clients they are assigned
to (``CoordinatorAssignment``), in the list and object by object (another client's match is a
404). Patient identifiers are shown only with ``matcher.view_patient_identity``.

Scale: the list makes a fixed number of queries whatever the number of rows (no query per row,
no full count), pinned by tests with 10,000 results.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse

from matcher.audit import trail
from matcher.models import (
    AccessEvent,
    CoordinatorAssignment,
    CriterionOverride,
    MatchEvent,
    MatchResult,
)
from matcher.queue import actions
from matcher.queue.filters import (
    ELIGIBILITY_LABELS,
    QUEUE_ELIGIBILITY,
    AssigneeFilter,
    ChangedSinceRunFilter,
    ClientFilter,
    EligibilityFilter,
    NewSinceVisitFilter,
    TrialFilter,
    record_queue_visit,
    scoped,
    sees_identity,
    user_of,
)
from matcher.queue.page import (
    AssignForm,
    NoteForm,
    OverrideForm,
    StatusActionForm,
    facts_used,
    format_moment,
    merged_history,
    reading_order,
    rules_out,
)
from matcher.queue.worklist import missing_data_worklist
from matcher.results.render import Line, lines_of
from rules_engine.facts import PatientFacts

# --- the list --------------------------------------------------------------------------------


class QueueChangeList(ChangeList):
    """The queue's rows: active, eligible or possibly eligible, with only the columns' fields
    loaded in one query (the patient's record and facts are large and never needed here)."""

    def get_queryset(self, request, exclude_parameters=None):
        qs = super().get_queryset(request, exclude_parameters)
        return (
            qs.filter(state=MatchResult.State.ACTIVE, eligibility__in=QUEUE_ELIGIBILITY)
            .select_related("trial", "patient", "client", "assigned_to")
            .only(
                "id", "eligibility", "score", "unknown_count", "review_status", "first_seen", "last_changed",
                "trial__nct_id", "patient__identifier_value", "client__name", "assigned_to__username",
            )
        )

class MatchQueueAdmin(admin.ModelAdmin):
    """The match queue (changelist) and the match page (change view, read-only apart from the
    workflow forms)."""

    list_filter = [
        TrialFilter, ClientFilter, EligibilityFilter, "review_status", AssigneeFilter, NewSinceVisitFilter,
        ChangedSinceRunFilter,
    ]
    ordering = ["-first_seen", "-id"]
    list_per_page = 50
    show_full_result_count = False  # no COUNT(*) of everything on each page load
    show_facets = admin.ShowFacets.NEVER  # facet counts are a COUNT per filter choice over the whole queue
    actions = ["set_status_action", "assign_to_me", "unassign"]
    search_help_text = "An NCT id, or a patient's local identifier (with the identity permission)."
    _columns = ["score", "unknowns", "review_status", "assignee", "seen", "changed"]

    # --- permissions and scope ---

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return scoped(request, super().get_queryset(request))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # results come from matching

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # a result's review history must stay readable

    # --- the list ---

    def get_changelist(self, request: HttpRequest, **kwargs):
        return QueueChangeList

    def get_list_display(self, request: HttpRequest):
        patient = "patient_identifier" if sees_identity(request) else "patient_ref"
        return ["trial_nct", patient, "client_name", "eligibility_label", *self._columns]

    def get_list_display_links(self, request, list_display):
        return ["trial_nct"]

    def get_search_fields(self, request: HttpRequest):
        return ["trial__nct_id"]  # searching is done exactly in get_search_results

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        """Exact matches only, each on an indexed column: an NCT id, or (with the identity
        permission) a local identifier. A term matching neither finds nothing."""
        term = search_term.strip()
        if not term:
            return queryset, False
        wanted = Q(trial__nct_id=term.upper())
        if sees_identity(request):
            wanted |= Q(patient__identifier_value=term)
        return queryset.filter(wanted), False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        if request.method == "GET":
            # read by NewSinceVisitFilter during this request
            request.queue_visit = record_queue_visit(request)  # type: ignore[attr-defined]
        context = {"title": "Match queue", "is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, context)

    @admin.display(description="trial", ordering="trial__nct_id")
    def trial_nct(self, obj: MatchResult) -> str:
        return obj.trial.nct_id

    @admin.display(description="patient", ordering="patient__identifier_value")
    def patient_identifier(self, obj: MatchResult) -> str:
        return obj.patient.identifier_value

    @admin.display(description="patient")
    def patient_ref(self, obj: MatchResult) -> str:
        return str(obj.patient_id)

    @admin.display(description="client", ordering="client__name")
    def client_name(self, obj: MatchResult) -> str:
        return obj.client.name

    @admin.display(description="eligibility", ordering="eligibility_rank")
    def eligibility_label(self, obj: MatchResult) -> str:
        return ELIGIBILITY_LABELS.get(obj.eligibility, obj.eligibility)

    @admin.display(description="unknown", ordering="unknown_count")
    def unknowns(self, obj: MatchResult) -> int:
        return obj.unknown_count

    @admin.display(description="first seen", ordering="first_seen")
    def seen(self, obj: MatchResult) -> str:
        return format_moment(obj.first_seen)

    @admin.display(description="last changed", ordering=Coalesce("last_changed", "first_seen"))
    def changed(self, obj: MatchResult) -> str:
        return format_moment(obj.changed_at)

    @admin.display(description="assigned to", ordering="assigned_to__username")
    def assignee(self, obj: MatchResult) -> str:
        return obj.assigned_to.get_username() if obj.assigned_to is not None else "—"

    # --- bulk actions ---

    @admin.action(description="Set review status…", permissions=["change"])
    def set_status_action(self, request: HttpRequest, queryset: QuerySet):
        """An intermediate page asks for the status and, for a closing one, the reason."""
        form = StatusActionForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            try:
                n = actions.bulk_set_status(list(queryset), form.cleaned_data["status"], user_of(request), form.cleaned_data["reason"])
            except actions.ReviewError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            label = MatchResult.ReviewStatus(form.cleaned_data["status"]).label
            self.message_user(request, f"{n} match{'es' if n != 1 else ''} set to “{label}”.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Set review status",
            "is_nav_sidebar_enabled": False,
            "form": form,
            "queryset": queryset.select_related(None).select_related("trial").only("id", "trial__nct_id", "eligibility"),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "action": "set_status_action",
        }
        return TemplateResponse(request, "admin/matcher/matchresult/set_status.html", context)

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet) -> None:
        try:
            n = actions.bulk_assign(list(queryset), user_of(request), user_of(request))
        except actions.ReviewError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(request, f"{n} match{'es' if n != 1 else ''} assigned to you.", messages.SUCCESS)

    @admin.action(description="Unassign", permissions=["change"])
    def unassign(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = actions.bulk_assign(list(queryset), None, user_of(request))
        self.message_user(request, f"{n} match{'es' if n != 1 else ''} unassigned.", messages.SUCCESS)

    # --- the match page ---

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None) -> HttpResponse:
        """The match page. GET shows it; POST applies one workflow form (named by the submit
        button's ``workflow`` value) and redirects back, or shows the page with the form's errors."""
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        result = self._get_result(request, object_id)
        if not self.has_view_or_change_permission(request, result):
            raise PermissionDenied
        bound: dict[str, forms.Form] = {}
        if request.method == "POST":
            response = self._apply(request, result, bound)
            if response is not None:
                return response
        page = TemplateResponse(request, "admin/matcher/matchresult/match.html", self._page_context(request, result, bound))
        trail.record_read(AccessEvent.Action.ADMIN_MATCH_PAGE_VIEW, request.user, result.client_id, [result.patient_id])
        return page

    def _get_result(self, request: HttpRequest, object_id: str) -> MatchResult:
        try:
            pk = int(object_id)
        except ValueError:
            raise Http404 from None
        result = (
            self.get_queryset(request).select_related("trial", "patient", "client", "assigned_to", "criteria_version")
            .filter(pk=pk).first()
        )
        if result is None:
            raise Http404("No such match in your queue.")
        return result

    def _rows(self, result: MatchResult) -> list[Line]:
        """The result's lines, their reasons rendered from the versions it was judged on."""
        return lines_of(result)

    def _apply(self, request: HttpRequest, result: MatchResult, bound: dict) -> HttpResponse | None:
        action = request.POST.get("workflow", "")
        user = user_of(request)
        needs = {
            "status": "matcher.change_matchresult",
            "assign": "matcher.change_matchresult",
            "note": "matcher.add_matchevent",
            "override": "matcher.add_criterionoverride",
            "end_override": "matcher.change_criterionoverride",
        }
        if action not in needs:
            return HttpResponseNotAllowed(["GET"])
        if not user.has_perm(needs[action]):
            raise PermissionDenied
        form: forms.Form
        try:
            if action == "status":
                form = bound["status"] = StatusActionForm(request.POST, prefix="status")
                if form.is_valid():
                    actions.set_status(result, form.cleaned_data["status"], user, form.cleaned_data["reason"])
                    return self._done(request, result, f"Status: {result.get_review_status_display()}.")
            elif action == "assign":
                form = bound["assign"] = AssignForm(result, request.POST, prefix="assign")
                if form.is_valid():
                    who = form.cleaned_data["assignee"]
                    actions.assign(result, who, user)
                    return self._done(request, result, f"Assigned to {who.get_username() if who else 'nobody'}.")
            elif action == "note":
                form = bound["note"] = NoteForm(request.POST, prefix="note")
                if form.is_valid():
                    actions.add_note(result, form.cleaned_data["text"], user)
                    return self._done(request, result, "Note added.")
            elif action == "override":
                form = bound["override"] = OverrideForm(self._rows(result), request.POST, prefix="override")
                if form.is_valid():
                    o = actions.override_criterion(
                        result, form.cleaned_data["position"], form.cleaned_data["outcome"], form.cleaned_data["note"], user
                    )
                    return self._done(
                        request, result,
                        f"Criterion #{form.cleaned_data['position'] + 1} overridden (v{o.version}); "
                        f"the match is now {ELIGIBILITY_LABELS.get(result.eligibility, result.eligibility).lower()}.",
                    )
            else:
                override = CriterionOverride.objects.filter(result=result, pk=request.POST.get("override_id") or 0).first()
                if override is None:
                    raise Http404("No such override on this match.")
                actions.end_override(override, user)
                return self._done(request, result, f"Override v{override.version} ended.")
        except actions.ReviewError as exc:
            messages.error(request, str(exc))
        return None

    def _done(self, request: HttpRequest, result: MatchResult, message: str) -> HttpResponse:
        messages.success(request, message)
        return HttpResponseRedirect(reverse("admin:matcher_matchresult_change", args=[result.pk]))

    def _page_context(self, request: HttpRequest, result: MatchResult, bound: dict) -> dict:
        rows = self._rows(result)
        facts = PatientFacts.from_json(result.patient.facts)
        identity = sees_identity(request)
        patient_ref = result.patient.identifier_value if identity else str(result.patient_id)
        user = user_of(request)
        fact_rows = facts_used(rows, facts, result.evaluated_at)
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{result.trial.nct_id} for patient {patient_ref}",
            "is_nav_sidebar_enabled": False,
            "result": result,
            "patient_ref": patient_ref,
            "eligibility_label": ELIGIBILITY_LABELS.get(result.eligibility, result.eligibility),
            "criteria": sorted(rows, key=reading_order),
            "failing": {r.position for r in rows if rules_out(r)},
            "facts": [f for f in fact_rows if f.values],
            "facts_missing": [f for f in fact_rows if not f.values],
            "history": merged_history(result),
            "notes": list(result.events.filter(kind=MatchEvent.Kind.NOTE).select_related("actor")),
            "overrides": list(result.overrides.select_related("author").order_by("-created", "-id")),
            "worklist": missing_data_worklist(result.patient)[:8],
            "status_form": bound.get("status") or StatusActionForm(
                prefix="status", initial={"status": result.review_status, "reason": result.review_reason}
            ),
            "assign_form": bound.get("assign") or AssignForm(result, prefix="assign"),
            "note_form": bound.get("note") or NoteForm(prefix="note"),
            "override_form": bound.get("override") or OverrideForm(rows, prefix="override"),
            "can_change": user.has_perm("matcher.change_matchresult"),
            "can_note": user.has_perm("matcher.add_matchevent"),
            "can_override": user.has_perm("matcher.add_criterionoverride"),
            "can_end_override": user.has_perm("matcher.change_criterionoverride"),
            "queue_url": reverse("admin:matcher_matchresult_changelist"),
        }

class CoordinatorAssignmentAdmin(admin.ModelAdmin):
    """Who works on which client's matches: the queue shows a coordinator only these clients."""

    list_display = ["user", "client"]
    list_filter = ["client"]
    list_select_related = ["user", "client"]
    search_fields = ["user__username", "client__name"]
    autocomplete_fields = []
    raw_id_fields = ["user"]


admin.site.register(MatchResult, MatchQueueAdmin)
admin.site.register(CoordinatorAssignment, CoordinatorAssignmentAdmin)
