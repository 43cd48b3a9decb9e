"""The line cache answers a top-level line and the same words under a heading apart: whether a line
stands alone is part of what its reading is a function of (``parse_line`` reads a note of its own
as a permission that asks nothing, and the same note under a heading as the exception the heading
is read with). Keyed without it, an import read one line as the other."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser.line import parse_line
from trials.parse_cache import LineCache

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

# (text, type): words read one way alone and another under a heading
CASES = [
    ("Note: Prior use of bevacizumab is allowed.", I),
    ("Note: Prior use of bevacizumab is allowed.", E),
]


@pytest.mark.parametrize(("text", "ctype"), CASES)
def test_the_case_differs_alone_and_under_a_heading(text, ctype):
    assert parse_line(text, ctype, parent=None).expr != parse_line(text, ctype, parent=0).expr


@pytest.mark.parametrize(("text", "ctype"), CASES)
@pytest.mark.parametrize(("first", "then"), [(None, 3), (3, None), (3, 5)])
def test_the_cached_answer_is_the_plain_one_whichever_came_first(text, ctype, first, then):
    cache = LineCache()
    cache(text, ctype, parent=first)
    assert cache(text, ctype, parent=then) == parse_line(text, ctype, parent=then)
