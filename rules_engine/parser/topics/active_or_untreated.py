"""'Active or untreated X': an active record of X meets the line whether or not X was treated.

"Patients with active or untreated central nervous system (CNS) lymphoma", "Active or untreated
central nervous system (CNS) metastases", "No active and/or untreated pulmonary embolism, ..." (14
corpus lines, 3 headings over them move with them): the
grammar reads the condition and leaves "untreated" a review joined to it, as if the line asked an
active *and* untreated one; a patient whose record holds an active CNS lymphoma was left unknown.

The words are two alternatives of one condition: X active, or X untreated. An event asked present
is an active record (clinicalStatus active), so the first alternative is met by every record the
second could be, and the review, which only narrows the second, asks nothing the record does not
settle: it goes. (An active brain metastasis is read as a record of one, as "No active brain
metastases" already is.) Only a review whose words are "untreated" alone, beside the condition it
qualifies, in a line whose words say "active or untreated" (or "active and/or untreated").
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Op, Predicate, Review
from rules_engine.parser.items import rewrite_groups

_ACTIVE_OR_UNTREATED = re.compile(r"\bactive\s+(?:and/or|or)\s+untreated\b", re.I)
_UNTREATED_ONLY = re.compile(r"\A\W{0,10}untreated\W{0,10}\Z", re.I)  # (anchored and bounded: linear)


def _asked_present(expr: Expr) -> bool:
    """An event asked present, alone or as alternatives of such."""
    if isinstance(expr, Predicate):
        return expr.op is Op.PRESENT and expr.window is None
    return isinstance(expr, Any_) and bool(expr.parts) and any(_asked_present(p) for p in expr.parts)


def active_or_untreated(expr: Expr, text: str) -> Expr:
    """``expr`` without the "untreated" review joined to the condition an "active or untreated"
    line names (see the module's docstring)."""
    if not _ACTIVE_OR_UNTREATED.search(text):
        return expr
    return rewrite_groups(expr, _without_untreated)


def _without_untreated(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
    if isinstance(node, All) and any(_asked_present(p) for p in parts):
        return [p for p in parts if not (isinstance(p, Review) and _UNTREATED_ONLY.search(p.text or ""))] or parts
    return parts
