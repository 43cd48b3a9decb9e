"""``python manage.py criteria_coverage PATH...``: the parser's coverage on registry files.

Thin on purpose: all the work is ``rules_engine.parser.coverage`` (also runnable as
``python -m rules_engine.parser.coverage PATH...``).
"""

from django.core.management.base import BaseCommand

from rules_engine.parser.coverage import format_report, measure


class Command(BaseCommand):
    help = "Parse eligibility text from ClinicalTrials.gov v2 .json.gz / criteria .csv.gz files and report coverage."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, **options):
        self.stdout.write(format_report(measure(options["paths"])))
