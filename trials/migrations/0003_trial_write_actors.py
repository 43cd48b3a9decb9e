from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("trials", "0002_trialchange_chunks")]

    operations: list[migrations.operations.base.Operation] = []
