"""A count of cycles or courses written before the products a line names: "Prior treatment with
more than 1 cycle of azacitidine or decitabine", "Received more than 2 cycles of decitabine",
"Patients must have received at least 2 courses of cytarabine".

A record lists a product's medication entries, not how many cycles of it were given, so the
count itself is a person's (or the data's) to decide; but a count of a product is only ever met
by a patient given that product. Read so, a cap of N (N >= 1) is met by a patient never given
the product and open for one given it; a minimum of two or more needs the product and leaves the
count open; a minimum of one is the product itself. (Before, the count's words stopped the
products topic reading the list at all: the line was wholly a person's, unknown even for a
patient the record shows was never given azacitidine nor decitabine.) This is the reading the
events topic gives a count of a therapy class ("> 2 prior courses of chemotherapy",
``events._count_of``).

``COUNT`` is the fragment ``products._NAMED`` takes between the words saying the list was given
and the list itself; ``counted`` turns the products' expression under it. The fragment is
literals with one bounded number; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, ReviewReason
from rules_engine.parser.items import all_of, any_of, count_of
from rules_engine.parser.safety import Alternative, Qualifier

COUNT = (
    r"(?P<count>(?P<cop>more\s+than|greater\s+than|over|>|≥|>=|at\s+least|a\s+minimum\s+of|no\s+more\s+than|not\s+more\s+than|≤|<=|=<"
    r"|up\s+to|at\s+most|a\s+maximum\s+of|fewer\s+than|less\s+than|<)\s*"
    r"(?P<cn>[1-9]|1[0-2]|one|two|three|four|five|six)\s+(?:(?:prior|previous|complete|full)\s+)?(?:cycles?|courses?)\s+of\s+)?"
)

_AT_MOST = frozenset({"no more than", "not more than", "≤", "<=", "=<", "up to", "at most", "a maximum of", "fewer than", "less than", "<"})
_BELOW = frozenset({"fewer than", "less than", "<"})
_ABOVE = frozenset({"more than", "greater than", "over", ">"})


def counted(given: Expr, m: re.Match[str]) -> Expr:
    """``given`` (the products were given) under the count ``m`` matched in ``COUNT``, or
    ``given`` itself when the line writes no count."""
    if not m.group("count"):
        return given
    op = " ".join(m.group("cop").lower().split())
    n = count_of(m.group("cn"))
    said = " ".join(m.group("count").split()) + " " + " ".join(m.group("list").split())
    if op in _AT_MOST:
        most = n - 1 if op in _BELOW else n
        # a cap: met without the product; with it, how many cycles were given is open
        return Not(given) if most <= 0 else any_of([Not(given), Alternative(ReviewReason.UNSUPPORTED_CONCEPT, said)])
    least = n + 1 if op in _ABOVE else n
    # a minimum: never met without the product; a minimum of one is the product itself
    return given if least <= 1 else all_of([given, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, said)])
