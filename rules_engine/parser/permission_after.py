"""A permission that names its treatment again, with the time since it, before its condition.

"Stem Cell Transplant (SCT): Patients are eligible 6 months after allogeneic stem cell transplant
as long as patients are not actively being treated for graft-versus-host-disease (GvHD)" (the
COG relapsed-leukaemia template; 4 corpus lines): the words between the permission and its
"as long as" say which treatment the line permits and how long ago it must have been. Left in the
condition, they hid its "as long as" (so the proviso was never read) and the whole condition went
to a person: a transplant three months ago and a patient on tacrolimus for GvHD were both left
unknown. Here they are taken off the condition and returned as the permitted treatment (read as a
clause) and the interval it asks, which ``permitted_groups`` joins to the condition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Window, iter_nodes, Review
from rules_engine.parser.extraction import extract
from rules_engine.parser.combining import combine
from rules_engine.parser.items import I, content_words, predicates

# "6 months after allogeneic stem cell transplant as long as ...", "after allogeneic SCT, provided
# ...": the interval (optional), the treatment, then the condition's own word. No repetition
# nests another; the treatment is bounded.
_AFTER = re.compile(
    r"^\W*(?:(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?|years?)\s+)?(?:after|following)\s+"
    r"(?P<what>[^,;:()]{1,120}?)\s*,?\s*(?=(?:as\s+long\s+as|provided|only\s+if|if)\b)",
    I,
)


def treatment_after(rest: str, treatments: frozenset[str]) -> tuple[str, Expr, Window | None] | None:
    """``rest`` (a permission's words after "are eligible") that opens by naming the permitted
    treatment and the time since it: the words left for the condition, the treatment as read and
    the interval (None when no number is written). None when the words name anything but one of
    ``treatments`` whole (a disease, a words left over: that is a condition, not the treatment)."""
    m = _AFTER.match(rest)
    if m is None:
        return None
    what = m.group("what")
    items = [it for it in extract(what, CriterionType.INCLUSION) if it.expr is not None]
    if not items:
        return None
    expr = combine(items, what, CriterionType.INCLUSION)
    if expr is None or any(isinstance(node, Review) for node in iter_nodes(expr)):
        return None
    if not all(p.concept in treatments for p in predicates(expr)):
        return None
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(what))
    if content_words(masked):
        return None  # "after induction for AML": words no item read
    window = Window(float(m.group("n")), m.group("unit").lower().rstrip("s") + "s") if m.group("n") else None
    return rest[m.end():], expr, window
