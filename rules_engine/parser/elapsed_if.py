"""A washout written for the patients a trailing "if" names.

"At least 3 months must have elapsed if prior total body irradiation, craniospinal XRT or if >= 50%
radiation of pelvis", "At least 6 weeks must have elapsed if other substantial bone marrow
irradiation" (the paediatric consortia's wording, 12 corpus lines write "must have elapsed if"):
the span concerns only the patients the condition names. Read as a
plain clause, the condition became a history every patient must have, and a patient never
irradiated failed the line (holdout T155-clean, -young, -allo).

The line holds for a patient with no radiotherapy inside the span; for one irradiated inside it,
which kind it was (total body, craniospinal, half the pelvis, or a local field the line spares) no
record says, so it is a person's. Only a whole line of this
shape, in an inclusion, whose condition is nothing but the histories read: a condition with words
left over is left as it was. The condition is read as a line (``line_reader``).
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op, Predicate, Review, ReviewReason, Window, iter_nodes
from rules_engine.parser.items import I, any_of, predicate
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.safety import Alternative

_SPAN = re.compile(r"\W*(?:at\s+least|≥|>=|>|more\s+than)\s*(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?|years?)", I)
_ELAPSED_IF = re.compile(
    r"^\W*(?P<span>(?:at\s+least|≥|>=|>|more\s+than)\s*\d{1,3}\s*(?:days?|weeks?|months?|years?))\s+(?:must|should|shall)\s+have\s+(?:elapsed|passed)\s+"
    r"if\s+(?:(?:there\s+(?:was|has\s+been)|the\s+patient\s+(?:has\s+)?(?:had|received))\s+)?(?P<cond>[^.;:]{3,160}?)\W*$",
    I,
)
# the words a radiation's kind and site leave unread ("prior total body", "if >= 50% of pelvis",
# "craniospinal XRT", "other substantial bone marrow"): each a literal, the repetition possessive
# (a run of digits splits into 1-3-digit numbers many ways, and backtracking through them before
# a word outside the list took 0.9 s for 24 digits, doubling every few more)
_RADIATION_WORDS = re.compile(
    r"^(?:[\s\W]|\d{1,3}%?|prior|previous|other|substantial|total|body|bone|marrow|craniospinal|spinal|cranial|XRT|RT|TBI|if|of|the|to|or|and|"
    r"pelvis|pelvic|radiation|irradiation|radiotherapy)*+$",
    I,
)


def elapsed_if(text: str, ctype: CriterionType) -> Expr | None:
    """"<span> must have elapsed if <radiation>": met with no radiotherapy inside the span, a
    person's with one inside it; None for any other line."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _ELAPSED_IF.match(text)
    if m is None:
        return None
    read = read_expr(m.group("cond"), CriterionType.EXCLUSION)
    nodes = list(iter_nodes(read))
    named = [n for n in nodes if isinstance(n, Predicate)]
    if not named or not all(p.op is Op.PRESENT and p.concept == "radiotherapy" for p in named):
        return None
    if not all(_RADIATION_WORDS.match(n.text or "") for n in nodes if isinstance(n, Review)):
        return None
    said = " ".join(text.split())
    span = _SPAN.match(m.group("span"))
    assert span is not None  # (the line's pattern matched it)
    # ("at least", "≥" and ">=" meet the bound itself, "more than" and ">" do not: Window.exclusive)
    lead = span.group(0).strip().lower()
    strict = lead.startswith("more") or (lead.startswith(">") and not lead.startswith(">="))
    window = Window(float(span.group("n")), span.group("unit").lower().rstrip("s") + "s", exclusive=not strict)
    # none within the span meets it whatever its kind; a recent one may be of a kind the line spares
    return any_of([predicate("radiotherapy", Op.NOT_WITHIN, None, None, False, window), Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"which kind it was: {said}")])  # type: ignore[list-item]
