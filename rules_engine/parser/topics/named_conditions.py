"""Conditions exclusions name that the history table had no row for: an infection of the central
nervous system ("Known active meningeal infection", "Other opportunistic infection of the central
nervous system", "bacterial meningitis") and dystonia ("Previous history of dystonic reaction").
Before these rows the first was read as any active infection with its site left a review (so no
record decided it), the second left wholly to a person.

Each is a concept with its ICD-10-CM and SNOMED CT codes (codes.toml): ``cns_infection``
(meningitis G00-G03, abscess G06-G07, the infections of the nervous system A17, A83-A89 and the
named meningitides and encephalitides of A and B), a kind of active infection, and ``dystonia``
(G24), a kind of CNS disorder. The rows are read by the history table of ``events``, so each
keeps every rule of a history item (an exclusion reads it wherever named, an inclusion only
where it asks about it, a window beside it holds, what narrows it, "active", "opportunistic",
stays a review beside it).

A meningitis of a cancer ("carcinomatous", "leukemic", "lymphomatous", "neoplastic" meningitis)
is the leptomeningeal disease ``events`` reads; the row never takes those words. An encephalitis
named alone is left unread: it may be autoimmune, which no infection code covers.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

_NOT_THE_PATIENTS = r"(?<!associated with )(?<!risk of )(?<!risk for )(?<!potential )(?<!induced )(?<!family history of )"
# a meningitis of a cancer (events' leptomeningeal disease), never an infection
_NOT_A_CANCER = (
    r"(?<!carcinomatous )(?<!carcinomatosis )(?<!leukemic )(?<!leukaemic )(?<!lymphomatous )(?<!neoplastic )"
    r"(?<!malignant )(?<!leptomeningeal )(?<!metastatic )(?<!tumor )(?<!tumour )"
)

# (concept, pattern, gate words one of which the clause must hold)
NAMED_CONDITIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cns_infection",
     _NOT_THE_PATIENTS + r"\bmeningeal\s+infections?\b"
     r"|" + _NOT_THE_PATIENTS + _NOT_A_CANCER + r"\b(?:(?:bacterial|viral|fungal|cryptococcal|tuberculous|infectious|septic)\s+)?(?<![-\w])meningitis\b"
     r"|" + _NOT_THE_PATIENTS + r"\b(?:CNS|central\s+nervous\s+system)\s+infections?\b"
     r"|" + _NOT_THE_PATIENTS + r"\binfections?\s+of\s+the\s+(?:CNS|central\s+nervous\s+system|brain|meninges)\b"
     r"|" + _NOT_THE_PATIENTS + r"\b(?:brain|cerebral|intracranial)\s+abscess(?:es)?\b",
     ("mening", "infection", "abscess")),
    ("dystonia", _NOT_THE_PATIENTS + r"\bdystoni(?:as?|c\s+reactions?)\b", ("dystoni",)),
)

NAMED_CONCEPTS = frozenset(c for c, _p, _g in NAMED_CONDITIONS)
