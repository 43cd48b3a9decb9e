"""Comorbid conditions registries exclude by name and hospitals code, which the history table had
no row for: "History of Gilbert's syndrome", "No clinical evidence of obstructive hydrocephalus",
"Myasthenia gravis", "Guillain-Barre syndrome", "History of sarcoidosis", "celiac disease",
"No history of esophageal varices" (each line left wholly to review before these rows).

Each is a concept with its ICD-10-CM codes and a SNOMED CT code (codes.toml):
``gilbert_syndrome`` (E80.4), ``hydrocephalus`` (G91, Q03) with its two kinds,
``obstructive_hydrocephalus`` (G91.1, Q03.0, Q03.1) and ``communicating_hydrocephalus`` (G91.0,
G91.2), ``myasthenia_gravis`` (G70.0), ``guillain_barre_syndrome`` (G61.0), ``sarcoidosis``
(D86), ``celiac_disease`` (K90.0), ``esophageal_varices`` (I85) and ``kidney_disease`` (N00-N19,
N25-N27, Q61; chronic kidney disease is a kind of it). A hydrocephalus is either
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

# the lung's name where it is a tumour's site or a named kind's ("measurable lung disease", "chronic
# obstructive pulmonary disease", "interstitial lung disease"), and a tumour's course after it
# ("lung disease progression")
_NOT_A_TUMOURS = (
    r"(?<!obstructive )(?<!interstitial )(?<!restrictive )(?<!airway )(?<!airways )(?<!measurable )(?<!evaluable )(?<!metastatic )"
    r"(?<!bulky )(?<!residual )(?<!primary )(?<!progressive )(?<!nodal )(?<!stable )(?<!limited )(?<!extensive )"
    r"(?<!non-small )(?<!nonsmall )(?<!small )(?<!cancer )(?<!tumor )(?<!tumour )(?<!malignant )(?<!neoplastic )(?<!occult )"
)
# (the organ's word first, so the look-behinds above are tried only where it stands)
_LUNG_FIRST = r"(?=(?:pulmonary|lungs?|respiratory)\b)"
_NOT_A_TUMOURS_AFTER = r"(?!\s+(?:progression|sites?|lesions?|burden|only|involvement|metasta\w*|response)\b)"

# (concept, pattern, gate words one of which the clause must hold)
COMORBID_CONDITIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("gilbert_syndrome", _NOT_THE_PATIENTS + r"\b(?:Gilbert(?:'s|’s|s)?(?:[\s-]Meulengracht(?:'s|’s)?)?|Meulengracht(?:'s|’s)?)\s+(?:syndrome|disease)", ("gilbert", "meulengracht")),
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
    # a disease of the kidney ("renal disease", "Acute or chronic liver or renal disease", "Renal or
    # hepatic disease", "no known liver or kidney problems"); the noun shared with the liver's names both (the liver row of
    # ``events`` takes "liver" before "or renal disease"). A failure, insufficiency or impairment
    # of the kidney is often a lab's state ("renal insufficiency, defined as creatinine > 3
    # mg/dL"), which no code on record settles: not read here
    ("kidney_disease",
     _NOT_THE_PATIENTS + r"\b(?:renal|kidney)\s+(?:diseases?|disorders?|problems?)\b"
     r"|\b(?:renal|kidney)(?=\s+(?:or|and/or)\s+(?:hepatic|liver)\s+(?:diseases?|disorders?|problems?)\b)",
     ("renal", "kidney")),
    # a disease of the lungs ("Severe pulmonary disease", "No serious lung disease", "No
    # symptomatic pulmonary disease", "History of chronic lung disease"; ~200 corpus lines left
    # wholly to review): what narrows it ("severe", "symptomatic") stays a review beside it, so a
    # record without a lung disease is decided and one with it goes to a person. Never the named
    # kinds a wider name would take ("chronic obstructive pulmonary disease", "interstitial lung
    # disease": their own rows), a tumour's site ("measurable lung disease", "metastatic pulmonary
    # disease", "lung disease progression"), nor a lung's function a test measures ("pulmonary
    # insufficiency", "pulmonary dysfunction": not read), nor an acute "respiratory illness
    # requiring hospitalization ... within 30 days", whose qualifier the window left behind. The noun shared with the heart's, the
    # kidney's or the liver's ("pulmonary or cardiac disease") names it too
    ("lung_disease",
     _LUNG_FIRST + _NOT_THE_PATIENTS + _NOT_A_TUMOURS
     + r"\b(?:pulmonary|lungs?|respiratory)\s+(?:diseases?|disorders?|conditions?|problems?)\b" + _NOT_A_TUMOURS_AFTER
     + r"|" + _LUNG_FIRST + _NOT_THE_PATIENTS + _NOT_A_TUMOURS
     + r"\b(?:pulmonary|lungs?|respiratory)(?=\s+(?:or|and/or)\s+(?:cardiac|heart|cardio-?vascular|renal|kidney|hepatic|liver)\s+(?:diseases?|disorders?|problems?)\b)",
     ("pulmonary", "lung", "respiratory")),
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
# a statement, no criterion ("There is no information regarding the use of Celecoxib in patients
# with advanced renal disease."): its "no" negated the disease it names
_STATEMENT = re.compile(r"\s*there\s+(?:is|are|was|were)\b", re.IGNORECASE)
# ... and a member of the list a group is said to include ("Immune deficiency syndromes,
# including the following: rheumatoid arthritis, ..., sarcoidosis"), which the line reads as
# narrowing the group: read, an immunodeficiency alone no longer met the exclusion
_ABSENT_BEFORE = re.compile(r"\babsen(?:t|ce)\b|\bassociated\s+with\b|\bincluding\s+the\s+following\b", re.IGNORECASE)


# A disease of the kidney (or the liver's name sharing its noun) that is one organ of a list
# sharing a qualifier ("severe central nervous system, pulmonary, or renal disease", "serious
# hearts, lung, liver, kidney disease"), an example of a qualified group ("severe or uncontrolled
# systemic disease (e.g. unstable or uncompensated respiratory, cardiac, hepatic or renal
# disease)"), a formula's name ("Modification of Diet in Renal Disease") or a disease a line
# excepts from ("renal diseases unless renal insufficiency is ..."): read alone it lost the
# qualifier, so any kidney disease excluded; left to a person as before
_ORGAN_BEFORE = re.compile(
    r"\b(?:cardiac|cardio-?vascular|pulmonary|lungs?|hearts?|respiratory|nervous\s+system|CNS|gastro-?intestinal|GI|hematologic\w*|haematologic\w*"
    r"|metabolic|endocrine|neurologic\w*|psychiatric|systemic|e\.\s?g\.?|such\s+as|for\s+example|diet\s+in)\b[^.;()]{0,30}$",
    re.IGNORECASE,
)
_EXCEPTED_AFTER = re.compile(r"^[^.;]{0,40}\b(?:unless|except)", re.IGNORECASE)
# a negation inside the line with a qualifier after it ("DLCO >= 50% with no symptomatic pulmonary
# disease"): the clause reads the negation on the name and leaves the qualifier outside it, so a
# record with an asymptomatic lung disease failed the inclusion; left to a person as before
_NEGATED_QUALIFIED_BEFORE = re.compile(r"\b(?:with\s+no|without|and\s+no|,\s*no)\s+(?:[\w-]+\s+){1,3}$", re.IGNORECASE)
# ... and a lung disease a condition names ("Pulmonary clearance is needed if the patient has FEV1,
# FVC, or DLCO < 50% of predicted or any symptomatic pulmonary disease"): what a clause does when
# the patient has it, never what the line asks (read, the inclusion required a lung disease)
_CONDITION_BEFORE = re.compile(r"\b(?:if|when|whenever|whether|unless|in\s+case\s+of)\b[^.;:]{0,100}$", re.IGNORECASE)
# ... and one a bracket after it narrows or lists ("pulmonary disease (COPD with hypoxemia)"): the
# bracket was read as an alternative of its own, so any lung disease excluded; left to a person
_BRACKET_AFTER = re.compile(r"\s*[(\[]")
# ... but not the line's own catch-all after the lung diseases it names ("Interstitial lung disease,
# pulmonary fibrosis, or other severe respiratory disease"; 5 corpus lines): the organ words before
# it are those diseases' names, no list sharing a qualifier, and "severe" is the catch-all's own
# (left unread, the line was unknown for every patient without a lung disease)
_OTHER_AFTER_KINDS = re.compile(r"(?:,|\bor|\band)\s{1,3}(?:any\s+)?other\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
KIDNEY_GUARDED = frozenset({"kidney_disease", "liver_disease", "lung_disease"})


def comorbid_refused(concept: str, text: str, start: int, end: int) -> bool:
    """Whether the row of ``concept`` matched at ``start:end`` must stay unread (see above). The
    liver's row is asked only for its name sharing the kidney's noun ("liver or renal disease")."""
    if concept == "liver_disease":
        if text[start:end].lower() not in ("liver", "hepatic"):
            return False
        concept = "kidney_disease"
    if _ABSENT_BEFORE.search(text, 0, start) or _STATEMENT.match(text):
        return True
    if concept == "lung_disease" and (_NEGATED_QUALIFIED_BEFORE.search(text, max(0, start - 60), start) is not None
                                      or _BRACKET_AFTER.match(text, end) is not None
                                      or _CONDITION_BEFORE.search(text, max(0, start - 120), start) is not None):
        return True
    if concept == "lung_disease" and _OTHER_AFTER_KINDS.search(text, max(0, start - 40), start) is not None:
        return _EXCEPTED_AFTER.match(text, end) is not None
    if concept in ("kidney_disease", "lung_disease"):
        return _ORGAN_BEFORE.search(text, max(0, start - 60), start) is not None or _EXCEPTED_AFTER.match(text, end) is not None
    return concept == "gilbert_syndrome" and _GILBERT_AS_CAUSE.search(text) is not None
