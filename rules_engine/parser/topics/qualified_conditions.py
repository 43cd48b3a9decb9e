"""Comorbid conditions asked with a qualifier ("uncontrolled", "symptomatic", "severe") where the
qualifier is no person's judgement after all: the line defines it by the condition's own measure,
or the condition's kind on record is the qualified condition by definition (issue 14).

Two readings, both after the parser has left each qualifier as a review beside its condition
(absent means absent: no condition on record, no qualified condition; one on record is a
person's, the adjective alone never excludes nor clears):

* **The line's own definition.** "uncontrolled hypertension [diastolic > 100 mmHg]", "Uncontrolled
  congestive heart failure defined as NYHA class II or greater", "Symptomatic congestive heart
  failure (NYHA class III or IV)", "uncontrolled diabetes as defined by fasting serum glucose >
  1.5 x ULN" (about 90 corpus lines). The bracket or "defined as" says what the qualifier means,
  and the parser reads it, but also kept the qualifier's undefined reading as an alternative
  beside it ("heart failure and a person's review of 'uncontrolled'"), so a heart failure of
  NYHA class II stayed unknown where the line's own words say it is not uncontrolled, and the
  definition's bound carried the review of the word it defines (NYHA class III was unknown too).
  The undefined alternative goes, and the defined one loses the copy of the same review; any
  other words it carries ("despite optimal medical management", "sustained") stay a person's.
  Only where the text writes the definition right after the condition's name, in the
  condition's own measure (a blood pressure, the NYHA class, a glucose or HbA1c): a measure
  listed as an item of its own ("uncontrolled hypertension, or systolic pressure > 160") defines
  nothing. A history or a window beside the condition is left as it is.

* **The condition's kind.** Heart failure is symptomatic from NYHA class II on (class I is heart
  disease "without resulting limitation of physical activity", class II "ordinary physical
  activity results in fatigue, palpitation, dyspnea"): "symptomatic congestive heart failure"
  (about 300 corpus lines) is met by a recorded class of 2 to 4 and not met by class 1, and
  stays unknown with no class on record. Angina pectoris is the symptom of coronary artery
  disease: "symptomatic coronary artery disease" is met by an angina on record. Unstable angina
  is angina out of control by definition (new, worsening or at rest): "uncontrolled angina" is
  met by it. Heart failure of NYHA class III or IV (marked limitation, symptoms at rest) is
  "significant", "clinically significant", "severe" or "serious" heart disease by any reading:
  "Clinically significant cardiac disease" and "Uncontrolled or significant cardiovascular
  disease" (one of the qualifiers joined by "or" suffices) are met by it, while any other heart
  disease, or "significant, uncontrolled" (both asked), stays a person's ("severe" too: the
  corpus writes "Severe cardiac insufficiency (NYHA III or IV)"). Any other word beside
  "symptomatic" ("symptomatic, uncontrolled") stays a review beside the class, which then can
  only fail the line (class 1 is not symptomatic), never meet it; qualifiers joined by "or"
  ("symptomatic or uncontrolled") are left whole but for significance, as either may be the one
  that holds.
  A lung disease on supplemental oxygen is "severe", "serious" or "significant" lung disease
  (chronic respiratory failure, the last stage of every chronic lung disease): "Severe pulmonary
  disease" is met by a lung disease on record beside an oxygen dependence, any other lung
  disease stays a person's.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, Window, iter_predicates
from rules_engine.parser.items import I, all_of, any_of, predicate
from rules_engine.parser.topics.control import qualified_pair

# -- the line's own definition --------------------------------------------------------------------

# disease -> the measures a definition of its control or severity is written in
_OWN_MEASURES: dict[str, frozenset[str]] = {
    "hypertension": frozenset({"systolic_bp", "diastolic_bp"}),
    "heart_failure": frozenset({"nyha"}),
    "diabetes": frozenset({"hba1c", "glucose"}),
}

_DEFINES = r"\s*(?:\(|\[|,?\s*(?:(?:as\s+)?defined\s+(?:as|by)|i\.\s?e\.?,?|that\s+is|:))\s*"

# the condition's name, the definition's opening and, within a few words, its measure
_DEFINED: dict[str, re.Pattern[str]] = {
    "hypertension": re.compile(
        r"\bhypertension" + _DEFINES + r"[^()\[\];]{0,40}?(?:blood\s+pressure|\bBP\b|\bSBP\b|\bDBP\b|systolic|diastolic|[<>≥≤]\s*=?\s*\d{2,3}\s*(?:/|mm))", I),
    "heart_failure": re.compile(
        r"(?:heart\s+failure|\bCHF\b|cardiac\s+insufficiency)(?:\s*\(\s*CHF\s*\))?" + _DEFINES + r"[^;]{0,30}?(?:\bNYHA\b|New\s+York\s+Heart)", I),
    "diabetes": re.compile(r"\bdiabet\w*(?:\s+mellitus)?" + _DEFINES + r"[^()\[\];]{0,40}?(?:glucose|sugar|\bA1c\b|HbA1c|glyc)", I),
}

# a review holding nothing but the qualifier a definition defines, with the words around it
# ("Uncontrolled defined as", "uncontrolled [ mmHg]", "Patients with uncontrolled", "Symptomatic")
_QUALIFIER_ONLY = re.compile(
    r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|current(?:ly)?|known|evidence\s+of|presence\s+of|or|and|"
    r"uncontrolled|poorly\s+controlled|not\s+(?:well\s+|adequately\s+)?controlled|inadequately\s+controlled|symptomatic|severe|"
    r"(?:clinically\s+)?significant|decompensated|uncompensated|unstable|(?:as\s+)?defined\s+(?:as|by)|i\.\s?e|mmHg|mm\s+Hg)\b)*",
    I,
)


def _qualified(part: Expr, diseases: frozenset[str]) -> tuple[Predicate, Review] | None:
    """``part`` as "a disease and a review of nothing but its qualifier", or None."""
    return qualified_pair(part, diseases, _QUALIFIER_ONLY)


def _without(part: Expr, review: Review) -> Expr:
    """``part`` without the copy of ``review`` among its own requirements."""
    if isinstance(part, All) and review in part.parts:
        return all_of([p for p in part.parts if p != review])
    return part


def _defined_alternatives(parts: tuple[Expr, ...], diseases: frozenset[str]) -> tuple[Expr, ...]:
    for part in parts:
        pair = _qualified(part, diseases)
        if pair is None:
            continue
        disease, review = pair
        measures = _OWN_MEASURES[disease.concept]
        defining = [p for p in parts if p is not part and any(q.concept in measures for q in iter_predicates(p))]
        if not defining:
            continue
        # the definition's parts lose the copy of the word they define; the next qualified
        # condition of the same list is read on what is left
        rest = tuple(_without(p, review) if any(p is d for d in defining) else p for p in parts if p is not part)
        return _defined_alternatives(rest, diseases)
    return parts


def _by_definition(expr: Expr, diseases: frozenset[str]) -> Expr:
    if isinstance(expr, Not):
        inner = _by_definition(expr.part, diseases)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, All):
        parts = tuple(_by_definition(p, diseases) for p in expr.parts)
        return expr if parts == expr.parts else all_of(list(parts))
    if isinstance(expr, Any_):
        parts = _defined_alternatives(tuple(_by_definition(p, diseases) for p in expr.parts), diseases)
        return expr if parts == expr.parts else any_of(list(parts))
    return expr


# "> 150/100 mmHg" read as both sides over their bounds (the parser's reading) would let 160/95
# pass a definition a clinician reads as either side over: there the undefined alternative stays,
# and a pressure between keeps the line a person's
_PRESSURE_PAIR = re.compile(r"\b\d{2,3}\s*/\s*\d{2,3}\b")


def _both_sides(expr: Expr) -> bool:
    """Whether ``expr`` asks both pressures together (one And over a systolic and a diastolic bound)."""
    if isinstance(expr, All) and {"systolic_bp", "diastolic_bp"} <= {p.concept for p in expr.parts if isinstance(p, Predicate)}:
        return True
    return isinstance(expr, (All, Any_, Not)) and any(_both_sides(p) for p in (expr.parts if not isinstance(expr, Not) else (expr.part,)))


def defined_by_own_measure(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) without the undefined alternative of a qualified
    condition whose qualifier ``text`` defines in the condition's own measure."""
    diseases = frozenset(d for d, pattern in _DEFINED.items() if pattern.search(text))
    if "hypertension" in diseases and _PRESSURE_PAIR.search(text) and _both_sides(expr):
        diseases -= {"hypertension"}
    return _by_definition(expr, diseases) if diseases else expr


# -- the condition's kind -------------------------------------------------------------------------

_SYMPTOMATIC = re.compile(r"\bsymptomatic\b", I)
_UNCONTROLLED = re.compile(r"\b(?:uncontrolled|unstable|poorly\s+controlled|not\s+controlled)\b", I)
# a seizure disorder asked out of control ("uncontrolled seizures", "poorly controlled epilepsy",
# "unstable epilepsy", "intractable seizure disorder"; about 40 corpus lines)
_SEIZURES_UNCONTROLLED = re.compile(
    r"\b(?:uncontrolled|unstable|intractable|refractory|poorly[\s-]+controlled|not\s+(?:well[\s-]+|adequately\s+)?controlled)\b", I)
_SEIZURE_HISTORY = re.compile(r"\b(?:(?:recent|past|prior|previous)\s+)?history\s+of\b|\b(?:prior|previous|an?|that\s+(?:is|are))\b", I)
_JOINED = re.compile(r"\b(?:or|and/or|nor)\b|/", I)
# the words a qualifier's review holds beside it that ask nothing more
_FILLER = re.compile(r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|current(?:ly)?|known|evidence\s+of|presence\s+of|active)\b)*", I)

NYHA_SYMPTOMATIC = predicate("nyha", Op.GTE, 2)
NYHA_MARKED = predicate("nyha", Op.GTE, 3)

# heart disease asked "significant", "clinically significant", "severe" or "serious": heart
# failure of NYHA class III or IV (marked limitation, symptoms at rest) is that by any reading
_HEART_DISEASES = frozenset({"cardiac_disease", "cardiovascular_disease", "heart_failure"})
_SIGNIFICANCE = re.compile(r"\b(?:clinically\s+significant|significant|severe|serious)\b", I)
_SIGNIFICANCE_REST = re.compile(
    r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|any|other|current(?:ly)?|known|evidence\s+of|presence\s+of|history\s+of|"
    r"clinically\s+significant|significant|severe|serious|or|and/or)\b)*",
    I,
)


# A myocardial infarction or an unstable angina of the last 3 months is "significant" or "serious"
# heart disease under every definition the corpus writes where it defines one (an infarction
# within 6 months in 506 lines, 12 months or a year in 107, 3 months or 12 weeks in 63, 4 months
# in 6; 2 months or 1 month in 8, as a line's own limit, never as what "significant" means).
# "Severe" alone is left to the class: an uncomplicated infarction is not surely severe disease
_RECENT = Window(3, "months")
_RECENT_EVENTS = ("myocardial_infarction", "unstable_angina")
_SIGNIFICANT_WORD = re.compile(r"\b(?:significant|serious)\b", I)
_DAYS = {"days": 1.0, "weeks": 7.0, "months": 30.44, "years": 365.25}


# ... and a line that asks a history of it ("History of clinically significant or uncontrolled
# cardiac disease", "No history of significant cardiovascular disease": about 40 corpus lines)
# asks it at any time: an infarction or an unstable angina of any date is a history of
# significant heart disease (an acute coronary syndrome, the heart muscle lost), where only the
# last 3 months counted and an infarction two years ago was left to a person. Only where the line
# dates nothing itself (its own window bounds the history, as above)
_HISTORY_WORD = re.compile(r"\bhistory\b", I)
_EVER = Window(100, "years")


def _recent_events(disease: Predicate, review: Review) -> list[Expr]:
    """The recent coronary events that are the significant heart disease ``review`` asks of
    ``disease`` (none for "severe" alone), inside the line's own window where it is shorter; at
    any time where the review asks a history and the line no window."""
    if disease.concept == "heart_failure" or not review.text or not _SIGNIFICANT_WORD.search(review.text):
        return []  # "significant heart failure" asks of the failure, never of an infarction
    if disease.window is None and _HISTORY_WORD.search(review.text):
        return [any_of([predicate(kind, Op.PRESENT), predicate(kind, Op.WITHIN, window=_EVER)]) for kind in _RECENT_EVENTS]
    window = _RECENT
    own = disease.window
    if own is not None and own.amount * _DAYS.get(own.unit, 0.0) < _RECENT.amount * _DAYS["months"]:
        window = own
    return [predicate(kind, Op.WITHIN, window=window) for kind in _RECENT_EVENTS]


def _significant(text: str) -> bool:
    """Whether a qualifier's review asks significance: alone, or as one of qualifiers joined by
    "or" ("Uncontrolled or significant": significant heart disease meets it; "significant,
    uncontrolled" asks both, and control is a person's)."""
    if not _SIGNIFICANCE.search(text):
        return False
    if _SIGNIFICANCE_REST.fullmatch(text):
        return True
    return re.search(r"\b(?:or|and/or)\b", text, I) is not None and re.search(r"\band\b(?!/)", text, I) is None


# the words that only lead into the examples the line names ("any other uncontrolled cardiac
# condition such as angina pectoris"): the example is the condition the qualifier is asked of,
# so they ask nothing beside it (cond5)
_EXAMPLES_LEAD = re.compile(
    r"\b(?:any\s+)?(?:other\s+)?(?:(?:cardiac|heart|cardiovascular|medical)\s+)?(?:conditions?|diseases?|disorders?|illness(?:es)?)\s+(?:such\s+as|including)\W*$", I)


def _rest(text: str, word: re.Pattern[str]) -> str:
    """The words of a qualifier's review besides ``word``, the filler around it and the lead into
    the line's examples ("" when none)."""
    rest = _EXAMPLES_LEAD.sub(" ", word.sub(" ", text))
    return "" if _FILLER.fullmatch(rest) else " ".join(rest.split())


def _significant_history(part: All, events: bool) -> Expr | None:
    """"history of clinically significant heart problems", "History of serious cardiac disease":
    the heart disease asked at any time ("X or X within 100 years") beside a review of its
    significance. Heart failure of NYHA class III or IV is significant heart disease whenever it
    was recorded, as it is for the disease asked now (15 corpus lines; cond5); None for any other
    shape."""
    history = next((p for p in part.parts if isinstance(p, Any_)), None)
    review = next((p for p in part.parts if isinstance(p, Review)), None)
    if history is None or review is None or not review.text or len(review.text) > 60 or not _significant(review.text):
        return None
    preds = [p for p in history.parts if isinstance(p, Predicate) and p.op in (Op.PRESENT, Op.WITHIN)]
    if len(preds) != len(history.parts) or len({p.concept for p in preds}) != 1 or preds[0].concept not in _HEART_DISEASES:
        return None
    failing = any_of([predicate("heart_failure", p.op, window=p.window) for p in preds])
    present = next((p for p in preds if p.op is Op.PRESENT), preds[0])
    return any_of([all_of([failing, NYHA_MARKED]), *(_recent_events(present, review) if events else []), part])


def _kind_decides(part: Expr, events: bool) -> Expr:
    if not isinstance(part, All) or len(part.parts) != 2:
        return part
    history = _significant_history(part, events)
    if history is not None:
        return history
    disease = next((p for p in part.parts if isinstance(p, Predicate)), None)
    review = next((p for p in part.parts if isinstance(p, Review)), None)
    if disease is None or review is None or not review.text or len(review.text) > 60 or disease.op not in (Op.PRESENT, Op.WITHIN):
        return part
    if _JOINED.search(review.text):
        # qualifiers joined by "or": either may be the one that holds, so only one the kind
        # surely holds decides, and only towards met
        if disease.concept in _HEART_DISEASES and _significant(review.text):
            return any_of([all_of([predicate("heart_failure", disease.op, window=disease.window), NYHA_MARKED]), *(_recent_events(disease, review) if events else []), part])
        return part
    if disease.concept == "heart_failure" and _SYMPTOMATIC.search(review.text):
        # the class decides "symptomatic"; what else the review holds stays beside it
        rest = _rest(review.text, _SYMPTOMATIC)
        return all_of([disease, NYHA_SYMPTOMATIC, *([Review(review.reason, rest)] if rest else [])])
    if disease.concept == "lung_disease" and _significant(review.text):
        # a lung disease that needs supplemental oxygen is severe lung disease (chronic respiratory
        # failure); any other stays a person's
        return any_of([all_of([disease, predicate("oxygen_dependence", Op.PRESENT)]), part])
    if disease.concept in _HEART_DISEASES and _significant(review.text):
        # heart failure of class III or IV is significant heart disease; any other stays a person's
        failing = predicate("heart_failure", disease.op, window=disease.window)
        return any_of([all_of([failing, NYHA_MARKED]), *(_recent_events(disease, review) if events else []), part])
    kind = None
    if disease.concept == "seizure_disorder" and _SEIZURES_UNCONTROLLED.search(review.text):
        # an epilepsy coded intractable (drug-resistant) is a seizure disorder out of control by
        # definition; a history asked of it ("Recent history of uncontrolled seizures") is the
        # current one's as well, so those words ask nothing more of it
        rest = _rest(_SEIZURE_HISTORY.sub(" ", review.text), _SEIZURES_UNCONTROLLED)
        named = predicate("intractable_epilepsy", disease.op, window=disease.window)
        return any_of([all_of([named, *([Review(review.reason, rest)] if rest else [])]), part])
    if disease.concept == "coronary_artery_disease" and _SYMPTOMATIC.search(review.text):
        kind, word = "angina", _SYMPTOMATIC
    elif disease.concept == "angina" and _UNCONTROLLED.search(review.text):
        kind, word = "unstable_angina", _UNCONTROLLED
    if kind is None:
        return part
    rest = _rest(review.text, word)
    named = predicate(kind, disease.op, window=disease.window)
    return any_of([all_of([named, *([Review(review.reason, rest)] if rest else [])]), part])


def _kinds(expr: Expr, events: bool) -> Expr:
    if isinstance(expr, Not):
        inner = _kinds(expr.part, events)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, (All, Any_)):
        changed = _kind_decides(expr, events)
        if changed is not expr:
            return changed
        parts = [_kinds(p, events) for p in expr.parts]
        if tuple(parts) == expr.parts:
            return expr
        return all_of(parts) if isinstance(expr, All) else any_of(parts)
    return expr


# a line that says what its significant heart disease is ("(New York Heart Association Class
# III/IV)", "... including myocardial infarction within the last month", "this includes:", "(specified
# below)", "such as"): its own definition decides, never our reading of the word
_OWN_DEFINITION = re.compile(
    r"\b(?:defined|specified|includ\w*|such\s+as|e\.\s?g\b|i\.\s?e\b|specifically|as\s+follows|NYHA|New\s+York|infarct\w*|angina|MI)\b|:", I)


def qualified_by_kind(expr: Expr, text: str = "") -> Expr:
    """``expr`` (the reading of ``text``) with "symptomatic heart failure" decided by the NYHA
    class, "symptomatic coronary artery disease" met by an angina, "uncontrolled angina" by an
    unstable angina, and significant heart disease by class III or IV or a recent coronary event."""
    events = not _OWN_DEFINITION.search(text) and not any(p.concept in (*_RECENT_EVENTS, "nyha") for p in iter_predicates(expr))
    return _kinds(expr, events)

