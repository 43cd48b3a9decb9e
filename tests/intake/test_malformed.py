"""A Bundle Eligo cannot read is refused with the exact path of the offending element."""

from __future__ import annotations

import copy
import json

import pytest
from intake_helpers import LOINC, PATIENT_URL, bundle, observation, patient, quantity

from matcher.intake import MAX_BUNDLE_BYTES, BundleTooLarge, IntakeError, normalise, validate_bundle

BILIRUBIN = observation(
    LOINC, "1975-2", valueQuantity=quantity(0.8, "mg/dL"), referenceRange=[{"high": quantity(1.2, "mg/dL")}]
)
CONDITION = {
    "resourceType": "Condition",
    "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C92.02"}]},
    "subject": {"reference": PATIENT_URL},
    "onsetDateTime": "2026-10-23",
}


def good() -> dict:
    """entry[0] Patient, entry[1] Condition, entry[2] and entry[3] Observations."""
    return bundle(CONDITION, observation(LOINC, "89247-1", valueInteger=1), BILIRUBIN)


def path_of(raw) -> str:
    with pytest.raises(IntakeError) as caught:
        normalise(validate_bundle(raw, strict=True))  # lenient intake: tests/intake/test_lenient.py
    return caught.value.path


def mutated(change) -> dict:
    data = good()
    change(data)
    return data


def test_the_good_bundle_is_accepted():
    assert normalise(good()).facts.latest("bilirubin").value == pytest.approx(0.8)


@pytest.mark.parametrize(
    "raw",
    [b"{", b"", "not json", b"\xff\xfe{}", "[1, 2", '{"a": 1} trailing'],
    ids=["truncated", "empty", "text", "not-utf8", "unclosed-array", "trailing-text"],
)
def test_a_document_that_is_not_json_is_refused_at_the_root(raw):
    assert path_of(raw) == "$"


@pytest.mark.parametrize("raw", ["[]", "3", '"Bundle"', "null"])
def test_json_that_is_not_an_object_is_refused_at_the_root(raw):
    assert path_of(raw) == "$"


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b.pop("resourceType"),
        lambda b: b.update(resourceType="Patient"),
        lambda b: b.update(resourceType=["Bundle"]),
    ],
    ids=["missing", "patient", "array"],
)
def test_a_document_that_is_not_a_bundle_is_refused_at_resource_type(change):
    assert path_of(mutated(change)) == "resourceType"


def test_an_entry_that_is_not_an_array_is_refused_at_entry():
    assert path_of(mutated(lambda b: b.update(entry={"resource": patient()}))) == "entry"


def test_an_entry_item_that_is_not_an_object_is_refused_at_its_index():
    assert path_of(mutated(lambda b: b["entry"].insert(1, "junk"))) == "entry[1]"


def test_a_resource_that_is_not_an_object_is_refused_at_its_path():
    assert path_of(mutated(lambda b: b["entry"][2].update(resource=[1]))) == "entry[2].resource"


def test_a_resource_without_resource_type_is_refused_at_its_resource_type():
    assert path_of(mutated(lambda b: b["entry"][2]["resource"].pop("resourceType"))) == "entry[2].resource.resourceType"


def test_a_bundle_without_a_patient_is_refused_at_entry():
    assert path_of(mutated(lambda b: b["entry"].pop(0))) == "entry"


def test_a_bundle_with_no_entries_is_refused_at_entry():
    assert path_of(mutated(lambda b: b.pop("entry"))) == "entry"


def test_a_bundle_with_two_patients_is_refused_at_entry():
    def two(b):
        b["entry"].append({"fullUrl": "urn:uuid:other", "resource": patient(id="p2")})

    with pytest.raises(IntakeError) as caught:
        validate_bundle(mutated(two))
    assert caught.value.path == "entry"
    assert "2 Patients" in caught.value.message


@pytest.mark.parametrize(
    "change, path",
    [
        (lambda p: p.pop("identifier"), "entry[0].resource.identifier"),
        (lambda p: p.update(identifier=[]), "entry[0].resource.identifier"),
        (lambda p: p.update(identifier=[{"system": "urn:oid:1.2.3"}]), "entry[0].resource.identifier[0].value"),
        (lambda p: p.update(identifier=[{"system": "urn:oid:1.2.3", "value": "  "}]), "entry[0].resource.identifier[0].value"),
        (lambda p: p.update(identifier="MRN-1"), "entry[0].resource.identifier"),
        (lambda p: p.update(gender="woman"), "entry[0].resource.gender"),
        (lambda p: p.update(birthDate="24/05/1971"), "entry[0].resource.birthDate"),
        (lambda p: p.update(birthDate=19710524), "entry[0].resource.birthDate"),
    ],
    ids=["no-identifier", "empty-identifier", "identifier-without-value", "blank-value", "identifier-string", "gender", "birthdate-format", "birthdate-number"],
)
def test_a_patient_without_a_usable_key_or_with_bad_demographics_is_refused_at_the_element(change, path):
    assert path_of(mutated(lambda b: change(b["entry"][0]["resource"]))) == path


@pytest.mark.parametrize(
    "index, element, reference",
    [
        (3, "subject", "urn:uuid:not-in-the-bundle"),
        (1, "subject", "Patient/unknown"),
        (2, "subject", "#missing-contained"),
    ],
)
def test_a_reference_to_a_resource_missing_from_the_bundle_is_refused_at_the_reference(index, element, reference):
    def dangle(b):
        b["entry"][index]["resource"][element] = {"reference": reference}

    assert path_of(mutated(dangle)) == f"entry[{index}].resource.{element}.reference"


@pytest.mark.parametrize(
    "change, path",
    [
        (lambda r: r["valueQuantity"].update(value="abc"), "entry[3].resource.valueQuantity.value"),
        (lambda r: r["valueQuantity"].update(value="0.8"), "entry[3].resource.valueQuantity.value"),
        (lambda r: r["valueQuantity"].update(value=True), "entry[3].resource.valueQuantity.value"),
        (lambda r: r["valueQuantity"].update(value=None), "entry[3].resource.valueQuantity.value"),
        (lambda r: r["valueQuantity"].update(unit=5), "entry[3].resource.valueQuantity.unit"),
        (lambda r: r.update(valueQuantity=[0.8]), "entry[3].resource.valueQuantity"),
        (lambda r: r.update(valueQuantity=0.8), "entry[3].resource.valueQuantity"),
        (lambda r: r["referenceRange"][0]["high"].update(value="x"), "entry[3].resource.referenceRange[0].high.value"),
        (lambda r: r.update(effectiveDateTime=20261120), "entry[3].resource.effectiveDateTime"),
        (lambda r: r.update(effectiveDateTime="2026-13-45"), "entry[3].resource.effectiveDateTime"),
        (lambda r: r["code"]["coding"][0].update(code=1975), "entry[3].resource.code.coding[0].code"),
        (lambda r: r.update(code="1975-2"), "entry[3].resource.code"),
        (lambda r: r.pop("code"), "entry[3].resource.code"),
        (lambda r: r.update(valueQuanity=r["valueQuantity"]), "entry[3].resource.valueQuanity"),
        (lambda r: r.update(status=["final"]), "entry[3].resource.status"),
        (lambda r: r.update(subject={"reference": 5}), "entry[3].resource.subject.reference"),
        (lambda r: r.update(valueString="0.8"), "entry[3].resource"),
        (lambda r: r.update(valueQuantity='{"value": 0.8, "unit": "mg/dL"}'), "entry[3].resource.valueQuantity"),
        (lambda r: r.update(referenceRange='[{"high": {"value": 1}}]'), "entry[3].resource.referenceRange"),
        (lambda r: r.update(valueQuantity={"resourceType": "Observation", "value": 1}), "entry[3].resource.valueQuantity"),
    ],
    ids=[
        "value-text", "value-string-number", "value-boolean", "value-null", "unit-number", "quantity-array",
        "quantity-number", "range-high-text", "date-number", "date-impossible", "code-number", "code-string",
        "code-missing", "misspelt-element", "status-array", "reference-number", "two-values",
        "quantity-as-json-text", "list-as-json-text", "quantity-with-resource-type",
    ],
)
def test_a_value_of_the_wrong_type_is_refused_at_its_path(change, path):
    assert path_of(mutated(lambda b: change(b["entry"][3]["resource"]))) == path


@pytest.mark.parametrize(
    "change, path",
    [
        (lambda r: r.pop("subject"), "entry[2].resource.subject"),
        (lambda r: r.update(valueInteger="1"), "entry[2].resource.valueInteger"),
        (lambda r: r.update(valueInteger=1.5), "entry[2].resource.valueInteger"),
        (lambda r: r.update(valueInteger=False), "entry[2].resource.valueInteger"),
    ],
)
def test_a_wrong_integer_is_refused_at_its_path(change, path):
    # entry[2] is the ECOG observation; an Observation may omit its subject
    if path.endswith("subject"):
        assert normalise(mutated(lambda b: change(b["entry"][2]["resource"]))).facts.latest("ecog")
        return
    assert path_of(mutated(lambda b: change(b["entry"][2]["resource"]))) == path


@pytest.mark.parametrize(
    "change, path",
    [
        (lambda r: r.pop("subject"), "entry[1].resource.subject"),
        (lambda r: r.update(onsetString="last year"), "entry[1].resource"),
        (lambda r: r.update(onsetDateTime="yesterday"), "entry[1].resource.onsetDateTime"),
    ],
)
def test_a_malformed_condition_is_refused_at_its_path(change, path):
    assert path_of(mutated(lambda b: change(b["entry"][1]["resource"]))) == path


@pytest.mark.parametrize(
    "change, path",
    [
        (lambda b: b.update(type=5), "type"),
        (lambda b: b["entry"][2].update(fullUrl=7), "entry[2].fullUrl"),
        (lambda b: b.update(total="many"), "total"),
    ],
)
def test_a_malformed_bundle_element_is_refused_at_its_path(change, path):
    assert path_of(mutated(change)) == path


def test_a_bundle_without_type_is_accepted():
    assert normalise(mutated(lambda b: b.pop("type"))).identifier == ("urn:oid:1.2.3", "MRN-1")


def test_bytes_over_the_limit_are_refused_as_too_large():
    with pytest.raises(BundleTooLarge) as caught:
        validate_bundle(b" " * (MAX_BUNDLE_BYTES + 1))
    assert caught.value.path == "$"


def test_the_limit_is_five_mebibytes():
    assert MAX_BUNDLE_BYTES == 5 * 1024 * 1024


def test_an_error_serialises_to_field_and_message():
    with pytest.raises(IntakeError) as caught:
        validate_bundle("{")
    assert caught.value.to_json() == {"field": "$", "error": caught.value.message}


SECRET_NAME, SECRET_ID, SECRET_VALUE = "Zebulon", "SECRET-4711", "SECRET-VALUE-99"


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b["entry"][0]["resource"].update(gender=SECRET_VALUE),
        lambda b: b["entry"][0]["resource"].update(birthDate=SECRET_VALUE),
        lambda b: b["entry"][0]["resource"]["identifier"][0].update(value=[SECRET_ID]),
        lambda b: b["entry"][0]["resource"].update(name=[{"family": 7, "given": [SECRET_NAME]}]),
        lambda b: b["entry"][0]["resource"].update(name=SECRET_NAME),
        lambda b: b["entry"][3]["resource"]["valueQuantity"].update(value=SECRET_VALUE),
        lambda b: b["entry"][3]["resource"].update(subject={"reference": f"Patient/{SECRET_ID}"}),
        lambda b: b["entry"][3]["resource"].update(effectiveDateTime=SECRET_VALUE),
        lambda b: b["entry"][3]["resource"].update(**{SECRET_VALUE: 1}),
    ],
)
def test_an_error_message_never_quotes_the_patients_name_identifier_or_values(change):
    def secret(b):
        b["entry"][0]["resource"]["identifier"][0]["value"] = SECRET_ID
        b["entry"][0]["resource"]["name"] = [{"family": SECRET_NAME}]
        change(b)

    with pytest.raises(IntakeError) as caught:
        validate_bundle(json.dumps(mutated(secret)), strict=True)
    for secret_text in (SECRET_NAME, SECRET_ID):
        assert secret_text not in caught.value.message
    assert SECRET_VALUE not in caught.value.message


def test_the_input_dict_is_not_modified():
    data = good()
    before = copy.deepcopy(data)
    normalise(validate_bundle(data))
    assert data == before
