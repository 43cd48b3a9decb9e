"""An antecedent hematologic disorder (AHD): the myeloid disorder an AML arose from ("Antecedent
hematologic disorder preceding initial presentation of AML or therapy related AML", "AML secondary
to an antecedent hematologic disorder", "Age >= 70 years; or AHD"; about 10 corpus lines, the
leukaemia trials' exclusions and risk factors; issue 14).

Why the disorders themselves: the words name what came before the AML, and a record holds it as
its own condition (an MDS, a myeloproliferative neoplasm, a CMML or JMML, resolved or not, since
one that became the AML is often closed). Left unread, every AML patient was left to a person by a
line only a prior myeloid disorder meets, and a patient with an MDS on record before the AML passed
an exclusion of it. Read as ``secondary_aml``, such a record stays open (derive.OPEN_BESIDE), and
a therapy-related AML, which that concept also covers, would meet words that name no therapy.

What stays out: an antecedent disorder listed as one *origin* an AML may have ("AML, including de
novo, secondary, or with an antecedent hematologic disorder"): every AML is eligible there, and
the disorders are no further requirement (left to the diagnosis's own reading, as before).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import Expr, Op, Window
from rules_engine.parser.items import Item, all_of, any_of, predicate

I = re.IGNORECASE

# the disorders "antecedent hematologic disorder" names in the AML classifications (WHO, ELN): the
# myelodysplastic and myeloproliferative neoplasms and the overlap ones between them
DISORDERS = ("mds", "mpn", "cmml", "jmml")
_LIFETIME = Window(100.0, "years")

ANTECEDENT = re.compile(
    r"\b(?:an\s+|any\s+)?antecedent\s+(?:hematolog(?:ic|ical)|haematolog(?:ic|ical)|myeloid|marrow)\s+(?:disorders?|diseases?|malignanc(?:y|ies)|neoplasms?)"
    r"(?:\s*[(\[]\s*AHDs?\s*[)\]])?"
    # (what it preceded, restated: "preceding initial presentation of AML")
    r"(?P<aml>\s+(?:preceding|before|prior\s+to)\s+(?:the\s+)?(?:initial\s+)?(?:presentation|diagnosis|onset)\s+of\s+(?:the\s+)?(?:AML|acute\s+myeloid\s+leuka?emia)\b)?"
    r"|\b(?:hematolog(?:ic|ical)|haematolog(?:ic|ical)|myeloid)\s+(?:disorders?|diseases?)\s+antecedent(?=\s+to\b)"
    r"|(?-i:\bAHDs?\b)",
    I,
)
# what a therapy or transplant was for ("bone marrow transplant for any prior hematological disorder
# antecedent to AML", "Prior treatment for AML or an AHD"): the therapy's indication, no disorder asked
_FOR_BEFORE = re.compile(r"\bfor\s+(?:(?:an?|any|the|prior|previous|AML|acute\s+myeloid\s+leuka?emia|or|and|,)\s*)*$", I)
# an origin among others an AML may have: "including de novo, secondary, or with an AHD"
_ORIGIN_LIST = re.compile(r"\b(?:de\s+novo|including|includes)\b", I)


def antecedent_disorder() -> Expr:
    """A myeloid disorder on record, active or resolved."""
    return any_of([p for c in DISORDERS for p in (predicate(c, Op.PRESENT), predicate(c, Op.WITHIN, None, None, False, _LIFETIME))])


def antecedent_disorder_items(text: str, free: Callable[[int, int], bool]) -> list[Item]:
    items: list[Item] = []
    for m in ANTECEDENT.finditer(text):
        before = text[max(0, m.start() - 80): m.start()]
        if not free(m.start(), m.end()) or _ORIGIN_LIST.search(before) or _FOR_BEFORE.search(before):
            continue
        if m.group("aml"):  # the AML it preceded, named: both asked (an MDS alone preceded no AML)
            items.append(Item(m.start(), m.end(), all_of([predicate("aml", Op.PRESENT), antecedent_disorder()]), frozenset({"aml", *DISORDERS})))
            continue
        items.append(Item(m.start(), m.end(), antecedent_disorder(), frozenset(DISORDERS)))
    return items
