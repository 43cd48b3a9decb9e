"""A blood state the thresholds after it define, and the PDQ's capital AND between two bounds.

"Anemia as defined by hemoglobin less than 11 g/dL", "No severe anemia, defined as hemoglobin
< 10 g/dL", "No severe hypoxemia with pO_2 < 70 mm Hg AND DLCO < 70% of predicted",
"Neutropenia with an absolute neutrophil count < 1,000/mm³ and ...": the state (anaemia,
hypoxaemia, neutropenia, ...) is what the measurement's bound says, never a diagnosis asked
beside it. Left over, its words were a review joined to the bound, so a haemoglobin of 12 g/dL
left "No severe anemia" unknown and a pO2 of 65 with a DLCO of 65% left the hypoxaemia the line
forbids unread. Only a state the bound's own measurement defines is consumed (hypoxaemia by the
oxygen tension, saturation or diffusing capacity; anaemia by the haemoglobin; ...): "anemia
with platelets < 50,000" keeps its word. What comes between the state and the bound and says
more ("with >= 2 platelet counts", two measurements) is not consumed and stays a review.

The PDQ writes its logic in capitals ("PO_2 >= 70 mm Hg AND DLCO >= 70% of predicted OR ..."):
in a prohibition ("No severe hypoxemia with pO_2 < 70 mm Hg AND DLCO < 70% of predicted") a
capital AND between two measurement bounds joins one state's two conditions, never a list of
things none of which may be present (read as a list, a DLCO of 55% with a normal pO2 failed the
line that forbids only both at once).
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Predicate
from rules_engine.parser.items import I

# each state, and the measurements that define it
_STATES: tuple[tuple[str, frozenset[str]], ...] = (
    (r"hypox(?:a)?emia", frozenset({"pao2", "spo2", "dlco"})),
    (r"an(?:a)?emia", frozenset({"hemoglobin"})),
    (r"neutropenia|granulocytopenia", frozenset({"anc"})),
    (r"thrombocytopenia", frozenset({"platelets"})),
    (r"leuk(?:ocyt)?openia", frozenset({"wbc"})),
    (r"hyperbilirubin(?:a)?emia", frozenset({"bilirubin"})),
)
_STATE_FRAME = re.compile(
    r"^\W*(?:(?:no|without)\s+)?(?:(?:an?|any)\s+)?(?:(?:mild|moderate|severe|significant|clinically\s+significant)\s+)?"
    r"(?P<state>" + "|".join(f"(?:{s})" for s, _ in _STATES) + r")"
    r"\s*,?\s*(?:with|(?:as\s+)?(?:defined|evidenced)\s+(?:as|by))(?:\s+an?)?\s+",
    I,
)
_CAPITAL_AND = re.compile(r"^[\s,]*(?-i:AND)\s*$")


def state_frame_end(text: str, first_start: int, first_concepts: frozenset[str]) -> int | None:
    """Where the words of a state the first bound defines end, when they open the clause and run
    to that bound ("No severe anemia, defined as " before "hemoglobin < 10 g/dL"); else None."""
    m = _STATE_FRAME.match(text)
    if m is None or m.end() != first_start or not first_concepts:
        return None
    state = m.group("state")
    defined_by = next(by for s, by in _STATES if re.fullmatch(s, state, I))
    return m.end() if first_concepts <= defined_by else None


def capital_and_of_bounds(connector: str, left: Expr | None, right: Expr | None) -> bool:
    """Whether a prohibition's connector is the PDQ's capital AND between two measurement bounds."""
    return (_CAPITAL_AND.match(connector) is not None and isinstance(left, Predicate) and isinstance(right, Predicate)
            and left.value is not None and right.value is not None)
