"""Predicate semantics both evaluators share: which predicates are decidable, how a value
meets a bound, one predicate's outcome on a snapshot (what the reference evaluator and the
reasons both ask), and when an outcome would change with time alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from .concepts import CONCEPTS, Kind
from .criteria import HISTORY_OPS, NUMERIC_OPS, Op, Predicate
from .derive import (
    AMONG,
    NAMED_PRODUCT,
    ON_RECORD_MEASURES,
    among,
    among_wider,
    excepted,
    lineage_unknown,
    named_inside,
    names_product,
    product_words,
    wider_record_decides,
    window_open_by_ancestor,
)
from .facts import held_names
from .outcome import Outcome
from .snapshot import NUMERIC_COMPARE, EventView, MeasView, Snapshot, threshold, window_end, window_limit
from .units import UnitError

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


@lru_cache(maxsize=65536)
def supported(pred: Predicate) -> bool:
    """Whether the predicate's operator fits its concept's kind; anything else is unknown.
    (Cached: asked twice per predicate per patient, and it depends on the predicate alone.)"""
    if pred.op is Op.IN:
        return isinstance(pred.value, tuple) and all(
            v in CONCEPTS and CONCEPTS[v].kind is Kind.EVENT for v in pred.value
        )
    spec = CONCEPTS.get(pred.concept)
    if spec is None:
        return False
    if pred.concept in AMONG and pred.value is not None:
        if not isinstance(pred.value, tuple) or not all(isinstance(v, str) and v in CONCEPTS for v in pred.value):
            return False
    if pred.concept == "age":
        return _numeric_ok(pred)
    if pred.concept == "sex":
        return pred.op in (Op.IS, Op.EQ, Op.NEQ) and isinstance(pred.value, str)
    if spec.kind is Kind.EVENT and pred.op is Op.IS:
        return pred.concept in NAMED_PRODUCT and isinstance(pred.value, str) and bool(product_words(pred.value))
    if spec.kind is Kind.EVENT:
        if pred.value is not None and pred.concept not in AMONG and excepted(pred.concept, pred.value) is None:
            return False  # an exception that is no kind of the event: nothing a record can decide
        return pred.op in HISTORY_OPS and (pred.op in (Op.PRESENT, Op.ABSENT) or pred.window is not None)
    if pred.op in (Op.PRESENT, Op.ABSENT):
        # a scale's own value on record (derive.ON_RECORD_MEASURES)
        return pred.concept in ON_RECORD_MEASURES and pred.value is None and pred.window is None and not pred.uln
    if pred.op is Op.IS:
        return isinstance(pred.value, str)
    return _numeric_ok(pred)


def _numeric_ok(pred: Predicate) -> bool:
    if pred.op not in NUMERIC_OPS or pred.value is None:
        return False
    if pred.op is Op.BETWEEN:
        return isinstance(pred.value, tuple) and len(pred.value) == 2
    return isinstance(pred.value, (int, float)) and not isinstance(pred.value, bool)


def satisfies(pred: Predicate, value: float, bound: tuple[float, ...]) -> bool:
    if pred.op is Op.BETWEEN:
        low, high = bound
        above = value >= low if pred.low_inclusive else value > low
        below = value <= high if pred.high_inclusive else value < high
        return above and below
    return NUMERIC_COMPARE[pred.op](value, bound[0])


def numeric_outcome(pred: Predicate, values: tuple[float, ...]) -> Outcome:
    try:
        bound = threshold(pred)
    except UnitError:
        return UNKNOWN
    verdicts = {satisfies(pred, v, bound) for v in values}
    if verdicts == {True}:
        return MET
    if verdicts == {False}:
        return NOT_MET
    return UNKNOWN


def flip(outcome: Outcome) -> Outcome:
    return {MET: NOT_MET, NOT_MET: MET}.get(outcome, UNKNOWN)


def snap_word(pred: Predicate, word: str | None) -> Outcome:
    if word is None:
        return UNKNOWN
    return MET if word == str(pred.value).strip().lower() else NOT_MET


def changes_on(pred: Predicate, snap: Snapshot, outcome: Outcome) -> date | None:
    """The date this predicate's outcome would change with time alone, if it would."""
    if not supported(pred):
        return None
    if pred.concept == "age" and snap.age is not None and pred.op is not Op.IS:
        if numeric_outcome(pred, (float(snap.age + 1),)) is not outcome:
            return snap.next_birthday()
        return None
    if pred.window is None:
        return None
    spec = CONCEPTS.get(pred.concept)
    if spec is not None and spec.kind is Kind.EVENT and pred.op is Op.IS:
        # a named product within a window: its own latest record, never another drug's
        view = snap.events.get(pred.concept)
        ages = [dd for q, dd, _mo in (view.quote_times if view is not None else ()) if dd is not None and names_product((q,), str(pred.value))]
        start = snap.as_of - timedelta(days=min(ages)) if ages else None
    elif spec is not None and spec.kind is Kind.EVENT:
        group = among(pred.concept, pred.value) or excepted(pred.concept, pred.value)
        # a parent recorded without its subtype holds the window open too (window_open_by_ancestor)
        ancestor = lineage_unknown(pred.concept, snap.events) if group is None else None
        names = group[0] + group[1] + among_wider(pred.concept, pred.value) if group is not None else (pred.concept,) + ((ancestor,) if ancestor else ())
        events = snap.events
        starts = [v.latest for c in held_names(names, events) if (v := events[c]).latest is not None]
        start = max(starts) if starts else None
    else:
        m = snap.measurements.get(pred.concept)
        start = None if m is None else m.date
    if start is None:
        return None
    end = window_end(start, pred.window)
    return end + timedelta(days=1) if end >= snap.as_of else None




def among_outcome(pred: Predicate, snap: Snapshot) -> Outcome | None:
    """A concept asked among others ("another malignancy"): met when a member that decides is
    on record (present, or inside the window), unknown when only an undecided or undated one
    is, else not met; None when the predicate's concept is not asked that way."""
    group = among(pred.concept, pred.value)
    if group is None:
        return None
    counted, uncertain = group
    wider = among_wider(pred.concept, pred.value)
    # only the members the record holds can hit or be undated (``held_names``: the walk over
    # all ~38 members, each looked up in the events, was most of this function's cost)
    if pred.op in (Op.PRESENT, Op.ABSENT):
        present = snap.present
        if held_names(counted, present):
            result = MET
        elif held_names(uncertain, present) or any(_own_record(c, snap) for c in wider):
            result = UNKNOWN
        else:
            result = NOT_MET
        return result if pred.op is Op.PRESENT else flip(result)
    assert pred.window is not None, "supported() lets a windowed event through only with its window"
    field, limit = window_limit(pred.window)
    events = snap.events
    held = held_names(counted, events)
    if any(event_dated_inside(events[c], field, limit) for c in held):
        result = MET
    elif any(events[c].undated for c in held) or any(
        event_inside(events[c], field, limit) for c in held_names(uncertain, events)
    ) or any(event_inside(v, field, limit) for c in wider if (v := snap.recorded_events.get(c)) is not None):
        result = UNKNOWN
    else:
        result = NOT_MET
    return result if pred.op is Op.WITHIN else flip(result)


def excepted_outcome(pred: Predicate, snap: Snapshot) -> Outcome | None:
    """An event asked with kinds of it excepted (``derive.excepted``): met when a kind that
    decides is on record (active, or inside the window), or a wider concept's own record that
    decides (``derive.wider_record_decides``); unknown when a wider concept's own record may be
    the excepted kind, an undated record of a deciding kind is and the line asks for a window,
    or an ancestor without its subtype may be the event; else not met. None when the predicate
    excepts nothing."""
    group = excepted(pred.concept, pred.value)
    if group is None:
        return None
    counted, wider = group
    if pred.op in (Op.PRESENT, Op.ABSENT):
        own = [c for c in wider if _own_record(c, snap)]
        if held_names(counted, snap.present) or any(wider_record_decides(c, snap.present) for c in own):
            result = MET
        elif own or lineage_unknown(pred.concept, snap.present, snap.events, pred.value):
            result = UNKNOWN
        else:
            result = NOT_MET
        return result if pred.op is Op.PRESENT else flip(result)
    assert pred.window is not None, "supported() lets a windowed event through only with its window"
    field, limit = window_limit(pred.window)
    events = snap.events
    views = [events[c] for c in held_names(counted, events)]
    own_views = {c: v for c, v in ((c, snap.recorded_events.get(c)) for c in wider) if v is not None}
    if any(event_dated_inside(v, field, limit) for v in views) or any(
        event_dated_inside(v, field, limit) and wider_record_decides(c, snap.events) for c, v in own_views.items()
    ):
        result = MET
    elif (any(v.undated for v in views) or any(event_inside(v, field, limit) for v in own_views.values())
          or window_open_by_ancestor(pred.concept, snap.events, lambda c: event_inside(snap.events[c], field, limit), pred.value)):
        result = UNKNOWN
    else:
        result = NOT_MET
    return result if pred.op is Op.WITHIN else flip(result)


def _own_record(concept: str, snap: Snapshot) -> bool:
    """An active record of the concept itself, not one derived from a kind of it."""
    view = snap.recorded_events.get(concept)
    return view is not None and view.active


def product_outcome(pred: Predicate, snap: Snapshot) -> Outcome:
    """A history concept asked of a named product (``derive.NAMED_PRODUCT``): its records
    compared by their own words."""
    presence = _present(pred.concept, snap)
    if presence is not MET:
        return presence
    view = snap.events.get(pred.concept)
    if view is None:
        return UNKNOWN
    if pred.window is not None:
        # "imatinib within 1 week": the product's own records, each by its own date
        inside = named_inside(view.quote_times, str(pred.value), *window_limit(pred.window))
        if inside is not False:
            return MET if inside else UNKNOWN
    elif names_product(view.quotes, str(pred.value)):
        return MET
    return UNKNOWN if view.unquoted else NOT_MET


def event_dated_inside(view: EventView, field: str, limit: float) -> bool:
    """A record dated inside a window (``field`` and ``limit`` from ``window_limit``): the one
    test of "inside" every windowed event outcome and reason asks."""
    elapsed = view.dd if field == "dd" else view.mo
    return elapsed is not None and elapsed <= limit


def event_inside(view: EventView, field: str, limit: float) -> bool:
    """A record that may fall inside a window: dated inside it, or undated."""
    return view.undated or event_dated_inside(view, field, limit)


def _present(concept: str, snap: Snapshot) -> Outcome:
    if concept in snap.present:
        return MET
    return UNKNOWN if lineage_unknown(concept, snap.present, snap.events) else NOT_MET


def on_record(m: MeasView | None) -> bool:
    """A measurement the record itself holds, not a score converted from another scale: what
    ``PRESENT`` of a measurement asks (the durable path: a fact of kind ``rec``)."""
    return m is not None and m.via is None


def predicate_outcome(pred: Predicate, snap: Snapshot) -> Outcome:
    """One predicate on a snapshot, in plain Python: the reference evaluator's answer, and what
    the reasons ask to name which of several alternatives decided a line."""
    if not supported(pred):
        return UNKNOWN
    if pred.op is Op.IN:
        found = {_present(v, snap) for v in pred.value}
        return MET if MET in found else UNKNOWN if UNKNOWN in found else NOT_MET
    if pred.concept == "age":
        if snap.age is None:
            return UNKNOWN
        return numeric_outcome(pred, (float(snap.age),))
    if pred.concept == "sex":
        if snap.sex is None:
            return UNKNOWN
        same = snap.sex == str(pred.value).lower()
        return MET if same == (pred.op is not Op.NEQ) else NOT_MET
    spec = CONCEPTS[pred.concept]
    grouped = among_outcome(pred, snap)
    if grouped is not None:
        return grouped
    narrowed = excepted_outcome(pred, snap)
    if narrowed is not None:
        return narrowed
    if spec.kind is Kind.EVENT and pred.op is Op.IS:
        return product_outcome(pred, snap)
    if spec.kind is Kind.EVENT:
        if pred.op in (Op.PRESENT, Op.ABSENT):
            result = _present(pred.concept, snap)
            return result if pred.op is Op.PRESENT else flip(result)
        assert pred.window is not None, "supported() lets an event through with a window or none needed"
        field, limit = window_limit(pred.window)
        view = snap.events.get(pred.concept)
        if view is not None and event_dated_inside(view, field, limit):
            result = MET
        elif (view is not None and view.undated) or window_open_by_ancestor(
            pred.concept, snap.events, lambda c: event_inside(snap.events[c], field, limit)
        ):
            result = UNKNOWN
        else:
            result = NOT_MET
        return result if pred.op is Op.WITHIN else flip(result)
    m = snap.measurements.get(pred.concept)
    if pred.op in (Op.PRESENT, Op.ABSENT):
        result = MET if on_record(m) else NOT_MET
        return result if pred.op is Op.PRESENT else flip(result)
    if m is None:
        return UNKNOWN
    if pred.window is not None:
        field, limit = window_limit(pred.window)
        elapsed = m.dd if field == "dd" else m.mo
        if elapsed is None or elapsed > limit:
            return UNKNOWN
    if pred.op is Op.IS:
        return snap_word(pred, m.word)
    if pred.uln:
        return UNKNOWN if m.ratio is None else numeric_outcome(pred, (m.ratio,))
    return numeric_outcome(pred, m.values) if m.values else UNKNOWN


def decider(snap: Snapshot) -> Callable[[Predicate], Outcome]:
    """``predicate_outcome`` on ``snap``, each predicate decided once: a pure function of the
    two, asked again by a line's judgement and its time-alone date, and trials repeat predicates."""
    decided: dict[Predicate, Outcome] = {}

    def decide(pred: Predicate) -> Outcome:
        found = decided.get(pred)
        if found is None:
            found = decided[pred] = predicate_outcome(pred, snap)
        return found

    return decide
