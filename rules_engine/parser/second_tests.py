"""A second test offered where a first fails.

"If the serum creatinine is above these values, the calculated creatinine clearance must be >= 70
mL/min", "Serum creatinine =< 1.0 mg/dL; if serum creatinine > 1.0 mg/dl, then the estimated GFR
must be > 60": the first test failed, the second decides; joined as one more requirement, the
line asked "creatinine <= 1 and creatinine > 1" of every patient. The second test is read as a clause (``residue``), so
this module sits above the residue policy.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate, Review, ReviewReason, iter_nodes
from rules_engine.parser.clauses import parse_clause
from rules_engine.parser.items import I, all_of, any_of, number, predicate, predicates
from rules_engine.parser.safety import Alternative
from rules_engine.parser.topics.labs import named_labs
from rules_engine.parser.residue import clause_expr


# A sentence offering a second test where the first one fails ("If the serum creatinine is above
# these values, the calculated creatinine clearance must be >= 70 mL/min"; "If the total bilirubin
# is elevated, patient will still be eligible if the conjugated (direct) bilirubin <= ULN"). Its
# condition C names a lab of the requirement A before it; B is the second test:
#   * C is the failure of A ("above these values") or the sentence says the patient is still
#     eligible: the patient qualifies by either test, A or B;
#   * C is a bound of its own ("If creatinine is above the ULN, CrCl is >= 45", "If ALP is >
#     2.5 x ULN, AST must be < 1.5 x ULN"): a further requirement, A and (not C or B), which can
#     only be stricter than the text's other reading.
# 47 corpus lines open a sentence "If <lab> is elevated / above / > ..."; the ones whose second
# test is read whole are taken, the rest keep the residue policy.
_FAILED_TEST = re.compile(
    r"^\W*if\s+(?:the\s+|their\s+|his\s+or\s+her\s+|the\s+patient'?s\s+)?(?P<what>[^,;:<>≤≥=()]{2,60}?)\s+(?:is|are|was|were)\s+"
    r"(?:(?P<failed>above\s+(?:these|those|this|the\s+above)(?:\s+(?:values?|limits?|levels?|ranges?|thresholds?))?)"
    r"|(?P<elevated>elevated|abnormal|(?:above|greater\s+than|higher\s+than|over|>)\s+(?:the\s+)?(?:institutional\s+)?(?:ULN|upper\s+limits?\s+of\s+normal|normal\s+range|normal))"
    r"|(?:>|greater\s+than|above)\s*(?P<n>\d+(?:\.\d+)?)\s*(?:x|×|times)\s*(?:the\s+)?(?:institutional\s+)?(?:ULN|upper\s+limits?\s+of\s+normal))"
    r"\s*,?\s*(?:then\s+)?(?P<still>(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:will|may|can|would)\s+(?:still\s+)?be\s+(?:eligible|allowed|enrolled|included)\s+if\s+)?"
    r"(?:(?:the\s+)?(?:patient|participant|subject)'?s\s+)?",
    I,
)


# The same offer written as a clause after a semicolon, the condition a bare bound ("Serum
# creatinine =< 1.0 mg/dL; if serum creatinine > 1.0 mg/dl, then the estimated GFR must be > 60";
# 12 corpus lines, most of them the cooperative groups' "if serum creatinine > N mg/dL, then the
# estimated glomerular filtration rate (GFR) must be > M"). Joined as one more requirement it asked
# "creatinine <= 1 and creatinine > 1" of every patient. A condition that is the very failure of A
# (the same number, unit and ULN) offers B in its stead; any other bound is read as above.
# (the condition may name the patients instead: "...; for those with a total bilirubin > 2.5 x ULN,
# a direct bilirubin should be performed and must be < 1.5 mg/dL"; 2 corpus lines, each read as
# "bilirubin <= 2.5 and bilirubin > 2.5", which failed every patient)
_FAILED_BOUND = re.compile(
    r"^\W*(?:if|for\s+(?:those|patients?|subjects?|participants?)\s+(?:with|who\s+have))\s+(?:an?\s+|the\s+|their\s+|his\s+or\s+her\s+|the\s+patient'?s\s+)?(?P<what>[^,;:<>≤≥=()]{2,60}?)\s*(?:(?:is|are|was|were)\s+)?"
    r"(?:>|greater\s+than|higher\s+than|above|exceeds?|over)\s*(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:(?P<uln>x|×|times)\s*(?:the\s+)?(?:institutional\s+)?(?:ULN|UNL|upper\s+limits?\s+of\s+normal)|(?P<unit>mg/dl|mg\s*%|[µμu]mol/l)(?![\w/]))"
    r"\s*,?\s*(?:then\s+)?(?:(?:the\s+)?(?:patient|participant|subject)'?s\s+)?",
    I,
)


def _second_test(
    expr: Expr, m: re.Match[str], clause_text: str, ctype: CriterionType
) -> tuple[str, Expr, list[Expr], list[int]] | None:
    """The one lab the condition names, the second test read whole after it, ``expr``'s parts
    and which of them ask that lab; None when any of these is missing (the clause is then left
    to the usual residue policy)."""
    named = named_labs(m.group("what"))
    if len(named) != 1:
        return None
    second = clause_expr(parse_clause(clause_text[m.end():], ctype), ctype, False)
    if second is None or not predicates(second) or any(isinstance(n, Review) for n in iter_nodes(second)):
        return None
    parts = list(expr.parts) if isinstance(expr, All) else [expr]
    hits = [i for i, part in enumerate(parts) if named[0] in {p.concept for p in predicates(part)}]
    return (named[0], second, parts, hits) if hits else None


def _failed_bound_alternative(expr: Expr, m: re.Match[str], clause_text: str, ctype: CriterionType) -> Expr | None:
    """``expr`` with the second test ``_FAILED_BOUND`` matched in ``clause_text`` (see above)."""
    found = _second_test(expr, m, clause_text, ctype)
    if found is None:
        return _unread_second_test(expr, m, clause_text)
    lab, second, parts, hits = found
    n, uln = number(m.group("n")), bool(m.group("uln"))
    unit = None if uln else ("mg/dL" if m.group("unit").lower().replace(" ", "") in ("mg/dl", "mg%") else "umol/L")

    def is_failure_of(part: Expr) -> bool:  # A is "<lab> <= n" (or "< n") in the condition's own terms
        return (
            isinstance(part, Predicate) and part.concept == lab and part.op in (Op.LTE, Op.LT) and part.value == n
            and part.uln == uln and (uln or (part.unit or "").lower().replace("μ", "u").replace("µ", "u") == unit.lower())
        )

    failed = [i for i in hits if is_failure_of(parts[i])]
    if failed:
        for i in failed:
            parts[i] = any_of([parts[i], second])
        return all_of(parts)
    within = predicate(lab, Op.LTE, n, unit, uln)
    return all_of([*parts, any_of([within, second])])


def _unread_second_test(expr: Expr, m: re.Match[str], clause_text: str) -> Expr | None:
    """The condition is the failure of a bound the line read, the test it offers instead not read
    whole ("...; if serum creatinine > 1.5 mg/dL, then the estimated glomerular filtrate rate (GFR)
    must be > 60"): the bound met meets the line, failed it leaves the line to a person. Left to the
    residue policy it was one more requirement, "creatinine <= 1.5 and creatinine > 1.5", which no
    patient meets."""
    named = named_labs(m.group("what"))
    if len(named) != 1 or not re.search(r"[^\W\d_]{3,}", clause_text[m.end():]):  # a second test named after the condition
        return None
    parts = list(expr.parts) if isinstance(expr, All) else [expr]
    n = number(m.group("n"))

    def is_failure_of(part: Expr) -> bool:
        return isinstance(part, Predicate) and part.concept == named[0] and part.op in (Op.LTE, Op.LT) and part.value == n

    # (the bound may stand among its own exceptions already: "Total bilirubin =< 2.5 x ULN unless
    # due to Gilbert's disease; for those with a total bilirubin > 2.5 x ULN, ...")
    failed = [i for i, part in enumerate(parts)
              if is_failure_of(part) or isinstance(part, Any_) and any(is_failure_of(q) for q in part.parts)]
    if not failed:
        return None
    for i in failed:
        parts[i] = any_of([parts[i], Alternative(ReviewReason.UNPARSED, clause_text.strip())])
    return all_of(parts)


def failed_test_alternative(expr: Expr, clause_text: str, ctype: CriterionType) -> Expr | None:
    """``expr`` with the second test the clause offers, or None when the clause is not of that
    shape, is not an inclusion's, or its second test is not read whole (the clause is then left
    to the usual residue policy)."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _FAILED_TEST.match(clause_text)
    if m is None:
        bound = _FAILED_BOUND.match(clause_text)
        return _failed_bound_alternative(expr, bound, clause_text, ctype) if bound else None
    found = _second_test(expr, m, clause_text, ctype)
    if found is None:
        # a bound's failure with a second test not read whole ("if total bilirubin is > 1.5 x ULN,
        # a direct bilirubin should be performed and must be < 1.5 mg/dL for Gilbert's to be
        # diagnosed"): as the clause form reads it, never one more requirement
        bound = _FAILED_BOUND.match(clause_text)
        return _failed_bound_alternative(expr, bound, clause_text, ctype) if bound else None
    lab, second, parts, hits = found
    if m.group("failed") or m.group("still"):
        for i in hits:
            parts[i] = any_of([parts[i], second])
        return all_of(parts)
    within = predicate(lab, Op.LTE, number(m.group("n")) if m.group("n") else 1, None, True)
    return all_of([*parts, any_of([within, second])])
