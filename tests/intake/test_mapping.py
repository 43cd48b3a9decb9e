"""Each code of contract section 5 (and docs/codes.md) becomes the fact it should."""

from __future__ import annotations

from datetime import date

import pytest
from intake_helpers import (
    ELIGO, ICD10, ICDO3, LOINC, PATIENT_URL, SNOMED, bundle, coded, condition, observation, procedure, quantity,
)

from matcher.intake import normalise

# aml_mrc: AML with multilineage dysplasia (C92.A), held as that kind of AML, which the catalogue's
# parent makes AML wherever a line asks (tests/intake/test_condition_codes.py)
LEUKEMIAS = {"acute_leukemia", "aml", "aml_mrc", "apl", "all", "b_all", "t_all"}


def read(*resources, as_of=None):
    return normalise(bundle(*resources), as_of=as_of)


def events(*resources):
    return read(*resources).facts.events


# -- diagnoses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "system, code, concept",
    [
        (ICD10, "C92.00", "aml"), (ICD10, "C92.30", "aml"), (ICD10, "C92.50", "aml"), (ICD10, "C92.60", "aml"),
        (ICD10, "C92.A0", "aml_mrc"), (ICD10, "C93.00", "aml"), (ICD10, "C94.00", "aml"), (ICD10, "C94.20", "aml"),
        (ICD10, "C92.40", "apl"), (ICD10, "C91.00", "all"), (SNOMED, "91861009", "aml"), (SNOMED, "91857003", "all"),
        (SNOMED, "277571004", "b_all"), (ICDO3, "9811/3", "b_all"), (ICDO3, "9815/3", "b_all"),
        (ICDO3, "9818/3", "b_all"), (ICDO3, "9837/3", "t_all"),
    ],
)
def test_a_leukemia_code_becomes_its_diagnosis(system, code, concept):
    assert set(events(condition(system, code))) & LEUKEMIAS == {concept}


@pytest.mark.parametrize(
    "code, concept",
    [("C92.10", "cml"), ("C91.10", "cll"), ("C92.9", "hematologic_malignancy"), ("C95.00", "acute_leukemia")],
)
def test_a_leukemia_code_outside_aml_and_all_is_its_own_malignancy_never_aml_or_all(code, concept):
    found = events(condition(ICD10, code))
    assert set(found) == {concept}
    assert not set(found) & (LEUKEMIAS - {"acute_leukemia"})


@pytest.mark.parametrize("code", ["9811/1", "9819/3", "9810/3", "9837/1"])
def test_icd_o_3_morphology_outside_the_ranges_is_ignored(code):
    assert events(condition(ICDO3, code)) == {}


@pytest.mark.parametrize("code", ["c92.02", "C9202"])
def test_icd_10_cm_codes_are_read_in_any_case_and_without_the_dot(code):
    assert set(events(condition(ICD10, code))) == {"aml", "relapsed"}


@pytest.mark.parametrize(
    "code, status",
    [("C92.02", "relapsed"), ("C92.01", "remission"), ("C91.02", "relapsed"), ("C91.01", "remission"),
     ("C92.A2", "relapsed"), ("C92.42", "relapsed"), ("C94.21", "remission")],
)
def test_the_fifth_character_sets_the_disease_status(code, status):
    found = events(condition(ICD10, code))
    assert set(found) - LEUKEMIAS == {status}
    assert found[status][0].date == date(2026, 10, 23)


@pytest.mark.parametrize(
    "code, concept, status",
    [
        ("C91.12", "cll", "relapsed"), ("C91.11", "cll", "remission"), ("C90.02", "multiple_myeloma", "relapsed"),
        ("C90.01", "multiple_myeloma", "remission"), ("C92.12", "cml", "relapsed"), ("C93.12", "cmml", "relapsed"),
        ("C90.12", "plasma_cell_leukemia", "relapsed"), ("C91.61", "t_pll", "remission"),
    ],
)
def test_the_fifth_character_of_a_myeloma_or_chronic_leukaemia_code_sets_its_status(code, concept, status):
    found = events(condition(ICD10, code))
    assert set(found) == {concept, status}
    assert found[status][0].attributes["diagnosis"] == concept


@pytest.mark.parametrize(
    "code, concept", [("C83.32", "dlbcl"), ("C83.31", "dlbcl"), ("C81.92", "hodgkin_lymphoma"), ("C85.91", "nhl")]
)
def test_a_lymphoma_codes_fifth_character_is_its_site_never_a_status(code, concept):
    assert set(events(condition(ICD10, code))) == {concept}


@pytest.mark.parametrize(
    "system, code, concept",
    [
        (ICD10, "C81.90", "hodgkin_lymphoma"), (ICD10, "C82.90", "follicular_lymphoma"), (ICD10, "C83.00", "b_cell_lymphoma"),
        (ICD10, "C83.10", "mantle_cell_lymphoma"), (ICD10, "C83.38", "dlbcl"), (ICD10, "C83.70", "burkitt_lymphoma"),
        (ICD10, "C83.50", "lymphoblastic_lymphoma"), (ICD10, "C85.10", "b_cell_lymphoma"), (ICD10, "C85.90", "nhl"), (ICD10, "C84.40", "ptcl_nos"),
        (ICD10, "C86.5", "aitl"), (ICD10, "C88.4", "marginal_zone_lymphoma"), (ICDO3, "9680/3", "dlbcl"),
        (ICDO3, "9690/3", "follicular_lymphoma"), (ICDO3, "9673/3", "mantle_cell_lymphoma"), (ICDO3, "9699/3", "marginal_zone_lymphoma"),
        (ICDO3, "9652/3", "hodgkin_lymphoma"), (ICDO3, "9702/3", "ptcl_nos"), (ICDO3, "9591/3", "nhl"), (ICDO3, "9590/3", "lymphoma"),
    ],
)
def test_a_lymphoma_code_becomes_its_kind(system, code, concept):
    # the engine derives the family from the kind (a DLBCL is a B-cell lymphoma, an NHL, a lymphoma)
    assert set(events(condition(system, code))) == {concept}


@pytest.mark.parametrize(
    "code, concept", [("C83.38", "dlbcl"), ("C81.90", "hodgkin_lymphoma"), ("C90.00", "multiple_myeloma"), ("C91.10", "cll")]
)
@pytest.mark.parametrize("clinical, status", [("relapse", "relapsed"), ("recurrence", "relapsed"), ("remission", "remission")])
def test_clinical_status_sets_the_status_of_any_blood_cancer(code, concept, clinical, status):
    found = events(condition(ICD10, code, clinical=clinical))
    assert found[status][0].attributes["diagnosis"] == concept


@pytest.mark.parametrize("code", ["C50.911", "C61", "C34.90"])
@pytest.mark.parametrize("clinical", ["relapse", "recurrence", "remission"])
def test_a_solid_tumours_clinical_status_sets_no_disease_status_beside_a_blood_cancer(code, clinical):
    # a status event is not tied to its diagnosis when a line is judged: a breast cancer in
    # remission beside a therapy-related AML must not answer "AML in remission" (alone, a solid
    # tumour's status is its own: tests/intake/test_solid_tumour_status.py)
    assert not {"relapsed", "remission"} & set(events(condition(ICD10, code, clinical=clinical), condition(ICD10, "C92.00")))


def test_a_fifth_character_0_sets_no_status():
    assert set(events(condition(ICD10, "C92.00"))) == {"aml"}


@pytest.mark.parametrize("clinical, status", [("relapse", "relapsed"), ("recurrence", "relapsed"), ("remission", "remission")])
def test_clinical_status_sets_the_disease_status(clinical, status):
    found = events(condition(ICD10, "C92.00", clinical=clinical))
    assert found[status][0].active


def test_clinical_status_wins_over_the_fifth_character():
    found = events(condition(ICD10, "C92.02", clinical="remission"))
    assert "relapsed" not in found and "remission" in found


@pytest.mark.parametrize("clinical", ["inactive", "resolved", "remission"])
def test_a_diagnosis_that_is_inactive_resolved_or_in_remission_is_kept_as_not_current(clinical):
    found = events(condition(ICD10, "C92.00", clinical=clinical))
    assert found["aml"][0].active is False


@pytest.mark.parametrize("clinical", [None, "active", "recurrence", "relapse"])
def test_a_diagnosis_is_current_unless_its_status_says_otherwise(clinical):
    assert events(condition(ICD10, "C92.00", clinical=clinical))["aml"][0].active


def test_a_status_event_of_a_resolved_condition_is_not_current():
    found = events(condition(ICD10, "C92.02", clinical="resolved"))
    assert found["relapsed"][0].active is False


def test_icd_10_and_icd_o_3_codings_of_one_condition_make_the_most_specific_diagnosis_only():
    resource = condition(ICD10, "C91.02")
    resource["code"]["coding"].append({"system": ICDO3, "code": "9837/3"})
    assert set(events(resource)) == {"t_all", "relapsed"}


@pytest.mark.parametrize("verification", ["refuted", "entered-in-error"])
def test_a_refuted_condition_is_not_read(verification):
    resource = condition(ICD10, "B18.2", verificationStatus=coded(verification, "http://terminology.hl7.org/CodeSystem/condition-ver-status"))
    record = read(resource)
    assert record.facts.events == {}
    assert record.ignored[0][0] == "entry[1].resource"


@pytest.mark.parametrize(
    "code, concept",
    [
        ("B20", "hiv"), ("Z21", "hiv"), ("B18.0", "hbv"), ("B18.1", "hbv"), ("B18.2", "hcv"),
        ("A50.9", "syphilis"), ("A51.0", "syphilis"), ("A52.3", "syphilis"), ("A53.9", "syphilis"),
        ("D89.810", "gvhd"), ("D89.811", "gvhd"), ("D89.812", "gvhd"), ("D89.813", "gvhd"),
        ("I50.9", "heart_failure"), ("I50.22", "heart_failure"), ("Z33.1", "pregnancy"), ("O09.90", "pregnancy"),
        ("O80", "pregnancy"), ("Z94.84", "hsct"),
        # the viral hepatitis coded by its kind, not only as chronic B or C
        ("B18.8", "other_viral_hepatitis"), ("B19.20", "hcv"),
    ],
)
def test_other_conditions_become_their_events(code, concept):
    assert set(events(condition(ICD10, code))) == {concept}


@pytest.mark.parametrize("code", ["D89.82", "D89.89", "Z33.2", "Z94.81"])
def test_neighbouring_codes_are_not_read(code):
    assert events(condition(ICD10, code)) == {}


@pytest.mark.parametrize("code", ["A49.9", "A54.0"])
def test_the_infections_beside_syphilis_are_active_infections_not_syphilis(code):
    assert set(events(condition(ICD10, code))) == {"active_infection"}


def test_an_infection_does_not_get_a_disease_status_from_its_clinical_status():
    assert set(events(condition(ICD10, "B18.2", clinical="recurrence"))) == {"hcv"}


@pytest.mark.parametrize(
    "code, kind", [("D89.810", "acute"), ("D89.811", "chronic"), ("D89.812", "acute_on_chronic"), ("D89.813", "unspecified")]
)
def test_gvhd_keeps_its_type(code, kind):
    assert events(condition(ICD10, code))["gvhd"][0].attributes["type"] == kind


@pytest.mark.parametrize(
    "extra, grade",
    [
        ({"stage": [{"summary": {"text": "Grade II"}}]}, 2),
        ({"stage": [{"summary": {"coding": [{"system": "urn:x", "code": "3"}]}}]}, 3),
        ({"severity": {"text": "grade IV"}}, 4),
        ({}, None),
    ],
)
def test_gvhd_keeps_its_grade_when_given(extra, grade):
    gvhd = events(condition(ICD10, "D89.810", **extra))["gvhd"][0]
    assert gvhd.attributes.get("grade") == grade


def test_transplant_status_is_dated_by_its_onset():
    hsct = events(condition(ICD10, "Z94.84", onset="2025-04-01"))["hsct"][0]
    assert hsct.date == date(2025, 4, 1)


@pytest.mark.parametrize(
    "code, concept",
    [
        ("cns-involvement", "cns_involvement"), ("extramedullary-disease", "extramedullary_disease"),
        ("isolated-extramedullary-relapse", "isolated_extramedullary_relapse"),
        ("refractory-disease", "refractory"), ("lactating", "lactation"),
    ],
)
def test_eligo_condition_codes_become_their_events(code, concept):
    assert set(events(condition(ELIGO, code))) == {concept}


@pytest.mark.parametrize(
    "extra, day",
    [
        ({"onsetPeriod": {"start": "2026-01-05"}}, date(2026, 1, 5)),
        ({"recordedDate": "2026-02-06"}, date(2026, 2, 6)),
        ({"onsetDateTime": "2026-03"}, date(2026, 3, 1)),
        ({"onsetDateTime": "2026-03-07T23:30:00-05:00"}, date(2026, 3, 7)),
    ],
)
def test_a_condition_is_dated_by_onset_else_period_else_recorded_date(extra, day):
    assert events(condition(ICD10, "B20", onset=None, **extra))["hiv"][0].date == day


# -- procedures and other event resources -------------------------------------------------------


@pytest.mark.parametrize(
    "code, concepts",
    [("car-t-therapy", {"car_t"}), ("car-nk-therapy", {"car_nk"}), ("allo-hsct", {"allo_hsct", "hsct"}),
     ("auto-hsct", {"auto_hsct", "hsct"})],
)
def test_eligo_procedures_become_dated_events(code, concepts):
    found = events(procedure(code, when="2025-03-01"))
    assert set(found) == concepts
    assert all(found[c][0].date == date(2025, 3, 1) for c in concepts)


def test_a_procedure_may_be_dated_by_its_period():
    found = events(procedure("car-t-therapy", when=None, performedPeriod={"start": "2025-06-02"}))
    assert found["car_t"][0].date == date(2025, 6, 2)


@pytest.mark.parametrize("status", ["not-done", "entered-in-error"])
def test_a_procedure_not_done_is_not_read(status):
    assert events(procedure("car-t-therapy", status=status)) == {}


def test_a_car_t_product_given_as_a_medication_statement_is_an_event():
    statement = {
        "resourceType": "MedicationStatement",
        "status": "completed",
        "medicationCodeableConcept": coded("car-t-therapy", ELIGO),
        "subject": {"reference": PATIENT_URL},
        "effectiveDateTime": "2025-07-01",
    }
    assert events(statement)["car_t"][0].date == date(2025, 7, 1)


@pytest.mark.parametrize(
    "resource",
    [
        {"resourceType": "MedicationStatement", "status": "active", "medicationCodeableConcept": coded("123", "http://www.nlm.nih.gov/research/umls/rxnorm"), "subject": {"reference": PATIENT_URL}},
        {"resourceType": "MedicationRequest", "status": "active", "intent": "order", "medicationCodeableConcept": coded("123", "http://www.nlm.nih.gov/research/umls/rxnorm"), "subject": {"reference": PATIENT_URL}},
        {"resourceType": "Immunization", "status": "completed", "vaccineCode": coded("998", "http://hl7.org/fhir/sid/cvx"), "patient": {"reference": PATIENT_URL}, "occurrenceDateTime": "2020-01-01"},
        {"resourceType": "AllergyIntolerance", "patient": {"reference": PATIENT_URL}, "category": ["food"], "code": coded("91935009")},
    ],
    ids=["statement", "request", "immunization", "allergy"],
)
def test_medications_immunizations_and_allergies_without_a_concept_are_kept_and_ignored(resource):
    record = read(resource)
    # a medication of no class is kept by name only (a code alone gives it no words to compare)
    named = record.facts.events.get("named_medication", ())
    assert set(record.facts.events) <= {"named_medication"} and all("quote" not in e.attributes for e in named)
    assert bool(named) == resource["resourceType"].startswith("Medication") and record.facts.measurements == {}
    assert record.ignored and record.ignored[0][0].startswith("entry[1].resource")


# -- unknowns, references -----------------------------------------------------------------------


def test_an_unknown_resource_type_is_ignored_not_rejected():
    record = read({"resourceType": "FancyThing", "anything": {"goes": [1, None, "x"]}})
    assert record.ignored == [("entry[1].resource", "resource type FancyThing is not read by Eligo")]


def test_a_known_but_unread_resource_type_is_ignored_not_validated():
    record = read({"resourceType": "Encounter", "status": 42})
    assert record.ignored[0][0] == "entry[1].resource"


def test_an_unknown_code_is_ignored_not_rejected():
    record = read(observation(LOINC, "0000-0", valueQuantity=quantity(1, "mg")))
    assert record.facts.measurements == {}
    assert record.ignored == [("entry[1].resource.code", "no coding Eligo reads")]


def test_an_entry_without_a_resource_is_ignored():
    data = bundle()
    data["entry"].append({"fullUrl": "urn:uuid:x", "request": {"method": "GET", "url": "Patient"}})
    assert normalise(data).ignored == [("entry[1]", "holds no resource")]


@pytest.mark.parametrize("reference", ["Patient/p1", PATIENT_URL, "http://example.org/fhir/Patient/p1"])
def test_references_resolve_by_full_url_or_type_and_id(reference):
    resource = condition(ICD10, "B20", subject={"reference": reference})
    assert "hiv" in events(resource)


def test_an_absolute_reference_resolves_against_an_absolute_full_url():
    data = bundle(condition(ICD10, "B20", subject={"reference": "http://example.org/fhir/Patient/p1"}))
    data["entry"][0]["fullUrl"] = "http://example.org/fhir/Patient/p1"
    assert "hiv" in normalise(data).facts.events


def test_a_resource_about_another_resource_in_the_bundle_is_ignored():
    data = bundle({"resourceType": "Group", "type": "person", "actual": True}, condition(ICD10, "B20", subject={"reference": "urn:uuid:00000000-0000-4000-8000-000000000002"}))
    record = normalise(data)
    assert record.facts.events == {}
    assert ("entry[2].resource", "is not about the bundle's Patient") in record.ignored


def test_a_condition_with_a_logical_reference_is_taken_as_about_the_patient():
    assert "hiv" in events(condition(ICD10, "B20", subject={"identifier": {"system": "urn:oid:1.2.3", "value": "MRN-1"}}))


# -- evaluation date ----------------------------------------------------------------------------


def test_facts_dated_after_as_of_are_left_out():
    record = read(condition(ICD10, "B20", onset="2026-12-01"), condition(ICD10, "B18.2", onset="2026-01-01"), as_of=date(2026, 11, 22))
    assert set(record.facts.events) == {"hcv"}
    assert ("entry[1].resource", "dated after the evaluation date") in record.ignored


def test_without_as_of_every_fact_is_kept():
    assert set(events(condition(ICD10, "B20", onset="2099-12-01"))) == {"hiv"}
