"""A table of serum creatinine limits by age (and sex), as paediatric protocols write it: a
heading ("Creatinine clearance or radioisotope GFR >= 70 mL/min OR a serum creatinine based on
age/gender as follows:") and one line per age band ("0.8 mg/dL (2 to < 6 years of age)", "1.5
mg/dL (male) or 1.4 mg/dL (female) (13 to < 16 years of age)", "2 to < 6 years: 0.8 (male), 0.8
(female)").

Read line by line, each band was an age requirement of its own and the heading asked for all of
them at once, so every patient failed the line (the children's group of Children's Oncology
Group trials, in nearly every one of its leukemia protocols). A band is a limit for the patients
of that age: the table holds when the patient's own band holds. A band Eligo cannot read stays
an alternative left to a person, so the table is then unknown unless another band decides."""

from __future__ import annotations

import re

from rules_engine.criteria import Any_, CriterionType, Expr, Op, Review, ReviewReason
from rules_engine.parser.items import all_of, any_of, predicate
from rules_engine.parser.normalize import normalize
from rules_engine.parser.topics.age import age_items

I = re.IGNORECASE

HEADING = re.compile(r"\bcreatinine\b.{0,160}?\b(?:age|gender|sex)\b.{0,80}:\s*$", I)
_RANGE = re.compile(
    r"(?<![\d.])(?P<lo>\d{1,2})\s*(?P<lu>months?|mos?|years?|yrs?)?\s*(?:to|-|–|through)\s*"
    r"(?:(?P<lt><|less\s+than|under|below)\s*)?(?P<hi>\d{1,2})\s*(?P<hu>months?|mos?|years?|yrs?)\b",
    I,
)
_ONE_YEAR = re.compile(r"\b(?P<n>\d{1,2})\s*(?:years?|yrs?)\s+(?:of\s+age|old)\b", I)
# a limit: a number not counting age, with its unit when written
_VALUE = re.compile(r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d{1,2})?)\s*(?P<unit>mg\s*/\s*dl|[uµμ]mol\s*/\s*l)?(?!\s*(?:\d|years?|yrs?|months?|mos?\b|to\b|-))", I)
_SEX = re.compile(r"\b(?P<sex>males?|females?|boys?|girls?|men|women)\b", I)
_BOTH = re.compile(r"\bmales?\s+(?:and|&|/)\s+females?\b|\bboth\s+(?:sexes|genders)\b", I)
_ABOVE = re.compile(r"≥|>|\bgreater\s+than\b|\bat\s+least\b|\bminimum\b", I)


def is_table_heading(text: str) -> bool:
    return len(text) < 600 and HEADING.search(text) is not None


def _sex_of(word: str) -> str:
    return "female" if word.lower().startswith(("fe", "girl", "wom")) else "male"


def _unit(word: str | None) -> str:
    return "mo" if word and word.lower().startswith("mo") else "a"


def _age_band(text: str) -> tuple[Expr | None, list[tuple[int, int]]]:
    m = _RANGE.search(text)
    if m is not None:  # "2 to < 6 years", "1 month to < 6 months", "1-23 months"
        lo, hi = int(m.group("lo")), int(m.group("hi"))
        lo_unit, hi_unit = _unit(m.group("lu") or m.group("hu")), _unit(m.group("hu"))
        below = m.group("lt") is not None
        if lo_unit == hi_unit and lo < hi:
            return predicate("age", Op.BETWEEN, (lo, hi), hi_unit, high_inclusive=not below), [m.span()]
        if lo_unit != hi_unit:
            return all_of([predicate("age", Op.GTE, lo, lo_unit), predicate("age", Op.LT if below else Op.LTE, hi, hi_unit)]), [m.span()]
    items = [it for it in age_items(text) if it.expr is not None]
    if len(items) == 1:
        return items[0].expr, [(items[0].start, items[0].end)]
    single = _ONE_YEAR.search(text)
    if not items and single:
        n = int(single.group("n"))
        return predicate("age", Op.BETWEEN, (n, n), "a"), [single.span()]
    return None, []


def band(text: str) -> tuple[Expr | None, Expr]:
    """(the age band, the limit within it) of one line; (None, review) when either is unread."""
    text = normalize(text)
    age, spans = _age_band(text)
    if age is None:
        return None, Review(ReviewReason.UNPARSED, "a band of the creatinine-by-age table")
    chars = list(text)
    for start, end in spans:  # the band's own numbers are no limit
        chars[start:end] = " " * (end - start)
    rest = "".join(chars)
    if _ABOVE.search(re.sub(r"no\s+greater\s+than", "", rest, flags=I)):  # a minimum: not this table
        return None, Review(ReviewReason.UNPARSED, "a band of the creatinine-by-age table")
    values = list(_VALUE.finditer(rest))
    if not values or len(values) > 2:
        return None, Review(ReviewReason.UNPARSED, "a band of the creatinine-by-age table")
    limits: list[Expr] = []
    for index, m in enumerate(values):
        unit = "umol/L" if m.group("unit") and "mol" in m.group("unit").lower() else "mg/dL"
        limit = predicate("creatinine", Op.LTE, float(m.group("n")), unit)
        end = values[index + 1].start() if index + 1 < len(values) else len(rest)
        near = rest[m.end(): end]
        sex = _SEX.search(near) if not _BOTH.search(near) else None
        if len(values) == 2 and sex is None:
            return None, Review(ReviewReason.UNPARSED, "a band of the creatinine-by-age table")
        if sex is not None and len(values) == 1:  # "1.4 mg/dL (13 years of age and over [female])": her band alone
            return all_of([age, predicate("sex", Op.IS, _sex_of(sex.group("sex")))]), limit
        limits.append(all_of([predicate("sex", Op.IS, _sex_of(sex.group("sex"))), limit]) if sex else limit)
    return age, any_of(limits)


def table(rows: list[str]) -> Expr:
    """The table: the patient's own band holds. Each band is (age band and its limit)."""
    parts: list[Expr] = []
    for text in rows:
        age, limit = band(text)
        parts.append(limit if age is None else all_of([age, limit]))
    return any_of(parts)


def with_table(heading: str, own: Expr, tab: Expr) -> Expr:
    """The heading's own reading with its unread lead-in ("... a serum creatinine based on age
    as follows:") replaced by the table; a heading that is nothing but the lead-in is the table,
    and one offering another test ("CrCl >= 70 mL/min OR ...") has the table as its alternative."""
    if isinstance(own, Review):
        return tab
    if isinstance(own, Any_):
        kept = tuple(p for p in own.parts if not (isinstance(p, Review) and "creatinine" in p.text.lower()))
        if len(kept) < len(own.parts):
            return any_of([*kept, tab])
    return any_of([own, tab]) if _OR.search(heading) else all_of([own, tab])


_OR = re.compile(r"\bor\b", I)


def applies(ctype: CriterionType, heading: str, rows: list[str]) -> bool:
    """An inclusion heading of the table's words with at least two bands under it."""
    return ctype is CriterionType.INCLUSION and len(rows) >= 2 and is_table_heading(heading)
