"""Issue 18: a result's ``last_changed`` is empty until its verdict changes after it was first seen.

Nearly every result is written once and never changed; its ``last_changed`` repeated the store's
clock a few milliseconds before ``first_seen``. Empty, the row is 8 bytes shorter (the columns
around it align to 8 bytes): ~7 KB a patient at 1,000 open trials. Readers show ``first_seen``
for an empty one (``MatchResult.changed_at``, the API's ``last_changed``, the queue's column).

Forward changes no row: what is stored stays true, and the space of rows written before comes
back only as they are rewritten. Backward, an empty one becomes ``first_seen``, what every reader
showed for it.
"""

from django.db import migrations, models
from django.db.models import F


def backward(apps, schema_editor):
    MatchResult = apps.get_model("matcher", "MatchResult")
    MatchResult.objects.filter(last_changed__isnull=True).update(last_changed=F("first_seen"))
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0018_leaner_result_rows'),
    ]

    operations = [
        migrations.AlterField(
            model_name='matchresult',
            name='last_changed',
            field=models.DateTimeField(blank=True, help_text='when the verdict last changed; empty: not since it was first seen', null=True),
        ),
        # reversed first: the empty ones are filled before the column is required again
        migrations.RunPython(migrations.RunPython.noop, backward),
    ]
