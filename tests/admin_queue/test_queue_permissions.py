"""Who sees what: coordinators only their assigned clients' matches (list and object), patient
identifiers only with view_patient_identity, the coordinator group exactly what the queue needs."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from matcher.models import MatchEvent, MatchResult

pytestmark = pytest.mark.django_db

URL = "/admin/matcher/matchresult/"


def _page(result) -> str:
    return f"{URL}{result.pk}/change/"


def _ids(response) -> set[int]:
    return {r.pk for r in response.context["cl"].result_list}


def test_the_coordinator_group_has_exactly_the_queues_permissions(migrated_rows):
    migrated_rows("matcher", "0003_coordinator_group", "add_group", Group.objects.filter(name="coordinator").exists())
    perms = Group.objects.get(name="coordinator").permissions.values_list("content_type__app_label", "codename")
    assert sorted(perms) == [
        ("matcher", "add_criterionoverride"), ("matcher", "add_matchevent"), ("matcher", "change_criterionoverride"),
        ("matcher", "change_matchresult"), ("matcher", "view_matchresult"), ("matcher", "view_patient_identity"),
    ]


def test_a_coordinator_sees_only_matches_of_the_clients_assigned_to_them(logged_in, api, other_client, make_results):
    mine = make_results(api.eligo_client, 2)
    make_results(other_client.eligo_client, 2)
    assert _ids(logged_in.get(URL)) == {r.pk for r in mine}


def test_a_coordinator_without_assignments_sees_no_matches(client, make_user, api, make_results):
    make_results(api.eligo_client, 2)
    client.force_login(make_user("nobody-assigned"))
    assert _ids(client.get(URL)) == set()


def test_the_client_filter_offers_only_assigned_clients(logged_in, api, other_client, make_results):
    make_results(api.eligo_client, 1)
    content = logged_in.get(URL).content.decode()
    assert "hospital-a" in content and "hospital-b" not in content


def test_another_clients_match_page_answers_404(logged_in, other_client, make_results):
    theirs = make_results(other_client.eligo_client, 1)[0]
    assert logged_in.get(_page(theirs)).status_code == 404


def test_another_clients_match_cannot_be_changed(logged_in, other_client, make_results):
    theirs = make_results(other_client.eligo_client, 1)[0]
    response = logged_in.post(_page(theirs), {"workflow": "status", "status-status": "under_review"})
    assert response.status_code == 404
    assert MatchResult.objects.get(pk=theirs.pk).review_status == "new"


def test_bulk_actions_cannot_reach_another_clients_matches(logged_in, other_client, make_results, make_user):
    olga = make_user("olga", clients=[other_client.eligo_client])
    theirs = make_results(other_client.eligo_client, 1, assigned_to=olga)[0]
    logged_in.post(URL, {"action": "unassign", "_selected_action": [theirs.pk]})
    assert MatchResult.objects.get(pk=theirs.pk).assigned_to == olga


def test_coordinator_assignments_have_an_admin_for_superusers(client, make_user, api):
    client.force_login(make_user("root", superuser=True, group=False))
    carol = make_user("carol", clients=[api.eligo_client])
    response = client.get("/admin/matcher/coordinatorassignment/")
    assert response.status_code == 200
    assert "carol" in response.content.decode() and carol.coordinator_assignments.count() == 1


def test_coordinators_cannot_edit_coordinator_assignments(logged_in):
    assert logged_in.get("/admin/matcher/coordinatorassignment/").status_code == 403


def test_a_superuser_sees_every_clients_matches(client, make_user, api, other_client, make_results):
    rows = make_results(api.eligo_client, 1) + make_results(other_client.eligo_client, 1)
    client.force_login(make_user("root", superuser=True, group=False))
    assert _ids(client.get(URL)) == {r.pk for r in rows}


def test_staff_without_the_view_permission_get_403(client, make_user, api):
    client.force_login(make_user("staff", group=False, clients=[api.eligo_client]))
    assert client.get(URL).status_code == 403


def test_without_the_identity_permission_the_queue_shows_patient_ids_not_identifiers(client, make_user, api, make_results):
    row = make_results(api.eligo_client, 1)[0]
    viewer = make_user("viewer", group=False, perms=["view_matchresult"], clients=[api.eligo_client])
    client.force_login(viewer)
    content = client.get(URL).content.decode()
    assert str(row.patient_id) in content
    assert row.patient.identifier_value not in content


def test_without_the_identity_permission_the_match_page_hides_the_identifier(client, make_user, api, make_results):
    row = make_results(api.eligo_client, 1)[0]
    client.force_login(make_user("viewer", group=False, perms=["view_matchresult"], clients=[api.eligo_client]))
    content = client.get(_page(row)).content.decode()
    assert str(row.patient_id) in content
    assert row.patient.identifier_value not in content


def test_coordinators_see_the_identifiers_of_their_clients_patients(logged_in, api, make_results):
    row = make_results(api.eligo_client, 1)[0]
    assert row.patient.identifier_value in logged_in.get(URL).content.decode()


def test_searching_by_identifier_finds_nothing_without_the_identity_permission(client, make_user, api, make_results):
    row = make_results(api.eligo_client, 1)[0]
    client.force_login(make_user("viewer", group=False, perms=["view_matchresult"], clients=[api.eligo_client]))
    assert _ids(client.get(URL, {"q": row.patient.identifier_value})) == set()


def test_a_viewer_without_change_permission_cannot_set_a_status(client, make_user, api, make_results):
    row = make_results(api.eligo_client, 1)[0]
    client.force_login(make_user("viewer", group=False, perms=["view_matchresult"], clients=[api.eligo_client]))
    response = client.post(_page(row), {"workflow": "status", "status-status": "under_review"})
    assert response.status_code == 403
    assert not MatchEvent.objects.exists()


def test_a_user_without_the_override_permission_cannot_override(client, make_user, api, make_results):
    row = make_results(api.eligo_client, 1, criteria=[(1, "unknown", False)])[0]
    user = make_user("changer", group=False, perms=["view_matchresult", "change_matchresult"], clients=[api.eligo_client])
    client.force_login(user)
    response = client.post(_page(row), {"workflow": "override", "override-position": "1", "override-outcome": "met",
                                        "override-note": "echo"})
    assert response.status_code == 403
    assert not row.overrides.exists()
