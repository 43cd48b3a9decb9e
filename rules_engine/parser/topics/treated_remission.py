"""A disease in remission after treatment on record is no longer newly diagnosed (dx15; issue 14).

"Newly Diagnosed Acute Myeloid Leukemia (AML)", "Note: Newly-diagnosed AML patients who are 60
years or older and are not candidates for ... standard chemotherapy are also eligible": the line
asks for a disease not yet treated to a response. It is read as neither relapsed nor refractory,
and a remission on record was left to a person (a remission may follow a treatment the line rules
out, or be the record's word for a disease never treated). When the record also holds an
anticancer therapy, the remission is the therapy's: the disease was treated and answered, so it is
no longer newly diagnosed (holdout: AML in first remission after cytarabine induction, left
unknown by such lines). A remission with no therapy on record stays a person's question.

Only where the words ask for the diagnosis itself: "therapy for newly diagnosed AML", "in newly
diagnosed AML" name the setting of a treatment or a score, not the patient's disease now, and keep
the person's question.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op, ReviewReason
from rules_engine.parser.items import I, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

# the words right before "newly diagnosed" that make it a setting ("for", "in", "of", "during")
_SETTING_BEFORE = re.compile(r"\b(?:for|in|of|during|after|following|context)\s+(?:the\s+|a\s+|their\s+)?$", I)


def remission_part(text: str, start: int) -> Expr:
    """What "newly diagnosed" at ``start`` asks of a remission on record."""
    person = Qualifier(ReviewReason.AMBIGUOUS, "a disease in remission may have been treated already")
    if _SETTING_BEFORE.search(text[max(0, start - 30): start]):
        return any_of([Not(predicate("remission", Op.PRESENT)), person])
    return any_of([Not(predicate("remission", Op.PRESENT)), all_of([Not(predicate("anticancer_therapy", Op.PRESENT)), person])])
