"""Concepts added for the seed and holdout lines (issue 14), read from the codes hospitals send."""

from __future__ import annotations

import pytest

from intake_helpers import ICD10, PATIENT_URL, SNOMED, bundle, condition
from matcher.intake import normalise
from rules_engine.concepts import ancestors

LOINC = "http://loinc.org"


@pytest.mark.parametrize("system,code", [(ICD10, "D65"), (SNOMED, "67406007")], ids=["icd10", "snomed"])
def test_disseminated_intravascular_coagulation_is_dic_a_kind_of_bleeding_coagulopathy(system, code):
    events = normalise(bundle(condition(system, code))).facts.events
    assert "dic" in events and "bleeding_diathesis" in ancestors("dic")


def test_another_coagulation_defect_is_no_dic():
    events = normalise(bundle(condition(ICD10, "D68.0"))).facts.events
    assert "hereditary_bleeding_disorder" in events and "dic" not in events
    assert "bleeding_diathesis" in ancestors("hereditary_bleeding_disorder")


@pytest.mark.parametrize("code", ["1968-7", "14629-0"])
def test_direct_bilirubin_is_its_own_measurement(code):
    observation = {
        "resourceType": "Observation", "status": "final", "code": {"coding": [{"system": LOINC, "code": code}]},
        "subject": {"reference": PATIENT_URL}, "effectiveDateTime": "2026-10-01",
        "valueQuantity": {"value": 0.2, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"},
    }
    measurements = normalise(bundle(observation)).facts.measurements
    assert "direct_bilirubin" in measurements and "bilirubin" not in measurements
