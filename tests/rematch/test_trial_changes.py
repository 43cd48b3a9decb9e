"""Re-matching when a trial changes, run in-process (the worker path has its own tests in
tests/worker): closing, reopening, editing criteria, ordering and idempotency."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.matching import jobs, rematch
from matcher.models import MatchChange, MatchJob, MatchResult, Patient
from tests.conftest import EXAMPLES
from trials import services
from trials.models import Trial, TrialChange
from trials.records import CriterionLine

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)
NAMES = [f"D{i:02d}" for i in range(1, 11)]


def _post_all(api) -> dict[str, str]:
    ids = {}
    for name in NAMES:
        body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
        ids[name] = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
    for job in MatchJob.objects.filter(status="queued"):
        jobs.run_job(job.pk, as_of=TODAY)
    return ids


def _process(change: TrialChange) -> str:
    outcome, chunks = rematch.process_change(change.pk)
    for chunk in chunks:
        rematch.rematch_chunk(change.pk, chunk, as_of=TODAY)
    return outcome


def _latest_change(nct_id: str) -> TrialChange:
    return TrialChange.objects.filter(trial__nct_id=nct_id).latest("pk")


def _verdicts(nct_id: str) -> dict[str, str]:
    """Each example patient's stored verdict; a patient the trial's gates left out (no row:
    not a candidate, issue 18) is ineligible by construction."""
    names = {v: k for k, v in _ids.items()}
    stored = {
        names[str(pid)]: e
        for pid, e in MatchResult.objects.filter(trial__nct_id=nct_id, state="active").values_list("patient_id", "eligibility")
    }
    return {name: stored.get(name, "ineligible") for name in names.values()}


_ids: dict[str, str] = {}


@pytest.fixture
def patients(api, seeded):
    _ids.clear()
    _ids.update(_post_all(api))
    return _ids


def test_a_completed_trial_that_reopens_appears_for_every_stored_patient(patients):
    trial = Trial.objects.get(nct_id="NCT05563545")
    assert not MatchResult.objects.filter(trial=trial).exists()
    services.set_status(trial, "RECRUITING")
    _process(_latest_change("NCT05563545"))
    assert set(_verdicts("NCT05563545")) == set(NAMES)
    kinds = set(MatchChange.objects.filter(trial=trial).values_list("kind", "cause"))
    assert kinds == {("appeared", "trial_status")}


def _stored(trial: Trial) -> int:
    """The patients holding a result for the trial: every candidate (one whose diagnosis, age
    and sex lines it could meet); the others are counted, not stored."""
    stored = MatchResult.objects.filter(trial=trial, state="active").count()
    assert 0 < stored <= len(NAMES)
    return stored


def test_a_suspended_trial_disappears_and_its_results_are_kept_as_gone_with_the_reason(patients):
    trial = Trial.objects.get(nct_id="NCT06559644")
    stored = _stored(trial)
    services.set_status(trial, "SUSPENDED")
    _process(_latest_change("NCT06559644"))
    rows = MatchResult.objects.filter(trial=trial)
    assert rows.count() == stored
    assert set(rows.values_list("state", "gone_reason")) == {("gone", "the trial is suspended")}
    assert MatchChange.objects.filter(trial=trial, kind="disappeared", cause="trial_status").count() == stored


def test_a_trial_that_reopens_brings_back_its_gone_results(patients):
    trial = Trial.objects.get(nct_id="NCT06559644")
    stored = _stored(trial)
    services.set_status(trial, "SUSPENDED")
    _process(_latest_change("NCT06559644"))
    services.set_status(trial, "RECRUITING")
    _process(_latest_change("NCT06559644"))
    assert MatchResult.objects.filter(trial=trial, state="active").count() == stored


def _set_age_line(nct_id: str, old: str, new: str) -> None:
    trial = Trial.objects.get(nct_id=nct_id)
    lines = [
        CriterionLine(type=c.type, text=new if c.text == old else c.text, parent=c.parent_position)
        for c in trial.current_criteria.criteria.order_by("position")
    ]
    assert any(line.text == new for line in lines)
    services.set_criteria(trial, lines, reason="edit")


def _age(name: str) -> int:
    birth = date.fromisoformat(Patient.objects.get(pk=_ids[name]).facts["birth_date"])
    return TODAY.year - birth.year - ((TODAY.month, TODAY.day) < (birth.month, birth.day))


def test_editing_one_criterion_changes_exactly_the_patients_it_decides(patients):
    before = _verdicts("NCT06585345")
    _set_age_line("NCT06585345", "Over 14 years old, under 65 years old.", "Over 14 years old, under 30 years old.")
    _process(_latest_change("NCT06585345"))
    after = _verdicts("NCT06585345")
    expected = {n for n, e in before.items() if e != "ineligible" and _age(n) >= 30}
    assert expected  # the examples include someone aged 30 or more who was not ineligible
    assert {n for n in NAMES if before[n] != after[n]} == expected
    assert all(after[n] == "ineligible" for n in expected)
    changed = MatchChange.objects.filter(trial__nct_id="NCT06585345", kind="changed")
    assert {str(c.patient_id) for c in changed} == {_ids[n] for n in expected}
    assert {c.cause for c in changed} == {"criteria_version"}


def test_results_written_by_a_trial_rematch_use_the_new_criteria_version(patients):
    _set_age_line("NCT06585345", "Over 14 years old, under 65 years old.", "Over 14 years old, under 30 years old.")
    _process(_latest_change("NCT06585345"))
    trial = Trial.objects.get(nct_id="NCT06585345")
    versions = set(MatchResult.objects.filter(trial=trial).values_list("criteria_version_id", flat=True))
    assert versions == {trial.current_criteria_id}


def test_a_change_processed_twice_does_nothing_the_second_time(patients):
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = _latest_change("NCT05563545")
    _process(change)
    changes = MatchChange.objects.count()
    assert rematch.process_change(change.pk) == ("already processed", [])
    assert MatchChange.objects.count() == changes


def test_a_redelivered_chunk_writes_nothing(patients):
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = _latest_change("NCT05563545")
    _, chunks = rematch.process_change(change.pk)
    # the five ALL patients: the trial asks for "relapsed/refractory CD19+ ALL", whose ALL gates
    # alone, so the five AML patients are not candidates and nothing is written for them
    assert rematch.rematch_chunk(change.pk, chunks[0], as_of=TODAY) == len(NAMES) - 5
    assert rematch.rematch_chunk(change.pk, chunks[0], as_of=TODAY) == 0


def test_an_older_change_processed_after_a_newer_one_is_skipped(patients):
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    older = _latest_change("NCT05563545")
    services.set_status(trial, "SUSPENDED")
    newer = _latest_change("NCT05563545")
    _process(newer)
    assert _process(older) == "superseded by a newer change of this trial"
    assert not MatchResult.objects.filter(trial=trial, state="active").exists()


def test_a_chunk_evaluated_against_a_version_that_changed_meanwhile_writes_nothing(patients):
    from matcher.matching.engine_cache import engine_cache
    from matcher.results.facts_versions import version_of
    from matcher.results.store import PatientEvaluation
    from rules_engine.facts import PatientFacts

    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = _latest_change("NCT05563545")
    engine, open_trials = engine_cache.sync()  # the chunk's worker evaluates this version...
    ref = next(t for t in open_trials if t.nct_id == "NCT05563545")
    patient = Patient.objects.get(pk=_ids["D02"])
    facts = PatientFacts.from_json(patient.facts)
    evaluation = PatientEvaluation(
        patient.pk, patient.client_id, facts, version_of(patient.pk, patient.facts, patient.facts_version_id), engine.evaluate(facts, TODAY, [ref.nct_id])
    )
    first = trial.current_criteria.criteria.order_by("position").first().text
    _set_age_line("NCT05563545", first, first + " (amended)")  # ...and a newer version commits first
    assert rematch._store_chunk(change, ref, [evaluation], TODAY) == 0
    assert not MatchResult.objects.filter(trial=trial).exists()


def test_chunks_cover_every_patient_exactly_once(patients):
    chunks = rematch.patient_chunks(size=3)
    assert len(chunks) == 4
    import uuid

    covered = [
        str(p)
        for c in chunks
        for p in Patient.objects.filter(pk__gte=uuid.UUID(c.low), pk__lte=uuid.UUID(c.high)).values_list("pk", flat=True)
    ]
    assert sorted(covered) == sorted(_ids.values())
