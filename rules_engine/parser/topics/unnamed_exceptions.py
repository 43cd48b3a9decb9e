"""What "another malignancy other than X" counts when no kind of cancer is read in X.

``events._other_than_items`` folds the cancers named after "other than" into the predicate's
value; with none read it took the words for the trial's own disease ("other than the cancer
under study", "other than that which is defined by the inclusion criteria") and excepted
nothing. That is right only for such words. "Patient currently has another active cancer other
than certain types of skin cancer" names a kind no pattern reads alone ("skin cancer"), and an
unrecognised name ("other than low-grade tumours") may except the very cancer on record: read
as excepting nothing, a basal cell carcinoma counted as another cancer and a patient the line
lets in was excluded, or, where the line asks for no other cancer, kept out.

Read here instead:
* the trial's own disease, in words -> excepting nothing more (as before);
* "skin cancer" (or "cutaneous") with no kind of it read -> the non-melanoma skin cancers are
  excepted (what the words always cover), and a melanoma is left to a person: "certain types of
  skin cancer" may or may not reach it;
* anything else, after "another" ("another malignancy other than low-grade tumours") -> a review
  beside the predicate: a patient with any cancer is left to a person (what the exception names
  is unread), one with none is decided as before. "another" was itself an unread word beside
  such lines until the pattern took it in; without it ("Colon cancer other than adenocarcinoma",
  "malignancy other than CRC") the words are read as before, the trial's own disease.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import Any_, Expr, Not, Predicate, ReviewReason
from rules_engine.parser.items import Item, all_of, any_of, content_words
from rules_engine.parser.safety import Alternative, Qualifier

_I = re.IGNORECASE

# words that name the trial's own disease, not an exception ("other than the cancer under study",
# "other than that which is defined by the inclusion criteria", "other than the one being treated")
_OWN = re.compile(
    r"\b(?:under\s+(?:study|investigation|evaluation)|being\s+(?:studied|treated|investigated|evaluated)|"
    r"(?:this|the)\s+(?:study|trial|protocol)|inclusion|study(?:'s)?\s+(?:disease|cancer|malignancy|indication)|"
    r"(?:primary|index|current|target)\s+(?:disease|cancer|malignancy|tumou?r|diagnosis)|qualifying|registrational|"
    r"(?:disease|cancer|malignancy)\s+(?:for\s+which|treated|studied))\b",
    _I,
)
_SKIN = re.compile(r"\bskin\b|\bcutaneous\b", _I)

# the words around an unread exception that restate "another malignancy" or the trial's own disease
_EMPTY = frozenset(
    "that which the one ones disease diseases cancer cancers malignancy malignancies tumor tumors tumour tumours neoplasm neoplasms".split()
)


def _unread(expr: Expr) -> bool:
    """Whether ``expr`` counts another malignancy with nothing excepted (its value None)."""
    if isinstance(expr, Predicate):
        return expr.concept == "other_malignancy" and expr.value is None
    if isinstance(expr, Any_):
        return bool(expr.parts) and all(_unread(p) for p in expr.parts)
    return False


def _excepting(expr: Expr, kinds: tuple[str, ...]) -> Expr:
    if isinstance(expr, Predicate):
        return replace(expr, value=kinds)
    assert isinstance(expr, Any_)
    return Any_(tuple(_excepting(p, kinds) for p in expr.parts))


def _read(named: str, expr: Expr, another: bool) -> Expr:
    """``expr`` (another malignancy, nothing excepted) as read when the words after "other
    than" (``named``) name no cancer the patterns know."""
    if isinstance(expr, Not):
        return Not(_read(named, expr.part, another))
    if not _unread(expr) or not named.strip() or _OWN.search(named):
        return expr
    said = " ".join(named.split())
    if _SKIN.search(named):
        # (a melanoma asked as the line asks another cancer: active, in its window, or ever)
        asked = expr.parts if isinstance(expr, Any_) else (expr,)
        ever = any_of([replace(p, concept="melanoma", value=None) for p in asked if isinstance(p, Predicate)])
        melanoma = all_of(
            [
                ever,
                Alternative(
                    ReviewReason.AMBIGUOUS, f"whether a melanoma is among the skin cancers excepted: other than {said}"
                ),
            ]
        )
        return any_of([_excepting(expr, ("nonmelanoma_skin_cancer", "melanoma")), melanoma])
    if not another or not [w for w in content_words(named) if w.lower() not in _EMPTY]:
        return expr
    return all_of([expr, Qualifier(ReviewReason.UNPARSED, f"other than {said}")])


def unread_other_than(items: list[Item], spans: list[tuple[int, int, str, bool]]) -> None:
    """Each item of "another malignancy other than X" (``spans``: where, X's words, and whether
    the line said "another") whose X no pattern read, read as the module says (in place, once the
    line's windows and history are set on the item). An unread X is kept for a person only after
    "another", whose word was left unread beside the malignancy before it was taken in ("Rectal
    cancers other than adenocarcinoma", "cancer other than CRC" read as before: the trial's own)."""
    for it in items:
        if it.expr is None or "other_malignancy" not in it.concepts:
            continue
        found = next(((x, another) for a, b, x, another in spans if a == it.start and b == it.end), None)
        if found is not None:
            it.expr = _read(found[0], it.expr, found[1])


# "Diagnosed or treated for a non-hematologic malignancy within 2 years", "Non-hematologic
# malignancy within the past three years except ...": another malignancy that is no blood cancer
# (12 corpus lines, all in trials of a blood cancer). Left beside the malignancy read, the word
# kept every patient with another cancer unknown; read, the blood cancers join what the line
# does not count (``derive.among``: a CLL beside an AML trial's AML is no such malignancy).
_NON_HEMATOLOGIC = re.compile(r"\bnon-?\s?ha?ematolog(?:ic|ical)\s++(?:(?:and|or)\s++non-?\s?lymphoid\s++)?$", _I)


def _with_blood_cancers(expr: Expr) -> Expr:
    if isinstance(expr, Predicate) and expr.concept == "other_malignancy":
        kept = tuple(v for v in expr.value or () if isinstance(v, str))
        return replace(expr, value=tuple(dict.fromkeys((*kept, "blood_cancer"))))
    if isinstance(expr, Any_):
        return Any_(tuple(_with_blood_cancers(p) for p in expr.parts))
    return expr


def non_hematologic(text: str, items: list[Item]) -> None:
    """Each item of another malignancy written "non-hematologic malignancy": grown over the
    word, the blood cancers excepted (in place)."""
    for it in items:
        if it.expr is None or "other_malignancy" not in it.concepts:
            continue
        before = _NON_HEMATOLOGIC.search(text, max(0, it.start - 40), it.start)
        if before is None or any(
            o is not it and o.expr is not None and o.start < it.start and o.end > before.start() for o in items
        ):
            continue
        it.start = before.start()
        it.expr = _with_blood_cancers(it.expr)


# "Known additional malignancy that is progressing or requires active treatment" (the Keytruda
# programme's wording, 14 corpus lines): one malignancy with two states, either of which makes it
# count. Split at its "or", the second state stood as an alternative of its own, an unread review
# that left every patient unknown, one with no other cancer too. Read as one: an active other
# malignancy with the states left to a person (a resolved one neither progresses nor is treated).
_PROGRESSING_OR_TREATED = re.compile(
    r"\s*+,?\s*+(?:that|which)\s++(?:is|are|has|have)\s++(?:been\s++)?(?:progressing|progressed|progressive)\s++or\s++(?:that\s++|which\s++)?(?:(?:has|have)\s++)?"
    r"(?:requires?|required|requiring|needs?|needed|needing)\s++(?:active\s++|ongoing\s++|current\s++)?(?:treatment|therapy)\b",
    _I,
)


def progressing_or_treated(text: str, items: list[Item]) -> None:
    """Each item of another malignancy followed by "that is progressing or requires active
    treatment": grown over the words, the states a review beside it (in place)."""
    for it in items:
        if not isinstance(it.expr, (Predicate, Any_)) or "other_malignancy" not in it.concepts:
            continue
        m = _PROGRESSING_OR_TREATED.match(text, it.end)
        if m is None or any(o is not it and o.start < m.end() and o.end > it.end for o in items if o.expr is not None):
            continue
        it.end = m.end()
        it.expr = all_of(
            [it.expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(m.group(0).strip(" ,").split()))]
        )
