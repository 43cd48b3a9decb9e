"""A history of cancer the line allows once its curative treatment lies far enough back: "Participants
with a history of cancer, other than resected basal cell carcinoma or treated carcinoma in-situ.
Cancer treated with curative intent for more than 5 years previously will be allowed. Cancer
treated with curative intent for less than 5 years previously will not be allowed", "Patients with
prior malignancies except basal cell carcinoma ...; cancer treated with curative intent > 5 years
will be allowed; cancer treatment with curative intent =< 5 years will not be allowed" (one
template, 4 corpus lines).

The sentences state a span as "unless disease-free for at least 5 years" does: another malignancy
counts while active or on record inside the span, and one beyond it is allowed. Left as reviews
beside the malignancy, an active breast cancer of 8 months was unknown where the line excludes it,
and one cured 10 years ago was never let through. The sentences themselves are dropped once the
span is read (``sentences_dropped``); anything else the line says is kept.

Both patterns are literals with bounded gaps and one bounded number; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Review, Window

# the span the allowing sentence states: "(cancer) treated with curative intent (for) more than 5
# years (previously|ago) will be allowed"
_ALLOWED = re.compile(
    r"\btreated\s+with\s+curative\s+intent\s+(?:for\s+)?(?:>|more\s+than|greater\s+than|over|longer\s+than)\s*(?P<n>\d{1,2})\s*years?\b"
    r"[^.;]{0,30}?\b(?:will\s+be|is|are)\s+(?:allowed|permitted|eligible)\b",
    re.I,
)

# a review that is one of the two sentences and nothing else (the span allowed, or the span inside
# it refused: "Cancer treated with curative intent for less than 5 years previously will not be
# allowed")
_SENTENCE = re.compile(
    r"^\W*(?:cancers?|malignanc(?:y|ies))\s+treat(?:ed|ment)\s+with\s+curative\s+intent\s+(?:for\s+)?"
    r"(?:>|<|≤|≥|=<|<=|>=|more\s+than|less\s+than|greater\s+than|fewer\s+than|over|under|within)\s*\d{1,2}\s*years?\s*(?:previously|ago|prior)?\s*"
    r"(?:will|are|is)\s+(?:not\s+)?(?:be\s+)?(?:allowed|permitted|eligible)\W*$",
    re.I,
)


def curative_span(text: str) -> Window | None:
    """The span an allowing sentence of the line states, if any."""
    m = _ALLOWED.search(text)
    return Window(float(m.group("n")), "years") if m else None


def sentences_dropped(expr: Expr) -> Expr:
    """``expr`` without the reviews that are only the span's sentences (the span is read instead)."""
    if isinstance(expr, Not):
        return Not(sentences_dropped(expr.part))
    if isinstance(expr, (All, Any_)):
        parts = [sentences_dropped(p) for p in expr.parts]
        # (an alternative of its own or a conjunct beside the malignancy: either way the span says it)
        kept = [p for p in parts if not (isinstance(p, Review) and _SENTENCE.match(p.text or ""))]
        parts = kept if kept else parts
        if len(parts) == 1:
            return parts[0]
        return type(expr)(tuple(parts))
    return expr
