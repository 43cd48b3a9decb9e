"""The agents a longer washout names in brackets, read as products a record's medication names.

"At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas or mitomycin C)" is the NCI
layout's washout (about 120 corpus lines name nitrosoureas, mitomycin C, melphalan, carmustine,
bevacizumab or an antiandrogen there). ``windows.agent_window`` read the span between the two
intervals as a person's question ("whether the agent was one of these"), so every patient whose
last course ended in that span was unknown, though the record names the course's drugs. When
every agent the bracket names is a product Eligo reads by name, or the nitrosourea family
(``derive._PRODUCT_FAMILIES``), the question is asked of the record's medications instead:

* the span counts against the patient when a medication naming one of the agents lies inside
  the longer interval;
* it does not when the record holds a medication inside the longer interval and none names
  one of them (``derive.named_inside``: an unworded medication leaves it unknown);
* a course in the span that the record holds as no medication at all (a procedure "chemotherapy"
  with no drug) names no agent, so the question stays a person's.

A bracket naming anything else ("myelosuppressive agents", "vaccines, or antibody therapy")
keeps the review as before.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op, ReviewReason, Window
from rules_engine.parser.items import I, all_of, any_of, predicate
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.products import PRODUCT_RE, product_value

# the nitrosourea family's class word, as registries spell it ("nitrosoureas", "nitrosureas")
_NITROSOUREA = re.compile(r"nitros(?:o)?ureas?", I)
# "mitomycin C", "mitomycin-C": the product's own name with its letter
_MITOMYCIN = re.compile(r"mitomycin(?:[\s-]?c)?", I)
# what stands around an agent's name and is no agent: "prior", "a ... agent", "persons receiving",
# "prior treatment with", "drugs", "were received"
_LEAD = re.compile(r"^(?:(?:persons|patients)\s+receiving\s+|prior\s+treatment\s+with\s+|(?:any|prior|previous|a|an)\s+){0,3}", I)
_TAIL = re.compile(r"(?:\s+(?:agents?|drugs?|therapy|treatment|were\s+received|was\s+received)){0,2}$", I)
_SEP = re.compile(r"\s*(?:,\s*(?:and/or|or|and)\b|,|\band/or\b|\bor\b|\band\b|/)\s*", I)
# an example in brackets after a class ("nitrosoureas [e.g., carmustine]"): the class covers it
_EXAMPLE = re.compile(r"\s*[\[(][^\[\]()]{0,60}[\])]")


def agent_products(text: str) -> list[str] | None:
    """The record words of each agent ``text`` names (``named_medication is`` values), or None
    when one of them is no product Eligo reads by name."""
    if len(text) > 200:
        return None
    out: list[str] = []
    for piece in _SEP.split(_EXAMPLE.sub("", text)):
        piece = _TAIL.sub("", _LEAD.sub("", piece.strip(" .")))
        if not piece:
            continue
        if _NITROSOUREA.fullmatch(piece):
            out.append("nitrosoureas")
        elif _MITOMYCIN.fullmatch(piece):
            out.append("mitomycin")
        elif PRODUCT_RE.fullmatch(piece):
            out.append(product_value(piece))
        else:
            return None
    return list(dict.fromkeys(out)) or None


def agents_given(products: list[str], window: Window, which: str) -> Expr:
    """Whether one of the products was given inside ``window``: a medication naming one of them
    there; none, when the record holds medications there and none names one; a person's when
    no medication is on record there (the course may be a drug the record does not name)."""
    named, on_a_drug = _named_and_on_a_drug(products, window)
    return any_of([named, all_of([Not(on_a_drug), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, which)])])


def agents_not_given(products: list[str], window: Window, which: str) -> Expr:
    """``agents_given`` turned: met only when the record holds medications inside ``window``
    and none names one of the products."""
    named, on_a_drug = _named_and_on_a_drug(products, window)
    return all_of([Not(named), any_of([on_a_drug, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, which)])])


def _named_and_on_a_drug(products: list[str], window: Window) -> tuple[Expr, Expr]:
    """A medication naming one of the products inside ``window``; any named medication there."""
    named = any_of([predicate("named_medication", Op.IS, p, window=window) for p in products])
    return named, predicate("named_medication", Op.WITHIN, None, None, False, window)
