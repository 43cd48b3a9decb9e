"""How long ago the patient's disease was diagnosed, written right after the disease: "Molecular
diagnosis of CP CML of ≤ 6 months (from initial diagnosis)", "CP CML (≤ 6 months from diagnosis)",
"Chronic phase CML within 12 months of diagnosis", "AML, time from diagnosis ≤ 30 days".

An upper bound on the time since the diagnosis asks for a disease dated inside that window, from
today: ``<disease> within <window>``, the Condition's onset read as its diagnosis. A record's onset
may be a relapse's (later than the first diagnosis, never earlier): a disease on record as
relapsed leaves the first diagnosis's date to a person, and a record older than the window is
older still at its first diagnosis, so it fails the line.

Left as it was: a lower bound ("> 2 years from diagnosis", the events topic's washout reading),
a diagnosis of something else ("within 6 weeks of diagnosis of disease progression") and a bound
with no diagnosis named ("CML of ≤ 6 months": of what, the words do not say).

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op, ReviewReason, Window
from rules_engine.parser.items import I, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

# cheap literal pre-check: every shape names the diagnosis
GATE = re.compile(r"diagnos", I)

_UNIT = r"(days?|weeks?|months?|years?)\b"
_UPPER = r"(?:≤|<=|<|within|less\s+than|no\s+more\s+than|not\s+more\s+than|up\s+to|at\s+most|maximum(?:\s+of)?)"
_NUM = r"(\d{1,3})"
# the diagnosis the bound counts from: the disease's own (no "of <another thing>" after it)
_FROM_DIAGNOSIS = r"(?:from|of|since|after)\s+(?:the\s+)?(?:(?:initial|original|first)\s+)?diagnosis(?!\s+of\b)"

# right after the disease: "of ≤ 6 months (from initial diagnosis)", "(≤ 6 months from diagnosis)",
# "within 12 months of diagnosis", ", diagnosed within 6 months", ", time from diagnosis ≤ 6 months"
_SINCE = re.compile(
    r"\s*,?\s*(?:"
    rf"(?:of\s+)?\(?\s*{_UPPER}\s*{_NUM}\s*{_UNIT}\s*\(?\s*{_FROM_DIAGNOSIS}\s*\)?"
    rf"|\(?\s*(?:(?:the\s+)?time\s+(?:from|since)\s+(?:(?:initial|original|first)\s+)?diagnosis|diagnosed)\s*(?:of\s+)?{_UPPER}\s*{_NUM}\s*{_UNIT}"
    r"(?:\s+(?:ago|(?:prior\s+to|before)\s+(?:the\s+)?(?:study\s+)?(?:entry|enrol(?:l)?ment|registration|screening|randomi[sz]ation|inclusion|consent)))?"
    r"(?!\s+(?:before|prior|preceding|after|of|from)\b)\s*\)?"
    r")",
    I,
)

# the disease's own diagnosis right after a window's "of" / "from" ("within 6 months of diagnosis",
# "≤ 6 months from the initial diagnosis)"): no "of <another thing>" after it
OWN_DIAGNOSIS = re.compile(r"\s{0,3}(?:the\s+)?(?:(?:initial|original|first)\s+)?diagnosis\b(?!\s+of\b)(?:\s*\))?", I)

RELAPSE_LEFT = "whether the record's date is the first diagnosis's: a relapsed disease"


def since_diagnosis(text: str, end: int) -> tuple[Window, int] | None:
    """The window an upper bound on the time since diagnosis right at ``end`` sets, and where its
    words end; None when none stands there."""
    m = _SINCE.match(text, end)
    if m is None:
        return None
    n, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return Window(amount=float(n), unit=unit.lower().rstrip("s") + "s"), m.end()


def diagnosed_within(concept: str, window: Window) -> Expr:
    """The disease ``concept`` diagnosed inside ``window`` (see the module)."""
    return all_of([
        predicate(concept, Op.WITHIN, window=window),
        any_of([Not(predicate("relapsed", Op.PRESENT)), Qualifier(ReviewReason.AMBIGUOUS, RELAPSE_LEFT)]),
    ])
