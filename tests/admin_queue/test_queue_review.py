"""matcher.queue.actions: status, assignment and notes, each recorded as a MatchEvent with from, to
and who."""

from __future__ import annotations

import pytest

from matcher.models import MatchEvent, MatchResult
from matcher.queue import actions

pytestmark = pytest.mark.django_db

Status = MatchResult.ReviewStatus


@pytest.fixture
def result(api, make_results):
    return make_results(api.eligo_client, 1)[0]


def test_setting_a_status_records_from_to_and_actor(result, coordinator):
    actions.set_status(result, Status.UNDER_REVIEW, coordinator)
    event = MatchEvent.objects.get(result=result)
    assert (event.kind, event.old_value, event.new_value, event.actor) == ("status", "new", "under_review", coordinator)
    result.refresh_from_db()
    assert result.review_status == Status.UNDER_REVIEW


def test_a_closing_status_without_a_reason_is_refused_and_nothing_is_written(result, coordinator):
    with pytest.raises(actions.ReasonRequired):
        actions.set_status(result, Status.DECLINED, coordinator, reason="  ")
    result.refresh_from_db()
    assert result.review_status == Status.NEW
    assert not MatchEvent.objects.filter(result=result).exists()


def test_a_closing_status_with_a_reason_keeps_the_reason_on_the_match_and_the_event(result, coordinator):
    actions.set_status(result, Status.NOT_ELIGIBLE, coordinator, reason="platelets 20 on the ward today")
    result.refresh_from_db()
    assert (result.review_status, result.review_reason) == (Status.NOT_ELIGIBLE, "platelets 20 on the ward today")
    assert MatchEvent.objects.get(result=result).text == "platelets 20 on the ward today"


def test_an_unknown_status_is_refused(result, coordinator):
    with pytest.raises(actions.UnknownStatus):
        actions.set_status(result, "maybe", coordinator)


def test_setting_the_status_a_match_already_has_records_nothing(result, coordinator):
    actions.set_status(result, Status.UNDER_REVIEW, coordinator)
    assert actions.set_status(result, Status.UNDER_REVIEW, coordinator) is None
    assert MatchEvent.objects.filter(result=result).count() == 1


def test_the_from_value_is_read_from_the_database_not_a_stale_instance(result, coordinator):
    stale = MatchResult.objects.get(pk=result.pk)
    actions.set_status(result, Status.UNDER_REVIEW, coordinator)
    actions.set_status(stale, Status.CONTACT_PENDING, coordinator)
    latest = MatchEvent.objects.filter(result=result).first()
    assert (latest.old_value, latest.new_value) == ("under_review", "contact_pending")


def test_bulk_closing_status_without_a_reason_changes_none(api, make_results, coordinator):
    rows = make_results(api.eligo_client, 3)
    with pytest.raises(actions.ReasonRequired):
        actions.bulk_set_status(rows, Status.DEFERRED, coordinator)
    assert not MatchResult.objects.exclude(review_status=Status.NEW).exists()


def test_bulk_status_counts_only_the_matches_it_changed(api, make_results, coordinator):
    rows = make_results(api.eligo_client, 3)
    actions.set_status(rows[0], Status.SCREENING, coordinator)
    assert actions.bulk_set_status(rows, Status.SCREENING, coordinator) == 2


def test_assigning_records_the_previous_and_new_coordinator(result, coordinator, make_user, api):
    dana = make_user("dana", clients=[api.eligo_client])
    actions.assign(result, coordinator, coordinator)
    actions.assign(result, dana, coordinator)
    latest = MatchEvent.objects.filter(result=result, kind="assignee").first()
    assert (latest.old_value, latest.new_value, latest.actor) == ("carol", "dana", coordinator)
    result.refresh_from_db()
    assert result.assigned_to == dana


def test_unassigning_records_nobody_as_the_new_value(result, coordinator):
    actions.assign(result, coordinator, coordinator)
    actions.assign(result, None, coordinator)
    latest = MatchEvent.objects.filter(result=result, kind="assignee").first()
    assert (latest.old_value, latest.new_value) == ("carol", "")
    result.refresh_from_db()
    assert result.assigned_to is None


def test_a_user_who_does_not_work_on_the_client_cannot_be_assigned(result, coordinator, make_user, other_client):
    outsider = make_user("olga", clients=[other_client.eligo_client])
    with pytest.raises(actions.NotAssignable):
        actions.assign(result, outsider, coordinator)
    result.refresh_from_db()
    assert result.assigned_to is None


def test_a_note_is_recorded_with_its_author_and_text(result, coordinator):
    actions.add_note(result, "echo booked for Monday", coordinator)
    event = MatchEvent.objects.get(result=result)
    assert (event.kind, event.text, event.actor) == ("note", "echo booked for Monday", coordinator)


def test_an_empty_note_is_refused(result, coordinator):
    with pytest.raises(actions.EmptyNote):
        actions.add_note(result, "   ", coordinator)
    assert not MatchEvent.objects.exists()
