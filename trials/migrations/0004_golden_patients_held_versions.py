"""Golden patients per trial, and criteria versions held while they disagree (issue 17).
Existing versions are not held: they were in use before there were golden patients."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("trials", "0003_trial_write_actors"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(model_name="criteriaversion", name="held", field=models.BooleanField(default=False)),
        migrations.AddField(
            model_name="criteriaversion",
            name="disagreements",
            field=models.JSONField(blank=True, default=list, help_text="golden patients this version disagrees with"),
        ),
        migrations.AddField(model_name="criteriaversion", name="published_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(
            model_name="criteriaversion",
            name="published_by",
            field=models.ForeignKey(
                blank=True, help_text="who published this version although golden patients disagreed", null=True,
                on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.CreateModel(
            name="GoldenPatient",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120)),
                ("patient", models.JSONField(help_text="a FHIR R4 Bundle or Eligo patient JSON, as posted")),
                (
                    "expected",
                    models.CharField(
                        choices=[("eligible", "eligible"), ("possibly_eligible", "possibly eligible"), ("ineligible", "ineligible")],
                        max_length=20,
                    ),
                ),
                (
                    "criteria",
                    models.JSONField(blank=True, default=dict, help_text='{"<1-based position>": "met" / "not_met" / "unknown"}'),
                ),
                ("last_run", models.JSONField(blank=True, help_text="the latest run: version, verdict, disagreements", null=True)),
                ("created", models.DateTimeField(auto_now_add=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "trial",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="golden_patients", to="trials.trial"),
                ),
            ],
            options={"ordering": ["trial", "id"]},
        ),
        migrations.AddConstraint(
            model_name="goldenpatient",
            constraint=models.UniqueConstraint(fields=("trial", "name"), name="goldenpatient_unique_name"),
        ),
    ]
