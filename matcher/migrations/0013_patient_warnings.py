from django.db import migrations, models


class Migration(migrations.Migration):
    """Lenient intake (issue #19): what a post kept but did not read, listed on the patient."""

    dependencies = [("matcher", "0012_worker_faults")]

    operations = [
        migrations.AddField(
            model_name="patient",
            name="warnings",
            field=models.JSONField(
                blank=True, default=list, help_text="resources kept but not read, values read in part: [{path, error}]"
            ),
        ),
    ]
