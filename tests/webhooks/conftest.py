"""Webhook test fixtures: a local HTTP receiver (the edge of the world) and a client's webhook
pointing at it, with the development setting that allows receivers on this machine. Name
resolution is the edge too: a test decides what a name resolves to. The tests that go through a
real worker use the worker tests' broker and worker."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


# --- the receiver -------------------------------------------------------------------------


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """What the local endpoint answers (``status``, or ``hang`` without answering, or ``delay``
    seconds before answering) and every request it got."""

    port: int = 0
    status: int = 200
    hang: bool = False
    delay: float = 0.0
    requests: list[Received] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/eligo-hook"


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            receiver.requests.append(Received(self.path, dict(self.headers), body))
            if receiver.hang:
                receiver.release.wait(10)
                return
            time.sleep(receiver.delay)
            self.send_response(receiver.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    return Handler


@pytest.fixture
def receiver():
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    server.daemon_threads = True
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def quick(settings):
    """Tiny backoff and timeout so retries and hangs take fractions of a second; the receivers
    are on this machine, which only the development setting allows."""
    settings.ELIGO_WEBHOOK_BACKOFF_SECONDS = 0.1
    settings.ELIGO_WEBHOOK_TIMEOUT_SECONDS = 1
    settings.ELIGO_WEBHOOK_ALLOW_INSECURE = True
    return settings


@pytest.fixture
def hook(api, receiver):
    """This client's webhook pointing at the receiver, created through the API; with its secret."""
    from matcher.models import Webhook

    response = api.put("/api/v1/webhook", {"url": receiver.url}, format="json")
    assert response.status_code == 201, response.content
    return Webhook.objects.get(client=api.eligo_client), response.json()["secret"]
