""""either" opens the alternatives after it: "relapsed or refractory CD20+ lymphoid malignancies
with either documented CNS involvement or peripheral nerve infiltration".

The words between two items decide their join, and "either" counted as "or" wherever it stood, so
the connector "lymphoid malignancies with either documented" made CD20 the first of the
alternatives (a CD20+ disease without CNS involvement met the line through CD20 alone, and a
CD20-negative one through CNS involvement). Written after other words ("with either", "who have
either", "and either"), "either" starts the alternatives it announces: the item before it is
joined with AND, and the "or" after it joins the alternatives. A connector that is only "either"
or that holds its own "or" before "either" is left as read.

Corpus: 31 lines write "with either", 14 more "have either" / "and either" (of 47,793 lines).
"""

from __future__ import annotations

import re

_OPENS = re.compile(r"^(?P<pre>[^/]*?\b(?:with|have|has|having|had|and|plus|shows?|showing|by|in|of|to))\s+either\b", re.I)
# words that make what follows "either" a treatment to come or a choice, not the patient's history
# (without "may": "patients may have either measurable or nonmeasurable disease" is the patient's
# own pair, ``joiners`` opens it; a treatment to come is never one)
TREATMENT_TO_COME = re.compile(r"\b(?:treat\w*|candidates?|eligible|receiv\w*|can|could|will|should|would)\b", re.I)
_FUTURE = re.compile(rf"{TREATMENT_TO_COME.pattern}|\bmay\b", re.I)
_OR_WORD = re.compile(r"\b(?:or|and/or)\b|/", re.I)


_OR_NEXT = re.compile(r"^\s*,?\s*(?:or|and/or)\b", re.I)


def either_opens(kinds: list[str], connectors: list[str], tail: str) -> list[str]:
    """``kinds`` with an "or" whose connector opens the alternatives after it made "and". ``tail``:
    the clause's words after its last item."""
    out = list(kinds)
    for i, (kind, connector) in enumerate(zip(kinds, connectors)):
        m = _OPENS.match(connector)
        if kind != "or" or m is None or _OR_WORD.search(m.group("pre")) or _OR_WORD.search(connector, m.end()):
            continue
        if len(m.group("pre").split()) > 4 or _FUTURE.search(m.group("pre")):
            continue  # "NSCLC can be treated with curative intent with either surgery or ...": a treatment to come, no history
        # (the "or" it announces must follow: between the items after it, or right after the last
        # item, "... with either documented CNS involvement or peripheral nerve infiltration")
        if "or" in kinds[i + 1:] or (i == len(connectors) - 1 and _OR_NEXT.match(tail)):
            out[i] = "and"
    return out
