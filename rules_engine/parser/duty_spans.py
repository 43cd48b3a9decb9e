"""How long a consent duty lasts, run on after it: "agree to conception control during treatment
and 6 months after CAR-T infusion", "must use contraception ... and for 3 months after the last
dose of <drug>" (the shape stands in about 380 corpus lines, 330 trials).

The span is the duty's, never a requirement of its own. Where the product it counts from is a
word a topic recognises only as a mention ("CAR-T" read with no predicate), that word cut the
unread words in two: the duty stayed a consent review, and the span after the mention became
an unread review of its own ("review unparsed '6 months after infusion'"), so the line looked
as if it held a condition nobody read. Here the span joins the duty before it, and the line is
what it says: the requirement a record decides, and the duty a person checks.

Only a span right after a consent residue (at most "and", "for" or a comma between), worded as
a count of days, weeks, months or years after something, with no item inside it that a topic
read as a predicate: a span naming a therapy read as a condition is left as it is read.
The pattern is bounded: no nested repetition, the span's tail capped at 80 characters.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.parser.clauses import Clause, Residue
from rules_engine.parser.review_reasons import CONSENT

# (a number written as a word is a digit by now: ``numbers`` rewrites "six months" in normalize)
_SPAN = re.compile(
    r"\s*(?:(?:for|until|through)\s+)?(?:(?:up\s+to|at\s+least|a\s+minimum\s+of)\s+)?"
    r"\d{1,3}\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:after|following|post)\b[\w\s/.-]{0,80}",
    re.I,
)
_GAP = re.compile(r"[\s,]*(?:(?:and/or|and)\b\s*)?(?:for\b\s*)?", re.I)


def span_joins_duty(clause: Clause) -> Clause:
    """``clause`` with a duty's span joined to the consent residue it follows."""
    out: list[Residue] = []
    for r in clause.residue:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.qualifies
            and CONSENT.search(prev.text)
            and _SPAN.fullmatch(r.text)
            and _GAP.fullmatch(clause.text[prev.end: r.start])
            and not any(it.expr is not None and it.start < r.end and it.end > r.start for it in clause.items)
        ):
            out[-1] = replace(prev, text=f"{prev.text} … {' '.join(r.text.split())}", end=r.end)
            continue
        out.append(r)
    return replace(clause, residue=out) if len(out) < len(clause.residue) else clause
