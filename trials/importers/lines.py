"""Eligibility text -> ``CriterionLine``s: every importer's one way in to the one splitter
(``rules_engine.parser.sections``), so what is imported is what the coverage tool measures."""

from __future__ import annotations

from collections.abc import Iterable

from rules_engine.parser.sections import split_criteria, split_numbered
from trials.records import CriterionLine


def criterion_lines(numbered: Iterable[tuple[int, str]]) -> tuple[CriterionLine, ...]:
    """Lines an importer already holds, numbered as its source numbers them."""
    return tuple(
        CriterionLine(line.type.value, line.text, line.parent, line.source_line) for line in split_numbered(numbered)
    )


def split_text(text: str) -> tuple[CriterionLine, ...]:
    """A whole eligibility text, its lines numbered from 1."""
    return tuple(
        CriterionLine(line.type.value, line.text, line.parent, line.source_line) for line in split_criteria(text)
    )
