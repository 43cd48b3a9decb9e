"""Where a webhook POST may go and how long it may take: global addresses only, the checked
address is the one connected to, and one deadline covers the whole send."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time

import pytest

from matcher.webhooks.transport import (
    DeliveryFailed,
    ResolutionTimeout,
    UnsafeDestination,
    check_destination,
    is_global_address,
    send,
)
from tests.webhooks.receivers import serve as _serve
from tests.webhooks.tls import Authority, authority_for


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1",
        "::1", "::", "fe80::1", "fc00::1", "fd12::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
        "::ffff:169.254.169.254", "2002:7f00:1::1", "64:ff9b::7f00:1", "2001:db8::1",
        "fec0::1", "::7f00:1", "64:ff9b:1::a00:1",
    ],
)
def test_an_address_off_the_public_internet_is_not_global(address):
    assert not is_global_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"])
def test_a_public_address_is_global(address):
    assert is_global_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://8.8.8.8/hook", "https"),
        ("ftp://8.8.8.8/hook", "https"),
        ("https://127.0.0.1/hook", "public"),
        ("https://[::1]/hook", "public"),
        ("https://[::ffff:127.0.0.1]/hook", "public"),
        ("https://169.254.169.254/latest/meta-data", "public"),
        ("https://10.0.0.5:8443/hook", "public"),
        ("https://0.0.0.0/hook", "public"),
        ("https://localhost/hook", "this machine"),
        ("https://api.localhost./hook", "this machine"),
        ("https://user:pw@8.8.8.8/hook", "credentials"),
        ("https:///hook", "host"),
        ("https://8.8.8.8:99999/hook", "valid"),
        ("https://exa mple.org/hook", "valid"),
        ("https://a%0d%0aHost:x.example.org/hook", "valid"),
        ("https://" + "a" * 64 + ".example.org/hook", "valid"),
    ],
)
def test_a_url_eligo_will_not_send_to_is_refused_with_the_rule(url, message):
    with pytest.raises(UnsafeDestination, match=message):
        check_destination(url)


def _resolving_to(monkeypatch, *addresses: str) -> None:
    """Name resolution is the edge of the world here: the test decides what a name resolves to."""

    def fake(host, port, *args, **kwargs):
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", fake)


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch):
    _resolving_to(monkeypatch, "10.0.0.7")
    with pytest.raises(UnsafeDestination, match="public"):
        check_destination("https://hooks.example.org/x")


def test_a_name_with_one_public_and_one_private_address_is_refused(monkeypatch):
    _resolving_to(monkeypatch, "8.8.8.8", "127.0.0.1")
    with pytest.raises(UnsafeDestination, match="public"):
        check_destination("https://hooks.example.org/x")


def test_a_name_resolving_to_public_addresses_is_checked_with_them(monkeypatch):
    _resolving_to(monkeypatch, "8.8.8.8", "2606:4700:4700::1111")
    destination = check_destination("https://Hooks.Example.org./x?a=1")
    assert (destination.host, destination.port, destination.target) == ("hooks.example.org", 443, "/x?a=1")
    assert [str(a) for a in destination.addresses] == ["8.8.8.8", "2606:4700:4700::1111"]


def test_an_international_name_and_an_unusual_path_are_sent_in_their_ascii_forms(monkeypatch):
    _resolving_to(monkeypatch, "8.8.8.8")
    destination = check_destination("https://b\u00fccher.example/a b/\u00e9?q=\u00fc&r=%20")
    assert (destination.host, destination.target) == ("xn--bcher-kva.example", "/a%20b/%C3%A9?q=%C3%BC&r=%20")


def test_a_name_server_that_never_answers_costs_the_resolve_timeout(monkeypatch):
    release = threading.Event()

    def hanging(*args, **kwargs):
        release.wait(5)
        raise socket.gaierror("no answer")

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    started = time.monotonic()
    try:
        with pytest.raises(ResolutionTimeout, match="in time"):
            check_destination("https://slow.example.org/x", resolve_timeout=0.3)
        assert time.monotonic() - started < 0.8
    finally:
        release.set()


def test_a_development_setting_allows_http_and_this_machine():
    destination = check_destination("http://127.0.0.1:9/hook", allow_http=True, allow_private=True)
    assert [str(a) for a in destination.addresses] == ["127.0.0.1"]


# -- sending, against receivers on this machine ------------------------------------------------


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    conn.settimeout(2)
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def _answer(status: bytes):
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        with conn:
            received.append(_read_request(conn))
            conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Length: 0\r\n\r\n")

    received: list[bytes] = []
    behaviour.received = received  # type: ignore[attr-defined]
    return behaviour


def _trickle(conn: socket.socket, stop: threading.Event) -> None:
    with conn:
        _read_request(conn)
        for byte in b"HTTP/1.1 200 OK\r\n":
            if stop.wait(0.3):
                return
            try:
                conn.sendall(bytes([byte]))
            except OSError:
                return


def _silent(conn: socket.socket, stop: threading.Event) -> None:
    with conn:
        stop.wait(10)


def _local(port: int):
    return check_destination(f"http://127.0.0.1:{port}/hook", allow_http=True, allow_private=True)


@pytest.mark.parametrize(("status", "expected"), [(b"204 No Content", 204), (b"500 Oops", 500), (b"302 Found", 302)])
def test_the_status_code_is_the_answer(status, expected):
    behaviour = _answer(status)
    for port in _serve(behaviour):
        assert send(_local(port), b"{}", {"Eligo-Event": "ping"}, deadline_seconds=2) == expected
    request = behaviour.received[0]
    assert request.startswith(b"POST /hook HTTP/1.1\r\n")
    assert b"\r\nHost: 127.0.0.1:" in request and b"\r\nEligo-Event: ping\r\n" in request


@pytest.mark.parametrize("behaviour", [_trickle, _silent], ids=["one-byte-at-a-time", "never-answers"])
def test_a_slow_receiver_costs_one_deadline_at_most(behaviour):
    for port in _serve(behaviour):
        started = time.monotonic()
        with pytest.raises(DeliveryFailed, match="^timeout$"):
            send(_local(port), b"{}", {}, deadline_seconds=1.0)
        assert time.monotonic() - started < 1.5


def test_a_refused_connection_is_a_generic_failure():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()
    with pytest.raises(DeliveryFailed, match="^connection failed$"):
        send(_local(port), b"{}", {}, deadline_seconds=1.0)


def test_an_answer_that_is_not_http_is_a_failure():
    def garbage(conn: socket.socket, stop: threading.Event) -> None:
        with conn:
            _read_request(conn)
            conn.sendall(b"SSH-2.0-OpenSSH\r\n")

    for port in _serve(garbage):
        with pytest.raises(DeliveryFailed, match="^invalid answer$"):
            send(_local(port), b"{}", {}, deadline_seconds=1.0)


def test_a_header_value_cannot_inject_a_line():
    with pytest.raises(ValueError):
        send(_local(9), b"{}", {"Eligo-Event": "x\r\nEvil: 1"}, deadline_seconds=0.5)


# -- over TLS, against receivers on this machine that hold a certificate for a test name -------


@pytest.fixture(scope="module")
def authority() -> Authority:
    return authority_for("hooks.test")


def _over_tls(authority: Authority, then):
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(5)
        try:
            tls = authority.server.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            conn.close()
            return
        with tls:
            then(tls, stop)

    return behaviour


def _named(monkeypatch, port: int, name: str = "hooks.test"):
    """``name`` resolves to this machine; only the development setting lets it through."""
    _resolving_to(monkeypatch, "127.0.0.1")
    return check_destination(f"https://{name}:{port}/hook", allow_private=True)


def test_an_https_receiver_gets_the_post_over_tls_verified_against_the_name(monkeypatch, authority):
    received: list[bytes] = []

    def answer(tls: socket.socket, stop: threading.Event) -> None:
        received.append(_read_request(tls))
        tls.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")

    for port in _serve(_over_tls(authority, answer)):
        status = send(_named(monkeypatch, port), b"{}", {}, deadline_seconds=2, tls_context=authority.client_context())
        assert status == 204
    assert received[0].startswith(b"POST /hook HTTP/1.1\r\n") and b"\r\nHost: hooks.test:" in received[0]


def test_a_certificate_for_another_name_is_a_tls_error(monkeypatch):
    elsewhere = authority_for("elsewhere.test")

    def answer(tls: socket.socket, stop: threading.Event) -> None:
        tls.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")

    for port in _serve(_over_tls(elsewhere, answer)):
        with pytest.raises(DeliveryFailed, match="^tls error$"):
            send(_named(monkeypatch, port), b"{}", {}, deadline_seconds=2, tls_context=elsewhere.client_context())


def test_a_tls_receiver_that_trickles_its_answer_costs_one_deadline_at_most(monkeypatch, authority):
    def trickle(tls: socket.socket, stop: threading.Event) -> None:
        _read_request(tls)
        for byte in b"HTTP/1.1 200 OK\r\n":
            if stop.wait(0.3):
                return
            try:
                tls.sendall(bytes([byte]))
            except OSError:
                return

    for port in _serve(_over_tls(authority, trickle)):
        started = time.monotonic()
        with pytest.raises(DeliveryFailed, match="^timeout$"):
            send(_named(monkeypatch, port), b"{}", {}, deadline_seconds=1.0, tls_context=authority.client_context())
        assert time.monotonic() - started < 1.5


def test_a_receiver_that_never_completes_the_tls_handshake_costs_one_deadline_at_most(monkeypatch, authority):
    for port in _serve(_silent):
        started = time.monotonic()
        with pytest.raises(DeliveryFailed, match="^timeout$"):
            send(_named(monkeypatch, port), b"{}", {}, deadline_seconds=1.0, tls_context=authority.client_context())
        assert time.monotonic() - started < 1.5
