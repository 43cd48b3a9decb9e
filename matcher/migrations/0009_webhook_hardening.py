"""Webhook hardening (issue 16): signing secrets encrypted at rest, and the replaced secret kept
for a grace period after a rotation.

The columns widen first (a Fernet token of a 64-character secret is 184 characters), then the
existing secrets are encrypted with the key derived from SECRET_KEY (matcher.webhooks.sealing),
and only then do the fields become the encrypting kind, which changes no column. Reversing
decrypts them back to plain text before the column narrows again.
"""

from django.db import migrations, models

import matcher.webhooks.sealing


def encrypt_secrets(apps, schema_editor):
    from matcher.webhooks import sealing

    Webhook = apps.get_model("matcher", "Webhook")
    for pk, secret in Webhook.objects.values_list("pk", "secret").iterator():
        if secret and not sealing.is_sealed(secret):  # a re-run leaves encrypted rows alone
            Webhook.objects.filter(pk=pk).update(secret=sealing.seal(secret))


def decrypt_secrets(apps, schema_editor):
    from matcher.webhooks import sealing

    Webhook = apps.get_model("matcher", "Webhook")
    for pk, secret in Webhook.objects.values_list("pk", "secret").iterator():
        if secret and sealing.is_sealed(secret):
            Webhook.objects.filter(pk=pk).update(secret=sealing.unseal(secret))


class Migration(migrations.Migration):
    dependencies = [("matcher", "0008_fewer_result_indexes")]

    operations = [
        migrations.AlterField(model_name="webhook", name="secret", field=models.CharField(max_length=255)),
        migrations.AddField(
            model_name="webhook",
            name="previous_secret",
            field=models.CharField(blank=True, default="", max_length=255),
        ),
        migrations.AddField(
            model_name="webhook",
            name="previous_secret_expires",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(encrypt_secrets, decrypt_secrets, elidable=False),
        migrations.AlterField(
            model_name="webhook",
            name="secret",
            field=matcher.webhooks.sealing.SealedCharField(max_length=255),
        ),
        migrations.AlterField(
            model_name="webhook",
            name="previous_secret",
            field=matcher.webhooks.sealing.SealedCharField(blank=True, default="", max_length=255),
        ),
    ]
