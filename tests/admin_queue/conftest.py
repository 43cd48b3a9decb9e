"""The match queue's fixtures: example patients matched in-process, coordinators, and a factory
for results built directly (for counts and rankings the examples cannot give)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 22)  # the examples were generated on this day; their verdicts hold on it
_seq = itertools.count()


def post_patient(api, name: str) -> str:
    """Post an example patient through the API and run its match job in-process."""
    from matcher.matching.jobs import run_job

    body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
    posted = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()
    run_job(posted["match_job"]["id"], as_of=TODAY)
    return posted["id"]


def rematch(patient_id: str, as_of: date = TODAY) -> None:
    """A new match job for the patient, run in-process (the embedded path)."""
    from matcher.matching.jobs import run_job
    from matcher.models import MatchJob, Patient

    patient = Patient.objects.get(pk=patient_id)
    job = MatchJob.objects.create(patient=patient, client_id=patient.client_id, trigger=MatchJob.Trigger.REQUESTED)
    assert run_job(job.id, as_of=as_of) == "succeeded"


@pytest.fixture
def matched(api, seeded):
    """name -> patient id, for example patients D01, D03 and D07 of the client "hospital-a"."""
    return {name: post_patient(api, name) for name in ("D01", "D03", "D07")}


def coordinator_group():
    """The group the data migration made, or the same again: a transactional test (the worker
    tests, the browser test) flushes the database, and rows made by migrations go with it."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    migration = importlib.import_module("matcher.migrations.0003_coordinator_group")
    group, created = Group.objects.get_or_create(name=migration.GROUP)
    if created:
        for app_label, codename in migration.PERMISSIONS:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


@pytest.fixture
def make_user(db):
    from django.contrib.auth.models import Permission, User

    from matcher.models import CoordinatorAssignment

    def make(name: str | None = None, *, clients=(), group: bool = True, perms=(), superuser: bool = False) -> User:
        name = name or f"user{next(_seq)}"
        if superuser:
            user = User.objects.create_superuser(name, password="pw")
        else:
            user = User.objects.create_user(name, password="pw", is_staff=True)
        if group:
            user.groups.add(coordinator_group())
        if perms:
            user.user_permissions.add(*Permission.objects.filter(content_type__app_label="matcher", codename__in=perms))
        for client in clients:
            CoordinatorAssignment.objects.create(user=user, client=client)
        return user

    return make


@pytest.fixture
def coordinator(make_user, api):
    """A coordinator (the group) working on hospital-a."""
    return make_user("carol", clients=[api.eligo_client])


@pytest.fixture
def logged_in(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def other_client(make_client):
    return make_client("hospital-b")


@pytest.fixture
def make_results(seeded):
    """Results written directly: ``make(client, n, per_patient=5, **fields)`` makes n results
    over n / per_patient new patients with bulk_create; line outcomes via ``criteria=``
    [(position, outcome, review)], every other line decided in the patient's favour (reasons
    and concepts are rendered from the trial's criteria and the patient's facts, as for any
    result; a fourth item, the line's concepts, is for tests that patch the rendering)."""
    from django.utils import timezone

    from matcher.models import MatchResult, Patient
    from trials.models import Trial

    trials = list(Trial.objects.select_related("current_criteria").order_by("nct_id"))

    def make(
        client, n: int, per_patient: int = 5, criteria=(), facts=None, patient=None, trial_index: int = 0, **fields
    ) -> list[MatchResult]:
        """``patient``: results of that patient (one per trial, from ``trial_index`` on)."""
        per_patient = min(per_patient, len(trials))
        patients = [patient] * n if patient is not None else Patient.objects.bulk_create(
            Patient(
                client=client, identifier_system="urn:test", identifier_value=f"P{next(_seq):06d}", format="native",
                record={}, facts=facts or {"measurements": {}, "events": {}},
            )
            for _ in range((n + per_patient - 1) // per_patient)
        )
        now = timezone.now()
        defaults = dict(
            eligibility="possibly_eligible", eligibility_rank=1, score=0.9, unknown_count=1, evaluated_at=TODAY,
            digest="x", state="active", last_changed=now,
        )
        rows = []
        for i in range(n):
            trial = trials[trial_index + i] if patient is not None else trials[i % per_patient]
            rows.append(
                MatchResult(
                    patient=patients[i] if patient is not None else patients[i // per_patient], client=client, trial=trial,
                    criteria_version_id=trial.current_criteria_id, **{**defaults, **fields},
                )
            )
        if criteria:
            for r in rows:
                r.outcomes = _codes(r.trial.current_criteria, criteria)
        made = MatchResult.objects.bulk_create(rows, batch_size=2000)
        return made

    return make


def _codes(version, criteria) -> str:
    """A result's ``outcomes`` codes: the given lines as said, the others in the patient's
    favour (an inclusion met, an exclusion not met)."""
    from matcher.results import compact
    from rules_engine.outcome import Outcome

    types = list(version.criteria.order_by("position").values_list("type", flat=True))
    codes = ["n" if t == "exclusion" else "m" for t in types]
    for position, outcome, review, *_ in criteria:
        code = compact.encode_one(Outcome(outcome), review)
        codes[position] = code
    return "".join(codes)
