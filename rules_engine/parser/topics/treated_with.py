"""A condition qualified by the drug it is treated with: "Patients with a history of diabetes
mellitus (DM) treated with metformin are NOT eligible", "Diabetes treated with insulin" (meds17;
the holdout's T92). The products topic leaves a product in mid-clause to the clause's other
readings (it qualifies another subject), and the condition was read beside the words "treated
with metformin" left to a person: every diabetic was unknown, on metformin or not.

The qualifier is the product on record (``named_medication is "metformin"``, decided by the
record's own medication words), joined to the condition it qualifies: a diabetic on metformin
meets the line, one whose record names only other drugs does not, and a record naming no
medication at all leaves it unknown, as any named product is read. Only a review that is the
qualifier whole ("treated with metformin", "currently treated with insulin") is read, and only
beside a structured part it qualifies (an And).

The pattern is the products topic's bounded list after a literal lead; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Op, Predicate, Review
from rules_engine.parser.items import any_of, predicate, rewrite_groups
from rules_engine.parser.topics.products import PRODUCT_LIST, PRODUCT_RE, product_value

# (the residue may keep the condition's lead: "Patients with a history of treated with insulin")
_TREATED = re.compile(r"(?:(?:patients?|subjects?|participants?)\s+(?:with\s+)?(?:(?:a\s+)?(?:known\s+)?history\s+of\s+)?)?(?:currently\s+)?(?:treated|controlled|managed)\s+(?:with|by|on)\s+" + PRODUCT_LIST + r"\s*", re.I)


def _qualifier(part: Expr) -> Expr | None:
    if not isinstance(part, Review) or not part.text or "treat" not in part.text and "control" not in part.text and "manag" not in part.text:
        return None
    m = _TREATED.fullmatch(part.text)
    if m is None:
        return None
    names = [p.group(0) for p in PRODUCT_RE.finditer(m.group("list"))]
    if not names:
        return None
    return any_of([predicate("named_medication", Op.IS, product_value(n)) for n in dict.fromkeys(names)])


def _at(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
    if not isinstance(node, All) or not any(isinstance(p, Predicate) for p in parts):
        return parts
    return [q if (q := _qualifier(p)) is not None else p for p in parts]


def treated_with_products(expr: Expr) -> Expr:
    """``expr`` with each "treated with <products>" review beside a condition read as the products."""
    return rewrite_groups(expr, _at)
