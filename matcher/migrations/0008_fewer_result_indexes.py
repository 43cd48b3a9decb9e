# Indexes another index already covers, dropped by name: Django's AlterField would also drop
# and re-add each foreign key constraint, re-checking every row of tables that hold ~1,000
# rows per patient. Only the indexes change; the constraints stay as they are.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

DROPPED = [
    ("matcher_matchresult", "matcher_matchresult_patient_id_13ffc770", "patient_id", ""),
    ("matcher_matchresult", "matcher_matchresult_trial_id_732a7afe", "trial_id", ""),
    ("matcher_matchresult", "matcher_matchresult_state_8dc04b5d", "state", ""),
    ("matcher_matchresult", "matcher_matchresult_state_8dc04b5d_like", "state", "varchar_pattern_ops"),
    ("matcher_matchresult", "matcher_matchresult_eligibility_85562b5b", "eligibility", ""),
    ("matcher_matchresult", "matcher_matchresult_eligibility_85562b5b_like", "eligibility", "varchar_pattern_ops"),
    ("matcher_matchresult", "matcher_matchresult_review_status_fdce6748", "review_status", ""),
    ("matcher_matchresult", "matcher_matchresult_review_status_fdce6748_like", "review_status", "varchar_pattern_ops"),
    ("matcher_matchchange", "matcher_matchchange_patient_id_ff496ce6", "patient_id", ""),
]


def drop(apps, schema_editor):
    for _, name, _, _ in DROPPED:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def restore(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for table, name, column, opclass in DROPPED:
        if opclass and not postgres:
            continue
        schema_editor.execute(f'CREATE INDEX "{name}" ON "{table}" ("{column}" {opclass})')


class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0007_time_changes_index'),
        ('trials', '0002_trialchange_chunks'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='matchchange',
                    name='patient',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='match_changes', to='matcher.patient'),
                ),
                migrations.AlterField(
                    model_name='matchresult',
                    name='eligibility',
                    field=models.CharField(max_length=20),
                ),
                migrations.AlterField(
                    model_name='matchresult',
                    name='patient',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='matches', to='matcher.patient'),
                ),
                migrations.AlterField(
                    model_name='matchresult',
                    name='review_status',
                    field=models.CharField(choices=[('new', 'New'), ('under_review', 'Under review'), ('contact_pending', 'Contact pending'), ('contacted', 'Contacted'), ('screening', 'Screening'), ('enrolled', 'Enrolled'), ('not_eligible', 'Not eligible'), ('declined', 'Declined'), ('deferred', 'Deferred')], default='new', max_length=20),
                ),
                migrations.AlterField(
                    model_name='matchresult',
                    name='state',
                    field=models.CharField(choices=[('active', 'Active'), ('gone', 'Gone')], default='active', max_length=10),
                ),
                migrations.AlterField(
                    model_name='matchresult',
                    name='trial',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='match_results', to='trials.trial'),
                ),
            ],
            database_operations=[migrations.RunPython(drop, restore)],
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(fields=['review_status'], name='matchresult_review_status'),
        ),
    ]
