"""Eligo's own patient JSON maps onto the same facts, with path errors."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest

from matcher.intake import NATIVE_SCHEMA, IntakeError, normalise_native

RECORD = {
    "identifier": {"system": "urn:oid:1.2.3", "value": "MRN-0042"},
    "birth_date": "1971-05-24",
    "sex": "male",
    "diagnoses": [{"code": "aml", "status": "relapsed", "date": "2026-10-23", "id": "dx-1"}],
    "measurements": [
        {"concept": "bilirubin", "value": 27.36, "unit": "umol/L", "date": "2026-11-19", "uln": 17.1},
        {"concept": "platelets", "value": 15, "unit": "10*3/uL", "date": "2026-11-20"},
        {"concept": "alt", "value": 30, "unit": "U/L", "date": "2026-11-20"},
        {"concept": "ecog", "value": 1, "date": "2026-11-20"},
        {"concept": "cd19", "value": "positive", "date": "2026-11-12"},
        {"concept": "cd22", "value": 85, "unit": "%", "date": "2026-11-12"},
        {"concept": "hcv_rna", "value": "negative", "date": "2026-11-17"},
    ],
    "events": [
        {"concept": "allo_hsct", "date": "2025-03-01"},
        {"concept": "gvhd", "date": "2025-05-01", "active": False, "attributes": {"grade": 2}},
    ],
}


def read(**changes):
    data = json.loads(json.dumps(RECORD))
    data.update(changes)
    return normalise_native(data)


def test_the_example_record_conforms_to_the_published_schema():
    jsonschema.validate(RECORD, NATIVE_SCHEMA)


def test_the_identifier_is_the_upsert_key():
    assert read().identifier == ("urn:oid:1.2.3", "MRN-0042")


def test_demographics_are_read():
    f = read().facts
    assert (f.birth_date, f.sex) == (date(1971, 5, 24), "male")


def test_a_relapsed_diagnosis_makes_the_diagnosis_and_a_relapse_event():
    f = read().facts
    assert f.events_of("aml")[0].source == "dx-1"
    assert f.events_of("relapsed")[0].date == date(2026, 10, 23)


@pytest.mark.parametrize("status, current", [("active", True), ("remission", False), ("inactive", False), ("resolved", False), ("refractory", True)])
def test_a_diagnosis_status_decides_whether_it_is_current(status, current):
    f = read(diagnoses=[{"code": "b_all", "status": status}]).facts
    assert f.events_of("b_all", active_only=False)[0].active is current


def test_measurements_are_converted_to_canonical_units_with_their_uln():
    f = read().facts
    bilirubin = f.latest("bilirubin")
    assert (bilirubin.unit, bilirubin.value, bilirubin.uln, bilirubin.uln_default) == (
        "mg/dL", pytest.approx(1.6, rel=1e-3), pytest.approx(1.0, rel=1e-3), False,
    )
    assert f.latest("platelets").value == pytest.approx(15) and f.latest("platelets").unit == "10*9/L"


def test_a_measurement_without_uln_gets_the_default():
    alt = read().facts.latest("alt")
    assert (alt.uln, alt.uln_default) == (40.0, True)


def test_qualitative_and_percentage_results_are_read():
    f = read().facts
    assert f.latest("cd19").value == "positive"
    assert (f.latest("cd22").value, f.latest("cd22").unit) == (85, "%")
    assert f.latest("ecog").value == 1


def test_qualitative_words_are_read_in_any_case():
    f = read(measurements=[{"concept": "hbsag", "value": " NEGATIVE "}]).facts
    assert f.latest("hbsag").value == "negative"


def test_an_allogeneic_transplant_also_records_a_transplant():
    f = read().facts
    assert f.events_of("hsct")[0].date == date(2025, 3, 1)


def test_event_attributes_and_activity_are_kept():
    gvhd = read().facts.events_of("gvhd", active_only=False)[0]
    assert (gvhd.active, dict(gvhd.attributes)) == (False, {"grade": 2})


def test_items_without_an_id_quote_their_path_as_source():
    assert read().facts.latest("platelets").source == "measurements[1]"


def test_measurements_are_most_recent_first():
    f = read(measurements=[
        {"concept": "lvef", "value": 60, "unit": "%", "date": "2026-10-01"},
        {"concept": "lvef", "value": 48, "unit": "%", "date": "2026-11-12"},
    ]).facts
    assert [m.value for m in f.measurements["lvef"]] == [48, 60]


def test_json_text_is_accepted():
    assert normalise_native(json.dumps(RECORD)).identifier[1] == "MRN-0042"


@pytest.mark.parametrize(
    "changes, path",
    [
        ({"identifier": None}, "identifier"),
        ({"identifier": {"system": "x"}}, "identifier.value"),
        ({"identifier": {"value": 42}}, "identifier.value"),
        ({"birth_date": "24.05.1971"}, "birth_date"),
        ({"birth_date": "1971"}, "birth_date"),
        ({"sex": "M"}, "sex"),
        ({"nickname": "x"}, "nickname"),
        ({"diagnoses": {}}, "diagnoses"),
        ({"diagnoses": [{"code": "cml"}]}, "diagnoses[0].code"),
        ({"diagnoses": [{"code": "aml", "status": "smouldering"}]}, "diagnoses[0].status"),
        ({"diagnoses": [{"code": "aml", "date": 2026}]}, "diagnoses[0].date"),
        ({"measurements": [RECORD["measurements"][0], {"concept": "platelets", "value": 15}]}, "measurements[1].unit"),
        ({"measurements": [{}, {}, {"concept": "bilirubin", "value": 1, "unit": "kg"}]}, "measurements[0].concept"),
        ({"measurements": [RECORD["measurements"][0], RECORD["measurements"][1], {"concept": "bilirubin", "value": 1, "unit": "kg"}]}, "measurements[2].unit"),
        ({"measurements": [{"concept": "bilirubin", "value": "high", "unit": "mg/dL"}]}, "measurements[0].value"),
        ({"measurements": [{"concept": "bilirubin", "value": True, "unit": "mg/dL"}]}, "measurements[0].value"),
        ({"measurements": [{"concept": "bilirubin", "unit": "mg/dL"}]}, "measurements[0].value"),
        ({"measurements": [{"concept": "bilirubin", "value": 1, "unit": "mg/dL", "uln": "1.2"}]}, "measurements[0].uln"),
        ({"measurements": [{"concept": "ecog", "value": 7}]}, "measurements[0].value"),
        ({"measurements": [{"concept": "cd19", "value": "maybe"}]}, "measurements[0].value"),
        ({"measurements": [{"concept": "hiv", "value": 1}]}, "measurements[0].concept"),
        ({"measurements": [{"concept": "bilirubin", "value": 1, "unit": "mg/dL", "flag": 1}]}, "measurements[0].flag"),
        ({"events": [{"concept": "bilirubin"}]}, "events[0].concept"),
        ({"events": [{"concept": "car_t", "active": "yes"}]}, "events[0].active"),
        ({"events": [{"concept": "car_t", "attributes": []}]}, "events[0].attributes"),
        ({"events": ["car_t"]}, "events[0]"),
    ],
)
def test_a_field_eligo_cannot_read_is_refused_at_its_path(changes, path):
    with pytest.raises(IntakeError) as caught:
        read(**changes)
    assert caught.value.path == path


@pytest.mark.parametrize("raw", ["[]", "{", "null"])
def test_a_document_that_is_not_an_object_is_refused_at_the_root(raw):
    with pytest.raises(IntakeError) as caught:
        normalise_native(raw)
    assert caught.value.path == "$"


def test_a_native_error_never_quotes_the_value():
    with pytest.raises(IntakeError) as caught:
        read(birth_date="SECRET-1971")
    assert "SECRET" not in caught.value.message
