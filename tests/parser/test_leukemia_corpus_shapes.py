"""Lines read as asking what their text never asks (issue 14): shapes found by evaluating every leukemia trial of ``../shared/corpus`` against the
example and holdout patients, where each was read as a requirement the text never makes.

* "no more than 1 prior autologous or allogeneic transplant" was read as a transplant asked for:
  every patient without one failed it. A cap is met by a patient without the event and open for
  one with it; a minimum of two or more needs the event and leaves the count open.
* "recovered from the acute toxic effects of all prior chemotherapy, immunotherapy, or
  radiotherapy" asked every patient for prior immunotherapy or radiotherapy: a therapy named as
  the cause of something else, anywhere along the cause's list, is not a history asked for.
* "Karnofsky >= 70% or Lansky > 70% for patients < 16 years" was met by any adult (the scope
  "for patients < 16" read as "met for everyone else"): the unscoped scale is the adults'.
* a dose of another drug beside a steroid ("steroid induction ... dasatinib 140 mg daily") is
  not a steroid dose.
* a window after a list holds for every therapy of the list, also past an item Eligo cannot
  read ("chemotherapy, anticancer antibodies, or investigational drug within 30 days" excluded
  every patient who ever had chemotherapy).
* "be counseled about pregnancy precautions", "agree to ongoing pregnancy testing" (the
  lenalidomide programme's wording, in every such trial's inclusion) are not a pregnancy asked for.
* "Patients with AML, ALL, MDS, CML ..., and lymphoma" lists the diseases a trial is for, one
  each, not all at once (two may name one case, "MDS in patients with AML after MDS"); "patients with X can only be registered if Y" concerns those with X.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def patient(born: int = 1980, *events: str, **values: float) -> PatientFacts:
    """A patient with the named past events (each a year ago, as intake records a past therapy or a standing condition) and measurements."""
    evs = {c: (Event(c, AS_OF - timedelta(days=365), True, {}),) for c in events}
    units = {"karnofsky": "%", "lansky": "%", "steroid_dose": "mg/d"}
    ms = {c: (Measurement(c, v, units.get(c), AS_OF - timedelta(days=5)),) for c, v in values.items()}
    return PatientFacts(date(born, 6, 1), "female", ms, evs)


def decide(kind: CriterionType, line: str, record: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines([(kind, line)]))
    return evaluate_reference(trial, record, AS_OF).criteria[-1].outcome


NO_MORE_THAN_ONE = "Must have received no more than 1 prior autologous or allogeneic stem cell transplant."
MORE_THAN_ONE = "More than one prior allogeneic transplant"
FEW_REGIMENS = "No more than 3 prior chemotherapy regimens"
MANY_REGIMENS = "Patients must have received at least 2 prior chemotherapy regimens"
ONE_REGIMEN = "Received a minimum of one prior chemotherapy regimen"

COUNT_ROWS = [
    (I, NO_MORE_THAN_ONE, patient(), MET),  # none is within the cap
    # one allogeneic on record: how many allogeneic ones is a person's count (met before only by
    # "no autologous", which let two autologous transplants meet the cap too; capped_lists)
    (I, NO_MORE_THAN_ONE, patient(1980, "allo_hsct"), UNKNOWN),
    (I, NO_MORE_THAN_ONE, patient(1980, "auto_hsct"), UNKNOWN),
    (I, NO_MORE_THAN_ONE, patient(1980, "allo_hsct", "auto_hsct"), UNKNOWN),  # two kinds: the count is open
    (I, FEW_REGIMENS, patient(), MET),
    (I, FEW_REGIMENS, patient(1980, "chemotherapy"), UNKNOWN),
    (I, "≤1 previous line of chemotherapy", patient(), MET),
    (E, MORE_THAN_ONE, patient(), NOT_MET),
    (E, MORE_THAN_ONE, patient(1980, "allo_hsct"), UNKNOWN),  # one transplant is not "more than one"
    (I, MANY_REGIMENS, patient(), NOT_MET),  # none is fewer than two
    (I, MANY_REGIMENS, patient(1980, "chemotherapy"), UNKNOWN),
    (I, ONE_REGIMEN, patient(1980, "chemotherapy"), MET),
    (I, ONE_REGIMEN, patient(), NOT_MET),
    # a grade is a severity, not a count
    (E, "Grade >= 2 peripheral sensory or motor neuropathy", patient(1980, "peripheral_neuropathy"), UNKNOWN),
    (E, "Grade >= 2 peripheral sensory or motor neuropathy", patient(), NOT_MET),
    # a number that ends a value is no count ("temperature > 38 degrees or active infection")
    (E, "Patients with temperature above 38 degrees or active infection", patient(1980, "active_infection"), MET),
    (E, "Patients with temperature above 38 degrees or active infection", patient(), UNKNOWN),  # the fever is unread
    # a count of days is a window, never a count of therapies
    (E, "Chemotherapy ≤ 4 weeks before enrollment", patient(1980, "chemotherapy"), NOT_MET),
]


@pytest.mark.parametrize("kind, line, record, expected", COUNT_ROWS, ids=[f"{i}-{r[1][:30]}-{r[3]}" for i, r in enumerate(COUNT_ROWS)])
def test_a_count_of_past_therapies_is_not_a_history_asked_for(kind, line, record, expected):
    assert decide(kind, line, record) is expected


RECOVERED = "Have fully recovered from the acute toxic effects of all prior chemotherapy, immunotherapy, or radiation therapy prior to entering this study"
RECOVERED_SCT = (
    "Patients must have recovered from the acute toxic effects of all prior chemotherapy, immunotherapy, stem cell transplant or "
    "radiotherapy prior to entering this study"
)
SIDE_EFFECTS = "The participant has a brain tumor or significant side effects, including severe neurological side effects, from a previous anti-cancer treatment"
GVHD_DUE_TO = "Have evidence of graft-versus-host disease due to an allogenic bone marrow transplant."

CAUSE_ROWS = [
    # never "not met" for want of prior radiotherapy; "prior to entering this study" is the time of
    # entry (as "prior to study entry"), and a record with no toxicity grade has none unresolved
    (I, RECOVERED, patient(), MET),
    (I, RECOVERED, patient(1980, "chemotherapy"), MET),
    (I, RECOVERED_SCT, patient(), MET),
    (E, SIDE_EFFECTS, patient(1980, "anticancer_therapy"), UNKNOWN),  # prior therapy alone does not exclude
    (E, GVHD_DUE_TO, patient(1980, "allo_hsct"), NOT_MET),  # a transplant without GVHD is not excluded
    (E, GVHD_DUE_TO, patient(1980, "allo_hsct", "gvhd"), MET),
]


@pytest.mark.parametrize("kind, line, record, expected", CAUSE_ROWS, ids=[f"{i}-{r[1][:30]}-{r[3]}" for i, r in enumerate(CAUSE_ROWS)])
def test_a_therapy_named_as_a_cause_is_not_asked_for(kind, line, record, expected):
    assert decide(kind, line, record) is expected


KPS_OR_LANSKY = "Performance status by Karnofsky of >= 70% or Lansky > 70% for patients < 16 years of age"

SCOPE_ROWS = [
    (KPS_OR_LANSKY, patient(1980, karnofsky=50), NOT_MET),  # an adult's Karnofsky decides
    (KPS_OR_LANSKY, patient(1980, karnofsky=80), MET),
    (KPS_OR_LANSKY, patient(2015, lansky=80), MET),
    (KPS_OR_LANSKY, patient(1980, lansky=80), UNKNOWN),  # a Lansky score is not the adults' scale
    ("Lansky >= 50 for patients <= 16 years", patient(1980), MET),  # alone, it concerns children only
    ("ECOG 0-2 or Lansky >= 50 for patients < 16 years", patient(1980, ecog=3), NOT_MET),
]


@pytest.mark.parametrize("line, record, expected", SCOPE_ROWS, ids=[f"{i}-{r[0][:30]}-{r[2]}" for i, r in enumerate(SCOPE_ROWS)])
def test_an_age_scope_belongs_to_the_scale_it_follows(line, record, expected):
    assert decide(I, line, record) is expected


def test_a_dose_beside_another_drug_is_not_a_steroid_dose():
    line = "Steroid therapy with dasatinib 140 mg daily"
    on_steroids = PatientFacts(date(1980, 6, 1), "female", {}, {"steroid_therapy": (Event("steroid_therapy", AS_OF - timedelta(days=3), True, {}),)})
    assert decide(E, line, on_steroids) is UNKNOWN  # read as "steroids >= 140 mg/day", no dose on record decided nothing either way
    assert "steroid_dose" not in str(parse_lines([(E, line)])[0].expr)


WINDOW_ROWS = [
    ("Received any chemotherapy, external beam radiation therapy, anticancer antibodies, or investigational drug within 30 days before first dose",
     patient(1980, "chemotherapy"), UNKNOWN),  # a year-old chemotherapy is outside the window; the antibodies are open
    # (rx8: monoclonal antibodies are a catalogue class now, read under the list's window: a record
    # with none of them and a year-old chemotherapy does not meet the line)
    ("Chemotherapy, monoclonal antibodies, or investigational drug within 30 days before first dose", patient(1980, "chemotherapy"), NOT_MET),
    ("Chemotherapy, monoclonal antibodies, or investigational drug within 30 days before first dose", patient(), NOT_MET),
    ("Prior chemotherapy; radiotherapy within 30 days", patient(1980, "chemotherapy"), MET),  # a clause break ends the list
]


@pytest.mark.parametrize("line, record, expected", WINDOW_ROWS, ids=[f"{i}-{r[0][:30]}-{r[2]}" for i, r in enumerate(WINDOW_ROWS)])
def test_a_window_after_a_list_holds_for_the_whole_list(line, record, expected):
    assert decide(E, line, record) is expected


@pytest.mark.parametrize("kind", [I, E])
@pytest.mark.parametrize(
    "line",
    ["Be counseled about pregnancy precautions and risks of fetal exposure.", "FCBP must also agree to ongoing pregnancy testing.",
     "Women of childbearing potential must have a pregnancy test within 7 days"],
    ids=["counselling", "testing", "test-without-result"],
)
def test_pregnancy_as_a_topic_asks_no_pregnancy(kind, line):
    assert decide(kind, line, patient()) is UNKNOWN


def test_a_positive_pregnancy_test_is_still_the_pregnancy():
    pregnant = PatientFacts(date(1990, 6, 1), "female", {}, {"pregnancy": (Event("pregnancy", AS_OF - timedelta(days=20), True, {}),)})
    assert decide(E, "Pregnant women or women with positive pregnancy test", pregnant) is MET


LISTED = "Patients with AML, ALL, Hodgkin's disease, MDS (including CMML), CML in late chronic or accelerated phase or in blast crisis, and lymphoma in first or later relapses."

DISEASE_LIST_ROWS = [
    (I, LISTED, patient(1980), NOT_MET),  # none of the diseases
    (I, LISTED, patient(1980, "aml"), MET),  # one of them: the relapse is the lymphoma's own (status_units), not every disease's
    (E, "Patients with AML, ALL, MDS and CML", patient(1980, "aml"), MET),  # any one of them excludes
    (E, "Myelodysplastic syndrome (MDS) in patients with AML after MDS according to the WHO classification", patient(1980, "aml"), NOT_MET),  # one case: both
    (I, "Patients with AML and MDS", patient(1980, "aml"), MET),  # two listed bare are the kinds of patient taken, as three are
    (I, "Acute myeloid leukemia arising from MDS", patient(1980, "aml"), NOT_MET),  # words between: one case, both asked
]


@pytest.mark.parametrize("kind, line, record, expected", DISEASE_LIST_ROWS, ids=[f"{i}-{r[1][:30]}-{r[3]}" for i, r in enumerate(DISEASE_LIST_ROWS)])
def test_a_list_of_diseases_names_one_each(kind, line, record, expected):
    assert decide(kind, line, record) is expected


@pytest.mark.parametrize(
    "line",
    ['Patients with a "currently active" second malignancy other than non-melanoma skin cancers can only be registered if survival from the second malignancy is expected to be more than 1 year',
     "Patients with prior history of stem cell transplant may only be enrolled if they meet all other criteria"],
    ids=["second-malignancy", "transplant"],
)
def test_a_conditional_registration_concerns_only_the_patients_it_names(line):
    assert decide(I, line, patient(1980)) is MET  # read as the condition asked of everyone, every patient failed


def test_an_abbreviation_glossed_in_parentheses_is_one_condition():
    """"Factor V < 50% without DIC (Disseminated Intravascular Coagulation)": the gloss read as a
    second DIC alternative, negated, excluded every patient without DIC."""
    line = "Factor V < 50% without DIC (Disseminated Intravascular Coagulation)"
    assert decide(E, line, patient(1980)) is UNKNOWN
    assert decide(E, "DIC (disseminated intravascular coagulation)", patient(1980, "dic")) is MET
