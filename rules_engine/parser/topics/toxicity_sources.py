"""The therapies a toxicity comes from, named in a requirement to have recovered from it.

"All adverse events of any prior chemotherapy, surgery, or radiotherapy, must have resolved to
Grade ≤ 2", "Complete recovery from prior chemotherapy side effects to < Grade 2", "All adverse
events associated with prior systemic therapy or radiation therapy must have resolved to ≤ Grade
1": the therapies say where the toxicity the record grades came from; they ask no therapy of the
patient. Read as requirements (or as alternatives beside the grade), a patient never given
radiotherapy failed the line, and one given surgery met it whatever his toxicity grade.

Only where the line asks a grade or a recovery: the toxicity word, its preposition and "prior"
lead in; the therapy words up to the verb or a stop are taken as read and ask nothing. Bounded
literals and one lazy bounded span each; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I, Item

_TOXICITY = r"(?:adverse\s+(?:events?|effects?|reactions?)|AEs?|toxicit(?:y|ies)|side[\s-]+effects?)"
_LEAD = (
    # (a bracket may stand between the toxicity and its source, the grade written in it:
    # "toxicities (i.e. > CTCAE grade 2) from previous chemotherapy and/or radiotherapy",
    # "Unresolved toxicity (Grade <=1) from prior chemotherapy")
    _TOXICITY + r"(?:\s*\([^()]{1,120}\))?\s+(?:of|from|due\s+to|related\s+to|associated\s+with|caused\s+by|attribut(?:ed|able)\s+to)\s+"
    r"(?:(?:any|all|the)\s+)?(?:prior|previous|earlier)\s+"
)
# "toxicities of prior <therapies> must have resolved": the therapies run to the verb or a stop
_AFTER_LEAD = re.compile(
    r"\b" + _LEAD + r"(?P<list>[^.;:()\[\]]{3,120}?)(?=\s*,?\s*(?:must|should|has|have|had|are|is|were|to\s|resolved|recovered|at\s+least|prior\s+to|before|\()|\s*[.;:]|\s*$)",
    I,
)
# "recovery from prior chemotherapy side effects", "recovered from prior radiotherapy toxicities"
_BEFORE_TOXICITY = re.compile(
    r"\b(?:recover(?:y|ed)|resolution|resolved)\s+(?:from|of)\s+(?:(?:any|all|the)\s+)?(?:prior|previous)\s+"
    # (no comma: "recovery from prior surgery, and/or reduction of all AEs" recovers from the surgery itself)
    r"(?P<list>[^.,;:()\[\]]{3,80}?)\s+(?:related\s+)?" + _TOXICITY + r"\b",
    I,
)
# the therapy words inside such a list: the kinds named ("chemotherapy", "radiation therapy"); a bare
# "therapy" or "drug therapy" is the toxicity reader's own source ("from prior therapy") or another
# reading's ("including investigational drugs, administered more than 14 days before")
_THERAPY_WORD = re.compile(
    r"\b(?:chemotherap(?:y|ies)|radiotherap(?:y|ies)|radiation(?:\s+therap(?:y|ies))?|surgery|surgeries|immunotherap(?:y|ies)|irradiation)\b",
    I,
)
_ASKS_GRADE = re.compile(r"\bgrade\b|\bgr\.|\brecover|\bresol", I)


def toxicity_source_items(text: str) -> list[Item]:
    """Read-as-nothing items over the therapies a recovery's toxicity comes from (module doc)."""
    low = text.lower()
    if not ("prior" in low or "previous" in low or "earlier" in low) or not _ASKS_GRADE.search(text):
        return []
    out: list[Item] = []
    for pattern in (_AFTER_LEAD, _BEFORE_TOXICITY):
        for m in pattern.finditer(text):
            base = m.start("list")
            words = [Item(base + w.start(), base + w.end(), None, frozenset()) for w in _THERAPY_WORD.finditer(m.group("list"))]
            if words and pattern is _AFTER_LEAD:
                # (the lead too, "All adverse events of any prior": the toxicity's words, which the grade reads)
                out.append(Item(m.start(), base, None, frozenset()))
            out += words
    return out
