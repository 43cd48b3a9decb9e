"""The compiled rules engine, one per worker process, kept in step with the trial catalogue.

Compiling is the expensive part, so a process compiles each (trial, criteria version) once and
later jobs only add what is new: the engine's rulesets are named by content hash and can only
grow. Built lazily on first use, so each Celery prefork child builds its own after the fork
(durable-rules' C state is not safe to share across a fork while in use).
"""

from __future__ import annotations

import threading
from datetime import date

from matcher.matching import heap
from matcher.results.criteria import load_criteria
from matcher.results.store import TrialRef
from rules_engine.assemble import Memo
from rules_engine.engine import MatchingEngine
from rules_engine.facts import PatientFacts
from rules_engine.gates import Closed, GateIndex
from rules_engine.snapshot import Snapshot
from trials.models import Trial


class EngineCache:
    def __init__(self) -> None:
        self._engine: MatchingEngine | None = None
        # The trials' gates (diagnosis family, age, sex), kept in step with what is compiled: a
        # job evaluates only the trials whose gates the patient could pass.
        self.gates = GateIndex()
        self._loaded: dict[str, int] = {}  # nct_id -> pk of the CriteriaVersion compiled
        self._lock = threading.Lock()

    def sync(self) -> tuple[MatchingEngine, list[TrialRef]]:
        """Compile whatever open trial is new or changed since the last job; return the engine
        and the open trials it must evaluate now (with the versions they are at)."""
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
        with self._lock:
            if self._engine is None:
                self._engine = MatchingEngine()
            wanted = [
                TrialRef(pk, nct, vpk, number)
                for pk, nct, vpk, number in trials.exclude(current_criteria=None)
                .values_list("pk", "nct_id", "current_criteria_id", "current_criteria__number")
                .order_by("nct_id")
            ]
            stale = [t for t in wanted if self._loaded.get(t.nct_id) != t.version_pk]
            if stale:
                loaded = load_criteria(stale)
                self._engine.add_trials(loaded)
                self.gates.add(loaded)
                for t in stale:
                    self._loaded[t.nct_id] = t.version_pk
                heap.freeze_long_lived()
            return self._engine, wanted


engine_cache = EngineCache()
