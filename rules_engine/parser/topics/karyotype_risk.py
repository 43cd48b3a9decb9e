"""An AML's cytogenetic risk group as a line asks it: "Intermediate or adverse cytogenetic risk",
"Poor risk cytogenetics", "In CR1 with poor risk cytogenetics", "a poor-risk karyotype".

Which group a karyotype falls in is a person's reading of the whole karyotype (and of the
classification the trial follows), so the words stay a review. One part of it a record can state:
the favourable-risk karyotypes of every classification (ELN, NCCN, MRC, SWOG) are the
core-binding-factor ones, t(8;21) and inv(16)/t(16;16), and APL's t(15;17) (concepts
``aml_t8_21``, ``aml_inv16``, ``apl``). A record that codes one of them is in no intermediate,
adverse, poor or high-risk group: the review becomes "none of them recorded, and a person's
reading", so an AML with t(8;21) fails the inclusion that asks adverse risk (and is not excluded
by an exclusion's "adverse cytogenetics"), where before every patient was left unknown.

Only a review that says the risk group and nothing more is read so ("with poor risk
cytogenetics", "per NCCN guidelines" after it): "poor-risk features, such as complex or adverse
cytogenetics" names more than a karyotype, and a t(8;21) AML may have the other features.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Review
from rules_engine.parser.items import any_of, predicate
from rules_engine.criteria import Op

_RISK = r"(?:intermediate(?:[- ](?:1|2|I|II))?|adverse|poor|unfavou?rable|high)(?:[- ]risk)?"
_RISKS = rf"{_RISK}(?:\s*+(?:,|/|or|and/or|to)\s*+{_RISK})*+"
_SUBJECT = r"(?:risk\s+)?(?:cytogenetics?|karyotypes?|cytogenetic\s+(?:risk|abnormalit(?:y|ies)|profile)(?:\s+(?:group|category|status))?)"
_SOURCE = r"(?:\s+(?:by|per|according\s+to|as\s+defined\s+by)\s+[\w\s/().,-]{0,60}+)?"
# the whole review: the risk group of the karyotype, perhaps with whose classification
_RISK_ONLY = re.compile(
    rf"\W*+(?:(?:with|have|has|an?|of)\s+)*+(?:{_RISKS}\s+{_SUBJECT}|{_SUBJECT}\s+(?:risk\s+)?(?:of\s+)?{_RISKS}(?:\s+risk)?){_SOURCE}\W*+",
    re.I,
)
# a karyotype of no intermediate or worse group: the favourable ones
_FAVOURABLE = ("aml_t8_21", "aml_inv16", "apl")


def _favourable() -> Expr:
    return any_of([predicate(c, Op.PRESENT) for c in _FAVOURABLE])


def _risk_review(review: Review, line: str) -> bool:
    said = review.text or line
    return len(said) <= 160 and _RISK_ONLY.fullmatch(said) is not None


def unfavourable_risk(expr: Expr, line: str) -> Expr:
    """``expr`` with each review that asks an intermediate or worse cytogenetic risk group joined
    to the absence of a favourable karyotype on record (see the module's doc)."""
    if isinstance(expr, Review):
        return All((Not(_favourable()), expr)) if _risk_review(expr, line) else expr
    if isinstance(expr, (All, Any_)):
        parts = tuple(unfavourable_risk(p, line) if isinstance(p, (All, Any_, Not)) or (isinstance(p, Review) and p.text) else p for p in expr.parts)
        return type(expr)(parts) if parts != expr.parts else expr
    if isinstance(expr, Not):
        inner = unfavourable_risk(expr.part, line) if not isinstance(expr.part, Review) or expr.part.text else expr.part
        return Not(inner) if inner is not expr.part else expr
    return expr
