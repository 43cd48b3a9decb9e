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

import re
from collections.abc import Callable
from dataclasses import replace

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, Window
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


def beyond_span(expr: Expr, span_of: Callable[[str], Window | None]) -> Expr:
    """A widened exception's rest (``widened_exception``) told what its span rules out: "... or
    other cancer from which the subject has been disease free for at least 5 years" can cover
    no cancer still active on record, nor one on record inside the span (about 40 corpus lines
    keep that part as ``Not(All(another malignancy, review))`` beside the malignancy counted).
    Left as it was, the review hid the line's decision for a patient whose other cancer is active
    today (holdout T204: an active breast cancer left "Prior malignancy, except ..." unknown).

    The rest asked of active records only (``other-malignancy`` bare) can then cover nothing, and
    the part is dropped; asked over a history, it keeps its review for a cancer on record beyond
    the span and no longer active, the only one the exception may cover. ``span_of`` reads the
    span from the exception's words (``coded._DISEASE_FREE``); a part whose words state none is
    left as it was, as is any part beside no malignancy the line counts."""
    if isinstance(expr, Not):
        inner = beyond_span(expr.part, span_of)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (All, Any_)):
        return expr
    parts = tuple(beyond_span(p, span_of) for p in expr.parts)
    counted = [p for p in parts if _counted(p)]
    if isinstance(expr, All) and counted:
        excepted = _excepted_kinds(counted[0])
        kept: list[Expr] = []
        for part in parts:
            rest = _spanned_rest(part, span_of, excepted)
            kept.extend([part] if rest is None else rest)
        parts = tuple(kept) if kept else parts
    if parts == expr.parts:
        return expr
    return parts[0] if len(parts) == 1 and isinstance(expr, All) else type(expr)(parts)


# an exception that also lets in cancers an active one may be ("... or participants with indolent
# second malignancies are eligible", "any other cancer fully treated", "malignancies with a
# negligible risk of metastasis", "or which will not limit survival to < 2 years", "... in the
# opinion of the investigator"): the span is not all
# it says, and the part is left as it was
_ACTIVE_MAY_QUALIFY = re.compile(
    r"indolent|low[\s-]+(?:risk|grade)|negligible|minimal\s+risk|not\s+requir|(?:no|without)\s+(?:active\s+)?(?:treatment|therapy)|"
    r"\bstable\b|watch|surveillance|fully\s+treated|completely\s+treated|opinion|investigator|sponsor|monitor|approv|discuss|consult|"
    r"judge?ment|deemed|considered|agreement|case[\s-]+by[\s-]+case|\bPI\b|surviv|life\s+expectancy|prognos|\bcurable\b",
    re.I,
)

ACTIVE_MAY_QUALIFY = _ACTIVE_MAY_QUALIFY  # (topics.inactive_history asks the same words)


def _is_malignancy(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.concept == "other_malignancy" and expr.op in _ASKED


def _counted(expr: Expr) -> bool:
    """The malignancy a line counts: ``other-malignancy`` predicates alone or as alternatives
    (beside excepted kinds kept with their words)."""
    if _is_malignancy(expr):
        return True
    return isinstance(expr, Any_) and bool(expr.parts) and _is_malignancy(expr.parts[0])


def _excepted_kinds(counted: Expr) -> frozenset[str]:
    """The cancers the counted malignancy leaves out (its value)."""
    preds = [counted] if isinstance(counted, Predicate) else [p for p in counted.parts if isinstance(p, Predicate)] if isinstance(counted, Any_) else []
    return frozenset(v for p in preds if p.concept == "other_malignancy" for v in p.value or () if isinstance(v, str))


# the cancers an exception's words may name beside its span: each must be left out of the counted
# malignancy already, or dropping the exception would count a basal cell carcinoma it excepts
# (a kind of skin cancer named alone, "basal cell", may be left out as itself or with its family)
_NAMED_KINDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\bbasal\b", re.I), ("basal_cell_skin_cancer", "nonmelanoma_skin_cancer")),
    (re.compile(r"\bsquamous\b", re.I), ("squamous_cell_skin_cancer", "nonmelanoma_skin_cancer")),
    (re.compile(r"\bskin\b", re.I), ("nonmelanoma_skin_cancer", "basal_cell_skin_cancer", "squamous_cell_skin_cancer")),
    (re.compile(r"\bbladder\b", re.I), ("bladder_cancer",)),
    (re.compile(r"\bprostat", re.I), ("prostate_cancer",)),
    (re.compile(r"\bbreast\b", re.I), ("breast_cancer",)),
    (re.compile(r"\bthyroid\b", re.I), ("thyroid_cancer",)),  # no concept: such an exception always stays
    (re.compile(r"\bmelanoma\b", re.I), ("melanoma",)),
)


def _spanned_rest(part: Expr, span_of: Callable[[str], Window | None], excepted: frozenset[str]) -> list[Expr] | None:
    """What stays of ``part`` when it is ``Not(All(malignancy..., review...))`` whose reviews
    state a span (nothing when it can cover no record), else None."""
    if not isinstance(part, Not) or not isinstance(part.part, All):
        return None
    inner = part.part.parts
    reviews = [p for p in inner if isinstance(p, Review)]
    others = [p for p in inner if not isinstance(p, Review)]
    if len(others) != 1 or not reviews:
        return None
    rest = others[0]
    preds = [rest] if isinstance(rest, Predicate) else list(rest.parts) if isinstance(rest, Any_) else []
    if not preds or not all(_is_malignancy(p) for p in preds):
        return None
    spans = [w for r in reviews if (w := span_of(r.text or "")) is not None]
    if not spans or any(_ACTIVE_MAY_QUALIFY.search(r.text or "") for r in reviews):
        return None
    words = " ".join(r.text or "" for r in reviews)
    if any(excepted.isdisjoint(kinds) for pattern, kinds in _NAMED_KINDS if pattern.search(re.sub(r"non-?melanoma", "", words, flags=re.I))):
        return None  # a cancer the exception names is still counted: its words stay its review
    base = preds[0]
    assert isinstance(base, Predicate)
    if all(isinstance(p, Predicate) and p.op is Op.PRESENT and p.window is None for p in preds):
        return []
    active = replace(base, op=Op.PRESENT, window=None)
    inside = replace(base, op=Op.WITHIN, window=spans[0])
    return [Not(All((rest, Not(active), Not(inside), *reviews)))]
