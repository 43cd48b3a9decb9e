"""A note that a leukaemia's reach outside the marrow does not bar the patient, written after the
disease line it follows: "Patients must have relapsed or refractory ALL with a M3 marrow (marrow
blasts >25%). Patients with CNS I, II or III or testicular disease are eligible." (and "CNS 1, 2,
or 3 or testicular disease", "CNS or other extramedullary involvement"). The permission speaks to
the trial's CNS and extramedullary lines; beside a line that asks only which disease, its status
and its marrow, it widens nothing there. Attached as a widening of the line's last requirement, a
patient whose marrow fell short of the M3 bound was left open for any CNS status (holdout T72).

Only a bare permission is a note: a condition ("... are eligible if they are not symptomatic",
"... provided the CNS is now free of disease") restricts the patients it names and stays with the
line's other readers, as does a line that asks about the CNS itself. Every pattern is a bounded
alternation or a bounded class run.
"""

from __future__ import annotations

import re

from rules_engine.concepts import HEMATOLOGIC_DISEASES
from rules_engine.criteria import Expr
from rules_engine.parser.items import I, predicates

_GATE = re.compile(r"\b(?:CNS|central\s+nervous|testicular|testes|testis|extramedullary)\b", I)

# "Patients with <the sites> are (also) eligible (for this study)." and nothing after it
_PERMITTED = re.compile(
    r"^\W*(?:the\s+)?(?:patients?|subjects?|participants?)\s+with\s+(?P<what>[^.;:()]{1,120}?)\s+(?:are|is)\s+(?:also\s+)?"
    r"(?:eligible|allowed|permitted|acceptable)(?:\s+(?:for|in|on)\s+(?:this|the)\s+(?:study|trial|protocol))?[\s.]*$",
    I,
)

# the words such a list of sites and CNS statuses is made of
_SITE_WORD = re.compile(
    r"CNS|central|nervous|system|testicular|testes|testis|extramedullary|other|sites?|status|disease|involvement|leuka?emia"
    r"|[123]|I{1,3}|or|and|and/or|any",
    I,
)

# what a disease line asks (which blood cancer, its status, its blasts): never the CNS or another site
_DISEASE_STATE = frozenset({*HEMATOLOGIC_DISEASES, "relapsed", "refractory", "remission", "bm_blasts", "pb_blasts", "mrd"})


def extramedullary_note(clause_text: str, exprs: list[Expr]) -> bool:
    """Whether ``clause_text`` only permits CNS or extramedullary involvement beside a line whose
    readings (``exprs``) ask only which blood cancer, its status and its blasts."""
    if not _GATE.search(clause_text):
        return False
    m = _PERMITTED.match(clause_text)
    if m is None:
        return False
    words = re.findall(r"[\w/]+", m.group("what"))
    if not words or not all(_SITE_WORD.fullmatch(w) for w in words) or not _GATE.search(m.group("what")):
        return False
    named = {p.concept for e in exprs for p in predicates(e)}
    return bool(named) and named <= _DISEASE_STATE
