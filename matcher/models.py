"""API clients (the hospitals' systems), and later their patients, match jobs and results."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


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
    facts = models.JSONField(help_text="normalised facts, with their source resource ids")
    ignored = models.JSONField(default=list, blank=True, help_text="what the normalisation kept but did not use")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "identifier_system", "identifier_value"], name="patient_unique_identifier_per_client"
            )
        ]
        permissions = [("view_patient_identity", "Can see patients' local identifiers")]

    def __str__(self) -> str:
        # Never the identifier: __str__ ends up in logs and admin messages.
        return f"patient {self.id}"


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
    criteria_versions = models.JSONField(default=dict, blank=True, help_text="{nct_id: criteria version} used")
    deliveries = models.PositiveSmallIntegerField(default=0)
    claim = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["patient", "status", "-finished"], name="matchjob_latest_succeeded")]

    def __str__(self) -> str:
        return f"match job {self.id} ({self.status})"


class MatchResult(models.Model):
    """One trial's verdict in one job."""

    job = models.ForeignKey(MatchJob, on_delete=models.CASCADE, related_name="results")
    trial = models.ForeignKey("trials.Trial", on_delete=models.CASCADE, related_name="match_results")
    criteria_version = models.ForeignKey("trials.CriteriaVersion", on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveIntegerField()
    eligibility = models.CharField(max_length=20, db_index=True)
    score = models.FloatField()
    unknown_count = models.PositiveSmallIntegerField(default=0)
    changes_on = models.DateField(null=True, blank=True, help_text="when time alone would change this verdict")
    error = models.TextField(blank=True, help_text="the evaluation of this trial raised; the job went on")

    class Meta:
        ordering = ["job", "rank"]
        constraints = [models.UniqueConstraint(fields=["job", "trial"], name="matchresult_unique_trial_per_job")]

    def __str__(self) -> str:
        return f"{self.trial_id} {self.eligibility}"


class CriterionResult(models.Model):
    """One criterion's outcome in one result: rows, not a blob, so queues can filter on them."""

    result = models.ForeignKey(MatchResult, on_delete=models.CASCADE, related_name="criteria")
    criterion = models.ForeignKey("trials.Criterion", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField()
    outcome = models.CharField(max_length=10, db_index=True)
    review = models.BooleanField(default=False)
    reason = models.TextField()
    concepts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["result", "position"]

    def __str__(self) -> str:
        return f"{self.position}: {self.outcome}"
