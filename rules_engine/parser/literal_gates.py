"""Each regular expression the parser's modules compile is searched only in texts that hold a word
every one of its matches needs.

Why (measured on every tenth trial of the shared corpus: 189 trials, 5,099 lines, one
process): 65% of the parse's CPU is spent inside the regular-expression engine (py-spy, native
frames), spread over ~2,000 patterns and 1.9 million calls, none above 4% of the parse. Python's
engine tries a case-insensitive pattern at every position of the text (its prefix scan is off
under IGNORECASE), so a pattern whose words are absent still costs a pass over the whole text; in
1.35 million of those calls (58% of the engine's time) the text held none of the literal words
the pattern needs. A substring test on the lower-cased text answers those calls at once: that
sample parses in 11.6 s of CPU instead of 14.1 s, and the whole corpus's coverage report
(``manage.py criteria_coverage``, 1,883 trials, 2 processes) in 120.4 s instead of 144.6 s, every
answer the same (the whole-corpus dump moved no line).

How: ``required_literals(pattern)`` reads the pattern's parse tree (``re._parser``) for a set of
lower-cased ASCII strings at least one of which every match contains: a run of literal characters
in sequence, every alternative's set for an alternation, the repeated item of a repetition that
must occur at least once, a group's contents, the contents of a positive look-around (what it sees
is in the text too); a pattern with no such set (one that may match bare digits or a character
class) is left as it is. ``GatedPattern`` answers every method as the plain pattern; where the text
holds none of the strings it answers "no match" without searching (``search`` None, ``finditer``
nothing, ``sub`` the text itself, ...).

Exact, not a heuristic: under IGNORECASE an ASCII literal matches only the same character in either
case and four other characters (U+0130, U+0131, U+017F, U+212A; the test checks every code
point), so a match's literal run, lower-cased, is in the lower-cased text, unless the text holds one
of those four: such a text is searched plainly. The gate looks at the whole text, not only from
``pos`` (a look-behind may see before it): a weaker test, never a wrong one.

``install(prefix)`` makes ``re.compile`` return gated patterns to the modules whose name begins with
``prefix`` (``rules_engine.parser`` installs it for its own modules before importing any); other
callers get the plain pattern. A match's ``re`` is the plain pattern, never the gated one: a module
that tells its patterns apart by ``m.re is PATTERN`` sets ``PLAIN_PATTERNS = True`` before it
compiles them and is given plain ones (``conditional``). ``PLAIN`` (``ELIGO_PLAIN_REGEX=1``) turns gating off, for comparing
the two ways (``tests/parser/test_literal_gates.py`` pins the gated answers to the plain ones on
corpus lines).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

PLAIN = os.environ.get("ELIGO_PLAIN_REGEX") == "1"
# whether a gated case-insensitive pattern also tests a match's first character (start_gates);
# ELIGO_NO_START_GATES=1 turns it off, for comparing the two ways
START_GATES = os.environ.get("ELIGO_NO_START_GATES") != "1"

# the non-ASCII characters an ASCII literal matches under IGNORECASE (dotted and dotless i, long s,
# Kelvin sign): a text holding one is searched plainly
_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")
# gates of more words than this test them in one C-level pass (``any(map(low.__contains__, words))``),
# not a Python loop; gates of more than ``_TRIE`` words in one search of their trie instead.
# Measured (perf23, one process, the 2,266 gated patterns on a 150-character clause): the 326
# patterns of 7-16 words took 2.65 ms by their tries and 1.09 ms by the C-level pass (the engine
# tries a trie's first characters at every position of the text, a substring test is a fast scan);
# the 1,121 of 2-6 words 1.67 ms by the Python loop and 2.03 ms by the C-level pass.
_MANY = 6
_TRIE = 40
# a pattern that needs any of more words than this is left plain: testing that many words costs about
# what the search saves (measured on the sample: 6 words 12.1 s, 12 and 24 words 11.4 s, any number 11.5 s)
_MOST = 16

_plain_compile = re.compile


def _trie_pattern(words: tuple[str, ...]) -> str:
    from rules_engine.parser.word_gates import _trie_pattern as trie  # (imported late: word_gates is a parser module)

    return trie(words)


def required_literals(pattern: re.Pattern[Any]) -> frozenset[str] | None:
    """Lower-cased ASCII strings at least one of which every match of ``pattern`` contains, or
    None when no such set is read from it (see the module's doc)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern this reading cannot take stays plain
        return None
    found = _sequence(tree.data)
    return found if found and all(found) else None


def _sequence(items: Any) -> frozenset[str] | None:
    """The best set a sequence of parse-tree items needs (its longest shortest string)."""
    sets: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            sets.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        flush()  # anything else ends the run of literals (a look-around or \b would not, but ending it only weakens the gate)
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            found = _sequence(av[-1].data)
        elif op is _c.BRANCH:
            alternatives = [_sequence(alternative.data) for alternative in av[1]]
            found = None if any(a is None for a in alternatives) else frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            found = _sequence(av[2].data) if av[0] >= 1 else None
        elif op is _c.ATOMIC_GROUP:
            found = _sequence(av.data)
        elif op is _c.ASSERT:
            found = _sequence(av[1].data)
        if found:
            sets.append(found)
    flush()
    sets = [s for s in sets if all(s)]
    return max(sets, key=lambda s: (min(map(len, s)), -len(s))) if sets else None


# the last text the gates lower-cased and its lower-case form (None: a text searched plainly); a
# clause is searched by many patterns in a row. One tuple, replaced whole: a request thread and a
# worker thread may parse at once, and a text paired with another text's lower case would skip a
# search that matches.
_last: tuple[Any, str | None] = (None, None)
_END = sys.maxsize


def _lowered(text: Any) -> str | None:
    """``text`` lower-cased, or None when the gate cannot see through it (not a ``str``, or it
    holds one of the four characters above)."""
    global _last
    low = None
    if type(text) is str and (text.isascii() or _SPECIAL.search(text) is None):
        low = text.lower()
    _last = (text, low)
    return low


class GatedPattern:
    """A compiled pattern answered "no match" at once for a text without any of ``words``.
    ``match`` and ``fullmatch`` try one position only, which costs less than the gate: they are
    the plain pattern's."""

    __slots__ = ("plain", "fast", "words", "_one", "_few", "_many", "_any", "_search", "_finditer", "match", "fullmatch", "pattern", "flags", "groups", "groupindex")

    def __init__(self, plain: re.Pattern[str], words: frozenset[str], fast: re.Pattern[str] | None = None) -> None:
        """``fast``: the plain pattern behind a test of its first character (``start_gates``), which
        searches, subs and splits; ``pattern`` and the rest stay the plain pattern's."""
        self.plain = plain
        self.fast = plain if fast is None else fast
        self.words = tuple(sorted(words, key=lambda w: (-len(w), w)))
        self._one = self.words[0] if len(self.words) == 1 else None
        self._few = self.words if 1 < len(self.words) <= _MANY else None
        # (a trie of the words: an alternation of many words tried one by one costs more than it saves)
        self._many = self.words if _MANY < len(self.words) <= _TRIE else None
        self._any = _plain_compile(_trie_pattern(self.words)).search if len(self.words) > _TRIE else None
        self._search = self.fast.search
        self._finditer = self.fast.finditer
        self.match = plain.match
        self.fullmatch = plain.fullmatch
        self.pattern = plain.pattern
        self.flags = plain.flags
        self.groups = plain.groups
        self.groupindex = plain.groupindex

    def _absent(self, text: Any) -> bool:
        """Whether ``text`` holds none of the words (so no match): False when unsure."""
        last = _last
        low = last[1] if text is last[0] else _lowered(text)
        if low is None:
            return False
        if self._one is not None:
            return self._one not in low
        if self._few is not None:
            for word in self._few:
                if word in low:
                    return False
            return True
        if self._many is not None:
            return not any(map(low.__contains__, self._many))
        return self._any(low) is None  # type: ignore[misc]

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if pos:
            # a scan from a position (a loop stepping through one text) is the plain pattern's: the
            # gate reads the whole text each time, so a loop over a hostile 21,000-character
            # enumeration ("i. " * 7000) took 0.73 s gated against 0.035 s plain
            return self._search(string, pos, endpos)
        last = _last
        low = last[1] if string is last[0] else _lowered(string)
        if low is not None:
            # (``_absent`` written out: the parser's most frequent call, ~4,200 a trial; the method
            # call and second look-up of the lower-cased text cost about a tenth of the gate)
            one = self._one
            if one is not None:
                if one not in low:
                    return None
            elif self._few is not None:
                for word in self._few:
                    if word in low:
                        break
                else:
                    return None
            elif self._many is not None:
                if not any(map(low.__contains__, self._many)):
                    return None
            elif self._any(low) is None:  # type: ignore[misc]
                return None
        return self._search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        return iter(()) if self._absent(string) else self._finditer(string, pos, endpos)

    def findall(self, string: str, *args: Any, **kwargs: Any) -> list[Any]:
        return [] if self._absent(string) else self.fast.findall(string, *args, **kwargs)

    def sub(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> str:
        return string if self._absent(string) else self.fast.sub(repl, string, *args, **kwargs)

    def subn(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> tuple[str, int]:
        return (string, 0) if self._absent(string) else self.fast.subn(repl, string, *args, **kwargs)

    def split(self, string: str, *args: Any, **kwargs: Any) -> list[Any]:
        return [string] if self._absent(string) else self.fast.split(string, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # scanner and the rest: the plain pattern's
        return getattr(self.plain, name)

    def __repr__(self) -> str:
        return f"gated({self.plain!r})"


_GATED: dict[re.Pattern[Any], Any] = {}


def _start_gated(pattern: re.Pattern[Any]) -> re.Pattern[Any] | None:
    """A case-insensitive pattern behind a test of its first character (``start_gates``: why, and
    the figures), or None. A case-sensitive one keeps the engine's own scan for its first
    characters, which a look-ahead in front would switch off."""
    if START_GATES and isinstance(pattern.pattern, str) and pattern.flags & re.IGNORECASE:
        from rules_engine.parser.start_gates import start_gated  # (late: start_gates is a parser module)

        fast = start_gated(pattern.pattern, pattern.flags, _plain_compile)
        return fast if fast.pattern != pattern.pattern else None
    return None


def gated(pattern: re.Pattern[Any]) -> Any:
    """``pattern`` behind its gate, or itself when no words are read from it (one wrapper per
    pattern: a pattern compiled again, as ``re`` caches it, gets the same)."""
    found = _GATED.get(pattern)
    if found is None:
        words = required_literals(pattern)
        found = GatedPattern(pattern, words, _start_gated(pattern)) if words and len(words) <= _MOST and any(w.strip() for w in words) else pattern
        if len(_GATED) < 50_000:
            _GATED[pattern] = found
    return found


def gated_many(pattern: re.Pattern[Any]) -> Any:
    """``pattern`` behind its gate however many words it needs (``gated`` leaves a pattern of more
    than ``_MOST`` words plain, which on average costs what it saves). For a pattern measured to
    gain: the residue's unsupported-concept words (``review_reasons._UNSUPPORTED``, 140 words) were
    searched in 3,268 clauses of every twelfth corpus trial, 1,773 of them holding none of its
    words; those searches took 0.30 s and the gate over all 3,268 0.16 s."""
    if PLAIN or not isinstance(pattern, re.Pattern):
        return pattern
    words = required_literals(pattern)
    return GatedPattern(pattern, words, _start_gated(pattern)) if words and any(w.strip() for w in words) else pattern


def install(prefix: str) -> None:
    """``re.compile`` returns gated patterns to the modules named ``prefix...`` (see the doc)."""
    if PLAIN or getattr(re.compile, "_gates_for", None) is not None:
        return

    def compile(pattern: Any, flags: Any = 0) -> Any:  # noqa: A001 - stands in for re.compile
        compiled = _plain_compile(pattern, flags)
        caller = sys._getframe(1).f_globals
        if caller.get("__name__", "").startswith(prefix) and not caller.get("PLAIN_PATTERNS"):
            return gated(compiled)
        return compiled

    compile._gates_for = prefix  # type: ignore[attr-defined]
    re.compile = compile  # type: ignore[assignment]
