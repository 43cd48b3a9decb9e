"""The references Eligo follows (``subject`` / ``patient``) and where they lead: an entry of the
bundle by ``fullUrl``, ``Type/id``, a URL, a conditional ``identifier`` or a ``#contained`` id.
Every key is built with string operations, linear in the reference's length."""

from __future__ import annotations

import re
from typing import Any


def reference_keys(entry_json: dict[str, Any], resource: dict[str, Any]) -> list[str]:
    keys: list[str] = []
    full_url = entry_json.get("fullUrl")
    if isinstance(full_url, str) and full_url:
        keys.append(full_url)
    rid = resource.get("id")
    if isinstance(rid, str) and rid:
        keys.append(f"{resource['resourceType']}/{rid}")
    return keys


# A reference longer than any server writes is refused before it is looked at: the keys below
# are built with string operations only, so the work stays linear in the reference's length.
MAX_REFERENCE_LENGTH = 4096
_RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]{1,63}")
_RESOURCE_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")


def _normal_reference(reference: str) -> list[str]:
    """The keys a reference may be found under: as written, and ``Type/id`` of a URL.

    Why no search pattern: an unanchored ``Type/id$`` search restarts at every capital letter and
    rescans the rest, quadratic in the length (40,000 characters took 3.5 s); splitting on the
    last slashes and matching each part whole is linear."""
    ref = reference.strip()
    head, sep, tail = ref.rpartition("/_history/")
    if sep and "/" not in tail:
        ref = head
    keys = [ref]
    if ref.startswith(("http://", "https://")):
        parts = ref.rsplit("/", 2)
        if len(parts) == 3 and _RESOURCE_TYPE.fullmatch(parts[1]) and _RESOURCE_ID.fullmatch(parts[2]):
            keys.append(f"{parts[1]}/{parts[2]}")
    return keys




def patient_identifiers(patient: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for ident in patient.get("identifier") or []:
        if isinstance(ident, dict) and isinstance(ident.get("value"), str):
            system = ident.get("system") if isinstance(ident.get("system"), str) else ""
            found.append((system.strip(), ident["value"].strip()))
    return found


def _same_identifier(wanted: tuple[str, str], known: list[tuple[str, str]]) -> bool:
    system, value = wanted
    return any(value == v and (not system or not s or system == s) for s, v in known)


def _conditional_identifier(query: str) -> tuple[str, str] | None:
    """``identifier=system|value`` of a conditional reference (``Patient?identifier=...``)."""
    from urllib.parse import unquote

    for part in query.split("&"):
        name, _, raw = part.partition("=")
        if name == "identifier" and raw:
            text = unquote(raw)
            system, bar, value = text.rpartition("|")
            return (system if bar else "", value if bar else text)
    return None


def _reference_type(reference: dict[str, Any], ref: str | None) -> str | None:
    if isinstance(reference.get("type"), str):
        return reference["type"]
    if ref:
        head = ref.split("?", 1)[0]
        parts = head.rstrip("/").rsplit("/", 2)
        if len(parts) >= 2 and _RESOURCE_TYPE.fullmatch(parts[-2]):
            return parts[-2]
        if "?" in ref and _RESOURCE_TYPE.fullmatch(head):
            return head
    return None


# what a subject / patient reference leads to
OURS, ELSEWHERE, ANOTHER_PATIENT, UNRESOLVED = "ours", "elsewhere", "another patient", "unresolved"


def follow_reference(
    reference: dict[str, Any], resource: dict[str, Any], index: dict[str, int], patient_n: int, known: list[tuple[str, str]]
) -> str:
    """Where a resource's subject points, as a FHIR server would resolve it within the bundle:
    a ``#contained`` id, a ``fullUrl`` (``urn:uuid:``, absolute), ``Type/id`` (relative, or the
    tail of an absolute URL), a conditional ``Patient?identifier=system|value``, or a logical
    reference by ``identifier``."""
    ref = reference.get("reference")
    if isinstance(ref, str) and ref.strip():
        if ref.startswith("#"):
            contained = resource.get("contained") or []
            found = any(isinstance(c, dict) and c.get("id") == ref[1:] for c in contained)
            return ELSEWHERE if found else UNRESOLVED
        target = next((index[k] for k in _normal_reference(ref) if k in index), None)
        if target is not None:
            return OURS if target == patient_n else ELSEWHERE
        kind = _reference_type(reference, ref)
        if "?" in ref:
            wanted = _conditional_identifier(ref.split("?", 1)[1])
            if kind == "Patient" and wanted is not None:
                return OURS if _same_identifier(wanted, known) else ANOTHER_PATIENT
            return UNRESOLVED
        return ANOTHER_PATIENT if kind == "Patient" else UNRESOLVED
    ident = reference.get("identifier")
    if isinstance(ident, dict) and isinstance(ident.get("value"), str):
        system = ident.get("system") if isinstance(ident.get("system"), str) else ""
        if _same_identifier((system.strip(), ident["value"].strip()), known):
            return OURS
        return ANOTHER_PATIENT if reference.get("type") in (None, "Patient") else ELSEWHERE
    return OURS  # a display alone: the bundle holds one patient's record


