"""A new patient's match job in-process: CPU a job, the job's PostgreSQL backend CPU, and where
the worker's went (``python bench/job_cpu.py N [--profile OUT]``; numbers, not a test).

Why: on a shared machine wall-clock benchmarks swing with the other load; process time of the
worker's own code and of its one backend barely do. It posts N example patients through the
store (the broker hand-off is skipped) and runs their jobs here, as a worker child runs them,
after a few warm-up jobs (the engine compiled, the line tables filled). Run it against a copy of
``bench/e2e.py``'s database, never the benchmark's own while it runs and never a real one::

    psql -c 'CREATE DATABASE scratch TEMPLATE eligo_bench'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch python bench/job_cpu.py 30

Each run adds N + warm-up patients; compare two versions of the code interleaved, on copies
made from one database. ``--profile`` writes a cProfile (process time) and prints its top.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matcher.config.settings")
os.environ.setdefault("ELIGO_TODAY", "2026-11-22")  # the examples' day, as bench/e2e.py
os.environ["ELIGO_EMBEDDED_WORKER"] = "0"
PATIENTS_DIR = ROOT.parent / "shared" / "examples" / "patients"
from harness import SECTIONS, backend_cpu, report_sections, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="jobs measured")
    parser.add_argument("--warm", type=int, default=3, help="jobs run first, not measured")
    parser.add_argument("--profile", help="write a cProfile (process time) here and print its top")
    args = parser.parse_args()

    import django

    django.setup()
    from matcher import intake
    from matcher.matching import jobs
    from matcher.models import ApiClient, Patient
    from matcher.patients import store
    from matcher.worker import dispatch

    dispatch.send = lambda name, task_args, countdown=None: None  # jobs run here, not through the broker
    bundles = [json.loads(p.read_text()) for p in sorted(PATIENTS_DIR.glob("D*.json"))]
    client = ApiClient.objects.order_by("pk").first()
    assert client is not None, "no API client: run against a copy of bench/e2e.py's database"
    tag = f"{os.getpid()}-{time.time_ns()}"

    def post(n: int) -> str:
        bundle = copy.deepcopy(bundles[n % len(bundles)])
        for entry in bundle["entry"]:
            if entry.get("resource", {}).get("resourceType") == "Patient":
                entry["resource"]["identifier"][0]["value"] = f"job-cpu-{tag}-{n}"
        validated = intake.validate_bundle(bundle, strict=False)
        _, _, job = store.upsert_patient(client, intake.normalise(validated), validated.data, Patient.Format.FHIR)
        return str(job.id)

    import matcher.matching.jobs as job_module
    import matcher.results.store as result_store
    import rules_engine.assemble as assemble_module
    import rules_engine.engine as engine_module

    for owner, name in (
        (job_module, "store_results"), (job_module, "store_evaluations"), (job_module, "locked_trial_states"),
        (result_store, "verdict_digest"), (result_store, "_write"), (result_store, "schedule_time_rematch"),
        (engine_module, "assemble_many"), (assemble_module, "judge_lines"),
    ):
        timed(owner, name)
    for n in range(args.warm):
        jobs.run_job(post(10_000 + n))
    job_ids = [post(n) for n in range(args.n)]
    SECTIONS.clear()
    profile = cProfile.Profile(time.process_time) if args.profile else None
    cpu, backend = time.process_time(), backend_cpu()
    for job_id in job_ids:
        if profile:
            profile.enable()
        status = jobs.run_job(job_id)
        if profile:
            profile.disable()
        assert status == "succeeded", status
    cpu, backend = time.process_time() - cpu, backend_cpu() - backend
    print(
        f"job_cpu: jobs={args.n} worker_ms={cpu * 1000 / args.n:.1f} backend_ms={backend * 1000 / args.n:.1f} "
        f"load={os.getloadavg()[0]:.1f}"
    )
    report_sections(args.n, "job", profile, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
