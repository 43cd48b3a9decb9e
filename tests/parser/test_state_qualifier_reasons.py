"""Why words are left to a person (``parser.review_reasons``): "The researchers assessed that the
subjects with other cardiovascular and cerebrovascular diseases are not suitable for the study"
(seed NCT05744440) is the investigators' judgement, whatever disease or study word stands beside
it; it read "unsupported" because "cardiovascular" and "study" name concepts. Only the reason is
said: the review stays where it was."""

from __future__ import annotations

import pytest

from rules_engine.criteria import ReviewReason
from rules_engine.parser.review_reasons import review_reason


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("The researchers assessed that the subjects with other cardiovascular diseases", ReviewReason.JUDGEMENT),
        ("are not suitable for the study", ReviewReason.JUDGEMENT),
        ("patients unsuitable for this trial", ReviewReason.JUDGEMENT),
        ("Some cardiovascular diseases", ReviewReason.UNSUPPORTED_CONCEPT),  # no judgement said: the concept word still names what is unread
        ("History of symptomatic", ReviewReason.UNPARSED),  # a qualifier later readings may decide ("symptomatic heart failure": NYHA >= 2)
    ],
)
def test_the_researchers_assessment_is_a_persons_judgement(words: str, reason: ReviewReason) -> None:
    assert review_reason(words) is reason
