"""Small builders for intake tests: a Bundle around a few resources, read from plain dicts."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

PATIENT_URL = "urn:uuid:00000000-0000-4000-8000-000000000001"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3"
SNOMED = "http://snomed.info/sct"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ATC = "http://www.whocc.no/atc"
LOINC = "http://loinc.org"
ELIGO = "urn:eligo:concept"
UCUM = "http://unitsofmeasure.org"


def examples_dir() -> Path | None:
    """The shared example patients: $ELIGO_EXAMPLES_DIR, else the checkout's examples/, else
    ../shared/examples beside the checkout. Read at test time, never copied into the source."""
    here = Path(__file__).resolve()
    for candidate in (
        os.environ.get("ELIGO_EXAMPLES_DIR"),
        str(here.parents[2] / "examples"),
        str(here.parents[3] / "shared" / "examples"),
    ):
        if candidate and (Path(candidate) / "patients").is_dir():
            return Path(candidate)
    return None


def example(name: str) -> dict[str, Any]:
    base = examples_dir()
    assert base is not None
    return json.loads((base / "patients" / f"{name}.json").read_text(encoding="utf-8"))


def patient(**extra: Any) -> dict[str, Any]:
    data = {
        "resourceType": "Patient",
        "id": "p1",
        "identifier": [{"system": "urn:oid:1.2.3", "value": "MRN-1"}],
        "gender": "female",
        "birthDate": "1980-02-03",
    }
    data.update(extra)
    return data


def bundle(*resources: dict[str, Any], with_patient: bool = True) -> dict[str, Any]:
    entries = []
    if with_patient:
        entries.append({"fullUrl": PATIENT_URL, "resource": patient()})
    for n, resource in enumerate(resources):
        resource = copy.deepcopy(resource)
        resource.setdefault("id", f"r{n + 1}")
        entries.append({"fullUrl": f"urn:uuid:00000000-0000-4000-8000-{n + 2:012d}", "resource": resource})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def subject() -> dict[str, str]:
    return {"reference": PATIENT_URL}


def condition(system: str, code: str, clinical: str | None = "active", onset: str | None = "2026-10-23", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "Condition",
        "code": {"coding": [{"system": system, "code": code}]},
        "subject": subject(),
    }
    if clinical:
        data["clinicalStatus"] = {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": clinical}]
        }
    if onset:
        data["onsetDateTime"] = onset
    data.update(extra)
    return data


def observation(system: str, code: str, when: str | None = "2026-11-20", **value: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": system, "code": code}]},
        "subject": subject(),
    }
    if when:
        data["effectiveDateTime"] = when
    data.update(value)
    return data


def quantity(value: Any, unit: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"value": value}
    if unit is not None:
        data.update({"unit": unit, "system": UCUM, "code": unit})
    return data


def coded(code: str, system: str = SNOMED) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def procedure(code: str, when: str | None = "2025-03-01", system: str = ELIGO, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "Procedure",
        "status": "completed",
        "code": {"coding": [{"system": system, "code": code}]},
        "subject": subject(),
    }
    if when:
        data["performedDateTime"] = when
    data.update(extra)
    return data


def medication(
    text: str | None = None, system: str | None = None, code: str | None = None, status: str = "active", when: str = "2026-02-01"
) -> dict[str, Any]:
    """A MedicationStatement naming its drug by text, by a code, or both."""
    named: dict[str, Any] = {}
    if system:
        named["coding"] = [{"system": system, "code": code}]
    if text:
        named["text"] = text
    return {"resourceType": "MedicationStatement", "status": status, "medicationCodeableConcept": named,
            "subject": {"reference": PATIENT_URL}, "effectiveDateTime": when}


def decided_exclusion(own: str, line: str, codes: tuple[str, ...], as_of: Any, onset: str = "2026-06-01") -> Any:
    """The outcome of exclusion ``line`` in a trial whose inclusion is ``own``, for a record of
    the ICD-10-CM ``codes``: the same from the reference evaluator and the compiled engine (both
    asked, outcome and reason compared)."""
    from matcher.intake import normalise
    from rules_engine.criteria import CriterionType, TrialCriteria
    from rules_engine.engine import MatchingEngine
    from rules_engine.parser import parse_lines
    from rules_engine.reference import evaluate_reference

    facts = normalise(bundle(*(condition(ICD10, code, onset=onset) for code in codes))).facts
    trial = TrialCriteria("t", 1, tuple(parse_lines([(CriterionType.INCLUSION, own), (CriterionType.EXCLUSION, line)])))
    engine = MatchingEngine()
    engine.add_trials([trial])
    compiled = engine.evaluate(facts, as_of, trial_ids=["t"])[0].criteria[-1]
    reference = evaluate_reference(trial, facts, as_of).criteria[-1]
    assert (compiled.outcome, compiled.reason) == (reference.outcome, reference.reason)
    return reference.outcome
