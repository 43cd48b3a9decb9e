"""A line whose bound closes on the age band it is for: "Serum creatinine < 1.0 mg/dL in
adolescent/young adults (patients 12 to 17 years of age)", "Serum creatinine <= 1.5 mg/dL for
patients > 16 years of age", and perhaps sentences after it that only permit ("For pediatric
patients with serum creatinine above the ULN, creatinine clearance > 90 ml/min/1.73m2 ... may be
enrolled. Collected creatinine clearance may be substituted.").

The band names whom the line asks, as a leading band does (``portions.age_subgroup``: "Subjects
16 and 17 years old must ..."); it stands apart because the band comes last, after the bound, and
the line's other sentences must only widen it for the band to scope them too. Read as one more
conjunct, "age between 12 and 17" failed every adult the trial's next line is for. A line with
another requirement after the band, or alternatives or a list before it ("Karnofsky >= 70% or
Lansky > 70% for patients < 16 years of age": the band is the last alternative's), is left as it
is read.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Predicate, iter_predicates
from rules_engine.parser.portions import AGE_BAND, LineParser

_WHO = rf"(?:patients?|subjects?|participants?)\s+(?:aged?\s+)?(?:{AGE_BAND})(?:\s*(?:years?|yrs?))?(?:\s+(?:old|of\s+age))?"
_TAIL = re.compile(
    # ("in adolescent/young adults (patients 12 to 17 years of age)", "for patients > 16 years of age")
    rf"\s*(?:\b(?:in|for|among)\s+(?:[\w/-]+\s+){{0,3}}?\(\s*(?P<who>{_WHO})\s*\)|\b(?:in|for|among)\s+(?P<who2>{_WHO})|\(\s*(?P<who3>{_WHO})\s*\))"
    r"\s*(?=\.\s|\.?$)",
    re.I,
)
_SPLITS = re.compile(r"[;,]|\b(?:or|and/or|and)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")
# a sentence after it that only lets more patients in
_PERMITS = re.compile(
    r"\b(?:may|can)\s+(?:also\s+)?(?:be\s+)?(?:enrolled|substituted|used|included|eligible|allowed|accepted|permitted|enter)\b"
    r"|\b(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|acceptable|permitted)\b",
    re.I,
)
_ASKS = re.compile(r"\b(?:must|should|shall|required?|not|no|excluded|ineligible)\b", re.I)


def trailing_band(text: str, ctype: CriterionType, line_parser: LineParser, parent: int | None = None) -> tuple[None, Expr, Expr] | None:
    """(None, the age band, the line read without it) for a line whose first sentence closes on the
    band it is for and whose other sentences only permit, else None."""
    if ctype is not CriterionType.INCLUSION or "year" not in text.lower():
        return None
    end = _SENTENCE_END.search(text)
    first_end = end.start() if end else len(text)
    m = None
    for found in _TAIL.finditer(text, 0, first_end):
        m = found
    if m is None or m.end() < len(text[:first_end].rstrip(" .")):
        return None
    if _SPLITS.search(text, 0, m.start()) or "year" in (text[: m.start()] + text[m.end():]).lower():
        # "Karnofsky >= 70% or Lansky > 70% for patients < 16 years of age", "...; Lansky >= 50%
        # for patients <= 16 years of age": the band is the last alternative's, not the line's
        return None
    rest = text[first_end:]
    for sentence in _SENTENCE_END.split(rest.strip()):
        if sentence.strip() and (not _PERMITS.search(sentence) or _ASKS.search(sentence)):
            return None
    who = m.group("who") or m.group("who2") or m.group("who3")
    band = line_parser(who, CriterionType.INCLUSION, parent=parent).expr
    preds = list(iter_predicates(band))
    if not preds or any(p.concept != "age" for p in preds) or not isinstance(band, Predicate):
        return None
    asked = (text[: m.start()] + text[m.end():]).strip()
    return None, band, line_parser(asked, ctype, parent=parent).expr
