"""Where the resource readers put what they read: measurements and events kept with their
sort keys (most recent first, bundle order on ties), dated after the evaluation date left out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from rules_engine.facts import Event, Measurement, PatientFacts

from .codes import CodeTables
from .values import SORT_MIN


class Collector:
    def __init__(self, codes: CodeTables, as_of: date | None) -> None:
        self.codes = codes
        self.as_of = as_of
        self.measurements: dict[str, list[tuple[datetime, int, Measurement]]] = {}
        self.events: dict[str, list[tuple[datetime, int, Event]]] = {}
        self.ignored: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []
        self.order = 0
        self.medications: dict[str, dict[str, Any]] = {}  # Medication resources by reference key
        # a solid tumour's stated status, kept until the whole record is read (normalise.py)
        self.solid_statuses: list[tuple[str, datetime | None, Event]] = []
        self.blood_cancer = False

    # -- collecting ---------------------------------------------------------------------------

    def _keep(self, path: str, when: date | None) -> bool:
        if self.as_of is not None and when is not None and when > self.as_of:
            self.ignored.append((path, "dated after the evaluation date"))
            return False
        return True

    def measurement(self, path: str, key: datetime | None, m: Measurement) -> None:
        if self._keep(path, m.date):
            self.order += 1
            self.measurements.setdefault(m.concept, []).append((key or SORT_MIN, -self.order, m))

    def event(self, path: str, key: datetime | None, e: Event) -> None:
        if self._keep(path, e.date):
            self.order += 1
            self.events.setdefault(e.concept, []).append((key or SORT_MIN, -self.order, e))

    def facts(self, birth_date: date | None, sex: str | None) -> PatientFacts:
        # most recent first; same instant: bundle order
        def ordered(items: list[tuple[datetime, int, Any]]) -> tuple[Any, ...]:
            return tuple(x[2] for x in sorted(items, key=lambda x: (x[0], x[1]), reverse=True))

        return PatientFacts(
            birth_date=birth_date,
            sex=sex,
            measurements={k: ordered(v) for k, v in self.measurements.items()},
            events={k: ordered(v) for k, v in self.events.items()},
        )

