"""A continuous therapy's use written "current or recent" ("Must not have current or recent use of
full-dose anticoagulants", "Current or recent use of parenteral anticoagulants"; holdout T292).

"Current" asks for the therapy within the days a continuous therapy is read as current
(``events.NOW``); "recent" widens that by a span the line does not give. So a record within the
current window decides the line, a record only older than that is left to a person (how recent
"recent" is), and a patient with no record of the therapy has none. Read as "current" alone, an
anticoagulant stopped three weeks ago passed a line that may exclude it; left wholly unread, a
patient on warfarin today passed as "possibly eligible".

The words are read in the inclusion too ("Must not have current or recent use of ...", which
``items.NEGATED`` negates): the use is what the line asks about.

Both patterns are literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Predicate, ReviewReason
from rules_engine.parser.items import I, all_of, any_of
from rules_engine.parser.safety import Qualifier

# between the "current" the therapy topic read as its lead and the therapy: " or recent use of "
OR_RECENT = re.compile(r"\s+or\s+recent(?:ly)?\s+(?:use|used|usage)\s+(?:of\s+)?(?:(?:any|an?|the)\s+)?$", I)
# before a therapy in an inclusion: the use is what the line asks about
ASKED_USE = re.compile(r"\b(?:current|recent)\s+(?:or\s+(?:current|recent)\s+)?(?:use|usage)\s+of\s+(?:[\w-]+\s+){0,3}$", I)
RECENT_OPEN = "how recent 'recent use' is: the line gives no window beyond current use"


def current_or_recent(now: list[Expr], present: list[Predicate]) -> Expr:
    """The therapy within the current window, or on record earlier and left to a person."""
    return any_of([*now, all_of([any_of(list(present)), Qualifier(ReviewReason.AMBIGUOUS, RECENT_OPEN)])])
