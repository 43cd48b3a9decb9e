"""Richter's transformation read as what a record holds of it: a CLL (or SLL) and the aggressive
lymphoma it turned into, a diffuse large B-cell or a Hodgkin lymphoma (dx12; issue 14).

CLL trials exclude it ("Known or suspected history of Richter's transformation", "Transformed
lymphoma or Richter's transformation", "History of Richter's or prolymphocytic transformation")
and a few admit it ("Richter's transformation, prolymphocytic leukemia, ... are eligible", "CLL
in Richter's transformation"): ~25 corpus lines in ~20 trials. No code names the transformation;
hospitals code the CLL (C91.1) and the lymphoma it became (C83.3 DLBCL, C81 Hodgkin), as the
holdout's records do. Left unread, the words were a review for every patient: a CLL with no other
lymphoma on record stayed undecided by every exclusion of it, and a CLL that had become a DLBCL was
not admitted by the line that takes it.

The reading: (CLL or SLL) and (DLBCL or Hodgkin lymphoma). A lymphoma on record of no stated kind
(a B-cell lymphoma, "lymphoma") leaves the DLBCL open, never absent (the lymphoma kinds are
exhaustive), so such a record stays a person's question; a DLBCL without a CLL (de novo) is no
transformation.

The pattern is one bounded alternation.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op
from rules_engine.parser.items import I, Item, any_of, predicate
from rules_engine.parser.joint import Joint

GATE = re.compile(r"richter", I)

# "Richter's transformation", "Richter syndrome", "Richter's disease", "Richter transformation";
# "Richter's or prolymphocytic transformation" (the first of two transformations named once)
_RICHTER = re.compile(
    r"\bRichter(?:'|’)?s?(?:\s+(?:transformation|syndrome|disease)\b|(?=\s+or\s+pro-?lymphocytic\s+transformation\b))", I
)

_CONCEPTS = frozenset({"cll", "sll", "dlbcl", "hodgkin_lymphoma"})


def richter_items(text: str) -> list[Item]:
    """Each Richter's transformation the line names, as the CLL and its aggressive lymphoma."""
    expr = Joint(
        (
            any_of([predicate("cll", Op.PRESENT), predicate("sll", Op.PRESENT)]),
            any_of([predicate("dlbcl", Op.PRESENT), predicate("hodgkin_lymphoma", Op.PRESENT)]),
        )
    )  # (one disease: a list keeps it whole, parser.joint)
    return [Item(m.start(), m.end(), expr, _CONCEPTS) for m in _RICHTER.finditer(text)]
