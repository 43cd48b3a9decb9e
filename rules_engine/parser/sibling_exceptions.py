"""A line under a heading that sets another limit for the patients of one named cause.

"Adequate hepatic function as defined below:" over "Total bilirubin <= 1.5 x ULN" and "Subjects
with documented Gilbert disease are allowed if total bilirubin > 1.5 but less than 3 x ULN";
"Bilirubin <= 1.5 x ULN" over "For patients with Gilbert's Disease, <= 2.5 x ULN is allowed";
"AST and ALT < 3 x ULN" beside "Patients with documented liver metastases: AST and/or ALT <= 5 x
ULN". The scoped line widens its sibling's limit for the patients it names; it asks nothing of
anyone else. Joined with AND as one more requirement, it failed every patient without the cause
(its "> 1.5" read as a requirement) or left them all unknown (its unread words a review), and the
patient with the cause still failed the sibling's stricter limit.

Read here: the cause must be one a record holds (``items.NAMED_CAUSES``: Gilbert's syndrome,
liver metastases, haemolysis) and its labs (``widening.EXCEPTION_SUBJECTS``) must be bounded by
a sibling (or the heading itself). Each such upper bound ``p`` becomes ``p or (cause and the
line's own limit for that lab)``; where the line states no limit of its own, or says more than
its limit, ``p or (cause and review)``: only a patient with the cause can turn a failed limit
into ``unknown``, never into met on words Eligo did not read. A line whose own limit is no wider
than the sibling's is a stricter rule for those patients, not a permission, and is left as it
was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.items import I, NAMED_CAUSES, all_of, content_words, predicate
from rules_engine.parser.widening import EXCEPTION_SUBJECTS

# whom the line is for, opening it ("For patients with", "Subjects with documented", "In
# participants with known", "Exception: Patients with", "If patient has")
_SCOPED_LEAD = re.compile(
    r"^\W*(?:(?:exceptions?|note)\s*:\s*)?(?:(?:for|in)\s+)?(?:(?:the\s+)?(?:patients?|subjects?|participants?|those|individuals?)\s+"
    r"(?:with|who\s+have|having)|if\s+(?:the\s+)?(?:patient|subject|participant)\s+has)\b",
    I,
)
# words that only permit, restate the lab or name whom it is for: what is left is a further
# condition the line asks of those patients ("must have isolated hyperbilirubinemia")
_PLAIN_WORDS = re.compile(
    r"\b(?:patients?|subjects?|participants?|those|individuals?|with|who|have|has|having|documented|known|confirmed|"
    r"well[\s-]documented|history|presence|elevated|levels?|values?|serum|total|are|is|be|will|may|can|allowed|permitted|"
    r"acceptable|eligible|enrolled|included|if|then|exceptions?|note|for|in|of|but|and|or|up|to|less|greater|than|must|"
    r"should|adequate|hepatic|liver|function|defined|by|times|upper|limits?|normal|ULN|x|due|related|secondary|"
    r"bilirubin|AST|ALT|SGOT|SGPT|transaminases?|aminotransferases?|aspartate|alanine|alkaline|phosphatase|ALP|"
    r"syndrome|disease|metasta\w*|involvement|infiltration)\b",
    I,
)
_UPPER = frozenset({Op.LT, Op.LTE})
_LAB_NAMES = {
    "bilirubin": re.compile(r"\bbilirubin", I),
    "ast": re.compile(r"\b(?:AST|SGOT|aspartate|transaminases?|aminotransferases)\b", I),
    "alt": re.compile(r"\b(?:ALT|SGPT|alanine|transaminases?|aminotransferases)\b", I),
    "alp": re.compile(r"\b(?:ALP|alkaline\s+phosphatase)\b", I),
}


def _cause(text: str) -> tuple[str, frozenset[str]] | None:
    """The one named cause the line's lead is about and the labs it concerns."""
    causes = {concept for pattern, concept in NAMED_CAUSES if pattern.search(text)}
    if len(causes) != 1:
        return None
    labs = frozenset(c for pattern, subject in EXCEPTION_SUBJECTS if pattern.search(text) for c in subject)
    return (next(iter(causes)), labs) if labs else None


def _limits(expr: Expr, labs: frozenset[str]) -> dict[str, Predicate]:
    """The line's own upper limits on the cause's labs (its lower bounds only say the value may
    pass the sibling's: "> 1.5 but less than 3 x ULN")."""
    found: dict[str, Predicate] = {}
    for p in iter_predicates(expr):
        if p.concept in labs and p.op in _UPPER and p.window is None:
            found.setdefault(p.concept, p)
    return found


def _bounds(expr: Expr, labs: frozenset[str]) -> list[Predicate]:
    return [p for p in iter_predicates(expr) if p.concept in labs and p.op in _UPPER and p.window is None]


def _widen(expr: Expr, widen: dict[Predicate, Expr]) -> Expr:
    if isinstance(expr, Predicate):
        return Any_((expr, widen[expr])) if expr in widen else expr
    if isinstance(expr, (All, Any_)):
        return type(expr)(tuple(_widen(part, widen) for part in expr.parts))
    if isinstance(expr, Not):
        return expr  # a negated bound is no limit the line asks
    return expr


def scoped_exception(kid: Criterion) -> tuple[Predicate, frozenset[str], dict[str, Predicate], bool] | None:
    """The cause, its labs, the line's own limits and whether it says more than them, for a line
    that sets a limit for the patients of one named cause; else None."""
    if kid.type is not CriterionType.INCLUSION or not _SCOPED_LEAD.match(kid.text) or len(kid.text) > 240:
        return None
    found = _cause(kid.text)
    if found is None:
        return None
    concept, labs = found
    limits = _limits(kid.expr, labs)
    # the labs the line speaks of: its own limits', else the ones it names, else every lab of the
    # cause ("Patients with liver metastases: AST and ALT <= 5 x ULN" widens no bilirubin limit)
    named = frozenset(c for c, pattern in _LAB_NAMES.items() if pattern.search(kid.text)) & labs
    labs = frozenset(limits) or named or labs
    rest = kid.text
    for pattern, _ in NAMED_CAUSES:
        rest = pattern.sub(" ", rest)
    rest = _PLAIN_WORDS.sub(" ", re.sub(r"\([^()]{0,40}\)", " ", rest))
    more = bool(content_words(rest))
    return predicate(concept, Op.PRESENT), labs, limits, more


def _same_scale(mine: Predicate, theirs: Predicate) -> bool:
    return mine.uln == theirs.uln and mine.unit == theirs.unit and isinstance(mine.value, (int, float)) and isinstance(theirs.value, (int, float))


def widen_siblings(own: list[Expr], kids: list[Criterion]) -> tuple[list[Expr], list[Criterion], dict[int, Criterion]] | None:
    """An inclusion heading's own expression and its lines with every scoped exception moved
    into the limits it widens; ``None`` where no line is one. The last value maps the position
    (in ``kids``) of each moved line to its own reading, asked of the patients with the cause only."""
    scoped = {i: s for i, k in enumerate(kids) if (s := scoped_exception(k)) is not None}
    if not scoped:
        return None
    new_own = list(own)
    exprs = [k.expr for k in kids]
    moved: dict[int, Criterion] = {}
    for i, (cause, labs, limits, more) in scoped.items():
        widen: dict[Predicate, Expr] = {}
        targets = [e for e in new_own[:1]] + [e for j, e in enumerate(exprs) if j not in scoped]
        for p in (p for e in targets for p in _bounds(e, labs)):
            mine = limits.get(p.concept)
            if mine is not None and _same_scale(mine, p) and not mine.value > p.value:
                return None  # a stricter limit for those patients, never a permission
            limit = mine if mine is not None and _same_scale(mine, p) else None
            said = Review(ReviewReason.JUDGEMENT, kids[i].text)
            widen[p] = all_of([cause, limit] if limit is not None and not more else [cause, limit, said] if limit is not None else [cause, said])
        if not widen:
            continue
        new_own = [_widen(e, widen) for e in new_own[:1]] + new_own[1:]
        exprs = [e if j in scoped else _widen(e, widen) for j, e in enumerate(exprs)]
        own_reading = all_of(list(limits.values())) if limits and not more else Review(ReviewReason.JUDGEMENT, kids[i].text)
        moved[i] = Criterion(type=kids[i].type, text=kids[i].text, expr=own_reading, applies_if=cause, parent=kids[i].parent)
    if not moved:
        return None
    new_kids = [replace(k, expr=exprs[j]) for j, k in enumerate(kids) if j not in moved]
    return new_own, new_kids, moved
