"""Patients in admin: visible only with the permission, identifiers only with the stronger one."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(api):
    body = (EXAMPLES / "patients" / "D01.json").read_text()
    return api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]


def _staff(client, *codenames: str):
    user = User.objects.create_user("coordinator", password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_staff_without_the_view_permission_cannot_list_patients(client, patient):
    response = _staff(client).get("/admin/matcher/patient/")
    assert response.status_code == 403


def test_staff_with_view_permission_see_patients_but_not_their_identifiers(client, patient):
    response = _staff(client, "view_patient").get(f"/admin/matcher/patient/{patient}/change/")
    assert response.status_code == 200
    assert b"D01" not in response.content


def test_staff_with_the_identity_permission_see_the_local_identifier(client, patient):
    response = _staff(client, "view_patient", "view_patient_identity").get("/admin/matcher/patient/")
    assert response.status_code == 200
    assert b"D01" in response.content
