"""A prior treatment named by the cancer it was for and nothing else: "No prior therapy for MDS",
"No previous treatment for lung cancer", "Prior treatment for endometrial cancer", "Patients who
have had any prior therapy for pancreatic cancer" (about 25 corpus lines; every one was a review,
for everyone, a patient given chemotherapy for the cancer included).

The events topic reads the words as anticancer therapy (the trial's own cancer narrows nothing a
record tells apart, as "No prior chemotherapy for NSCLC" reads). A treatment for the cancer may be
more than an anticancer drug or radiotherapy: its surgery, or the supportive care a marrow disease
is treated with (growth factors, transfusions, iron chelation, corticosteroids). A record holding
one of those leaves the line to a person, who knows what it was for; a record with none of them and
no anticancer therapy has had no treatment the record shows.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import I, all_of, any_of, predicate

_CANCER = (
    r"(?:[\w-]+\s+){0,2}?(?:[a-z]*(?:cancers?|carcinomas?|tumou?rs?|lymphomas?|leuka?emias?|myelomas?|melanomas?|sarcomas?|malignan\w*|neoplasms?)"
    r"|NSCLC|SCLC|AML|ALL|CLL|CML|MDS|NHL|RCC|HCC|CRC)"
)
# the phrase anywhere in the line (the events topic reads it in the clause it opens): widening
# every undated anticancer therapy of such a line can only leave more of it to a person
# (opened as the events topic's reading is, never a count: "No more than 2 prior therapies for MDS"
# asks how many, and a patient given none meets it whatever supportive care the record holds)
# ... and the current treatment so named ("Currently receiving any treatment for MDS", "No other
# concurrent treatment for CML"), read by the events topic
# with the time its words give: the supportive care is asked at the same time
_SHAPE = re.compile(
    r"(?:(?:^\W*|\b(?:no|any|other|had)\s+)(?:prior|previous)\s+"
    r"|\b(?:concurrent|concomitant|receiving\s+any|all\s+other|any\s+other)\s+)(?:therap(?:y|ies)|treatments?)\s+for\s+(?:the\s+|their\s+|this\s+)?" + _CANCER + r"\b", I
)
_SUPPORTIVE = ("surgery", "growth_factor", "transfusion", "iron_chelator", "steroid_therapy")
# a line that lets transfusions be ("other than transfusions", "except red blood cell transfusion
# support"): no transfusion on record is the treatment it asks about
_TRANSFUSION_EXCEPTED = re.compile(r"\b(?:other\s+than|except(?:\s+for)?|excluding)\s+(?:[\w-]+\s+){0,3}?transfusions?\b", I)
_WHAT_FOR = "whether the surgery or supportive care on record was a treatment for the cancer"


def therapy_for_cancer(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """``expr`` with the anticancer therapy a bare "prior therapy for <cancer>" line was read as
    widened by the other treatments a record may hold (see the module's doc), where the therapy
    counts against the patient (an exclusion's, or what "No prior ..." forbids). Where the line
    asks for a therapy ("must have failed one prior treatment for NSCLC") a record without an
    anticancer therapy still fails it: a steroid on record must not turn that into unknown."""
    if _SHAPE.search(text) is None:
        return expr
    supportive = tuple(c for c in _SUPPORTIVE if c != "transfusion" or not _TRANSFUSION_EXCEPTED.search(text))
    return _widen(expr, CriterionType(ctype) is CriterionType.EXCLUSION, supportive)


def _widen(expr: Expr, against_met: bool, supportive: tuple[str, ...]) -> Expr:
    if isinstance(expr, Predicate) and expr.concept == "anticancer_therapy" and (
        expr.op is Op.PRESENT and expr.window is None or expr.op is Op.WITHIN and expr.window is not None
    ):
        if not against_met:
            return expr
        # (a dated therapy, "within 28 days" for a current one: the supportive care by the same dates)
        other = any_of([predicate(c, expr.op, window=expr.window) for c in supportive])
        return any_of([expr, all_of([other, Review(ReviewReason.AMBIGUOUS, _WHAT_FOR)])])
    if isinstance(expr, Not):
        return Not(_widen(expr.part, not against_met, supportive))
    if isinstance(expr, All):
        return all_of([_widen(p, against_met, supportive) for p in expr.parts])
    if isinstance(expr, Any_):
        return any_of([_widen(p, against_met, supportive) for p in expr.parts])
    return expr
