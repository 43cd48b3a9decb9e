"""The access audit trail (issue 16): who read or wrote which patient's data, and when."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matcher", "0010_hashed_api_tokens"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AccessEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("patient.read", "Patient record read"),
                            ("patient.list", "Patient record listed"),
                            ("patient.write", "Patient record written"),
                            ("patient.delete", "Patient deleted"),
                            ("matches.read", "Matches read"),
                            ("changes.read", "Match changes read"),
                            ("match_job.read", "Match job read"),
                            ("match_job.create", "Match job requested"),
                            ("admin.patient.view", "Patient viewed in admin"),
                            ("admin.match_page.view", "Match page viewed in admin"),
                        ],
                        max_length=32,
                    ),
                ),
                ("actor_kind", models.CharField(choices=[("client", "API client"), ("staff", "Staff user")], max_length=10)),
                ("actor_name", models.CharField(max_length=150)),
                (
                    "patient",
                    models.UUIDField(
                        blank=True, help_text="the patient's id; erased when the patient is deleted", null=True
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "client",
                    models.ForeignKey(
                        blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+", to="matcher.apiclient",
                    ),
                ),
            ],
            options={
                "ordering": ["-at", "-id"],
                "indexes": [
                    models.Index(fields=["patient", "-at", "-id"], name="accessevent_patient_recent"),
                    models.Index(fields=["client", "-at", "-id"], name="accessevent_client_recent"),
                    models.Index(fields=["-at", "-id"], name="accessevent_recent"),
                ],
            },
        ),
    ]
