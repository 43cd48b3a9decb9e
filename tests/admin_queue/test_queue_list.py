"""The match queue (admin changelist): which rows, in what order, the filters, search and bulk
actions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from matcher.models import MatchChange, MatchEvent, MatchJob, MatchResult, QueueVisit

pytestmark = pytest.mark.django_db

URL = "/admin/matcher/matchresult/"


def _ids(response) -> list[int]:
    return [r.pk for r in response.context["cl"].result_list]


def test_the_queue_is_titled_match_queue(logged_in, api, make_results):
    make_results(api.eligo_client, 1)
    response = logged_in.get(URL)
    assert response.status_code == 200
    assert "<h1>Match queue</h1>" in response.content.decode()


def test_only_active_eligible_and_possibly_eligible_results_are_listed(logged_in, api, make_results):
    eligible = make_results(api.eligo_client, 1, eligibility="eligible", eligibility_rank=0)
    possibly = make_results(api.eligo_client, 1)
    make_results(api.eligo_client, 1, eligibility="ineligible", eligibility_rank=2)
    make_results(api.eligo_client, 1, state="gone")
    assert set(_ids(logged_in.get(URL))) == {eligible[0].pk, possibly[0].pk}


def test_newest_first(logged_in, api, make_results):
    rows = make_results(api.eligo_client, 3)
    now = timezone.now()
    for age, row in enumerate(rows):
        MatchResult.objects.filter(pk=row.pk).update(first_seen=now - timedelta(days=age))
    assert _ids(logged_in.get(URL)) == [r.pk for r in rows]


def test_the_rows_show_trial_client_eligibility_status_and_assignee(logged_in, api, make_results, coordinator):
    row = make_results(api.eligo_client, 1, assigned_to=coordinator, review_status="screening")[0]
    content = logged_in.get(URL).content.decode()
    for text in (row.trial.nct_id, "hospital-a", "Possibly eligible", "Screening", "carol"):
        assert text in content


def test_assignee_filter_me_and_nobody(logged_in, api, make_results, coordinator, make_user):
    mine = make_results(api.eligo_client, 1, assigned_to=coordinator)
    dana = make_user("dana", clients=[api.eligo_client])
    theirs = make_results(api.eligo_client, 1, assigned_to=dana)
    nobodys = make_results(api.eligo_client, 1)
    assert _ids(logged_in.get(URL, {"assignee": "me"})) == [mine[0].pk]
    assert _ids(logged_in.get(URL, {"assignee": "nobody"})) == [nobodys[0].pk]
    assert _ids(logged_in.get(URL, {"assignee": str(dana.pk)})) == [theirs[0].pk]


def test_trial_eligibility_and_status_filters(logged_in, api, make_results):
    rows = make_results(api.eligo_client, 5)  # one patient, the five seed trials
    MatchResult.objects.filter(pk=rows[0].pk).update(eligibility="eligible", review_status="contacted")
    open_row = next(r for r in rows[1:] if r.trial.overall_status == "RECRUITING")
    assert _ids(logged_in.get(URL, {"trial": open_row.trial_id})) == [open_row.pk]
    assert _ids(logged_in.get(URL, {"eligibility": "eligible"})) == [rows[0].pk]
    assert _ids(logged_in.get(URL, {"review_status__exact": "contacted"})) == [rows[0].pk]


def test_new_since_my_last_visit_lists_results_first_seen_after_the_previous_visit(logged_in, api, make_results, coordinator):
    old, new = make_results(api.eligo_client, 2)
    now = timezone.now()
    MatchResult.objects.filter(pk=old.pk).update(first_seen=now - timedelta(days=2))
    QueueVisit.objects.create(user=coordinator, previous=None, last=now - timedelta(days=1))
    assert _ids(logged_in.get(URL, {"new": "1"})) == [new.pk]


def test_views_within_one_visit_keep_the_previous_visit(logged_in, coordinator, api, make_results):
    make_results(api.eligo_client, 1)
    yesterday = timezone.now() - timedelta(days=1)
    QueueVisit.objects.create(user=coordinator, previous=None, last=yesterday)
    logged_in.get(URL)
    logged_in.get(URL, {"new": "1"})
    logged_in.get(URL)
    visit = QueueVisit.objects.get(user=coordinator)
    assert visit.previous == yesterday
    assert timezone.now() - visit.last < timedelta(minutes=1)


def test_a_view_after_a_gap_starts_a_new_visit(logged_in, coordinator, api, make_results):
    make_results(api.eligo_client, 1)
    earlier = timezone.now() - timedelta(hours=2)
    QueueVisit.objects.create(user=coordinator, previous=earlier - timedelta(days=3), last=earlier)
    logged_in.get(URL)
    assert QueueVisit.objects.get(user=coordinator).previous == earlier


def test_changed_since_the_last_run_lists_results_the_patients_latest_job_changed(logged_in, api, make_results):
    changed, unchanged, override_only = make_results(api.eligo_client, 3, per_patient=3)
    patient = changed.patient
    now = timezone.now()
    MatchJob.objects.create(patient=patient, client=api.eligo_client, status="succeeded",
                            started=now - timedelta(days=5), finished=now - timedelta(days=5))
    MatchJob.objects.create(patient=patient, client=api.eligo_client, status="succeeded",
                            started=now - timedelta(hours=1), finished=now - timedelta(minutes=59))
    def change(row, when, cause="patient_data"):
        c = MatchChange.objects.create(patient=patient, result=row, trial=row.trial, kind="changed", cause=cause,
                                       old_eligibility="ineligible", new_eligibility="possibly_eligible")
        MatchChange.objects.filter(pk=c.pk).update(created=when)
    change(changed, now - timedelta(minutes=59))
    change(unchanged, now - timedelta(days=5))
    change(override_only, now - timedelta(minutes=10), cause="override")
    assert _ids(logged_in.get(URL, {"changed": "1"})) == [changed.pk]


def test_search_by_nct_id_finds_that_trials_matches(logged_in, api, make_results):
    rows = make_results(api.eligo_client, 5)
    nct = rows[2].trial.nct_id
    assert _ids(logged_in.get(URL, {"q": nct.lower()})) == [rows[2].pk]


def test_search_by_local_identifier_finds_that_patients_matches(logged_in, api, make_results):
    rows = make_results(api.eligo_client, 2, per_patient=1)
    assert _ids(logged_in.get(URL, {"q": rows[1].patient.identifier_value})) == [rows[1].pk]


def test_bulk_set_status_asks_for_the_status_first(logged_in, api, make_results):
    rows = make_results(api.eligo_client, 2)
    response = logged_in.post(URL, {"action": "set_status_action", "_selected_action": [r.pk for r in rows]})
    assert response.status_code == 200
    assert "Set review status" in response.content.decode()
    assert not MatchEvent.objects.exists()


def test_bulk_closing_status_without_a_reason_changes_nothing(logged_in, api, make_results):
    rows = make_results(api.eligo_client, 2)
    response = logged_in.post(URL, {"action": "set_status_action", "_selected_action": [r.pk for r in rows],
                                    "apply": "1", "status": "declined", "reason": ""})
    assert "closes the match" in response.content.decode()
    assert not MatchResult.objects.filter(review_status="declined").exists()


def test_bulk_closing_status_with_a_reason_sets_every_selected_match(logged_in, api, make_results, coordinator):
    rows = make_results(api.eligo_client, 3)
    logged_in.post(URL, {"action": "set_status_action", "_selected_action": [r.pk for r in rows[:2]],
                         "apply": "1", "status": "deferred", "reason": "re-screen after cycle 2"})
    assert set(MatchResult.objects.filter(review_status="deferred").values_list("pk", flat=True)) == {r.pk for r in rows[:2]}
    assert MatchEvent.objects.filter(kind="status", actor=coordinator, text="re-screen after cycle 2").count() == 2


def test_bulk_assign_to_me_then_unassign(logged_in, api, make_results, coordinator):
    rows = make_results(api.eligo_client, 2)
    selected = [r.pk for r in rows]
    logged_in.post(URL, {"action": "assign_to_me", "_selected_action": selected})
    assert MatchResult.objects.filter(assigned_to=coordinator).count() == 2
    logged_in.post(URL, {"action": "unassign", "_selected_action": selected})
    assert not MatchResult.objects.filter(assigned_to__isnull=False).exists()
    assert list(MatchEvent.objects.filter(kind="assignee").values_list("new_value", flat=True)) == ["", "", "carol", "carol"]
