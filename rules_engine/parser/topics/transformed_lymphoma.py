"""A transformed lymphoma read as what a record holds of it: the indolent lymphoma and the diffuse
large B-cell lymphoma it became (dx15; issue 14), as ``topics.richter`` reads a CLL's.

"Transformed lymphoma", "Transformed Follicular Lymphoma", "transformed indolent lymphoma",
"recurrent de novo or transformed diffuse large B cell lymphoma", "Transformed large cell lymphoma"
(~15 corpus lines, most in lists of lymphomas). No code names the transformation; hospitals code
the indolent lymphoma (follicular C82, marginal zone C88.4/C83.0, CLL/SLL, lymphoplasmacytic) and
the lymphoma it became (DLBCL C83.3), as the holdout's records do. Left unread, "transformed" was a
review beside the list: a de novo DLBCL was left to a person by a list that names DLBCL on its own,
and the list's reading split "Transformed Follicular Lymphoma" into its follicular lymphoma alone.

The reading: (the indolent kind named, or any indolent kind) and DLBCL, one ``Joint`` (a list
keeps it whole, ``parser.joint``). A lymphoma on record of no stated kind leaves the DLBCL open,
never absent (the lymphoma kinds are exhaustive), so such a record stays a person's question.

The patterns are bounded alternations; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op
from rules_engine.parser.items import I, Item, any_of, predicate
from rules_engine.parser.joint import Joint

GATE = re.compile(r"transformed", I)

_LYMPHOMA = r"(?:lymphomas?|NHL|non-?\s?Hodgkin'?s?\s+lymphomas?)"
# "transformed follicular lymphoma", "transformed FL"
_FOLLICULAR = re.compile(r"\btransformed\s+(?:follicular(?:\s+lymphoma)?|FL)\b", I)
# "transformed lymphoma", "transformed indolent / low-grade lymphoma", "transformed large (B-)cell
# lymphoma", "transformed diffuse large B-cell lymphoma (DLBCL)", "transformed to aggressive lymphoma"
_ANY = re.compile(
    r"\btransformed\s+(?:(?:indolent|low[\s-]grade)\s+(?:B[\s-]cell\s+)?" + _LYMPHOMA + r"|" + _LYMPHOMA
    + r"|large\s+(?:B[\s-])?cell\s+lymphomas?|diffuse\s+large\s+B[\s-]cell\s+lymphomas?(?:\s*\(\s*DLBCL\s*\))?|DLBCL"
    r"|to\s+(?:an?\s+)?(?:aggressive|high[\s-]grade)\s+(?:B[\s-]cell\s+)?lymphomas?)\b",
    I,
)

# "de novo or transformed DLBCL", "primary or transformed diffuse large B-cell lymphoma": either
# origin of the DLBCL, so the DLBCL alone (read as the transformation, a de novo DLBCL failed)
_EITHER_ORIGIN = re.compile(r"\b(?:de\s+novo|primary)\s*(?:,\s*)?(?:or|and/or|and)\s+$", I)
_DLBCL_FORM = re.compile(r"\btransformed\s+(?:diffuse\s+large|large|DLBCL)", I)

_INDOLENT = ("follicular_lymphoma", "marginal_zone_lymphoma", "cll", "sll", "lymphoplasmacytic_lymphoma", "waldenstrom_macroglobulinemia")
_CONCEPTS = frozenset({*_INDOLENT, "dlbcl"})


def _joint(indolent: Expr) -> Joint:
    return Joint((indolent, predicate("dlbcl", Op.PRESENT)))


def transformed_items(text: str) -> list[Item]:
    """Each transformed lymphoma the line names, as the indolent lymphoma and its DLBCL."""
    items = [Item(m.start(), m.end(), _joint(predicate("follicular_lymphoma", Op.PRESENT)), frozenset({"follicular_lymphoma", "dlbcl"}))
             for m in _FOLLICULAR.finditer(text)]
    anyone = _joint(any_of([predicate(c, Op.PRESENT) for c in _INDOLENT]))
    for m in _ANY.finditer(text):
        if not all(m.end() <= it.start or m.start() >= it.end for it in items):
            continue
        origin = _EITHER_ORIGIN.search(text, max(0, m.start() - 20), m.start()) if _DLBCL_FORM.match(m.group(0)) else None
        if origin is not None:  # (the origin's words are the item's: read, they name no requirement)
            items.append(Item(origin.start(), m.end(), predicate("dlbcl", Op.PRESENT), frozenset({"dlbcl"})))
        else:
            items.append(Item(m.start(), m.end(), anyone, _CONCEPTS))
    return sorted(items, key=lambda it: it.start)
