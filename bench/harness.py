"""What the benchmarks share: their own PostgreSQL database and the processes they start."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def in_process_env(throttles_off: bool = False) -> None:
    """The settings the in-process benchmarks (``job_cpu``, ``get_cpu``, ``post_cpu``) run Django
    with, before it is set up: the examples' day (as ``e2e.py``), no embedded worker (the job is
    run by hand), and with ``throttles_off`` the service's own cost, as ``e2e.py``'s client sees it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matcher.config.settings")
    os.environ.setdefault("ELIGO_TODAY", "2026-11-22")
    os.environ["ELIGO_EMBEDDED_WORKER"] = "0"
    if throttles_off:
        for name in ("ELIGO_THROTTLE_BURST", "ELIGO_THROTTLE_MATCH"):
            os.environ.setdefault(name, "1000000/min")
        os.environ.setdefault("ELIGO_THROTTLE_SUSTAINED", "1000000/hour")


def reset_database(name: str) -> None:
    """Drop and re-create a benchmark's own database (never the project's)."""
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def stop(proc: subprocess.Popen | None) -> None:
    """SIGTERM the process group, SIGKILL it if it lingers."""
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def cpu_seconds(groups: dict[str, int], database: str | None = None) -> dict[str, float]:
    """CPU time (user + system) used so far by each named process group and by PostgreSQL's
    processes ("postgres"): where a benchmark's cores went. Children a process already reaped
    count in its own children's times, so exited workers or backends are not lost.

    ``database``: count only the backends connected to it (other people's benchmarks and
    tests share the server; its background writers are left out then too)."""
    tick = os.sysconf("SC_CLK_TCK")
    names = {pgrp: name for name, pgrp in groups.items()}
    totals = dict.fromkeys([*groups, "postgres"], 0.0)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            comm = text[text.index("(") + 1 : text.rindex(")")]
            if comm == "postgres" and database is not None:
                words = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").split()
                if database.encode() not in words:
                    continue
        except OSError:
            continue  # exited meanwhile
        fields = text[text.rindex(")") + 2 :].split()
        # after the name: state, ppid, pgrp, ... utime, stime, cutime, cstime (fields 3, 4, 5, 14-17)
        name = names.get(int(fields[2])) or ("postgres" if comm == "postgres" else None)
        if name:
            totals[name] += sum(int(f) for f in fields[11:15]) / tick
    return totals


# The in-process benches (job_cpu, get_cpu, rematch_cpu): process time by section and the CPU of
# their one PostgreSQL backend, the figures a shared machine's load disturbs least.
SECTIONS: dict[str, float] = {}


def timed(owner: Any, name: str) -> None:
    """Add the process time of ``owner.name`` (as the code under test calls it) to ``SECTIONS``."""
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            SECTIONS[name] = SECTIONS.get(name, 0.0) + time.process_time() - start

    setattr(owner, name, wrapper)


def backend_cpu() -> float:
    """CPU seconds so far of this process's PostgreSQL backend (/proc)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    text = Path(f"/proc/{pid}/stat").read_text()
    return sum(int(f) for f in text[text.rindex(")") + 2 :].split()[11:13]) / os.sysconf("SC_CLK_TCK")


def report_sections(count: int, unit: str, profile: Any = None, path: str | None = None) -> None:
    """Print each section's process time per ``unit`` (slowest first) and, with a profile and a
    path, write the cProfile there and print its top."""
    import pstats

    for name, seconds in sorted(SECTIONS.items(), key=lambda item: -item[1]):
        print(f"  {name:24s} {seconds * 1000 / count:6.1f} ms a {unit}")
    if profile and path:
        profile.dump_stats(path)
        pstats.Stats(path).sort_stats("tottime").print_stats(30)
