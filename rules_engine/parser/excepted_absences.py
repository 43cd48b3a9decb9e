"""An exception beside a therapy a line asks to be absent: it widens the absence.

"Prior chemotherapy or tyrosine kinase inhibitor (TKI) treatment, aside from dasatinib, must be
>= 7 days before the first dose" asks that no chemotherapy and no TKI were given in the last 7
days, except dasatinib. When the excepted drug is not read as a concept of its own, the exception
was joined to the requirement as one more unread condition ("no chemotherapy ... and no targeted
therapy ... and review 'except dasatinib'"), so the patient on dasatinib the line lets in failed it.
An exception of a prohibition can only let more patients in: each absence it may concern gains it
as an alternative for a person, and a patient with none of the therapies still meets the line.
When the exception names drugs the record's own medication words can show ("dasatinib"), the
alternative is only for a patient who had one of them in the same window: a patient whose recent
TKI was imatinib still fails the line, one on dasatinib is left to a person (which of the record's
therapies the window caught is theirs to say).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate, Review
from rules_engine.parser.clauses import parse_clause
from rules_engine.parser.items import I, all_of, any_of
from rules_engine.parser.safety import Alternative

_EXCEPTION_WORDS = re.compile(r"^\W*(?:except(?:\s+for)?|other\s+than|excluding|with\s+the\s+exceptions?\s+of)\s+", I)

_ABSENCE_OPS = (Op.ABSENT, Op.NOT_WITHIN)


def _absence(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.op in _ABSENCE_OPS and CONCEPTS[expr.concept].kind is Kind.EVENT


def excepted_absence(expr: Expr, exc: Review) -> Expr | None:
    """``expr`` (an event's absence, or all of several) widened by the unread exception ``exc``,
    None when ``expr`` asks anything else (a presence, a value: the exception may narrow those)."""
    parts = expr.parts if isinstance(expr, All) else (expr,)
    if not parts or not all(_absence(p) for p in parts):
        return None
    widened = Alternative(exc.reason, exc.text)
    named = _named_products(exc.text)
    if named is None:
        return all_of([any_of([p, widened]) for p in parts])
    return all_of([any_of([p, all_of([_dated(named, p), widened])]) for p in parts])  # type: ignore[arg-type]


def _named_products(words: str) -> list[Predicate] | None:
    """The drugs an exception names, as the record's medication words show them, None when it
    names anything else (a class, a condition, words no reader takes)."""
    cut = _EXCEPTION_WORDS.match(words)
    if cut is None:
        return None
    # (said as a history, "prior <words>", which is how the product and therapy readers take a name)
    read = parse_clause("prior " + words[cut.end() :], CriterionType.EXCLUSION).expr
    found = read.parts if isinstance(read, Any_) else (read,)
    if not found or not all(isinstance(p, Predicate) and (_named(p) or _undated_event(p)) for p in found):
        return None
    return list(found)  # type: ignore[arg-type]


def _named(p: Predicate) -> bool:
    return p.concept == "named_medication" and p.op is Op.IS and p.window is None


def _undated_event(p: Predicate) -> bool:
    return p.op is Op.PRESENT and p.value is None and CONCEPTS[p.concept].kind is Kind.EVENT


def _dated(named: list[Predicate], absence: Predicate) -> Expr:
    """The excepted drugs or therapies given in the absence's window (ever, for an undated absence)."""
    window = absence.window if absence.op is Op.NOT_WITHIN else None
    if window is None:
        return any_of(list(named))
    return any_of([replace(p, window=window) if _named(p) else replace(p, op=Op.WITHIN, window=window) for p in named])
