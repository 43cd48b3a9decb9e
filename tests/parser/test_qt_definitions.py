"""A marked QT prolongation defined by its QTc bound (parser.qt_definitions).

"No marked baseline prolongation of QT/QTc interval (e.g., repeated demonstration of a QTc
interval > 500 msec)" and its variants (9 corpus lines, holdout T145): the bound is what the
prolongation means and "repeated demonstration of" is how it is established, so the QTc on record
decides. Before, the subject's words and the method were reviews beside the bound (unknown for
every record).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.qt_definitions import qt_definitions
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize(
    "text, ctype, rule",
    [
        (
            "No marked baseline prolongation of QT/QTc interval (e.g., repeated demonstration of a QTc interval > 500 msec)",
            INC,
            "not QTc > 500 ms",
        ),
        (
            "Marked baseline prolongation of QT / QTc interval, for example repeated demonstration of a QTc interval> 500 msec; long QT syndrome",
            EXC,
            "QTc > 500 ms or long-QT-syndrome",
        ),
        (
            "Marked screening or baseline prolongation of QT/QTc interval using the Fridericia formula (ie, repeated demonstration of a QTc interval > 450 msec)",
            EXC,
            "QTc > 450 ms",
        ),
        # the bound by sex, and the formula's words after it (a method, parser.remarks)
        (
            "Patients presenting with marked baseline prolongation of QT/QTc interval defined as repeated demonstration of a QTc interval ≥450 ms (males) "
            "and ≥460 ms (females) using Fridericia's correction formula",
            EXC,
            "(sex is male and QTc >= 450 ms) or (sex is female and QTc >= 460 ms)",
        ),
        # the method alone, after another bound
        (
            "QTc interval >460 msec (males) or >470 msec (females); or repeated demonstration of a QTc interval >450 msec.",
            EXC,
            "(sex is male and QTc > 460 ms) or (sex is female and QTc > 470 ms) or QTc > 450 ms",
        ),
    ],
)
def test_the_prolongation_is_its_qtc_bound(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


@pytest.mark.parametrize(
    "text",
    [
        # no bound after the subject: nothing to read it by
        "marked baseline prolongation of QT/QTc interval",
        "Marked prolongation of the QT interval, per investigator",
    ],
)
def test_a_prolongation_without_a_bound_is_left_as_written(text):
    assert qt_definitions(text) == text


def qtc(ms: float):
    return lab("qtc", ms, "ms")


LINE = "No marked baseline prolongation of QT/QTc interval (e.g., repeated demonstration of a QTc interval > 500 msec)"
ROWS = [
    # (line, type, met, not met, unknown)
    (LINE, INC, (adult(qtc(430)),), (adult(qtc(520)),), (adult(),)),
    (
        "Marked baseline prolongation of QT/QTc interval (e.g., repeated demonstration of a QTc interval > 450 msec)",
        EXC,
        (adult(qtc(470)),),
        (adult(qtc(420)),),
        (adult(),),
    ),
]


@pytest.mark.parametrize("text, ctype, facts, expected", outcome_cases(ROWS))
def test_the_qtc_on_record_decides(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize(
    "worst",
    [
        "marked baseline prolongation of QT/QTc interval " + "(e.g., " * 8000 + "QTc > 500",
        "repeated demonstration of a " * 2000 + "QTc > 450",
        "marked screening or baseline or screening " * 1300 + "prolongation of QTc",
    ],
)
def test_the_rewrite_is_linear_on_adversarial_text(worst):
    assert len(worst) >= 50_000
    start = time.perf_counter()
    qt_definitions(worst)
    assert time.perf_counter() - start < 0.5  # generous: linear, a few ms on an idle machine
