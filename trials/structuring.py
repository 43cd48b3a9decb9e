"""The one place trials meet the criteria parser: lines in, structured criteria out, in bounded
time.

The parser is linear in its input and a line's length is capped (``trials.limits``); the time
budget here is the second guard, for a line that is slow anyway (a pattern that regresses, an
input nobody foresaw): a line whose parse runs past ``LINE_BUDGET_SECONDS``, or any line once
the trial's parse has run past ``TRIAL_BUDGET_SECONDS``, is left unread, a review line saying
so, and the other lines are parsed as usual (a heading keeps its children). Measured on the
47,823 criteria lines of the shared registry corpus: median 0.6 ms, p99.9 22 ms, slowest 63 ms
per line; the budget is 8 times the slowest.

How: a watchdog thread looks at the parsing thread's stack every few milliseconds; when one
call of the parser's line entry (``parse_line``) has run past the budget, it raises
``LineBudgetExceeded`` in that thread (``PyThreadState_SetAsyncExc``), which the parser's own
per-line guard turns into an unread line. Python code is interrupted at once; a single C-level
regular-expression call finishes first, which the length caps and linear patterns bound.

The budget is the parsing thread's own CPU time (``ParseClock``), not the wall clock: on a
machine under load a line waits for a core as long as the load makes it, and a wall-clock budget
then left lines unread that parse in milliseconds (seen at load 20 on 2 cores: four corpus
lines became reviews in one dump and not in the next), so what a trial's criteria said depended
on the machine's other work. CPU time barely moves with load. The wall clock still bounds a parse,
at ``WALL_FACTOR`` times the budget, so no import or request can be held however busy the
machine is.
"""

from __future__ import annotations

import ctypes
import dataclasses
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType, TracebackType

from rules_engine.criteria import All, Criterion, CriterionType, Expr, Review, ReviewReason, iter_nodes
from rules_engine.parser import parse_lines
from rules_engine.parser.criteria import LineParser
from rules_engine.parser.line import parse_line
from rules_engine.parser.study_drugs import asks_continuation, read_with_drugs, received_line

# Bump when the parser's output changes, so stored versions say which parser wrote them.
PARSER_VERSION = "1"

LINE_BUDGET_SECONDS = 0.5
TRIAL_BUDGET_SECONDS = 10.0
# A parse still ends once the wall clock passes this many budgets: a backstop for a thread that
# cannot be given a core (it keeps a request from being held), never the budget itself.
WALL_FACTOR = 20


class LineBudgetExceeded(Exception):
    """Raised inside the parser when a line ran out of time; never escapes ``structure_lines``."""


def over_budget_reason(budget: float) -> str:
    return f"not read: parsing this line took longer than its {budget:g} s budget"


def structure_lines(
    lines: Sequence[tuple[str, str, int | None]],
    line_budget: float = LINE_BUDGET_SECONDS,
    trial_budget: float = TRIAL_BUDGET_SECONDS,
    line_parser: LineParser = parse_line,
    study_drugs: Sequence[str] = (),
) -> list[Criterion]:
    """Structure each (type, text, parent) line; what the parser cannot read, or not within
    the budget, is a review criterion with its reason, never a dropped line. ``line_parser``:
    ``parse_line`` or a cache of its answers (``trials.parse_cache``; a line that ran out of
    time is never kept in it, since it raised). ``study_drugs``: the drugs the trial gives
    (``study_drug_names`` of its interventions), which "the study drug" stands for."""
    rows = [(c_type, read_with_drugs(text, study_drugs), parent) for c_type, text, parent in lines]
    for _ in range(2):
        with _Watchdog(line_budget, trial_budget) as dog:
            try:
                parsed = list(parse_lines(rows, line_parser))
            except LineBudgetExceeded:
                continue  # raised just as a line returned (a narrow race): parse once more
        read = [_unread(c, line_budget) if c.text in dog.overran and _is_bare_review(c) else c for c in parsed]
        return _as_written(read, lines, study_drugs, line_parser) if study_drugs else read
    # Twice unlucky: every line left to a person, which never says eligible.
    return [
        Criterion(type=c_type, text=text, expr=Review(ReviewReason.UNPARSED, over_budget_reason(line_budget)))  # type: ignore[arg-type]
        for c_type, text, _ in lines
    ]


def _as_written(
    read: list[Criterion], lines: Sequence[tuple[str, str, int | None]], drugs: Sequence[str], line_parser: LineParser
) -> list[Criterion]:
    """The lines as the registry wrote them again, and a rollover's continuation of the study
    drug asking that the patient had one of the drugs (``rules_engine.parser.study_drugs``)."""
    received: Expr | None = None
    out = []
    for criterion, (c_type, text, _) in zip(read, lines, strict=True):
        if criterion.text != text:  # most lines name no study drug: no copy for them
            criterion = dataclasses.replace(criterion, text=text)
        if c_type == CriterionType.INCLUSION and asks_continuation(text, drugs):
            if received is None:
                received = line_parser(received_line(drugs), CriterionType.INCLUSION).expr
            if not any(isinstance(node, Review) for node in iter_nodes(received)):
                criterion = dataclasses.replace(criterion, expr=All((received, criterion.expr)))
        out.append(criterion)
    return out


def _is_bare_review(criterion: Criterion) -> bool:
    return isinstance(criterion.expr, Review) and not criterion.expr.text


def _unread(criterion: Criterion, budget: float) -> Criterion:
    return dataclasses.replace(criterion, expr=Review(ReviewReason.UNPARSED, over_budget_reason(budget)))


class _Watchdog:
    """Interrupts the current thread's ``parse_line`` calls that outlive the budget."""

    def __init__(self, line_budget: float, trial_budget: float) -> None:
        self.line_budget = line_budget
        self.trial_budget = trial_budget
        self.overran: set[str] = set()
        self._target = threading.get_ident()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="parse-budget", daemon=True)

    def __enter__(self) -> _Watchdog:
        self._clock = ParseClock(self._target)
        self._started = self._clock.now()
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
        # An interruption sent but not yet delivered must not go off in the caller's code.
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target), None)

    def _watch(self) -> None:
        tick = min(self.line_budget / 5, 0.05)
        seen: tuple[FrameType, tuple[float, float]] | None = None
        fired: set[int] = set()
        while not self._stop.wait(tick):
            frame = _parse_line_frame(sys._current_frames().get(self._target))
            if frame is None:
                seen = None
                continue
            now = self._clock.now()
            if seen is None or seen[0] is not frame:
                seen = (frame, now)
            late = self._clock.past(seen[1], now, self.line_budget) or self._clock.past(self._started, now, self.trial_budget)
            if late and id(frame) not in fired:
                fired.add(id(frame))
                text = frame.f_locals.get("text")
                if isinstance(text, str):
                    self.overran.add(text)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target), ctypes.py_object(LineBudgetExceeded))


class ParseClock:
    """The parsing thread's CPU time and the wall clock, read together (``now``); a reading is
    ``past`` a budget when the thread has used that much CPU since, or the wall clock has moved
    ``WALL_FACTOR`` budgets. Where a thread's CPU clock cannot be read, the wall clock is the
    budget's, as it was before."""

    def __init__(self, thread_id: int) -> None:
        try:
            self._cpu: int | None = time.pthread_getcpuclockid(thread_id)
            time.clock_gettime(self._cpu)
        except (AttributeError, OSError):
            self._cpu = None

    def now(self) -> tuple[float, float]:
        wall = time.monotonic()
        return (time.clock_gettime(self._cpu) if self._cpu is not None else wall, wall)

    def past(self, since: tuple[float, float], now: tuple[float, float], budget: float) -> bool:
        if self._cpu is None:
            return now[1] - since[1] > budget
        return now[0] - since[0] > budget or now[1] - since[1] > budget * WALL_FACTOR


def _parse_line_frame(frame: FrameType | None) -> FrameType | None:
    """The innermost active call of the parser's line entry on this stack, if any."""
    while frame is not None:
        if frame.f_code is parse_line.__code__:
            return frame
        frame = frame.f_back
    return None
