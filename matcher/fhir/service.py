"""The trial-matching operation as plain functions: store and match the patient as a post to
``/patients`` would, wait for its job, and read its ranked results as ResearchStudies."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings

from matcher.api import selectors
from matcher.fhir.studies import Filters, TrialInfo, searchset
from matcher.models import MatchJob, Patient
from trials.models import Trial

POLL_SECONDS = 0.2


def wait_seconds() -> float:
    """How long the operation waits for the match job before answering 202 with it."""
    return float(getattr(settings, "ELIGO_FHIR_MATCH_WAIT_SECONDS", 30))


def wait_for_job(job: MatchJob, timeout: float) -> MatchJob:
    """The job once it finished, or as it stands after ``timeout`` seconds (read again from the
    database each time: the worker is another process)."""
    deadline = time.monotonic() + timeout
    while True:
        job.refresh_from_db(fields=["status", "finished", "error"])
        if job.status in (MatchJob.Status.SUCCEEDED, MatchJob.Status.FAILED) or time.monotonic() >= deadline:
            return job
        time.sleep(POLL_SECONDS)


def trial_infos(nct_ids: list[str]) -> dict[str, TrialInfo]:
    infos: dict[str, TrialInfo] = {}
    trials = Trial.objects.filter(nct_id__in=nct_ids).prefetch_related("sites", "condition_rows")
    for trial in trials:
        infos[trial.nct_id] = TrialInfo(
            nct_id=trial.nct_id,
            title=trial.title,
            status=trial.overall_status,
            phase=trial.phase,
            conditions=tuple(c.name for c in trial.condition_rows.all()),
            sites=tuple(
                {
                    "facility": s.facility, "city": s.city, "state": s.state, "country": s.country,
                    "latitude": s.latitude, "longitude": s.longitude,
                }
                for s in sorted(trial.sites.all(), key=lambda s: s.position)
            ),
        )
    return infos


def studies_for(patient: Patient, filters: Filters, base_url: str) -> dict[str, Any]:
    """The patient's current ranked results (as ``/matches`` serves them) as a searchset."""
    results = selectors.current_results(patient)
    return searchset(results, trial_infos([r["trial"] for r in results]), filters, base_url)
