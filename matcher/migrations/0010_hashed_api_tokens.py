"""Hashed API tokens: the ApiToken table, and every token of DRF's plaintext table moved into it
as a hash (existing tokens keep working), then the plaintext table dropped.

DRF's authtoken app is no longer installed, so its table is read with SQL when it exists (a
database created before this migration); a fresh database has none and nothing is moved.
"""

import hashlib
from datetime import timedelta

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

LEGACY_TABLE = "authtoken_token"
LEGACY_PREFIX = 16  # matcher.api.clients.LEGACY_PREFIX, frozen here as migrations must be


def move_plaintext_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if LEGACY_TABLE not in connection.introspection.table_names():
        return
    ApiClient = apps.get_model("matcher", "ApiClient")
    ApiToken = apps.get_model("matcher", "ApiToken")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {connection.ops.quote_name('key')}, user_id FROM {LEGACY_TABLE}")
        rows = cursor.fetchall()
    clients = dict(ApiClient.objects.values_list("user_id", "id"))
    days = getattr(settings, "ELIGO_API_TOKEN_LIFETIME_DAYS", 365)
    expires_at = timezone.now() + timedelta(days=days) if days else None
    for key, user_id in rows:
        if user_id not in clients or ApiToken.objects.filter(prefix=key[:LEGACY_PREFIX]).exists():
            continue  # a token of an admin user (no API client) or a 64-bit prefix collision
        ApiToken.objects.create(
            client_id=clients[user_id],
            prefix=key[:LEGACY_PREFIX],
            digest=hashlib.sha256(key.encode()).hexdigest(),
            expires_at=expires_at,
            note="migrated from the plaintext token table",
        )
    schema_editor.execute(f"DROP TABLE {LEGACY_TABLE}")
    schema_editor.execute("DELETE FROM django_migrations WHERE app = 'authtoken'")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="authtoken").delete()  # and its permissions, by cascade


class Migration(migrations.Migration):
    dependencies = [
        ("matcher", "0009_webhook_hardening"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("prefix", models.CharField(max_length=24, unique=True)),
                ("digest", models.CharField(max_length=64)),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("expires_at", models.DateTimeField(blank=True, help_text="empty: never expires", null=True)),
                ("revoked_at", models.DateTimeField(blank=True, null=True)),
                ("last_used", models.DateTimeField(blank=True, null=True)),
                (
                    "note",
                    models.CharField(
                        blank=True, help_text="how it came to be: issued, rotated, migrated", max_length=120
                    ),
                ),
                (
                    "client",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="tokens", to="matcher.apiclient"
                    ),
                ),
            ],
            options={"ordering": ["-created"]},
        ),
        migrations.RunPython(move_plaintext_tokens, migrations.RunPython.noop),
    ]
