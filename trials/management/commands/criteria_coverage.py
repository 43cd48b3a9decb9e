"""``python manage.py criteria_coverage [PATH...]``: the parser's coverage on registry files.

Thin on purpose: all the work is ``rules_engine.parser.coverage`` (also runnable as
``python -m rules_engine.parser.coverage [PATH...]``, which reads registry files but not seed
pages: their layout belongs to the seed importer, passed in here). Without PATH it measures the
project's seed pages and, when present, the shared corpus, each on its own; the last line of each is
``coverage: trials=... lines=... whole=..% part=..% review=..% human=..% crashes=... age_agree=..% seconds=...``.

Lines are read through a ``LineCache``, as the importers read them: the report parses every
heading twice (with its children, then by its own words) and registries repeat boilerplate lines,
and a cached answer is the parser's own (``tests/importers/test_parse_cache.py``). Measured on
the whole corpus (1,883 trials, 2 processes, a loaded machine): 120.4 s of CPU plain, 114.4 s
through the cache, the same report (``tests/importers/test_coverage_line_cache.py``).
"""

from django.core.management.base import BaseCommand

from rules_engine.parser.coverage import run
from trials.coverage import seed_pages
from trials.parse_cache import LineCache


class Command(BaseCommand):
    help = "Report how much eligibility text the parser structures: the seeds and the corpus, or the PATHs given."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help=".json(.gz) v2 studies, .csv(.gz) criteria, or a folder of seed pages")

    def handle(self, *args, **options):
        self.stdout.write(run(options["paths"], seed_pages, line_parser=LineCache()))
