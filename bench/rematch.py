"""Benchmark of re-matching one trial against 10,000 stored patients: ``python bench/rematch.py``
prints numbers (not a test). Last line: ``rematch: patients=10000 seconds=…``.

It starts what it needs: its own PostgreSQL database (``ELIGO_BENCH_DB``, default
``eligo_rematch_bench``, dropped and re-created), Redis database 12 (``ELIGO_BENCH_REDIS_URL``;
flushed), and a real Celery prefork worker with two processes, as production runs it
(``ELIGO_BENCH_CONCURRENCY`` sets how many). The
10,000 patients are the ten example records normalised once by the real intake, stored with
distinct identifiers (bulk, so setup is quick). The measured case is the expensive one: a
closed seed trial reopens, so every patient gets a new result with its criterion rows, written
by chunk tasks the worker runs in parallel. The timing runs from the commit of the status
change to the last chunk reporting back. A criteria edit of an open trial, where most verdicts
do not change and so nothing is written for them, is measured too, and so is the trial closing
and opening again, which rewrites every result the closing marked gone.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from harness import cpu_seconds, reset_database, stop  # noqa: E402

# Overridable so two people benchmarking on one machine do not drop each other's database.
DB_NAME = os.environ.get("ELIGO_BENCH_DB", "eligo_rematch_bench")
# Worker processes (prefork children): 1 and 2 give the README's per-process throughput.
CONCURRENCY = int(os.environ.get("ELIGO_BENCH_CONCURRENCY", "2"))
ENV = {
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
    "REDIS_URL": os.environ.get("ELIGO_BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"),
    "DJANGO_SETTINGS_MODULE": "matcher.config.settings",
    "ELIGO_EMBEDDED_WORKER": "0",
    "ELIGO_TODAY": "2026-11-22",
    "LOG_LEVEL": "WARNING",
    "SECRET_KEY": os.environ.get("SECRET_KEY") or "eligo-bench-only-" + "not-secret-" * 4,
}
os.environ.update(ENV)
PATIENTS = 10_000
EXAMPLES = ROOT.parent / "shared" / "examples" / "patients"
WORKER_NAME = "eligo-rematch-bench"
TIMEOUT_S = 300


def say(message: str) -> None:
    print(message, flush=True)


def setup_django() -> None:
    import django
    import redis
    from django.core.management import call_command

    django.setup()
    redis.Redis.from_url(ENV["REDIS_URL"]).flushdb()
    with open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0, stdout=quiet)
        call_command("load_seeds", stdout=quiet)


def store_patients(n: int) -> None:
    """n patients from the ten example records, with distinct identifiers."""
    from matcher import intake
    from matcher.api.clients import create_api_client
    from matcher.models import Patient, PatientFactsVersion
    from matcher.results.digests import facts_digest

    client, _ = create_api_client("rematch-bench")
    normalised = []
    for path in sorted(EXAMPLES.glob("D*.json")):
        validated = intake.validate_bundle(path.read_bytes())
        normalised.append((validated.data, intake.normalise(validated).facts.to_json()))
    rows = [
        Patient(
            id=uuid.uuid4(),
            client=client,
            identifier_system="urn:bench",
            identifier_value=f"p{i}",
            format="fhir",
            record=normalised[i % len(normalised)][0],
            facts=normalised[i % len(normalised)][1],
        )
        for i in range(n)
    ]
    Patient.objects.bulk_create(rows, batch_size=2000)
    # each with its facts version 1, as a post makes it: without one, the re-match would make
    # 10,000 versions one query at a time and measure that instead of matching
    versions = PatientFactsVersion.objects.bulk_create(
        [PatientFactsVersion(patient=p, number=1, facts=p.facts, digest=facts_digest(p.facts)) for p in rows], batch_size=2000
    )
    for patient, version in zip(rows, versions, strict=True):
        patient.facts_version = version
    Patient.objects.bulk_update(rows, ["facts_version"], batch_size=2000)


def start_worker(log: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "matcher", "worker", "-P", "prefork", "-c", str(CONCURRENCY),
         "--without-gossip", "--without-mingle", "-n", f"{WORKER_NAME}@%h", "--loglevel", "WARNING"],
        cwd=ROOT, env={**os.environ, **ENV}, stdout=open(log, "ab"), stderr=subprocess.STDOUT, start_new_session=True,
    )
    from matcher.config.celery import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"worker exited early; see {log}")
        if app.control.ping(destination=[f"{WORKER_NAME}@{socket.gethostname()}"], timeout=0.5):
            return proc
    raise RuntimeError("worker not ready after 60 s")


def timed_change(nct_id: str, change) -> tuple[float, dict]:
    """Seconds from the change's commit to its last chunk reporting back."""
    from django.db import transaction

    from trials.models import Trial, TrialChange

    before = TrialChange.objects.filter(trial__nct_id=nct_id).count()
    trial = Trial.objects.get(nct_id=nct_id)
    with transaction.atomic():
        change(trial)
    start = time.perf_counter()  # on_commit has queued the change by now
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        rows = list(TrialChange.objects.filter(trial__nct_id=nct_id).order_by("pk").values()[before:])
        if rows and all(r["outcome"] and r["chunks_done"] >= r["chunks"] for r in rows):
            return time.perf_counter() - start, rows[-1]
        time.sleep(0.05)
    raise RuntimeError(f"{nct_id}: change not processed in {TIMEOUT_S} s")


def cpu_line(before: dict[str, float], after: dict[str, float], wall: float) -> str:
    """CPU the worker and this database's backends used: what the wall time would be on idle
    cores, when other work shares the machine (compare with ``uptime``)."""
    used = {name: after[name] - before[name] for name in after}
    cores = os.cpu_count() or 1
    return (
        f"cpu: {', '.join(f'{name} {s:.1f} s' for name, s in used.items())}; {sum(used.values()):.1f} s of the "
        f"{wall * cores:.1f} s {cores} cores had; load average {os.getloadavg()[0]:.1f}"
    )


def main() -> int:
    t0 = time.perf_counter()
    reset_database(DB_NAME)
    setup_django()
    store_patients(PATIENTS)
    say(f"setup: {PATIENTS} patients stored in {time.perf_counter() - t0:.1f} s")
    log = ROOT / "test-artifacts" / "bench-rematch-worker.log"
    log.parent.mkdir(exist_ok=True)
    worker = None
    try:
        worker = start_worker(log)
        from matcher.models import MatchChange, MatchResult
        from trials import services
        from trials.records import CriterionLine

        groups = {"worker": worker.pid}
        before = cpu_seconds(groups, DB_NAME)
        seconds, row = timed_change("NCT05563545", lambda t: services.set_status(t, "RECRUITING"))
        say(cpu_line(before, cpu_seconds(groups, DB_NAME), seconds))
        results = MatchResult.objects.filter(trial__nct_id="NCT05563545", state="active").count()
        say(f"reopen NCT05563545: {seconds:.2f} s, {row['chunks']} chunks, {results} results written")

        def edit(trial) -> None:
            rows = trial.current_criteria.criteria.order_by("position")
            lines = [CriterionLine(type=c.type, text=c.text.replace("65 years", "30 years"), parent=c.parent_position) for c in rows]
            version = services.set_criteria(trial, lines, reason="edit")
            if version is None:
                raise RuntimeError("the edit changed no line: nothing would be re-matched")
            if version.held:  # the seed's golden patients disagree: a trial manager publishes it
                services.publish_version(trial, version.number)

        changed_before = MatchChange.objects.count()
        before = cpu_seconds(groups, DB_NAME)
        edit_seconds, _ = timed_change("NCT06585345", edit)
        say(cpu_line(before, cpu_seconds(groups, DB_NAME), edit_seconds))
        say(f"edit NCT06585345 age line: {edit_seconds:.2f} s, {MatchChange.objects.count() - changed_before} verdicts changed")
        # The reopening production sees most: a trial that closed (its results marked gone, in
        # one statement per batch) opens again, and every gone result is rewritten in place.
        timed_change("NCT05563545", lambda t: services.set_status(t, "ACTIVE_NOT_RECRUITING"))
        before = cpu_seconds(groups, DB_NAME)
        again_seconds, _ = timed_change("NCT05563545", lambda t: services.set_status(t, "RECRUITING"))
        say(cpu_line(before, cpu_seconds(groups, DB_NAME), again_seconds))
        rewritten = MatchResult.objects.filter(trial__nct_id="NCT05563545", state="active").count()
        say(f"reopen again NCT05563545 after closing: {again_seconds:.2f} s, {rewritten} gone results rewritten")
        # Every patient is judged; the trial's gate (it asks for ALL) leaves the AML half
        # counted, not stored (issue 18's candidates-only matching), so fewer rows than patients.
        if not 0 < results <= PATIENTS:
            say(f"ERROR: expected between 1 and {PATIENTS} results, found {results}")
            return 1
        say(f"rematch: patients={PATIENTS} seconds={seconds:.2f} workers={CONCURRENCY} per_s={PATIENTS / seconds:.0f} written={results}")
        return 0
    finally:
        stop(worker)


if __name__ == "__main__":
    sys.exit(main())
