from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("matcher", "0008_fewer_result_indexes")]

    operations: list[migrations.operations.base.Operation] = []
