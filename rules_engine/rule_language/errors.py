"""What goes wrong with a rule, in the words a curator's editor shows."""

from __future__ import annotations


class RuleError(ValueError):
    """A rule that does not parse: where (1-based line and column) and what was expected."""

    def __init__(self, message: str, line: int = 1, column: int = 1, expected: tuple[str, ...] = ()) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.expected = expected
        super().__init__(f"line {line}, column {column}: {message}")


class RuleRenderError(ValueError):
    """An expression of a shape the language has no spelling for (never one the parser writes)."""
