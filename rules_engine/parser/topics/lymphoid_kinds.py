"""A lymphoid malignancy named as one kind of patient: "relapsed or refractory CD20+ lymphoid
malignancies with either documented CNS involvement ...", "relapsed or primary refractory
lymphoid malignancy (including ...)", "WHO classification of lymphoid malignancies" (15 corpus
lines write "lymphoid malignancy/-ies"; issue 14).

Why a reading of its own: no record codes a "lymphoid malignancy"; hospitals code its kinds (the
lymphomas, ALL, CLL, myeloma and the other plasma cell neoplasms, Waldenström's, prolymphocytic leukaemia (B or T); WHO's
lymphoid neoplasms), each a concept with its own parent. Left unread, the line was a review for
every patient, so an AML patient (no lymphoid disease) was left to a person and a B-ALL or mantle
cell lymphoma patient was not decided either.

The reading: any of those kinds, or a blood cancer coded without its kind (a "hematologic
malignancy" on record) with the lineage left to a person. A record that says only "lymphoma" or
"acute leukemia" leaves its kind open (those concepts are exhaustive), never absent. "non-lymphoid
malignancy" and "hematolymphoid malignancy" are other things and are left as they were, and so
is the name where it is no kind of patient the line takes (a classification cited, a therapy's
indication, another cancer than the trial's: ``_NOT_THE_PATIENTS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import Expr, Op, ReviewReason
from rules_engine.parser.items import Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

_LYMPHOID = re.compile(
    r"(?<![\w-])(?<!non[\s-])lymphoid\s+(?:malignanc(?:y|ies)|neoplasms?|neoplasias?|cancers?)\b", re.I
)

# WHO's lymphoid neoplasms as the concepts hospitals code them
KINDS = ("lymphoma", "all", "cll", "multiple_myeloma", "plasma_cell_leukemia", "waldenstrom_macroglobulinemia", "prolymphocytic_leukemia")
_UNKNOWN_KIND = "hematologic_malignancy"  # a blood cancer coded without its kind


def lymphoid_expr() -> Expr:
    """Any lymphoid kind, or a blood cancer of no coded kind with its lineage a person's to say."""
    return any_of(
        [
            *(predicate(c, Op.PRESENT) for c in KINDS),
            all_of(
                [
                    predicate(_UNKNOWN_KIND, Op.PRESENT),
                    Qualifier(ReviewReason.AMBIGUOUS, "whether the blood cancer on record is a lymphoid one"),
                ]
            ),
        ]
    )


# words before the name that make it no kind of patient the line takes: a classification cited
# ("WHO classification of lymphoid malignancies"), a therapy's indication ("prior treatment for
# lymphoid malignancy comprising ..."), another cancer than the trial's ("any other prior lymphoid
# malignancy other than the registrational histology"). Read there, the kinds joined the trial's
# own diseases, and a history of CLL no longer excluded a DLBCL patient as another malignancy
_NOT_THE_PATIENTS = re.compile(
    r"(?:\bclassification\s+of|\b(?:treatment|therapy|therapies|regimens?|treated)\s+for"
    r"|\b(?:other|another|second|secondary|concurrent|concomitant)\b)(?:\s+(?:the|their|his|her|a|an|any|prior|previous))?\s*$",
    re.I,
)


def lymphoid_items(text: str, free: Callable[[int, int], bool]) -> list[Item]:
    return [
        Item(m.start(), m.end(), lymphoid_expr(), frozenset(KINDS))
        for m in _LYMPHOID.finditer(text)
        if free(m.start(), m.end()) and _NOT_THE_PATIENTS.search(text, max(0, m.start() - 40), m.start()) is None
    ]
