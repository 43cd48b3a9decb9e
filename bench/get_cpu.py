"""A new patient's matches GET in-process: the web process's CPU a GET, its PostgreSQL backend's,
and where the web's went (``python bench/get_cpu.py N [--profile OUT]``; numbers, not a test).

Why: ``bench/e2e.py``'s latency is post, job and then ``GET /api/v1/patients/{id}/matches`` of
the patient just matched, the full ranked list (~1,000 results, ~28,000 lines rendered from the
pinned versions). On a shared machine its wall time swings with the other load; the process
time of the view and of its one backend barely do. It posts N example patients through the
store and runs their jobs here (not measured), then answers each one's matches GET through
Django's test client, as a gunicorn worker answers it (authentication, throttling, the access
event, the JSON bytes), after a few warm-up GETs (criteria versions loaded, the renderer's line
table filled). Run it against a copy of ``bench/e2e.py``'s database, never the benchmark's own
while it runs and never a real one::

    psql -c 'CREATE DATABASE scratch TEMPLATE eligo_bench'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch python bench/get_cpu.py 20

Each run adds N + warm-up patients; compare two versions of the code interleaved, on copies
made from one database. ``--profile`` writes a cProfile (process time) and prints its top.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import hashlib
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
    parser.add_argument("n", type=int, help="GETs measured (one new patient each)")
    parser.add_argument("--warm", type=int, default=3, help="patients posted, matched and fetched first, not measured")
    parser.add_argument("--profile", help="write a cProfile (process time) here and print its top")
    parser.add_argument("--digest", action="store_true", help="print each answer's SHA-256 (dates and ids vary)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    from matcher import intake
    from matcher.api.clients import issue_token
    from matcher.matching import jobs
    from matcher.models import ApiClient, Patient
    from matcher.patients import store
    from matcher.worker import dispatch

    dispatch.send = lambda name, task_args, countdown=None: None  # jobs run here, not through the broker
    bundles = [json.loads(p.read_text()) for p in sorted(PATIENTS_DIR.glob("D*.json"))]
    api_client = ApiClient.objects.order_by("pk").first()
    assert api_client is not None, "no API client: run against a copy of bench/e2e.py's database"
    _, token = issue_token(api_client, note="get_cpu")
    web = Client(HTTP_AUTHORIZATION=f"Token {token}", HTTP_ACCEPT="application/json", SERVER_NAME="localhost")
    tag = f"{os.getpid()}-{time.time_ns()}"

    def post_and_match(n: int) -> str:
        bundle = copy.deepcopy(bundles[n % len(bundles)])
        for entry in bundle["entry"]:
            if entry.get("resource", {}).get("resourceType") == "Patient":
                entry["resource"]["identifier"][0]["value"] = f"get-cpu-{tag}-{n}"
        validated = intake.validate_bundle(bundle, strict=False)
        patient, _, job = store.upsert_patient(
            api_client, intake.normalise(validated), validated.data, Patient.Format.FHIR
        )
        assert jobs.run_job(str(job.id)) == "succeeded"
        return str(patient.id)

    def get(patient_id: str) -> bytes:
        response = web.get(f"/api/v1/patients/{patient_id}/matches")
        assert response.status_code == 200, (response.status_code, response.content[:300])
        return bytes(response.content)

    for n in range(args.warm):
        get(post_and_match(10_000 + n))
    patient_ids = [post_and_match(n) for n in range(args.n)]
    profile = cProfile.Profile(time.process_time) if args.profile else None
    sizes, digests = [], []
    cpu, backend = time.process_time(), backend_cpu()
    for patient_id in patient_ids:
        if profile:
            profile.enable()
        body = get(patient_id)
        if profile:
            profile.disable()
        sizes.append(len(body))
        if args.digest:
            answer = json.loads(body)
            digests.append(hashlib.sha256(json.dumps(answer["results"], sort_keys=True).encode()).hexdigest()[:16])
    cpu, backend = time.process_time() - cpu, backend_cpu() - backend
    print(
        f"get_cpu: gets={args.n} web_ms={cpu * 1000 / args.n:.1f} backend_ms={backend * 1000 / args.n:.1f} "
        f"mb={sum(sizes) / len(sizes) / 1e6:.2f} load={os.getloadavg()[0]:.1f}"
    )
    if digests:
        print("  digests:", " ".join(digests))
    report_sections(1, "GET", profile, args.profile)  # (no sections timed here: the profile only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
