"""What "the study drug" stands for: the drugs the trial gives (rules_engine.parser.study_drugs). An
allergy to the very drug the trial gives excludes, and a rollover study's "continuation of study
drug" asks that the patient had it; elsewhere "study drug" (the study's start, other
investigational drugs) is read as before, and a trial with no usable drug name reads every line
as before."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser.study_drugs import asks_continuation, read_with_drugs, study_drug_names
from rules_engine.reference import evaluate_reference
from trials.structuring import structure_lines

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def record(*events: tuple[str, str]) -> PatientFacts:
    """Events of (concept, the words the hospital wrote), 100 days before the evaluation."""
    by_concept: dict[str, tuple[Event, ...]] = {}
    for concept, words in events:
        event = Event(concept, AS_OF - timedelta(days=100), True, {"quote": words})
        by_concept[concept] = (*by_concept.get(concept, ()), event)
    return PatientFacts(date(1970, 1, 1), "male", {}, by_concept)


def decide(kind: CriterionType, line: str, facts: PatientFacts, drugs: tuple[str, ...]) -> Outcome:
    criteria = structure_lines([(kind, line, None)], study_drugs=drugs)
    assert criteria[0].text == line  # the line is kept as the registry wrote it
    return evaluate_reference(TrialCriteria("NCT00000001", 1, tuple(criteria)), facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize("labels, names", [
    (["Drug: Dasatinib"], ("Dasatinib",)),
    (["Drug: Dasatinib (BMS-354825)"], ("Dasatinib",)),
    (["Drug: Cytarabine", "Biological: Rituximab"], ("Cytarabine", "Rituximab")),
    (["Drug: Placebo", "Drug: Ruxolitinib"], ("Ruxolitinib",)),
    (["Device: Infusion pump", "Procedure: Leukapheresis", "Radiation: TBI"], ()),
    (["Drug: Cytarabine", "Drug: cytarabine"], ("Cytarabine",)),
    (["nilotinib", "ruxolitinib"], ("nilotinib", "ruxolitinib")),
    (["Drug: Mitoxantrone Hydrochloride", "Drug: AZD0530"], ("Mitoxantrone", "AZD0530")),
    (["Drug: Tisagenlecleucel"], ("Tisagenlecleucel",)),
    # a regimen or a cell product is no one drug: an allergy to one of its parts would pass it
    (["Drug: Cytarabine", "Drug: FOLFIRINOX"], ()),
    (["Drug: Cytarabine", "Drug: systemic chemotherapy"], ()),
    (["Biological: CD19 CAR T cells"], ()),
    (["Drug: 5-FU/leucovorin"], ()),
    ([f"Drug: ABC-{100 + n}" for n in range(12)], ()),  # too many to stand for "the study drug"
    ([], ()),
])
def test_which_intervention_names_stand_for_the_study_drug(labels: list[str], names: tuple[str, ...]) -> None:
    assert study_drug_names(labels) == names


@pytest.mark.parametrize("line, read_as", [
    ("Known hypersensitivity to any study drug", "Known hypersensitivity to cytarabine or idarubicin"),
    ("No known hypersensitivity to the study drugs or their components", "No known hypersensitivity to cytarabine or idarubicin or their components"),
    ("History of allergy or hypersensitivity to any of the study drugs.", "History of allergy or hypersensitivity to cytarabine or idarubicin."),
    ("Known allergic reactions to the investigational product", "Known allergic reactions to cytarabine or idarubicin"),
    ("Intolerance to study medication", "Intolerance to cytarabine or idarubicin"),
    ("Known hypersensitivity to the trial treatment(s) or diluents", "Known hypersensitivity to cytarabine or idarubicin or diluents"),
    # the study's start, other investigational drugs and a drug's parts are left as written
    ("Surgery within 14 days prior to study drug", None),
    ("Treatment with any investigational agent within 30 days", None),
    ("Known hypersensitivity to any study drug component", None),
    ("Known hypersensitivity to the excipients of the study drug", None),
])
def test_a_hypersensitivity_to_the_study_drug_names_the_trials_drugs(line: str, read_as: str | None) -> None:
    assert read_with_drugs(line, ("cytarabine", "idarubicin")) == (read_as or line)


def test_a_trial_with_no_usable_drug_reads_the_line_as_written() -> None:
    line = "Known hypersensitivity to any study drug"
    assert read_with_drugs(line, ()) == line
    assert structure_lines([(EXC, line, None)], study_drugs=()) == structure_lines([(EXC, line, None)])


DASATINIB = ("dasatinib",)
ROLLOVER = (
    "Subjects who completed the previous Phase II study and for whom the investigator has deemed that continuation of "
    "study drug is in the best interest of the subject"
)

# (type, line, the record, the trial's drugs, expected)
ROWS = [
    (EXC, "Known hypersensitivity to any study drug", record(("drug_hypersensitivity", "allergy to dasatinib")), DASATINIB, MET),
    (EXC, "Known hypersensitivity to any study drug", record(("drug_hypersensitivity", "allergy to penicillin")), DASATINIB, NOT_MET),
    (EXC, "Known hypersensitivity to any study drug", record(), DASATINIB, NOT_MET),
    # without the trial's drugs an allergy is a person's to weigh
    (EXC, "Known hypersensitivity to any study drug", record(("drug_hypersensitivity", "allergy to dasatinib")), (), UNKNOWN),
    (INC, "No known hypersensitivity to the study drugs", record(("drug_hypersensitivity", "allergy to dasatinib")), DASATINIB, NOT_MET),
    # a rollover: a patient who never had the drug has nothing to continue; one who had it is
    # left to the investigator's judgement the line names
    (INC, ROLLOVER, record(("named_medication", "imatinib 400 mg tablet")), DASATINIB, NOT_MET),
    (INC, ROLLOVER, record(), DASATINIB, NOT_MET),
    (INC, ROLLOVER, record(("named_medication", "dasatinib 100 mg tablet")), DASATINIB, UNKNOWN),
    (INC, ROLLOVER, record(("named_medication", "imatinib 400 mg tablet")), (), UNKNOWN),
]


@pytest.mark.parametrize("kind, line, facts, drugs, expected", ROWS, ids=[f"{r[1][:30]}-{i}-{r[4]}" for i, r in enumerate(ROWS)])
def test_the_study_drug_decides_with_the_trials_drugs(kind, line, facts, drugs, expected) -> None:
    assert decide(kind, line, facts, drugs) is expected


def test_a_continuation_in_an_exclusion_adds_nothing() -> None:
    line = "Patients for whom continuation of study drug is not in their best interest"
    assert structure_lines([(EXC, line, None)], study_drugs=DASATINIB) == structure_lines([(EXC, line, None)])


@pytest.mark.parametrize("text", [
    "hypersensitivity to " + "any of the " * 2000 + "study drug",
    "allergy or allergy " * 2000 + " to the study drug",
    "continuation of " * 3000 + "study  " * 2000,
])
def test_the_patterns_take_bounded_time_on_hostile_text(text: str) -> None:
    start = time.perf_counter()
    read_with_drugs(text, DASATINIB)
    asks_continuation(text, DASATINIB)
    study_drug_names([f"Drug: {'a' * 5000}("])
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
