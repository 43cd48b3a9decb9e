"""How one webhook POST leaves Eligo: only to global addresses, to the address that was checked,
within one overall deadline.

Why not urllib: a client chooses its webhook's URL, so a URL is untrusted input that makes our
workers open connections. urllib resolves the name itself (a name can resolve to a public
address when saved and to 127.0.0.1 or 169.254.169.254 when sent), and its timeout is per
socket read, so a receiver that trickles one byte every few seconds holds a worker for minutes.
Here the name is resolved once at send time, every address must be global, the connection goes
to the checked address (TLS still verifies the certificate against the name), and a timer shuts
the socket at the deadline whatever the peer does. Only the status line is read: a delivery's
outcome is its status code, and the answer's body is never stored or shown.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import string
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

MAX_STATUS_LINE = 1024
# One message for a name that does not resolve and one that resolves somewhere we refuse: two
# messages would let a client map which internal names our resolver knows.
NOT_PUBLIC = "must resolve only to public internet addresses"
# What a host name may hold once IDNA-encoded: a name that needs anything else is not one we
# can put on a request line or a Host header.
HOST_CHARACTERS = frozenset(string.ascii_lowercase + string.digits + ".-_")
# Kept as they are in the request target; anything else (spaces, non-ASCII) is percent-encoded.
TARGET_SAFE = "/?&=%:@!$'()*+,;~"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeDestination(ValueError):
    """A webhook URL Eligo will not send to. The message is safe to show the client: it names
    the rule, never what the name resolved to."""


class ResolutionTimeout(UnsafeDestination):
    """The name did not resolve within the time given: at send time that is a timeout like any
    other, when a URL is saved it is a refusal."""


@dataclass(frozen=True)
class Destination:
    scheme: str
    host: str
    port: int
    target: str  # path and query, as sent in the request line
    addresses: tuple[IPAddress, ...]


def is_global_address(address: IPAddress) -> bool:
    """Whether an address is on the public internet. IPv4-mapped, 6to4 and NAT64 IPv6 forms are
    judged by the IPv4 address they carry, so ``::ffff:127.0.0.1`` is loopback like
    ``127.0.0.1``."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in ipaddress.IPv6Network("64:ff9b::/96"):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_global_address(embedded)
    return bool(
        address.is_global
        and not address.is_multicast
        and not address.is_reserved
        and not address.is_unspecified
        and not address.is_loopback
        and not address.is_link_local
        and not (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    )


def _split(url: str, allow_http: bool) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnsafeDestination("is not a valid URL") from None
    allowed = ("https", "http") if allow_http else ("https",)
    if parts.scheme not in allowed:
        raise UnsafeDestination("must be an https URL" if not allow_http else "must be an http or https URL")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise UnsafeDestination("must name a host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeDestination("must not carry credentials")
    if ":" not in host:  # an IPv6 literal is checked as an address below
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise UnsafeDestination("is not a valid URL") from None
        if not set(host) <= HOST_CHARACTERS:
            raise UnsafeDestination("is not a valid URL")
    target = parts.path or "/"
    if parts.query:
        target = f"{target}?{parts.query}"
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80), quote(target, safe=TARGET_SAFE)


def _resolve(host: str, port: int, timeout: float) -> list[tuple]:
    """``getaddrinfo`` within ``timeout``: the C resolver has no timeout of its own that we set,
    and a name server that never answers must not hold a request or a worker. The lookup runs on
    a daemon thread that is left to finish on its own when the time is up."""
    outcome: dict[str, object] = {}
    done = threading.Event()

    def lookup() -> None:
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            outcome["failed"] = True
        finally:
            done.set()

    threading.Thread(target=lookup, name="webhook-resolve", daemon=True).start()
    if not done.wait(max(timeout, 0.0)):
        raise ResolutionTimeout("host name did not resolve in time")
    infos = outcome.get("infos")
    if not isinstance(infos, list):
        raise UnsafeDestination(NOT_PUBLIC)
    return infos


def check_destination(
    url: str, *, allow_http: bool = False, allow_private: bool = False, resolve_timeout: float = 5.0
) -> Destination:
    """The checked destination of ``url``, resolved now; ``UnsafeDestination`` if any address it
    resolves to is not global (a name with one public and one private address could be steered
    to the private one), or the name is under ``.localhost``; ``ResolutionTimeout`` (a kind of
    it) when the name does not resolve within ``resolve_timeout`` seconds."""
    scheme, host, port, target = _split(url, allow_http)
    if not allow_private and (host == "localhost" or host.endswith(".localhost")):
        raise UnsafeDestination("must not point at this machine")
    try:
        literal: IPAddress | None = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        addresses: tuple[IPAddress, ...] = (literal,)
    else:
        infos = _resolve(host, port, resolve_timeout)
        seen: dict[str, IPAddress] = {}
        for info in infos:
            raw = str(info[4][0]).split("%", 1)[0]
            seen.setdefault(raw, ipaddress.ip_address(raw))
        addresses = tuple(seen.values())
        if not addresses:
            raise UnsafeDestination(NOT_PUBLIC)
    if not allow_private and not all(is_global_address(a) for a in addresses):
        raise UnsafeDestination(NOT_PUBLIC)
    return Destination(scheme, host, port, target, addresses)


class DeliveryFailed(Exception):
    """A send that got no status. ``str()`` is a short generic word for the client's delivery
    log (``timeout``, ``connection failed``, ``tls error``, ...), never an errno text."""


def _request_bytes(destination: Destination, body: bytes, headers: dict[str, str]) -> bytes:
    host = destination.host if ":" not in destination.host else f"[{destination.host}]"
    default_port = 443 if destination.scheme == "https" else 80
    host_header = host if destination.port == default_port else f"{host}:{destination.port}"
    lines = [f"POST {destination.target} HTTP/1.1", f"Host: {host_header}", "Connection: close",
             f"Content-Length: {len(body)}"]
    for name, value in headers.items():
        if "\r" in name or "\n" in name or "\r" in value or "\n" in value:
            raise ValueError("header names and values are one line each")
        lines.append(f"{name}: {value}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _read_status(sock: socket.socket) -> int:
    buffer = b""
    while b"\r\n" not in buffer:
        chunk = sock.recv(256)
        if not chunk:
            break
        buffer += chunk
        if len(buffer) > MAX_STATUS_LINE:
            break
    line = buffer.split(b"\r\n", 1)[0]
    parts = line.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit() or len(parts[1]) != 3:
        raise DeliveryFailed("invalid answer")
    return int(parts[1])


@functools.cache
def _default_tls_context() -> ssl.SSLContext:
    """The system's CAs, loaded once per process: certificates verified, names checked."""
    return ssl.create_default_context()


def send(
    destination: Destination,
    body: bytes,
    headers: dict[str, str],
    *,
    deadline_seconds: float,
    tls_context: ssl.SSLContext | None = None,
) -> int:
    """POST ``body`` to the checked ``destination`` and answer the status code; ``DeliveryFailed``
    when there is none by the deadline. Addresses are tried in order within the one deadline."""
    payload = _request_bytes(destination, body, headers)
    started = time.monotonic()
    last = DeliveryFailed("connection failed")
    for address in destination.addresses:
        remaining = deadline_seconds - (time.monotonic() - started)
        if remaining <= 0:
            raise DeliveryFailed("timeout")
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        raw = socket.socket(family, socket.SOCK_STREAM)
        # The watchdog is what makes the deadline overall: socket timeouts alone bound each
        # read, not their sum. It shuts the connection through a duplicate descriptor because
        # wrapping for TLS detaches ``raw`` (its descriptor moves to the TLS socket); shutdown
        # acts on the connection, whichever descriptor names it.
        guard = raw.dup()
        expired = threading.Event()

        def _expire(handle: socket.socket = guard, flag: threading.Event = expired) -> None:
            flag.set()
            try:
                handle.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        watchdog = threading.Timer(remaining, _expire)
        watchdog.daemon = True
        watchdog.start()
        sock: socket.socket = raw
        try:
            raw.settimeout(remaining)
            try:
                raw.connect((str(address), destination.port))
            except OSError:
                if expired.is_set():
                    raise DeliveryFailed("timeout") from None
                last = DeliveryFailed("connection failed")
                continue
            if destination.scheme == "https":
                context = tls_context or _default_tls_context()
                try:
                    sock = context.wrap_socket(raw, server_hostname=destination.host)
                except (ssl.SSLError, ssl.CertificateError):
                    raise DeliveryFailed("timeout" if expired.is_set() else "tls error") from None
            sock.sendall(payload)
            return _read_status(sock)
        except (DeliveryFailed, OSError) as exc:
            if expired.is_set() or isinstance(exc, TimeoutError):
                raise DeliveryFailed("timeout") from None
            if isinstance(exc, DeliveryFailed):
                raise
            raise DeliveryFailed("connection failed") from None
        finally:
            watchdog.cancel()
            for handle in (sock, raw, guard):
                try:
                    handle.close()
                except OSError:
                    pass
    raise last
