"""The webhook tests that go through a real worker use the worker tests' broker and worker.
Name resolution is the edge of the world here: a test decides what a name resolves to."""

from __future__ import annotations

import socket

import pytest

from tests.worker.conftest import broker, worker  # noqa: F401  (fixtures)


def resolve_names_to(monkeypatch, table: dict[str, list[str]], default: list[str] | None = None) -> None:
    """``socket.getaddrinfo`` answers from ``table`` (name -> addresses); a name not in it gets
    ``default``, or does not resolve. Literal addresses resolve to themselves, as they do."""
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if host in ("127.0.0.1", "::1", "localhost"):
            return real(host, port, *args, **kwargs)
        addresses = table.get(host, default)
        if addresses is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port or 0)) for a in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", fake)


@pytest.fixture
def public_names(monkeypatch):
    """Every name resolves to a public address (nothing is sent there in these tests)."""
    resolve_names_to(monkeypatch, {}, default=["93.184.215.14"])
