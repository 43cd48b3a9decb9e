"""The biomarker topic's gate (``topics.biomarkers.names_a_marker``: a trie of its words and a
pattern for its two spaced names) answers as the one alternation it replaced, on made-up clauses
and on every corpus line."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules_engine.parser.topics.biomarkers import names_a_marker
from tests.fixtures.corpus_lines import _texts, available

# the gate as it was written: one alternation, case as written
PLAIN = re.compile(
    r"ABL|Abl|abl|T\s?315|EGFR|ALK|BRAF|MLL|ROS|RET|NTRK|RAS|ras|ERBB|ErbB|BRCA|PIK3|TP53|FLT|NPM|IDH|KMT2A|MLL|BCR|bcr|HER|ER|PR|PgR|"
    r"[Hh]ormone|[Ee]strogen|[Oo]estrogen|[Pp]rogesterone|triple|TNBC|PD|Ph|[Pp]rogrammed|TPS|t\s*\(\s*9|[Ww]ild|epidermal"
)

CASES = [
    ("EGFR mutation", True),
    ("Her2 positive", False),  # case as written: "HER" only
    ("HER2-positive breast cancer", True),
    ("Philadelphia chromosome", True),  # "Ph"
    ("T315I mutation", True),
    ("T 315I", True),
    ("t(9;22)", True),
    ("t ( 9;22)", True),
    ("no prior chemotherapy", False),
    ("oestrogen receptor", True),
    ("Wild-type KRAS", True),
    ("", False),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_the_gate_on_clauses(text, expected):
    assert (PLAIN.search(text) is not None) is expected  # the table states the alternation's answer
    assert names_a_marker(text) is expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ERPDHhTt(9315 Bb", max_size=30))
def test_the_gate_on_any_text(text):
    assert names_a_marker(text) is (PLAIN.search(text) is not None)


@pytest.mark.skipif(not available(), reason="the shared corpus is not here")
def test_the_gate_on_corpus_lines():
    texts = [line for file in ("ctgov", "csv") for t in _texts(file).values() for line in t.splitlines()]
    assert texts
    for text in texts:
        assert names_a_marker(text) is (PLAIN.search(text) is not None), text[:200]


def test_a_hostile_line_is_read_at_once():
    text = ("t (" * 7_000)[:20_000]
    started = time.process_time()
    assert names_a_marker(text) is (PLAIN.search(text) is not None)
    assert time.process_time() - started < 1
