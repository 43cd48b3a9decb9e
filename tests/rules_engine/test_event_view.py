"""A recorded concept's event view read in one pass (``snapshot._event_view``) equals the plain
walk's (``_event_view_plain``) field by field, for records dated, undated, inactive, holding
other attributes, a quote, an empty quote or an ``ongoing`` flag, with and without a standing
condition's episodes."""

from __future__ import annotations

import itertools
import random
from dataclasses import fields
from datetime import date
from typing import Any

from rules_engine.facts import Event
from rules_engine.snapshot import EventView, _event_view, _event_view_plain

AS_OF = date(2026, 11, 22)
DATES = [None, date(2026, 10, 23), date(2026, 11, 22), date(2026, 12, 1), date(2020, 2, 29)]
ATTRIBUTES: list[dict[str, Any]] = [
    {},
    {"diagnosis": "b_all"},
    {"grade": 3},
    {"quote": "imatinib 400 mg"},
    {"quote": ""},
    {"quote": 7},
    {"ongoing": True},
    {"ongoing": False},
    {"quote": "Dasatinib", "ongoing": True},
]
EPISODES: list[frozenset[str | None] | None] = [None, frozenset(), frozenset({"r1"}), frozenset({None})]


def _same(events: tuple[Event, ...], episodes: frozenset[str | None] | None) -> None:
    fast, plain = _event_view("aml", events, AS_OF, episodes), _event_view_plain("aml", events, AS_OF, episodes)
    assert type(fast) is EventView
    for f in fields(EventView):
        a, b = getattr(fast, f.name), getattr(plain, f.name)
        assert (a, type(a)) == (b, type(b)), f.name
    assert fast == plain and hash(fast) == hash(plain)


def _event(day: date | None, active: bool, attributes: dict[str, Any], source: str | None) -> Event:
    return Event("aml", day, active, dict(attributes), source)


def test_one_record_of_every_kind():
    for day, active, attributes, source, episodes in itertools.product(
        DATES, (True, False), ATTRIBUTES, ("r1", None), EPISODES
    ):
        _same((_event(day, active, attributes, source),), episodes)


def test_no_record():
    for episodes in EPISODES:
        _same((), episodes)


def test_many_records_mixed():
    rng = random.Random(18)
    for _ in range(3000):
        events = tuple(
            _event(
                rng.choice(DATES),
                rng.random() < 0.7,
                rng.choice(ATTRIBUTES[:3] * 4 + ATTRIBUTES),
                rng.choice(("r1", "r2", None)),
            )
            for _ in range(rng.randint(1, 5))
        )
        _same(events, rng.choice(EPISODES))
