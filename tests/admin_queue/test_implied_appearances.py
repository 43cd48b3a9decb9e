"""A result's first appearance in a patient's job is implied by the result's row, not stored as a
change row (``matcher.results.history``): the changes endpoint, the queue's history and its
"changed since the last run" filter answer as they did when it was stored."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.api import patients as patients_api
from matcher.matching import jobs
from matcher.models import MatchChange, MatchJob, MatchResult
from matcher.queue import actions
from matcher.queue.page import merged_history
from matcher.results.history import ChangeHistory
from tests.admin_queue.conftest import post_patient
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)
LVEF_NCT, LVEF_LINE = "NCT06559644", 6  # D07's one failing line (tests/admin_queue/test_queue_overrides.py)


def _post(api, name: str) -> str:
    body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
    pid = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
    jobs.run_job(MatchJob.objects.get(patient_id=pid).pk, as_of=TODAY)
    return pid


def _changes(api, pid: str, query: str = "") -> list[dict]:
    return api.get(f"/api/v1/patients/{pid}/matches/changes{query}").json()["results"]


def test_a_first_match_stores_no_appearance_and_the_endpoint_says_each_from_its_result(api, seeded):
    pid = _post(api, "D01")
    job = MatchJob.objects.get(patient_id=pid)
    results = list(MatchResult.objects.filter(patient_id=pid).select_related("trial"))
    assert results and not MatchChange.objects.filter(patient_id=pid).exists()
    answered = {c["trial"]: c for c in _changes(api, pid)}
    assert set(answered) == {r.trial.nct_id for r in results}
    for r in results:
        c = answered[r.trial.nct_id]
        assert (c["id"], c["kind"], c["cause"], c["old_eligibility"], c["new_eligibility"]) == (
            -r.pk, "appeared", "patient_data", None, r.eligibility,
        )
        assert (c["job"], c["trial_change"], c["detail"]) == (str(job.pk), None, "")
        assert c["created"].replace("Z", "+00:00") == r.first_seen.isoformat()


def test_an_appearance_keeps_the_eligibility_it_arrived_at_after_an_override_changed_it(api, seeded, coordinator):
    pid = post_patient(api, "D07")
    result = MatchResult.objects.get(patient_id=pid, trial__nct_id=LVEF_NCT)
    assert result.eligibility == "ineligible"
    actions.override_criterion(result, LVEF_LINE, "met", "echo on paper chart", coordinator)
    result.refresh_from_db()
    assert result.eligibility != "ineligible"
    rows = [(c["kind"], c["cause"], c["old_eligibility"], c["new_eligibility"]) for c in _changes(api, pid, f"?trial={LVEF_NCT}")]
    assert rows == [
        ("changed", "override", "ineligible", result.eligibility),
        ("appeared", "patient_data", None, "ineligible"),
    ]
    history = [(h.what, h.machine) for h in merged_history(result)]
    assert ("Match appeared: Ineligible", True) in history


def test_stored_and_implied_changes_page_as_one_list_newest_first(api, seeded, monkeypatch):
    pid = _post(api, "D01")
    result = MatchResult.objects.filter(patient_id=pid).first()
    assert result is not None
    MatchChange.objects.create(patient_id=pid, result=result, trial_id=result.trial_id, kind="changed",
                               cause="time", old_eligibility=result.eligibility, new_eligibility="ineligible")
    whole = _changes(api, pid)
    assert len(whole) == MatchResult.objects.filter(patient_id=pid).count() + 1
    assert whole[0]["kind"] == "changed"  # the newest
    assert [(c["created"], c["id"]) for c in whole] == sorted(((c["created"], c["id"]) for c in whole), reverse=True)
    monkeypatch.setattr(patients_api.ChangePagination, "page_size", 1)
    paged, url = [], f"/api/v1/patients/{pid}/matches/changes"
    while url:
        body = api.get(url).json()
        paged += body["results"]
        url = body["next"]
    assert paged == whole


def test_a_job_deleted_on_its_own_leaves_its_appearances_without_a_job(api, seeded):
    pid = _post(api, "D01")
    MatchJob.objects.filter(patient_id=pid).delete()
    changes = _changes(api, pid)
    assert changes and {(c["kind"], c["job"]) for c in changes} == {("appeared", None)}


def test_appearances_stored_elsewhere_are_not_implied(api, seeded):
    """A re-match's appearance names its trial change, a scheduled job's says time: both are rows."""
    pid = _post(api, "D01")
    result = MatchResult.objects.filter(patient_id=pid).first()
    assert result is not None and result.first_job_id is not None
    MatchResult.objects.filter(pk=result.pk).update(first_job=None)
    MatchChange.objects.create(patient_id=pid, result=result, trial_id=result.trial_id, kind="appeared",
                               cause="trial_status", new_eligibility=result.eligibility)
    mine = [c for c in _changes(api, pid) if c["trial"] == result.trial.nct_id]
    assert [(c["kind"], c["cause"], c["id"] > 0) for c in mine] == [("appeared", "trial_status", True)]


@pytest.mark.parametrize(
    "lookups, implied_kept",
    [
        ({"kind": "appeared"}, True), ({"kind": "changed"}, False), ({"kind__in": ["appeared", "changed"]}, True),
        ({"cause": "patient_data"}, True), ({"cause": "override"}, False), ({"trial_change__isnull": True}, True),
    ],
)
def test_a_filter_on_what_every_implied_change_holds_keeps_or_drops_them_all(api, seeded, lookups, implied_kept):
    pid = _post(api, "D01")
    everything = ChangeHistory.where(patient_id=pid)
    assert len(everything.filter(**lookups)) == (len(everything) if implied_kept else 0)
    assert len(everything.exclude(**lookups)) == (0 if implied_kept else len(everything))


def test_a_filter_by_id_reads_the_implied_ids_as_their_negated_results(api, seeded):
    pid = _post(api, "D01")
    ids = sorted(c.id for c in ChangeHistory.where(patient_id=pid))
    assert all(i < 0 for i in ids)
    assert [c.id for c in ChangeHistory.where(patient_id=pid).filter(id__lt=ids[1]).order_by("id")] == ids[:1]
    assert [c.id for c in ChangeHistory.where(patient_id=pid).filter(id=ids[-1])] == ids[-1:]


def test_changed_since_the_last_run_lists_what_the_latest_job_made_appear_and_not_an_earlier_ones(api, seeded, logged_in):
    first = _post(api, "D01")
    appeared_before = set(MatchResult.objects.filter(patient_id=first).values_list("pk", flat=True))
    second = _post(api, "D07")
    # D01 runs again: nothing changes, so its results appeared before its latest run
    patient = MatchJob.objects.get(patient_id=first).patient
    jobs.run_job(MatchJob.objects.create(patient=patient, client=patient.client, trigger="requested").pk, as_of=TODAY)
    # the queue lists eligible and possibly eligible results only: make every row one
    MatchResult.objects.update(eligibility="possibly_eligible", eligibility_rank=1)
    listed = {r.pk for r in logged_in.get("/admin/matcher/matchresult/", {"changed": "1"}).context["cl"].result_list}
    assert listed == set(MatchResult.objects.filter(patient_id=second).values_list("pk", flat=True))
    assert listed and not listed & appeared_before
