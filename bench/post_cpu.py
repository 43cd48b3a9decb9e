"""A new patient's POST, job and matches GET in-process: the web process's CPU a POST, and the
PostgreSQL statements each of the three sends (``python bench/post_cpu.py N [--profile OUT]``;
numbers, not a test).

Why: ``bench/e2e.py``'s throughput phase costs a patient its POST (web), its job (worker) and
their backends' CPU; ``job_cpu.py`` and ``get_cpu.py`` measure the job and the GET, this the
POST, through Django's test client as a gunicorn worker answers it (authentication,
throttling, validation, the upsert, the queued job, the access event). It also counts the
statements a new patient's POST, job and GET send (by their first word). Run it against a
copy of ``bench/e2e.py``'s database, never the benchmark's own and never a real one::

    psql -c 'CREATE DATABASE scratch TEMPLATE eligo_bench'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch python bench/post_cpu.py 30
"""

from __future__ import annotations

import argparse
import collections
import copy
import cProfile
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
PATIENTS_DIR = ROOT.parent / "shared" / "examples" / "patients"

from harness import backend_cpu, in_process_env, report_sections  # noqa: E402

in_process_env(throttles_off=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="POSTs measured (one new patient each)")
    parser.add_argument("--warm", type=int, default=3, help="patients posted first, not measured")
    parser.add_argument("--profile", help="write a cProfile (process time) of the POSTs here and print its top")
    parser.add_argument("--sql", action="store_true", help="print each statement of the last patient's POST, job and GET")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from matcher.api.clients import issue_token
    from matcher.matching import jobs
    from matcher.models import ApiClient
    from matcher.worker import dispatch

    sent: list[str] = []
    dispatch.send = lambda name, task_args, countdown=None: sent.append(task_args[0])  # jobs run here
    bundles = [p.read_bytes() for p in sorted(PATIENTS_DIR.glob("D*.json"))]
    api_client = ApiClient.objects.order_by("pk").first()
    assert api_client is not None, "no API client: run against a copy of bench/e2e.py's database"
    _, token = issue_token(api_client, note="post_cpu")
    web = Client(HTTP_AUTHORIZATION=f"Token {token}", HTTP_ACCEPT="application/json", SERVER_NAME="localhost")
    tag = f"{os.getpid()}-{time.time_ns()}"

    def body(n: int) -> bytes:
        bundle = json.loads(bundles[n % len(bundles)])
        bundle = copy.deepcopy(bundle)
        for entry in bundle["entry"]:
            if entry.get("resource", {}).get("resourceType") == "Patient":
                entry["resource"]["identifier"][0]["value"] = f"post-cpu-{tag}-{n}"
        return json.dumps(bundle).encode()

    def post(data: bytes) -> str:
        response = web.post("/api/v1/patients", data=data, content_type="application/fhir+json")
        assert response.status_code == 201, (response.status_code, response.content[:300])
        return str(response.json()["id"])

    for n in range(args.warm):
        post(body(10_000 + n))
        jobs.run_job(sent.pop())
    bodies = [body(n) for n in range(args.n)]
    profile = cProfile.Profile(time.process_time) if args.profile else None
    cpu, backend = time.process_time(), backend_cpu()
    for data in bodies:
        if profile:
            profile.enable()
        post(data)
        if profile:
            profile.disable()
    cpu, backend = time.process_time() - cpu, backend_cpu() - backend
    print(
        f"post_cpu: posts={args.n} web_ms={cpu * 1000 / args.n:.1f} backend_ms={backend * 1000 / args.n:.1f} "
        f"load={os.getloadavg()[0]:.1f}"
    )
    for job_id in sent[:-1]:
        jobs.run_job(job_id)
    # one more new patient, its statements counted
    counts = {}
    with CaptureQueriesContext(connection) as q_post:
        patient_id = post(body(20_000))
    with CaptureQueriesContext(connection) as q_job:
        assert jobs.run_job(sent.pop()) == "succeeded"
    with CaptureQueriesContext(connection) as q_get:
        assert web.get(f"/api/v1/patients/{patient_id}/matches").status_code == 200
    for name, captured in (("post", q_post), ("job", q_job), ("get", q_get)):
        words = collections.Counter(q["sql"].split(None, 1)[0].upper() for q in captured.captured_queries)
        counts[name] = len(captured.captured_queries)
        print(f"  statements {name}: {counts[name]} ({', '.join(f'{w} {c}' for w, c in words.most_common())})")
        if args.sql:
            for q in captured.captured_queries:
                print(f"    {q['time']} {q['sql'][:220]}")
    print(f"  statements a patient: {sum(counts.values())}")
    report_sections(1, "POST", profile, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
