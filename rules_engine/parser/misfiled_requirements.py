"""An organ-function requirement the registry filed among the exclusions.

"Carbon monoxide diffusing capability test (DLCO) > 60% predicted and in children- room air oxygen
saturation > 92%", "Platelet count > 100,000/mm^3", "Creatinine < 1.5 mg/dL", "PT/PTT within
normal range", "Must have a platelet count >75,000" under the exclusions: each bound states the
adequate value a trial asks for, which no trial excludes. An exclusion holds when its reading is
met; read as written, the line excluded every patient whose lungs, marrow or kidneys work and let
in the ones whose values fail the bound (a DLCO of 50% passed a line meant to stop it). What
excludes is the requirement unmet: the reading negated.

Only a line whose every structured part is such a bound (reviews beside them stay reviews inside
the negation, so a value that meets the bound leaves the line to a person), with no negation in it
(a line the parser already turned, "Subjects must have ...", is left as read), and only bounds that
point the adequate way with a limit in the adequate range: a high value of these measures excludes
no one ("Platelets > 1,000,000" in a thrombocythaemia trial is a real exclusion and is left as
read: its limit is past the range), a low value of the liver and kidney tests neither. Performance
scales are not among them (a misread hour, "within 72 hours", is no Karnofsky bound to turn).

Blood counts are the exception among them: a trial for anaemia, thrombocytopenia or neutropenia
excludes the high value for real ("Hemoglobin > 11 g/dL" in a trial of an anaemia drug), in the same
words and range as a misfiled requirement. Turned, such a line would let in the very patients it
excludes (rule 1), so a bound on haemoglobin, platelets or neutrophils is turned only where the line
says it is a requirement ("Must have a platelet count > 75,000", "adequate bone marrow function").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, iter_predicates

# a measure that is adequate from below ("> 60%"), with the highest limit of each unit an adequacy
# bound is written with (a limit past it is a real exclusion of a high value, or no such bound)
_FROM_BELOW: dict[str, dict[str | None, float]] = {
    "dlco": {"%": 80.0},
    "fev1": {"%": 80.0},
    "fvc": {"%": 80.0},
    "lvef": {"%": 60.0},
    "shortening_fraction": {"%": 35.0},
    "spo2": {"%": 95.0},
    "creatinine_clearance": {"mL/min": 90.0, "mL/min/{1.73_m2}": 90.0},
    "egfr": {"mL/min": 90.0, "mL/min/{1.73_m2}": 90.0},
    "anc": {"10*9/L": 2.5},
    "platelets": {"10*9/L": 150.0},
    "hemoglobin": {"g/dL": 12.0, "g/L": 120.0, "mmol/L": 7.5},
    "albumin": {"g/dL": 3.5, "g/L": 35.0},
}
# a measure that is adequate from above ("< 1.5 mg/dL", "<= 2 x ULN"), with the lowest limit of each
# unit an adequacy bound is written with (a limit under the normal range is no such bound)
_FROM_ABOVE: dict[str, dict[str | None, float]] = {
    "creatinine": {"mg/dL": 1.0, "umol/L": 88.0},
    "bilirubin": {"mg/dL": 1.0, "umol/L": 17.0},
    "direct_bilirubin": {},
    "alt": {},
    "ast": {},
    "alp": {},
    "pt": {},
    "inr": {None: 1.2},
    "aptt": {},
    # "Baseline blood pressure of <= 150/100 mmHg" among the exclusions: no trial excludes a normal
    # pressure, and the low bounds trials do exclude ("systolic < 90", "< 100 mmHg") lie under these
    "systolic_bp": {"mm[Hg]": 130.0},
    "diastolic_bp": {"mm[Hg]": 80.0},
}
# blood counts some trials ask to be low (see above), and the words of a requirement
_COUNTS = frozenset({"hemoglobin", "platelets", "anc"})
_REQUIREMENT = re.compile(r"\b(?:must|should|adequate|sufficient|required|requires?|at\s+least|minimum)\b", re.I)
_ABOVE_OPS = frozenset({Op.GT, Op.GTE})
_BELOW_OPS = frozenset({Op.LT, Op.LTE})


def _adequacy_bound(part: Predicate) -> bool:
    """Whether ``part`` bounds a measure the adequate way, within the adequate range."""
    if not isinstance(part.value, (int, float)) or isinstance(part.value, bool) or part.window is not None:
        return False
    value = float(part.value)
    if part.concept in _FROM_BELOW and part.op in _ABOVE_OPS and not part.uln:
        highest = _FROM_BELOW[part.concept].get(part.unit)
        return highest is not None and 0 < value <= highest
    if part.concept in _FROM_ABOVE and part.op in _BELOW_OPS:
        if part.uln:
            return value >= 1.0
        lowest = _FROM_ABOVE[part.concept].get(part.unit)
        return lowest is not None and value >= lowest
    return False


def _only_adequacy_bounds(expr: Expr, stated: bool) -> tuple[bool, int]:
    """(whether every structured part of ``expr`` is an adequacy bound joined by and/or, how many);
    a blood count's bound counts only where the line is ``stated`` as a requirement."""
    if isinstance(expr, Review):
        return True, 0
    if isinstance(expr, Predicate):
        return (True, 1) if _adequacy_bound(expr) and (stated or expr.concept not in _COUNTS) else (False, 0)
    if isinstance(expr, (All, Any_)):
        count = 0
        for part in expr.parts:
            ok, found = _only_adequacy_bounds(part, stated)
            if not ok:
                return False, 0
            count += found
        return True, count
    return False, 0  # a negation, a conditional: the line was read some other way


def _bounds(expr: Expr) -> set[tuple[str, Op, object, str | None, bool]]:
    return {(p.concept, p.op, p.value, p.unit, p.uln) for p in iter_predicates(expr)}


def requirement_unmet(expr: Expr, ctype: CriterionType, text: str = "", as_inclusion: Callable[[], Expr] | None = None) -> Expr:
    """An exclusion read as adequacy bounds only, negated (see above); any other line as it was.

    ``as_inclusion``: the line read as the requirement it is. An exclusion's list joins its items
    with "or" ("Creatinine < 1.5 mg/dL, bilirubin < 1.5 mg/dL": either excludes), and that join,
    negated, excluded only a patient failing every bound (a creatinine of 3 with a normal
    bilirubin was let in). Read as an inclusion the list is what the patient must meet together,
    an "or" the text writes ("creatinine < 1.5 or clearance > 60") stays one, and its negation is
    what excludes. Taken only where it reads the same bounds; else the exclusion's reading."""
    if CriterionType(ctype) is not CriterionType.EXCLUSION or isinstance(expr, (Not, Review)):
        return expr
    stated = bool(_REQUIREMENT.search(text))
    ok, found = _only_adequacy_bounds(expr, stated)
    if not (ok and found):
        return _bound_alternatives_unmet(expr, text)
    required = as_inclusion() if as_inclusion is not None else expr
    if required is not expr:
        again, counted = _only_adequacy_bounds(required, stated)
        if not (again and counted) or isinstance(required, Not) or _bounds(required) != _bounds(expr):
            required = expr
    return Not(required)


# "Uncontrolled hypertension (...) despite optimal medical management; blood pressure must be below
# 140/90 mmHg at screening": a duty written beside the exclusions it sits among. Its bounds became
# alternatives of the line ("... or systolic < 140 or diastolic < 90"), so every patient with a
# normal pressure was excluded and one with 170/100 only by the other clause. Only the alternatives
# the line's own words mark as a duty ("must", "should" before the bound), each a bound on the
# adequate side with a limit in the adequate range (as above; blood counts never, a trial may
# exclude their high values), are gathered and negated together: the duty unmet excludes.
_DUTY_BOUND = re.compile(r"\b(?:must|should|shall)\s{1,3}(?:be|have|remain)\b", re.I)


def _bound_alternatives_unmet(expr: Expr, text: str) -> Expr:
    if not isinstance(expr, Any_) or not _DUTY_BOUND.search(text):
        return expr
    bounds = [p for p in expr.parts if isinstance(p, Predicate) and p.concept not in _COUNTS and _adequacy_bound(p)]
    if not bounds or len(bounds) == len(expr.parts):
        return expr
    rest = [p for p in expr.parts if not any(p is b for b in bounds)]
    return Any_((*rest, Not(All(tuple(bounds)) if len(bounds) > 1 else bounds[0])))
