"""Heart disease asked with a qualifier the record can decide through the kinds the line names or
the kind that is that qualifier by definition (issue 14, cond7).

* **A lead-in to examples.** "Active heart disease including myocardial infarction within
  previous 3 months, symptomatic coronary artery disease, ..." (about 10 corpus lines): the
  parser keeps the words before "including" as a review and-ed to the first example, so a
  myocardial infarction two months ago was unknown where the line names it as what its active
  heart disease is. The examples define the qualified disease; the lead-in asks nothing beside
  them. Only a lead-in of significance or activity ("active", "clinically significant",
  "serious", "symptomatic", "known"): one of control ("uncontrolled heart disease including
  hypertension") may be asked of the example too, and stays a person's.

* **Uncontrolled heart disease.** "Uncontrolled cardiac disease", "Uncontrolled/unstable cardiac
  disease", "Significant uncontrolled cardiovascular disease" (about 15 corpus lines): heart
  failure of NYHA class III or IV is uncontrolled under every definition the corpus writes
  (``control``) and significant under every reading (``qualified_conditions``), and an unstable
  angina is angina out of control by definition (new, worsening or at rest). Either on record
  meets the line; any other heart disease stays the person's, and a line without one is not
  decided here (absent means absent, as before).

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Expr, Op, Predicate, Review
from rules_engine.parser.items import I, all_of, any_of, predicate, rewrite_conjunctions

_HEART_DISEASES = frozenset({"cardiac_disease", "cardiovascular_disease"})
_HEART = r"(?:heart|cardiac|cardiovascular|cardio-vascular)"

# "Active heart disease including", "Clinically significant cardiac disease, including but not
# limited to:", "Symptomatic heart disease including any of the following"
_LEAD_IN = re.compile(
    r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|other|known|current(?:ly)?|active|clinically|significant|serious|"
    r"severe|symptomatic|evidence\s+of|presence\s+of|or|and/or)\b)*+"
    rf"\b{_HEART}\s+(?:diseases?|conditions?|disorders?)\W*+including(?:\s+but\s+not\s+limited\s+to)?(?:\s+(?:any\s+)?(?:one\s+)?of\s+the\s+following)?\W*+",
    I,
)


def _examples_lead(node: All) -> Expr | None:
    reviews = [p for p in node.parts if isinstance(p, Review)]
    named = [p for p in node.parts if isinstance(p, Predicate)]
    if (
        len(reviews) != 1
        or not named
        or len(named) + 1 != len(node.parts)
        or any(p.concept in _HEART_DISEASES for p in named)
    ):
        return None  # (the lead's own disease beside it is no example: dropped, any heart disease met it)
    text = reviews[0].text
    if not text or len(text) > 120 or not _LEAD_IN.fullmatch(text):
        return None
    return all_of(list(named))


_UNCONTROLLED = re.compile(
    r"\b(?:uncontrolled|unstable|poorly\s+controlled|not\s+(?:well\s+|adequately\s+)?controlled)\b", I
)
# what else the qualifier's review may hold: its filler, and significance (which heart failure of
# class III or IV holds as well)
_UNCONTROLLED_REST = re.compile(
    r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|other|known|current(?:ly)?|active|evidence\s+of|presence\s+of|"
    r"history\s+of|or|and|and/or|clinically|significant|serious|major|uncontrolled|unstable|poorly\s+controlled|"
    r"not\s+(?:well\s+|adequately\s+)?controlled)\b)*+",
    I,
)


def _uncontrolled_kinds(node: All) -> Expr | None:
    if len(node.parts) != 2:
        return None
    disease = next((p for p in node.parts if isinstance(p, Predicate)), None)
    review = next((p for p in node.parts if isinstance(p, Review)), None)
    if (
        disease is None
        or review is None
        or disease.concept not in _HEART_DISEASES
        or disease.op not in (Op.PRESENT, Op.WITHIN)
    ):
        return None
    text = review.text
    if not text or len(text) > 80 or not _UNCONTROLLED.search(text) or not _UNCONTROLLED_REST.fullmatch(text):
        return None
    failing = all_of([predicate("heart_failure", disease.op, window=disease.window), predicate("nyha", Op.GTE, 3)])
    unstable = predicate("unstable_angina", disease.op, window=disease.window)
    return any_of([failing, unstable, node])


def heart_disease_kinds(expr: Expr) -> Expr:
    """``expr`` with a heart disease's lead-in to its examples read as asking nothing, and
    uncontrolled heart disease met by a class III-IV heart failure or an unstable angina."""
    return rewrite_conjunctions(rewrite_conjunctions(expr, _examples_lead), _uncontrolled_kinds)
