"""A tumour marker in brackets after one disease of a list: "PTCL-NOS, anaplastic large cell
lymphoma (ALK negative), angioimmunoblastic T-cell lymphoma, or enteropathy associated T-cell
lymphoma", "AML, ALL (Ph positive), CML, or MDS".

The bracket says which of that disease the line takes; it closes before the list goes on. Joined
by the list's commas, the marker split the list in two halves asked together ("(PTCL-NOS or ALCL)
and ALK negative and (AITL or EATL)"): no patient with an angioimmunoblastic lymphoma met the
line, and every ALK-positive one failed it whatever its kind. Bound to the disease before it as
one unit (as "high-risk MDS (>= 10% marrow blasts) or AML" binds its bracket in
``combining``), the list's "or" joins the qualified item with the others.

Only a bracket that opens right after a diagnosis and holds one marker item (a gene, a karyotype
or an antigen the biomarker topic reads), closed by ")" and a comma. The comma after it joins the
next disease as the list's other commas do: "or" in an "A, B, or C" list (a list with "or" and
no "and"), as it was otherwise.

Two such brackets in a row ("anaplastic large cell lymphoma (ALK negative) (ALK positive if IPI
3, 4, or 5), angioimmunoblastic T-cell lymphoma, ..."; ``marker_brackets_merged``) are that
disease's alternatives: which of it the line takes, one way or the other. Left as two items, the
second bracket closed on the first as a list item of its own, the list split in two halves asked
together, and no angioimmunoblastic patient met the line. Merged, they are one bracketed item,
the disease's, as a single bracket is.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import Item, any_of
from rules_engine.parser.roles import _role, marker_of
from rules_engine.parser.topics.biomarkers import BIOMARKERS

_OPENS = re.compile(r"\s*[(\[]\s*")
_CLOSES_THEN_COMMA = re.compile(r"\s*[)\]]\s*,")
_OPENS_AT = re.compile(r"\s{0,3}[(\[]\s{0,3}")
_CLOSE_OF = {"(": ")", "[": "]"}


def _close(text: str, opened: int) -> int:
    """The index of the bracket that closes the one at ``opened`` (-1: none in 200 characters)."""
    mark, depth = text[opened], 0
    for k in range(opened, min(len(text), opened + 200)):
        if text[k] == mark:
            depth += 1
        elif text[k] == _CLOSE_OF[mark]:
            depth -= 1
            if depth == 0:
                return k
    return -1


def marker_brackets_merged(exprs: list[Item], text: str) -> list[Item]:
    """``exprs`` with each run of two or more brackets right after a diagnosis, each holding one
    marker item of that diagnosis, merged into one item: the brackets' alternatives."""
    out: list[Item] = []
    i = 0
    while i < len(exprs):
        out.append(exprs[i])
        if _role(exprs[i]) != "diagnosis":
            i += 1
            continue
        k, end, inside = i + 1, exprs[i].end, []
        while k < len(exprs):
            opening = _OPENS_AT.match(text, end)
            if opening is None or opening.end() != exprs[k].start:
                break
            close = _close(text, text.index(opening.group(0).strip()[0], end))
            if close < exprs[k].end or (k + 1 < len(exprs) and exprs[k + 1].start < close):
                break  # one marker item each, the bracket closed after it
            if not (exprs[k].concepts and exprs[k].concepts <= BIOMARKERS and marker_of(exprs[k], exprs[i])):
                break
            inside.append(exprs[k])
            end, k = close + 1, k + 1
        if len(inside) < 2:
            i += 1
            continue
        merged = any_of([it.expr for it in inside if it.expr is not None])
        out.append(Item(inside[0].start, end - 1, merged, frozenset().union(*(it.concepts for it in inside))))
        i = k
    return out


def bracketed_markers(kinds: list[str], exprs: list[Item], connectors: list[str], roles: list[str]) -> list[str]:
    """``kinds`` with each diagnosis and the marker bracketed right after it joined as one unit."""
    out = list(kinds)
    or_list = any(re.search(r"\bor\b", c, re.I) for c in connectors) and not any(re.search(r"\band\b", c, re.I) for c in connectors)
    for i in range(len(kinds) - 1):
        if (
            roles[i] == "diagnosis"
            and _OPENS.fullmatch(connectors[i])
            and _CLOSES_THEN_COMMA.match(connectors[i + 1])
            and bool(exprs[i + 1].concepts)
            and exprs[i + 1].concepts <= BIOMARKERS
            and marker_of(exprs[i + 1], exprs[i])
        ):
            out[i] = "unit"
            if i + 2 < len(exprs) and roles[i + 2] == "diagnosis" and or_list:
                out[i + 1] = "or"  # the list's next disease: one more alternative of an "A, B, or C" list
    if "unit" in out and not or_list and _comma_list(exprs, connectors, roles):
        out = _comma_alternatives(out, connectors, roles)
    return out


def _comma_list(exprs: list[Item], connectors: list[str], roles: list[str]) -> bool:
    """Three or more diseases listed by commas alone (no "and" or "or" anywhere between the items:
    "PTCL-NOS, ALCL (ALK negative), AITL, enteropathy associated T-cell lymphoma")."""
    return sum(r == "diagnosis" for r in roles) >= 3 and not any(_JOINER.search(c) for c in connectors) and len(exprs) == len(roles)


def _comma_alternatives(kinds: list[str], connectors: list[str], roles: list[str]) -> list[str]:
    """The commas of a comma-only list of diseases with a bracketed marker unit as "or": each disease
    (the bracketed one with its marker) is one kind the line takes. Left as "and", the unit broke
    the list's reading and every patient was asked for all of its diseases at once."""
    out = list(kinds)
    for j, c in enumerate(connectors):
        if out[j] == "unit" or not _COMMA_FIRST.match(c):
            continue
        after_unit = j > 0 and out[j - 1] == "unit" and roles[j - 1] == "diagnosis"
        if roles[j + 1] == "diagnosis" and (roles[j] == "diagnosis" or after_unit):
            out[j] = "or"
    return out


_JOINER = re.compile(r"\b(?:and|or|with|without|plus|nor|either|both)\b|&|/", re.I)
_COMMA_FIRST = re.compile(r"\s*[)\]]?\s*,")
