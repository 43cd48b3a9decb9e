"""A blood count reached without support for a stated time, read as the support's own window.

Registries bound a count and say it must stand without the support that raises it for a time:
"Platelets >= 75 x 10^9/L without transfusion support within 7 days", "hemoglobin >= 9 g/dL
without transfusions in the past 7 days", "ANC > 500/uL off cytokine support for at least 24
hours", "ANC >= 1000/uL independent of growth factor or transfusion support within 2 weeks of
screening", "(not receiving platelet transfusions for at least 7 days prior to enrollment)"
(about 40 corpus lines). Read as they came, the time was a review beside the count (unknown for
every record), a bound of its own ("for at least 2 weeks" became "platelets >= 2"), or the
support an inclusion's requirement ("independent of growth factor ... within 2 weeks": a growth
factor in the last 2 weeks was asked of every patient).

The count is the patient's only if no such support was given in that time, so the phrase is
rewritten as the requirement the parser already reads ("; no transfusion within 7 days;"): a
record with no support in the window is judged on its count, one with a transfusion in it fails
(a transfused count is not the count the line asks for). A support with no time ("without
transfusion support") stays a remark (``remarks``): how the value is reached, which the record's
value already is.

Only after a lower bound on a blood count (an inclusion's shape: "platelets >= ..."), so an
exclusion's "platelets < 50 x 10^9/L without transfusion" is never turned into a requirement.
Every repeat is bounded and no group repeats inside another, so the work is linear.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

# one support that raises a count
_ONE = (
    r"(?:(?:platelet|red\s+(?:blood\s+)?cells?|RBC|PRBC|blood)\s+)?transfusions?"
    r"|(?:(?:hematopoietic|haematopoietic|myeloid)\s+)?growth[\s-]+factors?"
    r"|cytokines?|G-?CSF|GM-?CSF|erythropoie(?:tin|sis[\s-]+stimulating\s+agents?)|EPO|ESAs?"
)
_SUPPORT = rf"(?P<what>(?:{_ONE})(?:\s*(?:,|/|or|and|and/or)\s*(?:{_ONE}))?)(?:\s+(?:support|therapy|administration))?"
_NEGATOR = r"(?:without|off|independent\s+of|not\s+(?:requiring|receiving|dependent\s+on)|no)\s+(?:any\s+|the\s+)?(?:need\s+for\s+)?(?:prior\s+)?"
_WHEN = (
    r"(?:for\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|≥\s*|>=\s*)?|within\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|prior\s+|preceding\s+)?"
    r"|(?:in|during)\s+(?:the\s+)?(?:past|last|previous|prior|preceding)\s+)"
    r"(?P<n>\d{1,3})\s*(?P<unit>hours?|hrs?|days?|weeks?|wks?|months?)"
)
# when the window ends, which "within" already reads from today ("prior to enrollment", "of screening")
_ANCHOR = (
    r"(?:\s+(?:prior\s+to|before|of|preceding)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:test(?:ing)?|tests|labs?|laborator\w*|assessments?|evaluations?|enrol+ment|registration|screening|study\s+entry|entry|"
    r"randomi[sz]ation|treatment|therapy|dosing|administration|day\s+1|consent))?"
)
_PHRASE = re.compile(rf"(?P<open>\(\s*)?{_NEGATOR}{_SUPPORT}\s+{_WHEN}{_ANCHOR}(?P<close>\s*\))?", I)

# a count bound from below just before ("Platelets >= 75 x 10^9/L ", "ANC > 500/uL ")
_COUNT = r"\b(?:platelets?|PLT|ANC|neutrophils?|granulocytes?|ha?emoglobin|Hg?b|Hb|WBC|white\s+(?:blood\s+)?cells?|leukocytes?|counts?)\b"
_LOWER = r"(?:>\s*/\s*=|>|≥|>=|=>|(?:greater|more)\s+than(?:\s+or\s+equal\s+to)?|above|over|at\s+least|of\s+at\s+least|no\s+less\s+than|not\s+less\s+than)"
# (the unit after the number may be bracketed: "Hemoglobin >= 8 gram/deciliter (g/dL) without ...")
_BOUND_BEFORE = re.compile(
    rf"{_COUNT}[^;:<≤()]{{0,40}}?{_LOWER}\s*\d(?:[^;:<≤()]|\([^;:<≤()]{{0,12}}\)){{0,40}}?\s*\(?\s*$", I
)
_GATE = re.compile(r"\b(?:without|off|independent|not\s+(?:requiring|receiving|dependent)|no)\b", I)


def _rewrite(text: str, m: re.Match[str]) -> str:
    what = re.sub(r"\s*(?:,|/|\band/or\b|\band\b|\bor\b)\s*", " or ", m.group("what"), flags=I)
    what = re.sub(r"\bcytokines?\b", "growth factor", what, flags=I)
    unit = m.group("unit").lower()
    unit = {"hrs": "hours", "hr": "hours", "wks": "weeks", "wk": "weeks"}.get(unit, unit)
    return f"; no {what} within {m.group('n')} {unit};"


def support_windows(text: str) -> str:
    """``text`` with each timed support after a count's lower bound written as its own window
    ("; no transfusion within 7 days;"); any other text as it was."""
    if not _GATE.search(text):
        return text
    out: list[str] = []
    at = 0
    for m in _PHRASE.finditer(text):
        lead = text[max(at, m.start() - 120) : m.start()]
        if not _BOUND_BEFORE.search(lead):
            continue
        if bool(m.group("open")) != bool(m.group("close")):
            # a bracket opened or closed by the phrase alone: keep the bracket where it was
            start = m.start("open") + len(m.group("open")) if m.group("open") else m.start()
            end = m.start("close") if m.group("close") else m.end()
            out.append(text[at:start])
            out.append(_rewrite(text, m))
            at = end
            continue
        out.append(text[at : m.start()])
        out.append(_rewrite(text, m))
        at = m.end()
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)
