"""A sentence that permits hydroxyurea beside a washout, with words of its own after the permission.

"Patients should have discontinued ... other anti-leukemia therapy (except hydroxyurea) >= 48 hours
prior to start of study therapy ...; hydroxyurea may be received up to the time of enrollment and
for the first 6 weeks of study treatment if necessary", "Cytotoxic chemotherapy, steroids or
monoclonal antibody within 3 weeks of enrollment ... Hydroxyurea is considered different from
cytotoxic chemotherapy and may be used up to the day before enrollment providing it is not
increased during the week prior", "... anti-cancer therapy within 28 days ... Per Investigator
discretion, hydroxyurea may be used anytime during the study", "NOTE: Hydroxyurea will be allowed
during the first cycle of treatment" (24 such sentences in the corpus, almost all in leukaemia
trials, the kind Eligo is measured on).

``remarks.HYDROXYUREA_EXCEPTED`` reads a bare permission ("Hydroxyurea is allowed prior to
enrollment") as an exception of the line's chemotherapy. One with words after it (a time, a
dose, a proviso, the study period) was left as unread words: a review alternative or conjunct of
the whole line, so a patient given no hydroxyurea at all, or no therapy at all, was unknown.

The reading here:
* the sentence is taken out of the line, whose washout is read without it;
* where it says no more than when the permission runs (until enrolment, on study, during the
  first cycle), why (to control the count) and whose call it is, it excepts hydroxyurea from the
  line's chemotherapy and anticancer therapy, as a bare permission does;
* otherwise (a time, a dose, a proviso: "up to the day before enrollment providing it is not
  increased") the line's chemotherapy and anticancer therapy are asked with hydroxyurea excepted,
  and hydroxyurea itself, in the same window, is left to a person with the sentence's words. A
  record with no hydroxyurea is decided by the washout alone; one with hydroxyurea is unknown,
  never cleared by an unread proviso.
A line that asks no chemotherapy or anticancer therapy keeps its reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate, Review, ReviewReason, Window
from rules_engine.parser.hydroxyurea_conditions import split_conditioned
from rules_engine.parser.items import all_of, any_of, map_leaves, predicates, rewrite_groups
from rules_engine.parser.medication_rewrites import HYDROXYUREA_PERMITTED
from rules_engine.parser.remarks import HYDROXYUREA_EXCEPTED

I = re.IGNORECASE

GATE = re.compile(r"hydroxyurea|hydroxycarbamide|hydrea", I)

_DRUG = r"(?:hydroxyurea|hydroxycarbamide|hydrea)(?:\s*\(\s*(?:hydrea|hydroxyurea|hydroxycarbamide|HU)\s*\))?"
# the permission: "is allowed", "may be used / given / received / administered / continued",
# "will be allowed", "is considered different from cytotoxic chemotherapy and may be used"
_VERB = (
    r"(?:is|are|will\s+be|may\s+be|can\s+be|could\s+be)\s+"
    r"(?:(?:considered\s+different\s+from\s+[^.;]{1,60}?\s+and\s+(?:may|can)\s+be\s+)?"
    r"(?:allowed|permitted|acceptable|used|given|received|continued|administered|taken))\b"
)
# a sentence (or bracketed remark) whose subject is hydroxyurea and whose verb permits it: a short
# lead-in with no negation or exception of its own ("NOTE:", "Per Investigator discretion,", "For
# cyto-reduction,"), the drug, what it is given for, the permission, and the rest of the sentence
_SENTENCE = re.compile(
    r"(?:^|(?<=[.;]\s)|(?<=[.;])|(?<=[(\[]))\s*+"
    r"(?P<lead>(?:(?!\b(?:not?|except\w*|other|excluding|unless)\b)[^.;()\[\]]){0,60}?)"
    r"(?:\b(?:the\s+)?use\s+of\s+)?\b" + _DRUG
    + r"(?P<purpose>\s+(?:for|to|used\s+to|used\s+for|given\s+to)\s+[^.;()\[\]]{1,80}?)?\s+" + _VERB
    + r"(?P<tail>[^;()\[\]]{0,300}?)(?=\.(?:\s|$)|;|\)|\]|$)",
    I,
)
_LEAD_OK = re.compile(r"^\W*(?:(?:note|exception)\s*:\s*|(?:per|at\s+the)\s+(?:investigator|physician)(?:'s|’s)?\s+discretion\s*,?\s*|for\s+cyto-?\s?reduction\s*,?\s*|(?:in|for)\s+patients\s+with\s+[^,]{1,50},\s*)?\W*$", I)
# what a permission may say without narrowing the exception a line already states: the study
# period, the need, the purpose, the call, and "until enrolment"
_HARMLESS = re.compile(
    r"\b(?:and\s+|or\s+)?(?:"
    r"(?:for|during)\s+(?:the\s+)?(?:first\s+)?(?:\d{1,2}\s+(?:weeks?|days?|cycles?)|cycles?\s+\d{1,2}|cycles?)(?:\s+of)?(?:\s+(?:the\s+)?(?:study\s+)?(?:treatment|therapy|drug))?"
    r"|(?:any\s*time\s+|at\s+any\s+time\s+)?(?:on|during)\s+(?:the\s+)?study(?:\s+(?:treatment|therapy))?"
    r"|if\s+(?:clinically\s+)?(?:necessary|needed|indicated|required)"
    r"|(?:up\s+to|until)\s+(?:the\s+)?(?:time\s+of\s+)?(?:enrol+ment|registration|study\s+entry)"
    r"|(?:prior\s+to|before)\s+(?:starting\s+|the\s+start\s+of\s+)?(?:the\s+)?(?:study\s+)?(?:therapy|treatment|enrol+ment|entry|registration|randomi[sz]ation)\b"
    r"|after\s+(?:the\s+)?start\s+of\s+(?:the\s+)?[\w-]{1,30}"
    r"|(?:per|at\s+the)\s+(?:investigator|physician)(?:'s|’s)?\s+discretion"
    r"|to\s+(?:control|reduce|lower|manage)\s+[^.;,]{1,50}"
    r")",
    I,
)
_NARROWS = re.compile(r"\d|\b(?:hours?|days?|weeks?|doses?|mg|g|stop\w*|discontinu\w*|must|before|prior|within|until|up\s+to|provid\w*|if|unless|only|not|after|increas\w*|decreas\w*)\b", I)
_EXCEPTED = re.compile(HYDROXYUREA_EXCEPTED, I)
_BARE = re.compile(HYDROXYUREA_PERMITTED, I)
_COURSES = ("chemotherapy", "anticancer_therapy")
_ASKS = (Op.PRESENT, Op.ABSENT, Op.WITHIN, Op.NOT_WITHIN)


def _course(e: Expr) -> bool:
    return isinstance(e, Predicate) and e.concept in _COURSES and e.op in _ASKS and e.value in (None, ("hydroxyurea",))


def asks_course(expr: Expr) -> bool:
    """Whether ``expr`` asks a chemotherapy or anticancer therapy a permission could except from."""
    return any(_course(p) for p in predicates(expr))


def split_permit(text: str) -> tuple[str, str | None]:
    """``text`` without its hydroxyurea permission sentence, and the sentence's words when they
    must stay a person's for a record of hydroxyurea ("" when the sentence narrows nothing the
    rest of the line excepts already); ``(text, None)`` when there is no such sentence."""
    if not GATE.search(text):
        return text, None
    for m in _SENTENCE.finditer(text):
        if not _LEAD_OK.match(m.group("lead")):
            continue
        if _BARE.match(m.group(0)):
            continue  # a permission remarks.HYDROXYUREA_EXCEPTED reads (its words after it are remarks)
        rest = (text[: m.start()] + " " + text[m.end():]).strip()
        if not re.search(r"[A-Za-z]{3}", rest):
            return text, None
        words = " ".join(m.group(0).split()).strip(" .;")
        after = _HARMLESS.sub(" ", (m.group("purpose") or "") + " " + m.group("tail"))
        if not _NARROWS.search(after):
            return rest, ""
        return rest, words
    return split_conditioned(text)  # "(exception: oral hydroxyurea for up to 5 days ...)" (hydroxyurea_conditions)


def permit_applied(expr: Expr, words: str | None) -> Expr:
    """``expr`` with hydroxyurea excepted from its chemotherapy and anticancer therapy, and left to
    a person in the same window when ``words`` (the permission's conditions) may narrow it (see the
    module's doc); unchanged for None or no such therapy."""
    if words is None:
        return expr
    if not words:
        return map_leaves(expr, lambda e: replace(e, value=("hydroxyurea",)) if _course(e) else e)
    why = Review(ReviewReason.AMBIGUOUS, "whether the permitted hydroxyurea meets its conditions: " + words[:200])

    def leaf(e: Expr) -> Expr:
        if not _course(e):
            return e
        assert isinstance(e, Predicate)
        excepted = replace(e, value=("hydroxyurea",))
        own = replace(e, concept="hydroxyurea", value=None)
        if e.op in (Op.PRESENT, Op.WITHIN):
            return any_of([excepted, all_of([own, why])])
        return all_of([excepted, any_of([own, why])])

    return map_leaves(expr, leaf)


# An unread window wider than the one read, beside it in one alternative of what excludes: "Cytotoxic
# chemotherapy, steroids or monoclonal antibody (Mab) within 3 weeks of enrollment, except anti Tac
# Mab (i.e. daclizumab), which cannot be used within 12 weeks of enrollment", "investigational agent
# within 21 days ... within 30 days on study" (2 corpus lines). The review conjunct only narrowed
# the 3-week alternative, so a daclizumab 60 days ago was read as no exclusion where the text
# excludes it (the line stayed unknown only through other unread words). The therapy within the
# wider window is left to a person as well.
_WIDER = re.compile(r"\bwithin\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d{1,3})\s+(?P<unit>days?|weeks?|months?)\b", I)
_DAYS = {"day": 1, "week": 7, "month": 30}


def _span_days(amount: float, unit: str) -> float:
    return amount * _DAYS.get(unit.lower().rstrip("s"), 0)


def _widened(part: Expr) -> Expr | None:
    if not isinstance(part, All):
        return None
    timed = [p for p in part.parts if isinstance(p, Predicate) and p.op is Op.WITHIN and p.window is not None]
    reviews = [p for p in part.parts if isinstance(p, Review)]
    if len(timed) != 1 or not reviews or timed[0].window is None:
        return None
    read = timed[0].window
    wider = [m for r in reviews for m in _WIDER.finditer(r.text) if _span_days(float(m.group("n")), m.group("unit")) > _span_days(read.amount, read.unit)]
    if not wider:
        return None
    m = max(wider, key=lambda w: _span_days(float(w.group("n")), w.group("unit")))
    unit = m.group("unit").lower().rstrip("s") + "s"
    longer = replace(timed[0], window=Window(float(m.group("n")), unit))
    return Any_((part, all_of([longer, *reviews])))


def unread_wider_window(expr: Expr, ctype: CriterionType) -> Expr:
    """``expr`` with an alternative that excludes left to a person over the wider unread window
    its review names (see above)."""
    if not any(isinstance(p, Predicate) and p.op is Op.WITHIN for p in predicates(expr)):
        return expr
    excluding = ctype is CriterionType.EXCLUSION

    def at(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
        if not isinstance(node, Any_) or positive is not excluding:
            return parts
        out: list[Expr] = []
        for p in parts:
            w = _widened(p)
            out.extend(w.parts if isinstance(w, Any_) else (p,))
        return out

    top = _widened(expr) if excluding else None
    if top is not None:
        return top
    return rewrite_groups(expr, at)
