"""A lab bound's own failure read as an alternative to it ("Renal: Serum Creatinine (<= 1.5 mg/dL)
Or, if serum creatinine > 1.5 mg/dL, [a clearance on the next line]", "Serum creatinine or
calculated creatinine clearance - <= 1.5 x ULN OR >= 60 mL/min for patients with creatinine
levels > 1.5 x institutional ULN"; 4 corpus lines and the headings over them).

The failure of a bound is the condition under which the line offers something else (a clearance
the line did not read whole), never a way to meet it: read as "creatinine <= 1.5 or creatinine >
1.5", the line was met by every creatinine, a failed kidney too (rule 1). The failure is kept as
the condition it is and what it offers is left to a person: within the bound the line is met,
past it unknown.
"""

from __future__ import annotations

from dataclasses import replace

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import NEGATE, all_of, any_of

OFFERED = "what the line offers past the bound it failed (not read whole)"


def _conjuncts(part: Expr) -> list[Expr]:
    return list(part.parts) if isinstance(part, All) else [part]


def _lab(p: Predicate) -> bool:
    """A lab's bound (an age's failure is the other group a line names: "≥ 75 years of age OR < 75
    years of age with at least 1 of the following:")."""
    return p.concept in CONCEPTS and CONCEPTS[p.concept].kind is Kind.MEASUREMENT


def bound_failures_guarded(expr: Expr) -> Expr:
    """``expr`` with every bare alternative that is another alternative's failed bound left to a
    person (see above); any other expression as it was (the same object)."""
    if isinstance(expr, Not):
        inner = bound_failures_guarded(expr.part)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, All):
        parts = tuple(bound_failures_guarded(p) for p in expr.parts)
        return expr if parts == expr.parts else all_of(list(parts))
    if not isinstance(expr, Any_):
        return expr
    parts = [bound_failures_guarded(p) for p in expr.parts]
    changed = parts != list(expr.parts)
    failures: set[Predicate] = set()  # the failed bounds of the alternatives before (written after its bound)
    for j, q in enumerate(parts):
        if isinstance(q, Predicate) and q.op in NEGATE and q in failures and _lab(q):
            parts[j] = all_of([q, Review(ReviewReason.AMBIGUOUS, OFFERED)])
            changed = True
        bounds = [p for p in _conjuncts(q) if isinstance(p, Predicate) and p.op in NEGATE]
        # (a band's upper bound is no failure: "(blasts > 10 % and blasts <= 20 %) or blasts > 20 %"
        # are the IPSS's groups side by side)
        failures.update(replace(p, op=NEGATE[p.op]) for p in bounds if sum(b.concept == p.concept for b in bounds) == 1)
    return any_of(parts) if changed else expr
