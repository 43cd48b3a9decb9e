"""The 11q23 translocations and abnormalities of the leukaemia risk lists: KMT2A (MLL) (dx18; issue 14).

The adverse-risk lists of the leukaemia trials name the KMT2A gene by its band and its partners:
"high-risk ALL: (1) Ph+ALL (2) Hypodiploidy (3) t(v;11q23) ...", "High-risk cytogenetics (Ph+,
t(4;11), 11q23 abnormalities, or monosomy 7)", "t(v;11q23): mixed lineage leukemia (MLL)
rearranged", "Abnormalities of 11q23", "abn11q23" (about 10 corpus lines). Left unread, the band
was a review in the list, and a patient with a KMT2A rearrangement on record was left to a person
(holdout T222).

* A translocation with 11q23, written with the band ("t(v;11q23)", "t(11q23;v)") or as one of the
  usual partners of 11 ("t(4;11)", "t(9;11)", "t(6;11)", "t(10;11)", "t(11;19)"): a KMT2A
  rearrangement, by definition (WHO: AML with t(9;11)(p21.3;q23.3); KMT2A-MLLT3). In an
  inclusion a record without one leaves the kind to a person: the risk lists that name it are
  joined as requirements when another of their kinds is left unread.
* never an example ("high risk cytogenetics (e.g. t(9;22), t(4;11))", "including translocations
  involving 11q23"): the category is the line's, not the example.
* never a translocation the line leaves out ("11q23-non t(9;11)", "other than t(9;11)").
* "11q23 abnormalities", "abnormalities of 11q23", "11q23 rearrangement", "abn11q23": a KMT2A
  rearrangement meets it; any other record leaves it to a person (an 11q23 deletion need not
  break KMT2A), never "no abnormality": the record's negative KMT2A result does not rule out
  every change of the band.

The patterns are alternations of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Op, ReviewReason
from rules_engine.parser.items import I, Item, any_of, predicate
from rules_engine.parser.safety import Alternative

GATE = re.compile(r"11\s*q\s*23|;\s*11\s*\)|\(\s*11\s*[;,]", I)

_Q = r"(?:\s*\(\s*[pq]\d{1,2}(?:\.\d{1,2})?\s*[;,]\s*[pq]\d{1,2}(?:\.\d{1,2})?\s*\))?"  # "(q21;q23)"
_TRANSLOCATION = re.compile(
    r"\bt\s*\(\s*(?:v|\d{1,2}|X)\s*[;,]\s*11\s*q\s*23(?:\.\d{1,2})?\s*\)"
    r"|\bt\s*\(\s*11\s*q\s*23(?:\.\d{1,2})?\s*[;,]\s*(?:v|\d{1,2}|X)\s*\)"
    r"|\bt\s*\(\s*(?:4|6|9|10)\s*[;,]\s*11\s*\)" + _Q
    + r"|\bt\s*\(\s*11\s*[;,]\s*19\s*\)" + _Q,
    I,
)
_ABNORMALITY = re.compile(
    r"\b(?:abnormalit(?:y|ies)|rearrangements?|translocations?|aberrations?)\s+(?:of|involving|at)\s+(?:(?:chromosome|band)\s+)?11\s*q\s*23\b"
    r"|\babn\s*\(?\s*11\s*q\s*23\s*\)?"
    r"|\b11\s*q\s*23(?:\s*/\s*(?:MLL|KMT2A))?(?:\s+|-)(?:abnormalit(?:y|ies)|rearrange(?:ments?|d)|translocations?|aberrations?|changes?)\b",
    I,
)

_OTHER_THAN = re.compile(r"(?:\bnon|\bother\s+than|\bexcept(?:\s+for)?|\bexcluding|\bbut\s+not)\W{0,3}$", I)

# an example of the category the line asks for ("high risk cytogenetics (e.g. t(9;22), t(1;19),
# t(4;11))", "such as t(4;11)"): the examples module drops an example bracket, but not one whose
# translocations hold brackets of their own; read, the example became the line's requirement
_EXAMPLE = re.compile(r"\b(?:e\.\s?g\b|eg\b|such\s+as\b|for\s+(?:example|instance)\b|including\b|like\b)", I)


def band_11q23_items(text: str, ctype: CriterionType = CriterionType.EXCLUSION) -> list[Item]:
    """Each 11q23 translocation (a KMT2A rearrangement) and 11q23 abnormality the line names."""
    items: list[Item] = []
    rearranged = predicate("kmt2a_rearrangement", Op.IS, "positive")
    if ctype is CriterionType.INCLUSION:
        # an inclusion's risk list may be joined as requirements when one of its kinds is left
        # unread ("High-risk cytogenetics (Ph+, t(4;11), 11q23 abnormalities, or monosomy 7)"):
        # a KMT2A rearrangement meets the kind, a record without one leaves it to a person, never
        # failing a Ph+ patient for the KMT2A beside it
        rearranged = any_of([rearranged, Alternative(ReviewReason.AMBIGUOUS, "whether the line asks for this abnormality or one of a list")])
    for m in _TRANSLOCATION.finditer(text):
        if _OTHER_THAN.search(text[max(0, m.start() - 16): m.start()]):
            continue  # "11q23-non t(9;11)", "other than t(9;11)": the one the line leaves out
        if _EXAMPLE.search(text[max(0, m.start() - 80): m.start()]):
            continue  # "high risk cytogenetics (e.g. t(9;22), t(4;11), other MLL rearrangements)": examples
        items.append(Item(m.start(), m.end(), rearranged, frozenset({"kmt2a_rearrangement"})))
    for m in _ABNORMALITY.finditer(text):
        if _EXAMPLE.search(text[max(0, m.start() - 80): m.start()]):
            continue
        if any(it.start < m.end() and m.start() < it.end for it in items):
            continue
        other = Alternative(ReviewReason.AMBIGUOUS, "an 11q23 abnormality other than a KMT2A rearrangement")
        items.append(Item(m.start(), m.end(), any_of([predicate("kmt2a_rearrangement", Op.IS, "positive"), other]), frozenset({"kmt2a_rearrangement"})))
    return items
