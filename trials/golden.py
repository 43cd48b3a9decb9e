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
