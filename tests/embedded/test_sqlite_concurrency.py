"""SQLite as the embedded default (``make run``, small deployments): concurrent patient posts
while the in-process worker (``ELIGO_EMBEDDED_WORKER``) writes results never answer 500
"database is locked".

Runs the development server as ``make run`` does, on a fresh SQLite file (not the suite's
PostgreSQL), and posts over HTTP from threads: the real server, the real file, real locks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

POSTS = 50
THREADS = 8


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(db: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "ELIGO_EMBEDDED_WORKER": "1",
        "DEBUG": "1",
        "ELIGO_TODAY": "2026-11-22",
        "ELIGO_THROTTLE_BURST": "100000/min",
        "ELIGO_THROTTLE_MATCH": "100000/min",
    }


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _request(url: str, token: str, body: bytes | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, method="POST" if body else "GET")
    request.add_header("Authorization", f"Token {token}")
    if body:
        request.add_header("Content-Type", "application/fhir+json")
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {"body": error.read()[:300].decode(errors="replace")}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("sqlite") / "eligo.sqlite3"
    env = _env(db)
    _manage(env, "migrate", "--no-input")
    _manage(env, "load_seeds")
    token = _manage(env, "create_api_client", "embedded-test").strip().splitlines()[-1]
    port = _free_port()
    log = open(tmp_path_factory.getbasetemp() / "runserver.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/v1/health", timeout=2)
            break
        except urllib.error.HTTPError:
            break  # answering (503 without a broker is still an answer)
        except OSError:
            assert proc.poll() is None, "runserver exited"
            time.sleep(0.2)
    yield base, token, db
    proc.terminate()
    proc.wait(timeout=20)


def _bundle(i: int) -> bytes:
    bundle = json.loads((EXAMPLES / "patients" / f"D{i % 10 + 1:02d}.json").read_text())
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["identifier"][0]["value"] = f"embedded-{i}"
    return json.dumps(bundle).encode()


def test_concurrent_posts_while_jobs_run_in_process_never_answer_500(server):
    base, token, _ = server
    started = time.monotonic()
    with ThreadPoolExecutor(THREADS) as pool:
        answers = list(pool.map(lambda i: _request(f"{base}/api/v1/patients", token, _bundle(i)), range(POSTS)))
    elapsed = time.monotonic() - started
    failed = [(code, body) for code, body in answers if code != 201]
    assert failed == [], failed[:3]
    jobs = [_request(f"{base}/api/v1/match-jobs/{body['match_job']['id']}", token)[1]["status"] for _, body in answers]
    assert jobs == ["succeeded"] * POSTS
    print(f"{POSTS} posts from {THREADS} threads on SQLite with in-process jobs: {elapsed:.1f} s, 0 errors")


def test_the_database_file_is_in_write_ahead_log_mode(server):
    import sqlite3

    with sqlite3.connect(server[2]) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
