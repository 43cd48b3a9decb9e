"""An exclusion of a history *or* a plan: "Previous or next organ transplant", "Prior or planned
participation in ...", "history of or planned radiotherapy to ...".

The text says "or": the history on record excludes whatever the plan; the plan no record holds is
a person's to tell (``ReviewReason.JUDGEMENT``, as ``topics.events`` reads "prior or planned
HSCT"). Read word by word, the plan word was left over as a condition *beside* the history
("organ transplant and review 'next'"), so a patient with the transplant on record was answered
unknown where the text excludes (rule 1: a structured part that decides the line was hidden), or
the history was lost altogether ("review 'planned organ transplant'").

The hook re-reads the line without the plan word only when the plan word was left unread (a
review names it) and the re-read line still reads something; the history's reading then stands
as one alternative and the plan as the other: ``Any_(history, Review(JUDGEMENT, plan))``.
Exclusions only: an inclusion's "or" alternative would widen every other requirement of the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import Criterion, CriterionType, Review, ReviewReason, iter_nodes, iter_predicates
from rules_engine.parser.items import I, any_of

_PLAN_WORDS = ("planned", "next", "future", "upcoming", "scheduled", "anticipated", "intended")
_HAD_OR_PLAN = re.compile(
    r"\b(?P<had>prior|previous|past|earlier|history\s+of)\s+(?:or|and/or)\s+(?P<plan>planned|next|future|upcoming|scheduled|anticipated|intended)\b",
    I,
)
_PHRASE_END = re.compile(r"[,;.:()\[\]]|\s(?:or|and)\s")
_READ_AS_PLAN = "a plan or candidacy, not a history"


def planned_alternative(criterion: Criterion, text: str, reread: Callable[[str], Criterion]) -> Criterion:
    """``criterion`` (the line ``text`` read) with a history-or-plan exclusion read as the history
    or the plan (module docstring); ``reread`` reads a text as the same line would be."""
    if criterion.type is not CriterionType.EXCLUSION:
        return criterion
    low = text.lower()
    if " or " not in low or not any(w in low for w in _PLAN_WORDS):
        return criterion
    m = _HAD_OR_PLAN.search(text)
    if m is None:
        return criterion
    plan = m.group("plan").lower()
    reviews = [n for n in iter_nodes(criterion.expr) if isinstance(n, Review)]
    if any(r.text.startswith(_READ_AS_PLAN) for r in reviews):  # read as a plan already (topics.events)
        return criterion
    if not any(plan in r.text.lower() for r in reviews):
        return criterion
    history = reread(text[: m.end("had")] + text[m.end("plan"):])
    if not any(True for _ in iter_predicates(history.expr)):
        return criterion
    if any(plan in n.text.lower() for n in iter_nodes(history.expr) if isinstance(n, Review)):
        return criterion
    end = _PHRASE_END.search(text, m.end("plan"))
    phrase = " ".join(text[m.start("plan"): end.start() if end else min(len(text), m.end("plan") + 80)].split())
    planned = Review(ReviewReason.JUDGEMENT, f"{_READ_AS_PLAN}: {phrase}")
    return Criterion(
        type=criterion.type, text=criterion.text, expr=any_of([history.expr, planned]),
        applies_if=history.applies_if, parent=criterion.parent,
    )
