"""API tokens: stored as hashes, shown once, with expiry, rotation and revocation by command and
in admin; tokens issued before hashing keep working (issue 16, credentials)."""

from __future__ import annotations

import hashlib
import importlib
import io
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from matcher.api import clients
from matcher.models import ApiClient, ApiToken

pytestmark = pytest.mark.django_db

CALL = "/api/v1/trials"


def calling(token: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def status_of(token: str) -> int:
    return calling(token).get(CALL).status_code


def run(*args: str) -> list[str]:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip().splitlines()


def test_a_token_is_stored_only_as_a_hash_of_itself():
    client, token = clients.create_api_client("hashed")
    stored = ApiToken.objects.get(client=client)
    assert token.startswith(f"eligo_{stored.prefix}_")
    assert stored.digest == hashlib.sha256(token.encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute("SELECT prefix, digest, note FROM matcher_apitoken")
        assert all(token not in str(value) for row in cursor.fetchall() for value in row)


def test_the_issued_token_authenticates_and_a_wrong_secret_with_its_prefix_does_not():
    _, token = clients.create_api_client("caller")
    assert status_of(token) == 200
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    response = calling(forged).get(CALL)
    assert response.status_code == 401
    assert response.json()["error"] == "invalid token"


@pytest.mark.parametrize("presented", ["", "eligo_", "eligo_abc_def", "x" * 40, "eligo_" + "0" * 12 + "_secret"])
def test_malformed_or_unknown_tokens_are_refused(presented):
    clients.create_api_client("someone")
    assert status_of(presented or "-") == 401


def test_an_expired_token_is_refused():
    client, token = clients.create_api_client("expiring")
    ApiToken.objects.filter(client=client).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = calling(token).get(CALL)
    assert response.status_code == 401
    assert response.json()["error"] == "token expired"


def test_a_revoked_token_is_refused_at_once():
    client, token = clients.create_api_client("revoked")
    assert clients.revoke_tokens(client) == 1
    response = calling(token).get(CALL)
    assert response.status_code == 401
    assert response.json()["error"] == "token revoked"


@pytest.mark.parametrize(("days", "expected"), [(30, timedelta(days=30)), (0, None)])
def test_a_new_token_lives_for_the_default_lifetime_setting(settings, days, expected):
    settings.ELIGO_API_TOKEN_LIFETIME_DAYS = days
    client, _ = clients.create_api_client(f"lifetime-{days}")
    token = ApiToken.objects.get(client=client)
    if expected is None:
        assert token.expires_at is None
    else:
        assert abs(token.expires_at - (timezone.now() + expected)) < timedelta(minutes=1)


def test_rotation_keeps_the_old_token_working_for_the_grace_period_only():
    client, old = clients.create_api_client("rotating")
    _, new = clients.rotate_token(client, grace=timedelta(hours=2))
    assert status_of(old) == 200 and status_of(new) == 200
    previous = ApiToken.objects.exclude(note="rotated").get(client=client)
    assert abs(previous.expires_at - (timezone.now() + timedelta(hours=2))) < timedelta(minutes=1)
    ApiToken.objects.filter(pk=previous.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert status_of(old) == 401 and status_of(new) == 200


def test_rotation_without_grace_revokes_the_old_token_at_once():
    client, old = clients.create_api_client("rotating-now")
    _, new = clients.rotate_token(client, grace=timedelta(0))
    assert status_of(old) == 401 and status_of(new) == 200


def test_use_is_recorded_on_the_token():
    client, token = clients.create_api_client("used")
    assert ApiToken.objects.get(client=client).last_used is None
    status_of(token)
    assert ApiToken.objects.get(client=client).last_used is not None


def test_create_api_client_prints_a_working_token_last():
    lines = run("create_api_client", "by-command")
    assert status_of(lines[-1]) == 200
    assert ApiToken.objects.filter(client__name="by-command").count() == 1


def test_the_api_token_command_creates_rotates_lists_and_revokes():
    clients.create_api_client("managed")
    created = run("api_token", "create", "managed", "--expires-days", "7")[-1]
    assert status_of(created) == 200
    rotated = run("api_token", "rotate", "managed", "--grace-hours", "0")[-1]
    assert status_of(rotated) == 200 and status_of(created) == 401
    listing = "\n".join(run("api_token", "list", "managed"))
    live = ApiToken.objects.get(client__name="managed", revoked_at__isnull=True)
    assert live.prefix in listing and rotated not in listing and "live" in listing and "revoked" in listing
    assert run("api_token", "revoke", "managed", "--prefix", live.prefix)[-1] == "Revoked 1 token(s) of 'managed'."
    assert status_of(rotated) == 401


def test_the_demo_client_prints_a_fresh_working_token_each_run_and_ends_the_previous_one():
    first = run("demo_client")[-1]
    second = run("demo_client")[-1]
    assert first != second
    assert status_of(second) == 200 and status_of(first) == 401


def test_drf_plaintext_tokens_are_gone_from_the_app_and_the_admin():
    assert "rest_framework.authtoken" not in django_settings.INSTALLED_APPS
    registered = {f"{m._meta.app_label}.{m.__name__}" for m in admin.site._registry}
    assert "matcher.ApiToken" in registered
    assert not any(label.startswith("authtoken.") for label in registered)


def test_the_migration_moves_plaintext_tokens_to_hashes_and_drops_the_plaintext_table(django_user_model):
    client, _ = clients.create_api_client("legacy")
    key = "0123456789abcdef0123456789abcdef01234567"  # DRF's shape: 40 hex characters
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamptz NOT NULL, "
            "user_id integer NOT NULL)"
        )
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, now(), %s)", [key, client.user_id])
    migration = importlib.import_module("matcher.migrations.0010_hashed_api_tokens")
    from django.apps import apps

    with connection.schema_editor() as editor:
        migration.move_plaintext_tokens(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    moved = ApiToken.objects.get(client=client, prefix=key[:16])
    assert moved.digest != key
    assert status_of(key) == 200


def test_admin_issues_a_token_shown_once_and_revokes_tokens(admin_client):
    client, old = clients.create_api_client("from-admin")
    response = admin_client.post(
        "/admin/matcher/apiclient/", {"action": "issue_token", "_selected_action": [client.pk]}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    issued = [t for t in response.content.decode().split('"issued-token">')[1:]]
    plaintext = issued[0].split("<")[0]
    assert status_of(plaintext) == 200 and status_of(old) == 200
    response = admin_client.post(
        "/admin/matcher/apitoken/",
        {"action": "revoke", "_selected_action": list(ApiToken.objects.filter(client=client).values_list("pk", flat=True))},
    )
    assert response.status_code == 302
    assert status_of(plaintext) == 401 and status_of(old) == 401


def test_admin_rotation_shows_the_new_token_and_never_the_stored_ones(admin_client):
    client, old = clients.create_api_client("rotated-in-admin")
    response = admin_client.post(
        "/admin/matcher/apiclient/", {"action": "rotate_tokens", "_selected_action": [client.pk]}
    )
    page = response.content.decode()
    new = page.split('"issued-token">')[1].split("<")[0]
    assert new != old and old not in page
    assert status_of(new) == 200
    change = admin_client.get(f"/admin/matcher/apiclient/{client.pk}/change/").content.decode()
    assert old not in change and new not in change
    assert all(t.prefix in change for t in ApiToken.objects.filter(client=client))
    assert ApiClient.objects.filter(pk=client.pk).exists()
