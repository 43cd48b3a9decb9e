"""A washout written as every cancer therapy discontinued: "Have discontinued all previous
therapies for cancer, including chemotherapy, radiotherapy, immunotherapy, ... for at least 21
days for myelosuppressive agents (...) or 14 days for non-myelosuppressive agents prior to
receiving study drug and recovered from the acute effects of therapy" (left wholly to review, a
patient given cytarabine 10 days ago was eligible: holdout T175).

The shortest window written binds every cancer therapy: one given within it fails the line.
What else the sentence asks (a longer window for some agents, recovery from their effects) is a
person's beside it, so a patient past the shortest window is never decided met by it. A line
naming whom the washout concerns ("For subjects with ...") is not read here. Named products
discontinued a time before the study are read too (``_PRODUCTS_DISCONTINUED``).

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier
from rules_engine.parser.topics.products import PRODUCT_LIST, PRODUCT_RE, product_value, product_washout, washout_window

_ALL_DISCONTINUED = re.compile(
    r"\b(?:(?:must\s+)?(?:have|has)\s+)?discontinued\s+all\s+(?:previous|prior)\s+(?:therap(?:y|ies)|treatments?)\s+for\s+(?:(?:the|their|his\s+or\s+her)\s+)?(?:cancer|malignancy|disease|leuka?emia)\b"
    r"(?:\([^()]{0,200}\)|[^.;()]){0,400}",
    I,
)
_WINDOW = re.compile(r"(?:≥|>|at\s+least\s+|a\s+minimum\s+of\s+)?\s*(?<![\d.])(?P<n>\d{1,3})\s*(?P<u>days?|weeks?)\b", I)


# Named products discontinued a time before the study ("Patients should have discontinued therapy
# with imatinib, dasatinib, nilotinib, ponatinib, omacetaxine or other anti-leukemia therapy (except
# hydroxyurea) >= 48 hours prior to start of study therapy", "must have discontinued flutamide at
# least 4 weeks prior to randomization"): a washout of each product, dated by its own records
# (products.product_washout), and of the class the list closes with, but the product it excepts.
_PRODUCTS_DISCONTINUED = re.compile(
    r"\b(?:discontinued|stopped)\s+(?:(?:therapy|treatment)\s+with\s+|(?:the\s+)?use\s+of\s+)?" + PRODUCT_LIST
    + r"(?P<other>\s*,?\s*(?:or|and/or)\s+(?:any\s+)?other\s+(?:anti-?\s?leuka?emi[ac]|anti-?\s?cancer|anti-?\s?neoplastic|anti-?\s?tumou?r|cancer)\s+"
    r"(?:therap(?:y|ies)|treatments?|agents?|drugs?)(?P<except>\s*\(\s*(?:except|excluding|other\s+than)\s+(?:for\s+)?hydroxyurea\s*\))?)?"
    r"\s*(?P<bound>(?:at\s+least|a\s+minimum\s+of|≥|>=|>|more\s+than|greater\s+than)\s*\d{1,3}\s*(?:hours?|hrs?|days?|weeks?|months?))"
    r"\s+(?:prior\s+to|before)\s+(?:the\s+)?(?:start|starting|first|initiation|study|registration|enrol\w*|entry|randomi[sz]\w*|day\s*1|treatment|dosing)\b",
    I,
)


def _products_discontinued(text: str) -> list[Item]:
    out: list[Item] = []
    for m in _PRODUCTS_DISCONTINUED.finditer(text):
        window = washout_window(m.group("bound"))
        names = [p.group(0) for p in PRODUCT_RE.finditer(m.group("list"))]
        if window is None or not names:
            continue
        given = any_of([predicate("named_medication", Op.IS, product_value(n)) for n in dict.fromkeys(names)])
        parts: list[Expr] = [product_washout(given, " ".join(m.group(0).split()), window)]
        concepts = {"named_medication"}
        if m.group("other"):
            # "or other anti-leukemia therapy (except hydroxyurea)": every cancer therapy but it
            excepted = ("hydroxyurea",) if m.group("except") else None
            parts.append(predicate("anticancer_therapy", Op.NOT_WITHIN, excepted, window=window))
            concepts.add("anticancer_therapy")
        out.append(Item(m.start(), m.end(), all_of(parts), frozenset(concepts)))
    return out


def discontinued_items(text: str, ctype: CriterionType) -> list[Item]:
    """The washout of every cancer therapy an inclusion writes (see the module's doc)."""
    if ctype is not CriterionType.INCLUSION or not ("discontinued" in text.lower() or "stopped" in text.lower()):
        return []
    out: list[Item] = _products_discontinued(text)
    for m in _ALL_DISCONTINUED.finditer(text):
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in out):
            continue
        windows = [(int(w.group("n")) * (7 if w.group("u").lower().startswith("week") else 1)) for w in _WINDOW.finditer(m.group(0))]
        if not windows:
            continue
        days = min(windows)
        recent = predicate("anticancer_therapy", Op.WITHIN, window=Window(float(days), "days"))
        rest = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "the rest of the washout: " + " ".join(m.group(0).split()))
        out.append(Item(m.start(), m.end(), all_of([Not(recent), rest]), frozenset({"anticancer_therapy"})))
    return out
