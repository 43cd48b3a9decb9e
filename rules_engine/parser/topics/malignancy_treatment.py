"""Another malignancy "requiring treatment" read from a record that shows the treatment.

"Another malignancy requiring treatment at the time of inclusion", "Known additional malignancy
that is progressing or requires active treatment", "Patients who are receiving therapy for another
active malignancy" (about 45 corpus lines): the clause grammar reads the active other malignancy
and leaves the treatment words a review beside it, so a patient with an active prostate cancer on
leuprolide now was as unknown as one whose cancer is watched untreated.

Hormonal therapy for cancer (ATC L02: tamoxifen, aromatase inhibitors, anti-androgens, GnRH
analogues; the ``hormone_therapy`` concept) treats solid tumours only. In a trial whose own
diseases hold no solid tumour (the blood cancers this project is measured on), such a therapy
taken now beside an active other malignancy is that malignancy's treatment, so the review becomes
``hormone-therapy within 28 days or review``: met by the therapy, still left to a person without
it (an active cancer with no therapy on record may be watched, never cleared by the record), and
the malignancy itself still asked (a therapy with no active other cancer meets nothing).

Left as they were: a trial for a solid tumour (the hormonal therapy may treat the trial's own
disease); a line that names hormonal therapy at all ("except breast or prostate cancer stable on
endocrine therapy", "requiring active treatment (except hormonal therapy)"), whose words about it
this module does not read; and a review that says more than the treatment ("requiring treatment
that would interfere with the assessments of response"), which a therapy does not settle.
"""

from __future__ import annotations

import re

from rules_engine.concepts import ancestors
from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, Window, iter_nodes, iter_predicates

# the treatment phrase the review must hold ("requiring treatment", "requires active therapy",
# "receiving therapy for"); bounded, no nested repetition
_TREATMENT = re.compile(
    r"\b(?:requir(?:e|es|ed|ing)|receiving|undergoing|under)\s+(?:active\s+)?(?:treatment|therapy)\b",
    re.I,
)
# every other word the review may hold: who, the malignancy's leftover words, "is progressing or"
# (an alternative the therapy settles too), and when ("at the time of inclusion", "in the last 5
# years", which a therapy taken now is inside). Any other word is a condition of its own
_FILLER = frozenset(
    """patient patients subject subjects participant participants individuals who with has have having had a an another
    other active currently current concurrent known additional second secondary which that is are was for of or
    progressing progressed requires requiring require required receiving undergoing under treatment therapy active
    at the time inclusion enrollment enrolment registration entry screening study in within last past prior previous
    years year months month""".split()
)
# the words that name hormonal therapy: a line that says anything about it is left as it was
_HORMONAL = re.compile(r"hormon|endocrin|tamoxifen|aromatase|androgen|lhrh|gnrh|leuprol|goserelin", re.I)

_NOW = Window(28.0, "days")


def _treatment_only(text: str) -> bool:
    """Whether a review's words are the treatment phrase and filler only."""
    if not _TREATMENT.search(text):
        return False
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in _FILLER for w in words)


def _counts_other_malignancy(expr: Expr) -> bool:
    """The active other malignancy a line counts: ``other-malignancy`` asked present, bare, or
    an alternative of such predicates."""
    if isinstance(expr, Predicate):
        return expr.concept == "other_malignancy" and expr.op is Op.PRESENT and expr.window is None
    return isinstance(expr, Any_) and bool(expr.parts) and any(_counts_other_malignancy(p) for p in expr.parts) and all(
        isinstance(p, Predicate) and p.concept == "other_malignancy" for p in expr.parts
    )


def _rewrite(expr: Expr) -> Expr:
    if isinstance(expr, Not):
        inner = _rewrite(expr.part)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, Any_):
        alternatives = tuple(_rewrite(p) for p in expr.parts)
        return expr if alternatives == expr.parts else Any_(alternatives)
    if not isinstance(expr, All):
        return expr
    parts = tuple(_rewrite(p) for p in expr.parts)
    if any(_counts_other_malignancy(p) for p in parts):
        parts = tuple(
            Any_((Predicate("hormone_therapy", Op.WITHIN, window=_NOW), p)) if isinstance(p, Review) and _treatment_only(p.text or "") else p
            for p in parts
        )
    return expr if parts == expr.parts else All(parts)


def treated_now(expr: Expr, text: str, own: tuple[str, ...] | None) -> Expr:
    """``expr`` with each review "requiring treatment" beside the active other malignancy it
    qualifies read as a hormonal therapy taken now, or the review; unchanged for a trial whose
    own diseases are unknown or hold a solid tumour, and for a line that names hormonal therapy."""
    if own is None or any(d == "solid_tumor" or "solid_tumor" in ancestors(d) for d in own):
        return expr
    reviews = " ".join(n.text or "" for n in iter_nodes(expr) if isinstance(n, Review))
    if _HORMONAL.search(text) or _HORMONAL.search(reviews) or any(p.concept == "hormone_therapy" for p in iter_predicates(expr)):
        return expr
    return _rewrite(expr)
