"""Golden patients in admin: attached with the API's checks, run at once on the version in use."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES

NCT = "NCT06559644"
ADD = "/admin/trials/goldenpatient/add/"


def _form(trial_pk: int, name: str, patient: object, expected: str = "eligible") -> dict[str, str]:
    return {"trial": str(trial_pk), "name": name, "patient": json.dumps(patient), "expected": expected, "criteria": "{}"}


@pytest.fixture
def trial(seeded):
    from trials.models import Trial

    return Trial.objects.get(nct_id=NCT)


def test_a_golden_patient_added_in_admin_is_stored_and_run_on_the_version_in_use(admin_client, trial):
    from trials.models import GoldenPatient

    record = json.loads((EXAMPLES / "patients" / "D01.json").read_text())
    response = admin_client.post(ADD, _form(trial.pk, "D01 as curated", record))
    assert response.status_code == 302
    made = GoldenPatient.objects.get(trial=trial, name="D01 as curated")
    assert made.last_run is not None and made.last_run["version"] == trial.current_criteria.number
    listing = admin_client.get("/admin/trials/goldenpatient/").content.decode()
    assert "D01 as curated" in listing and made.last_run["verdict"] in listing


def test_a_record_that_cannot_be_read_is_refused_naming_the_element(admin_client, trial):
    from trials.models import GoldenPatient

    response = admin_client.post(ADD, _form(trial.pk, "no patient", {"resourceType": "Bundle", "type": "collection", "entry": []}))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "patient" in errors and "Patient" in errors["patient"][0]
    assert not GoldenPatient.objects.filter(name="no patient").exists()
