"""Admin for API clients, patients and match jobs.

Patients are health data: the admin lists them only to staff holding ``view_patient`` (Django's
model permission), and shows a patient's local identifier and record only to staff who also
hold ``view_patient_identity``.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from matcher.api import clients as api_clients
from matcher.audit import trail
from matcher.lockout import LockoutAdminAuthenticationForm
from matcher.models import AccessEvent, ApiClient, ApiToken, MatchJob, Patient
from matcher.patients import store

# Sign-in failures are counted and locked out per username and address (matcher.lockout).
admin.site.login_form = LockoutAdminAuthenticationForm


def _show_issued(request: HttpRequest, issued: list[tuple[ApiClient, str]], title: str) -> TemplateResponse:
    """The one time a token's plaintext is shown: on this page, never stored, never cached."""
    response = TemplateResponse(
        request,
        "admin/matcher/apitoken/issued.html",
        {**admin.site.each_context(request), "title": title, "issued": issued},
    )
    add_never_cache_headers(response)
    return response


class ApiTokenInline(admin.TabularInline):
    model = ApiToken
    fields = readonly_fields = ("prefix", "note", "created", "expires_at", "revoked_at", "last_used")
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ["name", "can_manage_trials", "created"]
    readonly_fields = ["user", "created"]
    inlines = [ApiTokenInline]
    actions = ["issue_token", "rotate_tokens", "revoke_tokens"]

    @admin.action(description="Issue a new token (shown once)", permissions=["change"])
    def issue_token(self, request: HttpRequest, queryset):
        issued = [(client, api_clients.issue_token(client)[1]) for client in queryset]
        return _show_issued(request, issued, "New API tokens")

    @admin.action(
        description="Rotate tokens: a new one, the old ones end after the grace period", permissions=["change"]
    )
    def rotate_tokens(self, request: HttpRequest, queryset):
        issued = [(client, api_clients.rotate_token(client)[1]) for client in queryset]
        return _show_issued(request, issued, "Rotated API tokens")

    @admin.action(description="Revoke every token now", permissions=["change"])
    def revoke_tokens(self, request: HttpRequest, queryset) -> None:
        count = sum(api_clients.revoke_tokens(client) for client in queryset)
        self.message_user(request, f"{count} token(s) revoked.", messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are hashes: listed by their public prefix, revoked here, issued from the client."""

    list_display = ["prefix", "client", "note", "created", "expires_at", "revoked_at", "last_used"]
    list_filter = ["client"]
    list_select_related = ["client"]
    search_fields = ["=prefix"]
    fields = ["prefix", "client", "note", "created", "expires_at", "revoked_at", "last_used"]
    readonly_fields = ["prefix", "client", "note", "created", "revoked_at", "last_used"]
    actions = ["revoke"]

    @admin.action(description="Revoke the selected tokens now", permissions=["change"])
    def revoke(self, request: HttpRequest, queryset) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} token(s) revoked.", messages.SUCCESS)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # issued from the API client's page, where the plaintext is shown once

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # revoked, not deleted: the row says which prefix was live when


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):
    list_display = ["id", "client", "format", "created", "updated"]
    list_filter = ["client", "format"]
    list_select_related = ["client"]
    show_full_result_count = False

    def _sees_identity(self, request: HttpRequest) -> bool:
        return request.user.has_perm("matcher.view_patient_identity")

    def get_list_display(self, request: HttpRequest):
        if self._sees_identity(request):
            return ["identifier_value", *self.list_display]
        return self.list_display

    def get_search_fields(self, request: HttpRequest):
        return ["=identifier_value"] if self._sees_identity(request) else []

    def get_fields(self, request: HttpRequest, obj=None):
        base = ["id", "client", "format", "facts", "ignored", "created", "updated"]
        return ["identifier_system", "identifier_value", "record", *base] if self._sees_identity(request) else base

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # patients come from their hospital's system, through the API

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        patient = getattr(response, "context_data", {}).get("original") if response.status_code == 200 else None
        if patient is not None:
            trail.record_read(AccessEvent.Action.ADMIN_PATIENT_VIEW, request.user, patient.client_id, [patient.pk])
        return response

    # Deleting goes through the same service as the API: every trace erased, the deletion in
    # the access trail without the id, and no admin LogEntry, which would keep the id.
    def delete_model(self, request: HttpRequest, obj: Patient) -> None:
        store.delete_patient(obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for patient in queryset:
            store.delete_patient(patient, actor=request.user)

    def log_deletion(self, request: HttpRequest, obj, object_repr):
        return None

    def log_deletions(self, request: HttpRequest, queryset):
        return []


@admin.register(MatchJob)
class MatchJobAdmin(admin.ModelAdmin):
    list_display = ["id", "client", "status", "trigger", "created", "finished", "deliveries"]
    list_filter = ["status", "trigger", "client"]
    list_select_related = ["client"]
    readonly_fields = [f.name for f in MatchJob._meta.fields]
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


# The webhooks' admin, the coordinators' match queue and the coordinator assignments register
# themselves there.
from matcher.audit import admin as audit_admin  # noqa: E402,F401
from matcher.queue import admin as queue_admin  # noqa: E402,F401
from matcher.webhooks import admin as webhooks_admin  # noqa: E402,F401
