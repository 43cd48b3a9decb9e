"""Eligibility text -> structured criteria (pure Python: no Django, no ``trials``, no ``matcher``).

    split_criteria(text) -> list[ParsedLine]
    parse_line(text, type) -> Criterion
    parse_lines(lines) -> tuple[Criterion, ...]
    parse_criteria(text) -> tuple[Criterion, ...]
"""

from rules_engine.parser import literal_gates

# (first: the patterns the parser's modules compile as they are imported are gated; literal_gates)
literal_gates.install(__name__ + ".")

from rules_engine.parser.criteria import parse_criteria, parse_lines  # noqa: E402
from rules_engine.parser.line import parse_line  # noqa: E402
from rules_engine.parser.sections import ParsedLine, split_criteria  # noqa: E402

__all__ = ["ParsedLine", "parse_criteria", "parse_line", "parse_lines", "split_criteria"]
