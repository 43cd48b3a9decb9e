"""Reading a FHIR R4 Bundle: parse, validate, and say exactly where it is wrong.

``validate_bundle`` checks what Eligo needs (contract section 5) and nothing it would ignore:

* the document is JSON, an object, ``resourceType`` ``Bundle``, ``entry`` an array of objects;
* the Bundle's own elements (``type``, ``entry[n].fullUrl``, ...) through fhir.resources' R4B
  ``Bundle`` model; a missing ``type`` is tolerated (the contract accepts any Bundle type);
* exactly one Patient, with an ``identifier`` whose first entry has a ``value`` (the upsert
  key) and, when given, a ``gender`` from the FHIR value set;
* every resource of a type Eligo reads (``READ_TYPES``) through its R4B model, then once more
  against the JSON itself, because the models coerce (an integer ``effectiveDateTime`` would
  otherwise become a 1970 timestamp, ``"3"`` an integer);
* the references Eligo follows -- ``subject`` / ``patient`` -- resolve to an entry of the
  bundle (by ``fullUrl``, ``Type/id`` or a ``#contained`` id). Other references (performer,
  encounter, ...) may point outside the bundle, as they usually do.

Resources of other types are kept as they are and not validated: unknown types are ignored,
never rejected. An element that is not FHIR R4 inside a resource Eligo reads *is* rejected, with
its path, so a misspelt ``valueQuanity`` does not silently drop a lab value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import MAX_BUNDLE_BYTES, BundleTooLarge, IntakeError

# Resource types Eligo reads (contract section 5), validated through fhir.resources R4B.
READ_TYPES = frozenset(
    {
        "Patient",
        "Condition",
        "Observation",
        "Procedure",
        "MedicationStatement",
        "MedicationRequest",
        "Immunization",
        "AllergyIntolerance",
    }
)
# The element through which a resource refers to its patient.
PATIENT_REFERENCE = {
    "Condition": "subject",
    "Observation": "subject",
    "Procedure": "subject",
    "MedicationStatement": "subject",
    "MedicationRequest": "subject",
    "Immunization": "patient",
    "AllergyIntolerance": "patient",
}
GENDERS = ("male", "female", "other", "unknown")


@dataclass(frozen=True)
class Entry:
    """One ``entry[index].resource`` of the bundle."""

    index: int
    resource_type: str
    resource: dict[str, Any]  # the JSON as posted
    model: Any | None  # the fhir.resources R4B instance, None for types Eligo does not read
    about_patient: bool = True  # False when its subject resolves to another resource

    @property
    def path(self) -> str:
        return f"entry[{self.index}].resource"

    @property
    def source(self) -> str:
        """What a fact quotes as its source: the resource id, else the entry's path."""
        rid = self.resource.get("id")
        return rid if isinstance(rid, str) and rid else self.path


@dataclass(frozen=True)
class ValidatedBundle:
    data: dict[str, Any]
    entries: tuple[Entry, ...]
    patient_index: int  # position in ``entries`` of the Patient
    identifier: tuple[str, str]  # (system, value) of the Patient's first identifier; system may be ""
    skipped: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # entries without a resource

    @property
    def patient(self) -> Entry:
        return self.entries[self.patient_index]


# ------------------------------------------------------------------------------------------
# parsing
# ------------------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError("not JSON")


def parse_json(raw: bytes | bytearray | str | dict[str, Any]) -> Any:
    """The document as Python data; ``IntakeError("$", ...)`` when it is not JSON."""
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, (bytes, bytearray)):
        if len(raw) > MAX_BUNDLE_BYTES:
            raise BundleTooLarge(len(raw))
        try:
            text = bytes(raw).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise IntakeError("$", "is not JSON: it is not UTF-8 text") from None
    elif isinstance(raw, str):
        text = raw
        if len(text) > MAX_BUNDLE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BUNDLE_BYTES:
            raise BundleTooLarge(len(text))
    else:
        raise IntakeError("$", "must be JSON text or an object")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise IntakeError("$", "is not valid JSON") from None
    if "\x00" in text or "\\u0000" in text:
        nul = _nul_path(data, "$")
        if nul is not None:
            raise IntakeError(nul, "contains a NUL character, which no record may hold")
    return data


def _nul_path(value: Any, path: str) -> str | None:
    """Where a NUL character hides (a database cannot store one in JSON text)."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            child = key if path == "$" else f"{path}.{key}"
            if "\x00" in key:
                return child
            found = _nul_path(item, child)
            if found:
                return found
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = _nul_path(item, f"{path}[{i}]" if path != "$" else f"[{i}]")
            if found:
                return found
    return None


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


def _validate_model(resource_type: str, data: dict[str, Any], path: str) -> Any:
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


def _validate_bundle_elements(data: dict[str, Any]) -> None:
    """The Bundle's own elements, with each entry's resource set aside."""
    shell = {k: v for k, v in data.items() if k != "entry"}
    shell.setdefault("type", "collection")
    if isinstance(data.get("entry"), list):
        shell["entry"] = [
            {k: v for k, v in e.items() if k != "resource"} if isinstance(e, dict) else e for e in data["entry"]
        ]
    _validate_model("Bundle", shell, "")


def _reference_keys(entry_json: dict[str, Any], resource: dict[str, Any]) -> list[str]:
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


def validate_bundle(raw: bytes | bytearray | str | dict[str, Any]) -> ValidatedBundle:
    """Parse and validate a FHIR R4 Bundle; raise ``IntakeError(path, message)`` naming the
    first element Eligo cannot accept."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        raise IntakeError("$", "must be a JSON object: a FHIR Bundle")
    if "resourceType" not in data:
        raise IntakeError("resourceType", "is required and must be \"Bundle\"")
    if data.get("resourceType") != "Bundle":
        raise IntakeError("resourceType", "must be \"Bundle\"")
    entries_json = data.get("entry", [])
    if not isinstance(entries_json, list):
        raise IntakeError("entry", "must be an array")

    # structure: every entry an object, every resource an object with a resourceType
    located: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
    skipped: list[tuple[str, str]] = []
    for i, entry_json in enumerate(entries_json):
        if not isinstance(entry_json, dict):
            raise IntakeError(f"entry[{i}]", "must be an object")
        if "resource" not in entry_json:
            skipped.append((f"entry[{i}]", "holds no resource"))
            continue
        resource = entry_json["resource"]
        if not isinstance(resource, dict):
            raise IntakeError(f"entry[{i}].resource", "must be an object")
        rtype = resource.get("resourceType")
        if rtype is None:
            raise IntakeError(f"entry[{i}].resource.resourceType", "is required")
        if not isinstance(rtype, str) or not re.fullmatch(r"[A-Z][A-Za-z]{0,63}", rtype):
            raise IntakeError(f"entry[{i}].resource.resourceType", "must be a FHIR resource type name")
        located.append((i, entry_json, resource))

    _validate_bundle_elements(data)

    patients = [n for n, (_, _, r) in enumerate(located) if r["resourceType"] == "Patient"]
    if not patients:
        raise IntakeError("entry", "holds no Patient; exactly one is required")
    if len(patients) > 1:
        where = ", ".join(f"entry[{located[n][0]}]" for n in patients)
        raise IntakeError("entry", f"holds {len(patients)} Patients ({where}); exactly one is required")

    # every resource Eligo reads, through its R4B model
    models: list[Any | None] = []
    for i, _, resource in located:
        rtype = resource["resourceType"]
        path = f"entry[{i}].resource"
        models.append(_validate_model(rtype, resource, path) if rtype in READ_TYPES else None)

    # the Patient: identifier (the upsert key) and gender
    p_index, _, patient = located[patients[0]]
    p_path = f"entry[{p_index}].resource"
    identifiers = patient.get("identifier")
    if not identifiers:
        raise IntakeError(f"{p_path}.identifier", "is required: the Patient's first identifier is the record's key")
    first = identifiers[0] if isinstance(identifiers, list) and isinstance(identifiers[0], dict) else {}
    value = first.get("value")
    if not isinstance(value, str) or not value.strip():
        raise IntakeError(f"{p_path}.identifier[0].value", "is required: the Patient's first identifier is the record's key")
    system = first.get("system") or ""
    gender = patient.get("gender")
    if gender is not None and gender not in GENDERS:
        raise IntakeError(f"{p_path}.gender", "must be one of male, female, other, unknown")

    # references to the patient
    index: dict[str, int] = {}
    for n, (_, entry_json, resource) in enumerate(located):
        for key in _reference_keys(entry_json, resource):
            index.setdefault(key, n)
    entries: list[Entry] = []
    for n, (i, _, resource) in enumerate(located):
        rtype = resource["resourceType"]
        about = True
        element = PATIENT_REFERENCE.get(rtype)
        if element is not None and isinstance(resource.get(element), dict):
            reference = resource[element].get("reference")
            if isinstance(reference, str):
                ref_path = f"entry[{i}].resource.{element}.reference"
                if len(reference) > MAX_REFERENCE_LENGTH:
                    raise IntakeError(ref_path, f"is longer than {MAX_REFERENCE_LENGTH} characters")
                if reference.startswith("#"):
                    contained = resource.get("contained") or []
                    if not any(isinstance(c, dict) and c.get("id") == reference[1:] for c in contained):
                        raise IntakeError(ref_path, "refers to a contained resource that is not there")
                    about = False
                else:
                    target = next((index[k] for k in _normal_reference(reference) if k in index), None)
                    if target is None:
                        raise IntakeError(ref_path, "refers to a resource that is not in the bundle")
                    about = target == patients[0]
        entries.append(Entry(index=i, resource_type=rtype, resource=resource, model=models[n], about_patient=about))

    return ValidatedBundle(
        data=data,
        entries=tuple(entries),
        patient_index=patients[0],
        identifier=(system.strip() if isinstance(system, str) else "", value.strip()),
        skipped=tuple(skipped),
    )
