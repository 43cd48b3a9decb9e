"""A patient's facts as the engine sees them: normalised, coded, dated, with their sources.

The intake (FHIR or Eligo's own JSON) writes this shape; the engine only reads it. Two kinds:

* a **measurement** (lab, score, ejection fraction, qualitative test result): missing means
  the engine cannot tell, so a criterion on it is ``unknown``;
* an **event** (diagnosis, infection, procedure, therapy, pregnancy, disease status): missing
  means absent, and the reason says "no record of ...".

Every fact keeps the id of the resource it came from so a reason can be traced to the record.
Lists hold every observation, most recent first: the first one counts, the rest stay visible.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar


def _date_or_none(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


_T = TypeVar("_T")


def _built(cls: type[_T], **values: Any) -> _T:
    """A frozen instance from every one of its fields, as ``cls(**values)`` makes it, without the
    frozen ``__init__``'s one ``object.__setattr__`` per field: a trial's re-match reads 10,000
    stored patients' facts, ~16 records each, and the constructors were a third of reading
    them (113 us a patient; 73 us this way). ``tests/rules_engine/test_json.py`` pins every
    field against the constructor's object."""
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


@dataclass(frozen=True)
class Measurement:
    """One observed value. ``value`` is a number, or a word for a qualitative result
    (``positive`` / ``negative``). ``unit`` is UCUM; ``uln`` is the upper limit of normal in
    the same unit (from ``referenceRange.high`` or Eligo's documented default)."""

    concept: str
    value: float | str
    unit: str | None = None
    date: date | None = None
    uln: float | None = None
    uln_default: bool = False  # True when ``uln`` is Eligo's default, not the lab's range
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"concept": self.concept, "value": self.value}
        if self.unit is not None:
            data["unit"] = self.unit
        if self.date is not None:
            data["date"] = self.date.isoformat()
        if self.uln is not None:
            data["uln"] = self.uln
            if self.uln_default:
                data["uln_default"] = True
        if self.source is not None:
            data["source"] = self.source
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Measurement:
        return _built(
            cls,
            concept=data["concept"],
            value=data["value"],
            unit=data.get("unit"),
            date=_date_or_none(data.get("date")),
            uln=data.get("uln"),
            uln_default=bool(data.get("uln_default", False)),
            source=data.get("source"),
        )


@dataclass(frozen=True)
class Event:
    """A history item: a diagnosis, infection, procedure, therapy or status, on a date.

    ``active`` is False for a condition whose clinical status is inactive or resolved: it is
    kept (a past transplant still counts as prior) but does not count as a current condition.
    ``attributes`` holds what some criteria need beyond presence (e.g. a GVHD grade).
    """

    concept: str
    date: date | None = None
    active: bool = True
    attributes: Mapping[str, Any] = field(default_factory=dict)
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"concept": self.concept, "active": self.active}
        if self.date is not None:
            data["date"] = self.date.isoformat()
        if self.attributes:
            data["attributes"] = dict(self.attributes)
        if self.source is not None:
            data["source"] = self.source
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Event:
        return _built(
            cls,
            concept=data["concept"],
            date=_date_or_none(data.get("date")),
            active=bool(data.get("active", True)),
            attributes=dict(data.get("attributes", {})),
            source=data.get("source"),
        )


@dataclass(frozen=True)
class PatientFacts:
    """Everything the engine may use about one patient. No name, no identifier: the engine
    never needs them, so they never reach a reason or a log line."""

    birth_date: date | None = None
    sex: str | None = None  # "male" | "female" | "other" | "unknown"
    measurements: Mapping[str, tuple[Measurement, ...]] = field(default_factory=dict)
    events: Mapping[str, tuple[Event, ...]] = field(default_factory=dict)

    def latest(self, concept: str) -> Measurement | None:
        """The measurement that counts: the most recent one."""
        values = self.measurements.get(concept)
        return values[0] if values else None

    def events_of(self, concept: str, active_only: bool = True) -> tuple[Event, ...]:
        found = self.events.get(concept, ())
        return tuple(e for e in found if e.active) if active_only else found

    def age_on(self, day: date) -> int | None:
        """Whole years at ``day`` (the contract: age is whole years at the evaluation date)."""
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def to_json(self) -> dict[str, Any]:
        return {
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "sex": self.sex,
            "measurements": {k: [m.to_json() for m in v] for k, v in sorted(self.measurements.items())},
            "events": {k: [e.to_json() for e in v] for k, v in sorted(self.events.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PatientFacts:
        return _built(
            cls,
            birth_date=_date_or_none(data.get("birth_date")),
            sex=data.get("sex"),
            measurements={
                k: tuple(Measurement.from_json(m) for m in v) for k, v in data.get("measurements", {}).items()
            },
            events={k: tuple(Event.from_json(e) for e in v) for k, v in data.get("events", {}).items()},
        )

    @classmethod
    def from_json_lazily(cls, data: Mapping[str, Any]) -> PatientFacts:
        """``from_json``'s facts, each concept's measurements built when first read.

        For a trial's re-match, which reads 10,000 stored patients for one trial: a record holds
        ~16 measurements and ~2 events, and the trial's snapshot normalises the few measurements
        its criteria ask about (``snapshot``'s ``measured``). Building every one was ~80% of
        reading a patient's facts (bench/rematch.py's patients: from_json 2.9 s of CPU per
        30,000 reads, in-process on a loaded machine). Equal to ``from_json``'s facts, concept
        by concept (``tests/rules_engine/test_json.py``)."""
        return _built(
            cls,
            birth_date=_date_or_none(data.get("birth_date")),
            sex=data.get("sex"),
            measurements=_LazyMeasurements(data.get("measurements", {})),
            events={k: tuple(Event.from_json(e) for e in v) for k, v in data.get("events", {}).items()},
        )


def has_values(measurements: Mapping[str, tuple[Measurement, ...]], concept: str) -> bool:
    """Whether ``concept`` (a key of ``measurements``) holds a value, without building a lazily
    read concept's measurements (``rules_engine.focused`` builds only those a trial reads)."""
    if isinstance(measurements, _LazyMeasurements):
        return bool(measurements._keys[concept])
    return bool(measurements[concept])


class LazyMapping(Mapping[str, _T]):
    """A read-only mapping over a fixed key set, each value built on first read (``_make``) and
    kept; iterating keys builds nothing. The lazily decoded measurements below and the focused
    re-match snapshot's views (``rules_engine.focused``) are both this."""

    __slots__ = ("_keys", "_done")

    def __init__(self, keys: Mapping[str, Any]) -> None:
        self._keys = keys
        self._done: dict[str, _T] = {}

    def _make(self, key: str) -> _T:
        raise NotImplementedError

    def __getitem__(self, key: str) -> _T:
        found = self._done.get(key)
        if found is None:
            if key not in self._keys:
                raise KeyError(key)
            found = self._done[key] = self._make(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._keys else default

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


def held_names(names: tuple[str, ...], found: Mapping[str, Any] | frozenset[str]) -> list[str]:
    """``[c for c in names if c in found]``: the names ``found`` holds, in ``names``' order.

    Why: "another malignancy" asks ~38 member concepts of every record; each member was looked
    up in the snapshot's events (a ``LazyMapping``, whose ``__contains__`` is a Python call)
    two to five times a predicate, in its outcome, its reason and its change date. Measured
    in-process on bench/rematch.py's reopened trial (``bench/rematch_cpu.py``, cProfile):
    ~400,000 such calls over 9 chunks, ~13% of a chunk with the ``any`` walks around them.
    The key set is tested directly (a dict or set look-up in C) when the mapping is one whose
    keys are known; any other mapping is asked as before, so a recorder of what is read
    (``rules_engine.absent``) still sees every name. ``tests/rules_engine/test_held_names.py``
    pins the answers and the predicates built on it to the plain walks."""
    keys = found._keys if isinstance(found, LazyMapping) else found
    if type(keys) in _PLAIN_KEYS:
        return [c for c in names if c in keys]
    return [c for c in names if c in found]


_PLAIN_KEYS = (dict, frozenset, set)


class _LazyMeasurements(LazyMapping[tuple[Measurement, ...]]):
    """Concept -> measurements over their JSON, each concept's tuple decoded on first read."""

    __slots__ = ()

    def _make(self, concept: str) -> tuple[Measurement, ...]:
        return tuple(Measurement.from_json(m) for m in self._keys[concept])
