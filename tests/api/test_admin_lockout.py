"""Admin sign-in lockout: repeated failures for one username from one address lock that pair
out for a while, the right password included; other addresses and usernames are unaffected."""

from __future__ import annotations

import time
import uuid

import pytest
from django.test import Client

from matcher import lockout

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username=f"coordinator-{uuid.uuid4().hex[:8]}", password=PASSWORD, is_staff=True
    )


def sign_in(username: str, password: str, address: str = "10.0.0.1"):
    return Client(REMOTE_ADDR=address).post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail(username: str, times: int, address: str = "10.0.0.1") -> None:
    for _ in range(times):
        assert not signed_in(sign_in(username, "wrong", address))


def test_the_right_password_signs_in(staff):
    assert signed_in(sign_in(staff.username, PASSWORD))


def test_after_too_many_failures_even_the_right_password_is_refused_with_a_clear_message(staff, settings):
    settings.ELIGO_LOGIN_MAX_FAILURES = 3
    fail(staff.username, 3)
    refused = sign_in(staff.username, PASSWORD)
    assert not signed_in(refused)
    assert "Too many failed sign-ins" in refused.content.decode()


def test_the_lockout_is_per_address_and_per_username(staff, django_user_model, settings):
    settings.ELIGO_LOGIN_MAX_FAILURES = 3
    colleague = django_user_model.objects.create_user(username=f"{staff.username}-b", password=PASSWORD, is_staff=True)
    fail(staff.username, 3, address="10.0.0.1")
    assert signed_in(sign_in(staff.username, PASSWORD, address="10.0.0.2"))
    assert signed_in(sign_in(colleague.username, PASSWORD, address="10.0.0.1"))


def test_fewer_failures_than_the_limit_followed_by_a_success_start_the_count_again(staff, settings):
    settings.ELIGO_LOGIN_MAX_FAILURES = 3
    fail(staff.username, 2)
    assert signed_in(sign_in(staff.username, PASSWORD))
    fail(staff.username, 2)
    assert signed_in(sign_in(staff.username, PASSWORD))


def test_the_lockout_ends_after_its_minutes(staff, settings, monkeypatch):
    settings.ELIGO_LOGIN_MAX_FAILURES = 2
    settings.ELIGO_LOGIN_LOCKOUT_MINUTES = 15
    fail(staff.username, 2)
    assert not signed_in(sign_in(staff.username, PASSWORD))
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(lockout.time, "time", lambda: later)
    assert signed_in(sign_in(staff.username, PASSWORD))


def test_the_address_behind_the_trusted_proxy_is_the_one_counted(staff, settings):
    settings.ELIGO_LOGIN_MAX_FAILURES = 2
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    for _ in range(2):
        Client(REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="198.51.100.7").post(
            "/admin/login/", {"username": staff.username, "password": "wrong"}
        )
    # A client-supplied X-Forwarded-For entry left of the proxy's does not dodge the count.
    spoofed = Client(REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7").post(
        "/admin/login/", {"username": staff.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert not signed_in(spoofed)
    other = Client(REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="198.51.100.8").post(
        "/admin/login/", {"username": staff.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert signed_in(other)
