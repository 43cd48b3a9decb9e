"""``GET /api/v1/health``: the database and the broker, each "ok" or why not (503)."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.request import Request
from rest_framework.response import Response

from matcher.config.celery import app


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # any failure means "down"; the class name says which kind
        return f"down: {type(exc).__name__}"


def _broker() -> str:
    if settings.EMBEDDED_WORKER:
        return "ok"  # development mode: jobs run in-process, there is no broker to reach
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception as exc:
        return f"down: {type(exc).__name__}"


@extend_schema(
    responses={
        200: inline_serializer("Health", {"database": serializers.CharField(), "broker": serializers.CharField()}),
        503: inline_serializer("HealthDown", {"database": serializers.CharField(), "broker": serializers.CharField()}),
    },
    auth=[],
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([])
def health(request: Request) -> Response:
    checks = {"database": _database(), "broker": _broker()}
    healthy = all(v == "ok" for v in checks.values())
    return Response(checks, status=200 if healthy else 503)
