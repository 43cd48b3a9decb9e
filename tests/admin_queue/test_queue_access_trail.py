"""A coordinator's view of a patient's match page is an access event (issue 16): the staff user,
the patient's client, the patient, ``admin.match_page.view``. The queue list is not: it shows no
patient's data beyond a reference."""

from __future__ import annotations

import pytest

from matcher.models import AccessEvent

pytestmark = pytest.mark.django_db


def test_viewing_a_match_page_records_who_saw_which_patient(logged_in, api, make_results, coordinator):
    result = make_results(api.eligo_client, 1)[0]
    response = logged_in.get(f"/admin/matcher/matchresult/{result.pk}/change/")
    assert response.status_code == 200
    assert list(AccessEvent.objects.values_list("action", "actor_kind", "actor_name", "actor", "client", "patient")) == [
        ("admin.match_page.view", "staff", "carol", coordinator.pk, api.eligo_client.pk, result.patient_id)
    ]


def test_the_client_reads_the_coordinators_view_in_its_trail(logged_in, api, make_results):
    result = make_results(api.eligo_client, 1)[0]
    logged_in.get(f"/admin/matcher/matchresult/{result.pk}/change/")
    events = api.get("/api/v1/audit-events", {"patient": str(result.patient_id)}).json()["results"]
    assert [(e["actor"], e["action"]) for e in events] == [("staff:carol", "admin.match_page.view")]


def test_a_match_page_outside_the_coordinators_clients_records_nothing(logged_in, other_client, make_results):
    result = make_results(other_client.eligo_client, 1)[0]
    assert logged_in.get(f"/admin/matcher/matchresult/{result.pk}/change/").status_code == 404
    assert not AccessEvent.objects.exists()


def test_the_queue_list_records_nothing(logged_in, api, make_results):
    make_results(api.eligo_client, 3)
    assert logged_in.get("/admin/matcher/matchresult/").status_code == 200
    assert not AccessEvent.objects.exists()
