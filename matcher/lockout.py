"""Sign-in lockout: after ``ELIGO_LOGIN_MAX_FAILURES`` failed sign-ins for one username from one
address, that pair is refused for ``ELIGO_LOGIN_LOCKOUT_MINUTES`` (the right password included).

Per username *and* address, so an attacker guessing from one place locks out only themselves,
never the real coordinator signing in from the hospital. Counted in the shared cache; the keys
are hashes, so no username or address is written to it. The check sits in the authentication
backend, so every sign-in path is covered; the admin's form only adds a clear message.
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.http import HttpRequest
from rest_framework.settings import api_settings

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest | None) -> str:
    """The caller's address past ``ELIGO_NUM_PROXIES`` trusted proxies (the same rule as the
    API throttles: the proxy appends to X-Forwarded-For, so the client's entry is that far
    from the right; anything further left is what the client claimed and is ignored)."""
    if request is None:
        return ""
    proxies = api_settings.NUM_PROXIES or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",")]
        return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def _key(kind: str, username: str, address: str) -> str:
    pair = hashlib.sha256(f"{username.strip().lower()}\x00{address}".encode()).hexdigest()
    return f"login:{kind}:{pair}"


def locked_for(username: str, address: str) -> int:
    """Seconds the pair is still locked out, 0 when it is not."""
    try:
        until = cache.get(_key("locked", username, address))
    except Exception:
        logger.warning("sign-in lockout: cache unavailable", exc_info=True)
        return 0
    return max(0, int(until - time.time()) + 1) if until else 0


def record_failure(username: str, address: str) -> None:
    minutes = settings.ELIGO_LOGIN_LOCKOUT_MINUTES
    key = _key("failures", username, address)
    try:
        cache.add(key, 0, timeout=minutes * 60)
        if cache.incr(key) >= settings.ELIGO_LOGIN_MAX_FAILURES:
            cache.set(_key("locked", username, address), time.time() + minutes * 60, timeout=minutes * 60)
            cache.delete(key)
            logger.warning("sign-in locked for %d minutes after repeated failures", minutes)
    except Exception:
        logger.warning("sign-in lockout: cache unavailable", exc_info=True)


def clear_failures(username: str, address: str) -> None:
    try:
        cache.delete(_key("failures", username, address))
    except Exception:
        logger.warning("sign-in lockout: cache unavailable", exc_info=True)


class LockoutModelBackend(ModelBackend):
    """Django's username/password backend behind the lockout."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        address = client_address(request)
        if locked_for(username, address):
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            record_failure(username, address)
        else:
            clear_failures(username, address)
        return user


class LockoutAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form, saying when a sign-in is locked rather than 'wrong password'."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "locked": "Too many failed sign-ins for this username from your address. Try again in %(minutes)d minutes.",
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username:
            seconds = locked_for(username, client_address(self.request))
            if seconds:
                raise forms.ValidationError(
                    self.error_messages["locked"], code="locked", params={"minutes": max(1, -(-seconds // 60))}
                )
        return super().clean()
