"""The FHIR routes' fixtures: example bundles, and match jobs run in-process at the examples' date."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 22)  # the examples were generated on this day
EXAMPLE_NAMES = sorted(json.loads((EXAMPLES / "expected.json").read_text()))


def example(name: str) -> dict:
    return json.loads((EXAMPLES / "patients" / f"{name}.json").read_text())


@pytest.fixture
def jobs_run_inline(monkeypatch):
    """The operation's wait, with the job run here instead of by a worker process (the worker
    path itself is tests/worker's): the answer is then built from what the job stored."""
    from matcher.fhir import service
    from matcher.matching.jobs import run_job

    def run_then_read(job, timeout):
        run_job(job.id, as_of=TODAY)
        job.refresh_from_db()
        return job

    monkeypatch.setattr(service, "wait_for_job", run_then_read)
