"""The one place trials meet the criteria parser: lines in, structured criteria out."""

from __future__ import annotations

from collections.abc import Sequence

from rules_engine.criteria import Criterion, CriterionType, Review, ReviewReason

PARSER_VERSION = "0"


def structure_lines(lines: Sequence[tuple[str, str]]) -> list[Criterion]:
    """Structure each (type, text) line; what the parser cannot read is a review criterion."""
    return [Criterion(type=CriterionType(t), text=text, expr=Review(ReviewReason.UNPARSED)) for t, text in lines]
