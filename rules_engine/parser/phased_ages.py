"""Age bounds that hold for one phase, cohort or site of a trial.

"Phase I: age >= 18; phase II: age >= 12", "patients treated at collaborating sites must be <= 24":
which phase or place is the patient's no record says, so the bounds are read together (all met
meets the line, none met fails it, between them it is a person's). Applied by the line assembly (``line``) to a finished reading, apart from the residue
policy.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Expr, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import I, all_of, any_of, predicates


_PHASED_AGE = re.compile(r"\bphase\b|\bcohort\b|\bpart\s+[A-D12]\b|\barm\b", I)
# the places an age bound is for ("Patients treated at collaborating sites ... must be <= 24 years
# old. All other St. Jude patients must be < 21", "age > 18 as required by some local
# regulations"): which place is the patient's, no record says
_SITE_AGE = re.compile(r"\b(?:sites?|institutions?|cent(?:er|re)s?|countr(?:y|ies)|local\s+regulations?|all\s+other)\b", I)


def phased_age(expr: Expr, text: str) -> Expr:
    """Several lower age bounds for different study phases or cohorts: the highest bound meets
    every phase's; between the lowest and the highest it depends on the phase (review). Bounds
    (either way) for the patients of different sites are read so too: every site's bound met
    meets the line, none met fails it, and the words naming the sites, which no record places,
    decide nothing once the bounds agree; read as conjuncts they left every patient unknown."""
    bounds = [p for p in predicates(expr) if p.concept == "age" and p.op in (Op.GTE, Op.GT)]
    if len(bounds) >= 2 and _PHASED_AGE.search(text) and len({b.unit for b in bounds}) == 1:
        others = [p for p in (expr.parts if isinstance(expr, All) else (expr,)) if not (isinstance(p, Predicate) and p in bounds)]
        strictest = max(bounds, key=lambda b: b.value)
        loosest = min(bounds, key=lambda b: b.value)
        phased = any_of([strictest, all_of([loosest, Review(ReviewReason.AMBIGUOUS, "the age bound differs by study phase: " + text)])])
        return all_of([phased, *[o for o in others if not isinstance(o, Review)]]) if others else phased
    return _site_age(expr, text)


def _site_age(expr: Expr, text: str) -> Expr:
    if not isinstance(expr, All) or not _SITE_AGE.search(text):
        return expr
    bounds = [p for p in expr.parts if isinstance(p, Predicate) and p.concept == "age"]
    lower = {p.op for p in bounds} <= {Op.GTE, Op.GT}
    upper = {p.op for p in bounds} <= {Op.LTE, Op.LT}
    # only bounds of one direction and the unread words around them: any other part is a
    # requirement of its own, and dropping a review beside it could pass a patient it holds back
    if len(bounds) < 2 or not (lower or upper) or len({b.unit for b in bounds}) != 1:
        return expr
    if any(not isinstance(p, Review) and p not in bounds for p in expr.parts):
        return expr
    def strictness(b: Predicate) -> tuple[float, bool]:  # an open bound is the stricter at one value
        value = float(b.value)  # type: ignore[arg-type]
        return (value if lower else -value, b.op in (Op.GT, Op.LT))

    strictest, loosest = max(bounds, key=strictness), min(bounds, key=strictness)
    return any_of([strictest, all_of([loosest, Review(ReviewReason.AMBIGUOUS, "the age bound differs by site: " + text)])])
