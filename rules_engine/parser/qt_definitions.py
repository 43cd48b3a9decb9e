"""A marked QT prolongation defined by the QTc bound written beside it.

A cardiac template recurs across sponsors: "No marked baseline prolongation of QT/QTc interval
(e.g., repeated demonstration of a QTc interval > 500 msec)", "marked screening or baseline
prolongation of QT/QTc interval using the Fridericia formula (ie, repeated demonstration of a
QTc interval > 450 msec)", "... defined as repeated demonstration of a QTc interval >= 450 ms
(males) and >= 460 ms (females)", "... , for example repeated demonstration of a QTc interval >
500 msec" (9 corpus lines, holdout T145). The prolongation is what the bound defines, and
"repeated demonstration of" says how it is established (on more than one ECG), as "mean of
triplicate" does: the QTc on record is the value compared. Read as written, the subject's words
and the method were reviews beside the bound, so a QTc of 520 ms left the exclusion unknown and
one of 420 ms left the inclusion unknown.

The subject and the example word are taken off (the bracket they open with them), leaving the
bound: "No QTc interval > 500 msec". A subject with no QTc bound after it stays as written.
Every repeat is bounded and no group repeats inside another.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

_QT_NAME = (
    r"(?:Q\s+wave\s*,\s*T\s+wave\s*\(\s*QT\s*\)\s*/\s*Corrected\s+QT\s+Interval\s*\(\s*QTc\s*\)|QT\s*/\s*QTc|QTc|QT)"
    r"(?:\s+intervals?)?"
)
_FORMULA = (
    r"(?:\s+(?:using|by|with)\s+(?:the\s+)?(?:Fridericia|Bazett)(?:['’]s)?(?:\s+(?:formula|correction|method)){1,2})?"
)
_EXAMPLE = r"(?:e\.?\s?g\.?|i\.?\s?e\.?|for\s+example|such\s+as|defined\s+as|as\s+defined\s+by)"
_SUBJECT = re.compile(
    rf"\b(?:an?\s+)?marked\s+(?:(?:screening|baseline)\s+(?:(?:or|and)\s+)?){{0,2}}prolongation\s+of\s+(?:the\s+)?{_QT_NAME}{_FORMULA}"
    rf"\s*(?P<open>\(\s*)?,?\s*(?:{_EXAMPLE}\s*,?\s*)?(?:by\s+)?(?:repeated\s+demonstrations?\s+of\s+(?:an?\s+)?)?(?=QTc\b)",
    I,
)
# the method alone before a QTc bound ("or repeated demonstration of a QTc interval > 450 msec")
_REPEATED = re.compile(r"\brepeated\s+demonstrations?\s+of\s+(?:an?\s+)?(?=QTc\b)", I)
_BOUND_AFTER = re.compile(r"QTc[^;()<>≤≥]{0,40}?(?:[<>≤≥]|\b(?:greater|more|longer|exceed\w*|above|over)\b)", I)


def _close_after(text: str, start: int) -> int | None:
    """The index of the bracket that closes one opened just before ``start``, if any."""
    depth = 0
    for k in range(start, min(len(text), start + 400)):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            if depth == 0:
                return k
            depth -= 1
    return None


def qt_definitions(text: str) -> str:
    """``text`` with a marked QT prolongation said by its QTc bound alone (see above)."""
    if "prolongation" not in text.lower() and "repeated" not in text.lower():
        return text
    m = _SUBJECT.search(text)
    if m is not None and _BOUND_AFTER.match(text, m.end()):
        if m.group("open"):
            close = _close_after(text, m.end())
            if close is not None:
                text = text[: m.start()] + text[m.end() : close] + text[close + 1 :]
        else:
            text = text[: m.start()] + text[m.end() :]
    return _REPEATED.sub("", text)
