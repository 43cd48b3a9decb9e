"""The compiled rules engine, one per worker process, kept in step with the trial catalogue.

Compiling is the expensive part, so a process compiles each (trial, criteria version) once and
later jobs only add what is new: the engine's rulesets are named by content hash and can only
grow. Built lazily on first use, so each Celery prefork child builds its own after the fork
(durable-rules' C state is not safe to share across a fork while in use).
"""

from __future__ import annotations

import threading
from datetime import date

from django.db import connection

from matcher.matching import heap
from matcher.results.criteria import load_criteria
from matcher.results.store import TrialRef
from rules_engine.assemble import Memo
from rules_engine.engine import MatchingEngine
from rules_engine.facts import PatientFacts
from rules_engine.gates import Closed, GateIndex
from rules_engine.snapshot import Snapshot
from trials.models import CriteriaVersion, Trial
from trials.records import OPEN_STATUSES


class EngineCache:
    def __init__(self) -> None:
        self._engine: MatchingEngine | None = None
        # The trials' gates (diagnosis family, age, sex), kept in step with what is compiled: a
        # job evaluates only the trials whose gates the patient could pass.
        self.gates = GateIndex()
        self._loaded: dict[str, int] = {}  # nct_id -> pk of the CriteriaVersion compiled
        self._lock = threading.Lock()
        self.catalogue = OpenCatalogue()

    def sync(self) -> tuple[MatchingEngine, list[TrialRef]]:
        """Compile whatever open trial is new or changed since the last job; return the engine
        and the open trials it must evaluate now (with the versions they are at)."""
        if connection.vendor == "postgresql":
            return self._sync(None)
        return self._sync(Trial.objects.open_to_matching())

    def closed(
        self, facts: PatientFacts, as_of: date, trial_ids: list[str], snap: Snapshot | None = None, memo: Memo | None = None
    ) -> dict[str, Closed]:
        """The trials of ``trial_ids`` this patient cannot meet by their gates (``snap``, ``memo``:
        the facts already normalised on ``as_of`` and their evaluation memo, see ``GateIndex.closed``)."""
        with self._lock:
            return self.gates.closed(facts, as_of, trial_ids, snap, memo)

    def sync_one(self, trial_pk: int) -> tuple[MatchingEngine, TrialRef | None]:
        """The same for one trial (a trial's re-match needs only it, not the whole catalogue);
        ``None`` when it is not open to matching."""
        engine, found = self._sync(Trial.objects.open_to_matching().filter(pk=trial_pk))
        return engine, (found[0] if found else None)

    def sync_some(self, trial_pks: list[int]) -> tuple[MatchingEngine, list[TrialRef]]:
        """The same for a few trials (a patient's re-match of the trials its job got stale)."""
        return self._sync(Trial.objects.open_to_matching().filter(pk__in=trial_pks))

    def _sync(self, trials) -> tuple[MatchingEngine, list[TrialRef]]:
        """``trials``: a query of the trials wanted; None: every trial open to matching, read by
        ``OpenCatalogue`` (PostgreSQL)."""
        with self._lock:
            if self._engine is None:
                self._engine = MatchingEngine()
            wanted = self.catalogue.read() if trials is None else plain_refs(trials)
            stale = [t for t in wanted if self._loaded.get(t.nct_id) != t.version_pk]
            if stale:
                loaded = load_criteria(stale)
                self._engine.add_trials(loaded)
                self.gates.add(loaded)
                for t in stale:
                    self._loaded[t.nct_id] = t.version_pk
                heap.freeze_long_lived()
            return self._engine, wanted



def plain_refs(trials) -> list[TrialRef]:
    """The trials of the query with criteria, as ``TrialRef``, in NCT id order: the plain way."""
    return [
        TrialRef(pk, nct, vpk, number)
        for pk, nct, vpk, number in trials.exclude(current_criteria=None)
        .values_list("pk", "nct_id", "current_criteria_id", "current_criteria__number")
        .order_by("nct_id")
    ]


class OpenCatalogue:
    """Every trial open to matching with criteria, as ``plain_refs(Trial.objects.open_to_matching())``
    answers, read the way a match job can afford once per patient (PostgreSQL only).

    Measured in-process on bench/e2e.py's 1,000 open trials (100 reads each, machine under load):
    the ORM's query joined to the criteria versions for their numbers, compiled each time, and
    1,000 new ``TrialRef`` a job took 3.8-4.8 ms of the worker's CPU and 3.4-4.1 ms of its
    PostgreSQL backend's; this reads the trials alone in one fixed statement (1.8-2.5 ms of the
    backend's), a version's number from what earlier reads learnt (a version's number never
    changes; an unknown one is read with the others unknown, in one statement), and hands the
    same ``TrialRef`` object for a row read alike last time (1.4-1.5 ms of the worker's).
    ``tests/rematch/test_open_catalogue.py`` pins its answer to the plain one's as trials open,
    close, change criteria and are added."""

    def __init__(self) -> None:
        self._sql = (
            f"SELECT id, nct_id, current_criteria_id FROM {Trial._meta.db_table}"
            " WHERE overall_status = ANY(%s) AND current_criteria_id IS NOT NULL ORDER BY nct_id"
        )
        self._numbers: dict[int, int] = {}  # criteria version pk -> its number
        self._refs: dict[tuple[int, str, int], TrialRef] = {}  # last read's row -> its TrialRef
        self._statuses = sorted(OPEN_STATUSES)

    def read(self) -> list[TrialRef]:
        with connection.cursor() as cursor:
            cursor.execute(self._sql, [self._statuses])
            rows: list[tuple[int, str, int]] = cursor.fetchall()
        numbers = self._numbers
        unknown = [vpk for _, _, vpk in rows if vpk not in numbers]
        if unknown:
            numbers.update(CriteriaVersion.objects.filter(pk__in=unknown).values_list("pk", "number"))
            if any(vpk not in numbers for vpk in unknown):  # deleted since the trial named it: as the join
                return plain_refs(Trial.objects.open_to_matching())
        kept, refs = self._refs, {}
        for row in rows:
            ref = kept.get(row)
            if ref is None:
                ref = TrialRef(row[0], row[1], row[2], numbers[row[2]])
            refs[row] = ref
        self._refs = refs
        return list(refs.values())


engine_cache = EngineCache()
