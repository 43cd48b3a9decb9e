"""Issue 18: what a patient stores at 10,000 open trials, under the 600 KB target.

``bench/e2e.py --trials 10000`` stored 610 KB a patient. Two parts of it were read by nothing:
the full index on a result's client (5.0 MB for 400 patients; the queue, the only reader by
client, lists active eligible and possibly eligible results, so a partial index on those
rows takes its place) and the job's ``criteria_versions``, a copy of its results' criteria
versions for every candidate trial (~9 KB a patient, compressed).

Backward: the full client index comes back, and each succeeded job's ``criteria_versions`` is
rebuilt from what its patient's active results were judged on (for a patient's latest job
that is what it judged; an older job's copy was not kept and takes the same, the closest
record that remains).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def versions_from_results(apps, schema_editor):
    MatchJob = apps.get_model("matcher", "MatchJob")
    MatchResult = apps.get_model("matcher", "MatchResult")
    by_patient: dict = {}
    rows = MatchResult.objects.filter(state="active").values_list("patient_id", "trial__nct_id", "criteria_version__number")
    for patient_id, nct_id, number in rows.iterator(chunk_size=5000):
        by_patient.setdefault(patient_id, {})[nct_id] = number
    for job in MatchJob.objects.filter(status="succeeded").only("pk", "patient_id").iterator(chunk_size=1000):
        MatchJob.objects.filter(pk=job.pk).update(criteria_versions=by_patient.get(job.patient_id, {}))


class Migration(migrations.Migration):

    dependencies = [
        ("matcher", "0020_composite_result_keys"),
        ("trials", "0005_criteria_version_trial_key"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, versions_from_results),
        migrations.RemoveField(
            model_name="matchjob",
            name="criteria_versions",
        ),
        migrations.AlterField(
            model_name="matchresult",
            name="client",
            field=models.ForeignKey(
                db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                to="matcher.apiclient",
            ),
        ),
        migrations.AddIndex(
            model_name="matchresult",
            index=models.Index(
                condition=models.Q(("eligibility__in", ["eligible", "possibly_eligible"]), ("state", "active")),
                fields=["client"],
                name="matchresult_queue_client",
            ),
        ),
    ]
