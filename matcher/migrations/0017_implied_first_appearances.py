"""Issue 18: a result's first appearance in a patient's job is implied by the result's row.

Why: every candidate trial "appears" on a patient's first match, one ``MatchChange`` row each;
measured with ``bench/e2e.py`` (1,000 open trials) those rows and their indexes were ~140 KB of
the ~535 KB a patient cost, and held nothing the result could not say: created when the result
was first seen, by that job, from the patient's data. A result now keeps that job in
``first_job`` and ``matcher.results.history`` gives the change back to every reader. Its
``job`` column ("the job that last changed this result") had no reader and goes, with its index.

Forward: each result whose earliest change is such an appearance (kind appeared, cause patient
data, a job, no trial change, no detail, and arriving at the eligibility the history will say
it arrived at: the next change's old eligibility, or the result's own) gets that job as
``first_job``, and the change row goes. Every other change stays a row. The implied change's
time is the result's ``first_seen``, stamped in the same job transaction as the row it replaces
(milliseconds apart).

Backward: those appearances are rows again (created at ``first_seen``, their job if it still
exists), and ``job`` is the first job: what it held for a result no later run rewrote; for the
others which job last rewrote them is not kept anywhere, and nothing read it.
"""

import django.db.models.deletion
from django.db import migrations, models

_FIRST_APPEARANCES = """
CREATE TEMPORARY TABLE eligo_implied AS
SELECT f.id AS change_id, f.result_id AS result_id, f.job_id AS job_id
FROM (
    SELECT id, result_id, kind, cause, job_id, trial_change_id, old_eligibility, new_eligibility, detail,
           ROW_NUMBER() OVER w AS n, LEAD(old_eligibility) OVER w AS next_old
    FROM matcher_matchchange
    WINDOW w AS (PARTITION BY result_id ORDER BY created, id)
) f
JOIN matcher_matchresult r ON r.id = f.result_id
WHERE f.n = 1 AND f.kind = 'appeared' AND f.cause = 'patient_data' AND f.job_id IS NOT NULL
  AND f.trial_change_id IS NULL AND f.old_eligibility = '' AND f.detail = ''
  AND f.new_eligibility = COALESCE(f.next_old, r.eligibility)
"""

_APPEARANCES_AGAIN = """
CREATE TEMPORARY TABLE eligo_appeared AS
SELECT r.patient_id AS patient_id, r.id AS result_id, r.trial_id AS trial_id,
       COALESCE(
           (SELECT c.old_eligibility FROM matcher_matchchange c WHERE c.result_id = r.id ORDER BY c.created, c.id LIMIT 1),
           r.eligibility
       ) AS new_eligibility,
       j.id AS job_id, r.first_seen AS created
FROM matcher_matchresult r LEFT JOIN matcher_matchjob j ON j.id = r.first_job_id
WHERE r.first_job_id IS NOT NULL
"""


def forward(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(_FIRST_APPEARANCES)
        cursor.execute("CREATE INDEX eligo_implied_result ON eligo_implied (result_id)")
        if postgres:
            cursor.execute(
                "UPDATE matcher_matchresult r SET first_job_id = i.job_id FROM eligo_implied i WHERE r.id = i.result_id"
            )
        else:
            cursor.execute(
                "UPDATE matcher_matchresult SET first_job_id = "
                "(SELECT i.job_id FROM eligo_implied i WHERE i.result_id = matcher_matchresult.id) "
                "WHERE id IN (SELECT result_id FROM eligo_implied)"
            )
        cursor.execute("DELETE FROM matcher_matchchange WHERE id IN (SELECT change_id FROM eligo_implied)")
        cursor.execute("DROP TABLE eligo_implied")
    _checks_now(schema_editor)


def backward(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(_APPEARANCES_AGAIN)
        cursor.execute(
            "INSERT INTO matcher_matchchange (patient_id, result_id, trial_id, kind, cause, old_eligibility, "
            "new_eligibility, detail, job_id, trial_change_id, created) "
            "SELECT patient_id, result_id, trial_id, 'appeared', 'patient_data', '', new_eligibility, '', job_id, NULL, created "
            "FROM eligo_appeared ORDER BY created, result_id"
        )
        cursor.execute("DROP TABLE eligo_appeared")
        cursor.execute(
            "UPDATE matcher_matchresult SET job_id = first_job_id "
            "WHERE first_job_id IN (SELECT id FROM matcher_matchjob)"
        )
    _checks_now(schema_editor)


def _checks_now(schema_editor):
    """Deferred foreign-key checks of the rows just written run now, so the schema changes that
    follow in this transaction do not meet pending trigger events (PostgreSQL)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0016_narrower_result_and_change_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='matchresult',
            name='first_job',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, help_text='the match job whose run first stored this result, its appearance implied (not a stored change)', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='matcher.matchjob'),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(
            model_name='matchresult',
            name='job',
        ),
    ]
