"""One thing a line names that a record holds as two diagnoses: Richter's transformation is a CLL
and the aggressive lymphoma it became (topics.richter). Its reading is a conjunction, and joined
with the other items of a list ("Mantle cell lymphoma, Richter's transformation") an ``All`` is
merged into the list's own ``All`` (``items.all_of``), where the disease-list reading
(``safety.listed_diagnoses_any``) took its parts for diseases listed one by one: a de novo DLBCL
met the list through the transformation's lymphoma alone.

``Joint`` is the parse-time mark that keeps it one part: ``all_of`` never merges it, the pair
reading of a list (``combining._listed_diagnoses``) takes it as one disease, the longer list's
reading takes an ``All`` of diseases nested in the list's own as one listed name
(``safety._joint_disease``), and ``plain_joints`` turns any mark left back into an ``All`` before
the line's reading leaves the parser (evaluation, storage and caches only ever see ``All``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rules_engine.criteria import All, Any_, Expr, Not


@dataclass(frozen=True)
class Joint(All):
    """A conjunction that names one thing (see the module docstring); parse time only."""


def plain_joints(expr: Expr) -> Expr:
    """``expr`` with every ``Joint`` an ``All`` again (the same judgement). Pure."""
    if isinstance(expr, Joint):
        return All(tuple(plain_joints(p) for p in expr.parts))
    if isinstance(expr, (All, Any_)):
        parts = tuple(plain_joints(p) for p in expr.parts)
        return expr if parts == expr.parts else type(expr)(parts)
    if isinstance(expr, Not):
        part = plain_joints(expr.part)
        return expr if part is expr.part else Not(part)
    return expr
