"""A pattern searched with a test of the character a match starts with, before its alternatives.

Why: Python's engine skips ahead to a pattern's possible first characters only when the pattern is
case-sensitive; under IGNORECASE it enters every alternative at every position, and a pattern of
many alternatives that open with look-behinds (``topics.events``' history rows: "(?<=\\bprior\\s)
therapy for ...", eight such branches in the anticancer-therapy row) pays for all of them at every
character. A look-ahead of the characters every match starts with, ``(?=[sacnt])``, turns most
positions away with one test. Measured: the anticancer-therapy row over the 3,773 lines of every
fifth corpus trial that pass its gate, 0.16 s plain against 0.05 s with its start test; the history
table's rows on every tenth trial's lines, 0.15-0.17 s against 0.07 s, the same matches. Every
case-insensitive pattern the parser's modules compile gets it (``literal_gates.install``; a
case-sensitive one keeps the engine's own scan for its first characters, which a look-ahead would
switch off): the coverage report on every 24th corpus trial (79 trials, one process) took 4.47 and
4.65 s of CPU without, 4.17 s with, the same counts.

Exact: ``first_chars`` reads the pattern's parse tree for the characters a match's first consumed
character may be (zero-width items, \\b, ^ and look-arounds, are stepped over; an optional item adds
its own and what follows), and gives None where it cannot tell (a class, a category, any character,
a back-reference, a pattern that may match empty). The look-ahead is compiled with the pattern's
flags, so under IGNORECASE it matches each character as the literal does; a case-sensitive scope
inside gives a wider test, never a narrower one. ``tests/parser/test_start_gates.py`` pins it.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

# a start test of more characters than this turns too few positions away to pay for itself
_MOST = 10


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters, as written, a match of ``pattern`` may start with, or None (see the doc)."""
    try:
        tree = _p.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern this reading cannot take gets no start test
        return None
    found = _first(tree.data)
    if found is None or found[1]:
        return None
    return frozenset(found[0])


def _first(items: Any) -> tuple[set[str], bool] | None:
    """(first characters, whether the sequence may match empty) of a sequence of parse items."""
    out: set[str] = set()
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width
        if op is _c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is _c.SUBPATTERN:
            found = _first(av[-1].data)
        elif op is _c.ATOMIC_GROUP:
            found = _first(av.data)
        elif op is _c.BRANCH:
            parts = [_first(alternative.data) for alternative in av[1]]
            if any(part is None for part in parts):
                return None
            found = (set().union(*(part[0] for part in parts)), any(part[1] for part in parts))  # type: ignore[index]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            body = _first(av[2].data)
            found = None if body is None else (body[0], body[1] or av[0] == 0)
        elif op is _c.IN and all(kind is _c.LITERAL for kind, _ in av):
            found = ({chr(v) for _, v in av}, False)
        else:
            return None
        if found is None:
            return None
        out |= found[0]
        if not found[1]:
            return out, False
    return out, True


def start_gated(pattern: str, flags: int = 0, compile: Any = re.compile) -> re.Pattern[str]:  # noqa: A002
    """``pattern`` compiled behind a look-ahead of its first characters, where they are known and
    few; else compiled as it is. Its matches are the plain pattern's, at the same places."""
    chars = first_chars(pattern, flags)
    # (both cases of each: the test is never narrower than the literal, whatever the flags)
    cased = {c for ch in chars or () for c in (ch.lower(), ch.upper())}
    if not chars or len(cased) > 2 * _MOST or not all(ch.isascii() and ch.isalpha() for ch in cased):
        return compile(pattern, flags)  # type: ignore[no-any-return]
    try:
        return compile(f"(?=[{''.join(sorted(cased))}])(?:{pattern})", flags)  # type: ignore[no-any-return]
    except re.error:  # (a global inline flag must open the pattern): as it is
        return compile(pattern, flags)  # type: ignore[no-any-return]
