"""The literal gates on the parser's patterns answer what the plain patterns answer
(``rules_engine.parser.literal_gates``, a performance trick pinned against the plain way): the words
read from a pattern are in every text it matches, a text the gate turns away holds no match, and a
gated pattern's methods give the plain pattern's results."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import rules_engine.parser  # noqa: F401 - installs the gates before the parser's modules compile
from rules_engine.parser import conditional, literal_gates
from rules_engine.parser.literal_gates import GatedPattern, gated, required_literals
from tests.fixtures.corpus_lines import _texts, available

PARSER = Path(rules_engine.parser.__file__).resolve().parent


# -- the words read from a pattern ---------------------------------------------------------------

# (pattern, flags, the words read; None: no gate)
WORDS = [
    (r"pregnan|breast[\s-]*feed|nursing", re.I, {"pregnan", "breast", "nursing"}),  # each alternative's longest run
    (r"(?:a|b)?cd", 0, {"cd"}),  # an optional part needs nothing
    (r"\bfoo\s+bar(?=bazz)", re.I, {"bazz"}),  # a look-ahead's words are in the text too (the longest run is taken)
    (r"x{0,2}yy", 0, {"yy"}),
    (r"(?:ab|cd)+e", 0, {"ab", "cd"}),  # a repetition of at least one
    (r"(?P<n>\d+)\s*mg", re.I, {"mg"}),
    (r"ULN", 0, {"uln"}),  # lower-cased: a case-sensitive pattern's words are in the lower-cased text too
    (r"[ab]c", 0, {"c"}),
    (r"\d+", 0, None),  # digits only: no word
    (r"a|\d", 0, None),  # one alternative needs no word
    (r"(?!foo)bar", 0, {"bar"}),  # a negative look-ahead needs nothing
    (r"(?<=\bother\s)cancer|tumou?r", re.I, {"cancer", "tumo"}),
    (r"≥\s*\d", 0, None),  # a non-ASCII literal is never a gate word
    (r"(?-i:CR)[ip]", re.I, {"cr"}),
    (r"(?>abc|abd)x", 0, {"ab"}),  # atomic group: the common prefix the parser factors out
]


@pytest.mark.parametrize(("pattern", "flags", "words"), WORDS)
def test_the_words_read_from_a_pattern(pattern, flags, words):
    found = required_literals(re.compile(pattern, flags))
    assert (set(found) if found is not None else None) == words


def test_only_four_other_characters_match_an_ascii_letter_ignoring_case():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    others = {ch for ch in re.findall("[a-z]", every, re.I) if not ch.isascii()}
    assert others == set(literal_gates._SPECIAL.pattern.strip("[]"))


# -- gated answers against plain ones ------------------------------------------------------------

GATE = gated(re.compile(r"\b(?:at\s+least|no\s+more\s+than)\s+(?P<n>\d)\s+of\s+the\s+following\b", re.I))

# (text, whether the gate lets the search run): texts with and without the words, in either case,
# and with the characters the gate cannot see through (a long s matches "s" ignoring case)
TEXTS = [
    ("At least 2 of the following adverse prognostic factors:", True),
    ("AT LEAST 2 OF THE FOLLOWING:", True),
    ("ECOG performance status 0-2", False),
    ("at leaſt 2 of the following", True),  # searched plainly: "ſ" is an "s" to the pattern
    ("", False),
]


@pytest.mark.parametrize(("text", "runs"), TEXTS)
def test_a_gated_pattern_answers_as_the_plain_one(text, runs):
    assert isinstance(GATE, GatedPattern)
    plain = GATE.plain
    assert GATE._absent(text) is not runs
    assert _span(GATE.search(text)) == _span(plain.search(text))
    assert _span(GATE.search(text, 3)) == _span(plain.search(text, 3))
    assert _span(GATE.match(text)) == _span(plain.match(text))
    assert [m.span() for m in GATE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert GATE.findall(text) == plain.findall(text)
    assert GATE.sub("#", text) == plain.sub("#", text)
    assert GATE.subn("#", text) == plain.subn("#", text)
    assert GATE.split(text) == plain.split(text)


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


def test_a_search_from_a_position_still_sees_what_a_look_behind_needs():
    other = gated(re.compile(r"(?<=\bother\s)cancer", re.I))
    text = "any other cancer"
    assert other.search(text, 10).span() == re.compile(r"(?<=\bother\s)cancer", re.I).search(text, 10).span()


@pytest.mark.skipif(not available(), reason="corpus not present")
def test_no_gate_of_the_parser_turns_away_a_corpus_text_its_pattern_matches():
    """Every gated pattern the parser compiled, on corpus lines and their upper-cased forms: where
    the gate says the text holds none of its words, the plain pattern finds nothing."""
    patterns = [g for g in literal_gates._GATED.values() if isinstance(g, GatedPattern)]
    assert len(patterns) > 500  # the parser's modules were gated
    texts = list(_texts("csv").values())[::60]
    lines = [line for text in texts for line in text.splitlines() if line.strip()][:150]
    lines += [line.upper() for line in lines[:40]]
    for g in patterns:
        for line in lines:
            if g._absent(line):
                assert g.plain.search(line) is None, (g.pattern[:80], line[:80])


# -- modules that tell patterns apart by identity --------------------------------------------------


def test_a_module_that_tells_its_patterns_apart_by_a_match_s_re_is_given_plain_ones():
    assert conditional.PLAIN_PATTERNS
    assert type(conditional._SUBJECT_MUST) is re.Pattern
    assert type(conditional.NEGATOR) is re.Pattern


def test_every_module_that_reads_a_match_s_re_opts_out():
    """A match's ``re`` is the plain pattern: compared with a gated one by ``is``, it never was."""
    readers = [
        path.relative_to(PARSER).as_posix()
        for path in PARSER.rglob("*.py")
        if re.search(r"\bm\w*\.re\b(?!\w)", path.read_text(encoding="utf-8"))
        and not re.search(r"^PLAIN_PATTERNS = True$", path.read_text(encoding="utf-8"), re.M)
        and path.name != "literal_gates.py"
    ]
    assert readers == []


def test_a_gate_on_a_long_text_is_quick():
    text = "x " * 10_000
    started = time.process_time()
    for _ in range(50):
        GATE.search(text + " ")  # a new text each time: lower-cased anew
    assert time.process_time() - started < 1.0


# -- how a gate tests its words (one word, a loop, one C-level pass, a trie) -----------------------

# (words, lower-cased text): words of each tier's size, inside and around other words
_TIER_TEXTS = ["relapsed or refractory acute myeloid leukemia after allogeneic hsct", "", "ecog 0-2", "aaaa", "x" * 500 + "tail"]


def _words(n: int) -> frozenset[str]:
    pool = ["leuk", "hsct", "refractory", "lymph", "myel", "aa", "ecog", "tail", "zz", "qq", "relapsed", "after"]
    return frozenset(pool[:n] if n <= len(pool) else pool + [f"w{k}" for k in range(n - len(pool))])


@pytest.mark.parametrize("size", [1, 2, literal_gates._MANY, literal_gates._MANY + 1, literal_gates._TRIE, literal_gates._TRIE + 1, 60])
@pytest.mark.parametrize("missing", [False, True])
def test_each_way_of_testing_a_gate_s_words_answers_the_plain_test(size, missing):
    """``_absent`` tests its words by ``in`` one by one, in one C-level pass or by a trie, by how
    many there are (the measure is at ``_MANY``): each answers ``not any(w in low for w in words)``."""
    words = frozenset(w + "§" for w in _words(size)) if missing else _words(size)
    gate = GatedPattern(re.compile("|".join(map(re.escape, sorted(words)))), words)
    for low in _TIER_TEXTS:
        assert gate._absent(low) == (not any(w in low for w in words)), (size, low)
        # ``search`` writes the same tests out: the plain pattern's answer either way
        assert _span(gate.search(low)) == _span(gate.plain.search(low)), (size, low)
        assert _span(gate.search(low.upper())) == _span(gate.plain.search(low.upper())), (size, low)
