"""Issue 14, lab and vital lines that widen a limit for some patients, read so that the patients
they are for are never failed by the limit they were let past (holdout T315, T205, T214, T323).

- a second bound's scope named by its example ("if related to disease or polymorphism, such as
  Mb. Gilbert"), by a bound without its comparator ("(3 mg/dL in the presence of Gilbert's
  disease provided direct bilirubin is normal)"): the example on record takes the second bound;
- a failed bound's second test offered "for those with a total bilirubin > 2.5 x ULN": never one
  more requirement asked of everyone;
- "higher levels are acceptable if ..." after a list of limits: every limit of the list;
- a life expectancy counted apart from a cause ("in relation to diseases other than AML/MDS"):
  the record's whole life expectancy within the bound meets it, past it is a person's;
- a condition defined by a measurement and permitted on a proviso ("Patients with hypertension as
  defined by BP > 140/90 ... are eligible if controlled"): the proviso for those patients only.

Each row is a paraphrased corpus or holdout line and its reading, or the outcomes it gives on
small records."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, Op, Review, ReviewReason
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser.items import any_of, predicate
from rules_engine.parser.line import parse_line
from rules_engine.parser.topics.bound_failures import bound_failures_guarded
from rules_engine.parser.topics.defined_permission import defined_permission
from rules_engine.parser.topics.lab_scopes import scope_condition
from rules_engine.parser.topics.life_causes import life_apart
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, alt, bilirubin, condition, creatinine, ecog, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

READINGS = [
    # the scope's example read, the kind it stands for a person's
    ("Total bilirubin < 1.5 x ULN (< 3.0 x ULN if related to disease or polymorphism, such as Mb. Gilbert)", INC,
     'bilirubin < 1.5 x ULN or (bilirubin < 3 x ULN and (Gilbert-syndrome or review ambiguous "applies only if related to disease or polymorphism"))'),
    ("Total bilirubin ≤ 1.5 x ULN (≤ 3 x ULN if related to polymorphism like Gilbert's syndrome)", INC,
     'bilirubin <= 1.5 x ULN or (bilirubin <= 3 x ULN and (Gilbert-syndrome or review ambiguous "applies only if related to polymorphism"))'),
    # a bracketed bound without its comparator, and the proviso after its scope
    ("Bilirubin =< 1.5 mg/dL (3 mg/dL in the presence of Gilbert's disease provided direct bilirubin is normal)", INC,
     'bilirubin <= 1.5 mg/dL or (bilirubin <= 3 mg/dL and Gilbert-syndrome and review ambiguous "provided direct bilirubin is normal")'),
    # a unit's conversion in brackets is no second bound
    ("Creatinine <= 1.5 mg/dL (133 umol/L) for patients with liver metastases", INC,
     'creatinine <= 1.5 mg/dL and review unsupported "for patients with liver metastases"'),
    # the failed bound's second test, offered to "those with" the failure
    ("Total bilirubin =< 2.5 x ULN; for those with a total bilirubin > 2.5 x ULN, direct bilirubin must be < 1.5 mg/dL", INC,
     "bilirubin <= 2.5 x ULN or direct-bilirubin < 1.5 mg/dL"),
    ("Total bilirubin =< 1.5 x UNL unless due to Gilbert's disease; if total bilirubin is > 1.5 x UNL, a direct bilirubin should be "
     "performed and must be < 1.5 mg/dL for Gilbert's to be diagnosed", INC,
     'bilirubin <= 1.5 x ULN or Gilbert-syndrome or review unparsed "if total bilirubin is > 1.5 x ULN, a direct bilirubin should be '
     'performed and must be < 1.5 mg/dL for Gilbert\'s to be diagnosed"'),
    # the higher levels of every limit the list set
    ("Serum creatinine or serum bilirubin < 1.5 times the upper limit of normal; higher levels are acceptable if ALT levels < 2 x ULN", INC,
     '(creatinine < 1.5 x ULN or (ALT < 2 x ULN and review unparsed "higher levels are acceptable if ALT levels < 2 x ULN")) and '
     '(bilirubin < 1.5 x ULN or (ALT < 2 x ULN and review unparsed "higher levels are acceptable if ALT levels < 2 x ULN"))'),
    # an unread requirement a permission widens stays the alternative (dropped by the safety pass as
    # a mask, the permission's condition stood asked of everyone)
    ("partial thromboplastin time (PTT) activated partial thromboplastin time (aPTT) < 1.5 X ULN; if value is higher due to hepatic "
     "involvement by CLL, patient is eligible", INC,
     'APTT < 1.5 x ULN and (review unsupported "partial thromboplastin time … PTT" or (liver-metastases and review unsupported "if value is '
     'higher due to hepatic involvement by CLL, patient is eligible"))'),
    # the body surface's power in brackets: the scope after the clearance stays its scope
    ("creatinine less than 1.5 x upper limit of normal OR creatinine clearance greater than or equal to 60 mL/min/1.73 m(2) for patients "
     "with creatinine levels greater than or equal to 1.5 times upper limit of normal.", INC,
     "creatinine < 1.5 x ULN or (creatinine-clearance >= 60 mL/min/{1.73_m2} and creatinine >= 1.5 x ULN)"),
    # a bound's own failure is no way to meet the line
    ("Renal:Serum Creatinine (≤ 1.5 mg/dL)Or, if serum creatinine >1.5 mg/dL,", INC,
     'creatinine <= 1.5 mg/dL or (creatinine > 1.5 mg/dL and review ambiguous "what the line offers past the bound it failed (not read whole)")'),
    # an age's other group is no failed bound (the lines under it say what it needs)
    ("≥75 years of age OR <75 years of age with at least 1 of the following:", INC, "age >= 75 years or age < 75 years"),
    # a life expectancy apart from a cause
    ("Life expectancy of greater than 3 months in relation to diseases other then AML/MDS", INC,
     'life-expectancy > 3 months or review unsupported "life expectancy in relation to diseases other then AML/MDS"'),
    ("Patients must have a life expectancy of 5 years, excluding their diagnosis of cancer (as determined by the investigator), and must "
     "have an ECOG performance status of 0 or 1.", INC,
     '(life-expectancy >= 5 years or review unsupported "life expectancy excluding their diagnosis of cancer") and ECOG <= 1'),
    ("Patients with life expectancy of < 6 months for reasons other than their underlying hematologic/oncologic disorder", EXC,
     'life-expectancy < 6 months and review unsupported "life expectancy for reasons other than their underlying hematologic/oncologic disorder"'),
    ("No life expectancy < 6 months for reasons other than the leukemia", INC,
     'not (life-expectancy < 6 months and review unsupported "life expectancy for reasons other than the leukemia")'),
    # a condition the line defines by a measurement, permitted on a proviso
    ("Patients with underlying hypertension as defined by blood pressures averaging greater than 140/90 on two separate clinic visits are "
     "eligible if hypertension has been controlled by standard nonpharmacologic or pharmacologic therapy", INC,
     'not (hypertension or systolic-BP > 140 mm[Hg] or diastolic-BP > 90 mm[Hg]) or (not (systolic-BP > 140 mm[Hg] or diastolic-BP > '
     '90 mm[Hg]) and review unsupported "if hypertension has been controlled by standard nonpharmacologic or pharmacologic therapy")'),
]


@pytest.mark.parametrize("text,ctype,expected", READINGS, ids=[t[:60] for t, _, _ in READINGS])
def test_the_line_reads_as(text: str, ctype: CriterionType, expected: str) -> None:
    assert rule_of(text, ctype) == expected


def test_bands_side_by_side_are_no_failed_bound() -> None:
    # the IPSS's marrow blast groups: "(> 10 % and <= 20 %) or > 20 %"
    assert rule_of("History of MDS IPSS score>1.0", EXC).endswith("(BM-blasts > 10 % and BM-blasts <= 20 %) or BM-blasts > 20 %)")


def _life(months: int) -> PatientFacts:
    return adult(ecog(1), lab("life_expectancy", months, "mo"))


def _bp(systolic: int, diastolic: int, *more: object) -> PatientFacts:
    return adult(lab("systolic_bp", systolic, "mm[Hg]"), lab("diastolic_bp", diastolic, "mm[Hg]"), *more)  # type: ignore[arg-type]


GILBERT = condition("gilbert_syndrome", 3000)
ROWS = [
    # T315: Gilbert's on record takes the second bound; without it past the first, a person weighs the disease
    ("Total bilirubin < 1.5 x ULN (< 3.0 x ULN if related to disease or polymorphism, such as Mb. Gilbert)",
     [adult(bilirubin(1.2)), adult(bilirubin(3.0), GILBERT)], [adult(bilirubin(4.0), GILBERT)], [adult(bilirubin(3.0))]),
    ("Bilirubin =< 1.5 mg/dL (3 mg/dL in the presence of Gilbert's disease provided direct bilirubin is normal)",
     [adult(bilirubin(1.2))], [adult(bilirubin(2.0)), adult(bilirubin(3.5), GILBERT)], [adult(bilirubin(2.5), GILBERT)]),
    # a normal bilirubin meets the line (read before as "bilirubin > 2.5 x ULN" asked of all)
    ("Total bilirubin =< 2.5 x ULN; for those with a total bilirubin > 2.5 x ULN, direct bilirubin must be < 1.5 mg/dL",
     [adult(bilirubin(1.0))], [], []),
    # a failed creatinine never meets the line through its own failure
    ("Serum creatinine or calculated creatinine clearance† - ≤ 1.5 x upper limit of normal (ULN) OR ≥60 mL/min for patients with creatinine "
     "levels > 1.5 x institutional ULN", [], [], [adult(creatinine(4.0))]),
    # T205: a creatinine past its limit with the ALT under 2 x ULN is the permission's
    ("Serum creatinine or serum bilirubin < 1.5 times the upper limit of normal; higher levels are acceptable if ALT levels < 2 x ULN",
     [adult(creatinine(1.0), bilirubin(1.0), alt(30))], [adult(creatinine(2.4), bilirubin(1.0), alt(120))],
     [adult(creatinine(2.4), bilirubin(1.0), alt(30))]),
    # T323: controlled hypertension is the proviso's; no hypertension meets the line
    ("Patients with underlying hypertension as defined by blood pressures averaging greater than 140/90 on two separate clinic visits are "
     "eligible if hypertension has been controlled by standard nonpharmacologic or pharmacologic therapy",
     [_bp(120, 80)], [_bp(160, 95), _bp(165, 100, condition("hypertension", 3000))], [_bp(125, 80, condition("hypertension", 3000))]),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(ROWS))
def test_the_record_decides(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, INC), facts) is expected


# T214: the whole life expectancy past the bound may be the AML's alone
LIFE_ROWS = [
    ("Life expectancy of greater than 3 months in relation to diseases other then AML/MDS", INC, [(6, Outcome.MET), (2, Outcome.UNKNOWN)]),
    ("Patients with life expectancy of < 6 months for reasons other than their underlying hematologic/oncologic disorder", EXC,
     [(12, Outcome.NOT_MET), (3, Outcome.UNKNOWN)]),
]


@pytest.mark.parametrize("text,ctype,cases", LIFE_ROWS, ids=[t[:50] for t, _, _ in LIFE_ROWS])
def test_a_life_expectancy_apart_from_a_cause(text: str, ctype: CriterionType, cases: list[tuple[int, Outcome]]) -> None:
    for months, expected in cases:
        assert judged(parse_line(text, ctype), _life(months)) is expected


HOSTILE = [
    lambda: life_apart("Life expectancy of > 3 months in relation to diseases other than " + "AML " * 5000 + "(", INC, lambda t: Review(ReviewReason.UNPARSED, "")),
    lambda: life_apart("life expectancy " + "of 3 months " * 3000, INC, lambda t: Review(ReviewReason.UNPARSED, "")),
    lambda: defined_permission("Patients with hypertension as defined by " + "blood pressure " * 3000 + " are eligible if x", INC),
    lambda: defined_permission("Patients with " + "hypertension " * 3000 + "defined as", INC),
    lambda: scope_condition("if related to " + "polymorphism, such as " * 3000 + "Gilbert", "bilirubin"),
    lambda: scope_condition("in the presence of Gilbert's disease " + "provided that " * 3000, "bilirubin"),
    lambda: bound_failures_guarded(any_of([predicate("creatinine", Op.LTE, n, "mg/dL") for n in range(1, 400)])),
]


@pytest.mark.parametrize("call", HOSTILE)
def test_hostile_input_reads_fast(call) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    call()
    assert time.perf_counter() - start < 2
