"""Webhook signing secrets encrypted at rest.

Why: the secret is what lets a receiver trust that a notification came from Eligo; a database
dump or a read-only SQL leak must not hand it out. The secrets are kept as Fernet tokens
(AES-128-CBC with HMAC-SHA256, from the ``cryptography`` package) and decrypted only in memory.

The key is derived from ``SECRET_KEY``, so nothing new is needed to run:
``key = base64url(HKDF-SHA256(input = SECRET_KEY as UTF-8, salt = none, info = LABEL, 32 bytes))``.
The label binds the derived key to this one use: the same ``SECRET_KEY`` signs Django's
sessions and tokens, and no other use can be led to produce this key. Decryption also accepts
keys derived from ``SECRET_KEY_FALLBACKS`` (Django's own setting for key rotation), so rotating
``SECRET_KEY`` is: put the old key in the fallbacks (or pass it to the command), run
``python manage.py reencrypt_webhook_secrets``, then drop the old key.
"""

from __future__ import annotations

import base64
import functools
import logging
from collections.abc import Iterable
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models

logger = logging.getLogger(__name__)

LABEL = b"eligo webhook signing secrets v1"


class SecretUnreadable(ValueError):
    """A stored secret that no configured key decrypts (``SECRET_KEY`` changed without
    re-encrypting)."""


def derive_key(secret_key: str) -> bytes:
    """The Fernet key for ``secret_key`` (see the module docstring for the KDF)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=LABEL)
    return base64.urlsafe_b64encode(hkdf.derive(secret_key.encode()))


@functools.lru_cache(maxsize=8)
def _fernet_of(secret_keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(derive_key(key)) for key in secret_keys])


def _configured_keys(extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The current key first (it encrypts), then the ones that may still decrypt."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", []), *extra]
    return tuple(dict.fromkeys(k for k in keys if k))


def seal(plain: str) -> str:
    return _fernet_of(_configured_keys()).encrypt(plain.encode()).decode("ascii")


def unseal(token: str, extra_keys: Iterable[str] = ()) -> str:
    try:
        return _fernet_of(_configured_keys(extra_keys)).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeError, ValueError):
        raise SecretUnreadable("no configured key decrypts this secret") from None


def is_sealed(value: str, extra_keys: Iterable[str] = ()) -> bool:
    try:
        unseal(value, extra_keys)
    except SecretUnreadable:
        return False
    return True


class SealedCharField(models.CharField):
    """A text column that holds its value encrypted (a Fernet token) and gives it back in clear.

    Reading a row whose token no configured key opens does not fail the read (an admin list, a
    delivery log): the value is ``None`` and a warning names the column, so the send that needs
    it fails visibly instead. Writing ``None`` back is refused: that would destroy a secret that
    the old key could still recover. Lookups by value cannot match (each encryption differs)."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if not value:
            return value
        try:
            return unseal(value)
        except SecretUnreadable:
            logger.warning("%s.%s: a stored secret could not be decrypted with SECRET_KEY or its fallbacks",
                           self.model._meta.label if hasattr(self, "model") else "?", self.name)
            return None

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            raise SecretUnreadable(
                f"{self.name}: refusing to overwrite a secret that could not be decrypted; "
                "run manage.py reencrypt_webhook_secrets with the previous SECRET_KEY"
            )
        return seal(value) if value else value
