"""The start test on the parser's case-insensitive patterns (``rules_engine.parser.start_gates``, a
performance trick pinned against the plain way): the characters read are those every match starts
with, and a gated pattern searched behind its start test finds the plain pattern's matches."""

from __future__ import annotations

import re
import time

import pytest

import rules_engine.parser  # noqa: F401 - installs the gates before the parser's modules compile
from rules_engine.parser import literal_gates
from rules_engine.parser.literal_gates import GatedPattern
from rules_engine.parser.start_gates import first_chars, start_gated
from tests.fixtures.corpus_lines import _texts, available

# (pattern, the characters a match may start with; None: not known)
FIRST = [
    (r"abc", {"a"}),
    (r"\bfoo|bar", {"f", "b"}),  # \b is zero-width
    (r"(?<=\bprior\s)therapy|(?:systemic\s+)?cancer", {"t", "s", "c"}),  # a look-behind, an optional item
    (r"(?:x|y)?z", {"x", "y", "z"}),
    (r"(?=q)qa", {"q"}),
    (r"[ab]c", {"a", "b"}),
    (r"(?>ab|cd)", {"a", "c"}),
    (r"\d+x", None),  # a category
    (r"[a-z]x", None),  # a range
    (r".x", None),
    (r"a?", None),  # may match empty
    (r"(?:ab)*", None),
    (r"(a)\1", {"a"}),
]


@pytest.mark.parametrize("pattern,expected", FIRST)
def test_first_characters(pattern, expected):
    assert first_chars(pattern, re.I) == (None if expected is None else frozenset(expected))


# (pattern, text): the start-gated pattern's matches are the plain pattern's
SAME = [
    (r"(?<=\bprior\s)therapy|(?:systemic\s+)?cancer", "No prior therapy; SYSTEMIC cancer therapy"),
    (r"\bfoo", "xfoo FOO foo"),
    (r"s", "\u017f S s"),  # the long s matches a case-insensitive s, in the test as in the literal
    (r"k", "\u212a K k"),  # the Kelvin sign likewise
    (r"(?-i:AB)c", "ab abc ABC ABc"),  # a case-sensitive scope: a wider test, the same matches
    (r"abc$", "x abc"),
]


@pytest.mark.parametrize("pattern,text", SAME)
def test_start_gated_matches_are_the_plain_ones(pattern, text):
    plain, fast = re.compile(pattern, re.I), start_gated(pattern, re.I)
    assert fast.pattern != plain.pattern  # the test is there
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.sub("#", text) == plain.sub("#", text)
    assert fast.split(text) == plain.split(text)


def test_no_test_where_it_cannot_tell_or_would_take_many_characters():
    assert start_gated(r"\d+", re.I).pattern == r"\d+"
    many = "|".join("abcdefghijklmnop")
    assert start_gated(many, re.I).pattern == many
    assert start_gated(r"(?i)abc", 0).pattern == r"(?i)abc"  # a global flag must open the pattern


def test_a_gated_pattern_keeps_its_own_source():
    gated = literal_gates.gated(re.compile(r"(?:for|of)\s+diseases?\s+other\s+than\s*$", re.I))
    assert isinstance(gated, GatedPattern)
    assert gated.fast is not gated.plain
    assert gated.pattern.endswith("$")  # composed into other patterns as written (topics.events)


def _gated_patterns() -> list[GatedPattern]:
    return [g for g in list(literal_gates._GATED.values()) if isinstance(g, GatedPattern) and g.fast is not g.plain]


@pytest.mark.skipif(not available(), reason="the shared corpus is not here")
def test_every_start_gated_pattern_on_corpus_lines():
    texts = [line for file in ("ctgov", "csv") for t in list(_texts(file).values())[::100] for line in t.splitlines() if line.strip()]
    patterns = _gated_patterns()
    assert texts and len(patterns) > 500
    for text in texts:
        for g in patterns:
            assert [m.span() for m in g.fast.finditer(text)] == [m.span() for m in g.plain.finditer(text)], (g.pattern[:120], text[:200])


def test_a_hostile_line_is_read_at_once():
    text = ("ther " * 4_000)[:20_000]
    fast = start_gated(r"(?<=\bprior\s)therapy|(?:systemic\s+)?cancer", re.I)
    started = time.process_time()
    assert fast.search(text) is None
    assert time.process_time() - started < 1
