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

The words "which is not in remission" beside the active other malignancy ask nothing the active
record does not say (a record in remission is not active), and go.

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

# a review that only says the malignancy is not in remission ("which is not in remission"): an
# active record says so (a record in remission is not active: clinicalStatus remission, resolved
# or inactive), so beside the active malignancy the words ask nothing more
_REMISSION_PHRASE = re.compile(r"\bnot\s+(?:yet\s+)?in\s+(?:complete\s+)?remission\b", re.I)
_NOT_IN_REMISSION = re.compile(r"\W*(?:(?:which|that)\s+)?(?:is\s+)?not\s+(?:yet\s+)?in\s+(?:complete\s+)?remission\W*", re.I)


def _not_in_remission(text: str) -> bool:
    """Whether a review says nothing but that the malignancy is not in remission."""
    m = _REMISSION_PHRASE.search(text)
    if m is None:
        return False
    words = re.findall(r"[a-z]+", (text[: m.start()] + " " + text[m.end():]).lower())
    return all(w in _FILLER or w == "history" for w in words)


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
        alternatives = _relative_treatment(tuple(_rewrite(p) for p in expr.parts))
        return expr if alternatives == expr.parts else Any_(alternatives)
    if not isinstance(expr, All):
        return expr
    parts = tuple(_rewrite(p) for p in expr.parts)
    if any(isinstance(p, Predicate) and _counts_other_malignancy(p) for p in parts):
        # "Active second malignancy ... which is not in remission": what an active record is
        kept = tuple(p for p in parts if not (isinstance(p, Review) and _NOT_IN_REMISSION.fullmatch(p.text or "")))
        parts = kept if kept else parts
    active = [q for p in parts if isinstance(p, Any_) and _counts_other_malignancy(p) for q in p.parts if _counts_other_malignancy(q)]
    if active:
        # "a history of prior malignancy ... that is NOT in remission": an active one is not; one
        # no longer active may be, which is a person's
        parts = tuple(Any_((active[0], p)) if isinstance(p, Review) and _not_in_remission(p.text or "") else p for p in parts)
    if any(_counts_other_malignancy(p) for p in parts):
        parts = tuple(
            Any_((Predicate("hormone_therapy", Op.WITHIN, window=_NOW), p)) if isinstance(p, Review) and _treatment_only(p.text or "") else p
            for p in parts
        )
    if parts == expr.parts:
        return expr
    return parts[0] if len(parts) == 1 else All(parts)


def _counted_in(expr: Expr) -> Predicate | None:
    """The active other malignancy an alternative counts: itself, or a part of its And."""
    for part in expr.parts if isinstance(expr, All) else (expr,):
        if isinstance(part, Predicate) and _counts_other_malignancy(part):
            return part
    return None


def _relative_treatment(alternatives: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """"Active second malignancy ... which is not in remission and/or for which the patient is
    currently receiving treatment": the second relative clause, left a review alternative of its
    own, is said of the same malignancy, so it asks that malignancy too (a patient with no active
    other cancer is receiving no treatment for one) beside the treatment it names."""
    counted = [c for a in alternatives if (c := _counted_in(a)) is not None]
    if len(counted) != 1:
        return alternatives
    return tuple(
        All((counted[0], Any_((Predicate("hormone_therapy", Op.WITHIN, window=_NOW), a)))) if isinstance(a, Review) and _treatment_only(a.text or "") else a
        for a in alternatives
    )


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
