"""An exception for a named cause applied to the values that cause raises, inside a list of limits
read as one item: "Transaminases or bilirubin > 2 x ULN except for Gilbert's syndrome".

The labs topic reads "transaminases or bilirubin > 2 x ULN" as one item (ALT, AST and bilirubin
past the bound), and the exception went to the whole item: "(ALT > 2 or AST > 2 or bilirubin > 2)
and not Gilbert's". Gilbert's syndrome raises the bilirubin only; a patient with it and an ALT five
times the limit met none of the exclusion and was eligible where the text excludes him (rule 1).
The cause's values (``widening.cause_values``: Gilbert's and haemolysis the bilirubin, liver
metastases the liver values) take the exception; the item's other limits stay as they are.

Only a flat group of limits some of which the cause raises and some not; an item wholly of the
cause's values, or holding anything but limits, is left to ``apply_exception`` whole.
"""

from __future__ import annotations

from collections.abc import Callable

from rules_engine.criteria import All, Any_, Expr, Predicate


def applied_to_cause_values(expr: Expr, values: frozenset[str], apply: Callable[[Expr], Expr]) -> Expr | None:
    """``expr`` with ``apply`` on its limits of ``values`` only, or None where it is no group of
    limits that holds both those and others."""
    if not values or not isinstance(expr, (Any_, All)) or not all(isinstance(p, Predicate) for p in expr.parts):
        return None
    raised = [isinstance(p, Predicate) and p.concept in values for p in expr.parts]
    if all(raised) or not any(raised):
        return None
    return type(expr)(tuple(apply(p) if hit else p for p, hit in zip(expr.parts, raised, strict=True)))
