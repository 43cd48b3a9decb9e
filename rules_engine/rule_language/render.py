"""Expression -> rule text; a shape the language cannot write raises ``RuleRenderError``
rather than a text that would read back as something else."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..concepts import CONCEPTS
from ..criteria import All, Any_, Expr, NoRequirement, Not, Op, Predicate, Review, Window
from ..derive import NAMED_PRODUCT
from .errors import RuleRenderError
from .names import concept_name
from .vocabulary import (
    COMPARISON_OF,
    DEFAULT_REASON,
    KEYWORD_SET,
    REASON_WORD,
    TIME_UNIT_CODE,
    TIME_UNIT_WORDS,
    WINDOW_UNITS,
)

_WORD = re.compile(r"[a-z][a-z0-9_-]*", re.I)


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
        if _WORD.fullmatch(value) and value.lower() not in KEYWORD_SET:
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
    return f"{written} {window.unit[:-1] if amount == 1 else window.unit}" + (" exclusive" if window.exclusive else "")


def unit_word(unit: str) -> str:
    for word, code in TIME_UNIT_WORDS.items():
        if unit == code:
            return word
    if unit.lower() in TIME_UNIT_CODE or not _UNIT_TOKEN.fullmatch(unit) or unit.lower() in KEYWORD_SET:
        raise RuleRenderError(f"a unit the language cannot write: {unit!r}")
    return unit


_UNIT_TOKEN = re.compile(r"(?:[a-z%\[{]|10[*^])[^\s(),\":]{0,39}", re.I)


def _measure(pred: Predicate) -> str:
    out = ""
    if pred.uln:
        out += " x ULN"
    if pred.unit is not None:
        out += " " + unit_word(pred.unit)
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
        # a window only on a product a record names by its words (derive.NAMED_PRODUCT)
        _defaults_only(pred, "value", *(("window",) if pred.concept in NAMED_PRODUCT else ()))
        return f"{name} is {_scalar(pred.value)}" + (" within " + _window(pred.window) if pred.window is not None else "")
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
    return f"{name} {COMPARISON_OF[op]} {_scalar(pred.value)}{_measure(pred)}"


def render(expr: Expr, nested: bool = False) -> str:
    """The expression in the language; parts that are themselves and / or lists are put in
    parentheses, so that how the parts group is kept exactly, not re-derived by precedence."""
    if isinstance(expr, Predicate):
        return _predicate(expr)
    if isinstance(expr, Review):
        words = ["review"]
        if expr.reason is not DEFAULT_REASON:
            words.append(REASON_WORD[expr.reason])
        if expr.text:
            words.append(_text(expr.text))
        return " ".join(words)
    if isinstance(expr, NoRequirement):
        return "no requirement"
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

