"""GVHD asked by its severity: "Have moderate or severe graft versus host disease (GVHD), whether
acute or chronic", "moderate to severe chronic GVHD", "severe acute GVHD" (issue 14).

A chart codes the severity on the GVHD record (Condition.severity: mild, moderate or severe, the
NIH global severity of chronic GVHD), and the intake keeps it (``attributes.severity``), so the
severity is the record's, read as a qualifier coded on the event (derive.QUALIFIED_EVENTS:
``severe_gvhd``, ``moderate_gvhd``). Before this reading the words were a person's review beside
GVHD, so a patient with severe chronic GVHD on record was left unknown by "moderate or severe
GVHD". Each severity asked is one alternative: met when a record states it, not met when every
record states a milder one or there is none (absent means absent), unknown when a record states
none. A grade written instead ("grade II-IV GVHD") is no severity and stays with the grade's
reading (events._gvhd_graded); "mild" alone asks nothing an exclusion decides and is left alone.

The pattern is an alternation of literals with bounded optional parts; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op
from rules_engine.parser.items import I, any_of, predicate

# the severity right before the GVHD's words ("moderate or severe", "moderate-to-severe",
# "moderate/severe", "severe"), the words _GVHD itself takes ("acute", "chronic") excluded; a slice
# ends at the disease's words, so the search is bounded by it
_SEVERITY_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<moderate>moderate)\s*(?:or|to|and/or|-|/|–|-to-)\s*)?(?:clinically\s+)?severe\s*,?\s*$",
    I,
)


# the kind named with the disease ("acute GVHD", "chronic GVHD"): a record's severity is of
# whichever GVHD it codes, so an inclusion asking one kind is not met by the other's
_ONE_KIND = re.compile(r"^\s*(?:acute|chronic)\b(?!\s*(?:,|or|and))", I)


def gvhd_severity(text: str, start: int, words: str, ctype: CriterionType) -> tuple[int, Expr] | None:
    """The start of the severity written right before GVHD's words (``words``, at ``start``),
    and the reading of the severities it asks; None when no severity stands there, or where an
    inclusion asks it of one kind of GVHD (a severe chronic GVHD on record is no severe acute
    one: an exclusion errs toward applying, an inclusion must not)."""
    if ctype is not CriterionType.EXCLUSION and _ONE_KIND.match(words):
        return None
    lead = max(0, start - 40)
    m = _SEVERITY_BEFORE.search(text, lead, start)
    if m is None:
        return None
    asked = [predicate("severe_gvhd", Op.IS, "positive")]
    if m.group("moderate"):
        asked.insert(0, predicate("moderate_gvhd", Op.IS, "positive"))
    return m.start(), any_of(asked)
