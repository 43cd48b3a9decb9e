""" "Previously untreated <disease>": no therapy *for that disease*, given since its diagnosis, not
no therapy ever (issue 14; "Previously untreated AML", "Newly diagnosed, previously untreated ...
de novo or secondary AML", "Untreated AML patients over the age of 60").

Why: read as "no anticancer therapy on record", a patient whose AML followed a myelodysplastic
syndrome treated with azacitidine, or a breast cancer treated with adjuvant chemotherapy years
before, failed a line their untreated AML meets (holdout T232). The rule language has no window
anchored on a diagnosis's date, so the reading here is the safe part of it: a therapy on record
beside an earlier disease the line does not name (another malignancy, an MDS, an MPN, a CMML or
JMML, on record at any time, active or not) may have been that disease's
(``therapy_for_earlier_disease``, which ``derive.OPEN_BESIDE`` leaves open there: unknown, never
a pass, and no review, so the trial is possibly eligible, never eligible); a therapy with no such
disease on record is the named disease's own and still decides, as before. What remains (a
therapy dated before the diagnosis of the same disease, with no other disease on record; a
therapy dated after the diagnosis beside an earlier disease) needs a window anchored on the
diagnosis in both evaluators.

Only an inclusion's "no anticancer therapy" is widened, and never one under a negation (a
condition's: "if untreated AML, ..."); an exclusion, or a line that names no disease, is as before.
"""

from __future__ import annotations

import re

from rules_engine.concepts import ancestors
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op
from rules_engine.derive import openers
from rules_engine.parser.items import any_of, predicate

EARLIER = "therapy_for_earlier_disease"

# the words that make a line's "no anticancer therapy" the named disease's own ("previously
# untreated AML", "untreated AML patients", "treatment-naive"): the words events.py reads it from
_UNTREATED_WORDS = re.compile(
    r"\b(?:previously\s+untreated|untreated|(?:treatment|therapy|chemo(?:therapy)?)[\s-]+na[iï]ve)\b", re.I
)
_NEVER = Not(predicate("anticancer_therapy", Op.PRESENT))


def untreated_since(diseases: tuple[str, ...]) -> Expr:
    """No anticancer therapy for ``diseases`` (the concepts the line names): none on record, or
    one given for an earlier disease (open beside one on record). The line's own diseases are
    excepted, and with them their kinds and families (derive.open_beside): no earlier disease. Without a named disease
    it is no anticancer therapy on record, as before."""
    openers_ = openers(EARLIER)
    named = tuple(dict.fromkeys(d for d in diseases if d in openers_ and d != "anticancer_therapy"))
    # (a kind of a disease the line also names is excepted with it: "AML ... lack t(8;21)" excepts the AML)
    own = tuple(d for d in named if not any(a in named for a in ancestors(d)))
    if not diseases or not own:
        return _NEVER
    return any_of([_NEVER, predicate(EARLIER, Op.PRESENT, value=own)])


def untreated_since_line(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """An inclusion's "previously untreated <disease>" read as no therapy for that disease
    (``untreated_since``): each "no anticancer therapy" the line asks for, never one under a
    negation. An exclusion, or a line that names no disease, is left as it was."""
    if ctype is not CriterionType.INCLUSION or not _UNTREATED_WORDS.search(text):
        return expr
    from rules_engine.parser.topics.events import named_diseases  # (events imports the topics)

    widened = untreated_since(named_diseases(text))
    return _widen(expr, widened) if widened != _NEVER else expr


def _widen(expr: Expr, widened: Expr) -> Expr:
    """``expr`` with each "no anticancer therapy" it asks for (not under a negation) widened."""
    if expr == _NEVER:
        return widened
    if isinstance(expr, All | Any_):
        parts = tuple(_widen(p, widened) for p in expr.parts)
        return expr if parts == expr.parts else type(expr)(parts)
    return expr
