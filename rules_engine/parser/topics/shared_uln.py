"""Two bounds of one lab with the multiple of the upper limit written once, after the second:
"total bilirubin > 1.5 but < 3 x ULN", "total bilirubin must be > 1.5 to 3 x ULN", "Bilirubin
> 1-1.5 x ULN" (3 corpus lines). With no unit of its own, the first number was read in the lab's
usual unit ("bilirubin > 1.5 mg/dL", which a patient with a normal bilirubin fails) and the second
was left unread. The "x ULN" after the second number is the first one's too: the band is written
out as two bounds the lab reader reads ("> 1.5 × ULN and < 3 × ULN"; "to" and "-" keep the upper
end, as a range does).
"""

from __future__ import annotations

import re

_BAND = re.compile(
    r"(?P<op>[>≥])\s*(?P<lo>\d{1,3}(?:\.\d{1,2})?)\s*(?P<join>but\s+[<≤]|and\s+[<≤]|to\b|-|–)\s*"
    r"(?P<hi>\d{1,3}(?:\.\d{1,2})?)\s*(?:[x×*]|times\b)\s*(?:the\s+)?(?:ULN|upper\s+limit\s+of\s+(?:the\s+)?normal)\b",
    re.I,
)


def _bounds(m: re.Match[str]) -> str:
    join = m.group("join")
    upper = "<" if "<" in join else "≤"
    return f"{m.group('op')} {m.group('lo')} × ULN and {upper} {m.group('hi')} × ULN"


def shared_uln_bands(text: str) -> str:
    """``text`` with every two-bound band that writes "x ULN" once written as two bounds."""
    return _BAND.sub(_bounds, text) if "ULN" in text or "upper" in text else text
