"""Golden patients read and evaluated the way every patient is: the FHIR intake (or Eligo's own
JSON) to facts, the reference evaluator on the version's lines. Installed into
``trials.golden`` when the app starts, since trials never import matching."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matcher import intake
from matcher.matching import clock
from rules_engine.criteria import TrialCriteria, criterion_from_json
from rules_engine.facts import PatientFacts
from rules_engine.reference import evaluate_reference
from trials import golden
from trials.models import GoldenPatient


def _is_bundle(record: Any) -> bool:
    return isinstance(record, dict) and record.get("resourceType") == "Bundle"


def read_facts(record: Any) -> PatientFacts:
    """The facts of a golden patient: a FHIR Bundle (strict: a test patient must be read whole)
    or Eligo's own patient JSON. ``IntakeError`` names what cannot be read."""
    if _is_bundle(record):
        return intake.normalise(intake.validate_bundle(record, strict=True)).facts
    if not isinstance(record, dict):
        raise intake.IntakeError("$", "expected a FHIR Bundle or Eligo patient JSON object")
    return intake.normalise_native(record).facts


def validate(record: Any) -> tuple[str, str] | None:
    try:
        read_facts(record)
    except intake.IntakeError as exc:
        return (f"patient.{exc.path}" if exc.path not in ("$", "") else "patient", exc.message)
    return None


def criteria_of(nct_id: str, number: int, rows: Sequence[dict]) -> TrialCriteria:
    """Rows as ``trials.services`` stores them (0-based order) -> the engine's criteria."""
    out = []
    for row in rows:
        data = row.get("structured") or {"expr": {"node": "review", "reason": "unparsed"}}
        out.append(criterion_from_json({**data, "type": row["type"], "text": row["text"], "parent": row["parent_position"]}))
    return TrialCriteria(trial_id=nct_id, version=number, criteria=tuple(out))


def run(nct_id: str, number: int, rows: Sequence[dict], goldens: Sequence[GoldenPatient]) -> list[golden.GoldenRun]:
    trial = criteria_of(nct_id, number, rows)
    today = clock.today()
    runs = []
    for patient in goldens:
        problems: list[str] = []
        try:
            outcome = evaluate_reference(trial, read_facts(patient.patient), today)
        except intake.IntakeError as exc:
            runs.append(golden.GoldenRun(patient.pk, patient.name, patient.expected, "unreadable", {}, (f"{exc.path}: {exc.message}",)))
            continue
        got = {str(c.index + 1): str(c.outcome) for c in outcome.criteria}
        verdict = str(outcome.eligibility)
        if verdict != patient.expected:
            problems.append(f"expected {patient.expected}, got {verdict}")
        for position, wanted in sorted((patient.criteria or {}).items(), key=lambda kv: int(kv[0])):
            if got.get(str(position)) != wanted:
                problems.append(f"line {position}: expected {wanted}, got {got.get(str(position), 'no such line')}")
        runs.append(golden.GoldenRun(patient.pk, patient.name, patient.expected, verdict, got, tuple(problems)))
    return runs


def install() -> None:
    golden.install(run, validate)
