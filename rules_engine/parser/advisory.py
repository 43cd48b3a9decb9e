"""A list the protocol itself says is no criterion: "Although NOT considered formal Exclusion
Criteria, study physicians are strongly encouraged as part of this decision-making process to
recognize that the following may increase the risks to a subject entering this protocol:".

Read as exclusions, its items (performance status > 2, another active malignancy, ...) turned
away the patients the protocol leaves to the physician's weighing. The heading and every line
under it are the physician's judgement: a review that says so, never a decided line, and never
dropped (the coordinator still sees them).

The pattern is literals with bounded gaps; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType

ADVISORY_REVIEW = "the protocol calls this no formal criterion: the physician weighs it"

_ADVISORY = re.compile(
    r"\bnot\s+(?:be\s+)?(?:considered|regarded|meant)\s+(?:as\s+)?(?:to\s+be\s+)?(?:formal|strict|absolute|mandatory)\s+"
    r"(?:exclusion|inclusion|eligibility)\s+criteri(?:a|on)\b"
    r"|\b(?:relative|soft)\s+(?:exclusion\s+criteria|contraindications?)\s*(?:\([^()]{0,80}\))?\s*:\s*$",
    re.I,
)


def advisory_rows(rows: list[tuple[CriterionType, str, int | None]]) -> set[int]:
    """The heading that says its list is no formal criterion, and the lines nested under it."""
    advisory: set[int] = set()
    for index, (_, text, parent) in enumerate(rows):
        if (parent is not None and parent in advisory) or (len(text) <= 400 and _ADVISORY.search(text)):
            advisory.add(index)
    return advisory
