"""The connectors between a line's items are matched against list patterns; a long connector
(an exception in brackets blanked to spaces, as the combining sees it) must fail them in bounded
time. ``_LIST_AND`` had three whitespace runs side by side and took ~0.7 s a call on a
290-character connector (a corpus exclusion with a bracketed list of exceptions took 2.7 s)."""

from __future__ import annotations

import time

import pytest

from rules_engine.parser.combining import _LIST_AND


@pytest.mark.parametrize("connector", [" " * 2000 + "x", " )" * 1000 + "x", " ( " * 700 + "x"])
def test_a_long_connector_fails_the_list_pattern_in_bounded_time(connector: str) -> None:
    start = time.perf_counter()
    assert _LIST_AND.fullmatch(connector) is None
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


@pytest.mark.parametrize("connector", [" and ", ", and ", ") and prior ", " (HIV) and ", ", and/or active ", " & ", "   "])
def test_the_list_pattern_still_takes_a_lists_and(connector: str) -> None:
    assert _LIST_AND.fullmatch(connector) is not None
