"""``manage.py load_seeds``: import the seed trial pages in ``seeds/`` (idempotent)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from trials.golden import seed_from_examples
from trials.importers import load_seed_dir
from trials.records import SourceFormatError
from trials.services import import_records


class Command(BaseCommand):
    help = "Import the seed registry pages (a second run changes nothing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dir", default=str(settings.SEEDS_DIR), help="folder of seed pages")
        parser.add_argument(
            "--examples",
            default=str(Path(settings.SEEDS_DIR).resolve().parent.parent / "shared" / "examples"),
            help="example patients with known verdicts: the seed trials' golden patients, when the folder exists",
        )

    def handle(self, *args, dir: str, examples: str = "", **options) -> None:
        try:
            records = load_seed_dir(Path(dir))
        except SourceFormatError as exc:
            raise CommandError(str(exc)) from None
        results = import_records(records)
        for r in results:
            word = "created" if r.created else ("updated" if r.changed else "unchanged")
            lines = r.trial.current_criteria.criteria.count() if r.trial.current_criteria else 0
            self.stdout.write(f"{r.trial.nct_id} {word} ({r.trial.overall_status}, {lines} criteria lines)")
        goldens = sum(seed_from_examples(r.trial, examples) for r in results) if examples else 0
        self.stdout.write(
            f"seeds: golden patients added={goldens}\n"
            f"seeds: trials={len(results)} created={sum(r.created for r in results)} "
            f"changed={sum(r.changed and not r.created for r in results)}"
        )
