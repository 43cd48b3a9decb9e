"""API clients and their tokens: who may call the API (``manage.py create_api_client``,
``manage.py api_token``, the admin).

A token is shown once, when issued; only its SHA-256 is stored (``ApiToken``). Rotation issues a
new token and lets the old one live on for a grace period, so a hospital can switch its systems
over without an outage; revocation ends a token at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from matcher.models import ApiClient, ApiToken

TOKEN_SCHEME = "eligo"
PREFIX_HEX = 12  # 48 public bits: a lookup key, unique among tokens
SECRET_BYTES = 32  # 256 secret bits
LEGACY_PREFIX = 16  # DRF's 40-hex keys moved by migration 0010: the first 16 characters


def token_digest(token: str) -> str:
    """SHA-256 of the whole token. Tokens are 256 random bits, so a fast hash suffices: a slow
    KDF protects guessable passwords, and would only slow down every authenticated call here."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_prefix(token: str) -> str | None:
    """The public lookup part of a token as presented, or None when it cannot be one of ours."""
    if token.startswith(TOKEN_SCHEME + "_"):
        prefix, sep, secret = token[len(TOKEN_SCHEME) + 1 :].partition("_")
        if sep and len(prefix) == PREFIX_HEX and secret:
            return prefix
        return None
    if len(token) == 40:  # a token issued before hashing (DRF authtoken), moved by migration 0010
        return token[:LEGACY_PREFIX]
    return None


def default_expiry(now: datetime | None = None) -> datetime | None:
    days = settings.ELIGO_API_TOKEN_LIFETIME_DAYS
    if not days:
        return None
    return (now or timezone.now()) + timedelta(days=days)


def issue_token(
    client: ApiClient, *, expires_at: datetime | None = None, never_expires: bool = False, note: str = "issued"
) -> tuple[ApiToken, str]:
    """A new token for the client; the plaintext is returned here and never stored.

    Without ``expires_at`` it lives for ``ELIGO_API_TOKEN_LIFETIME_DAYS`` (unless
    ``never_expires``)."""
    when = None if never_expires else (expires_at or default_expiry())
    while True:
        prefix = secrets.token_hex(PREFIX_HEX // 2)
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    plaintext = f"{TOKEN_SCHEME}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    token = ApiToken.objects.create(
        client=client, prefix=prefix, digest=token_digest(plaintext), expires_at=when, note=note
    )
    return token, plaintext


def active_tokens(client: ApiClient):
    now = timezone.now()
    return ApiToken.objects.filter(client=client, revoked_at__isnull=True).exclude(expires_at__lte=now)


@transaction.atomic
def rotate_token(client: ApiClient, grace: timedelta | None = None) -> tuple[ApiToken, str]:
    """A new token; the client's other live tokens expire after ``grace`` (default
    ``ELIGO_API_TOKEN_ROTATION_GRACE_HOURS``), or at once when it is zero."""
    if grace is None:
        grace = timedelta(hours=settings.ELIGO_API_TOKEN_ROTATION_GRACE_HOURS)
    now = timezone.now()
    old = list(active_tokens(client).select_for_update())
    token, plaintext = issue_token(client, note="rotated")
    for previous in old:
        if grace <= timedelta(0):
            previous.revoked_at = now
        else:
            end = now + grace
            previous.expires_at = min(previous.expires_at, end) if previous.expires_at else end
        previous.save(update_fields=["revoked_at", "expires_at"])
    return token, plaintext


def revoke_tokens(client: ApiClient, prefix: str | None = None) -> int:
    """Revoke the client's live tokens (or only the one with ``prefix``); how many were."""
    tokens = active_tokens(client)
    if prefix:
        tokens = tokens.filter(prefix=prefix)
    return tokens.update(revoked_at=timezone.now())


@transaction.atomic
def create_api_client(name: str, can_manage_trials: bool = False) -> tuple[ApiClient, str]:
    """A client is a password-less user with a token: it can call the API, never log in."""
    name = name.strip()
    if not name:
        raise ValueError("name: must not be empty")
    if ApiClient.objects.filter(name=name).exists():
        raise ValueError(f"name: an API client called {name!r} already exists")
    user = get_user_model().objects.create_user(username=f"api-client:{name}"[:150])
    user.set_unusable_password()
    user.save(update_fields=["password"])
    client = ApiClient.objects.create(name=name, user=user, can_manage_trials=can_manage_trials)
    _, plaintext = issue_token(client)
    return client, plaintext
