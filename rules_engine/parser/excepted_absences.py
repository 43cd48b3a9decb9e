"""An exception beside a therapy a line asks to be absent: it widens the absence.

"Prior chemotherapy or tyrosine kinase inhibitor (TKI) treatment, aside from dasatinib, must be
>= 7 days before the first dose" asks that no chemotherapy and no TKI were given in the last 7
days, except dasatinib. When the excepted drug is not read as a concept of its own, the exception
was joined to the requirement as one more unread condition ("no chemotherapy ... and no targeted
therapy ... and review 'except dasatinib'"), so the patient on dasatinib the line lets in failed it.
An exception of a prohibition can only let more patients in: the absences it may concern gain it
as an alternative for a person, and a patient with none of the therapies still meets the line.

- An exception naming drugs the record's own medication words can show ("dasatinib") or a therapy
  ("except for minor surgical procedures") is an alternative only for a patient given it in the
  same window (a patient whose recent TKI was imatinib still fails), and a therapy only widens
  the absences of its own kind (the minor surgery never widens the chemotherapy washout beside it).
- An exception no reader takes ("except radiosensitizers", "except for IPHC") widens every absence
  of the item, for a person.
- An exception that names anything else, a condition or a toxicity ("with the exception of
  alopecia" after "recovered from all acute toxicities"; the caller, ``exceptions.apply_exception``,
  keeps a toxicity's words away by the pattern its toxicity reading uses), is not about the
  therapies: it is left where the line's other readers put it, and the washout still decides.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.concepts import CONCEPTS, Kind, related
from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate, Review, iter_predicates
from rules_engine.parser.clauses import parse_clause
from rules_engine.parser.items import I, all_of, any_of
from rules_engine.parser.normalize import EXCEPTION_WORDS
from rules_engine.parser.safety import Alternative
from rules_engine.parser.widening import TREATMENT_CONCEPTS

_ABSENCE_OPS = (Op.ABSENT, Op.NOT_WITHIN)
_EXCEPTION_LEAD = re.compile(rf"^\W*{EXCEPTION_WORDS}\s+", I)


def _absence(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.op in _ABSENCE_OPS and CONCEPTS[expr.concept].kind is Kind.EVENT


def excepted_absence(expr: Expr, exc: Review) -> Expr | None:
    """``expr`` (an event's absence, or all of several) widened by the unread exception ``exc``,
    None when ``expr`` asks anything else (a presence, a value: the exception may narrow those)
    or the exception names something other than a therapy."""
    parts = expr.parts if isinstance(expr, All) else (expr,)
    if not parts or not all(_absence(p) for p in parts):
        return None
    cut = _EXCEPTION_LEAD.match(exc.text)
    if cut is None:
        return None
    words = exc.text[cut.end() :]
    widened = Alternative(exc.reason, exc.text)
    excepted = _excepted_therapies(words)
    if excepted is None:
        if any(
            True for _ in iter_predicates(parse_clause(words, CriterionType.EXCLUSION).expr or Review(exc.reason, ""))
        ):
            return None  # a condition or a toxicity excepted: not the washout's business
        return all_of([any_of([p, widened]) for p in parts])
    out: list[Expr] = []
    for p in parts:
        assert isinstance(p, Predicate)
        own = [e for e in excepted if e.concept == "named_medication" or related(e.concept, p.concept)]
        out.append(any_of([p, all_of([_dated(own, p), widened])]) if own else p)
    return all_of(out)


def _excepted_therapies(words: str) -> list[Predicate] | None:
    """The drugs or therapies an exception names, None when it names anything else or nothing."""
    # (said as a history, "prior <words>", which is how the product and therapy readers take a name)
    read = parse_clause("prior " + words, CriterionType.EXCLUSION).expr
    if read is None:
        return None
    found = read.parts if isinstance(read, Any_) else (read,)
    if not all(isinstance(p, Predicate) and (_named(p) or _undated_therapy(p)) for p in found):
        return None
    return list(found)  # type: ignore[arg-type]


def _named(p: Predicate) -> bool:
    return p.concept == "named_medication" and p.op is Op.IS and p.window is None


def _undated_therapy(p: Predicate) -> bool:
    return p.op is Op.PRESENT and p.value is None and p.concept in TREATMENT_CONCEPTS


def _dated(excepted: list[Predicate], absence: Predicate) -> Expr:
    """The excepted drugs or therapies given in the absence's window (ever, for an undated absence)."""
    window = absence.window if absence.op is Op.NOT_WITHIN else None
    if window is None:
        return any_of(list(excepted))
    return any_of(
        [replace(p, window=window) if _named(p) else replace(p, op=Op.WITHIN, window=window) for p in excepted]
    )
