"""One file of ClinicalTrials.gov's bulk export -> what the import stores, or why it cannot.

The CPU-heavy half of a bulk import (inflate, decode, read the study, parse its criteria), done
without Django or a database so that parse workers (``trials.bulk_import``) can run it in
parallel; the database half stays in the importing process. Every outcome is small and
picklable, and a study that cannot be read is an outcome (``Failed``), never an exception: one
bad file must not stop the other 499,999.
"""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from rules_engine.parser.study_drugs import study_drug_names
from trials.importers.ctgov import _date, _Node, parse_ctgov_study
from trials.importers.ctgov_zip import Entry, ZipFormatError, ZipReader
from trials.limits import record_problem
from trials.parse_cache import AnswerStore, CriteriaCache, LineCache
from trials.records import SourceFormatError, TrialRecord

__all__ = ["ExportParser", "Failed", "Prepared", "Unchanged", "counts", "nct_id_of_name", "start_worker", "work"]


@dataclass(frozen=True)
class Unchanged:
    """Its ``lastUpdatePostDate`` is the one stored: nothing to do."""

    name: str
    nct_id: str


@dataclass(frozen=True)
class Prepared:
    """Read and parsed: the record and each of its lines' structure (``Criterion.to_json()``)."""

    name: str
    record: TrialRecord
    structured: tuple[dict, ...]


@dataclass(frozen=True)
class Failed:
    """Not imported, and why (the file, then the JSON path or the stage that failed)."""

    name: str
    nct_id: str
    reason: str


Outcome = Unchanged | Prepared | Failed

_NAME_ID = re.compile(r"(NCT\d{8})\.json$")


def nct_id_of_name(name: str) -> str | None:
    """The export names each file after its study (``NCT01234567.json``): the id is known
    before the file is read, so the stored dates can be looked up a batch at a time."""
    m = _NAME_ID.search(name)
    return m.group(1) if m else None


class ExportParser:
    """Reads entries of one export and prepares them; holds the archive open and a line cache
    for as long as it lives (one per parse worker)."""

    def __init__(self, fh: BinaryIO, name: str, cache: CriteriaCache | None = None) -> None:
        self.reader = ZipReader(fh, name)
        self.cache = cache if cache is not None else CriteriaCache(LineCache(), AnswerStore())

    def prepare_all(self, entries: Sequence[Entry], stored: Mapping[str, date]) -> list[Outcome]:
        return [self.prepare(entry, stored) for entry in entries]

    def prepare(self, entry: Entry, stored: Mapping[str, date]) -> Outcome:
        """``stored``: the last-update date of studies already imported, by NCT id."""
        guess = nct_id_of_name(entry.name) or ""
        try:
            data = self.reader.read(entry)
        except ZipFormatError as exc:
            return Failed(entry.name, guess, str(exc))
        try:
            study = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
            return Failed(entry.name, guess, f"not JSON ({exc})")
        nct_id, last_update = _header(study)
        if nct_id and last_update is not None and stored.get(nct_id) == last_update:
            return Unchanged(entry.name, nct_id)
        return prepare_study(entry.name, study, self.cache, nct_id or guess)


def prepare_study(name: str, study: object, cache: CriteriaCache, nct_id: str = "") -> Prepared | Failed:
    """Read one decoded study and structure its lines, as ``upsert_trial`` would."""
    try:
        record = parse_ctgov_study(study, "$", criteria_reader=cache.lines)  # type: ignore[arg-type]
    except SourceFormatError as exc:
        return Failed(name, nct_id, str(exc))
    problem = record_problem(record.criteria)
    if problem is not None:
        return Failed(name, record.nct_id, f"{problem[0]}: {problem[1]}")
    try:
        structured = cache.structured(record.criteria, study_drug_names(record.interventions))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one study must not stop the import
        return Failed(name, record.nct_id, f"criteria could not be structured ({type(exc).__name__}: {exc})")
    return Prepared(name, record, structured)


def _header(study: object) -> tuple[str, date | None]:
    """The study's NCT id and last update, or blanks when they cannot be read (the full read
    then says why)."""
    try:
        if not isinstance(study, dict):
            return "", None
        ps = _Node.at(study, "protocolSection", "$")
        nct_id = ps.object("identificationModule").string("nctId")
        return nct_id, _date(ps.object("statusModule").object("lastUpdatePostDateStruct"), "date")
    except SourceFormatError:
        return "", None


# --- parse workers (spawned processes: this module must not need Django) ----------------------

_parser: ExportParser | None = None


def start_worker(path: str, cache_size: int, store: AnswerStore | None) -> None:
    """A pool's initializer: the worker opens the export itself and keeps its own line cache;
    ``store``: whole texts' answers, shared by the workers (``parse_cache.shared_store``)."""
    # Ctrl-C reaches the whole process group: the importing process stops the pool, a worker
    # must not die mid-chunk with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _parser
    cache = CriteriaCache(LineCache(cache_size), store)
    _parser = ExportParser(open(path, "rb"), Path(path).name, cache)  # noqa: SIM115 - open for the worker's life


def work(entries: list[Entry], stored: dict[str, date]) -> tuple[list[Outcome], Counts]:
    """One chunk in a worker: its outcomes, and the caches' hits and misses on it."""
    assert _parser is not None, "the pool's initializer opens the export"
    before = counts(_parser.cache)
    outcomes = _parser.prepare_all(entries, stored)
    return outcomes, tuple(now - then for now, then in zip(counts(_parser.cache), before, strict=True))  # type: ignore[return-value]


Counts = tuple[int, int, int, int]


def counts(cache: CriteriaCache) -> Counts:
    """(text hits, text misses, line hits, line misses)"""
    return cache.hits, cache.misses, cache.line_cache.hits, cache.line_cache.misses
