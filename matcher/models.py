"""API clients (the hospitals' systems), their patients, match jobs, the current results with
their review by coordinators, the record of what changed, and webhook deliveries."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from matcher.webhooks.sealing import SealedCharField


class ApiClient(models.Model):
    """A hospital system calling the API. Tenancy hangs off this: every patient belongs to
    exactly one client, and a client never sees another's. Authentication is DRF's token of
    the client's (password-less) user."""

    name = models.CharField(max_length=120, unique=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_client")
    can_manage_trials = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """A client's API token, kept only as a hash: the plaintext is shown once, when issued.

    A token reads ``eligo_<prefix>_<secret>``. The prefix is public (admin, logs, ``api_token
    list``) and is the lookup key; ``digest`` is the SHA-256 of the whole token. A plain hash,
    not a slow password KDF: the secret is 256 random bits, so there is nothing to guess and a
    KDF would only slow every API call. Tokens moved from DRF's plaintext table keep their old
    40-hex form; their prefix is the first 16 characters.
    """

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="tokens")
    prefix = models.CharField(max_length=24, unique=True)
    digest = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="empty: never expires")
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=120, blank=True, help_text="how it came to be: issued, rotated, migrated")

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"token {self.prefix}"


class Patient(models.Model):
    """One patient of one client. The original record is kept so it can be re-normalised when
    the code tables grow; ``facts`` is its normalisation (rules_engine PatientFacts JSON).

    The upsert key is (client, first identifier's system and value). Ids are random UUIDs so a
    client cannot guess another's patients; tenancy is still enforced on every query.
    """

    class Format(models.TextChoices):
        FHIR = "fhir", "FHIR R4 Bundle"
        NATIVE = "native", "Eligo patient JSON"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="patients")
    identifier_system = models.CharField(max_length=300, blank=True)
    identifier_value = models.CharField(max_length=300)
    format = models.CharField(max_length=10, choices=Format.choices)
    record = models.JSONField(help_text="the record exactly as posted")
    facts = models.JSONField(help_text="normalised facts, with their source resource ids (the current version's copy)")
    # The current facts version. ``facts`` stays as its copy on the row: every evaluating reader
    # (a job, a trial re-match chunk over thousands of patients, an on-demand verdict, a curation
    # preview) reads the current facts with the patient in one query, and a post stays one upsert.
    facts_version = models.ForeignKey(
        "PatientFactsVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="the version of the facts that ``facts`` holds",
    )
    ignored = models.JSONField(default=list, blank=True, help_text="what the normalisation kept but did not use")
    warnings = models.JSONField(
        default=list, blank=True, help_text="resources kept but not read, values read in part: [{path, error}]"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # The earliest day on which time alone changes one of this patient's verdicts (a washout
    # ends, a birthday): the nightly sweep re-matches patients whose day has come.
    rematch_on = models.DateField(null=True, blank=True, db_index=True)
    # The earliest day time alone opens a gate that shut a trial out (a birthday crossing an age
    # bound): nothing is stored for such a trial, so its day is kept here and joins rematch_on.
    gate_opens_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "identifier_system", "identifier_value"], name="patient_unique_identifier_per_client"
            ),
            # the key a match result's (patient, client) references (migration 0020)
            models.UniqueConstraint(fields=["id", "client"], name="patient_unique_id_client"),
        ]
        permissions = [("view_patient_identity", "Can see patients' local identifiers")]

    def __str__(self) -> str:
        # Never the identifier: __str__ ends up in logs and admin messages.
        return f"patient {self.id}"


class PatientFactsVersion(models.Model):
    """One version of a patient's normalised facts: a new one each time a posted record's facts
    change. A result pins the version it was judged on, so its reasons can be rendered again
    exactly as judged (``matcher.results.render``) after the record changed; a version no result
    points at any more, and that is not the current one, is deleted when the patient's results
    are stored (``matcher.results.facts_versions``)."""

    # the unique (patient, number) index leads with the patient
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="facts_versions", db_index=False)
    number = models.PositiveIntegerField()
    facts = models.JSONField()
    digest = models.CharField(max_length=32, help_text="hash of the facts: an unchanged re-post makes no version")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["patient", "number"]
        constraints = [models.UniqueConstraint(fields=["patient", "number"], name="patientfactsversion_unique_number")]

    def __str__(self) -> str:
        return f"facts v{self.number} of patient {self.patient_id}"


class MatchJob(models.Model):
    """One evaluation of one patient against every open trial.

    Claimed by a conditional update (``status`` and ``claim``), so a redelivered task never
    stores results twice and a job whose worker died runs again; ``deliveries`` counts how
    often a worker picked it up, and a job past the limit is failed (dead-lettered) instead of
    killing workers forever.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    class Trigger(models.TextChoices):
        PATIENT_POSTED = "patient_posted", "Patient record posted"
        REQUESTED = "requested", "Requested by the client"
        TRIAL_CHANGED = "trial_changed", "A trial changed"
        SCHEDULED = "scheduled", "Scheduled re-match"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="jobs")
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="jobs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    trigger = models.CharField(max_length=20, choices=Trigger.choices, default=Trigger.PATIENT_POSTED)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    evaluated_at = models.DateField(null=True, blank=True, help_text="the evaluation date (age, windows)")
    # The criteria version each trial was judged on is its result's (``MatchResult.criteria_version``);
    # the job kept a copy for every candidate, ~9 KB a patient at 10,000 open trials, that nothing read.
    gated = models.PositiveIntegerField(
        default=0, help_text="open trials not evaluated: a gate (diagnosis family, age, sex) the patient cannot pass"
    )
    deliveries = models.PositiveSmallIntegerField(default=0)
    claim = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["patient", "status", "-finished"], name="matchjob_latest_succeeded")]

    def __str__(self) -> str:
        return f"match job {self.id} ({self.status})"


class MatchResult(models.Model):
    """The current verdict of one trial for one patient: one row per (patient, trial), kept
    across re-matching rather than re-created per job.

    Keeping the row is what lets a coordinator's review status, notes and overrides survive a
    re-match, and lets a re-evaluation write nothing when nothing changed (``digest``). A
    result whose trial closed or stopped being evaluated is marked ``gone`` with the reason,
    never deleted, so the review history stays readable.

    A verdict, not prose: each line's engine outcome and review flag are one character in
    ``outcomes`` (``matcher.results.compact``); reasons are rendered on read from the pinned
    criteria version and facts version at ``evaluated_at`` (``matcher.results.render``).
    Eligibility, score and ``unknown_count`` are stored with the coordinators' overrides applied.
    """

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        GONE = "gone", "Gone"

    class ReviewStatus(models.TextChoices):
        NEW = "new", "New"
        UNDER_REVIEW = "under_review", "Under review"
        CONTACT_PENDING = "contact_pending", "Contact pending"
        CONTACTED = "contacted", "Contacted"
        SCREENING = "screening", "Screening"
        ENROLLED = "enrolled", "Enrolled"
        NOT_ELIGIBLE = "not_eligible", "Not eligible"
        DECLINED = "declined", "Declined"
        DEFERRED = "deferred", "Deferred"

    # Statuses that end the work on a match: they need a reason.
    CLOSING_STATUSES = frozenset({ReviewStatus.ENROLLED, ReviewStatus.NOT_ELIGIBLE, ReviewStatus.DECLINED, ReviewStatus.DEFERRED})

    # A new patient writes 1,000 of these rows at once: no index that another one already
    # covers (patient: the unique pair leads with it; trial: trial_state; state and
    # eligibility: the queue index), and none for LIKE on words nobody searches. A patient's
    # results are ranked in Python (``matcher.api.selectors``: ~1,000 small rows), so no ranked
    # index either: it cost 80 bytes a row, a sixth of the row with its indexes.
    #
    # Integrity of the patient, client, trial and criteria version: (patient, client) must be a
    # patient's (id, client) and (trial, criteria version) a version's (trial, id), which also
    # holds that a result's client is its patient's and its version one of its trial's. Migration
    # 0020 made these two composite foreign keys out of four single ones; migration 0022 checks
    # them once per statement instead of once per row (triggers on this table, on the patient
    # and on the version: a new patient's ~640 results made ~1,280 row checks, ~3-4 ms of the
    # job's ~22 ms of PostgreSQL CPU; the migration says how deletions stay safe). Django knows
    # the four fields as ``db_constraint=False``; ``tests/api/test_result_keys.py`` checks the
    # database refuses what the keys forbade, on both sides and across two transactions.
    patient = models.ForeignKey(
        Patient, on_delete=models.CASCADE, related_name="matches", db_index=False, db_constraint=False
    )
    # Denormalised from the patient: the queue filters and scopes by client on every page, so
    # it is indexed where the queue reads (``matchresult_queue_client``), not on every row: the
    # full index was ~13 KB a patient at 10,000 open trials (bench/e2e.py --trials 10000: 5.0 MB
    # for 400 patients, 2% of what a patient stored), for the rows nobody lists. Deleting a
    # client, an administrator's rare act, reads the table once to find its results.
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False)
    trial = models.ForeignKey(
        "trials.Trial", on_delete=models.CASCADE, related_name="match_results", db_index=False, db_constraint=False
    )
    # The job whose run first stored this result, when that first appearance is implied by the
    # row instead of stored as a ``MatchChange`` (``matcher.results.history``): the appearance of
    # every trial on a patient's first match was ~140 KB a patient, a third of what a patient
    # cost. Empty when a re-match, or a scheduled job (time's doing), created the row: that
    # appearance is stored as a change. No constraint and no index, as ``facts_version``: a job
    # is deleted with its patient, whose results go with it; the history reads a job that was
    # deleted alone (the admin) as none, as the change's own SET_NULL did.
    first_job = models.ForeignKey(
        MatchJob, null=True, blank=True, on_delete=models.DO_NOTHING, related_name="+",
        db_constraint=False, db_index=False,
        help_text="the match job whose run first stored this result, its appearance implied (not a stored change)",
    )
    # No index: every reader of results by version also names the trial (``matchresult_trial_state``
    # leads with it), and a criteria version is never deleted but with its trial, whose results
    # go first; the index cost ~8 KB a patient at 1,000 trials and an insert per result.
    criteria_version = models.ForeignKey(
        "trials.CriteriaVersion", on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    eligibility = models.CharField(max_length=20)
    # 0 eligible, 1 possibly eligible, 2 ineligible: ranking is an index scan, not a CASE.
    eligibility_rank = models.PositiveSmallIntegerField(default=2)
    score = models.FloatField()
    unknown_count = models.PositiveSmallIntegerField(default=0)
    changes_on = models.DateField(null=True, blank=True, help_text="when time alone would change this verdict")
    error = models.TextField(blank=True, help_text="the evaluation of this trial raised; the job went on")
    evaluated_at = models.DateField(help_text="the evaluation date of the verdict")
    digest = models.CharField(
        max_length=32, help_text="hash of the verdict (``matcher.results.digests.short_digest``): unchanged verdicts are not rewritten"
    )
    # No database constraint and no index, as a result row is written 1,000 times a job:
    # versions are deleted only by ``matcher.results.facts_versions``, which first checks (per
    # patient, through the patient-led indexes) that no result points at them.
    facts_version = models.ForeignKey(
        PatientFactsVersion, null=True, blank=True, on_delete=models.DO_NOTHING, related_name="+",
        db_constraint=False, db_index=False, help_text="the patient facts version this verdict was judged on",
    )
    outcomes = models.TextField(
        blank=True,
        help_text="each line's engine outcome, one character per position: m met, n not met, u unknown; "
        "upper case when the line is left to review (overrides not applied)",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    gone_reason = models.CharField(max_length=200, blank=True)
    first_seen = models.DateTimeField(auto_now_add=True)
    # No index: only the queue sorts by it, among the few rows it lists (~8 KB a patient).
    # Empty until the verdict changes after it was first seen (readers show ``first_seen``):
    # nearly every result is never rewritten, and the 8 bytes were ~7 KB a patient.
    last_changed = models.DateTimeField(
        null=True, blank=True, help_text="when the verdict last changed; empty: not since it was first seen"
    )

    @property
    def changed_at(self) -> datetime:
        """When the verdict last changed, or was first seen."""
        return self.last_changed or self.first_seen
    review_status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NEW)
    review_reason = models.CharField(max_length=300, blank=True, help_text="why a closing status was chosen")
    # Indexed only where set (``matchresult_assigned``): nearly every row is unassigned.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_matches",
        db_index=False,
    )

    class Meta:
        ordering = ["eligibility_rank", "-score", "trial_id"]
        constraints = [models.UniqueConstraint(fields=["patient", "trial"], name="matchresult_unique_patient_trial")]
        indexes = [
            models.Index(fields=["trial", "state"], name="matchresult_trial_state"),
            # The queue lists active eligible and possibly eligible results, newest first: ~13% of
            # the rows at 1,000 trials (most candidates are ineligible), so only those are indexed.
            models.Index(
                fields=["-first_seen"], name="matchresult_queue_listed",
                condition=models.Q(state="active", eligibility__in=["eligible", "possibly_eligible"]),
            ),
            models.Index(
                fields=["client"], name="matchresult_queue_client",
                condition=models.Q(state="active", eligibility__in=["eligible", "possibly_eligible"]),
            ),
            # Partial indexes for columns nearly every row holds at its default (a new result is
            # "new" and unassigned): a filter on a worked status or a coordinator finds the few
            # rows that have one, and a user's deletion still finds theirs (``= id`` implies not
            # null). A full index paid ~20 bytes and an index insert per result for the default.
            models.Index(
                fields=["review_status"], name="matchresult_review_worked", condition=~models.Q(review_status="new"),
            ),
            models.Index(
                fields=["assigned_to"], name="matchresult_assigned", condition=models.Q(assigned_to__isnull=False),
            ),
            # a patient's next time-driven re-match: only the few results time can change
            models.Index(
                fields=["patient", "changes_on"], name="matchresult_time_changes",
                condition=models.Q(state="active", changes_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trial_id} {self.eligibility}"


class MatchChange(models.Model):
    """What a (re-)evaluation changed for one patient and trial, and why: the history behind
    ``GET /patients/{id}/matches/changes``, the queue's "changed since last run" and webhooks."""

    class Kind(models.TextChoices):
        APPEARED = "appeared", "Appeared"
        DISAPPEARED = "disappeared", "Disappeared"
        CHANGED = "changed", "Eligibility changed"

    class Cause(models.TextChoices):
        PATIENT_DATA = "patient_data", "Patient data"
        CRITERIA_VERSION = "criteria_version", "Criteria version"
        TRIAL_STATUS = "trial_status", "Trial status"
        TIME = "time", "Time"
        OVERRIDE = "override", "Coordinator override"

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="match_changes", db_index=False)  # matchchange_patient_recent leads with it
    result = models.ForeignKey(MatchResult, on_delete=models.CASCADE, related_name="changes")
    trial = models.ForeignKey("trials.Trial", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    cause = models.CharField(max_length=20, choices=Cause.choices)
    old_eligibility = models.CharField(max_length=20, blank=True)
    new_eligibility = models.CharField(max_length=20, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    job = models.ForeignKey(MatchJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Indexed only where set (``matchchange_trial_change``): a patient's job, which writes most
    # changes, names no trial change.
    trial_change = models.ForeignKey(
        "trials.TrialChange", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    # No index of its own: every reader of changes goes through a patient (``matchchange_patient_recent``)
    # or a result (the changes since a run); the index cost ~22 bytes and an insert per change.
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["patient", "-created"], name="matchchange_patient_recent"),
            models.Index(
                fields=["trial_change"], name="matchchange_trial_change", condition=models.Q(trial_change__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trial_id} {self.kind} ({self.cause})"


class CriterionOverride(models.Model):
    """A coordinator's verdict on one criterion of one match ("echo on paper chart: LVEF 55%").

    Versioned: a new override of the same criterion supersedes the previous one, which is kept.
    Matched to later evaluations by the criterion's type and text, so a new criteria version
    with the same line keeps it; it lapses when the patient's record brings data for one of
    the criterion's concepts dated after the override.
    """

    result = models.ForeignKey(MatchResult, on_delete=models.CASCADE, related_name="overrides")
    criterion_type = models.CharField(max_length=10)
    criterion_text = models.TextField()
    concepts = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=10, choices=[("met", "met"), ("not_met", "not met")])
    note = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    version = models.PositiveIntegerField(default=1)
    active = models.BooleanField(default=True, db_index=True)
    ended_reason = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["result", "-created"]

    def __str__(self) -> str:
        return f"override v{self.version}: {self.outcome}"


class MatchEvent(models.Model):
    """One change a person made to a match (status, assignee, note, override): who, when, from
    what, to what. The match page shows these beside the machine's MatchChange rows."""

    class Kind(models.TextChoices):
        STATUS = "status", "Review status"
        ASSIGNEE = "assignee", "Assigned coordinator"
        NOTE = "note", "Note"
        OVERRIDE = "override", "Criterion override"

    result = models.ForeignKey(MatchResult, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    old_value = models.CharField(max_length=300, blank=True)
    new_value = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True, help_text="a note's text, or a closing status's reason")
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.old_value} -> {self.new_value}"


class CoordinatorAssignment(models.Model):
    """Which clients' patients a coordinator works on: the queue shows a coordinator only these."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordinator_assignments")
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="coordinator_assignments")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "client"], name="coordinatorassignment_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.client_id}"


class QueueVisit(models.Model):
    """When a coordinator last opened the queue: "new since my last visit" compares with it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="queue_visit")
    previous = models.DateTimeField(null=True, blank=True)
    last = models.DateTimeField(null=True, blank=True)


class RematchChunkDone(models.Model):
    """A trial change's re-match chunk that reported back, once: the unique (change, low bound)
    makes a redelivered chunk's second report a no-op, so ``TrialChange.chunks_done`` counts
    each chunk exactly once. Rows of a change re-dispatched by the sweep are deleted first."""

    change = models.ForeignKey("trials.TrialChange", on_delete=models.CASCADE, related_name="+")
    low = models.UUIDField()
    high = models.UUIDField()
    done = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["change", "low"], name="rematch_chunk_done_once")]

    def __str__(self) -> str:
        return f"chunk {self.low} of change {self.change_id}"


class Lease(models.Model):
    """A named lease taken by a conditional update (``expires`` passed), so two beats, or two
    runs of one sweep step, never work at once. Plain rows rather than advisory locks: they
    work on SQLite too, and a holder that dies frees the lease when it expires."""

    name = models.CharField(max_length=60, primary_key=True)
    holder = models.UUIDField(null=True, blank=True)
    expires = models.DateTimeField()

    def __str__(self) -> str:
        return f"lease {self.name}"


class Webhook(models.Model):
    """A client's endpoint for match notifications. Signed with a per-client secret; paused
    after repeated failures rather than retried forever.

    Secrets are encrypted at rest (matcher.webhooks.sealing). After a rotation the replaced
    secret still signs, beside the new one, until ``previous_secret_expires``, so receivers can
    switch without failing deliveries."""

    client = models.OneToOneField(ApiClient, on_delete=models.CASCADE, related_name="webhook")
    url = models.URLField(max_length=500)
    secret = SealedCharField(max_length=255)
    previous_secret = SealedCharField(max_length=255, blank=True, default="")
    previous_secret_expires = models.DateTimeField(null=True, blank=True)
    active = models.BooleanField(default=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"webhook of {self.client_id}"


class WebhookDelivery(models.Model):
    """One notification to one webhook: an outbox row written with the change it reports, sent
    after commit, retried with backoff; the log of every attempt's answer stays here."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    delivered = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.event} ({self.status})"


class AccessEvent(models.Model):
    """One read or write of a patient's data (record, jobs, matches, changes) through the API,
    or one view of its match page in admin: who, for which client, which patient, what, when.
    Never a value: the trail must be safe to show the client and to keep.

    ``patient`` is the patient's id, not a foreign key, so the trail does not cascade away
    with the patient. Deleting a patient erases the id from its events instead (and records
    the deletion itself without one): the auditor keeps how much each actor read, and nothing
    links the trail to the erased person any more. ``actor_name`` keeps the username as it was,
    so an event outlives its user.
    """

    class Action(models.TextChoices):
        PATIENT_READ = "patient.read", "Patient record read"
        PATIENT_LIST = "patient.list", "Patient record listed"
        PATIENT_WRITE = "patient.write", "Patient record written"
        PATIENT_DELETE = "patient.delete", "Patient deleted"
        MATCHES_READ = "matches.read", "Matches read"
        CHANGES_READ = "changes.read", "Match changes read"
        MATCH_JOB_READ = "match_job.read", "Match job read"
        MATCH_JOB_CREATE = "match_job.create", "Match job requested"
        ADMIN_PATIENT_VIEW = "admin.patient.view", "Patient viewed in admin"
        ADMIN_MATCH_PAGE_VIEW = "admin.match_page.view", "Match page viewed in admin"

    class ActorKind(models.TextChoices):
        CLIENT = "client", "API client"
        STAFF = "staff", "Staff user"

    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=32, choices=Action.choices)
    actor_kind = models.CharField(max_length=10, choices=ActorKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150)
    # accessevent_client_recent leads with it
    client = models.ForeignKey(ApiClient, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False)
    patient = models.UUIDField(null=True, blank=True, help_text="the patient's id; erased when the patient is deleted")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["patient", "-at", "-id"], name="accessevent_patient_recent"),
            models.Index(fields=["client", "-at", "-id"], name="accessevent_client_recent"),
            models.Index(fields=["-at", "-id"], name="accessevent_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_kind}:{self.actor_name}"
