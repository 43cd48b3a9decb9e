"""A line under a transplant heading that only dates the transplant.

"Subject has received hematopoietic stem cell transplant (HSCT) and falls under either of the
following:" over "Is within 2 months of transplant"; "Patients who have had allogeneic HSCT are not
eligible if they meet any of the following:" over "transplant is within 2 months from cycle 1, day 1
(C1D1)" (the FLT3-inhibitor template; 2 corpus lines): the line names no concept of its own, only
the interval since the transplant its heading names, so alone it was a review and a transplant six
weeks ago was never excluded by it. Read with the heading, it is that transplant within the interval.
"""

from __future__ import annotations

import re

from rules_engine.concepts import related
from rules_engine.criteria import Expr, Op, Predicate, Window
from rules_engine.parser.items import I, predicates

_TRANSPLANT = r"(?:(?:stem\s+cell\s+)?transplant(?:ation)?|HSCT|SCT|HCT|BMT)"
# the study's own day the interval is counted to
_ANCHOR = (
    r"(?:(?:the\s+)?(?:cycle\s*1,?\s*day\s*1|C1D1|day\s*1|study\s+entry|enrol(?:l)?ment|registration|randomi[sz]ation|"
    r"(?:the\s+)?first\s+dose(?:\s+of\s+study\s+(?:drug|treatment))?|start\s+of\s+(?:study\s+)?treatment))(?:\s*\(\s*C1D1\s*\))?"
)
# "Is within 2 months of transplant", "transplant is within 2 months from cycle 1, day 1 (C1D1)",
# "Within 60 days of HSCT": nothing but the transplant, the interval and the anchor
_DATES_TRANSPLANT = re.compile(
    r"^\W*(?:(?:the\s+)?(?P<named>" + _TRANSPLANT + r")\s+)?(?:(?:is|was|has\s+been|occurred)\s+)?within\s+"
    r"(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?|years?)\s+(?:of|from|before|prior\s+to)\s+"
    r"(?:(?P<to_transplant>(?:the\s+)?" + _TRANSPLANT + r")|" + _ANCHOR + r")\W*$",
    I,
)
_TRANSPLANTS = frozenset({"hsct", "allo_hsct", "auto_hsct"})


def dated_transplant(heading: Expr, kid_text: str) -> Expr | None:
    """The heading's transplant within the interval the line under it writes, or None (a line
    that names more than the transplant and the interval, a heading that names no one transplant)."""
    m = _DATES_TRANSPLANT.match(kid_text)
    if m is None or not (m.group("named") or m.group("to_transplant")):
        return None
    named = {p.concept for p in predicates(heading) if p.op is Op.PRESENT}
    if len(named) != 1 or not all(any(related(c, t) for t in _TRANSPLANTS) for c in named):
        return None
    (concept,) = named
    return Predicate(concept, Op.WITHIN, None, None, False, Window(float(m.group("n")), m.group("unit").lower().rstrip("s") + "s"))
