"""Lymphoblastic lymphoma and its lineages: "lymphoblastic lymphoma", "T-cell lymphoblastic
lymphoma (LL)", "Precursor T-cell lymphoblastic leukemia/lymphoma", "Precursor T-cell lymphoma
or leukemia", "precursor B-lymphoblastic lymphoma" (about 15 corpus lines: the ALL trials that
take the lymphoma form too, and the PTCL trials that exclude the precursor ones; issue 14).

Why a concept of its own: a hospital codes it as ICD-10-CM C83.5 (lymphoblastic (diffuse)
lymphoma), a kind of non-Hodgkin lymphoma, and ICD-O-3 codes the precursor neoplasms by lineage
(9811/3-9818/3 B, 9837/3 T lymphoblastic leukaemia/lymphoma: the catalogue's B- and T-ALL, one
disease with the lymphoma in WHO's terms). Read as "lymphoma" beside the unread word, a Burkitt
or a peripheral T-cell lymphoma stayed open for an ALL trial's "or lymphoblastic lymphoma", and
"Precursor T-cell lymphomas" (a PTCL trial's exclusion) was a T-cell lymphoma the PTCL patients
all had, so none of them was decided.

The readings:
* a lineage named ("T-cell lymphoblastic lymphoma", "precursor T-cell lymphoma/leukemia"): that
  lineage's lymphoblastic leukaemia/lymphoma (t_all, b_all), or a lymphoblastic lymphoma coded
  without its lineage (C83.5) with the lineage left to a person;
* none named ("lymphoblastic lymphoma"): the coded lymphoma (an ALL on record is the leukaemia the
  hospital coded; the lines that take both name both: "ALL or lymphoblastic lymphoma").
A lymphoma of another kind on record (Burkitt, PTCL, DLBCL) is none of them; one of no kind
(C85.9) leaves them open (``nhl`` is exhaustive), as an ALL of no recorded lineage leaves the
lineage open.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import Expr, Op, ReviewReason
from rules_engine.parser.items import Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

I = re.IGNORECASE

_LEUKEMIA_TOO = r"(?:\s*(?:/|\bor\b|\band\b)\s*leuka?emias?)?"
# a lineage named: "Precursor T-cell lymphoblastic leukemia/lymphoma", "precursor B-lymphoblastic
# lymphoma", "Precursor T-cell lymphoma or leukemia", "T-cell lymphoblastic lymphoma (LL)"
_LINEAGE = re.compile(
    r"\bprecursor\s+(?-i:(?P<p>[TB]))[\s-]*(?:cell\s+)?(?:lymphoblastic\s+)?(?:leuka?emia\s*/\s*)?lymphomas?" + _LEUKEMIA_TOO
    + r"|\b(?-i:(?P<l>[TB]))[\s-]*(?:cell\s+)?lymphoblastic\s+(?:leuka?emia\s*/\s*)?lymphomas?" + _LEUKEMIA_TOO
    + r"(?:\s*\(\s*(?:[TB]-?)?LB?L\s*\))?",
    I,
)
_ANY_LINEAGE = re.compile(r"\blymphoblastic\s+lymphomas?(?:\s*\(\s*LB?L\s*\))?", I)


def lineage_expr(lineage: str) -> Expr:
    """A lymphoblastic leukaemia/lymphoma of the lineage named ("T" or "B")."""
    return any_of([
        predicate("t_all" if lineage.upper() == "T" else "b_all", Op.PRESENT),
        all_of([predicate("lymphoblastic_lymphoma", Op.PRESENT), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, f"which lineage: {lineage.upper()}")]),
    ])


def any_lineage_expr() -> Expr:
    """A lymphoblastic lymphoma of either lineage: the coded lymphoma, one disease of a list as any
    other kind is (an alternative beside it would break the list: "Lymphoblastic lymphoma,
    Burkitt's lymphoma, and other high-grade NHL")."""
    return predicate("lymphoblastic_lymphoma", Op.PRESENT)


def lymphoblastic_items(text: str, free: Callable[[int, int], bool]) -> list[Item]:
    items: list[Item] = []
    for m in _LINEAGE.finditer(text):
        if free(m.start(), m.end()):
            lineage = m.group("p") or m.group("l")
            concepts = frozenset({"t_all" if lineage == "T" else "b_all", "lymphoblastic_lymphoma"})
            items.append(Item(m.start(), m.end(), lineage_expr(lineage), concepts))
    for m in _ANY_LINEAGE.finditer(text):
        if free(m.start(), m.end()) and all(m.end() <= it.start or m.start() >= it.end for it in items):
            items.append(Item(m.start(), m.end(), any_lineage_expr(), frozenset({"lymphoblastic_lymphoma"})))
    return items
