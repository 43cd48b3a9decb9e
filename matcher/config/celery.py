"""The Celery app. Broker and result store are Redis (``REDIS_URL``).

``acks_late`` with ``task_reject_on_worker_lost``: a worker killed mid-job must hand the job
back, not lose it (measured: ``acks_late`` alone lost it). The Redis ``visibility_timeout`` must
exceed the longest task and countdown, or a slow job is redelivered while still running.
"""

import os

from celery import Celery
from celery.signals import after_setup_logger, after_setup_task_logger, worker_process_init
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matcher.config.settings")

app = Celery("matcher")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["matcher.worker"])

# Webhook deliveries wait on clients' endpoints (up to one timeout per attempt), so they run on
# their own queue, served by their own worker in deploy/: a slow receiver never holds a slot a
# match job waits for. Both queues are declared, so a worker started without -Q (as contract
# section 1 runs it) still serves both; deploy/ gives each worker its queue with -Q.
DEFAULT_QUEUE = "celery"
WEBHOOK_QUEUE = "webhooks"
app.conf.task_default_queue = DEFAULT_QUEUE
app.conf.task_queues = (Queue(DEFAULT_QUEUE), Queue(WEBHOOK_QUEUE))
app.conf.task_routes = {"matcher.tasks.deliver_webhooks": {"queue": WEBHOOK_QUEUE}}


@worker_process_init.connect
def _tune_collector(**_: object) -> None:
    """Each prefork child runs match jobs: see matcher.matching.heap for why and what was measured."""
    from matcher.matching import heap

    heap.tune_worker()


@after_setup_logger.connect
@after_setup_task_logger.connect
def _scrub_worker_logs(logger: object, **_: object) -> None:
    """Celery installs its own handlers in the worker: they get the web's scrubbing filter too, so
    a task's database error is logged without its DETAIL (matcher.config.logs)."""
    from matcher.config.logs import ScrubDatabaseDetail

    for handler in getattr(logger, "handlers", []):
        handler.addFilter(ScrubDatabaseDetail())
