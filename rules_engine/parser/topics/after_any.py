"""A washout written as the time the patient is past a therapy: "28 days or longer after any
investigational agent", "7 days or longer after any standard chemotherapy agent" (a list under
"Patients must be:"; the normaliser writes "or longer" as "≥").

A window read with "after" is otherwise left alone ("within 6 months after transplant" counts
from the transplant, not from today). At least N days after *any* such therapy is a span back
from today that no course of it may fall into: the "≥ N days since" washout. Left unread, a
cytarabine course 3 days ago left the line to a person. Never where the span is a duration the
patient keeps something up for ("contraception for at least 90 days after any dose"), nor for a
bound other than a lower one ("within 30 days after any dose").

Among exclusions (a registry's "permitted, with the following restriction:" list under the
exclusion heading) the line states the requirement, and what excludes is a course inside the span:
``X within N days`` with the span's last day outside it, as ``exclusion_washout`` turns a washout
written there (read as the inclusion's "no X within N days", it excluded every patient never given X).

The patterns are literals with bounded whitespace; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I

# the lower bound the window is read with ("≥", "at least"; "or longer" normalised to "≥")
_LOWER = re.compile(r"≥|at\s+least", I)
# "after" right before "any" and its therapy
_ANY = re.compile(r"\s{1,3}any\b", I)
# a span the patient keeps something up for ("for at least 90 days after any dose")
_FOR = re.compile(r"\bfor\s*(?:a\s+(?:minimum|period)\s+of\s*)?$", I)


def after_any_washout(kind: str, text: str, start: int, end: int) -> bool:
    """Whether the window ``text[start:end]`` (kind ``kind``, ending in "after") is a washout
    since any course of the therapy named next."""
    return (
        _LOWER.match(kind) is not None
        and _ANY.match(text, end) is not None
        and _FOR.search(text, max(0, start - 30), start) is None
    )
