"""One error shape for the whole API (contract section 3: JSON, 4xx, naming the field).

Every error answers ``{"error": <message>, "field": <path or null>}``; DRF's validation errors
are flattened so the first offending field's path comes first in the message, because a
hospital integrator reads the message, not a nested dict.
"""

from __future__ import annotations

from typing import Any

from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class FieldError(APIException):
    """A 4xx naming one field or element path."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, field: str | None, message: str, status_code: int | None = None) -> None:
        self.field = field
        self.message = message
        if status_code is not None:
            self.status_code = status_code
        super().__init__(detail=f"{field}: {message}" if field else message)


def _first_field_error(detail: Any, prefix: str = "") -> tuple[str | None, str]:
    if isinstance(detail, dict):
        for key, value in detail.items():
            path = key if not prefix else (f"{prefix}[{key}]" if isinstance(key, int) else f"{prefix}.{key}")
            if key == "non_field_errors":
                path = prefix or None
            return _first_field_error(value, path or "")
    if isinstance(detail, list) and detail:
        if all(not isinstance(d, (dict, list)) for d in detail):
            return (prefix or None, str(detail[0]))
        for i, value in enumerate(detail):
            if value:
                return _first_field_error(value, f"{prefix}[{i}]")
    return (prefix or None, str(detail))


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, FieldError):
        return Response({"error": exc.detail, "field": exc.field}, status=exc.status_code)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        field, message = _first_field_error(exc.detail)
        response.data = {"error": f"{field}: {message}" if field else message, "field": field, "detail": exc.detail}
    else:
        detail = response.data.get("detail", response.data) if isinstance(response.data, dict) else response.data
        response.data = {"error": str(detail), "field": None}
    return response
