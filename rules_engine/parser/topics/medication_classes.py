"""Classes of medicines outside cancer therapy that lines exclude as concurrent or prior therapy:
the psychotropic classes ("Current antidepressant, anxiolytic, antipsychotic or stimulant
therapy", "No other concurrent antidepressant medications or psychostimulants", "Patients on
antipsychotic medication"; about 20 corpus lines, all left wholly to a person) and the
thrombopoietic agents ("Have ever previously received rTPO, PEG-rHuMGDF, eltrombopag, or
romiplostim"; 7 lines name one).

A hospital records each drug as a MedicationStatement or MedicationRequest coded by ATC (the class
is an ATC group: N06A antidepressants, N05B anxiolytics, N05A antipsychotics, N06BA centrally
acting sympathomimetics; B02BX04/05/07/08 the thrombopoietin receptor agonists) or named in its
text; codes.toml maps every drug of a class to its concept. The rows join ``drug_classes``'s, so
a class keeps their rules: the words that only say it was given ("prior treatment with") belong
to the item, a class the patient reacts to ("allergic to") is no history of it, a class to come
is a plan, and a current one is asked within the days of a continuous therapy.

A class written as a heading or a sub-list's label ("Antidepressants: nefazodone, fluvoxamine",
"Antipsychotic agents (i.e., chlorpromazine, haloperidol ...)") stands under a wider line (a
CYP3A4 or torsades list) that names only the drugs after it; read as the whole class it would
exclude a patient on any antidepressant. Those are left unread (the lookahead after each class).

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

# the words after a class that name it as medicine ("antipsychotic medication", "stimulant therapy")
_MEDICINE = r"(?:\s+(?:medications?|medicines?|drugs?|agents?|therap(?:y|ies)|treatments?|use))?"
# a class followed by a label's colon or a parenthesised "e.g." / "i.e." list: a sub-list under a
# wider line, left unread (see the module's docstring)
_NOT_LABEL = r"(?!\s*:|\s*\(\s*(?:e\.\s?g|i\.\s?e|eg\b|ie\b|such\s+as|namely))"



def _unlabelled(pattern: str) -> str:
    """The class's words taken whole (an atomic group: "Antidepressants:" may not give back its
    "s", nor "Antipsychotic agents (i.e., ..." its "agents", to slip past the label's lookahead)."""
    return r"(?>" + pattern + r")" + _NOT_LABEL


# (concept, pattern, gate words one of which the clause must hold)
MEDICATION_CLASSES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("antidepressant_therapy",
     _unlabelled(r"\b(?:tricyclic\s+)?anti-?depressants?" + _MEDICINE + r"|\banti-?depressive\s+(?:medications?|drugs?|agents?|therap(?:y|ies)|treatments?)"),
     ("antidepress", "anti-depress")),
    ("anxiolytic_therapy", _unlabelled(r"\banxiolytics?" + _MEDICINE), ("anxiolytic",)),
    ("antipsychotic_therapy",
     _unlabelled(r"\b(?:(?:a?typical|first[\s-]+generation|second[\s-]+generation)\s+)?anti-?psychotics?" + _MEDICINE + r"|\bneuroleptics?" + _MEDICINE),
     ("antipsychotic", "anti-psychotic", "neuroleptic")),
    # a stimulant laxative (A06AB) or a colony-stimulating factor is no psychostimulant
    ("psychostimulant_therapy",
     _unlabelled(r"\b(?:CNS\s+)?(?:psycho-?)?stimulants?(?!\s+laxatives?)" + _MEDICINE),
     ("stimulant",)),
    ("thrombopoietic_agent",
     r"\bthrombopoietin(?:[\s-]+receptor)?[\s-]+(?:agonists?|mimetics?)(?:\s*\(\s*TPO-?RAs?\s*\))?"
     r"|\bTPO[\s-]*(?:receptor[\s-]*)?(?:agonists?|mimetics?|RAs?)\b"
     r"|\br(?:h|Hu)?TPO\b|\brecombinant\s+(?:human\s+)?thrombopoietin\b"
     r"|\bPEG-?rHuMGDF\b|\bpegylated\s+recombinant\s+(?:human\s+)?megakaryocyte\s+growth\s+and\s+development\s+factor\b"
     r"|\b(?:eltrombopag|romiplostim|avatrombopag|lusutrombopag)\b",
     ("thrombopoie", "tpo", "mgdf", "megakaryocyte", "trombopag", "romiplostim")),
)

# the concepts, each a continuous therapy (taken daily or weekly): "current" asks for one within
# the days a continuous therapy is read as current
MEDICATION_CLASS_CONCEPTS = frozenset(c for c, _p, _g in MEDICATION_CLASSES)


# the class as what failed or what a dose change concerns, not as the patient's therapy:
# "claustrophobia unresponsive to oral anxiolytics" (a history of trying them, which the record
# cannot tell from taking them), "new or currently changed dose (last 4 weeks) of beta-blockers,
# calcium antagonists, antidepressants" (a stable dose is allowed). Read as the class, a patient
# on a stable antidepressant was excluded; left unread, the line stays with a person.
MEDICATION_NOT_TAKEN = re.compile(
    r"\b(?:unresponsive|refractory|resistant|intolerant|non-?responsive)\s+to\s+(?:\w+\s+){0,2}$"
    r"|\b(?:new|chang(?:e|ed|es|ing)|stable|increas(?:e|ed|ing)|decreas(?:e|ed|ing)|adjust(?:ed|ing|ment)|modif(?:y|ied|ication))"
    r"\s+(?:\w+\s+){0,2}?dos(?:e|es|ing|age)\b[^.;]{0,120}$",
    re.I,
)
