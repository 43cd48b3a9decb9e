"""Notifications to clients' webhooks: which changes are worth telling, recorded as outbox rows
in the transaction that made the change, sent after commit, retried with backoff.

Wire format (also in the OpenAPI description of ``PUT /api/v1/webhook``). Each delivery is one
``POST`` of a JSON body that carries ids and verdict words only (patient UUID, NCT id, event,
kind, cause, old and new eligibility), never a patient's values or identifiers. Headers:

* ``Content-Type: application/json``
* ``Eligo-Event: match.eligible`` or ``match.eligibility_changed``
* ``Eligo-Delivery: <delivery id>``: the same id on every retry of one delivery, so a receiver
  can drop duplicates (delivery is at least once).
* ``Eligo-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`` where each ``<hex>`` is
  HMAC-SHA256(key = a webhook secret as ASCII text, message = ``"<t>." + raw body bytes``).
  The receiver recomputes it over the exact bytes it received with the secret it holds, accepts
  the request when any ``v1`` matches (compared in constant time), and rejects stale ``t`` (we
  suggest 5 minutes) so a captured request cannot be replayed later. After a rotation
  (``rotate_secret``) the header carries two ``v1`` values, the new secret's first, for
  ``ELIGO_WEBHOOK_ROTATION_GRACE_SECONDS`` (default 24 h): a receiver still holding the old
  secret keeps verifying until it switches (as Stripe does). A second rotation within that time
  ends the first one's grace.

Any 2xx answer is success. Anything else (another status, a redirect, a timeout, a refused
connection, a destination that is not https or not a public address) is a failed attempt:
retried after ``ELIGO_WEBHOOK_BACKOFF_SECONDS`` × 2^(attempt-1), capped at
``ELIGO_WEBHOOK_BACKOFF_MAX_SECONDS``, until ``ELIGO_WEBHOOK_MAX_ATTEMPTS`` attempts make the
delivery ``failed``. ``ELIGO_WEBHOOK_PAUSE_AFTER`` failed attempts in a row (across deliveries)
pause the webhook: its pending deliveries fail and no new ones are recorded until the client
PUTs it again or staff resume it in admin. One attempt takes at most
``ELIGO_WEBHOOK_TIMEOUT_SECONDS`` (default 5) from name resolution to the answer's status line,
whatever the receiver does (matcher.webhooks.transport).

Settings are read with defaults so a deployment need not name them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from matcher.db.arrays import AnyOf
from matcher.models import MatchChange, Patient, Webhook, WebhookDelivery
from matcher.webhooks import transport
from matcher.worker import dispatch
from trials.models import Trial

logger = logging.getLogger(__name__)

PAUSED_ERROR = "not sent: the webhook was paused after repeated failures"
REFUSED_ERROR = "destination refused"
UNREADABLE_SECRET_ERROR = "not sent: the signing secret could not be read (server configuration)"


def _event_of(change: MatchChange) -> str | None:
    return event_of(change.kind, change.new_eligibility)


def event_of(kind: str, new_eligibility: str) -> str | None:
    """New eligible matches and changes of eligibility; a patient's other churn is not news."""
    if kind == MatchChange.Kind.APPEARED and new_eligibility == "eligible":
        return "match.eligible"
    if kind == MatchChange.Kind.CHANGED:
        return "match.eligibility_changed"
    return None


def notifies(kind: str, new_eligibility: str) -> bool:
    """Whether a change of this kind, leaving this eligibility, is an event for a webhook."""
    return event_of(kind, new_eligibility) is not None


def record_deliveries(changes: Sequence[MatchChange]) -> list[WebhookDelivery]:
    """One delivery row per notifiable change whose client has an active webhook. Payloads carry
    ids and verdict words only, never a patient's values or identifiers."""
    wanted = [(c, e) for c in changes if (e := _event_of(c))]
    if not wanted:
        return []
    patients = {c.patient_id for c, _ in wanted}
    # most clients have no webhook: one query says so before the patients and trials are read
    # the patients as one array parameter (``AnyOf``, pinned to ``__in`` by its tests): a re-match
    # chunk's ~500 appearances as ``pk__in`` bound ~500 placeholders, quoted one by one (~12 ms
    # of a profiled ~900 ms chunk: bench/rematch_cpu.py --profile)
    if not Webhook.objects.filter(
        client_id__in=Patient.objects.filter(AnyOf("pk", patients)).values("client_id"), active=True, paused_at=None
    ).exists():
        return []
    patient_clients = dict(Patient.objects.filter(AnyOf("pk", patients)).values_list("pk", "client_id"))
    nct_ids = dict(Trial.objects.filter(pk__in={c.trial_id for c, _ in wanted}).values_list("pk", "nct_id"))
    hooks = {h.client_id: h for h in Webhook.objects.filter(client_id__in=set(patient_clients.values()), active=True, paused_at=None)}
    deliveries = []
    for change, event in wanted:
        client_id = patient_clients.get(change.patient_id)
        hook = hooks.get(client_id) if client_id is not None else None
        if hook is None:
            continue
        deliveries.append(
            WebhookDelivery(
                webhook=hook,
                event=event,
                payload={
                    "event": event,
                    "patient": str(change.patient_id),
                    "trial": nct_ids.get(change.trial_id),
                    "kind": change.kind,
                    "cause": change.cause,
                    "old_eligibility": change.old_eligibility or None,
                    "new_eligibility": change.new_eligibility or None,
                },
            )
        )
    WebhookDelivery.objects.bulk_create(deliveries)
    if deliveries:
        dispatch.deliver_webhooks([d.pk for d in deliveries])
    return deliveries


def record_client_event(client_id: int, event: str, payload: dict) -> WebhookDelivery | None:
    """One delivery of an event that is not a verdict change (a coordinator's work, e.g.
    ``research_subject.status_changed``) to the client's active webhook, if it has one; sent
    after the caller's transaction commits. The payload carries ids and status words only."""
    hook = Webhook.objects.filter(client_id=client_id, active=True, paused_at=None).first()
    if hook is None:
        return None
    delivery = WebhookDelivery.objects.create(webhook=hook, event=event, payload=payload)
    dispatch.deliver_webhooks([delivery.pk])
    return delivery


def _setting(name: str, default: float) -> float:
    return getattr(settings, name, default)


def backoff(attempts: int) -> timedelta:
    """Wait before the next try after ``attempts`` failed ones: doubling, so a receiver that is
    down for an hour is not hammered, capped so one that recovers hears from us within the cap."""
    base = _setting("ELIGO_WEBHOOK_BACKOFF_SECONDS", 30)
    cap = _setting("ELIGO_WEBHOOK_BACKOFF_MAX_SECONDS", 3600)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), cap))


def max_countdown() -> float:
    """The longest task countdown we use. Redis hands an unacknowledged message (a task waiting
    for its ETA counts) to another worker after the visibility timeout; staying well below it
    avoids that. A longer backoff is reached in hops: an early task finds the row not yet due
    and queues itself again for the rest (``_requeue_if_early``)."""
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 900)
    return visibility * 0.8


def body_of(payload: dict) -> bytes:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()


def signature(secret: str, body: bytes, timestamp: int, *older: str) -> str:
    """The ``Eligo-Signature`` header value (see the module docstring): one ``v1`` per secret,
    the current one first, then any replaced one still in its grace period."""
    message = f"{timestamp}.".encode() + body
    digests = [hmac.new(key.encode(), message, hashlib.sha256).hexdigest() for key in (secret, *older)]
    return ",".join([f"t={timestamp}", *(f"v1={digest}" for digest in digests)])


def rotation_grace() -> timedelta:
    return timedelta(seconds=_setting("ELIGO_WEBHOOK_ROTATION_GRACE_SECONDS", 24 * 3600))


def older_secrets(hook: Webhook, now: datetime) -> list[str]:
    """The replaced secret while its grace period lasts."""
    expires = hook.previous_secret_expires
    if hook.previous_secret and expires is not None and expires > now:
        return [hook.previous_secret]
    return []


def allow_insecure() -> bool:
    """Development only (``ELIGO_WEBHOOK_ALLOW_INSECURE``): http and private or loopback
    addresses, for receivers on the developer's machine."""
    return bool(getattr(settings, "ELIGO_WEBHOOK_ALLOW_INSECURE", False))


def _timeout() -> float:
    return float(_setting("ELIGO_WEBHOOK_TIMEOUT_SECONDS", 5))


def refusal(url: str) -> str | None:
    """Why Eligo will not send to ``url`` (a message for the client, naming the rule and never
    an address), or None. The same check runs again at every send, since a name may point
    elsewhere by then."""
    insecure = allow_insecure()
    try:
        transport.check_destination(url, allow_http=insecure, allow_private=insecure, resolve_timeout=_timeout())
    except transport.UnsafeDestination as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class Attempt:
    status_code: int | None
    error: str

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def post(url: str, body: bytes, headers: dict[str, str]) -> Attempt:
    """One POST within one overall deadline, from resolving the name to the answer's status
    line. The destination is checked now (the name is resolved now and the connection goes to
    the address checked), not trusted from when it was saved.

    Errors are a few generic words ("timeout", "connection failed", "tls error", "invalid
    answer", "destination refused", "HTTP 500"): the delivery log is shown to the client that
    chose the URL, so it must not tell errno texts, what a name resolved to, or why exactly an
    address was refused (which would map our network). The answer's body is never read."""
    deadline = _timeout()
    insecure = allow_insecure()
    started = time.monotonic()
    try:
        destination = transport.check_destination(url, allow_http=insecure, allow_private=insecure, resolve_timeout=deadline)
    except transport.ResolutionTimeout:
        return Attempt(None, "timeout")
    except transport.UnsafeDestination:
        return Attempt(None, REFUSED_ERROR)
    try:
        code = transport.send(destination, body, headers, deadline_seconds=deadline - (time.monotonic() - started))
    except transport.DeliveryFailed as exc:
        return Attempt(None, str(exc))
    return Attempt(code, "" if 200 <= code < 300 else f"HTTP {code}")


def _lease() -> timedelta:
    """How long a claim holds a row: longer than one send can take, so a redelivered task does
    not send it again meanwhile; short enough that a send whose worker died is retried soon."""
    return timedelta(seconds=_setting("ELIGO_WEBHOOK_TIMEOUT_SECONDS", 5) + 55)


def _live_hooks():
    return Webhook.objects.filter(active=True, paused_at=None).values("pk")


def _claim(delivery_id: int, now: datetime) -> bool:
    """Take the row for one send with a conditional update on the row's own columns (so
    PostgreSQL re-checks them after waiting for a concurrent claimer's lock)."""
    return bool(
        WebhookDelivery.objects.filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING, webhook_id__in=_live_hooks())
        .filter(Q(next_attempt__isnull=True) | Q(next_attempt__lte=now))
        .update(next_attempt=now + _lease())
    )


def _requeue(delivery_id: int, at: datetime, now: datetime) -> None:
    countdown = max(0.0, min((at - now).total_seconds(), max_countdown()))
    dispatch.deliver_webhooks([delivery_id], countdown=countdown)


def _requeue_if_early(delivery_id: int, now: datetime) -> None:
    """A task that arrives before its row is due (a capped countdown, a skewed clock, a claim
    still held) queues itself again rather than leaving the row stranded."""
    due = (
        WebhookDelivery.objects.filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING, webhook_id__in=_live_hooks())
        .values_list("next_attempt", flat=True)
        .first()
    )
    if due is not None and due > now:
        _requeue(delivery_id, due, now)


def _send(delivery: WebhookDelivery) -> Attempt:
    hook = delivery.webhook
    if hook.secret is None:  # no configured key decrypts it (matcher.webhooks.sealing)
        return Attempt(None, UNREADABLE_SECRET_ERROR)
    body = body_of(delivery.payload)
    now = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Eligo-Webhooks/1",
        "Eligo-Event": delivery.event,
        "Eligo-Delivery": str(delivery.pk),
        "Eligo-Signature": signature(hook.secret, body, now, *older_secrets(hook, timezone.now())),
    }
    return post(hook.url, body, headers)


def _succeeded(delivery: WebhookDelivery, attempt: Attempt) -> None:
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.DELIVERED, attempts=F("attempts") + 1, delivered=now,
        next_attempt=None, last_status_code=attempt.status_code, last_error="",
    )
    Webhook.objects.filter(pk=delivery.webhook_id).update(consecutive_failures=0)


def _failed(delivery: WebhookDelivery, attempt: Attempt) -> datetime | None:
    """Log the attempt on the row; returns when to try again, or None when it will not be."""
    now = timezone.now()
    attempts = delivery.attempts + 1
    give_up = attempts >= _setting("ELIGO_WEBHOOK_MAX_ATTEMPTS", 8)
    retry_at = None if give_up else now + backoff(attempts)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.FAILED if give_up else WebhookDelivery.Status.PENDING,
        attempts=attempts, next_attempt=retry_at, last_status_code=attempt.status_code, last_error=attempt.error,
    )
    Webhook.objects.filter(pk=delivery.webhook_id).update(consecutive_failures=F("consecutive_failures") + 1)
    failures = Webhook.objects.filter(pk=delivery.webhook_id).values_list("consecutive_failures", flat=True).first() or 0
    logger.warning("webhook delivery %s (webhook %s) attempt %s failed: %s", delivery.pk, delivery.webhook_id, attempts, attempt.error)
    if failures >= _setting("ELIGO_WEBHOOK_PAUSE_AFTER", 5) and pause(delivery.webhook_id):
        return None
    return retry_at


@transaction.atomic
def pause(webhook_id: int) -> bool:
    """Stop sending to a webhook that keeps failing: its pending deliveries fail (the client
    catches up from the match changes endpoint) instead of piling up behind a dead endpoint."""
    if not Webhook.objects.filter(pk=webhook_id, paused_at=None).update(paused_at=timezone.now()):
        return False
    pending = WebhookDelivery.objects.filter(webhook_id=webhook_id, status=WebhookDelivery.Status.PENDING)
    pending.filter(last_error="").update(last_error=PAUSED_ERROR)
    pending.update(status=WebhookDelivery.Status.FAILED, next_attempt=None)
    logger.warning("webhook %s paused after repeated failures", webhook_id)
    return True


def resume(webhook_id: int) -> None:
    """Un-pause and start counting failures afresh (API PUT and the admin action)."""
    Webhook.objects.filter(pk=webhook_id).update(paused_at=None, consecutive_failures=0)


def _batch_budget() -> float:
    """How long one task keeps sending before it hands the rest of its batch to a new task:
    half the soft time limit, so a batch of slow receivers ends well before the limit and a
    worker slot is freed for others' deliveries in between."""
    return float(getattr(settings, "CELERY_TASK_SOFT_TIME_LIMIT", 300) or 300) / 2


def deliver(delivery_ids: list[int]) -> int:
    """Send the given deliveries that are due; returns how many were delivered.

    Each row is claimed before it is sent, so a redelivered task cannot send it twice at once.
    Once a webhook fails in this call its remaining deliveries wait for the same retry time
    without being tried: a hanging endpoint costs one timeout per call, not one per delivery.

    If the task's soft time limit strikes during a send, that attempt is recorded as a failed
    one ("timeout") like any other: skipping the count would let a receiver that outlasts the
    limit hold workers forever without ever being paused. What is left of the batch then goes
    to a new task."""
    delivered = 0
    retry_of: dict[int, datetime | None] = {}
    ids = sorted(set(delivery_ids))
    started = time.monotonic()
    for index, delivery_id in enumerate(ids):
        if index and time.monotonic() - started > _batch_budget():
            dispatch.deliver_webhooks(ids[index:])
            break
        now = timezone.now()
        if not _claim(delivery_id, now):
            _requeue_if_early(delivery_id, now)
            continue
        delivery = WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)
        if delivery.webhook_id in retry_of:
            wait_until = retry_of[delivery.webhook_id] or now + backoff(1)
            WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt=wait_until)
            _requeue(delivery_id, wait_until, now)
            continue
        try:
            attempt = _send(delivery)
        except SoftTimeLimitExceeded:
            retry_at = _failed(delivery, Attempt(None, "timeout"))
            if retry_at is not None:
                _requeue(delivery_id, retry_at, now)
            if ids[index + 1 :]:
                dispatch.deliver_webhooks(ids[index + 1 :])
            return delivered
        if attempt.ok:
            _succeeded(delivery, attempt)
            delivered += 1
            continue
        retry_at = _failed(delivery, attempt)
        retry_of[delivery.webhook_id] = retry_at
        if retry_at is not None:
            _requeue(delivery_id, retry_at, now)
    return delivered


def due_deliveries() -> list[int]:
    """Pending deliveries whose time has come but whose task never arrived (the broker refused
    a re-queue, a worker died between commit and enqueue): the sweep hands them out again."""
    now = timezone.now()
    return list(
        WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, webhook_id__in=_live_hooks())
        .filter(Q(next_attempt__isnull=True, created__lt=now - _lease()) | Q(next_attempt__lt=now - _lease()))
        .values_list("pk", flat=True)[:10000]
    )
