"""An antithrombotic record coded as a kind a bleeding line permits by name (aspirin, a low molecular
weight heparin) is that kind's record, not one of the wider class as well (organ18; holdout T315).

"Patient must not receive drugs that interfere with coagulation or inhibits platelet function, with
the exception of aspirin <= 150 mg per day or low molecular weight heparin": written as a record of
the class itself too, the aspirin was "a record of antiplatelet therapy that may be any kind of it",
so a patient on aspirin 81 mg (or enoxaparin) stayed unknown. The engine derives the class from the
kind, so a line asking the class alone still sees it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from matcher.intake import normalise
from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.reference import evaluate_reference

from intake_helpers import ATC, RXNORM, bundle, medication

AS_OF = date(2026, 11, 22)
BLEEDING = ("Patient must not receive drugs that interfere with coagulation or inhibits platelet function, "
            "with the exception of aspirin ≤ 150 mg per day or low molecular weight heparin.")


def dosed_aspirin(mg: int) -> dict[str, Any]:
    resource = medication(f"aspirin {mg} MG Oral Tablet", system=RXNORM, code="1191")
    resource["dosage"] = [{"text": f"{mg} mg 1 times a day", "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
                           "doseAndRate": [{"doseQuantity": {"value": mg, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}]
    return resource


def outcome(line: str, *resources: dict[str, Any]) -> Outcome:
    facts = normalise(bundle(*resources), as_of=AS_OF).facts
    criterion = parse_line(line, CriterionType.EXCLUSION)
    return evaluate_reference(TrialCriteria("NCT00000100", 1, (criterion,)), facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize("resource,concepts,absent", [
    (medication(system=ATC, code="B01AC06"), {"aspirin_therapy"}, {"antiplatelet_therapy"}),
    (medication(system=RXNORM, code="1191"), {"aspirin_therapy"}, {"antiplatelet_therapy"}),
    (medication(system=ATC, code="B01AB05"), {"low_molecular_weight_heparin"}, {"anticoagulant_therapy"}),
    # a class with no narrower kind read stays the class's own record
    (medication(system=ATC, code="B01AC24"), {"antiplatelet_therapy"}, set()),
    (medication("Eliquis 5 mg tablet"), {"anticoagulant_therapy"}, set()),
])
def test_a_kind_is_recorded_without_its_class(resource, concepts, absent):
    events = set(normalise(bundle(resource), as_of=AS_OF).facts.events)
    assert concepts <= events and not absent & events


@pytest.mark.parametrize("line,resource,expected", [
    # the permitted kinds: the exception covers them (aspirin up to its dose, which a record with
    # no dosage leaves unknown: never cleared by the kind alone)
    (BLEEDING, dosed_aspirin(81), Outcome.NOT_MET),
    (BLEEDING, dosed_aspirin(325), Outcome.MET),
    (BLEEDING, medication("aspirin 81 MG Oral Tablet", system=RXNORM, code="1191"), Outcome.UNKNOWN),
    (BLEEDING, medication(system=ATC, code="B01AB05"), Outcome.NOT_MET),
    # another kind of the class still excludes
    (BLEEDING, medication(system=ATC, code="B01AC24"), Outcome.MET),
    (BLEEDING, medication("Eliquis 5 mg tablet"), Outcome.MET),
    # the class asked alone is derived from the kind
    ("Concurrent antiplatelet therapy", medication(system=ATC, code="B01AC06"), Outcome.MET),
    ("Concurrent anticoagulant therapy", medication(system=ATC, code="B01AB05"), Outcome.MET),
])
def test_the_permitted_kind_decides_the_bleeding_line(line, resource, expected):
    assert outcome(line, resource) is expected
