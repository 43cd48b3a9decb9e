"""The drugs a bleeding exclusion permits by name: "Patient must not receive drugs that interfere
with coagulation or inhibits platelet function, with the exception of aspirin <= 150 mg per day or
low molecular weight heparin" (holdout T315), "anticoagulants other than low molecular weight
heparin", "antiplatelet agents except low-dose aspirin".

Left unread, the exception made the line a review for every patient on an anticoagulant or an
antiplatelet, warfarin and clopidogrel as much as the permitted enoxaparin (four holdout patients
the text excludes were possibly eligible). Read here:

* the permitted drugs: a low molecular weight heparin (``low_molecular_weight_heparin``, a kind of
  anticoagulant therapy) and aspirin (``aspirin_therapy``, a kind of antiplatelet therapy), aspirin
  with the daily dose the words bound ("<= 150 mg per day": ``aspirin_dose``, the latest record's
  daily dose) or a qualifier a person weighs ("low-dose aspirin", "prophylactic LMWH");
* what is excepted then (``narrowed_by_permitted``): each class the line asks with the permitted
  kinds taken out (``derive.excepted``: warfarin and clopidogrel still decide), and a permitted
  kind held beyond its bound asked apart ("aspirin and not <= 150 mg/d": 325 mg a day is excluded,
  81 mg is not; an unread dose leaves the line unknown, never clear).

Only an exception that names nothing else is read so (the whole phrase is the list); anything
more stays with the exception grammar (``exceptions``), which leaves it to a person.

Every pattern is an alternation of literals with bounded optional parts; no repetition nests.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.derive import excepted, kinds_of
from rules_engine.parser.items import I, any_of

_QUALIFIER = r"(?P<qual>low[\s-]+dose|low[\s-]+dosed|prophylactic|prophylaxis|baby)"
_BOUND = (
    r"(?P<op>≤|<=|=<|<|up\s+to|not\s+exceeding|not\s+more\s+than|no\s+more\s+than|maximum(?:\s+of)?|"
    r"less\s+than\s+or\s+equal\s+to|less\s+than|at\s+most)\s*(?P<n>\d{1,4}(?:\.\d{1,2})?)\s*mg"
    r"(?:\s*(?:per\s+day|a\s+day|daily|/\s*day|/\s*d\b|each\s+day|once\s+(?:a\s+)?daily|qd))?"
)
_ASPIRIN = re.compile(
    rf"(?:{_QUALIFIER}\s+)?(?:aspirin|acetylsalicylic\s+acid|(?-i:ASA))(?:\s*\(\s*(?-i:ASA)\s*\))?"
    rf"(?:\s*\(?\s*(?:(?:at\s+)?(?:a\s+)?(?:doses?|dosage)\s+(?:of\s+)?)?{_BOUND}\s*\)?)?",
    I,
)
_LMWH = re.compile(
    rf"(?:{_QUALIFIER}\s+)?(?:(?:doses?\s+of\s+)?low[\s-]+molecular[\s-]+weight[\s-]+heparins?(?:\s*\(\s*LMWH\s*\))?|(?-i:LMWHs?))",
    I,
)
_JOIN = re.compile(r"\s*(?:,\s*(?:and/or|and|or)?|and/or|or|and)\s*", I)
_END = re.compile(r"[\s.;,)]*", I)


def _option(text: str, at: int) -> tuple[Expr, int] | None:
    m = _ASPIRIN.match(text, at)
    if m is not None:
        kind = Predicate("aspirin_therapy", Op.PRESENT)
        if m.group("n") is not None:
            strict = m.group("op").lower().startswith(("<", "less than")) and "equal" not in m.group("op").lower() and "=" not in m.group("op")
            amount = float(m.group("n"))
            bound = Predicate("aspirin_dose", Op.LT if strict else Op.LTE, int(amount) if amount.is_integer() else amount, "mg/d")
            return All((kind, bound)), m.end()
        if m.group("qual") is not None:
            return All((kind, Review(ReviewReason.AMBIGUOUS, f"which aspirin dose is {' '.join(m.group('qual').split()).lower()}"))), m.end()
        return kind, m.end()
    m = _LMWH.match(text, at)
    if m is not None:
        kind = Predicate("low_molecular_weight_heparin", Op.PRESENT)
        if m.group("qual") is not None:
            return All((kind, Review(ReviewReason.AMBIGUOUS, f"which heparin dose is {' '.join(m.group('qual').split()).lower()}"))), m.end()
        return kind, m.end()
    return None


def permitted_drugs(body: str) -> Expr | None:
    """The permitted drugs an exception's words name, when they name nothing else (a list of
    aspirin and low molecular weight heparins, each perhaps bounded); else None."""
    if "aspirin" not in body.lower() and "hepar" not in body.lower() and "lmwh" not in body.lower() and "ASA" not in body:
        return None
    options: list[Expr] = []
    at = len(body) - len(body.lstrip(" \t:,("))
    while True:
        found = _option(body, at)
        if found is None:
            return None
        options.append(found[0])
        at = found[1]
        join = _JOIN.match(body, at)
        if join is not None and join.end() > at and _option(body, join.end()) is not None:
            at = join.end()
            continue
        break
    end = _END.match(body, at)
    if end is None or end.end() != len(body):
        return None
    return any_of(options)


def _kind_and_condition(option: Expr) -> tuple[str, Expr | None] | None:
    if isinstance(option, Predicate) and option.op is Op.PRESENT and option.value is None and option.window is None:
        return option.concept, None
    if isinstance(option, All) and len(option.parts) == 2 and isinstance(option.parts[0], Predicate) and option.parts[0].op is Op.PRESENT:
        return option.parts[0].concept, option.parts[1]
    return None


_PERMITTED = frozenset({"aspirin_therapy", "low_molecular_weight_heparin"})


def narrowed_by_permitted(expr: Expr, exc: Expr) -> Expr | None:
    """``expr`` with the permitted drugs ``exc`` names taken out of the classes it asks (the
    module's doc); None unless ``exc`` names only permitted drugs, each a kind of a class ``expr``
    asks outside any negation."""
    options = exc.parts if isinstance(exc, Any_) else (exc,)
    read = [_kind_and_condition(o) for o in options]
    if not read or any(r is None or r[0] not in _PERMITTED for r in read):
        return None
    permitted = [r for r in read if r is not None]
    used: set[str] = set()

    def narrow(e: Expr) -> Expr | None:
        if isinstance(e, Predicate):
            if e.op not in (Op.PRESENT, Op.WITHIN) or e.value is not None:
                return e
            mine = [(k, c) for k, c in permitted if k != e.concept and k in kinds_of(e.concept)]
            if not mine:
                return e
            kinds = tuple(dict.fromkeys(k for k, _ in mine))
            if excepted(e.concept, kinds) is None:
                return None
            used.update(kinds)
            # a permitted kind held beyond its condition is still excluded
            beyond = [All((replace(e, concept=k), Not(c))) for k, c in mine if c is not None]
            return any_of([replace(e, value=kinds), *beyond])
        if isinstance(e, (All, Any_)):
            parts = [narrow(p) for p in e.parts]
            if any(p is None for p in parts):
                return None
            return type(e)(tuple(p for p in parts if p is not None))
        return e

    narrowed = narrow(expr)
    if narrowed is None or used != {k for k, _ in permitted}:
        return None
    return narrowed
