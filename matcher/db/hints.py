"""PostgreSQL settings local to one transaction: the planner kept on the index for reads of a
few results' criterion rows, and commits of derived data that need not wait for the disk.

Criterion rows grow by ~28,000 per new patient at 1,000 open trials, faster than statistics
follow (and not at all where autovacuum is off, as on this project's CI machines). Without
statistics the planner takes "the rows of these 1,000 results" for a third of the table and
scans all of it: 0.7 s on 9 million rows instead of a few milliseconds through the
``result_id`` index (measured). These reads always want the index, whatever the statistics.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import connection, transaction


@contextlib.contextmanager
def index_reads() -> Iterator[None]:
    """Within this block (its own transaction, or a savepoint of the caller's), no sequential
    scans unless nothing else can answer."""
    with transaction.atomic():
        if connection.vendor != "postgresql":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET enable_seqscan")


def relax_commit_durability() -> None:
    """Results are derived data: this transaction's commit need not wait for the WAL flush
    (about a third of a new patient's job at 1,000 trials). A database crash can lose the last
    moments of such commits, never corrupt them; a job whose success was lost is queued or
    running again, and the sweep hands it out again (``matcher.matching.jobs.stalled_jobs``)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
