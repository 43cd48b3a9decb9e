"""Recording what a store changed: the ``MatchChange`` rows and the webhook deliveries they call
for, in the caller's transaction, through this one function.

Every path that changes a verdict (a patient's job, a trial's re-match chunk or closing, a
coordinator's override) stores through ``matcher.results`` and then calls ``record_changes``
with what the store returned, so history and notifications can never disagree and storing
never sends anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from matcher.db.bulk import insert_models
from matcher.models import MatchChange, WebhookDelivery
from matcher.webhooks.delivery import record_deliveries


def record_changes(changes: Sequence[MatchChange], implied: Sequence[MatchChange] = ()) -> list[WebhookDelivery]:
    """Insert the unsaved changes and record a delivery for each one a client's webhook wants
    (sent after commit). Returns the deliveries recorded.

    ``implied`` are those of ``changes`` that their result's row already says (a first
    appearance in a patient's job, ``StoreSummary.implied``): notified like the others, in
    order, but not inserted."""
    if not changes:
        return []
    skipped = {id(c) for c in implied}
    insert_models(MatchChange, [c for c in changes if id(c) not in skipped] if skipped else changes)
    return record_deliveries(changes)
