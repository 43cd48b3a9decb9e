"""What a stored change is: its kind (appeared, changed) and its cause (patient data, criteria
version, trial status or time), read off the row it replaces and the trial change, if any."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from matcher.db.bulk import unsaved
from matcher.models import MatchChange, MatchResult
from trials.models import TrialChange

Cause = MatchChange.Cause


def appeared_cause(trial_change: TrialChange | None) -> str:
    if trial_change is None:
        return Cause.PATIENT_DATA
    return Cause.CRITERIA_VERSION if trial_change.kind == "criteria" else Cause.TRIAL_STATUS


def changed_cause(old: Mapping[str, Any], row: MatchResult, trial_change: TrialChange | None) -> str:
    if old["criteria_version_id"] != row.criteria_version_id:
        return Cause.CRITERIA_VERSION
    if old["facts_version_id"] != row.facts_version_id:
        return Cause.PATIENT_DATA
    if trial_change is not None and trial_change.kind == "status":
        return Cause.TRIAL_STATUS
    return Cause.TIME


def change_row(
    row: MatchResult, kind: str, old: str, cause: str, job_id: uuid.UUID | None, trial_change: TrialChange | None
) -> MatchChange:
    return unsaved(
        MatchChange,
        patient_id=row.patient_id,
        result=row,
        trial_id=row.trial_id,
        kind=kind,
        cause=cause,
        old_eligibility=old,
        new_eligibility=row.eligibility if kind != MatchChange.Kind.DISAPPEARED else "",
        job_id=job_id,
        trial_change=trial_change,
    )
