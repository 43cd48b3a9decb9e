"""An exclusion's bracket that states the condition on which the excluded patients may enter,
said as a duty or a judgement rather than a permission.

"Uncontrolled or symptomatic brain metastases (patients may be considered adequately controlled
if on a stable steroid dose for at least 30 days)", "Symptomatic brain metastases or spinal cord
compression (patients must be treated and stable off steroids and anti-convulsants for at least 1
month prior to entry)", "(patients with a history of brain metastases must be clinically stable
... on a dose of steroids ...)": the bracket says which of the patients the line names are let in,
as "(except patients on a stable steroid dose ...)" says it. Read as written, its therapy
became one more condition of the exclusion: a patient with brain metastases and no steroids was
not excluded (and one still on steroids was, turned round, let in by "stable off steroids"). Here
the bracket is said as the exception it is (``exceptions`` reads it), so its
condition is an exception of the line and what it leaves unread a person's.

Exclusions only: among the inclusions "(patients must be ...)" is one more requirement, and said
as a permission it would let in the patients it turns away. A bound after "must be" ("(Subjects
with Gilbert's syndrome total bilirubin must be <= 4 x ULN)") is a scoped limit, left to its own
readers. Only a condition that names a treatment (steroids, anticonvulsants, "treated", radiation,
surgery): that is what became a conjunct; a condition of another kind ("(patients must be afebrile
for > 48 hours off antibiotics)" after "infection or sepsis") was no condition of the line's reading,
and said as a permission its disease went unread. Every pattern is literals and bounded character classes; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType
from rules_engine.parser.items import I

_WHO = r"(?P<who>(?:the\s+)?(?:patients?|subjects?|participants?)(?:\s+(?:with|who\s+have(?:\s+had)?)\s+[^()]{1,100}?)?)"
# "(patients may be considered adequately controlled if on a stable steroid dose ...)"
_CONSIDERED_IF = re.compile(
    r"\(\s*" + _WHO + r"\s+(?:may|can|will)\s+be\s+considered\s+[^()]{0,60}?\bif\s+(?:they\s+are\s+)?(?P<cond>[^()]{3,300}?)\s*\.?\s*\)", I
)
# "(patients must be treated and stable off steroids ...)": no bound straight after "must be"
_MUST_BE = re.compile(
    r"\(\s*" + _WHO + r"\s+(?:must|should)\s+be\s+(?![≤≥<>=]|(?:less|greater|more|at\s+(?:least|most)|no\s+more|within|between|discussed|approved)\b)"
    r"(?P<cond>[^()]{3,300}?)\s*\.?\s*\)",
    I,
)


_TREATMENT = re.compile(
    r"\b(?:(?:cortico)?steroids?|dexamethasone|prednison\w*|anti-?\s?convulsants?|anti-?\s?epileptics?|anti-?\s?seizure|treated|treatment|therap\w*"
    r"|radiation|radiotherapy|radiosurgery|surgery|resect\w*)\b",
    I,
)


def _said_as_permission(m: re.Match[str], said: str) -> str:
    return said if _TREATMENT.search(m.group("cond")) else m.group(0)


def eligible_conditions(norm: str, ctype: CriterionType) -> str:
    """``norm`` with an exclusion's condition bracket said as the permission it is (see the module)."""
    if ctype is not CriterionType.EXCLUSION or "(" not in norm:
        return norm
    low = norm.lower()
    if "considered" in low:
        norm = _CONSIDERED_IF.sub(lambda m: _said_as_permission(m, f"(except {m.group('who')} {m.group('cond')})"), norm)
    if "must be" in low or "should be" in low:
        norm = _MUST_BE.sub(lambda m: _said_as_permission(m, f"(except {m.group('who')} who are {m.group('cond')})"), norm)
    return norm
