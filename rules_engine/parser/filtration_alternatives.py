"""Rewrites of a kidney filtration bound offered two ways (rows of ``normalize._SUBS``: pattern,
replacement, gate words).

* the same number per square metre and per 1.73 square metres ("Creatinine clearance or
  radioisotope GFR >60 ml/min/m2 or >60 ml/min/1.73 m2", the first sign sometimes lost: "GFR 40
  ml/min/m2 or >40 ml/min/1.73 m2"): a rate of N per square metre is 1.73 N per 1.73 square
  metres, so whoever meets the first meets the second, and the two together ask exactly the
  second. Read as written, the per-square-metre unit fit no filtration Eligo reads, the bound was a
  review and the "or" after it an unread requirement, so a normal creatinine never met the line.
* "... or an equivalent GFR as determined by the institutional normal range": a further
  alternative (the institution's own reading of a filtration rate), made the capital "OR" the
  line's alternatives are split at, so it stays an alternative for a person instead of a
  requirement beside the bounds (left, no patient met the line).

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

_PER_M2 = r"m[lL]\s?/\s?min(?:ute)?\s?/\s?m\s?(?:2|\^2)(?![\w.])"
_PER_173 = r"m[lL]\s?/\s?min(?:ute)?\s?/\s?1\.73\s?m\s?(?:2|\^2)(?![\w.])"

PER_M2_OR_PER_173 = (
    rf"(?:[<>≤≥]\s?)?(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?)\s?{_PER_M2}\s?,?\s+or\s+(?P<op>[<>≤≥])\s?(?P=n)\s?{_PER_173}",
    r"\g<op> \g<n> mL/min/1.73 m2",
    ("1.73",),
)
EQUIVALENT_GFR = (
    r",?\s+or\s+(?=an?\s+equivalent\s+(?:GFR|glomerular\s+filtration\s+rate|creatinine\s+clearance)\b)",
    " OR ",
    ("equivalent",),
)

ROWS = (PER_M2_OR_PER_173, EQUIVALENT_GFR)
