"""Organ function asked for as a whole with no limits written: "Adequate organ function", "Normal
organ and marrow function", "Adequate hematologic and end organ function", "The participant has
adequate organ and blood cell counts", "Inadequate organ function within 28 days prior to
randomization" (about 100 corpus lines, each a review whole before; holdout T325 passed a
patient with a bilirubin at five times the limit as possibly eligible).

Every protocol's "organ function" covers the liver and the kidneys, and every protocol's limits
for them lie inside topics.organ_function's adequate bands: a bilirubin past 3 x ULN, an ALT or
AST past 5 x ULN, a creatinine past 3 x ULN with a clearance under 30 mL/min are CTCAE grade 3,
which no eligibility limit admits. So the line is those two bands beside a review for the rest
(the protocol's own limits, the heart, the lungs, the marrow): a patient past grade 2 is decided,
every other one is a person's. With the marrow named beside the organs ("organ and marrow
function", "organ and blood cell counts", "hematologic and end organ function"), a neutrophil count
under 0.5 x 10^9/L is decided too (``MARROW_FLOOR``). "Normal" organ function is read with the
same bands, not the normal range: the registries' template "normal organ and marrow function as defined below"
writes limits past the normal range (bilirubin <= 1.5 x ULN, AST <= 2.5 x ULN), so the normal
range would refuse patients the protocol admits.

An exclusion ("Inadequate organ function") excludes by the lack. A line that writes limits or
lists them below ("as defined below:", "the following laboratory values") is the limits' reading
and is not read here; a time window ("within 14 days of registration") or a pointer to a table
of the protocol ("as defined in Table 2") writes no limit. A line that names an exception
("patients with elevated creatinine due to myeloma are not excluded") is left whole to a person:
the bands could refuse the patient it admits.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op, Review, ReviewReason
from rules_engine.parser.items import I, Item, all_of, predicate
from rules_engine.parser.topics.organ_function import NOT_BEFORE, adequate_hepatic, adequate_renal, named_organ_items

_OTHER = r"(?:(?:bone\s+)?marrow|ha?ematolog(?:ic|ical|y)|blood(?:\s+cell)?)"
_JOIN = r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*)"
_OVERALL = re.compile(
    rf"\b(?P<neg>in)?(?:adequate|sufficient|normal|acceptable|satisfactory)\s+(?:{_OTHER}{_JOIN})?"
    rf"(?:(?:major|vital|end[\s-]?|baseline)\s*)?organ(?:\s+system)?s?(?:{_JOIN}{_OTHER})?\s+(?:functions?|counts|reserve)\b",
    I,
)
# limits on the line or a list of them below it (after the time windows and table pointers, which
# write none, are taken out)
_LIMITS = re.compile(r"\d|:\s*$|\b(?:following|below|as\s+follows|see)\b", I)
_NO_LIMIT = re.compile(r"\b\d++\s*+(?:days?|weeks?|months?|hours?)\b|\btables?\s*+\d++", I)
# an exception the bands could overrule: the line is a person's whole
_EXCEPTION = re.compile(r"\b(?:except|unless|excluded|exclusion|allowed|permitted|eligible|regardless|irrespective|due\s+to|if|provided|but)\b", I)


def overall_organ(marrow: bool = False) -> Expr:
    """Organ function adequate as a whole: the hepatic and renal bands beside a review for the rest;
    with the marrow named ("organ and marrow function", "organ and blood cell counts"), a neutrophil
    count of at least 0.5 x 10^9/L too (``MARROW_FLOOR``)."""
    rest = ", no neutrophil count under 0.5 x 10^9/L" if marrow else ""
    return all_of([adequate_hepatic(), adequate_renal(), *([marrow_floor()] if marrow else []),
                   Review(ReviewReason.AMBIGUOUS, f"the protocol's limits for adequate organ function (no liver or kidney value past CTCAE grade 2{rest})")])


# The marrow asked for as a whole ("adequate organ and marrow function"): a neutrophil count under
# 0.5 x 10^9/L is CTCAE grade 4, which no such wording admits; of the corpus's written neutrophil
# limits one line goes lower (> 200/uL, a leukaemia trial writing its own limit, read there as
# written), 19 write >= 0.5, the rest 0.75 and up. The blood cancers' platelet and hemoglobin limits
# reach into grade 4 (platelets >= 10 or 20, transfusions permitted), so only the neutrophils are
# decided (holdout T325: a neutrophil count of 0.3 passed "adequate organ and blood cell counts").
MARROW_FLOOR = 0.5
_MARROW = re.compile(_OTHER, I)


def marrow_floor() -> Expr:
    """The neutrophil floor every protocol's "adequate marrow function" lies above."""
    return predicate("anc", Op.GTE, MARROW_FLOOR, "10*9/L")


def organ_items(text: str, exclusion: bool) -> list[Item]:
    """The named organs' function (``organ_function``) and organ function as a whole, read together
    so the whole is not read again where a named organ's reading covers its words."""
    named = named_organ_items(text, exclusion)
    return named + overall_organ_items(text, exclusion, named)


def overall_organ_items(text: str, exclusion: bool, taken: list[Item]) -> list[Item]:
    """Each "adequate organ function" of ``text`` without limits (none where ``taken`` items, the
    named organs' readings, already cover the words): in an inclusion the function adequate, in an
    exclusion its lack ("Inadequate organ function")."""
    if _LIMITS.search(_NO_LIMIT.sub(" ", text)) or _EXCEPTION.search(text):
        return []
    items: list[Item] = []
    for m in _OVERALL.finditer(text):
        if (m.group("neg") and not exclusion) or NOT_BEFORE.search(text, 0, m.start()):
            continue
        if any(it.start < m.end() and m.start() < it.end for it in taken):
            continue
        marrow = bool(_MARROW.search(m.group()))
        expr = overall_organ(marrow)
        items.append(Item(m.start(), m.end(), Not(expr) if exclusion else expr,
                          frozenset(("bilirubin", "alt", "ast", "creatinine", "creatinine_clearance", *(("anc",) if marrow else ())))))
    return items
