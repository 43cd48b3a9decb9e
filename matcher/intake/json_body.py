"""A request body as JSON Eligo can store: parsed within bounds, with non-finite numbers, lone
surrogates, NUL characters and deep nesting named by their path before anything reads them."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .errors import MAX_BUNDLE_BYTES, BundleTooLarge, IntakeError

# ------------------------------------------------------------------------------------------
# parsing
# ------------------------------------------------------------------------------------------


class _NonFinite:
    """Stands in for NaN, Infinity or a number out of float range while parsing, so the
    document's walk can name where it was (``json`` alone would only say "not JSON", or
    silently read ``1e400`` as infinity, which no database stores)."""


_NON_FINITE = _NonFinite()
# A \u escape of a UTF-16 surrogate: how a lone surrogate gets into decoded text (UTF-8 bytes
# cannot carry one). A well-formed pair becomes one character; a lone one cannot be stored.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _parse_float(text: str) -> Any:
    value = float(text)
    return value if math.isfinite(value) else _NON_FINITE


def parse_json(raw: bytes | bytearray | str | dict[str, Any]) -> Any:
    """The document as Python data; ``IntakeError("$", ...)`` when it is not JSON, and an
    ``IntakeError`` naming the element when it holds what no record may: a NUL character, a
    number that is not finite (``NaN``, ``Infinity``, ``1e400``) or a lone surrogate (text that
    is not Unicode), anywhere, even inside a resource Eligo does not read."""
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, (bytes, bytearray)):
        if len(raw) > MAX_BUNDLE_BYTES:
            raise BundleTooLarge(len(raw))
        try:
            text = bytes(raw).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise IntakeError("$", "is not JSON: it is not UTF-8 text") from None
    elif isinstance(raw, str):
        text = raw
        if len(text) > MAX_BUNDLE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BUNDLE_BYTES:
            raise BundleTooLarge(len(text))
    else:
        raise IntakeError("$", "must be JSON text or an object")
    non_finite = False

    def parse_float(number: str) -> Any:
        nonlocal non_finite
        value = _parse_float(number)
        non_finite = non_finite or value is _NON_FINITE
        return value

    def parse_constant(name: str) -> Any:
        nonlocal non_finite
        non_finite = True
        return _NON_FINITE

    try:
        data = json.loads(text, parse_float=parse_float, parse_constant=parse_constant)
    except (ValueError, RecursionError):
        raise IntakeError("$", "is not valid JSON") from None
    # Always walked (under 0.5 s for the largest document, well under a millisecond for a usual
    # one): nesting depth has no cheap test on the text, and a document that parses can still
    # be too deep to store (the encoder recursed out at a depth of 900: a 500).
    suspect = "\x00" in text or "\\u0000" in text or _SURROGATE_ESCAPE.search(text) or (isinstance(raw, str) and not raw.isascii())
    found = unstorable(data, look_inside=bool(non_finite or suspect))
    if found is not None:
        raise IntakeError(*found)
    return data


_NUL = "contains a NUL character, which no record may hold"
_NOT_FINITE = "is not a finite number (NaN, Infinity or out of range), which no record may hold"
_NOT_UNICODE = "contains a lone surrogate (an unpaired \\u escape): it is not Unicode text"
# Deeper than any FHIR resource nests (a QuestionnaireResponse's items, extensions in extensions).
MAX_DEPTH = 100
_TOO_DEEP = f"nests arrays and objects more than {MAX_DEPTH} levels deep, more than Eligo reads"


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return _NUL
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return _NOT_UNICODE
    return None


def unstorable(value: Any, path: str = "$", look_inside: bool = True) -> tuple[str, str] | None:
    """(path, message) of an element no record may hold, or None: nesting deeper than
    ``MAX_DEPTH`` and, with ``look_inside``, text and numbers no row can store. Iterative, so a
    deep document costs no recursion; paths are built only for containers, and for a value once
    it is found wrong."""
    stack: list[tuple[Any, str, int]] = [(value, path, 0)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, dict):
            if depth >= MAX_DEPTH:
                return where, _TOO_DEEP
            inner = []
            for key, child in item.items():
                if look_inside:
                    problem = _text_problem(key) or _value_problem(child)
                    if problem:
                        child_path = key if where == "$" else f"{where}.{key}"
                        return (_safe_path(child_path) if _text_problem(key) else child_path), problem
                if isinstance(child, (dict, list)):
                    inner.append((child, key if where == "$" else f"{where}.{key}", depth + 1))
            stack.extend(reversed(inner))  # popped in document order
        elif isinstance(item, list):
            if depth >= MAX_DEPTH:
                return where, _TOO_DEEP
            inner = []
            for i, child in enumerate(item):
                problem = _value_problem(child) if look_inside else None
                if problem:
                    return (f"{where}[{i}]" if where != "$" else f"[{i}]"), problem
                if isinstance(child, (dict, list)):
                    inner.append((child, f"{where}[{i}]" if where != "$" else f"[{i}]", depth + 1))
            stack.extend(reversed(inner))
        elif look_inside:
            problem = _value_problem(item)
            if problem:
                return where, problem
    return None


def _value_problem(item: Any) -> str | None:
    if isinstance(item, str):
        return _text_problem(item)
    if item is _NON_FINITE or (isinstance(item, float) and not math.isfinite(item)):
        return _NOT_FINITE
    return None


def _safe_path(path: str) -> str:
    """A path whose last key is itself the bad text: the key is shown with the bad characters
    escaped, so the answer stays encodable."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\u0000")
    return None


