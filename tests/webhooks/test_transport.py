"""Where a webhook POST may go and how long it may take: global addresses only, the checked
address is the one connected to, and one deadline covers the whole send."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from matcher.webhooks.transport import (
    DeliveryFailed,
    UnsafeDestination,
    check_destination,
    is_global_address,
    send,
)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1",
        "::1", "::", "fe80::1", "fc00::1", "fd12::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
        "::ffff:169.254.169.254", "2002:7f00:1::1", "64:ff9b::7f00:1", "2001:db8::1",
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


def test_a_development_setting_allows_http_and_this_machine():
    destination = check_destination("http://127.0.0.1:9/hook", allow_http=True, allow_private=True)
    assert [str(a) for a in destination.addresses] == ["127.0.0.1"]


# -- sending, against receivers on this machine ------------------------------------------------


def _serve(behaviour) -> Iterator[int]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    stop = threading.Event()

    def loop() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=behaviour, args=(conn, stop), daemon=True).start()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()
        thread.join(2)


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
