"""The examples a line gives of the ventricular arrhythmia it qualifies: "No history of clinically
significant ventricular arrhythmias (e.g., ventricular tachycardia, ventricular fibrillation, or
torsades de pointes)", "significant ventricular arrhythmias (such as ventricular fibrillation)"
(about 20 corpus lines).

The parser reads the head as the ventricular arrhythmia beside a review of its qualifier
("clinically significant"), and the bracket's examples as the same arrhythmia: a ventricular
tachycardia on record was left to a person where the line's own words name it as what the
qualifier means. Each example the bracket names becomes an alternative of its own, asked as the
head is asked (the same window): a record of it decides, and any other ventricular arrhythmia (a
premature beat) stays a person's beside the head's review. An example the bracket qualifies
itself ("sustained ventricular tachycardia") is no such example and is left to the review.

Each pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review
from rules_engine.parser.items import I, any_of, rewrite_conjunctions

# the examples' bracket after the head's name
_BRACKET = re.compile(
    r"ventricular\s+(?:tachy-?)?(?:arrhythmias?|dysrhythmias?)[^()]{0,40}?\(\s*(?:e\.?\s?g\.?|eg|for\s+example|such\s+as|including)\s*[,:]?(?P<ex>[^()]{1,200})\)",
    I,
)
# each example, unqualified ("sustained" or "non-sustained" before it qualifies it)
_EXAMPLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ventricular_tachycardia", re.compile(r"\bventricular\s+tachycardias?\b|(?<![\w-])VT\b", re.I)),
    ("ventricular_fibrillation", re.compile(r"\bventricular\s+(?:fibrillations?|flutters?)\b|(?<![\w-])VF\b", re.I)),
    ("torsades_de_pointes", re.compile(r"\btorsades?[\s-]+des?[\s-]*pointes?\b|\bTdP\b", re.I)),
)
_QUALIFIED_EXAMPLE = re.compile(r"\b(?:non-?\s?)?sustained\b|\bsymptomatic\b|\brecurrent\b", re.I)


def _named(examples: str) -> list[str]:
    """The concepts the examples' words name unqualified."""
    if _QUALIFIED_EXAMPLE.search(examples):
        return []  # "sustained ventricular tachycardia": the example itself asks more than a record holds
    return [concept for concept, pattern in _EXAMPLES if pattern.search(examples)]


def _bare_head(expr: Expr) -> bool:
    """Whether the line already reads a ventricular arrhythmia alone as one of its alternatives
    (the examples read as the head itself): then they decide already."""
    inner = expr.part if isinstance(expr, Not) else expr
    parts = inner.parts if isinstance(inner, Any_) else (inner,)
    return any(isinstance(p, Predicate) and p.concept == "ventricular_arrhythmia" for p in parts)


def ventricular_examples(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with the examples of its qualified ventricular
    arrhythmia read as alternatives of their own."""
    if "ventricular" not in text.lower() or "(" not in text or len(text) > 2000:
        return expr
    m = _BRACKET.search(text)
    if m is None:
        return expr
    named = _named(m.group("ex"))
    if not named or _bare_head(expr):
        return expr

    def at(node: All) -> Expr | None:
        heads = [p for p in node.parts if isinstance(p, Predicate) and p.concept == "ventricular_arrhythmia" and p.op in (Op.PRESENT, Op.WITHIN)]
        rest = [p for p in node.parts if p not in heads]
        if len(heads) != 1 or not rest or not all(isinstance(p, Review) for p in rest):
            return None
        head = heads[0]
        return any_of([node, *(replace(head, concept=c) for c in named)])

    return rewrite_conjunctions(expr, at)

