"""A count asked "transfusion independent": "Platelet count >= 100,000/mm3 (transfusion
independent)", "Hemoglobin >= 8 gm/dL (transfusion independent)", "Platelets > 75 x 10^9/L,
transfusion independent." (9 corpus trials; left a review beside the count, every patient with the
count was unknown).

The words ask that the count stand without transfusions holding it up: no transfusion dependence
(``transfusion_dependence.dependence``, over its longest definition's 16 weeks, any product). A
record with no transfusion in that time is independent; one with a transfusion leaves whether it
made the count a person's (unknown), never met.

Read only in its own brackets or closing the line after a comma, beside the count it qualifies;
a line that asks the independence alone ("Subjects must be platelet transfusion independent
(... defined as ...)") or defines it is left as it was.

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Not, Window
from rules_engine.parser.items import I, Item
from rules_engine.parser.topics.transfusion_dependence import dependence

GATE = re.compile(r"independen", I)

_PRODUCT = r"(?:platelet\s+|red\s+(?:blood\s+)?cell\s+|RBC\s+)?"
_INDEPENDENT = re.compile(
    rf"\(\s*{_PRODUCT}transfusion[\s-]+independent\s*\)|,\s*{_PRODUCT}transfusion[\s-]+independent\s*(?=[.;]?\s*$)",
    I,
)
_LONGEST = Window(16, "weeks")


def transfusion_independent_items(text: str) -> list[Item]:
    """Each "(transfusion independent)" beside a count: no transfusion dependence on record."""
    return [
        Item(m.start(), m.end(), Not(dependence(None, _LONGEST)), frozenset({"transfusion"}))
        for m in _INDEPENDENT.finditer(text)
    ]
