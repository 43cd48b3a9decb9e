"""An exception for any early-stage cancer in remission beside "another malignancy within N years".

"History of another malignancy within 5 years with the exception of basal cell carcinoma ... or
stage 1 or 2 cancer that is considered adequately treated and currently in complete remission",
"No other prior malignancy is allowed except for the following: adequately treated basal cell or
squamous cell skin cancer, in situ cervical cancer, adequately treated Stage I or II cancer from
which the patient is currently in complete remission, or ..." (17 corpus lines, the NCI and
cooperative-group template): the named kinds (skin cancer, carcinoma in situ) fold into the
counted malignancy's value (``topics.coded``), but the early-stage alternative names no kind, so
it was lost with them: a breast cancer treated three years ago and resolved counted as another
malignancy within the span and excluded its patient, though the exception may cover it (holdout
T312-breast-cancer-3y: ineligible, where the stage no record holds leaves it to a person).

No record holds a cancer's stage. What the record does say: an active record is no cancer "in
complete remission", "disease-free" or "without recurrence", so it stays counted as before; a
record no longer active inside the span may be the early-stage cancer the exception lets in, and
is left to a person with the exception's words. The line never decides more than it did: only
the malignancy the line already counts inside its span is touched, and only made ``unknown``.

Read where the line counts ``other_malignancy`` inside a span (``WITHIN``, or ``NOT_WITHIN`` in an
inclusion's "no other malignancy within ..."), never in a ``Not`` beside it (the exceptions the
line already reads live there). The stage must be of any cancer ("stage I or II cancer"), not a
site's ("stage I or II breast cancer", which names a kind), and its words must say it is over
(remission, disease-free, no evidence of disease, no recurrence, cured). The pattern is a bounded
literal; no repetition nests.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason

# "stage I or II cancer", "Stage I/II cancers", "stage 1 or 2 cancer", "stage I-II malignancy"
_EARLY_STAGE = re.compile(
    r"\bstages?\s+(?:I|1)\s*(?:or|and|/|-|to|,)\s*(?:II|2)\s+(?:cancers?|malignanc(?:y|ies)|tumou?rs?|carcinomas?)\b",
    re.I,
)
# the words that say the early-stage cancer is over, within the clause after it
_OVER = re.compile(
    r"remission|disease[\s-]+free|no\s+evidence\s+of\s+(?:active\s+)?(?:disease|recurrence)|recurren(?:ce|t)|\bcured\b",
    re.I,
)
# an exception's words before it ("except", "with the exception of", "are eligible")
_EXCEPTING = re.compile(r"\bexcept|\bexclud|\bother\s+than\b|\bunless\b|\beligible\b|\ballowed\b|\bpermitted\b", re.I)


def early_stage_words(text: str) -> str | None:
    """The early-stage exception's words in ``text`` ("stage I or II cancer ... in complete
    remission", up to the end of its clause), or None when the text holds none."""
    m = _EARLY_STAGE.search(text)
    if m is None:
        return None
    end = len(text)
    for stop in (";", ". "):
        at = text.find(stop, m.end())
        if at != -1:
            end = min(end, at)
    if _OVER.search(text, m.end(), end) is None:
        return None
    if _EXCEPTING.search(text) is None:
        return None
    return text[m.start():end].strip(" ,.")


def early_stage_exception(expr: Expr, ctype: CriterionType, words: str) -> Expr:
    """``expr`` with the malignancy it counts inside a span asked as ``active, or left to a
    person`` when ``words`` hold an exception for any early-stage cancer now over (see the
    module's docstring); ``expr`` itself otherwise."""
    said = early_stage_words(words)
    if said is None:
        return expr
    review = Review(ReviewReason.UNSUPPORTED_CONCEPT, said)
    counted_sign = ctype is CriterionType.EXCLUSION  # the sign under which the line counts it

    def walk(node: Expr, positive: bool, nots: int) -> Expr:
        if isinstance(node, Predicate):
            if node.concept != "other_malignancy" or node.window is None:
                return node
            if node.op is Op.WITHIN and positive is counted_sign:
                return _active_or_review(node, review)
            if node.op is Op.NOT_WITHIN and positive is not counted_sign:
                return Not(_active_or_review(replace(node, op=Op.WITHIN), review))
            return node
        if isinstance(node, (All, Any_)):
            parts = tuple(walk(p, positive, nots) for p in node.parts)
            return node if parts == node.parts else type(node)(parts)
        if isinstance(node, Not) and ctype is CriterionType.INCLUSION and nots == 0:
            inner = walk(node.part, not positive, 1)
            return node if inner is node.part else Not(inner)
        return node

    return walk(expr, True, 0)


def _active_or_review(within: Predicate, review: Review) -> Expr:
    """The span's malignancy counted while its record is active; one no longer active inside the
    span may be the early-stage cancer the exception lets in."""
    active = replace(within, op=Op.PRESENT, window=None)
    return Any_((All((within, active)), All((within, review))))
