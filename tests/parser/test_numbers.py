"""Number words become digits only where they state a measure or a bound."""

import pytest

from rules_engine.parser.numbers import spell_numbers


@pytest.mark.parametrize(
    "text,expected",
    [
        ("under twenty-one", "under 21"),
        ("Eighteen years or older", "18 years or older"),
        ("two times ULN", "2 times ULN"),
        ("at least eighteen (18) years of age", "at least 18 years of age"),
        ("age over sixty-five", "age over 65"),
        ("between eighteen and seventy years", "between 18 and 70 years"),
        ("one hundred percent", "100 percent"),
    ],
)
def test_number_words_that_state_a_measure_become_digits(text, expected):
    assert spell_numbers(text) == expected


@pytest.mark.parametrize("text", ["one of the following", "two prior regimens", "more than one of", "None of the above", "one-third"])
def test_number_words_that_count_things_are_kept(text):
    assert spell_numbers(text) == text


def test_a_long_text_of_number_words_is_read_in_bounded_time():
    import time

    # CPU time: a backtracking pattern costs CPU, while other work on the machine stretched the
    # wall clock of this 0.1 s read past the bound (seen in a run sharing two cores with others)
    started = time.process_time()
    spell_numbers("twenty-one " * 20000 + "years")
    assert time.process_time() - started < 1.0
