"""The 100 real ClinicalTrials.gov API v2 studies of the shared corpus all read into records
that keep what the registry says (read in place at test time, never copied into the project)."""

from __future__ import annotations

import copy
from collections import Counter
from datetime import date

import pytest

from trials.importers import parse_ctgov_payload, parse_ctgov_study
from trials.records import Arm, Site, TrialRecord


@pytest.fixture(scope="module")
def corpus(ctgov_corpus):
    return copy.deepcopy(ctgov_corpus)


@pytest.fixture(scope="module")
def records(corpus) -> list[TrialRecord]:
    return parse_ctgov_payload(corpus)


def eligibility(study: dict) -> dict:
    return study["protocolSection"].get("eligibilityModule", {})


def test_every_corpus_study_parses_into_one_record(corpus, records):
    assert len(corpus) == len(records) == 100
    assert [r.nct_id for r in records] == [s["protocolSection"]["identificationModule"]["nctId"] for s in corpus]


def test_corpus_records_are_marked_as_coming_from_ctgov(records):
    assert {r.source for r in records} == {"ctgov"}


@pytest.mark.parametrize(
    ("record_field", "registry_field"),
    [("minimum_age", "minimumAge"), ("maximum_age", "maximumAge"), ("sex", "sex")],
)
def test_registry_age_and_sex_are_kept_as_given(corpus, records, record_field, registry_field):
    for study, record in zip(corpus, records, strict=True):
        assert getattr(record, record_field) == eligibility(study).get(registry_field, ""), record.nct_id


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("with a minimum age", 98),
        ("with a maximum age", 39),
        ("open to ALL sexes", 99),
        ("FEMALE only", 1),
        ("MALE only", 0),
    ],
)
def test_corpus_counts_of_studies_with_age_and_sex(records, what, expected):
    counts = {
        "with a minimum age": sum(bool(r.minimum_age) for r in records),
        "with a maximum age": sum(bool(r.maximum_age) for r in records),
        "open to ALL sexes": sum(r.sex == "ALL" for r in records),
        "FEMALE only": sum(r.sex == "FEMALE" for r in records),
        "MALE only": sum(r.sex == "MALE" for r in records),
    }
    assert counts[what] == expected


def test_registry_ages_are_the_registrys_own_words(records):
    ages = Counter(r.minimum_age for r in records)
    assert ages["18 Years"] == 87
    assert all(a == "" or a.split()[-1] in {"Year", "Years", "Months", "Weeks", "Days"} for a in ages)


def test_corpus_statuses_are_kept(corpus, records):
    for study, record in zip(corpus, records, strict=True):
        assert record.overall_status == study["protocolSection"]["statusModule"]["overallStatus"]


def test_corpus_phase_lists_are_joined_with_a_slash(records):
    phases = Counter(r.phase for r in records)
    assert phases == {
        "": 22,
        "NA": 8,
        "EARLY_PHASE1": 1,
        "PHASE1": 7,
        "PHASE1/PHASE2": 8,
        "PHASE2": 43,
        "PHASE2/PHASE3": 2,
        "PHASE3": 6,
        "PHASE4": 3,
    }


def test_corpus_enrollment_is_the_count_or_none(corpus, records):
    for study, record in zip(corpus, records, strict=True):
        info = study["protocolSection"]["designModule"].get("enrollmentInfo", {})
        assert record.enrollment == info.get("count"), record.nct_id
    assert sum(r.enrollment is None for r in records) == 2


def test_corpus_sites_are_every_location_with_coordinates(corpus, records):
    for study, record in zip(corpus, records, strict=True):
        locations = study["protocolSection"].get("contactsLocationsModule", {}).get("locations", [])
        assert len(record.sites) == len(locations), record.nct_id
    assert sum(len(r.sites) for r in records) == 959
    assert sum(s.latitude is not None for r in records for s in r.sites) == 941


def test_corpus_conditions_are_kept_in_order(corpus, records):
    for study, record in zip(corpus, records, strict=True):
        assert list(record.conditions) == study["protocolSection"]["conditionsModule"]["conditions"]


def test_corpus_criteria_text_is_the_eligibility_text_verbatim(corpus, records):
    for study, record in zip(corpus, records, strict=True):
        assert record.criteria_text == eligibility(study)["eligibilityCriteria"]


def test_every_corpus_study_has_criterion_lines(records):
    assert all(r.criteria for r in records)
    assert sum(any(c.type == "exclusion" for c in r.criteria) for r in records) == 99


def test_every_corpus_study_has_a_last_update_date(records):
    assert all(isinstance(r.last_update, date) for r in records)


FIRST_STUDY = {
    "nct_id": "NCT06576635",
    "title": "LUNG-05: Investigating Chemotherapy Effectiveness for Non-Small Cell Lung Cancer "
    "(NSCLC) Metastatic Patients",
    "overall_status": "RECRUITING",
    "phase": "NA",
    "study_type": "INTERVENTIONAL",
    "conditions": ("NSCLC",),
    "interventions": (
        "Drug: Docetaxel",
        "Drug: Paclitaxel",
        "Drug: Gemcitabine",
        "Drug: Pemetrexed",
        "Drug: Vinorelbine",
    ),
    "sponsor": "University of Illinois at Chicago",
    "enrollment": 29,
    "sites": (
        Site(
            "University of Illinois Cancer Center",
            "Chicago",
            "Illinois",
            "United States",
            41.85003,
            -87.65005,
        ),
    ),
    "minimum_age": "18 Years",
    "maximum_age": "",
    "sex": "ALL",
    "last_update": date(2025, 11, 6),
}


@pytest.mark.parametrize(("field", "expected"), FIRST_STUDY.items())
def test_first_corpus_study_field_is_read(corpus, field, expected):
    assert getattr(parse_ctgov_study(corpus[0]), field) == expected


def test_first_corpus_study_arm_keeps_label_type_and_intervention_names(corpus):
    (arm,) = parse_ctgov_study(corpus[0]).arms
    assert (arm.label, arm.type, arm.interventions) == (
        "Single Arm",
        "OTHER",
        ("Drug: Docetaxel", "Drug: Paclitaxel", "Drug: Gemcitabine", "Drug: Pemetrexed", "Drug: Vinorelbine"),
    )
    assert isinstance(arm, Arm) and arm.description.startswith("OncoChoiceTM results")


def test_first_corpus_study_brief_summary_is_kept(corpus):
    summary = corpus[0]["protocolSection"]["descriptionModule"]["briefSummary"]
    assert parse_ctgov_study(corpus[0]).brief_summary == summary


def test_single_study_object_is_a_payload_of_one(corpus):
    assert parse_ctgov_payload(corpus[5]) == [parse_ctgov_study(corpus[5])]


def test_parsing_does_not_change_the_payload(ctgov_corpus, corpus):
    parse_ctgov_payload(corpus)
    assert corpus == ctgov_corpus
