"""End-to-end benchmark: ``python bench/e2e.py`` prints numbers (not a test).

What it measures is what a hospital sees: the time from ``POST /api/v1/patients`` until the
match job says ``succeeded`` and ``GET /api/v1/patients/{id}/matches`` returns the ranked
results, with 1,000 trials open to matching; then how many patients per second the same
deployment matches when 20 clients post at once. The last line is
``e2e: trials=1000 median_ms=<n> p95_ms=<n> per_s=<n> kb_per_patient=<n>`` (the database's growth
over the timed phases, indexes included, divided by the patients matched in them: a job
still queued when a phase's budget ran out has stored nothing yet);
``--trials N`` opens N trials instead of 1,000.

Why it is built this way:

* Everything runs as in production, as separate processes over real sockets: its own
  PostgreSQL database (``ELIGO_BENCH_DB``, default ``eligo_bench``, dropped and re-created),
  Redis database 13 (``ELIGO_BENCH_REDIS_URL``; flushed), a
  real prefork Celery worker and gunicorn. In-process or eager mode would hide the broker hop,
  the commit-then-queue ordering and the per-child engine compile that a hospital pays for.
  Both subprocesses run in their own process group and are always stopped (try/finally).
* The trials are variants of real criteria *text*, stored through the normal import path
  (``trials.services.import_records`` with ``TrialRecord`` objects, one transaction), so they are
  parsed, versioned and compiled exactly like imported ones. Each is a seed trial (real
  leukemia cell-therapy lines: diagnosis, infections, washouts, consent, judgement) with a few
  lines dropped, plus 7-11 lab / score / age threshold lines taken verbatim from the corpus
  (/work/shared/corpus, read at run time, never copied) with the threshold replaced by one real
  registries use, weighted by how often each appears. The threshold patterns and the corpus
  path come from ``bench/engine.py``; its ``generate`` builds already-structured criteria, which
  would bypass the parser, so only its threshold scan is reused here.
* ``--trials`` above 1,000 builds a registry-sized catalogue instead, in the proportions of
  ClinicalTrials.gov's recruiting interventional studies (``REGISTRY_MIX``: about a third in
  oncology, leukemia a few percent of the whole): leukemia variants as above; other cancers,
  whose texts are the corpus's non-leukemia trials, a fifth of their top-level lines dropped
  per variant; and non-cancer trials, assembled from a condition line, an age range, a sex
  where the condition has one, and common lab, organ-function and history lines
  (``NON_CANCER``, written here) plus corpus threshold lines. Each kind gates differently, so
  the candidate index and the per-patient cost are measured against a realistic catalogue,
  not against 10,000 trials that all ask what a leukemia patient has.
* Generating means parsing ~30,000 lines, most of them repeats; the line parser is a pure
  function of (text, type, parent, heading context), so it is memoised for the duration of the
  import only. The stored structure is identical to an unmemoised import.
* Every prefork child compiles its own rules network on its first job, so warm-up posts run in
  pairs until the worker log shows both children finished a job; none of that is timed.
* Latency polls the job every ~10 ms through the API, then fetches the matches (the full ranked
  list, as a client would), the clock stopping with its last byte (this script's decoding of
  the JSON is timed apart and printed: it is the client's work, not the service's); the split
  (post, queue+evaluate+store, matches GET) and the worker's own task times are printed so a
  slow figure says where it went.
* Throughput ends at the last job's ``finished`` time read from the database, so polling does
  not inflate it. Every wait is bounded; each phase has a time budget and says if it ran out.
* The throughput phase also prints the CPU each part used per patient (worker, web,
  PostgreSQL, this script, read from /proc): on 2 cores their sum, not any one wait, is what
  bounds patients per second.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import functools
import gzip
import io
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import engine as engine_bench  # noqa: E402  bench/engine.py: corpus path and threshold patterns
from harness import cpu_seconds, reset_database, stop  # noqa: E402

# Overridable so two people benchmarking on one machine do not drop each other's database.
DB_NAME = os.environ.get("ELIGO_BENCH_DB", "eligo_bench")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
REDIS_URL = os.environ.get("ELIGO_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
TODAY = "2026-11-22"  # the example patients were generated on this day (ages, windows)
PATIENTS_DIR = ROOT.parent / "shared" / "examples" / "patients"
OPEN_TRIALS = 1_000
# The worker's prefork children, as deploy/ runs it; --concurrency (or ELIGO_BENCH_CONCURRENCY,
# as rematch.py reads it) tries another count.
CONCURRENCY = int(os.environ.get("ELIGO_BENCH_CONCURRENCY", "2"))
LATENCY_POSTS = 200
THROUGHPUT_POSTS = 200
THROUGHPUT_THREADS = 20
POLL_S = 0.01
JOB_TIMEOUT_S = 120.0
LATENCY_BUDGET_S = 150.0
THROUGHPUT_BUDGET_S = 120.0
WORKER_NAME = "eligo-bench"
CORPUS_ROWS = 900  # a seeded sample is plenty of distinct threshold lines; splitting all takes ~4 s

ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "DJANGO_SETTINGS_MODULE": "matcher.config.settings",
    "ELIGO_EMBEDDED_WORKER": "0",
    "ELIGO_TODAY": TODAY,
    "PYTHONUNBUFFERED": "1",
    "SECRET_KEY": os.environ.get("SECRET_KEY") or "eligo-bench-only-" + "not-secret-" * 4,
    # The benchmark measures the service's own throughput: its client is not throttled.
    "ELIGO_THROTTLE_BURST": "1000000/min",
    "ELIGO_THROTTLE_SUSTAINED": "1000000/hour",
    "ELIGO_THROTTLE_MATCH": "1000000/min",
}
os.environ.update({k: ENV[k] for k in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "ELIGO_EMBEDDED_WORKER", "ELIGO_TODAY", "SECRET_KEY")})


def say(message: str) -> None:
    print(message, flush=True)


# --- setup --------------------------------------------------------------------------------


def reset_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def manage(*args: str, timeout: float = 300) -> str:
    """Run ``manage.py`` with the benchmark's environment; its stdout."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


# --- trial generation ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ThresholdLine:
    """A real inclusion line from the corpus whose threshold (``span``) can be replaced."""

    pattern: int  # index into engine_bench.PATTERNS
    text: str
    span: tuple[int, int]


@dataclasses.dataclass
class LinePool:
    lines: dict[str, list[ThresholdLine]]  # concept -> lines
    values: dict[int, tuple[list[str], list[int]]]  # pattern -> thresholds seen, how often

    def variant(self, concept: str, rng: random.Random) -> str:
        line = rng.choice(self.lines[concept])
        values, weights = self.values[line.pattern]
        value = rng.choices(values, weights)[0]
        return line.text[: line.span[0]] + value + line.text[line.span[1] :]


def corpus_pool(rng: random.Random) -> LinePool:
    """Threshold lines of the corpus, by concept, and the thresholds registries use."""
    from rules_engine.criteria import CriterionType
    from rules_engine.parser.sections import split_criteria

    text = gzip.decompress(engine_bench.CORPUS.read_bytes()).decode("utf-8", "replace")
    rows = list(csv.DictReader(io.StringIO(text)))
    rows = rng.sample(rows, k=min(CORPUS_ROWS, len(rows)))
    compiled = [re.compile(p[1], re.IGNORECASE) for p in engine_bench.PATTERNS]
    lines: dict[str, list[ThresholdLine]] = {}
    values: dict[int, Counter[str]] = {}
    for row in rows:
        for parsed in split_criteria(row.get("criteria") or ""):
            if parsed.heading or parsed.type is not CriterionType.INCLUSION or not 12 <= len(parsed.text) <= 240:
                continue
            for index, rx in enumerate(compiled):
                found = rx.search(parsed.text)
                if found:
                    concept = engine_bench.PATTERNS[index][0]
                    lines.setdefault(concept, []).append(ThresholdLine(index, parsed.text, found.span(1)))
                    values.setdefault(index, Counter())[found.group(1)] += 1
                    break
    return LinePool(lines, {i: (list(c), list(c.values())) for i, c in values.items()})


def _criteria_text(lines: list) -> str:
    out, kind = [], None
    for line in lines:
        if line.type != kind:
            kind = line.type
            out.append(f"{kind.capitalize()} Criteria:\n")
        out.append(("    " if line.parent is not None else "") + f"* {line.text}")
    return "\n".join(out)


def generate_records(n: int, rng: random.Random, pool: LinePool, seeds: list) -> list:
    """``n`` RECRUITING TrialRecords, each a variant of a seed trial plus corpus thresholds."""
    from trials.records import CriterionLine

    concepts = sorted(pool.lines)
    records = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        has_children = {line.parent for line in seed.criteria if line.parent is not None}
        droppable = [j for j, line in enumerate(seed.criteria) if line.parent is None and j not in has_children]
        dropped = set(rng.sample(droppable, k=len(droppable) // 5))
        thresholds = [pool.variant(c, rng) for c in rng.sample(concepts, k=min(len(concepts), rng.randint(7, 11)))]
        new_index: dict[int, int] = {}
        lines: list[CriterionLine] = []
        inserted = False
        for j, line in enumerate(seed.criteria):
            if line.type == "exclusion" and not inserted:
                lines.extend(CriterionLine("inclusion", t) for t in thresholds)
                inserted = True
            if j in dropped:
                continue
            new_index[j] = len(lines)
            parent = new_index.get(line.parent) if line.parent is not None else None
            lines.append(CriterionLine(line.type, line.text, parent))
        if not inserted:
            lines.extend(CriterionLine("inclusion", t) for t in thresholds)
        lines = [dataclasses.replace(line, source_line=k + 1) for k, line in enumerate(lines)]
        records.append(
            dataclasses.replace(
                seed,
                nct_id=f"NCT9{i:07d}",
                title=f"Benchmark variant {i} of {seed.nct_id}: {seed.title}",
                overall_status="RECRUITING",
                criteria=tuple(lines),
                criteria_text=_criteria_text(lines),
            )
        )
    return records


# Shares of a registry-sized catalogue (--trials above 1,000). ClinicalTrials.gov's recruiting
# interventional studies are roughly a third oncology; leukemia is a few percent of the whole.
REGISTRY_MIX = {"leukemia": 0.05, "cancer": 0.30, "other": 0.65}

# Non-cancer trials: (condition line, (lowest age, highest age or None) in years, sex or None). Bench text,
# written here in the registries' usual wording.
NON_CANCER = [
    ("Diagnosis of type 2 diabetes mellitus for at least 6 months", (18, 75), None),
    ("Documented diagnosis of type 1 diabetes mellitus", (6, 17), None),
    ("Clinical diagnosis of moderate to severe plaque psoriasis", (18, None), None),
    ("Diagnosis of rheumatoid arthritis according to the 2010 ACR/EULAR criteria", (18, 80), None),
    ("Chronic heart failure with NYHA class II to IV symptoms", (40, None), None),
    ("Diagnosis of chronic obstructive pulmonary disease", (40, 85), None),
    ("Moderate to severe asthma diagnosed by a physician", (12, 65), None),
    ("Major depressive disorder according to DSM-5 criteria", (18, 65), None),
    ("Diagnosis of Alzheimer's disease (mild to moderate)", (55, 90), None),
    ("Diagnosis of Parkinson's disease", (30, 80), None),
    ("Hypertension treated with at least one antihypertensive drug", (18, None), None),
    ("Chronic kidney disease stage 3 or 4", (18, None), None),
    ("Diagnosis of ulcerative colitis for at least 3 months", (18, 75), None),
    ("Crohn's disease confirmed by endoscopy", (18, 75), None),
    ("Diagnosis of polycystic ovary syndrome", (18, 40), "female"),
    ("Postmenopausal women with osteoporosis", (50, None), "female"),
    ("Men with benign prostatic hyperplasia", (45, None), "male"),
    ("Healthy volunteers", (18, 55), None),
    ("Confirmed SARS-CoV-2 infection", (18, None), None),
    ("Chronic hepatitis B infection", (18, 70), None),
    ("Sickle cell disease (HbSS or HbSβ0-thalassemia)", (12, 50), None),
    ("Obesity with a body mass index of 30 kg/m2 or more", (18, 65), None),
    ("Acute ischemic stroke within 24 hours of onset", (18, None), None),
    ("Children with autism spectrum disorder", (2, 12), None),
]
NON_CANCER_INCLUSION = [
    "Able and willing to provide written informed consent",
    "Estimated glomerular filtration rate of at least 30 mL/min/1.73 m2",
    "Hemoglobin >= 9 g/dL",
    "Women of childbearing potential must have a negative pregnancy test at screening",
    "Stable dose of background medication for at least 4 weeks before screening",
]
NON_CANCER_EXCLUSION = [
    "Pregnant or breastfeeding women",
    "Known HIV infection",
    "Active hepatitis B or hepatitis C infection",
    "Myocardial infarction or stroke within 6 months before screening",
    "History of malignancy within 5 years, except treated basal cell carcinoma of the skin",
    "ALT or AST > 3 x ULN",
    "Participation in another interventional study within 30 days",
    "Any condition that, in the opinion of the investigator, would interfere with the study",
]


def _age_line(low: int, high: int | None) -> str:
    return f"Aged {low} years or older" if high is None else f"Aged {low} to {high} years"


def cancer_texts(rng: random.Random) -> list[tuple[str, tuple]]:
    """The corpus's trials that do not mention leukemia: (diseases, lines)."""
    from trials.importers.lines import split_text

    text = gzip.decompress(engine_bench.CORPUS.read_bytes()).decode("utf-8", "replace")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if "leuk" not in (r.get("criteria", "") + r.get("diseases", "")).lower()]
    rng.shuffle(rows)
    found = []
    for row in rows:
        lines = split_text(row.get("criteria") or "")
        if lines:
            found.append((row.get("diseases") or "cancer", lines))
    return found


def _drop_some(lines: tuple, rng: random.Random) -> tuple:
    """A fifth of the top-level lines without children dropped, parents renumbered."""
    has_children = {line.parent for line in lines if line.parent is not None}
    droppable = [j for j, line in enumerate(lines) if line.parent is None and j not in has_children]
    dropped = set(rng.sample(droppable, k=len(droppable) // 5))
    new_index: dict[int, int] = {}
    kept = []
    for j, line in enumerate(lines):
        if j in dropped or (line.parent is not None and line.parent not in new_index):
            continue
        new_index[j] = len(kept)
        parent = new_index.get(line.parent) if line.parent is not None else None
        kept.append(dataclasses.replace(line, parent=parent, source_line=len(kept) + 1))
    return tuple(kept)


def non_cancer_lines(rng: random.Random, pool: LinePool):
    from trials.records import CriterionLine

    condition, ages, sex = rng.choice(NON_CANCER)
    low, high = ages
    inclusion = [condition, _age_line(low, high)]
    if sex is not None:
        inclusion.append("Female participants only" if sex == "female" else "Male participants only")
    inclusion += rng.sample(NON_CANCER_INCLUSION, k=rng.randint(1, 3))
    inclusion += [pool.variant(c, rng) for c in rng.sample(sorted(pool.lines), k=rng.randint(0, 3)) if c != "age"]
    exclusion = rng.sample(NON_CANCER_EXCLUSION, k=rng.randint(3, 6))
    lines = [CriterionLine("inclusion", t) for t in inclusion] + [CriterionLine("exclusion", t) for t in exclusion]
    return condition, sex, [dataclasses.replace(line, source_line=k + 1) for k, line in enumerate(lines)]


def generate_registry(n: int, rng: random.Random, pool: LinePool, seeds: list) -> list:
    """``n`` RECRUITING TrialRecords in ``REGISTRY_MIX`` proportions (see the module's doc)."""
    kinds = list(REGISTRY_MIX)
    wanted = {k: round(n * share) for k, share in REGISTRY_MIX.items()}
    wanted["other"] = n - wanted["leukemia"] - wanted["cancer"]
    leukemia = generate_records(wanted["leukemia"], rng, pool, seeds)
    cancers = cancer_texts(rng)
    records = list(leukemia)
    template = seeds[0]
    for i in range(wanted["cancer"]):
        diseases, lines = cancers[i % len(cancers)]
        kept = _drop_some(lines, rng)
        records.append(
            dataclasses.replace(
                template, nct_id="", title=f"Benchmark cancer trial {i}: {diseases[:120]}", conditions=(diseases[:200],),
                criteria=kept, criteria_text=_criteria_text(list(kept)), arms=(), sites=(), minimum_age="", maximum_age="", sex="",
            )
        )
    for i in range(wanted["other"]):
        condition, sex, lines = non_cancer_lines(rng, pool)
        records.append(
            dataclasses.replace(
                template, nct_id="", title=f"Benchmark non-cancer trial {i}: {condition}", conditions=(condition,),
                criteria=tuple(lines), criteria_text=_criteria_text(lines), arms=(), sites=(), minimum_age="", maximum_age="",
                sex=(sex or "").upper(),
            )
        )
    rng.shuffle(records)
    say(f"catalogue: {', '.join(f'{k} {wanted[k]}' for k in kinds)}")
    return [dataclasses.replace(r, nct_id=f"NCT9{i:07d}", overall_status="RECRUITING") for i, r in enumerate(records)]


@contextlib.contextmanager
def memoised_line_parser() -> Iterator[None]:
    """The line parser is pure; repeated lines are parsed once while this is open."""
    from rules_engine.parser import criteria as parser_criteria

    original = parser_criteria.parse_line
    cached = functools.lru_cache(maxsize=None)(original)

    def parse_line(text, type, parent=None, context=""):  # noqa: A002 - the parser's own names
        return cached(text, type, parent, context)

    parser_criteria.parse_line = parse_line
    try:
        yield
    finally:
        parser_criteria.parse_line = original


def load_trials() -> int:
    """Generate and import enough RECRUITING trials that 1,000 are open; the open count."""
    from django.conf import settings

    from trials.importers import load_seed_dir
    from trials.models import Criterion, Trial
    from trials.services import import_records

    rng = random.Random(20261122)
    start = time.perf_counter()
    pool = corpus_pool(rng)
    seeds = load_seed_dir(settings.SEEDS_DIR)
    already = Trial.objects.open_to_matching().count()
    say(
        f"corpus: {sum(len(v) for v in pool.lines.values())} threshold lines over {len(pool.lines)} concepts "
        f"({time.perf_counter() - start:.1f}s); seeds open: {already}"
    )
    start = time.perf_counter()
    wanted = max(0, OPEN_TRIALS - already)
    records = generate_records(wanted, rng, pool, seeds) if OPEN_TRIALS <= 1000 else generate_registry(wanted, rng, pool, seeds)
    with memoised_line_parser():
        import_records(records)
    opened = Trial.objects.open_to_matching().exclude(current_criteria=None).count()
    lines = Criterion.objects.filter(version__trial__in=Trial.objects.open_to_matching()).count()
    review = Criterion.objects.filter(version__trial__in=Trial.objects.open_to_matching(), review=True).count()
    say(
        f"trials: imported {len(records)} in {time.perf_counter() - start:.1f}s; open to matching: {opened}; "
        f"criteria lines: {lines} ({review} for review)"
    )
    return opened


# --- processes ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spawn(cmd: list[str], log_path: Path) -> subprocess.Popen:
    log = open(log_path, "ab")  # noqa: SIM115 - the child owns it
    return subprocess.Popen(cmd, cwd=ROOT, env=ENV, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_web(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited early")
        with contextlib.suppress(OSError):
            status, _ = http(port, "GET", "/api/v1/health")
            if status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn not ready after {timeout}s")


def wait_worker(proc: subprocess.Popen, timeout: float = 60) -> None:
    from matcher.config.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("worker exited early")
        if app.control.ping(destination=[f"{WORKER_NAME}@{socket.gethostname()}"], timeout=0.5):
            return
    raise RuntimeError(f"worker not ready after {timeout}s")


# --- HTTP ---------------------------------------------------------------------------------


def http(port: int, method: str, path: str, body: bytes | None = None, token: str | None = None) -> tuple[int, bytes]:
    """One request on a fresh connection (gunicorn's sync workers close after each)."""
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    if body is not None:
        headers["Content-Type"] = "application/fhir+json"
    conn = HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Patients:
    """The example bundles, each post with a Patient identifier never used before."""

    def __init__(self) -> None:
        self.bundles = [json.loads(p.read_text()) for p in sorted(PATIENTS_DIR.glob("D*.json"))]
        if not self.bundles:
            raise RuntimeError(f"no example patients in {PATIENTS_DIR}")
        self._count = 0
        self._lock = threading.Lock()

    def next(self, tag: str) -> bytes:
        with self._lock:
            n = self._count
            self._count += 1
        bundle = self.bundles[n % len(self.bundles)]
        for entry in bundle["entry"]:
            resource = entry.get("resource", {})
            if resource.get("resourceType") == "Patient":
                resource["identifier"][0]["value"] = f"bench-{tag}-{n:05d}"
                break
        return json.dumps(bundle).encode()


def post_patient(port: int, token: str, body: bytes) -> tuple[str, str]:
    """(patient id, job id)."""
    status, data = http(port, "POST", "/api/v1/patients", body, token)
    if status not in (200, 201):
        raise RuntimeError(f"POST /api/v1/patients: {status} {data[:300]!r}")
    answer = json.loads(data)
    return answer["id"], answer["match_job"]["id"]


def wait_job(port: int, token: str, job_id: str, timeout: float = JOB_TIMEOUT_S) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, data = http(port, "GET", f"/api/v1/match-jobs/{job_id}", token=token)
        if status == 200:
            job = json.loads(data)
            if job["status"] in ("succeeded", "failed"):
                return job
        time.sleep(POLL_S)
    raise TimeoutError(f"job {job_id} not finished after {timeout}s")


def matches(port: int, token: str, patient_id: str) -> bytes:
    """The matches answer's bytes, as received (``results_in`` counts them)."""
    status, data = http(port, "GET", f"/api/v1/patients/{patient_id}/matches", token=token)
    if status != 200:
        raise RuntimeError(f"GET matches: {status} {data[:300]!r}")
    return data


def results_in(data: bytes) -> int:
    return len(json.loads(data)["results"])


# --- phases -------------------------------------------------------------------------------


def warm_up(port: int, token: str, patients: Patients, worker_log: Path, rounds: int = 6) -> None:
    """Post as many at once as there are children until every prefork child has finished a job
    (and so compiled its engine)."""
    for n in range(1, rounds + 1):
        start = time.perf_counter()
        jobs = [post_patient(port, token, patients.next("warm"))[1] for _ in range(CONCURRENCY)]
        finished = [wait_job(port, token, j, timeout=240) for j in jobs]
        children = set(re.findall(r"ForkPoolWorker-(\d+)\].*?succeeded in", worker_log.read_text(errors="replace")))
        say(f"warm-up {n}: {time.perf_counter() - start:.1f}s, jobs {[j['status'] for j in finished]}, children done: {len(children)}")
        if len(children) >= CONCURRENCY:
            return
    say("warm-up: could not confirm that both children compiled; timings may include a compile")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def latency(port: int, token: str, patients: Patients) -> list[float]:
    """Sequential posts; ms from POST until the job succeeded and its matches were read."""
    totals, posts, waits, reads, parses, sizes, failures = [], [], [], [], [], [], []
    started = time.monotonic()
    for _ in range(LATENCY_POSTS):
        if time.monotonic() - started > LATENCY_BUDGET_S:
            say(f"latency: budget of {LATENCY_BUDGET_S:.0f}s spent after {len(totals)} posts")
            break
        body = patients.next("lat")
        t0 = time.perf_counter()
        patient_id, job_id = post_patient(port, token, body)
        t1 = time.perf_counter()
        job = wait_job(port, token, job_id)
        t2 = time.perf_counter()
        if job["status"] != "succeeded":
            failures.append(f"{job_id}: {job['error']}")
            continue
        data = matches(port, token, patient_id)
        t3 = time.perf_counter()
        # The clock stops with the answer's last byte: decoding it is the client's own work on
        # the client's machine (a 10,000-trial answer, ~10 MB, took this script ~60-90 ms of the
        # same two cores). It is timed apart and printed, not hidden.
        count, size = results_in(data), len(data)
        parses.append((time.perf_counter() - t3) * 1000)
        if count == 0:
            failures.append(f"{job_id}: succeeded but no results")
            continue
        totals.append((t3 - t0) * 1000)
        posts.append((t1 - t0) * 1000)
        waits.append((t2 - t1) * 1000)
        reads.append((t3 - t2) * 1000)
        sizes.append(size)
    if failures:
        say(f"latency: {len(failures)} failed: {failures[:3]}")
    if totals:
        say(
            f"latency: n={len(totals)} median split: post {statistics.median(posts):.0f} ms, "
            f"queue+evaluate+store {statistics.median(waits):.0f} ms, matches GET {statistics.median(reads):.0f} ms "
            f"({statistics.median(sizes) / 1e6:.1f} MB; this script's decoding of it, not counted: "
            f"{statistics.median(parses):.0f} ms); total median {statistics.median(totals):.0f} ms, "
            f"p95 {percentile(totals, 0.95):.0f} ms, max {max(totals):.0f} ms"
        )
    return totals


def throughput(port: int, token: str, patients: Patients) -> float:
    """Patients matched per second with 20 concurrent posters."""
    from matcher.models import MatchJob

    bodies = [patients.next("tput") for _ in range(THROUGHPUT_POSTS)]
    jobs: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()
    queue = iter(bodies)

    def poster() -> None:
        while True:
            with lock:
                body = next(queue, None)
            if body is None:
                return
            try:
                _, job_id = post_patient(port, token, body)
                with lock:
                    jobs.append(job_id)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(str(exc)[:200])

    first = datetime.now(UTC)
    t0 = time.perf_counter()
    threads = [threading.Thread(target=poster, daemon=True) for _ in range(THROUGHPUT_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=THROUGHPUT_BUDGET_S)
    posted_s = time.perf_counter() - t0
    deadline = time.monotonic() + THROUGHPUT_BUDGET_S
    counts: dict[str, int] = {}
    while time.monotonic() < deadline:
        counts = dict(Counter(MatchJob.objects.filter(pk__in=jobs).values_list("status", flat=True)))
        if counts.get("succeeded", 0) + counts.get("failed", 0) >= len(jobs):
            break
        time.sleep(0.05)
    else:
        say(f"throughput: budget of {THROUGHPUT_BUDGET_S:.0f}s spent waiting; statuses {counts}")
    done = MatchJob.objects.filter(pk__in=jobs, status="succeeded")
    last = max(done.values_list("finished", flat=True), default=None)
    failed = list(MatchJob.objects.filter(pk__in=jobs, status="failed").values_list("error", flat=True)[:3])
    if errors:
        say(f"throughput: {len(errors)} posts failed: {errors[:3]}")
    if failed:
        say(f"throughput: {counts.get('failed', 0)} jobs failed: {failed}")
    if last is None:
        return 0.0
    wall = (last - first).total_seconds()
    succeeded = done.count()
    say(
        f"throughput: {len(jobs)} posted by {THROUGHPUT_THREADS} threads in {posted_s:.1f}s; "
        f"{succeeded} succeeded, last finished {wall:.1f}s after the first post"
    )
    return succeeded / wall


def cpu_split(before: dict[str, float], after: dict[str, float], own: float, wall: float) -> str:
    """Where the cores went during the throughput phase, per patient posted: what bounds
    throughput is their sum, against the cores' time per patient."""
    per = {name: (after[name] - before[name]) * 1000 / THROUGHPUT_POSTS for name in after}
    parts = ", ".join(f"{name} {ms:.0f} ms" for name, ms in per.items())
    cores = os.cpu_count() or 1
    return (
        f"cpu per patient during throughput: {parts}, this script {own * 1000 / THROUGHPUT_POSTS:.0f} ms; "
        f"{cores} cores gave {wall * cores * 1000 / THROUGHPUT_POSTS:.0f} ms per patient"
    )


def group_rss_mb(pgrp: int) -> list[int]:
    """Resident memory of each process in a process group, in pid order (MB)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            stat = (status.parent / "stat").read_text()
            if int(stat[stat.rindex(")") + 2 :].split()[2]) != pgrp:
                continue
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            found.append((int(status.parent.name), int(fields["VmRSS"].split()[0]) // 1024))
    return [mb for _, mb in sorted(found)]


def worker_task_times(worker_log: Path) -> list[float]:
    return [float(s) for s in re.findall(r"run_match_job\[[^\]]+\] succeeded in ([0-9.]+)s", worker_log.read_text(errors="replace"))]


# --- main ---------------------------------------------------------------------------------


def database_footprint() -> tuple[int, int]:
    """(database bytes, patients matched): the growth of both over the timed phases is the
    storage a patient costs, indexes and TOAST included."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute("SELECT pg_database_size(current_database()), "
            "(SELECT count(DISTINCT patient_id) FROM matcher_matchjob WHERE status = 'succeeded')")
        size, count = cursor.fetchone()
    return int(size), int(count)


def main() -> int:
    global OPEN_TRIALS, CONCURRENCY
    import argparse

    parser = argparse.ArgumentParser(description="end-to-end benchmark (not a test)")
    parser.add_argument("--trials", type=int, default=OPEN_TRIALS, help="trials open to matching (default 1,000)")
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY, help="the worker's prefork children (default: deploy's)")
    args = parser.parse_args()
    OPEN_TRIALS, CONCURRENCY = args.trials, args.concurrency
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the finally below runs
    began = time.perf_counter()
    kb_per_patient = float("nan")
    logs = Path(tempfile.mkdtemp(prefix="eligo-e2e-"))

    start = time.perf_counter()
    reset_database(DB_NAME)
    reset_redis()
    manage("migrate", "--noinput")
    say(f"setup: database {DB_NAME} re-created and migrated in {time.perf_counter() - start:.1f}s; {REDIS_URL} flushed")
    start = time.perf_counter()
    say(manage("load_seeds").strip().splitlines()[-1] + f" ({time.perf_counter() - start:.1f}s)")

    import django

    django.setup()
    opened = load_trials()
    token = manage("create_api_client", f"bench-{os.getpid()}").strip().splitlines()[-1]

    port = free_port()
    worker_log, web_log = logs / "worker.log", logs / "web.log"
    worker = web = None
    try:
        start = time.perf_counter()
        worker = start_worker(worker_log)
        web = spawn(
            [sys.executable, "-m", "gunicorn", "matcher.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "120"],
            web_log,
        )
        wait_web(port, web)
        wait_worker(worker)
        say(f"processes: worker (prefork -c {CONCURRENCY}) and gunicorn (-w 2, port {port}) ready in {time.perf_counter() - start:.1f}s; logs in {logs}")

        patients = Patients()
        start = time.perf_counter()
        warm_up(port, token, patients, worker_log)
        say(f"warm-up: {time.perf_counter() - start:.1f}s (every child compiled {opened} trials' rulesets)")
        say(f"worker memory: {group_rss_mb(worker.pid)} MB RSS per process (the first is the parent)")
        warm_tasks = len(worker_task_times(worker_log))

        size_before, patients_before = database_footprint()
        totals = latency(port, token, patients)
        task_times = worker_task_times(worker_log)[warm_tasks:]
        if task_times:
            say(f"worker: task time during latency median {statistics.median(task_times) * 1000:.0f} ms, p95 {percentile(task_times, 0.95) * 1000:.0f} ms")
        before = len(worker_task_times(worker_log))
        groups = {"worker": worker.pid, "web": web.pid}
        cpu_before, own_before, wall_before = cpu_seconds(groups), time.process_time(), time.monotonic()
        per_s = throughput(port, token, patients)
        say(cpu_split(cpu_before, cpu_seconds(groups), time.process_time() - own_before, time.monotonic() - wall_before))
        size_after, patients_after = database_footprint()
        kb_per_patient = (size_after - size_before) / 1024 / max(1, patients_after - patients_before)
        say(f"storage: {(size_after - size_before) / 1024 / 1024:.1f} MB for {patients_after - patients_before} patients matched")
        task_times = worker_task_times(worker_log)[before:]
        if task_times:
            say(f"worker: task time during throughput median {statistics.median(task_times) * 1000:.0f} ms ({CONCURRENCY} children in parallel)")
    finally:
        stop(web)
        stop(worker)
    say(f"total: {time.perf_counter() - began:.0f}s")
    median = statistics.median(totals) if totals else float("nan")
    p95 = percentile(totals, 0.95) if totals else float("nan")
    say(f"e2e: trials={opened} median_ms={median:.0f} p95_ms={p95:.0f} per_s={per_s:.1f} kb_per_patient={kb_per_patient:.0f}")
    return 0


def start_worker(log_path: Path) -> subprocess.Popen:
    return spawn(
        [sys.executable, "-m", "celery", "-A", "matcher", "worker", "-P", "prefork", "-c", str(CONCURRENCY),
         "--without-gossip", "--without-mingle", "-n", f"{WORKER_NAME}@%h", "--loglevel", "INFO"],
        log_path,
    )


if __name__ == "__main__":
    sys.exit(main())
