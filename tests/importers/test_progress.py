"""The import's progress line: redrawn in place on a terminal, a full line now and then in a
log, with the rate and the time left (plain Python)."""

from __future__ import annotations

import io

import pytest

from trials.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _run(tty: bool) -> str:
    clock, stream = Clock(), io.StringIO()
    progress = Progress(1000, stream, tty=tty, every=30, clock=clock)
    for _ in range(10):
        clock.now += 10  # 100 studies every 10 s
        progress.advance(100)
    progress.finish()
    return stream.getvalue()


@pytest.mark.parametrize(
    ("tty", "expected"),
    [
        (False, "import: 100/1,000 (10.0%) 10 studies/s ETA 1m30s\n"),
        (True, "\r\x1b[K[##......................] 100/1,000 (10.0%) 10 studies/s ETA 1m30s"),
    ],
)
def test_the_first_line_says_done_total_rate_and_time_left(tty, expected):
    assert _run(tty).startswith(expected)


def test_a_log_gets_a_line_every_period_and_one_at_the_end():
    lines = _run(tty=False).splitlines()
    assert [line.split()[1] for line in lines] == ["100/1,000", "400/1,000", "700/1,000", "1,000/1,000"]


def test_a_terminal_gets_the_line_redrawn_and_a_newline_only_at_the_end():
    out = _run(tty=True)
    assert out.count("\r\x1b[K") == 11 and out.count("\n") == 1
