"""Deliveries whose task never arrived are handed out again by the nightly sweep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from matcher.models import Webhook, WebhookDelivery
from matcher.webhooks import delivery as webhooks

pytestmark = pytest.mark.django_db


@pytest.fixture
def hook(api) -> Webhook:
    return Webhook.objects.create(client=api.eligo_client, url="http://127.0.0.1:9/hook", secret="s")


def _delivery(hook: Webhook, **fields) -> WebhookDelivery:
    delivery = WebhookDelivery.objects.create(webhook=hook, event="match.eligible", payload={"event": "match.eligible"})
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**fields)
    return delivery


def test_a_pending_delivery_long_overdue_is_due_again(hook):
    overdue = _delivery(hook, next_attempt=timezone.now() - timedelta(hours=1))
    never_sent = _delivery(hook, created=timezone.now() - timedelta(hours=1))
    assert set(webhooks.due_deliveries()) == {overdue.pk, never_sent.pk}


def test_a_delivery_just_queued_or_waiting_for_its_retry_is_left_to_its_task(hook):
    _delivery(hook)
    _delivery(hook, next_attempt=timezone.now() + timedelta(minutes=10))
    assert webhooks.due_deliveries() == []


def test_deliveries_of_a_paused_webhook_or_already_delivered_are_not_due(hook):
    _delivery(hook, next_attempt=timezone.now() - timedelta(hours=1), status="delivered")
    paused = Webhook.objects.create(client=hook.client.__class__.objects.create(name="other", user=_user()), url="http://127.0.0.1:9/x", secret="s", paused_at=timezone.now())
    _delivery(paused, next_attempt=timezone.now() - timedelta(hours=1))
    assert webhooks.due_deliveries() == []


def _user():
    from django.contrib.auth.models import User

    return User.objects.create(username="other-client")
