"""What the benchmarks share: their own PostgreSQL database and the processes they start."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess

ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


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
