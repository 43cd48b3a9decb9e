"""A concurrent course beside the trial's own interval since the last course
(``rules_engine.parser.interval_courses``): "No other concurrent chemotherapy" in a trial that
also writes "At least 3 weeks since prior chemotherapy" decides against a course on record now
only, and leaves one in the 8 weeks before to a person; the interval line weighs the recent past.
A trial with no interval for the therapy keeps the 4-week reading. Rows are corpus wordings
(paraphrased), the trial's lines as an importer splits them.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_lines
from rules_engine.parser.interval_courses import intervals
from rules_engine.rule_language import render_rule

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
OPEN = 'review ambiguous "whether a course given 4 to 8 weeks ago is still under way"'
SINCE = "review ambiguous \"whether a course given in the last 8 weeks is still under way (the trial's own interval since the last course weighs its time)\""


def course(concept: str) -> str:
    return f"{concept} within 28 days or ({concept} within 56 days and {OPEN})"


def now(concept: str) -> str:
    return f"{concept} within 0 days or ({concept} within 56 days and {SINCE})"


def rendered(lines: list[tuple[CriterionType, str, int | None]], index: int) -> str:
    c = parse_lines(lines)[index]
    return render_rule(c.expr, c.applies_if)


CASES = [
    # the PDQ layout: an interval line and a concurrent line under "PRIOR CONCURRENT THERAPY:"
    (
        "an interval since prior chemotherapy narrows its concurrent line",
        [(I, "PRIOR CONCURRENT THERAPY:", None), (I, "At least 3 weeks since prior chemotherapy", 0), (I, "No other concurrent chemotherapy", 0)],
        2,
        f"not ({now('chemotherapy')})",
    ),
    (
        "an interval with its exception still narrows the concurrent line",
        [(I, "At least 2 weeks since prior cytotoxic therapy except in patients with rapidly progressing disease", None),
         (I, "No other concurrent standard or investigational treatment for this cancer", None)],
        1,
        f"not ({now('anticancer-therapy')})",
    ),
    (
        "an exclusion's 'receiving any other treatment' beside an inclusion's interval for chemotherapy",
        [(I, "At least 2 weeks since prior chemotherapy", None), (E, "Patients receiving any other standard or investigational treatment for their hematologic malignancy.", None)],
        1,
        now("anticancer-therapy"),
    ),
    (
        "an exclusion's own window is an interval too",
        [(E, "Radiotherapy within 3 weeks before study entry", None), (E, "Concurrent radiotherapy", None)],
        1,
        now("radiotherapy"),
    ),
    (
        "no interval in the trial: the 4-week reading stays",
        [(I, "No other concurrent chemotherapy", None), (I, "ECOG performance status 0-2", None)],
        0,
        f"not ({course('chemotherapy')})",
    ),
    (
        "an interval for another therapy covers none but its own",
        [(I, "At least 4 weeks since prior radiotherapy", None), (I, "No concurrent immunotherapy", None)],
        1,
        f"not ({course('immunotherapy')})",
    ),
    (
        "a history of the therapy is no interval",
        [(E, "Prior chemotherapy", None), (I, "No concurrent chemotherapy", None)],
        1,
        f"not ({course('chemotherapy')})",
    ),
    (
        "an inclusion asking for a recent course is no interval",
        [(I, "Must have received chemotherapy within the past 6 months", None), (I, "No concurrent chemotherapy", None)],
        1,
        f"not ({course('chemotherapy')})",
    ),
]


@pytest.mark.parametrize(("what", "lines", "index", "expected"), CASES, ids=[c[0] for c in CASES])
def test_concurrent_course_beside_an_interval(what: str, lines: list[tuple[CriterionType, str, int | None]], index: int, expected: str) -> None:
    assert rendered(lines, index) == expected, what


def test_a_line_timing_its_own_concurrent_therapy_is_no_interval() -> None:
    """ "Concurrent anti-cancer therapy (...) within 3 weeks of starting study treatment" says its
    own time: it narrows no concurrent reading, its own included."""
    lines = [(E, "Concurrent anti-cancer therapy (chemotherapy, radiation therapy, surgery, immunotherapy) within 3 weeks of starting study treatment.", None)]
    assert intervals(parse_lines(lines)) == frozenset()
    assert course("anticancer-therapy") in rendered(lines, 0)


def test_hostile_trial_is_read_in_time() -> None:
    lines = [(I, "At least 3 weeks since prior chemotherapy " + "and no concurrent chemotherapy " * 40, None), (I, "No concurrent chemotherapy " + "x" * 20000, None)]
    start = time.monotonic()
    parse_lines(lines)
    assert time.monotonic() - start < 20
