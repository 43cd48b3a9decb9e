"""A real Celery worker (prefork, separate process) on a real Redis broker, sharing the
PostgreSQL test database: the worker path is tested as it runs in production, not in eager
mode, which hides the commit-ordering bugs that matter here."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import redis

from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
TODAY = "2026-11-22"  # the examples were generated on this day; the clock is the edge of the world


def _worker_env() -> dict[str, str]:
    from django.conf import settings

    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "ELIGO_EMBEDDED_WORKER": "0",
        "ELIGO_TODAY": TODAY,
        "ELIGO_VISIBILITY_TIMEOUT": "10",
        # The webhook tests' receivers are on this machine (http, loopback).
        "ELIGO_WEBHOOK_ALLOW_INSECURE": "1",
    }


class Worker:
    def __init__(self, name: str, concurrency: int = 2) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.log_path = ARTIFACTS / f"worker-{name}.log"
        self.name = name
        self.concurrency = concurrency
        self.proc: subprocess.Popen | None = None

    def start(self) -> Worker:
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "matcher", "worker", "-P", "prefork",
             "-c", str(self.concurrency), "-n", f"{self.name}@%h", "--without-gossip", "--without-mingle",
             "-Q", "celery,webhooks",  # every queue deploy/ serves (matcher.config.celery)
             "--loglevel", "INFO"],
            cwd=ROOT, env=_worker_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 60) -> None:
        from matcher.config.celery import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited early; see {self.log_path}")
            replies = app.control.ping(destination=[f"{self.name}@{os.uname().nodename}"], timeout=0.5)
            if replies:
                return
        raise RuntimeError(f"worker not ready after {timeout}s; see {self.log_path}")

    def children(self) -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@pytest.fixture(scope="session")
def broker(django_db_setup):
    from django.conf import settings

    r = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    r.flushdb()
    yield r
    r.flushdb()


@pytest.fixture(scope="module")
def worker(broker):
    """One worker a test file, stopped when the file is done: a worker left running would take the
    jobs of the files run after it in this process (``make test``'s processes take files in no
    fixed order) and run them, so a test that asserts a job still queued saw it run (CI, once).
    The broker is emptied first of the messages those files left. Named for the xdist process
    too: each has its own broker database, yet a ping by name must reach this process's worker
    alone."""
    broker.flushdb()
    w = Worker(f"eligo-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}").start()
    yield w
    w.stop()


def wait_for_jobs(job_ids: list[str], timeout: float = 120) -> dict[str, str]:
    from matcher.models import MatchJob

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = dict(MatchJob.objects.filter(pk__in=job_ids).values_list("id", "status"))
        if all(s in ("succeeded", "failed") for s in statuses.values()) and len(statuses) == len(job_ids):
            return {str(k): v for k, v in statuses.items()}
        time.sleep(0.2)
    raise AssertionError(f"jobs not finished after {timeout}s: {statuses}")
