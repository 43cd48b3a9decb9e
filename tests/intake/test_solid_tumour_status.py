"""A solid tumour's stated status (issue 14, read what hospitals write).

A neuroblastoma coded with clinicalStatus "relapse" was no recurrent disease, so it failed "Solid
tumors ... that are recurrent or refractory to standard therapy". The status a solid tumour's
Condition states is read when the record holds no blood cancer: beside one, a status event is not
tied to its diagnosis when a line is judged, and a breast cancer's recurrence would answer
"relapsed AML".
"""

from __future__ import annotations

import pytest
from intake_helpers import ICD10, bundle, condition

from matcher.intake import normalise


def statuses(*resources) -> set[str]:
    facts = normalise(bundle(*resources)).facts
    return {s for s in ("relapsed", "remission") if facts.events_of(s)}


@pytest.mark.parametrize("code,clinical,expected", [
    ("C74.90", "relapse", {"relapsed"}),  # neuroblastoma of the adrenal gland
    ("C50.911", "recurrence", {"relapsed"}),  # breast
    ("C50.911", "remission", {"remission"}),
    ("C50.911", "active", set()),
])
def test_a_solid_tumour_alone_states_its_own_status(code, clinical, expected):
    assert statuses(condition(ICD10, code, clinical=clinical)) == expected


def test_beside_a_blood_cancer_a_solid_tumours_status_is_not_read():
    assert statuses(condition(ICD10, "C50.911", clinical="recurrence"), condition(ICD10, "C92.00")) == set()


def test_the_blood_cancers_own_status_still_stands_beside_a_solid_tumour():
    assert statuses(condition(ICD10, "C50.911", clinical="remission"), condition(ICD10, "C92.02")) == {"relapsed"}
