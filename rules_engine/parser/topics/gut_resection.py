"""The operated stomach or small bowel an oral drug's exclusion names: "resection of the stomach or
small bowel", "Major resection of the stomach or small bowel that could affect the absorption of
pazopanib", "small bowel resection", "gastric resection" (issue 14; about 30 corpus lines, most
of them the oral kinase-inhibitor template "Unable to swallow capsules, disease significantly
affecting gastrointestinal function, or resection of the stomach or small bowel, ...").

Before this reader the words were an unsupported review ("resection of the stomach") beside an
unread one ("small bowel"), so no record, however clean, decided the line. A hospital records an
operated gut (``gi_resection``: the acquired absence of part of the stomach Z90.3 or of another
part of the tract Z90.49, an intestinal bypass or anastomosis Z98.0, a stoma Z93.2-Z93.4,
bariatric surgery Z98.84) and a gastrectomy by its codes or its name, and a procedure absent
from the record is absent (contract, section 4). So:

* no operated gut on record: not met (nothing resected);
* a gastrectomy, where the line names the stomach: met (it is the resection of the stomach,
  and any gastrectomy is a major one);
* any other operated gut: a person's, since the record's Z90.49 or stoma may be of the colon,
  which the line does not name (and "major", where written, is a person's as well).

Read where the line excludes it: an exclusion, or an inclusion negating it from its lead ("No
resection of the stomach"). An inclusion that names it otherwise ("Able to swallow ... and does
not have any ... abnormalities ... such as major resection of the stomach") is not read: as a
requirement it would turn away every patient without one.

The pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op, ReviewReason
from rules_engine.parser.items import NEGATED, I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

_ORGAN = r"(?:stomach|small\s+(?:bowel|intestines?)|(?:upper\s+)?bowels?|intestines?)"
_RESECTION = re.compile(
    r"(?:\b(?P<major>major|extensive|significant)\s+)?(?:\b(?:surgical\s+)?(?:resection|removal)\s+of\s+(?:the\s+|a\s+)?"
    + _ORGAN + r"(?:\s*(?:,|/|or|and|and/or)\s*(?:the\s+)?" + _ORGAN + r"){0,2}"
    # "small bowel resection", "gastric and small intestine resection", "bowel or stomach resection"
    r"|\b(?:(?:gastric|stomach|(?:small[\s-]+)?(?:bowel|intestin(?:e|al)))\s+(?:and|or|and/or|/)\s+)?"
    r"(?:small[\s-]+(?:bowel|intestin(?:e|al))|gastric|stomach)\s+resections?)\b",
    I,
)
_WHICH = "whether the operated gut on record is the resection the line names (the stomach or small bowel, not the colon)"


def gut_resection_items(text: str, ctype: CriterionType) -> list[Item]:
    """Each resection of the stomach or small bowel ``text`` names where it excludes it (see the
    module's doc)."""
    low = text.lower()
    if "resection" not in low and "removal" not in low:
        return []
    if CriterionType(ctype) is CriterionType.INCLUSION and NEGATED.match(text) is None:
        return []
    out: list[Item] = []
    for m in _RESECTION.finditer(text):
        words = m.group(0).lower()
        if "stomach" not in words and "gastric" not in words and "bowel" not in words and "intestin" not in words:
            continue
        other: list[Expr] = [predicate("gi_resection", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, _WHICH)]
        if m.group("major"):
            other.append(Qualifier(ReviewReason.JUDGEMENT, m.group("major")))
        parts: list[Expr] = [all_of(other)]
        if "stomach" in words or "gastric" in words:
            parts.insert(0, predicate("gastrectomy", Op.PRESENT))
        out.append(Item(m.start(), m.end(), any_of(parts), frozenset({"gi_resection", "gastrectomy"})))
    return out
