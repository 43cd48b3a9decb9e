"""One measure, a bound for each group of patients: "Life expectancy > 12 weeks for patients with
solid tumors (including non-Hodgkin's lymphoma) and 6 weeks for patients with hematological
malignancies".

Each bound concerns only the patients its scope names, so the line is
``(not A or measure bound1) and (not B or measure bound2)``. Read as one clause, both groups were
asked of every patient ("solid-tumor and blood-cancer"), and everyone failed the line.
``scopes.trailing_scope`` leaves a bound right before a scope alone on purpose (there it is a looser
bound beside the bound for all: "AST <= 2.5 x ULN (5 x ULN for patients with liver metastases)");
here every bound carries its own scope, so none is the bound for all.

Read only when the second part is a bare bound (a number, its unit, the same measure implied);
otherwise the line is left as it was read. A scope may name the patients "with", "without" or
"in" something ("AST/ALT <= 3 x ULN for patients without liver metastasis; <= 5 x ULN for patients
with liver metastasis", "ECOG performance status of <= 1 for patients in CP, <= 2 for patients in
AP/BC or with relapsed/refractory Ph+ ALL"); a score's bound has no unit. When a group is in words
no record decides, the line is read as the bounds allow whatever the group: a value within every
bound meets it, one beyond every bound fails it, and one between is left to a person ("applies
only for patients ..."). Read as one clause, the second scope was asked of every patient (a
chronic-phase CML failed for not having ALL), and the looser bound was dropped.

An exclusion is read so too ("Platelet count < 75,000/mm3 for patients in whom < 50% of bone
marrow nucleated cells are plasma cells; or a platelet count < 30,000/mm3 for patients in whom >=
50% ..."): a value past both groups' thresholds excludes whatever the group; read as two
alternatives each beside its unread group, a platelet count of 20,000 was left unknown.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.items import all_of, any_of
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.safety import Qualifier
from rules_engine.parser.topics.lab_scopes import scope_condition

_UNIT = (
    r"(?:weeks?|months?|days?|years?|%|mg/dL|x\s*ULN|times\s+(?:the\s+)?ULN"
    # a count's units ("75,000/mm3", "50,000 cells/uL", "100 x 10^9/L")
    r"|(?:cells\s*)?/\s*(?:mm\^?3|[uµμ]l)\b|(?:x|×)\s*10\s*\^?\s*9\s*/\s*l\b)"
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCOPE = r"(?:for|in)\s+(?:patients?|subjects?|participants?)\s+(?:with|without|in\s+whom|in)\s+"
# (a score's bound has no unit: "performance status of <= 1 for patients in CP, <= 2 for ..."; the
# second bound may name its measure again: "...; or a platelet count < 30,000/mm3 for patients ...")
_TWO_BOUNDS = re.compile(
    r"^(?P<first>[^;:]{3,120}?" + _NUM + r"(?:\s*" + _UNIT + r")?)\s+(?P<scope1>" + _SCOPE + r"[^;:]{2,90}?)"
    r"\s*(?:[,;]\s*(?:(?:and|or)\s+)?|,?\s+(?:and|or)\s+)(?:(?:a|an|the)\s+)?(?P<again>[a-z][a-z ]{2,40}?\s+)?"
    r"(?P<cmp>(?:[<>≤≥]=?|at\s+least|greater\s+than|more\s+than|less\s+than)\s*)?(?P<second>" + _NUM + r"(?:\s*" + _UNIT + r")?)\s+"
    r"(?P<scope2>" + _SCOPE + r"[^;:]{2,90}?)\s*[.;]?\s*$",
    re.I,
)
_COMPARING = re.compile(r"\b(?:than|least|most|greater|less|more|above|below|under|over|up|to|no|not)\b", re.I)
_NUMBER = re.compile(
    r"(?:[<>≤≥]=?\s*|\b(?:at\s+least|greater\s+than|more\s+than|less\s+than|no\s+more\s+than|no\s+less\s+than)\s+)?" + _NUM + r"(?:\s*" + _UNIT + r")?\s*$",
    re.I,
)
# a scope naming only phases of a chronic myeloid leukaemia ("for patients in CP", "in AP/BC")
_PHASE = r"(?:(?-i:CP|AP|BC|BP)|(?:chronic|accelerated|blast(?:ic)?)\s+(?:phase|crisis))"
_PHASES_ONLY = re.compile(rf"^\s*(?:the\s+)?{_PHASE}(?:\s*(?:/|,|\bor\b)\s*{_PHASE}){{0,2}}\s*[.;,]?\s*$", re.I)
_WITHOUT = re.compile(r"^\W*(?:for|in)\s+(?:patients?|subjects?|participants?)\s+without\b", re.I)


def _group(scope: str, concepts: set[str]) -> Expr | None:
    """The diagnosis a scope names, when it reads as diagnoses only (a bracketed example dropped);
    "without" a diagnosis is its absence. A lab's own scope words ("for patients with liver
    metastases") are read as the lab readings read them."""
    scope = re.sub(r"\bwith\s+no\b", "without", " ".join(scope.split()), count=1, flags=re.I)
    lab = {scope_condition(scope, c) for c in concepts}
    if len(lab) == 1 and None not in lab:
        return lab.pop()
    words = re.sub(r"\([^()]{0,80}\)", " ", re.sub(_SCOPE, "", scope, count=1, flags=re.I))
    if _PHASES_ONLY.match(words):  # "for patients in CP": the phase of the CML the trial is for
        words = "CML in " + words
    expr = read_expr(words, CriterionType.INCLUSION)
    if isinstance(expr, Review) or not all(isinstance(p, Predicate) for p in iter_predicates(expr)):
        return None
    if any(isinstance(n, Review) for n in _walk(expr)):
        return None
    return Not(expr) if _WITHOUT.match(scope) else expr


def _walk(expr: Expr) -> list[Expr]:
    parts = getattr(expr, "parts", None)
    if parts is not None:
        return [expr, *(n for p in parts for n in _walk(p))]
    inner = getattr(expr, "part", None)
    return [expr, *_walk(inner)] if inner is not None else [expr]


def scoped_bounds(text: str, ctype: CriterionType) -> Expr | None:
    """A line whose measure carries one bound per named group (an inclusion's limits, an
    exclusion's thresholds); None for any other line."""
    m = _TWO_BOUNDS.match(text.strip())
    if m is None or (m.group("again") and _COMPARING.search(m.group("again"))):
        return None
    first = m.group("first")
    number = _NUMBER.search(first)
    if number is None:
        return None
    measure = first[: number.start()]
    comparator = re.match(r"(?:[<>≤≥]=?|(?:at\s+least|greater\s+than|more\s+than|less\s+than|no\s+more\s+than|no\s+less\s+than))", number.group(0), re.I)
    cmp2 = m.group("cmp") or (comparator.group(0) if comparator else "")
    if not cmp2:
        return None
    bound1 = read_expr(first, ctype)
    bound2 = read_expr(f"{measure} {cmp2} {m.group('second')}", ctype)
    concepts1 = {p.concept for p in iter_predicates(bound1)}
    concepts2 = {p.concept for p in iter_predicates(bound2)}
    if not concepts1 or concepts1 != concepts2 or any(isinstance(n, Review) for n in (*_walk(bound1), *_walk(bound2))):
        return None
    group1, group2 = _group(m.group("scope1"), concepts1), _group(m.group("scope2"), concepts1)
    if group1 is not None and group2 is not None:
        if ctype is CriterionType.EXCLUSION:  # excluded by the bound of the patient's own group
            return any_of([all_of([group1, bound1]), all_of([group2, bound2])])
        return all_of([any_of([_outside(group1), bound1]), any_of([_outside(group2), bound2])])
    # a group in words no record decides: a value within both bounds meets the line whichever
    # group the patient is in, one beyond both fails it, one between is the group's question
    # (the groups are different patients: a patient in the group read is not the other's, so
    # the other group's bound is no way through for him)
    both = _stricter(bound1, bound2)
    scoped = [
        all_of([bound, group]) if group is not None else all_of([bound, *([_outside(other)] if other is not None else []), _applies_only(scope)])
        for bound, group, other, scope in ((bound1, group1, group2, m.group("scope1")), (bound2, group2, group1, m.group("scope2")))
        if bound != both  # (the tighter bound's own group adds nothing: met by every patient within it)
    ]
    return any_of([both, *scoped])


def _outside(group: Expr) -> Expr:
    """The patients a group leaves out ("without liver metastases": those with them)."""
    return group.part if isinstance(group, Not) else Not(group)


def _stricter(bound1: Expr, bound2: Expr) -> Expr:
    """Both bounds at once: of two bounds on one score or lab the same way, the tighter (each
    lab's, when one bound names several: "AST and ALT <= 2.5 x ULN ... and <= 5 x ULN ...")."""
    pairs = list(zip(_bounds(bound1), _bounds(bound2), strict=False))
    if pairs and len(pairs) == len(_bounds(bound1)) == len(_bounds(bound2)) and all(_same_way(a, b) for a, b in pairs):
        return all_of([_tighter(a, b) for a, b in pairs])
    return all_of([bound1, bound2])


def _bounds(expr: Expr) -> list[Expr]:
    """The bounds a reading asks all at once (none for alternatives: "AST or ALT ...")."""
    return [expr] if isinstance(expr, Predicate) else list(expr.parts) if isinstance(expr, All) else []


def _same_way(a: Expr, b: Expr) -> bool:
    return (
        isinstance(a, Predicate) and isinstance(b, Predicate) and (a.concept, a.op, a.unit, a.uln, a.window) == (b.concept, b.op, b.unit, b.uln, b.window)
        and a.op in (Op.LT, Op.LTE, Op.GT, Op.GTE) and isinstance(a.value, (int, float)) and isinstance(b.value, (int, float))
    )


def _tighter(a: Expr, b: Expr) -> Expr:
    assert isinstance(a, Predicate) and isinstance(b, Predicate)
    return a if (a.value <= b.value) == (a.op in (Op.LT, Op.LTE)) else b


def _applies_only(scope: str) -> Review:
    """The group a bound is for, in words no record decides: it narrows that bound alone (an
    exclusion's threshold for some patients is no threshold for all)."""
    return Qualifier(ReviewReason.AMBIGUOUS, "applies only " + " ".join(scope.split()).rstrip(" .;,"))
