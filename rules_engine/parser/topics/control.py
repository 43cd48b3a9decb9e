"""Hypertension, diabetes and heart failure asked "uncontrolled" or "poorly controlled" without the
line's own limits (issue 14; 144, 71 and ~15 corpus lines): the measurement that shows control decides where
every definition the registry writes agrees.

The corpus defines uncontrolled hypertension as a blood pressure above 140/90, 150/90, 150/95,
159/99 or 160/100 (systolic or diastolic), and poorly controlled diabetes as an HbA1c above 6, 7
or 8%. So a patient with the disease on record and a recorded pressure above 160/100 (an HbA1c
above 8%) is uncontrolled under all of them: met, where "hypertension and a person's review of
'uncontrolled'" had left a pressure of 185/115 unknown. A recorded pressure under 140/90 (an
HbA1c of 6% or less) is controlled under all of them: not met. Anything between, or no
measurement on record, stays the person's, as before; a patient without the disease is not
asked (absent means absent). A line that writes its own limits is read by them, not here; a
history ("history of uncontrolled hypertension") or a window is left as it was: a controlled
pressure today says nothing of the past.

Heart failure asked "uncontrolled" likewise (about 15 corpus lines): the corpus defines it as
NYHA class II or greater, or above class II ("uncontrolled congestive heart failure [NYHA > class
II]", "decompensated CHF (>NYHA Class II)"), so a recorded class III or IV is uncontrolled under
every definition and class I under none; class II, or no class on record, stays the person's.

A pressure (an HbA1c) measured past every definition's limit is the uncontrolled disease even with
no diagnosis on record: 182/112 mmHg is hypertension (any reading of 140/90 or more is) and an
uncontrolled one under every definition, as an HbA1c above 8% is diabetes (6.5% or more) out of
control. Read as "hypertension on record and ...", "No uncontrolled hypertension" was met by
"no record of hypertension" beside a recorded 182/112. So the measurement on record past the
limit meets the line by itself (``derive.ON_RECORD_MEASURES``: "measured, and above 160"), while
a record with neither the disease nor the measurement still reads "absent" (the disease absent,
nothing measured against it), and one with a pressure between the limits and no diagnosis is
not met, as before.
"""

from __future__ import annotations

import re
from collections.abc import Container

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.items import I, all_of, any_of, predicate, rewrite_conjunctions
from rules_engine.parser.safety import Qualifier


_CONTROL_WORDS = re.compile(
    r"(?:\W|\b(?:any|current(?:ly)?|active|known|clinically|significant|has|have|with|patients?|subjects?|evidence\s+of|presence\s+of|or|and|"
    r"e\.g|i\.e|such\s+as|including)\b)*"
    r"\b(?:uncontrolled|poorly[\s-]+controlled|not\s+(?:well[\s-]+|adequately\s+)?controlled|inadequately[\s-]+controlled)\b"
    # ... on or despite its treatment ("Diabetes mellitus uncontrolled with medication"): the
    # same control, of a patient treated; a measure past every definition's limit is
    # uncontrolled whatever the treatment, and one within all of them controlled
    r"(?:\s+(?:with|despite|on|by)\s+(?:(?:standard|optimal|adequate|appropriate|current|medical|oral)\s+){0,2}(?:medications?|treatment|therapy|drugs?|management))?"
    r"(?:\W|\b(?:or|and|significant)\b)*",
    I,
)

# disease -> (surely uncontrolled: any of these), (surely controlled: all of these)
_LIMITS: dict[str, tuple[tuple[Predicate, ...], tuple[Predicate, ...]]] = {
    "hypertension": (
        (predicate("systolic_bp", Op.GT, 160, "mm[Hg]"), predicate("diastolic_bp", Op.GT, 100, "mm[Hg]")),
        (predicate("systolic_bp", Op.LT, 140, "mm[Hg]"), predicate("diastolic_bp", Op.LT, 90, "mm[Hg]")),
    ),
    "diabetes": ((predicate("hba1c", Op.GT, 8, "%"),), (predicate("hba1c", Op.LTE, 6, "%"),)),
    "heart_failure": ((predicate("nyha", Op.GTE, 3),), (predicate("nyha", Op.LTE, 1),)),
}


# diseases a measurement past the limits shows by itself (docstring): not heart failure, whose
# NYHA class says how limited a heart disease leaves the patient, not that it is heart failure
_MEASURED_ALONE = frozenset({"hypertension", "diabetes"})


def qualified_pair(part: Expr, diseases: Container[str], words: re.Pattern[str]) -> tuple[Predicate, Review] | None:
    """``part`` as "one of ``diseases`` present, and a review of nothing but its qualifier"
    (``words``, matched whole: "Uncontrolled"), or None: the shape both this module's limits and
    ``qualified_conditions``' definitions replace."""
    if not isinstance(part, All) or len(part.parts) != 2:
        return None
    disease = next((p for p in part.parts if isinstance(p, Predicate)), None)
    review = next((p for p in part.parts if isinstance(p, Review)), None)
    if disease is None or review is None or disease.concept not in diseases or disease.op is not Op.PRESENT or disease.window is not None:
        return None
    return (disease, review) if review.text and words.fullmatch(review.text) else None


def _controlled_pair(expr: All) -> tuple[Predicate, Review] | None:
    return qualified_pair(expr, _LIMITS, _CONTROL_WORDS)


# what a line that states its own limits measures control by: then its limits decide, never ours
# ("Uncontrolled hypertension (> 180/110 mmHg)": 170/105 is not uncontrolled for that trial)
_OWN_MEASURES = {
    "hypertension": frozenset({"systolic_bp", "diastolic_bp"}),
    "diabetes": frozenset({"hba1c", "glucose"}),
    "heart_failure": frozenset({"nyha", "lvef"}),
}


# ... or writes them where Eligo does not read them ("No poorly controlled diabetes (fasting blood
# glucose > 250)", "systolic blood pressure of 140mmHG or greater"): a person reads that trial's limit
_OWN_WORDS = {
    "hypertension": re.compile(r"blood\s+pressure|\bBP\b|mm\s*Hg|systolic|diastolic|\b\d{2,3}\s*/\s*\d{2,3}\b", I),
    "diabetes": re.compile(r"glucose|sugar|glyc|\bA1c\b|HbA1c|Hgb\s*A1c|\bFBS\b", I),
    "heart_failure": re.compile(r"\bNYHA\b|New\s+York\s+Heart|\bclass\s+(?:I{1,3}|IV|[1-4])\b|ejection\s+fraction|\bLVEF\b|\bEF\b", I),
}


def control_by_measurement(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with each "disease and a review of its control" given the
    measurements that decide where every definition agrees (the review kept for the values between)."""
    measured = {p.concept for p in iter_predicates(expr)}
    diseases = frozenset(d for d, own in _OWN_MEASURES.items() if not own & measured and not _OWN_WORDS[d].search(text))
    return _with_limits(expr, diseases) if diseases else expr


def _with_limits(expr: Expr, diseases: frozenset[str]) -> Expr:
    def at(node: All) -> Expr | None:
        pair = _controlled_pair(node)
        if pair is None or pair[0].concept not in diseases:
            return None  # look inside it
        disease, review = pair
        uncontrolled, controlled = _LIMITS[disease.concept]
        diagnosed = all_of([disease, any_of([*uncontrolled, all_of([Not(all_of(list(controlled))), review])])])
        if disease.concept not in _MEASURED_ALONE:
            return diagnosed
        # a measurement on record past every limit is the uncontrolled disease itself
        return any_of([diagnosed, *(all_of([Predicate(u.concept, Op.PRESENT), u]) for u in uncontrolled)])

    return rewrite_conjunctions(expr, at)


def controlled(disease: Predicate, word: str, text: str) -> Expr | None:
    """``disease`` asked ``word`` ("uncontrolled") in ``text``, read by the measurement as
    ``control_by_measurement`` reads "Uncontrolled diabetes"; None where the text writes a limit
    of its own (its words decide, read or not) or the disease has no measured control."""
    if disease.concept not in _LIMITS or _OWN_WORDS[disease.concept].search(text):
        return None
    return _with_limits(All((disease, Qualifier(ReviewReason.JUDGEMENT, word))), frozenset({disease.concept}))
