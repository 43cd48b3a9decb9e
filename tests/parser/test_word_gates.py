"""The parser's speed-ups give what the plain way gives: ``WordGates.live`` the rows whose gate
words occur (``any(w in low for w in words)`` row by row), ``extraction.extract`` (kept for the last
texts read) the reading of the topics run afresh."""

from __future__ import annotations

import itertools
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules_engine.criteria import CriterionType
from rules_engine.parser import extraction, normalize as normalize_module, remarks
from rules_engine.parser.clauses import split_clauses
from rules_engine.parser.extraction import extract
from rules_engine.parser.normalize import normalize
from rules_engine.parser.sections import split_criteria
from rules_engine.parser.topics import conditions, events
from rules_engine.parser.word_gates import WordGates
from tests.fixtures.corpus_lines import _texts, available

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def plain(rows: list[tuple[str, ...]], low: str) -> list[int]:
    return [k for k, words in enumerate(rows) if any(w in low for w in words)]


# -- WordGates against the plain test -------------------------------------------------------------

# (rows, lower-cased text, the rows whose words occur): words inside words, words that overlap,
# words that are prefixes of others, regex metacharacters, the empty word (in every text)
CASES = [
    ([("transfusion",), ("fusion",)], "prior transfusions", [0, 1]),
    ([("fusion",), ("transfusion",)], "gene fusion", [0]),
    ([("all",), ("allo",), ("allogeneic",)], "allogeneic hsct", [0, 1, 2]),
    ([("all",), ("allo",), ("allogeneic",)], "allo", [0, 1]),
    ([("allogeneic",), ("all",)], "alloge", [1]),
    ([("logen",), ("all",)], "allogeneic", [0, 1]),  # "logen" starts inside the "all..." match
    ([("aaa",), ("aa",)], "aaaa", [0, 1]),
    ([("r/r",), ("(≥", "( "), ("than /",)], "r/r aml, ( ≥ 3 )", [0, 1]),
    ([(".",), ("a.b",)], "a-b", []),
    ([("x",), ("",)], "nothing here", [1]),
    ([("x",), ("",)], "", [1]),
    ([("b", "c"), ("c",), ("d",)], "abc", [0, 1]),
    ([(), ("a",)], "a", [1]),  # a row without words never holds
    ([("ü",), ("ß",)], "grüße", [0, 1]),
]


@pytest.mark.parametrize("rows,low,expected", CASES)
def test_the_rows_whose_words_occur(rows, low, expected):
    assert plain(rows, low) == expected  # the table states the plain test's answer
    assert WordGates(rows).live(low) == expected


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.lists(st.text(alphabet="ab/(", min_size=0, max_size=4), max_size=3).map(tuple), min_size=1, max_size=8),
    low=st.text(alphabet="ab/( ", max_size=30),
)
def test_any_table_and_text_give_the_plain_rows(rows, low):
    assert WordGates(rows).live(low) == plain(rows, low)


# -- the parser's tables, on real registry lines --------------------------------------------------

TABLES = {
    "remarks": list(remarks._GATES),
    "normalize": [gate for _p, _r, gate in normalize_module._SUBS],
    "conditions": [gate for _c, _p, gate in conditions._CONDITIONS],
    "history": [gate for _c, _p, gate in events._HISTORY],
    "cancers": [gate for _c, _p, gate in events._CANCERS],
    "directed": [gate for _c, _p, gate in events._DIRECTED_RES],
    "diagnoses": [events._DIAG_GATES[c] for c, _p in events._DIAG_RES],
    "therapies": [events._THERAPY_GATES[c] for c, _p in events._THERAPY_RES],
}


def _corpus_lines(trials: int = 40, rows: list[tuple[str, ...]] | None = None) -> list[str]:
    """The lines of the first trials of each corpus file (the NSCLC studies and the older table
    of haematology and oncology trials), and with ``rows`` of the first trials whose text holds
    one of their words (the CAR-T and antibody names are in few)."""
    every = [t for file in ("ctgov", "csv") for t in _texts(file).values()]
    texts = [t for file in ("ctgov", "csv") for t in itertools.islice(_texts(file).values(), trials)]
    if rows is not None:
        texts += list(itertools.islice((t for t in every if plain(rows, t.lower())), trials))
    return [line.text for text in texts for line in split_criteria(text)]


@pytest.mark.skipif(not available(), reason="shared corpus not present")
@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_tables_live_rows_are_its_plain_gates_on_corpus_lines(name):
    rows = TABLES[name]
    gates = WordGates(rows)
    lows = [t.lower() for line in _corpus_lines(rows=rows) for t in (line, normalize(line))]
    assert len(lows) > 1000
    held = [low for low in lows if plain(rows, low)]
    assert len(held) > 20, "few lines open a gate: the comparison would prove little"
    assert [low for low in lows if gates.live(low) != plain(rows, low)] == []


@pytest.mark.skipif(not available(), reason="shared corpus not present")
def test_normalize_is_the_substitutions_applied_in_turn():
    """The one gate search per text gives what testing each row on the text as the rows before
    it left it gave."""

    def slow(text: str) -> str:
        marks = normalize_module._TRADE_MARK.sub(" ", text) if "®" in text or "™" in text else text
        text = normalize_module.spell_numbers(normalize_module._MD_ESCAPE.sub(r"\1", marks).translate(normalize_module._CHARS))
        text = normalize_module.run_on_seams(text)
        text = normalize_module._GLUED_MARK.sub(r"\1", text) if "R" in text else text
        text = normalize_module._similar_compounds(normalize_module._dose_cap(normalize_module._duty_periods(normalize_module._THOUSANDS.sub("", text))))
        low = text.lower()
        for pattern, repl, gate in normalize_module._SUBS:
            if any(g in low for g in gate):
                new = pattern.sub(repl, text)
                if new != text:
                    text, low = new, new.lower()
        return normalize_module._SPACES.sub(" ", text).strip()

    lines = _corpus_lines()
    changed = [line for line in lines if normalize.__wrapped__(line) != line]
    assert len(changed) > 100
    assert [line for line in lines if normalize.__wrapped__(line) != slow(line)] == []


# -- extract, kept for the texts last read --------------------------------------------------------

def _fields(items):
    return [(it.start, it.end, it.expr, it.concepts) for it in items]


@pytest.mark.skipif(not available(), reason="shared corpus not present")
def test_extract_gives_the_topics_reading_afresh():
    texts = [c for line in _corpus_lines(25) for c in split_clauses(normalize(line))]
    assert len(texts) > 300
    for text in texts:
        for ctype in (I, E):
            fresh = [tuple(f) for f in extraction._extract.__wrapped__(text, ctype)]  # the body, uncached
            assert _fields(extract(text, ctype)) == fresh
            assert _fields(extract(text, ctype)) == fresh  # the second call, from the cache


def test_a_caller_changing_its_items_changes_no_later_reading():
    text = "Known HIV infection or active hepatitis B"
    first = extract(text, E)
    assert first
    want = _fields(first)
    for it in first:
        it.start, it.end, it.expr = 0, 1, None
    again = extract(text, E)
    assert _fields(again) == want
    assert all(a is not b for a, b in zip(again, first))


def test_a_plain_string_type_is_not_read_as_the_enum():
    """The topics test ``ctype is CriterionType.INCLUSION``: a str "inclusion" equals the enum and
    hashes alike, so the cache must tell them apart (``typed``) to give what the topics give."""
    text = "anticoagulation allowed provided stable dose"  # the topics read it apart for the two
    as_str = cast(CriterionType, "inclusion")  # as a caller that never converted it passes it
    assert extraction._extract.__wrapped__(text, as_str) != extraction._extract.__wrapped__(text, I)
    for ctype in (as_str, I, as_str):
        assert _fields(extract(text, ctype)) == list(extraction._extract.__wrapped__(text, ctype))


@pytest.mark.skipif(not available(), reason="shared corpus not present")
def test_review_reason_kept_is_the_reason_read_afresh():
    from rules_engine.parser.review_reasons import review_reason

    lines = _corpus_lines(20)
    assert len({review_reason.__wrapped__(line) for line in lines}) > 2  # the lines give several reasons
    for line in lines + lines:  # the second pass from the cache
        assert review_reason(line) is review_reason.__wrapped__(line)
