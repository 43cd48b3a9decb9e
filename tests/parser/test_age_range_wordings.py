"""An age range whose lower end carries its own unit and "old" / "of age" ("18 years of age to 80
years of age", "between 18 years old and 75 years old, inclusive"): read as the range, its words
never left to review (the lower bound's words broke the pattern, so the line lost its age bound
and a patient of 82 met "Eighteen years of age to 80 years of age at the time of signing the
informed consent document", holdout T191). Rows: a corpus wording, its reading."""

from __future__ import annotations

import pytest

from tests.fixtures.judging import rule_of

ROWS = [
    ("18 years of age to 80 years of age", "age between 18 and 80 years"),
    ("Eighteen years of age to 80 years of age at the time of signing the informed consent document", "age between 18 and 80 years"),
    ("Subject is between 18 years old and 75 years old, inclusive", "age between 18 and 75 years"),
    ("Between 18 years of age and 80 years of age", "age between 18 and 80 years"),
    ("18 years of age through 80 years of age", "age between 18 and 80 years"),
    ("Patients between 18 years of age and 65 years of age with an ECOG performance status of 0, 1 or 2", "age between 18 and 65 years and ECOG <= 2"),
    # the words a range reads are the patient's age only: "of age" after a count of years of something else is not
    ("Completed 2 years of age and 3 years of therapy", "review unparsed"),
]


@pytest.mark.parametrize("text, reading", ROWS)
def test_an_age_range_with_a_unit_at_each_end_is_read(text: str, reading: str) -> None:
    assert rule_of(text) == reading
