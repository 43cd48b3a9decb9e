"""Benchmark of importing ClinicalTrials.gov's bulk export: ``python bench/import.py`` prints
numbers (not a test). Last line: ``import: studies=20000 per_s=…``.

It uses its own PostgreSQL database (dropped and re-created) and runs the real command,
``manage.py import_ctgov FILE.zip`` with its default two parse workers, in a subprocess; the
time is the command's wall clock, start-up and parse-worker spawn included.

The zips are built from the shared corpus (read in place, written to a temporary folder): its
100 API v2 studies as they are, and its 1,783 CSV trials as v2 studies (each CSV trial's id,
status, phase, diseases and eligibility text in a corpus study's frame, so sites, arms and
descriptions weigh what a real study's do).

* ``import-unique``: those 1,883 studies once each, every eligibility text distinct: the rate
  on real text, where the line cache only finds the registry's own repeated boilerplate.
* ``import``: 20,000 studies made from them with new NCT ids and last-update dates. Honestly:
  the text repeats, each of the 1,883 eligibility texts ~10.6 times, so after the first
  round nearly every text is answered whole from the text cache (``texts_cached=``), and the
  line cache serves the rest (``cached=``). The registry's
  500,000 studies repeat boilerplate lines but not whole texts, so expect a rate between the two.
* ``import-rerun``: the same 20,000 again, nothing changed: every study skipped on its date
  (what resuming an interrupted import costs per study already stored).
* ``import-plain`` (``--plain``): the unique studies' first 300 in one process without the
  cache (the way before this benchmark's tricks), for comparison.
"""

from __future__ import annotations

import argparse
import ast
import copy
import csv
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from harness import reset_database  # noqa: E402

DB_NAME = os.environ.get("ELIGO_IMPORT_BENCH_DB", "eligo_import_bench")
CORPUS = Path(os.environ.get("ELIGO_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")
ENV = {
    **os.environ,
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
    "DJANGO_SETTINGS_MODULE": "matcher.config.settings",
    "ELIGO_EMBEDDED_WORKER": "0",
    "LOG_LEVEL": "WARNING",
    "SECRET_KEY": os.environ.get("SECRET_KEY") or "eligo-bench-only-" + "not-secret-" * 4,
}
STUDIES = 20_000
STATUSES = {
    "completed": "COMPLETED",
    "terminated": "TERMINATED",
    "active, not recruiting": "ACTIVE_NOT_RECRUITING",
    "withdrawn": "WITHDRAWN",
    "unknown status": "UNKNOWN",
    "recruiting": "RECRUITING",
    "suspended": "SUSPENDED",
}


def corpus_studies() -> list[dict]:
    """The corpus's 1,883 trials as v2 studies, each with its own eligibility text."""
    with gzip.open(CORPUS / "ctgov-v2-nsclc-phase3.json.gz", "rt", encoding="utf-8") as fh:
        real = json.load(fh)
    out = list(real)
    with gzip.open(CORPUS / "oncology-trials-criteria.csv.gz", "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for i, row in enumerate(rows):
        study = copy.deepcopy(real[i % len(real)])
        ps = study["protocolSection"]
        ps["identificationModule"]["nctId"] = row["nctid"]
        ps["statusModule"]["overallStatus"] = STATUSES.get(row["status"], "UNKNOWN")
        ps["designModule"]["phases"] = [
            p.strip().upper().replace("EARLY ", "EARLY_").replace(" ", "") for p in row["phase"].split("/") if p.strip()
        ]
        try:
            ps["conditionsModule"] = {"conditions": [str(d) for d in ast.literal_eval(row["diseases"])]}
        except (ValueError, SyntaxError):
            ps["conditionsModule"] = {"conditions": []}
        ps["eligibilityModule"]["eligibilityCriteria"] = row["criteria"]
        out.append(study)
    return out


def write_zip(path: Path, studies: list[dict]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for study in studies:
            archive.writestr(f"ctg-studies/{study['protocolSection']['identificationModule']['nctId']}.json", json.dumps(study))


def generated(base: list[dict], count: int) -> list[dict]:
    """``count`` studies cycling through ``base`` with new NCT ids and last-update dates."""
    out = []
    start = date(2020, 1, 1)
    for i in range(count):
        study = copy.deepcopy(base[i % len(base)])
        ps = study["protocolSection"]
        ps["identificationModule"]["nctId"] = f"NCT{90_000_000 + i:08d}"
        ps["statusModule"]["lastUpdatePostDateStruct"] = {"date": (start + timedelta(days=i % 2000)).isoformat(), "type": "ACTUAL"}
        out.append(study)
    return out


CACHE: list[str] = []


def run_import(path: Path, *extra: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "import_ctgov", str(path), "--progress-every", "60", *CACHE, *extra],
        env=ENV, cwd=ROOT, capture_output=True, text=True, check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"import of {path.name} failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def cached(output: str) -> str:
    """The line cache's share, then the whole-text cache's."""
    lines = re.search(r"\bcached=(\S+)", output)
    texts = re.search(r"texts_cached=(\S+)", output)
    return f"{lines.group(1) if lines else 'n/a'} texts_cached={texts.group(1) if texts else 'n/a'}"


def studies_of(output: str) -> int:
    m = re.search(r"ctgov: studies=(\d+)", output)
    return int(m.group(1)) if m else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--studies", type=int, default=STUDIES)
    parser.add_argument("--plain", action="store_true", help="also time 300 unique studies the plain way")
    parser.add_argument("--cache-size", type=int, help="parsed lines kept per parse worker (default: the command's)")
    args = parser.parse_args()
    if args.cache_size is not None:
        CACHE[:] = ["--cache-size", str(args.cache_size)]
    reset_database(DB_NAME)
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], env=ENV, cwd=ROOT, check=True)
    base = corpus_studies()
    texts = [s["protocolSection"]["eligibilityModule"].get("eligibilityCriteria", "") for s in base]
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        unique_zip, big_zip = Path(tmp) / "unique.zip", Path(tmp) / "generated.zip"
        write_zip(unique_zip, base)
        write_zip(big_zip, generated(base, args.studies))
        print(f"generated: {args.studies} studies from {len(base)} corpus studies, {len(set(texts))} distinct eligibility "
              f"texts (each ~{args.studies / len(set(texts)):.1f} times); zip {big_zip.stat().st_size / 1e6:.0f} MB")
        if args.plain:
            plain_zip = Path(tmp) / "plain.zip"
            write_zip(plain_zip, generated(base, 300))
            seconds, out = run_import(plain_zip, "--workers", "0", "--cache-size", "0")
            lines.append(f"import-plain: studies={studies_of(out)} per_s={studies_of(out) / seconds:.1f} seconds={seconds:.1f}")
            print(lines[-1], flush=True)
            reset_database(DB_NAME)
            subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], env=ENV, cwd=ROOT, check=True)
        seconds, out = run_import(unique_zip)
        lines.append(f"import-unique: studies={studies_of(out)} per_s={studies_of(out) / seconds:.1f} seconds={seconds:.1f} cached={cached(out)}")
        print(lines[-1], flush=True)
        seconds, out = run_import(big_zip)
        main_line = f"import: studies={studies_of(out)} per_s={studies_of(out) / seconds:.1f} seconds={seconds:.1f} cached={cached(out)}"
        print(out.strip().splitlines()[0], flush=True)
        seconds, out = run_import(big_zip)
        lines.append(f"import-rerun: studies={studies_of(out)} per_s={studies_of(out) / seconds:.1f} seconds={seconds:.1f}")
        print(lines[-1], flush=True)
    print(f"uptime: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (load averages)")
    print(main_line)


if __name__ == "__main__":
    main()
