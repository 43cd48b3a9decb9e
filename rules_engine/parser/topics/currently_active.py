"""A "currently active" second malignancy and the sentence that defines it (one cooperative-group
template, about 12 corpus lines): "Patients with a "currently active" second malignancy other than
non-melanoma skin cancers. Patients are not considered to have a "currently active" malignancy if
they have completed therapy and are considered by their physician to be at less than 30% risk of
relapse."

The definition narrows the malignancy the line counts: a cancer active on record is excluded
unless the physician's judgement clears it. The grammar set the defining sentence beside the
malignancy as an alternative of its own (``other-malignancy or review "... not considered ..."``),
sometimes with "completed therapy" read as a recent anticancer therapy joined to it, so a patient
with no other cancer at all was unknown (the review may hold), and one on chemotherapy for the
trial's own disease was asked that review too. Here the sentence is the malignancy's exception:
``All(active other malignancy, Not(review))`` in an exclusion, its negation where an inclusion
asks for none. No other cancer on record answers the line; an active one is left to the judgement
the sentence names; a resolved one is not currently active. The therapy words are dropped with
the alternative (they are the definition's, never a therapy the line asks about).

A definition that states a disease-free span instead ("... if they have completed therapy and have
been disease free for > 2 years") is read as that span elsewhere (``topics.coded``) and left here.

Every pattern is literals with bounded gaps; none nests a repetition.
"""

from __future__ import annotations

import re
from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, iter_predicates

_DEFINITION = re.compile(
    r"(?:\bnot\s+(?:be\s+)?considered\s+to\s+have\s+(?:an?\s+)?\W{0,2}currently\s+active\W{0,2}\s+(?:second\s+)?(?:primary\s+)?malignanc"
    r"|\bdefined\s+as\s+(?:having\s+)?)"
    r"[^.;]{0,60}?\bcompleted\b[^.;]{0,120}?\brisk\s+of\s+(?:relapse|recurrence)",
    re.I,
)
_SPAN = re.compile(r"\b(?:disease|cancer)[\s-]*free\b|\bfree\s+of\s+disease\b|\bno\s+evidence\s+of\s+(?:disease|recurrence)\b", re.I)


def _definition(part: Expr) -> Review | None:
    """The defining sentence's review, alone or joined to the therapy words read from it."""
    if isinstance(part, Review):
        return part if _DEFINITION.search(part.text or "") else None
    if isinstance(part, All):
        # (the sentence may reach here cut in two reviews around the therapy words read from it)
        reviews = [p for p in part.parts if isinstance(p, Review)]
        rest = [p for p in part.parts if not isinstance(p, Review)]
        words = " ".join(r.text or "" for r in reviews)
        if reviews and _DEFINITION.search(words) and all(p.concept != "other_malignancy" for q in rest for p in iter_predicates(q)):
            return Review(reviews[0].reason, words)
    return None


def _is_counted(part: Expr) -> bool:
    return isinstance(part, Predicate) and part.concept == "other_malignancy" and part.op is Op.PRESENT and part.window is None


def _narrowed(counted: Predicate, definition: Review, sentence: str) -> Expr:
    return All((counted, Not(Review(definition.reason, sentence))))


def currently_active(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with a "currently active" malignancy's defining sentence
    read as its exception (see the module's docstring)."""
    m = _DEFINITION.search(text) if "currently active" in text.lower() and not _SPAN.search(text) else None
    if m is None:
        return expr
    # the defining sentence as the line writes it (the reviews may hold it cut around its therapy words)
    start = max(text.rfind(mark, 0, m.start()) for mark in (". ", "; ", "(")) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find(";", m.end()), text.find(")", m.end())) if i >= 0]
    sentence = text[start: min(ends) if ends else len(text)].strip(" .;()")
    return _walk(expr, sentence)


def _walk(expr: Expr, sentence: str) -> Expr:
    if isinstance(expr, Not):
        inner = _walk(expr.part, sentence)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (All, Any_)):
        return expr
    parts = [_walk(p, sentence) for p in expr.parts]
    if isinstance(expr, Any_):
        # an exclusion: "other-malignancy or review (definition)"
        counted = next((p for p in parts if _is_counted(p)), None)
        definition = next((d for p in parts if (d := _definition(p)) is not None), None)
        if counted is not None and definition is not None:
            assert isinstance(counted, Predicate)
            kept = [p for p in parts if p is not counted and _definition(p) is None]
            parts = [_narrowed(counted, definition, sentence), *kept]
            return parts[0] if len(parts) == 1 else Any_(tuple(parts))
    else:
        # an inclusion: "not other-malignancy and not (definition)"
        # (or "not other-malignancy and review (definition)": the sentence's sign is the grammar's guess)
        counted_not = next((p for p in parts if isinstance(p, Not) and _is_counted(p.part)), None)
        defining = [p for p in parts if _definition(p.part if isinstance(p, Not) else p) is not None]
        definition = _definition(defining[0].part if isinstance(defining[0], Not) else defining[0]) if defining else None
        if counted_not is not None and definition is not None:
            assert isinstance(counted_not, Not) and isinstance(counted_not.part, Predicate)
            kept = [p for p in parts if p is not counted_not and not any(p is d for d in defining)]
            parts = [Not(_narrowed(counted_not.part, definition, sentence)), *kept]
            return parts[0] if len(parts) == 1 else All(tuple(parts))
    if parts == list(expr.parts):
        return expr
    return type(expr)(tuple(parts))
