"""Sex: a line open to both sexes is consumed without a requirement; a line naming one sex alone
("Female patients only") asks for it, unless the sex only frames pregnancy or contraception.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op
from rules_engine.parser.items import I, Item, predicate


_SEX_ANY = re.compile(
    r"\b(?:both\s+(?:sexes|genders)|(?:males?|men)\s+(?:and|or|and/or|&)\s+(?:females?|women)|(?:females?|women)\s+(?:and|or)\s+(?:males?|men)|"
    r"(?:gender|sex)\s+(?:is\s+)?(?:not\s+(?:specified|limited|restricted)|unlimited|unrestricted|any)|no\s+(?:limit\s+on\s+the\s+)?(?:gender|sex)(?:\s+(?:limit|restriction)s?)?(?:\s+or\s+race)?|"
    r"regardless\s+of\s+(?:gender|sex)|(?:any|all)\s+(?:gender|sex)|no\s+gender\s+limit)\b",
    I,
)


_SEX_ONLY = re.compile(
    r"^(?:(?:patients?|subjects?)\s*(?:must\s+be\s*)?:?\s*)?(?P<sex>female|women|woman|male|men|man)\b(?:\s+(?:patients?|subjects?|participants?))?(?:\s+only)?(?=\s*(?:$|[,;.]|aged|age|≥|>|\d|over|at least|with))",
    I,
)


def sex_items(text: str) -> list[Item]:
    items = [Item(m.start(), m.end(), None, frozenset({"sex"})) for m in _SEX_ANY.finditer(text)]
    m = _SEX_ONLY.match(text)
    if m and not items and not re.search(r"childbearing|child-bearing|pregnan|contracept|fertile|potential", text, I):
        word = m.group("sex").lower()
        value = "female" if word.startswith(("f", "wom")) else "male"
        items.append(Item(m.start("sex"), m.end("sex"), predicate("sex", Op.IS, value), frozenset({"sex"})))
    return items
