"""Another malignancy "requiring treatment" (``topics.malignancy_treatment``) and a disease-free
span written "free of the disease for N years" (``coded._DISEASE_FREE``), read in a blood-cancer
trial: the text, the patient's record, the outcome of the line."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics.malignancy_treatment import _treatment_only
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
AML = "Diagnosis of relapsed or refractory acute myeloid leukemia"
BREAST = "Histologically confirmed metastatic breast cancer"


def record(**events: tuple[int, bool]) -> PatientFacts:
    """Each concept with (days ago, active); a therapy active is one still taken."""
    evs = {
        c: (Event(c, AS_OF - timedelta(days=d), active, {"ongoing": True} if active and c.endswith("therapy") else {}),)
        for c, (d, active) in events.items()
    }
    return PatientFacts(date(1960, 1, 1), "male", {}, evs)


def outcome(kind: CriterionType, line: str, facts: PatientFacts, disease: str = AML) -> Outcome:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, disease), (kind, line)])))
    return evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome


REQUIRING = "Another malignancy requiring treatment at the time of inclusion"
RECEIVING = "Patients who are receiving therapy for another active malignancy are NOT eligible for participation"
PROGRESSING = "Known additional malignancy that is progressing or requires active treatment"
NO_OTHER = "No other active malignancy requiring treatment"
INTERFERE = "No other active malignancy requiring treatment that would interfere with the assessments of response"
NOT_IN_REMISSION = ("Active second malignancy other than AML which is not in remission and/or for which the patient is currently "
                    "receiving treatment")
HISTORY_NOT_IN_REMISSION = "Subject has a history of prior malignancy other than AML that is NOT in remission."
ENDOCRINE = "Second malignancy currently requiring active therapy except breast or prostate cancer stable on or responding to endocrine therapy"

ON_LEUPROLIDE = {"aml": (100, True), "prostate_cancer": (500, True), "hormone_therapy": (480, True)}
UNTREATED = {"aml": (100, True), "prostate_cancer": (500, True)}
STOPPED = {"aml": (100, True), "prostate_cancer": (500, True), "hormone_therapy": (400, False)}
NO_CANCER_ON_THERAPY = {"aml": (100, True), "hormone_therapy": (480, True)}

CASES = [
    # an active other cancer with hormonal therapy taken now: the treatment the line asks
    (E, REQUIRING, ON_LEUPROLIDE, MET),
    (E, RECEIVING, ON_LEUPROLIDE, MET),
    (E, PROGRESSING, ON_LEUPROLIDE, MET),
    (I, NO_OTHER, ON_LEUPROLIDE, NOT_MET),
    # no therapy now (none, or stopped a year ago): whether the cancer requires it is a person's
    (E, REQUIRING, UNTREATED, UNKNOWN),
    (E, REQUIRING, STOPPED, UNKNOWN),
    (I, NO_OTHER, UNTREATED, UNKNOWN),
    # the therapy without an active other cancer meets nothing
    (E, REQUIRING, NO_CANCER_ON_THERAPY, NOT_MET),
    (I, NO_OTHER, NO_CANCER_ON_THERAPY, MET),
    # words beyond the treatment are a condition the therapy does not settle
    (I, INTERFERE, ON_LEUPROLIDE, UNKNOWN),
    # "which is not in remission" is what an active record says; the treatment clause is said of
    # the same malignancy: none active, none treated
    (E, NOT_IN_REMISSION, UNTREATED, MET),
    (E, NOT_IN_REMISSION, {"aml": (100, True)}, NOT_MET),
    (E, NOT_IN_REMISSION, {"aml": (100, True), "prostate_cancer": (2000, False)}, NOT_MET),
    # over a history, an active other cancer is not in remission; a resolved one may be (a person's)
    (E, HISTORY_NOT_IN_REMISSION, UNTREATED, MET),
    (E, HISTORY_NOT_IN_REMISSION, {"aml": (100, True), "prostate_cancer": (1000, False)}, UNKNOWN),
    (E, HISTORY_NOT_IN_REMISSION, {"aml": (100, True)}, NOT_MET),
    # a line that names endocrine therapy is not read here: its exception may be this patient
    (E, ENDOCRINE, ON_LEUPROLIDE, UNKNOWN),
]


@pytest.mark.parametrize("kind,line,events,expected", CASES)
def test_an_active_other_malignancy_on_hormonal_therapy_now_is_one_requiring_treatment(kind, line, events, expected):
    assert outcome(kind, line, record(**events)) is expected


def test_in_a_solid_tumour_trial_the_hormonal_therapy_may_treat_the_trials_own_disease():
    events = {"breast_cancer": (300, True), "hormone_therapy": (280, True), "melanoma": (200, True)}
    assert outcome(E, REQUIRING, record(**events), BREAST) is UNKNOWN


FREE_OF_THE_DISEASE = ("Prior history of malignancies (except for basal cell or squamous cell carcinoma of the skin or carcinoma in situ "
                       "of the cervix or breast) unless the patient has been free of the disease for at least 3 years.")
FREE_OF_DISEASE = "Prior history of malignancy unless the subject has been free of disease for > 1 year."

SPAN_CASES = [
    # an active other cancer, or one dated inside the span, is no cancer the patient is free of
    (FREE_OF_THE_DISEASE, {"aml": (100, True), "breast_cancer": (400, True)}, MET),
    (FREE_OF_THE_DISEASE, {"aml": (100, True), "breast_cancer": (900, False)}, MET),
    (FREE_OF_DISEASE, {"aml": (100, True), "breast_cancer": (300, False)}, MET),
    # beyond the span and no longer active: not counted
    (FREE_OF_THE_DISEASE, {"aml": (100, True), "breast_cancer": (2000, False)}, NOT_MET),
    (FREE_OF_DISEASE, {"aml": (100, True), "breast_cancer": (500, False)}, NOT_MET),
    # the excepted skin cancer is never another malignancy
    (FREE_OF_THE_DISEASE, {"aml": (100, True), "nonmelanoma_skin_cancer": (400, True)}, NOT_MET),
    (FREE_OF_THE_DISEASE, {"aml": (100, True)}, NOT_MET),
]


@pytest.mark.parametrize("line,events,expected", SPAN_CASES)
def test_free_of_the_disease_for_n_years_is_a_disease_free_span(line, events, expected):
    assert outcome(E, line, record(**events)) is expected


def test_a_long_hostile_review_is_judged_fast():
    text = "requiring treatment " + "patients with " * 5000 + "x" * 5000
    start = time.perf_counter()
    assert not _treatment_only(text)
    assert time.perf_counter() - start < 0.5


WIDENED = ("Prior malignancy, except for adequately treated basal cell or squamous cell skin cancer, in-situ cervical cancer, "
           "or other cancer from which the subject has been disease-free for at least 5 years.")
ALSO_ALLOWED = ("Concurrent malignancy, with the exception of adequately treated and cured basal or squamous cell skin cancer, or "
                "carcinoma in situ of the cervix (previous malignancy without evidence of disease for 5 years will also be allowed to enter trial)")
CURED_ONLY = ("Other cancers except in situ carcinoma of the cervix, basal or squamous cell skin cancer, or any other cancer "
              "considered adequately treated and cured by the investigator")

SURVIVAL = ("Prior malignancy, except for adequately treated basal cell or squamous cell skin cancer, in situ cervical cancer, or other "
            "cancer from which the subject has been disease free for at least 2 years or which will not limit survival to < 2 years")
INDOLENT = ("History of another active malignancy in last 3 years. Exception: Potential participants who have been disease-free for 3 years, "
            "or have a history of completely resected nonmelanoma skin cancer and/or potential participants with indolent second malignancies are eligible.")

UNFOLDED = ("No prior malignancy is allowed except for adequately treated basal cell (or squamous cell) skin cancer, in situ cervical cancer "
            "or other cancer for which the patient has been disease-free for five years.")

WIDENED_CASES = [
    # an other cancer active today is no cancer the patient has been free of for 5 years
    (WIDENED, {"aml": (100, True), "breast_cancer": (200, True)}, MET),
    (ALSO_ALLOWED, {"aml": (100, True), "breast_cancer": (200, True)}, MET),
    # resolved inside the span: counted; beyond it: not
    (WIDENED, {"aml": (100, True), "breast_cancer": (1000, False)}, MET),
    (WIDENED, {"aml": (100, True), "breast_cancer": (4000, False)}, NOT_MET),
    (ALSO_ALLOWED, {"aml": (100, True), "breast_cancer": (4000, False)}, NOT_MET),
    # the excepted cancer keeps its own words ("adequately treated")
    (WIDENED, {"aml": (100, True), "nonmelanoma_skin_cancer": (200, True)}, UNKNOWN),
    # an exception with no span ("cured by the investigator") is still a person's
    (CURED_ONLY, {"aml": (100, True), "breast_cancer": (200, True)}, UNKNOWN),
    # a cancer the exception names that the line still counts keeps the exception's words
    (UNFOLDED, {"aml": (100, True), "nonmelanoma_skin_cancer": (200, True)}, UNKNOWN),
    (UNFOLDED, {"aml": (100, True), "breast_cancer": (1000, False)}, MET),
    # so is one that also lets in cancers an active one may be
    (SURVIVAL, {"aml": (100, True), "breast_cancer": (200, True)}, UNKNOWN),
    (INDOLENT, {"aml": (100, True), "breast_cancer": (200, True)}, UNKNOWN),
]


@pytest.mark.parametrize("line,events,expected", WIDENED_CASES)
def test_an_exception_for_cancers_disease_free_for_n_years_covers_no_active_cancer(line, events, expected):
    assert outcome(E, line, record(**events)) is expected
