"""Recovery from a therapy the line has just named, said by pointing back at it: "Patients who
have received immunotherapy <= 1 week prior to starting study drug or who have not recovered from
side effects of such therapy", "... off all prior therapy for CML for 2 weeks ... and recovered
from the toxic effects of that therapy", "has not recovered from side effects of such surgery"
(the Novartis washout template and its kin: 48 corpus lines in 31 trials), and the side
effects named after the therapy they are of ("has recovered from all prior treatment side
effects", "recovery from prior chemotherapy side effects").

The events topic reads recovery only where the therapy is named after "from ... of" with
"prior" or "previous" before it; "such therapy" and "prior treatment side effects" were left as
review words, joined to the washout beside them by "and" ("immunotherapy within 1 week and review
...": a patient given it last week was unknown, the clean one unknown too). They stand apart
because the therapy they are of is the one the sentence named before them, which only the
sentence tells: a surgery ("undergone major surgery <= 2 weeks ... or who have not recovered from
side effects of such therapy") is recovered from in no graded toxicity a record holds, so it is
read as the events topic reads a surgery's recovery (left to a person for a patient who had one);
any other therapy by the record's toxicity grade, as "not recovered from prior therapy" is read.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType
from rules_engine.parser.items import I, NEGATED, Item
from rules_engine.parser.topics.events import recovery_of

GATE = re.compile(r"recover", I)

_EFFECTS = r"(?:toxic\s+effects?|toxicit(?:y|ies)|side[\s-]+effects?|adverse\s+(?:events?|effects?)|effects?)"
_DETERMINER = r"(?:such|that|this|these|those|the\s+above|said)"
_WHAT = (
    r"(?P<what>(?:prior\s+|previous\s+)?(?:therap(?:y|ies)|treatments?|agents?|drugs?|medications?|regimens?|chemotherap(?:y|ies)|radiotherap(?:y|ies)"
    r"|radiation(?:\s+therapy)?|immunotherap(?:y|ies)|(?:major\s+)?surger(?:y|ies)|(?:surgical\s+)?procedures?|operations?))"
)
_SUCH = re.compile(
    r"(?P<neg>\b(?:not|never)\s+(?:yet\s+)?(?:fully\s+|completely\s+)?|\bfail(?:ure|ed)?\s+to\s+(?:have\s+)?(?:fully\s+|completely\s+)?)?(?:(?:fully|completely)\s+)?recover(?:ed|y)?(?:\s+(?:fully|completely))?\s+from\s+"
    r"(?:(?:the|all|any)\s+){0,2}(?:(?:acute|reversible|significant|clinically\s+significant)\s+){0,2}" + _EFFECTS
    + r"\s+(?:of|from|related\s+to|due\s+to|associated\s+with|caused\s+by)\s+" + _DETERMINER + r"\s+" + _WHAT + r"\b",
    I,
)
# the effects after the therapy's name: "from all prior treatment side effects"
_NAMED_BEFORE = re.compile(
    r"(?P<neg>\b(?:not|never)\s+(?:yet\s+)?(?:fully\s+|completely\s+)?|\bfail(?:ure|ed)?\s+to\s+(?:have\s+)?(?:fully\s+|completely\s+)?)?(?:(?:fully|completely)\s+)?recover(?:ed|y)?(?:\s+(?:fully|completely))?\s+from\s+"
    r"(?:(?:the|all|any)\s+){0,2}(?:prior|previous)\s+" + _WHAT + r"[\s-]+(?:related\s+)?(?:side[\s-]+effects?|toxicit(?:y|ies)|toxic\s+effects?)\b",
    I,
)
# a grade written near is the graded readings' (events), never this one's
_GRADE_NEAR = re.compile(r"\bgrade|\bgr\.|\bG[0-4]\b|\bCTCAE\b|\bbaseline\b", I)
_SURGERY = re.compile(r"\bsurger(?:y|ies)\b|\bsurgical\b|\boperations?\b|\bprocedures?\b", I)
_OTHER = re.compile(r"therap|treatment|chemo|radi|agent|drug|regimen|transplant|antibod|inhibitor|medication|[a-z]{3,}(?:mab|nib)\b|glivec|gleevec", I)
_STUDY_DRUG = re.compile(r"\bstudy\s+(?:drugs?|treatments?|therapy|medications?)\b", I)


def such_recovery_items(text: str, ctype: CriterionType) -> list[Item]:
    """The recovery spans of ``text`` (see the module's doc), each read by the record's toxicity
    grade or, after a surgery, as a surgery's recovery."""
    items: list[Item] = []
    owned = NEGATED.match(text)  # a clause-start negator is the grammar's, as events reads it
    for pattern in (_SUCH, _NAMED_BEFORE):
        for m in pattern.finditer(text):
            if _GRADE_NEAR.search(text, max(0, m.start() - 60), min(len(text), m.end() + 200)):
                continue
            negated = bool(m.group("neg") and (owned is None or m.start("neg") >= owned.end()))
            what = m.group("what")
            if _SURGERY.search(what):
                what = "major surgery" if re.match(r"major", what, I) else "surgery"
            elif pattern is _SUCH and re.match(r"(?:prior\s+|previous\s+)?(?:therap|treatment|agent|drug|medication|regimen)", what, I):
                # "such therapy": the therapy the sentence named before; a surgery alone is a surgery
                sentence = _STUDY_DRUG.sub(" ", text[max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start())) + 1: m.start()])
                surgery = _SURGERY.search(sentence)
                if surgery is not None and not _OTHER.search(_SURGERY.sub(" ", sentence)):
                    what = "major surgery" if re.search(r"\bmajor\s+$", sentence[: surgery.start()], I) else "surgery"
            items.append(Item(m.start(), m.end(), recovery_of(what, negated), frozenset({"toxicity_grade"})))
    return items
