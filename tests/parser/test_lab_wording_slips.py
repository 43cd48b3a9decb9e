"""Lab bounds as registries mistype or shorten them: a comparator typed with a slip ("= ≥9 g/dL",
"equal or greater to", "less than equals to (<=)", "less or equal 2", "less that 3mg/dl"), the
one-second volume without its "1" ("FEV >50%"), and a test said to lie outside the normal range
("serum creatinine outside the normal range for age"). Each was a review, or read as a bound it
never was ("ECOG PS less than equals to (<=) 2" asked for ECOG 2 exactly)."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.comparator_slips import ROWS as COMPARATOR_ROWS
from rules_engine.parser.fev_slip import ROWS as FEV_ROWS
from rules_engine.parser.line import parse_line
from rules_engine.parser.topics.outside_normal import outside_normal_items
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language.render import render_rule

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
AS_OF = date(2026, 11, 22)


def rule(text: str, kind: CriterionType = I) -> str:
    parsed = parse_line(text, kind)
    return render_rule(parsed.expr, parsed.applies_if)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hemoglobin = ≥9 g/dL", "hemoglobin >= 9 g/dL"),
        ("AST (SGOT) and ALT (SGPT) = ≤2.5 x ULN", "AST <= 2.5 x ULN and ALT <= 2.5 x ULN"),
        ("Platelets equal or greater to 100 x 10^9/L", "platelets >= 100 10*9/L"),
        ("Platelet count > equal to 100,000/uL", "platelets >= 100 10*9/L"),
        ("Total bilirubin less that or equal to 1.5 mg/dL", "bilirubin <= 1.5 mg/dL"),
        ("A total bilirubin level lass than equals to (<=) 1.5 × upper limit of normal (ULN) range", "bilirubin <= 1.5 x ULN"),
        ("Male or female subjects age greater than equals to (>=)18 years.", "age >= 18 years"),
        ("Life expectancy of greater than or equal to12 week", "life-expectancy >= 12 weeks"),
        # read before as "ECOG = 2": a patient of ECOG 0 or 1 failed
        ("Eastern Cooperative Oncology Group performance status (ECOG PS) less than equals to (<=) 2", "ECOG <= 2"),
        ("Eastern Cooperative Oncology Group (ECOG) performance score less or equal 2.", "ECOG <= 2"),
    ],
)
def test_a_mistyped_comparator_is_read_as_the_comparator(text: str, expected: str) -> None:
    assert rule(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the comparators written right stay as they were read
        ("Hemoglobin ≥ = 9 g/dL", "hemoglobin >= 9 g/dL"),
        ("Karnofsky performance status of greater or equal to 60", "Karnofsky >= 60 %"),
        ("Serum creatinine equal or less than 1.3 mg/dL", "creatinine <= 1.3 mg/dL"),
    ],
)
def test_a_comparator_written_right_is_left_as_it_was_read(text: str, expected: str) -> None:
    assert rule(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Pulmonary: FEV >50%, DLCO >50%", I, "FEV1 > 50 % and DLCO > 50 %"),
        ("FEV 1 > 50%", I, "FEV1 > 50 %"),
    ],
)
def test_fev_without_its_one_is_the_one_second_volume(text: str, kind: CriterionType, expected: str) -> None:
    assert rule(text, kind) == expected


def test_fev_before_a_cardiac_scan_is_no_lung_volume() -> None:
    assert "FEV1" not in rule("FEV > 55% by MUGA or ECHO")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kidney function: serum creatinine outside the normal range for age, or measured creatinine clearance less than 50 mL/min/1.72m^2 within 4 weeks of study entry",
         "creatinine > 1 x ULN or creatinine-clearance < 50.0 mL/min"),
        ("Total bilirubin outside of normal limits", "bilirubin > 1 x ULN"),
        ("Amylase or lipase levels outside of normal limits", "amylase > 1 x ULN or lipase > 1 x ULN"),
    ],
)
def test_a_test_outside_the_normal_range_is_one_above_its_upper_limit(text: str, expected: str) -> None:
    assert rule(text, E) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an electrolyte or a count may be out of range below it: another reading's
        "Serum potassium outside the normal range",
        # "and" may ask both or either
        "Bilirubin and AST outside of normal limits",
    ],
)
def test_a_test_that_may_be_low_or_a_list_joined_by_and_is_left(text: str) -> None:
    assert outside_normal_items(text) == []


def _facts(**labs: tuple[float, str, float | None]) -> PatientFacts:
    measurements = {k: (Measurement(k, v, unit, AS_OF, uln=uln),) for k, (v, unit, uln) in labs.items()}
    return PatientFacts(birth_date=date(1960, 1, 1), sex="male", measurements=measurements)


OUTSIDE = "Kidney function: serum creatinine outside the normal range for age"


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (_facts(creatinine=(1.5, "mg/dL", 1.2)), MET),
        (_facts(creatinine=(0.9, "mg/dL", 1.2)), NOT_MET),
        (_facts(), UNKNOWN),
    ],
)
def test_the_record_decides_a_creatinine_outside_the_normal_range(facts: PatientFacts, expected: Outcome) -> None:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(E, OUTSIDE)])))
    assert evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome is expected


def test_the_slip_rows_are_fast_on_adversarial_input() -> None:
    text = ("= = ≥ " * 2000) + ("equal or greater to " * 1000) + ("FEV , " * 2000) + ("less that " * 1000) + "x"
    compiled = [re.compile(pattern, re.I) for pattern, _repl, _gate in (*COMPARATOR_ROWS, *FEV_ROWS)]
    start = time.perf_counter()
    for pattern in compiled:
        pattern.sub("", text)
    assert time.perf_counter() - start < 0.2


def test_the_outside_reader_is_fast_on_adversarial_input() -> None:
    # (words before every "outside normal" that name no test: each window searched in vain)
    for text in (("a " * 30 + "outside normal ") * 300, ("creatinine (x) or bilirubin / " * 400) + "outside the normal range " * 400):
        assert len(text) >= 20_000
        start = time.perf_counter()
        outside_normal_items(text)
        assert time.perf_counter() - start < 1.0


CALCULATED = "Serum creatinine within normal limits or calculated clearance ≥ 60 mL/min/1.73M^2"


def test_a_calculated_clearance_with_no_substance_named_is_the_creatinine_clearance() -> None:
    assert rule(CALCULATED) == "creatinine <= 1 x ULN or creatinine-clearance >= 60 mL/min/{1.73_m2}"


def test_a_clearance_of_another_substance_is_no_creatinine_clearance() -> None:
    assert "creatinine-clearance" not in rule("Calculated clearance of iohexol ≥ 60 mL/min/1.73 m2")


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        # a high creatinine with a good clearance meets the alternative (read before as a review
        # beside the creatinine, the line failed)
        (_facts(creatinine=(1.6, "mg/dL", 1.2), creatinine_clearance=(70, "mL/min/{1.73_m2}", None)), MET),
        (_facts(creatinine=(1.6, "mg/dL", 1.2), creatinine_clearance=(40, "mL/min/{1.73_m2}", None)), NOT_MET),
    ],
)
def test_the_record_decides_the_calculated_clearance_alternative(facts: PatientFacts, expected: Outcome) -> None:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, CALCULATED)])))
    assert evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome is expected
