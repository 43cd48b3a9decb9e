"""An organ-function requirement filed among the exclusions (rules_engine.parser.misfiled_requirements).

"Carbon monoxide diffusing capability test (DLCO) > 60% predicted ...", "Platelet count > 100,000/mm^3",
"Creatinine < 1.5 mg/dL", "PT/PTT within normal range" under the exclusions: the bound is the adequate
value a trial asks for. What excludes is the requirement unmet, so a DLCO of 50% is excluded (read as
written it passed, holdout T254-dlco) and a normal count is not.

Left as read: a high value that is a real exclusion ("Platelets > 1,000,000"), a bound on the bad side
("Creatinine > 1.5 mg/dL"), an inclusion, a performance scale (a misread "72 hours" is no Karnofsky bound).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import All, CriterionType, Op, Predicate, Review, ReviewReason, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.misfiled_requirements import requirement_unmet
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, bilirubin, creatinine, lab, platelets

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
DLCO = "Carbon monoxide diffusing capability test (DLCO) > 60% predicted and in children- room air oxygen saturation > 92%"
PLATELETS = "Must have a platelet count > 100,000/mm^3"
CREATININE = "Creatinine < 1.5 mg/dL"


def decide(ctype: CriterionType, line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000096", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize("line, read", [
    (DLCO, 'not (DLCO > 60 % and spo2 > 92 % and review unparsed "in children-")'),
    (PLATELETS, "not platelets > 100 10*9/L"),
    (CREATININE, "not creatinine < 1.5 mg/dL"),
    ("PT/PTT within normal range", "not (PT <= 1 x ULN and APTT <= 1 x ULN)"),
    ("Must have a platelet count >75,000.", "not platelets > 75 10*9/L"),
    # a list is the requirement's: every bound together (the exclusion's "or", negated, excluded
    # only a patient failing them all); an "or" the text writes stays one
    ("Creatinine < 1.5 mg/dL, bilirubin < 1.5 mg/dL", "not (creatinine < 1.5 mg/dL and bilirubin < 1.5 mg/dL)"),
    ("Creatinine < 1.5 mg/dL or creatinine clearance > 60 mL/min", "not (creatinine < 1.5 mg/dL or creatinine-clearance > 60 mL/min)"),
    ("Baseline blood pressure of < or equal to 150/100 mmHg.", "not (systolic-BP <= 150 mm[Hg] and diastolic-BP <= 100 mm[Hg])"),
])
def test_an_adequacy_bound_among_the_exclusions_excludes_when_unmet(line: str, read: str) -> None:
    assert render_rule(parse_line(line, EXC).expr) == read


@pytest.mark.parametrize("ctype, line", [
    (EXC, "Platelets > 1,000,000/uL"),  # a real exclusion of a high count: past the adequate range
    (EXC, "Creatinine > 1.5 mg/dL"),  # the bad side: an exclusion as written
    (EXC, "Hemoglobin > 16.5 g/dL"),
    (EXC, "Systolic blood pressure < 90 mmHg"),  # hypotension: a real exclusion of a low pressure
    (EXC, "Blood pressure > 150/90 mmHg"),
    # a bare blood count within the adequate range may be a real exclusion of a trial asking for a
    # low count (an anaemia or thrombocytopenia drug): turned, it would let in whom it excludes
    (EXC, "Hemoglobin > 11 g/dL"),
    (EXC, "Platelet count > 100,000/mm^3"),
    (EXC, "ANC > 1,500/mm^3"),
    (INC, PLATELETS),  # where it belongs
    (INC, DLCO),
    (EXC, "Patient has experienced a decline in ECOG performance status between Baseline visit and within 72 hours prior to randomization."),
])
def test_what_states_no_misfiled_requirement_is_left_as_read(ctype: CriterionType, line: str) -> None:
    assert not render_rule(parse_line(line, ctype).expr).startswith("not ")


@pytest.mark.parametrize("line, facts, outcome", [
    (DLCO, adult(lab("dlco", 50, "%")), MET),  # holdout T254-dlco: the low DLCO the line stops
    (DLCO, adult(lab("dlco", 75, "%"), lab("spo2", 97, "%")), UNKNOWN),  # the children's words stay a person's
    (PLATELETS, adult(platelets(40)), MET),
    (PLATELETS, adult(platelets(180)), NOT_MET),
    (CREATININE, adult(creatinine(2.4)), MET),
    (CREATININE, adult(creatinine(0.9)), NOT_MET),
    ("Creatinine < 1.5 mg/dL, bilirubin < 1.5 mg/dL", adult(creatinine(3.0), bilirubin(0.8)), MET),  # one bound failed excludes
    ("Creatinine < 1.5 mg/dL, bilirubin < 1.5 mg/dL", adult(creatinine(0.9), bilirubin(0.8)), NOT_MET),
    ("Baseline blood pressure of < or equal to 150/100 mmHg.", adult(lab("systolic_bp", 120, "mm[Hg]"), lab("diastolic_bp", 110, "mm[Hg]")), MET),
    ("Baseline blood pressure of < or equal to 150/100 mmHg.", adult(lab("systolic_bp", 120, "mm[Hg]"), lab("diastolic_bp", 80, "mm[Hg]")), NOT_MET),
])
def test_the_unmet_requirement_excludes_and_the_met_one_does_not(line: str, facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(EXC, line, facts) is outcome


def test_the_reading_is_walked_in_bounded_time_on_hostile_input() -> None:
    wide = All(tuple([Predicate("platelets", Op.GT, 100, "10*9/L")] * 2000 + [Review(ReviewReason.UNPARSED, "x" * 20000)]))
    start = time.perf_counter()
    requirement_unmet(wide, EXC)
    parse_line("Platelet count > 100,000/mm^3 " + "and DLCO > 60% " * 1300, EXC)
    assert time.perf_counter() - start < 1.0



# A duty written beside the line's own exclusions ("...; blood pressure must be below 140/90 mmHg at
# screening"): its bounds were alternatives of the exclusion, so every normal pressure was excluded
# and 170/100 only by the other clause. Gathered and negated, the duty unmet excludes.
DUTY_BESIDE = "Uncontrolled diabetes; blood pressure must be below 140/90 mmHg at screening"
NORMAL_PRESSURE = adult(lab("systolic_bp", 120, "mm[Hg]"), lab("diastolic_bp", 75, "mm[Hg]"))
HIGH_PRESSURE = adult(lab("systolic_bp", 170, "mm[Hg]"), lab("diastolic_bp", 100, "mm[Hg]"))
HIGH_SYSTOLIC_ONLY = adult(lab("systolic_bp", 150, "mm[Hg]"), lab("diastolic_bp", 80, "mm[Hg]"))


@pytest.mark.parametrize("facts, outcome", [
    (NORMAL_PRESSURE, NOT_MET),
    (HIGH_PRESSURE, MET),
    (HIGH_SYSTOLIC_ONLY, MET),
])
def test_a_duty_beside_the_exclusions_excludes_when_unmet(facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(EXC, DUTY_BESIDE, facts) is outcome


def test_bounds_beside_the_exclusions_without_a_duty_are_left_as_read() -> None:
    assert "or not" not in render_rule(parse_line("Uncontrolled diabetes or creatinine < 1.5 mg/dL", EXC).expr)
