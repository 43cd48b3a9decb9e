"""Trial changes re-match every stored patient through a real Redis broker and a real Celery
worker on PostgreSQL: the API's PATCH records the change, the worker fans it out in chunks,
and each patient's matches and changes say what happened."""

from __future__ import annotations

import time
from datetime import date

import pytest

from tests.conftest import EXAMPLES
from tests.worker.conftest import TODAY, wait_for_jobs

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

NAMES = [f"D{i:02d}" for i in range(1, 11)]


@pytest.fixture
def posted(api, seeded, worker) -> dict[str, str]:
    answers = {}
    for name in NAMES:
        body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
        answers[name] = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()
    wait_for_jobs([a["match_job"]["id"] for a in answers.values()])
    return {name: a["id"] for name, a in answers.items()}


def wait_for_trial_changes(nct_id: str, timeout: float = 60) -> None:
    """Until every change of the trial is processed and each of its chunks reported back."""
    from trials.models import TrialChange

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = list(TrialChange.objects.filter(trial__nct_id=nct_id).values("processed", "chunks", "chunks_done", "outcome"))
        if rows and all(r["processed"] and r["outcome"] and r["chunks_done"] >= r["chunks"] for r in rows):
            return
        time.sleep(0.2)
    raise AssertionError(f"trial changes of {nct_id} not processed after {timeout}s: {rows}")


def _listed(api, patient_id: str) -> dict[str, str]:
    body = api.get(f"/api/v1/patients/{patient_id}/matches").json()
    return {r["trial"]: r["eligibility"] for r in body["results"]}


def test_a_completed_seed_trial_set_to_recruiting_appears_in_every_candidates_results(api, manager, posted):
    """The trial asks for relapsed or refractory CD19+ ALL: its ALL gates alone, so it appears
    for the ALL examples and is answered ineligible, by that line, on demand for the AML ones."""
    assert all("NCT05563545" not in _listed(api, pid) for pid in posted.values())
    assert manager.patch("/api/v1/trials/NCT05563545", {"status": "RECRUITING"}, format="json").status_code == 200
    wait_for_trial_changes("NCT05563545")
    appeared = set()
    for name, pid in posted.items():
        changes = api.get(f"/api/v1/patients/{pid}/matches/changes?trial=NCT05563545").json()["results"]
        if "NCT05563545" in _listed(api, pid):
            appeared.add(name)
            assert [(c["kind"], c["cause"]) for c in changes] == [("appeared", "trial_status")]
        else:
            answer = api.get(f"/api/v1/patients/{pid}/matches/NCT05563545").json()
            assert answer["eligibility"] == "ineligible" and "acute lymphoblastic leukemia" in answer["gate"]["reason"], name
            assert changes == [], name
    assert len(appeared) == 5, appeared


def _verdict(api, patient_id: str, nct_id: str) -> str:
    """One trial's verdict for a patient, stored or (for a trial its gates left out) computed."""
    return api.get(f"/api/v1/patients/{patient_id}/matches/{nct_id}").json()["eligibility"]


def test_a_suspended_trial_disappears_from_every_patients_results(api, manager, posted):
    listed = {name for name, pid in posted.items() if "NCT06559644" in _listed(api, pid)}
    assert listed  # the trial's gates let some examples through
    assert manager.patch("/api/v1/trials/NCT06559644", {"status": "SUSPENDED"}, format="json").status_code == 200
    wait_for_trial_changes("NCT06559644")
    for name, pid in posted.items():
        assert "NCT06559644" not in _listed(api, pid), name
        changes = api.get(f"/api/v1/patients/{pid}/matches/changes?trial=NCT06559644").json()["results"]
        if name in listed:
            assert changes[0]["kind"] == "disappeared" and changes[0]["cause"] == "trial_status"
            assert "suspended" in changes[0]["detail"]
        else:  # never stored (not a candidate): nothing to take away
            assert all(c["kind"] != "disappeared" for c in changes), name


def _age(birth: date) -> int:
    today = date.fromisoformat(TODAY)
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def test_editing_one_criterion_changes_exactly_the_patients_it_should(api, manager, posted):
    from matcher.models import Patient

    before = {name: _verdict(api, pid, "NCT06585345") for name, pid in posted.items()}
    trial = api.get("/api/v1/trials/NCT06585345").json()
    old, new = "Over 14 years old, under 65 years old.", "Over 14 years old, under 30 years old."
    lines = [{"type": c["type"], "text": new if c["text"] == old else c["text"]} for c in trial["criteria"]]
    assert any(line["text"] == new for line in lines)
    assert manager.patch("/api/v1/trials/NCT06585345", {"criteria": lines}, format="json").status_code == 200
    wait_for_trial_changes("NCT06585345")

    ages = {name: _age(date.fromisoformat(Patient.objects.get(pk=pid).facts["birth_date"])) for name, pid in posted.items()}
    should_change = {n for n in NAMES if before[n] != "ineligible" and ages[n] >= 30}
    assert should_change
    after = {name: _verdict(api, pid, "NCT06585345") for name, pid in posted.items()}
    assert {n for n in NAMES if after[n] != before[n]} == should_change
    for name, pid in posted.items():
        changes = api.get(f"/api/v1/patients/{pid}/matches/changes?trial=NCT06585345").json()["results"]
        changed = [c for c in changes if c["kind"] == "changed"]
        if name in should_change:
            assert [(c["cause"], c["old_eligibility"], c["new_eligibility"]) for c in changed] == [
                ("criteria_version", before[name], "ineligible")
            ]
        else:
            assert changed == [], name
