"""An inclusion that opens by saying what the patient has not had ("Have not received prior
CAR-T therapy", "Has never received an allogeneic transplant") asks for its absence. The
negation was read only after a subject ("Patients must not have received"), so a bare "Have not
received" asked for the therapy itself: a patient who had CAR-T met the line."""

from __future__ import annotations

import pytest

from rules_engine import rule_language
from rules_engine.criteria import CriterionType
from rules_engine.parser.line import parse_line

CASES = [
    ("Have not received prior CAR-T therapy", "not CAR-T"),
    ("Has not received prior CAR-T therapy", "not CAR-T"),
    ("Must have not received prior CAR T-cell therapy", "not CAR-T"),
    ("Have not had prior allogeneic transplant", "not allo-HSCT"),
    ("Has never received an allogeneic stem cell transplant", "not allo-HSCT"),
    ("Has not received chemotherapy within 2 weeks of initial dosing", "not chemotherapy within 2 weeks"),
    # the readings that already held stay as they were
    ("Have not received prior chemotherapy", "not chemotherapy"),
    ("Patients must not have received an allogeneic stem cell transplant", "not allo-HSCT"),
    ("No prior CAR-T therapy", "not CAR-T"),
]


@pytest.mark.parametrize("text,rule", CASES, ids=[c[0] for c in CASES])
def test_an_inclusion_that_opens_with_what_was_not_had_asks_for_its_absence(text, rule):
    assert rule_language.render(parse_line(text, CriterionType.INCLUSION).expr) == rule
