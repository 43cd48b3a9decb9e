"""Small helpers that keep the OpenAPI schema true to what the views answer."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

# JSON Schema 2020-12 keywords an OpenAPI 3.0 schema object does not have.
_DROPPED = frozenset({"$schema", "$id", "$comment", "$defs"})


def as_openapi_schema(schema: Any) -> Any:
    """A JSON Schema 2020-12 document as an OpenAPI 3.0 schema object: no ``$schema`` / ``$id``,
    ``const`` as a one-value ``enum``, ``examples`` as ``example``, a list of types as ``oneOf``."""
    if isinstance(schema, list):
        return [as_openapi_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _DROPPED:
            continue
        if key == "const":
            converted["enum"] = [value]
        elif key == "examples" and isinstance(value, list):
            if value:
                converted["example"] = value[0]
        elif key == "type" and isinstance(value, list):
            converted["oneOf"] = [{"type": t} for t in value if t != "null"]
            if "null" in value:
                converted["nullable"] = True
        elif key in ("properties", "patternProperties") and isinstance(value, dict):
            converted[key] = {name: as_openapi_schema(sub) for name, sub in value.items()}
        else:
            converted[key] = as_openapi_schema(value)
    return converted


def paginated(name: str, item: serializers.Serializer) -> serializers.Serializer:
    """The shape DRF's cursor pagination answers: ``{"next", "previous", "results"}``."""
    return inline_serializer(
        name,
        {
            "next": serializers.URLField(allow_null=True, help_text="the next page, or null on the last"),
            "previous": serializers.URLField(allow_null=True),
            "results": item,
        },
    )
