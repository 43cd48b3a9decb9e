"""Families the holdout review found misread on the eligible side (issue 14, task "known").

Each misreading failed patients the registry text lets in:

* "must not have received chemotherapy ... within 4 weeks and any toxicity from such therapy must
  have recovered to grade 1": the recovery was read under the negation, so an unrecovered grade 3
  met the line and a recovered patient never treated failed it. The recovery is a requirement of
  its own (corpus: 6 lines in 5 trials join the two with "and any/all toxicit...").
* "Patients on a stable regimen of anticoagulant therapy ... may have PT/INR measurements > 1.5 x
  ULN if ...": a value past the limit permitted to a group, read as a requirement beside the
  limit, which no patient can meet (corpus: 2 lines; "may have been/received ..." are histories
  and stay as they were).
* "No prior chemotherapy for small cell lung cancer (SCLC)": the trial's cancer named as what
  the therapy was for; read inside the name, "lung cancer" and the bracketed "SCLC" became
  conditions the line forbade, and every SCLC patient failed. "... or any chemotherapy within 5
  years of the diagnosis of SCLC": the diagnosis dates the window, it is not forbidden (corpus:
  3 lines).
* "LVEF >= 40% within 28 days before ASCT": the transplant dates the measurement, it is no
  event the patient must have had in the last 28 days (corpus: 5 lines, ASCT and allo-HCT).

The lines are the corpus's own wordings (tests.parser.test_holdout_trials._corpus); each row is
judged by both evaluators.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.facts import Measurement
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, Part, condition, healthy, lab, lvef, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NO_RECENT_THERAPY = (
    "Patients must not have received chemotherapy, radiation therapy, or had surgery within 4 weeks prior to enrollment and any toxicity "
    "from such therapy must have recovered to grade 1 or less prior to enrollment"
)
ANTICOAGULATED = (
    "Prothrombin time (PT) or international normalized ratio (INR) or partial thromboplastin time ≤1.5 x ULN. Patients on a stable, "
    "maintenance regimen of anticoagulant therapy for at least 30 days prior to study drug administration may have PT/INR measurements "
    ">1.5 x ULN if, in the opinion of the Investigator, the patient is suitable for the study. An adequate rationale must be provided to "
    "the Sponsor prior to randomization."
)
GILBERT = "Bilirubin<=1.5xULN. If Gilbert's Syndrome may have Bilirubin> 1.5 x ULN"
SCLC_NAMED = "No prior chemotherapy for small cell lung cancer (SCLC)"
SCLC_DIAGNOSIS = "No prior chemotherapy for SCLC or any chemotherapy within 5 years of the diagnosis of SCLC"
BEFORE_ASCT = "Left ventricular ejection fraction (LVEF) ≥40% within 28 days before ASCT."
BEFORE_HCT = "For MDS subjects, they must have < 20% myeloblasts in the bone marrow within 45 days prior to allo-HCT;"

# (line, type, rule)
READINGS = [
    (NO_RECENT_THERAPY, INC,
     "not (chemotherapy within 4 weeks or radiotherapy within 4 weeks or surgery within 4 weeks) and toxicity-grade <= 1"),
    (GILBERT, INC, "bilirubin <= 1.5 x ULN or (Gilbert-syndrome and bilirubin > 1.5 x ULN)"),
    (SCLC_NAMED, INC, 'not (chemotherapy or review unsupported "SCLC")'),
    # a cancer named before the therapy is the patient's: its bracket still names it (NCT00131937;
    # the transplant it permits asks nothing, test_holdout_t32x_shapes)
    ("Patients must have failed one or more prior Non-Hodgkin lymphoma (NHL) chemotherapy or antibody therapy with curative intent; "
     "autologous stem cell transplant is permitted", INC,
     'NHL and chemotherapy and review unsupported "Patients must have failed 1 … antibody therapy with curative intent"'),
    (BEFORE_ASCT, INC, 'LVEF >= 40 % and review unparsed "within 28 days before ASCT"'),
    (BEFORE_HCT, INC, 'not MDS or (BM-blasts < 20 % and review unparsed "they must have within 45 days prior to allo-HCT")'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_family_reads_as_the_registry_means(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def toxicity(grade: int) -> Part:
    return Part(measurement=Measurement("toxicity_grade", grade, None, date.fromordinal(AS_OF.toordinal() - 3)))


def sclc() -> Part:
    return condition("sclc")


# (line, type, met, not met, unknown)
ROWS = [
    # recovered and not treated lately: met; treated lately or not recovered: not met
    (NO_RECENT_THERAPY, INC, (healthy(toxicity(0)), healthy(toxicity(1), medication("chemotherapy", 90))),
     (healthy(toxicity(3)), healthy(toxicity(0), medication("chemotherapy", 10)), healthy(toxicity(0), procedure("surgery", 7))), ()),
    # within the limit meets it; past it, on anticoagulants, is the investigator's call
    (ANTICOAGULATED, INC, (), (healthy(inr=lab("inr", 1.0, uln=1.2), pt=lab("pt", 12.0, "s", uln=13.5), aptt=lab("aptt", 80, "s", uln=35)),),
     (healthy(), healthy(inr=lab("inr", 2.5, uln=1.2), pt=lab("pt", 30.0, "s", uln=13.5)))),
    # the trial's own cancer never fails it; the chemotherapy does
    (SCLC_NAMED, INC, (), (healthy(sclc(), medication("chemotherapy", 400)),), (healthy(sclc()),)),
    (SCLC_DIAGNOSIS, INC, (healthy(sclc()),), (healthy(sclc(), medication("chemotherapy", 400)),), ()),
    # no transplant on record fails nothing: the measurement decides what it can
    (BEFORE_ASCT, INC, (), (healthy(lvef=lvef(30)),), (healthy(),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# The MTD sentence (corpus: 2 lines "may be counted towards"): whom the dose finding counts
MTD = (
    "All ages are eligible. Those aged 12 years or older may be counted towards the MTD in the Phase I portion of the trial. Pediatric "
    "patients are eligible, but must be treated at a dose level previously tested in an adult (one full course)."
)


def test_whom_the_dose_finding_counts_is_no_age_bound():
    assert "age" not in {p.concept for p in iter_predicates(parse_line(MTD, INC).expr)}


# The holdout's leukaemias and marrow disorders no concept named (T61-T65): each now a concept a
# hospital codes (ICD-10-CM C91.6 T-PLL, C92.3 myeloid sarcoma, D61.0 constitutional aplastic
# anaemia, D61.03 Fanconi anaemia; ambiguous lineage has no code of its own: a C95.0 record is
# an acute leukaemia whose lineage is unknown). Corpus: 20 lines change, each read.
CONCEPT_LINES = [
    ("Confirmed diagnosis of T-cell PLL according to the WHO classification.", INC, "T-PLL"),
    ("T-cell prolymphocytic leukemia (T-PLL)", EXC, "T-PLL"),
    ("Patients must have a diagnosis of relapsed/refractory AML, ALL or acute leukemia of ambiguous lineage and meet the following criteria:", INC,
     "(relapsed or refractory) and (AML or ALL or ambiguous-lineage-leukemia)"),
    ("Acute leukemia of ambiguous lineage (biphenotypic leukemia)", EXC, "ambiguous-lineage-leukemia"),
    ("Patients with AML or leukemia with ambiguous lineage must have greater than or equal to 5% blasts in the bone marrow.", INC,
     "not (AML or ambiguous-lineage-leukemia) or BM-blasts >= 5 %"),
    ("Patients with CNS2 or CNS 3 disease or bulky chloromatous disease.", EXC, 'CNS-involvement or (myeloid-sarcoma and review unparsed "bulky")'),
    ("Patients with known history of Trisomy 21 (Down Syndrome), history of congenital immunodeficiency or inherited marrow failure disorder.", EXC,
     "Down-syndrome or primary-immunodeficiency or inherited-marrow-failure"),
    ("Fanconi anemia, Kostmann syndrome, Shwachman syndrome or any other known bone marrow failure syndrome", EXC,
     'Fanconi-anemia or congenital-neutropenia or Shwachman-Diamond-syndrome or marrow-failure'),
]


@pytest.mark.parametrize("text,ctype,rule", CONCEPT_LINES, ids=[r[0][:50] for r in CONCEPT_LINES])
def test_the_leukaemias_and_marrow_failures_are_concepts(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def test_a_chloroma_a_radiotherapy_was_for_is_no_condition():
    """'palliative XRT for CNS chloromas' says what the radiotherapy treated (read as a condition,
    every irradiated patient without a chloroma failed the washout line)."""
    line = parse_line("XRT: 2 wks must have elapsed since local palliative XRT for CNS chloromas; No washout period is necessary for other "
                      "chloromas; at least 3 months must have elapsed if prior TBI, craniospinal XRT.", INC)
    assert "myeloid_sarcoma" not in {p.concept for p in iter_predicates(line.expr)}


# (line, type, met, not met, unknown): an absent diagnosis is absent
CONCEPT_ROWS = [
    ("Confirmed diagnosis of T-cell PLL according to the WHO classification.", INC, (healthy(condition("t_pll")),), (healthy(condition("t_all")),), ()),
    ("Patients with known history of Trisomy 21 (Down Syndrome), history of congenital immunodeficiency or inherited marrow failure disorder.", EXC,
     (healthy(condition("fanconi_anemia")), healthy(condition("inherited_marrow_failure"))), (healthy(),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(CONCEPT_ROWS))
def test_a_coded_leukaemia_or_marrow_failure_decides(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
