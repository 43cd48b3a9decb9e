"""Lines whose requirement concerns only some of the patients, by the shape of the line (issue #14):

* a condition that is a measurement past a bound ("If GFR < 60 mL/min, isotope EDTA confirmation
  ... is required", "If the serum creatinine is >= 1.5 x ULN, then a 24-hour creatinine clearance
  must be ... >= 50 mL/min", "Patients with a UPC ratio > 1.0 must have a 24-hour urine protein <
  1,000 mg"): a patient whose value is inside the bound is not asked the requirement, one past it
  is; an exclusion so written excludes only when both hold;
* an "if" naming nothing a record holds ("If liver cirrhosis is present, patient must have a
  Child-Pugh A classification"): where the requirement is met the inclusion holds, elsewhere it is
  a person's; an "if" naming only the patient ("If a subject, ...") asks its requirement of all;
* a later sentence written for some patients ("... Patients with solid tumors must have at least
  1 lesion measurable by CT"): a patient without them is not asked it.

Each row: the line, its type, then the records that make it met, not met and unknown."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, creatinine, crcl, hemoglobin, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

# NCT01136499, NCT00262769, NCT00559507, NCT01558492 (exclusion)
CREATININE_THEN = "If the serum creatinine is ≥ 1.5 x ULN, then a 24-hour creatinine clearance must be conducted and the result must be ≥ 50 mL/min."
GFR_THEN = "If GFR < 60 mL/min, isotope EDTA confirmation of adequate renal function is required"
UPC_MUST = "Patients with a UPC ratio > 1.0 must have a 24-hour urine protein < 1,000 mg to be eligible for study"
CREATININE_EXCLUDED = ("For subjects with serum creatinine > 1.5 x ULN, calculated creatinine clearance < 30 ml/min are excluded; "
                       "subjects meeting this exclusion criterion are eligible if a measured clearance is > 30 ml/min")
# NCT01306058
IF_CIRRHOSIS = "If liver cirrhosis is present, patient must have a Child-Pugh A classification."
# a later sentence for some patients, after a first sentence for all
SOLID_LATER = "Patients must have AML or a solid tumor. Patients with solid tumors must have hemoglobin > 8 g/dL."

ROWS = [
    # a normal creatinine is not asked the clearance; a high one with a high clearance meets it,
    # with a low clearance fails it
    (CREATININE_THEN, INC,
     [adult(creatinine(1.0)), adult(creatinine(2.0), crcl(70))],
     [adult(creatinine(2.0), crcl(30))],
     [adult()]),
    (GFR_THEN, INC,
     [adult(lab("egfr", 90, "mL/min"))],
     [],
     [adult(lab("egfr", 50, "mL/min")), adult()]),
    (UPC_MUST, INC,
     [adult(lab("upcr", 0.5, "g/g")), adult(lab("upcr", 2.0, "g/g"), lab("urine_protein_24h", 0.5, "g/d"))],
     [adult(lab("upcr", 2.0, "g/g"), lab("urine_protein_24h", 2.0, "g/d"))],
     [adult(lab("upcr", 2.0, "g/g")), adult()]),
    # the exclusion needs both: a low clearance with a normal creatinine does not exclude
    (CREATININE_EXCLUDED, EXC,
     [],
     [adult(creatinine(1.0), crcl(20)), adult(creatinine(2.0), crcl(60))],
     [adult(creatinine(2.0), crcl(20))]),
    # a class B score is not failed on the line's strength: whether the patient has cirrhosis is unread
    (IF_CIRRHOSIS, INC,
     [adult(lab("child_pugh", 5, "1"))],
     [],
     [adult(lab("child_pugh", 8, "1")), adult()]),
    (SOLID_LATER, INC,
     [adult(condition("aml"), hemoglobin(7)), adult(condition("solid_tumor"), hemoglobin(10))],
     [adult(condition("solid_tumor"), hemoglobin(7))],
     []),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_requirement_for_some_patients_is_judged_for_them_only(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) == expected, rule_of(text, ctype)


# lines that keep their reading: the condition is what the line asks, or a sex scope says whom
KEPT = [
    ("If the left ventricular ejection fraction (LVEF) < 40, patients will be excluded.", EXC, "LVEF < 40.0 %"),
    ("If female, neither pregnant nor nursing.", INC, "if sex is female: pregnancy or lactation"),
    ("Patients with < 5 % bone marrow blasts must meet ≥ 1 of the following criteria:", INC, "review unsupported"),
    # NCT00576472, a survivor study whose controls are siblings: every record matched is a subject
    ("If a subject, at least 12 months post-completion of antineoplastic therapies", INC, "review unsupported"),
    ("If a subject, received treatment for ALL with chemotherapy directed at the brain.", INC,
     'ALL and review unsupported "received treatment for with directed at the brain" and chemotherapy'),
]


@pytest.mark.parametrize("text,ctype,rule", KEPT, ids=[k[0][:40] for k in KEPT])
def test_a_condition_that_is_the_line_itself_is_kept(text: str, ctype: CriterionType, rule: str) -> None:
    assert rule_of(text, ctype) == rule
