"""A bleeding disorder asked "unrelated to cancer" (issue 14, cond7): "History of significant
bleeding disorder unrelated to cancer", "... unrelated to CML", "Bleeding disorder independent
of AML" (11 corpus lines, most of them the template of kinase-inhibitor trials, whose sub-items
name what they mean: "Diagnosed congenital bleeding disorders (e.g., von Willebrand's disease)",
"Diagnosed acquired bleeding disorder within one year").

A hereditary bleeding disorder (haemophilia, von Willebrand disease, hereditary factor
deficiencies; ``hereditary_bleeding_disorder``) is unrelated to any cancer by definition, and is
the first kind those lines name: on record it meets the line. Any other coagulation defect may
be the cancer's own (the coagulopathy of a leukaemia, a DIC) and stays the person's, as before;
none on record is none (absent means absent).

The parser also split "independent of AML" into an alternative of its own ("AML and a review of
'independent of'"), so every patient with the AML the trial enrols was unknown: the disease a
bleeding disorder is said to be unrelated to is no alternative, and goes.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review
from rules_engine.parser.items import I, any_of, predicate, rewrite_conjunctions

_UNRELATED_TO = r"(?:unrelated\s+to|independent\s+of|not\s+related\s+to|not\s+due\s+to|not\s+caused\s+by)"
_LINE = re.compile(
    rf"\b(?:bleeding|ha?emorrhagic)\s+(?:disorders?|diathes[ie]s)\W{{0,3}}+{_UNRELATED_TO}\s+(?:the\s+|their\s+|underlying\s+){{0,2}}+"
    r"(?:cancer|malignan\w+|disease|leuka?emia|lymphoma|myeloma|tumou?r|CML|AML|ALL|CLL|MDS)\b",
    I,
)
# what the bleeding disorder's review may hold besides the words of the relation
_REST = re.compile(
    r"(?:\W|\b(?:history|of|the|following|significant|clinically|known|diagnosed|any|patients?|subjects?|with|has|have|an?|unrelated|"
    r"independent|not|related|due|caused|by|to|underlying|their|cancer|malignan\w+|disease|leuka?emia|lymphoma|myeloma|tumou?r|"
    r"CML|AML|ALL|CLL|MDS)\b)*+",
    I,
)
_RELATION_ONLY = re.compile(rf"\W*+{_UNRELATED_TO}\W*+", I)


def _hereditary_meets(node: All) -> Expr | None:
    if len(node.parts) != 2:
        return None
    disorder = next((p for p in node.parts if isinstance(p, Predicate)), None)
    review = next((p for p in node.parts if isinstance(p, Review)), None)
    if (
        disorder is None
        or review is None
        or disorder.concept != "bleeding_diathesis"
        or disorder.op not in (Op.PRESENT, Op.WITHIN)
    ):
        return None
    if not review.text or len(review.text) > 100 or not _REST.fullmatch(review.text):
        return None
    return any_of([predicate("hereditary_bleeding_disorder", disorder.op, window=disorder.window), node])


def _relation_alternative(part: Expr) -> bool:
    """ "AML and a review of 'independent of'": the disease the disorder is unrelated to."""
    if not isinstance(part, All) or len(part.parts) != 2:
        return False
    named = next((p for p in part.parts if isinstance(p, Predicate)), None)
    review = next((p for p in part.parts if isinstance(p, Review)), None)
    return (
        named is not None
        and named.concept != "bleeding_diathesis"
        and review is not None
        and bool(review.text)
        and bool(_RELATION_ONLY.fullmatch(review.text))
    )


def _without_relation(expr: Expr) -> Expr:
    if isinstance(expr, Not):
        inner = _without_relation(expr.part)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, Any_):
        parts = [_without_relation(p) for p in expr.parts if not _relation_alternative(p)]
        return expr if tuple(parts) == expr.parts or not parts else any_of(parts)
    return expr


def unrelated_bleeding(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with a bleeding disorder "unrelated to cancer" met by a
    hereditary one, and the cancer it is unrelated to no alternative of its own."""
    if not _LINE.search(text):
        return expr
    return rewrite_conjunctions(_without_relation(expr), _hereditary_meets)
