"""A heading that names only the patients of one disease ("Solid tumors:", "ALL/CML:", "For
patients with solid tumors:", "AML patients:", "Patients with MDS:") over lines written for them
(the holdout's T152 and T155; 8 corpus headings of the shape, both types).

- The lines under it concern that disease's patients only: a patient without it is not judged by
  them (the inclusion heading and its lines hold for him), a patient with it is judged as by any
  heading's lines. Read as a requirement of its own, the label asked every patient for the disease
  (a leukaemia failed the solid tumours' counts, a solid tumour failed "ALL/CML:").
- Every word of the label must be a disease read: "ALL/CML" is ALL or CML (read beside its slash,
  ALL was lost and a patient with ALL would have escaped the lines the text asks of him).
- Where the trial names the disease nowhere else (its disease headings may be its only diagnosis
  menu), a patient without it is left to a person, never met on the label's strength.
- Only the lines of the heading's own list are scoped: a line that heads a list of its own or names
  other patients ("For Patients with Leukemia (Part B only)") ends it, and what the registry
  nested after stays asked of everyone.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.disease_headings import disease_label
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render
from tests.fixtures.records import AS_OF, adult, condition, lab, platelets

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

Rows = list[tuple[CriterionType, str, int | None]]


def _judged(rows: Rows, facts: PatientFacts) -> tuple[list[Outcome], Eligibility]:
    outcome = evaluate_reference(TrialCriteria("NCT00000098", 1, parse_lines(rows)), facts, AS_OF)
    return [c.outcome for c in outcome.criteria], outcome.eligibility


@pytest.mark.parametrize(
    "text, read",
    [
        ("Solid tumors:", "solid-tumor"),
        ("ALL/CML:", "ALL or CML"),
        ("For patients with solid tumors:", "solid-tumor"),
        ("AML patients:", "AML"),
        ("Patients with MDS:", "MDS"),
        ("Lymphoma patients:", "lymphoma"),
        ("For Patients with Solid Tumours (Parts A and C):", "solid-tumor"),
        ("AML or MDS patients only:", "AML or MDS"),
        # a lead-in asking its list of the patients it names, a bracket adding a disease to them
        ("Patients with lymphoma (including CLL) must also have adequate marrow function as follows:", "lymphoma or CLL"),
        ("Patients with MDS must have:", "MDS"),
    ],
    ids=["bare", "slash", "for-patients-with", "abbreviation-patients", "patients-with", "word-patients", "parts-bracket", "two-only",
         "must-have-lead-in", "must-have-bare"],
)
def test_a_label_naming_only_a_diseases_patients_is_read_as_that_disease(text: str, read: str) -> None:
    label = disease_label(text)
    assert label is not None and render(label) == read


@pytest.mark.parametrize(
    "text",
    [
        "Hematologic function:",  # no disease
        "No solid tumors:",  # an absence, not whom the lines are for
        "Relapsed AML:",  # a status is a requirement, not a scope
        "Patients with AML and ECOG 0-1:",  # a requirement beside the disease
        "Solid tumors (measurable disease):",  # a bracket that asks something
        "Solid tumors",  # no colon: a line of its own
        "ALL/CML: platelets >= 20,000",  # the line goes on after the label
        "Patients with a brain metastasis must have had either:",  # a complication, not a disease's patients
        "Patients with AML must have relapsed disease",  # no lead-in: the line asks it itself
    ],
    ids=["no-disease", "negated", "status", "more-words", "bracket-asks", "no-colon", "inline", "must-have-complication", "must-have-no-colon"],
)
def test_a_heading_that_says_more_than_its_patients_is_no_disease_label(text: str) -> None:
    assert disease_label(text) is None


DIAGNOSIS = (INC, "Relapsed solid tumor or ALL or CML", None)
# the T152 shape: each disease's counts under a label of its patients
BLOCKS: Rows = [
    DIAGNOSIS,
    (INC, "Solid tumors:", None),
    (INC, "Platelet count >= 100,000/mm^3", 1),
    (INC, "ALL/CML:", None),
    (INC, "Platelet count >= 20,000/mm^3", 3),
]
RELAPSED_ALL = (condition("all"), condition("relapsed", 30))
RELAPSED_TUMOR = (condition("solid_tumor"), condition("relapsed", 30))


@pytest.mark.parametrize(
    "facts, outcomes, verdict",
    [
        (adult(*RELAPSED_ALL, platelets(50)), [MET, MET, MET, MET, MET], Eligibility.ELIGIBLE),
        (adult(*RELAPSED_ALL, platelets(10)), [MET, MET, MET, NOT_MET, NOT_MET], Eligibility.INELIGIBLE),
        (adult(*RELAPSED_TUMOR, platelets(150)), [MET, MET, MET, MET, MET], Eligibility.ELIGIBLE),
        (adult(*RELAPSED_TUMOR, platelets(50)), [MET, NOT_MET, NOT_MET, MET, MET], Eligibility.INELIGIBLE),
        (adult(condition("cml"), condition("relapsed", 30), platelets(10)), [MET, MET, MET, NOT_MET, NOT_MET], Eligibility.INELIGIBLE),
        (adult(*RELAPSED_ALL), [MET, MET, MET, UNKNOWN, UNKNOWN], Eligibility.POSSIBLY_ELIGIBLE),
    ],
    ids=["all-counts-met", "all-counts-failed", "tumor-counts-met", "tumor-counts-failed", "cml-behind-slash", "all-no-count"],
)
def test_a_disease_headings_lines_judge_only_that_diseases_patients(facts: PatientFacts, outcomes: list[Outcome], verdict: Eligibility) -> None:
    assert _judged(BLOCKS, facts) == (outcomes, verdict)


EXCLUDING: Rows = [
    DIAGNOSIS,
    (EXC, "Patients with MDS:", None),
    (EXC, "Prior allogeneic transplant", 1),
]


@pytest.mark.parametrize(
    "facts, outcome",
    [
        (adult(condition("mds"), condition("allo_hsct", 200)), MET),
        (adult(condition("mds")), NOT_MET),
        (adult(*RELAPSED_ALL, condition("allo_hsct", 200)), NOT_MET),
    ],
    ids=["mds-transplanted", "mds-not-transplanted", "other-disease-transplanted"],
)
def test_an_exclusion_under_a_disease_heading_excludes_only_that_diseases_patients(facts: PatientFacts, outcome: Outcome) -> None:
    assert _judged(EXCLUDING, facts)[0][1] is outcome


# the disease named nowhere else: the headings may be the trial's only diagnosis menu
UNNAMED: Rows = [(INC, "AML patients:", None), (INC, "Platelet count >= 20,000/mm^3", 0)]


@pytest.mark.parametrize(
    "facts, outcome",
    [
        (adult(condition("aml"), platelets(50)), MET),
        (adult(condition("aml"), platelets(10)), NOT_MET),
        (adult(condition("cll"), platelets(50)), UNKNOWN),
    ],
    ids=["aml-met", "aml-failed", "other-disease-open"],
)
def test_a_disease_the_trial_names_nowhere_else_leaves_other_patients_to_a_person(facts: PatientFacts, outcome: Outcome) -> None:
    assert _judged(UNNAMED, facts)[0][0] is outcome


# the T155 layout: the solid tumours' counts, then another patients' list nested under them
NESTED: Rows = [
    DIAGNOSIS,
    (INC, "For Patients with Solid Tumours (Parts A and C):", None),
    (INC, "Absolute neutrophil count >= 1.0 x 10^9/L", 1),
    (INC, "For Patients with Leukemia (Part B only)", 1),
    (INC, "Platelet count >= 20,000/mm^3", 3),
    (INC, "Serum triglycerides < 3.4 mmol/L", 1),
]


@pytest.mark.parametrize(
    "facts, heading",
    [
        (adult(*RELAPSED_ALL, lab("anc", 0.5, "10*9/L"), platelets(50), lab("triglycerides", 2.0, "mmol/L")), MET),
        (adult(*RELAPSED_ALL, lab("anc", 0.5, "10*9/L"), platelets(50), lab("triglycerides", 5.0, "mmol/L")), NOT_MET),
        (adult(*RELAPSED_TUMOR, lab("anc", 0.5, "10*9/L"), platelets(50), lab("triglycerides", 2.0, "mmol/L")), NOT_MET),
    ],
    ids=["leukemia-spared-the-counts", "line-after-the-list-still-asked", "tumor-counts-failed"],
)
def test_only_the_headings_own_list_is_scoped(facts: PatientFacts, heading: Outcome) -> None:
    assert _judged(NESTED, facts)[0][1] is heading
