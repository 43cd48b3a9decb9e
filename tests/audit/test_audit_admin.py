"""The trail in admin: auditors list it read-only; a patient viewed or deleted in admin is an
event like any API call, and an admin deletion leaves no LogEntry holding the patient's id."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User

from matcher.models import AccessEvent, Patient
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(api) -> str:
    body = (EXAMPLES / "patients" / "D01.json").read_text()
    return api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]


def _staff(client, name: str, *codenames: str) -> User:
    user = User.objects.create_user(name, password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="matcher", codename__in=codenames))
    client.force_login(user)
    return user


def test_an_auditor_lists_the_trail(client, patient):
    _staff(client, "auditor", "view_accessevent")
    response = client.get("/admin/matcher/accessevent/")
    assert response.status_code == 200
    assert [e.action for e in response.context["cl"].result_list] == ["patient.write"]


def test_an_auditor_finds_a_patients_events_by_its_id(client, patient, api):
    api.get(f"/api/v1/patients/{patient}")
    _staff(client, "auditor", "view_accessevent")
    response = client.get("/admin/matcher/accessevent/", {"q": patient})
    assert [e.action for e in response.context["cl"].result_list] == ["patient.read", "patient.write"]


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "add/"), ("post", "{pk}/change/"), ("post", "{pk}/delete/")],
    ids=["add", "change", "delete"],
)
def test_nobody_adds_changes_or_deletes_an_event(admin_client, patient, method, path):
    event = AccessEvent.objects.get()
    response = getattr(admin_client, method)(f"/admin/matcher/accessevent/{path.format(pk=event.pk)}", {"action": "patient.read"})
    assert response.status_code == 403
    assert AccessEvent.objects.get().action == "patient.write"


def test_without_the_permission_the_trail_is_hidden(client, patient):
    _staff(client, "someone", "view_patient")
    assert client.get("/admin/matcher/accessevent/").status_code == 403


def test_a_patient_viewed_in_admin_is_an_event(client, patient):
    user = _staff(client, "dora", "view_patient")
    assert client.get(f"/admin/matcher/patient/{patient}/change/").status_code == 200
    viewed = AccessEvent.objects.filter(action="admin.patient.view").values_list("actor", "actor_kind", "patient").get()
    assert viewed == (user.pk, "staff", Patient.objects.get().pk)


def test_a_patient_deleted_in_admin_is_erased_like_an_api_deletion(client, patient):
    user = _staff(client, "dora", "view_patient", "delete_patient", "delete_matchjob")
    response = client.post(f"/admin/matcher/patient/{patient}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Patient.objects.exists()
    assert list(AccessEvent.objects.order_by("id").values_list("action", "actor", "patient")) == [
        ("patient.write", AccessEvent.objects.order_by("id").first().actor_id, None),
        ("patient.delete", user.pk, None),
    ]
    assert not LogEntry.objects.filter(object_id=patient).exists()
