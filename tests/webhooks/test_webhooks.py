"""Webhooks against a real local HTTP receiver: signing, retries with backoff, pausing, what a
payload may carry, the client's webhook API and admin. Deliveries run in-process by calling
``webhooks.deliver`` (a retry is the same call once the row is due); one test goes through a
real Celery worker."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from matcher.matching import jobs
from matcher.models import MatchJob, Patient, Webhook, WebhookDelivery
from matcher.webhooks import delivery as webhooks
from matcher.worker import dispatch
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)
ELIGIBLE_PATIENT = "D03"  # eligible for ELIGIBLE_TRIAL on TODAY: its match is a match.eligible event
ELIGIBLE_TRIAL = "NCT06559644"  # (NCT05744440 asks for an INR and a calcium D03's record lacks: possibly eligible)
PAYLOAD_KEYS = {"event", "patient", "trial", "kind", "cause", "old_eligibility", "new_eligibility"}


# --- helpers ------------------------------------------------------------------------------


def _delivery(hook: Webhook, event: str = "match.eligible") -> WebhookDelivery:
    payload = {"event": event, "patient": "2b1f4c9e-0000-4000-8000-000000000000", "trial": "NCT05744440",
               "kind": "appeared", "cause": "patient_data", "old_eligibility": None, "new_eligibility": "eligible"}
    return WebhookDelivery.objects.create(webhook=hook, event=event, payload=payload)


def _make_due(*deliveries: WebhookDelivery) -> None:
    WebhookDelivery.objects.filter(pk__in=[d.pk for d in deliveries], status="pending").update(next_attempt=timezone.now() - timedelta(seconds=1))


def _post_patient(api, name: str, identifier: str | None = None) -> str:
    """Post an example patient (under another identifier when given: a new patient with the same
    record) and run its match job."""
    body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
    if identifier is not None:
        bundle = json.loads(body)
        for entry in bundle["entry"]:
            if entry["resource"]["resourceType"] == "Patient":
                entry["resource"]["identifier"][0]["value"] = identifier
        body = json.dumps(bundle).encode()
    response = api.post("/api/v1/patients", body, content_type="application/fhir+json")
    assert response.status_code in (200, 201), response.content
    jobs.run_job(response.json()["match_job"]["id"], as_of=TODAY)
    return response.json()["id"]


def _signature_parts(header: str) -> tuple[str, str]:
    parts = dict(item.split("=", 1) for item in header.split(","))
    return parts["t"], parts["v1"]


def _hmac(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


# --- delivery -----------------------------------------------------------------------------


def test_the_signature_verifies_with_the_clients_secret_and_not_over_a_tampered_body(hook, receiver):
    webhook, secret = hook
    delivery = _delivery(webhook)

    assert webhooks.deliver([delivery.pk]) == 1

    [got] = receiver.requests
    timestamp, sent = _signature_parts(got.headers["Eligo-Signature"])
    assert abs(int(timestamp) - time.time()) < 60
    assert hmac.compare_digest(sent, _hmac(secret, timestamp, got.body))
    assert not hmac.compare_digest(sent, _hmac(secret, timestamp, got.body.replace(b'"eligible"', b'"ineligible"')))
    assert not hmac.compare_digest(sent, _hmac("another-secret", timestamp, got.body))
    assert got.headers["Eligo-Event"] == "match.eligible"
    assert got.headers["Eligo-Delivery"] == str(delivery.pk)
    assert got.headers["Content-Type"] == "application/json"
    assert json.loads(got.body) == delivery.payload


def test_a_failing_receiver_is_retried_with_backoff_and_the_delivery_succeeds_once_it_recovers(hook, receiver, settings):
    settings.ELIGO_WEBHOOK_BACKOFF_SECONDS = 10  # long enough to see "not yet" without racing it
    webhook, _ = hook
    delivery = _delivery(webhook)
    receiver.status = 500

    assert webhooks.deliver([delivery.pk]) == 0
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    first_wait = (delivery.next_attempt - timezone.now()).total_seconds()
    assert 8 < first_wait <= 10

    assert webhooks.deliver([delivery.pk]) == 0  # not due yet: nothing is sent
    assert len(receiver.requests) == 1

    _make_due(delivery)
    webhooks.deliver([delivery.pk])
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert 18 < (delivery.next_attempt - timezone.now()).total_seconds() <= 20  # doubled

    receiver.status = 204
    _make_due(delivery)
    assert webhooks.deliver([delivery.pk]) == 1
    delivery.refresh_from_db()
    webhook.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code, delivery.last_error) == ("delivered", 3, 204, "")
    assert delivery.delivered is not None
    assert webhook.consecutive_failures == 0
    assert len(receiver.requests) == 3
    assert len({r.headers["Eligo-Delivery"] for r in receiver.requests}) == 1


def test_a_delivery_fails_for_good_after_the_most_attempts(hook, receiver, settings):
    settings.ELIGO_WEBHOOK_MAX_ATTEMPTS = 3
    webhook, _ = hook
    delivery = _delivery(webhook)
    receiver.status = 503

    for _ in range(5):
        _make_due(delivery)
        webhooks.deliver([delivery.pk])

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt) == ("failed", 3, None)
    assert len(receiver.requests) == 3


def test_a_hanging_receiver_counts_as_a_failed_attempt(hook, receiver, settings):
    settings.ELIGO_WEBHOOK_TIMEOUT_SECONDS = 0.3
    webhook, _ = hook
    delivery = _delivery(webhook)
    receiver.hang = True

    started = time.monotonic()
    assert webhooks.deliver([delivery.pk]) == 0
    assert time.monotonic() - started < 3
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code, delivery.last_error) == ("pending", 1, None, "timeout")


def test_repeated_failures_pause_the_webhook_and_nothing_more_is_sent(hook, receiver, settings):
    settings.ELIGO_WEBHOOK_PAUSE_AFTER = 3
    webhook, _ = hook
    deliveries = [_delivery(webhook), _delivery(webhook, "match.eligibility_changed")]
    receiver.status = 500

    for _ in range(6):
        _make_due(*deliveries)
        webhooks.deliver([d.pk for d in deliveries])

    webhook.refresh_from_db()
    assert webhook.paused_at is not None
    assert len(receiver.requests) == 3
    assert set(WebhookDelivery.objects.filter(webhook=webhook).values_list("status", flat=True)) == {"failed"}

    receiver.status = 200
    late = _delivery(webhook)  # a row written just before the pause
    _make_due(*deliveries, late)
    assert webhooks.deliver([d.pk for d in [*deliveries, late]]) == 0
    assert len(receiver.requests) == 3


def test_a_paused_webhook_gets_no_new_deliveries_until_it_is_put_again(api, seeded, hook, receiver):
    webhook, _ = hook
    webhooks.pause(webhook.pk)

    _post_patient(api, ELIGIBLE_PATIENT)
    assert not WebhookDelivery.objects.filter(webhook=webhook).exists()

    assert api.put("/api/v1/webhook", {"url": receiver.url}, format="json").json()["paused"] is False
    _post_patient(api, ELIGIBLE_PATIENT, identifier="D03-again")  # a new patient, as eligible
    assert WebhookDelivery.objects.filter(webhook=webhook, event="match.eligible", payload__trial=ELIGIBLE_TRIAL).count() == 1


def test_a_delivery_carries_ids_not_patient_values(api, seeded, hook, receiver):
    patient_id = _post_patient(api, ELIGIBLE_PATIENT)
    patient = Patient.objects.get(pk=patient_id)
    ids = list(WebhookDelivery.objects.values_list("pk", flat=True))
    assert ids, "an eligible match should have recorded a delivery"

    assert webhooks.deliver(ids) == len(ids)

    bodies = [json.loads(r.body) for r in receiver.requests]
    assert {"event": "match.eligible", "patient": patient_id, "trial": ELIGIBLE_TRIAL}.items() <= bodies[0].items()
    for raw, body in zip((r.body for r in receiver.requests), bodies, strict=True):
        assert set(body) == PAYLOAD_KEYS
        assert patient.facts["birth_date"].encode() not in raw
        assert patient.identifier_value.encode() not in raw
        assert patient.identifier_system.encode() not in raw


def test_the_retry_countdown_stays_below_the_visibility_timeout(hook, receiver, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.ELIGO_WEBHOOK_BACKOFF_SECONDS = 3600
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 100}
    queued = []
    monkeypatch.setattr(dispatch, "send", lambda name, args, countdown: queued.append((args, countdown)))
    webhook, _ = hook
    delivery = _delivery(webhook)
    receiver.status = 500

    with django_capture_on_commit_callbacks(execute=True):
        webhooks.deliver([delivery.pk])
    with django_capture_on_commit_callbacks(execute=True):
        webhooks.deliver([delivery.pk])  # the early hop: not due, so not sent, queued again

    assert [args for args, _ in queued] == [([delivery.pk],), ([delivery.pk],)]
    assert all(70 < countdown <= 80 for _, countdown in queued)
    assert len(receiver.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_a_delivery_claimed_by_one_task_is_not_sent_by_another_at_the_same_time(make_client, receiver):
    api = make_client()
    api.put("/api/v1/webhook", {"url": receiver.url}, format="json")
    delivery = _delivery(Webhook.objects.get(client=api.eligo_client))
    receiver.delay = 0.5
    start = threading.Barrier(2)
    sent: list[int] = []

    def run() -> None:
        try:
            start.wait()
            sent.append(webhooks.deliver([delivery.pk]))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(sent) == [0, 1]
    assert len(receiver.requests) == 1


# --- API ----------------------------------------------------------------------------------


def test_put_creates_a_webhook_and_returns_its_secret_once(api, receiver, public_names):
    created = api.put("/api/v1/webhook", {"url": receiver.url}, format="json")
    assert created.status_code == 201
    body = created.json()
    assert body["url"] == receiver.url and body["active"] is True and body["paused"] is False
    assert len(body["secret"]) == 64 and int(body["secret"], 16) >= 0
    assert Webhook.objects.get(client=api.eligo_client).secret == body["secret"]

    shown = api.get("/api/v1/webhook").json()
    assert "secret" not in shown and body["secret"] not in json.dumps(shown)
    assert shown["consecutive_failures"] == 0

    updated = api.put("/api/v1/webhook", {"url": "https://hooks.example.org/eligo"}, format="json")
    assert updated.status_code == 200 and updated.json()["secret"] is None
    rotated = api.put("/api/v1/webhook", {"rotate_secret": True}, format="json").json()
    assert rotated["secret"] not in (None, body["secret"])
    assert Webhook.objects.get(client=api.eligo_client).secret == rotated["secret"]


@pytest.mark.parametrize("url", ["ftp://files.example.org/hook", "not a url", "javascript:alert(1)", ""])
def test_a_bad_url_gives_400_naming_url(api, url):
    response = api.put("/api/v1/webhook", {"url": url}, format="json")
    assert response.status_code == 400
    assert response.json()["field"] == "url"
    assert response.json()["error"].startswith("url:")
    assert not Webhook.objects.exists()


def test_delete_removes_the_webhook(api, hook):
    assert api.delete("/api/v1/webhook").status_code == 204
    assert api.get("/api/v1/webhook").status_code == 404
    assert not Webhook.objects.exists()


def test_the_delivery_log_lists_this_clients_deliveries_newest_first(api, hook, receiver):
    webhook, _ = hook
    older, newer = _delivery(webhook), _delivery(webhook, "match.eligibility_changed")
    receiver.status = 500
    webhooks.deliver([older.pk])

    rows = api.get("/api/v1/webhook/deliveries").json()["results"]
    assert [r["id"] for r in rows] == [newer.pk, older.pk]
    assert rows[1] | {"created": None} == {
        "id": older.pk, "event": "match.eligible", "status": "pending", "attempts": 1,
        "last_status_code": 500, "last_error": "HTTP 500", "created": None, "delivered": None,
    }


def test_another_client_cannot_see_this_clients_deliveries(hook, make_client, receiver):
    webhook, _ = hook
    _delivery(webhook)
    other = make_client("hospital-b")

    assert other.get("/api/v1/webhook/deliveries").json()["results"] == []
    assert other.get("/api/v1/webhook").status_code == 404


def test_the_schema_includes_the_webhook_paths(api):
    response = api.get("/api/v1/schema", HTTP_ACCEPT="application/json")
    paths = json.loads(response.content)["paths"]
    assert {"get", "put", "delete"} <= set(paths["/api/v1/webhook"])
    assert "get" in paths["/api/v1/webhook/deliveries"]
    assert "Eligo-Signature" in paths["/api/v1/webhook"]["put"]["description"]


# --- admin --------------------------------------------------------------------------------


def test_admin_lists_webhooks_without_their_secret_and_resumes_paused_ones(client, hook):
    webhook, secret = hook
    webhooks.pause(webhook.pk)
    Webhook.objects.filter(pk=webhook.pk).update(consecutive_failures=7)
    client.force_login(User.objects.create_superuser("admin", password="pw"))

    listing = client.get("/admin/matcher/webhook/?paused=yes")
    assert listing.status_code == 200 and webhook.url.encode() in listing.content
    assert secret.encode() not in listing.content
    assert secret.encode() not in client.get(f"/admin/matcher/webhook/{webhook.pk}/change/").content

    client.post("/admin/matcher/webhook/", {"action": "resume", "_selected_action": [webhook.pk]})
    webhook.refresh_from_db()
    assert (webhook.paused_at, webhook.consecutive_failures) == (None, 0)


# --- through a real worker ----------------------------------------------------------------


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_eligible_match_posted_through_the_api_reaches_the_receiver(make_client, seeded, receiver, worker):
    api = make_client()
    api.put("/api/v1/webhook", {"url": receiver.url}, format="json")
    body = (EXAMPLES / "patients" / f"{ELIGIBLE_PATIENT}.json").read_bytes()
    patient_id = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not receiver.requests:
        time.sleep(0.2)

    assert receiver.requests, f"nothing delivered; job: {list(MatchJob.objects.values_list('status', 'error'))}"
    payload = json.loads(receiver.requests[0].body)
    assert (payload["event"], payload["patient"]) == ("match.eligible", patient_id)
