"""When a group may enrol, by the study's own progress: "Patients 3 years of age and older are
eligible after 3 patients (age 15 or older) have been treated and did not experience a dose
limiting toxicity. Patient 3 to 15 years of age will follow the dose escalation schema independent
of the adults."

The patients counted ("3 patients (age 15 or older)") are others, already treated: their age is no
bound on this patient, and whether the study has reached that point is no record's fact (a
review, never met on its strength). A sentence saying which dose schema a group follows asks
nothing of the patient. Read as clauses, the line asked "age >= 3 and age >= 15 and age between 3
and 15" of every patient, and no one met it.

The rest of the line is read as it stands ("Patients 3 years of age and older are eligible": age
>= 3), so a patient it excludes is still not met.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Review, ReviewReason
from rules_engine.parser.items import all_of
from rules_engine.parser.line_reader import read_expr

_COUNT = r"(?:\d{1,3}|one|two|three|four|five|six|ten)"
_AFTER_TREATED = re.compile(
    r"\s+(?:only\s+)?after\s+(?:the\s+first\s+)?" + _COUNT + r"\s+(?:adult\s+|evaluable\s+)?(?:patients?|subjects?|participants?)"
    r"(?:\s*\([^()]{0,40}\))?\s+(?:have|has)\s+been\s+(?:treated|enrolled|dosed|evaluated)\b[^.;]{0,160}",
    re.I,
)
_ELIGIBLE_BEFORE = re.compile(r"\b(?:are|is|will\s+be|becomes?)\s+eligible\s*$", re.I)
# "Patient 3 to 15 years of age will follow the dose escalation schema independent of the adults"
_SCHEMA_NOTE = re.compile(
    r"(?:^|(?<=[.;]))\s*(?:patients?|subjects?|participants?|children|adolescents|adults)\b[^.;]{0,60}?\bwill\s+(?:follow|be\s+treated\s+(?:on|according\s+to))\s+"
    r"(?:the\s+|a\s+|their\s+own\s+|a\s+separate\s+)?(?:same\s+|separate\s+)?(?:dose[\s-]+escalation\s+|dosing\s+)?(?:schema|scheme|schedule)\b[^.;]{0,80}[.;]?",
    re.I,
)


def study_sequence(text: str, ctype: CriterionType) -> Expr | None:
    """An inclusion that lets a group in once the study has treated others; None otherwise."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _AFTER_TREATED.search(text)
    if m is None or not _ELIGIBLE_BEFORE.search(text, 0, m.start()):
        return None
    rest = _SCHEMA_NOTE.sub(" ", text[: m.start()] + text[m.end():]).strip(" ,;.")
    condition = Review(ReviewReason.AMBIGUOUS, "whether the study has reached this point: " + m.group(0).strip())
    if not rest:
        return condition
    return all_of([read_expr(rest, ctype), condition])
