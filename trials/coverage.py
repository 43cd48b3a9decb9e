"""The seed pages as the coverage report reads them: through the seed importer, so the report
measures the lines that are imported (the page layout decides each line's type and parent)."""

from __future__ import annotations

from collections.abc import Iterator

from rules_engine.criteria import CriterionType
from rules_engine.parser.coverage import Trial
from trials.importers.medpath import load_seed_dir


def seed_pages(path: str) -> Iterator[Trial]:
    for record in load_seed_dir(path):
        yield Trial(
            trial_id=record.nct_id,
            criteria=record.criteria_text,
            lines=[(CriterionType(c.type), c.text, c.parent) for c in record.criteria],
        )
