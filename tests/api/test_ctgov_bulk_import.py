"""``manage.py import_ctgov EXPORT.zip``: the registry's bulk export imported study by study,
unchanged studies skipped, failures reported without stopping, an interrupted run resumed, and
what it stores the same as the one-file import stores."""

from __future__ import annotations

import copy
import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import CORPUS
from trials import services
from trials.bulk_import import import_export
from trials.models import CriteriaVersion, Criterion, Trial, TrialChange
from trials.signals import trials_changed

pytestmark = pytest.mark.django_db

CORPUS_FILE = CORPUS / "ctgov-v2-nsclc-phase3.json.gz"


@pytest.fixture(scope="module")
def studies() -> list[dict]:
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        return json.load(fh)[:6]


def _nct(study: dict) -> str:
    return study["protocolSection"]["identificationModule"]["nctId"]


def _export(path: Path, files: dict[str, bytes | dict]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            archive.writestr(name, body if isinstance(body, bytes) else json.dumps(body))
    return path


def _files(studies: list[dict]) -> dict[str, bytes | dict]:
    return {f"ctg-studies/{_nct(s)}.json": s for s in studies}


def _run(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_ctgov", str(path), "--workers", "0", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _stored() -> dict[str, tuple]:
    """Everything an import writes for each trial, without ids and timestamps."""
    out = {}
    for trial in Trial.objects.order_by("nct_id"):
        version = trial.current_criteria
        out[trial.nct_id] = (
            trial.title, trial.overall_status, trial.phase, trial.sponsor, trial.enrollment, trial.interventions,
            trial.arms, trial.minimum_age, trial.maximum_age, trial.sex, trial.last_update, trial.source,
            list(trial.condition_rows.values_list("position", "name")),
            list(trial.sites.values_list("position", "facility", "city", "country", "latitude", "longitude")),
            (version.number, version.criteria_text, version.reason, version.parser_version, version.held),
            list(version.criteria.order_by("position").values_list(
                "position", "type", "text", "parent_position", "source_line", "structured", "review", "corrected"
            )),
        )
    return out


def test_a_zip_of_studies_stores_what_the_one_file_import_stores(tmp_path, studies):
    json_file = tmp_path / "studies.json"
    json_file.write_text(json.dumps(studies))
    call_command("import_ctgov", str(json_file), stdout=io.StringIO())
    plain = _stored()
    Trial.objects.all().delete()
    out, _ = _run(_export(tmp_path / "export.zip", _files(studies)))
    assert f"studies={len(studies)} created={len(studies)} updated=0 unchanged=0" in out
    assert _stored() == plain


def test_parse_workers_store_what_one_process_without_a_cache_stores(tmp_path, studies):
    export = _export(tmp_path / "export.zip", _files(studies))
    import_export(export, workers=0, cache_size=0)
    plain = _stored()
    Trial.objects.all().delete()
    tally = import_export(export, workers=2, chunk=2)
    assert (tally.created, tally.failed) == (len(studies), 0)
    assert _stored() == plain


def test_a_study_whose_last_update_is_the_one_stored_is_skipped_on_a_rerun(tmp_path, studies):
    export = _export(tmp_path / "export.zip", _files(studies))
    _run(export)
    before = {t.nct_id: t.updated for t in Trial.objects.all()}
    out, _ = _run(export)
    assert f"created=0 updated=0 unchanged={len(studies)}" in out
    assert {t.nct_id: t.updated for t in Trial.objects.all()} == before
    assert CriteriaVersion.objects.count() == len(studies)


def test_a_study_updated_since_is_read_again_and_keeps_a_curated_correction(tmp_path, studies):
    _run(_export(tmp_path / "first.zip", _files(studies)))
    trial = Trial.objects.get(nct_id=_nct(studies[0]))
    line = trial.current_criteria.criteria.order_by("position").first()
    correction = {"type": line.type, "text": line.text, "expr": {"node": "review", "reason": "judgement", "text": "curated"}}
    services.correct_criterion(line, correction)
    changed = copy.deepcopy(studies[0])
    changed["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2031-01-02", "type": "ACTUAL"}
    eligibility = changed["protocolSection"]["eligibilityModule"]
    eligibility["eligibilityCriteria"] += "\n* Able to swallow tablets"
    out, _ = _run(_export(tmp_path / "second.zip", _files([changed, *studies[1:]])))
    assert f"updated=1 unchanged={len(studies) - 1}" in out
    trial.refresh_from_db()
    first = trial.current_criteria.criteria.order_by("position").first()
    assert (first.structured, first.corrected) == (correction, True)
    assert trial.current_criteria.criteria.filter(text="Able to swallow tablets").exists()
    assert TrialChange.objects.filter(trial=trial, kind="criteria").count() == 2  # the correction, the import


def test_a_study_that_cannot_be_imported_is_reported_and_the_others_are_imported(tmp_path, studies):
    bad_status = copy.deepcopy(studies[1])
    bad_status["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITNG"
    too_long = copy.deepcopy(studies[2])
    too_long["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = "Inclusion Criteria:\n* " + "x" * 9000
    files = _files([studies[0], bad_status, too_long, *studies[3:]]) | {"ctg-studies/NCT09999999.json": b"{not json"}
    out, err = _run(_export(tmp_path / "export.zip", files))
    assert f"created={len(studies) - 2} updated=0 unchanged=0 same=0 failed=3" in out
    for nct, reason in [
        (_nct(bad_status), "$.protocolSection.statusModule.overallStatus: unknown status 'RECRUITNG'"),
        (_nct(too_long), "protocolSection.eligibilityModule.eligibilityCriteria: line 2: 9000 characters"),
        ("NCT09999999", "not JSON"),
    ]:
        assert f"ctgov: not imported {nct} " in err and reason in err, (nct, err)
    assert "ctgov: failed 1: $.protocolSection.statusModule.overallStatus" in out
    assert set(Trial.objects.values_list("nct_id", flat=True)) == {_nct(s) for s in studies} - {_nct(bad_status), _nct(too_long)}


def test_a_study_the_database_refuses_is_reported_and_its_chunk_neighbours_are_stored(tmp_path, studies):
    refused = copy.deepcopy(studies[3])
    refused["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": -5}  # a positive integer column
    tally = import_export(_export(tmp_path / "export.zip", _files([*studies[:3], refused, *studies[4:]])), workers=0)
    assert (tally.created, tally.failed) == (len(studies) - 1, 1)
    assert not Trial.objects.filter(nct_id=_nct(refused)).exists()
    assert not Criterion.objects.filter(version__trial__nct_id=_nct(refused)).exists()


def test_an_interrupted_import_is_finished_by_running_it_again(tmp_path, studies):
    export = _export(tmp_path / "export.zip", _files(studies))

    def interrupt(files, tally):
        raise KeyboardInterrupt  # Ctrl-C after the first chunk is stored

    with pytest.raises(KeyboardInterrupt):
        import_export(export, workers=0, chunk=2, on_progress=interrupt)
    assert Trial.objects.count() == 2
    out, _ = _run(export)
    assert f"created={len(studies) - 2} updated=0 unchanged=2" in out
    assert Trial.objects.count() == len(studies)


def test_an_interrupted_command_says_how_to_resume(tmp_path, studies, monkeypatch):
    from trials.management.commands import import_ctgov

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(import_ctgov, "import_export", interrupted)
    with pytest.raises(CommandError, match="run the same command again to resume"):
        _run(_export(tmp_path / "export.zip", _files(studies)))


def test_progress_goes_to_stderr_with_a_rate_and_the_time_left(tmp_path, studies):
    _, err = _run(_export(tmp_path / "export.zip", _files(studies)), "--progress-every", "0")
    assert f"import: {len(studies)}/{len(studies)} (100.0%)" in err
    assert "studies/s ETA" in err


@pytest.mark.django_db(transaction=True)
def test_the_changes_of_a_whole_import_are_announced_once(tmp_path, studies):
    _run(_export(tmp_path / "first.zip", _files(studies)))
    changed = []
    for study in studies:
        study = copy.deepcopy(study)
        study["protocolSection"]["statusModule"]["overallStatus"] = "WITHDRAWN"
        study["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2031-01-02", "type": "ACTUAL"}
        changed.append(study)
    heard: list[list[int]] = []

    def hear(sender, change_ids, **kwargs):
        heard.append(list(change_ids))

    trials_changed.connect(hear, dispatch_uid="test-bulk-announce")
    try:
        _run(_export(tmp_path / "second.zip", _files(changed)))
    finally:
        trials_changed.disconnect(dispatch_uid="test-bulk-announce")
    assert heard == [sorted(TrialChange.objects.values_list("pk", flat=True))]
    assert len(heard[0]) == len(studies)
