"""A window written before the colon that opens a list dates every item of it, whatever date it
counts back from and whatever verdict stands between ("... the following within 6 months prior to
study entry are not eligible: unstable angina, myocardial infarction (MI), stroke, ...", "Within 6
months of enrollment: ..."), and past an item's abbreviation in brackets ("myocardial infarction
(MI), stroke"). Dated for the first item only, an infarction years ago excluded the patient."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

E = CriterionType.EXCLUSION

RECENT_MI = condition("myocardial_infarction", days_ago=60)
OLD_MI = condition("myocardial_infarction", days_ago=1500)
OLD_STROKE = condition("stroke", days_ago=1500)
RECENT_STROKE = condition("stroke", days_ago=30)

ROWS = [
    # (type, text, met, not met, unknown)
    (E, "Patients with any of the following within 6 months prior to study entry are not eligible: unstable angina, myocardial infarction (MI), stroke",
     [adult(RECENT_MI), adult(RECENT_STROKE)], [adult(OLD_MI), adult(OLD_STROKE)], []),
    (E, "Within 6 months of enrollment: unstable angina (UA), myocardial infarction (MI), stroke",
     [adult(RECENT_MI), adult(RECENT_STROKE)], [adult(OLD_MI), adult(OLD_STROKE)], []),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_window_before_the_colon_dates_every_listed_event(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected
