"""The portion of a study a line names in a bracket at its end.

"No prior epidermal growth factor receptor inhibitor therapy (phase II)", "Concurrent therapeutic
anticoagulation (Phase I only)", "Prior treatment with Herceptin (Arm B only)", "White Blood Count
(WBC) <= 50,000/mm^3 (part A only [closed to accrual as of 10/30/06])", "Resectable or unresectable
disease (Phase I patients only)" (about 100 corpus lines): the bracket says which patients the line
is written for, as a label opening it does ("Phase II: ...", ``portions.portion_lead``). Left as
words, the label was a review beside the line: an inclusion the patient met was never met, and
one he failed decided against a patient who could enter the other portion; an exclusion's
bracket was an unread alternative.

Only a bracket that closes the line and holds the portion's name alone (with "only", "portion",
"patients", a lead "for"/"in" and a note in square brackets); never where the line names another
portion too ("HER2+ cancer (Part 1) or HER2+ metastatic breast cancer (Part 2)", "ECOG 0-2 (Phase
Ib) or 0-1 (Phase II)"): each part of such a line is its own portion's.
"""

from __future__ import annotations

import re

_PHASE_ID = r"(?:IV|I{1,3}|[1-4])[ab]?"
_LABEL_ID = r"(?-i:[A-Z]{1,2}|IV|I{1,3}|[1-9][0-9]?[ab]?)"
_PORTION = rf"phase\s*{_PHASE_ID}\b|(?:cohort|arm|part|group|stratum)\s+{_LABEL_ID}\b"
_TAIL = re.compile(
    # ("(only applicable to Part II of the PK phase)": the lead and the study part it belongs to)
    rf"\(\s*(?:(?:for|in|eligible\s+for|only\s+(?:for|in)|(?:only\s+)?applicable\s+(?:only\s+)?to|appl(?:y|ies)\s+only\s+to|only\s+appl(?:y|ies)\s+to)\s+(?:the\s+)?)?(?P<label>{_PORTION})"
    r"(?:\s+(?:portion|part|component|cohort|patients|subjects|participants))?(?:\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:phase|portion|part|study))?(?:\s+only)?(?:\s*\[[^\[\]]{0,80}\])?\s*\)\s*\.?\s*$",
    re.I,
)
_ANY_PORTION = re.compile(_PORTION, re.I)


def portion_tail(text: str) -> tuple[str, str] | None:
    """(the portion's label as written, the line without its bracket) for a line whose closing
    bracket names the one portion it is written for, else None."""
    m = _TAIL.search(text)
    if m is None:
        return None
    rest = text[: m.start()].rstrip(" ,;")
    label = " ".join(m.group("label").split())
    if any(" ".join(o.group(0).split()).lower() != label.lower() for o in _ANY_PORTION.finditer(rest)):
        return None
    return label, rest
