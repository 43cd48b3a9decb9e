"""A trial's re-match chunks in-process: CPU a chunk of 1,000 patients, the chunk's PostgreSQL
backend CPU, and where the worker's went (``python bench/rematch_cpu.py [--profile OUT]``;
numbers, not a test).

Why: ``bench/rematch.py``'s wall time (a closed seed trial reopened against 10,000 stored
patients, ten chunks shared by two worker processes) swings with the machine's other load; the
process time of the chunk code and of its one backend barely do. It makes the same change as
the benchmark (``--case reopen``: NCT05563545 recruiting again; ``edit``: NCT06585345's age
line edited, most verdicts unchanged), claims it and runs its chunks here one after another, as
a worker child runs them: the first chunk (which compiles the trial) is not measured. A chunk
writes, so run it against a fresh copy of ``bench/rematch.py``'s database each time, never the
benchmark's own while it runs and never a real one::

    psql -c 'CREATE DATABASE scratch TEMPLATE eligo_rematch_bench'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch python bench/rematch_cpu.py

Compare two versions of the code interleaved, each on its own copy of one database.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matcher.config.settings")
os.environ.setdefault("ELIGO_TODAY", "2026-11-22")  # as bench/rematch.py
os.environ["ELIGO_EMBEDDED_WORKER"] = "0"
from harness import SECTIONS, backend_cpu, report_sections, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=("reopen", "edit"), default="reopen")
    parser.add_argument("--profile", help="write a cProfile (process time) here and print its top")
    args = parser.parse_args()

    import django

    django.setup()
    from matcher.matching import heap

    heap.tune_worker()  # the collector's thresholds of a worker child (worker_process_init), as measured there
    from django.db import connection, transaction

    import matcher.matching.rematch as rematch
    import matcher.results.store as result_store
    from matcher.models import MatchResult
    from matcher.worker import dispatch
    from trials import services
    from trials.models import Trial, TrialChange
    from trials.records import CriterionLine

    dispatch.send = lambda name, task_args, countdown=None: None  # chunks run here, not through the broker
    if args.case == "reopen":
        nct_id = "NCT05563545"

        def change(trial: Trial) -> None:
            services.set_status(trial, "RECRUITING")
    else:
        nct_id = "NCT06585345"

        def change(trial: Trial) -> None:  # bench/rematch.py's edit
            rows = trial.current_criteria.criteria.order_by("position")
            lines = [
                CriterionLine(type=c.type, text=c.text.replace("65 years", "30 years"), parent=c.parent_position)
                for c in rows
            ]
            version = services.set_criteria(trial, lines, reason="edit")
            assert version is not None, "the edit changed no line"
            if version.held:
                services.publish_version(trial, version.number)

    before = TrialChange.objects.filter(trial__nct_id=nct_id).count()
    with transaction.atomic():
        change(Trial.objects.get(nct_id=nct_id))
    changes = list(
        TrialChange.objects.filter(trial__nct_id=nct_id).order_by("pk").values_list("pk", flat=True)[before:]
    )
    assert changes, "the change made no TrialChange"
    for change_id in changes[:-1]:
        rematch.process_change(change_id)  # an earlier change of the same edit: superseded
    _, chunks = rematch.process_change(changes[-1])
    assert len(chunks) > 1, chunks

    for owner, name in (
        (rematch, "_store_chunk"),
        (result_store, "store_evaluations"),
        (result_store, "verdict_digest"),
        (result_store, "_write"),
        (result_store, "schedule_time_rematch"),
    ):
        timed(owner, name)
    first = time.process_time()
    rematch.rematch_chunk(changes[-1], chunks[0])  # compiles the trial: a worker child's first chunk
    first = time.process_time() - first
    SECTIONS.clear()
    profile = cProfile.Profile(time.process_time) if args.profile else None
    written = 0
    words: collections.Counter[str] = collections.Counter()

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        words[sql.split(None, 1)[0].upper()] += 1
        return execute(sql, params, many, context)

    cpu, backend = time.process_time(), backend_cpu()
    with connection.execute_wrapper(count):
        for chunk in chunks[1:]:
            if profile:
                profile.enable()
            written += rematch.rematch_chunk(changes[-1], chunk)
            if profile:
                profile.disable()
    cpu, backend = time.process_time() - cpu, backend_cpu() - backend
    n = len(chunks) - 1
    active = MatchResult.objects.filter(trial__nct_id=nct_id, state="active").count()
    print(
        f"rematch_cpu: case={args.case} chunks={n} worker_ms={cpu * 1000 / n:.1f} backend_ms={backend * 1000 / n:.1f} "
        f"written={written} active={active} first_chunk_ms={first * 1000:.1f} load={os.getloadavg()[0]:.1f}"
    )
    statements = ", ".join(f"{w} {c / n:g}" for w, c in words.most_common())
    print(f"  statements a chunk: {sum(words.values()) / n:g} ({statements})")
    report_sections(n, "chunk", profile, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
