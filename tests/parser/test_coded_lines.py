"""Lines about concepts hospitals already code, read into those concepts and decided on records.

Synthetic lines in the shapes the registries use (dose and window, exceptions, product lists);
each row says what the line must ask and how it decides a record: met, not met, unknown.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, Op, Predicate, iter_predicates
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from rules_engine.criteria import TrialCriteria

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


def record(events: dict[str, tuple[int, bool]] | None = None, measurements: dict[str, float | str] | None = None,
           attributes: dict[str, dict] | None = None) -> PatientFacts:
    evs = {c: (Event(c, ago(d), active, (attributes or {}).get(c, {})),) for c, (d, active) in (events or {}).items()}
    ms = {c: (Measurement(c, v, "mg/d" if c == "steroid_dose" else None, ago(5)),) for c, v in (measurements or {}).items()}
    return PatientFacts(date(1980, 1, 1), "female", ms, evs)


def outcome(criteria, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, tuple(criteria))
    return evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome


STEROID = "Systemic corticosteroids at a dose > 10 mg/day of prednisone or equivalent within 14 days before enrollment"
STEROID_TOPICAL = STEROID + "; topical, inhaled or intranasal steroids are permitted"
REPLACEMENT = "Systemic steroid therapy within 72 hours before enrollment, except physiologic replacement doses"
VACCINE = "Receipt of a live attenuated vaccine within 6 weeks before enrollment"
ALLERGY = "Known hypersensitivity to fludarabine, cyclophosphamide, tocilizumab or any component of the CAR-T product"
AUTOIMMUNE = "Active autoimmune disease requiring systemic treatment in the past 2 years"
DIRECTED = "Prior treatment with blinatumomab or any other CD19-directed therapy"
TOXICITY = "Toxicities of prior therapy that have not recovered to grade 1 or less (except alopecia)"
MALIGNANCY = "History of another malignancy within 3 years, except adequately treated non-melanoma skin cancer or carcinoma in situ of the cervix"
AML_DIAGNOSIS = "Diagnosis of relapsed or refractory acute myeloid leukemia"


@pytest.mark.parametrize(
    "line, asked",
    [
        (STEROID, {("steroid_therapy", Op.WITHIN), ("steroid_dose", Op.GT)}),
        (STEROID_TOPICAL, {("steroid_therapy", Op.WITHIN), ("steroid_dose", Op.GT)}),
        (REPLACEMENT, {("steroid_therapy", Op.WITHIN), ("steroid_dose", Op.LTE)}),
        (VACCINE, {("live_vaccine", Op.WITHIN)}),
        (ALLERGY, {("allergy_fludarabine", Op.PRESENT), ("allergy_cyclophosphamide", Op.PRESENT),
                   ("allergy_tocilizumab", Op.PRESENT), ("drug_hypersensitivity", Op.PRESENT)}),
        (AUTOIMMUNE, {("autoimmune_disease", Op.PRESENT), ("steroid_therapy", Op.WITHIN), ("immunosuppressant_therapy", Op.WITHIN)}),
        (DIRECTED, {("cd19_directed_therapy", Op.PRESENT), ("car_t", Op.PRESENT)}),
        # the excepted alopecia is asked of the record: absent, the grade decides (test_holdout_shapes)
        (TOXICITY, {("toxicity_grade", Op.GT), ("alopecia", Op.PRESENT)}),
        ("Prior gemtuzumab ozogamicin", {("cd33_directed_therapy", Op.PRESENT)}),
        ("Prior inotuzumab ozogamicin within 4 weeks", {("cd22_directed_therapy", Op.WITHIN), ("car_t", Op.WITHIN)}),
        ("History of malignancy or carcinoma in situ within the past 3 years",
         {("other_malignancy", Op.WITHIN), ("carcinoma_in_situ", Op.WITHIN)}),
    ],
    ids=["steroid-dose", "steroid-topical-permitted", "replacement", "vaccine", "allergy", "autoimmune", "cd19", "toxicity",
         "cd33", "cd22-window", "in-situ-named"],
)
def test_a_line_asks_the_coded_concepts_it_names(line, asked):
    expr = parse_line(line, E).expr
    assert {(p.concept, p.op) for p in iter_predicates(expr)} == asked


def test_the_steroid_dose_bound_keeps_its_number_and_unit():
    doses = [p for p in iter_predicates(parse_line(STEROID, E).expr) if p.concept == "steroid_dose"]
    assert doses == [Predicate("steroid_dose", Op.GT, 10.0, "mg/d")]


@pytest.mark.parametrize(
    "line, facts, expected",
    [
        (STEROID_TOPICAL, record({"steroid_therapy": (3, True)}, {"steroid_dose": 26.67}), MET),
        (STEROID_TOPICAL, record({"steroid_therapy": (3, True)}, {"steroid_dose": 5}), NOT_MET),
        (STEROID_TOPICAL, record({"steroid_therapy": (3, True)}, {"steroid_dose": "not recorded"}), UNKNOWN),
        (STEROID_TOPICAL, record({"steroid_therapy": (40, True)}, {"steroid_dose": 40}), NOT_MET),
        (STEROID_TOPICAL, record(), NOT_MET),
        (REPLACEMENT, record({"steroid_therapy": (1, True)}, {"steroid_dose": 40}), MET),
        (REPLACEMENT, record({"steroid_therapy": (1, True)}, {"steroid_dose": 5}), UNKNOWN),
        (VACCINE, record({"live_vaccine": (20, True)}), MET),
        (VACCINE, record({"live_vaccine": (60, True)}), NOT_MET),
        (ALLERGY, record({"allergy_fludarabine": (400, True)}), MET),
        (ALLERGY, record({"drug_hypersensitivity": (400, True)}), UNKNOWN),
        (ALLERGY, record(), NOT_MET),
        (AUTOIMMUNE, record({"autoimmune_disease": (900, True), "immunosuppressant_therapy": (100, True)}), MET),
        (AUTOIMMUNE, record({"autoimmune_disease": (900, True)}), UNKNOWN),
        (AUTOIMMUNE, record(), NOT_MET),
        (DIRECTED, record({"cd19_directed_therapy": (200, True)}), MET),
        (DIRECTED, record({"car_t": (200, True)}), UNKNOWN),
        (DIRECTED, record({"cd22_directed_therapy": (200, True)}), NOT_MET),
        (TOXICITY, record({"alopecia": (30, True)}, {"toxicity_grade": 2}), UNKNOWN),  # the grade may be the alopecia's
        # no alopecia on record: none, so the grade-2 toxicity is another one
        (TOXICITY, PatientFacts(measurements={"toxicity_grade": (Measurement("toxicity_grade", 2, None, ago(3)),)}), MET),
        (TOXICITY.replace(" (except alopecia)", ""), PatientFacts(measurements={"toxicity_grade": (Measurement("toxicity_grade", 2, None, ago(3)),)}), MET),
        (TOXICITY, PatientFacts(measurements={"toxicity_grade": (Measurement("toxicity_grade", 1, None, ago(3)),)}), NOT_MET),
        (TOXICITY, record(), NOT_MET),  # no toxicity on record is none (derive.ABSENT_IS_NONE)
    ],
    ids=["steroid-high", "steroid-low", "steroid-dose-unrecorded", "steroid-old", "no-steroid", "replacement-high",
         "replacement-low", "vaccine-recent", "vaccine-old", "allergy-named", "allergy-other", "allergy-none",
         "autoimmune-treated", "autoimmune-untreated-record", "autoimmune-none", "cd19", "car-t-unknown-target",
         "cd22-only", "toxicity-2-may-be-alopecia", "toxicity-2-no-alopecia", "toxicity-2", "toxicity-1", "toxicity-uncoded"],
)
def test_a_coded_line_decides_records(line, facts, expected):
    assert outcome(parse_lines([(E, line)]), facts) is expected


# -- another malignancy, told the trial's own disease ---------------------------------------------

def test_the_trials_own_disease_reaches_the_other_malignancy_predicate():
    criteria = parse_lines([(I, AML_DIAGNOSIS), (E, MALIGNANCY), (E, "Concurrent active malignancy")])
    values = [p.value for c in criteria[1:] for p in iter_predicates(c.expr) if p.concept == "other_malignancy"]
    assert values == [("aml", "nonmelanoma_skin_cancer"), ("aml",)]


@pytest.mark.parametrize(
    "events, expected",
    [
        ({"aml": (100, True)}, NOT_MET),
        ({"aml": (100, True), "breast_cancer": (400, False)}, MET),
        ({"aml": (100, True), "breast_cancer": (2000, False)}, NOT_MET),
        ({"aml": (100, True), "nonmelanoma_skin_cancer": (400, True)}, UNKNOWN),  # "adequately treated"?
        ({"aml": (100, True), "nonmelanoma_skin_cancer": (400, True), "lung_cancer": (300, True)}, MET),
        ({"aml": (100, True), "carcinoma_in_situ": (400, True)}, NOT_MET),
    ],
    ids=["own-disease", "breast-cancer", "old-cancer", "excepted-skin-cancer", "skin-and-lung", "in-situ"],
)
def test_another_malignancy_in_an_aml_trial(events, expected):
    criteria = parse_lines([(I, AML_DIAGNOSIS), (E, MALIGNANCY)])
    assert outcome(criteria, record(events)) is expected


def test_without_a_known_trial_disease_a_recorded_malignancy_is_unknown_not_other():
    criteria = parse_lines([(E, "Concurrent active malignancy")])
    assert outcome(criteria, record({"aml": (100, True)})) is UNKNOWN
    assert outcome(criteria, record()) is NOT_MET
