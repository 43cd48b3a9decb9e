"""'Another malignancy' asked of the members a record holds (``rules_engine.facts.held_names``) is
a shortcut only: outcomes, reasons and change dates equal the walk over every member, on the plain
and on the focused snapshot, for records holding members in and out of a window, undated,
inactive, the trial's own disease or nothing; a recorder of what is read still sees every member."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

import pytest

from rules_engine import reasons, semantics
from rules_engine.criteria import Op, Predicate, Window
from rules_engine.derive import among
from rules_engine.facts import LazyMapping, PatientFacts, held_names
from rules_engine.focused import focused_snapshot
from rules_engine.outcome import Outcome
from rules_engine.semantics import window_limit
from rules_engine.snapshot import Snapshot, snapshot

AS_OF = date(2026, 11, 22)


def plain_among_outcome(pred: Predicate, snap: Snapshot) -> Outcome | None:
    """``semantics.among_outcome`` as written before ``held_names``: every member walked."""
    group = among(pred.concept, pred.value)
    if group is None:
        return None
    counted, uncertain = group
    if pred.op in (Op.PRESENT, Op.ABSENT):
        hit = lambda c: c in snap.present  # noqa: E731
        undated = lambda c: False  # noqa: E731
    else:
        assert pred.window is not None
        field, limit = window_limit(pred.window)

        def hit(c: str) -> bool:
            view = snap.events.get(c)
            elapsed = None if view is None else (view.dd if field == "dd" else view.mo)
            return elapsed is not None and elapsed <= limit

        def undated(c: str) -> bool:
            view = snap.events.get(c)
            return view is not None and view.undated

    if any(hit(c) for c in counted):
        result = Outcome.MET
    elif any(undated(c) for c in counted) or any(hit(c) or undated(c) for c in uncertain):
        result = Outcome.UNKNOWN
    else:
        result = Outcome.NOT_MET
    if pred.op in (Op.PRESENT, Op.WITHIN):
        return result
    return {Outcome.MET: Outcome.NOT_MET, Outcome.NOT_MET: Outcome.MET, Outcome.UNKNOWN: Outcome.UNKNOWN}[result]


class _PlainEvents(Mapping[str, Any]):
    """The snapshot's events behind a mapping ``held_names`` does not know: asked member by member."""

    def __init__(self, inner: Mapping[str, Any]) -> None:
        self._inner = inner

    def __getitem__(self, key: str) -> Any:
        return self._inner[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._inner)

    def __len__(self) -> int:
        return len(self._inner)


def walked(snap: Snapshot) -> Snapshot:
    """The snapshot with its events and present concepts as mappings asked one name at a time."""
    present = _PlainEvents(dict.fromkeys(snap.present))
    return Snapshot(
        as_of=snap.as_of, birth_date=snap.birth_date, age=snap.age, sex=snap.sex, measurements=snap.measurements,
        events=_PlainEvents(snap.events), recorded_events=snap.recorded_events, present=present,  # type: ignore[arg-type]
    )


def facts(*records: tuple[str, int | None, bool]) -> PatientFacts:
    """A record of (concept, days before AS_OF or None for undated, active) events."""
    events: dict[str, list[dict[str, Any]]] = {}
    for concept, days, active in records:
        day = None if days is None else (AS_OF - timedelta(days=days)).isoformat()
        events.setdefault(concept, []).append({"concept": concept, "date": day, "active": active})
    return PatientFacts.from_json({"birth_date": "1970-05-01", "sex": "female", "measurements": {}, "events": events})


RECORDS = {
    "nothing": (),
    "own-disease-only": (("aml", 30, True),),
    "breast-recent": (("aml", 30, True), ("breast_cancer", 200, True)),
    "breast-old-inactive": (("aml", 30, True), ("breast_cancer", 3000, False)),
    "breast-undated": (("aml", 30, True), ("breast_cancer", None, True)),
    "lung-and-prostate": (("all", 10, True), ("nsclc", 900, False), ("prostate_cancer", 100, True)),
    "two-leukaemias": (("aml", 30, True), ("all", 400, False)),
    "solid-tumor-parent": (("solid_tumor", 50, True),),
}
PREDICATES = {
    f"{op.name.lower()}-{own}-{window}": Predicate(
        "other_malignancy", op, value=None if own == "any" else (own,),
        window=None if window == "none" else Window(*{"1y": (1, "years"), "5y": (5, "years")}[window]),
    )
    for op in (Op.PRESENT, Op.ABSENT, Op.WITHIN, Op.NOT_WITHIN)
    for own in ("any", "aml", "all")
    for window in (("none",) if op in (Op.PRESENT, Op.ABSENT) else ("1y", "5y"))
}
DAYS = [AS_OF, AS_OF + timedelta(days=800)]


@pytest.mark.parametrize("day", DAYS, ids=str)
@pytest.mark.parametrize("pred", list(PREDICATES.values()), ids=list(PREDICATES))
@pytest.mark.parametrize("record", list(RECORDS.values()), ids=list(RECORDS))
def test_another_malignancy_reads_as_walking_every_member(record, pred, day):
    patient = facts(*record)
    for snap in (snapshot(patient, day), focused_snapshot(patient, day, frozenset())):
        slow = walked(snap)
        outcome = semantics.among_outcome(pred, snap)
        assert outcome is plain_among_outcome(pred, snap)
        assert outcome is semantics.among_outcome(pred, slow)
        assert reasons.predicate_reason(pred, outcome, snap) == reasons.predicate_reason(pred, outcome, slow)
        assert semantics.changes_on(pred, snap, outcome) == semantics.changes_on(pred, slow, outcome)


class _Keys(LazyMapping[int]):
    def _make(self, key: str) -> int:
        return len(key)


class _Recorder(Mapping[str, int]):
    def __init__(self, held: set[str]) -> None:
        self.held, self.asked = held, []  # type: list[str]

    def __contains__(self, key: object) -> bool:
        self.asked.append(str(key))
        return key in self.held

    def __getitem__(self, key: str) -> int:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("held_names never iterates the mapping")

    def __len__(self) -> int:
        return len(self.held)


NAMES = ("a", "b", "c", "d", "a")


@pytest.mark.parametrize(
    "found",
    [{"c": 1, "a": 2}, frozenset({"c", "a"}), {"c", "a"}, _Keys({"c": None, "a": None}), _PlainEvents({"c": 1, "a": 2})],
    ids=["dict", "frozenset", "set", "lazy-mapping", "other-mapping"],
)
def test_held_names_are_the_names_held_in_their_order(found):
    assert held_names(NAMES, found) == [c for c in NAMES if c in found] == ["a", "c", "a"]


def test_a_mapping_it_does_not_know_is_asked_every_name():
    """``rules_engine.absent`` records what a predicate reads through ``__contains__``."""
    recorder = _Recorder({"b"})
    assert held_names(NAMES, recorder) == ["b"]
    assert recorder.asked == list(NAMES)
