"""An arrhythmia asked to need treatment: "Cardiac arrhythmia requiring anti-arrhythmic therapy",
"clinically significant cardiac arrhythmia requiring therapy", "Patients with a pathologic cardiac
arrhythmia requiring active treatment", "arrhythmia requiring medication" (96 corpus lines; issue
14, cond6).

The parser reads the arrhythmia and leaves the need to a person ("arrhythmia and a review of
'requiring medication'"), so a patient with atrial fibrillation on amiodarone was unknown where the
line excludes him. The treatment a rhythm needs is a drug that acts on it, which a record holds:
an antiarrhythmic (class I or III, ATC C01B), a beta-blocker (class II) or an AV-nodal calcium
channel blocker (class IV, verapamil or diltiazem), taken now (within two weeks, as a therapy a
condition "requires" is read elsewhere: events._NOW_NEED). With one on record the arrhythmia needs
treatment by any reading, and an arrhythmia that needs treatment is clinically significant (the
qualifier "clinically significant" or "pathologic" beside the need asks nothing more). Without one
the need stays a person's (an ablation, a pacemaker, digoxin, or a need untreated), and without
the arrhythmia the line asks nothing (absent means absent): only the unknown "arrhythmia on
an antiarrhythmic" moves, toward the line applying.

Only where the review holds nothing but the need and those qualifiers: "uncontrolled ... requiring
medication" (controlled on the drug?) and "symptomatic ..." stay a person's whole.

The pattern's repetitions are possessive or bounded; none nests another.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Expr, Op, Predicate, Review, Window
from rules_engine.derive import kinds_of
from rules_engine.parser.items import I, NOW, all_of, any_of, predicate, rewrite_conjunctions

# the need, with the words a split line leaves beside it ("Patients", "clinically significant")
_NEED_ONLY = re.compile(
    r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|an?|known|current|clinically|significant|pathologic(?:al)?|cardiac|that|which|is|are)\b)*+"
    r"\b(?:requir(?:es|ing|e)|needing|in\s+need\s+of)\s+"
    r"(?:(?:an?|active|ongoing|current|continuous|chronic|permanent|medical|maintenance|drug|pharmacologic(?:al)?|anti-?\s?arrhythmics?|control\s+by|treatment\s+with)\s+){0,3}"
    r"(?:therap(?:y|ies)|treatments?|medications?|drugs?|agents?|intervention)\b\W*+",
    I,
)

NEED_ONLY = _NEED_ONLY  # (heart_failure_therapy reads a failing heart's need with the same words)

# the rhythms those drugs treat: a slow rhythm (bradycardia) or a long QT is made worse by them,
# and what it needs (a pacemaker, stopping a drug) is no drug on record
_ARRHYTHMIAS = frozenset(kinds_of("arrhythmia")) - {"bradycardia", "long_qt_syndrome"}

# the drugs that act on a rhythm, taken now
_NOW = NOW
_TREATED = ("antiarrhythmic_therapy", "beta_blocker", "nondihydropyridine_ccb")


# ... or the qualifier the need stands beside, split off as a review of its own
# ("clinically significant" beside "requiring therapy")
_QUALIFIER_ONLY = re.compile(
    r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|an?|known|current|clinically|significant|pathologic(?:al)?|cardiac|and)\b)*+",
    I,
)


def _need_parts(node: All) -> tuple[Predicate, list[Review]] | None:
    """``node`` as "an arrhythmia and reviews of nothing but its need for treatment and the
    qualifiers beside it", or None."""
    rhythms = [p for p in node.parts if isinstance(p, Predicate)]
    reviews = [p for p in node.parts if isinstance(p, Review)]
    if len(rhythms) != 1 or len(rhythms) + len(reviews) != len(node.parts) or not reviews:
        return None
    rhythm = rhythms[0]
    if rhythm.concept not in _ARRHYTHMIAS or rhythm.op is not Op.PRESENT or rhythm.window is not None:
        return None
    needs = [r for r in reviews if r.text and _NEED_ONLY.fullmatch(r.text)]
    if not needs or not all(r in needs or (r.text and _QUALIFIER_ONLY.fullmatch(r.text)) for r in reviews):
        return None
    return rhythm, reviews


def arrhythmia_needing_therapy(expr: Expr) -> Expr:
    """``expr`` with each "arrhythmia and a review of its need for treatment" given the drugs on
    record that treat it (the review kept for a patient on none; see the module's doc)."""

    def at(node: All) -> Expr | None:
        found = _need_parts(node)
        if found is None:
            return None
        rhythm, reviews = found
        drugs = [predicate(c, Op.WITHIN, None, None, False, _NOW) for c in _TREATED]
        return all_of([rhythm, any_of([*drugs, all_of(list(reviews))])])

    return rewrite_conjunctions(expr, at)
