"""Issue 18: leaner result rows, the table a new patient writes ~1,000 rows to.

Measured with 30 example patients against ``bench/e2e.py``'s 1,000 trials (after 0017, 342 KB a
patient, 208 KB of it result rows and ~110 KB their indexes):

* ``digest`` holds 64 bits of the verdict's MD5 in 11 URL-safe base64 characters instead of 32
  hex ones (``matcher.results.digests.short_digest``): 21 bytes a row. Forward, each stored
  digest is shortened the same way, so an unchanged verdict is still recognised and not
  rewritten; an override's mark ``override:<23 hex>`` becomes ``o:<9 hex>``, as
  ``matcher.results.overrides`` now writes it. Backward, marks get their long prefix back; an
  engine digest cannot grow back its lost bits, so the older code rewrites each unchanged
  verdict once on its next evaluation (same eligibility: no change is recorded).
* No index on ``last_changed`` (only the queue sorts by it, among the few rows it lists) nor on
  ``criteria_version`` (its readers name the trial too; a version goes only with its trial).
* The queue's index holds only what the queue lists: active eligible and possibly eligible
  results (~13% of rows at 1,000 trials), on ``first_seen``.

Reversing restores the indexes as they were.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

_HEX = "^[0-9a-f]{32}$"


def _short(hex_digest):
    import base64

    return base64.urlsafe_b64encode(bytes.fromhex(hex_digest[:16])).decode().rstrip("=")


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE matcher_matchresult SET digest = "
            "rtrim(translate(encode(decode(substr(digest, 1, 16), 'hex'), 'base64'), '+/', '-_'), '=') "
            f"WHERE digest ~ '{_HEX}'"
        )
        schema_editor.execute(
            "UPDATE matcher_matchresult SET digest = 'o:' || substr(digest, 10, 9) WHERE digest LIKE 'override:%%'"
        )
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        return
    import re

    MatchResult = apps.get_model("matcher", "MatchResult")
    hex_digest = re.compile(_HEX)
    rows = []
    for row in MatchResult.objects.only("pk", "digest").iterator(chunk_size=2000):
        if hex_digest.match(row.digest):
            row.digest = _short(row.digest)
        elif row.digest.startswith("override:"):
            row.digest = "o:" + row.digest[9:18]
        else:
            continue
        rows.append(row)
    MatchResult.objects.bulk_update(rows, ["digest"], batch_size=2000)


def backward(apps, schema_editor):
    MatchResult = apps.get_model("matcher", "MatchResult")
    rows = list(MatchResult.objects.filter(digest__startswith="o:").only("pk", "digest"))
    for row in rows:
        row.digest = "override:" + row.digest[2:]
    MatchResult.objects.bulk_update(rows, ["digest"], batch_size=2000)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0017_implied_first_appearances'),
        ('trials', '0004_golden_patients_held_versions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.RemoveIndex(
            model_name='matchresult',
            name='matchresult_queue',
        ),
        migrations.AlterField(
            model_name='matchresult',
            name='criteria_version',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='trials.criteriaversion'),
        ),
        migrations.AlterField(
            model_name='matchresult',
            name='digest',
            field=models.CharField(help_text='hash of the verdict (``matcher.results.digests.short_digest``): unchanged verdicts are not rewritten', max_length=32),
        ),
        migrations.AlterField(
            model_name='matchresult',
            name='last_changed',
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(condition=models.Q(('eligibility__in', ['eligible', 'possibly_eligible']), ('state', 'active')), fields=['-first_seen'], name='matchresult_queue_listed'),
        ),
    ]
