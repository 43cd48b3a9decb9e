"""A disease status or phase written alone under the heading that names its disease: "Acute
myeloid leukemia meeting 1 of the following criteria:" over "In remission" / "In early relapse,
defined as < 10% marrow blasts"; "Chronic myelogenous leukemia meeting 1 of the following
criteria:" over "Chronic phase" / "Accelerated phase"; "Acute lymphoblastic leukemia meeting the
following criteria:" over "In second or subsequent remission". The line is the heading's disease in
that status: read alone, "In remission" named no disease whose remission it was (a solid tumour's
is never recorded), and "Chronic phase" no CML, so they were reviews and the heading decided
nothing for a patient in relapse or in blast crisis.

Read as "<the heading's disease>, <the line>" (the registry's text kept), an inclusion's only, where
the line's own reading names no disease and opens on a status or a phase. Bounded patterns, no
nested repetition.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rules_engine.concepts import HEMATOLOGIC_DISEASES
from rules_engine.criteria import Criterion, CriterionType, iter_predicates

I = re.IGNORECASE

GATE = re.compile(r"following", I)

_HEADING = re.compile(
    r"^\W*(?P<disease>(?:acute|chronic)\s+(?:myel(?:oid|ogenous|oblastic)|lymph(?:oid|oblastic|ocytic))\s+leuka?emia"
    r"|myelodysplastic\s+syndromes?|multiple\s+myeloma|(?:non[\s-])?hodgkin'?s?\s+lymphoma)"
    r"(?:\s*\(\s*[A-Za-z]{2,5}\s*\))?\s+(?:meeting|who\s+meets?|that\s+meets?|with)\s+(?:(?:1|one|any|either|all|at\s+least\s+(?:1|one))\s+of\s+)?"
    r"the\s+following(?:\s+criteria)?\s*:\s*$",
    I,
)
_STATUS = re.compile(
    r"^\W*(?:in\s+(?:(?:an?|the|first|1st|second|2nd|third|3rd|or|subsequent|later|greater|early|late|complete|hematologic(?:al)?|morphologic(?:al)?)\s+){0,5}"
    r"(?:remission|relapse|CR\d?)\b"
    r"|(?:(?:first|1st|second|2nd|late|early)\s+)?(?:chronic|accelerated|blast(?:ic)?)\s+(?:phase|crisis)\b"
    r"|(?:failed|failure)\s+to\s+(?:achieve|enter|attain)\s+(?:an?\s+)?(?:complete\s+)?remission\b)",
    I,
)


def status_under_disease(criterion: Criterion, heading: str, read: Any) -> Criterion:
    """``criterion`` read as its heading's disease in the status it names (see the module);
    ``read(text, ctype)`` parses a line as the line parser does."""
    if criterion.type is not CriterionType.INCLUSION or not GATE.search(heading):
        return criterion
    m = _HEADING.match(heading)
    if m is None or not _STATUS.match(criterion.text):
        return criterion
    if any(p.concept in HEMATOLOGIC_DISEASES for p in iter_predicates(criterion.expr)):
        return criterion
    again = read(f"{m.group('disease')}, {criterion.text}", criterion.type)
    if not any(p.concept in HEMATOLOGIC_DISEASES for p in iter_predicates(again.expr)):
        return criterion
    if not any(p.concept not in HEMATOLOGIC_DISEASES for p in iter_predicates(again.expr)):
        return criterion  # (the disease alone, the status still unread: no more than before)
    return replace(criterion, expr=again.expr, applies_if=again.applies_if)
