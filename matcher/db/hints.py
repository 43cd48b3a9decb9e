"""PostgreSQL settings local to one transaction: commits of derived data that need not wait
for the disk. (The planner hint for reading criterion rows went with the rows, issue 18.)"""

from __future__ import annotations

from django.db import connection


def relax_commit_durability() -> None:
    """Results are derived data: this transaction's commit need not wait for the WAL flush
    (about a third of a new patient's job at 1,000 trials). A database crash can lose the last
    moments of such commits, never corrupt them; a job whose success was lost is queued or
    running again, and the sweep hands it out again (``matcher.matching.jobs.stalled_jobs``)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
