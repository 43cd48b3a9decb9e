"""The blasts a leukaemia or an MDS is defined by, written with no site: "Previously untreated AML
(>= 20% blasts)", "AML (World Health Organization classification definition of > 20% blasts)",
"high risk MDS (defined as the presence of > 10% blasts)" (a handful of corpus lines, holdout T251
and T105).

The count is the disease's own: blasts at that share in the marrow or the blood (the WHO
definition of AML counts either), so ``bm_blasts >= N or pb_blasts >= N`` (``combining`` keeps a
lower bound at either site an alternative). Left unread, the bound stood as a review beside the
disease and an untreated AML with 40% marrow blasts was unknown; a record whose marrow holds fewer
blasts and no blood count is still unknown, never met.

It stands apart from ``labs``: the lab topic reads a blast count with its site ("< 5% blasts in
the bone marrow"); this one reads a disease's defining share, only beside the disease it defines
and only as a lower bound. Left alone: a line about a remission (the blasts the line means are the
diagnosis's, not today's), a count at diagnosis ("at initial diagnosis"), a blast count with a
site or beside other cells ("blasts + promyelocytes"), a count dated to a window ("within one
week prior to enrollment"), and a case of "one of the following".

Every pattern is a bounded alternation; none nests a repetition over overlapping text.
"""

from __future__ import annotations

import re

from rules_engine.concepts import is_cancer_diagnosis
from rules_engine.criteria import CriterionType, Op, Predicate
from rules_engine.parser.items import I, Item, all_of, any_of, number, predicate
from rules_engine.parser.topics.mds_blast_ceiling import mds_ceiling_items

GATE = re.compile(r"blast", I)

_DISEASE = r"(?:AML|MDS|ALL|CMML|MPAL|leuka?emias?|myelodysplas(?:ia|tic\s+syndromes?))"
# the disease, then at most 80 characters of its own words (a bracket, "by WHO criteria (",
# "defined as", "with", "classification definition of") to the bound: no sentence end, no other
# bound or share between, no comma (a list goes on after one)
_SITELESS = re.compile(
    rf"\b{_DISEASE}\b(?:[^;:,≤≥<>%.]|\.(?!\s)){{0,80}}?(?P<op>[≥>])\s*(?P<num>\d{{1,2}}(?:\.\d)?)\s*%\s*(?:myelo)?blasts?\b",
    I,
)
# a site, a method's specimen or other cells after the share: the lab topic's, or no disease's
_AFTER = re.compile(
    r"\s*(?:\+|plus\b|and\s+promyelo|or\s+more\s+promyelo)"
    r"|\s+(?:cells\s+)?(?:\w+\s+)?(?:in|of|by|on|from)\s+(?:the\s+)?(?:bone|marrow|BM\b|peripheral|PB\b|blood|circulat|aspirat|biops)"
    r"|\s+(?:at|of)\s+(?:the\s+time\s+of\s+)?(?:initial\s+|original\s+|first\s+)?diagnosis"
    # a count dated to a window ("within one week prior to enrollment"): a test result the line
    # asks for anew, not the disease's definition
    r"|\s+(?:within|prior|before|at\s+(?:screening|study|the\s+time))\b",
    I,
)
_REMISSION = re.compile(r"\bremission\b|\bCR\s?[1-3ip]?\b|\bCRi\b|\bCRp\b", I)
_ONE_OF = re.compile(r"\b(?:at\s+least|any|one|1)\s+(?:or\s+more\s+)?of\s+the\s+following\b", I)


def disease_blast_items(text: str, ctype: CriterionType) -> list[Item]:
    """The share of blasts a disease named just before is defined by, at either site."""
    if _REMISSION.search(text) or _ONE_OF.search(text):
        return []
    items: list[Item] = []
    for m in _SITELESS.finditer(text):
        if _AFTER.match(text, m.end()):
            continue
        op = Op.GTE if m.group("op") == "≥" else Op.GT
        value = number(m.group("num"))
        either = any_of([predicate("bm_blasts", op, value, "%"), predicate("pb_blasts", op, value, "%")])
        items.append(Item(m.start("op"), m.end(), either, frozenset({"bm_blasts", "pb_blasts"})))
    # an MDS's ceiling ("MDS and </= 10% blasts"): the marrow's (topics.mds_blast_ceiling)
    items += mds_ceiling_items(text, _AFTER)
    return sorted(items, key=lambda it: it.start)


_SAME_NAME_GAP = re.compile(r"[\s(\[]*")


def with_defining_blasts(found: list[Item], text: str) -> list[Item]:
    """Each defining share joined to the disease it defines, as one item: the disease named
    just before it ("myelodysplastic syndrome (MDS) (>= 10% blasts)": its name and its
    abbreviation), nothing read between. Left an item of its own, the share was one more member
    of the line's list ("MDS (>= 10% blasts) or AML" asked the blasts or an AML of an MDS, and an
    AML without MDS failed); a share no disease item stands before is left unread, as it was."""
    spans = {(it.start, it.end) for it in disease_blast_items(text, CriterionType.INCLUSION)} if GATE.search(text) else set()
    if not spans:
        return found
    out: list[Item] = []
    for it in found:
        if (it.start, it.end) not in spans:
            out.append(it)
            continue
        disease = out[-1] if out else None
        if disease is None or not isinstance(disease.expr, Predicate) or disease.expr.op is not Op.PRESENT or not is_cancer_diagnosis(disease.expr.concept):
            continue
        start = disease.start
        while len(out) > 1 and out[-2].expr == disease.expr and _SAME_NAME_GAP.fullmatch(text, out[-2].end, start):
            start = out.pop(-2).start
        out[-1] = Item(start, it.end, all_of([disease.expr, it.expr]), disease.concepts | it.concepts)  # type: ignore[list-item]
    return out
