"""Heart failure asked to need treatment: "No cardiac insufficiency requiring treatment",
"Subjects with a history of congestive heart failure (CHF) requiring medical therapy",
"congestive heart failure requiring therapy" (about 10 corpus lines; issue 14, cond7).

The parser reads the heart failure and leaves the need to a person ("heart failure and a review of
'requiring treatment'"), so a patient with heart failure on furosemide was unknown where the line
excludes him. The treatment a failing heart needs is a drug a record holds: a diuretic (ATC C03,
loop, thiazide or potassium-sparing, the mineralocorticoid antagonists among them) or a
beta-blocker, both first-line therapy of heart failure, taken now (within two weeks, as
``arrhythmia_therapy`` reads a rhythm's need). With one on record beside the heart failure, the
failure is treated, so it requires treatment by any reading. Without one the need stays a
person's (an ACE inhibitor, a device, a need untreated), and without the heart failure the line
asks nothing (absent means absent): only "heart failure on a diuretic or beta-blocker" moves,
toward the line applying.

The need's pattern is ``arrhythmia_therapy``'s (possessive or bounded repetitions only).
"""

from __future__ import annotations

from rules_engine.criteria import All, Expr, Op, Predicate, Review, Window
from rules_engine.parser.items import NOW, all_of, any_of, predicate, rewrite_conjunctions
from rules_engine.parser.topics.arrhythmia_therapy import NEED_ONLY

_NOW = NOW
_TREATED = ("diuretic_therapy", "beta_blocker")


def _treated(node: All) -> Expr | None:
    if len(node.parts) != 2:
        return None
    failure = next((p for p in node.parts if isinstance(p, Predicate)), None)
    review = next((p for p in node.parts if isinstance(p, Review)), None)
    if (
        failure is None
        or review is None
        or failure.concept != "heart_failure"
        or failure.op is not Op.PRESENT
        or failure.window is not None
    ):
        return None
    if not review.text or not NEED_ONLY.fullmatch(review.text):
        return None
    drugs = [predicate(c, Op.WITHIN, None, None, False, _NOW) for c in _TREATED]
    return all_of([failure, any_of([*drugs, review])])


def heart_failure_needing_therapy(expr: Expr) -> Expr:
    """``expr`` with each "heart failure and a review of its need for treatment" given the drugs
    on record that treat it (the review kept for a patient on none; see the module's doc)."""
    return rewrite_conjunctions(expr, _treated)
