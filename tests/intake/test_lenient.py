"""Lenient intake (issue #19): a resource Eligo cannot read is kept, skipped for matching and
listed as a warning naming it; only what makes the patient unknowable is refused. Bundles in
the shapes Synthea (transaction), Epic (searchset) and Cerner (batch) exports use are read as
a FHIR server would read them."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from intake_helpers import ICD10, LOINC, PATIENT_URL, bundle, condition, observation, patient, quantity

from matcher.intake import IntakeError, normalise, validate_bundle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fhir"
SECRET = "SECRET-VALUE-4711"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def her2_with_two_values() -> dict:
    """The mCODE test patients' HER2 marker: valueCodeableConcept and valueQuantity at once."""
    return observation(
        LOINC, "48676-1",
        valueCodeableConcept={"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}]},
        valueQuantity=quantity(1, "{score}"),
    )


def with_aml_and(*resources: dict) -> dict:
    return bundle(condition(ICD10, "C92.02"), observation(LOINC, "89247-1", valueInteger=1), *resources)


# -- what is kept, skipped and warned ------------------------------------------------------


def test_an_invalid_unrelated_resource_is_skipped_with_a_warning_and_the_rest_is_read():
    record = normalise(validate_bundle(with_aml_and(her2_with_two_values())))
    assert record.facts.events_of("aml") and record.facts.latest("ecog").value == 1
    assert record.warnings == [("entry[3].resource", "holds more than one value[x] element; only one is allowed; the resource is kept and not read")]


def test_strict_still_refuses_the_invalid_resource_naming_it():
    with pytest.raises(IntakeError) as caught:
        validate_bundle(with_aml_and(her2_with_two_values()), strict=True)
    assert caught.value.path == "entry[3].resource"


@pytest.mark.parametrize(
    "change, warned",
    [
        (lambda r: r["valueQuantity"].update(value="0.8"), "entry[3].resource"),
        (lambda r: r.update(effectiveDateTime="yesterday"), "entry[3].resource"),
        (lambda r: r.update(valueQuanity={"value": 1}), "entry[3].resource"),
        (lambda r: r.update(subject={"reference": "urn:uuid:not-here"}), "entry[3].resource"),
        (lambda r: r.update(subject={"reference": "#nowhere"}), "entry[3].resource"),
    ],
    ids=["string-number", "bad-date", "misspelt-element", "dangling-reference", "missing-contained"],
)
def test_a_broken_lab_is_kept_out_of_the_facts_and_warned(change, warned):
    data = with_aml_and(observation(LOINC, "1975-2", valueQuantity=quantity(0.8, "mg/dL")))
    change(data["entry"][3]["resource"])
    record = normalise(validate_bundle(data))
    assert "bilirubin" not in record.facts.measurements
    assert [path for path, _ in record.warnings] == [warned]
    assert data["entry"][3]["resource"] in [e["resource"] for e in validate_bundle(data).data["entry"]]


@pytest.mark.parametrize(
    "junk",
    ["junk", {"resource": [1]}, {"resource": {"id": "x"}}, {"resource": {"resourceType": "not a type"}}],
    ids=["entry-string", "resource-array", "no-resource-type", "bad-resource-type"],
)
def test_an_unreadable_entry_is_warned_not_refused(junk):
    data = with_aml_and()
    data["entry"].append(junk)
    record = normalise(validate_bundle(data))
    assert record.facts.events_of("aml")
    assert record.warnings and record.warnings[0][0].startswith("entry[3]")


def test_a_patient_with_a_bad_birth_date_keeps_its_key_and_sex_and_warns():
    data = with_aml_and()
    data["entry"][0]["resource"]["birthDate"] = "24/05/1971"
    data["entry"][0]["resource"]["name"] = [{"family": 7}]
    record = normalise(validate_bundle(data))
    assert record.identifier == ("urn:oid:1.2.3", "MRN-1")
    assert (record.facts.birth_date, record.facts.sex) == (None, "female")
    assert all(path == "entry[0].resource" for path, _ in record.warnings)
    assert any("birthDate" in error for _, error in record.warnings)


def test_a_warning_never_quotes_a_value():
    data = with_aml_and(observation(LOINC, "1975-2", valueQuantity=quantity(0.8, "mg/dL")))
    data["entry"][3]["resource"]["valueQuantity"]["value"] = SECRET
    data["entry"][3]["resource"]["effectiveDateTime"] = SECRET
    data["entry"][0]["resource"]["gender"] = SECRET
    record = normalise(validate_bundle(data))
    assert record.warnings and not any(SECRET in error for _, error in record.warnings)


# -- what stays a 400: the patient is unknowable ---------------------------------------------


def _another_patient_by_reference(b: dict) -> None:
    b["entry"][1]["resource"]["subject"] = {"reference": "Patient/someone-else"}


def _another_patient_by_condition(b: dict) -> None:
    b["entry"][1]["resource"]["subject"] = {"reference": "Patient?identifier=urn:oid:1.2.3|MRN-2"}


def _another_patient_by_identifier(b: dict) -> None:
    b["entry"][1]["resource"]["subject"] = {"identifier": {"system": "urn:oid:1.2.3", "value": "MRN-2"}}


@pytest.mark.parametrize(
    "change, path",
    [
        (lambda b: b["entry"].pop(0), "entry"),
        (lambda b: b["entry"].append({"resource": patient(id="p2")}), "entry"),
        (lambda b: b["entry"][0]["resource"].pop("identifier"), "entry[0].resource.identifier"),
        (lambda b: b["entry"][0]["resource"].update(identifier=[{"system": "s"}]), "entry[0].resource.identifier[0].value"),
        (_another_patient_by_reference, "entry[1].resource.subject.reference"),
        (_another_patient_by_condition, "entry[1].resource.subject.reference"),
        (_another_patient_by_identifier, "entry[1].resource.subject"),
        (lambda b: b.update(resourceType="Patient"), "resourceType"),
    ],
    ids=["no-patient", "two-patients", "no-identifier", "identifier-without-value", "another-patient",
         "another-patient-conditional", "another-patient-identifier", "not-a-bundle"],
)
def test_what_makes_the_patient_unknowable_is_refused_even_leniently(change, path):
    data = with_aml_and()
    change(data)
    with pytest.raises(IntakeError) as caught:
        validate_bundle(data)
    assert caught.value.path == path


# -- references as a FHIR server resolves them -------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    [
        {"reference": PATIENT_URL},
        {"reference": "Patient/p1"},
        {"reference": "https://ehr.example.org/fhir/Patient/p1"},
        {"reference": "Patient?identifier=urn:oid:1.2.3|MRN-1"},
        {"reference": "Patient?identifier=MRN-1"},
        {"identifier": {"system": "urn:oid:1.2.3", "value": "MRN-1"}},
        {"display": "the patient"},
    ],
    ids=["urn-uuid", "relative", "absolute", "conditional", "conditional-value-only", "logical", "display-only"],
)
def test_every_form_of_reference_to_the_patient_is_read(subject):
    data = with_aml_and()
    data["entry"][1]["resource"]["subject"] = subject
    record = normalise(validate_bundle(data))
    assert record.facts.events_of("aml") and record.warnings == []


def test_a_subject_that_resolves_to_another_resource_is_ignored_not_read():
    data = with_aml_and({"resourceType": "Group", "id": "g1", "type": "person", "actual": True})
    data["entry"][1]["resource"]["subject"] = {"reference": "Group/g1"}
    record = normalise(validate_bundle(data))
    assert not record.facts.events_of("aml")
    assert ("entry[1].resource", "is not about the bundle's Patient") in record.ignored


# -- the hospital shapes ---------------------------------------------------------------------


def test_a_synthea_transaction_bundle_is_read_with_its_conditional_references():
    record = normalise(validate_bundle(fixture("synthea_transaction")))
    facts = record.facts
    assert record.identifier == ("https://github.com/synthetichealth/synthea", "8c5fd3a2-0b9e-4d44-9f43-3f0c6e1a0001")
    assert [e.active for e in facts.events_of("aml")] == [True]
    assert facts.latest("platelets").value == pytest.approx(185.4)  # 10*3/uL
    assert facts.latest("steroid_dose").value == 10  # 2 tablets of 5 mg daily
    assert [p for p, _ in record.warnings] == ["entry[5].resource"]  # the HER2 marker with two values


def test_an_epic_searchset_is_read_with_absolute_and_relative_references():
    record = normalise(validate_bundle(fixture("epic_searchset")))
    facts = record.facts
    assert record.identifier == ("urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.0", "E4711")
    assert facts.events_of("relapsed")[0].attributes == {"diagnosis": "aml"}
    assert facts.events_of("hbv")  # WHO ICD-10 B18.1
    assert facts.latest("platelets").value == pytest.approx(62)  # K/uL
    assert facts.latest("creatinine").value == pytest.approx(0.9)  # valueString, unit from the range
    assert facts.latest("bilirubin").value == "<0.2"  # censored: kept as written
    assert facts.latest("hbsag").value == "positive"  # interpretation POS
    assert [p for p, _ in record.warnings] == ["entry[7].resource"]  # ALT "thirty"
    assert ("entry[8].resource", "resource type OperationOutcome is not read by Eligo") in record.ignored


def test_a_cerner_batch_is_read_with_its_contained_medication():
    record = normalise(validate_bundle(fixture("cerner_batch")))
    facts = record.facts
    assert facts.events_of("all") and not facts.events_of("relapsed")  # C91.0: no fifth character
    assert facts.latest("anc").value == pytest.approx(1.2)  # {cells}/uL
    assert facts.latest("wbc").value == "<0.5"
    assert facts.latest("hiv_test").value == "negative"  # "<20" under the detection limit
    assert facts.latest("steroid_dose").value == pytest.approx(26.67)  # contained dexamethasone
    assert [p for p, _ in record.warnings] == ["entry[6].resource"]  # two onset[x]


@pytest.mark.parametrize("name", ["synthea_transaction", "epic_searchset", "cerner_batch"])
def test_strict_refuses_each_hospital_shape_only_for_its_one_broken_resource(name):
    with pytest.raises(IntakeError) as caught:
        validate_bundle(fixture(name), strict=True)
    repaired = fixture(name)
    broken = int(caught.value.path.split("]")[0].split("[")[1])
    repaired["entry"].pop(broken)
    assert validate_bundle(repaired, strict=True).warnings == ()


def test_the_input_is_not_modified():
    data = fixture("synthea_transaction")
    before = copy.deepcopy(data)
    normalise(validate_bundle(data))
    assert data == before
