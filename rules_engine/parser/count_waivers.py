"""Whom a waiver of the line's blood counts is for, when it names the marrow's involvement.

"The hematologic requirements are waived for patients with inadequate counts due to known bone
marrow involvement by lymphoma who are otherwise eligible": the counts are lifted for the
patients whose marrow the cancer reaches, which ``topics.lab_scopes`` reads as a secondary
neoplasm of the bone marrow on record (or, for a cancer of the marrow itself, a person's call).
Widened by the clause's words instead, the lymphoma named in them lifted the counts for every
patient of a lymphoma trial, and a haemoglobin below the bound was unknown, never a failure.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr
from rules_engine.parser.items import I
from rules_engine.parser.topics.lab_scopes import scope_expr

# the cause of the low counts, up to whom it is said of ("who are otherwise eligible") or the
# clause's end; bounded, no nested repetition
_CAUSE = re.compile(
    r"\b(?:inadequate|low|insufficient)\s+(?:blood\s+)?counts?\s+(?:(?:that\s+are|which\s+are)\s+)?(?:due\s+to|secondary\s+to|caused\s+by|because\s+of|related\s+to|attributable\s+to)\s+"
    r"(?P<what>[^,.;()]{3,100}?)(?=\s+(?:who|that|which)\b|\s*[,.;()]|\s*$)",
    I,
)


def marrow_waiver(clause_text: str) -> Expr | None:
    """The patients a count waiver names by their marrow's involvement, or None when it names others."""
    m = _CAUSE.search(clause_text)
    return scope_expr(m.group("what"), "platelets") if m else None
