"""Concepts hospitals already code, read from the resources they send them in.

Each fixture is shaped the way an EHR sends it: Epic (a MedicationRequest whose medication is a
``medicationReference`` to a Medication in the bundle, tall-man names, UCUM doses and a timing
repeat), Cerner (a MedicationStatement with an RxNorm product code, a GTS timing code, a route),
Synthea (a MedicationRequest with an RxNorm clinical drug, a dose in tablets, ``authoredOn``
only). Then the facts are evaluated through both engines, and the reason must quote the record.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from matcher.intake import normalise
from rules_engine.criteria import All, Any_, Criterion, CriterionType, Op, Predicate, Review, ReviewReason, TrialCriteria, Window
from rules_engine.engine import MatchingEngine
from rules_engine.outcome import Outcome
from rules_engine.reference import evaluate_reference
from rules_engine.snapshot import snapshot

from intake_helpers import ICD10, PATIENT_URL, SNOMED, bundle, condition

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ATC = "http://www.whocc.no/atc"
CVX = "http://hl7.org/fhir/sid/cvx"
GTS = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation"
AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
P = Predicate
_ENGINE = MatchingEngine()


def read(*resources: dict[str, Any], extra_entries: list[dict[str, Any]] | None = None):
    data = bundle(*resources)
    data["entry"] += extra_entries or []
    return normalise(data)


def facts(*resources: dict[str, Any], **kw: Any):
    return read(*resources, **kw).facts


def concept(text: str | None = None, system: str | None = None, code: str | None = None, display: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if system:
        coding = {"system": system, "code": code}
        if display:
            coding["display"] = display
        data["coding"] = [coding]
    if text:
        data["text"] = text
    return data


def statement(medication: dict[str, Any], status: str = "active", **extra: Any) -> dict[str, Any]:
    data = {"resourceType": "MedicationStatement", "status": status, "medicationCodeableConcept": medication,
            "subject": {"reference": PATIENT_URL}}
    data.update(extra)
    return data


def request(medication: dict[str, Any] | None = None, status: str = "active", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"resourceType": "MedicationRequest", "status": status, "intent": "order",
                            "subject": {"reference": PATIENT_URL}}
    if medication is not None:
        data["medicationCodeableConcept"] = medication
    data.update(extra)
    return data


def dosage(value: float | None, unit: str | None = "mg", per_day: int | None = 1, code: str | None = None,
           route: dict[str, Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if value is not None:
        quantity: dict[str, Any] = {"value": value}
        if unit:
            quantity.update(unit=unit, system="http://unitsofmeasure.org", code=unit)
        data["doseAndRate"] = [{"doseQuantity": quantity}]
    if per_day is not None:
        data["timing"] = {"repeat": {"frequency": per_day, "period": 1, "periodUnit": "d"}}
    elif code is not None:
        data["timing"] = {"code": {"coding": [{"system": GTS, "code": code}], "text": code}}
    if route is not None:
        data["route"] = route
    return data


def immunization(vaccine: dict[str, Any], when: str = "2026-02-01", status: str = "completed") -> dict[str, Any]:
    return {"resourceType": "Immunization", "status": status, "vaccineCode": vaccine,
            "patient": {"reference": PATIENT_URL}, "occurrenceDateTime": when}


def allergy(code: dict[str, Any], **extra: Any) -> dict[str, Any]:
    data = {"resourceType": "AllergyIntolerance", "patient": {"reference": PATIENT_URL}, "code": code}
    data.update(extra)
    return data


def decide(expr, record, kind: CriterionType = CriterionType.EXCLUSION):
    trial = TrialCriteria("coded", 1, (Criterion(kind, "line", expr),))
    reference = evaluate_reference(trial, record, AS_OF)
    _ENGINE.add_trials([trial])
    durable = _ENGINE.evaluate(record, AS_OF, ["coded"])[0]
    assert durable == reference
    return reference.criteria[0]


# -- corticosteroids: which records are systemic therapy ------------------------------------------

@pytest.mark.parametrize(
    "medication, route",
    [
        (concept("predniSONE (DELTASONE) 20 MG tablet"), None),  # Epic's tall-man name
        (concept(system=RXNORM, code="312617", display="predniSONE 5 MG Oral Tablet"), None),  # a product code
        (concept(system=RXNORM, code="3264"), None),  # the ingredient code alone
        (concept(system=ATC, code="H02AB02", display="dexamethasone"), None),
        (concept("hydrocortisone 10 mg tablet"), concept("Oral", SNOMED, "26643006")),
        (concept("Solu-Medrol 125 mg injection"), None),
    ],
    ids=["epic-text", "rxnorm-product", "rxnorm-ingredient", "atc", "oral-route", "brand"],
)
def test_a_systemic_corticosteroid_is_steroid_therapy(medication, route):
    record = facts(statement(medication, dosage=[dosage(10, route=route)], effectiveDateTime="2026-02-20"))
    assert "steroid_therapy" in record.events


@pytest.mark.parametrize(
    "medication, route",
    [
        (concept("hydrocortisone 1 % Topical Cream"), None),
        (concept("fluticasone/salmeterol inhaler"), None),
        (concept("budesonide 0.5 MG/2ML Inhalation Suspension"), None),
        (concept("prednisolone acetate 1 % Ophthalmic Suspension"), None),
        (concept("dexamethasone 0.1 %"), concept("Ophthalmic route", SNOMED, "54485002")),
        (concept("triamcinolone 40 MG/ML injection"), concept("Intra-articular route", SNOMED, "12130007")),
    ],
    ids=["cream", "inhaler", "nebulised", "eye-drops", "eye-route", "joint"],
)
def test_topical_inhaled_eye_and_joint_steroids_are_not_systemic_therapy(medication, route):
    record = read(statement(medication, dosage=[dosage(1, route=route)], effectiveDateTime="2026-02-20"))
    assert "steroid_therapy" not in record.facts.events
    assert record.ignored


# -- corticosteroids: dose and recency ----------------------------------------------------------------

@pytest.mark.parametrize(
    "record_dosage, medication, mg_per_day",
    [
        (dosage(20, "mg", 1), "prednisone 20 MG Oral Tablet", 20),
        (dosage(4, "mg", 2), "dexamethasone 4 MG Oral Tablet", 53.33),  # 8 mg dex x 6.67
        (dosage(2, "{tbl}", None, code="BID"), "prednisone 5 MG Oral Tablet", 20),  # Synthea: tablets, a GTS code
        (dosage(500, "ug", None, code="QD"), "dexamethasone tablet", 3.33),
        (dosage(20, "mg", 3), "hydrocortisone 10 MG Oral Tablet", 15),  # 60 mg HC = 15 mg prednisone
    ],
    ids=["mg-daily", "dexamethasone-bid", "tablets-times-strength", "micrograms", "hydrocortisone"],
)
def test_the_daily_dose_is_kept_in_prednisone_equivalents(record_dosage, medication, mg_per_day):
    record = facts(statement(concept(medication), dosage=[record_dosage], effectiveDateTime="2026-02-20"))
    assert record.measurements["steroid_dose"][0].value == pytest.approx(mg_per_day, abs=0.01)
    assert record.measurements["steroid_dose"][0].unit == "mg/d"


@pytest.mark.parametrize(
    "record_dosage",
    [dosage(None), dosage(20, "mg", None), dosage(1, "mg/kg", 1), dosage(2, "{tbl}", 1)],
    ids=["no-dose", "no-timing", "per-kg", "tablets-of-unknown-strength"],
)
def test_a_dose_that_cannot_be_read_leaves_the_dose_unknown_never_zero(record_dosage):
    record = facts(statement(concept("prednisone tablet"), dosage=[record_dosage], effectiveDateTime="2026-02-20"))
    assert record.measurements["steroid_dose"][0].value == "not recorded"
    assert "steroid_therapy" in record.events


STEROID_LINE = All((P("steroid_therapy", Op.WITHIN, window=Window(14, "days")), P("steroid_dose", Op.GT, 10, "mg/d")))


def test_a_dose_above_the_bound_within_the_window_is_met_and_the_reason_quotes_drug_dose_and_date():
    record = facts(statement(concept("dexamethasone 4 MG Oral Tablet"), status="completed",
                             dosage=[dosage(4, "mg", 2)], effectivePeriod={"start": "2026-02-10", "end": "2026-02-25"}))
    result = decide(STEROID_LINE, record)
    assert result.outcome is MET
    assert "dexamethasone 4 MG Oral Tablet, 8 mg/day (= 53.33 mg/day prednisone)" in result.reason
    assert "2026-02-25" in result.reason


@pytest.mark.parametrize(
    "resource, expected",
    [
        (statement(concept("prednisone 5 MG Oral Tablet"), dosage=[dosage(5, "mg", 1)], effectiveDateTime="2025-01-01"), NOT_MET),
        (statement(concept("prednisone 20 MG Oral Tablet"), status="completed", dosage=[dosage(20, "mg", 1)],
                   effectiveDateTime="2026-01-01"), NOT_MET),
        (statement(concept("prednisone tablet"), dosage=[dosage(None)], effectiveDateTime="2026-01-01"), UNKNOWN),
        (statement(concept("prednisone 20 MG Oral Tablet"), dosage=[dosage(20, "mg", 1)], effectiveDateTime="2025-01-01"), MET),
    ],
    ids=["ongoing-low-dose", "old-high-dose", "ongoing-without-dose", "ongoing-high-dose-started-long-ago"],
)
def test_steroid_dose_and_recency_decide_or_leave_unknown(resource, expected):
    assert decide(STEROID_LINE, facts(resource)).outcome is expected


@pytest.mark.parametrize(
    "record_dosage, medication, mg_per_day",
    [
        (dosage(2000, "mg", 2), "hydroxyurea 500 MG Oral Capsule", 4000),
        (dosage(1, "g", 1), "hydroxyurea capsule", 1000),
        (dosage(None), "hydroxyurea capsule", "not recorded"),
    ],
    ids=["mg-twice-daily", "grams", "no-dose"],
)
def test_a_hydroxyurea_record_keeps_its_daily_dose(record_dosage, medication, mg_per_day):
    """"a daily dose of hydroxyurea greater than 3 g" bounds it (issue 14, rx11); none read leaves the bound unknown."""
    record = facts(statement(concept(medication), dosage=[record_dosage], effectiveDateTime="2026-02-20"))
    assert "hydroxyurea" in record.events
    assert record.measurements["hydroxyurea_dose"][0].value == (pytest.approx(mg_per_day) if isinstance(mg_per_day, int) else mg_per_day)
    assert record.measurements["hydroxyurea_dose"][0].unit == "mg/d"


def test_no_steroid_on_record_is_absent_and_the_reason_says_so():
    result = decide(STEROID_LINE, facts(condition(ICD10, "C92.00")))
    assert result.outcome is NOT_MET
    assert "no record of corticosteroid therapy" in result.reason


def test_epic_medication_reference_to_a_bundle_medication_is_followed():
    medication = {"fullUrl": "urn:uuid:medication-1", "resource": {"resourceType": "Medication", "id": "m1",
                  "code": {"coding": [{"system": RXNORM, "code": "198145", "display": "predniSONE 10 MG Oral Tablet"}]}}}
    order = request(None, medicationReference={"reference": "Medication/m1", "display": "predniSONE 10 MG tablet"},
                    authoredOn="2026-02-27", dosageInstruction=[dosage(1, "{tbl}", 2)])
    record = facts(order, extra_entries=[medication])
    assert record.measurements["steroid_dose"][0].value == 20
    assert record.events["steroid_therapy"][0].attributes["ongoing"] is True


def test_a_stopped_synthea_request_is_dated_by_authored_on_and_a_proposal_is_not_read():
    stopped = request(concept(system=RXNORM, code="312617", display="predniSONE 5 MG Oral Tablet"), status="stopped",
                      authoredOn="2025-11-03")
    assert facts(stopped).events["steroid_therapy"][0].date == date(2025, 11, 3)
    proposal = request(concept("prednisone 5 MG Oral Tablet"), intent="proposal", authoredOn="2026-02-01")
    assert facts(proposal).events == {}


# -- immunosuppressants, CD19/CD22/CD33-directed therapy -----------------------------------------
# (an immunosuppressant is an immune modulator too: "treatment with immune modulators such as
# cyclosporine", meds17)

@pytest.mark.parametrize(
    "medication, concepts",
    [
        (concept(system=RXNORM, code="42316"), {"immunosuppressant_therapy", "immunomodulator_therapy"}),
        (concept("tacrolimus 1 MG Oral Capsule"), {"immunosuppressant_therapy", "immunomodulator_therapy"}),
        (concept(system=ATC, code="L04AD01", display="ciclosporin"), {"immunosuppressant_therapy", "immunomodulator_therapy"}),
        (concept("Jakafi 10 mg tablet"), {"immunosuppressant_therapy", "immunomodulator_therapy"}),
        (concept("blinatumomab 35 MCG injection"), {"cd19_directed_therapy", "anticancer_therapy", "monoclonal_antibody_therapy"}),
        (concept("inotuzumab ozogamicin 0.9 MG injection"), {"cd22_directed_therapy", "anticancer_therapy", "monoclonal_antibody_therapy"}),
        (concept("Mylotarg (gemtuzumab ozogamicin)"), {"cd33_directed_therapy", "monoclonal_antibody_therapy"}),
        (concept("tisagenlecleucel suspension for IV infusion"), {"car_t", "cd19_directed_therapy"}),
        (concept("Tecartus (brexucabtagene autoleucel)"), {"car_t", "cd19_directed_therapy"}),
    ],
    ids=["tacrolimus-code", "tacrolimus-name", "atc-l04", "ruxolitinib-brand", "blinatumomab", "inotuzumab",
         "gemtuzumab", "tisagenlecleucel", "brexucabtagene"],
)
def test_immunosuppressants_and_antigen_directed_therapy_are_read_by_code_or_name(medication, concepts):
    record = facts(statement(medication, status="completed", effectiveDateTime="2025-12-01"))
    assert set(record.events) == concepts | {"named_medication"}  # every medication is also kept by name
    assert "steroid_dose" not in record.measurements


def test_a_topical_tacrolimus_ointment_is_not_an_immunosuppressant():
    assert set(facts(statement(concept("tacrolimus 0.1 % Topical Ointment"))).events) == {"named_medication"}


def test_a_medication_of_no_class_is_kept_by_name_only():
    record = read(statement(concept("acetaminophen 500 MG Oral Tablet")))
    assert set(record.facts.events) == {"named_medication"}
    assert record.facts.events["named_medication"][0].attributes["quote"].startswith("acetaminophen 500 MG Oral Tablet")
    assert record.ignored[0][1] == "no class Eligo reads: kept by name only (named_medication)"


def test_a_medication_named_only_by_a_code_is_kept_without_words():
    record = read(statement(concept(system=RXNORM, code="1234567")))
    assert [e.attributes.get("quote") for e in record.facts.events["named_medication"]] == [None]


# -- live vaccines ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "vaccine, live",
    [
        (concept(system=CVX, code="03", display="MMR"), True),
        (concept(system=CVX, code="121"), True),
        (concept(system=CVX, code="187", display="zoster vaccine recombinant"), False),
        (concept("Yellow fever vaccine"), True),
        (concept("FluMist Quadrivalent"), True),
        (concept(system=CVX, code="150", display="influenza, injectable, quadrivalent"), False),
        (concept(system=CVX, code="208", display="COVID-19, mRNA"), False),
    ],
    ids=["mmr", "zoster-live", "shingrix", "yellow-fever-text", "laiv-brand", "inactivated-flu", "mrna"],
)
def test_only_live_vaccines_are_live_vaccine_events(vaccine, live):
    record = facts(immunization(vaccine))
    assert ("live_vaccine" in record.events) is live


LIVE_VACCINE_LINE = P("live_vaccine", Op.WITHIN, window=Window(6, "weeks"))


@pytest.mark.parametrize(
    "resources, expected, quoted",
    [
        ([immunization(concept(system=CVX, code="21", display="varicella"), when="2026-02-01")], MET, "varicella, given 2026-02-01"),
        ([immunization(concept(system=CVX, code="21", display="varicella"), when="2025-06-01")], NOT_MET, "not within 6 weeks"),
        ([immunization(concept(system=CVX, code="21"), when="2026-02-01", status="not-done")], NOT_MET, "no record of live vaccine"),
        ([], NOT_MET, "no record of live vaccine"),
    ],
    ids=["recent", "old", "not-done", "none"],
)
def test_a_live_vaccine_within_the_window(resources, expected, quoted):
    result = decide(LIVE_VACCINE_LINE, facts(*resources))
    assert result.outcome is expected
    assert quoted in result.reason


# -- another malignancy -----------------------------------------------------------------------------

OTHER_MALIGNANCY_AML_TRIAL = P("other_malignancy", Op.WITHIN, ("aml", "nonmelanoma_skin_cancer"), window=Window(3, "years"))


@pytest.mark.parametrize(
    "resources, expected",
    [
        ([condition(ICD10, "C92.02")], NOT_MET),  # the trial's own disease
        ([condition(ICD10, "C92.02"), condition(ICD10, "C50.911", onset="2024-05-01")], MET),
        ([condition(ICD10, "C50.911", clinical="remission", onset="2020-05-01")], NOT_MET),  # outside 3 years
        ([condition(ICD10, "C44.91", onset="2025-05-01")], NOT_MET),  # the line's exception
        ([condition(ICD10, "D05.11", onset="2025-05-01")], NOT_MET),  # in situ: not asked by this line
        ([condition(ICD10, "C91.00", onset="2025-05-01")], MET),  # ALL is another malignancy for an AML trial
        ([condition(ICD10, "C78.00", onset="2025-05-01")], NOT_MET),  # a metastasis is not a new malignancy
    ],
    ids=["own-aml", "breast-cancer", "old-resolved", "skin-exception", "in-situ", "all-in-aml-trial", "metastasis"],
)
def test_another_malignancy_is_one_outside_the_trials_own_disease(resources, expected):
    assert decide(OTHER_MALIGNANCY_AML_TRIAL, facts(*resources)).outcome is expected


def test_an_active_other_malignancy_respects_clinical_status_and_quotes_the_record():
    line = P("other_malignancy", Op.PRESENT, ("all",))
    resolved = decide(line, facts(condition(ICD10, "C50.911", clinical="resolved", onset="2019-01-01")))
    active = decide(line, facts(condition(ICD10, "C50.911", onset="2019-01-01")))
    assert resolved.outcome is NOT_MET and active.outcome is MET
    assert "breast cancer recorded (2019-01-01)" in active.reason


def test_when_the_trials_own_disease_is_not_known_a_malignancy_on_record_is_unknown():
    result = decide(P("other_malignancy", Op.PRESENT), facts(condition(ICD10, "C92.02")))
    assert result.outcome is UNKNOWN
    assert decide(P("other_malignancy", Op.PRESENT), facts()).outcome is NOT_MET


# -- autoimmune disease -----------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["M05.79", "M32.14", "K50.90", "K51.90", "E05.00", "E06.3", "L40.0", "G35", "D69.3", "M45.9", "D86.0"])
def test_the_reviewed_autoimmune_set_is_autoimmune_disease(code):
    """Recorded as itself or as a named kind of it (rheumatoid arthritis, lupus, psoriasis and
    multiple sclerosis are concepts of their own since issue 18): the engine derives the rest."""
    assert "autoimmune_disease" in snapshot(facts(condition(ICD10, code)), date(2026, 11, 22)).present


@pytest.mark.parametrize("code", ["E10.9", "L80", "E03.9", "M54.5"])
def test_conditions_left_out_of_the_autoimmune_set_are_not_read_as_it(code):
    assert "autoimmune_disease" not in facts(condition(ICD10, code)).events


def test_autoimmune_disease_requiring_systemic_treatment_decides_absence_and_keeps_review_for_the_qualifier():
    line = All((P("autoimmune_disease", Op.PRESENT), Review(ReviewReason.UNPARSED, "requiring systemic treatment")))
    assert decide(line, facts()).outcome is NOT_MET
    assert decide(line, facts(condition(ICD10, "M32.14"))).outcome is UNKNOWN
    assert decide(line, facts(condition(ICD10, "M32.14", clinical="inactive"))).outcome is NOT_MET


# -- hypersensitivity to the product ----------------------------------------------------------------

PRODUCT_ALLERGY_LINE = Any_((
    P("allergy_fludarabine", Op.PRESENT), P("allergy_cyclophosphamide", Op.PRESENT), P("allergy_tocilizumab", Op.PRESENT),
    All((P("drug_hypersensitivity", Op.PRESENT), Review(ReviewReason.UNPARSED, "any component of the study product"))),
))


@pytest.mark.parametrize(
    "resources, expected",
    [
        ([allergy(concept("Fludarabine"), category=["medication"])], MET),
        ([allergy(concept(system=RXNORM, code="3002", display="cyclophosphamide"))], MET),
        ([allergy(concept("Penicillins"), category=["medication"])], UNKNOWN),  # may be a component: review
        ([allergy(concept("Peanut"), category=["food"])], NOT_MET),
        ([allergy(concept("Fludarabine"), clinicalStatus={"coding": [{"code": "resolved"}]})], NOT_MET),
        ([allergy(concept("No Known Drug Allergies", SNOMED, "409137002"))], NOT_MET),
        ([allergy(concept("Tocilizumab"), verificationStatus={"coding": [{"code": "refuted"}]})], NOT_MET),
        ([], NOT_MET),
    ],
    ids=["named-class", "rxnorm-class", "other-drug", "food", "resolved-class", "nkda", "refuted", "none"],
)
def test_hypersensitivity_to_the_product_or_its_class(resources, expected):
    assert decide(PRODUCT_ALLERGY_LINE, facts(*resources)).outcome is expected


def test_an_allergy_reason_quotes_the_substance():
    result = decide(P("allergy_fludarabine", Op.PRESENT), facts(allergy(concept("Fludarabine phosphate"))))
    assert result.outcome is MET and "allergy to Fludarabine phosphate" in result.reason


# -- prior toxicity grade ---------------------------------------------------------------------------

def grade(value: dict[str, Any]) -> dict[str, Any]:
    data = {"resourceType": "Observation", "status": "final", "code": concept(system="urn:eligo:concept", code="toxicity-grade"),
            "subject": {"reference": PATIENT_URL}, "effectiveDateTime": "2026-02-20"}
    data.update(value)
    return data


@pytest.mark.parametrize(
    "value, expected",
    [
        ({"valueInteger": 2}, MET),
        ({"valueString": "Grade 1"}, NOT_MET),
        ({"valueCodeableConcept": concept(system="http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", code="C41340")}, MET),
        (None, NOT_MET),  # none on record is none (derive.ABSENT_IS_NONE): an adverse event, absent when absent
    ],
    ids=["integer", "string", "ncit-code", "not-coded"],
)
def test_prior_toxicity_not_recovered_to_grade_1_is_decided_by_the_coded_grade(value, expected):
    record = facts(grade(value)) if value is not None else facts()
    assert decide(P("toxicity_grade", Op.GT, 1), record).outcome is expected
