"""A predicate's answer for every record that holds none of what it reads (a trial's re-match).

Why: a trial asks ~30 predicates, most about things a given record does not hold (a transplant
within 4 weeks, hepatitis B, a live vaccine ...), and their outcome, reason and change date are
then the same words for every such patient. Measured in-process on bench/rematch.py's reopened
trial (bench/rematch_cpu.py, cProfile): deciding and wording predicates was ~45% of a chunk's CPU,
~16 a patient; with these answers ~6 a patient are judged.

How it stays exact: the predicate is judged once per day on an empty record whose every read is
recorded (the event concepts and measurements looked up, whether anything was iterated or a
demographic read). ``predicate_outcome``, ``predicate_reason`` and ``changes_on`` read a snapshot
only through those, so a record holding none of the looked-up concepts reads exactly what the
empty one read, takes the same path and gets the same answer. A predicate that reads age, sex or
birth date, iterates a collection or raises is not answered here (judged as before).
``tests/rules_engine/test_trial_plan.py`` compares plans (which use these answers) with
``assemble`` on seed trials x example patients and generated trials and patients;
``tests/rules_engine/test_absent_answers.py`` pins the rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from .criteria import Predicate
from .outcome import Outcome
from .reasons import predicate_reason
from .semantics import changes_on, predicate_outcome
from .snapshot import Snapshot


class _Iterated(Exception):
    """The predicate looked at a whole collection, not at named concepts: not answerable here."""


class _Reads:
    def __init__(self) -> None:
        self.events: set[str] = set()
        self.measurements: set[str] = set()


class _Empty(Mapping[str, Any]):
    """An empty mapping (or set) recording every key asked of it; iterating it is refused."""

    def __init__(self, asked: set[str]) -> None:
        self._asked = asked

    def __getitem__(self, key: str) -> Any:
        self._asked.add(key)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._asked.add(key)
        return default

    def __contains__(self, key: object) -> bool:
        self._asked.add(cast(str, key))
        return False

    def __iter__(self) -> Iterator[str]:
        raise _Iterated

    def __len__(self) -> int:
        raise _Iterated


class _EmptySnapshot(Snapshot):
    """No record at all on ``as_of``; reading a demographic is refused (it is on most records)."""

    def __getattribute__(self, name: str) -> Any:
        if name in ("age", "sex", "birth_date", "next_birthday"):
            raise _Iterated
        return super().__getattribute__(name)


@dataclass(frozen=True)
class AbsentAnswer:
    """What a predicate answers for a record holding none of ``reads`` (event concepts and
    measurements, in one set: a name read as one kind and held as the other only costs the
    shortcut, never the answer)."""

    reads: frozenset[str]
    outcome: Outcome
    reason: str
    changes_on: date | None


def on_record(snap: Snapshot) -> set[str]:
    """What a record holds, for ``AbsentAnswer.reads`` (present concepts are among the events)."""
    held = set(snap.events)
    held.update(snap.measurements)
    return held


def absent_answer(pred: Predicate, as_of: date) -> AbsentAnswer | None:
    """The predicate's answer on a record holding none of what it reads; None when it reads
    something every record has, or the whole record (module docstring)."""
    reads = _Reads()
    events = _Empty(reads.events)
    snap = _EmptySnapshot(
        as_of=as_of,
        birth_date=None,
        age=None,
        sex=None,
        measurements=_Empty(reads.measurements),
        events=events,
        recorded_events=events,
        present=cast("frozenset[str]", events),  # present concepts are among the events' keys
    )
    try:
        outcome = predicate_outcome(pred, snap)
        reason = predicate_reason(pred, outcome, snap)
        when = changes_on(pred, snap, outcome)
    except Exception:  # _Iterated, or a predicate that raises: judged the plain way
        return None
    return AbsentAnswer(frozenset(reads.events | reads.measurements), outcome, reason, when)
