"""The real registry corpus (read at run time, never copied): no crash, age agreement."""

import json
from pathlib import Path

import pytest

from rules_engine.parser.coverage import measure

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
V2 = CORPUS / "ctgov-v2-nsclc-phase3.json.gz"

pytestmark = pytest.mark.skipif(not V2.exists(), reason="corpus not present")


@pytest.fixture(scope="module")
def v2_report():
    return measure([str(V2)])


def test_no_line_of_the_v2_studies_crashes_the_parser(v2_report):
    assert v2_report.trials == 100 and v2_report.crashes == 0


def test_parsed_age_bounds_agree_with_the_registry_where_the_text_states_age(v2_report):
    assert v2_report.age_agree / v2_report.age_checked >= 0.99


def test_parsed_sex_agrees_with_the_registry(v2_report):
    assert v2_report.sex_agree >= 99


def _study(nct_id: str, text: str, minimum: str | None, maximum: str | None) -> dict:
    module = {"eligibilityCriteria": text, "sex": "ALL", "minimumAge": minimum, "maximumAge": maximum}
    return {"protocolSection": {"identificationModule": {"nctId": nct_id}, "eligibilityModule": module}}


@pytest.mark.parametrize(
    ("text", "minimum", "maximum", "text_only"),
    [
        # the registry has no maximum: the text's 80 cannot disagree with it, and is listed
        ("Inclusion Criteria:\n* Aged 18-80 years", "18 Years", None, [("NCT1", [80.0])]),
        ("Inclusion Criteria:\n* Aged 18 years or older", "18 Years", None, []),
        ("Inclusion Criteria:\n* Aged 18-65 years", "18 Years", "65 Years", []),
    ],
)
def test_an_age_bound_only_the_text_states_is_listed_not_counted_as_disagreement(
    tmp_path, text, minimum, maximum, text_only
):
    path = tmp_path / "studies.json"
    path.write_text(json.dumps({"studies": [_study("NCT1", text, minimum, maximum)]}))
    report = measure([str(path)])
    assert (report.age_checked, report.age_agree, report.text_only) == (1, 1, text_only)
