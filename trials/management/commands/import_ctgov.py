"""``manage.py import_ctgov FILE``: import ClinicalTrials.gov API v2 studies.

A ``.json`` / ``.json.gz`` file (one study or a list): all or nothing, a bad study anywhere in
the file leaves the database as it was. A study over the criteria limits (``trials.limits``: too
many lines, or a line too long) is reported and skipped, and the others are imported.

A ``.zip`` (the registry's bulk export, one JSON file per study, ~500,000 of them): read as a
stream by ``trials.bulk_import``, each study stored whole or not at all, studies whose
``lastUpdatePostDate`` is the one stored skipped, each study that cannot be imported reported
on stderr with why and counted in the summary, the others going on. A progress line with
studies/s and the time left goes to stderr (redrawn on a terminal; a line every
``--progress-every`` seconds otherwise). Interrupted (Ctrl-C, a crash), it is resumed by
running it again: what was stored is skipped.
"""

import gzip
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trials.bulk_import import Tally, import_export
from trials.importers import parse_ctgov_payload
from trials.importers.ctgov_export import Failed
from trials.importers.ctgov_zip import ZipFormatError
from trials.limits import record_problem
from trials.parse_cache import DEFAULT_SIZE, DEFAULT_TEXT_BYTES
from trials.progress import Progress
from trials.records import SourceFormatError
from trials.services import import_records


class Command(BaseCommand):
    help = (
        "Import a JSON (or .json.gz) file holding one ClinicalTrials.gov v2 study or a list of them, "
        "or the registry's bulk export (a .zip of one JSON file per study)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path")
        parser.add_argument("--workers", type=int, default=2, help="parse processes for a .zip (0: parse in this process)")
        parser.add_argument("--cache-size", type=int, default=DEFAULT_SIZE, help="parsed lines kept per parse process (0: none)")
        parser.add_argument(
            "--text-cache-mb", type=int, default=DEFAULT_TEXT_BYTES // 2**20,
            help="MB of whole eligibility texts' parses kept, shared by the parse processes (0: none)",
        )
        parser.add_argument(
            "--progress-every", type=float, default=30.0, help="seconds between progress lines when stderr is not a terminal"
        )

    def handle(self, *args, path: str, **options) -> None:
        file = Path(path)
        if file.suffix == ".zip":
            self._import_zip(file, options["workers"], options["cache_size"], options["text_cache_mb"], options["progress_every"])
            return
        opener = gzip.open if file.suffix == ".gz" else open
        try:
            with opener(file, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file") from None
        except (json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
            raise CommandError(f"{path}: not JSON ({exc})") from None
        try:
            records = parse_ctgov_payload(data)
        except SourceFormatError as exc:
            raise CommandError(f"{path}: {exc}") from None
        accepted = []
        for record in records:
            problem = record_problem(record.criteria)
            if problem is None:
                accepted.append(record)
            else:
                self.stderr.write(f"ctgov: skipped {record.nct_id}: {problem[0]}: {problem[1]}")
        results = import_records(accepted)
        created = sum(r.created for r in results)
        changed = sum(r.changed and not r.created for r in results)
        skipped = len(records) - len(accepted)
        self.stdout.write(f"ctgov: studies={len(results)} created={created} updated={changed} skipped={skipped}")

    def _import_zip(self, file: Path, workers: int, cache_size: int, text_mb: int, every: float) -> None:
        progress: Progress | None = None

        def start(entries: int) -> None:
            nonlocal progress
            progress = Progress(entries, getattr(self.stderr, "_out", sys.stderr), every=every)  # the stream itself: it redraws

        def advance(files: int, tally: Tally) -> None:
            assert progress is not None
            progress.advance(files, f"failed={tally.failed}" if tally.failed else "")

        def failed(failure: Failed) -> None:
            line = f"ctgov: not imported {failure.nct_id or failure.name} ({failure.name}): {failure.reason}"
            if progress is not None:
                progress.message(line)
            else:
                self.stderr.write(line)

        tally = Tally()
        try:
            tally = import_export(
                file, workers=workers, cache_size=cache_size, text_bytes=text_mb * 2**20,
                on_start=start, on_progress=advance, on_failure=failed,
            )
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except ZipFormatError as exc:
            raise CommandError(str(exc)) from None
        except KeyboardInterrupt:
            if progress is not None:
                progress.finish()
            raise CommandError(
                "interrupted: every study stored so far is kept; run the same command again to resume "
                "(studies already imported are skipped)"
            ) from None
        if progress is not None:
            progress.finish()
        self.stdout.write(tally.summary())
        texts = tally.text_hits + tally.text_misses
        lookups = tally.cache_hits + tally.cache_misses
        if texts:
            self.stdout.write(f"ctgov: texts={texts} texts_cached={tally.text_hits / texts:.1%}")
        if lookups:
            self.stdout.write(f"ctgov: line parses={lookups} cached={tally.cache_hits / lookups:.1%}")
        for kind, count in tally.failed_by.most_common():
            self.stdout.write(f"ctgov: failed {count}: {kind}")
