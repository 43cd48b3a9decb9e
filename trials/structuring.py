"""The one place trials meet the criteria parser: lines in, structured criteria out."""

from __future__ import annotations

from collections.abc import Sequence

from rules_engine.criteria import Criterion
from rules_engine.parser import parse_lines

# Bump when the parser's output changes, so stored versions say which parser wrote them.
PARSER_VERSION = "1"


def structure_lines(lines: Sequence[tuple[str, str, int | None]]) -> list[Criterion]:
    """Structure each (type, text, parent) line; what the parser cannot read is a review
    criterion with its reason, never a dropped line."""
    return list(parse_lines(lines))
