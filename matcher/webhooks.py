"""Notifications to clients' webhooks: which changes are worth telling, recorded as outbox rows
in the transaction that made the change, sent after commit."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from matcher.models import MatchChange, Patient, Webhook, WebhookDelivery
from trials.models import Trial


def _event_of(change: MatchChange) -> str | None:
    """New eligible matches and changes of eligibility; a patient's other churn is not news."""
    if change.kind == MatchChange.Kind.APPEARED and change.new_eligibility == "eligible":
        return "match.eligible"
    if change.kind == MatchChange.Kind.CHANGED:
        return "match.eligibility_changed"
    return None


def record_deliveries(changes: Sequence[MatchChange]) -> list[WebhookDelivery]:
    """One delivery row per notifiable change whose client has an active webhook. Payloads carry
    ids and verdict words only, never a patient's values or identifiers."""
    wanted = [(c, e) for c in changes if (e := _event_of(c))]
    if not wanted:
        return []
    patient_clients = dict(Patient.objects.filter(pk__in={c.patient_id for c, _ in wanted}).values_list("pk", "client_id"))
    nct_ids = dict(Trial.objects.filter(pk__in={c.trial_id for c, _ in wanted}).values_list("pk", "nct_id"))
    hooks = {h.client_id: h for h in Webhook.objects.filter(client_id__in=set(patient_clients.values()), active=True, paused_at=None)}
    deliveries = []
    for change, event in wanted:
        hook = hooks.get(patient_clients.get(change.patient_id))
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
        from matcher.tasks import deliver_webhooks

        ids = [d.pk for d in deliveries]
        transaction.on_commit(lambda: deliver_webhooks.delay(ids))
    return deliveries


def deliver(delivery_ids: list[int]) -> int:
    """Send pending deliveries; returns how many were delivered. (Sending, signing, retries and
    pausing are being built: until then nothing is sent and rows stay pending.)"""
    return 0
