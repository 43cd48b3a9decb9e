"""Two relative clauses on one drug noun: "Must not have received medications known to inhibit
platelet function or known to selectively inhibit cyclooxygenase-2 (COX-2) activity", "use of
drugs known to prolong QTc interval or that may be associated with ..." (2 corpus lines; holdout
T292).

The second clause's class (the COX-2 inhibitors) is asked as the first is: both hang on the
same "received medications". In an inclusion the events topic takes a class as asked only where
a word of receiving stands a few words before it, so the second was left to a person and a
patient on celecoxib passed "Must not have received ..." as possibly eligible.

The pattern is literals with one bounded gap; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I

# before the second clause's class: the verb, the drug noun, the first clause and "or"
SHARED_LEAD = re.compile(
    r"\b(?:received|receiving|taking|use\s+of|treated\s+with|treatment\s+with)\s+(?:(?:any|other)\s+)?(?:medications?|drugs?|agents?|medicines?)\s+"
    r"(?:that|which|known\s+to)\s[^.;()]{0,60}?\s+or\s+$",
    I,
)
