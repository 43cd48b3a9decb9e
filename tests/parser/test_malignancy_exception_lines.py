"""Another malignancy excepting named cancers *and* other cancers beyond a span or a judgement
("Prior malignancy, except for adequately treated basal cell or squamous cell skin cancer, in
situ cervical cancer, or other cancer from which the subject has been disease free for at least
2 years"): the named cancers are not another malignancy, resolved or active (one the line would
count keeps the exception's words as a review), while any other cancer the line counts stays counted and left
only to the exception's own review, never cleared by the record."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
AML = "Diagnosis of relapsed or refractory acute myeloid leukemia"

SPAN = ("Prior malignancy, except for adequately treated basal cell or squamous cell skin cancer, in situ cervical cancer, "
        "or other cancer from which the subject has been disease free for at least 2 years")
CURED = ("Other cancers except in situ carcinoma of the cervix, basal or squamous cell skin cancer, or any other cancer "
         "considered adequately treated and cured by the investigator")
FOLLOWING = ("Prior malignancy except the following: adequately treated basal cell or squamous cell skin cancer, or any other "
             "cancer from which the patient has been disease-free for at least 5 years")


def record(events: dict[str, tuple[int, bool]]) -> PatientFacts:
    evs = {c: (Event(c, AS_OF - timedelta(days=d), active, {}),) for c, (d, active) in events.items()}
    return PatientFacts(date(1960, 1, 1), "male", {}, evs)


def outcome(line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, AML), (E, line)])))
    return evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome


OWN = {"aml": (100, True)}
CASES = [
    # a resolved basal cell carcinoma: the excepted cancer, never another one; no longer active,
    # it is the "adequately treated" one the exception names (topics.skin_exception)
    (SPAN, OWN | {"nonmelanoma_skin_cancer": (300, False)}, NOT_MET),
    (FOLLOWING, OWN | {"nonmelanoma_skin_cancer": (300, False)}, NOT_MET),
    (CURED, OWN | {"nonmelanoma_skin_cancer": (300, False)}, NOT_MET),
    # an active one: whether it is "adequately treated" is a person's
    (SPAN, OWN | {"nonmelanoma_skin_cancer": (300, True)}, UNKNOWN),
    # another cancer the exception does not name, inside the span: still excluded
    (SPAN, OWN | {"nonmelanoma_skin_cancer": (300, False), "breast_cancer": (400, False)}, MET),
    (FOLLOWING, OWN | {"breast_cancer": (400, False)}, MET),
    # an active other cancer beside the excepted one is never cleared by the record: active
    # today, it is no cancer the patient has been disease free from for 2 years (excluded)
    (SPAN, OWN | {"nonmelanoma_skin_cancer": (300, True), "lung_cancer": (200, True)}, MET),
    (CURED, OWN | {"lung_cancer": (200, True)}, UNKNOWN),
    # beyond the span: not counted
    (SPAN, OWN | {"breast_cancer": (2000, False)}, NOT_MET),
    (SPAN, OWN, NOT_MET),
]


@pytest.mark.parametrize("line,events,expected", CASES)
def test_named_exceptions_of_a_widened_exception_are_not_another_malignancy(line, events, expected):
    assert outcome(line, record(events)) is expected
