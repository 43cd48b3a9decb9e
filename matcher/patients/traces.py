"""What holds a patient's id without a foreign key, erased when the patient is deleted.

Connected to ``pre_delete`` of ``Patient`` (``MatcherConfig.ready``), so every way a patient
goes -- the API, admin, a client deleted with its patients -- erases the same traces, in the
deleting transaction: webhook deliveries about it (sent or not: a pending one is never sent,
and the delivery log shows no id of a patient that is gone), and its id in the access trail.
"""

from __future__ import annotations

from typing import Any

from matcher.audit import trail
from matcher.models import Patient, WebhookDelivery


def erase_traces(sender: type[Patient], instance: Patient, **_: Any) -> None:
    WebhookDelivery.objects.filter(webhook__client_id=instance.client_id, payload__patient=str(instance.pk)).delete()
    trail.erase_patient(instance.pk)
