"""Recency windows a line writes apart from the items they time.

"chemotherapy within 4 weeks (6 weeks for nitrosoureas)", "If the involved field is small, 7 days
will be considered sufficient", "within 3 days prior to initial treatment: ...": the window is read off the line and laid on the items it
times, or on the measurements the line lists. These are rewrites of a decided expression, asked by
the line assembly (``line``), and need nothing of the residue policy.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS
from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, ReviewReason, Window
from rules_engine.parser.agent_products import agent_products, agents_given, agents_not_given
from rules_engine.parser.items import I, all_of, any_of, map_leaves
from rules_engine.parser.safety import Alternative, Qualifier


# "Radiotherapy within 14 days before enrollment. If the involved field is small, 7 days will be
# considered a sufficient interval ...": a shorter interval for the patients a condition names (the
# ixazomib trials' wording, 4 corpus trials). Read as a review conjunct it left every recent
# radiotherapy undecided; read so, only the span between the two intervals waits on the condition.
_SHORTER_WINDOW = re.compile(
    r"^\W*if\s+(?P<cond>[^,;]{3,160}?)\s*,\s*(?:then\s+)?(?:an?\s+(?:interval|washout)\s+of\s+)?(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?)\s+"
    r"(?:will|would|may|can|is|are)\s+(?:be\s+)?(?:considered\s+)?(?:an?\s+)?(?:sufficient|acceptable|adequate|enough)\b",
    I,
)


# A longer interval for named agents, in brackets after the line's own ("chemotherapy within 4
# weeks (6 weeks for nitrosoureas or mitomycin C)", "At least 4 weeks since prior chemotherapy (6
# weeks for nitrosoureas)"; 143 corpus lines, most of them this very NCI wording; its bound may be
# written, "(>= 6 weeks for nitrosoureas)", 2 more). Read as an
# unread alternative it left every patient with no recent therapy unknown. Read so, the line's
# own interval decides as written, and only the span between the two intervals waits on whether
# the agent was one of those named (a person's: the record's drug may be any chemotherapy).
AGENT_WINDOW = re.compile(
    r"\(\s*(?:(?:≥|at\s+least)\s*)?(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?)\s+(?:for|in\s+the\s+case\s+of|if)\s+"
    r"(?P<what>(?:a\s+|an\s+|prior\s+|any\s+)?(?![^();]{0,80}\b(?:wom[ae]n|m[ae]n|patients?|subjects?)\b)[^();]{3,80})\)",
    I,
)


def _drug_therapy(concept: str) -> bool:
    """A therapy given as a drug (chemotherapy, any anticancer or systemic therapy), whose agents
    the bracket can name; radiotherapy and surgery are not."""
    seen: str | None = concept
    for _ in range(6):  # the concept tree is shallow
        if seen is None or seen in ("radiotherapy", "surgery", "major_surgery", "hsct"):
            return False
        if seen in ("anticancer_therapy", "systemic_therapy", "investigational_agent"):
            return True
        seen = CONCEPTS[seen].parent if seen in CONCEPTS else None
    return False


def agent_window(expr: Expr, m: re.Match[str]) -> Expr | None:
    """``expr`` with each dated history predicate given the longer interval ``AGENT_WINDOW``
    matched for its named agents, or None when nothing dated is shorter than it."""
    longer = Window(float(m.group("n")), m.group("unit").lower().rstrip("s") + "s")
    agents = " ".join(m.group("what").split())
    products = agent_products(agents)  # agents the record's medications name (``agent_products``)
    changed = False

    def days(w: Window) -> float:
        return w.amount * {"days": 1, "weeks": 7, "months": 30, "years": 365}.get(w.unit, 0)

    def leaf(e: Expr) -> Expr:
        nonlocal changed
        if isinstance(e, Predicate) and e.window is not None and e.op in (Op.WITHIN, Op.NOT_WITHIN) and days(e.window) < days(longer) and _drug_therapy(e.concept):
            changed = True
            # (the longer interval ends as the line's own does: "at least 4 weeks (6 weeks for ...)")
            wider = Predicate(e.concept, e.op, e.value, e.unit, e.uln, Window(longer.amount, longer.unit, exclusive=e.window.exclusive))
            which = f"whether the agent was one of these: {agents}"
            if products is not None:
                if e.op is Op.WITHIN:
                    return any_of([e, all_of([wider, agents_given(products, wider.window, which)])])
                return all_of([e, any_of([wider, agents_not_given(products, wider.window, which)])])
            if e.op is Op.WITHIN:  # within the longer interval, excluded only if it was one of them
                return any_of([e, all_of([wider, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, which)])])
            return all_of([e, any_of([wider, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, which)])])
        return e

    out = map_leaves(expr, leaf)
    return out if changed else None


def shorter_window(expr: Expr, clause_text: str) -> Expr | None:
    """``expr`` with each dated history predicate given the shorter interval the clause allows
    under its condition, or None when the clause is not of that shape or nothing is dated."""
    m = _SHORTER_WINDOW.match(clause_text)
    if m is None:
        return None
    short = Window(float(m.group("n")), m.group("unit").lower().rstrip("s") + "s")
    condition = " ".join(clause_text.split())
    changed = False

    def days(w: Window) -> float:
        return w.amount * {"days": 1, "weeks": 7, "months": 30, "years": 365}.get(w.unit, 0)

    def leaf(e: Expr) -> Expr:
        nonlocal changed
        if isinstance(e, Predicate) and e.window is not None and e.op in (Op.WITHIN, Op.NOT_WITHIN) and days(short) < days(e.window):
            changed = True
            inner = Predicate(e.concept, e.op, e.value, e.unit, e.uln, Window(short.amount, short.unit, exclusive=e.window.exclusive))
            if e.op is Op.WITHIN:  # still excluded within the short interval; between the two, the condition decides
                return all_of([e, any_of([inner, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, condition)])])
            return any_of([e, all_of([inner, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, condition)])])
        return e

    out = map_leaves(expr, leaf)
    return out if changed else None


# a recency window measured back from the start of treatment: the treatment lies ahead of the
# evaluation date, so the latest value is the evidence and the lab is repeated before dosing
FUTURE_REFERENCE = re.compile(r"\b(?:treatment|dos(?:e|ing)|infusion|administration|therapy|lymphodepl\w*|conditioning|apheresis|leukapheresis)\b", I)


MEASURE_WINDOW = re.compile(r"^\W*within\s+(?P<n>\d+)\s*(?P<unit>days?|weeks?)\s+(?:prior\s+to|before)\s+[^,:]{0,60}[,:]\s*", I)


_MEASUREMENTS = frozenset({"ecog", "karnofsky", "lansky", "nyha", "lvef", "spo2", "bilirubin", "alt", "ast", "creatinine",
                           "creatinine_clearance", "egfr", "gfr", "anc", "platelets", "hemoglobin", "wbc", "inr", "bm_blasts", "mrd"})


def with_window(expr: Expr, window: Window) -> Expr:
    """How recent each measurement must be ("within 3 days prior to initial treatment: ...")."""
    if isinstance(expr, Predicate):
        if expr.concept in _MEASUREMENTS and expr.window is None:
            return Predicate(expr.concept, expr.op, expr.value, expr.unit, expr.uln, window, expr.low_inclusive, expr.high_inclusive)
        return expr
    if isinstance(expr, All):
        return All(tuple(with_window(p, window) for p in expr.parts))
    if isinstance(expr, Any_):
        return Any_(tuple(with_window(p, window) for p in expr.parts))
    if isinstance(expr, Not):
        return Not(with_window(expr.part, window))
    return expr
