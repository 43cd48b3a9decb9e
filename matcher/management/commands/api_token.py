"""``manage.py api_token create|rotate|revoke|list NAME``: an API client's hashed tokens.

``create`` and ``rotate`` print the new token as the last line; it is shown only then.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from matcher.api import clients
from matcher.models import ApiClient, ApiToken


class Command(BaseCommand):
    help = "Create, rotate, revoke or list an API client's tokens (a new token is the last line printed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create", "rotate", "revoke", "list"])
        parser.add_argument("name", help="the API client's name")
        parser.add_argument(
            "--expires-days",
            type=int,
            help=f"create/rotate: lifetime in days (default ELIGO_API_TOKEN_LIFETIME_DAYS, now "
            f"{settings.ELIGO_API_TOKEN_LIFETIME_DAYS}; 0: never expires)",
        )
        parser.add_argument(
            "--grace-hours",
            type=float,
            help="rotate: how long the old tokens keep working (default "
            "ELIGO_API_TOKEN_ROTATION_GRACE_HOURS; 0: revoked at once)",
        )
        parser.add_argument("--prefix", help="revoke: only the token with this prefix")

    def handle(self, *args, action: str, name: str, **options) -> None:
        client = ApiClient.objects.filter(name=name).first()
        if client is None:
            raise CommandError(f"name: no API client called {name!r}")
        if action == "list":
            self._list(client)
        elif action == "revoke":
            count = clients.revoke_tokens(client, prefix=options["prefix"])
            if options["prefix"] and not count:
                raise CommandError(f"prefix: no live token {options['prefix']!r} of {name!r}")
            self.stdout.write(f"Revoked {count} token(s) of {name!r}.")
        else:
            days = options["expires_days"]
            if action == "rotate":
                grace = options["grace_hours"]
                token, plaintext = clients.rotate_token(
                    client, grace=None if grace is None else timedelta(hours=grace)
                )
            else:
                token, plaintext = clients.issue_token(client)
            if days is not None:
                token.expires_at = timezone.now() + timedelta(days=days) if days > 0 else None
                token.save(update_fields=["expires_at"])
            expiry = token.expires_at.isoformat(timespec="seconds") if token.expires_at else "never"
            self.stdout.write(f"New token {token.prefix} for {name!r}, expires {expiry}. Shown once:")
            self.stdout.write(plaintext)

    def _list(self, client: ApiClient) -> None:
        now = timezone.now()
        for token in ApiToken.objects.filter(client=client).order_by("-created"):
            if token.revoked_at:
                state = f"revoked {token.revoked_at.isoformat(timespec='seconds')}"
            elif token.expires_at and token.expires_at <= now:
                state = f"expired {token.expires_at.isoformat(timespec='seconds')}"
            else:
                until = token.expires_at.isoformat(timespec="seconds") if token.expires_at else "never"
                state = f"live, expires {until}"
            used = token.last_used.isoformat(timespec="seconds") if token.last_used else "never"
            self.stdout.write(f"{token.prefix}\t{state}\tlast used {used}\t{token.note}")
