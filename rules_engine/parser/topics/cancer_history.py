"""A named solid cancer asked as a history in an exclusion: "History of breast cancer", "Prior
history of metastatic malignancy", "History of prostate cancer, breast cancer or any other
malignancy, except ..." (corpus exclusions; the holdout's T194).

A cancer named after "prior", "history of" or "other" is left to a person (events: the words may
name the trial's own disease, another cancer, or a therapy's indication). Straight after
"history of" in an exclusion the words name the cancer the patient must never have had: a
record of it, active or resolved, excludes; none on record does not (absent means absent). The
trial's own disease named so is dropped beside the line's other alternatives by
``coded.resolve`` (``_without_own_disease``), as every other exclusion's is.

Only the solid cancers and metastatic disease: the blood cancers so named are read already
(``events._ever``, the lymphoma reading), and "prior breast cancer" or "other breast cancer"
(no "history of") keep the old reading. A span the line excepts ("... or any other malignancy,
except cancers in remission for >= 5 years") replaces the lifetime: ``coded._listed_disease_free``
counts the named cancer while active or inside it, as it counts another malignancy.

Each pattern is a literal tail anchored at the end of a short window; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, ancestors
from rules_engine.criteria import CriterionType

# the cancers read so: the solid tumours and their kinds, and metastatic disease
HISTORY_CANCERS = frozenset(c for c in CONCEPTS if c == "solid_tumor" or "solid_tumor" in ancestors(c)) | {
    "metastatic_disease"
}

# "history of", "(prior|past|known) history of", "a history of", right before the cancer's name
_HISTORY_OF = re.compile(r"\bhistory\s+of\s+(?:an?\s+)?$", re.I)


def history_named(before: str, concept: str, ctype: CriterionType) -> bool:
    """Whether the cancer ``concept`` named after ``before`` is an exclusion's history of it."""
    return ctype is CriterionType.EXCLUSION and concept in HISTORY_CANCERS and _HISTORY_OF.search(before) is not None
