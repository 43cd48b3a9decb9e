"""Transfusion dependence: "Red blood cell transfusion-dependent with a requirement of at least
one unit of RBCs per month for the 2 months prior to study enrollment", "Subjects who are
transfusion dependent", "Presence of transfusion-dependent thrombocytopenia" (about 15 corpus
lines, each a review whole; holdout T263 and the MDS trials' anaemia lines left a patient with no
transfusion on record possibly eligible where the line asks for the dependence).

What a record shows is the transfusions themselves, dated, not the units and their rhythm. A
dependence needs a transfusion inside the period it is counted over: the line's own ("for the 2
months prior", "within 8 weeks before enrollment") or, where none is written, 16 weeks, the
longest the definitions use (IWG 2018: three units in 16 weeks; IWG 2006: four in 8), so no
definition is narrowed. With no such transfusion on record the patient is not dependent; with
one, whether the units and their frequency make a dependence is a person's (a review). A
transfusion whose product is not recorded may have been the one the line names (as
``topics.events`` reads it).

A dependence asked in brackets or of one part of the trial is left to a person (see _PART). A
dependence the line only allows or sets aside ("with or without red blood cell transfusion
dependence", "regardless of transfusion dependence") or denies in the same words ("non-transfusion
dependent", "not transfusion dependent") is not read here.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, all_of, any_of, count_of, predicate
from rules_engine.parser.safety import Qualifier

_DEPENDENT = re.compile(
    r"\b(?:(?P<product>red\s+(?:blood\s+)?cells?|RBCs?|PRBCs?|platelets?)(?:\s*\(\s*(?:RBCs?|PRBCs?)\s*\))?[\s-]+)?"
    r"transfusion[\s-]+dependen(?:t|ce|cy)\b",
    I,
)
_SET_ASIDE = re.compile(
    r"(?:\b(?:with\s+or\s+without|without|regardless\s+of|irrespective\s+of|whether\s+or\s+not|not|non|no|independent\s+of)[\s-]+(?:(?:a|an|the|any)\s+)?(?:\w+[\s-]+){0,4}?)$",
    I,
)
# the period the dependence is counted over, written after it on the line
_WINDOW = re.compile(
    r"\b(?:for|during|within|in|over)\s+(?:the\s+)?(?:(?:past|last|prior|previous|preceding)\s+)?"
    r"(?P<n>\d{1,3}|one|two|three|four|six)\s+(?P<unit>weeks?|months?)\b",
    I,
)
_DEFAULT = Window(16, "weeks")
_PRODUCT_UNKNOWN = "a transfusion whose product (platelets or red cells) is not recorded"
_COUNT = "transfusion dependence: whether the units on record and their frequency make it"


def _window(text: str, end: int) -> Window:
    """The line's own period after the words (in the same sentence), else the longest definition's."""
    sentence = re.split(r"[.;]\s", text[end: end + 160], maxsplit=1)[0]
    m = _WINDOW.search(sentence)
    if m is None:
        return _DEFAULT
    unit = m.group("unit").lower().rstrip("s") + "s"
    return Window(float(count_of(m.group("n"))), unit)


def dependence(product: str | None, window: Window) -> Expr:
    """A transfusion of ``product`` (any, where None) inside ``window``, beside a person's review
    of the units and their frequency."""
    concept = None if product is None else ("platelet_transfusion" if product.lower().startswith("platelet") else "rbc_transfusion")
    given = predicate("transfusion", Op.WITHIN, window=window)
    if concept is not None:
        given = any_of([predicate(concept, Op.WITHIN, window=window), all_of([given, Qualifier(ReviewReason.AMBIGUOUS, _PRODUCT_UNKNOWN)])])
    # (qualifiers: the review narrows the transfusion it stands beside, in an exclusion too)
    return all_of([given, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, _COUNT)])


# a line for one part of the trial ("For phase 3, participants should have anemia with RBC
# transfusion dependence ...") or a dependence asked of a subgroup in brackets ("IPSS ...
# intermediate or high risk (intermediate 1 will have to be transfusion dependent)"): read over
# every patient, the dependence refused those it does not concern (holdout T242, T245); a person's
_PART = re.compile(r"\b(?:phase|part|cohort|arm|stage|group)\s+(?:\d{1,2}|I{1,3}V?|IV|[A-D])\b", I)


def _in_brackets(text: str, start: int) -> bool:
    return text.count("(", 0, start) > text.count(")", 0, start)


def transfusion_dependence_items(text: str) -> list[Item]:
    """Each transfusion dependence ``text`` asks about (see the module's doc)."""
    items: list[Item] = []
    if _PART.search(text):
        return items
    for m in _DEPENDENT.finditer(text):
        if _in_brackets(text, m.start()):
            continue
        if _SET_ASIDE.search(text, max(0, m.start() - 60), m.start()) or text.endswith("   ", 0, m.start()):
            continue  # (a run of blanks: words blanked before it, "with or without", qualified it)
        expr = dependence(m.group("product"), _window(text, m.end()))
        items.append(Item(m.start(), m.end(), expr, frozenset({"transfusion", "rbc_transfusion", "platelet_transfusion"})))
    return items


# the words every pattern above needs (parser.extraction runs the topic only where they stand)
GATE = re.compile(r"dependen", I)
