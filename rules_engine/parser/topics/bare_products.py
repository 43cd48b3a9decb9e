"""Products an exclusion opens with, no verb before them, dated by the words after them:
"Metformin within 4 weeks prior to enrolment", "Trastuzumab ≤ 21 days before enrollment",
"Rituximab treatment within the last 12 months before the first dose of study drug", "Fludarabine
or Campath within 12 months prior to study entry", "Metoclopramide therapy 4 months prior to study
enrollment", "Requires voriconazole at time of study entry" (about 15 corpus lines; the product
topic, ``topics.products``, reads a list only after words that say it was given, so each was a
review line and a patient given the product last week was "possibly eligible").

An exclusion names what keeps the patient out: a product dated by a window counted back from the
study's start is that product given inside the window (``named_medication is "X" within 4
weeks``, each product by its own records' dates). "N months prior to study enrollment" with no
"within" is read the same way (the months before the start, a wider reading than any one day,
so a patient given it then is kept out, never let in). "At (the) time of study entry" is taken
now: in the last 2 weeks (or still taken), up to 8 weeks a person's (``products.NOW``).

Only exclusions: an inclusion written so sits under a heading ("The following are not allowed:")
whose sense the line alone does not give. The products must open the clause and the window must
end it (or a stop): what follows it otherwise ("... and for the duration of the study") is
another reading's.

Every pattern is the product list of ``topics.products`` (bounded) with literal leads and tails;
none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier
from rules_engine.parser.topics.products import NOW, NOW_MAYBE, PRODUCT_RE, _LIST, _names_a_product, dated_products, product_value

# the products at the clause's start: a list number, "requires"/"requiring"/"receiving" as the
# only lead, then the list, then the word that says what they were ("therapy", "treatment")
_OPENING = re.compile(
    r"\W*(?:\d{1,2}[.)]\s*)?(?P<lead>(?:requires?|requiring|receiving|on|taking)\s+)?" + _LIST
    + r"(?:\s*®)?(?:\s+(?:therapy|treatment|use|administration|exposure))?\s*",
    I,
)
_N = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|ten|twelve)"
_UNIT = r"(?P<unit>days?|weeks?|wks?|months?|years?|hours?|hrs?)\b"
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10, "twelve": 12}
# the study's start a window counts back from ("the first dose of study drug", "enrollment",
# "Day 1", "study entry", "registration")
_START = (
    r"(?:the\s+)?(?:(?:first|initial)\s+(?:dose|day|administration)(?:\s+of\s+(?:the\s+)?(?:study\s+)?(?:drug|treatment|therapy|medication))?"
    r"|(?:start(?:ing)?\s+(?:of\s+)?)?(?:study\s+)?(?:entry|enrol{1,2}(?:ment|ing)|registration|randomi[sz]ation|treatment|therapy|drug)"
    r"|day\s*1|study\s+start|baseline|screening)\b"
)
# the window right after the products: "within (the last) 4 weeks", "≤ 21 days", "4 months"
_WINDOW = re.compile(
    r"(?P<kind>within(?:\s+the\s+(?:past|last|previous|preceding))?|in\s+the\s+(?:past|last|previous|preceding)|≤|<=|=<|<|less\s+than)?\s*"
    + _N + r"\s*" + _UNIT + r"(?P<tail>\s+(?:prior\s+to|before|preceding|of)\s+" + _START + r"|(?=\s*(?:[.;]|$)))"
    + r"(?P<end>\s*(?:[.;]|$))",
    I,
)
# taken at the study's start ("at time of study entry", "at the time of enrollment")
_AT_START = re.compile(r"at\s+(?:the\s+)?(?:time\s+of\s+)?" + _START + r"\s*(?:[.;]|$)", I)


def _window(m: re.Match[str]) -> Window:
    n = m.group("n").lower()
    amount = float(_NUMBER_WORDS.get(n) or n)
    unit = m.group("unit").lower().rstrip("s")
    unit = {"wk": "week", "hr": "hour"}.get(unit, unit)
    kind = " ".join((m.group("kind") or "").lower().split())
    exclusive = kind in ("<", "less than")
    if unit == "hour":
        return Window(amount / 24, "days", exclusive=exclusive)
    return Window(amount, unit + "s", exclusive=exclusive)


def bare_product_items(text: str, ctype: CriterionType) -> list[Item]:
    """The item for an exclusion that opens with products dated after them (module doc), or none."""
    if CriterionType(ctype) is not CriterionType.EXCLUSION or not _names_a_product(text):
        return []
    m = _OPENING.match(text)
    if m is None:
        return []
    names = [p.group(0) for p in PRODUCT_RE.finditer(m.group("list"))]
    if not names:
        return []
    given = any_of([predicate("named_medication", Op.IS, product_value(n)) for n in dict.fromkeys(names)])
    expr: Expr
    if (w := _WINDOW.match(text, m.end())) is not None and (w.group("kind") or w.group("tail").strip()) and not m.group("lead"):
        expr, end = dated_products(given, _window(w)), w.start("end")
    elif (now := _AT_START.match(text, m.end())) is not None:
        words = " ".join(text[m.start("list"): now.end()].split()).rstrip(".;")
        expr = any_of([dated_products(given, NOW), all_of([dated_products(given, NOW_MAYBE), Qualifier(ReviewReason.AMBIGUOUS, f"whether it is taken now: {words}")])])
        end = now.end()
    else:
        return []
    return [Item(m.start("lead") if m.group("lead") else m.start("list"), end, expr, frozenset({"named_medication"}))]
