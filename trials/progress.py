"""A progress line for long imports: done of total, studies/s and the time left.

On a terminal it redraws one line in place (at most a few times a second); to a file or a pipe
(a cron job's log) it writes a full line every ``every`` seconds instead, so a log gets a
heartbeat, not a carriage-return soup. No dependency: the whole of it is a few lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        tty: bool | None = None,
        every: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total, self.stream, self.every, self.clock = total, stream, every, clock
        self.tty = stream.isatty() if tty is None else tty
        self.started = clock()
        self.done = 0
        self.note = ""
        self._shown_at = -1e9
        self._shown_done = -1
        self._drawn = False

    def rate(self) -> float:
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        share = self.done / self.total if self.total else 1.0
        eta = _duration((self.total - self.done) / rate) if rate > 0 else "?"
        text = f"{self.done:,}/{self.total:,} ({share:.1%}) {rate:.0f} studies/s ETA {eta}"
        if self.note:
            text += f" {self.note}"
        if self.tty:
            filled = int(BAR_WIDTH * share)
            text = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {text}"
        return text

    def advance(self, count: int = 1, note: str = "") -> None:
        self.done += count
        if note:
            self.note = note
        now = self.clock()
        if now - self._shown_at >= (0.2 if self.tty else self.every):
            self._show(now)

    def _show(self, now: float) -> None:
        self._shown_at, self._shown_done = now, self.done
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line())
            self._drawn = True
        else:
            self.stream.write(f"import: {self.line()}\n")
        self.stream.flush()

    def message(self, text: str) -> None:
        """A line of its own (a study that could not be imported), above the bar."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False
        self.stream.write(text + "\n")
        if self.tty:
            self._show(self.clock())

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line() + "\n")
        elif self._shown_done != self.done:  # the last line said it already
            self.stream.write(f"import: {self.line()}\n")
        self.stream.flush()
