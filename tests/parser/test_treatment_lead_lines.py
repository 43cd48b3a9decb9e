"""A therapy named after "treatment with" (issue 14): "Prior treatment with any CAR-T cell therapy",
"Previous therapy with any investigational agents within 28 days", "Concomitant treatment with
steroids" — the usual wording of today's cell-therapy trials and 23 corpus lines. Left as words,
"Prior treatment with any" was a review beside the therapy, so a patient given CAR-T was only
possibly excluded by a CAR-T trial. A count or a duration around the words ("Only one prior
treatment with ...", "... for more than 2 months") keeps them for a person.

And a span of time no topic read beside a history asked ever ("chemotherapy <= 21 days",
"Have had chemotherapy (or an EGFR TKI) 4 weeks prior to enrollment"): its words are stop words and its number
no word, so it vanished and the history stood for ever. It is now the review of the history before
it (a patient treated years ago is unknown, never excluded by it; one never treated is not).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
CAR_T = adult(procedure("car_t", 200))
CHEMO_LONG_AGO = adult(medication("chemotherapy", 900))
CHEMO_RECENT = adult(medication("chemotherapy", 10))
INVESTIGATIONAL_RECENT = adult(medication("investigational_agent", 10))
INVESTIGATIONAL_OLD = adult(medication("investigational_agent", 400))

ROWS = [
    ("Prior treatment with any CAR-T cell therapy", E, [CAR_T], [CLEAN, CHEMO_RECENT], []),
    ("Previous treatment with CAR-T cells", E, [CAR_T], [CLEAN], []),
    ("Prior treatment with any chemotherapy", E, [CHEMO_LONG_AGO, CHEMO_RECENT], [CLEAN, CAR_T], []),
    ("Previous therapy with any investigational agents within 28 days before study entry", E, [INVESTIGATIONAL_RECENT], [CLEAN, INVESTIGATIONAL_OLD], []),
    # -- a count before the words stays a person's
    ("Only one prior treatment with systemic chemotherapy", I, [], [CLEAN], [CHEMO_LONG_AGO]),
    # -- an unread span of time is the history's review, never its absence nor forever
    ("chemotherapy ≤ 21 days", E, [], [CLEAN], [CHEMO_LONG_AGO, CHEMO_RECENT]),
    ("Have had chemotherapy (or an EGFR TKI) 4 weeks prior to enrollment.", E, [], [CLEAN], [adult(medication("egfr_inhibitor", 900))]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_therapy_named_after_treatment_with_is_read_whole(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    ["Absolute neutrophil count ≥ 1.5 x 10^9/L obtained within 14 days prior to randomization", "Transient ischemic attack within 6 months prior to Cycle 1 Day 1"],
)
def test_the_time_a_measurement_was_taken_or_a_cycle_day_is_no_unread_span(text: str) -> None:
    """Remarks say when a value was measured; "Cycle 1 Day 1" is the study's day: neither is a review."""
    assert "review" not in repr(parse_line(text, CriterionType.INCLUSION if "count" in text else E).expr).lower()


# spans counted back as registries also write them: "within the preceding 4 weeks", "in 4 weeks prior
# to study entry", "within (<) 4 weeks" (31 corpus lines; their span was unread, then a review)
WINDOWS = [
    ("Prior treatment with any investigational drug within the preceding 4 weeks", E, [INVESTIGATIONAL_RECENT], [CLEAN, INVESTIGATIONAL_OLD], []),
    ("Any investigational agents within (<) 4 weeks prior to study enrollment.", E, [INVESTIGATIONAL_RECENT], [CLEAN, INVESTIGATIONAL_OLD], []),
    ("No investigational drugs in 4 weeks prior to study entry", I, [CLEAN, INVESTIGATIONAL_OLD], [INVESTIGATIONAL_RECENT], []),
    ("No treatment with investigational drugs in 4 weeks prior to or during this study", I, [CLEAN, INVESTIGATIONAL_OLD], [INVESTIGATIONAL_RECENT], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(WINDOWS))
def test_a_span_counted_back_is_read_however_written(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
