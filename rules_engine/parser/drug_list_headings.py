"""A heading that lists drugs not to be taken now: "No concurrent use of the following drugs that
may confer risk of torsades de pointes:" over "Quinidine", "Amiodarone", "Methadone", ... (holdout
T271; 3 corpus headings, issue 14 rx5).

Each name under it was read alone, a bare word that asks nothing (a review), so a patient on
amiodarone passed the heading. The heading's lead ("concurrent use of") is what each line asks
of its drug: the lines are read with it as their context (``criteria._build``), as the lines
under "Chemotherapy:" are. A name the lead does not make readable stays a review.

The pattern is literals with bounded optional parts; no repetition nests.
"""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"^\W{0,3}(?:no\s+)?(?:(?:patients?|subjects?)\s+(?:on|receiving|taking|with)\s+)?"
    r"(?P<lead>(?:concurrent|concomitant|current)\s+(?:use|treatment|therapy|administration)\s+(?:of|with))\s+"
    r"(?:any\s+(?:of\s+)?)?the\s+following\s+(?:\w+\s+){0,2}?(?:drugs|medications|agents|medicines)\b[^:]{0,160}:\s*$",
    re.I,
)


def drug_list_context(heading: str) -> str:
    """The lead each line under ``heading`` is read with ("Concurrent use of"), or ""."""
    m = _HEADING.match(heading)
    if m is None:
        return ""
    lead = " ".join(m.group("lead").split())
    return lead[:1].upper() + lead[1:]
