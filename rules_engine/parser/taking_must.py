"""Lines that ask something of the patients taking a drug: "Patients taking NSAIDs must be able to
discontinue use 2 days prior ...", "Patients receiving therapeutic anticoagulation should be
switched to low molecular weight heparin", "Patients on anti-coagulation must be able to safely
stop treatment for purposes of tumor biopsy".

Such a line asks nothing of a patient who does not take the drug: for him the inclusion holds.
Whether one who does can stop or switch it is no record's fact, so for him it is a person's. Read
as a plain clause, the drug became something every patient must take ("NSAID-therapy and
<review>"), and every patient without it failed the line (found in the holdout; 6 corpus lines of
this shape among 28 that ask a drug be stopped). An exclusion's "Patients taking herbal supplements
should discontinue these" is read as it was (the drug beside the review: at most unknown).
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, Predicate, ReviewReason
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, any_of, content_words
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.safety import Alternative

# "Patients (currently / already) taking X must (be able to / be willing to) (safely) discontinue
# ...", "Patients on X they must be able to safely stop ...", "... should be switched to ..."
_TAKING_MUST = re.compile(
    r"^\W*(?:all\s+)?(?:patients?|subjects?|participants?|those)\s+(?:who\s+are\s+)?(?:(?:currently|already)\s+)?"
    r"(?:taking|receiving|using|on|treated\s+with)\s+(?P<cond>[^,:;.]{2,90}?)\s+(?:(?:they|he\s+or\s+she)\s+)?"
    r"(?:must|should|shall|will\s+need\s+to|need\s+to|are\s+required\s+to)\s+"
    r"(?P<req>(?:(?:be\s+(?:able|willing)\s+to|agree\s+to)\s+)?(?:safely\s+)?(?:discontinue|stop|switch|hold|withhold|interrupt|taper)\b[^\n]*"
    r"|be\s+(?:switched|discontinued|stopped|changed)\b[^\n]*)$",
    I,
)
# the words that may stand beside the drugs the condition names ("concomitant", "medications")
_DRUG_WORDS = frozenset({"concomitant", "concurrent", "chronic", "regular", "daily", "any", "the", "a", "an", "medications", "medication", "drugs", "drug", "agents", "therapy", "treatment", "use", "of"})


def drug_condition(text: str, ctype: CriterionType) -> Expr | None:
    """An inclusion asking something of the patients taking a drug: "not <drug>, or a person's
    word on stopping it" (``Alternative``: for a patient with the drug the line is unknown, never
    failed). None for any other line, or when the drug is not read whole."""
    if CriterionType(ctype) is not CriterionType.INCLUSION:
        return None
    m = _TAKING_MUST.match(text)
    if m is None:
        return None
    cond = m.group("cond")
    items = [it for it in extract(cond, CriterionType.EXCLUSION) if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT]
    if not items:
        return None
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    if {w.lower() for w in content_words(blank_remarks(masked))} - _DRUG_WORDS:
        return None
    drugs = any_of([it.expr for it in items])  # type: ignore[misc]
    asked = Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"for a patient taking it: {' '.join(m.group('req').split())}")
    return any_of([Not(drugs), asked])
