"""The access trail in admin, for auditors: read-only, newest first, filtered by action, kind of
actor and client, searched by exact patient id or actor name. Seeing it needs Django's
``matcher.view_accessevent``; nobody can add, change or delete an event here."""

from __future__ import annotations

import uuid

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from matcher.models import AccessEvent


@admin.register(AccessEvent)
class AccessEventAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "actor_kind", "actor_name", "client", "patient"]
    list_filter = ["action", "actor_kind", "client"]
    list_select_related = ["client"]
    search_fields = ["=actor_name"]
    search_help_text = "A patient's id, or an actor's exact name."
    ordering = ["-at", "-id"]
    date_hierarchy = None
    show_full_result_count = False  # the trail grows with every read: no COUNT(*) per page
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 100

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return [f.name for f in AccessEvent._meta.fields]

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        """Exact matches on indexed columns only: a patient id, else an actor's name."""
        term = search_term.strip()
        if not term:
            return queryset, False
        try:
            return queryset.filter(patient=uuid.UUID(term)), False
        except ValueError:
            return queryset.filter(actor_name=term), False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
