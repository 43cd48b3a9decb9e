"""The Celery app. Broker and result store are Redis (``REDIS_URL``).

``acks_late`` with ``task_reject_on_worker_lost``: a worker killed mid-job must hand the job
back, not lose it (measured: ``acks_late`` alone lost it). The Redis ``visibility_timeout`` must
exceed the longest task and countdown, or a slow job is redelivered while still running.
"""

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matcher.config.settings")

app = Celery("matcher")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["matcher.worker"])


@worker_process_init.connect
def _tune_collector(**_: object) -> None:
    """Each prefork child runs match jobs: see matcher.matching.heap for why and what was measured."""
    from matcher.matching import heap

    heap.tune_worker()
