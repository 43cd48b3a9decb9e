"""An exception about the course of the patient's disease, written after a washout.

"Systemic chemotherapy ... within 14 days (or within 5 half-lives for an investigational agent)
prior to first dose of study drug, unless there is evidence of rapidly progressive disease",
"Patient received chemotherapy within 4 weeks ..., unless the disease is rapidly progressing" (5
corpus lines): the exception is the patient's, not one item's. It excuses every therapy the
clause dates, so it concerns every item before it; tied to the nearest item alone (the bracketed
investigational agent), a patient whose cytarabine ended 7 days ago was excluded by the
chemotherapy the exception lets a person allow (holdout T91-chemo).
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I, Item

_RAPID_COURSE = re.compile(
    r"^\W*unless\b[^;]{0,60}?\b(?:rapid(?:ly)?\s+progress\w*|progress\w*\s+rapidly|rapid\s+(?:disease\s+)?progression)\b",
    I,
)


def disease_course_targets(exc: str, items: list[Item], start: int) -> list[Item] | None:
    """Every read item before the exception when it excuses the patient's rapidly progressing
    disease; None for any other exception (its own targets stand)."""
    if _RAPID_COURSE.match(exc) is None:
        return None
    before = [it for it in items if it.expr is not None and it.start < start]
    return before or None
