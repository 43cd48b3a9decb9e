"""How much criteria text one trial may bring: a bound on the work one trial manager's PATCH or
one registry record can cause (each line is parsed, and parsed again when re-imported).

Measured on the shared registry corpus (1,883 trials, 47,823 lines): at most 95 lines per
trial (p99 74), at most 5,959 characters per line (p99.9 958). The limits leave room above
the longest real ones. A PATCH over them is a 400 naming the line; an import reports the
study and skips it (a study imported without some of its lines would drop criteria).
"""

from __future__ import annotations

from collections.abc import Sequence

from trials.records import CriterionLine

MAX_LINES = 500
MAX_LINE_CHARS = 8000


def criteria_problem(texts: Sequence[str], path: str = "criteria") -> tuple[str, str] | None:
    """(field path, message) for the first limit the lines break, or None."""
    if len(texts) > MAX_LINES:
        return path, f"{len(texts)} lines, at most {MAX_LINES} are accepted"
    for index, text in enumerate(texts):
        if len(text) > MAX_LINE_CHARS:
            return f"{path}[{index}].text", f"{len(text)} characters, at most {MAX_LINE_CHARS} are accepted per line"
    return None


ELIGIBILITY_PATH = "protocolSection.eligibilityModule.eligibilityCriteria"


def record_problem(lines: Sequence[CriterionLine]) -> tuple[str, str] | None:
    """The same for an imported study's lines, naming the registry field and the line as the
    source numbers it."""
    if len(lines) > MAX_LINES:
        return ELIGIBILITY_PATH, f"{len(lines)} criteria lines, at most {MAX_LINES} are accepted"
    for index, line in enumerate(lines):
        if len(line.text) > MAX_LINE_CHARS:
            number = line.source_line or index + 1
            return ELIGIBILITY_PATH, f"line {number}: {len(line.text)} characters, at most {MAX_LINE_CHARS} are accepted per line"
    return None
