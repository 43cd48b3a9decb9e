"""Hypothyroidism asked untreated or uncorrected: "Uncorrected hypothyroidism", "Untreated
hypothyroidism or hyperthyroidism", "No preexisting hypothyroidism prior to enrollment unless
patient is euthyroid on medication" (issue 14, cond15; a handful of corpus lines, of trials whose
drug acts on the thyroid or the QT interval).

The parser reads the hypothyroidism and leaves the qualifier to a person ("hypothyroidism and
review 'Uncorrected'"), so a hypothyroidism with no replacement on record was unknown where the
line excludes it. What treats and corrects a hypothyroidism is thyroid hormone (levothyroxine,
liothyronine: ``thyroid_hormone_therapy``), a therapy the record holds, and one absent from the
record is absent (contract, section 4). So:

* "untreated": the hypothyroidism with no thyroid hormone taken now (within two weeks) is
  untreated, met; one on replacement is treated, not met;
* "uncorrected", "uncontrolled", "unless euthyroid on medication": with no replacement on record
  the hypothyroidism is surely not corrected (nor euthyroid on medication), met; on replacement,
  whether the dose has corrected it stays a person's (no thyroid test is read).

Without a hypothyroidism on record the line asks nothing, as before. Only where the review holds
nothing but the qualifier and the subject's words.

Every pattern is an alternation of literals; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Expr, Not, Op, Predicate, Review, Window
from rules_engine.parser.items import I, NOW, all_of, any_of, predicate, rewrite_conjunctions

_SUBJECT = r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|an?|known|current(?:ly)?|preexisting|pre-existing|prior\s+to\s+enrol+ment|is|are)\b)*"
_UNTREATED = re.compile(_SUBJECT + r"\buntreated\b" + _SUBJECT, I)
_UNCORRECTED = re.compile(
    _SUBJECT + r"(?:\b(?:uncorrected|uncontrolled|poorly\s+controlled)\b"
    r"|\bunless\s+(?:the\s+)?(?:patient|subject|participant)?\s*(?:is\s+)?euthyroid\s+(?:on|with)\s+(?:medications?|replacement|treatment|therapy)\b)" + _SUBJECT,
    I,
)
_NOW = NOW


def thyroid_replacement(expr: Expr) -> Expr:
    """``expr`` with each "hypothyroidism and a review of its treatment" read by the thyroid
    hormone on record (module docstring)."""
    return rewrite_conjunctions(expr, _by_replacement)


def _by_replacement(node: All) -> Expr | None:
    if len(node.parts) != 2:
        return None
    disease = next((p for p in node.parts if isinstance(p, Predicate)), None)
    review = next((p for p in node.parts if isinstance(p, Review)), None)
    if disease is None or review is None or not review.text or disease.concept != "hypothyroidism" or disease.op is not Op.PRESENT:
        return None
    untreated = Not(predicate("thyroid_hormone_therapy", Op.WITHIN, None, None, False, _NOW))
    if _UNTREATED.fullmatch(review.text):
        return all_of([disease, untreated])
    if _UNCORRECTED.fullmatch(review.text):
        return all_of([disease, any_of([untreated, review])])
    return None
