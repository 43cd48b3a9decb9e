"""Movement disorders named as a comorbidity: "History of seizures, movement disorders or
cerebrovascular accident within the past 3 years", "Movement disorders (ex. restless leg
syndrome)", "Parkinson's Disease or another non-essential tremor movement disorder" (issue 14;
a handful of corpus lines, of trials whose drug acts on the brain).

The words were left unread, so no record decided the line. A hospital codes a movement disorder
among the extrapyramidal and movement disorders (ICD-10-CM G20-G26: Parkinson's disease,
dystonia, essential tremor, chorea, restless legs), which Eligo reads as a disorder of the central
nervous system (``cns_disorder``, with ``parkinson_disease`` a kind of it), and a diagnosis absent
from the record is absent (contract, section 4). So: no CNS disorder on record, not met;
Parkinson's disease, met; any other CNS disorder (an epilepsy, a dementia, a stroke) may or may
not be the movement disorder the line means, and stays a person's.

Read where the line excludes it: an exclusion, or an inclusion negating it from its lead.

The pattern is an alternation of literals; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Op, ReviewReason
from rules_engine.parser.items import NEGATED, I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

_MOVEMENT = re.compile(r"\b(?:movement|extrapyramidal)\s+disorders?\b", I)
_WHICH = "whether the disorder of the central nervous system on record is a movement disorder"


def movement_disorder_items(text: str, ctype: CriterionType) -> list[Item]:
    """Each movement disorder ``text`` excludes (see the module's doc)."""
    if "disorder" not in text.lower():
        return []
    if CriterionType(ctype) is CriterionType.INCLUSION and NEGATED.match(text) is None:
        return []
    expr = any_of([predicate("parkinson_disease", Op.PRESENT),
                   all_of([predicate("cns_disorder", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, _WHICH)])])
    return [Item(m.start(), m.end(), expr, frozenset({"parkinson_disease", "cns_disorder"})) for m in _MOVEMENT.finditer(text)]
