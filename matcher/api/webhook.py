"""A client's own webhook and its delivery log over REST. Each client has at most one webhook
and sees only its own; the signing secret is shown once, when it is issued.

A URL is checked when it is saved and again at every send (matcher.webhooks.delivery): https,
and a host whose every address is on the public internet. Any PUT of an existing webhook
checks its URL again, so a webhook saved before a rule existed cannot be kept by a PUT that
only rotates or re-activates it."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api_common.errors import FieldError
from api_common.permissions import IsApiClient, client_of
from matcher.api.openapi import paginated
from matcher.models import ApiClient, Webhook, WebhookDelivery
from matcher.webhooks import delivery

SIGNING = (
    "Each delivery is a POST of a JSON body with ids only, headers `Eligo-Event`, `Eligo-Delivery` "
    "(stable across retries) and `Eligo-Signature: t=<unix seconds>,v1=<hex>`, where the hex is "
    "HMAC-SHA256 keyed with the secret (as ASCII text) over `<t>.` followed by the raw body; accept "
    "the request when any `v1` matches. After `rotate_secret` the header carries two: "
    "`t=<unix seconds>,v1=<new>,v1=<old>`, the old secret's for a grace period (24 hours by default), "
    "so a receiver keeps verifying until it switches to the new secret. "
    "Non-2xx answers, timeouts (one deadline per attempt, 5 s by default) and refused destinations "
    "are failed attempts, retried with exponential backoff; repeated failures pause the webhook "
    "until it is PUT again. The delivery log's `last_error` is a generic word "
    "(`timeout`, `connection failed`, `tls error`, `invalid answer`, `destination refused`, `HTTP 500`)."
)


class WebhookInput(serializers.Serializer):
    url = serializers.URLField(max_length=500, required=False, validators=[URLValidator(schemes=["http", "https"])])
    active = serializers.BooleanField(required=False)
    rotate_secret = serializers.BooleanField(required=False, default=False)


class WebhookSerializer(serializers.ModelSerializer):
    paused = serializers.SerializerMethodField()

    class Meta:
        model = Webhook
        fields = ["url", "active", "paused", "consecutive_failures", "created"]

    def get_paused(self, hook: Webhook) -> bool:
        return hook.paused_at is not None


WebhookWritten = inline_serializer(
    "WebhookWritten",
    {
        "url": serializers.URLField(),
        "active": serializers.BooleanField(),
        "paused": serializers.BooleanField(),
        "secret": serializers.CharField(allow_null=True, help_text="only when issued: on creation and on rotate_secret"),
    },
)


class DeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = ["id", "event", "status", "attempts", "last_status_code", "last_error", "created", "delivered"]


class DeliveryPagination(CursorPagination):
    ordering = ("-created", "-id")
    page_size = 100


def _hook_of(client: ApiClient) -> Webhook:
    hook = Webhook.objects.filter(client=client).first()
    if hook is None:
        raise NotFound("this client has no webhook; PUT one")
    return hook


@transaction.atomic
def _write(client: ApiClient, data: dict[str, Any]) -> tuple[Webhook, bool, str | None]:
    """Create or update; any PUT resumes a paused webhook (the client says its endpoint works
    again) and restarts the failure count."""
    found = Webhook.objects.select_for_update().filter(client=client).first()
    created = found is None
    if found is None:
        if "url" not in data:
            raise serializers.ValidationError({"url": ["This field is required."]})
        found = Webhook(client=client)
    hook = found
    # A secret that no configured key decrypts (SECRET_KEY changed without re-encrypting) is
    # replaced as if rotated: the client learns the new one here.
    issued = secrets.token_hex(32) if created or data["rotate_secret"] or hook.secret is None else None
    if issued:
        if not created and hook.secret:
            # Stripe-style rotation: the replaced secret keeps signing beside the new one for a
            # grace period, so the receiver does not fail deliveries until it switches.
            hook.previous_secret = hook.secret
            hook.previous_secret_expires = timezone.now() + delivery.rotation_grace()
        hook.secret = issued
    if "url" in data:
        hook.url = data["url"]
    if "active" in data:
        hook.active = data["active"]
    hook.paused_at = None
    hook.consecutive_failures = 0
    hook.save()
    return hook, created, issued


class WebhookView(APIView):
    permission_classes = [IsApiClient]

    @extend_schema(responses={200: WebhookSerializer, 404: OpenApiResponse(description="no webhook yet")})
    def get(self, request: Request) -> Response:
        return Response(WebhookSerializer(_hook_of(client_of(request))).data)

    @extend_schema(
        request=WebhookInput,
        responses={201: WebhookWritten, 200: WebhookWritten, 400: OpenApiResponse(description="names the field, e.g. url")},
        description=(
            "Create or update this client's webhook. `url` must be https and its host must resolve "
            "only to public internet addresses (not loopback, private, link-local, multicast or "
            "reserved, nor names under `.localhost`); anything else is a 400 naming `url`. The URL is "
            "checked again by every PUT and at every delivery. Creation issues a signing secret, "
            "returned this once; `rotate_secret: true` issues a new one. A PUT also resumes a "
            f"paused webhook. {SIGNING}"
        ),
    )
    def put(self, request: Request) -> Response:
        serializer = WebhookInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        client = client_of(request)
        # Checked before the row is locked: resolving a name may take seconds.
        url = serializer.validated_data.get("url") or Webhook.objects.filter(client=client).values_list("url", flat=True).first()
        if url and (refused := delivery.refusal(url)):
            raise FieldError("url", refused)
        hook, created, issued = _write(client, serializer.validated_data)
        body = {"url": hook.url, "active": hook.active, "paused": hook.paused_at is not None, "secret": issued}
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(responses={204: None, 404: OpenApiResponse(description="no webhook")})
    def delete(self, request: Request) -> Response:
        _hook_of(client_of(request)).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookDeliveries(APIView):
    permission_classes = [IsApiClient]

    @extend_schema(
        operation_id="webhook_deliveries_list",
        responses=paginated("PaginatedWebhookDeliveries", DeliverySerializer(many=True)),
        description="This client's webhook deliveries, newest first, with each one's last answer. Cursor-paginated.",
    )
    def get(self, request: Request) -> Response:
        deliveries = WebhookDelivery.objects.filter(webhook__client=client_of(request))
        paginator = DeliveryPagination()
        page = paginator.paginate_queryset(deliveries, request, view=self)
        return paginator.get_paginated_response(DeliverySerializer(page, many=True).data)
