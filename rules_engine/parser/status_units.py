"""A comma list of diseases each written with its own status, where the statuses exclude each other.

"Relapsed or refractory AML, untreated AML in subjects who are > 60 years of age ..., or ALL in
subjects who have failed at least one prior therapy" lists the groups a trial takes: each member is
a status written against its disease ("relapsed or refractory AML", "untreated AML"), and the
members are parted by commas, the last by ", or". A disease never both relapsed and untreated, the
members cannot be requirements all at once: joined by the comma's default "and", the line asked
every patient for a relapsed and an untreated disease together and no patient met it.

The reading only cuts where the text proves the grammar: a bare comma (brackets and remarks set
aside) between a unit that asks a relapsed or refractory disease and a unit that asks an untreated
one (or the other way round), each unit a status item directly before its disease. The ", or"
that closes the same list cuts too (the list's last member, a disease, is one more alternative). Statuses that
can stand together ("relapsed AML, refractory to ...") are left as they read.

Kept apart from ``combining``: which joins part a list of status units is a reading of the list's
members; ``combine`` only asks it for the cuts, as it asks ``_age_alternatives``.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate
from rules_engine.parser.items import I, Item
from rules_engine.parser.joiners import without_brackets
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.roles import DIAGNOSIS_CONCEPTS

_TREATED = frozenset({"relapsed", "refractory"})
_PURE_COMMA = re.compile(r"\s*,\s*")
_OR_END = re.compile(r"\b(?:or|and/or)\s*$", I)


def _status(expr: Expr | None) -> str | None:
    """"treated" for a relapsed / refractory item, "untreated" for an untreated / newly diagnosed
    one (its reading denies both relapse and refractoriness), else None."""
    if isinstance(expr, Predicate) and expr.op is Op.PRESENT and expr.concept in _TREATED:
        return "treated"
    parts = expr.parts if isinstance(expr, All) else ()
    if parts and all(isinstance(p, Predicate) and p.op is Op.PRESENT and p.concept in _TREATED for p in parts):
        return None  # ("relapsed and refractory": asked together, still a treated disease's)
    denied = {p.part.concept for p in parts if isinstance(p, Not) and isinstance(p.part, Predicate)}
    if _TREATED <= denied:
        return "untreated"
    if isinstance(expr, Any_) and all(isinstance(p, Predicate) and p.op is Op.PRESENT and p.concept in _TREATED for p in expr.parts):
        return "treated"  # "relapsed or refractory"
    return None


def _disease(item: Item) -> bool:
    return bool(item.concepts & DIAGNOSIS_CONCEPTS)


def _unit_status(exprs: list[Item], connectors: list[str], k: int) -> str | None:
    """The status of the unit "status disease" whose status item is ``k`` (the disease written
    right after it), else None."""
    if k + 1 >= len(exprs) or connectors[k].strip() or not _disease(exprs[k + 1]):
        return None
    return _status(exprs[k].expr)


def status_alternatives(exprs: list[Item], kinds: list[str], connectors: list[str]) -> list[int]:
    """The joins (indices into ``connectors``) that part a comma list of status units whose
    statuses exclude each other: each cut opens an alternative of its own."""
    units = [(k, s) for k in range(len(exprs)) if (s := _unit_status(exprs, connectors, k)) is not None]
    cuts: list[int] = []
    for (a, sa), (b, sb) in zip(units, units[1:]):
        if sa == sb or b - a != 2:
            continue  # (the first unit is exactly its status and its disease; the comma right after it)
        if _PURE_COMMA.fullmatch(without_brackets(blank_remarks(connectors[b - 1]))):
            cuts.append(b - 1)
    if not cuts:
        return []
    # (the bracket before it may be left open by the registry: "... (i.e., lack t(8,21) or acute
    # lymphoblastic leukemia in subjects ...", whose "or" still opens the list's last member)
    closing = [k for k in range(cuts[-1] + 1, len(connectors)) if kinds[k] == "or" and _OR_END.search(connectors[k]) and _disease(exprs[k + 1])]
    return cuts + closing[:1]


_IN = re.compile(r"\s*in\s*", I)
_OWN_IN = re.compile(r"\s+in\s+\w", I)
# the words between two members of a list of diseases: commas, brackets, a closing "and" / "or",
# "including" ("MDS (including CMML), CML ..., and lymphoma")
_LIST_GAP = re.compile(r"[\s,()\[\]]*(?:(?:and|or|and/or|including)\b[\s,()\[\]]*)?", I)


def last_member_status(exprs: list[Item], kinds: list[str], connectors: list[str], text: str) -> list[str]:
    """"AML, ALL, ..., CML in late chronic or accelerated phase or in blast crisis, and lymphoma
    in first or later relapses": a status written with "in" after a list's last disease, in a list
    whose other members carry their own "in ..." (the CML's phases), is the last member's own, as
    each member's is: one unit with it. Spread over the list, every AML in first remission failed
    a line that asks the relapse of the lymphoma alone. Without such a parallel member ("AML, ALL,
    MDS, or lymphoma in first or later relapse") the join is left as it was."""
    n = len(exprs) - 1
    if n < 2 or _role_status(exprs[n]) is False or not _IN.fullmatch(connectors[n - 1]) or not _disease(exprs[n - 1]):
        return kinds
    if not all(_disease(it) for it in exprs[:n]) or not all(_LIST_GAP.fullmatch(c) for c in connectors[: n - 1]):
        return kinds
    if not any(_OWN_IN.search(text, it.start, it.end) for it in exprs[: n - 1]):
        return kinds
    # (the list's "and"s are its alternatives, as ``safety.listed_diagnoses_any`` reads them; said
    # here, the last member keeps its status inside its own alternative)
    return ["or"] * (n - 1) + ["unit"]


def _role_status(item: Item) -> bool:
    return _status(item.expr) == "treated"
