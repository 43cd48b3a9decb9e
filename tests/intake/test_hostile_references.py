"""A patient reference is looked up in time linear in its length, and one longer than any
server writes is refused naming the element (a 40,000-character reference once took 3.5 s)."""

from __future__ import annotations

import copy
import time

import pytest
from intake_helpers import PATIENT_URL, bundle, condition

from matcher.intake import IntakeError, normalise, validate_bundle
from matcher.intake.references import MAX_REFERENCE_LENGTH

ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"


def with_reference(reference: str) -> dict:
    data = bundle(condition(ICD10, "C92.02"))
    data["entry"][1]["resource"]["subject"] = {"reference": reference}
    return data


@pytest.mark.parametrize(
    "reference",
    [
        "A" * 40_000,
        "Patient" * 60_000,
        "http://x/" + "Ab" * 200_000,
        "https://h/" + "/_history/" * 40_000,
        "P" + "a/" * 200_000,
    ],
    ids=["capitals", "repeated-type", "url-of-letters", "history-segments", "many-slashes"],
)
def test_an_overlong_reference_is_refused_quickly_naming_the_element(reference):
    started = time.perf_counter()
    with pytest.raises(IntakeError) as caught:
        normalise(validate_bundle(with_reference(reference), strict=True))
    assert time.perf_counter() - started < 1.0
    assert caught.value.path == "entry[1].resource.subject.reference"


@pytest.mark.parametrize("reference", ["A" * 40_000, "http://x/" + "Ab" * 200_000], ids=["capitals", "url-of-letters"])
def test_leniently_an_overlong_reference_skips_its_resource_quickly_with_a_warning(reference):
    started = time.perf_counter()
    record = normalise(validate_bundle(with_reference(reference)))
    assert time.perf_counter() - started < 1.0
    assert record.facts.events_of("aml") == ()
    assert [path for path, _ in record.warnings] == ["entry[1].resource"]


def test_a_reference_at_the_length_cap_is_still_looked_up_in_linear_time():
    reference = "https://h/" + "Ab" * ((MAX_REFERENCE_LENGTH - 10) // 2)
    started = time.perf_counter()
    with pytest.raises(IntakeError, match="not in the bundle"):
        normalise(validate_bundle(with_reference(reference), strict=True))
    assert time.perf_counter() - started < 0.2


@pytest.mark.parametrize(
    "reference",
    [PATIENT_URL, f"{PATIENT_URL}/_history/3", "  " + PATIENT_URL + " "],
    ids=["as-written", "versioned", "padded"],
)
def test_a_reference_to_the_patient_in_its_usual_forms_is_still_read(reference):
    data = with_reference(reference)
    facts = normalise(validate_bundle(copy.deepcopy(data))).facts
    assert [e.concept for e in facts.events_of("aml")] == ["aml"]
