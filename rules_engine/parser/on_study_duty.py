"""The time on study after an exclusion's window: "Anticoagulation with warfarin ... within 28 days
prior to starting ibrutinib and throughout the study", "... prior to study entry and for the
duration of study participation" (about 20 corpus lines; meds17).

The time ahead of the patient is a duty while on study, which no record holds; the window before
the study is what the exclusion asks. Left, "throughout the study" stood as an unread alternative
and every patient was unknown. Only an exclusion is read so: an inclusion's words may be a list's
item misplaced under another line (a "must not have received:" lead-in with its items beside it),
where the duty's review is what keeps a misread requirement from deciding.

The pattern is bounded: at most six words between the lead and the duty, no nested repetition.
"""

from __future__ import annotations

import re

_DUTY_AFTER_WINDOW = re.compile(
    r"(\b(?:prior\s+to|before)\s+(?:[\w-]+\s+){0,5}?[\w-]+)\s*,?\s+and\s+(?:throughout|during|for\s+the\s+duration\s+of)\s+(?:the\s+)?(?:entire\s+)?"
    r"(?:study|trial)(?:\s+(?:treatment|period|participation|therapy))?\b",
    re.I,
)


def on_study_dropped(text: str) -> str:
    """``text`` without the time on study after a window before it (an exclusion's line)."""
    low = text.lower()
    if "throughout" not in low and "duration" not in low and "during" not in low:
        return text
    return _DUTY_AFTER_WINDOW.sub(r"\1", text)
