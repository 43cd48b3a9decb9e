"""Worker faults (issue 16): chunk completion once per (change, chunk), and leases for the
nightly sweep's steps."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matcher", "0011_access_audit"),
        ("trials", "0002_trialchange_chunks"),
    ]

    operations = [
        migrations.CreateModel(
            name="Lease",
            fields=[
                ("name", models.CharField(max_length=60, primary_key=True, serialize=False)),
                ("holder", models.UUIDField(blank=True, null=True)),
                ("expires", models.DateTimeField()),
            ],
        ),
        migrations.CreateModel(
            name="RematchChunkDone",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("low", models.UUIDField()),
                ("high", models.UUIDField()),
                ("done", models.DateTimeField(auto_now_add=True)),
                (
                    "change",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="trials.trialchange"
                    ),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("change", "low"), name="rematch_chunk_done_once")],
            },
        ),
    ]
