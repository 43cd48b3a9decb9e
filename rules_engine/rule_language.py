"""Eligo's readable rule language: one criterion line as a curator writes it.

    age between 18 and 65 years
    bilirubin <= 2 x ULN and (ALT <= 3 x ULN or review "liver infiltration")
    no allo-HSCT within 90 days
    if sex is female: pregnancy-test is negative

Research coordinators correct what the parser misread; nobody will write the JSON the engine
stores, so this is the form they see and edit. It is a second spelling of the criteria model,
never a second model: ``parse(render(x)) == x`` for every expression the parser writes (a
property test runs it over the whole registry corpus and over generated expressions), so an
unedited line saved from the editor is the very line that was shown.

The grammar is LALR (lark): linear in the input, so no rule can make it backtrack. Length and
parenthesis depth are capped before parsing and the depth of ``not`` chains while building, so
hostile input costs bounded work and raises ``RuleError`` (line, column, what was expected),
never ``RecursionError``. Concept names are the catalogue's ids in a readable spelling made from
the catalogue itself (``allo_hsct`` -> ``allo-HSCT``), so a concept added there is a word here,
and ``docs/rule-language.md`` is generated from the same tables (a test fails when it drifts).
"""

from __future__ import annotations

import difflib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer_NonRecursive, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from .concepts import CONCEPTS
from .criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason, Window
from .units import same_dimension

__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Rule",
    "RuleError",
    "RuleRenderError",
    "concept_name",
    "parse",
    "parse_rule",
    "render",
    "render_rule",
    "resolve_concept",
    "unit_warnings",
]

MAX_LENGTH = 20_000  # characters; the longest line the corpus renders to is well under a quarter of this
MAX_DEPTH = 40  # nested groups and negations; the corpus nests at most 10 deep

COMPARISONS = {">=": Op.GTE, "<=": Op.LTE, ">": Op.GT, "<": Op.LT, "=": Op.EQ, "!=": Op.NEQ}
_COMPARISON_OF = {op: word for word, op in COMPARISONS.items()}
# typographic spellings a pasted registry line carries; rendered back in ASCII
_COMPARISON_ALIASES = {"≥": ">=", "≤": "<=", "≠": "!=", "==": "="}

# review reasons in the language; a bare ``review "..."`` is the investigator's judgement
REASON_WORDS = {
    "judgement": ReviewReason.JUDGEMENT,
    "consent": ReviewReason.CONSENT,
    "unsupported": ReviewReason.UNSUPPORTED_CONCEPT,
    "ambiguous": ReviewReason.AMBIGUOUS,
    "unparsed": ReviewReason.UNPARSED,
}
_REASON_WORD = {reason: word for word, reason in REASON_WORDS.items()}
DEFAULT_REASON = ReviewReason.JUDGEMENT

# window units (the model's words) and their singular spellings
WINDOW_UNITS = ("days", "weeks", "months", "years")
_WINDOW_WORD = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
                "months": "months", "year": "years", "years": "years"}
# UCUM time units written as words after a number ("age >= 18 years")
TIME_UNIT_WORDS = {"years": "a", "months": "mo", "weeks": "wk", "days": "d"}
_TIME_UNIT_CODE = {"year": "a", "years": "a", "month": "mo", "months": "mo", "week": "wk", "weeks": "wk",
                   "day": "d", "days": "d"}

KEYWORDS = (
    "if", "and", "or", "not", "no", "is", "in", "between", "exclusive", "within", "other", "than",
    "x", "uln", "review", *REASON_WORDS, *_WINDOW_WORD,
)

_GRAMMAR = r"""
start: (IF expr COLON)? expr

?expr: or_expr
?or_expr: and_expr (OR and_expr)*
?and_expr: unary (AND unary)*
?unary: NOT unary -> negation
      | atom
?atom: LPAR expr RPAR -> group
     | AND LPAR expr RPAR -> lone_all
     | OR LPAR expr RPAR -> lone_any
     | review
     | predicate

review: REVIEW reason? STRING?
reason: JUDGEMENT | CONSENT | UNSUPPORTED | AMBIGUOUS | UNPARSED

predicate: NO? NAME among? WITHIN window                 -> history_window
         | NO? NAME among?                               -> history
         | NAME IS scalar                                -> is_
         | NAME IN values                                 -> in_
         | NAME COMPARE scalar measure                   -> compare
         | NAME BETWEEN NUMBER EXCLUSIVE? AND NUMBER EXCLUSIVE? measure -> between

among: OTHER THAN values
measure: (TIMES ULN)? unit? (WITHIN window)?
unit: UNIT | timeword
window: NUMBER timeword
timeword: DAYS | DAY | WEEKS | WEEK | MONTHS | MONTH | YEARS | YEAR

scalar: NUMBER | NAME | STRING
values: LPAR (item (COMMA item)*)? RPAR
item: NUMBER | NAME | STRING

IF: "if"i
AND: "and"i
OR: "or"i
NOT: "not"i
NO: "no"i
IS: "is"i
IN: "in"i
BETWEEN: "between"i
EXCLUSIVE: "exclusive"i
WITHIN: "within"i
OTHER: "other"i
THAN: "than"i
TIMES: "x"i
ULN: "uln"i
REVIEW: "review"i
JUDGEMENT: "judgement"i
CONSENT: "consent"i
UNSUPPORTED: "unsupported"i
AMBIGUOUS: "ambiguous"i
UNPARSED: "unparsed"i
DAYS: "days"i
DAY: "day"i
WEEKS: "weeks"i
WEEK: "week"i
MONTHS: "months"i
MONTH: "month"i
YEARS: "years"i
YEAR: "year"i
COMPARE: ">=" | "<=" | "!=" | "==" | ">" | "<" | "=" | "≥" | "≤" | "≠"
LPAR: "("
RPAR: ")"
COMMA: ","
COLON: ":"
NUMBER: /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])/
NAME: /[a-z][a-z0-9_-]*/i
UNIT: /(?:[a-z%\[{]|10[*^])[^\s(),":]{0,39}/i
STRING: /"(?:[^"\\\n]|\\.)*"/

%import common.WS
%ignore WS
"""

# what the parser's terminal names mean to a curator
_EXPECTED = {
    "IF": "'if'", "AND": "'and'", "OR": "'or'", "NOT": "'not'", "NO": "'no'", "IS": "'is'", "IN": "'in'",
    "BETWEEN": "'between'", "EXCLUSIVE": "'exclusive'", "WITHIN": "'within'", "OTHER": "'other than'",
    "THAN": "'than'", "TIMES": "'x ULN'", "ULN": "'ULN'", "REVIEW": "'review'",
    **{word.upper(): f"'{word}'" for word in (*REASON_WORDS, *_WINDOW_WORD)},
    "COMPARE": "a comparison (>=, <=, >, <, =, !=)",
    "LPAR": "'('", "RPAR": "')'", "COMMA": "','", "COLON": "':'", "NUMBER": "a number",
    "NAME": "a concept name", "UNIT": "a unit", "STRING": 'a quoted text ("...")', "$END": "the end of the rule",
}


@dataclass(frozen=True)
class Rule:
    """One line in the language: its expression and, when it concerns only some patients, the
    condition that limits it (``Criterion.applies_if``)."""

    expr: Expr
    applies_if: Expr | None = None


class RuleError(ValueError):
    """A rule that does not parse: where (1-based line and column) and what was expected."""

    def __init__(self, message: str, line: int = 1, column: int = 1, expected: tuple[str, ...] = ()) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.expected = expected
        super().__init__(f"line {line}, column {column}: {message}")


class RuleRenderError(ValueError):
    """An expression of a shape the language has no spelling for (never one the parser writes)."""


# ------------------------------------------------------------------------------------ concept names


@lru_cache(maxsize=4096)
def concept_name(concept_id: str) -> str:
    """The readable spelling of a catalogue id: its words joined by hyphens, each written as
    the catalogue's label writes it (``alt`` -> ``ALT``, ``b_all`` -> ``B-ALL``, ``egfr`` ->
    ``eGFR``); an abbreviation without a vowel is capitalised (``allo_hsct`` -> ``allo-HSCT``).
    Any spelling that lower-cases to the id with ``-`` for ``_`` names the same concept."""
    spec = CONCEPTS.get(concept_id)
    label_words = {w.lower(): w for w in re.findall(r"[A-Za-z0-9]+", spec.label)} if spec else {}
    parts = []
    for part in concept_id.split("_"):
        found = label_words.get(part)
        if found is not None:
            parts.append(found)
        elif part.isalpha() and (not re.search(r"[aeiouy]", part) or _initials(part, spec.label if spec else "")):
            parts.append(part.upper())
        else:
            parts.append(part)
    return "-".join(parts)


def _initials(part: str, label: str) -> bool:
    """Whether ``part`` is the initials of consecutive words of the label (``anc``: absolute
    neutrophil count)."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", label)).lower()
    return len(part) > 1 and part in initials


def _normalise_name(name: str) -> str:
    return name.lower().replace("-", "_")


def resolve_concept(name: str) -> str | None:
    """The catalogue id a written name stands for, or ``None``."""
    key = _normalise_name(name)
    return key if key in CONCEPTS else None


def _suggest(name: str) -> str:
    close = difflib.get_close_matches(_normalise_name(name), list(CONCEPTS), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(concept_name(c) for c in close)}?" if close else ""


# ------------------------------------------------------------------------------------------ render

_WORD = re.compile(r"[a-z][a-z0-9_-]*", re.I)
_KEYWORD_SET = frozenset(KEYWORDS)


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RuleRenderError(f"not a number: {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise RuleRenderError(f"not a finite number: {value!r}")
    return repr(value) if isinstance(value, float) else str(value)


def _scalar(value: Any) -> str:
    """A value after ``is`` or a comparison: a number, a bare word, or a quoted text."""
    if isinstance(value, str):
        if _WORD.fullmatch(value) and value.lower() not in _KEYWORD_SET:
            return value
        return _text(value)
    return _number(value)


def _item(value: Any) -> str:
    """A member of a list: a concept name when it is a catalogue id, else a number or text."""
    if isinstance(value, str):
        return concept_name(value) if value in CONCEPTS else _text(value)
    return _number(value)


def _tuple(value: Any) -> str:
    if not isinstance(value, tuple):
        raise RuleRenderError(f"expected a list of values, got {value!r}")
    return "(" + ", ".join(_item(v) for v in value) + ")"


def _window(window: Window) -> str:
    if window.unit not in WINDOW_UNITS:
        raise RuleRenderError(f"unknown window unit {window.unit!r}")
    amount = float(window.amount)
    if not math.isfinite(amount):
        raise RuleRenderError(f"not a finite window: {window.amount!r}")
    written = str(int(amount)) if amount.is_integer() and abs(amount) < 1e15 else repr(amount)
    return f"{written} {window.unit[:-1] if amount == 1 else window.unit}"


def _unit(unit: str) -> str:
    for word, code in TIME_UNIT_WORDS.items():
        if unit == code:
            return word
    if unit.lower() in _TIME_UNIT_CODE or not _UNIT_TOKEN.fullmatch(unit) or unit.lower() in _KEYWORD_SET:
        raise RuleRenderError(f"a unit the language cannot write: {unit!r}")
    return unit


_UNIT_TOKEN = re.compile(r"(?:[a-z%\[{]|10[*^])[^\s(),\":]{0,39}", re.I)


def _measure(pred: Predicate) -> str:
    out = ""
    if pred.uln:
        out += " x ULN"
    if pred.unit is not None:
        out += " " + _unit(pred.unit)
    if pred.window is not None:
        out += " within " + _window(pred.window)
    return out


def _defaults_only(pred: Predicate, *allowed: str) -> None:
    """A shape carries only its own fields: anything else could not be read back."""
    unused = {
        "unit": pred.unit is not None,
        "uln": pred.uln,
        "window": pred.window is not None,
        "value": pred.value is not None,
    }
    extra = [name for name, present in unused.items() if present and name not in allowed]
    if pred.op is not Op.BETWEEN and not (pred.low_inclusive and pred.high_inclusive):
        extra.append("inclusive ends")
    if extra:
        raise RuleRenderError(f"{pred.op} predicate on {pred.concept} cannot carry {', '.join(extra)}")


def _predicate(pred: Predicate) -> str:
    name = concept_name(pred.concept)
    op = pred.op
    if op in (Op.PRESENT, Op.ABSENT, Op.WITHIN, Op.NOT_WITHIN):
        windowed = op in (Op.WITHIN, Op.NOT_WITHIN)
        _defaults_only(pred, "value", *(("window",) if windowed else ()))
        out = ("no " if op in (Op.ABSENT, Op.NOT_WITHIN) else "") + name
        if pred.value is not None:
            out += " other than " + _tuple(pred.value)
        if windowed:
            if pred.window is None:
                raise RuleRenderError(f"{op} predicate on {pred.concept} needs a window")
            out += " within " + _window(pred.window)
        return out
    if op is Op.IS:
        _defaults_only(pred, "value")
        return f"{name} is {_scalar(pred.value)}"
    if op is Op.IN:
        _defaults_only(pred, "value")
        return f"{name} in {_tuple(pred.value)}"
    if op is Op.BETWEEN:
        _defaults_only(pred, "value", "unit", "uln", "window")
        if not isinstance(pred.value, tuple) or len(pred.value) != 2:
            raise RuleRenderError(f"between on {pred.concept} needs a (low, high) pair")
        low, high = pred.value
        return (
            f"{name} between {_number(low)}{'' if pred.low_inclusive else ' exclusive'}"
            f" and {_number(high)}{'' if pred.high_inclusive else ' exclusive'}{_measure(pred)}"
        )
    _defaults_only(pred, "value", "unit", "uln", "window")
    if isinstance(pred.value, str) and (pred.uln or pred.unit is not None):
        raise RuleRenderError(f"a word compared on {pred.concept} cannot carry a unit or ULN")
    return f"{name} {_COMPARISON_OF[op]} {_scalar(pred.value)}{_measure(pred)}"


def render(expr: Expr, nested: bool = False) -> str:
    """The expression in the language; parts that are themselves and / or lists are put in
    parentheses, so that how the parts group is kept exactly, not re-derived by precedence."""
    if isinstance(expr, Predicate):
        return _predicate(expr)
    if isinstance(expr, Review):
        words = ["review"]
        if expr.reason is not DEFAULT_REASON:
            words.append(_REASON_WORD[expr.reason])
        if expr.text:
            words.append(_text(expr.text))
        return " ".join(words)
    if isinstance(expr, Not):
        inner = render(expr.part, nested=True)
        if isinstance(expr.part, (All, Any_)) and len(expr.part.parts) > 1:
            inner = f"({inner})"
        return f"not {inner}"
    if isinstance(expr, (All, Any_)):
        word = "and" if isinstance(expr, All) else "or"
        if not expr.parts:
            raise RuleRenderError(f"an empty '{word}' list")
        if len(expr.parts) == 1:  # a list of one: the keyword as a function keeps the node
            return f"{word}({render(expr.parts[0])})"
        text = f" {word} ".join(
            f"({render(p)})" if isinstance(p, (All, Any_)) and len(p.parts) > 1 else render(p, nested=True)
            for p in expr.parts
        )
        return text
    raise RuleRenderError(f"not an expression: {type(expr).__name__}")


def render_rule(expr: Expr, applies_if: Expr | None = None) -> str:
    """A whole line: ``if <condition>: <expression>`` when it concerns only some patients."""
    if applies_if is None:
        return render(expr)
    return f"if {render(applies_if)}: {render(expr)}"


# ------------------------------------------------------------------------------------------- parse


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(_GRAMMAR, parser="lalr", lexer="contextual", propagate_positions=True, maybe_placeholders=False)


Values = tuple[Any, ...]


class _Node:
    """An expression while it is built, with its nesting depth (checked without recursion)."""

    __slots__ = ("expr", "depth")

    def __init__(self, expr: Expr, depth: int) -> None:
        self.expr = expr
        self.depth = depth


class _Fail(Exception):
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
        raise _Fail("a quoted text with an escape JSON does not know (use \\\" \\\\ \\n \\uXXXX)", token) from None
    if not isinstance(value, str):
        raise _Fail("expected a quoted text", token)
    return value


def _number_of(token: Token) -> int | float:
    text = str(token)
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    value = float(text)
    if not math.isfinite(value):
        raise _Fail(f"number out of range: {text}", token)
    return value


def _concept(token: Token) -> str:
    found = resolve_concept(str(token))
    if found is None:
        raise _Fail(f"unknown concept {str(token)!r}{_suggest(str(token))}", token)
    return found


class _Build(Transformer_NonRecursive):  # type: ignore[type-arg]
    """Tree -> expression bottom-up without recursion: depth is bounded here, not by Python."""

    def _depth(self, node: _Node, token: Any) -> _Node:
        if node.depth > MAX_DEPTH:
            raise _Fail(f"nested more than {MAX_DEPTH} deep", token)
        return node

    def start(self, children: list[Any]) -> Rule:
        nodes = [c for c in children if isinstance(c, _Node)]
        if len(nodes) == 2:
            return Rule(expr=nodes[1].expr, applies_if=nodes[0].expr)
        return Rule(expr=nodes[0].expr)

    def _list(self, children: list[Any], cls: type[All] | type[Any_]) -> _Node:
        nodes = [c for c in children if isinstance(c, _Node)]
        return self._depth(_Node(cls(tuple(n.expr for n in nodes)), 1 + max(n.depth for n in nodes)), children[1])

    def or_expr(self, children: list[Any]) -> _Node:
        return self._list(children, Any_)

    def and_expr(self, children: list[Any]) -> _Node:
        return self._list(children, All)

    def negation(self, children: list[Any]) -> _Node:
        node: _Node = children[1]
        return self._depth(_Node(Not(node.expr), node.depth + 1), children[0])

    def group(self, children: list[Any]) -> _Node:
        node: _Node = children[1]
        return self._depth(_Node(node.expr, node.depth + 1), children[0])

    def lone_all(self, children: list[Any]) -> _Node:
        node: _Node = children[2]
        return self._depth(_Node(All((node.expr,)), node.depth + 1), children[0])

    def lone_any(self, children: list[Any]) -> _Node:
        node: _Node = children[2]
        return self._depth(_Node(Any_((node.expr,)), node.depth + 1), children[0])

    def reason(self, children: list[Any]) -> ReviewReason:
        return REASON_WORDS[str(children[0]).lower()]

    def timeword(self, children: list[Any]) -> Token:
        token: Token = children[0]
        return token

    def review(self, children: list[Any]) -> _Node:
        strings = _tokens(children, "STRING")
        reason = next((c for c in children if isinstance(c, ReviewReason)), DEFAULT_REASON)
        return _Node(Review(reason=reason, text=_string(strings[0]) if strings else ""), 1)

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
        amount, word = children
        return Window(amount=float(_number_of(amount)), unit=_WINDOW_WORD[str(word).lower()])

    def unit(self, children: list[Any]) -> tuple[str, Token]:
        token: Token = children[0]
        if str(token).lower() in _TIME_UNIT_CODE:
            return _TIME_UNIT_CODE[str(token).lower()], token
        unit = str(token)
        if not same_dimension(unit, unit):
            raise _Fail(f"unknown unit {unit!r} (write a UCUM unit such as mg/dL, 10*9/L, %)", token)
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
    def _history(self, children: list[Any], windowed: bool) -> _Node:
        negated = bool(_tokens(children, "NO"))
        name = _tokens(children, "NAME")[0]
        value = next((c for c in children if isinstance(c, tuple)), None)
        window = next((c for c in children if isinstance(c, Window)), None)
        if windowed:
            op = Op.NOT_WITHIN if negated else Op.WITHIN
        else:
            op = Op.ABSENT if negated else Op.PRESENT
        return _Node(Predicate(concept=_concept(name), op=op, value=value, window=window), 1)

    def history(self, children: list[Any]) -> _Node:
        return self._history(children, windowed=False)

    def history_window(self, children: list[Any]) -> _Node:
        return self._history(children, windowed=True)

    def is_(self, children: list[Any]) -> _Node:
        return _Node(Predicate(concept=_concept(children[0]), op=Op.IS, value=children[2]), 1)

    def in_(self, children: list[Any]) -> _Node:
        return _Node(Predicate(concept=_concept(children[0]), op=Op.IN, value=children[2]), 1)

    def compare(self, children: list[Any]) -> _Node:
        name, compare, value, measure = children
        if isinstance(value, str) and measure:
            raise _Fail("a word is compared without a unit, ULN or window", compare)
        symbol = _COMPARISON_ALIASES.get(str(compare), str(compare))
        return _Node(Predicate(concept=_concept(name), op=COMPARISONS[symbol], value=value, **measure), 1)

    def between(self, children: list[Any]) -> _Node:
        name = children[0]
        # each bound with whether 'exclusive' follows it (by place: equal bounds are equal tokens)
        bounds = [
            (child, i + 1 < len(children) and isinstance(children[i + 1], Token) and children[i + 1].type == "EXCLUSIVE")
            for i, child in enumerate(children)
            if isinstance(child, Token) and child.type == "NUMBER"
        ]
        (low, low_open), (high, high_open) = bounds
        measure = children[-1]
        return _Node(
            Predicate(
                concept=_concept(name), op=Op.BETWEEN, value=(_number_of(low), _number_of(high)),
                low_inclusive=not low_open, high_inclusive=not high_open, **measure,
            ),
            1,
        )


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
    return tuple(sorted({_EXPECTED.get(n, n) for n in names or ()}))


def parse_rule(text: str) -> Rule:
    """A whole line (with its optional ``if <condition>:``); ``RuleError`` says where and why."""
    if not isinstance(text, str):
        raise RuleError("the rule must be a text")
    _precheck(text)
    if not text.strip():
        raise RuleError("the rule is empty", 1, 1, ("a concept name", "'review'", "'no'", "'not'", "'('"))
    try:
        tree: Tree[Token] = _parser().parse(text)
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
        rule: Rule = _Build().transform(tree)
    except VisitError as exc:
        failure = exc.orig_exc
        if isinstance(failure, _Fail):
            raise RuleError(failure.message, failure.line, failure.column) from None
        raise
    except _Fail as failure:
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
    from .criteria import iter_predicates

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


# ------------------------------------------------------------------------------------ the document

_DOC_HEAD = """# Eligo's rule language

<!-- GENERATED by `python -m rules_engine.rule_language > docs/rule-language.md` from the
grammar and the concept catalogue; tests/rules_engine/test_rule_language.py fails when this file
and the catalogue drift apart. Edit rules_engine/rule_language.py, then regenerate. -->

One criterion line as a curator reads and corrects it. It spells the criteria model exactly:
a line rendered and read back is the same structure (checked over every line of the registry
corpus), so a line saved unedited is the line that was shown.

## Examples

| rule | means |
| --- | --- |
| `age between 18 and 65 years` | age from 18 to 65 years, both ends included |
| `age between 18 exclusive and 65 years` | older than 18, at most 65 |
| `ECOG <= 1` | the latest ECOG performance status is 0 or 1 |
| `ECOG in (0, 1)` | one of the listed values |
| `ANC >= 1.5 10*9/L within 14 days` | a value measured in the last 14 days, in any unit that converts |
| `bilirubin <= 2 x ULN and (ALT <= 3 x ULN or review "liver infiltration")` | multiples of the patient's upper limit of normal; a part left to a person |
| `CD33 is positive` | a qualitative result |
| `HIV` / `no HIV` | on record / not on record (a missing diagnosis counts as absent) |
| `allo-HSCT within 90 days` / `no allo-HSCT within 90 days` | dated history inside / not inside the window |
| `other-malignancy other than (AML, B-ALL) within 3 years` | a concept asked among others, minus the trial's own diseases |
| `not (HIV or HBV)` | negation of a group |
| `review consent "Able to give written informed consent"` | left to a person, with the reason and the words |
| `if sex is female: pregnancy-test is negative` | the line concerns only patients the condition holds for |

## Grammar

Keywords are case-insensitive; `and` binds tighter than `or`; parentheses group. A part that is
itself an `and` / `or` list is always written in parentheses when rendered, so the grouping the
structure has is the grouping the text shows. `and(X)` / `or(X)` write a list of one part.

```
rule      := [ "if" expr ":" ] expr
expr      := and_expr { "or" and_expr }
and_expr  := unary { "and" unary }
unary     := "not" unary | "(" expr ")" | "and" "(" expr ")" | "or" "(" expr ")" | review | predicate
review    := "review" [ reason ] [ text ]
predicate := [ "no" ] CONCEPT [ "other than" list ] [ "within" window ]
           | CONCEPT "is" scalar
           | CONCEPT "in" list
           | CONCEPT compare scalar measure
           | CONCEPT "between" NUMBER [ "exclusive" ] "and" NUMBER [ "exclusive" ] measure
measure   := [ "x" "ULN" ] [ unit ] [ "within" window ]
window    := NUMBER ( "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" )
compare   := ">=" | "<=" | ">" | "<" | "=" | "!=" (also "≥", "≤", "≠", "==")
scalar    := NUMBER | WORD | text
list      := "(" [ item { "," item } ] ")"        item := NUMBER | CONCEPT | text
text      := a double-quoted string with JSON escapes (\\" \\\\ \\n \\uXXXX)
NUMBER    := -?digits[.digits][e[+-]digits]    (a whole number stays whole: 2 and 2.0 differ)
```

- `X` alone asks whether X is on record; `no X` whether it is not; `X within 90 days` whether
  it is dated inside the window; `no X within 90 days` whether it is not.
- `review` reasons: {reasons}. A bare `review "..."` is `judgement`.
- Units: {time_units}; otherwise a UCUM unit that converts to the concept's unit (the table
  below). A unit that converts to nothing is an error; one of another kind is accepted as
  registries write it, and the editor warns that the line cannot be compared.
- Limits: {max_length} characters and {max_depth} nested groups or negations; longer or deeper
  input is refused with the line and column, before or while parsing, never by exhausting the
  stack.
- Errors name the line, the column and what was expected there.
- Reserved words (never a concept name): {keywords}.

## Concepts

Every concept of the catalogue, by the name the language writes (any spelling with the same
letters, `-` or `_`, in any case, names it too).

| name | id | kind | unit | what it is |
| --- | --- | --- | --- | --- |
"""


def document() -> str:
    """``docs/rule-language.md``: the grammar above and every concept and unit, from the catalogue."""
    head = _DOC_HEAD
    for name, value in {
        "reasons": ", ".join(f"`{w}`" for w in REASON_WORDS),
        "time_units": ", ".join(f"`{w}` (UCUM `{c}`)" for w, c in TIME_UNIT_WORDS.items()),
        "max_length": f"{MAX_LENGTH:,}",
        "max_depth": str(MAX_DEPTH),
        "keywords": ", ".join(f"`{k}`" for k in sorted(set(KEYWORDS))),
    }.items():
        head = head.replace("{" + name + "}", value)
    rows = []
    for cid in sorted(CONCEPTS, key=lambda c: concept_name(c).lower()):
        spec = CONCEPTS[cid]
        unit = "" if spec.unit is None else f"`{spec.unit}`"
        if spec.unit in TIME_UNIT_WORDS.values():
            unit += f" ({_unit(str(spec.unit))})"
        rows.append(
            f"| `{concept_name(cid)}` | `{cid}` | {spec.kind} | {unit} | "
            f"{spec.label.replace('|', '/')} |"
        )
    return head + "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover - the generator of docs/rule-language.md
    import sys

    sys.stdout.write(document())
