"""The trial's own disease when its inclusion lines name it only as the patients a condition is for.

``coded.trial_diseases`` takes the malignancies the trial's inclusion lines require. Some trials
require none in so many words: they name their disease as the patients a further condition
concerns ("Patients with MDS must have IPSS score that falls in the intermediate or high risk
disease", "Patients with CML with known inadequate response ... to TKIs or known resistance will
be considered for this study"), which the parser reads as a condition (``not MDS or ...``), never
as a requirement. With no own disease known, every malignancy on record was "may be the trial's
own" for "another malignancy": a breast cancer two years ago beside an MDS trial's "diagnosis of
another malignancy" stayed unknown (holdout T242, T314), and so did the CML of a clean record.

Read here, as a fallback only (a trial whose inclusion lines require a disease keeps that
one): the malignancies an inclusion line (top level, or under a disease or target-population
heading) sets a condition for, positively (``applies_if``) or as the antecedent of its
alternative (``not X or ...``). A line that speaks of a past or another cancer ("Patients with a
prior malignancy must ...", "a history of breast cancer", "secondary AML") is passed by: that
cancer is not the trial's, and taken for it, it would stop counting as another malignancy.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate

# words that make the named cancer a past, another or a derived one, not the trial's population
_NOT_THE_POPULATION = re.compile(
    r"\b(?:prior|previous(?:ly)?|history|past|former|treated|second(?:ary)?|another|other|concurrent|coexist\w*|resected|cured|survivors?)\b",
    re.I,
)
# the heading lines whose children state the population ("Target Population:")
POPULATION_HEADING = re.compile(r"^\W*+(?:target|study)\s++population\W*+$", re.I)


def _named(expr: Expr, diseases: Collection[str]) -> list[str]:
    """The diseases ``expr`` asks present: one predicate, or an alternative of them."""
    if isinstance(expr, Predicate) and expr.op is Op.PRESENT and expr.concept in diseases:
        return [expr.concept]
    if isinstance(expr, Any_) and expr.parts:
        found = [_named(p, diseases) for p in expr.parts]
        if all(found):
            return [d for f in found for d in f]
    return []


def _antecedents(expr: Expr, diseases: Collection[str]) -> list[str]:
    """The diseases of every ``not X or ...`` in ``expr`` (conjunctions walked, negations not)."""
    if isinstance(expr, All):
        return [d for p in expr.parts for d in _antecedents(p, diseases)]
    if isinstance(expr, Any_):
        out: list[str] = []
        for part in expr.parts:
            if isinstance(part, Not):
                out.extend(_named(part.part, diseases))
        return out
    return []


def conditioned_diseases(criteria: tuple[Criterion, ...], diseases: Collection[str], heading: re.Pattern[str]) -> tuple[str, ...] | None:
    """The malignancies the trial's inclusion lines set a condition for (None when none does).
    ``heading`` is the pattern of the headings whose children count as top level."""
    found: list[str] = []
    for index, criterion in enumerate(criteria):
        if criterion.type is not CriterionType.INCLUSION or _NOT_THE_POPULATION.search(criterion.text):
            continue
        if criterion.parent is not None:
            parent = criteria[criterion.parent] if 0 <= criterion.parent < len(criteria) else None
            if parent is None or not (heading.search(parent.text) or POPULATION_HEADING.match(parent.text)):
                continue
        # a heading's expression holds its children's: only what its own words add is its own
        # (a child is read by itself, under a heading that states the population)
        children = {d for c in criteria if c.parent == index for d in _antecedents(c.expr, diseases)}
        named = [d for d in _antecedents(criterion.expr, diseases) if d not in children]
        if criterion.applies_if is not None:
            named += _named(criterion.applies_if, diseases) or [d for p in (criterion.applies_if.parts if isinstance(criterion.applies_if, All) else ()) for d in _named(p, diseases)]
        found.extend(d for d in named if d not in found)
    return tuple(found) or None
