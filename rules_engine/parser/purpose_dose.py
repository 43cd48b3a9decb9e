"""A dose limit on what the patient takes for a condition: "Must be on less than 21 mg of oral
prednisone daily for GVHD".

The condition after "for" is why the drug is taken, not something every patient must have: read
as a clause, the line asked for GVHD and failed every patient without it. A patient without the
condition takes nothing for it and meets the limit; for one with it, the dose taken is no field
the record reads, so it is a person's (a review, never met on its strength). Read only when the
condition reads whole as conditions a record holds.

A limit on prednisone itself ("less than 21 mg of oral prednisone daily", "prednisone or
equivalent") is a field the record reads: the daily dose of the patient's corticosteroid, in
prednisone equivalents (``steroid_dose``, mg/d; codes.toml's ``prednisone_equivalent``). The
patient with the condition then meets the line under the limit, or taking no corticosteroid now
(none in the last 2 weeks), and fails it over the limit.
"""

from __future__ import annotations

import re

from rules_engine.readings import has_review
from rules_engine.criteria import CriterionType, Expr, Op, Predicate, Review, ReviewReason, Window, iter_predicates
from rules_engine.parser.items import NOW, any_of
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.prednisone_dose import DOSE, dose_op, is_cap, names_prednisone
from rules_engine.criteria import Not
from rules_engine.parser.safety import Alternative

_DOSE_FOR = re.compile(
    r"^\W*(?:(?:must|should)\s+(?:be\s+)?)?(?:be\s+)?(?:currently\s+)?(?:on|taking|receiving|using)\s+"
    r"(?:less\s+than|no\s+more\s+than|fewer\s+than|<=?|≤|at\s+most|a\s+maximum\s+of|up\s+to)\s*\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g)\b"
    r"[^.;:]{0,80}?\bfor\s+(?:the\s+treatment\s+of\s+|treatment\s+of\s+)?(?P<cond>[^.;:()]{2,60}?)\s*\.?\s*$",
    re.I,
)


def purpose_dose(text: str, ctype: CriterionType) -> Expr | None:
    """An inclusion's dose limit on a drug taken for a condition; None for any other line."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _DOSE_FOR.match(text)
    if m is None:
        return None
    condition = read_expr(m.group("cond"), CriterionType.INCLUSION)
    found = list(iter_predicates(condition))
    if not found or isinstance(condition, Review) or any(isinstance(p, Predicate) and p.op is not Op.PRESENT for p in found):
        return None
    if has_review(condition):
        return None
    limit = _prednisone_limit(text)
    if limit is not None:
        dose = Predicate("steroid_dose", dose_op(limit), float(limit.group("n")), "mg/d")
        return any_of([Not(condition), Not(Predicate("steroid_therapy", Op.WITHIN, window=NOW)), dose])
    return any_of([Not(condition), Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "the dose taken for it: " + text.strip())])


# the limit a daily dose of prednisone (or its equivalent) sets: "on less than 21 mg of oral
# prednisone daily", "taking <= 10 mg/day prednisone or equivalent" (the cap is
# parser.prednisone_dose's; what is around it here)
_TAKING = re.compile(r"^\W*(?:(?:must|should)\s+(?:be\s+)?)?(?:be\s+)?(?:currently\s+)?(?:on|taking|receiving|using)\s+", re.I)
_FOR_AFTER = re.compile(r"(?:\s+(?:or\s+(?:its\s+)?)?equivalents?)?\s+(?:(?:daily|a\s+day|per\s+day|/\s*day)\s+)?for\b", re.I)


def _prednisone_limit(text: str) -> re.Match[str] | None:
    """The daily cap of prednisone the patient is on, where the line opens with it."""
    lead = _TAKING.match(text)
    cap = DOSE.match(text, lead.end()) if lead is not None else None
    if cap is None or not is_cap(cap) or not names_prednisone(cap):
        return None
    return cap if _FOR_AFTER.match(text, cap.end()) else None
