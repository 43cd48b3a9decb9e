"""A laboratory bound asked of the mean of several counts ("The mean of two platelet counts taken
during the 2-week Screening Period must be ≤50 x 109/L, with no individual non-transfused count >60
x 109/L", "Mean of 2 most recent central laboratory Hb values during the screening period ... must
be <10.0 g/dL"; issue 14).

A record holds each count, never their mean, and no one count decides a mean: platelets of 55 and
40 average 47.5, within a mean of 50 that the later count alone exceeds. So the mean's bound is a
person's (a review), never the latest value's bound, which would fail the patient the line admits.
What one count does decide is the bound the line sets on every count ("no individual count > 60"):
a count on record past it fails the line whatever the mean (holdout T243, whose platelets of 85,000
were left wholly to review, so the patient read eligible).

Only a line that opens with the mean; the sentences after it are read as they stand. Every pattern
is bounded and none nests a repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rules_engine.criteria import CriterionType, Expr, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import I, NEGATE, all_of

_MEAN = re.compile(
    r"^\W*(?:the\s+)?(?:mean|average)\s+(?:value\s+)?of\s+(?:(?:the\s+)?(?:two|2|three|3|four|4)\s+)"
    r"(?:(?:most\s+recent|consecutive|separate|screening|central\s+laboratory|local|laboratory)\s+){0,3}"
    r"(?P<lab>(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:counts?|values?|levels?|measurements?|results?)\b"
    r"(?P<body>(?:[^.;]|\.(?=\d)){0,400})",
    I,
)
# the bound on every count, said beside the mean's
_EACH = re.compile(
    r"\b(?:with\s+)?no\s+(?:individual|single|one)\s+(?:[\w-]+\s+){0,2}?(?:count|value|level|measurement|result)\s+(?P<bound>[^,;]{1,60})",
    I,
)
_STOP = re.compile(r"[.;]\s*")


def mean_of_counts(norm: str, ctype: CriterionType, read: Callable[[str, CriterionType], Expr]) -> Expr | None:
    """The reading of ``norm`` (a normalized line) that opens with a mean of counts, or None."""
    if "mean" not in norm.lower() and "average" not in norm.lower():
        return None
    m = _MEAN.match(norm)
    if m is None or ctype is not CriterionType.INCLUSION:
        return None
    lab = m.group("lab")
    parts: list[Expr] = []
    each = _EACH.search(m.group("body"))
    if each is not None:
        bound = read(f"{lab} count {each.group('bound').strip()}", CriterionType.INCLUSION)
        upright = NEGATE.get(bound.op) if isinstance(bound, Predicate) else None
        if isinstance(bound, Predicate) and upright is not None:
            # "no individual count > 60": every count at 60 or under, the latest one included
            parts.append(replace(bound, op=upright))
    parts.append(Review(ReviewReason.UNSUPPORTED_CONCEPT, "the mean of several counts: " + " ".join(m.group(0).split())[:200]))
    rest = norm[m.end():]
    stop = _STOP.match(rest)
    rest = rest[stop.end():] if stop else rest
    if rest.strip(" .;,"):
        parts.append(read(rest, ctype))
    return all_of(parts)
