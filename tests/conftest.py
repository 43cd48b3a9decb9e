"""Shared fixtures: API clients with tokens, the seed trials, paths to the shared data."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = SHARED / "examples"
CORPUS = SHARED / "corpus"

_names = itertools.count()


@pytest.fixture
def make_client(db):
    """A DRF test client authenticated as a new API client."""
    from rest_framework.test import APIClient

    from matcher.api.clients import create_api_client

    def make(name: str | None = None, manage_trials: bool = False) -> APIClient:
        client, token = create_api_client(name or f"client-{next(_names)}", can_manage_trials=manage_trials)
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        api.eligo_client = client
        return api

    return make


@pytest.fixture
def api(make_client):
    return make_client("hospital-a")


@pytest.fixture
def manager(make_client):
    return make_client("trial-office", manage_trials=True)


@pytest.fixture
def seeded(db):
    from django.core.management import call_command

    call_command("load_seeds", stdout=open("/dev/null", "w"))
