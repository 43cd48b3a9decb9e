"""Ages of things, not of the patient: "tumor archival material (< 6 months old)", "tumor material
no more than 12 months old", "appendectomy, of at least three months old".

"N months old" after a sample, a scan or a procedure says how old that thing is (how recent a
biopsy must be), never how old the patient is. Read as the patient's age, "archival material
(< 6 months old)" asked for a patient under six months and failed every adult (4 corpus lines,
each a sample's or an operation's age). The age topic asks here whether a bound it found is
such a thing's age and drops it; the words stay for the line's other readers (a review).
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I


# the thing just before the bound, with no person named between them ("material (< 6 months old)",
# "material no more than 12 months old", "appendectomy, of at least 3 months old"): the noun, then
# at most 30 characters that name nobody (bounded; no repetition nests another)
_THING_BEFORE = re.compile(
    r"\b(?:material|samples?|specimens?|biops(?:y|ies)|tissues?|blocks?|slides?|scans?|images?|imaging|MRI|"
    r"appendectomy|surgery|resection|operation|procedure|ECG|EKG|echocardiogram|tests?)\b"
    r"(?P<between>[^.;:]{0,30})$",
    I,
)
_PERSON = re.compile(r"\b(?:patients?|subjects?|participants?|children|adults?|men|women|males?|females?|aged?)\b", I)
# the bound states an age with "old" after it ("6 months old"), the thing's age
_OLD_AFTER = re.compile(r"[\w\s]{0,12}?\bold\b", I)


def thing_age(text: str, start: int, end: int) -> bool:
    """Whether the age bound at ``text[start:end]`` is a thing's age ("material (< 6 months
    old)"): a thing noun just before it, no person between, and "old" closing the bound."""
    tail = text[end: end + 14]
    if not (_OLD_AFTER.match(tail) or re.search(r"\bold\b", text[start:end], I)):
        return False
    before = _THING_BEFORE.search(text, max(0, start - 60), start)
    return before is not None and not _PERSON.search(before.group("between"))
