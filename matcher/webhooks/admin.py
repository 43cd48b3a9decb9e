"""Admin for clients' webhooks and their delivery log.

The signing secret is never shown or edited here (it is issued to the client once, through the
API); staff see whether a webhook is paused and can resume it once the client's endpoint works.
A URL saved here passes the same check as one PUT through the API (https, public addresses).
"""

from __future__ import annotations

import secrets

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from matcher.models import Webhook, WebhookDelivery
from matcher.webhooks import delivery


class PausedFilter(admin.SimpleListFilter):
    title = "paused"
    parameter_name = "paused"

    def lookups(self, request: HttpRequest, model_admin):
        return [("yes", "Paused"), ("no", "Not paused")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.exclude(paused_at=None)
        if self.value() == "no":
            return queryset.filter(paused_at=None)
        return queryset


class WebhookForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")

    class Meta:
        model = Webhook
        fields = ["client", "url", "active"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and (refused := delivery.refusal(url)):
            raise forms.ValidationError(refused, code="unsafe_destination")
        return url


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    form = WebhookForm
    list_display = ["client", "url", "active", "paused_at", "consecutive_failures", "created"]
    list_filter = ["active", PausedFilter]
    list_select_related = ["client"]
    search_fields = ["client__name"]
    fields = ["client", "url", "active", "paused_at", "consecutive_failures", "created"]
    readonly_fields = ["paused_at", "consecutive_failures", "created"]
    actions = ["resume"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return ["client", *self.readonly_fields] if obj else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Webhook, form, change: bool) -> None:
        if change:  # only what this form edits: the secrets are left as they are stored
            obj.save(update_fields=["url", "active"])
            return
        obj.secret = secrets.token_hex(32)  # created here: the client rotates it through the API to learn it
        super().save_model(request, obj, form, change)

    @admin.action(description="Resume selected paused webhooks (resets the failure count)")
    def resume(self, request: HttpRequest, queryset: QuerySet) -> None:
        paused = list(queryset.exclude(paused_at=None).values_list("pk", flat=True))
        for pk in paused:
            delivery.resume(pk)
        self.message_user(request, f"Resumed {len(paused)} webhook(s).", messages.SUCCESS)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "webhook", "event", "status", "attempts", "last_status_code", "next_attempt", "created", "delivered"]
    list_filter = ["status", "event"]
    list_select_related = ["webhook__client"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
