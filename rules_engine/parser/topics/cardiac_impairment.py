"""An impaired function of the heart, as exclusions name it bare: "Impaired cardiac function",
"Patient must not have impaired cardiac functions", "impaired heart function", "Impaired cardiac
function or clinically significant cardiac disease", "Clinically significant cardiac impairment"
(about 15 corpus lines, each left wholly to a person before this reader).

What the words mean is the heart failing at its work, so two things on record settle that the
patient has it, whatever else the line may also mean by it: an ejection fraction below every
lab's lower limit of normal (< 45 %, ``labs.LVEF_SURELY_LOW``: the reading of "cardiac
dysfunction", ``organ_disease.cardiac_dysfunction_items``) and a diagnosis of heart failure (the
heart's impaired function by definition). Anything else (a patient with neither) stays a
person's review: the line is never decided against a patient on a guess, and never cleared
either, since it may mean more than the record can show.

A function the line goes on to define or list ("Impaired cardiac function, including any one of
the following:", "as evidenced by baseline echocardiogram", "with NYHA classification >= II", "was
defined in the protocol") is what those words say, read by their own readers; joined to them, the
review would hide a listed kind the record holds.

The pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Not, Op, Review, ReviewReason
from rules_engine.parser.items import NEGATED, I, Item, any_of, predicate
from rules_engine.parser.topics.labs import LVEF_SURELY_LOW

_IMPAIRED_HEART = re.compile(
    r"(?<!risk of )(?<!risk for )(?<!associated with )(?<!family history of )"
    r"\b(?:impaired\s+(?:cardiac|heart)\s+functions?|impairment\s+of\s+(?:the\s+)?(?:cardiac|heart)\s+functions?"
    r"|(?:cardiac|heart)\s+(?:function\s+)?impairment)\b"
    r"(?!\s*,?\s*(?::|including\b|such\s+as\b|e\.\s?g\.|i\.\s?e\.|defined\b|(?:as|was|is|are|were)\s+defined\b|documented\b"
    r"|(?:as\s+)?(?:evidenced|shown|demonstrated|measured|determined|assessed)\b|with\b|\(|due\s+to\b))",
    I,
)
# a heading whose lines below list the kinds ("Impaired cardiac function or clinically significant
# cardiac diseases, including any one of the following:", "... at baseline, including any of the
# following:", a clause the parser hands over as "... at baseline, including"): the lines decide, and the heading's own reading joined to them hid a listed kind
HEADING = re.compile(r"(?:\bfollowing|\bbelow|\bincluding|\bsuch\s+as|:)\s*[:.,]?\s*$", I)
# an intolerance that follows from it ("intolerance to hydration due to preexisting pulmonary or
# cardiac impairment"): the impairment is a cause named for something else, not asked alone
_CAUSE_BEFORE = re.compile(r"\bdue\s+to\b[^.;]{0,60}$", I)


def cardiac_impairment_items(text: str, ctype: CriterionType) -> list[Item]:
    """Each bare "impaired cardiac function" an exclusion names (or an inclusion negating it)."""
    low = text.lower()
    if "impair" not in low or ("cardiac" not in low and "heart" not in low):
        return []
    if ctype is CriterionType.INCLUSION and NEGATED.match(text) is None or HEADING.search(text):
        return []
    out: list[Item] = []
    for m in _IMPAIRED_HEART.finditer(text):
        if _CAUSE_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            continue
        expr = any_of([
            Not(predicate("lvef", Op.GTE, LVEF_SURELY_LOW, "%")),
            predicate("heart_failure", Op.PRESENT),
            Review(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(m.group(0).split())),
        ])
        out.append(Item(m.start(), m.end(), expr, frozenset({"lvef", "heart_failure"})))
    return out
