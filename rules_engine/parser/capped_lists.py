"""A cap on a count that covers a list of therapies: "No more than 1 prior autologous or allogeneic
stem cell transplant", "No more than 2 prior chemotherapy or immunotherapy regimens".

The events topic reads a cap beside each event it counts (``events._count_of``): "not X, or a
person counts" - met by a patient without X, open for one with it. Each member of the list gets
that reading, and the list's "or" joined them: "(not auto-HSCT or review) or (not allo-HSCT or
review)". A patient with two autologous transplants and no allogeneic one met the second member
("not allo-HSCT") and so the line, though the text caps the transplants together at one: eligible
where the record excludes. The cap counts the members together, so every member's reading must
hold: "(not auto-HSCT or review) and (not allo-HSCT or review)", met only by a patient with none
of them, open for one with any, never met by one past the cap.

Only the alternatives of one Or that are such cap readings ("not X" right before a person's count
written with the same cap: "≤ 1 prior ...") are joined, two or more of them; the Or's other
alternatives stay as they were. The pattern is a literal alternation with bounded gaps.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Review, ReviewReason
from rules_engine.parser.items import I, rewrite_groups

# the count a cap reading's review opens with (as ``events._count_of`` quotes it)
_CAP = re.compile(r"^(?:≤|<|at\s+most|up\s+to|fewer\s+than|less\s+than|maximum\s+of)\s*(?:\d{1,2}|one|two|three|four|five)\b", I)


def _cap(part: Expr) -> str | None:
    """The cap a person's count opens with ("≤ 1"), when ``part`` is one."""
    if not isinstance(part, Review) or part.reason is not ReviewReason.UNSUPPORTED_CONCEPT:
        return None
    m = _CAP.match(part.text)
    return " ".join(m.group(0).lower().split()) if m else None


def _joined(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
    """An Or's parts with its cap readings joined: each "not X" right before a person's count
    (the Or holds them flat, "not X, count, not Y, count"), two or more under one cap."""
    if not isinstance(node, Any_):
        return parts
    caps: dict[str, list[int]] = {}
    for i in range(1, len(parts)):
        cap = _cap(parts[i])
        if cap is not None and isinstance(parts[i - 1], Not):
            caps.setdefault(cap, []).append(i)
    together = [idx for idx in caps.values() if len(idx) >= 2]
    if not together:
        return parts
    taken = {j for idx in together for i in idx for j in (i - 1, i)}
    out: list[Expr] = []
    for i, part in enumerate(parts):
        group = next((idx for idx in together if idx[0] - 1 == i), None)
        if group is not None:
            out.append(All(tuple(Any_((parts[j - 1], parts[j])) for j in group)))
        elif i not in taken:
            out.append(part)
    return out


def capped_list(expr: Expr) -> Expr:
    """``expr`` with each Or of two or more cap readings under one cap read as all of them."""
    return rewrite_groups(expr, _joined)
