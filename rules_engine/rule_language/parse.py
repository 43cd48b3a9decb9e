"""Text -> ``Rule``: bounds checked before parsing, the parser's complaints turned into
``RuleError`` (line, column, what was expected), and the unit warnings the editor shows."""

from __future__ import annotations

from typing import Any

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from ..concepts import CONCEPTS
from ..criteria import Expr, iter_predicates
from ..units import same_dimension
from .build import Build, Fail
from .errors import RuleError
from .grammar import EXPECTED, parser
from .names import concept_name
from .vocabulary import MAX_DEPTH, MAX_LENGTH, Rule


def _precheck(text: str) -> None:
    """Bounds checked before the parser sees the text: its length and how deep its
    parentheses go (outside quoted texts), in one linear pass."""
    if len(text) > MAX_LENGTH:
        raise RuleError(f"the rule is {len(text)} characters long; at most {MAX_LENGTH} are read", 1, 1)
    depth = 0
    line, column = 1, 0
    quoted = escaped = False
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"' or char == "\n":
                quoted = False
            continue
        if char == '"':
            quoted = True
        elif char == "(":
            depth += 1
            if depth > MAX_DEPTH:
                raise RuleError(f"parentheses nested more than {MAX_DEPTH} deep", line, column)
        elif char == ")":
            depth -= 1


def _expected(names: Any) -> tuple[str, ...]:
    return tuple(sorted({EXPECTED.get(n, n) for n in names or ()}))


def parse_rule(text: str) -> Rule:
    """A whole line (with its optional ``if <condition>:``); ``RuleError`` says where and why."""
    if not isinstance(text, str):
        raise RuleError("the rule must be a text")
    _precheck(text)
    if not text.strip():
        raise RuleError("the rule is empty", 1, 1, ("a concept name", "'review'", "'no'", "'not'", "'('"))
    try:
        tree: Tree[Token] = parser().parse(text)
    except UnexpectedCharacters as exc:
        expected = _expected(exc.allowed)
        at = exc.pos_in_stream or 0
        if text[at] == '"':
            raise RuleError("a quoted text is not closed on its line", exc.line, exc.column, expected) from None
        raise RuleError(
            f"unexpected {text[at]!r}; expected {', '.join(expected) or 'something else'}",
            exc.line, exc.column, expected,
        ) from None
    except UnexpectedEOF as exc:
        expected = _expected(exc.expected)
        line, column = _end(text)
        raise RuleError(f"the rule ends early; expected {', '.join(expected)}", line, column, expected) from None
    except UnexpectedToken as exc:
        expected = _expected(exc.accepts or exc.expected)
        if exc.token.type == "$END":
            line, column = _end(text)
            raise RuleError(f"the rule ends early; expected {', '.join(expected)}", line, column, expected) from None
        raise RuleError(
            f"unexpected {str(exc.token)!r}; expected {', '.join(expected)}", exc.line, exc.column, expected
        ) from None
    except UnexpectedInput as exc:  # any other input the grammar refuses
        raise RuleError(str(exc).splitlines()[0], getattr(exc, "line", 1), getattr(exc, "column", 1)) from None
    try:
        rule: Rule = Build().transform(tree)
    except VisitError as exc:
        failure = exc.orig_exc
        if isinstance(failure, Fail):
            raise RuleError(failure.message, failure.line, failure.column) from None
        raise
    except Fail as failure:
        raise RuleError(failure.message, failure.line, failure.column) from None
    return rule


def _end(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def parse(text: str) -> Expr:
    """One expression (no ``if ...:`` condition); ``RuleError`` says where and why."""
    rule = parse_rule(text)
    if rule.applies_if is not None:
        raise RuleError("a condition ('if ...:') is not allowed here", 1, 1)
    return rule.expr


def unit_warnings(rule: Rule) -> list[str]:
    """Units that parse but do not measure what their concept measures (``mg/kg/d`` for a
    daily dose in ``mg/d``): kept as written, since registries write such bounds, but the
    engine cannot compare them, so the editor says so."""
    out = []
    for expr in (rule.applies_if, rule.expr):
        for pred in iter_predicates(expr):
            canonical = CONCEPTS[pred.concept].unit
            if pred.unit is not None and not same_dimension(pred.unit, canonical, pred.concept):
                out.append(
                    f"{concept_name(pred.concept)}: {pred.unit} does not convert to {canonical or 'a plain number'}; "
                    "the line will be unknown for every patient"
                )
    return out

