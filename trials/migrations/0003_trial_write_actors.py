"""Who wrote a trial (issue 16): the trial, each criteria version and each recorded change keep
their actor. Existing rows have none (imports and seeds have no actor either)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("trials", "0002_trialchange_chunks"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="criteriaversion",
            name="created_by",
            field=models.ForeignKey(
                blank=True, help_text="who made this version; none: an import command or the seeds", null=True,
                on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="trial",
            name="updated_by",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="trialchange",
            name="actor",
            field=models.ForeignKey(
                blank=True, help_text="who made the change; none: an import command or the seeds", null=True,
                on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
