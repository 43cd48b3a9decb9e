"""fhir.resources' validation errors as element paths and plain type words, and the JSON types
the models would coerce away checked against the document itself."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import IntakeError

# ------------------------------------------------------------------------------------------
# pydantic errors -> element paths and type words
# ------------------------------------------------------------------------------------------


def join_path(prefix: str, loc: tuple[Any, ...] | list[Any]) -> str:
    """``("referenceRange", 0, "high")`` under ``entry[3].resource`` ->
    ``entry[3].resource.referenceRange[0].high``."""
    path = prefix
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(part, str):
            if part == "root" or not re.fullmatch(r"_?[A-Za-z][A-Za-z0-9]*", part):
                continue  # pydantic internals (root validators, union tags, python names): FHIR names have no "_" inside
            path = f"{path}.{part}" if path else part
    return path


_TYPE_WORDS = (
    ("missing", "is required"),
    ("extra_forbidden", "is not a FHIR R4 element here"),
    ("string_type", "must be a string"),
    ("string_too_short", "must not be empty"),
    ("string_pattern_mismatch", "does not have the format FHIR requires for this element"),
    ("list_type", "must be an array"),
    ("tuple_type", "must be an array"),
    ("dict_type", "must be an object"),
    ("model_type", "must be an object"),
    ("model_attributes_type", "must be an object"),
    ("model_validation_format", "must be an object"),
    ("int_", "must be an integer"),
    ("float_", "must be a number"),
    ("decimal_", "must be a number"),
    ("bool_", "must be true or false"),
    ("datetime_", "must be a FHIR dateTime (YYYY, YYYY-MM, YYYY-MM-DD or a full date and time)"),
    ("date_", "must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("time_", "must be a FHIR time (hh:mm:ss)"),
    ("json_invalid", "must be an object"),
    ("fhir-validation-wrong-resource-type", "is not of the FHIR type this element takes"),
    ("literal_error", "is not one of the allowed codes"),
    ("enum", "is not one of the allowed codes"),
    ("too_short", "must not be empty"),
    ("too_long", "has too many items"),
    ("greater_than", "is out of range"),
    ("less_than", "is out of range"),
)

_VALUE_ERROR_WORDS = (
    ("Decimal", "must be a number"),
    ("Integer", "must be an integer"),
    ("DateTime", "must be a FHIR dateTime (YYYY, YYYY-MM, YYYY-MM-DD or a full date and time)"),
    ("Instant", "must be a FHIR instant (a full date and time with a time zone)"),
    ("Date ", "must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("Date value", "must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("Time", "must be a FHIR time (hh:mm:ss)"),
    ("timezone", "must carry a time zone"),
)


def _choice_name(message: str) -> str:
    names = re.findall(r"'([A-Za-z]+)'", message)
    if not names:
        return "a choice element"
    prefix = names[0]
    for name in names[1:]:
        while not name.startswith(prefix):
            prefix = prefix[:-1]
    return f"{prefix}[x]" if prefix else "a choice element"


def describe_error(error: dict[str, Any]) -> str:
    """A message for one pydantic error built from its type only -- never from the input,
    which may hold a patient's name or values."""
    kind = str(error.get("type", ""))
    message = str(error.get("msg", ""))
    if kind.endswith("missing"):
        return "is required"
    if kind == "value_error":
        if "but got multiple" in message:
            return f"holds more than one {_choice_name(message)} element; only one is allowed"
        if "Expect any of field value" in message:
            return f"requires one {_choice_name(message)} element"
        for fragment, words in _VALUE_ERROR_WORDS:
            if fragment in message:
                return words
        return "is not valid"
    for fragment, words in _TYPE_WORDS:
        if kind.startswith(fragment) or kind == fragment:
            return words
    return "is not valid"


def _raise_first(exc: ValidationError, prefix: str) -> None:
    errors = exc.errors(include_url=False, include_input=False)
    if not errors:
        raise IntakeError(prefix or "$", "is not valid")
    first = errors[0]
    path = join_path(prefix, first.get("loc", ()))
    raise IntakeError(path or "$", describe_error(first)) from None


# ------------------------------------------------------------------------------------------
# the JSON types the models coerce away
# ------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _aliases(model_class: type) -> dict[str, str]:
    return {(f.alias or name): name for name, f in model_class.model_fields.items()}


def _json_type_error(raw: Any, value: Any) -> str | None:
    """What is wrong when the JSON ``raw`` became the Python ``value``, or None."""
    if isinstance(value, bool):
        return None if isinstance(raw, bool) else "must be true or false"
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            return "must be a number"
        return None
    if isinstance(value, str) or type(value).__name__ in ("date", "datetime", "time"):
        return None if isinstance(raw, str) else "must be a string"
    return None


def check_json_types(raw: Any, value: Any, path: str) -> None:
    """Walk the posted JSON beside the validated model and reject primitives of the wrong
    JSON type that pydantic coerced (FHIR JSON: numbers are numbers, dates are strings)."""
    if isinstance(value, BaseModel):
        if not isinstance(raw, dict):  # the models parse a JSON string into an element
            raise IntakeError(path, "must be an object")
        aliases = _aliases(type(value))
        for key, sub in raw.items():
            name = aliases.get(key)
            if name is None or key == "resourceType":
                continue
            if sub is None:
                raise IntakeError(f"{path}.{key}", "must not be null (leave the element out)")
            check_json_types(sub, getattr(value, name, None), f"{path}.{key}")
        return
    if isinstance(value, list):
        if not isinstance(raw, list):
            raise IntakeError(path, "must be an array")
        for i, (r, v) in enumerate(zip(raw, value)):
            check_json_types(r, v, f"{path}[{i}]")
        return
    if value is None:
        return
    problem = _json_type_error(raw, value)
    if problem:
        raise IntakeError(path, problem)


# ------------------------------------------------------------------------------------------
# validation
# ------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _model_class(resource_type: str) -> type:
    from fhir.resources.R4B import get_fhir_model_class

    return get_fhir_model_class(resource_type)


def validate_model(resource_type: str, data: dict[str, Any], path: str) -> Any:
    model_class = _model_class(resource_type)
    try:
        model = model_class.model_validate(data)
    except ValidationError as exc:
        _raise_first(exc, path)
    except RecursionError:
        raise IntakeError(path, "is nested too deeply") from None
    except Exception:  # fhir.resources raises KeyError & co. on some malformed input
        raise IntakeError(path, f"is not a valid FHIR R4 {resource_type}") from None
    try:
        check_json_types(data, model, path)
    except RecursionError:
        raise IntakeError(path, "is nested too deeply") from None
    return model


def validate_bundle_elements(data: dict[str, Any]) -> None:
    """The Bundle's own elements, with each entry's resource set aside."""
    shell = {k: v for k, v in data.items() if k != "entry"}
    shell.setdefault("type", "collection")
    if isinstance(data.get("entry"), list):
        shell["entry"] = [
            {k: v for k, v in e.items() if k != "resource"} if isinstance(e, dict) else e for e in data["entry"]
        ]
    validate_model("Bundle", shell, "")


