"""The import commands store what the importers read, idempotently and all-or-nothing."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import CORPUS
from trials.models import CriteriaVersion, Criterion, Site, Trial, TrialChange

pytestmark = pytest.mark.django_db

CORPUS_FILE = CORPUS / "ctgov-v2-nsclc-phase3.json.gz"
SEED_LINES = {  # (inclusion, exclusion) lines per seed, as the pages list them
    "NCT06559644": (12, 16),
    "NCT05563545": (6, 11),
    "NCT06585345": (12, 18),
    "NCT05744440": (8, 13),
    "NCT04094766": (10, 10),
}


def _snapshot() -> list[tuple]:
    return [
        (t.nct_id, t.overall_status, t.updated, t.current_criteria_id) for t in Trial.objects.order_by("nct_id")
    ] + [tuple(Criterion.objects.values_list("pk", "text").order_by("pk"))]


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_load_seeds_stores_every_criterion_line_with_its_type(seeded):
    for nct, (inclusion, exclusion) in SEED_LINES.items():
        trial = Trial.objects.get(nct_id=nct)
        types = list(trial.current_criteria.criteria.order_by("position").values_list("type", flat=True))
        assert types == ["inclusion"] * inclusion + ["exclusion"] * exclusion, nct


def test_load_seeds_keeps_status_sponsor_and_site(seeded):
    trial = Trial.objects.get(nct_id="NCT05744440")
    assert trial.overall_status == "RECRUITING"
    assert trial.sponsor == "Xuzhou Medical University"
    site = Site.objects.get(trial=trial)
    assert (site.city, site.country) == ("Xuzhou", "China")


def test_loading_the_seeds_twice_changes_nothing(seeded):
    before = _snapshot()
    output = _run("load_seeds")
    assert _snapshot() == before
    assert "created=0 changed=0" in output
    assert CriteriaVersion.objects.count() == len(SEED_LINES)
    assert not TrialChange.objects.exists()


def test_a_seed_folder_with_an_unreadable_page_fails_naming_file_and_line_and_stores_nothing(tmp_path, settings):
    (tmp_path / "000_bad.txt").write_text("MedPath\n\nA title\n\nPhase 1\nRecruiting\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"000_bad\.txt.*line"):
        call_command("load_seeds", "--dir", str(tmp_path))
    assert not Trial.objects.exists()


def test_all_hundred_registry_studies_import_with_their_ages_and_sex():
    output = _run("import_ctgov", str(CORPUS_FILE))
    assert "studies=100 created=100" in output
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        studies = json.load(fh)
    for study in studies:
        ps = study["protocolSection"]
        trial = Trial.objects.get(nct_id=ps["identificationModule"]["nctId"])
        eligibility = ps["eligibilityModule"]
        assert trial.minimum_age == eligibility.get("minimumAge", "")
        assert trial.maximum_age == eligibility.get("maximumAge", "")
        assert trial.sex == eligibility.get("sex", "")
        assert trial.current_criteria.criteria.exists()


def test_importing_the_registry_file_twice_changes_nothing():
    _run("import_ctgov", str(CORPUS_FILE))
    before = _snapshot()
    output = _run("import_ctgov", str(CORPUS_FILE))
    assert "created=0 updated=0" in output
    assert _snapshot() == before


def test_a_file_with_a_duplicate_study_fails_naming_it_and_stores_nothing(tmp_path):
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        studies = json.load(fh)[:3]
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(studies + [studies[0]]))
    with pytest.raises(CommandError, match=r"\$\[3\]\.protocolSection\.identificationModule\.nctId: duplicate"):
        call_command("import_ctgov", str(path))
    assert not Trial.objects.exists()


def test_a_file_that_is_not_json_fails_naming_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="broken.json: not JSON"):
        call_command("import_ctgov", str(path))


def test_a_study_whose_field_cannot_be_stored_fails_naming_it_and_stores_nothing(tmp_path):
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        studies = json.load(fh)[:3]
    studies[2]["protocolSection"]["eligibilityModule"]["minimumAge"] = "18 Years" + " and over" * 10
    path = tmp_path / "long.json"
    path.write_text(json.dumps(studies))
    with pytest.raises(CommandError, match=r"\$\[2\]\.protocolSection\.eligibilityModule\.minimumAge: "):
        call_command("import_ctgov", str(path))
    assert not Trial.objects.exists()


def test_a_record_the_database_refuses_rolls_back_every_record_before_it():
    import dataclasses

    from django.db import DatabaseError

    from trials.importers import parse_ctgov_payload
    from trials.services import import_records

    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        records = parse_ctgov_payload(json.load(fh)[:3])
    refused = dataclasses.replace(records[2], sex="X" * 11)  # past the column's width
    with pytest.raises(DatabaseError):
        import_records([*records[:2], refused])
    assert not Trial.objects.exists() and not Criterion.objects.exists()


def test_hostile_eligibility_text_imports_without_crashing(tmp_path):
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        study = json.load(fh)[0]
    # as many lines and as long a last line as trials.limits accepts (more is skipped: test_criteria_limits)
    text = "Inclusion Criteria:\n" + "\n".join(f"* ({i} \x07 ≥ \u2003\x1b" for i in range(450)) + "\n* " + "x" * 7_900
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = text
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps([study]))
    assert "studies=1 created=1" in _run("import_ctgov", str(path))
    trial = Trial.objects.get()
    assert trial.current_criteria.criteria.count() >= 451


def test_a_nul_character_in_eligibility_text_is_refused_naming_the_field_and_stores_nothing(tmp_path):
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        studies = json.load(fh)[:2]
    studies[1]["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = "Inclusion Criteria:\n* Age\x00 18"
    path = tmp_path / "nul.json"
    path.write_text(json.dumps(studies))
    with pytest.raises(CommandError, match=r"\$\[1\]\.protocolSection\.eligibilityModule\.eligibilityCriteria: contains a NUL"):
        call_command("import_ctgov", str(path))
    assert not Trial.objects.exists()


def test_an_imported_study_reads_the_study_drug_as_the_drugs_it_gives(tmp_path):
    """The registry names the drugs (armsInterventionsModule); "any study drug" is read as them."""
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        study = json.load(fh)[0]
    study["protocolSection"]["armsInterventionsModule"] = {"interventions": [{"type": "DRUG", "name": "Dasatinib"}, {"type": "DRUG", "name": "Placebo"}]}
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = "Exclusion Criteria:\n\n* Known hypersensitivity to any study drug\n"
    path = tmp_path / "study-drug.json"
    path.write_text(json.dumps([study]))
    assert "studies=1 created=1" in _run("import_ctgov", str(path))
    line = Trial.objects.get().current_criteria.criteria.get(text="Known hypersensitivity to any study drug")
    assert "dasatinib" in json.dumps(line.structured).lower()
    assert "placebo" not in json.dumps(line.structured).lower()
