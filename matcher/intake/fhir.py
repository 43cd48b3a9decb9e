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
import math
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
    skipped: str | None = None  # lenient intake: why it is kept but not read (listed in warnings)

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
    # lenient intake: (path, error) of each resource kept in the record but not read for matching
    warnings: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def patient(self) -> Entry:
        return self.entries[self.patient_index]


# ------------------------------------------------------------------------------------------
# parsing
# ------------------------------------------------------------------------------------------


class _NonFinite:
    """Stands in for NaN, Infinity or a number out of float range while parsing, so the
    document's walk can name where it was (``json`` alone would only say "not JSON", or
    silently read ``1e400`` as infinity, which no database stores)."""


_NON_FINITE = _NonFinite()
# A \u escape of a UTF-16 surrogate: how a lone surrogate gets into decoded text (UTF-8 bytes
# cannot carry one). A well-formed pair becomes one character; a lone one cannot be stored.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _parse_float(text: str) -> Any:
    value = float(text)
    return value if math.isfinite(value) else _NON_FINITE


def parse_json(raw: bytes | bytearray | str | dict[str, Any]) -> Any:
    """The document as Python data; ``IntakeError("$", ...)`` when it is not JSON, and an
    ``IntakeError`` naming the element when it holds what no record may: a NUL character, a
    number that is not finite (``NaN``, ``Infinity``, ``1e400``) or a lone surrogate (text that
    is not Unicode), anywhere, even inside a resource Eligo does not read."""
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
    non_finite = False

    def parse_float(number: str) -> Any:
        nonlocal non_finite
        value = _parse_float(number)
        non_finite = non_finite or value is _NON_FINITE
        return value

    def parse_constant(name: str) -> Any:
        nonlocal non_finite
        non_finite = True
        return _NON_FINITE

    try:
        data = json.loads(text, parse_float=parse_float, parse_constant=parse_constant)
    except (ValueError, RecursionError):
        raise IntakeError("$", "is not valid JSON") from None
    # Always walked (under 0.5 s for the largest document, well under a millisecond for a usual
    # one): nesting depth has no cheap test on the text, and a document that parses can still
    # be too deep to store (the encoder recursed out at a depth of 900: a 500).
    suspect = "\x00" in text or "\\u0000" in text or _SURROGATE_ESCAPE.search(text) or (isinstance(raw, str) and not raw.isascii())
    found = unstorable(data, look_inside=bool(non_finite or suspect))
    if found is not None:
        raise IntakeError(*found)
    return data


_NUL = "contains a NUL character, which no record may hold"
_NOT_FINITE = "is not a finite number (NaN, Infinity or out of range), which no record may hold"
_NOT_UNICODE = "contains a lone surrogate (an unpaired \\u escape): it is not Unicode text"
# Deeper than any FHIR resource nests (a QuestionnaireResponse's items, extensions in extensions).
MAX_DEPTH = 100
_TOO_DEEP = f"nests arrays and objects more than {MAX_DEPTH} levels deep, more than Eligo reads"


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return _NUL
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return _NOT_UNICODE
    return None


def unstorable(value: Any, path: str = "$", look_inside: bool = True) -> tuple[str, str] | None:
    """(path, message) of an element no record may hold, or None: nesting deeper than
    ``MAX_DEPTH`` and, with ``look_inside``, text and numbers no row can store. Iterative, so a
    deep document costs no recursion; paths are built only for containers, and for a value once
    it is found wrong."""
    stack: list[tuple[Any, str, int]] = [(value, path, 0)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, dict):
            if depth >= MAX_DEPTH:
                return where, _TOO_DEEP
            inner = []
            for key, child in item.items():
                if look_inside:
                    problem = _text_problem(key) or _value_problem(child)
                    if problem:
                        child_path = key if where == "$" else f"{where}.{key}"
                        return (_safe_path(child_path) if _text_problem(key) else child_path), problem
                if isinstance(child, (dict, list)):
                    inner.append((child, key if where == "$" else f"{where}.{key}", depth + 1))
            stack.extend(reversed(inner))  # popped in document order
        elif isinstance(item, list):
            if depth >= MAX_DEPTH:
                return where, _TOO_DEEP
            inner = []
            for i, child in enumerate(item):
                problem = _value_problem(child) if look_inside else None
                if problem:
                    return (f"{where}[{i}]" if where != "$" else f"[{i}]"), problem
                if isinstance(child, (dict, list)):
                    inner.append((child, f"{where}[{i}]" if where != "$" else f"[{i}]", depth + 1))
            stack.extend(reversed(inner))
        elif look_inside:
            problem = _value_problem(item)
            if problem:
                return where, problem
    return None


def _value_problem(item: Any) -> str | None:
    if isinstance(item, str):
        return _text_problem(item)
    if item is _NON_FINITE or (isinstance(item, float) and not math.isfinite(item)):
        return _NOT_FINITE
    return None


def _safe_path(path: str) -> str:
    """A path whose last key is itself the bad text: the key is shown with the bad characters
    escaped, so the answer stays encodable."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\u0000")
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


class _Lenient:
    """Where validation problems go: raised at once (``strict``), or kept as warnings naming the
    resource, so that one unreadable resource no longer costs the whole record (issue #19)."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.warnings: list[tuple[str, str]] = []

    def problem(self, path: str, exc: IntakeError, what: str = "the resource is kept and not read") -> str:
        if self.strict:
            raise exc
        element = exc.path[len(path):].lstrip(".") if exc.path.startswith(path) else exc.path
        error = f"{element} {exc.message}" if element else exc.message
        error = f"{error}; {what}"
        self.warnings.append((path, error))
        return error


def _error(path: str, message: str) -> IntakeError:
    return IntakeError(path, message)


# Patient elements read when the rest of the Patient does not validate (lenient intake).
_PATIENT_CORE = ("resourceType", "id", "identifier", "birthDate", "gender")


def _validate_patient(patient: dict[str, Any], path: str, lenient: _Lenient) -> Any:
    """The Patient's model; when it does not validate, leniently, the model of its identifier,
    birthDate and gender alone, dropping whichever of birthDate / gender is itself invalid."""
    try:
        return _validate_model("Patient", patient, path)
    except IntakeError as exc:
        lenient.problem(path, exc, "only identifier, birthDate and gender are read")
    core = {k: patient[k] for k in _PATIENT_CORE if k in patient}
    for _ in range(len(_PATIENT_CORE)):
        try:
            return _validate_model("Patient", core, path)
        except IntakeError as exc:
            culprit = next((k for k in ("birthDate", "gender", "id") if _within(exc.path, f"{path}.{k}")), None)
            if culprit is None or culprit not in core:
                raise  # the identifier itself: the patient cannot be known
            core.pop(culprit)
            lenient.problem(path, exc, f"{culprit} is not read")
    raise IntakeError(path, "is not a valid FHIR R4 Patient")


def _within(path: str, element: str) -> bool:
    """``path`` is ``element`` or inside it (``x.id`` is not inside ``x.identifier``)."""
    return path == element or path.startswith((f"{element}.", f"{element}["))


def _identifiers(patient: dict[str, Any]) -> list[tuple[str, str]]:
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


def _follow(
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


def validate_bundle(raw: bytes | bytearray | str | dict[str, Any], strict: bool = False) -> ValidatedBundle:
    """Parse and validate a FHIR R4 Bundle.

    Always refused (``IntakeError(path, message)``): what makes the patient unknowable -- not
    JSON, not a Bundle, no Patient or more than one, no usable identifier, a resource about
    another patient. Any other problem is, by default (lenient), kept in the record and listed
    in ``warnings`` as ``(path of the resource, what is wrong)``, and the resource is not read
    for matching; with ``strict`` it is refused as before, naming the first bad element.
    """
    lenient = _Lenient(strict)
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
            lenient.problem(f"entry[{i}]", _error(f"entry[{i}]", "must be an object"), "the entry is not read")
            continue
        if "resource" not in entry_json:
            skipped.append((f"entry[{i}]", "holds no resource"))
            continue
        resource = entry_json["resource"]
        path = f"entry[{i}].resource"
        if not isinstance(resource, dict):
            lenient.problem(path, _error(path, "must be an object"), "the entry is not read")
            continue
        rtype = resource.get("resourceType")
        if rtype is None:
            lenient.problem(path, _error(f"{path}.resourceType", "is required"), "the entry is not read")
            continue
        if not isinstance(rtype, str) or not re.fullmatch(r"[A-Z][A-Za-z]{0,63}", rtype):
            lenient.problem(path, _error(f"{path}.resourceType", "must be a FHIR resource type name"), "the entry is not read")
            continue
        located.append((i, entry_json, resource))

    try:
        _validate_bundle_elements(data)
    except IntakeError as exc:
        lenient.problem(exc.path, exc, "the Bundle's own element is not read")

    patients = [n for n, (_, _, r) in enumerate(located) if r["resourceType"] == "Patient"]
    if not patients:
        raise IntakeError("entry", "holds no Patient; exactly one is required")
    if len(patients) > 1:
        where = ", ".join(f"entry[{located[n][0]}]" for n in patients)
        raise IntakeError("entry", f"holds {len(patients)} Patients ({where}); exactly one is required")

    # the Patient: identifier (the upsert key) first -- without it nothing else matters
    p_n = patients[0]
    p_index, _, patient = located[p_n]
    p_path = f"entry[{p_index}].resource"
    identifiers = patient.get("identifier")
    if not identifiers:
        raise IntakeError(f"{p_path}.identifier", "is required: the Patient's first identifier is the record's key")
    if not isinstance(identifiers, list):
        raise IntakeError(f"{p_path}.identifier", "must be an array")
    first = identifiers[0] if isinstance(identifiers[0], dict) else {}
    value = first.get("value")
    if not isinstance(value, str) or not value.strip():
        raise IntakeError(f"{p_path}.identifier[0].value", "is required: the Patient's first identifier is the record's key")
    system = first.get("system") or ""
    known = _identifiers(patient)

    # every resource Eligo reads, through its R4B model
    models: list[Any | None] = []
    problems: dict[int, str] = {}
    for n, (i, _, resource) in enumerate(located):
        rtype = resource["resourceType"]
        path = f"entry[{i}].resource"
        if n == p_n:
            models.append(_validate_patient(resource, path, lenient))
            continue
        if rtype not in READ_TYPES:
            models.append(None)
            continue
        try:
            models.append(_validate_model(rtype, resource, path))
        except IntakeError as exc:
            problems[n] = lenient.problem(path, exc)
            models.append(None)
    gender = patient.get("gender")
    if gender is not None and gender not in GENDERS:
        lenient.problem(p_path, _error(f"{p_path}.gender", "must be one of male, female, other, unknown"), "gender is not read")
        models[p_n] = models[p_n].model_copy(update={"gender": None})

    # references to the patient
    index: dict[str, int] = {}
    for n, (_, entry_json, resource) in enumerate(located):
        for key in _reference_keys(entry_json, resource):
            index.setdefault(key, n)
    entries: list[Entry] = []
    for n, (i, _, resource) in enumerate(located):
        rtype = resource["resourceType"]
        about = True
        problem = problems.get(n)
        element = PATIENT_REFERENCE.get(rtype)
        if element is not None and isinstance(resource.get(element), dict):
            reference = resource[element]
            path = f"entry[{i}].resource"
            ref_path = f"{path}.{element}.reference"
            ref = reference.get("reference")
            where = UNRESOLVED
            if isinstance(ref, str) and len(ref) > MAX_REFERENCE_LENGTH:
                problem = problem or lenient.problem(path, _error(ref_path, f"is longer than {MAX_REFERENCE_LENGTH} characters"))
            else:
                where = _follow(reference, resource, index, p_n, known)
            if where == ANOTHER_PATIENT:
                raise IntakeError(
                    ref_path if isinstance(ref, str) else f"{path}.{element}",
                    "refers to a Patient that is not the bundle's: a bundle holds one patient's record",
                )
            if where == UNRESOLVED and not problem and not (isinstance(ref, str) and len(ref) > MAX_REFERENCE_LENGTH):
                message = "refers to a contained resource that is not there" if isinstance(ref, str) and ref.startswith("#") else "refers to a resource that is not in the bundle"
                problem = lenient.problem(path, _error(ref_path, message))
            about = where == OURS
        entries.append(
            Entry(index=i, resource_type=rtype, resource=resource, model=None if problem else models[n], about_patient=about, skipped=problem)
        )

    return ValidatedBundle(
        data=data,
        entries=tuple(entries),
        patient_index=p_n,
        identifier=(system.strip() if isinstance(system, str) else "", value.strip()),
        skipped=tuple(skipped),
        warnings=tuple(lenient.warnings),
    )
