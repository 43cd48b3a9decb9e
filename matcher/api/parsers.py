"""The JSON parser of every DRF endpoint (``DEFAULT_PARSER_CLASSES``), trials' included.

Two things DRF's own parser does not do: it reads no more than a size limit (a view's
``max_body_bytes``, else ``DEFAULT_MAX_BODY_BYTES``: 413 beyond it, before parsing), and it
refuses, with a 400 naming the element, what no row can hold even where Eligo never reads it:
``NaN`` / ``Infinity`` / ``1e400`` (PostgreSQL's JSON has no such numbers: the write failed
with a 500), lone surrogates (stored, they made every later read of the row a 500) and NUL
characters. The checks are the patient intake's (``matcher.intake.parse_json``), so every
endpoint refuses the same things with the same words.
"""

from __future__ import annotations

from typing import Any

from rest_framework.parsers import BaseParser

from api_common.errors import FieldError
from matcher import intake

# Every JSON body but a patient record (5 MiB, its own parser) and a registry study: a webhook
# URL, a trial's status and criteria lines. A megabyte is thousands of criteria lines.
DEFAULT_MAX_BODY_BYTES = 1024 * 1024


def _too_large(limit: int) -> FieldError:
    return FieldError("$", f"is larger than {limit} bytes, the most this endpoint reads", status_code=413)


class CheckedJSONParser(BaseParser):
    media_type = "application/json"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict[str, Any] | None = None) -> Any:
        context = parser_context or {}
        limit = getattr(context.get("view"), "max_body_bytes", None) or DEFAULT_MAX_BODY_BYTES
        request = context.get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise _too_large(limit)
        try:
            return intake.parse_json(body)
        except intake.IntakeError as exc:
            raise FieldError(exc.path, exc.message) from None
