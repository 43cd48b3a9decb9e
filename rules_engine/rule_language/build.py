"""Parse tree -> expression, bottom-up without recursion, so nesting depth is bounded here
(``MAX_DEPTH``) and never by Python's stack."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from lark import Token, Transformer_NonRecursive

from ..criteria import All, Any_, Expr, NoRequirement, Not, Op, Predicate, Review, ReviewReason, Window
from ..derive import NAMED_PRODUCT
from ..units import same_dimension
from .names import resolve_concept, suggest
from .vocabulary import (
    COMPARISON_ALIASES,
    COMPARISONS,
    DEFAULT_REASON,
    MAX_DEPTH,
    REASON_WORDS,
    TIME_UNIT_CODE,
    WINDOW_WORD,
    Rule,
)

Values = tuple[Any, ...]


class Node:
    """An expression while it is built, with its nesting depth (checked without recursion)."""

    __slots__ = ("expr", "depth")

    def __init__(self, expr: Expr, depth: int) -> None:
        self.expr = expr
        self.depth = depth


class Fail(Exception):
    def __init__(self, message: str, token: Token | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = getattr(token, "line", None) or 1
        self.column = getattr(token, "column", None) or 1


def _tokens(children: list[Any], kind: str) -> list[Token]:
    return [c for c in children if isinstance(c, Token) and c.type == kind]


def _string(token: Token) -> str:
    try:
        value = json.loads(str(token))
    except ValueError:
        raise Fail("a quoted text with an escape JSON does not know (use \\\" \\\\ \\n \\uXXXX)", token) from None
    if not isinstance(value, str):
        raise Fail("expected a quoted text", token)
    return value


def _number_of(token: Token) -> int | float:
    text = str(token)
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    value = float(text)
    if not math.isfinite(value):
        raise Fail(f"number out of range: {text}", token)
    return value


def _concept(token: Token) -> str:
    found = resolve_concept(str(token))
    if found is None:
        raise Fail(f"unknown concept {str(token)!r}{suggest(str(token))}", token)
    return found


class Build(Transformer_NonRecursive):  # type: ignore[type-arg]
    """Tree -> expression bottom-up without recursion: depth is bounded here, not by Python."""

    def _depth(self, node: Node, token: Any) -> Node:
        if node.depth > MAX_DEPTH:
            raise Fail(f"nested more than {MAX_DEPTH} deep", token)
        return node

    def start(self, children: list[Any]) -> Rule:
        nodes = [c for c in children if isinstance(c, Node)]
        if len(nodes) == 2:
            return Rule(expr=nodes[1].expr, applies_if=nodes[0].expr)
        return Rule(expr=nodes[0].expr)

    def _list(self, children: list[Any], cls: type[All] | type[Any_]) -> Node:
        nodes = [c for c in children if isinstance(c, Node)]
        return self._depth(Node(cls(tuple(n.expr for n in nodes)), 1 + max(n.depth for n in nodes)), children[1])

    def or_expr(self, children: list[Any]) -> Node:
        return self._list(children, Any_)

    def and_expr(self, children: list[Any]) -> Node:
        return self._list(children, All)

    def negation(self, children: list[Any]) -> Node:
        node: Node = children[1]
        return self._depth(Node(Not(node.expr), node.depth + 1), children[0])

    def group(self, children: list[Any]) -> Node:
        node: Node = children[1]
        return self._depth(Node(node.expr, node.depth + 1), children[0])

    def lone_all(self, children: list[Any]) -> Node:
        node: Node = children[2]
        return self._depth(Node(All((node.expr,)), node.depth + 1), children[0])

    def lone_any(self, children: list[Any]) -> Node:
        node: Node = children[2]
        return self._depth(Node(Any_((node.expr,)), node.depth + 1), children[0])

    def reason(self, children: list[Any]) -> ReviewReason:
        return REASON_WORDS[str(children[0]).lower()]

    def timeword(self, children: list[Any]) -> Token:
        token: Token = children[0]
        return token

    def review(self, children: list[Any]) -> Node:
        strings = _tokens(children, "STRING")
        reason = next((c for c in children if isinstance(c, ReviewReason)), DEFAULT_REASON)
        return Node(Review(reason=reason, text=_string(strings[0]) if strings else ""), 1)

    def no_requirement(self, children: list[Any]) -> Node:
        return Node(NoRequirement(), 1)

    # values -----------------------------------------------------------------------------------
    def scalar(self, children: list[Any]) -> Any:
        token: Token = children[0]
        if token.type == "NUMBER":
            return _number_of(token)
        if token.type == "STRING":
            return _string(token)
        return str(token)

    def item(self, children: list[Any]) -> Any:
        token: Token = children[0]
        if token.type == "NUMBER":
            return _number_of(token)
        if token.type == "STRING":
            return _string(token)
        return _concept(token)

    def values(self, children: list[Any]) -> Values:
        return tuple(c for c in children if not isinstance(c, Token))

    def among(self, children: list[Any]) -> Values:
        value: Values = children[2]
        return value

    def window(self, children: list[Any]) -> Window:
        amount, word = children[0], children[1]
        return Window(amount=float(_number_of(amount)), unit=WINDOW_WORD[str(word).lower()], exclusive=bool(_tokens(children, "EXCLUSIVE")))

    def unit(self, children: list[Any]) -> tuple[str, Token]:
        token: Token = children[0]
        if str(token).lower() in TIME_UNIT_CODE:
            return TIME_UNIT_CODE[str(token).lower()], token
        unit = str(token)
        if not same_dimension(unit, unit):
            raise Fail(f"unknown unit {unit!r} (write a UCUM unit such as mg/dL, 10*9/L, %)", token)
        return unit, token

    def measure(self, children: list[Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if _tokens(children, "ULN"):
            out["uln"] = True
        for child in children:
            if isinstance(child, tuple):
                out["unit"] = child[0]
            elif isinstance(child, Window):
                out["window"] = child
        return out

    # predicates -------------------------------------------------------------------------------
    def _history(self, children: list[Any], windowed: bool) -> Node:
        negated = bool(_tokens(children, "NO"))
        name = _tokens(children, "NAME")[0]
        value = next((c for c in children if isinstance(c, tuple)), None)
        window = next((c for c in children if isinstance(c, Window)), None)
        if windowed:
            op = Op.NOT_WITHIN if negated else Op.WITHIN
        else:
            op = Op.ABSENT if negated else Op.PRESENT
        return Node(Predicate(concept=_concept(name), op=op, value=value, window=window), 1)

    def history(self, children: list[Any]) -> Node:
        return self._history(children, windowed=False)

    def history_window(self, children: list[Any]) -> Node:
        return self._history(children, windowed=True)

    def is_(self, children: list[Any]) -> Node:
        # a named product within a window ("named-medication is imatinib within 1 week")
        window = next((c for c in children[3:] if isinstance(c, Window)), None)
        if window is not None and _concept(children[0]) not in NAMED_PRODUCT:
            raise Fail("only a named product takes a window after 'is'", children[1])
        return Node(Predicate(concept=_concept(children[0]), op=Op.IS, value=children[2], window=window), 1)

    def in_(self, children: list[Any]) -> Node:
        return Node(Predicate(concept=_concept(children[0]), op=Op.IN, value=children[2]), 1)

    def compare(self, children: list[Any]) -> Node:
        name, compare, value, measure = children
        if isinstance(value, str) and measure:
            raise Fail("a word is compared without a unit, ULN or window", compare)
        symbol = COMPARISON_ALIASES.get(str(compare), str(compare))
        return Node(Predicate(concept=_concept(name), op=COMPARISONS[symbol], value=value, **measure), 1)

    def between(self, children: list[Any]) -> Node:
        name = children[0]
        # each bound with whether 'exclusive' follows it (by place: equal bounds are equal tokens)
        bounds = [
            (child, i + 1 < len(children) and isinstance(children[i + 1], Token) and children[i + 1].type == "EXCLUSIVE")
            for i, child in enumerate(children)
            if isinstance(child, Token) and child.type == "NUMBER"
        ]
        (low, low_open), (high, high_open) = bounds
        measure = children[-1]
        return Node(
            Predicate(
                concept=_concept(name), op=Op.BETWEEN, value=(_number_of(low), _number_of(high)),
                low_inclusive=not low_open, high_inclusive=not high_open, **measure,
            ),
            1,
        )
