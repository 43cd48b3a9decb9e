"""The words of one excepted cancer split off as an exception of their own: "Exceptions include the
following: ... Incidental histological finding of prostate cancer (Tumor nodes metastasis [TNM]
stage of T1a N0M0 or T1b N0M0); Early-stage gastric cancer suitable for endoscopic mucosal
resection or endoscopic submucosal dissection" (the Celgene template's malignancy exceptions,
holdout T191). The grammar cut the item at its bracket or its "or", so the stage and the second
procedure stood as bare reviews among the excepted cancers: every patient with another cancer,
however far from prostate or gastric, was unknown, since any cancer might be "T1a N0M0".

A bare review right after an excepted cancer, naming no cancer itself, qualifies that cancer: it
joins it (``prostate-cancer and review "Incidental histological finding of" and review "TNM
stage ..."``). The exception then covers that cancer alone, under the person's review, and a
breast cancer is no exception. Joining words to an exception narrows it, so the line can only
exclude more, never clear a patient it excluded.

One pattern, an alternation of literals with bounded gaps; no repetition nests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from rules_engine.criteria import All, Any_, Expr, Not, Predicate, Review

# a cancer named in the words (the TNM classification's name spelled out names none)
_CANCER_WORDS = re.compile(
    r"\b(?:malignan\w*|cancers?|carcinomas?|tumou?rs?|neoplasms?|neoplasia|lymphomas?|leuka?emias?|melanomas?|sarcomas?|myelomas?)\b", re.I
)
_TNM_NAME = re.compile(r"\btumou?r[\s,]{1,3}(?:lymph\s+)?nodes?[\s,]{1,3}(?:and\s+)?metastas[ie]s\b", re.I)


def _cancer_part(expr: Expr, cancers: Collection[str]) -> bool:
    """An excepted cancer: named alone, or with its own words beside it."""
    if isinstance(expr, Predicate):
        return expr.concept in cancers
    return isinstance(expr, All) and bool(expr.parts) and isinstance(expr.parts[0], Predicate) and expr.parts[0].concept in cancers


def _fragment(expr: Expr) -> bool:
    return isinstance(expr, Review) and bool(expr.text) and _CANCER_WORDS.search(_TNM_NAME.sub(" ", expr.text or "")) is None


def _joined(inner: Any_, cancers: Collection[str]) -> Any_ | None:
    """The exception's alternatives with each fragment joined to the cancer before it (None when
    none is)."""
    joined: list[Expr] = []
    for part in inner.parts:
        if joined and _fragment(part) and _cancer_part(joined[-1], cancers):
            last = joined[-1]
            joined[-1] = All((*(last.parts if isinstance(last, All) else (last,)), part))
        else:
            joined.append(part)
    return Any_(tuple(joined)) if len(joined) < len(inner.parts) else None


def fragments_joined(expr: Expr, cancers: Collection[str], counted: Callable[[Expr], bool]) -> Expr:
    """``expr`` with each exception's stray words joined to the excepted cancer before them. An
    exception is a ``Not`` of excepted cancers beside what the line counts (``counted``: another
    malignancy) in one conjunction; a ``Not`` elsewhere is the line's own negation, left alone."""
    if isinstance(expr, Not):
        inner = fragments_joined(expr.part, cancers, counted)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (All, Any_)):
        return expr
    parts = [fragments_joined(p, cancers, counted) for p in expr.parts]
    if isinstance(expr, All) and any(counted(p) for p in parts):
        # (the exception alone, or beside the review of whether it covers every record: "not E or
        # review 'whether the exception covers ...'")
        parts = [
            _exception_joined(p, cancers) if isinstance(p, Not)
            else Any_(tuple(_exception_joined(q, cancers) for q in p.parts)) if isinstance(p, Any_) and any(isinstance(q, Not) for q in p.parts)
            else p
            for p in parts
        ]
    return expr if parts == list(expr.parts) else type(expr)(tuple(parts))


def _exception_joined(part: Expr, cancers: Collection[str]) -> Expr:
    if isinstance(part, Not) and isinstance(part.part, Any_) and any(_cancer_part(p, cancers) for p in part.part.parts):
        joined = _joined(part.part, cancers)
        if joined is not None:
            return Not(joined.parts[0] if len(joined.parts) == 1 else joined)
    return part
