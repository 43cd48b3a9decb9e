"""``word_gates.any_word``: its search finds a match exactly where one of its words is in the text
(``any(w in low for w in words)``), on made-up words and on the corpus's clauses with the drug
classes' gate words (``topics.events``)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules_engine.parser.topics import events
from rules_engine.parser.word_gates import any_word
from tests.fixtures.corpus_lines import _texts, available


def plain(words: list[str], low: str) -> bool:
    return any(w in low for w in words)


# (words, lower-cased text, whether one occurs): words inside words, prefixes of others, overlaps,
# regex metacharacters, the empty word (in every text), no words (in none)
CASES = [
    (["transfusion", "fusion"], "gene fusion", True),
    (["allogeneic", "all"], "alloge", True),
    (["allogeneic", "allo"], "al", False),
    (["aaa", "aab"], "aaab", True),  # "aab" starts inside the failed "aaa"
    (["pd-", "pd1"], "pd-l1 inhibitor", True),
    (["m-tor"], "mtor", False),
    (["a.b"], "a-b", False),
    (["(≥", "( "], "x ( ≥ 3", True),
    (["x", ""], "nothing", True),
    (["x", ""], "", True),
    ([], "anything", False),
    (["ü", "ß"], "grüße", True),
]


@pytest.mark.parametrize("words,low,expected", CASES)
def test_a_match_where_a_word_occurs(words, low, expected):
    assert plain(words, low) is expected  # the table states the plain test's answer
    assert (any_word(words).search(low) is not None) is expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab-(", min_size=0, max_size=4), max_size=6), st.text(alphabet="ab-( ", max_size=30))
def test_any_words_any_text(words, low):
    assert (any_word(words).search(low) is not None) is plain(words, low)


def _class_words() -> list[str]:
    return [w for _c, _p, gate in events.DRUG_CLASSES for w in gate]


@pytest.mark.skipif(not available(), reason="the shared corpus is not here")
def test_the_drug_classes_gate_on_corpus_clauses():
    words = _class_words()
    texts = [line.lower() for file in ("ctgov", "csv") for t in _texts(file).values() for line in t.splitlines()]
    assert texts
    for low in texts:
        assert (events._CLASS_GATE.search(low) is not None) is plain(words, low), low[:200]


def test_a_hostile_line_is_read_at_once():
    words = _class_words()
    low = ("pd" * 10_000)[:20_000]
    started = time.process_time()
    assert (events._CLASS_GATE.search(low) is not None) is plain(words, low)
    assert time.process_time() - started < 1
