""""No concurrent chemotherapy" in a trial that writes its own interval since the last course.

A course therapy "concurrent", "current" or "receiving" is read as a course within 4 weeks (under
way between doses) and one 4 to 8 weeks ago as a person's (``topics.events``, ``COURSE_NOW``):
a registry line seldom says more, and read as any record it failed every patient ever treated.
But a trial that also writes how long ago the last course must be ("At least 2 weeks since prior
cytotoxic therapy except in patients with rapidly progressing disease", "At least 3 weeks since
prior myelosuppressive chemotherapy (unless the patient has recovered from the nadir)",
"Chemotherapy within 14 days") has said itself what the recent past asks: its "No other
concurrent chemotherapy" (the PDQ "PRIOR CONCURRENT THERAPY:" layout) and "Patients receiving any
other standard or investigational treatment" are about the time on study. Read with the 4 weeks
beside it, a course ended 10 days ago failed the concurrent line where the trial's interval left
it to a person (its exception) or let it in (holdout T264, T274, T134).

So, in such a trial, the concurrent reading of a therapy the interval covers decides against a
course on record now (ongoing, or ended today) only; a course within the 8 weeks before is left
to a person, whether it is still under way (never "eligible": the doubt keeps it ``unknown``),
and the interval line decides the recent past as it is written. A therapy the trial gives no
interval for keeps the 4-week reading. The broad classes ("treatment for this cancer", "systemic
therapy") are covered by an interval for chemotherapy or for the class itself.

Pure expression rewriting, no pattern on text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window
from rules_engine.parser.topics.events import COURSE_MAYBE, COURSE_NOW, COURSE_OPEN, NOW_THERAPIES

# a course on record today: ongoing, or ended on the day
ON_RECORD_NOW = Window(0.0, "days")
SINCE_OPEN = "whether a course given in the last 8 weeks is still under way (the trial's own interval since the last course weighs its time)"
# the classes an interval for chemotherapy (or for the class) covers
_BROAD = frozenset({"anticancer_therapy", "systemic_therapy"})
_COVERS_BROAD = frozenset({"chemotherapy", "anticancer_therapy", "systemic_therapy"})
# an interval since the last course is weeks or months ("within 100 years", a history, is none)
_UNIT_DAYS = {"days": 1.0, "weeks": 7.0, "months": 30.5, "years": 365.0}
_LONGEST_INTERVAL = 183.0


def _course(expr: Expr, window: Window) -> bool:
    return isinstance(expr, Predicate) and expr.op is Op.WITHIN and expr.window == window and expr.value is None and expr.concept in NOW_THERAPIES


def _doubt(expr: Expr) -> list[Predicate] | None:
    """The 4-to-8-weeks alternative of a concurrent reading: its predicates, or None."""
    if not isinstance(expr, All) or len(expr.parts) != 2:
        return None
    maybe, review = expr.parts
    if not isinstance(review, Review) or review.reason is not ReviewReason.AMBIGUOUS or review.text != COURSE_OPEN:
        return None
    preds = list(maybe.parts) if isinstance(maybe, Any_) else [maybe]
    return [p for p in preds if isinstance(p, Predicate)] if all(_course(p, COURSE_MAYBE) for p in preds) else None


def _concurrent(expr: Expr) -> tuple[set[str], list[int]] | None:
    """A concurrent reading (``Any_`` of courses within 4 weeks beside their 4-to-8-weeks doubt,
    one doubt for the list or one each): the concepts its doubts hold and the positions of its
    parts that belong to the reading (the 4-week predicates of those concepts and the doubts);
    else None."""
    if not isinstance(expr, Any_):
        return None
    doubted: set[str] = set()
    places: list[int] = []
    for i, part in enumerate(expr.parts):
        doubt = _doubt(part)
        if doubt is not None:
            doubted |= {p.concept for p in doubt}
            places.append(i)
    if not doubted:
        return None
    now = [i for i, part in enumerate(expr.parts) if _course(part, COURSE_NOW) and isinstance(part, Predicate) and part.concept in doubted]
    return (doubted, sorted(places + now)) if now else None


def _days(window: Window) -> float:
    return window.amount * _UNIT_DAYS.get(window.unit, 365.0)


def _windowed(expr: Expr, refused: bool) -> Iterator[str]:
    """The course therapies ``expr`` refuses within a window of weeks or months (``refused``: a
    record met here counts against the patient, as in an exclusion)."""
    if isinstance(expr, Predicate):
        near = expr.window is not None and _days(expr.window) <= _LONGEST_INTERVAL
        asks_none = (expr.op is Op.NOT_WITHIN and not refused) or (expr.op is Op.WITHIN and refused)
        if near and asks_none and expr.concept in NOW_THERAPIES:
            yield expr.concept
    elif isinstance(expr, (All, Any_)):
        for part in expr.parts:
            yield from _windowed(part, refused)
    elif isinstance(expr, Not):
        yield from _windowed(expr.part, not refused)


def _has_concurrent(expr: Expr) -> bool:
    if isinstance(expr, (All, Any_)):
        return _concurrent(expr) is not None or any(_has_concurrent(p) for p in expr.parts)
    return isinstance(expr, Not) and _has_concurrent(expr.part)


def intervals(criteria: Iterable[Criterion]) -> frozenset[str]:
    """The course therapies the trial writes an interval for: a window of weeks or months it
    refuses them in, in a line that reads no concurrent course itself ("Concurrent anti-cancer
    therapy (chemotherapy, ...) within 3 weeks of starting study treatment" times its own
    concurrent therapy, and a heading holds its lines' readings)."""
    return frozenset(
        concept for c in criteria if not _has_concurrent(c.expr) for concept in _windowed(c.expr, c.type is CriterionType.EXCLUSION)
    )


def _covered(concept: str, given: frozenset[str]) -> bool:
    return concept in given or (concept in _BROAD and bool(given & _COVERS_BROAD))


def _narrowed(part: Expr, given: frozenset[str]) -> Expr:
    """One part of a concurrent reading as the trial's interval leaves it."""
    if isinstance(part, Predicate):  # a course within 4 weeks: on record now, if the interval covers it
        return Predicate(part.concept, Op.WITHIN, window=ON_RECORD_NOW) if _covered(part.concept, given) else part
    doubt = _doubt(part)
    if doubt is None or not any(_covered(p.concept, given) for p in doubt) or not isinstance(part, All):
        return part
    return All((part.parts[0], Review(ReviewReason.AMBIGUOUS, SINCE_OPEN)))


def _rewrite(expr: Expr, given: frozenset[str]) -> Expr:
    if isinstance(expr, Any_):
        found = _concurrent(expr)
        reading = set(found[1]) if found is not None else set()
        parts = tuple(_narrowed(p, given) if i in reading else _rewrite(p, given) for i, p in enumerate(expr.parts))
        return expr if parts == expr.parts else Any_(parts)
    if isinstance(expr, All):
        parts = tuple(_rewrite(p, given) for p in expr.parts)
        return expr if parts == expr.parts else All(parts)
    if isinstance(expr, Not):
        part = _rewrite(expr.part, given)
        return expr if part is expr.part else Not(part)
    return expr


def with_intervals(criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
    """``criteria`` with each concurrent reading of a therapy the trial writes an interval for
    narrowed to a course on record now (the module's docstring)."""
    given = intervals(criteria)
    if not given:
        return criteria
    out = []
    for c in criteria:
        expr = _rewrite(c.expr, given)
        out.append(c if expr is c.expr else replace(c, expr=expr))
    return tuple(out)
