"""Criteria versions: a coordinator's correction is a new version and survives re-imports."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from trials import services
from trials.models import Trial, TrialChange

pytestmark = pytest.mark.django_db

CORRECTED = {
    "type": "inclusion",
    "text": "Expected survival is more than 3 months;",
    "expr": {"node": "predicate", "concept": "life_expectancy", "op": "gt", "value": 13, "unit": "wk"},
    "corrected": True,
}


def _line(trial: Trial, position: int):
    return trial.current_criteria.criteria.get(position=position)


def test_a_correction_makes_a_new_version_and_keeps_the_old_structure_readable(seeded):
    trial = Trial.objects.get(nct_id="NCT05744440")
    before = _line(trial, 1)
    old_structure, old_version = before.structured, trial.current_criteria
    corrected = services.correct_criterion(before, CORRECTED)
    trial.refresh_from_db()
    assert trial.current_criteria.number == old_version.number + 1
    assert (corrected.structured, corrected.corrected, corrected.review) == (CORRECTED, True, False)
    assert old_version.criteria.get(position=1).structured == old_structure
    assert TrialChange.objects.filter(trial=trial, kind="criteria").count() == 1


def test_a_correction_survives_a_reimport_of_changed_criteria(seeded):
    trial = Trial.objects.get(nct_id="NCT05744440")
    services.correct_criterion(_line(trial, 1), CORRECTED)
    lines = [
        services.CriterionLine(type=c.type, text=c.text, parent=c.parent_position)
        for c in trial.current_criteria.criteria.order_by("position")
    ] + [services.CriterionLine(type="exclusion", text="Known HIV infection")]
    services.set_criteria(trial, lines, reason="import")
    trial.refresh_from_db()
    kept = trial.current_criteria.criteria.get(text=CORRECTED["text"])
    assert (kept.structured, kept.corrected) == (CORRECTED, True)


def test_reloading_the_seeds_after_a_correction_keeps_it(seeded):
    trial = Trial.objects.get(nct_id="NCT05744440")
    services.correct_criterion(_line(trial, 1), CORRECTED)
    call_command("load_seeds", stdout=io.StringIO())
    trial.refresh_from_db()
    assert _line(trial, 1).structured == CORRECTED
