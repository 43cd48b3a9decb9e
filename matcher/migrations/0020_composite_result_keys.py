"""Issue 18: a match result's integrity checked by two composite foreign keys instead of four.

A result row pointed at its patient, client, trial and criteria version by four foreign keys,
each checked row by row when the job's transaction commits: a new patient's ~700 results at
1,000 open trials made ~2,800 look-ups, about half of its insert's PostgreSQL time. Now
(patient, client) references the patient's (id, client) and (trial, criteria version) the
version's (trial, id): two look-ups a row, and the database holds more than before (a result's
client is its patient's, its criteria version one of its trial's; the client and the trial
exist because the patient and the version point at them). Django cannot declare a composite
foreign key, so the four fields say ``db_constraint=False`` and this migration adds the two
keys itself, on PostgreSQL (SQLite, the development mode, keeps no key on these four columns).

Forward: the keys the composite ones reference (``patient_unique_id_client``, and trials'
``criteriaversion_unique_trial_id``), a result whose client is not its patient's takes the
patient's (the column is a copy of it; none should differ), the single keys go and the
composite ones come, validated against every stored row. Backward: the composite keys go and
the four single ones come back, validated likewise; no row changes either way.
"""

import django.db.models.deletion
from django.db import migrations, models

COMPOSITE = (
    ("matchresult_patient_client_fk", "(patient_id, client_id)", "matcher_patient (id, client_id)"),
    ("matchresult_trial_version_fk", "(trial_id, criteria_version_id)", "trials_criteriaversion (trial_id, id)"),
)


def clients_from_patients(apps, schema_editor):
    MatchResult = apps.get_model("matcher", "MatchResult")
    Patient = apps.get_model("matcher", "Patient")
    client = Patient.objects.filter(pk=models.OuterRef("patient_id")).values("client_id")[:1]
    MatchResult.objects.exclude(client_id=models.Subquery(client)).update(client_id=models.Subquery(client))


def add_composite_keys(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns, target in COMPOSITE:
        schema_editor.execute(
            f"ALTER TABLE matcher_matchresult ADD CONSTRAINT {name} FOREIGN KEY {columns} "
            f"REFERENCES {target} DEFERRABLE INITIALLY DEFERRED"
        )


def drop_composite_keys(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in COMPOSITE:
        schema_editor.execute(f"ALTER TABLE matcher_matchresult DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0019_last_changed_empty_until_changed'),
        ('trials', '0005_criteria_version_trial_key'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='patient',
            constraint=models.UniqueConstraint(fields=('id', 'client'), name='patient_unique_id_client'),
        ),
        migrations.RunPython(clients_from_patients, migrations.RunPython.noop),
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
            name='patient',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='matches', to='matcher.patient'),
        ),
        migrations.AlterField(
            model_name='matchresult',
            name='trial',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='match_results', to='trials.trial'),
        ),
        migrations.RunPython(add_composite_keys, drop_composite_keys),
    ]
