"""Which body weight a calculation takes: an instruction to whoever computes a value, not a
criterion of the patient ("If using creatinine clearance, actual body weight should be used for
calculating creatinine clearance (eg, using the Cockroft-Gault formula). For subjects with a Body
Mass Index (BMI) > 30 kg/m2, lean body weight should be used instead.").

Read as clauses of the line, the second sentence became a bound "BMI > 30 kg/m2" the patient had
to meet beside the creatinine, beside a review of the rest: every patient with a BMI of 30 or less
on record failed the line (three corpus trials of one sponsor's template). Like a formula's own
text (``formulas``), the instruction is taken out of the line before it is split; what the line
asks of the patient stands before it. Patterns are bounded and not nested (linear in the line's
length).
"""

from __future__ import annotations

import re

_INSTRUCTION = re.compile(
    # who or what it is for: "If using creatinine clearance, ", "For subjects with a BMI > 30 kg/m2, "
    r"(?:(?:if|when)\s+using\s+[^.;,]{1,60},\s*|for\s+(?:subjects|patients|participants|those)\s+with\s+[^.;,]{1,80},\s*)?"
    r"(?:the\s+)?(?:actual|ideal|lean|adjusted|total)\s+body\s+weight\s+(?:should|must|will|shall)\s+be\s+used\b"
    # to the sentence's end: a full stop before a capital or the text's end ("(eg. using ..." runs on)
    r"(?:[^.;]|\.(?!\s+(?-i:[A-Z])|\s*$)){0,160}(?:[.;]|$)",
    re.IGNORECASE,
)


def strip_weight_instructions(text: str) -> str:
    """``text`` without its sentences saying which body weight a calculation takes."""
    if "body weight" not in text.lower():
        return text
    return " ".join(_INSTRUCTION.sub(" ", text).split())
