"""A patient's snapshot for one trial's predicates (a trial's re-match): the same views as
``snapshot.snapshot``, each event's and measurement's built only when a predicate reads it.

Why: a re-match judges one trial against every stored patient, and the plain snapshot builds a
view of every event on record and of every concept they imply (AML -> acute leukaemia ->
leukaemia -> haematological malignancy ...), dates and elapsed months included, whether or not
the trial asks about them. Measured in-process on bench/rematch.py's reopened 17-line trial
(bench/rematch_cpu.py, cProfile): the snapshot was ~25% of a chunk's CPU, most of it event views
and the test results that imply events; a patient the trial's gate shuts out reads no view.

What stays exact: which concepts are on record (``events``' keys) and which are present are
worked out for every concept, from names and active flags alone, by walking the implications in
the plain snapshot's order; a view is built on first read by merging the same sources in that
same order, so it equals the plain one field by field; so are the measurements' keys (a score
converted from another scale needs the other's value: then they are all built at once). A test
result is read only for whether it is positive (it implies an event). The one difference:
``measurements`` holds only the trial's concepts (the plain one also holds every test result
that implies an event). ``tests/rules_engine/test_focused_snapshot.py`` compares every view,
key, present concept and trial outcome with the plain snapshot's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any, TypeVar

from .derive import (
    ABSENT_IS_NONE,
    EVENT_IMPLIES,
    GRADED_EVENTS,
    MEASURE_SOURCES,
    POSITIVE_TEST_IMPLIES,
    QUALIFIED_EVENTS,
    SEVERITY_GRADED,
)
from .facts import LazyMapping, Measurement, PatientFacts, has_values
from .snapshot import (
    EventView,
    MeasView,
    Snapshot,
    _elapsed,
    _event_view,
    _graded,
    _latest,
    _measurement,
    _qualified,
    _severity_graded,
    age_at_diagnosis,
    latest_view,
    measurement_views,
    measurement_word,
    merge_events,
    relapse_count,
    snapshot_of,
)
from .standing import standing_sources

# A source of event views: a recorded concept ("r", concept) or a positive test ("t", test).
_Source = tuple[str, str]
# Per implied concept, its contributions in the order the plain snapshot merges them: the
# source, and the chain the view carries (None: the source's own view, unchanged).
_Contributions = dict[str, list[tuple[_Source, str | None]]]

_SHAPES_MAX = 4096
_V = TypeVar("_V")
_SCORES = frozenset({"ecog", "karnofsky", "lansky"})
# a function read from whichever of its tests is recorded (derive.MEASURE_SOURCES): built as the scores are
_READ_FROM_TESTS = frozenset(MEASURE_SOURCES)


def _shape(recorded: tuple[str, ...], positive: tuple[str, ...]) -> _Contributions:
    """``snapshot``'s derivation walk over names only: which source reaches which concept by which
    chain, in the order it merges them (its ``pending`` stack, popped from the end)."""
    found: _Contributions = {c: [(("r", c), None)] for c in recorded}
    pending: list[tuple[_Source, str, str | None]] = [(("r", c), c, None) for c in recorded]
    for test in positive:
        target = POSITIVE_TEST_IMPLIES[test]
        first = f"{test}>{target}"
        found.setdefault(target, []).append((("t", test), first))
        pending.append((("t", test), target, first))
    while pending:
        source, concept, chain = pending.pop()
        for parent in EVENT_IMPLIES.get(concept, ()):
            derived = f"{chain or concept}>{parent}"
            found.setdefault(parent, []).append((source, derived))
            pending.append((source, parent, derived))
    return found


_shapes: dict[tuple[tuple[str, ...], tuple[str, ...]], _Contributions] = {}


def _shape_of(recorded: tuple[str, ...], positive: tuple[str, ...]) -> _Contributions:
    """Patients share their diagnoses' shapes: walked once per combination of concepts on record."""
    key = (recorded, positive)
    found = _shapes.get(key)
    if found is None:
        if len(_shapes) >= _SHAPES_MAX:
            _shapes.clear()
        found = _shapes[key] = _shape(recorded, positive)
    return found


_presents: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[bool, ...]], frozenset[str]] = {}


def _present_of(
    recorded: tuple[str, ...], positive: tuple[str, ...], flags: tuple[bool, ...], shape: _Contributions
) -> frozenset[str]:
    """The concepts present (an active record, or a positive test, reaches them): a function of
    the shape's names and each recorded concept's active flag (``flags``, in ``recorded``'s
    order), so patients sharing their diagnoses and flags share it, as they share the shape.

    Why: walking the shape's every concept and its sources was ~1.5% of a re-match chunk's
    worker CPU (pyinstrument, bench/rematch_cpu.py, machine under load) for an answer most
    patients repeat. ``_present_walk`` is the walk; ``tests/rules_engine/test_focused_snapshot.py``
    compares ``present`` with the plain snapshot's."""
    key = (recorded, positive, flags)
    found = _presents.get(key)
    if found is None:
        if len(_presents) >= _SHAPES_MAX:
            _presents.clear()
        found = _presents[key] = _present_walk(recorded, positive, flags, shape)
    return found


def _present_walk(
    recorded: tuple[str, ...], positive: tuple[str, ...], flags: tuple[bool, ...], shape: _Contributions
) -> frozenset[str]:
    active = {("r", c): flag for c, flag in zip(recorded, flags, strict=True)}
    active.update((("t", t), True) for t in positive)
    return frozenset(c for c, parts in shape.items() if any(active[source] for source, _ in parts))


class _Views(LazyMapping[_V]):
    """Concept -> view over a fixed key set, each view built on first read and kept."""

    __slots__ = ("_build",)

    def __init__(self, keys: Mapping[str, Any], build: Callable[[str], _V]) -> None:
        super().__init__(keys)
        self._build = build

    def _make(self, concept: str) -> _V:
        return self._build(concept)


def _measurements(facts: PatientFacts, as_of: date, measured: frozenset[str]) -> Mapping[str, MeasView]:
    """``measurement_views(facts, as_of, measured, tests=False)``, each view built when read: its
    keys in the same order, worked out without normalising a value (a score converted from
    another scale depends on the other's value: then all are built, as there)."""
    if not measured.isdisjoint(_SCORES) or not measured.isdisjoint(_READ_FROM_TESTS):
        return measurement_views(facts, as_of, measured, tests=False)
    recorded = facts.measurements
    keys: dict[str, Callable[[], MeasView]] = {}
    for c in recorded:
        if c in measured and has_values(recorded, c):
            keys[c] = partial(lambda c: latest_view(recorded[c], as_of), c)
    for target, graded_by in GRADED_EVENTS.items():
        if target not in keys and target in measured:
            graded = _graded(target, facts.events.get(graded_by, ()))
            if graded is not None:
                keys[target] = partial(_measurement, graded, as_of)
    for target in QUALIFIED_EVENTS:
        if target not in keys and target in measured:
            keys[target] = partial(lambda t: _measurement(_qualified(t, facts), as_of), target)
    for target in SEVERITY_GRADED:
        if target not in keys and target in measured:
            keys[target] = partial(lambda t: _measurement(_severity_graded(t, facts), as_of), target)
    if "age_at_diagnosis" not in keys and "age_at_diagnosis" in measured:
        at_diagnosis = age_at_diagnosis(facts)
        if at_diagnosis is not None:
            keys["age_at_diagnosis"] = partial(_measurement, at_diagnosis, as_of)
    if "relapse_count" not in keys and "relapse_count" in measured:
        relapses = relapse_count(facts)
        if relapses is not None:
            keys["relapse_count"] = partial(_measurement, relapses, as_of)
    for target in ABSENT_IS_NONE:
        if target not in keys and target in measured:
            keys[target] = partial(_measurement, Measurement(target, 0), as_of)
    return _Views(keys, lambda c: keys[c]())


def focused_snapshot(facts: PatientFacts, as_of: date, measured: frozenset[str]) -> Snapshot:
    """``snapshot(facts, as_of, measured)``, its views built when read (module docstring)."""
    measurements = _measurements(facts, as_of, measured)
    # the positive tests, with their dates, in the order the plain snapshot derives from them
    # (a view's word is its latest value's: ``measurement_word``)
    tests: dict[str, date | None] = {}
    for test in POSITIVE_TEST_IMPLIES:
        if test in facts.measurements and has_values(facts.measurements, test):
            latest = _latest(facts.measurements[test])
            if measurement_word(latest) == "positive":
                tests[test] = latest.date
    recorded_events = {c: events for c, events in facts.events.items() if events}
    recorded, positive = tuple(recorded_events), tuple(tests)
    shape = _shape_of(recorded, positive)
    flags = tuple([any(e.active for e in events) for events in recorded_events.values()])
    present = _present_of(recorded, positive, flags, shape)
    sources: dict[_Source, EventView] = {}

    def source_view(source: _Source) -> EventView:
        found = sources.get(source)
        if found is None:
            kind, name = source
            if kind == "r":
                found = _event_view(name, recorded_events[name], as_of, standing_sources(name, recorded_events))
            else:
                target = POSITIVE_TEST_IMPLIES[name]
                day = tests[name]
                dd, mo = _elapsed(day, as_of)
                found = EventView(target, True, day, dd, mo, day is None, f"{name}>{target}", False, "positive")
            sources[source] = found
        return found

    def build(concept: str) -> EventView:
        merged: EventView | None = None
        for source, chain in shape[concept]:
            view = source_view(source)
            if chain is not None and chain != view.chain:  # derive_event's view of the concept
                view = EventView(
                    concept, view.active, view.latest, view.dd, view.mo, view.undated, chain, False, view.detail,
                    view.quotes, view.unquoted, view.quote_times,
                )
            merged = view if merged is None else merge_events(merged, view)
        assert merged is not None, "every shaped concept has a source"
        return merged

    return snapshot_of(facts, as_of, measurements, _Views(shape, build), _Views(recorded_events, lambda c: source_view(("r", c))), present)

