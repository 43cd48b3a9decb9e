"""A condition the line defines by a measurement, permitted on a proviso: "Patients with underlying
hypertension as defined by blood pressures averaging greater than 140/90 on two separate clinic
visits are eligible if hypertension has been controlled by standard nonpharmacologic or
pharmacologic therapy" (2 corpus lines; holdout T323).

The line asks nothing of a patient without the condition; of one with it, the proviso, a person's
(it is rarely on a record), unless the measurement the line defines the condition by is past its
bound now (then the condition is not controlled: the line fails). Who has the condition is the
coded diagnosis or that measurement: a record with either is the proviso's, any other meets it.
Read as a requirement, the definition's bounds were asked of every patient ("systolic BP > 140
and diastolic BP > 90") and a patient whose hypertension was controlled failed the line.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import CriterionType, Expr, Not, Op, Predicate, ReviewReason, iter_predicates
from rules_engine.parser.items import I, all_of, any_of
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.safety import Alternative

_DEFINED_PERMISSION = re.compile(
    r"^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?|those|individuals?)\s+(?:with|who\s+have|having)\s+)"
    r"(?P<cond>[^,:;.()<>≤≥\d]{3,60}?)\s*,?\s+(?:as\s+)?defined\s+(?:by|as)\s+(?P<defn>[^:;]{5,160}?)\s*,?\s+"
    r"(?:are|is|will\s+be|may\s+be|would\s+be)\s+(?:(?:also|still)\s+)?(?:eligible|allowed|permitted|included)\s+"
    r"(?P<proviso>(?:if|provided|as\s+long\s+as|when)\b[^:;]{3,200}?)\W*$",
    I,
)


def defined_permission(text: str, ctype: CriterionType) -> Expr | None:
    """An inclusion's permission of a condition it defines by a measurement (see above); None for
    any other line."""
    if ctype is not CriterionType.INCLUSION or "defined" not in text.lower():
        return None
    m = _DEFINED_PERMISSION.match(text)
    if m is None:
        return None
    cond = read_expr(re.sub(r"^(?:underlying|known|pre-?existing|a\s+history\s+of|history\s+of)\s+", "", m.group("cond").strip(), flags=I), ctype)
    if not isinstance(cond, Predicate) or cond.op is not Op.PRESENT:
        return None
    bounds = [p for p in iter_predicates(read_expr(m.group("defn"), ctype)) if CONCEPTS[p.concept].kind is Kind.MEASUREMENT]
    if not bounds:
        return None
    # (any of the definition's bounds: the wider the condition's patients, the fewer meet the line
    # unasked; "blood pressure > 140/90" is either side past its bound)
    has = any_of([cond, *bounds])
    # (a measurement past the definition's bound is the condition uncontrolled now: the proviso
    # failed, whatever the therapy)
    controlled = all_of([Not(any_of(bounds)), Alternative(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(m.group("proviso").split()))])
    return any_of([Not(has), controlled])
