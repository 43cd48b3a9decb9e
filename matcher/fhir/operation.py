"""The trial-matching operation's request: a Bundle, or ``{"patientData": Bundle}`` (the mCODE
clinical trial matching service protocol), with the search parameters in a ``Parameters``
resource -- an entry of the Bundle, or ``"parameters"`` beside ``patientData``."""

from __future__ import annotations

import math
from typing import Any

from matcher import intake
from matcher.fhir.geo import zip_centroid
from matcher.fhir.studies import Filters

PARAMETERS = ("recruitmentStatus", "phase", "zipCode", "travelRadius")
MAX_RADIUS_MILES = 25_000.0  # more than half the Earth's circumference: no filter beyond it
_VALUE_KEYS = ("valueString", "valueCode", "valueInteger", "valueDecimal", "valueUri")


def _values(parameters: Any, path: str) -> dict[str, tuple[str, Any]]:
    """name -> (its path, its value) of the parameters Eligo reads."""
    found: dict[str, tuple[str, Any]] = {}
    items = parameters.get("parameter") if isinstance(parameters, dict) else None
    if items is None:
        return found
    if not isinstance(items, list):
        raise intake.IntakeError(f"{path}.parameter", "must be an array")
    for n, item in enumerate(items):
        if not isinstance(item, dict) or item.get("name") not in PARAMETERS:
            continue
        value = next((item[k] for k in _VALUE_KEYS if k in item), None)
        found[item["name"]] = (f"{path}.parameter[{n}]", value)
    return found


def split_request(data: Any) -> tuple[dict[str, Any], dict[str, tuple[str, Any]]]:
    """(the patient's Bundle, its search parameters). ``IntakeError`` naming the element when the
    body is neither a Bundle nor ``{"patientData": Bundle}``."""
    if not isinstance(data, dict):
        raise intake.IntakeError("$", "must be a JSON object: a FHIR Bundle or {\"patientData\": Bundle}")
    params: dict[str, tuple[str, Any]] = {}
    if "patientData" in data and data.get("resourceType") is None:
        bundle = data["patientData"]
        if not isinstance(bundle, dict):
            raise intake.IntakeError("patientData", "must be a FHIR Bundle")
        if "parameters" in data:
            params.update(_values(data["parameters"], "parameters"))
        prefix = "patientData."
    else:
        bundle, prefix = data, ""
    entries = bundle.get("entry")
    if isinstance(entries, list):
        for n, entry in enumerate(entries):
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if isinstance(resource, dict) and resource.get("resourceType") == "Parameters":
                params.update(_values(resource, f"{prefix}entry[{n}].resource"))
    return bundle, params


def _words(value: Any) -> set[str]:
    if not isinstance(value, str):
        return set()
    return {w.strip().upper() for w in value.split(",") if w.strip()}


def filters_of(params: dict[str, tuple[str, Any]]) -> Filters:
    """The filters the parameters ask for; ``IntakeError`` naming a parameter Eligo cannot use
    (an unknown ZIP code, a radius that is not a positive number)."""
    filters = Filters()
    if "recruitmentStatus" in params:
        filters.statuses = _words(params["recruitmentStatus"][1])
    if "phase" in params:
        filters.phases = _words(params["phase"][1])
    if "zipCode" in params:
        path, value = params["zipCode"]
        origin = zip_centroid(value) if isinstance(value, str) else None
        if origin is None:
            raise intake.IntakeError(f"{path}", "zipCode is not a US ZIP code Eligo knows")
        filters.origin = origin
    if "travelRadius" in params:
        path, value = params["travelRadius"]
        try:
            radius = float(value) if not isinstance(value, bool) else math.nan
        except (TypeError, ValueError):
            radius = math.nan
        if not (math.isfinite(radius) and 0 < radius <= MAX_RADIUS_MILES):
            raise intake.IntakeError(f"{path}", f"travelRadius must be a number of miles above 0 and at most {MAX_RADIUS_MILES:g}")
        if filters.origin is not None:
            filters.radius = radius
    return filters
