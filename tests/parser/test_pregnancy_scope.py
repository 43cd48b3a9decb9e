"""A pregnancy test is asked of women only, also on a line that names men too ("Pregnancy test
must be negative, and ... Fertile male patients ... must agree to use contraception", a seed
trial's line): men were asked for a test they cannot have, and every man's line was unknown (not
review), so he was possibly eligible at best."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, result

LINE = (
    "Pregnancy test must be negative, and fertile non-abstinent female patients must agree to use effective "
    "contraception. Fertile male patients with fertile partners must agree to use effective contraception"
)
NEGATIVE, POSITIVE = "negative", "positive"


@pytest.mark.parametrize(
    ("record", "outcome"),
    [
        (adult(), Outcome.MET),  # a man: not concerned
        (adult(result("pregnancy_test", NEGATIVE, 3), word="female"), Outcome.UNKNOWN),  # her agreement is a person's
        (adult(word="female"), Outcome.UNKNOWN),
        (adult(result("pregnancy_test", POSITIVE, 3), word="female"), Outcome.NOT_MET),
    ],
)
def test_a_pregnancy_test_on_a_line_that_concerns_men_too_is_asked_of_women(record, outcome):
    got = evaluate(parse_line(LINE, CriterionType.INCLUSION), record, AS_OF)
    assert got.outcome is outcome


def test_a_womans_missing_test_is_missing_data_not_review():
    woman = evaluate(parse_line(LINE, CriterionType.INCLUSION), adult(word="female"), AS_OF)
    assert not woman.review
