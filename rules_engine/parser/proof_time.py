"""When the proof of a diagnosis was made: "at original diagnosis or relapse".

Paediatric and phase I templates ask for the tissue proof of the disease and say when it may have
been taken: "Patients must have had histologic verification of malignancy at original diagnosis or
relapse" (the COG template, about 10 corpus lines), "Histologically confirmed CNS malignancy at
original diagnosis or relapse", "histologically or cytologically confirmed (at original diagnosis
or subsequent recurrence or progression) solid tumor", "a histological diagnosis from either the
initial presentation or at the time of recurrence". The words say which biopsy counts, nothing of
the patient's disease now: read as words, "at original diagnosis" stood as a review beside the
diagnosis (no record met the line), and "or relapse" was read as a status offered as the
diagnosis's alternative ("relapsed or glioma ..."), so a relapse alone met a line that asks for a
proven malignancy.

Blanked before the topics read the clause (offsets kept), only where a proof word (histologic,
cytologic, pathologic, biopsy, verification, confirmed, proven, documented) stands in the 80
characters before it and no stage is named there: "Stage IV disease at primary diagnosis or at
relapse" says when the stage was, and "extensive-stage SCLC at initial diagnosis" the same; both
are left. A bare "at diagnosis" (no "original"/"initial", no relapse after it) is left too: it may
date an age or a count.

Every pattern is bounded: fixed alternations, optional words, a repetition capped at two.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

_WHEN = r"(?:(?:at|from)\s+(?:either\s+)?(?:the\s+)?(?:time\s+of\s+(?:the\s+)?)?)"
_THEN = (
    r"(?:\s*,?\s*(?:or|and/or)\s+" + _WHEN + r"?(?:(?:subsequent|any|first|later|disease)\s+)?"
    r"(?:relapse|recurrence|progression)\b){0,2}"
)
_PROOF_TIME = re.compile(
    r"\b" + _WHEN + r"(?:(?:original|initial|primary|first)\s+(?:diagnosis|presentation)\b" + _THEN
    + r"|diagnosis(?=\s*,?\s*(?:or|and/or)\s+(?:at\s+)?(?:the\s+time\s+of\s+)?(?:relapse|recurrence)\b)" + _THEN + r")",
    I,
)
_PROOF = re.compile(r"histolog|cytolog|patholog|biops|verif|confirm|proven|proof|documented", I)
_STAGE = re.compile(r"\bstage", I)


def blank_proof_time(text: str) -> str:
    """``text`` with each "at original diagnosis (or relapse)" that dates a diagnosis's proof
    blanked (offsets kept). Pure."""
    low = text.lower()
    if "diagnosis" not in low and "presentation" not in low:
        return text
    out = text
    for m in _PROOF_TIME.finditer(text):
        before = text[max(0, m.start() - 80): m.start()]
        if _PROOF.search(before) and not _STAGE.search(before):
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out
