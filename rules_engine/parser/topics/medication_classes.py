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
# a class followed by a label's colon or, within a few words ("Atypical antipsychotic agents with
# Compazine-like activity (e.g. olanzapine, risperidone)"), a parenthesised "e.g." / "i.e." list: a
# sub-list under a wider line, left unread (see the module's docstring)
_NOT_LABEL = r"(?!\s*:|[^.;:()]{0,40}\(\s*(?:e\.\s?g|i\.\s?e|eg\b|ie\b|such\s+as|namely))"



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
    # anti-thymocyte globulin, the lymphocyte-depleting serum of aplastic anaemia, MDS and
    # transplant conditioning ("Received Anti-Thymocyte Globuline (ATG) within 6 months of
    # screening", "Prior anti-lymphocyte serotherapy", "horse or rabbit anti-thymocyte globulin
    # (ATG)"; 6 corpus lines): a kind of immunosuppressant (ATC L04AA03, L04AA04), given in a course
    ("antithymocyte_globulin",
     r"\b(?:(?:horse|rabbit|equine)\s+)?anti-?\s*thymocyte\s+(?:immuno)?globulin(?:e|s)?(?:\s*\(\s*(?:h|r)?ATG\s*\))?"
     r"|\bantithymocyte\s+(?:immuno)?globulin(?:e|s)?(?:\s*\(\s*(?:h|r)?ATG\s*\))?"
     r"|\banti-?\s*lymphocyte\s+(?:immuno)?(?:globulin|serum|serotherapy)"
     # (the serum's level, "have an ATG level of >= 2 ugm/ml", is a measurement, no therapy)
     r"|(?-i:\b(?:h|r)?ATG\b)(?!\s+levels?\b)|\bthymoglobulin\b|\bATGAM\b",
     ("thymocyte", "lymphocyte", "atg", "thymoglobulin")),
    # the selective COX-2 inhibitors, NSAIDs lines name apart ("medications known to inhibit
    # platelet function or known to selectively inhibit cyclooxygenase-2 (COX-2) activity",
    # "non-steroidal anti-inflammatory drugs (except specific COX-2 inhibitors)"; about 10 corpus
    # lines): a kind of NSAID (ATC M01AH), so a line about NSAIDs still sees them
    ("cox2_inhibitor",
     r"(?:(?:selective|specific)\s+)?(?:cyclo-?oxygenase[\s-]*(?:2|II)|COX[\s-]*(?:2|II))(?:\s*\(\s*COX[\s-]*(?:2|II)\s*\))?(?:[\s-]+selective)?\s+inhibitors?"
     r"|(?:(?:medications?|drugs?|agents?)\s+(?:that\s+|which\s+)?)?(?:known\s+to\s+)?selectively\s+inhibits?\s+(?:cyclo-?oxygenase[\s-]*(?:2|II)|COX[\s-]*(?:2|II))(?:\s*\(\s*COX[\s-]*(?:2|II)\s*\))?(?:\s+activity)?"
     r"|\bcoxibs?\b",
     ("cox", "cyclooxygenase", "cyclo-oxygenase")),
    # the enzyme-inducing antiepileptic drugs ("No concurrent cytochrome P450 enzyme-inducing
    # antiepileptic drugs (e.g., phenytoin, carbamazepine, or phenobarbital)", "Patients taking
    # enzyme-inducing anticonvulsant drugs", "Receiving EIAEDs"; about 50 corpus lines): ATC
    # N03AF01/02, N03AB02/05, N03AA02/03 (codes.toml). Read as any anticonvulsant (the events
    # topic's wider name took "anti-epileptic drugs" and left the rest to a person), a patient on
    # levetiracetam was unknown. Never the non-inducing ones the lines allow ("non-EIAEDs allowed",
    # "nonenzyme-inducing anticonvulsants"); the sub-list's label lookahead is not asked, since the
    # examples after the class are its own members
    ("eiaed_therapy",
     r"(?<!non)(?<!non-)(?<!non\s)(?:(?:hepatic\s+)?(?:cytochrome\s+)?(?:CYP\s*)?P-?\s?450\s+)?"
     r"(?<!non)(?<!non-)(?<!non\s)\benzyme[\s-]+induc(?:ing|ting)\s+anti-?\s?(?:convulsants?|convulsive|epileptics?|seizure)"
     r"(?:\s+(?:drugs?|medications?|agents?|therap(?:y|ies)|treatments?))?(?:\s*\(\s*(?-i:EIA[EC]Ds?)\s*\))?"
     # ("EIAED or non-EIAED allowed": both kinds, which a permission allows whole)
     r"(?:\s+(?:or|and/or)\s+non-?\s?(?:(?-i:EIA[EC]Ds?)|enzyme[\s-]+inducing(?:\s+anti-?\s?(?:convulsants?|epileptics?)(?:\s+(?:drugs?|medications?|agents?))?)?))?",
     ("enzyme", "eiaed", "eiacd")),
    # "immune modulators" as a class ("treatment with immune modulators such as systemic
    # cyclosporine or tacrolimus", "Previous treatment with immunomodulators within two months",
    # "any immunomodulatory medication within 4 weeks"; about 15 corpus lines): the immunosuppressants,
    # interferons and interleukins (codes.toml). "Immunomodulatory drugs/agents" are the IMiDs
    # (drug_classes' ``immunomodulatory_drug``), and "this immunomodulatory therapy" is the study's
    # own. Not read: a sub-list's label ("Immune modulators: cyclosporine, tacrolimus" under a CYP2C9
    # list names only its drugs), a member of a bracketed list ("biologic agents (antibodies, immune
    # modulators, cytokines) within 3 weeks": the window is the list's), nor a therapy given for the
    # cancer ("immunomodulators for the treatment of ATL", "immunomodulatory therapies ... as
    # treatment for this or any other cancer": another reading's, the cancer's treatment)
    ("immunomodulator_therapy",
     r"(?>(?<!this\s)(?<!the\s)(?<!study\s)\bimmun[eo][\s-]?modulators?\b(?:\s+(?:therap(?:y|ies)|drugs?|agents?|medications?|treatments?))?"
     r"|(?<!this\s)(?<!the\s)(?<!study\s)\bimmun[eo][\s-]?modulat(?:ory|ing)\s+(?:therap(?:y|ies)|medications?|treatments?)\b(?:\s*\(\s*IMT\s*\))?)"
     # (a label's colon only: normalize writes "such as" as "(e.g., ...)", the class's own examples)
     r"(?!\s*:)(?![^()]{0,80}\))(?![^.;]{0,60}?\b(?:as\s+treatment\s+for|for\s+the\s+treatment\s+of|to\s+treat)\b)",
     ("modulat",)),
)

MEDICATION_CLASS_CONCEPTS = frozenset(c for c, _p, _g in MEDICATION_CLASSES)
# the continuous ones (taken daily or weekly): "current" asks for one within the days a continuous
# therapy is read as current; anti-thymocyte globulin is a course of days, no continuous therapy
CONTINUOUS_CLASSES = MEDICATION_CLASS_CONCEPTS - {"antithymocyte_globulin"}


# the class as what failed or what a dose change or taper concerns, not as the patient's therapy:
# "claustrophobia unresponsive to oral anxiolytics" (a history of trying them, which the record
# cannot tell from taking them), "new or currently changed dose (last 4 weeks) of beta-blockers,
# calcium antagonists, antidepressants" (a stable dose is allowed). Read as the class, a patient
# on a stable antidepressant was excluded; left unread, the line stays with a person.
MEDICATION_NOT_TAKEN = re.compile(
    r"\b(?:unresponsive|refractory|resistant|intolerant|non-?responsive)\s+to\s+(?:\w+\s+){0,2}$"
    r"|\b(?:new|chang(?:e|ed|es|ing)|stable|increas(?:e|ed|ing)|decreas(?:e|ed|ing)|adjust(?:ed|ing|ment)|modif(?:y|ied|ication))"
    r"\s+(?:\w+\s+){0,2}?dos(?:e|es|ing|age)\b[^.;]{0,120}$"
    # ("prior to reduction of tricyclic antidepressants, if applicable": a taper, no therapy asked)
    r"|\b(?:reduc(?:e|ed|ing|tion)|taper(?:ed|ing)?|wean(?:ed|ing)?)\s+(?:(?:of|in|off)\s+)?(?:(?:the|their|any)\s+)?(?:dos(?:e|es|age)\s+of\s+)?(?:\w+\s+){0,1}$",
    re.I,
)
