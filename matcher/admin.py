"""Admin for API clients, patients and match jobs.

Patients are health data: the admin lists them only to staff holding ``view_patient`` (Django's
model permission), and shows a patient's local identifier and record only to staff who also
hold ``view_patient_identity``.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from matcher.models import ApiClient, MatchJob, Patient


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ["name", "can_manage_trials", "created"]
    readonly_fields = ["user", "created"]


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
from matcher.queue import admin as queue_admin  # noqa: E402,F401
from matcher.webhooks import admin as webhooks_admin  # noqa: E402,F401
