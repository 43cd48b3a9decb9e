"""To whom a whole line's reading applies.

A contraception or pregnancy duty concerns women (or men who father children), an age bound may
hold apart for children and adults ("age >= 18, or >= 12 for ...") and a line may hold a women's
part beside one for everyone. These are decided on the finished reading of a line, after every
clause is read, so they are kept apart from the reading itself (``line``).
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import FEMALE, I, predicates
from rules_engine.parser.normalize import normalize
from rules_engine.parser.topics.sex import sex_scope


# a line that also speaks of fathering a child or of men ("women/men of reproductive potential
# unwilling to use contraception") concerns men too
_FATHER = re.compile(r"\bfather(?:s|ing|ed)?\b|\b(?:males?|men)\b", I)


FEMALE_DUTY_SCOPE = Not(FEMALE)


def _nodes_of(expr: Expr) -> list[Expr]:
    if isinstance(expr, (All, Any_)):
        return [expr, *(n for part in expr.parts for n in _nodes_of(part))]
    return [expr, *_nodes_of(expr.part)] if isinstance(expr, Not) else [expr]


_SIGN = {Op.GT: ">", Op.GTE: ">=", Op.LT: "<", Op.LTE: "<="}


def _age_bounds(part: Expr) -> list[tuple[str, float, bool]]:
    """("low" | "high", years, inclusive) of each age bound in years a part sets: both of a range
    ("Patient 3 to 15 years of age")."""
    if not (isinstance(part, Predicate) and part.concept == "age" and part.unit in ("a", None)):
        return []
    if part.op is Op.BETWEEN and isinstance(part.value, tuple) and all(isinstance(v, (int, float)) for v in part.value):
        return [("low", float(part.value[0]), part.low_inclusive), ("high", float(part.value[1]), part.high_inclusive)]
    if not isinstance(part.value, (int, float)):
        return []
    if part.op in (Op.GT, Op.GTE):
        return [("low", float(part.value), part.op is Op.GTE)]
    if part.op in (Op.LT, Op.LTE):
        return [("high", float(part.value), part.op is Op.LTE)]
    return []


def _age_words(p: Expr) -> str:
    if isinstance(p, Predicate) and p.op is Op.BETWEEN and isinstance(p.value, tuple):
        return f"age {p.value[0]:g} to {p.value[1]:g}"
    if isinstance(p, Predicate) and p.op in _SIGN and isinstance(p.value, (int, float)):
        return f"age {_SIGN[p.op]} {p.value:g}"
    return "age"


def ages_apart(expr: Expr) -> Expr:
    """Age bounds asked together that no age meets ("ECOG 0-2; use Karnofsky for patients > 16 years
    of age and Lansky for patients =< 16 years", "for patients >= 16 years Karnofsky > 60 and for
    patients < 16 years Lansky > 60"): each bound says to whom another part applies, which this
    reading lost. Read as requirements, no patient could meet the line (53 corpus lines held such a
    pair, most rightly apart in alternatives); they are left to a person, the line's other parts
    still deciding against the patient."""
    if isinstance(expr, (Any_, Not)):
        return Any_(tuple(ages_apart(p) for p in expr.parts)) if isinstance(expr, Any_) else Not(ages_apart(expr.part))
    if not isinstance(expr, All):
        return expr
    parts = [ages_apart(p) for p in expr.parts]
    bounds = [(k, b) for k, p in enumerate(parts) for b in _age_bounds(p)]
    lows = [(k, v, inc) for k, (side, v, inc) in bounds if side == "low"]
    highs = [(k, v, inc) for k, (side, v, inc) in bounds if side == "high"]
    # (a range's own ends are one bound: "Age 18 - 80 years; age > 80 allowed at investigator
    # discretion if ..." holds a range and a bound beyond it, which read together failed everyone)
    clash = [(k, j) for k, lo, lo_inc in lows for j, hi, hi_inc in highs if k != j and (hi < lo or (hi == lo and not (lo_inc and hi_inc)))]
    apart = {k for k, _ in clash} | {j for _, j in clash}
    if apart:
        words = " and ".join(_age_words(p) for k, p in enumerate(parts) if k in apart)
        parts = [p for k, p in enumerate(parts) if k not in apart] + [Review(ReviewReason.AMBIGUOUS, f"age bounds no patient meets together ({words}): to whom each applies")]
    return All(tuple(parts)) if parts != list(expr.parts) else expr


_WOMEN_ONLY = frozenset({"pregnancy", "pregnancy_test", "lactation"})
# what a women's part may ask beside pregnancy: whether she can bear a child ("women of
# childbearing potential must have a negative pregnancy test" reads it as an alternative)
_WOMEN_PART = _WOMEN_ONLY | {"childbearing_potential"}


def women_parts_scoped(expr: Expr, text: str) -> Expr | None:
    """A line's parts that concern women only, beside parts that concern everyone, each scoped to
    women, and the line to nobody: an exclusion's alternative ("Patient is a women who is pregnant
    or breastfeeding. Patient has an active infection that requires antibiotics") holds for a woman
    only, an inclusion's requirement ("ANC >= 1500/uL; negative pregnancy test") is asked of a woman
    only. Scoped whole to women (``applies_if``), such a line let every man through, whatever his
    infection or his neutrophils. The women's parts are found at any depth ("18 years of age or
    greater. Female patients with child-bearing potential must have a negative pregnancy test",
    "Inadequate liver or renal function, ... Pregnant or breast-feeding women ..."; 19 corpus lines
    were scoped whole through a part mixing the two). None when the line has no such mix."""
    # (a line that speaks of men's contraception too still asks its pregnancy test of women only:
    # "ECOG 0, 1, or 2. - Female patients must not be pregnant (negative pregnancy test ...) and
    # female and male patients must use contraception" was scoped whole to women for the test)
    if sex_scope(normalize(text)) is not None:
        return None
    concepts = {p.concept for p in predicates(expr)}
    if not concepts & _WOMEN_ONLY or not concepts - (_WOMEN_PART | {"sex"}):
        return None
    scoped = _scope_women(expr)
    return scoped if scoped is not expr else None


def _scope_women(expr: Expr) -> Expr:
    """Each part of ``expr`` asking about women only, scoped to them: an alternative holds for a
    woman only, a requirement is asked of a woman only; a part mixing the two is looked into."""
    if isinstance(expr, Not):
        inner = _scope_women(expr.part)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (Any_, All)):
        return expr
    parts: list[Expr] = []
    for part in expr.parts:
        concepts = {p.concept for p in predicates(part)}
        if concepts & _WOMEN_ONLY and concepts <= _WOMEN_PART:
            parts.append(All((FEMALE, part)) if isinstance(expr, Any_) else Any_((FEMALE_DUTY_SCOPE, part)))
        elif concepts & _WOMEN_ONLY:
            parts.append(_scope_women(part))
        else:
            parts.append(part)
    if all(new is old for new, old in zip(parts, expr.parts, strict=True)):
        return expr
    return Any_(tuple(parts)) if isinstance(expr, Any_) else All(tuple(parts))


def applies_if(expr: Expr, text: str = "") -> Expr | None:
    """A pregnancy line concerns women only, unless it also speaks of fathering a child
    ("expecting to conceive or father a child", "women/men ... unwilling to use contraception"):
    then a man is concerned too. A line that opens
    by naming the patients it asks something of ("Female patients with infants must ...",
    "Male participants must ...") concerns those patients only."""
    scope = sex_scope(normalize(text)) if text else None
    if scope is not None:
        return FEMALE if scope[0] == "female" else Predicate("sex", Op.IS, "male")
    # a sex that only scopes a women's duty ("any of: not female, review") names no patients
    concepts = {p.concept for p in predicates(expr)} - ({"sex"} if FEMALE_DUTY_SCOPE in _nodes_of(expr) else set())
    if concepts & _WOMEN_ONLY and "sex" not in concepts and not _FATHER.search(text):
        return FEMALE
    # A test only women can have stays a women's line even where men are named too ("Pregnancy
    # test must be negative, and ... Fertile male patients must agree to use contraception"):
    # asked of a man, the missing test left his line unknown, and him possibly eligible at best.
    if "pregnancy_test" in concepts and "sex" not in concepts:
        return FEMALE
    return None
