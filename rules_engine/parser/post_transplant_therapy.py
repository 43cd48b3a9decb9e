"""A transplant that only says which therapy a washout means: "... at least 5 half-lives (if the
half-life is unknown, 14 days) for other investigational products or drugs used for
immunosuppressive therapy posthematopoietic stem cell transplantation (HSCT)", "At least 14 days
since immunosuppressive therapy post HSCT".

The transplant is the therapy's qualifier (the immunosuppression given after one), never a history
the inclusion asks: read as a conjunct, every patient never transplanted failed the washout (holdout
T44: eligible patients ineligible). In an inclusion's washout ("since", "interval", "half-lives",
"off") whose only transplant is the one a therapy word names right before "post", the bare
transplant conjunct is dropped (a line asking the therapy itself, "Must be receiving GVHD
prophylaxis post HSCT", asks the transplant too and keeps it): what the washout asks of
a transplanted patient's therapy stays, and one without a transplant is never failed for lacking
it. A line that names a transplant anywhere else keeps its reading. The patterns are literals with
bounded gaps.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, CriterionType, Expr, Op, Predicate
from rules_engine.parser.items import I

# a therapy word right before "post" and the transplant ("therapy posthematopoietic stem cell
# transplantation", "therapy post-HSCT", "drugs post allogeneic transplant")
_POST = re.compile(
    r"\b(?:therap(?:y|ies)|drugs?|agents?|medications?|prophylaxis)\s+post[\s-]?\s?(?:(?:allogeneic|autologous)\s+)?"
    r"(?:hematopoietic|haematopoietic|HSCT|SCT|HCT|BMT|stem|bone\s+marrow|transplant)",
    I,
)
# any naming of a transplant (the abbreviation in brackets after the full name included)
_TRANSPLANT = re.compile(r"transplant|\b(?:HSCT|SCT|HCT|BMT|ASCT)\b", I)
_TRANSPLANTS = frozenset({"hsct", "allo_hsct", "auto_hsct"})
# the words of a washout, the only kind of line whose therapy the transplant qualifies here
_WASHOUT = re.compile(r"\b(?:since|interval|wash-?\s?out|half[\s-]?li(?:fe|ves)|off|discontinued|elapsed)\b", I)


def _bare_transplant(part: Expr) -> bool:
    return isinstance(part, Predicate) and part.concept in _TRANSPLANTS and part.op is Op.PRESENT and part.window is None


def post_transplant_therapy(expr: Expr, text: str, ctype: CriterionType) -> Expr:
    """``expr`` without the bare transplant conjunct an inclusion's "therapy post HSCT" read."""
    if ctype is not CriterionType.INCLUSION or not isinstance(expr, All) or "post" not in text.lower():
        return expr
    post = _POST.search(text)
    if post is None or _WASHOUT.search(text) is None:
        return expr  # ("Must be receiving GVHD prophylaxis post HSCT" asks the transplant: no washout)
    # the transplant is named only there (its full name, and its abbreviation after it)
    others = [m for m in _TRANSPLANT.finditer(text) if not post.start() <= m.start() < post.end() + 80]
    if others:
        return expr
    kept = tuple(p for p in expr.parts if not _bare_transplant(p))
    if not kept or len(kept) == len(expr.parts):
        return expr
    return kept[0] if len(kept) == 1 else All(kept)
