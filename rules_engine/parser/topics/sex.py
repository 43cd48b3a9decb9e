"""Sex: a line open to both sexes is consumed without a requirement; a line naming one sex alone
("Female patients only") asks for it, unless the sex only frames pregnancy or contraception, or
is the scope of what the line then requires ("Female patients with infants must agree not to
breastfeed", "Male participants of reproductive potential must use contraception"): such a line
concerns only the patients it names (``sex_scope``), every other patient is not concerned.
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


# the sex words open the line and a requirement on those patients follows ("must", "should",
# "will", "are required to", "agree to"): a scope, not a requirement. The qualifier between them is
# a few words at most, so the match is bounded.
_SEX_SCOPE = re.compile(
    r"^\W*(?:all\s+)?(?P<sex>females?|women|woman|males?|men|man)(?:\s+(?:patients?|subjects?|participants?|volunteers?))?"
    r"(?:\s+(?:of\s+(?:child[\s-]?bearing|reproductive|procreative)\s+(?:potential|age)|with\s+(?:\w+\s+){0,2}?\w+|who\s+(?:are|is|have|has)\s+(?:\w+\s+){0,3}?\w+|able\s+to\s+(?:\w+\s+){0,2}?\w+|(?:partners?|spouses?)\s+of\s+\w+))?"
    r"\s*,?\s*(?P<end>(?:must|should|shall|will|need\s+to|have\s+to|has\s+to|agrees?\s+to|(?:are|is)\s+(?:required|expected|asked)\s+to)\b)",
    I,
)


def sex_scope(text: str) -> tuple[str, int] | None:
    """The sex a line concerns when its opening words name the patients a requirement is asked
    of, and where those words end; None when the line has no such scope."""
    m = _SEX_SCOPE.match(text)
    if m is None:
        return None
    word = m.group("sex").lower()
    return ("female" if word.startswith(("f", "wom")) else "male"), m.end("sex")


_FRAMES_PREGNANCY = re.compile(r"childbearing|child-bearing|pregnan|contracept|fertile|potential", I)


def sex_items(text: str) -> list[Item]:
    items = [Item(m.start(), m.end(), None, frozenset({"sex"})) for m in _SEX_ANY.finditer(text)]
    scope = _SEX_SCOPE.match(text)
    if scope is not None and not items and not _FRAMES_PREGNANCY.search(text):  # ``line`` makes it the scope
        return [Item(scope.start("sex"), scope.end("sex"), None, frozenset({"sex"}))]
    m = _SEX_ONLY.match(text)
    if m and not items and not _FRAMES_PREGNANCY.search(text):
        word = m.group("sex").lower()
        value = "female" if word.startswith(("f", "wom")) else "male"
        items.append(Item(m.start("sex"), m.end("sex"), predicate("sex", Op.IS, value), frozenset({"sex"})))
    return items
