"""The arrhythmias of the ventricles, which exclusions name apart from any arrhythmia: "clinically
significant ventricular arrhythmias (e.g., ventricular tachycardia, ventricular fibrillation, or
torsades de pointes)", "History of sustained ventricular tachycardia", "ventricular
tachyarrhythmias within 6 months" (about 200 corpus lines).

The history table read these words as any arrhythmia, so a patient whose record holds an atrial
fibrillation met a line that excludes only the ventricular kinds (holdout T265). They stand apart
here as the concept ``ventricular_arrhythmia`` (ICD-10-CM I47.0, I47.2, I49.0, I49.3; codes.toml),
a kind of arrhythmia: a record coded with one meets the line, a record with only an atrial
fibrillation (I48) or another arrhythmia of known site does not, and an arrhythmia coded without
its site (I47.9, I49.4, I49.8, I49.9: ``arrhythmia_unspecified``) leaves it open
(``derive.OPEN_BESIDE``): unknown, never a pass. A torsade de pointes (I47.21) is one of its kinds. The history table's ``arrhythmia`` row
leaves these words to this row (it no longer reads "ventricular" before its name); the table
reads the row as every other history item (an exclusion wherever named, an inclusion where it
asks, a window beside it holds, "sustained" or "clinically significant" a review beside it).

A "supraventricular" arrhythmia is no ventricular one: the lookbehind keeps it to the
history table's ``arrhythmia``. The abbreviations ("VT", "VF") are read only in the brackets
after the name, where they restate it.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

# the rhythm's noun after "ventricular": "arrhythmia(s)", "dysrhythmia", "tachyarrhythmia(s)",
# "tachycardia", "fibrillation", "flutter"
_NOUN = r"(?:tachy-?)?(?:arrhythmias?|dysrhythmias?)|tachycardias?|fibrillations?|flutters?"
_ABBREVIATION = r"(?:\s*\(\s*(?:VT|VF|VA|VTach|VFib|VT\s*/\s*VF)s?\s*\))?"

# "ventricular tachycardia/fibrillation", "ventricular tachycardia or fibrillation": one name,
# its second noun sharing the adjective (at most three more nouns, each a literal)
_SHARED = rf"(?:\s*(?:/|,|or|and/or|and)\s*(?:{_NOUN}){_ABBREVIATION}){{0,3}}"

# the lookbehinds keep "supraventricular" (and "supra-ventricular") to the arrhythmia row
VENTRICULAR = rf"(?<![-\w])ventricular\s+(?:{_NOUN}){_ABBREVIATION}{_SHARED}"

# torsade de pointes named as the patient's own arrhythmia ("history of ventricular fibrillation
# or torsade de pointes", "(such as ventricular tachycardia, ventricular fibrillation, or TdP)"),
# never what a drug may cause or a risk factor is for ("medications that may ... induce Torsades
# de Pointes", "risk factors for torsades des pointes": topics.qt_drugs reads the drugs, and the
# lookbehinds keep the rest unread, the bracketed "(TdP)" after such a name too: the letters alone
# are read only where they stand for the name, not in the brackets that restate it)
_NOT_THE_PATIENTS = (
    r"(?<!induce )(?<!induces )(?<!inducing )(?<!induced )(?<!cause )(?<!causes )(?<!causing )(?<!caused )"
    r"(?<!risk of )(?<!risk for )(?<!risks of )(?<!factors for )(?<!factor for )(?<!occurrence of )"
    r'(?<!causing ")(?<!risk of ")(?<!provoke )(?<!provoking )(?<!trigger )(?<!triggering )'
)
TORSADES = _NOT_THE_PATIENTS + r"(?:torsades?[\s-]+des?[\s-]*pointes?(?:\s*[(\[]\s*TdP\s*[)\]])?|(?<![(\[])(?<![(\[]\s)(?-i:\bTdP\b))"

# (concept, pattern, gate words one of which the clause must hold)
RHYTHM_EVENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ventricular_arrhythmia", VENTRICULAR, ("ventricular",)),
    ("torsades_de_pointes", TORSADES, ("torsade", "tdp")),
)
