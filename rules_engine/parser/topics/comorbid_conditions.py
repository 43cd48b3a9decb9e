"""Comorbid conditions registries exclude by name and hospitals code, which the history table had
no row for: "History of Gilbert's syndrome", "No clinical evidence of obstructive hydrocephalus",
"Myasthenia gravis", "Guillain-Barre syndrome", "History of sarcoidosis", "celiac disease",
"No history of esophageal varices" (each line left wholly to review before these rows).

Each is a concept with its ICD-10-CM codes and a SNOMED CT code (codes.toml):
``gilbert_syndrome`` (E80.4), ``hydrocephalus`` (G91, Q03) with its two kinds,
``obstructive_hydrocephalus`` (G91.1, Q03.0, Q03.1) and ``communicating_hydrocephalus`` (G91.0,
G91.2), ``myasthenia_gravis`` (G70.0), ``guillain_barre_syndrome`` (G61.0), ``sarcoidosis``
(D86), ``celiac_disease`` (K90.0) and ``esophageal_varices`` (I85). A hydrocephalus is either
communicating or obstructive (the concept's subtypes are exhaustive), so one coded without its
kind leaves "obstructive hydrocephalus" unknown, never absent.

The rows are read by the history table of ``events``, so each keeps every rule of a history item
(an exclusion reads it wherever named, an inclusion only where it asks about it, a window beside
it holds, what narrows it stays a review beside it). Gilbert's syndrome named as a cause a
bilirubin bound permits ("unless due to Gilbert's syndrome") is the labs' and exceptions' reading
(``items.NAMED_CAUSES``), which claims those words first. A risk of a condition or a condition a
drug may cause ("risk of", "associated with", "induced") is not the patient's and stays unread.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

_NOT_THE_PATIENTS = r"(?<!associated with )(?<!risk of )(?<!risk for )(?<!potential )(?<!induced )(?<!predisposition to )"

# (concept, pattern, gate words one of which the clause must hold)
COMORBID_CONDITIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("gilbert_syndrome", _NOT_THE_PATIENTS + r"\b(?:Gilbert(?:'s|’s|s)?|Meulengracht(?:'s|’s)?)\s+(?:syndrome|disease)", ("gilbert", "meulengracht")),
    # the kind first: "obstructive" (or "non-communicating") names the narrower concept
    ("obstructive_hydrocephalus", _NOT_THE_PATIENTS + r"\b(?:obstructive|non-?\s*communicating)\s+hydrocephalus", ("hydroceph",)),
    ("communicating_hydrocephalus", _NOT_THE_PATIENTS + r"\b(?:communicating|normal[\s-]+pressure)\s+hydrocephalus(?:\s*\(\s*NPH\s*\))?", ("hydroceph",)),
    ("hydrocephalus", _NOT_THE_PATIENTS + r"(?<![-\w])hydrocephalus\b", ("hydroceph",)),
    ("myasthenia_gravis", _NOT_THE_PATIENTS + r"\bmyasthenia\s+gravis(?:\s*\(\s*MG\s*\))?", ("myasthenia",)),
    ("guillain_barre_syndrome", _NOT_THE_PATIENTS + r"\bGuillain[\s-]+Barr[eé](?:'s)?(?:\s+syndrome)?(?:\s*\(\s*GBS\s*\))?", ("guillain",)),
    # (the sarcoid's own name only: "sarcoid-like reactions" to a checkpoint inhibitor are not it)
    ("sarcoidosis", _NOT_THE_PATIENTS + r"\bsarcoidosis(?:\s+syndrome)?\b", ("sarcoidosis",)),
    # the disease, never the anatomy ("celiac axis lymph nodes", "celiac nodes", "celiac plexus")
    ("celiac_disease", _NOT_THE_PATIENTS + r"\b(?:c(?:o)?eliac\s+(?:disease|sprue)|gluten[\s-]+(?:sensitive\s+)?enteropathy)\b", ("celiac", "coeliac", "gluten")),
    # (the oesophagus's only: "esophageal or gastric varices" names a second site, left unread)
    ("esophageal_varices", _NOT_THE_PATIENTS + r"\b(?:o)?esophageal\s+varic(?:es|osities)\b", ("varic",)),
)

COMORBID_CONCEPTS = frozenset(c for c, _p, _g in COMORBID_CONDITIONS)

# Gilbert's syndrome where a clause bounds bilirubin or permits something: the cause a bound
# excepts ("Bilirubin <= 1.5 x ULN unless due to Gilbert's syndrome", "(exception made for patients
# with known Gilbert's disease)", "hepatic disease (with exception of patients with Gilbert's
# syndrome, ...)"), which the labs and exceptions read (``items.NAMED_CAUSES``). Read as the
# condition there, the permission became a requirement (or an exclusion).
_GILBERT_AS_CAUSE = re.compile(
    r"bilirubin|\bULN\b|upper\s+limit|glucuronid|glucoronid|\bunless\b|\bexcept|\bexclud|\ballowed\b|\bpermitted\b|\beligible\b|\bacceptable\b"
    r"|\bdue\s+to\b|\battribut|\brelated\b|\bsecondary\b|\bcaused\b|\bconsidered\b|\bif\b|\bprovided\b|\bineligible\b",
    re.IGNORECASE,
)
# an inclusion's negation the history table does not read ("Absent a history of Gilbert's
# disease"): read, the line required the condition it rules out; and a list after "associated
# with" ("vascular thrombosis associated with antiphospholipid syndrome, ..., Guillain-Barre
# syndrome"), whose members the line joins to what they are associated with (read, "History of
# autoimmune disease, including ..." asked for the autoimmune disease and the syndrome at once)
_ABSENT_BEFORE = re.compile(r"\babsen(?:t|ce)\b|\bassociated\s+with\b", re.IGNORECASE)


def comorbid_refused(concept: str, text: str, start: int) -> bool:
    """Whether the row of ``concept`` matched at ``start`` must stay unread (see above)."""
    if _ABSENT_BEFORE.search(text, 0, start):
        return True
    return concept == "gilbert_syndrome" and _GILBERT_AS_CAUSE.search(text) is not None
