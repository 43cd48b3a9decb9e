"""A life expectancy counted apart from a cause ("Life expectancy of greater than 3 months in
relation to diseases other than AML/MDS", "a life expectancy of 5 years, excluding their diagnosis
of cancer", "life expectancy of < 6 months for reasons other than their underlying hematologic
disorder"; 4 corpus lines, holdout T214).

The life expectancy a record holds is the patient's whole one, the disease the trial treats
included; the line's is the one the other diseases leave. A whole life expectancy within the bound
says the other one is too, so an inclusion met by the record stays met; one past the bound may be
the trial's own disease alone, a person's (an ``Alternative``: the line widens, never narrows).
An exclusion's threshold reached by the whole life expectancy is likewise a person's (a
``Qualifier``): its cause may be the disease the trial is for.

Read as a requirement of its own, the cause's words stayed beside the bound as a review and the
diseases they name as requirements ("and (AML or MDS)"); a patient whose AML shortened his life
expectancy failed the line, and one line's "excluding" negated the performance status after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.items import I, all_of, any_of
from rules_engine.parser.safety import Alternative, Qualifier

_OTHER = r"other\s+th[ae]n"
# the cause set apart, right after the life expectancy's bound
_APART = re.compile(
    r"\s*,?\s*\(?\s*(?P<words>"
    rf"(?:(?:for|from|due\s+to|in\s+relation\s+to|related\s+to|with\s+respect\s+to|attributable\s+to|attributed\s+to)\s+"
    rf"(?:(?:any\s+)?(?:reasons?|causes?|diseases?|conditions?|illness(?:es)?|co-?morbidit(?:y|ies)))\s+{_OTHER}"
    r"|excluding|exclusive\s+of|apart\s+from|independent(?:ly)?\s+of|not\s+(?:related|due|attributable)\s+to|unrelated\s+to)"
    r"\s+(?P<cause>[^,;()]{2,80}?))\s*\)?(?=\s*(?:[,;.(]|$|\band\b))",
    I,
)
# ... or the one a named other cancer leaves ("be deemed to have a life expectancy of at least 2
# years with regard to that malignancy", "a life expectancy of > 5 years for that malignancy"; 2
# corpus lines, holdout T92): the record's whole life expectancy is at most that one, so it is read
# the same way (met stays met; a whole one short of the bound may be the trial's own disease's).
# Read as the whole one, every patient with a short life expectancy failed a line about a cancer
# he may not have.
_FOR_THAT = re.compile(
    r"\s*,?\s*\(?\s*(?P<words>"
    r"(?:for|from|due\s+to|in\s+relation\s+to|related\s+to|with\s+re(?:spect|gard)\s+to|regarding|attributable\s+to)\s+"
    r"(?:that|th[ie]s|the|such|their|his|her)\s+(?:(?:prior|other|previous|second|earlier)\s+)?"
    r"(?:malignanc(?:y|ies)|cancers?|tumou?rs?))\s*\)?(?=\s*(?:[,;.(]|$|\b(?:and|are|is|but)\b))",
    I,
)


# the life expectancy's bound the cause follows (the line is read here, before the exception
# readers cut it at "other than" or "excluding" and leave the bound without its cause)
_LIFE_BOUND = re.compile(
    r"\b(?:life[\s-]+expectan(?:cy|ce)|(?:expected|estimated)\s+survival)\b[^;:()]{0,40}?\b\d{1,3}\s*(?:weeks?|months?|years?|days?)\b", I
)


def life_apart(text: str, ctype: CriterionType, read: Callable[[str], Expr]) -> Expr | None:
    """The line ``text`` read with the cause set apart after its life expectancy (the words blanked,
    the line read by ``read``, its one life expectancy bound widened as above); None for any other
    line."""
    low = text.lower()
    if "life" not in low and "surviv" not in low:
        return None
    bound = _LIFE_BOUND.search(text)
    m = _APART.match(text, bound.end()) if bound is not None else None
    if m is None and bound is not None:
        m = _FOR_THAT.match(text, bound.end())
    if m is None:
        return None
    words = "life expectancy " + " ".join(m.group("words").split())
    expr = read(text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():])
    if isinstance(expr, Review) or sum(p.concept == "life_expectancy" for p in iter_predicates(expr)) != 1:
        return None
    return _widened(expr, ctype is CriterionType.INCLUSION, words)


def _widened(expr: Expr, eligible_side: bool, words: str) -> Expr:
    """``expr`` with its life expectancy bound left to a person where the record's whole life
    expectancy does not settle the line's (``eligible_side``: the bound met is the way in)."""
    if isinstance(expr, Predicate) and expr.concept == "life_expectancy":
        if eligible_side:
            return any_of([expr, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, words)])
        return all_of([expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words)])
    if isinstance(expr, All):
        return all_of([_widened(p, eligible_side, words) for p in expr.parts])
    if isinstance(expr, Any_):
        return any_of([_widened(p, eligible_side, words) for p in expr.parts])
    if isinstance(expr, Not):
        return Not(_widened(expr.part, not eligible_side, words))
    return expr
