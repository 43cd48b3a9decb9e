"""Two listed diagnoses that share the words before them: "Stage IIB-IV mycosis fungoides and
sezary syndrome who have failed ...", "Advanced AML and MDS", "Patients will be stratified by
mycosis fungoides (MF) and Sezary syndrome (SS)".

An inclusion's bare list of diagnoses joined by "and" names the kinds of patient the trial takes,
each an alternative (``combining._listed_diagnoses``): no patient has both. The lead words the
reading leaves unread ("Stage IIB-IV", "Advanced") are set beside each of the diseases as the same
qualifier, and such an item was no bare disease, so the pair kept its "and": a mycosis fungoides
failed the line for want of a Sézary syndrome beside it. Joined by "or", each alternative still
carries the lead's review (no unread word is lost): only a pair whose qualifiers are the same ones
is read so; a qualifier on one of them alone ("AML with del(5q) and MDS") keeps the join it had.

So is a pair whose first disease carries an exception of its own kinds only ("Histologically
confirmed PTCLs and NK/T cell lymphomas excluding ALK-positive anaplastic large cell lymphomas":
the exception is set beside the first item alone, and the NK/T-cell lymphoma was asked as well):
the second disease (the first's kind or another) is none of the excepted kinds, nor any of them of it.

And a list closed by "and other ..." ("Lymphoblastic lymphoma, Burkitt's lymphoma, and other
high-grade NHL"): the last item is one more kind the line takes, never a second disease each of
the others must have as well (read so, a diffuse large B-cell lymphoma, high-grade, failed it).
"""

from __future__ import annotations

import re

from rules_engine.concepts import ancestors, related
from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate
from rules_engine.parser.items import predicates
from rules_engine.parser.items import Item
from rules_engine.parser.roles import DIAGNOSIS_CONCEPTS
from rules_engine.parser.safety import Qualifier


def _disease_and_qualifiers(item: Item) -> tuple[str, tuple[Qualifier, ...]] | None:
    """(the disease, its qualifiers) when the item is a diagnosis with only qualifiers beside it."""
    expr = item.expr
    if not isinstance(expr, All):
        return None
    diseases = [p for p in expr.parts if isinstance(p, Predicate) and p.op is Op.PRESENT and p.concept in DIAGNOSIS_CONCEPTS]
    qualifiers = tuple(p for p in expr.parts if isinstance(p, Qualifier))
    if len(diseases) != 1 or len(diseases) + len(qualifiers) != len(expr.parts) or not qualifiers:
        return None
    return diseases[0].concept, qualifiers


def shared_lead(exprs: list[Item], connectors: list[str], i: int) -> bool:
    """Whether the diagnoses ``i`` and ``i + 1`` carry the same qualifiers and nothing else, and
    open the list (see the module): the last two of a longer comma list ("..., mantle cell
    lymphomas, lymphoplasmacytic lymphoma and diffuse large B-cell lymphoma") share no lead, the
    words before the first being its own."""
    a, b = _disease_and_qualifiers(exprs[i]), _disease_and_qualifiers(exprs[i + 1])
    if i > 0 and "," in connectors[i - 1] and exprs[i - 1].concepts & DIAGNOSIS_CONCEPTS:
        return False
    return a is not None and b is not None and a[0] != b[0] and a[1] == b[1]


def _disease_excepting_kinds(item: Item) -> tuple[str, tuple[str, ...]] | None:
    """(the disease, the kinds its exception names) when the item is a diagnosis and an exception
    that only a kind of it can meet ("and not (ALCL and review ...)", "and not (ALK-positive and
    ALCL)")."""
    expr = item.expr
    if not isinstance(expr, All) or len(expr.parts) != 2:
        return None
    disease, exception = expr.parts
    if not (isinstance(disease, Predicate) and disease.op is Op.PRESENT and disease.concept in DIAGNOSIS_CONCEPTS and isinstance(exception, Not)):
        return None
    kinds = tuple(p.concept for p in predicates(exception.part) if disease.concept in ancestors(p.concept))
    if not _requires_kind(exception.part, disease.concept):
        return None
    return disease.concept, kinds


def _requires_kind(expr: Expr, disease: str) -> bool:
    """Whether every patient ``expr`` holds for has a kind of ``disease`` ("ALK-positive ALCL",
    "ALCL and review ...", "ALCL or AITL"): a marker beside the kind narrows it, never widens it."""
    if isinstance(expr, Predicate):
        return expr.op is Op.PRESENT and disease in ancestors(expr.concept)
    if isinstance(expr, All):
        return any(_requires_kind(p, disease) for p in expr.parts)
    if isinstance(expr, Any_):
        return bool(expr.parts) and all(_requires_kind(p, disease) for p in expr.parts)
    return False


def excepted_then_other(first: Item, second: Item) -> bool:
    """Whether the first diagnosis excepts only kinds of itself and the second is a bare diagnosis
    unrelated to every excepted kind (see the module)."""
    head = _disease_excepting_kinds(first)
    other = second.expr
    return (
        head is not None
        and isinstance(other, Predicate)
        and other.op is Op.PRESENT
        and other.concept in DIAGNOSIS_CONCEPTS
        and not any(related(other.concept, k) for k in head[1])
    )


_AND_OTHER = re.compile(r"\s*,?\s*and\s+(?:(?:any\s+|all\s+)?other\b[\w\s-]{0,40})?", re.IGNORECASE)
_OTHER = re.compile(r"^\s*(?:any\s+|all\s+)?other\b", re.IGNORECASE)


def _bare_or_other(item: Item) -> str | None:
    """"other": the item is a diagnosis whose qualifier opens with "other"; "bare": a diagnosis alone."""
    expr = item.expr
    if isinstance(expr, Predicate):
        return "bare" if expr.op is Op.PRESENT and expr.concept in DIAGNOSIS_CONCEPTS else None
    found = _disease_and_qualifiers(item)
    return "other" if found is not None and _OTHER.match(found[1][0].text) else None


def and_other(exprs: list[Item], connectors: list[str], i: int) -> bool:
    """Whether the diagnoses ``i`` and ``i + 1`` close a list with "and other ..." (see the module)."""
    if _AND_OTHER.fullmatch(connectors[i]) is None or _bare_or_other(exprs[i]) != "bare":
        return False
    last = _bare_or_other(exprs[i + 1])
    return last == "other" or last == "bare" and "other" in connectors[i].lower()
