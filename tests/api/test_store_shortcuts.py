"""The store's shortcuts equal the plain way: ``matcher.db.bulk.unsaved`` builds the instance
``Model.__init__`` builds, field for field; a verdict digest from each line's kept text is the plain one."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date

import pytest
from django.db.models import signals
from django.utils import timezone

from matcher.db.bulk import unsaved
from matcher.models import MatchChange, MatchResult

PATIENT, JOB = uuid.uuid4(), uuid.uuid4()
RESULT = dict(
    patient_id=PATIENT, client_id=1, trial_id=5, first_job_id=JOB, criteria_version_id=3, eligibility="eligible",
    eligibility_rank=0, score=0.75, unknown_count=2, changes_on=None, error="", evaluated_at=date(2026, 11, 22),
    digest="0" * 32, facts_version_id=4, outcomes="mnU", state=MatchResult.State.ACTIVE, gone_reason="",
    last_changed=timezone.now(),
)


def _fields(obj: object, model: type[MatchResult] | type[MatchChange]) -> dict[str, object]:
    return {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}


def _change(row: MatchResult, fast: bool) -> MatchChange:
    values: dict[str, object] = dict(
        patient_id=PATIENT, result=row, trial_id=5, kind=MatchChange.Kind.APPEARED, cause=MatchChange.Cause.PATIENT_DATA,
        old_eligibility="", new_eligibility="eligible", job_id=JOB, trial_change=None,
    )
    return unsaved(MatchChange, **values) if fast else MatchChange(**values)


@pytest.mark.parametrize("values", [RESULT, {**RESULT, "changes_on": date(2027, 1, 1), "error": "boom", "outcomes": ""}])
def test_a_result_built_without_init_equals_one_built_with_it(values):
    fast, plain = unsaved(MatchResult, **values), MatchResult(**values)
    assert _fields(fast, MatchResult) == _fields(plain, MatchResult)
    assert (fast._state.adding, fast._state.db) == (plain._state.adding, plain._state.db) == (True, None)


def test_a_change_pointing_at_an_unsaved_result_takes_its_id_as_init_does():
    row = MatchResult(**RESULT)
    fast, plain = _change(row, True), _change(row, False)
    assert _fields(fast, MatchChange) == _fields(plain, MatchChange)
    assert fast._state.fields_cache == plain._state.fields_cache == {"result": row, "trial_change": None}
    row.pk = 41  # as insert_models assigns it before the changes are written
    fast._prepare_related_fields_for_save(operation_name="test")  # type: ignore[attr-defined]
    plain._prepare_related_fields_for_save(operation_name="test")  # type: ignore[attr-defined]
    assert fast.result_id == plain.result_id == 41


def test_pointing_changes_at_their_saved_rows_leaves_them_as_djangos_method_does():
    from matcher.db.bulk import _forward_keys, point_at_saved
    from trials.models import TrialChange

    relations = _forward_keys(MatchChange)
    assert relations is not None and relations["result"] == ("result_id", "id")
    trial_change = TrialChange(pk=9)
    for set_key, other_key in ((41, None), (41, 41), (41, 40)):
        pair = []
        for fast in (True, False):
            row = MatchResult(**RESULT)
            change = _change(row, True)
            change.trial_change = trial_change
            change.result_id = other_key
            row.pk = set_key
            if fast:
                cache = change._state.fields_cache
                if not point_at_saved(change, cache, relations):
                    change._prepare_related_fields_for_save(operation_name="test")  # type: ignore[attr-defined]
            else:
                change._prepare_related_fields_for_save(operation_name="test")  # type: ignore[attr-defined]
            pair.append((_fields(change, MatchChange), dict(change._state.fields_cache)))
        assert pair[0] == pair[1]
    # an unsaved related row: Django's method raises, and the shortcut leaves it to it
    change = _change(MatchResult(**RESULT), True)
    assert not point_at_saved(change, change._state.fields_cache, relations)
    with pytest.raises(ValueError, match="unsaved related object"):
        change._prepare_related_fields_for_save(operation_name="test")  # type: ignore[attr-defined]


@pytest.mark.parametrize("model", [MatchResult, MatchChange])
def test_the_hot_path_models_have_no_init_signal_receivers_to_skip(model):
    assert not signals.pre_init.has_listeners(model) and not signals.post_init.has_listeners(model)


def test_a_verdict_digest_from_each_lines_kept_text_equals_the_plain_digest():
    from matcher.results.digests import legacy_verdict_digest, verdict_digest
    from rules_engine.outcome import CriterionOutcome, Eligibility, Outcome, TrialOutcome

    met = CriterionOutcome(0, "inclusion", "age", Outcome.MET, False, "age 40 ≥ 18 (µmol/L — Ω)")
    review = CriterionOutcome(1, "exclusion", "judgement", Outcome.UNKNOWN, True, "left to review: judgement")
    trials = [
        TrialOutcome("NCT1", 1, Eligibility.POSSIBLY_ELIGIBLE, 0.5, (met, review)),
        TrialOutcome("NCT2", 2, Eligibility.ELIGIBLE, 1.0, (met,)),
    ]
    no_lines = TrialOutcome("NCT3", 1, Eligibility.POSSIBLY_ELIGIBLE, 0.5, (), error="boom")
    trials.append(no_lines)
    assert [verdict_digest(t, 7, {}) for t in trials] == [verdict_digest(t, 7, {}, plain=True) for t in trials]
    assert [verdict_digest(t, 7, {}) for t in trials] == [verdict_digest(t, 7, {}) for t in trials]  # kept text reused
    assert len({verdict_digest(t, 7, {}) for t in trials}) == 3
    # the older format (rows stored before the line digests) likewise, from the kept bytes
    assert [legacy_verdict_digest(t, 7, {}) for t in trials] == [legacy_verdict_digest(t, 7, {}, plain=True) for t in trials]
    assert len({legacy_verdict_digest(t, 7, {}) for t in trials}) == 3


def _verdicts():
    from rules_engine.outcome import CriterionOutcome, Eligibility, Outcome, TrialOutcome

    def line(i, reason, outcome=Outcome.MET, review=False):
        return CriterionOutcome(i, "inclusion", f"line {i}", outcome, review, reason)

    base = (line(0, "age 40 ≥ 18"), line(1, "left to review: judgement", Outcome.UNKNOWN, True), line(2, "ANC 1.2 ≥ 1"))
    variants = {
        "as stored": base,
        "a reason's words": (base[0], base[1], line(2, "ANC 1.3 ≥ 1")),
        "an outcome": (base[0], base[1], line(2, "ANC 1.2 ≥ 1", Outcome.NOT_MET)),
        "a review bit": (base[0], line(1, "left to review: judgement", Outcome.UNKNOWN, False), base[2]),
        "the lines' order": (base[1], base[0], base[2]),
        "a line less": base[:2],
        # words moved from one line's reason to the next one's: each line is digested apart
        "a boundary": (line(0, "age 40"), line(1, "≥ 18 left to review: judgement", Outcome.UNKNOWN, True), base[2]),
    }
    return {name: TrialOutcome("NCT1", 1, Eligibility.POSSIBLY_ELIGIBLE, 0.5, lines) for name, lines in variants.items()}


def test_verdict_digests_are_marked_as_the_line_digest_format_and_keep_the_stored_length():
    from matcher.results.digests import LINE_DIGESTS, legacy_verdict_digest, verdict_digest

    for outcome in _verdicts().values():
        digest = verdict_digest(outcome, 7, {})
        assert digest.startswith(LINE_DIGESTS) and len(digest) == 11 == len(legacy_verdict_digest(outcome, 7, {}))
        assert not legacy_verdict_digest(outcome, 7, {}).startswith((LINE_DIGESTS, "o:"))


@pytest.mark.parametrize("change", [name for name in _verdicts() if name != "as stored"])
def test_any_change_of_a_verdict_changes_both_digest_formats(change):
    from matcher.results.digests import legacy_verdict_digest, same_verdict, verdict_digest

    stored, new = _verdicts()["as stored"], _verdicts()[change]
    assert verdict_digest(new, 7, {}) != verdict_digest(stored, 7, {})
    assert legacy_verdict_digest(new, 7, {}) != legacy_verdict_digest(stored, 7, {})
    for kept in (verdict_digest(stored, 7, {}), legacy_verdict_digest(stored, 7, {})):
        assert not same_verdict(kept, verdict_digest(new, 7, {}), new, 7, {})
    assert verdict_digest(stored, 8, {}) != verdict_digest(stored, 7, {})  # another criteria version


def test_an_unchanged_verdict_is_recognised_in_either_stored_format_and_an_override_mark_never():
    from matcher.results.digests import legacy_verdict_digest, same_verdict, verdict_digest

    stored = _verdicts()["as stored"]
    digest = verdict_digest(stored, 7, {})
    assert same_verdict(digest, digest, stored, 7, {})
    assert same_verdict(legacy_verdict_digest(stored, 7, {}), digest, stored, 7, {})
    assert not same_verdict("o:abcdefghi", digest, stored, 7, {})


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 8, 9, 861, 1024])
def test_the_spread_insert_order_holds_every_row_once_and_starts_from_the_middle(n):
    from matcher.db.bulk import spread_order

    rows = list(range(n))
    spread = spread_order(rows)
    assert sorted(spread) == rows
    if n >= 3:
        assert spread[:2] == [0, 2 ** ((n - 1).bit_length() - 1)]  # the first, then the middle of the bit range


@pytest.mark.parametrize("n", [3, 4, 7, 8, 9, 100, 861, 1024, 1025])
def test_the_spread_insert_order_is_the_plain_bit_reversed_sort_on_every_call(n):
    """``spread_order`` keeps each length's positions (``_spread_positions``): its answer is the
    plain sort by bit-reversed position, the first call and the next."""
    from matcher.db.bulk import spread_order

    bits = (n - 1).bit_length()
    rows = [f"row{i}" for i in range(n)]
    plain = [rows[i] for i in sorted(range(n), key=lambda i: int(f"{i:0{bits}b}"[::-1], 2))]
    assert spread_order(rows) == plain
    assert spread_order(tuple(rows)) == plain


def test_new_results_are_sorted_as_by_patient_text_then_trial():
    """``store._key_order`` orders rows as ``(str(r.patient_id), r.trial_id)`` does, over several
    patients (a trial's re-match chunk) as over one (a patient's job)."""
    from matcher.results.store import _key_order

    patients = [uuid.uuid4() for _ in range(5)]
    rows = [unsaved(MatchResult, patient_id=patients[i % 5], trial_id=(i * 7919) % 1000 + 1) for i in range(400)]
    plain = sorted(rows, key=lambda r: (str(r.patient_id), r.trial_id))
    assert sorted(rows, key=_key_order(rows)) == plain
    one = [r for r in rows if r.patient_id == patients[0]]
    assert sorted(one, key=_key_order(one)) == sorted(one, key=lambda r: (str(r.patient_id), r.trial_id))


UPDATED = [
    "first_job", "criteria_version", "eligibility", "eligibility_rank", "score", "unknown_count", "changes_on",
    "error", "evaluated_at", "digest", "facts_version", "outcomes", "state", "gone_reason", "last_changed",
]


def _stored_results(api, seeded, n: int) -> list[MatchResult]:
    from matcher.models import MatchJob, Patient
    from trials.models import Trial

    trials = list(Trial.objects.exclude(current_criteria=None).order_by("nct_id")[:n])
    rows = []
    for i, trial in enumerate(trials):
        patient = Patient.objects.create(
            client=api.eligo_client, identifier_system="urn:test", identifier_value=f"p{i}", format="fhir",
            record={}, facts={},
        )
        job = MatchJob.objects.create(patient=patient, client=api.eligo_client)
        rows.append(MatchResult.objects.create(
            patient=patient, client=api.eligo_client, first_job=job, trial=trial, criteria_version=trial.current_criteria,
            eligibility="eligible", score=1.0, evaluated_at=date(2026, 11, 22), digest="d", last_changed=timezone.now(),
            changes_on=date(2027, 1, 1), outcomes="mm",
        ))
    return rows


def test_rows_written_by_update_models_equal_those_bulk_update_writes(api, seeded):
    """``matcher.db.bulk.update_models`` (one UPDATE ... FROM unnest) is ``bulk_update``: the same
    rows are written twice with the same new values, once each way, and read back equal. The
    values cover nulls set and cleared, empty and quoted text, dates, times and keys."""
    from matcher.db.bulk import update_models

    rows = _stored_results(api, seeded, 4)
    now = timezone.now()
    changes = [
        dict(first_job_id=None, eligibility="possibly_eligible", eligibility_rank=1, score=0.5, unknown_count=3,
             changes_on=None, error='it said "no", \\ then {braces}, NULL', digest="e" * 32, facts_version_id=None,
             outcomes="mUn", state=MatchResult.State.GONE, gone_reason="the trial is closed", last_changed=now,
             evaluated_at=date(2026, 12, 1)),
        dict(eligibility="ineligible", eligibility_rank=2, score=0.0, unknown_count=0, changes_on=date(2028, 2, 29),
             error="", digest="f" * 32, facts_version_id=None, outcomes="", state=MatchResult.State.ACTIVE,
             gone_reason="", last_changed=now, evaluated_at=date(2026, 11, 23)),
    ]

    def written(how) -> list[dict]:
        for row, values in zip(rows, changes * 2, strict=True):
            for name, value in values.items():
                setattr(row, name, value)
        how(rows)
        return list(MatchResult.objects.order_by("pk").values(*(MatchResult._meta.get_field(f).attname for f in UPDATED)))

    fast = written(lambda objs: update_models(MatchResult, objs, UPDATED))
    MatchResult.objects.update(eligibility="eligible", error="x", changes_on=date(2030, 1, 1), first_job=None)
    plain = written(lambda objs: MatchResult.objects.bulk_update(objs, UPDATED))
    assert fast == plain
    assert fast[0]["error"] == changes[0]["error"] and fast[0]["changes_on"] is None and fast[1]["changes_on"] == date(2028, 2, 29)
    update_models(MatchResult, [], UPDATED)  # nothing to write is nothing written


@pytest.mark.parametrize("kind", list(MatchChange.Kind))
@pytest.mark.parametrize("eligibility", ["eligible", "possibly_eligible", "ineligible", ""])
def test_an_implied_appearance_is_left_unbuilt_only_when_no_webhook_event_would_follow_it(kind, eligibility):
    """The store builds an implied appearance only when ``notifies``: exactly the changes that
    ``record_deliveries`` turns into an event, so the deliveries are those of every change."""
    from matcher.webhooks.delivery import _event_of, notifies

    change = MatchChange(kind=kind, new_eligibility=eligibility)
    assert notifies(kind, eligibility) == (_event_of(change) is not None)


def test_locking_the_open_trials_by_the_same_statement_equals_reading_them_first(api, seeded):
    """``locked_trial_states(pks, and_open=True)`` (the open trials locked as they are found, then
    the named ones they did not hold) is what the job did before: read the open trials with
    criteria, then lock them with the trials it names."""
    from django.db import transaction

    from matcher.results.store import locked_trial_states
    from trials.models import Trial

    closed = Trial.objects.exclude(current_criteria=None).order_by("pk").first()
    assert closed is not None
    Trial.objects.filter(pk=closed.pk).update(overall_status="COMPLETED")
    open_now = set(Trial.objects.open_to_matching().exclude(current_criteria=None).values_list("pk", flat=True))
    assert open_now and closed.pk not in open_now
    for named in (set(), {closed.pk}, {closed.pk, min(open_now)}):
        with transaction.atomic():
            assert locked_trial_states(named, and_open=True) == locked_trial_states(named | open_now)
    assert locked_trial_states(set()) == {}


def test_scheduling_time_rematches_in_one_statement_sets_the_plain_way_s_days(api, seeded):
    """``store.schedule_time_rematch`` (one UPDATE on PostgreSQL) sets each patient's
    ``rematch_on`` as ``schedule_time_rematch_plain`` (two ORM reads, an update per day) does:
    the earliest of its active results' days and its gate's day, None when it has neither, from
    any day held before."""
    from matcher.models import Patient
    from matcher.results.store import schedule_time_rematch, schedule_time_rematch_plain

    rows = _stored_results(api, seeded, 5)  # p0-p4: an active result each, changing on 2027-01-01
    pids = [r.patient_id for r in rows]
    MatchResult.objects.filter(pk=rows[1].pk).update(state="gone")  # p1: gone results do not count
    MatchResult.objects.filter(pk__in=[rows[2].pk, rows[4].pk]).update(changes_on=None)
    Patient.objects.filter(pk=pids[2]).update(gate_opens_on=date(2026, 12, 24))  # p2: its gate alone
    Patient.objects.filter(pk=pids[3]).update(gate_opens_on=date(2027, 3, 1))  # p3: its result's day first
    Patient.objects.filter(pk=pids[0]).update(gate_opens_on=date(2026, 12, 30))  # p0: its gate first
    starts = [None, date(2027, 1, 1), date(2020, 1, 1), date(2027, 1, 1), date(2026, 1, 1)]
    found = []
    for schedule in (schedule_time_rematch_plain, schedule_time_rematch):
        for pid, start in zip(pids, starts, strict=True):
            Patient.objects.filter(pk=pid).update(rematch_on=start)
        schedule(pids)
        found.append([Patient.objects.get(pk=pid).rematch_on for pid in pids])
    assert found[0] == found[1] == [date(2026, 12, 30), None, date(2026, 12, 24), date(2027, 1, 1), None]
    schedule_time_rematch([])  # nothing to schedule


def test_the_older_facts_versions_read_in_one_statement_are_the_plain_way_s(api, seeded):
    """``facts_versions.older_versions`` (``prune``'s first read, one statement on PostgreSQL)
    finds the versions ``older_versions_plain`` finds: a patient's one current version none,
    every version but the current one, every version of a patient naming none."""
    from matcher.models import Patient, PatientFactsVersion
    from matcher.results.facts_versions import older_versions, older_versions_plain, record_facts

    rows = _stored_results(api, seeded, 3)
    pids = [r.patient_id for r in rows]
    record_facts(pids[0], {"v": 1})  # p0: one version, current
    for n in range(3):  # p1: three versions, the last current
        record_facts(pids[1], {"v": n})
    record_facts(pids[2], {"v": 1})
    record_facts(pids[2], {"v": 2})
    Patient.objects.filter(pk=pids[2]).update(facts_version=None)  # p2: names none
    expected = set(PatientFactsVersion.objects.filter(patient_id=pids[1]).order_by("number").values_list("pk", flat=True)[:2])
    expected |= set(PatientFactsVersion.objects.filter(patient_id=pids[2]).values_list("pk", flat=True))
    for ids in (pids, pids[:1], pids[1:2], pids[2:], [uuid.uuid4()]):
        assert sorted(older_versions(ids)) == sorted(older_versions_plain(ids))
    assert set(older_versions(pids)) == expected and len(expected) == 4


def test_a_digest_from_a_kept_head_equals_the_plain_digest_for_every_score_error_and_day():
    """``_digest_unoverridden`` keeps heads by value: equal keys with different ``repr`` (0.0 and
    -0.0, 1 and 1.0) must not share one, and a kept head must serve the next outcome alike."""
    from matcher.results import digests
    from rules_engine.outcome import CriterionOutcome, Eligibility, Outcome, TrialOutcome

    line = CriterionOutcome(0, "inclusion", "age", Outcome.MET, False, "age 40 ≥ 18")
    outcomes = [
        TrialOutcome("NCT1", 1, eligibility, score, (line,), error=error)
        for eligibility in (Eligibility.ELIGIBLE, Eligibility.INELIGIBLE, "possibly_eligible")
        for score in (0.667, 0.5, 1.0, 1, 0.0, -0.0, 0)
        for error in (None, "", "boom")
    ]
    for day in (None, date(2027, 1, 1)):
        for outcome in outcomes:
            outcome.__dict__.pop("changes_on", None)
            outcome.__dict__["changes_on"] = day
            for _ in range(2):  # the second time from the kept head
                for version_pk in (7, 8):
                    assert digests.verdict_digest(outcome, version_pk, {}) == digests.verdict_digest(
                        outcome, version_pk, {}, plain=True
                    )
                    plain_head = digests._head(outcome, version_pk, {}).encode() + b"\0" + outcome.lines_md5
                    expected = digests.LINE_DIGESTS + digests.short_digest(hashlib.md5(plain_head).digest())[:10]
                    assert digests.verdict_digest(outcome, version_pk, {}) == expected
