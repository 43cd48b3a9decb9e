"""Calendar months as windows read them: plain arithmetic that must agree with dateutil."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from rules_engine.snapshot import add_months, elapsed_months


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(min_value=-24, max_value=600))
def test_adding_months_agrees_with_relativedelta(day, months):
    assert add_months(day, months) == day + relativedelta(months=months)


@pytest.mark.parametrize(
    "start,end,months",
    [
        (date(2026, 8, 22), date(2026, 11, 22), 3.0),
        (date(2026, 1, 31), date(2026, 2, 28), 1.0),  # the end of February is a month after 31 January
        (date(2024, 1, 31), date(2024, 2, 29), 1.0),
        (date(2026, 11, 22), date(2026, 12, 7), 15 / 30),  # 22 November to 22 December is 30 days
    ],
)
def test_elapsed_months_counts_whole_months_and_the_fraction_of_the_next(start, end, months):
    assert elapsed_months(start, end) == pytest.approx(months)
