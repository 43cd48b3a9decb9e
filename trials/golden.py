"""Golden patients: run a trial's named test patients against a criteria version before it is used.

Reading a patient record (FHIR intake) and evaluating it belong to the matching app, and trials
never import matching (tests/structure). So matching installs the two functions here when it
starts (``matcher.curation.golden.install``) and trials calls them through this module: a
version is checked the same way whichever entry point made it (a correction, a re-import, a
PATCH, the admin).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from trials.models import GoldenPatient


@dataclass(frozen=True)
class GoldenRun:
    """One golden patient against one version: what came out, and where it disagrees."""

    golden_id: int
    name: str
    expected: str
    verdict: str
    criteria: dict[str, str]  # 1-based position -> outcome, every line
    disagreements: tuple[str, ...]  # human-readable, empty when it agrees

    def to_json(self, version: int) -> dict[str, Any]:
        return {
            "version": version,
            "at": timezone.now().isoformat(),
            "verdict": self.verdict,
            "criteria": self.criteria,
            "agrees": not self.disagreements,
            "disagreements": list(self.disagreements),
        }


# (nct_id, version number, the version's rows, golden patients) -> one run each
Runner = Callable[[str, int, Sequence[dict], Sequence[GoldenPatient]], list[GoldenRun]]
# a posted record -> (path, problem) when it cannot be read, else None
Validator = Callable[[Any], "tuple[str, str] | None"]

_runner: Runner | None = None
_validator: Validator | None = None


def install(runner: Runner, validator: Validator) -> None:
    global _runner, _validator
    _runner, _validator = runner, validator


def validate_record(record: Any) -> tuple[str, str] | None:
    if _validator is None:
        return ("patient", "golden patients cannot be checked: the matching app is not installed")
    return _validator(record)


def run_on_current(trial: Any, goldens: Sequence[GoldenPatient]) -> None:
    """The first run of newly attached golden patients, on the version in use, so a curator
    sees at once whether they agree (the API and the admin attach them alike)."""
    current = trial.current_criteria
    if current is None or not goldens:
        return
    rows = [dict(r) for r in current.criteria.order_by("position").values("type", "text", "parent_position", "structured")]
    check_version(trial.nct_id, current.number, rows, goldens)


def check_version(nct_id: str, number: int, rows: Sequence[dict], goldens: Sequence[GoldenPatient]) -> list[dict]:
    """Run every golden patient against the version's rows; store each one's ``last_run``;
    return the disagreements (one entry per golden patient that disagrees)."""
    if not goldens:
        return []
    if _runner is None:
        raise RuntimeError("golden patients cannot be run: the matching app is not installed")
    runs = _runner(nct_id, number, rows, goldens)
    by_id = {g.pk: g for g in goldens}
    out = []
    for run in runs:
        golden = by_id[run.golden_id]
        golden.last_run = run.to_json(number)
        golden.save(update_fields=["last_run"])
        if run.disagreements:
            out.append(
                {"golden_patient": run.golden_id, "name": run.name, "expected": run.expected, "verdict": run.verdict,
                 "problems": list(run.disagreements)}
            )
    return out


def seed_from_examples(trial: Any, examples: Any) -> int:
    """The seed trials' golden patients, built when the seeds load from the shared example
    patients with known verdicts (``examples/expected.json``: "ineligible: ..." or "not
    ineligible ..."), read where they lie and never copied into the project. "not ineligible"
    is kept as the verdict the version in use gives when that is not ineligible (eligible and
    possibly eligible both satisfy it), else as possibly eligible, a disagreement the next
    version will show. Idempotent: a golden patient already there by name is left as it is."""
    import json
    from pathlib import Path

    folder = Path(examples)
    expected_file = folder / "expected.json"
    if not expected_file.is_file() or trial.current_criteria is None:
        return 0
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    rows = [dict(r) for r in trial.current_criteria.criteria.order_by("position").values("type", "text", "parent_position", "structured")]
    made = 0
    for patient_id, verdicts in sorted(expected.items()):
        words = verdicts.get(trial.nct_id)
        record_file = folder / "patients" / f"{patient_id}.json"
        name = f"{patient_id} (shared example)"
        if not isinstance(words, str) or not record_file.is_file() or trial.golden_patients.filter(name=name).exists():
            continue
        record = json.loads(record_file.read_text(encoding="utf-8"))
        if validate_record(record) is not None:
            continue
        wanted = "ineligible" if words.startswith("ineligible") else "possibly_eligible"
        golden = GoldenPatient.objects.create(trial=trial, name=name, patient=record, expected=wanted)
        if wanted != "ineligible" and _runner is not None:
            (run,) = _runner(trial.nct_id, trial.current_criteria.number, rows, [golden])
            if run.verdict in ("eligible", "possibly_eligible"):
                golden.expected = run.verdict
                golden.save(update_fields=["expected"])
        check_version(trial.nct_id, trial.current_criteria.number, rows, [golden])
        made += 1
    return made
