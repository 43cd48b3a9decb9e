"""Which rows of a topic's table may match a text: every row's gate words tested in one search.

The topic tables pair each pattern with gate words, cheap necessary conditions of the pattern:
the pattern is searched only where one of its row's words is a substring of the lower-cased
text (``any(w in low for w in words)``). Tested row by row, a table of a hundred rows runs a
hundred generators on every clause; measured on the whole corpus (user CPU time, 50,199 lines),
the gate tests of the remark, history, cancer, condition and coded-concept tables took about 15%
of the parse, most of it Python's loop, not the substring tests.

``WordGates(rows).live(low)`` answers the same test for every row at once and gives the indices of
the rows whose test holds, in table order, so a caller loops over those rows only and in the
order it did before. One compiled alternation of all the rows' words, shaped as a trie of
literals, finds at each position the longest word starting there; every shorter word starting
there is a prefix of it, so each match stands for those too, and the next search starts one
character after the match's start, so words that overlap are all found. The pattern is literals
and optional groups only (no repetition): its backtracking is bounded by the longest word.
``tests/parser/test_word_gates.py`` pins ``live`` against the plain per-row test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def _trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` that matches the longest of them starting at a position."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        kids = sorted(c for c in node if c)
        if not kids:
            return ""
        alternatives = "|".join(re.escape(c) + emit(node[c]) for c in kids)
        ends_here = "" in node
        if len(kids) == 1 and not ends_here:
            return alternatives
        # greedy: a longer word is tried before the one that ends here
        return f"(?:{alternatives})" + ("?" if ends_here else "")

    return emit(trie)


class WordGates:
    """The rows of a table whose gate words occur in a text (see the module's doc)."""

    def __init__(self, rows: Sequence[Iterable[str]]) -> None:
        table = [tuple(words) for words in rows]
        words = sorted({w for row in table for w in row if w})
        rows_of = {w: sum(1 << k for k, row in enumerate(table) if w in row) for w in words}
        # a match stands for itself and every word that is a prefix of it (found at the same place)
        self._rows: dict[str, int] = {w: 0 for w in words}
        for w in words:
            for v in words:
                if w.startswith(v):
                    self._rows[w] |= rows_of[v]
        self._always = sum(1 << k for k, row in enumerate(table) if "" in row)  # "" is in every text
        self._search = re.compile(_trie_pattern(words)).search if words else None

    def live(self, low: str) -> list[int]:
        """Indices, in table order, of the rows with a word in ``low`` (the lower-cased text)."""
        found = self._always
        search, rows = self._search, self._rows
        if search is not None:
            pos = 0
            while (m := search(low, pos)) is not None:
                found |= rows[m.group()]
                pos = m.start() + 1
        out: list[int] = []
        while found:
            bit = found & -found
            out.append(bit.bit_length() - 1)
            found ^= bit
        return out


def any_word(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose ``search(low)`` finds a match exactly where ``any(w in low for w in words)``
    holds (``low`` the lower-cased text): the words' trie (``_trie_pattern``), not their plain
    alternation. Only whether it matches is its answer: where two words start at one place it
    takes the longer, where the alternation took the first listed. Measured (one process, every
    18th corpus trial, 2,754 lines): the drug classes' gate (``topics.events``, 86 words, every
    clause) cost 0.35 s as the plain alternation, which Python's engine tries word by word at
    every character; the trie reads each character about once (136 µs against 27 µs a search of a
    150-character clause). ``tests/parser/test_any_word.py`` pins
    it against the plain test."""
    found = sorted(set(words))
    if "" in found:  # the empty word is in every text
        return re.compile("")
    return re.compile(_trie_pattern(found) if found else "(?!)")
