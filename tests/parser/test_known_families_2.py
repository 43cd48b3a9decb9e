"""Families the holdout's remaining misreadings share with the corpus (issue 14, task "known3").

Each was a review left beside a structured part that already said what the registry means, so a
record the line decides was unknown:

* the laboratory whose limit it is, written after "ULN": "ULN for the institution", "of the
  institution", "for the lab", "for the reference lab", "for age and institution", and the limit's
  other letters "upper limit of reference range (ULRR)" (corpus: 28 lines). The record's value
  comes with its own laboratory's limit, which is the limit the line means.
* a lead-in naming the laboratory values a list of bounds gives: "Clinical laboratory values of
  a) ...", "as defined by the following laboratory parameters: ...", "Required entry laboratory
  parameters within 14 days of study entry: ..." (corpus: 17 lines). Only when bounds follow; a
  lead-in standing alone ("Abnormal laboratory values") is still a person's.
* ALT's long name without its last word: "Serum glutamate pyruvate (SGPT) (alanine
  aminotransferase [ALT])".
* which relapse it is: "in 1st or greater marrow relapse", "first or second relapse", "second or
  later hematologic relapse", "Diagnosis of 1st relapse or refractory AML" (corpus: 31 lines).
  The first or any later relapse is every relapse (and "after first relapse" any since the
  first); any other count is no record's field, so it stays a person's beside the relapse, never
  dropped (read bare, a patient in a second relapse met "In first relapse"). A relapse in the
  marrow or blood is no isolated extramedullary one. "1st relapse or refractory" had joined the
  ordinal to both statuses, so a refractory AML was unknown. A remission likewise: "in 1st or
  subsequent remission or in relapse" is any remission or a relapse; a bare "in remission" is
  read where it ends the clause or stands before "or relapse" (followed by more words it is an item
  of a list the joins do not read, and stays a person's). A group permitted at a relapse whose
  count stays a person's ("ALL are eligible at second or subsequent relapse or any relapse that is
  refractory ...") keeps its whole condition the reviewer's.

* a stand-in test: "Direct bilirubin > 1.5x the institutional ULN for age. A total bilirubin
  result that is less than 1.5 times the institutional ULN for age may be used for eligibility if
  a direct bilirubin result is not available." (3 COG lines). The asked test decides where the
  record holds it; a record with only the stand-in stays unknown. Read as an alternative bound,
  the stand-in sentence left every record unknown.
* a washout written as an interval: "Subject's interval from prior treatment to the time of study
  drug administration is at least 14 days for antineoplastic agents other than ASP2215 (except for
  hydroxyurea, which is given to control blast cells)", "In the absence of rapidly progressing
  disease, the interval from prior treatment to time of study drug administration should be at
  least 2 weeks for cytotoxic agents" (6 corpus lines, left whole to a person). The exception said
  first ("in the absence of rapidly progressing disease") keeps a recent course unknown, never
  not met; the trial's own agent ("other than ASP2215") and hydroxyurea given to control blasts
  except nothing a record's therapy holds.

* words around a reading that say nothing more: "Dialysis independent" (no dialysis, as "not
  requiring dialysis" reads), "Requires kidney dialysis (hemodialysis or peritoneal)" (every
  kind), "score of 0, 1, 0r 2" (the letter typed as a zero added a value the line never lists),
  "QTc > 480 msec (using the QTcF formula)" (how the QTc is counted), "within 3 months prior to
  starting AMN107" (the trial's own agent, named by its code, ends the window), and a page footer
  the registry's copy ran into a line ("T2005-001 Protocol version 6/27/2007 17"; 3 lines).

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, alt, ast, bilirubin, condition, creatinine, crcl, ecog, healthy, lab, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

# (line, type, rule)
LAB_READINGS = [
    ("Direct bilirubin < 1.5 x upper limit of normal (ULN) for age and institution", INC, "direct-bilirubin < 1.5 x ULN"),
    ("Total bilirubin < the upper limit of normal (ULN) of the institution", INC, "bilirubin < 1 x ULN"),
    ("ALT (SGPT) and AST (SGOT) < 1.5 x the ULN of the institution", INC, "ALT < 1.5 x ULN and AST < 1.5 x ULN"),
    ("Total Bilirubin < 1.5 times upper limit of normal (ULN) for the laboratory.", INC, "bilirubin < 1.5 x ULN"),
    ("alkaline phosphatase must be less than 2.5 x ULN for the lab; and", INC, "alp < 2.5 x ULN"),
    ("AST/ALT < 3X the ULN for the reference lab", INC, "AST < 3 x ULN and ALT < 3 x ULN"),
    ("Bilirubin ≤ 1.5 x upper limit of normal for the institution (ULN)", INC, "bilirubin <= 1.5 x ULN"),
    ("Serum bilirubin >1.5 x the upper limit of reference range (ULRR).", EXC, "bilirubin > 1.5 x ULN"),
    ("Serum glutamate pyruvate (SGPT) (alanine aminotransferase [ALT]) =< 3.0 x upper limit of normal (ULN) for age and institution (unless it is "
     "related to leukemic involvement)", INC, 'ALT <= 3 x ULN or review "unless it is related to leukemic involvement"'),
    ("Clinical laboratory values of a) Serum creatinine ≤1.5 mg/dL and calculated or measured creatinine clearance (CRcl) of ≥50 mL/min, b) Total "
     "bilirubin ≤1.5 X upper limit of normal and c) Aspartate aminotransferase (AST) or alkaline phosphatase ≤2.5 X ULN.", INC,
     "creatinine <= 1.5 mg/dL and creatinine-clearance >= 50 mL/min and bilirubin <= 1.5 x ULN and AST <= 2.5 x ULN and alp <= 2.5 x ULN"),
    ("Required entry laboratory parameters within 14 days of study entry: Granulocytes ≥ 1500/µl; platelet count ≥ 100,000/µl; Hgb > 8.0 g/dl", INC,
     "ANC >= 1.5 10*9/L and platelets >= 100 10*9/L and hemoglobin > 8 g/dL"),
    ("The following baseline laboratory data: Serum bilirubin </=1.5 x upper limit of normal (ULN) or </= 3 x ULN for patients with Gilbert's disease; "
     "Serum creatinine </=1.5 x ULN AND creatinine clearance >30 ml/min", INC,
     "(bilirubin <= 1.5 x ULN or (bilirubin <= 3 x ULN and Gilbert-syndrome)) and creatinine <= 1.5 x ULN and creatinine-clearance > 30 mL/min"),
    ("Any of the following laboratory values: Hemoglobin <9.0 gm/dl, creatinine >2 mg/dl", EXC, "hemoglobin < 9 g/dL or creatinine > 2 mg/dL"),
]

STAND_IN = ("Direct bilirubin > 1.5x the institutional ULN for age. A total bilirubin result that is less than 1.5 times the institutional ULN for age "
            "may be used for eligibility if a direct bilirubin result is not available.")
INTERVAL = ("Subject's interval from prior treatment to the time of study drug administration is at least 14 days for antineoplastic agents other "
            "than ASP2215 (except for hydroxyurea, which is given to control blast cells).")
INTERVAL_UNLESS = ("In the absence of rapidly progressing disease, the interval from prior treatment to time of study drug administration should be "
                   "at least 2 weeks for cytotoxic agents")

WASHOUT_READINGS = [
    (STAND_IN, EXC, "direct-bilirubin > 1.5 x ULN"),
    (INTERVAL, INC, "no anticancer-therapy other than (hydroxyurea) within 14 days exclusive"),
    (INTERVAL_UNLESS, INC, 'no chemotherapy within 2 weeks exclusive or review "unless rapidly progressing disease"'),
    ("Any anticancer therapy within 2 weeks with the exception of hydroxyurea, which is used to control blast counts", EXC, "anticancer-therapy other than (hydroxyurea) within 2 weeks"),
    # the cytoreduction hydroxyurea is given for, written without "given" (issue 14, criteria read right)
    ("Prior cytotoxic chemotherapy for AML except for hydroxyurea to control high white blood cell (WBC) counts.", EXC,
     "chemotherapy other than (hydroxyurea) and (AML or AML within 100 years)"),
    ("Prior chemotherapy for AML with the exception of hydroxyurea for uncontrolled leukocytosis", EXC,
     "chemotherapy other than (hydroxyurea) and (AML or AML within 100 years)"),
    # a duration narrows the exception: a person weighs it
    ("Prior chemotherapy for AML except hydroxyurea for up to 5 days", EXC,
     'chemotherapy and (AML or AML within 100 years) and review "except hydroxyurea for ≤ 5 days"'),
]

SMALL_WORDS_READINGS = [
    ("Dialysis independent", INC, "not end-stage-renal-disease"),
    ("Requires kidney dialysis (hemodialysis or peritoneal)", EXC, "end-stage-renal-disease"),
    ("Eastern Cooperative Oncology Group (ECOG) Performance Status score of 0, 1, 0r 2", INC, "ECOG <= 2"),
    ("QTc > 480 msec on screening ECG (using the QTcF formula)", EXC, "QTc > 480 ms"),
    ("Myocardial infarction within 3 months prior to starting AMN107", EXC, "myocardial-infarction within 3 months"),
    ("Age Patients must be < 21 years of age when enrolled onto this study. T2005-001 Protocol version 6/27/2007 17", INC, "age < 21 years"),
]

# a lead-in with no bound after it is still a person's
LEAD_ALONE = ["Abnormal laboratory values", "Required laboratory values", "Laboratory values"]

RELAPSE_READINGS = [
    ("Diagnosis of 1st relapse or refractory AML", INC,
     '((relapsed and review unsupported "which relapse: 1st relapse") or refractory) and AML'),
    ("In first or later marrow relapse", INC, "relapsed and not isolated-extramedullary-relapse"),
    ("Ph-negative acute leukemia in second or subsequent relapse", INC,
     'BCR-ABL1 is negative and acute-leukemia and relapsed and review unsupported "which relapse: second or subsequent relapse"'),
    ("Patients may be in first or second relapse", INC, 'relapsed and review unsupported "which relapse: first or second relapse"'),
    ("Participant is in second or later hematologic relapse or has received salvage therapy for refractory disease", EXC,
     '(relapsed and not isolated-extramedullary-relapse and review unsupported "which relapse: second or later hematologic relapse") or '
     '(refractory and review unsupported "has received salvage therapy for disease")'),
    ("Hodgkin's disease, refractory to primary chemotherapy or after first relapse", INC, "Hodgkin-lymphoma and (refractory or relapsed)"),
    ("In first relapse", INC, 'relapsed and review unsupported "which relapse: first relapse"'),
    ("ALL in 1st or subsequent remission or in relapse", INC, "ALL and (remission or relapsed)"),
    ("AML in remission", INC, "AML and remission"),
    ("Patients with AML, MPAL or MDS are eligible at first or subsequent relapse, whereas patients with ALL are eligible at second or subsequent "
     "relapse or any relapse that is refractory to salvage chemotherapy.", INC,
     '(not (AML or ambiguous-lineage-leukemia or MDS) or relapsed) and (not ALL or review unsupported "at second or subsequent relapse or any '
     'relapse that is refractory to salvage chemotherapy")'),
]


READINGS = LAB_READINGS + RELAPSE_READINGS + WASHOUT_READINGS + SMALL_WORDS_READINGS


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_family_reads_as_the_registry_means(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


@pytest.mark.parametrize("text", LEAD_ALONE)
def test_a_laboratory_lead_in_without_bounds_stays_a_review(text):
    assert render_rule(parse_line(text, INC).expr, None).startswith("review")


MARROW_RELAPSE = (
    "Histologically confirmed relapsed or refractory Acute Myeloid Leukemia (AML) and meet the following criteria: Relapsed disease is defined as "
    "AML in 1st or greater marrow relapse; Refractory disease is defined as AML which failed to go into remission after 1st or greater relapse, OR AML "
    "which failed to go into remission after two or more induction attempts from original diagnosis"
)
FIRST_OR_REFRACTORY = "Diagnosis of 1st relapse or refractory AML"
SECOND_RELAPSE = "Participant is in second or later hematologic relapse"


def aml(*statuses: str) -> PatientFacts:
    return adult(condition("aml"), *(condition(s, 30) for s in statuses))


# (line, type, met, not met, unknown)
ROWS = [
    # the institution's limit is the one the record's value carries
    ("Direct bilirubin < 1.5 x upper limit of normal (ULN) for age and institution", INC,
     (healthy(direct_bilirubin=lab("direct_bilirubin", 0.2, "mg/dL", uln=0.3)),),
     (healthy(direct_bilirubin=lab("direct_bilirubin", 0.9, "mg/dL", uln=0.3)),), ()),
    ("Serum glutamate pyruvate (SGPT) (alanine aminotransferase [ALT]) =< 3.0 x upper limit of normal (ULN) for age and institution", INC,
     (healthy(alt=alt(60)),), (healthy(alt=alt(200)),), ()),
    ("Total bilirubin < the upper limit of normal (ULN) of the institution", INC, (healthy(bilirubin=bilirubin(0.8)),),
     (healthy(bilirubin=bilirubin(2.0)),), ()),
    ("Clinical laboratory values of a) Serum creatinine ≤1.5 mg/dL and calculated or measured creatinine clearance (CRcl) of ≥50 mL/min, b) Total "
     "bilirubin ≤1.5 X upper limit of normal and c) Aspartate aminotransferase (AST) or alkaline phosphatase ≤2.5 X ULN.", INC,
     (healthy(creatinine_clearance=crcl(80)),), (healthy(creatinine=creatinine(2.0), creatinine_clearance=crcl(80)), healthy(ast=ast(300))), ()),
    # which relapse: any relapse in the marrow meets it (an AML neither relapsed nor refractory meets only the
    # unread second alternative); a refractory AML meets "1st relapse or refractory"
    # the capital OR stands inside the refractory item of the definitions ("...; Refractory disease is
    # defined as ... after 1st or greater relapse, OR AML which failed ... two or more induction
    # attempts"): it defines refractory disease, it adds no case beside it (cut at the OR, an AML
    # with no status on record was left open by the second half; holdout T12-remission)
    (MARROW_RELAPSE, INC, (aml("relapsed"), aml("refractory")), (aml(), aml("remission")), ()),
    (FIRST_OR_REFRACTORY, INC, (aml("refractory"),), (aml(), aml("remission")), (aml("relapsed"),)),
    # the count is a person's: a relapse on record is unknown, never cleared; none is not met
    (SECOND_RELAPSE, EXC, (), (aml(), aml("refractory")), (aml("relapsed"),)),
    ("In first relapse", INC, (), (aml(),), (aml("relapsed"),)),
    ("ALL in 1st or subsequent remission or in relapse", INC,
     (adult(condition("b_all"), condition("remission", 30)), adult(condition("b_all"), condition("relapsed", 30))), (adult(condition("b_all")),), ()),
    # the direct bilirubin decides where the record holds it; a total bilirubin alone is a person's
    (STAND_IN, EXC, (healthy(direct_bilirubin=lab("direct_bilirubin", 1.0, "mg/dL", uln=0.3)),),
     (healthy(direct_bilirubin=lab("direct_bilirubin", 0.2, "mg/dL", uln=0.3)),), (healthy(),)),
    # a course 10 days ago fails the washout; hydroxyurea 3 days ago, which the line excepts, does not
    # (read with the exception, it no longer leaves the anticancer therapy open: derive.OPEN_BESIDE)
    (INTERVAL, INC, (healthy(), healthy(medication("hydroxyurea", 3)), healthy(medication("chemotherapy", 60))),
     (healthy(medication("chemotherapy", 10)),), ()),
    # ... unless the disease progresses fast, which no record says: unknown, never not met
    (INTERVAL_UNLESS, INC, (healthy(), healthy(medication("chemotherapy", 60))), (), (healthy(medication("chemotherapy", 10)),)),
    # a dependence on dialysis (Z99.2) fails "Dialysis independent"; none meets it
    ("Dialysis independent", INC, (healthy(),), (healthy(condition("dialysis")),), ()),
    ("Eastern Cooperative Oncology Group (ECOG) Performance Status score of 0, 1, 0r 2", INC, (healthy(ecog(2)),), (healthy(ecog(3)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
