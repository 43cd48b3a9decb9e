"""Every word a reason says, for both evaluators (so they cannot drift apart in wording).

A reason quotes the patient's value as recorded (value, unit, date), its conversion when the
unit differs from the threshold's, and the threshold it was compared with; for a ULN multiple
it says which ULN was used (the lab's reference range or Eligo's default). Missing data says
what is missing; a derived fact quotes its chain (B-cell ALL -> ALL).
"""

from __future__ import annotations

from functools import lru_cache

from .concepts import CONCEPTS, MALIGNANCIES, Kind
from .criteria import Op, Predicate, Review, Window
from .derive import (
    ABSENT_IS_NONE,
    MEASURE_SOURCES,
    QUALIFIED_EVENTS,
    SEVERITY_GRADED,
    among,
    among_wider,
    excepted,
    lineage_unknown,
    open_beside,
    wider_record_decides,
    window_open_by_ancestor,
)
from .facts import held_names
from .outcome import Outcome
from .semantics import event_inside, on_record, predicate_outcome, supported
from .snapshot import EventView, MeasView, Snapshot, threshold, window_limit
from .units import UnitError

# The enum members read for each reason, read once: on Python 3.11 a member read off its class
# (``Op.IN``) is an attribute look-up through the enum's metaclass, ~1.1 us against ~0.3 us for a
# module name (timeit, machine under load), and a new patient's job words ~460 predicates' reasons
# with ~10 such reads each. The same objects: every ``is`` and ``==`` answers as before.
_MET, _NOT_MET, _UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
_IN, _IS, _BETWEEN = Op.IN, Op.IS, Op.BETWEEN
_PRESENT, _ABSENT, _WITHIN, _NOT_WITHIN = Op.PRESENT, Op.ABSENT, Op.WITHIN, Op.NOT_WITHIN
_EVENT = Kind.EVENT

SYMBOL = {Op.GT: ">", Op.GTE: "≥", Op.LT: "<", Op.LTE: "≤", Op.EQ: "=", Op.NEQ: "≠"}
NEGATED = {Op.GT: "≤", Op.GTE: "<", Op.LT: "≥", Op.LTE: ">", Op.EQ: "≠", Op.NEQ: "="}


def label(concept: str) -> str:
    spec = CONCEPTS.get(concept)
    return spec.label if spec else concept.replace("_", " ")


def num(value: float | str) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if value != int(value) else f"{int(value)}"
    return str(value)


_SPOKEN_UNITS = {"a": "years", "mo": "months", "wk": "weeks", "d": "days"}


def _unit(unit: str | None) -> str:
    return "" if unit in (None, "1", "") else f" {_SPOKEN_UNITS.get(unit, unit)}"


def window_text(window: Window) -> str:
    amount = num(float(window.amount))
    unit = window.unit if window.unit.endswith("s") else window.unit + "s"
    written = f"{amount} {unit[:-1] if amount == '1' else unit}"
    return f"{written} (its last day not counted)" if window.exclusive else written


def _quoted(view: EventView) -> str:
    """The record's own words (drug, dose, dates), when the intake kept them."""
    return f": {view.detail}" if view.detail else ""


def _chain(view: EventView) -> str:
    if view.chain is None:
        return f"{label(view.concept)} recorded" + (f" ({view.latest.isoformat()})" if view.latest else "") + _quoted(view)
    steps = view.chain.split(">")
    when = f" ({view.latest.isoformat()})" if view.latest else ""
    return f"{label(steps[0])} recorded{when}{_quoted(view)} → " + " → ".join(label(s) for s in steps[1:])


def _presence(concept: str, snap: Snapshot) -> str:
    view = snap.events.get(concept)
    if view is not None and view.active:
        return _chain(view)
    opened = open_beside(concept, snap.events)
    if opened is not None:
        return f"{_chain(snap.events[opened[0]])} beside {label(opened[1])}: may be {label(concept)}"
    ancestor = lineage_unknown(concept, snap.present)
    if ancestor is not None:
        return f"{_chain(snap.events[ancestor])} without its subtype: may be {label(concept)}"
    if view is not None:
        return f"{label(concept)} recorded but no longer active{_quoted(view)}"
    return f"no record of {label(concept)}"


def _threshold_text(pred: Predicate, m: MeasView | None) -> str:
    spec = CONCEPTS.get(pred.concept)
    unit = pred.unit if pred.unit is not None else (spec.unit if spec else None)
    if pred.op is _BETWEEN:
        low, high = pred.value
        return f"{num(float(low))}-{num(float(high))}{_unit(unit)}"
    if pred.uln:
        canonical = spec.unit if spec else None
        if m is None or m.uln is None:
            return f"{num(float(pred.value))} × ULN"
        source = "lab ULN" if m.uln_source == "lab" else "Eligo's default ULN"
        limit = float(pred.value) * m.uln
        return f"{num(float(pred.value))} × {source} {num(m.uln)} = {num(limit)}{_unit(canonical)}"
    return f"{num(float(pred.value))}{_unit(unit)}"


def _observed(m: MeasView) -> str:
    spec = CONCEPTS.get(m.concept)
    when = f" ({m.date.isoformat()})" if m.date else " (undated)"
    if m.via is not None and m.via_value is not None:
        shown = "–".join(num(v) for v in m.values)
        dated = f", {m.date.isoformat()}" if m.date else ""
        how = "as" if m.concept in MEASURE_SOURCES else "converted from"  # a function read off one of its tests
        return f"{label(m.concept)} {shown} ({how} {label(m.via)} {num(m.via_value)}{dated})"
    text = f"{label(m.concept)} {m.raw_value}{_unit(m.raw_unit)}{when}"
    canonical = spec.unit if spec else None
    if m.values and m.raw_unit not in (None, canonical) and m.raw_unit != "" and canonical is not None:
        text += f" = {num(m.values[0])}{_unit(canonical)}"
    return text


def _compare(pred: Predicate, outcome: Outcome, subject: str, m: MeasView | None) -> str:
    if pred.op is _BETWEEN:
        verb = "is within" if outcome is _MET else "is not within" if outcome is _NOT_MET else "vs"
        return f"{subject} {verb} {_threshold_text(pred, m)}"
    if outcome is _UNKNOWN:
        return f"{subject}: cannot tell whether {SYMBOL[pred.op]} {_threshold_text(pred, m)}"
    symbol = SYMBOL[pred.op] if outcome is _MET else NEGATED[pred.op]
    return f"{subject} {symbol} {_threshold_text(pred, m)}"


def _measurement(pred: Predicate, outcome: Outcome, snap: Snapshot) -> str:
    m = snap.measurements.get(pred.concept)
    name = label(pred.concept)
    if pred.op in (_PRESENT, _ABSENT):  # the scale's own value on record (derive.ON_RECORD_MEASURES)
        if m is not None and on_record(m):
            return f"{_observed(m)} on record"
        return f"no {name} of its own on record" + (f": {_observed(m)}" if m is not None else "")
    if m is None:
        return f"no {name} on record"
    if pred.concept in QUALIFIED_EVENTS:
        return _qualified(pred, m)
    if pred.concept in SEVERITY_GRADED:
        return _severity_graded(pred, m)
    if pred.concept in ABSENT_IS_NONE and m.date is None and m.values == (0.0,):
        return _compare(pred, outcome, f"no {name.split(',')[0]} on record: grade 0", m)
    if pred.concept == "relapse_count" and m.date is None and m.values == (0.0,):  # snapshot.relapse_count
        return _compare(pred, outcome, "no relapse on record: 0 relapses", m)
    if pred.window is not None and outcome is _UNKNOWN:
        elapsed = m.dd
        if elapsed is None:
            return f"{_observed(m)} has no date; it must be within {window_text(pred.window)}"
        field, limit = window_limit(pred.window)
        elapsed = m.dd if field == "dd" else m.mo
        if elapsed is not None and elapsed > limit:
            return f"most recent {_observed(m)} is older than {window_text(pred.window)}"
    if m.error is not None:
        return f"{_observed(m)} cannot be compared: {m.error}"
    if pred.op is _IS:
        if m.word is None:
            return f"{_observed(m)} is not a positive/negative result"
        verdict = "" if outcome is _MET else f", not {pred.value}"
        when = f" ({m.date.isoformat()})" if m.date else ""
        return f"{name} {m.word}{when}{verdict}"
    if pred.uln and m.ratio is None:
        return f"{_observed(m)}: no upper limit of normal to compare with"
    if not m.values:
        return f"{_observed(m)} is not a number"
    try:
        threshold(pred)
    except UnitError as exc:
        return f"the threshold's unit cannot be compared with {name}: {exc}"
    return _compare(pred, outcome, _observed(m), m)


def _qualified(pred: Predicate, m: MeasView) -> str:
    """A qualifier coded on an event (derive.QUALIFIED_EVENTS), in the record's terms."""
    concept, attribute, wanted = QUALIFIED_EVENTS[pred.concept]
    when = f" ({m.date.isoformat()})" if m.date else ""
    if m.word == "positive":
        return f"{label(concept)} on record{when} with {attribute} {wanted}"
    if m.word is None:
        return f"{label(concept)} on record{when} without its {attribute}: may be {wanted}"
    if m.raw_value == "absent":
        return f"no record of {label(concept)}"
    return f"{label(concept)} on record{when} with a {attribute} other than {wanted}"


def _severity_graded(pred: Predicate, m: MeasView) -> str:
    """A grade floor asked of an event (derive.SEVERITY_GRADED), in the record's terms: the
    severity it codes and the CTCAE grades that severity names."""
    event, floor = SEVERITY_GRADED[pred.concept]
    when = f" ({m.date.isoformat()})" if m.date else ""
    if m.raw_value == "absent":
        return f"no record of {label(event)}"
    if m.word == "positive":
        return f"{label(event)} on record{when} charted at a severity of CTCAE grade {floor} or higher"
    if m.word is None:
        return f"{label(event)} on record{when} without a severity that says whether it reaches CTCAE grade {floor}"
    return f"{label(event)} on record{when} charted at a severity below CTCAE grade {floor}"


def predicate_reason(pred: Predicate, outcome: Outcome, snap: Snapshot) -> str:
    if not supported(pred):
        if pred.op is not _IN and pred.concept not in CONCEPTS:
            return f"{pred.concept!r} is not a concept Eligo knows"
        return f"cannot evaluate {pred.op.value} on {label(pred.concept)}"
    if pred.op is _IN:
        names = " or ".join(label(v) for v in pred.value)
        if outcome is _NOT_MET:
            return f"no record of {names}"
        wanted = _MET if outcome is _MET else _UNKNOWN
        for value in pred.value:
            single = Predicate(value, _PRESENT)
            if predicate_outcome(single, snap) is wanted:
                return _presence(value, snap)
        return names
    if pred.concept == "age":
        if snap.age is None:
            return "no birth date on record"
        return _compare(pred, outcome, f"age {snap.age} on {snap.as_of.isoformat()}", None)
    if pred.concept == "sex":
        if snap.sex is None:
            return "no sex on record"
        return f"sex {snap.sex}" + ("" if snap.sex == str(pred.value).lower() else f", not {pred.value}")
    spec = CONCEPTS[pred.concept]
    group = among(pred.concept, pred.value)
    if group is not None:
        return _among(pred, snap, group)
    narrowed = excepted(pred.concept, pred.value)
    if narrowed is not None:
        return _excepted(pred, outcome, snap, narrowed)
    if spec.kind is _EVENT and pred.op is _IS:  # a named product (derive.NAMED_PRODUCT)
        view = snap.events.get(pred.concept)
        if view is None or not view.active:
            return _presence(pred.concept, snap)
        recorded = "; ".join(view.quotes) or "named no substance"
        if pred.window is not None:  # each of the product's records by its own date
            span = f"within {window_text(pred.window)} before {snap.as_of.isoformat()}"
            if outcome is _MET:
                return f"{label(pred.concept)} on record ({recorded}): names {pred.value} {span}"
            if outcome is _UNKNOWN:
                return f"{label(pred.concept)} on record ({recorded}): a record of it is undated or names no substance; may be {pred.value} {span}"
            return f"{label(pred.concept)} on record ({recorded}): no {pred.value} {span}"
        if outcome is _MET:
            return f"{label(pred.concept)} on record ({recorded}): names {pred.value}"
        if outcome is _UNKNOWN:
            return f"{label(pred.concept)} on record ({recorded}): a record names no substance; may be {pred.value}"
        return f"{label(pred.concept)} on record ({recorded}): not {pred.value}"
    if spec.kind is _EVENT:
        if pred.op in (_PRESENT, _ABSENT):
            return _presence(pred.concept, snap)
        view = snap.events.get(pred.concept)
        assert pred.window is not None, "supported() lets only a windowed event through here"
        span = f"{window_text(pred.window)} before {snap.as_of.isoformat()}"
        field, limit = window_limit(pred.window)
        ancestor = window_open_by_ancestor(pred.concept, snap.events, lambda c: event_inside(snap.events[c], field, limit))
        if view is None and ancestor is not None:
            return f"{_chain(snap.events[ancestor])} without its subtype: may be {label(pred.concept)} within {span}"
        if view is None:
            return f"no record of {label(pred.concept)}"
        if view.latest is None:
            return f"{label(pred.concept)} recorded without a date{_quoted(view)}"
        inside = outcome is _MET if pred.op is _WITHIN else outcome is _NOT_MET
        where = "within" if inside else "not within"
        return f"{label(pred.concept)} last on {view.latest.isoformat()}, {where} {span}{_quoted(view)}"
    return _measurement(pred, outcome, snap)


def _among(pred: Predicate, snap: Snapshot, group: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """Which recorded malignancy decided (or left it open), and which did not count."""
    counted, uncertain = group
    own = " or ".join(label(v) for v in pred.value) if pred.value else ""
    windowed = pred.window is not None and pred.op in (_WITHIN, _NOT_WITHIN)
    field, limit = window_limit(pred.window) if windowed and pred.window else ("dd", 0.0)
    span = f" within {window_text(pred.window)} before {snap.as_of.isoformat()}" if windowed and pred.window else ""

    def counts(view: EventView) -> bool:
        return event_inside(view, field, limit) if windowed else view.active

    events = snap.events

    def recorded(names: tuple[str, ...]) -> list[EventView]:
        # recorded views only: a derived parent (solid tumor) repeats the record it came from
        return [view for c in held_names(names, events) if (view := events[c]).recorded]

    found = [_chain(v) for v in recorded(counted) if counts(v)]
    if found:
        return "; ".join(found) + span + (f" (not {own})" if own else "")
    # a wider member's own record (``derive.among_wider``) may be what the line sets apart, or not
    wider = [v for c in among_wider(pred.concept, pred.value) if (v := snap.recorded_events.get(c)) is not None and counts(v)]
    if wider:
        return "; ".join(_chain(v) for v in wider) + span + f": may be {own} under a wider name, or another malignancy"
    maybe = [_chain(v) for v in recorded(uncertain) if counts(v)]
    if maybe:
        return "; ".join(maybe) + span + ": the trial's own disease is not known, so this may be it"
    older = [_chain(v) for v in recorded(counted) if not counts(v)]
    outside = f"; {'; '.join(older)}: {'not' if windowed else 'no longer'} active{span}" if older else ""
    if windowed:
        outside = f"; {'; '.join(older)}: not{span}" if older else ""
    own_records = [label(c) for c in held_names(MALIGNANCIES, events) if c not in counted and events[c].recorded]
    mine = f"; {', '.join(own_records)} recorded: the trial's own disease or an exception" if own_records and own else ""
    if own:
        return f"no record of a malignancy other than {own}{span}{outside}{mine}"
    return f"no record of another malignancy{span}{outside}"


def _excepted(pred: Predicate, outcome: Outcome, snap: Snapshot, group: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """Which record of the event decided, or left it open, and that the excepted kinds do not
    count (``derive.excepted``)."""
    counted, wider = group
    what = f"{label(pred.concept)} other than {' or '.join(label(v) for v in pred.value)}"
    windowed = pred.op in (_WITHIN, _NOT_WITHIN) and pred.window is not None
    field, limit = window_limit(pred.window) if windowed and pred.window else ("dd", 0.0)
    span = f" within {window_text(pred.window)} before {snap.as_of.isoformat()}" if windowed and pred.window else ""

    def counts(view: EventView) -> bool:
        return event_inside(view, field, limit) if windowed else view.active

    held = snap.events if windowed else snap.present
    own_views = {c: v for c, v in ((c, snap.recorded_events.get(c)) for c in wider) if v is not None and counts(v)}
    found = [_chain(v) for v in (snap.events.get(c) for c in counted) if v is not None and v.recorded and counts(v)]
    found += [_chain(v) for c, v in own_views.items() if wider_record_decides(c, held)]
    decided = outcome is _MET if pred.op in (_PRESENT, _WITHIN) else outcome is _NOT_MET
    skipped = [label(c) for c in pred.value if c in snap.events and snap.events[c].recorded]
    but = f" ({', '.join(skipped)} recorded: excepted)" if skipped else ""
    if found and decided:
        return "; ".join(found) + span + (but or f"; no record of {' or '.join(label(v) for v in pred.value)}")
    own = [_chain(v) for c, v in own_views.items() if not wider_record_decides(c, held)]
    if found or own:
        return "; ".join(found + own) + span + f": may be the excepted kind, not {what}"
    if outcome is _UNKNOWN:
        opened = open_beside(pred.concept, snap.events, pred.value)
        if opened is not None:
            return f"{_chain(snap.events[opened[0]])} beside {label(opened[1])}: may be {what}"
        return f"no record of {what}{span}{but}, but a wider record may be it"
    return f"no record of {what}{span}{but}"


NO_REQUIREMENT_REASON = "no requirement: the registry states none for this line"


@lru_cache(maxsize=65536)
def review_reason(node: Review) -> str:
    words = {
        "judgement": "investigator's judgement",
        "consent": "consent or willingness",
        "unsupported_concept": "not in Eligo's concepts",
        "ambiguous": "ambiguous wording",
        "unparsed": "not structured",
    }
    text = f": {node.text}" if node.text else ""
    return f"needs review ({words.get(node.reason.value, node.reason.value)}){text}"


def not_applicable(reason: str) -> str:
    return f"not applicable: {reason}"
