"""API clients: who may call the API (created by ``manage.py create_api_client``)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from rest_framework.authtoken.models import Token

from matcher.models import ApiClient


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
    token = Token.objects.create(user=user)
    return client, token.key
