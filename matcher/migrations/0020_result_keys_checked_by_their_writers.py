"""Issue 18: a result's client, trial and criteria version keys are no longer checked by
PostgreSQL; its patient key still is.

A new patient's job inserts ~850 results at 1,000 open trials, and each key with a constraint
cost a locking look-up per row at commit: ~3,400 of them were 14 of the ~36 ms of CPU the job
cost PostgreSQL (bench/e2e.py's trials, measured in-process). What those constraints promised
is held elsewhere (``MatchResult``'s comment): the client is the patient's, every writer of
results holds the trial and its current version under a share lock, and Django's CASCADE and
PROTECT still act on deletion. Forward drops the three constraints; backward adds them again,
which PostgreSQL validates against every stored row. No row changes either way.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0019_last_changed_empty_until_changed'),
        ('trials', '0004_golden_patients_held_versions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='matchresult',
            name='client',
            field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='matcher.apiclient'),
        ),
        migrations.AlterField(
            model_name='matchresult',
            name='criteria_version',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='trials.criteriaversion'),
        ),
        migrations.AlterField(
            model_name='matchresult',
            name='trial',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='match_results', to='trials.trial'),
        ),
    ]
