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
every other one is a person's. "Normal" organ function is read with the same bands, not the
normal range: the registries' template "normal organ and marrow function as defined below"
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

from rules_engine.criteria import Expr, Not, Review, ReviewReason
from rules_engine.parser.items import I, Item, all_of
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


def overall_organ() -> Expr:
    """Organ function adequate as a whole: the hepatic and renal bands beside a review for the rest."""
    return all_of([adequate_hepatic(), adequate_renal(),
                   Review(ReviewReason.AMBIGUOUS, "the protocol's limits for adequate organ function (no liver or kidney value past CTCAE grade 2)")])


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
        expr = overall_organ()
        items.append(Item(m.start(), m.end(), Not(expr) if exclusion else expr,
                          frozenset(("bilirubin", "alt", "ast", "creatinine", "creatinine_clearance"))))
    return items
