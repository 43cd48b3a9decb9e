"""A time window a heading states for the list under it: "None of the following within the past 6
months:", "Any of the following within 1 year before randomization:", "Significant active cardiac
disease within the previous 6 months, including:", "No arterial thromboembolic event within the
past 6 months, including any of the following:" over "Myocardial infarction", "Unstable angina",
"Stroke" (about 40 corpus headings).

Each line under such a heading was read alone, without the window, so a myocardial infarction
years ago met "Myocardial infarction" under "within the previous 6 months" and excluded the
patient (holdout T191). The window is the heading's, so it dates what each line names.

Only acute events are dated so (``_DATED``: an infarction, an angina episode, a stroke, a
thrombosis or embolism, a revascularisation, a bleed): they happen on a day, and the window asks
whether that day falls inside it. A chronic condition (heart failure, an arrhythmia, a
cardiomyopathy) stays as read: an ongoing one diagnosed years ago is still present within the
window, which a dated record would not show. A line's own window ("within 12 months") is its own
and is kept; a line that is no event (a measurement, a review) is untouched.

It stands apart from ``criteria`` (which joins headings and their lines) as one reading of one
heading shape, applied through a one-line hook.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.concepts import CONCEPTS
from rules_engine.criteria import Expr, Op, Predicate, Window, iter_predicates
from rules_engine.parser.items import I, map_leaves

# the window, then the heading announcing its list ("the following", "including", a colon at the
# end); the words between are bounded and hold no clause stop. The amount may be written as a word
# ("within the last six months:") or left out ("No arterial thromboses within the past year,
# including any of the following:", one year)
_AMOUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}
_WINDOW = (
    r"\b(?:within|in|during|over)\s+(?:the\s+)?(?:(?:past|previous|last|preceding|prior)\s+)?"
    r"(?:(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?P<u>days?|weeks?|months?|years?)\b"
    r"|(?<=past\s)(?P<year>year)\b|(?<=last\s)(?P<year2>year)\b|(?<=previous\s)(?P<year3>year)\b)"
)
_HEADING_WINDOW = re.compile(_WINDOW + r"[^.;:]{0,80}:\s*$", I)
# ... or a list announced before its window, closed by a remark instead of a colon: "Any of the
# following cardiac diseases currently or within the last 6 months as defined by New York Heart
# Association (NYHA) >= Class 2."
_FOLLOWING_THEN_WINDOW = re.compile(r"\bthe\s+following\b[^.;:]{0,80}?" + _WINDOW + r"[^;:]{0,100}$", I)
_ANNOUNCES_LIST = re.compile(r"\b(?:the\s+following|including|includes|such\s+as)\b|:\s*$", I)

# events that happen on a day (the window asks whether that day is inside it)
_ACUTE = frozenset({
    "myocardial_infarction", "unstable_angina", "stroke", "thromboembolism", "coronary_revascularization",
    "hemorrhage", "intracranial_hemorrhage", "gi_hemorrhage", "pulmonary_hemorrhage",
})
# ... and therapies, each record of which is dated by its last dose or its day (an ongoing one by
# the day it is evaluated): "Any of the following within 14 days prior to initiation of study
# treatment:" over "Major surgery", "Radiation therapy", "Chemotherapy", "Anti-myeloma drug
# therapy" asks each inside the 14 days (read alone, every patient ever given chemotherapy was
# excluded from a trial of relapsed disease). Every kind of a therapy is dated as it is.
_THERAPY_ROOTS = frozenset({
    "anticancer_therapy", "investigational_agent", "surgery", "minor_surgery", "growth_factor", "transfusion",
    "steroid_therapy", "immunosuppressant_therapy",
})


def _under_root(concept: str) -> bool:
    seen: set[str] = set()
    node: str | None = concept
    while node is not None and node not in seen:
        if node in _THERAPY_ROOTS:
            return True
        seen.add(node)
        spec = CONCEPTS.get(node)
        node = spec.parent if spec is not None else None
    return False


_DATED = _ACUTE | frozenset(c for c in CONCEPTS if _under_root(c))


def heading_window(heading: str) -> Window | None:
    """The window a heading over a list states for it, if it states one."""
    m = _HEADING_WINDOW.search(heading) or _FOLLOWING_THEN_WINDOW.search(heading.rstrip(". "))
    if m is None or not _ANNOUNCES_LIST.search(heading):
        return None
    if m.group("n") is None:
        return Window(1.0, "years")
    amount = m.group("n").lower()
    unit = m.group("u").lower()
    return Window(float(_AMOUNT_WORDS.get(amount) or amount), unit if unit.endswith("s") else unit + "s")


def dated_by_heading(heading: str, kid_exprs: list[Expr]) -> list[Expr]:
    """The lines under ``heading`` with each acute event they name without a window of their own
    asked within the heading's window."""
    window = heading_window(heading)
    if window is None:
        return kid_exprs

    def undated(node: Expr) -> bool:
        return isinstance(node, Predicate) and node.op is Op.PRESENT and node.value is None and node.window is None and node.concept in _DATED

    def leaf(node: Expr) -> Expr:
        return replace(node, op=Op.WITHIN, window=window) if undated(node) and isinstance(node, Predicate) else node

    # a line with no such event is kept as it was read (rebuilt, its joins would be flattened anew)
    return [map_leaves(e, leaf) if any(undated(p) for p in iter_predicates(e)) else e for e in kid_exprs]
