"""Inclusion lines that permit a complication on a condition: "Brain metastases are allowed if
asymptomatic", "Patients with treated brain metastases are eligible if follow-up imaging shows no
progression", "Brain metastasis must be stable and well-controlled".

Such a line asks nothing of a patient without the complication: for everyone else it holds. What
it asks of a patient with one ("stable", "asymptomatic", "off steroids for 4 weeks") is rarely on a
record, so it stays a review beside the structured part: the line reads
``any of: not <complication>, review <condition>``. Read whole as a review (before), the line left
every patient unknown, the many with no brain metastases too; read as asking for the complication,
it would have failed them all.

Only complications a trial commonly permits on a condition are read here (brain, leptomeningeal
and CNS involvement), never a diagnosis a cohort names ("Patients with NSCLC are eligible if ..."
can be the trial's own disease, which other lines ask for).
"""
from __future__ import annotations

import re

from rules_engine.criteria import Any_, CriterionType, Expr, Not, Op, Predicate
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, any_of, content_words
from rules_engine.parser.review_reasons import review_reason
from rules_engine.parser.safety import Alternative

# the complications a line permits on a condition (a record codes each as present)
PERMITTED_SUBJECTS = frozenset({"brain_metastases", "leptomeningeal_disease", "cns_involvement"})

_WHO = r"(?:(?:the\s+)?(?:patients?|subjects?|participants?|those|individuals?)\s+(?:with|who\s+have|having)\s+)?"
_COND = r"(?P<cond>[^,:;.()]{2,90}?)"

# "<complication> are allowed / eligible / permitted ...", "Patients with <complication> may be
# eligible provided ...", "... can only be included if ..."
_PERMITTED = re.compile(
    r"^\W*" + _WHO + _COND + r"\s*,?\s+(?:(?:are|is|will|would|may|can|could|shall)\s+(?:(?:also|only|still)\s+)?(?:be\s+)?(?:(?:also|only)\s+)?"
    r"(?:eligible|allowed|permitted|included|acceptable|enrolled)|may\s+(?:participate|enrol+)|were\s+only\s+enrolled)\b(?P<req>[^\n]*)$",
    I,
)

# "Brain metastasis must be stable and well-controlled", "Brain metastasis if present and treated
# must be stable by CT scan": what the complication, where present, must be
_MUST_BE = re.compile(
    r"^\W*" + _COND + r"\s*,?\s+(?P<present>if\s+(?:any\s+)?present[^,.;]{0,40}?,?\s+)?(?:must|should|need\s+to)\s+(?P<req>(?:be|have\s+been|remain)\b[^\n]*)$",
    I,
)

_NEGATION = re.compile(r"\b(?:no|not|non|without|never|none|absence|free)\b", I)

# words beside the complication that may name another one ("brain or leptomeningeal metastases"
# read as leptomeningeal alone): then the condition is not the complication read, and the line is
# left whole to a person (a patient with brain metastases only would have been out of its scope)
_ANOTHER_SUBJECT = re.compile(
    r"\b(?:brain|cerebr\w*|intracranial|CNS|central|nervous|spin\w*|mening\w*|leptomening\w*|metasta\w*|mets|lesions?|tumou?rs?|"
    r"disease|cancer|malignan\w*|involvement|lymphoma|leukemi\w*|bone|liver|lung|visceral|organs?|sites?)\b",
    I,
)


def _condition(cond: str) -> tuple[Expr, str] | None:
    """The complication the words name (as present) and the words left beside it."""
    items = extract(cond, CriterionType.EXCLUSION)
    if not items or _NEGATION.search(cond):
        return None
    exprs: list[Expr] = []
    for it in items:
        parts = it.expr.parts if isinstance(it.expr, Any_) else (it.expr,)
        if not all(isinstance(p, Predicate) and p.op is Op.PRESENT and p.concept in PERMITTED_SUBJECTS for p in parts):
            return None
        exprs.append(it.expr)  # type: ignore[arg-type]
    rest = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    if _ANOTHER_SUBJECT.search(rest):
        return None
    return any_of(exprs), " ".join(rest.split())


def permitted_subject(text: str, ctype: CriterionType) -> Expr | None:
    """``any of: not <complication>, review <what it must be>`` for a line permitting a complication
    on a condition, or None."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _PERMITTED.match(text) or _MUST_BE.match(text)
    if m is None:
        return None
    found = _condition(m.group("cond"))
    if found is None:
        return None
    condition, rest = found
    asked = " ".join(w for w in (rest, m.group("req").strip(" ,.;")) if w)
    if not content_words(asked):  # "Patients with brain metastases are eligible": no condition to review
        return None
    return any_of([Not(condition), Alternative(review_reason(asked), asked)])
