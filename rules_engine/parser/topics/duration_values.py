"""A number a time unit follows is a duration, never a laboratory value.

"at least 1 of the PSA values must be obtained 6 weeks or more after antiandrogen
discontinuation", "Must have maintained a stable INR on a stable dose of warfarin for at least 4
weeks": the comparator the normaliser writes ("≥ 6 weeks") came after the lab's name, and with no
unit of its own the number was read as the lab's bound in its usual unit ("PSA >= 6.0 ng/mL",
"INR >= 4.0"): every patient below it failed a line that asks for no such value. The time unit
right after the number says what it counts.
"""

from __future__ import annotations

import re

_TIME_UNIT = re.compile(r"\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?)\b", re.I)


def is_duration(text: str, pos: int) -> bool:
    """Whether the number ending at ``text[pos]`` is followed by a unit of time."""
    return _TIME_UNIT.match(text, pos) is not None
