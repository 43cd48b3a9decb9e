"""A patient's facts normalised for one evaluation date: the numbers both evaluators compare.

Normalising once, in one place, is what lets the durable path and the reference agree to the
last decimal: values are converted to the catalogue's canonical units and rounded to
``DECIMALS`` places (so 1.8 mg/dL against 1.5 x ULN 1.2 is exactly on the bound, not a float
hair above it), ages are whole years, and elapsed time since a dated item is counted in days
and in calendar months. A unit that cannot be converted is kept as an error for the reason,
never raised.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from .concepts import CONCEPTS, MALIGNANCIES, Kind, related
from .criteria import Op, Predicate, Window
from .derive import (
    ABSENT_IS_NONE,
    EVENT_IMPLIES,
    GRADED_EVENTS,
    LATEST_QUALIFIED,
    MEASURE_SOURCES,
    POSITIVE_TEST_IMPLIES,
    QUALIFIED_EVENTS,
    SEVERITY_GRADE_RANGE,
    SEVERITY_GRADED,
    convert_performance,
    kinds_of,
    measure_source,
    performance_source,
)
from .facts import Event, Measurement, PatientFacts, _built
from .standing import standing_sources
from .units import UnitError, convert

DECIMALS = 9

_POSITIVE = {"positive", "pos", "detected", "reactive", "present", "+"}
_NEGATIVE = {"negative", "neg", "not detected", "undetected", "non-reactive", "nonreactive", "absent", "-"}


def number(value: float) -> float:
    return round(float(value), DECIMALS)


def add_months(day: date, months: int) -> date:
    """``day`` plus calendar months, the day clamped to the month's last (as relativedelta
    does: 31 January + 1 month is 28 or 29 February). Plain arithmetic: this runs for every
    dated fact of every patient evaluated, and relativedelta was a fifth of an evaluation."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month0 + 1, min(day.day, _month_length(year, month0 + 1)))


@lru_cache(maxsize=4096)
def _month_length(year: int, month: int) -> int:
    return monthrange(year, month)[1]  # cached: monthrange also works out a weekday each call


def elapsed_months(start: date, end: date) -> float:
    """Calendar months from ``start`` to ``end``: whole months, plus the fraction of the next.

    ``elapsed_months(s, e) <= n`` holds exactly when ``s + n months >= e``, which is how a
    window of n months is read ("within 3 months" of 2026-08-22 runs to 2026-11-22).
    """
    if end <= start:
        return -float((start - end).days)
    whole = (end.year - start.year) * 12 + (end.month - start.month)
    while add_months(start, whole) > end:
        whole -= 1
    base = add_months(start, whole)
    following = add_months(start, whole + 1)
    return number(whole + (end - base).days / (following - base).days)


# How far short of its bound an exclusive window ends: elapsed time is whole days (``dd``) or
# calendar months with a fraction of at least 1/31 a day (``mo``), so every time short of the bound
# is at most the bound less 1/31 and the bound itself is outside; one comparison (``<=``) then
# serves both kinds of window in both evaluators, and ``window_end`` finds the day before
_OPEN_END = 1e-6


def window_limit(window: Window) -> tuple[str, float]:
    """The elapsed-time field (``dd`` days, ``mo`` months) and the bound a window sets on it: a
    record is inside when its elapsed time is at most the bound (an exclusive window's bound is
    just short of its amount, ``_OPEN_END``)."""
    unit = window.unit.rstrip("s")
    short = _OPEN_END if window.exclusive else 0.0
    if unit == "day":
        return "dd", number(window.amount - short)
    if unit == "week":
        return "dd", number(window.amount * 7 - short)
    if unit == "month":
        return "mo", number(window.amount - short)
    if unit == "year":
        return "mo", number(window.amount * 12 - short)
    raise ValueError(f"unknown window unit {window.unit!r}")


def window_end(start: date, window: Window) -> date:
    """The last day a window opened on ``start`` still covers."""
    field, limit = window_limit(window)
    if field == "dd":
        return start + timedelta(days=int(limit))
    whole = int(limit)
    end = add_months(start, whole)
    if limit != whole:  # a fractional month: count its days in the following month
        following = add_months(start, whole + 1)
        end += timedelta(days=int((following - end).days * (limit - whole)))
    return end


@lru_cache(maxsize=65536)
def threshold(pred: Predicate) -> tuple[float, ...]:
    """The predicate's bound(s) in the concept's canonical unit (a ULN multiple is unitless).

    Raises ``UnitError`` for a threshold unit that does not fit the concept.
    """
    raw = pred.value if isinstance(pred.value, tuple) else (pred.value,)
    if pred.uln or pred.concept not in CONCEPTS:
        return tuple(number(v) for v in raw)
    target = CONCEPTS[pred.concept].unit
    unit = pred.unit if pred.unit is not None else target
    return tuple(number(convert(float(v), unit, target, pred.concept)) for v in raw)


def qualitative_word(value: float | str) -> str | None:
    """``positive`` / ``negative`` from a word, or from a quantity (above zero is positive)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "positive" if value > 0 else "negative"
    text = str(value).strip().lower()
    if text in _POSITIVE:
        return "positive"
    if text in _NEGATIVE:
        return "negative"
    return text or None


@dataclass(frozen=True)
class MeasView:
    """The measurement that counts for one concept, in canonical units.

    ``values`` holds one number, or the two ends of a band for a converted performance score;
    it is empty when the value is not a number or its unit could not be converted (``error``).
    """

    concept: str
    values: tuple[float, ...]
    word: str | None
    ratio: float | None  # value / ULN
    uln: float | None
    uln_source: str | None  # "lab" | "default"
    date: date | None
    dd: float | None
    mo: float | None
    raw_value: float | str
    raw_unit: str | None
    error: str | None = None
    via: str | None = None  # the recorded scale a converted score came from
    via_value: float | str | None = None


@dataclass(frozen=True)
class EventView:
    """Everything recorded (or derived) about one history concept, merged."""

    concept: str
    active: bool
    latest: date | None
    dd: float | None
    mo: float | None
    undated: bool
    chain: str | None = None  # "b_all>all": how a derived concept was reached; None if recorded
    recorded: bool = True
    detail: str | None = None  # the latest record's own words (drug, dose, dates), for the reason
    # every active record's own words, lower-cased, and whether an active record has none: a
    # line naming a product ("hypersensitivity to lenalidomide") compares them (derive.names_product)
    quotes: tuple[str, ...] = ()
    unquoted: bool = False
    # each active quoted record's words with its own elapsed days and months (None when undated):
    # a line naming a product within a window ("imatinib within 1 week") dates that product's
    # records, not the concept's latest one (another drug's) (derive.named_inside)
    quote_times: tuple[tuple[str, float | None, float | None], ...] = ()


@dataclass(frozen=True)
class Snapshot:
    as_of: date
    birth_date: date | None
    age: int | None
    sex: str | None
    measurements: Mapping[str, MeasView]
    events: Mapping[str, EventView]  # recorded and derived
    recorded_events: Mapping[str, EventView]
    present: frozenset[str]  # event concepts with an active record, recorded or derived

    def next_birthday(self) -> date | None:
        if self.birth_date is None:
            return None
        year = self.as_of.year
        for candidate_year in (year, year + 1):
            try:
                candidate = self.birth_date.replace(year=candidate_year)
            except ValueError:  # 29 February
                candidate = date(candidate_year, 3, 1)
            if candidate > self.as_of:
                return candidate
        return None


def snapshot_of(
    facts: PatientFacts, as_of: date, measurements: Mapping[str, MeasView], events: Mapping[str, EventView],
    recorded_events: Mapping[str, EventView], present: frozenset[str],
) -> Snapshot:
    """The person's part of a snapshot (birth date, age, sex) read one way, beside the views
    ``snapshot`` or the focused re-match snapshot built."""
    return Snapshot(
        as_of=as_of, birth_date=facts.birth_date, age=facts.age_on(as_of), sex=(facts.sex or "").lower() or None,
        measurements=measurements, events=events, recorded_events=recorded_events, present=present,
    )


@lru_cache(maxsize=65536)
def _elapsed(day: date | None, as_of: date) -> tuple[float | None, float | None]:
    """Days and calendar months from ``day`` to ``as_of``. Cached: a pure function of two dates,
    asked for every dated record of every patient a trial's re-match reads, where the calendar
    arithmetic (``elapsed_months``) was ~30% of a snapshot (cProfile over bench/rematch.py's
    patients); records share dates, and an evaluation has one ``as_of``."""
    if day is None:
        return None, None
    return number((as_of - day).days), elapsed_months(day, as_of)


def _latest(values: tuple[Measurement, ...]) -> Measurement:
    """The most recent observation; undated ones count as oldest, ties keep record order."""
    best = values[0]
    for item in values[1:]:
        if item.date is not None and (best.date is None or item.date > best.date):
            best = item
    return best


def latest_view(values: tuple[Measurement, ...], as_of: date) -> MeasView:
    """The view of the most recent observation. Several of its day that disagree (a blood
    pressure of 128/78 and one of 165/96, both dated 2026-11-21 with no time, the holdout's
    T183-hypertension) leave none of them the latest: the view holds no value, so every line
    asking about it is unknown, never decided by whichever one the bundle listed first (the
    128 cleared "systolic > 140 mmHg" for a patient at 165)."""
    best = _latest(values)
    view = _measurement(best, as_of)
    if len(values) == 1 or best.date is None:
        return view
    rivals = [_measurement(m, as_of) for m in values if m is not best and m.date == best.date]
    if all((r.values, r.word) == (view.values, view.word) for r in rivals):
        return view
    shown = ", ".join(f"{m.value:g}" if isinstance(m.value, float) else str(m.value) for m in values if m.date == best.date)
    return replace(
        view, values=(), word=None, ratio=None,
        error=f"the readings of {best.date.isoformat()} disagree ({shown}): which is the latest is not known",
    )


def measurement_word(m: Measurement) -> str | None:
    """The positive/negative word a measurement's view carries (``MeasView.word``)."""
    if isinstance(m.value, (int, float)) and not isinstance(m.value, bool):
        concept = CONCEPTS.get(m.concept)
        return qualitative_word(m.value) if concept is not None and concept.kind is Kind.QUALITATIVE else None
    return qualitative_word(m.value)


def _measurement(m: Measurement, as_of: date) -> MeasView:
    concept = CONCEPTS.get(m.concept)
    dd, mo = _elapsed(m.date, as_of)
    word = measurement_word(m)
    values: tuple[float, ...] = ()
    error: str | None = None
    ratio = uln = None
    uln_source = None
    if isinstance(m.value, (int, float)) and not isinstance(m.value, bool):
        target = concept.unit if concept else None
        try:
            values = (number(convert(float(m.value), m.unit, target, m.concept)),)
        except UnitError as exc:
            error = str(exc)
        if values and concept is not None:
            if m.uln is not None and not m.uln_default:
                try:
                    uln, uln_source = number(convert(float(m.uln), m.unit, target, m.concept)), "lab"
                except UnitError:
                    uln = None
            if uln is None and (concept.default_uln is not None or m.uln is not None):
                if concept.default_uln is not None:
                    uln, uln_source = number(concept.default_uln), "default"
                elif m.uln is not None:
                    try:
                        uln, uln_source = number(convert(float(m.uln), m.unit, target, m.concept)), "default"
                    except UnitError:
                        uln = None
            if uln:
                ratio = number(values[0] / uln)
    return MeasView(
        concept=m.concept,
        values=values,
        word=word,
        ratio=ratio,
        uln=uln,
        uln_source=uln_source,
        date=m.date,
        dd=dd,
        mo=mo,
        raw_value=m.value,
        raw_unit=m.unit,
        error=error,
    )


def _taken_on(event: Event, as_of: date, episodes: frozenset[str | None] | None = None) -> date | None:
    """The date a record counts from: a therapy still being taken (``attributes.ongoing``,
    started on or before the evaluation date) counts as taken on the evaluation date, and so
    does an active record of a standing condition that is no episode (``standing``)."""
    ongoing = event.attributes.get("ongoing") or (episodes is not None and event.active and event.source not in episodes)
    if ongoing and (event.date is None or event.date <= as_of):
        return as_of
    return event.date


def _event_view(
    concept: str, events: tuple[Event, ...], as_of: date, episodes: frozenset[str | None] | None = None
) -> EventView:
    """``_event_view_plain``'s view, records without words of their own read in one pass.

    Why: a trial's re-match builds the event views its predicates read for every candidate
    patient, and most records (a diagnosis, a status) hold no ``quote`` and are not ``ongoing``:
    then each is dated by its own date, the view quotes nothing, and it is unquoted exactly when
    it is active. The plain way still walked the records six times and built the view through
    the frozen dataclass's ``__init__``. Measured on bench/rematch.py's patients (process time,
    collector off, machine under load): ~6.8 -> ~1.3 us a view (two a candidate).
    ``tests/rules_engine/test_event_view.py`` pins every field to ``_event_view_plain``'s."""
    if episodes is None:
        latest: date | None = None
        undated = active = False
        for e in events:
            attributes = e.attributes
            if attributes and ("quote" in attributes or "ongoing" in attributes):
                break
            day = e.date
            if day is None:
                undated = True
            elif latest is None or day > latest:
                latest = day
            if e.active:
                active = True
        else:
            dd, mo = _elapsed(latest, as_of)
            return _built(
                EventView,
                concept=concept,
                active=active,
                latest=latest,
                dd=dd,
                mo=mo,
                undated=undated,
                chain=None,
                recorded=True,
                detail=None,
                quotes=(),
                unquoted=active,
                quote_times=(),
            )
    return _event_view_plain(concept, events, as_of, episodes)


def _event_view_plain(
    concept: str, events: tuple[Event, ...], as_of: date, episodes: frozenset[str | None] | None = None
) -> EventView:
    """``episodes``: for a standing condition (``standing.standing_sources``), the sources of
    its records that are episodes; None for any other concept."""
    taken = [(_taken_on(e, as_of, episodes), e) for e in events]
    dated = [(d, e) for d, e in taken if d is not None]
    latest = max(d for d, _ in dated) if dated else None
    dd, mo = _elapsed(latest, as_of)
    newest = next((e for d, e in dated if d == latest), events[0] if events else None)
    quote = newest.attributes.get("quote") if newest is not None else None
    return EventView(
        concept=concept,
        active=any(e.active for e in events),
        latest=latest,
        dd=dd,
        mo=mo,
        undated=any(d is None for d, _ in taken),
        detail=quote if isinstance(quote, str) and quote else None,
        quotes=tuple(dict.fromkeys(q.lower() for q in (e.attributes.get("quote") for e in events if e.active) if isinstance(q, str) and q)),
        unquoted=any(not (isinstance(e.attributes.get("quote"), str) and e.attributes.get("quote")) for e in events if e.active),
        quote_times=tuple(dict.fromkeys(
            (q.lower(), *_elapsed(d, as_of)) for d, e in taken if e.active and isinstance(q := e.attributes.get("quote"), str) and q
        )),
    )


def derive_event(parent: str, source: EventView) -> EventView:
    """The view of ``parent`` implied by ``source`` (same dates and status, chain extended)."""
    chain = f"{source.chain or source.concept}>{parent}"
    return EventView(
        parent, source.active, source.latest, source.dd, source.mo, source.undated, chain, False, source.detail,
        source.quotes, source.unquoted, source.quote_times,
    )


def merge_events(a: EventView, b: EventView) -> EventView:
    latest = max((d for d in (a.latest, b.latest) if d is not None), default=None)
    pick = a if a.latest == latest else b
    return EventView(
        concept=a.concept,
        active=a.active or b.active,
        latest=latest,
        dd=pick.dd,
        mo=pick.mo,
        undated=a.undated or b.undated,
        chain=a.chain if a.recorded else (b.chain if b.recorded else a.chain),
        recorded=a.recorded or b.recorded,
        detail=pick.detail or a.detail or b.detail,
        quotes=tuple(dict.fromkeys(a.quotes + b.quotes)),
        unquoted=a.unquoted or b.unquoted,
        quote_times=tuple(dict.fromkeys(a.quote_times + b.quote_times)),
    )


def derive_measure(target: str, source: MeasView, values: tuple[float, ...] | None = None) -> MeasView:
    """``target`` read from the test ``source`` that measures it (derive.MEASURE_SOURCES), with
    ``values`` where the two scales differ (``derive_performance``)."""
    return MeasView(
        concept=target,
        values=source.values if values is None else values,
        word=None,
        ratio=None,
        uln=None,
        uln_source=None,
        date=source.date,
        dd=source.dd,
        mo=source.mo,
        raw_value=source.raw_value,
        raw_unit=source.raw_unit,
        via=source.concept,
        via_value=source.values[0],
    )


def derive_performance(target: str, source: MeasView) -> MeasView:
    return derive_measure(target, source, tuple(number(v) for v in convert_performance(source.concept, source.values[0], target)))


def _graded(target: str, events: tuple[Event, ...]) -> Measurement | None:
    """The grade the latest active record of an event carries, as a measurement (GRADED_EVENTS);
    None when that record has no grade."""
    active = [e for e in events if e.active]
    if not active:
        return None
    latest = max(active, key=lambda e: (e.date is not None, e.date or date.min))
    grade = latest.attributes.get("grade")
    if not isinstance(grade, (int, float)) or isinstance(grade, bool):
        return None
    return Measurement(target, grade, None, latest.date, source=latest.source)


def age_at_diagnosis(facts: PatientFacts) -> Measurement | None:
    """Whole years from the birth date to the earliest dated diagnosis of the patient's cancer:
    the age "when originally diagnosed". None (unknown) without a birth date, without a dated
    cancer, with an undated one (it may be the earlier), or with cancers of more than one kind
    (which of them the trial means is a person's: a lymphoma at 10 before an AML at 25 made the
    AML's patient one "diagnosed before 21"). A Condition's onset may be a relapse's, never later
    than the original diagnosis: an upper bound it meets is met."""
    if facts.birth_date is None:
        return None
    cancers = [e for c in MALIGNANCIES for e in facts.events.get(c, ())]
    if not cancers or any(e.date is None for e in cancers):
        return None
    kinds = {e.concept for e in cancers}
    if any(not related(a, b) for a in kinds for b in kinds):
        return None
    first = min(cancers, key=lambda e: e.date or date.max)
    assert first.date is not None
    born = facts.birth_date
    years = first.date.year - born.year - ((first.date.month, first.date.day) < (born.month, born.day))
    return Measurement("age_at_diagnosis", float(years), "a", first.date, source=first.source)


# the records that are a relapse of the patient's blood cancer (an isolated extramedullary one is
# a relapse too, recorded under its own code)
_RELAPSES = ("relapsed", "isolated_extramedullary_relapse")


def relapse_count(facts: PatientFacts) -> Measurement | None:
    """How many relapses the patient's blood cancer has had, from its relapse records (the status
    events the intake makes of ICD-10-CM's fifth character 2 and of clinicalStatus relapse): the
    ordinal of a current relapse, or of a remission less one ("in second remission": one relapse
    before it). Every active relapse record is the current relapse, one; resolved ones are earlier
    relapses, one per date (a relapse coded twice on its day is one). None (unknown) when a
    resolved relapse is undated (which relapse it was is not said) or the relapses are of
    unrelated diagnoses (whose count a line means is a person's). No relapse on record is none,
    the count 0, as "not relapsed" is decided by the record (undated: nothing to date it by)."""
    records = [e for c in _RELAPSES for e in facts.events.get(c, ())]
    if not records:
        return Measurement("relapse_count", 0.0, "1")
    diagnoses = {str(d) for e in records if (d := e.attributes.get("diagnosis")) and d in CONCEPTS}
    if any(not related(a, b) for a in diagnoses for b in diagnoses):
        return None
    current = [e for e in records if e.active]
    earlier = [e for e in records if not e.active]
    if any(e.date is None for e in earlier):
        return None
    current_days = {e.date for e in current}
    days = {e.date for e in earlier} - current_days
    count = len(days) + (1 if current else 0)
    dated = [e for e in records if e.date is not None]
    latest = max(dated, key=lambda e: e.date or date.min) if dated else records[0]
    return Measurement("relapse_count", float(count), "1", latest.date, source=latest.source)


def _qualified(target: str, facts: PatientFacts) -> Measurement:
    """A qualifier coded on an event, as a qualitative result (derive.QUALIFIED_EVENTS):
    ``positive`` dated as the record that states it; no word (an empty value) when a record
    states none; ``negative`` when every record states another value (dated as the latest), and
    ``absent`` (a negative word) when there is none."""
    concept, attribute, wanted = QUALIFIED_EVENTS[target]
    # every record, resolved ones too: "a history of clinically severe autoimmune disease" asks
    # for one, and a line about a current one errs toward its exclusion, never toward eligibility
    active = [e for c in kinds_of(concept) for e in facts.events.get(c, ())]
    newest = lambda events: max(events, key=lambda e: (e.date is not None, e.date or date.min))  # noqa: E731
    if target in LATEST_QUALIFIED and active:  # the latest record only (a current one before a resolved one)
        active = [newest([e for e in active if e.active] or active)]
    stating = [e for e in active if e.attributes.get(attribute) == wanted]
    if stating:
        found = newest(stating)
        return Measurement(target, "positive", None, found.date, source=found.source)
    silent = [e for e in active if not e.attributes.get(attribute)]
    if silent:
        found = newest(silent)
        return Measurement(target, "", None, found.date, source=found.source)  # no word: unknown
    if active:
        found = newest(active)
        return Measurement(target, "negative", None, found.date, source=found.source)
    return Measurement(target, "absent")  # read as negative; the reason says none is on record


def _severity_graded(target: str, facts: PatientFacts) -> Measurement:
    """A CTCAE grade floor asked of an event, from the severity coded on its records
    (derive.SEVERITY_GRADED), as ``_qualified`` words it: ``positive`` dated as the record graded
    at or above the floor; no word (unknown) when a record states no severity or one whose grades
    straddle the floor; ``negative`` when every record is graded below it; ``absent`` when there
    is none."""
    event, floor = SEVERITY_GRADED[target]
    records = [e for c in kinds_of(event) for e in facts.events.get(c, ())]
    newest = lambda events: max(events, key=lambda e: (e.date is not None, e.date or date.min))  # noqa: E731
    if not records:
        return Measurement(target, "absent")
    ranges = [(e, SEVERITY_GRADE_RANGE.get(str(e.attributes.get("severity") or ""))) for e in records]
    above = [e for e, grades in ranges if grades is not None and grades[0] >= floor]
    if above:
        found = newest(above)
        return Measurement(target, "positive", None, found.date, source=found.source)
    open_ = [e for e, grades in ranges if grades is None or grades[1] >= floor]
    if open_:
        found = newest(open_)
        return Measurement(target, "", None, found.date, source=found.source)  # no word: unknown
    found = newest(records)
    return Measurement(target, "negative", None, found.date, source=found.source)


def measurement_views(
    facts: PatientFacts, as_of: date, measured: frozenset[str] | None, tests: bool = True
) -> dict[str, MeasView]:
    """The measurements a snapshot holds: ``measured``'s (every one when None), with the scales
    and grades derived from them, and (``tests``) every test result that implies an event."""
    # concepts chosen before their values are read: facts read lazily build only those
    recorded_values = facts.measurements
    measurements = {
        concept: latest_view(values, as_of)
        for concept, values in (
            (c, recorded_values[c])
            for c in recorded_values
            if measured is None or c in measured or (tests and c in POSITIVE_TEST_IMPLIES)
        )
        if values
    }
    for target, graded_by in GRADED_EVENTS.items():
        if target not in measurements and (measured is None or target in measured):
            graded = _graded(target, facts.events.get(graded_by, ()))
            if graded is not None:
                measurements[target] = _measurement(graded, as_of)
    for target in QUALIFIED_EVENTS:  # a qualifier coded on an event (derive.QUALIFIED_EVENTS)
        if target not in measurements and (measured is None or target in measured):
            measurements[target] = _measurement(_qualified(target, facts), as_of)
    for target in SEVERITY_GRADED:  # a grade floor asked of an event (derive.SEVERITY_GRADED)
        if target not in measurements and (measured is None or target in measured):
            measurements[target] = _measurement(_severity_graded(target, facts), as_of)
    if "age_at_diagnosis" not in measurements and (measured is None or "age_at_diagnosis" in measured):
        at_diagnosis = age_at_diagnosis(facts)
        if at_diagnosis is not None:
            measurements["age_at_diagnosis"] = _measurement(at_diagnosis, as_of)
    if "relapse_count" not in measurements and (measured is None or "relapse_count" in measured):
        relapses = relapse_count(facts)
        if relapses is not None:
            measurements["relapse_count"] = _measurement(relapses, as_of)
    for target in ABSENT_IS_NONE:  # an adverse event's grade: none on record is grade 0 (derive.ABSENT_IS_NONE)
        if target not in measurements and (measured is None or target in measured):
            measurements[target] = _measurement(Measurement(target, 0), as_of)
    recorded_numeric = frozenset(c for c, m in measurements.items() if m.values)
    for target in ("ecog", "karnofsky", "lansky"):
        source = performance_source(target, recorded_numeric)
        if source is not None and target not in measurements:
            measurements[target] = derive_performance(target, measurements[source])
    for target in MEASURE_SOURCES:
        source = measure_source(target, recorded_numeric)
        if source is not None and target not in measurements:
            measurements[target] = derive_measure(target, measurements[source])
    return measurements


def snapshot(facts: PatientFacts, as_of: date, measured: frozenset[str] | None = None) -> Snapshot:
    """Normalise ``facts`` for ``as_of`` and apply the derivations (for the reference path;
    the durable path asserts only the recorded part and derives the rest with rules).

    ``measured`` limits the measurements normalised to those concepts (with the scales they
    convert from). Normalising a value (units, limits of normal, elapsed time) is most of a
    snapshot, and a trial's re-match needs the few its criteria ask about, not the record's
    every lab (``rules_engine.focused`` builds its event views when read, too)."""
    measurements = measurement_views(facts, as_of, measured)
    recorded = {concept: _event_view(concept, events, as_of, standing_sources(concept, facts.events)) for concept, events in facts.events.items() if events}
    merged = dict(recorded)
    pending = list(recorded.values())
    for test, target in POSITIVE_TEST_IMPLIES.items():
        m = measurements.get(test)
        # the event a positive test implies is read off its latest reading as before, even where
        # that day's readings disagree and the test's own view decides nothing (``latest_view``):
        # a positive HBsAg beside a negative one the same day still implies hepatitis B, as the
        # re-match's snapshot derives it (``focused``)
        if m is not None and m.error is not None and m.word is None and facts.measurements.get(test):
            m = _measurement(_latest(facts.measurements[test]), as_of)
        if m is not None and m.word == "positive":
            derived = EventView(target, True, m.date, m.dd, m.mo, m.date is None, f"{test}>{target}", False, "positive")
            merged[target] = merge_events(merged[target], derived) if target in merged else derived
            pending.append(derived)
    while pending:
        view = pending.pop()
        for parent in EVENT_IMPLIES.get(view.concept, ()):
            derived = derive_event(parent, view)
            merged[parent] = merge_events(merged[parent], derived) if parent in merged else derived
            pending.append(derived)
    return snapshot_of(facts, as_of, measurements, merged, recorded, frozenset(c for c, v in merged.items() if v.active))


NUMERIC_COMPARE: dict[Op, Callable[[float, float], bool]] = {
    Op.GT: lambda a, b: a > b,
    Op.GTE: lambda a, b: a >= b,
    Op.LT: lambda a, b: a < b,
    Op.LTE: lambda a, b: a <= b,
    Op.EQ: lambda a, b: a == b,
    Op.NEQ: lambda a, b: a != b,
}
