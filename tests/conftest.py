"""Shared fixtures: API clients with tokens, the seed trials, paths to the shared data."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = SHARED / "examples"
CORPUS = SHARED / "corpus"

_names = itertools.count()

CLOCK_DAY = "2026-11-22"  # the examples were generated on this day

# Hypothesis draws the same examples on every run (a seed derived from each test's name), so a
# property test that fails in CI fails again on the next run and on a developer's machine, and a
# green `make test` is not one lucky draw. One CI run hung inside Hypothesis's own example
# generation (session 19, ``test_trial_plan``; 30 other seeds took 7-9 s): with a fixed draw, what
# passed once passes again. ``HYPOTHESIS_PROFILE=explore`` draws new examples, for hunting.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``make test`` runs the suite in two xdist processes, one test file each at a time
    (``--dist loadfile``: the corpus-parsing fixtures are parsed once, by the one process running
    their file). Its scheduler keys tests by id, so a second test with an id already seen would
    silently never run (schemathesis's ``schema.parametrize()`` gave 28 operations one id, and
    27 went unfuzzed): refuse such a collection."""
    seen: set[str] = set()
    twice = sorted({item.nodeid for item in items if item.nodeid in seen or seen.add(item.nodeid)})  # type: ignore[func-returns-value]
    if twice:
        raise pytest.UsageError(f"tests sharing an id would run once under xdist: {twice[:5]}")


@pytest.fixture
def migrated_rows(db):
    """Rows a data migration writes (the coordinator group, the nightly sweep), as it wrote them.
    A transactional test empties every table when it ends, and Django (like pytest-django in one
    process) runs those last for this reason; ``make test``'s two processes take files in no
    fixed order, so one may have run first. Then the migration's own function writes them again,
    with the models as they stood at that migration: the test still reads what the migration
    writes, never a copy of it."""
    import importlib

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def ensure(app_label: str, migration: str, function: str, present: bool) -> None:
        if present:
            return
        state = MigrationExecutor(connection).loader.project_state((app_label, migration))
        getattr(importlib.import_module(f"{app_label}.migrations.{migration}"), function)(state.apps, None)

    return ensure


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    """The clock is the edge of the world, so every test runs on the examples' day unless it
    pins another. Unpinned, a verdict computed on demand followed the real calendar: a patient
    made 17 with a birthday ten days after that day was answered eligible from that birthday on,
    and CI failed on 2026-12-02 with no change to the code."""
    monkeypatch.setenv("ELIGO_TODAY", CLOCK_DAY)


@pytest.fixture
def make_client(db):
    """A DRF test client authenticated as a new API client."""
    from rest_framework.test import APIClient

    from matcher.api.clients import create_api_client

    def make(name: str | None = None, manage_trials: bool = False) -> APIClient:
        client, token = create_api_client(name or f"client-{next(_names)}", can_manage_trials=manage_trials)
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        api.eligo_client = client
        return api

    return make


@pytest.fixture
def api(make_client):
    return make_client("hospital-a")


@pytest.fixture
def manager(make_client):
    return make_client("trial-office", manage_trials=True)


@pytest.fixture
def seeded(db, settings):
    """The five seed trials as ``load_seeds`` imports them, without the golden patients it then
    attaches: a test of re-matching or the queue edits criteria freely, and a golden patient
    would hold the edit (issue 17). Tests about golden patients attach their own or run the
    command themselves.

    Imported through the command's own services rather than the command: building and running
    the 29 golden patients took 1.1 s of the fixture's 1.5 s (measured), only to be deleted, in
    each of the few hundred tests that take this fixture."""
    from trials.importers import load_seed_dir
    from trials.services import import_records

    import_records(load_seed_dir(Path(settings.SEEDS_DIR)))


@pytest.fixture(scope="session")
def corpus_criteria() -> tuple:
    """Every criterion the parser writes from the seeds and the whole shared corpus (50,333 when
    measured), as production reads them: a trial's lines parsed together, a heading with its
    children. Parsed once a session and shared (read-only: criteria are frozen) by the tests that
    need the whole corpus, because the parse is the slow part.

    Measured on the shared 2-core machine: the parse takes 53-124 s (by load); the rule
    language's corpus checks then take 19-21 s (round trip), 0.6-1.5 s (length) and 0.3-0.5 s
    (depth). Each parsing the corpus itself, as the round trip did, they would pay the parse three
    times: the fixture saves two parses, 2-4 minutes of suite time, and one more for every further
    test that takes it. (Other corpus tests read one file or single trials, not the whole
    corpus, and keep their own.)"""
    from rules_engine.parser.coverage import default_paths, read_trials
    from rules_engine.parser.criteria import _build
    from rules_engine.parser.sections import split_criteria
    from trials.coverage import seed_pages

    if not CORPUS.is_dir():
        pytest.skip("shared corpus not present")
    found = []
    for _, paths in default_paths():
        for path in paths:
            for trial in read_trials(path, seed_pages):
                rows = trial.lines if trial.lines is not None else [
                    (line.type, line.text, line.parent) for line in split_criteria(trial.criteria)
                ]
                found.extend(_build(rows))
    return tuple(found)
