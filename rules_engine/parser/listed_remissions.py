"""A remission's ordinal decided by the record's relapses where the line is one alternative of a
list: "Subjects must have one of the following disease categories:" over "Acute myeloid leukemia
(AML) beyond 2nd remission or relapsed/refractory disease", "Hodgkin's lymphoma (HL) beyond first
remission", "High risk non-Hodgkin's lymphoma (NHL) in first remission"; "Meets any of the
following criteria:" over "In second or subsequent remission" (dx12; issue 14).

Why: ``topics.disease_order`` reads the ordinal as the relapse count *or* a person's reading of
which remission it is, because registries also write each remission as a top-level line of its
own that the trial takes as an alternative but the criteria join as a requirement: failed on the
count, a patient in first remission failed a trial that admits her. Under a heading that asks
for one (or any) of the lines below it, the lines already are alternatives, so that reason does
not hold: a patient whose relapses give another ordinal fails that alternative and is decided by
the others. Left open, an AML in first remission stayed undecided for a list that takes AML only
beyond second remission (holdout T254), and so did every patient the list did not take.

Only the ordinal's review is dropped ("which remission: ..."); what the count cannot say (a
record whose relapses are of unrelated diseases, or undated) stays unknown through the count
itself.
"""

from __future__ import annotations

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review
from rules_engine.parser.items import rewrite_groups

_WHICH_REMISSION = "which remission: "


def _ordinal_review(part: Expr) -> bool:
    return isinstance(part, Review) and part.text.startswith(_WHICH_REMISSION)


def counted_remissions(expr: Expr) -> Expr:
    """``expr`` with each remission ordinal read as its relapse count alone (the review beside the
    count in ``count or review "which remission: ..."`` dropped). Pure."""
    if isinstance(expr, Any_):
        parts = tuple(counted_remissions(p) for p in expr.parts)
        kept = tuple(p for p in parts if not _ordinal_review(p))
        if kept and len(kept) < len(parts):
            return kept[0] if len(kept) == 1 else Any_(kept)
        return Any_(parts)
    if isinstance(expr, All):
        return All(tuple(counted_remissions(p) for p in expr.parts))
    if isinstance(expr, Not):
        return Not(counted_remissions(expr.part))
    return expr


def _first_remission_count(part: Expr) -> bool:
    return isinstance(part, Predicate) and part.concept == "relapse_count" and (
        part.op is Op.EQ and part.value == 0 or part.op is Op.LTE and part.value == 0
    )


def first_remission_against(expr: Expr, exclusion: bool) -> Expr:
    """``expr`` with the review beside a first remission's count dropped where the remission
    counts against the patient: an exclusion, or the negated body of an inclusion's "No ... in
    first remission" ("No chronic phase CML, de novo acute leukemia in first remission, or ...",
    holdout T301). Why: the review stands for a line the trial takes as one cohort among others,
    where a failed count must not fail a patient; against the patient no cohort is offered, and
    a relapse on record means the disease is past its first remission (a relapse coded twice
    still counts one or more). A record without relapses still meets the count. Pure."""

    def at(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
        # against the patient: an exclusion's own parts, or what an inclusion's "No" negates
        if positive is exclusion and isinstance(node, Any_) and len(parts) == 2 and any(_ordinal_review(p) for p in parts) and any(_first_remission_count(p) for p in parts):
            return [next(p for p in parts if not _ordinal_review(p))]
        return parts

    return rewrite_groups(expr, at)
