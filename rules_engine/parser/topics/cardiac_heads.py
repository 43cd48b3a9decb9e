"""A heart's failing function or its ECG named as a whole, left to a person, asked only of the
patients whose record could hold it (issue 14): "cardiac dysfunction (particularly congestive
heart failure)", "Patient must not have impaired cardiac functions", "Severe cardiac dysfunction
(NYHA classification III-IV)", "Significant screening electrocardiogram (ECG) abnormalities
including left bundle branch block, ... and QTc > 470 msec" (about 60 corpus records name a
cardiac dysfunction or impairment, about 30 ECG abnormalities).

The readers of these words (``organ_disease.cardiac_dysfunction_items``,
``cardiac_impairment``) read what settles the line against the patient (an ejection fraction
below every lab's limit, a heart failure on record) and leave the rest of the words' reach to a
person as a review beside them; the ECG's listed kinds are read by the events topic, the head
left the same way. That review was asked of every patient, so a record with no heart disease and
a normal ejection fraction (or a normal ECG) was never cleared: unknown, where the record says
the patient has none of it (absent means absent, as ``head_examples`` asks "any other uncontrolled
cardiac condition" of a patient with a cardiac disease on record only).

So the review is asked of a patient who could have it:

* a dysfunction or impairment of the heart: a disease of the circulatory system on record
  (ICD-10-CM I00-I99, which holds every failure, cardiomyopathy, valve, rhythm and conduction
  disease, and the hypertension lines give as an example of a "cardiac disease"), or an
  ejection fraction that is not surely normal (under 45 %, or none on record: unknown stays
  unknown);
* a disease of the heart (or of the heart and vessels) under a qualifier ("major heart disease",
  "clinically significant cardiovascular disease"): a disease of the circulatory system on record;
* ECG abnormalities: a disease of the circulatory system on record (every rhythm, conduction and
  ischaemic disease an ECG shows is one), or, where the line sets no QTc bound of its own, a QTc
  over 450 ms (or none on record).

Only a review whose words are the head alone (a closed vocabulary of the head's words and its
qualifiers, no number, no treatment): any other review keeps its reach. Every pattern is a
bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import All, Any_, Expr, Not, Op, Review, iter_predicates
from rules_engine.parser.items import predicate
from rules_engine.parser.topics.labs import LVEF_SURELY_LOW

_GATE = ("cardi", "heart", "ecg", "ekg")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{0,30}")
_DIGIT = re.compile(r"\d")
# a window the head is dated by ("Clinically significant cardiovascular disease within 12
# months"): the gate asks the disease ever on record, which a disease within the window is
_WINDOW = re.compile(r"\bwithin\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?\d{1,3}\s*(?:days?|weeks?|months?|years?)\b", re.I)

# the words a head is made of, besides its subject: qualifiers, determiners, the example marker
_QUALIFIERS = frozenset({
    "severe", "significant", "clinically", "known", "history", "of", "evidence", "any", "other", "pre-existing", "preexisting",
    "the", "a", "an", "prior", "previous", "current", "active", "uncontrolled", "serious", "major", "relevant", "medically",
    "including", "such", "as", "particularly", "e", "g", "eg", "i", "for", "example", "or", "and", "with", "patient", "patients",
    "must", "not", "have", "has", "no", "subject", "subjects", "participant", "participants", "documented", "screening",
    "baseline", "resting", "underlying", "existing", "concurrent", "some", "certain",
})
_HEART = frozenset({"cardiac", "heart", "myocardial", "left", "ventricular", "lv", "systolic", "function", "functions"})
_DYSFUNCTION = frozenset({"dysfunction", "dysfunctions", "impaired", "impairment", "impairments"})
_ECG = frozenset({"ecg", "ekg", "ecgs", "ekgs", "electrocardiogram", "electrocardiograms", "electrocardiographic"})
_ABNORMAL = frozenset({"abnormality", "abnormalities", "abnormal"})
# words that make the review something else: a treatment, a risk, a family's history, a cause
_DISEASE = frozenset({"disease", "diseases", "condition", "conditions", "disorder", "disorders", "illness", "illnesses"})
# (the brain's vessels named with the heart's, "Severe cardiovascular and cerebrovascular
# diseases, including: ...", "Some cardiovascular and cerebrovascular diseases (such as ...)": a
# disease of the circulatory system, I00-I99, holds the cerebrovascular I60-I69 too)
_VESSELS = frozenset({"cardiovascular", "cardio-vascular", "cerebrovascular", "cerebro-vascular"})
# a valve's disease is a heart's ("severe valvular heart disease"): I05-I08, I34-I39 on record
_VALVES = frozenset({"valvular", "valve"})
_OTHER = frozenset({"therapy", "treatment", "medication", "medications", "drug", "drugs", "risk", "family", "due", "caused", "secondary"})


def _kind(text: str) -> str | None:
    """``dysfunction`` or ``ecg`` for a review's words that are such a head alone, else None."""
    text = _WINDOW.sub(" ", text)
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or _DIGIT.search(text) or len(words) > 16:
        return None
    allowed = _QUALIFIERS | _HEART | _DYSFUNCTION | _ECG | _ABNORMAL | _DISEASE | _VESSELS | _VALVES
    if any(w not in allowed or w in _OTHER for w in words):
        return None
    seen = set(words)
    if seen & _ECG and seen & _ABNORMAL and not seen & _DYSFUNCTION:
        return "ecg"
    if seen & _DYSFUNCTION and seen & (_HEART - {"function", "functions"}) and not seen & (_ECG | _DISEASE | _VESSELS):
        return "dysfunction"
    if seen & _DISEASE and not seen & (_ECG | _DYSFUNCTION | _ABNORMAL) and seen <= (_QUALIFIERS | _DISEASE | _VESSELS | _VALVES | {"cardiac", "heart"}):
        return "vessels" if seen & _VESSELS else "heart" if seen & {"cardiac", "heart"} else None
    return None


def _gate(kind: str, qtc_bounded: bool) -> Expr:
    # a disease of the heart or of its vessels, whichever the head names: lines give a blood
    # pressure as an example of a "cardiac disease" ("Significant cardiac disease, including
    # uncontrolled high blood pressure, ..."), so a hypertension on record keeps the head open
    vessels = predicate("cardiovascular_disease", Op.PRESENT)
    if kind in ("heart", "vessels"):
        return vessels
    if kind == "dysfunction":
        return Any_((vessels, Not(predicate("lvef", Op.GTE, LVEF_SURELY_LOW, "%"))))
    if qtc_bounded:
        return vessels
    return Any_((vessels, predicate("qtc", Op.GT, 450, "ms")))


def cardiac_heads_gated(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with each review of a bare cardiac dysfunction or ECG
    abnormality asked only of a patient who could have it (module docstring)."""
    low = text.lower()
    if not any(g in low for g in _GATE):
        return expr
    qtc_bounded = any(p.concept == "qtc" and p.value is not None for p in iter_predicates(expr))

    def gated(node: Expr) -> Expr:
        if not isinstance(node, Review) or not node.text:
            return node
        kind = _kind(node.text)
        return node if kind is None else All((_gate(kind, qtc_bounded), node))

    return _walk(expr, gated)


def _walk(expr: Expr, gated: Callable[[Expr], Expr]) -> Expr:
    """``expr`` with ``gated`` applied to each review standing as the line, as an alternative or
    under a negation; a review and-ed beside another part qualifies that part ("left ventricular
    dysfunction with resting ejection fraction < 50%": LVEF < 50 and the words), and gated it
    would clear the low ejection fraction the words qualify. A node nothing changes is returned
    as it was (the same object, its own type kept)."""
    if isinstance(expr, Not):
        inner = _walk(expr.part, gated)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, Any_):
        parts = tuple(_walk(p, gated) for p in expr.parts)
    elif isinstance(expr, All):
        parts = tuple(p if isinstance(p, Review) else _walk(p, gated) for p in expr.parts)
    else:
        return gated(expr)
    if all(a is b for a, b in zip(parts, expr.parts, strict=True)):
        return expr
    return type(expr)(parts)
