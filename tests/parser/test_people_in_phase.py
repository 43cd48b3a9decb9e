"""A trial's portions named by their patients ("participants in phase 2 should have ...") count
beside a line's lead ("For phase 3, participants should have ..."): with two portions, the phase 3
line never decides against a patient who could enter phase 2 (portions.trial_portions; holdout
T245)."""

from __future__ import annotations

import pytest

from rules_engine.parser.portions import _PEOPLE_IN_PHASE, trial_portions


@pytest.mark.parametrize("texts,portions", [
    (["In the 8 weeks prior to registration, participants in phase 2 should have anemia", "For phase 3, participants should have anemia"],
     {"phase 2", "phase 3"}),
    (["Patients enrolled in phase II must have measurable disease"], {"phase 2"}),
])
def test_patients_of_a_phase_name_a_portion(texts, portions):
    assert trial_portions(texts) == portions


@pytest.mark.parametrize("text", ["Prior gemcitabine in Phase II study is allowed", "Subjects enrolled in phase II trials of other agents"])
def test_a_studys_phase_is_no_portion(text):
    """A study's phase ("in Phase II study", "in phase II trials") is no portion of this trial."""
    assert _PEOPLE_IN_PHASE.search(text) is None
