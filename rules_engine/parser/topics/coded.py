"""What a line about coded concepts means in its trial: run once over a trial's parsed criteria.

* **Another malignancy** is one outside the trial's own disease. The trial's own diseases are the
  malignancies its top-level inclusion lines require (never one they ask to be absent); they go
  into every ``other_malignancy`` predicate's ``value`` (``rules_engine.derive.among``), so an
  AML trial's own AML is never "another malignancy" while its patient's breast cancer is. When
  no inclusion line names a malignancy the value stays ``None``: the engine then leaves a
  recorded malignancy ``unknown`` (it may be the trial's own) rather than guess.
* **Its exceptions** ("except adequately treated non-melanoma skin cancer or carcinoma in situ")
  are malignancies the line does not count: the clause grammar reads them as ``Not(exception)``
  beside the line, which would wrongly clear a patient who has the excepted cancer *and* another
  one. Here they join the predicate's value instead, and an exception's own unread words
  ("adequately treated") stay a review for that exception's subject only.
* **Non-systemic corticosteroids** ("topical and inhaled steroids are permitted") are already
  outside ``steroid_therapy`` (the intake reads systemic routes only), so a permission that
  names only them is a remark, not a review that would hide the line's decision.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.concepts import MALIGNANCIES
from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates

_IN_SITU = "carcinoma_in_situ"
_EXCEPTABLE = frozenset(MALIGNANCIES) | {_IN_SITU}

_NONSYSTEMIC_PERMISSION = re.compile(
    r"^\W*(?:(?:topical|inhaled|inhalational|intranasal|nasal|ophthalmic|intra-?articular|intraocular|local|localized|cutaneous|eye\s+drops?|or|and|and/or|/|,)\s*)+"
    r"(?:cortico)?(?:steroids?|glucocorticoids?)?(?:\s+(?:therap(?:y|ies)|use|treatment|preparations?))?\s*(?:(?:is|are)\s+)?(?:also\s+)?(?:allowed|permitted|acceptable)?\W*$",
    re.I,
)


def trial_diseases(criteria: tuple[Criterion, ...]) -> tuple[str, ...] | None:
    """The malignancies the trial's top-level inclusion lines require (None when none does)."""
    found: list[str] = []

    def walk(expr: Expr) -> None:
        if isinstance(expr, Not):
            return  # asked to be absent: not the trial's disease
        if isinstance(expr, (All, Any_)):
            for part in expr.parts:
                walk(part)
        elif isinstance(expr, Predicate) and expr.op in (Op.PRESENT, Op.WITHIN, Op.IN):
            names = expr.value if expr.op is Op.IN and isinstance(expr.value, tuple) else (expr.concept,)
            found.extend(n for n in names if n in MALIGNANCIES and n not in found)

    for criterion in criteria:
        if criterion.type is CriterionType.INCLUSION and criterion.parent is None:
            walk(criterion.expr)
    return tuple(found) or None


def _is_other_malignancy(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.concept == "other_malignancy" and expr.op is not Op.IN


def _exception_parts(part: Expr) -> tuple[list[str], list[str]] | None:
    """(excepted malignancies, the exception's unread words) when ``part`` is ``Not`` of an
    exception naming only malignancies or carcinoma in situ; else None."""
    if not isinstance(part, Not):
        return None
    preds = list(iter_predicates(part.part))
    if not preds or any(p.concept not in _EXCEPTABLE or p.op not in (Op.PRESENT, Op.WITHIN) for p in preds):
        return None
    texts: list[str] = []

    def reviews(expr: Expr) -> None:
        if isinstance(expr, Review) and expr.text:
            texts.append(expr.text)
        elif isinstance(expr, (All, Any_)):
            for sub in expr.parts:
                reviews(sub)

    reviews(part.part)
    excepted = list(dict.fromkeys(p.concept for p in preds if p.concept in MALIGNANCIES))
    return excepted, texts


def _fold(expr: All, own: tuple[str, ...] | None) -> Expr:
    targets = [p for p in expr.parts if _is_other_malignancy(p)]
    exceptions = [(p, _exception_parts(p)) for p in expr.parts]
    exceptions = [(p, e) for p, e in exceptions if e is not None]
    if not targets or not exceptions:
        return expr
    excepted = list(dict.fromkeys(c for _, (cs, _) in exceptions for c in cs))
    words = "; ".join(t for _, (_, ts) in exceptions for t in ts)
    parts: list[Expr] = []
    for part in expr.parts:
        if any(part is p for p, _ in exceptions):
            continue
        if _is_other_malignancy(part):
            assert isinstance(part, Predicate)
            value = None if own is None else tuple(dict.fromkeys(own + tuple(excepted)))
            counted: Expr = replace(part, value=value)
            if words and value is not None and excepted:  # the excepted cancer may not qualify ("adequately treated")
                scoped = [All((Predicate(c, part.op, None, None, False, part.window), Review(ReviewReason.AMBIGUOUS, words))) for c in excepted]
                counted = Any_((counted, *scoped))
            parts.append(counted)
        else:
            parts.append(part)
    return parts[0] if len(parts) == 1 else All(tuple(parts))


def _names_steroid(expr: Expr) -> bool:
    return any(p.concept in ("steroid_therapy", "steroid_dose") for p in iter_predicates(expr))


def _walk(expr: Expr, own: tuple[str, ...] | None) -> Expr:
    if isinstance(expr, Predicate):
        if _is_other_malignancy(expr) and expr.value is None and own is not None:
            return replace(expr, value=own)
        return expr
    if isinstance(expr, Not):
        return Not(_walk(expr.part, own))
    if isinstance(expr, (All, Any_)):
        node: Expr = type(expr)(tuple(_walk(p, own) for p in expr.parts))
        if isinstance(node, All):
            node = _fold(node, own)
            if isinstance(node, All) and _names_steroid(node):
                kept = [p for p in node.parts if not (isinstance(p, Review) and _NONSYSTEMIC_PERMISSION.match(p.text or ""))]
                if kept and len(kept) < len(node.parts):
                    node = kept[0] if len(kept) == 1 else All(tuple(kept))
        return node
    return expr


def resolve(criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
    """The trial's criteria with "another malignancy" told the trial's own disease and the line's
    exceptions, and non-systemic steroid permissions read as remarks. A coordinator's correction
    is left as written."""
    own = trial_diseases(criteria)
    out = []
    for criterion in criteria:
        if criterion.corrected:
            out.append(criterion)
            continue
        expr = _walk(criterion.expr, own)
        out.append(criterion if expr == criterion.expr else replace(criterion, expr=expr))
    return tuple(out)
