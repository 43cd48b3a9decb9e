"""The registry's own eligibility fields (ClinicalTrials.gov ``minimumAge`` / ``maximumAge`` /
``sex``) as criteria, where the text does not already state them.

A registry's fields are criteria even when the eligibility text never mentions age or sex, so an
importer adds them; but the text is what the sponsor wrote, so the fields only fill silence:

* a bound is added only when no age bound of the same side is read anywhere in the text (any
  line, any branch, a conditional one included): an equal bound would be a duplicate, and a
  different one would contradict the text (which then governs; the coverage tool reports the
  disagreement instead);
* sex is added only when no line asks for a sex (a line's own condition, "for women of
  childbearing potential", does not count); ``ALL`` adds nothing;
* ages are whole years at the evaluation date (contract section 4), so a registry age is used
  only when it is a whole number of years ("18 Years", "24 Months"); "6 Months" or "28 Days"
  cannot be checked in whole years and is left out rather than rounded either way; a maximum of
  99 years or more is the registries' placeholder for "no maximum" and adds nothing.

The added lines are children of one heading, ``REGISTRY_HEADING``, whose own words structure
nothing: its expression is ``All`` of the children, and a coordinator sees where they came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, iter_nodes
from rules_engine.parser.items import NEGATE

REGISTRY_HEADING = "Registry eligibility fields (not stated in the text):"

_REGISTRY_AGE = re.compile(r"\s*(\d{1,3}(?:\.\d+)?)\s*(year|month|week|day)s?\s*$", re.IGNORECASE)


def registry_years(value: str | None) -> float | None:
    """"18 Years" -> 18.0, "6 Months" -> 0.5; None for an empty or unreadable field."""
    m = _REGISTRY_AGE.match(value or "")
    if m is None:
        return None
    factor = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}[m.group(2).lower()]
    return float(m.group(1)) * factor


def age_bounds(criteria: Iterable[Criterion], conditional: bool = True) -> tuple[set[float], set[float]]:
    """Acceptable readings of the minimum and maximum age (years) the criteria state; an
    exclusion "age < 18" is a minimum of 18, a strict bound also reads as its whole neighbour.
    ``conditional`` also counts ages in a line's condition ("if under 18, ...")."""
    lows: set[float] = set()
    highs: set[float] = set()
    for criterion in criteria:
        for node in (*iter_nodes(criterion.expr), *(iter_nodes(criterion.applies_if) if conditional else ())):
            if not isinstance(node, Predicate) or node.concept != "age" or node.value is None:
                continue
            factor = 1 / 12 if node.unit == "mo" else 1.0
            op = NEGATE.get(node.op, node.op) if criterion.type is CriterionType.EXCLUSION else node.op
            try:
                if op is Op.BETWEEN:
                    lows.add(node.value[0] * factor)
                    highs.add(node.value[1] * factor)
                elif op is Op.GTE:
                    lows.add(node.value * factor)
                elif op is Op.GT:
                    lows.update({node.value * factor, node.value * factor + 1})
                elif op is Op.LTE:
                    highs.add(node.value * factor)
                elif op is Op.LT:
                    highs.update({node.value * factor, node.value * factor - 1})
            except (TypeError, IndexError):
                continue
    return lows, highs


def text_sexes(criteria: Iterable[Criterion]) -> set[str]:
    """Every sex the inclusion criteria ask for. A line's condition ("pregnancy test, for women")
    says whom that line concerns, not whom the trial takes, so it is not counted; nor is a sex
    named in an exclusion ("Women of childbearing potential", "Premenopausal"): it names whom the
    line excludes, and the registry's sex beside it neither repeats nor contradicts it (counted,
    a women-only trial that excludes women of childbearing potential lost its registry sex, and
    a man met every line)."""
    return {
        str(node.value).lower()
        for criterion in criteria
        if criterion.type is CriterionType.INCLUSION
        for node in iter_nodes(criterion.expr)
        if isinstance(node, Predicate) and node.concept == "sex"
    }


def _whole_years(value: str | None) -> int | None:
    years = registry_years(value)
    if years is None or abs(years - round(years)) > 1e-6:
        return None
    return int(round(years))


def registry_lines(
    parsed: Iterable[Criterion], minimum_age: str | None, maximum_age: str | None, sex: str | None
) -> list[str]:
    """Inclusion lines (each parsed whole by ``parse_line``) for the registry fields the parsed
    text does not already state; empty when the text states them all."""
    parsed = list(parsed)
    lows, highs = age_bounds(parsed)
    out: list[str] = []
    low = _whole_years(minimum_age)
    if low is not None and low > 0 and not lows:
        out.append(f"Age ≥ {low} years")
    high = _whole_years(maximum_age)
    if high is not None and high < 99 and not highs:
        out.append(f"Age ≤ {high} years")
    word = (sex or "").strip().upper()
    if word in ("FEMALE", "MALE") and not text_sexes(parsed):
        out.append(f"{word.capitalize()} patients only")
    return out
