"""A laboratory value bounded by its CTCAE grade: "amylase or lipase at least Grade 1 or higher",
"Creatinine <= CTC grade 2", "Grade 3 or higher peripheral blood counts" (holdout T272; a handful
of corpus lines, each a review before, so a lipase past the lab's limit or platelets of 40 x10^9/L
passed the exclusion).

The grade of these labs is a function of the value alone (CTCAE v5.0, "Investigations"): a raised
enzyme, bilirubin or creatinine by its multiple of the lab's upper limit, a low count by its
absolute value. So the grade is read as the bound it stands for, against the same record the
numeric lines read:

* at least grade N (">= grade N", "grade N or higher", an exclusion's bare "grade N"): past the
  lower bound of grade N, ``lipase > 1 x ULN`` for grade 1, ``platelets < 50`` for grade 3;
* above grade N ("> grade 1") is at least grade N+1;
* at most grade N ("<= grade N", "grade N or less"): within it, ``creatinine <= 3 x ULN`` for
  grade 2; "< grade N" is at most grade N-1.

A grade CTCAE bounds by no number (a count's grade 1, "< LLN" in a lab's own range; haemoglobin's
grade 4, life-threatening consequences) stays a review. The blood counts named together
("peripheral blood counts", "cytopenia") are the neutrophils, platelets, haemoglobin and white
cells: at least grade N when any is, within it only when all are; a count named by its fall
("grade 3 neutropenia") is left to the other readings (see ``_FALLS``). A grade of a past event ("grade
3 thrombocytopenia with the last regimen", "on prior fludarabine") is the event's, not today's
count, and is left to the other readings.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op, Review, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, predicate
from rules_engine.parser.topics.labs import lab_name_pattern, named_labs

# the lower bound of each grade (CTCAE v5.0): a multiple of the lab's upper limit for a raised value
_RAISED: dict[str, dict[int, float]] = {
    "amylase": {1: 1.0, 2: 1.5, 3: 2.0, 4: 5.0},
    "lipase": {1: 1.0, 2: 1.5, 3: 2.0, 4: 5.0},
    "bilirubin": {1: 1.0, 2: 1.5, 3: 3.0, 4: 10.0},
    "alt": {1: 1.0, 2: 3.0, 3: 5.0, 4: 20.0},
    "ast": {1: 1.0, 2: 3.0, 3: 5.0, 4: 20.0},
    "alp": {1: 1.0, 2: 2.5, 3: 5.0, 4: 20.0},
    "creatinine": {1: 1.0, 2: 1.5, 3: 3.0, 4: 6.0},
    # the clotting times ("PT, PTT all Grade 0-1"): aPTT prolonged is > ULN-1.5, > 1.5-2.5, > 2.5 x
    # ULN in v4 and v5; the PT is graded as the INR, whose grade 1 starts past 1 x ULN in v4 and
    # 1.2 in v5, so its grade 1 bounds nothing (grade 2 and up agree)
    "aptt": {1: 1.0, 2: 1.5, 3: 2.5},
    "pt": {2: 1.5, 3: 2.5},
}
# ... and an absolute value for a low count (grade 1 is "< LLN": no number)
_LOW: dict[str, tuple[str, dict[int, float]]] = {
    "anc": ("10*9/L", {2: 1.5, 3: 1.0, 4: 0.5}),
    "platelets": ("10*9/L", {2: 75, 3: 50, 4: 25}),
    "hemoglobin": ("g/dL", {2: 10, 3: 8}),
    "wbc": ("10*9/L", {2: 3.0, 3: 2.0, 4: 1.0}),
}
_COUNTS = ("anc", "platelets", "hemoglobin", "wbc")

_NAMES = lab_name_pattern([*_RAISED, "alt+ast", *_LOW])
# the counts named together ("peripheral blood counts", "cytopenias"). A count named by its fall
# ("grade 2 or greater anemia", "grade 3 neutropenia") is as often a toxicity of past treatment
# ("except for Grade 2 or greater anemia" after "not recovered from prior chemotherapy", parsed
# apart from it): read as today's count, the exception let through a patient with another
# toxicity beside a low haemoglobin. Those stay the other readings'.
_FALLS = (
    ("counts", r"(?:peripheral\s+)?blood\s+(?:cell\s+)?counts|cytopeni(?:a|as)|pancytopeni(?:a|c)"),
)
_FALL = "|".join(f"(?P<{c}>{p})" for c, p in _FALLS)
_FALL_ANY = "|".join(f"(?:{p})" for _, p in _FALLS)  # the same names without their groups, for the list
_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and/or\s+|\s+and\s+|\s+or\s+|\s*/\s*)"

_SCALE = r"(?:(?:NCI[-\s]*)?(?:CTCAE|CTC)\s*(?:v(?:ersion|\.)?\s*\d(?:\.\d{1,2})?\s+)?)?"
_AT_LEAST = r"(?:at\s+least|≥|>=|=>)"
_MORE = r"(?:\s*\+|\s+or\s+(?:higher|greater|more|above|worse)|\s+and\s+(?:above|higher))"
_LESS = r"(?:\s+or\s+(?:less|lower|below|better))"
# the grade: "at least Grade 1 or higher", "≤ CTC grade 2", "grade ≥ 3", "Grade 3 or greater"
_GRADE = (
    rf"(?:(?P<least>{_AT_LEAST})\s*|(?P<most>≤|<=|=<)\s*|(?P<under><)\s*|(?P<above>>)\s*)?\(?\s*{_SCALE}(?:grade|gr\.)\s*"
    rf"(?:(?P<least2>≥|>=)\s*|(?P<most2>≤|<=)\s*|(?P<under2><)\s*)?(?:(?P<zero>0)\s*(?:-|–|to|or)\s*)?(?P<n>[0-4])\b(?P<more>{_MORE})?(?P<less>{_LESS})?\s*\)?"
)
# the lab, then its grade ("amylase or lipase at least Grade 1 or higher", "Creatinine serum level <= CTC grade 2")
_AFTER = re.compile(
    rf"(?<![\w-])(?P<names>(?:{_NAMES})(?:{_JOIN}(?:{_NAMES})){{0,4}})\s*(?:(?:serum\s+)?(?:levels?|values?)\s+)?"
    rf"(?:(?:must|should)\s+be\s+|(?:is|are)\s+)?(?:(?:all|both)\s+(?:(?:within|at)\s+)?)?{_GRADE}",
    I,
)
# the grade, then the counts by their fall ("Grade 3 or higher peripheral blood counts",
# "≥ grade 3 neutropenia or thrombocytopenia")
_BEFORE = re.compile(rf"(?<![\w-]){_GRADE}\s*(?P<falls>(?:{_FALL_ANY})(?:{_JOIN}(?:{_FALL_ANY})){{0,3}})", I)
_FALL_ONE = re.compile(_FALL, I)
# a grade of a past event, not today's count: left to the other readings
# a grade the line excepts from another's toxicity ("except for Grade 2 or greater anemia"): the
# exception narrows that toxicity, it is no bound of its own (read as one, the line let through a
# patient with a grade 2 neuropathy beside a low haemoglobin)
_EXCEPTED = re.compile(r"\b(?:except(?:\s+for)?|excluding|other\s+than|apart\s+from|aside\s+from|with\s+the\s+exception\s+of)\W*$", I)
_PAST = re.compile(r"^\W*(?:with|on|after|during|from|due\s+to|related\s+to|while|following|in\s+response)\b|\b(?:prior|previous|last)\b", I)


def _bound(concept: str, grade: int, past: bool) -> Expr:
    """The value past the lower bound of ``grade`` (``past``), else within ``grade``."""
    if concept in _RAISED:
        limits = {g: int(v) if float(v).is_integer() else v for g, v in _RAISED[concept].items()}
        if past:
            return predicate(concept, Op.GT, limits[grade], None, True) if grade in limits else _unbounded(concept, grade)
        return predicate(concept, Op.LTE, limits[grade + 1], None, True) if grade + 1 in limits else _unbounded(concept, grade)
    unit, low = _LOW[concept]
    if past:
        return predicate(concept, Op.LT, low[grade], unit) if grade in low else _unbounded(concept, grade)
    return predicate(concept, Op.GTE, low[grade + 1], unit) if grade + 1 in low else _unbounded(concept, grade)


def _unbounded(concept: str, grade: int) -> Expr:
    # (one review for the counts together: the same words, so ``any_of`` keeps one)
    return Review(ReviewReason.UNSUPPORTED_CONCEPT, f"CTCAE grade {grade}{'' if concept in _COUNTS else ' of ' + concept}: no value bounds it")


def _direction(m: re.Match[str], exclusion: bool) -> tuple[int, bool] | None:
    """(grade, at least it) from the grade's words; None where they say neither (an inclusion's bare
    "grade 2" asks nothing the value bounds)."""
    n = int(m.group("n"))
    if m.group("under") or m.group("under2"):
        return (n - 1, False) if n > 0 else None
    if m.group("above"):
        return (n + 1, True) if n < 4 else None
    if m.group("most") or m.group("most2") or m.group("less") or m.group("zero"):  # "grade 0-1": within grade 1
        return n, False
    if m.group("least") or m.group("least2") or m.group("more") or exclusion:
        return (n, True) if n > 0 else None
    return None


def lab_grade_items(text: str, exclusion: bool) -> list[Item]:
    """The labs of ``text`` bounded by a CTCAE grade, each an item of its bound (see the module's doc)."""
    items: list[Item] = []
    for m in _AFTER.finditer(text):
        if _PAST.search(text[m.end(): m.end() + 40]) or _EXCEPTED.search(text[max(0, m.start() - 40): m.start()]):
            continue
        found = _direction(m, exclusion)
        concepts = [c for c in named_labs(m.group("names")) if c in _RAISED or c in _LOW]
        if found is None or not concepts:
            continue
        parts = [_bound(c, found[0], found[1]) for c in concepts]
        items.append(Item(m.start(), m.end(), any_of(parts) if found[1] else all_of(parts), frozenset(concepts)))
    for m in _BEFORE.finditer(text):
        if _PAST.search(text[m.end(): m.end() + 40]) or _PAST.search(text[max(0, m.start() - 20): m.start()]) or _EXCEPTED.search(text[max(0, m.start() - 40): m.start()]):
            continue
        found = _direction(m, exclusion)
        if found is None or any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        concepts = list(dict.fromkeys(c for one in _FALL_ONE.finditer(m.group("falls")) for k, v in one.groupdict().items() if v
                                      for c in _COUNTS))
        parts = [_bound(c, found[0], found[1]) for c in concepts]
        items.append(Item(m.start(), m.end(), any_of(parts) if found[1] else all_of(parts), frozenset(concepts)))
    return items


# the words every pattern above needs (parser.extraction runs the topic only where they stand)
GATE = re.compile(r"grade|gr\.", I)
