"""Importing ClinicalTrials.gov's bulk export (a zip of ~500,000 study files) as a stream.

What it promises:

* bounded memory: the zip's directory is walked entry by entry (``ctgov_zip``), studies move
  in chunks of ``CHUNK`` with at most ``2 * workers + 2`` chunks in flight;
* a study that changed since the stored import is read and stored; one whose
  ``lastUpdatePostDate`` is the one stored (``source`` ctgov) is skipped before it is parsed;
* one study that cannot be read or stored is reported (``Failed``: the file and why) and the
  others go on; each study is stored whole or not at all;
* resuming after Ctrl-C or a crash is running it again: every study stored before the stop has
  its date stored, so it is skipped at the cost of inflating and decoding its file (measured in
  ``bench/import.py``: the rerun line). No checkpoint file to keep consistent with the database.

Where the time goes, and the tricks (each measured in ``bench/import.py``; the plain way is
``workers=0`` with ``cache_size=0``, and ``tests/api/test_ctgov_bulk_import.py`` pins both to store the
same rows):

* parsing is most of a study's CPU time (measured on 300 unique corpus studies: ~23 ms in a
  parse worker with the line cache, ~6 ms writing in the importing process before criterion
  rows went through COPY, ~3 ms after): it runs in ``workers`` processes (spawned, so no
  database connection or Django state is shared), each with a ``LineCache``; a whole text's
  answer (its lines and their structure) is kept in one ``AnswerStore`` served to both workers
  by a manager process (``parse_cache.CriteriaCache``), so a text one worker structured costs
  the other ~1 ms, not ~38 (measured on ``bench/import.py``'s first 3,000 generated studies:
  1,883 new texts, 1,117 repeats; workers' CPU 87 s, the importing process 12 s, PostgreSQL 4 s);
* a trial not stored yet is written with its chunk's other new trials in a few statements
  (``services.create_trials``); a trial already stored goes through ``upsert_trial`` as any
  import does (curated corrections kept, versions, golden patients, changes recorded);
* the changes of the whole run are announced together (``changes_announced_together``).
"""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from trials.importers.ctgov_export import (
    Counts,
    ExportParser,
    Failed,
    Outcome,
    Prepared,
    Unchanged,
    counts,
    nct_id_of_name,
    start_worker,
    work,
)
from trials.importers.ctgov_zip import Entry, ZipReader
from trials.models import Trial
from trials.parse_cache import DEFAULT_SIZE, DEFAULT_TEXT_BYTES, AnswerStore, CriteriaCache, LineCache, shared_store
from trials.services import changes_announced_together, create_trials, upsert_trial

CHUNK = 50


@dataclass
class Tally:
    """What one run did; ``failed_by`` counts failures by where they failed (the JSON path
    without indexes, or the stage)."""

    files: int = 0
    unchanged: int = 0
    created: int = 0
    updated: int = 0
    same: int = 0  # read again, nothing in it differed from what is stored
    failed: int = 0
    ignored: int = 0  # not a .json file
    cache_hits: int = 0  # lines
    cache_misses: int = 0
    text_hits: int = 0  # whole texts
    text_misses: int = 0
    failed_by: Counter = field(default_factory=Counter)

    @property
    def studies(self) -> int:
        return self.unchanged + self.created + self.updated + self.same + self.failed

    def summary(self) -> str:
        return (
            f"ctgov: studies={self.studies} created={self.created} updated={self.updated} unchanged={self.unchanged} "
            f"same={self.same} failed={self.failed} ignored={self.ignored}"
        )


def failure_kind(reason: str) -> str:
    """"$.protocolSection.armsInterventionsModule.armGroups[3].label: missing" -> its path
    without indexes; "not JSON (...)" -> "not JSON"."""
    head = reason.split(": ", 1)[0] if reason.startswith("$") or reason.startswith("protocolSection") else reason
    head = re.sub(r"\[\d+\]", "[]", head)
    return re.split(r" \(|: ", head, maxsplit=1)[0][:80]


def import_export(
    path: str | Path,
    *,
    workers: int = 2,
    cache_size: int = DEFAULT_SIZE,
    text_bytes: int = DEFAULT_TEXT_BYTES,
    chunk: int = CHUNK,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[int, Tally], None] | None = None,
    on_failure: Callable[[Failed], None] | None = None,
) -> Tally:
    """Import every study file of the export at ``path``. ``on_start(entries)`` is told the
    number of entries, ``on_progress(files, tally)`` after each chunk, ``on_failure`` each study
    not imported. Changes are announced when it returns or raises (Ctrl-C included).
    ``cache_size``: lines kept per parse worker; ``text_bytes``: whole texts' answers kept, one
    store for all workers (0: none)."""
    tally = Tally()
    with open(path, "rb") as fh, changes_announced_together():
        reader = ZipReader(fh, Path(path).name)
        if on_start:
            on_start(len(reader))

        def store(outcomes: Sequence[Outcome], files: int) -> None:
            for failure in _store(outcomes, tally):
                tally.failed += 1
                tally.failed_by[failure_kind(failure.reason)] += 1
                if on_failure:
                    on_failure(failure)
            tally.files += files
            if on_progress:
                on_progress(files, tally)

        chunks = _chunks(reader, chunk, tally)
        if workers <= 0:
            parser = ExportParser(fh, Path(path).name, CriteriaCache(LineCache(cache_size), AnswerStore(text_bytes) if text_bytes else None))
            for entries, files in chunks:
                store(parser.prepare_all(entries, _stored_dates(entries)), files)
            _count(tally, counts(parser.cache))
            return tally
        context = multiprocessing.get_context("spawn")
        with (
            shared_store(text_bytes, context) if text_bytes else nullcontext(None) as texts,
            context.Pool(workers, initializer=start_worker, initargs=(str(path), cache_size, texts)) as pool,
        ):
            pending: deque = deque()
            for entries, files in chunks:
                pending.append((pool.apply_async(work, (entries, _stored_dates(entries))), files))
                if len(pending) > 2 * workers + 2:
                    _collect(pending.popleft(), store, tally)
            while pending:
                _collect(pending.popleft(), store, tally)
    return tally


def _collect(item: tuple, store: Callable[[Sequence[Outcome], int], None], tally: Tally) -> None:
    result, files = item
    outcomes, numbers = result.get()
    _count(tally, numbers)
    store(outcomes, files)


def _count(tally: Tally, numbers: Counts) -> None:
    text_hits, text_misses, line_hits, line_misses = numbers
    tally.text_hits += text_hits
    tally.text_misses += text_misses
    tally.cache_hits += line_hits
    tally.cache_misses += line_misses


def _chunks(reader: ZipReader, size: int, tally: Tally) -> Iterator[tuple[list[Entry], int]]:
    """Study files in groups of ``size``, each with how many directory entries it covers."""
    group: list[Entry] = []
    files = 0
    for entry in reader.entries():
        files += 1
        if not entry.name.endswith(".json"):
            tally.ignored += 1
            continue
        group.append(entry)
        if len(group) >= size:
            yield group, files
            group, files = [], 0
    if group or files:
        yield group, files


def _stored_dates(entries: Sequence[Entry]) -> dict[str, date]:
    """The stored last-update dates of the studies these files are named after."""
    ids = [i for i in (nct_id_of_name(e.name) for e in entries) if i]
    if not ids:
        return {}
    return dict(
        Trial.objects.filter(nct_id__in=ids, source="ctgov", last_update__isnull=False).values_list("nct_id", "last_update")
    )


def _store(outcomes: Sequence[Outcome], tally: Tally) -> list[Failed]:
    """Write one chunk's prepared studies; returns the ones that could not be stored."""
    failures = [o for o in outcomes if isinstance(o, Failed)]
    tally.unchanged += sum(isinstance(o, Unchanged) for o in outcomes)
    prepared = [o for o in outcomes if isinstance(o, Prepared)]
    if not prepared:
        return failures
    stored = {
        nct_id: (last_update, source)
        for nct_id, last_update, source in Trial.objects.filter(
            nct_id__in=[p.record.nct_id for p in prepared]
        ).values_list("nct_id", "last_update", "source")
    }
    fresh: list[Prepared] = []
    known: list[Prepared] = []
    for item in prepared:
        record = item.record
        if record.nct_id in stored:
            last_update, source = stored[record.nct_id]
            if source == "ctgov" and last_update is not None and last_update == record.last_update:
                tally.unchanged += 1  # its file was not named after it, so the worker could not tell
            else:
                known.append(item)
        elif any(f.record.nct_id == record.nct_id for f in fresh):
            known.append(item)  # twice in one chunk: the second one updates the first
        else:
            fresh.append(item)
    if fresh:
        try:
            with transaction.atomic():
                create_trials([(p.record, p.structured) for p in fresh])
            tally.created += len(fresh)
        except Exception:  # noqa: BLE001 - one study the database refuses: find it one by one
            known = fresh + known
    for item in known:
        try:
            result = upsert_trial(item.record, structured=item.structured)  # its own transaction
        except Exception as exc:  # noqa: BLE001 - reported with the study, the others go on
            failures.append(Failed(item.name, item.record.nct_id, f"not stored ({type(exc).__name__}: {str(exc).strip()[:300]})"))
            continue
        if result.created:
            tally.created += 1
        elif result.changed:
            tally.updated += 1
        else:
            tally.same += 1
    return failures
