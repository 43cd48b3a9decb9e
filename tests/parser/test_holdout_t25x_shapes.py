"""Shapes the T251-T255 holdout trials (omacetaxine with decitabine for untreated AML or high-risk
MDS at 70 and over, decitabine for AML at 60 and over, BMS-936564 with cytarabine for newly
diagnosed AML, an HLA-mismatched transplant with mycophenolate and sirolimus, an unrelated-donor
transplant with pentostatin; ``test_holdout_trials``) misread, each fixed in its general form and
pinned here with real corpus lines (``../shared/corpus`` criteria texts; counts are over its 1,883
trials):

* A disease-free span said of the cancer the line counts in a relative clause that denies it
  ("Any other malignancy, excluding ..., from which the subject has not been disease-free for at
  least 3 years", "History of another primary malignancy that has not been in remission for at
  least 3 years"; 5 corpus lines read differently, all read): the malignancy counts while active
  or within the span, as "unless disease-free for ..." is read. The span was unread, so a breast
  cancer or a Hodgkin lymphoma resolved 2 years ago was no longer counted (an eligible answer
  where the text excludes); where the line also kept the cancer "ever" beside a review, one
  cured 10 years ago is now past the span.
* The lung's diffusing capacity for carbon monoxide, as a per cent of the predicted value, on the
  lines of these trials (the reading is session 23's, ``tests/parser/test_lung_function_shapes.py``:
  concepts dlco, fev1, fvc; a value stated corrected for haemoglobin decides only when the
  record's uncorrected one passes; an unread test offered with "or" beside it is an alternative).
* The transplant the trial gives, written as the patient's present ("Patients receiving
  allogeneic hematopoietic transplants from an unrelated donor or one antigen mismatched related
  donors", "... eligible and willing to undergo potentially curative stem cell transplant", "or
  are to receive bone marrow transplant"; 4 corpus lines read differently, all read): a plan, as
  "scheduled for" and "candidates for" are read, never a transplant on record. Read as one
  received, every patient not yet transplanted failed the pentostatin trial's first line.
* A creatinine bound and a clearance bound that are alternatives of each other pointing the same
  way, one written the wrong way round ("Serum creatinine (CR) < 1.5mg/dl or 24 hour CR clearance
  < 50 ml/min" among exclusions; "Serum creatinine > upper limit of normal (ULN) or glomerular
  filtration rate (GFR) > 60", "Serum creatinine ≤ 1.5 mg/dl or creatinine clearance ≤ 60 ml/min"
  among inclusions; 5 corpus lines, 12 with their headings, all read): the creatinine rises as the
  clearance falls, so the bound that points the way the line's kind asks is kept and the other
  turned to match it (``safety.renal_bounds_aligned``). Read as written, the exclusion excluded
  every patient with a normal creatinine, and the inclusions asked for an abnormal one.
* A group a line says "are included" ("Patients with a history of carcinoma in remission (on no
  therapy or on hormonal therapy ...) are included in the study", "Secondary AML (including
  therapy-related) are included"; 3 corpus lines read differently, 2 and a heading, all read): a
  permission, as "are eligible" is, asking nothing of a patient outside the group. Read as asked
  for, every patient without a carcinoma failed the decitabine trial. The plural only ("... or
  whose partner is included in the trial" permits no group).
* A sentence that denies a permission ("No prior chemotherapy is allowed except for ...", "No prior
  thalidomide or lenalidomide therapy is permitted", "No prior Bortezomib or antiangiogenic agent is
  permitted"; 5 corpus lines read differently, all read): a prohibition of its own, never a
  widening of the requirement before it. Read as one, "Patient must have had front-line
  chemotherapy ... No prior thalidomide or lenalidomide therapy is permitted" let a patient in
  through thalidomide, and "Previously untreated AML ... No prior chemotherapy is allowed" through
  chemotherapy.
"""

from __future__ import annotations

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from tests.fixtures.corpus_lines import evaluate
from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, bilirubin, condition, crcl, creatinine, ecog, lab, lvef, medication, procedure

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
AML_TRIAL = ("inclusion", "Newly Diagnosed Acute Myeloid Leukemia (AML)")
LYMPHOMA_TRIAL = ("inclusion", "Relapsed or refractory diffuse large B-cell lymphoma")

# NCT02305563 (T253)
DENIED_SPAN = ("Any other malignancy, excluding basal or squamous cell carcinoma of the skin, in situ melanoma, cervical carcinoma in situ, "
               "localized prostate cancer, or superficial bladder cancer stage 0, from which the subject has not been disease-free for at least 3 years")
# NCT01060904, NCT02572167 (the same words)
NOT_IN_REMISSION = "History of another primary malignancy that has not been in remission for at least 3 years"
# NCT02059967
PRIOR_NOT_FREE = ("History of a prior malignancy from which the patient has not been disease free for a minimum of 2 years, other than "
                  "adequately treated basal/squamous skin cancer or in situ cervix cancer or other in situ malignancy.")

YEAR = 365

# (why, own disease line, exclusion, record, outcome)
CASES: list[tuple[str, tuple[str, str], str, PatientFacts, Outcome]] = [
    ("breast cancer resolved, diagnosed 2.5 years ago: within the 3 years", AML_TRIAL, DENIED_SPAN,
     adult(condition("breast_cancer", 900, active=False)), MET),
    ("Hodgkin lymphoma resolved 2 years ago: within the 3 years", AML_TRIAL, DENIED_SPAN, adult(condition("lymphoma", 2 * YEAR, active=False)), MET),
    ("a lung cancer now", AML_TRIAL, DENIED_SPAN, adult(condition("lung_cancer", 200)), MET),
    ("breast cancer 10 years ago: disease-free past the span", AML_TRIAL, DENIED_SPAN, adult(condition("breast_cancer", 10 * YEAR, active=False)), NOT_MET),
    ("no other cancer", AML_TRIAL, DENIED_SPAN, adult(), NOT_MET),
    ("the trial's own AML is no other malignancy", AML_TRIAL, DENIED_SPAN, adult(condition("aml", 10)), NOT_MET),
    # the line's own words stay an and-ed review: inside the span a person's, past it not counted
    ("not in remission: a cancer resolved 10 years ago is past the span", LYMPHOMA_TRIAL, NOT_IN_REMISSION,
     adult(condition("breast_cancer", 10 * YEAR, active=False)), NOT_MET),
    ("not in remission: a cancer resolved a year ago is within it (the review beside it)", LYMPHOMA_TRIAL, NOT_IN_REMISSION,
     adult(condition("breast_cancer", YEAR, active=False)), UNKNOWN),
    ("prior malignancy not disease free for 2 years: a year ago is within it (the review beside it)", AML_TRIAL, PRIOR_NOT_FREE,
     adult(condition("breast_cancer", YEAR, active=False)), UNKNOWN),
    ("prior malignancy not disease free for 2 years: 5 years ago is past it", AML_TRIAL, PRIOR_NOT_FREE,
     adult(condition("breast_cancer", 5 * YEAR, active=False)), NOT_MET),
]


@pytest.mark.parametrize(("own", "text", "facts", "expected"), [pytest.param(o, t, f, x, id=w) for w, o, t, f, x in CASES])
def test_a_span_denied_in_a_relative_clause_counts_the_cancer_within_it(own: tuple[str, str], text: str, facts: PatientFacts, expected: Outcome) -> None:
    line = parse_lines([own, ("exclusion", text)])[1]
    assert evaluate(line, facts, AS_OF).outcome is expected


def dlco(value: float) -> object:
    return lab("dlco", value, "%", days_ago=20)


I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
FIT = (bilirubin(0.7), lvef(60), ecog(1))

# (line, kind, met, not met, unknown)
DLCO_ROWS = [
    # NCT00506922 (T255)
    ("Patients must have bilirubin < 1.5 mg/dL, DLCO > 50% predicted, LVEF > 45% and performance status 0 or 1.", I,
     [adult(*FIT, dlco(80))], [adult(*FIT, dlco(50)), adult(*FIT[1:], bilirubin(1.6), dlco(80))], [adult(*FIT)]),
    ("DLCO at least 50% predicted", I, [adult(dlco(50))], [adult(dlco(45))], [adult()]),  # NCT00005612
    # (a corrected value asked: the record's uncorrected one decides only when it passes, tests/parser/test_lung_function_shapes.py)
    ("Corrected carbon monoxide diffusing capacity (DLCO) greater than 50%", I, [adult(dlco(51))], [], [adult(dlco(50)), adult()]),  # NCT00048893
    ("DLCO > or = 50% of predicted corrected for hemoglobin", I, [adult(dlco(50))], [], [adult(dlco(40)), adult()]),  # NCT01350258
    ("Diffusion capacity of carbon monoxide (DLCO) < 50%", E, [adult(dlco(40))], [adult(dlco(70))], [adult()]),  # NCT00559507
    ("Lung diffusing capacity for carbon monoxide (DLCO) ≤65% of expected.", I, [adult(dlco(60))], [adult(dlco(80))], [adult()]),  # NCT02348489
    # an absolute unit no per cent can be: a person's
    ("DLCO > 10 mL/mm Hg/min", I, [], [], [adult(dlco(80)), adult(dlco(5))]),  # NCT00288054
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(DLCO_ROWS))
def test_the_lungs_diffusing_capacity_is_read_as_a_per_cent_of_predicted(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


# (line, kind, met, not met, unknown)
PLAN_ROWS = [
    # NCT00506922 (T255): the donor is a person's; a past transplant is not what it asks
    ("Patients receiving allogeneic hematopoietic transplants from an unrelated donor or one antigen mismatched related donors.", I,
     [], [], [adult(), adult(procedure("allo_hsct", 700))]),
    # NCT01491217: the transplant had, or the one planned (a person's)
    ("Patients who have received bone marrow transplant or are to receive bone marrow transplant.", E,
     [adult(procedure("hsct", 700))], [], [adult()]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(PLAN_ROWS))
def test_the_transplant_a_patient_is_receiving_is_a_plan(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def egfr(value: float) -> object:
    return lab("egfr", value, "mL/min/{1.73_m2}")


# (line, kind, met, not met, unknown)
RENAL_ROWS = [
    # NCT02728700 (T254): the creatinine turned (over 1.5 excludes), the clearance kept
    ("Serum creatinine (CR) < 1.5mg/dl or 24 hour CR clearance < 50 ml/min", E,
     [adult(creatinine(2.0), crcl(45)), adult(creatinine(2.0))], [adult(creatinine(0.9), crcl(96))], [adult(creatinine(0.9))]),
    # NCT01534702 (T215): the creatinine turned (under the limit qualifies)
    ("Serum creatinine > upper limit of normal (ULN) or glomerular filtration rate (GFR) > 60 mL/min/1.73 m2, respectively", I,
     [adult(creatinine(0.9)), adult(creatinine(1.5), egfr(70))], [adult(creatinine(1.5), egfr(45))], [adult(creatinine(1.5))]),
    # NCT03404752: the clearance turned (60 or more qualifies)
    ("Renal: Serum creatinine ≤ 1.5 mg/dl or creatinine clearance ≤ 60 ml/min (calculated according to the Cockcroft and Gault formula)", I,
     [adult(creatinine(1.2)), adult(creatinine(1.8), crcl(70))], [adult(creatinine(1.8), crcl(40))], [adult(creatinine(1.8))]),
    # written the right way round: left as it is
    ("Serum creatinine > 2 mg/dl or creatinine clearance < 40 ml/min", E, [adult(creatinine(2.4)), adult(creatinine(1.0), crcl(30))],
     [adult(creatinine(1.0), crcl(60))], [adult(creatinine(1.0))]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(RENAL_ROWS))
def test_a_kidney_bound_written_the_wrong_way_round_is_read_as_meant(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


# (line, kind, met, not met, unknown)
INCLUDED_ROWS = [
    # NCT02234037 (T252)
    ("Patients with a history of carcinoma in remission (on no therapy or on hormonal therapy for the adjuvant treatment of breast carcinoma or "
     "prostate carcinoma) are included in the study.", I, [adult(), adult(condition("aml", 10))], [], [adult(condition("prostate_cancer", 500))]),
    # NCT00636922
    ("Secondary AML (including therapy-related) are included", I, [adult(condition("aml", 10))], [], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(INCLUDED_ROWS))
def test_a_group_that_are_included_is_permitted(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


# (line, kind, met, not met, unknown)
DENIED_ROWS = [
    # NCT00933426: the prohibition is read; thalidomide no longer lets a patient through
    ("Patient must have had front-line chemotherapy for castrate-resistant metastatic disease. Any number of prior chemotherapy regimens is "
     "permitted, except within the last 3 weeks. No prior thalidomide or lenalidomide therapy is permitted.", I,
     [], [adult(medication("named_medication", 200, quote="thalidomide", words="thalidomide"))], []),
    ("Previously untreated AML. No prior chemotherapy is allowed.", I,
     [adult(condition("aml", 10))], [adult(condition("aml", 10), medication("chemotherapy", 200))], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(DENIED_ROWS))
def test_a_denied_permission_is_a_prohibition(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
