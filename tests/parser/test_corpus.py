"""The real registry corpus (read at run time, never copied): no crash, age agreement."""

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
    assert v2_report.age_agree / v2_report.age_checked >= 0.97


def test_parsed_sex_agrees_with_the_registry(v2_report):
    assert v2_report.sex_agree >= 99
