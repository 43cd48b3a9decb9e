"""Why a state the record does not code is left to a person (``parser.review_reasons``): whether an
event on record gave symptoms ("History of symptomatic deep vein thrombosis", seed NCT06585345) is
the clinician's finding, as its severity or control is, and "The researchers assessed that ..."
is the investigators' judgement. The review stays in each line (a patient with the event is
unknown); only its reason is said, where it read "unparsed" or "unsupported"."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, ReviewReason
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.review_reasons import review_reason
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

EXC = CriterionType.EXCLUSION
DVT = "History of symptomatic deep vein thrombosis or pulmonary embolism within 6 months prior to enrollment"


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("History of symptomatic", ReviewReason.JUDGEMENT),
        ("asymptomatic", ReviewReason.JUDGEMENT),
        ("The researchers assessed that the subjects with other cardiovascular diseases are not suitable", ReviewReason.JUDGEMENT),
        ("symptomatic brain metastases", ReviewReason.UNSUPPORTED_CONCEPT),  # a concept word still names what is unread
        ("History of", ReviewReason.UNPARSED),
    ],
)
def test_a_state_qualifier_is_a_persons_judgement(words: str, reason: ReviewReason) -> None:
    assert review_reason(words) is reason


# (why, record, outcome): the review still decides nothing against the record
CASES: list[tuple[str, PatientFacts, Outcome]] = [
    ("no thrombosis on record: not excluded", adult(), Outcome.NOT_MET),
    ("a thrombosis two months ago: whether it was symptomatic is a person's", adult(condition("thromboembolism", 60)), Outcome.UNKNOWN),
    ("one two years ago is outside the window", adult(condition("thromboembolism", 800, active=False)), Outcome.NOT_MET),
]


@pytest.mark.parametrize(("facts", "expected"), [pytest.param(f, o, id=w) for w, f, o in CASES])
def test_a_symptomatic_event_stays_a_persons_for_a_patient_with_it(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(DVT, EXC), facts, AS_OF).outcome is expected
