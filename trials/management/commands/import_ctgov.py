"""``manage.py import_ctgov FILE``: import ClinicalTrials.gov API v2 studies (one or a list).

All or nothing: a bad study anywhere in the file leaves the database as it was. A study over
the criteria limits (``trials.limits``: too many lines, or a line too long) is reported and
skipped, and the others are imported.
"""

import gzip
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trials.importers import parse_ctgov_payload
from trials.limits import record_problem
from trials.records import SourceFormatError
from trials.services import import_records


class Command(BaseCommand):
    help = "Import a JSON (or .json.gz) file holding one ClinicalTrials.gov v2 study or a list of them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path")

    def handle(self, *args, path: str, **options) -> None:
        file = Path(path)
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
