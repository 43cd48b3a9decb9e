"""An unresolved toxicity of prior therapy absent from the record is none (derive.ABSENT_IS_NONE):
a toxicity is an adverse event, which hospitals record as a Condition when there is one, so the
contract's absent-means-absent rule for diagnoses applies, not the measurement rule. Both
evaluation paths agree, and the reason says the record holds none."""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import Op, Predicate
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from tests.rules_engine.conftest import AS_OF, decide

NONE_RECORDED = PatientFacts(date(1980, 1, 1), "male", {}, {})
GRADE_2 = PatientFacts(date(1980, 1, 1), "male", {"toxicity_grade": (Measurement("toxicity_grade", 2, None, AS_OF),)}, {})


@pytest.mark.parametrize(
    "pred, facts, expected",
    [
        (Predicate("toxicity_grade", Op.GT, 1), NONE_RECORDED, Outcome.NOT_MET),  # "unresolved toxicity > grade 1" excludes nobody without one
        (Predicate("toxicity_grade", Op.LTE, 1), NONE_RECORDED, Outcome.MET),  # "resolved to grade <= 1" holds
        (Predicate("toxicity_grade", Op.GT, 1), GRADE_2, Outcome.MET),  # a recorded grade still decides
        (Predicate("toxicity_grade", Op.LTE, 1), GRADE_2, Outcome.NOT_MET),
    ],
    ids=["none-excludes-nobody", "none-is-resolved", "grade-2-excluded", "grade-2-unresolved"],
)
def test_a_toxicity_absent_from_the_record_is_none(pred, facts, expected):
    assert decide(pred, facts).outcome is expected


def test_the_reason_says_none_is_on_record():
    reason = decide(Predicate("toxicity_grade", Op.GT, 1), NONE_RECORDED).reason
    assert reason.startswith("no unresolved toxicity of prior therapy on record: grade 0")


def test_a_lab_absent_from_the_record_stays_unknown():
    assert decide(Predicate("creatinine", Op.LTE, 1.5, "mg/dL"), NONE_RECORDED).outcome is Outcome.UNKNOWN
