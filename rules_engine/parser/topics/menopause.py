"""Menopausal status asked for or excluded ("Postmenopausal", "Patients must be postmenopausal (>
12 months of amenorrhea, bilateral oophorectomy)", "Premenopausal status" among the exclusions):
44 top-level corpus lines name it, 20 of them as the line's own subject, all left wholly to review.

No record codes menopause, but what it implies is coded: a postmenopausal patient is a woman
and not of childbearing potential (contract: Patient.gender; the record's childbearing
potential); a premenopausal one is a woman. So

* "postmenopausal" is ``All(sex is female, not childbearing potential positive, review)``: a man
  or a woman recorded as of childbearing potential is not postmenopausal (decided); any other
  woman is for a person (not of childbearing potential may be surgical sterility);
* "premenopausal" / "perimenopausal" is ``All(sex is female, review)``: a man is not.

The review is a ``Qualifier`` (it narrows the item), so an exclusion keeps it: a woman is never
excluded on her sex alone. Only a line whose subject the status is is read: one that defines
childbearing potential by it ("women who are not post-menopausal for 12 months"), names a
therapy for it ("postmenopausal hormone replacement therapy"), offers another way out
("postmenopausal or surgically sterile") or names men as well is left to the other topics and
to review.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from rules_engine.criteria import Not, Op, ReviewReason
from rules_engine.parser.items import FEMALE, I, Item, all_of, predicate
from rules_engine.parser.safety import Qualifier


_STATUS = re.compile(
    r"(?<![\w-])(?P<which>post|pre|peri)[\s-]?menopaus(?:al|e)\b"
    r"(?:\s+(?:status|women|woman|females?|(?:female\s+)?(?:patients?|subjects?|participants?)))?",
    I,
)
# what makes the status part of something else: a definition, a negation, another way out, a
# therapy, men ("... or male subjects"), a condition; searched outside brackets only (a bracket
# after the status defines it: "(> 12 months of amenorrhea, bilateral oophorectomy)")
_NOT_THE_SUBJECT = re.compile(
    r"\b(?:not|non|no|never|without|defined|define|considered|potential|child-?bearing|reproductive|steril\w*|hysterectom\w*|oophorectom\w*"
    r"|hormon\w*|replacement|therap\w*|treatment|range|levels?|unless|if|either|except|males?|men|man|specified|unknown)\b",
    I,
)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_REST_OK = re.compile(
    r"(?:\W|\d+|\b(?:patients?|subjects?|participants?|women|woman|females?|must|be|is|are|have|has|a|an|the|status|aged?|years?|yrs?|old|older|and|or|inclusive|at|enrollment|entry)\b)*",
    I,
)


# The line decides as well as the clause: "Female subject post-menopausal; surgically sterilized or
# willing to use an acceptable method of birth control" is cut into clauses, and its first, read
# alone, asked every woman to be postmenopausal. ``parse_line`` sets this for the line it reads
# (``line_allows``); the clause reader's cache keys on it.
STATUS_READ: ContextVar[bool] = ContextVar("menopause_status_read", default=True)
_LINE_BLOCK = re.compile(r"contracep\w*|birth\s+control|abstain\w*|abstinen\w*|pregnan\w*|willing\w*|agree\w*|\bmenses\b|menstrua\w*|amenorrh\w*", I)


def line_allows(line: str) -> bool:
    """Whether a line that names a menopausal status may have it read as its subject: nothing in
    it (outside brackets, unless the whole line is one) makes the status part of something else."""
    if line.rstrip().endswith(":"):
        return False  # a lead-in ("Is post-menopausal:" in a list defining who is not of childbearing potential)
    bare = _BRACKETS.sub(" ", line)
    bare = bare if bare.strip(" .;:-") else line
    return not _NOT_THE_SUBJECT.search(bare) and not _LINE_BLOCK.search(bare)


def menopause_items(text: str) -> list[Item]:
    if "menopaus" not in text.lower():
        return []
    found = list(_STATUS.finditer(text))
    if len(found) != 1 or _NOT_THE_SUBJECT.search(_BRACKETS.sub(" ", text)):
        return []
    m = found[0]
    # the status must be what the clause says, with its persons, an age and a bracket at most:
    # beside other subjects ("Postmenopausal women with ... locally advanced or metastatic ER
    # positive breast cancer") the clause grammar would join them by the "or" inside their words
    rest = _BRACKETS.sub(" ", text[: m.start()] + " " + text[m.end():])
    if not _REST_OK.fullmatch(rest):
        return []
    # the review quotes the clause: an age beside the status ("Premenopausal women, 18-50 years")
    # is not read here (topics.age leaves lines naming menopause alone), so a person sees it
    status = " ".join(text.split())[:200]
    if m.group("which").lower() == "post":
        expr = all_of([FEMALE, Not(predicate("childbearing_potential", Op.IS, "positive")), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "postmenopausal: " + status)])
    else:
        expr = all_of([FEMALE, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "menopausal status: " + status)])
    return [Item(m.start(), m.end(), expr, frozenset({"sex", "childbearing_potential"}))]
