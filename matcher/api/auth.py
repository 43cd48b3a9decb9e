"""Token authentication against hashed tokens (``Authorization: Token <token>``, contract
section 2).

The token's public prefix finds the row; the SHA-256 of the presented token is compared with
the stored one in constant time. Only after the digest matches does the answer say that the
token expired or was revoked: whoever learns that already holds the secret.
"""

from __future__ import annotations

import hmac
from datetime import timedelta
from typing import Any

from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from matcher.api.clients import token_digest, token_prefix
from matcher.models import ApiToken

# ``last_used`` is written at most this often per token: an audit hint, not a write per call.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def verify_token(presented: str) -> ApiToken:
    """The live token matching ``presented``; AuthenticationFailed otherwise."""
    prefix = token_prefix(presented)
    token = (
        ApiToken.objects.select_related("client__user").filter(prefix=prefix).first() if prefix is not None else None
    )
    # Compare against a dummy digest when the prefix is unknown, so both paths hash and compare.
    stored = token.digest if token is not None else "0" * 64
    if not hmac.compare_digest(stored, token_digest(presented)) or token is None:
        raise AuthenticationFailed("invalid token")
    now = timezone.now()
    if token.revoked_at is not None:
        raise AuthenticationFailed("token revoked")
    if token.expires_at is not None and token.expires_at <= now:
        raise AuthenticationFailed("token expired")
    if not token.client.user.is_active:
        raise AuthenticationFailed("client disabled")
    if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token


class HashedTokenAuthentication(TokenAuthentication):
    """DRF's header handling (``Token <token>``) with our hashed store. Subclassing keeps the
    OpenAPI schema's ``tokenAuth`` scheme (drf-spectacular matches subclasses)."""

    keyword = "Token"

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = verify_token(key)
        return token.client.user, token
