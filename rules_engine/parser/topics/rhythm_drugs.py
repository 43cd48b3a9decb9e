"""A line that is the heart's rhythm drugs alone (issue 14): "Medication that changes heart
rhythms", "Condition requiring anti-arrhythmic therapy", "Current use of antiarrhythmic
medications", "No concurrent antiarrhythmic drugs". Each was left wholly to a person, so a patient
on amiodarone was never excluded and a patient on none never cleared.

What such a line asks is a drug given against the heart's rhythm, now (a continuous therapy, read
current within 14 days as every medication class is). A hospital records it as a
MedicationStatement: the class I and III antiarrhythmics (ATC C01B, ``antiarrhythmic_therapy``)
are that drug by what they are; a beta-blocker or an AV-nodal calcium channel blocker (classes II
and IV) is one only when it is given for the rhythm, which the record does not say, so such a
drug on record is a person's; none of them on record is none (absent means absent).

Only a line whose words are such a lead and the class, nothing else (a closed, anchored pattern):
a line that also names a rhythm disorder ("arrhythmia requiring anti-arrhythmic therapy") is
``arrhythmia_therapy``'s, one that names an exception ("other than beta-blockers") or a class
number ("Class 1 anti-arrhythmic drugs") keeps its reading. The pattern is anchored with bounded
repetitions; none nests one.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Review, ReviewReason, Window, iter_predicates
from rules_engine.parser.items import NOW, predicate

_LINE = re.compile(
    r"^\W{0,4}(?:\d{1,2}[.)]\s*)?(?P<no>no\s+)?"
    r"(?:(?:patients?|subjects?)\s+(?:who\s+are\s+)?)?"
    r"(?:(?:current(?:ly)?|concurrent|concomitant|ongoing)\s+)?(?:(?:use\s+of|receiving|taking|on|treatment\s+with|requir(?:ing|es?|ement\s+(?:of|for))|need\s+for)\s+)?"
    r"(?:(?:any\s+)?(?:condition|disorder|disease)s?\s+(?:requiring|that\s+requires?)\s+)?"
    r"(?:"
    r"(?:any\s+)?(?:anti-?arrhythmics?|anti-?arrhythmic\s+(?:medications?|drugs?|agents?|therap(?:y|ies)|treatments?))"
    r"|(?:any\s+)?(?:medications?|medicines?|drugs?)\s+(?:that|which)\s+(?:change|changes|affect|affects|alter|alters|modif(?:y|ies))\s+(?:the\s+)?(?:heart|cardiac)(?:'s)?\s+(?:rhythms?|rate\s+or\s+rhythm)"
    r")\W{0,3}$",
    re.I,
)
_GATE = ("arrhythm", "rhythm")
_CURRENT = NOW
_GIVEN_FOR_IT = "whether the beta-blocker or calcium channel blocker on record is given against the heart's rhythm"


def _rhythm_drug() -> Expr:
    return Any_((
        predicate("antiarrhythmic_therapy", Op.WITHIN, window=_CURRENT),
        All((
            Any_((predicate("beta_blocker", Op.WITHIN, window=_CURRENT), predicate("nondihydropyridine_ccb", Op.WITHIN, window=_CURRENT))),
            Review(ReviewReason.AMBIGUOUS, _GIVEN_FOR_IT),
        )),
    ))


def rhythm_drugs_line(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """``expr`` (the reading of ``text``), or, where the line is the rhythm drugs alone and was left
    wholly to a person, the drug on record (module docstring)."""
    low = text.lower()
    if not any(g in low for g in _GATE) or len(text) > 200:
        return expr
    if any(True for _ in iter_predicates(expr)) or not isinstance(expr, (Review, Not)):
        return expr
    m = _LINE.match(text.strip())
    if m is None:
        return expr
    drug = _rhythm_drug()
    # "No concurrent antiarrhythmic drugs" among the inclusions asks for none; an exclusion's "no"
    # is the same line's own words read as the exclusion of it (the lead says which)
    if m.group("no") and ctype is CriterionType.INCLUSION:
        return Not(drug)
    if m.group("no"):
        return expr
    return drug
