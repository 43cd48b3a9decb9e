"""A graded event excepted from a toxicity grade at a looser bound.

"Acute toxic effects of all prior treatment have resolved to Grade 1 or less. Peripheral
neuropathy less than or equal to Grade 2 is allowed", "toxicities resolved to grade 1 or less,
except peripheral neuropathy grade 2 or less": the event is read (``event_grades``) as the bound it
states, "no neuropathy of grade 3 or higher", which is true of every patient without a neuropathy.
Joined to the toxicity requirement as its alternative, a patient with a grade 4 toxicity and no
neuropathy met the line; as "and not" it, every patient without a grade 3 neuropathy failed it.

What the sentence excepts is the patient whose graded toxicity is that event at the grade allowed.
The record's toxicity grade names no kind, so for a patient with the event (within the bound) the
line is left to a person; one without it, or with it above the bound, is held to the toxicity
grade alone. An exclusion ("grade 2 or higher toxicity, except neuropathy grade 2") is narrowed the
same way. No pattern here: the reading works on the expressions the topics built.
"""

from __future__ import annotations

from rules_engine.concepts import CONCEPTS, SEVERITY_GRADE_FLOORS, SEVERITY_GRADED_EVENTS, severity_grade_concept
from rules_engine.criteria import All, CriterionType, Expr, Not, Op, Predicate, ReviewReason
from rules_engine.parser.items import all_of, any_of, predicate, predicates
from rules_engine.parser.safety import Alternative, Qualifier

_EVENT_OF_GRADE = {severity_grade_concept(e, f): e for e in SEVERITY_GRADED_EVENTS for f in SEVERITY_GRADE_FLOORS}


def bounded_event(exc: Expr | None) -> str | None:
    """The event a bound from above names (``Not(<event> grade N or higher)``), else None."""
    if isinstance(exc, Not) and isinstance(exc.part, Predicate) and exc.part.concept in _EVENT_OF_GRADE:
        return _EVENT_OF_GRADE[exc.part.concept]
    return None


def _asks_toxicity_grade(expr: Expr) -> bool:
    return any(p.concept == "toxicity_grade" for p in predicates(expr))


def excepted_graded_event(expr: Expr, exc: Expr, effective: CriterionType) -> Expr | None:
    """``expr`` (a toxicity grade) with the graded event ``exc`` bounds excepted from it (see the
    module's doc); None where ``exc`` is no such bound or ``expr`` asks no toxicity grade."""
    event = bounded_event(exc)
    if event is None or not _asks_toxicity_grade(expr):
        return None
    if isinstance(expr, All) and effective is CriterionType.INCLUSION:
        # only the requirement that grades the toxicity is widened; the line's others still decide
        parts = [_excepted(p, event, exc, effective) if _asks_toxicity_grade(p) else p for p in expr.parts]
        return all_of(parts)
    return _excepted(expr, event, exc, effective)


def _excepted(expr: Expr, event: str, exc: Expr, effective: CriterionType) -> Expr:
    had = all_of([predicate(event, Op.PRESENT), exc])
    why = f"the graded toxicity may be the one excepted ({CONCEPTS[event].label} within the grade allowed)"
    if effective is CriterionType.EXCLUSION:
        return all_of([expr, any_of([Not(had), Qualifier(ReviewReason.JUDGEMENT, why)])])
    return any_of([expr, all_of([had, Alternative(ReviewReason.JUDGEMENT, why)])])
