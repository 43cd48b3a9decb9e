"""Named leases: at most one holder at a time, across processes and machines, on PostgreSQL and
SQLite alike.

Taken by a conditional update of the lease row (free when ``expires`` has passed), created on
first use; a holder that dies frees it when it expires, so the duration must exceed the
holder's time limit. Used by the nightly sweep so that a second beat (two ``celery beat``
processes, or a beat restarted mid-run) never runs a step twice at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from matcher.models import Lease


def acquire(name: str, duration: timedelta) -> uuid.UUID | None:
    """The holder token when the lease was free (or expired), else None."""
    token = uuid.uuid4()
    now = timezone.now()
    if Lease.objects.filter(name=name, expires__lte=now).update(holder=token, expires=now + duration):
        return token
    try:
        with transaction.atomic():
            Lease.objects.create(name=name, holder=token, expires=now + duration)
    except IntegrityError:
        return None  # held by someone else (or created by a concurrent first taker)
    return token


def release(name: str, token: uuid.UUID) -> None:
    """Free the lease now, if this holder still has it (an expired holder must not free a
    lease someone else has taken since)."""
    Lease.objects.filter(name=name, holder=token).update(holder=None, expires=timezone.now())


@contextmanager
def held(name: str, duration: timedelta) -> Iterator[bool]:
    """``with held(name, d) as got:`` runs the body with ``got`` telling whether the lease was
    taken; it is released on the way out however the body ends."""
    token = acquire(name, duration)
    try:
        yield token is not None
    finally:
        if token is not None:
            release(name, token)
