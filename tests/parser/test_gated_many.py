"""``literal_gates.gated_many`` gates a pattern however many words it needs, and the residue's
unsupported-concept words behind it (``review_reasons._UNSUPPORTED``) answer as the plain pattern
on every corpus line."""

from __future__ import annotations

import re
import time

import pytest

import rules_engine.parser  # noqa: F401 - installs the gates before the parser's modules compile
from rules_engine.parser import literal_gates, review_reasons
from rules_engine.parser.literal_gates import GatedPattern, gated_many
from tests.fixtures.corpus_lines import _texts, available

MANY = re.compile(r"\b(?:" + "|".join(f"w{k}x" for k in range(40)) + r")\b", re.I)

# (text, whether the plain pattern finds a match)
CASES = [
    ("has W7X here", True),
    ("w39x", True),
    ("w7xy", False),  # the word holds but the boundary does not: searched, no match
    ("nothing of it", False),  # no word: turned away by the gate
    ("", False),
]


def test_many_words_are_gated():
    assert literal_gates.gated(MANY) is MANY  # more than gated() takes
    assert isinstance(gated_many(MANY), GatedPattern)


@pytest.mark.parametrize("text,expected", CASES)
def test_a_gated_pattern_of_many_words_answers_as_the_plain(text, expected):
    assert (MANY.search(text) is not None) is expected
    assert (gated_many(MANY).search(text) is not None) is expected


def test_unsupported_concepts_are_gated():
    assert isinstance(review_reasons._UNSUPPORTED, GatedPattern)


@pytest.mark.skipif(not available(), reason="the shared corpus is not here")
def test_unsupported_concepts_on_corpus_lines():
    gate = review_reasons._UNSUPPORTED
    texts = [line for file in ("ctgov", "csv") for t in _texts(file).values() for line in t.splitlines()]
    assert texts
    for text in texts:
        found, plain = gate.search(text), gate.plain.search(text)
        assert (found and found.span()) == (plain and plain.span()), text[:200]


def test_a_hostile_line_is_read_at_once():
    text = ("cance " * 4_000)[:20_000]
    started = time.process_time()
    assert review_reasons._UNSUPPORTED.search(text) is None
    assert time.process_time() - started < 1
