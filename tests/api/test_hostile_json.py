"""What no row can hold is refused by every JSON endpoint with a 400 naming the element (issue 16):
numbers that are not finite (``1e400``, ``NaN``, ``Infinity``) and lone surrogates (``"\\ud800"``),
anywhere in the body, even inside what Eligo never reads. And every JSON endpoint reads a bounded
body: 413 beyond its limit."""

from __future__ import annotations

import gzip
import json

import pytest

from matcher.models import Patient, Webhook
from tests.conftest import CORPUS, EXAMPLES
from trials.models import Trial

pytestmark = pytest.mark.django_db

# (literal as written in the JSON text, what the answer's message says)
HOSTILE = [
    ("1e400", "not a finite number"),
    ("-1e400", "not a finite number"),
    ("NaN", "not a finite number"),
    ("Infinity", "not a finite number"),
    ("-Infinity", "not a finite number"),
    ('"\\ud800"', "lone surrogate"),
    ('"tail \\udfff"', "lone surrogate"),
    ('{"\\ud83d": 1}', "lone surrogate"),
]
HOSTILE_IDS = ["1e400", "-1e400", "nan", "infinity", "-infinity", "high-surrogate", "low-surrogate", "surrogate-key"]


def _fhir_body(literal: str) -> tuple[str, str]:
    bundle = json.loads((EXAMPLES / "patients" / "D01.json").read_text())
    n = len(bundle["entry"])
    bundle["entry"].append({"resource": {"resourceType": "Basic", "id": "unread", "extension": [{"url": "urn:x", "valueDecimal": "__X__"}]}})
    return json.dumps(bundle).replace('"__X__"', literal), f"entry[{n}].resource.extension[0].valueDecimal"


def _native_body(literal: str) -> tuple[str, str]:
    body = {"identifier": {"system": "urn:h", "value": "N-1"}, "birth_date": "1980-02-03", "sex": "female", "measurements": [{"x": "__X__"}]}
    return json.dumps(body).replace('"__X__"', literal), "measurements[0].x"


def _study_body(literal: str) -> tuple[str, str]:
    with gzip.open(CORPUS / "ctgov-v2-nsclc-phase3.json.gz", "rt", encoding="utf-8") as fh:
        study = json.load(fh)[0]
    study["derivedSection"] = {"unread": ["__X__"]}
    return json.dumps(study).replace('"__X__"', literal), "derivedSection.unread[0]"


# (name, method, url, content type, body(literal) -> (text, path), who calls)
ENDPOINTS = [
    ("patient-fhir", "post", "/api/v1/patients", "application/fhir+json", _fhir_body, "api"),
    ("patient-native", "post", "/api/v1/patients", "application/vnd.eligo.patient+json", _native_body, "api"),
    ("trial-post", "post", "/api/v1/trials", "application/json", _study_body, "manager"),
    (
        "trial-patch", "patch", "/api/v1/trials/NCT05563545", "application/json",
        lambda lit: ('{"status": "RECRUITING", "note": {"n": [' + lit + "]}}", "note.n[0]"), "manager",
    ),
    (
        "webhook-put", "put", "/api/v1/webhook", "application/json",
        lambda lit: ('{"url": "https://hooks.example.org/e", "extra": ' + lit + "}", "extra"), "api",
    ),
]


@pytest.mark.parametrize(("literal", "words"), HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize(("name", "method", "url", "content_type", "make", "who"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_a_value_no_row_can_hold_is_a_400_naming_its_element(
    request, seeded, name, method, url, content_type, make, who, literal, words
):
    caller = request.getfixturevalue(who)
    text, path = make(literal)
    if literal.startswith("{"):
        path = f"{path}.\\ud83d"
    response = getattr(caller, method)(url, text.encode("utf-8"), content_type=content_type)
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert body["field"] == path
    assert words in body["error"]
    assert not Patient.objects.exists() and not Webhook.objects.exists()
    assert Trial.objects.get(nct_id="NCT05563545").overall_status == "COMPLETED"


def test_a_refused_surrogate_leaves_the_clients_list_readable(api):
    text, _ = _fhir_body('"\\ud800"')
    assert api.post("/api/v1/patients", text.encode(), content_type="application/fhir+json").status_code == 400
    body = (EXAMPLES / "patients" / "D03.json").read_bytes()
    assert api.post("/api/v1/patients", body, content_type="application/fhir+json").status_code == 201
    listed = api.get("/api/v1/patients")
    assert listed.status_code == 200 and len(listed.json()["results"]) == 1


def test_a_well_formed_surrogate_pair_is_accepted(api):
    """An emoji written as an escaped pair is one character of Unicode text, not a lone half."""
    text, _ = _fhir_body('"smile \\ud83d\\ude00"')
    assert api.post("/api/v1/patients", text.encode(), content_type="application/fhir+json").status_code == 201


MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("who", "method", "url", "size", "answer"),
    [
        ("api", "put", "/api/v1/webhook", MIB + 1, 413),
        ("manager", "patch", "/api/v1/trials/NCT05563545", MIB + 1, 413),
        ("manager", "post", "/api/v1/trials", 5 * MIB + 1, 413),
        ("manager", "patch", "/api/v1/trials/NCT05563545", MIB - 100, 200),
    ],
    ids=["webhook-over-1MiB", "trial-patch-over-1MiB", "trial-post-over-5MiB", "trial-patch-under-1MiB"],
)
def test_every_json_endpoint_reads_a_bounded_body(request, seeded, who, method, url, size, answer):
    caller = request.getfixturevalue(who)
    head = '{"status": "RECRUITING", "pad": "'
    text = head + "x" * (size - len(head) - 2) + '"}'
    assert len(text) == size
    response = getattr(caller, method)(url, text, content_type="application/json")
    assert response.status_code == answer, response.content[:200]
    if answer == 413:
        assert response.json()["field"] == "$"


def test_a_registry_study_over_one_mebibyte_is_still_read(manager):
    """A study with its results sections can pass a megabyte: trial posts read up to 5 MiB."""
    with gzip.open(CORPUS / "ctgov-v2-nsclc-phase3.json.gz", "rt", encoding="utf-8") as fh:
        study = json.load(fh)[0]
    study["resultsSection"] = {"padding": "x" * (2 * MIB)}
    response = manager.post("/api/v1/trials", json.dumps(study), content_type="application/json")
    assert response.status_code == 201, response.content[:200]
