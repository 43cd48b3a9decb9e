"""Hepatitis C asked as a serology or a history (issue 14, cond7): "Hepatitis B or C or HIV
positive serology", "Hepatitis B or C seropositivity", "Positive serology for HCV" (about 10
corpus lines) and "Known history of hepatitis B or C infection", "History of hepatitis B, C or
HIV", "No known history of hepatitis B or C" (about 15).

A positive HCV antibody is a positive hepatitis C serology by definition, and an antibody that
outlives its infection (the RNA negative since, cured or cleared) is a hepatitis C the patient
has had: a history of one. The parser read both as the infection now (``hcv``), which a positive
antibody alone leaves open, so the patient these lines name was unknown. Here the hepatitis C
they ask is the exposure the antibody shows (``infections.HCV_ANTIBODY_POSITIVE``: the antibody,
the RNA or a diagnosis, now or before), which the infection itself still meets.

Not where the line asks the infection to be active ("Active hepatitis C infection. If positive
serology ..., PCR will be performed"): there the serology only leads to the test that decides.
Nor where it goes on to what lets a patient with hepatitis C in ("... or must meet the following
criteria", "unless treated and confirmed cleared"): an antibody-positive patient may meet that,
and a line read whole by the antibody would decide against him.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Window
from rules_engine.parser.items import I, all_of, any_of
from rules_engine.parser.topics.infections import HCV_ANTIBODY_POSITIVE

_HCV = r"(?:hepatitis\s+(?:B\s*(?:,|or|and|/)\s*)?C\b(?:\s+virus)?(?:\s*\(\s*HCV\s*\))?|\bHCV\b)"
_OTHERS = r"(?:(?:HIV|HBV|hepatitis\s+B(?:\s+surface\s+antigen)?|human\s+immunodeficiency\s+virus(?:\s*\(\s*HIV\s*\))?)\s*(?:,|or|and|/)\s*){0,3}"
_WORDS = re.compile(
    # "hepatitis C seropositive", "Hepatitis B or C or HIV positive serology"
    rf"{_HCV}(?:\s*(?:,|or|and)\s+(?:HIV|HBV))?\s+(?:positive\s+serolog|sero-?positiv|serolog\w{{0,4}}\s+positiv)"
    # "positive serology for HIV or HCV", "seropositive for HIV, hepatitis B or hepatitis C"
    rf"|\b(?:positive\s+serolog\w{{0,4}}|sero-?positiv\w{{0,6}})\s+(?:for|to)\s+{_OTHERS}{_HCV}"
    # "history of hepatitis B or C infection", "history of HIV, Hepatitis B or Hepatitis C"
    rf"|\bhistory\s+of\s+{_OTHERS}{_HCV}",
    I,
)
_ACTIVE = re.compile(r"\b(?:active|current(?:ly)?|acute|ongoing)\s+(?:hepatitis\s+C|HCV)\b|\bPCR\b", I)
# a line that goes on to what lets a patient with hepatitis C in ("no history of hepatitis B or C,
# or must meet the following criteria", "unless treated and confirmed cleared"): what the
# antibody alone would decide there is the exception's, read elsewhere or by a person
_EXCEPTED = re.compile(r"\b(?:following|unless|except\w*+|criteria|provided)\b", I)


def _is_hcv(part: Expr) -> bool:
    if not isinstance(part, Predicate) or part.concept != "hcv":
        return False
    return (part.op is Op.PRESENT and part.window is None) or (
        part.op is Op.WITHIN and part.window == Window(100.0, "years")
    )


def _widened(expr: Expr) -> Expr:
    if _is_hcv(expr):
        return HCV_ANTIBODY_POSITIVE
    if isinstance(expr, (All, Any_)):
        parts = [_widened(p) for p in expr.parts]
        if tuple(parts) == expr.parts:
            return expr
        return all_of(parts) if isinstance(expr, All) else any_of(parts)
    return expr  # (an exception's negated part keeps its reading)


def hcv_exposure_words(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with a hepatitis C asked as a positive serology or a
    history read as the exposure a positive antibody shows."""
    if not _WORDS.search(text) or _ACTIVE.search(text) or _EXCEPTED.search(text):
        return expr
    if isinstance(expr, Not):  # "No known history of hepatitis B or C": the line's own negation
        inner = _widened(expr.part)
        return expr if inner is expr.part else Not(inner)
    return _widened(expr)
