"""``manage.py reencrypt_webhook_secrets``: the step that rotating ``SECRET_KEY`` needs.

Webhook signing secrets are encrypted with a key derived from ``SECRET_KEY``
(matcher.webhooks.sealing). After ``SECRET_KEY`` changes, run this once with the new key as
``SECRET_KEY`` and the old one in the environment variable ``OLD_SECRET_KEY`` (or the one named
by ``--old-key-env``; ``SECRET_KEY_FALLBACKS`` are tried too). Every secret is then encrypted
under the new key, and the old key can be dropped. The old key is read from the environment,
never from the command line, where every user of the machine could read it. A second run
changes nothing that matters (each secret is re-encrypted under the same current key).
"""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from matcher.models import Webhook
from matcher.webhooks import sealing

COLUMNS = ("secret", "previous_secret")


class Command(BaseCommand):
    help = "Re-encrypt every webhook signing secret under the key derived from the current SECRET_KEY."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--old-key-env", default="OLD_SECRET_KEY",
            help="environment variable holding the previous SECRET_KEY (default OLD_SECRET_KEY)",
        )

    def handle(self, *args, **options) -> None:
        old = os.environ.get(options["old_key_env"], "")
        extra = [old] if old else []
        table = connection.ops.quote_name(Webhook._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
        resealed = unreadable = 0
        with transaction.atomic():
            with connection.cursor() as cursor:
                # The stored tokens as they are: the model's field would decrypt them with the
                # current key only.
                cursor.execute(f"SELECT id, {columns} FROM {table} ORDER BY id")
                rows = cursor.fetchall()
            for pk, *tokens in rows:
                changes = {}
                for column, token in zip(COLUMNS, tokens, strict=True):
                    if not token:
                        continue
                    try:
                        changes[column] = sealing.unseal(token, extra)
                    except sealing.SecretUnreadable:
                        unreadable += 1
                if changes:
                    Webhook.objects.filter(pk=pk).update(**changes)  # the field encrypts with the current key
                    resealed += len(changes)
        self.stdout.write(f"re-encrypted {resealed} secret(s) under the current SECRET_KEY")
        if unreadable:
            raise CommandError(
                f"{unreadable} secret(s) could not be decrypted with SECRET_KEY, its fallbacks or "
                f"${options['old_key_env']}; they were left as they are"
            )
