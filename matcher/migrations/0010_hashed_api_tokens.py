from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("matcher", "0009_webhook_hardening")]

    operations: list[migrations.operations.base.Operation] = []
