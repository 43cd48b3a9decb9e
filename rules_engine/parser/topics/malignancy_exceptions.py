"""An exception to "another malignancy" that names excepted cancers *and* widens to other cancers
("Prior malignancy, except for adequately treated basal cell or squamous cell skin cancer, in
situ cervical cancer, or other cancer from which the subject has been disease free for at least
2 years"): the clause grammar reads it as ``Not(All(Any_(skin cancer, cervical carcinoma in situ,
another malignancy), review))`` beside the line (65 corpus lines).

``topics.coded`` folds an exception into the counted malignancy's value only when it names
nothing but excepted cancers; this one also names another malignancy, so it stayed ``Not(...)``.
There the excepted cancers are asked of active records only while the line counts every record
in its span: a resolved basal cell carcinoma on record was counted by the line and not excepted,
and its patient excluded. Split here, the named cancers fold into the value like any other
exception (a record of them, resolved or active, is not another malignancy; their unread words
stay a review for a patient holding them), and the widening part stays the ``Not`` of its own
review beside the line, as before: a patient with another cancer the exception does not name is
still counted by the line and left to that review, never cleared by the record.

Kept apart from ``topics.coded`` (already large) as one shape of exception it hands over.
"""

from __future__ import annotations

from collections.abc import Callable

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review
from rules_engine.concepts import MALIGNANCIES

_ASKED = (Op.PRESENT, Op.WITHIN)


def widened_exception(part: Expr, exceptable: frozenset[str]) -> tuple[list[str], list[str], Expr] | None:
    """(the excepted malignancies, the exception's review texts, what stays of the exception:
    ``Not`` of the widening part with its reviews) for ``Not(All(Any_(cancers..., another
    malignancy...), review...))``; None for any other shape."""
    if not isinstance(part, Not) or not isinstance(part.part, All):
        return None
    options = [p for p in part.part.parts if not isinstance(p, Review)]
    reviews = [p for p in part.part.parts if isinstance(p, Review)]
    if len(options) != 1 or not reviews or not isinstance(options[0], Any_):
        return None
    named = options[0].parts
    if not all(isinstance(p, Predicate) and p.op in _ASKED for p in named):
        return None
    preds = [p for p in named if isinstance(p, Predicate)]
    kinds = [p for p in preds if p.concept in exceptable]
    wider = [p for p in preds if p.concept == "other_malignancy"]
    if not kinds or not wider or len(kinds) + len(wider) != len(preds):
        return None
    excepted = list(dict.fromkeys(p.concept for p in kinds if p.concept in MALIGNANCIES))
    texts = [r.text for r in reviews if r.text]
    rest: Expr = wider[0] if len(wider) == 1 else Any_(tuple(wider))
    return excepted, texts, Not(All((rest, *reviews)))


def side_by_side(expr: All, is_target: Callable[[Expr], bool]) -> All:
    """``(another malignancy and review "unless disease-free for 3 years") and not (exceptions)``
    ("Diagnosis of another malignancy, unless the patient is disease-free for at least 3 years
    ..., with the following exceptions:" and its listed exceptions): the heading's own reading and
    its children's exceptions are one line's, set side by side *before* either is read. Read
    first, the heading's span turned its malignancy into alternatives no exception recognised, so
    the listed cancers were asked of active records only while the span counted a resolved one
    (a resolved basal cell carcinoma the exception names excluded its patient)."""
    if not any(isinstance(p, Not) for p in expr.parts):
        return expr
    nested = [p for p in expr.parts if isinstance(p, All) and p.parts and is_target(p.parts[0])]
    if not nested:
        return expr
    return All(tuple(q for p in expr.parts for q in (p.parts if any(p is n for n in nested) else (p,))))
