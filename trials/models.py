"""Trials, their sites and conditions, and their versioned eligibility criteria.

Criteria are versioned rather than edited in place: a match result records the criteria
version it was evaluated against, so a coordinator can always see the exact text and structure
a verdict came from, even after the trial's criteria change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper

from trials.records import OPEN_STATUSES, OVERALL_STATUSES

STATUS_CHOICES = sorted((s, s.replace("_", " ").capitalize()) for s in OVERALL_STATUSES)


class TrialQuerySet(models.QuerySet):
    def open_to_matching(self) -> TrialQuerySet:
        return self.filter(overall_status__in=OPEN_STATUSES)


class Trial(models.Model):
    nct_id = models.CharField(max_length=11, unique=True)
    title = models.TextField()
    brief_summary = models.TextField(blank=True)
    phase = models.CharField(max_length=40, blank=True, db_index=True)
    overall_status = models.CharField(max_length=32, choices=STATUS_CHOICES, db_index=True)
    study_type = models.CharField(max_length=40, blank=True)
    interventions = models.JSONField(default=list, blank=True)
    sponsor = models.CharField(max_length=300, blank=True)
    enrollment = models.PositiveIntegerField(null=True, blank=True)
    arms = models.JSONField(default=list, blank=True)
    minimum_age = models.CharField(max_length=40, blank=True)
    maximum_age = models.CharField(max_length=40, blank=True)
    sex = models.CharField(max_length=10, blank=True)
    last_update = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=20, blank=True)
    # Denormalised pointer to the newest CriteriaVersion: matching reads it for every open
    # trial, so it must not need a MAX() per trial.
    current_criteria = models.ForeignKey(
        "CriteriaVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Who last wrote the trial (a trial manager's client user, a staff user); none: an import
    # command or the seeds.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TrialQuerySet.as_manager()

    class Meta:
        ordering = ["nct_id"]

    def __str__(self) -> str:
        return f"{self.nct_id}: {self.title[:80]}"

    @property
    def is_open(self) -> bool:
        return self.overall_status in OPEN_STATUSES


class TrialCondition(models.Model):
    """One condition name per row, so "trials for condition X" is an indexed lookup, not a
    scan of JSON across hundreds of thousands of trials."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="condition_rows")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ["trial", "position"]
        indexes = [models.Index(Upper("name"), name="trialcondition_name_upper")]
        constraints = [models.UniqueConstraint(fields=["trial", "position"], name="trialcondition_unique_position")]

    def __str__(self) -> str:
        return self.name


class Site(models.Model):
    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="sites")
    position = models.PositiveIntegerField()
    facility = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=120, blank=True)
    state = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=120, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["trial", "position"]

    def __str__(self) -> str:
        return ", ".join(p for p in (self.facility, self.city, self.country) if p)


class CriteriaVersion(models.Model):
    """One version of a trial's eligibility criteria: the text and every line's structure."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="criteria_versions")
    number = models.PositiveIntegerField()
    criteria_text = models.TextField(blank=True)
    reason = models.CharField(max_length=40, help_text="import, edit, correction or reparse")
    parser_version = models.CharField(max_length=20, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="who made this version; none: an import command or the seeds",
    )

    # A version the trial's golden patients disagree with is held: stored and shown, never
    # matched, until a trial manager publishes it (issue 17).
    held = models.BooleanField(default=False)
    disagreements = models.JSONField(default=list, blank=True, help_text="golden patients this version disagrees with")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="who published this version although golden patients disagreed",
    )

    class Meta:
        ordering = ["trial", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["trial", "number"], name="criteriaversion_unique_number"),
            # the key a match result's (trial, criteria version) references (matcher migration 0020)
            models.UniqueConstraint(fields=["trial", "id"], name="criteriaversion_unique_trial_id"),
        ]

    def __str__(self) -> str:
        return f"{self.trial_id} criteria v{self.number}"


class CriterionType(models.TextChoices):
    INCLUSION = "inclusion", "Inclusion"
    EXCLUSION = "exclusion", "Exclusion"


class Criterion(models.Model):
    version = models.ForeignKey(CriteriaVersion, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveIntegerField()
    type = models.CharField(max_length=10, choices=CriterionType.choices)
    text = models.TextField()
    parent_position = models.PositiveIntegerField(null=True, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    # The rules engine's criterion JSON (rules_engine.criteria.Criterion.to_json()); null until
    # parsed. ``review`` mirrors "needs a person" so the admin can filter without JSON queries.
    structured = models.JSONField(null=True, blank=True)
    review = models.BooleanField(default=True)
    corrected = models.BooleanField(default=False, help_text="A coordinator's correction; a re-parse keeps it.")

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="criterion_unique_position")]

    def __str__(self) -> str:
        return f"{self.type} {self.position + 1}: {self.text[:60]}"


class GoldenPatient(models.Model):
    """A named test patient of one trial with the verdict a curator expects (issue 17): every
    new criteria version is run against these first. Kept apart from the matcher's patients,
    so it is in no client's patients, queue or counts."""

    class Expected(models.TextChoices):
        ELIGIBLE = "eligible", "eligible"
        POSSIBLY_ELIGIBLE = "possibly_eligible", "possibly eligible"
        INELIGIBLE = "ineligible", "ineligible"

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="golden_patients")
    name = models.CharField(max_length=120)
    patient = models.JSONField(help_text="a FHIR R4 Bundle or Eligo patient JSON, as posted")
    expected = models.CharField(max_length=20, choices=Expected.choices)
    criteria = models.JSONField(default=dict, blank=True, help_text='{"<1-based position>": "met" / "not_met" / "unknown"}')
    last_run = models.JSONField(null=True, blank=True, help_text="the latest run: version, verdict, disagreements")
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["trial", "id"]
        constraints = [models.UniqueConstraint(fields=["trial", "name"], name="goldenpatient_unique_name")]

    def __str__(self) -> str:
        return f"{self.trial_id} golden {self.name}"


class TrialChange(models.Model):
    """An outbox row: a change of status or criteria, written in the same transaction as the
    change itself, so the re-matching worker can never miss one (and a redelivered change is
    recognised by its ``processed`` stamp, claimed with a conditional update)."""

    class Kind(models.TextChoices):
        STATUS = "status", "Status"
        CRITERIA = "criteria", "Criteria"

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    old_value = models.CharField(max_length=40, blank=True)
    new_value = models.CharField(max_length=40, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    processed = models.DateTimeField(null=True, blank=True)
    chunks = models.PositiveIntegerField(default=0, help_text="patient chunks queued for re-evaluation")
    chunks_done = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=200, blank=True, help_text="what processing did, or why it was skipped")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="who made the change; none: an import command or the seeds",
    )

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.trial_id} {self.kind}: {self.old_value} -> {self.new_value}"
