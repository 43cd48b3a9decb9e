"""Recording access events, and erasing a deleted patient from them.

A write's event is part of the write: it is recorded in the caller's transaction and fails with
it, so no write goes unrecorded. A read's event must never cost the reader the answer: it is
one INSERT after the data was read (no query to find the client or patient again: the caller
hands over what it already holds), and a failure to record is logged, by action word only, not
raised.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import DatabaseError, connection, transaction

from matcher.models import AccessEvent, ApiClient

logger = logging.getLogger(__name__)

Action = AccessEvent.Action


def _actor(user: Any) -> tuple[str, Any, str]:
    """(kind, user, name): an API client's user acts as that client (named by the client's
    name), anyone else as staff (by username)."""
    client = getattr(user, "api_client", None) if user is not None else None
    if client is not None:
        return AccessEvent.ActorKind.CLIENT, user, client.name[:150]
    return AccessEvent.ActorKind.STAFF, user, (user.get_username() if user is not None else "")[:150]


def _events(action: str, user: Any, client: ApiClient | int | None, patients: Iterable[uuid.UUID | None]) -> list[AccessEvent]:
    kind, actor, name = _actor(user)
    client_id = client.pk if isinstance(client, ApiClient) else client
    return [
        AccessEvent(action=action, actor_kind=kind, actor=actor, actor_name=name, client_id=client_id, patient=p)
        for p in patients
    ]


def record_write(action: str, user: Any, client: ApiClient | int | None, patient: uuid.UUID | None) -> None:
    """A write's event, in the caller's transaction: if it cannot be recorded, the write fails."""
    AccessEvent.objects.bulk_create(_events(action, user, client, [patient]))


def record_read(action: str, user: Any, client: ApiClient | int | None, patients: Iterable[uuid.UUID]) -> None:
    """One event per patient read, in one INSERT; never raises (the reader keeps the answer)."""
    events = _events(action, user, client, patients)
    if not events:
        return
    try:
        if connection.in_atomic_block:
            with transaction.atomic():  # a savepoint: a failed insert must not poison the caller's transaction
                AccessEvent.objects.bulk_create(events)
        else:
            AccessEvent.objects.bulk_create(events)
    except DatabaseError:
        logger.warning("access event %s not recorded: database error", action)


def erase_patient(patient_id: uuid.UUID) -> int:
    """The deleted patient's id leaves its events; the events stay (see ``AccessEvent``)."""
    return AccessEvent.objects.filter(patient=patient_id).update(patient=None)
