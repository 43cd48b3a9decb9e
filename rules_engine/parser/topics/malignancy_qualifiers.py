"""A stranded qualifier of "another malignancy": a review the clause grammar split off the
malignancy it qualifies and set beside it as one more alternative of an exclusion.

"History of another primary invasive malignancy that has not been definitively treated or in
remission for at least 2 years", "Participants with a history of cancer, other than resected
basal cell carcinoma ... Cancer treated with curative intent for less than 5 years previously will
not be allowed unless approved ...", "History of prior malignancy ... less than 5 years from
enrollment ... Cancer treated with curative intent less than 5 years will be reviewed on a
case-by-case basis": the grammar reads ``Any_(malignancy..., review "in remission for >= 2
years")``. The stranded review is no condition of its own: its words speak of the other cancer
(its remission, its curative treatment, its disease-free time), and a patient with no other
cancer on record cannot meet them. Left as an alternative, it made every patient unknown, a
patient with no cancer but the trial's own as much as one with a breast cancer (holdout T141,
T221, T115).

Here such a review is asked of a patient with another malignancy on record only:
``All(malignancy ever, review)``, the malignancy told the same cancers to leave out (the trial's
own, the line's excepted kinds) as the one the line counts. A patient with another cancer is left
to the review as before; one without is no longer held by words about a cancer they do not have.

A stranded qualifier that states the span the cancer must lie behind ("or in remission for at least
2 years", the clause's "has not been ... in remission for N years") decides more: a malignancy
active today, or on record inside the span, cannot have been in remission that long and meets
it (holdout T141-breast: an active breast cancer left the line unknown); one on record beyond the
span is left to the review. Only a bare fragment of the clause (``_BARE_SPAN``) is read so: a
sentence with its own verdict ("Any cancer ... disease free for >= 2 years is permissible") may
let in what the line counts, and stays asked of a patient with a cancer only. ``span_of`` reads the span (``coded._span_in``, which states it only
"at least" / ">=" / "more than" so many years: "less than 5 years" is no span read here).

Only in an exclusion, under no negation, beside an alternative counting the malignancy; only a
review whose words name a cancer's course (``_COURSE``) and nothing else a line may list beside
it (``_OTHER``), in a line whose subject is a cancer (``_SUBJECT`` near its start).
Every pattern is alternations of literals with bounded gaps; none nests a repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate, Review, Window, iter_predicates
from rules_engine.parser.items import rewrite_groups

# the words of a cancer's course: its remission, disease-free time, curative treatment, cure (a
# review naming a cancer and nothing of its course, "thyroid cancer", "primary brain tumor", may
# be a condition of its own, or the trial's own disease in the brain, and stays an alternative)
_COURSE = re.compile(
    r"\b(?:remission|curative(?:ly)?|cured|(?:disease|cancer|tumou?r|recurrence|relapse)[\s-]*free|"
    r"(?:no|without)\s+evidence\s+of\s+(?:active\s+)?(?:disease|recurrence))\b",
    re.I,
)
# anything else a line may list beside the cancer (another condition, the trial's own disease, a
# therapy of it): such a review is its own alternative and stays one
_OTHER = re.compile(
    r"\b(?:leuka?emi|lymphom|myelo|infect|hepatit|cardi|heart|psychiatr|seizure|illness|disorder|syndrome|transplant|graft|"
    r"pregnan|autoimmun|investigational|organ\b|surgery|medical\s+condition|benign|brain|mening|CNS\b|(?-i:MDS|AML|ALL|CML|CLL|HIV)\b)",
    re.I,
)
# the line is about a cancer: it names one in its first words ("History of another primary invasive
# malignancy", "Participants with a history of cancer", "Diagnosis of another malignancy")
_SUBJECT = re.compile(r"\b(?:cancers?|malignanc(?:y|ies)|carcinomas?|neoplasms?|tumou?rs?)\b", re.I)
_SUBJECT_WITHIN = 90

_LIFETIME = Window(100.0, "years")

# the span read: a bare fragment of the clause ("in remission for >= 2 years", "or disease-free for
# 3 years"), never a sentence with a verdict of its own ("Any cancer from which the patient has been
# disease free for >= 2 years is permissible": a permission, which may let in what the line counts)
_BARE_SPAN = re.compile(
    r"^\W*(?:(?:or|and|nor)\s+)?(?:not\s+)?(?:been\s+)?(?:in\s+(?:complete\s+)?remission|(?:disease|cancer|relapse|recurrence)[\s-]free|"
    r"free\s+(?:of|from)|(?:without|no)\s+evidence)\b",
    re.I,
)
_VERDICT = re.compile(r"\b(?:allow|permi|accept|eligib|exclu|includ|enrol|consider|review|unless|except)", re.I)


def _counted(expr: Expr) -> Predicate | None:
    """The other malignancy an alternative counts (present, or inside a window)."""
    return next((p for p in iter_predicates(expr) if p.concept == "other_malignancy" and p.op in (Op.PRESENT, Op.WITHIN)), None)


def _stranded(part: Expr) -> bool:
    return isinstance(part, Review) and bool(part.text) and _COURSE.search(part.text or "") is not None and _OTHER.search(part.text or "") is None


def stranded_qualifiers(expr: Expr, ctype: CriterionType, text: str, span_of: Callable[[str], Window | None]) -> Expr:
    """``expr`` with each stranded qualifier of the malignancy asked of a patient with one."""
    if ctype is not CriterionType.EXCLUSION or not _SUBJECT.search(text[:_SUBJECT_WITHIN]):
        return expr

    def asked(review: Review, counted: Predicate) -> Expr:
        ever = All((replace(counted, op=Op.WITHIN, window=_LIFETIME), review))
        span = span_of(review.text or "") if _BARE_SPAN.match(review.text or "") and not _VERDICT.search(review.text or "") else None
        if span is None:
            return ever
        return Any_((replace(counted, op=Op.PRESENT, window=None), replace(counted, op=Op.WITHIN, window=span), ever))

    def at(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
        if not positive or not isinstance(node, Any_):
            return parts
        counted = next((c for p in parts if not isinstance(p, Review) and (c := _counted(p)) is not None), None)
        if counted is None or not any(_stranded(p) for p in parts):
            return parts
        return [asked(p, counted) if isinstance(p, Review) and _stranded(p) else p for p in parts]

    return rewrite_groups(expr, at)
