"""The one reader of a corticosteroid dose a line states: "> 10 mg/day prednisone or equivalent",
"≤ 10 mg prednisone/day", "prednisone ≤ 60 mg/d", "no more than 15 mg/day of prednisone", "less
than 21 mg of oral prednisone daily", "20 mg or more".

What a dose says is a comparator, a number of milligrams, what they are per (a kilogram or a
square metre of the patient, where a line doses by size), per day, and the steroid named after
them. ``steroid_dose`` is the daily dose in prednisone equivalents (mg/d; codes.toml's
``prednisone_equivalent``), so whose dose it is (prednisone, or a steroid named beside it) is the
caller's to judge from the words around it. Three readers use it: the steroid beside its dose in
the history rows (``topics.events._steroid_dose``), a dose taken for a condition
(``purpose_dose``) and a steroid permitted up to a cap (``steroid_dose_permits``). Each had its
own pattern and its own words for the comparator, so "no more than 10 mg" was a cap in one and
"more than 10 mg" in another.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op

I = re.IGNORECASE

PREDNISONE = r"predniso(?:lo)?ne"
OTHER_STEROID = r"(?:methyl\s?prednisolone|dexamethasone|hydrocortisone|cortisone|budesonide|triamcinolone|betamethasone|fludrocortisone)"

_OVER = ("more than", "greater than", "exceeding", "in excess of", "over", "above", "higher than", ">")
_AT_LEAST = ("at least", "≥", ">=", "=>")
_UNDER = ("<", "less than", "fewer than", "lower than", "below", "under")
# the comparator: its words, the upper bounds' own first ("no more than" before "more than", "not
# exceeding" before "exceeding": read the other way round, a cap became a floor)
_CMP = (
    r"(?P<cmp>no\s+(?:more|greater|higher)\s+than|not\s+(?:more|greater|higher)\s+than|(?:does\s+)?not\s+(?:to\s+)?exceed(?:ing)?"
    r"|(?:(?:a|the)\s+)?maximum(?:\s+(?:daily\s+)?dose)?(?:\s+of)?|up\s+to|at\s+most"
    r"|≤|<=|=<|<|less\s+than|fewer\s+than|lower\s+than|below|under"
    r"|≥|>=|=>|>|more\s+than|greater\s+than|exceeding|in\s+excess\s+of|at\s+least|over|above|higher\s+than)"
)
# the steroid a dose names after its number: "≤ 5 mg/day of prednisone", "21 mg of oral prednisone"
# (and the day after it: "10 mg of prednisone per day")
AFTER_DRUG = (
    r"(?P<bare>)(?:\s{0,3}(?:of\s+)?(?:oral\s+|systemic\s+)?(?P<after>" + PREDNISONE + "|" + OTHER_STEROID + r")\b"
    r"(?:\s{0,3}/\s{0,3}(?:day|d)\b|\s{1,3}(?:per\s+day|a\s+day|daily)\b)?)?"
)

DOSE = re.compile(
    r"(?:" + _CMP + r"\s{0,3}(?:(?:the\s+)?(?:equivalent\s+(?:of\s+|to\s+)?)?(?:" + PREDNISONE + r"\s+)?)?)?"
    r"(?P<n>\d{1,4}(?:\.\d{1,3})?)\s{0,2}(?:mg|milligrams?)\b"
    r"(?P<per>\s{0,3}/\s{0,3}(?:kg|m2|m\^2|m²)|\s{1,3}per\s+(?:kg|m2|square\s+met(?:er|re)))?"
    r"(?:\s{0,3}/\s{0,3}(?:day|d)\b|\s{0,3}/\s{0,3}24\s{0,2}h(?:ours?)?|\s{0,3}(?:per\s+day|a\s+day|daily|qd|every\s+day)\b)?"
    r"(?P<tail>\s{1,3}or\s+(?:more|greater|higher|above|less|lower|below))?"
    + AFTER_DRUG,
    I,
)


def dose_op(m: re.Match[str]) -> Op:
    """The comparison a dose states: its comparator, or its tail ("20 mg or more"); a dose with
    neither is a floor ("steroids at 10 mg daily": that dose or more)."""
    word = " ".join((m.group("cmp") or "").lower().split())
    tail = (m.group("tail") or "").lower()
    if word in _OVER:
        return Op.GT
    if word in _UNDER:
        return Op.LT
    if word and word not in _AT_LEAST:
        return Op.LTE
    if any(w in tail for w in ("less", "lower", "below")):
        return Op.LTE
    return Op.GTE


def is_cap(m: re.Match[str]) -> bool:
    """Whether a dose is a daily cap: an upper bound written before it, per day of the patient's
    whole (not per kilogram or square metre)."""
    return m.group("cmp") is not None and m.group("per") is None and dose_op(m) in (Op.LT, Op.LTE)


def names_prednisone(m: re.Match[str]) -> bool:
    """Whether the steroid named after a dose is prednisone (or prednisolone)."""
    return re.fullmatch(PREDNISONE, m.group("after") or "", I) is not None


def caps(text: str) -> list[re.Match[str]]:
    """Every daily cap ``text`` states."""
    return [m for m in DOSE.finditer(text) if is_cap(m)]


def blank_caps(text: str) -> str:
    """``text`` with every daily cap replaced by a space."""
    out, pos = [], 0
    for m in caps(text):
        out.append(text[pos: m.start()])
        out.append(" ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
