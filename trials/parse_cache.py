"""A bounded cache of the parser's answers for one line, for bulk imports.

Why: registries repeat boilerplate lines ("Negative pregnancy test", "PATIENT CHARACTERISTICS:",
"ECOG performance status 0-2"), and the ClinicalTrials.gov importer reads every line twice (once
to see which registry fields the text is silent on, once to store it). Measured on the shared
corpus (1,883 unique trials, 50,083 line parses in one pass): 16% of the parses repeat a line
already seen (41,992 distinct), so a single pass saves ~16%; the importer's second reading of
every line is all hits, which halves the parse work of an import. A generated registry that
repeats whole texts (``bench/import.py``) hits far more often: it says how much.

The answer for a line is a pure function of its type, its text, the heading it is read
with (``parse_line``'s ``context``) and whether it is a top-level line (``parent is None``: a
top-level line says its fragments' role itself, and a note of its own permits, where under a
heading both are the heading's); which heading (``parent``'s value) is only copied into the
criterion, so only ``parent is None`` is part of the key. (Keyed without it, a line read under
a heading answered for the same words standing alone: the whole-corpus coverage report, read
through the cache, counted 42.1% human lines where the plain parse counts 42.0%.) The parser version is, so a cache can never hand out
an older parser's reading. A line whose parse raised (out of its time budget, a parser bug) is
never stored: the next trial with that line tries again under its own budget.

``tests/importers/test_parse_cache.py`` pins the cached answers to the plain ones on the corpus.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.managers import BaseManager
from typing import Any

from rules_engine.criteria import Criterion, CriterionType, Review
from rules_engine.parser.line import parse_line
from rules_engine.parser.study_drugs import speaks_of_drugs
from trials.importers.ctgov import criteria_lines
from trials.records import CriterionLine
from trials.structuring import LINE_BUDGET_SECONDS, PARSER_VERSION, over_budget_reason, structure_lines

# Entries kept per process. Least recently used goes first, so the boilerplate stays. Measured
# at ~3.8 KB per entry (key text and criterion tree; 6,732 entries of the corpus took 25.8 MB), so
# the default holds ~75 MB per parse worker.
#
# Measured (session 8) on bench/import.py's generated zip, which cycles through the corpus's 1,883
# texts (~42,000 distinct parsed lines): at this size LRU evicts every line before its text comes
# round again, so only the importer's second reading of a study hits (58.9% of 1,091,475 parses on
# the 20,000 studies, 31 ms CPU a study, ~64 studies/s on 2 idle cores). On its first 3,000
# studies in one process, 60,000 entries (~230 MB) hit 74.4% instead of 59.6%: 27.2 -> 20.5 ms CPU a
# study, i.e. ~9 ms a study whose lines are all cached (reading, building and storing it). A real
# export repeats boilerplate lines, not whole texts, so the size matters far less there.
DEFAULT_SIZE = 20_000


class LineCache:
    """``parse_line``'s answers, least recently used dropped first; call it as ``parse_line``.
    ``size=0`` keeps nothing: every line is parsed (the plain way)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._answers: OrderedDict[tuple[str, str, str, bool, str], Criterion] = OrderedDict()

    def __call__(self, text: str, type: CriterionType | str, parent: int | None = None, context: str = "") -> Criterion:
        ctype = CriterionType(type)
        key = (PARSER_VERSION, str(ctype), context, parent is None, text)
        found = self._answers.get(key)
        if found is not None:
            self.hits += 1
            self._answers.move_to_end(key)
            return found if found.parent == parent else dataclasses.replace(found, parent=parent)
        self.misses += 1
        answer = parse_line(text, ctype, parent=parent, context=context)
        if not self.size:
            return answer
        self._answers[key] = answer
        if len(self._answers) > self.size:
            self._answers.popitem(last=False)
        return answer

    def __len__(self) -> int:
        return len(self._answers)


# --- whole texts ----------------------------------------------------------------------------

# Bytes of answers kept (pickled), one store for all parse workers. A corpus study's whole
# prepared outcome (record and structure) pickles to ~14-16 KB, its answer to less, so this holds
# more than 16,000 texts: the generated zip's 1,882 all stay; a real export's rare repeats find
# theirs within that many studies.
DEFAULT_TEXT_BYTES = 256 * 1024 * 1024


class AnswerStore:
    """Pickled answers by key, least recently used dropped first once past ``budget`` bytes.
    Values are bytes so that a copy served to another process (``shared_store``) is never
    unpickled on the way, and every reader gets objects of its own."""

    def __init__(self, budget: int = DEFAULT_TEXT_BYTES) -> None:
        self.budget = budget
        self._used = 0
        self._values: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()  # a manager serves each worker from its own thread

    def get(self, key: bytes) -> bytes | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: bytes, value: bytes) -> None:
        if len(value) > self.budget:
            return
        with self._lock:
            old = self._values.pop(key, None)
            self._used += len(value) - (len(old) if old is not None else 0)
            self._values[key] = value
            while self._used > self.budget:
                _, dropped = self._values.popitem(last=False)
                self._used -= len(dropped)

    def __len__(self) -> int:
        return len(self._values)


class _StoreManager(BaseManager):
    pass


_StoreManager.register("AnswerStore", AnswerStore)


@contextmanager
def shared_store(budget: int, context: Any = None) -> Iterator[AnswerStore]:
    """One ``AnswerStore`` in a process of its own, for every parse worker (its proxy pickles
    into a pool's ``initargs``): a text one worker structured is not structured again by the
    other."""
    manager = _StoreManager(ctx=context)
    manager.start()
    try:
        yield manager.AnswerStore(budget)  # type: ignore[attr-defined]
    finally:
        manager.shutdown()


@dataclass
class _Answer:
    lines: tuple[CriterionLine, ...]
    structured: tuple[dict, ...] | None  # None until the lines passed the import's limits


class CriteriaCache:
    """A study's criteria lines (``ctgov.criteria_lines``) and their structure
    (``structure_lines``, as ``Criterion.to_json()``) by what they are a pure function of: the
    eligibility text, the registry's age and sex fields and the parser version. Call ``lines``
    as a ``CriteriaReader``, then ``structured`` with what it returned.

    Why (measured, session 9, CPU time in one process on 40 corpus studies read from JSON):
    preparing a study whose text is new costs ~38 ms with the ``LineCache`` (splitting,
    reading every line, assembling the lines twice, the time-budget watchdog, JSON; session 8
    estimated ~9 ms with storing when all its lines are cached); a text seen before costs ~1.1 ms (reading the study, one
    lookup, unpickling the answer). Registries repeat whole texts (a sponsor's sister studies;
    the benchmark's generated zip, ~10.6 times each), a real export far less: there the
    ``LineCache`` and the parser's own speed decide. ``store``: where answers are kept, a local ``AnswerStore`` or one shared by
    the parse workers (``shared_store``). A structure with a line that ran out of its time
    budget is never kept: the budget depends on the machine's load, not on the text.
    ``tests/importers/test_parse_cache.py`` pins its answers to the plain ones."""

    def __init__(self, lines: LineCache, store: AnswerStore | None = None) -> None:
        self.line_cache = lines
        self.store = store
        self.hits = 0
        self.misses = 0
        self._last: tuple[bytes, _Answer] | None = None

    def lines(self, text: str, minimum_age: str, maximum_age: str, sex: str) -> tuple[CriterionLine, ...]:
        key = _text_key(text, minimum_age, maximum_age, sex)
        value = self.store.get(key) if self.store is not None else None
        if value is not None:
            answer = pickle.loads(value)  # noqa: S301 - written by this import's own workers
        else:
            answer = _Answer(criteria_lines(text, minimum_age, maximum_age, sex, line_parser=self.line_cache), None)
        self._last = (key, answer)
        return answer.lines

    def structured(self, lines: tuple[CriterionLine, ...], study_drugs: Sequence[str] = ()) -> tuple[dict, ...]:
        """The structure of ``lines``, which the last call of ``lines`` returned. A study whose
        lines speak of its drugs (``study_drugs``) is read afresh and its answer never kept:
        the text alone is not what that structure is a function of (few studies, ~4%)."""
        own = any(speaks_of_drugs(line.text, study_drugs) for line in lines)
        if not own and self._last is not None and self._last[1].lines is lines and self._last[1].structured is not None:
            self.hits += 1
            return self._last[1].structured
        self.misses += 1
        parsed = structure_lines(
            [(line.type, line.text, line.parent) for line in lines],
            line_parser=self.line_cache,
            study_drugs=study_drugs if own else (),
        )
        structured = tuple(criterion.to_json() for criterion in parsed)
        if not own and self._last is not None and self._last[1].lines is lines and self.store is not None:
            if not any(_ran_out(c) for c in parsed):
                self.store.put(self._last[0], pickle.dumps(_Answer(lines, structured), protocol=pickle.HIGHEST_PROTOCOL))
        self._last = None
        return structured


def _text_key(text: str, minimum_age: str, maximum_age: str, sex: str) -> bytes:
    # a digest keeps a shared store's requests small; the fields are length-prefixed so no two
    # different tuples join to the same bytes
    digest = hashlib.sha256(PARSER_VERSION.encode())
    for field in (text, minimum_age, maximum_age, sex):
        data = field.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.digest()


def _ran_out(criterion: Criterion) -> bool:
    expr = criterion.expr
    return isinstance(expr, Review) and expr.text == over_budget_reason(LINE_BUDGET_SECONDS)
