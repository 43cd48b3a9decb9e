"""Eligo's own patient JSON, for systems without FHIR.

A small, strict shape (every field below; anything else is an error naming its path)::

    {
      "identifier": {"system": "urn:oid:1.2.3", "value": "MRN-0042"},   # value required
      "birth_date": "1971-05-24",                                        # YYYY-MM-DD
      "sex": "male",                                                     # male|female|other|unknown
      "diagnoses": [
        {"code": "aml", "status": "relapsed", "date": "2026-10-23"}
      ],
      "measurements": [
        {"concept": "bilirubin", "value": 1.6, "unit": "mg/dL", "date": "2026-11-19", "uln": 1.0},
        {"concept": "cd19", "value": "positive", "date": "2026-11-12"}
      ],
      "events": [
        {"concept": "allo_hsct", "date": "2025-03-01"},
        {"concept": "hcv", "date": "2024-02-26", "active": false}
      ]
    }

* ``diagnoses[].code``: a leukemia concept id (``acute_leukemia``, ``aml``, ``apl``, ``all``,
  ``b_all``, ``t_all``). ``status`` (default ``active``) reads like FHIR's clinicalStatus:
  ``relapsed`` / ``refractory`` / ``remission`` add that status event; ``inactive``,
  ``resolved`` and ``remission`` make the diagnosis not current (contract section 5).
* ``measurements[]``: ``concept`` a measurement or qualitative concept id. A number needs a UCUM
  ``unit`` convertible to the concept's (optional when the concept's unit is ``1``); it is
  stored in the canonical unit. ``uln`` is in the same unit as ``value`` (default: Eligo's
  documented default). Qualitative concepts take ``"positive"`` / ``"negative"``; antigen
  expression (``cd19`` ...) also a percentage; viral loads also a number (above zero is
  positive).
* ``events[]``: ``concept`` any event concept id (infections, GVHD, therapies, transplants,
  pregnancy, lactation, disease status ...); ``active`` defaults to true; ``attributes`` is an
  object kept as given (e.g. ``{"grade": 2}`` for GVHD). ``allo_hsct`` / ``auto_hsct`` also
  record ``hsct``, as the FHIR procedures do.
* Every item may carry an ``id`` (a string): facts quote it as their source, else the item's
  path (``measurements[2]``).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Any

from rules_engine.concepts import CONCEPTS, Kind, ancestors
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.units import convert

from .codes import tables
from .errors import IntakeError
from .fhir import GENDERS
from .json_body import parse_json
from .normalise import NormalisedRecord
from .resolved_infections import with_resolved_infections

LEUKEMIA = "acute_leukemia"
DIAGNOSIS_CODES = tuple(sorted(c for c in CONCEPTS if c == LEUKEMIA or LEUKEMIA in ancestors(c)))
DIAGNOSIS_STATUSES = ("active", "relapsed", "refractory", "remission", "inactive", "resolved")
_STATUS_EVENTS = {"relapsed": "relapsed", "refractory": "refractory", "remission": "remission"}
_NOT_CURRENT = frozenset({"inactive", "resolved", "remission"})
MEASUREMENT_CONCEPTS = tuple(
    sorted(c.id for c in CONCEPTS.values() if c.kind in (Kind.MEASUREMENT, Kind.QUALITATIVE))
)
EVENT_CONCEPTS = tuple(sorted(c.id for c in CONCEPTS.values() if c.kind == Kind.EVENT))

_DATE = {"type": "string", "format": "date", "description": "YYYY-MM-DD"}
_ID = {"type": "string", "description": "the item's id in the sending system; facts quote it as their source"}

# JSON Schema (2020-12 / OpenAPI 3.1) of the shape above, for the API's OpenAPI document.
NATIVE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Eligo patient record",
    "description": "Eligo's own patient JSON, for systems without FHIR. Concept ids are Eligo's "
    "concept catalogue; units are UCUM.",
    "type": "object",
    "additionalProperties": False,
    "required": ["identifier"],
    "properties": {
        "identifier": {
            "type": "object",
            "additionalProperties": False,
            "required": ["value"],
            "properties": {"system": {"type": "string"}, "value": {"type": "string", "minLength": 1}},
            "description": "the upsert key, like a FHIR Patient's first identifier",
        },
        "birth_date": _DATE,
        "sex": {"type": "string", "enum": list(GENDERS)},
        "diagnoses": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["code"],
                "properties": {
                    "code": {"type": "string", "enum": list(DIAGNOSIS_CODES)},
                    "status": {"type": "string", "enum": list(DIAGNOSIS_STATUSES), "default": "active"},
                    "date": _DATE,
                    "id": _ID,
                },
            },
        },
        "measurements": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["concept", "value"],
                "properties": {
                    "concept": {"type": "string", "enum": list(MEASUREMENT_CONCEPTS)},
                    "value": {"oneOf": [{"type": "number"}, {"type": "string", "enum": ["positive", "negative"]}]},
                    "unit": {"type": "string", "description": "UCUM; required for a number unless the concept's unit is 1"},
                    "date": _DATE,
                    "uln": {"type": "number", "description": "upper limit of normal, in the value's unit"},
                    "id": _ID,
                },
            },
        },
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["concept"],
                "properties": {
                    "concept": {"type": "string", "enum": list(EVENT_CONCEPTS)},
                    "date": _DATE,
                    "active": {"type": "boolean", "default": True},
                    "attributes": {"type": "object"},
                    "id": _ID,
                },
            },
        },
    },
}


# ------------------------------------------------------------------------------------------
# small validators: each raises IntakeError at its path, in type words only
# ------------------------------------------------------------------------------------------


def _object(value: Any, path: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise IntakeError(path, "must be an object")
    for key in value:
        if key not in allowed:
            where = f"{path}.{key}" if path != "$" else str(key)
            raise IntakeError(where, "is not a field of Eligo's patient JSON")
    return value


def _string(value: Any, path: str, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise IntakeError(path, "is required")
        return None
    if not isinstance(value, str):
        raise IntakeError(path, "must be a string")
    if required and not value.strip():
        raise IntakeError(path, "must not be empty")
    return value.strip()


def _choice(value: Any, path: str, choices: tuple[str, ...], required: bool = False) -> str | None:
    text = _string(value, path, required)
    if text is not None and text not in choices:
        raise IntakeError(path, "must be one of " + ", ".join(choices))
    return text


def _date(value: Any, path: str) -> date | None:
    text = _string(value, path)
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise IntakeError(path, "must be a date (YYYY-MM-DD)") from None


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        raise IntakeError(path, "must be a number")
    return float(value)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise IntakeError(key, "must be an array")
    return value


def _as_number(value: float) -> float | int:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


# ------------------------------------------------------------------------------------------
# the reader
# ------------------------------------------------------------------------------------------


def _value_kind(concept: str) -> str | None:
    """How the FHIR table reads this concept (quantity, score, qualitative, ...)."""
    for rule in tables().observations:
        if rule.concept == concept:
            return rule.value
    return None


def _score_range(concept: str) -> tuple[float, float] | None:
    for rule in tables().observations:
        if rule.concept == concept and rule.range is not None:
            return rule.range
    return None


def _measurement(item: Any, path: str) -> Measurement:
    data = _object(item, path, ("concept", "value", "unit", "date", "uln", "id"))
    concept = _choice(data.get("concept"), f"{path}.concept", MEASUREMENT_CONCEPTS, required=True)
    assert concept is not None
    when = _date(data.get("date"), f"{path}.date")
    source = _string(data.get("id"), f"{path}.id") or path
    raw_value, value_path = data.get("value"), f"{path}.value"
    unit = _string(data.get("unit"), f"{path}.unit")
    kind, info = CONCEPTS[concept].kind, _value_kind(concept)
    if raw_value is None:
        raise IntakeError(value_path, "is required")

    if kind == Kind.QUALITATIVE:
        if isinstance(raw_value, str):
            word = raw_value.strip().lower()
            if word not in ("positive", "negative"):
                raise IntakeError(value_path, "must be \"positive\" or \"negative\"")
            return Measurement(concept, word, None, when, None, False, source)
        number = _number(raw_value, value_path)
        if info == "expression":
            try:
                percent = convert(number, unit or "%", "%")
            except Exception:
                raise IntakeError(f"{path}.unit", "must be a percentage unit (%)") from None
            if not 0 <= percent <= 100:
                raise IntakeError(value_path, "must be between 0 and 100 %")
            return Measurement(concept, _as_number(percent), "%", when, None, False, source)
        if info == "detection":
            return Measurement(concept, "positive" if number > 0 else "negative", None, when, None, False, source)
        raise IntakeError(value_path, "must be \"positive\" or \"negative\"")

    number = _number(raw_value, value_path)
    canonical = CONCEPTS[concept].unit
    score_range = _score_range(concept)
    if score_range is not None:
        if not score_range[0] <= number <= score_range[1]:
            raise IntakeError(value_path, f"must be between {_as_number(score_range[0])} and {_as_number(score_range[1])}")
        if unit not in (None, canonical):
            raise IntakeError(f"{path}.unit", f"must be {canonical} (or left out)")
        return Measurement(concept, _as_number(number), canonical, when, None, False, source)
    if unit is None:
        if canonical not in (None, "1"):
            raise IntakeError(f"{path}.unit", f"is required (UCUM, convertible to {canonical})")
        unit = canonical
    try:
        value = convert(number, unit, canonical, concept)
        uln_raw = data.get("uln")
        if uln_raw is not None:
            uln: float | None = convert(_number(uln_raw, f"{path}.uln"), unit, canonical, concept)
            uln_default = False
        else:
            uln, uln_default = CONCEPTS[concept].default_uln, CONCEPTS[concept].default_uln is not None
    except IntakeError:
        raise
    except Exception:  # UnitError, or pint's own on odd units
        raise IntakeError(f"{path}.unit", f"cannot be converted to {canonical}") from None
    if not math.isfinite(value) or (uln is not None and not math.isfinite(uln)):
        raise IntakeError(value_path, "is out of range")
    return Measurement(concept, value, canonical, when, uln, uln_default, source)


def normalise_native(data: dict[str, Any] | bytes | str) -> NormalisedRecord:
    """Eligo's own patient JSON (see the module docstring and ``NATIVE_SCHEMA``) as facts.

    Raises ``IntakeError(path, message)`` naming the first field it cannot accept
    (``measurements[2].unit``); like the FHIR intake, messages never quote a value.
    """
    data = parse_json(data)
    top = _object(data, "$", ("identifier", "birth_date", "sex", "diagnoses", "measurements", "events"))
    if "identifier" not in top:
        raise IntakeError("identifier", "is required: it is the record's key")
    ident = _object(top["identifier"], "identifier", ("system", "value"))
    value = _string(ident.get("value"), "identifier.value", required=True)
    system = _string(ident.get("system"), "identifier.system") or ""
    birth_date = _date(top.get("birth_date"), "birth_date")
    sex = _choice(top.get("sex"), "sex", GENDERS)

    measurements: list[tuple[int, Measurement]] = []
    for i, item in enumerate(_list(top, "measurements")):
        measurements.append((i, _measurement(item, f"measurements[{i}]")))

    events: list[tuple[int, Event]] = []
    order = 0
    for i, item in enumerate(_list(top, "diagnoses")):
        path = f"diagnoses[{i}]"
        entry = _object(item, path, ("code", "status", "date", "id"))
        code = _choice(entry.get("code"), f"{path}.code", DIAGNOSIS_CODES, required=True)
        status = _choice(entry.get("status"), f"{path}.status", DIAGNOSIS_STATUSES) or "active"
        when = _date(entry.get("date"), f"{path}.date")
        source = _string(entry.get("id"), f"{path}.id") or path
        assert code is not None
        order += 1
        events.append((order, Event(code, when, status not in _NOT_CURRENT, {}, source)))
        if status in _STATUS_EVENTS:
            order += 1
            still = status not in ("inactive", "resolved")
            events.append((order, Event(_STATUS_EVENTS[status], when, still, {"diagnosis": code}, source)))

    implied = {rule.concepts[0]: rule.concepts[1:] for rule in tables().procedures}
    for i, item in enumerate(_list(top, "events")):
        path = f"events[{i}]"
        entry = _object(item, path, ("concept", "date", "active", "attributes", "id"))
        concept = _choice(entry.get("concept"), f"{path}.concept", EVENT_CONCEPTS, required=True)
        assert concept is not None
        when = _date(entry.get("date"), f"{path}.date")
        active = entry.get("active", True)
        if not isinstance(active, bool):
            raise IntakeError(f"{path}.active", "must be true or false")
        attributes = entry.get("attributes")
        attributes = {} if attributes is None else attributes
        if not isinstance(attributes, dict):
            raise IntakeError(f"{path}.attributes", "must be an object")
        source = _string(entry.get("id"), f"{path}.id") or path
        for name in (concept, *implied.get(concept, ())):
            order += 1
            events.append((order, Event(name, when, active, dict(attributes) if name == concept else {}, source)))

    def newest_first(items: list[tuple[int, Any]]) -> dict[str, tuple[Any, ...]]:
        grouped: dict[str, list[tuple[int, Any]]] = {}
        for n, fact in items:
            grouped.setdefault(fact.concept, []).append((n, fact))
        return {
            concept: tuple(f for _, f in sorted(group, key=lambda x: (x[1].date or date.min, -x[0]), reverse=True))
            for concept, group in grouped.items()
        }

    facts = PatientFacts(
        birth_date=birth_date,
        sex=sex,
        measurements=newest_first(measurements),
        events=newest_first(events),
    )
    facts = replace(facts, events=with_resolved_infections(facts.events, facts.measurements))
    return NormalisedRecord(facts=facts, identifier=(system, value))
