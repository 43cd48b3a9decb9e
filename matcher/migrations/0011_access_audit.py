from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("matcher", "0010_hashed_api_tokens")]

    operations: list[migrations.operations.base.Operation] = []
