"""Where a window ends (issue 14, holdout T294-day-100): "within 100 days" covers its last day (a
record 100 days old is inside it), and "at least 100 days since" is met on day 100 itself, so it
is no record inside the window that ends the day before (``Window.exclusive``). Read as the
closed window's complement, "between 100 - 180 days after allogeneic stem cell transplantation"
refused the patient on day 100 the line admits. "More than 4 weeks since" stays the closed
window's complement: day 28 is not more than 4 weeks. Each case is judged by both evaluators,
for days, weeks and calendar months, and the rule language writes and reads the exclusive end.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, Op, Predicate, Window
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import parse_rule, render_rule
from rules_engine.semantics import changes_on
from rules_engine.snapshot import add_months, window_end
from tests.fixtures.judging import judged
from tests.fixtures.records import AS_OF, adult, procedure

MET, NOT_MET = Outcome.MET, Outcome.NOT_MET
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def allo(days_ago: int):
    return adult(procedure("allo_hsct", days_ago))


def months_ago(n: int) -> int:
    return (AS_OF - add_months(AS_OF, -n)).days


# (line, type, days since the transplant, outcome)
CASES = [
    ("Patients must be between 100 - 180 days after allogeneic stem cell transplantation", INC, 99, NOT_MET),
    ("Patients must be between 100 - 180 days after allogeneic stem cell transplantation", INC, 100, MET),
    ("Patients must be between 100 - 180 days after allogeneic stem cell transplantation", INC, 180, MET),
    ("Patients must be between 100 - 180 days after allogeneic stem cell transplantation", INC, 181, NOT_MET),
    ("At least 100 days since allogeneic stem cell transplantation", INC, 100, MET),
    ("At least 100 days since allogeneic stem cell transplantation", INC, 99, NOT_MET),
    ("At least 2 weeks since allogeneic stem cell transplantation", INC, 14, MET),
    ("At least 2 weeks since allogeneic stem cell transplantation", INC, 13, NOT_MET),
    ("At least 3 months since allogeneic stem cell transplantation", INC, months_ago(3), MET),
    ("At least 3 months since allogeneic stem cell transplantation", INC, months_ago(3) - 1, NOT_MET),
    # "more than": the bound itself is not more
    ("More than 4 weeks since allogeneic stem cell transplantation", INC, 28, NOT_MET),
    ("More than 4 weeks since allogeneic stem cell transplantation", INC, 29, MET),
    # "within" covers its last day
    ("Allogeneic stem cell transplantation within 100 days", EXC, 100, MET),
    ("Allogeneic stem cell transplantation within 100 days", EXC, 101, NOT_MET),
    ("Allogeneic stem cell transplantation within 3 months", EXC, months_ago(3), MET),
    ("Allogeneic stem cell transplantation within 3 months", EXC, months_ago(3) + 1, NOT_MET),
]


@pytest.mark.parametrize("text, ctype, days, expected", CASES)
def test_a_window_includes_the_boundary_day_its_words_include(text, ctype, days, expected):
    assert judged(parse_line(text, ctype), allo(days)) is expected


def test_at_least_since_is_written_and_read_back_as_an_exclusive_window():
    criterion = parse_line("At least 100 days since allogeneic stem cell transplantation", INC)
    rule = render_rule(criterion.expr)
    assert rule == "no allo-HSCT within 100 days exclusive"
    assert parse_rule(rule).expr == criterion.expr


def test_an_exclusive_window_is_kept_by_the_stored_json():
    window = Window(100.0, "days", exclusive=True)
    assert Window.from_json(window.to_json()) == window
    assert "exclusive" not in Window(100.0, "days").to_json()  # the closed window's JSON is as before


@pytest.mark.parametrize("window, last", [
    (Window(100.0, "days"), date(2026, 1, 1) + timedelta(days=100)),
    (Window(100.0, "days", exclusive=True), date(2026, 1, 1) + timedelta(days=99)),
    (Window(3.0, "months"), date(2026, 4, 1)),
    (Window(3.0, "months", exclusive=True), date(2026, 3, 31)),
])
def test_the_last_day_a_window_covers(window, last):
    assert window_end(date(2026, 1, 1), window) == last


def test_day_100_is_the_day_an_at_least_100_days_line_changes():
    pred = Predicate("allo_hsct", Op.NOT_WITHIN, window=Window(100.0, "days", exclusive=True))
    from rules_engine.snapshot import snapshot

    snap = snapshot(allo(90), AS_OF)
    assert changes_on(pred, snap, NOT_MET) == AS_OF + timedelta(days=10)
