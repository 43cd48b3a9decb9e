"""Benchmark of the curators' trial page (issue 17): a trial of 60 lines with 10,000 current
patients, each with a stored result holding 60 line outcomes (one code per line). ``python
bench/curation_page.py`` prints numbers (not a test); last line ``curation_page: lines=60
patients=10000 open_ms=… validate_ms=…``: the median of five page opens (rules rendered, outcome
counts read off each result's line codes), and of three live checks of a rule with its verdict preview
(the edited line evaluated for every current patient).

It uses its own PostgreSQL database (dropped and re-created). Rows are bulk-inserted with
synthetic facts (an age and an ECOG score), so setup is quick; the page reads them as it reads
any results.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from harness import reset_database  # noqa: E402

DB_NAME = "eligo_curation_bench"
os.environ.update(
    {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        "DJANGO_SETTINGS_MODULE": "matcher.config.settings",
        "ELIGO_TODAY": "2026-11-22",
        "LOG_LEVEL": "WARNING",
        "DEBUG": "1",
        "ALLOWED_HOSTS": "testserver,localhost",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "eligo-bench-only-" + "not-secret-" * 4,
    }
)
PATIENTS, LINES = 10_000, 60
NCT = "NCT09999960"


def main() -> None:
    reset_database(DB_NAME)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import User
    from django.test import Client

    from matcher.api.clients import create_api_client
    from matcher.curation.lines import PREVIEW_MAX_PATIENTS
    from matcher.models import MatchResult, Patient
    from trials import services
    from trials.models import Trial
    from trials.records import CriterionLine

    started = time.perf_counter()
    client, _ = create_api_client("bench-hospital")
    trial = Trial.objects.create(nct_id=NCT, title="curation bench", overall_status="RECRUITING")
    texts = [f"ECOG performance status 0-{i % 3 + 1} (line {i})" if i % 2 else f"Age {18 + i % 10} years or older (line {i})" for i in range(LINES)]
    services.set_criteria(trial, [CriterionLine(type="inclusion", text=t) for t in texts], reason="import")
    trial.refresh_from_db()
    version = trial.current_criteria
    criteria = list(version.criteria.order_by("position"))
    today = date(2026, 11, 22)
    patients, results = [], []
    for n in range(PATIENTS):
        facts = {"birth_date": str(today - timedelta(days=365 * (20 + n % 60))), "sex": "female" if n % 2 else "male",
                 "measurements": {"ecog": [{"concept": "ecog", "value": n % 4, "unit": "1", "date": "2026-11-01"}]}}
        p = Patient(id=uuid.uuid4(), client=client, identifier_system="bench", identifier_value=f"B{n:06d}", format="fhir",
                    record={}, facts=facts)
        patients.append(p)
        codes = "".join("mmu"[(n + c.position) % 3] for c in criteria)
        r = MatchResult(patient=p, client=client, trial=trial, criteria_version=version, eligibility="possibly_eligible",
                        score=0.5, evaluated_at=today, digest="x", last_changed=django.utils.timezone.now(), outcomes=codes)
        results.append(r)
    Patient.objects.bulk_create(patients, batch_size=2000)
    MatchResult.objects.bulk_create(results, batch_size=2000)
    print(f"setup: {PATIENTS} patients, {PATIENTS * LINES} line outcomes in {time.perf_counter() - started:.1f} s")

    User.objects.create_superuser("bench", password="pw")
    browser = Client()
    browser.login(username="bench", password="pw")
    opens = []
    for _ in range(5):
        t = time.perf_counter()
        response = browser.get(f"/admin/curation/trial/{NCT}/")
        opens.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200 and response.content.count(b'name="rule"') == LINES
    checks = []
    for rule in ("ECOG <= 1", "ECOG <= 2", "age >= 30 years"):
        t = time.perf_counter()
        answer = browser.post(f"/admin/curation/trial/{NCT}/validate", json.dumps({"position": 2, "rule": rule}),
                              content_type="application/json").json()
        checks.append((time.perf_counter() - t) * 1000)
        assert answer["ok"] and answer["preview"]["patients"] == min(PATIENTS, PREVIEW_MAX_PATIENTS), answer
        print(f"validate {rule!r}: {answer['preview']['changed']} of {answer['preview']['patients']} checked verdicts would change, {checks[-1]:.0f} ms")
    print(f"page opens (ms): {', '.join(f'{o:.0f}' for o in opens)}")
    print(f"curation_page: lines={LINES} patients={PATIENTS} open_ms={statistics.median(opens):.0f} "
          f"validate_ms={statistics.median(checks):.0f}")


if __name__ == "__main__":
    main()
