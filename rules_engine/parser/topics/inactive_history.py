"""A permission for a past cancer "as long as there is no active disease" beside another malignancy.

"Patients with another active cancer (excluding basal cell carcinoma ...). Prior history of cancer
is allowed, as long as there is no active disease", "Another known malignancy that is progressing
or requires active treatment (...). Prior history of other cancer is allowed, as long as there is
no active disease within the past 5 years" (the Merck template): the grammar reads the permission
as ``Not(All(another malignancy, review))`` beside the line, so a patient whose other cancer is
active today was as unknown as one cured years ago (holdout T144-breast).

The permission lets in a cancer with no active disease; an active record of another malignancy is
active disease, so the permission is asked of a patient without one only: its review becomes
``All(Not(active other malignancy), review)``, the malignancy told the same cancers to leave out
(the trial's own, the excepted kinds) as the one beside it. A resolved cancer keeps the review as
before; the line never decides more than an active record says. Only the review that says so in
these words, and says nothing an active cancer may meet ("indolent", "not requiring treatment",
"stable", an investigator's leave: ``malignancy_exceptions._ACTIVE_MAY_QUALIFY``), is read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, iter_predicates
from rules_engine.parser.items import rewrite_groups
from rules_engine.parser.topics.malignancy_exceptions import ACTIVE_MAY_QUALIFY

# "as long as there is no active disease", "provided there is no evidence of active disease"
_NO_ACTIVE = re.compile(
    r"\b(?:as\s+long\s+as|provided(?:\s+that)?|if)\s+(?:there\s+is\s+|they\s+have\s+|the\s+patient\s+has\s+)?no\s+(?:evidence\s+of\s+)?active\s+(?:disease|cancer|malignancy)\b",
    re.I,
)


def _counted(expr: Expr) -> Predicate | None:
    """The first ``other_malignancy`` predicate ``expr`` asks present or inside a window."""
    return next((p for p in iter_predicates(expr) if p.concept == "other_malignancy" and p.op in (Op.PRESENT, Op.WITHIN)), None)


def inactive_history(expr: Expr, ctype: CriterionType) -> Expr:
    """``expr`` with a permission for a past cancer with no active disease asked of a patient
    without an active other malignancy (see the module's docstring)."""
    letting_in = ctype is CriterionType.INCLUSION  # the sign under which a review lets patients in

    def at(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
        if positive is not letting_in:
            return parts
        counted = next((c for p in parts if not isinstance(p, Review) and (c := _counted(p)) is not None), None)
        if counted is None:
            return parts
        active = replace(counted, op=Op.PRESENT, window=None)
        return [
            All((Not(active), p))
            if isinstance(p, Review) and _NO_ACTIVE.search(p.text or "") and not ACTIVE_MAY_QUALIFY.search(p.text or "")
            else p
            for p in parts
        ]

    return rewrite_groups(expr, at)
