"""Who may do what: every call is a known client; trial writes need the trial-manager flag.

The client is read off the authenticated user (``user.api_client``), so neither app's models
are imported here: both apps use these without leaning on each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

if TYPE_CHECKING:
    from matcher.models import ApiClient


def calling_client(request: Request) -> ApiClient | None:
    """The API client behind the request's token, or None (anonymous, an admin session)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "api_client", None)


def client_of(request: Request) -> ApiClient:
    """The calling client, for a view behind ``IsApiClient`` (which has already refused a
    request without one; should a view forget it, the request is refused here)."""
    client = calling_client(request)
    if client is None:
        raise NotAuthenticated()
    return client


class IsApiClient(BasePermission):
    """An authenticated token that belongs to an API client (not, say, an admin session)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return calling_client(request) is not None


class CanManageTrials(IsApiClient):
    message = "this client may not change trials (create it with --manage-trials)"

    def has_permission(self, request: Request, view: Any) -> bool:
        client = calling_client(request)
        if client is None:
            return False
        return request.method in SAFE_METHODS or client.can_manage_trials
