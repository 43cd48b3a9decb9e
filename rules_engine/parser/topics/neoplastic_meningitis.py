"""A cancer's spread to the meninges named as a meningitis of no one cancer: "Diagnosis of
neoplastic meningitis secondary to leukemia, lymphoma ..., or solid tumor", "malignant meningitis"
(about 5 corpus lines; issue 14, holdout T135).

Why: the events topic reads "carcinomatous meningitis" as leptomeningeal disease and "leukemic
meningitis" as the leukaemia's CNS involvement (how hospitals code a leukaemia in the
cerebrospinal fluid), but "neoplastic" (or "malignant") meningitis, which holds both, stayed
unread: a patient with no CNS disease on record was left to a person for a line only a
meningitis can meet.

The reading:
* "neoplastic" / "malignant meningitis": leptomeningeal disease, or a leukaemia's CNS
  involvement (a leukaemia on record beside it); a lymphoma's CNS involvement may sit in the
  brain itself and stays open through the leptomeningeal concept (``derive.OPEN_BESIDE``).
* "lymphomatous meningitis" is left as it was: the corpus writes it as one kind of an inclusion's
  list ("CNS lymphoma, ocular lymphoma, lymphomatous meningitis", which the joins would ask at
  once) or as the subject of a permission ("HIV-positive patients with AIDS-related lymphomatous
  meningitis are eligible", whose reader takes its subject whole), never as an exclusion.
A record with neither is absent, so the line is not met; a line that names the meningitis as
what was treated ("treatment of neoplastic meningitis") is another reading's (its therapy).
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Op
from rules_engine.parser.items import I, Item, all_of, any_of, predicate

GATE = re.compile(r"meningitis", I)
_MENINGITIS = re.compile(r"\b(?P<any>neoplastic|malignant)\s+meningitis\b", I)
# the meningitis as what the line lets in ("Patients with neoplastic meningitis are eligible"): a
# permission's subject, which its own reader keeps
_PERMITTED_AFTER = re.compile(r"[^.;]{0,60}?\b(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|permitted)\b", I)
# the meningitis as what a therapy was for ("for treatment of neoplastic meningitis")
_TREATED = re.compile(r"\b(?:for|treatment\s+of|therapy\s+(?:of|for)|treat|treating|treated)\s+(?:the\s+)?$", I)
_LEUKEMIAS = ("acute_leukemia", "cll", "cml")
# the causes written after it when they are every cancer ("secondary to leukemia, lymphoma
# (including AIDS-related lymphoma), or solid tumor (including primary CNS tumors ...)"): no
# narrowing, part of the name (a narrower list is left to the line's other readers)
_CAUSE = r"(?:leuka?emias?|lymphomas?|solid\s+tumou?rs?|carcinomas?|cancers?)(?:\s*\([^()]{0,120}\))?"
_EVERY_CAUSE = re.compile(
    r"\s*,?\s+(?:secondary\s+to|due\s+to|arising\s+from|from)\s+(?:an?\s+|any\s+)?" + _CAUSE
    + r"(?:\s*(?:,|\bor\b|,\s*or\b|/|\band/or\b)\s*(?:an?\s+)?" + _CAUSE + r"){1,4}",
    I,
)


def meningitis_items(text: str, ctype: CriterionType) -> list[Item]:  # noqa: ARG001 (the topics' signature)
    items: list[Item] = []
    for m in _MENINGITIS.finditer(text):
        if _TREATED.search(text, max(0, m.start() - 30), m.start()) or _PERMITTED_AFTER.match(text, m.end()):
            continue
        end = m.end()
        causes = _EVERY_CAUSE.match(text, end)
        if causes is not None:
            said = causes.group(0).lower()
            if "leuk" in said and "lymphoma" in said and re.search(r"solid|carcinoma|cancer", said):
                end = causes.end()
        lepto = predicate("leptomeningeal_disease", Op.PRESENT)
        leukemic = all_of([predicate("cns_involvement", Op.PRESENT), any_of([predicate(c, Op.PRESENT) for c in _LEUKEMIAS])])
        items.append(Item(m.start(), end, any_of([lepto, leukemic]), frozenset({"leptomeningeal_disease", "cns_involvement", *_LEUKEMIAS})))
    return items
