"""Who may do what: every call is a known client; trial writes need the trial-manager flag.

The client is read off the authenticated user (``user.api_client``), so neither app's models
are imported here: both apps use these without leaning on each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

if TYPE_CHECKING:
    from matcher.models import ApiClient


def client_of(request: Request) -> ApiClient | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "api_client", None)


class IsApiClient(BasePermission):
    """An authenticated token that belongs to an API client (not, say, an admin session)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return client_of(request) is not None


class CanManageTrials(IsApiClient):
    message = "this client may not change trials (create it with --manage-trials)"

    def has_permission(self, request: Request, view: Any) -> bool:
        client = client_of(request)
        if client is None:
            return False
        return request.method in SAFE_METHODS or client.can_manage_trials
