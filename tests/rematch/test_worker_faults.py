"""Worker faults (issue 16), run in-process on PostgreSQL: a job's store re-checks each trial
under a share lock, chunk completion counts once, the nightly sweep recovers lost work in
bounded steps behind a lease. The broker is the edge: what ``dispatch`` would queue is recorded
(or run in-process) instead of reaching Redis."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from matcher.matching import jobs, leases, rematch
from matcher.matching.engine_cache import engine_cache
from matcher.models import MatchJob, MatchResult, Patient, RematchChunkDone
from matcher.results.facts_versions import version_of
from matcher.results.store import PatientEvaluation
from matcher.worker import dispatch
from rules_engine.facts import PatientFacts
from tests.conftest import EXAMPLES
from trials import services
from trials.models import Trial, TrialChange
from trials.records import CriterionLine

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)
AGE_TRIAL = "NCT06585345"
AGE_LINE = "Over 14 years old, under 65 years old."


@pytest.fixture
def sent(monkeypatch):
    """Tasks queued for the broker (after commit), as (name, args), instead of sent."""
    calls: list[tuple[str, tuple]] = []
    monkeypatch.setattr(dispatch, "after_commit", lambda name, *args, countdown=None: calls.append((name, args)))
    return calls


@pytest.fixture
def patient(api, seeded) -> Patient:
    body = (EXAMPLES / "patients" / "D01.json").read_bytes()
    pid = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
    jobs.run_job(MatchJob.objects.get(patient_id=pid).pk, as_of=TODAY)
    return Patient.objects.get(pk=pid)


def _evaluate_now(patient: Patient) -> tuple[jobs.Claim, PatientEvaluation, dict]:
    """A job claimed and evaluated against the catalogue as it is now, not yet stored."""
    job = MatchJob.objects.create(patient=patient, client=patient.client, trigger="requested")
    claim = jobs.claim_job(job.pk)
    assert claim is not None
    engine, open_trials = engine_cache.sync()
    facts = PatientFacts.from_json(patient.facts)
    outcomes = engine.evaluate(facts, TODAY, trial_ids=[t.nct_id for t in open_trials])
    evaluation = PatientEvaluation(patient.pk, patient.client_id, facts, version_of(patient.pk, patient.facts, patient.facts_version_id), outcomes)
    return claim, evaluation, {t.nct_id: t for t in open_trials}


def _process(change: TrialChange) -> None:
    _, chunks = rematch.process_change(change.pk)
    for chunk in chunks:
        rematch.rematch_chunk(change.pk, chunk, as_of=TODAY)


def _edit_age_line(nct_id: str, new: str) -> None:
    trial = Trial.objects.get(nct_id=nct_id)
    lines = [
        CriterionLine(type=c.type, text=new if c.text == AGE_LINE else c.text, parent=c.parent_position)
        for c in trial.current_criteria.criteria.order_by("position")
    ]
    services.set_criteria(trial, lines, reason="edit")
    _process(TrialChange.objects.filter(trial=trial).latest("pk"))


def _result(patient: Patient, nct_id: str) -> MatchResult:
    return MatchResult.objects.get(patient=patient, trial__nct_id=nct_id)


def _rematched(sent: list) -> list:
    return [args for name, args in sent if name == dispatch.REMATCH_PATIENT_TRIALS]


# --- a job's store re-checks each trial ------------------------------------------------------


@pytest.mark.parametrize("newer", ["claimed again", "finished"])
def test_a_delivery_whose_claim_was_taken_since_stores_nothing(patient, sent, newer):
    claim, evaluation, trials = _evaluate_now(patient)
    if newer == "claimed again":
        assert jobs.claim_job(claim.job_id) is not None  # a redelivery holds the newer claim
    else:
        MatchJob.objects.filter(pk=claim.job_id).update(status=MatchJob.Status.SUCCEEDED)
    job = MatchJob.objects.get(pk=claim.job_id)
    before = list(MatchResult.objects.filter(patient=patient).order_by("pk").values())
    gate = Patient.objects.filter(pk=patient.pk).values_list("gate_opens_on", "rematch_on").get()
    evaluation = dataclasses.replace(evaluation, outcomes=[dataclasses.replace(o, score=0.0) for o in evaluation.outcomes])
    assert not jobs.store_results(claim, TODAY, evaluation, trials, gated_changes_on=date(2030, 1, 1))
    assert list(MatchResult.objects.filter(patient=patient).order_by("pk").values()) == before
    assert Patient.objects.filter(pk=patient.pk).values_list("gate_opens_on", "rematch_on").get() == gate
    after = MatchJob.objects.get(pk=claim.job_id)
    assert (after.status, after.claim, after.finished) == (job.status, job.claim, job.finished)
    assert _rematched(sent) == []


def test_a_job_never_writes_an_older_criteria_version_over_the_newer_verdict(patient, sent):
    claim, evaluation, trials = _evaluate_now(patient)  # evaluates the old version...
    _edit_age_line(AGE_TRIAL, "Over 14 years old, under 20 years old.")  # ...a newer one is re-matched first
    newer = _result(patient, AGE_TRIAL)
    assert jobs.store_results(claim, TODAY, evaluation, trials)
    after = _result(patient, AGE_TRIAL)
    assert (after.criteria_version_id, after.eligibility) == (newer.criteria_version_id, newer.eligibility)


def test_the_trial_a_job_got_stale_is_re_matched_for_the_patient(patient, sent):
    claim, evaluation, trials = _evaluate_now(patient)
    _edit_age_line(AGE_TRIAL, "Over 14 years old, under 20 years old.")
    jobs.store_results(claim, TODAY, evaluation, trials)
    trial = Trial.objects.get(nct_id=AGE_TRIAL)
    assert _rematched(sent) == [(str(patient.pk), [trial.pk])]


def test_a_job_never_revives_the_result_of_a_trial_closed_meanwhile(patient, sent):
    claim, evaluation, trials = _evaluate_now(patient)
    trial = Trial.objects.get(nct_id=AGE_TRIAL)
    services.set_status(trial, "SUSPENDED")
    _process(TrialChange.objects.filter(trial=trial).latest("pk"))
    assert _result(patient, AGE_TRIAL).state == "gone"
    jobs.store_results(claim, TODAY, evaluation, trials)
    assert _result(patient, AGE_TRIAL).state == "gone"
    assert _rematched(sent) == []


def test_a_job_that_did_not_see_a_trial_reopen_keeps_its_result_and_re_matches_it(patient, sent):
    trial = Trial.objects.get(nct_id=AGE_TRIAL)
    services.set_status(trial, "SUSPENDED")
    _process(TrialChange.objects.filter(trial=trial).latest("pk"))
    claim, evaluation, trials = _evaluate_now(patient)  # the trial is closed as the job reads the catalogue
    assert AGE_TRIAL not in trials
    services.set_status(trial, "RECRUITING")
    _process(TrialChange.objects.filter(trial=trial).latest("pk"))
    assert _result(patient, AGE_TRIAL).state == "active"
    jobs.store_results(claim, TODAY, evaluation, trials)
    assert _result(patient, AGE_TRIAL).state == "active"
    assert _rematched(sent) == [(str(patient.pk), [trial.pk])]


def test_re_matching_a_patients_stale_trials_writes_the_current_versions_verdict(patient, sent):
    trial = Trial.objects.get(nct_id=AGE_TRIAL)
    services.set_criteria(
        trial,
        [
            CriterionLine(type=c.type, text="Over 14 years old, under 20 years old." if c.text == AGE_LINE else c.text,
                          parent=c.parent_position)
            for c in trial.current_criteria.criteria.order_by("position")
        ],
        reason="edit",
    )  # the change's own re-match never ran (its message is in `sent`, unprocessed)
    trial.refresh_from_db()
    assert _result(patient, AGE_TRIAL).criteria_version_id != trial.current_criteria_id
    assert rematch.rematch_patient_trials(str(patient.pk), [trial.pk], as_of=TODAY) == 1
    assert _result(patient, AGE_TRIAL).criteria_version_id == trial.current_criteria_id


# --- chunk completion ------------------------------------------------------------------------


def test_a_redelivered_chunk_is_counted_once(patient, sent):
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = TrialChange.objects.filter(trial=trial).latest("pk")
    _, chunks = rematch.process_change(change.pk)
    for _ in range(2):
        rematch.rematch_chunk(change.pk, chunks[0], as_of=TODAY)
    change.refresh_from_db()
    assert (change.chunks, change.chunks_done) == (1, 1)


def test_a_chunk_that_finds_its_trial_closed_again_still_reports_back_once(patient, sent):
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = TrialChange.objects.filter(trial=trial).latest("pk")
    _, chunks = rematch.process_change(change.pk)
    services.set_status(trial, "COMPLETED")
    for _ in range(2):
        assert rematch.rematch_chunk(change.pk, chunks[0], as_of=TODAY) == 0
    change.refresh_from_db()
    assert change.chunks_done == 1


# --- the sweep --------------------------------------------------------------------------------


def _age(change: TrialChange, **delta: float) -> None:
    TrialChange.objects.filter(pk=change.pk).update(created=timezone.now() - timedelta(**delta))


def test_a_trial_change_whose_message_was_lost_is_dispatched_by_the_sweep(patient, sent):
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = TrialChange.objects.filter(trial=trial).latest("pk")
    _age(change, minutes=11)
    sent.clear()
    assert rematch.sweep_trial_changes().done == 1
    assert sent == [(dispatch.PROCESS_TRIAL_CHANGE, (change.pk,))]


def test_a_change_committed_a_moment_ago_is_left_to_its_own_message(patient, sent):
    services.set_status(Trial.objects.get(nct_id="NCT05563545"), "RECRUITING")
    sent.clear()
    assert rematch.sweep_trial_changes().done == 0
    assert sent == []


def test_a_change_whose_chunks_did_not_report_back_starts_over_counting_from_zero(patient, sent):
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = TrialChange.objects.filter(trial=trial).latest("pk")
    _, chunks = rematch.process_change(change.pk)
    rematch.rematch_chunk(change.pk, chunks[0], as_of=TODAY)
    TrialChange.objects.filter(pk=change.pk).update(chunks=2, processed=timezone.now() - timedelta(days=2))
    sent.clear()
    assert rematch.sweep_trial_changes().done == 1
    change.refresh_from_db()
    assert (change.processed, change.chunks, change.chunks_done) == (None, 0, 0)
    assert not RematchChunkDone.objects.filter(change=change).exists()
    assert sent == [(dispatch.PROCESS_TRIAL_CHANGE, (change.pk,))]


@pytest.mark.parametrize("size,batches", [(1, [1, 1, 1, 0]), (2, [2, 1]), (5, [3])])
def test_the_sweep_works_through_lost_changes_in_bounded_batches(patient, sent, size, batches):
    for nct_id, status in [("NCT05563545", "RECRUITING"), (AGE_TRIAL, "SUSPENDED"), ("NCT06559644", "SUSPENDED")]:
        services.set_status(Trial.objects.get(nct_id=nct_id), status)
    for change in TrialChange.objects.all():
        _age(change, hours=1)
    done, after = [], None
    while True:
        batch = rematch.sweep_trial_changes(after=after, size=size)
        done.append(batch.done)
        if batch.after is None:
            break
        after = batch.after
    assert done == batches


def test_a_lease_has_one_holder_until_it_is_released_or_expires():
    first = leases.acquire("step", timedelta(minutes=1))
    assert first is not None
    assert leases.acquire("step", timedelta(minutes=1)) is None
    leases.release("step", first)
    second = leases.acquire("step", timedelta(seconds=-1))  # taken, and already expired
    assert second is not None
    assert leases.acquire("step", timedelta(minutes=1)) is not None
    leases.release("step", second)  # an expired holder cannot free its successor's lease
    assert leases.acquire("step", timedelta(minutes=1)) is None


def test_a_second_beat_of_the_nightly_sweep_hands_out_nothing(sent):
    from matcher.worker import tasks

    tasks.nightly_rematch_sweep()
    first = list(sent)
    tasks.nightly_rematch_sweep()
    assert sorted(name for name, _ in first) == sorted(tasks.SWEEP_STEPS)
    assert sent == first


def test_the_recovery_steps_run_even_when_the_time_step_runs_out_of_time(patient, monkeypatch, sent):
    """Each step is its own task: the patients' step exceeding its time limit leaves the lost
    trial change and the stalled job to their own steps."""
    from matcher.config.celery import app
    from matcher.worker import tasks

    def out_of_time(**_: object) -> rematch.Batch:
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(rematch, "sweep_due_patients", out_of_time)
    trial = Trial.objects.get(nct_id="NCT05563545")
    services.set_status(trial, "RECRUITING")
    change = TrialChange.objects.filter(trial=trial).latest("pk")
    _age(change, minutes=30)
    stalled = MatchJob.objects.create(patient=patient, client=patient.client)
    MatchJob.objects.filter(pk=stalled.pk).update(created=timezone.now() - timedelta(hours=2))
    sent.clear()

    tasks.nightly_rematch_sweep()
    for name, args in [s for s in sent if s[0] in tasks.SWEEP_STEPS]:
        app.tasks[name].apply(args=args)  # each step as the worker would run it
    assert (dispatch.PROCESS_TRIAL_CHANGE, (change.pk,)) in sent
    assert (dispatch.RUN_MATCH_JOB, (str(stalled.pk),)) in sent
