"""A tumour marker in brackets after one disease of a list: "PTCL-NOS, anaplastic large cell
lymphoma (ALK negative), angioimmunoblastic T-cell lymphoma, or enteropathy associated T-cell
lymphoma", "AML, ALL (Ph positive), CML, or MDS".

The bracket says which of that disease the line takes; it closes before the list goes on. Joined
by the list's commas, the marker split the list in two halves asked together ("(PTCL-NOS or ALCL)
and ALK negative and (AITL or EATL)"): no patient with an angioimmunoblastic lymphoma met the
line, and every ALK-positive one failed it whatever its kind. Bound to the disease before it as
one unit (as "high-risk MDS (>= 10% marrow blasts) or AML" binds its bracket in
``combining``), the list's "or" joins the qualified item with the others.

Only a bracket that opens right after a diagnosis and holds one marker item (a gene, a karyotype
or an antigen the biomarker topic reads), closed by ")" and a comma. The comma after it joins the
next disease as the list's other commas do: "or" in an "A, B, or C" list (a list with "or" and
no "and"), as it was otherwise.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import Item
from rules_engine.parser.roles import marker_of
from rules_engine.parser.topics.biomarkers import BIOMARKERS

_OPENS = re.compile(r"\s*[(\[]\s*")
_CLOSES_THEN_COMMA = re.compile(r"\s*[)\]]\s*,")


def bracketed_markers(kinds: list[str], exprs: list[Item], connectors: list[str], roles: list[str]) -> list[str]:
    """``kinds`` with each diagnosis and the marker bracketed right after it joined as one unit."""
    out = list(kinds)
    or_list = any(re.search(r"\bor\b", c, re.I) for c in connectors) and not any(re.search(r"\band\b", c, re.I) for c in connectors)
    for i in range(len(kinds) - 1):
        if (
            roles[i] == "diagnosis"
            and _OPENS.fullmatch(connectors[i])
            and _CLOSES_THEN_COMMA.match(connectors[i + 1])
            and bool(exprs[i + 1].concepts)
            and exprs[i + 1].concepts <= BIOMARKERS
            and marker_of(exprs[i + 1], exprs[i])
        ):
            out[i] = "unit"
            if i + 2 < len(exprs) and roles[i + 2] == "diagnosis" and or_list:
                out[i + 1] = "or"  # the list's next disease: one more alternative of an "A, B, or C" list
    return out
