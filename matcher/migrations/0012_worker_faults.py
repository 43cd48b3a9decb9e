from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("matcher", "0011_access_audit")]

    operations: list[migrations.operations.base.Operation] = []
