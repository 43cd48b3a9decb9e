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

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import IntakeError
from .json_body import parse_json
from .references import (
    ANOTHER_PATIENT,
    MAX_REFERENCE_LENGTH,
    OURS,
    UNRESOLVED,
    follow_reference,
    patient_identifiers,
    reference_keys,
)
from .validation import validate_bundle_elements, validate_model

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
        return validate_model("Patient", patient, path)
    except IntakeError as exc:
        lenient.problem(path, exc, "only identifier, birthDate and gender are read")
    core = {k: patient[k] for k in _PATIENT_CORE if k in patient}
    for _ in range(len(_PATIENT_CORE)):
        try:
            return validate_model("Patient", core, path)
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
        validate_bundle_elements(data)
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
    known = patient_identifiers(patient)

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
            models.append(validate_model(rtype, resource, path))
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
        for key in reference_keys(entry_json, resource):
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
                where = follow_reference(reference, resource, index, p_n, known)
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

