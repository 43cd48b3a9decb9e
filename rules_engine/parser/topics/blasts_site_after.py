"""A share of blasts whose site follows the bound: "blasts > 20% in bone marrow", "Blasts >= 20% of
peripheral blood white cells or bone marrow cells", "Blasts 10% to 19% of peripheral blood white
cells or bone marrow cells" (the WHO phases of a CML).

``labs`` reads the share with its site before the bound ("bone marrow blasts > 20%") or the bound
before "blasts in the bone marrow"; written the other way round the line stood as one review and
an AML with 35% marrow blasts was unknown for "LAM with high risk features (blasts > 20% in bone
marrow)" (holdout T124). Two sites joined by "or" ("and/or", "/") are alternatives, the share at
either; "and" asks it at both. A band holds at a site when both of its ends do.

Every pattern is a bounded alternation; none nests a repetition over overlapping text.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op
from rules_engine.parser.items import I, OPS, Item, all_of, any_of, number, predicate

GATE = re.compile(r"blast", I)

_SITE = r"(?:(?P<{g}bm>bone\s+marrow|marrow|BM\b)|(?P<{g}pb>peripheral\s+blood|PB\b|blood|circulating))"
# the cells the share is of ("of peripheral blood white cells", "of bone marrow nucleated cells")
_CELLS = r"(?:\s+(?:(?:white|nucleated|mononuclear)\s+)?(?:(?:blood\s+)?cells|leu[ck]ocytes))?"
_TWO_SITES = (
    r"(?:the\s+)?" + _SITE.format(g="a") + _CELLS
    + r"(?:\s*(?P<join>or|and/or|/|and)\s*(?:in\s+)?(?:the\s+)?" + _SITE.format(g="b") + _CELLS + r")?"
)
_NUM = r"\d{1,2}(?:\.\d)?"
# "blasts > 20% in bone marrow", "Blasts 10% to 19% of peripheral blood white cells or bone marrow cells"
_BLASTS_BOUND_SITE = re.compile(
    r"\b(?:myelo)?blasts?(?:\s+(?:count|percentage))?\s*(?:of\s+)?"
    rf"(?:(?P<op>[≥>≤<])\s*(?P<num>{_NUM})|(?P<lo>{_NUM})\s*%?\s*(?:-|–|to)\s*(?P<hi>{_NUM}))\s*%\s+(?:of|in)\s+" + _TWO_SITES,
    I,
)
# (a share among the numbered cases of a list, "either in: 1. late 1st chronic phase ... 5. blastic
# phase that has responded to therapy (characterized by ... blasts)", or after "one of the
# following", is one case of many, left unread with them: read alone, it was asked of every patient)
_CASES_BEFORE = re.compile(r"(?:^|\s)[1-9]\s*[.)]\s|\b(?:at\s+least|any|one|1)\s+(?:or\s+more\s+)?of\s+the\s+following\b", I)


def _sites(m: re.Match[str]) -> list[str]:
    found = ["bm_blasts" if m.group("abm") else "pb_blasts"]
    if m.group("bbm") or m.group("bpb"):
        found.append("bm_blasts" if m.group("bbm") else "pb_blasts")
    return list(dict.fromkeys(found))


def _at(site: str, m: re.Match[str]) -> Expr:
    if m.group("op"):
        return predicate(site, OPS[m.group("op")], number(m.group("num")), "%")
    return all_of([predicate(site, Op.GTE, number(m.group("lo")), "%"), predicate(site, Op.LTE, number(m.group("hi")), "%")])


def blast_site_after_items(text: str) -> list[Item]:
    """Each share of blasts with its site after the bound (see the module)."""
    items: list[Item] = []
    for m in _BLASTS_BOUND_SITE.finditer(text):
        if m.group("lo") and number(m.group("lo")) >= number(m.group("hi")):
            continue  # "20-10%": no band
        if _CASES_BEFORE.search(text, 0, m.start()):
            continue
        sites = _sites(m)
        each = [_at(site, m) for site in sites]
        both = m.group("join") is not None and m.group("join").lower() == "and"
        items.append(Item(m.start(), m.end(), all_of(each) if both else any_of(each), frozenset(sites)))
    return items
