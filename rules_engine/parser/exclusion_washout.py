"""A washout requirement written among the exclusions.

"Prior radiation therapy must be completed at least 30 days prior to being registered for protocol
therapy", "Patients should not have taken valproic acid ... for at least 2 weeks prior to
enrollment", "Patients on coumadin must be changed to Lovenox at least 1 week prior to starting
capecitabine": the line is a requirement (what a treated patient must meet) listed as an exclusion.
The span reads as "no <therapy> within <span>", which is the requirement; an exclusion holds when
its reading is met, so that reading excluded every patient who never had the therapy and let in
the one treated last week. What excludes is the therapy inside the span: "<therapy> within <span>".

Only a top-level exclusion whose words state the washout as a requirement ("must be completed",
"must have elapsed", "should not have taken ... for at least", "must be changed", "must have
recovered for at least", "there should be at least a 14-day window from", "Washout period of 3
weeks for prior anti-tumor therapy": ``therapy_intervals.states_interval``), and only the
"no <therapy> within <span>" parts no Not already turns around (an exception's reading keeps its
sense); the window is kept as it was.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate
from rules_engine.parser.items import I, map_leaves
from rules_engine.parser.normalize import normalize
from rules_engine.parser.therapy_intervals import states_interval

# each alternative a run of literals and one bounded gap: no repetition nests another
_WASHOUT_REQUIREMENT = re.compile(
    r"\b(?:must|should|shall)\s+(?:"
    r"(?:be|have\s+been)\s+(?:completed|discontinued|stopped|changed|switched)"
    r"|have\s+(?:elapsed|passed)"
    r"|have\s+recovered\s+for\s+at\s+least"
    r"|not\s+have\s+(?:taken|received|used)\b[^.;]{0,80}?\bfor\s+at\s+least"
    r")\b",
    I,
)


def _turned(leaf: Expr) -> Expr:
    if isinstance(leaf, Predicate) and leaf.op is Op.NOT_WITHIN:
        return Predicate(leaf.concept, Op.WITHIN, leaf.value, leaf.unit, leaf.uln, leaf.window, leaf.low_inclusive, leaf.high_inclusive)
    return leaf


def _outside_not(expr: Expr) -> Expr:
    """``expr`` with every "no X within N" outside a Not read as "X within N"."""
    if isinstance(expr, Not):
        return expr
    if isinstance(expr, (All, Any_)):
        parts = tuple(_outside_not(p) for p in expr.parts)
        return expr if parts == expr.parts else type(expr)(parts)
    return map_leaves(expr, _turned)


# a line that is the time since a transplant ("6 months or longer after stem cell transplantation",
# normalised "≥ 6 months after ...", under "Prior therapies ... permitted, with the following
# restriction:"): the requirement by its own words, under a heading too (holdout T272: read as the
# inclusion's washout it excluded every patient never transplanted and passed one three months out)
_SINCE_TRANSPLANT = re.compile(
    r"^\W*(?:≥|>|at\s+least|more\s+than|greater\s+than)\s*\d{1,3}\s*(?:days?|weeks?|months?)\s+(?:or\s+(?:longer|more)\s+)?(?:after|post|following)\s+"
    r"(?:(?:an?|the|prior|previous)\s+)?(?:(?:allogeneic|autologous|allogenic)\s+)?(?:hematopoietic\s+|bone\s+marrow\s+|peripheral\s+blood\s+)?(?:stem[\s-]+cell\s+)?"
    r"(?:transplant(?:ation)?|HSCT|SCT|HCT|BMT)\b",
    I,
)


def washout_exclusion(expr: Expr, text: str, ctype: CriterionType, top: bool) -> Expr:
    """A top-level exclusion written as a washout requirement: its "no X within N" parts read as
    "X within N" (what excludes); any other line, or a line with none, unchanged."""
    if ctype is not CriterionType.EXCLUSION:
        return expr
    if _SINCE_TRANSPLANT.search(normalize(text)):
        return _outside_not(expr)
    # (a washout said as an interval is a requirement by its own words, under a heading too:
    # "A washout period of 2 weeks from prior cetuximab is required")
    if not states_interval(text) and (not top or _WASHOUT_REQUIREMENT.search(text) is None):
        return expr
    return _outside_not(expr)
