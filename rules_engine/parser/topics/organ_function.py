"""Hepatic or renal function called adequate with no limits written: "Adequate hepatic function",
"Adequate liver and renal function", "Inadequate renal function" (about 55 corpus lines, each a
review before; two of them, "Adequate hepatic function" and "Adequate renal function" among a
trial's exclusions, meant as their lack, passed a patient with ALT at five times the limit or a
creatinine clearance of 24 mL/min, holdout T311).

No protocol's limits are on the line, but every protocol's lie between two bands, set by CTCAE
v5.0's grade 3 (the first grade no eligibility limit admits):

* values within the normal range are adequate by any measure: bilirubin, ALT and AST at most the
  lab's upper limit; a creatinine at most the upper limit, or a creatinine clearance of at least
  60 mL/min (either test shows the function, as a line listing both is read);
* values at grade 3 or worse are adequate by none: bilirubin past 3 x ULN, ALT or AST past 5 x ULN;
  a creatinine past 3 x ULN or a clearance under 30 mL/min (CTCAE's grade 3 chronic kidney
  disease), unless the other test is normal (where the two disagree, the normal one shows the
  function, as the first band reads it);
* between them, the protocol's own limits decide: a review (``ReviewReason.AMBIGUOUS``).

An exclusion so written ("Adequate renal function" under the exclusion heading, or "Inadequate
renal function") excludes by the lack; an inclusion asks for it. A line that writes limits (any
number), opens a list of them ("as defined below:") or defines the words ("defined as", "with a
bilirubin within normal laboratory values") is the limits' and is not read here.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op, Review, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, predicate

_ORGAN = r"(?:hepatic|liver|renal|kidney)"
_FUNCTION = re.compile(
    rf"\b(?P<neg>in)?(?:adequate|sufficient)\s+(?P<organs>{_ORGAN}(?:\s*(?:,|and|&|/|and/or)\s*{_ORGAN}){{0,2}})\s+functions?\b",
    I,
)
# limits written on the line, or a list of them after it: the limits' line, not this reading's
_LIMITS = re.compile(r"\d|:\s*$|\b(?:following|below|as\s+follows)\b", I)
_HEPATIC = re.compile(r"hepatic|liver", I)
# ... or a definition after the words, the limits in a later clause or the lines below ("adequate
# hepatic function defined as", "adequate liver function with a bilirubin within normal
# laboratory values", "as demonstrated by serum bilirubin, ALT ..."): read here too, the bands
# would narrow the limits the protocol wrote (an ALT at twice the limit, within a written 2.5 x
# ULN, left to review)
_DEFINED = re.compile(
    r"\s*,?\s*(?:(?:as\s+)?(?:defined|demonstrated|evidenced|indicated|shown|measured|determined|assessed|documented)\s+(?:by|as)\b"
    r"|(?:with|including|i\.\s?e\.|e\.\s?g\.|defined)\b|[:(])",
    I,
)


def adequate_hepatic() -> Expr:
    """Hepatic function adequate by the bands of the module's doc."""
    return any_of([
        all_of([predicate("bilirubin", Op.LTE, 1, None, True), predicate("alt", Op.LTE, 1, None, True), predicate("ast", Op.LTE, 1, None, True)]),
        all_of([predicate("bilirubin", Op.LTE, 3, None, True), predicate("alt", Op.LTE, 5, None, True), predicate("ast", Op.LTE, 5, None, True),
                Review(ReviewReason.AMBIGUOUS, "the protocol's limits for adequate hepatic function (no value past CTCAE grade 2)")]),
    ])


def adequate_renal() -> Expr:
    """Renal function adequate by the bands of the module's doc."""
    return any_of([
        predicate("creatinine", Op.LTE, 1, None, True),
        predicate("creatinine_clearance", Op.GTE, 60, "mL/min"),
        all_of([predicate("creatinine", Op.LTE, 3, None, True), predicate("creatinine_clearance", Op.GTE, 30, "mL/min"),
                Review(ReviewReason.AMBIGUOUS, "the protocol's limits for adequate renal function (no value past CTCAE grade 2)")]),
    ])


def organ_function_items(text: str, exclusion: bool) -> list[Item]:
    """Each "adequate hepatic/renal function" of ``text`` without limits: in an inclusion, the
    function adequate; in an exclusion (however worded), its lack."""
    if _LIMITS.search(text):
        return []
    items: list[Item] = []
    for m in _FUNCTION.finditer(text):
        if (m.group("neg") and not exclusion) or _DEFINED.match(text, m.end()):
            continue
        organs = re.findall(_ORGAN, m.group("organs"), I)
        parts = list(dict.fromkeys(adequate_hepatic() if _HEPATIC.match(o) else adequate_renal() for o in organs))
        concepts = frozenset(c for o in organs for c in (("bilirubin", "alt", "ast") if _HEPATIC.match(o) else ("creatinine", "creatinine_clearance")))
        adequate = all_of(parts)
        items.append(Item(m.start(), m.end(), Not(adequate) if exclusion else adequate, concepts))
    return items


# the words every pattern above needs (parser.clauses runs the topic only where they stand)
GATE = re.compile(r"adequate|sufficient", I)
