"""Receivers on this machine for the webhook tests (the edge of the world: a hospital's server)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator


def serve(behaviour) -> Iterator[int]:
    """A bare TCP receiver on this machine: ``behaviour(conn)`` per connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
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
