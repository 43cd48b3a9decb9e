"""A line that defines a phase of chronic myeloid leukaemia, not one that asks for it.

"(Cont - Inclusion Criteria #1) CML-AP is defined by the presence of one of the following: a.
15-29% blasts ...", "Accelerated phase is defined by any one of the following:": the line says how
the trial judges a phase another line (its heading, the line it continues) asks for; it asks
nothing of a patient who is not in that phase. Read as a requirement, its criteria were all asked
of everyone (and the CML itself, and the blast limits of the next phase it defines), and a patient
the clinicians accept failed it (holdout T131). Read like "Relapse is defined as ..."
(``clauses.DEFINITION_LINE``): not in the phase, or the trial's definition, for a person to hold
the patient's phase against.

A continuation marker before it ("(Cont - Inclusion Criteria #1)", "(continued)") is the
registry's paging, no word of the criterion. Inclusion lines only: an exclusion that defines a
phase excludes nobody by itself, and the "not in the phase" branch would read as an exclusion. A
heading whose definition is the lines under it ("Accelerated phase is defined by any one of the
following:") is left to the heading grammar, which joins them as the ways the phase holds.
Bounded patterns, no nested repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, ReviewReason
from rules_engine.parser.items import I, any_of, predicate
from rules_engine.parser.term_definitions import trials_definition

# the registry's paging before a continued criterion: "(Cont - Inclusion Criteria #1)", "(continued)"
CONTINUATION = re.compile(r"^\W*\(\s*cont(?:inued|\.|'d)?\b[^()]{0,60}\)\s*", I)

_PHASE = (
    r"(?:CML[\s-]*(?-i:(?P<cap>AP|BP|BC|CP))\b"
    r"|(?P<word>accelerated|blast(?:ic)?|chronic)[\s-]+(?:phase|crisis)(?:\s+(?:CML|of\s+CML|chronic\s+myel(?:oid|ogenous)\s+leuka?emia))?)"
)
_DEFINED = re.compile(rf"^{_PHASE}\s+(?:is|are|was|will\s+be)\s+defined\s+(?:as|by)\b", I)

# a heading whose definition is the lines under it ("Accelerated phase is defined by any one of the
# following:"): the heading grammar joins those lines as the ways the phase holds; left to it
_HEADING_ONLY = re.compile(r"\s*(?:the\s+presence\s+of\s+)?(?:(?:any|at\s+least)\s+)?(?:(?:one|1)\s+)?(?:or\s+more\s+)?of\s+the\s+following\s*:?\s*$", I)

_NAMES = {"AP": "accelerated", "BP": "blast", "BC": "blast", "CP": "chronic", "accelerated": "accelerated", "blast": "blast", "blastic": "blast", "chronic": "chronic"}


def phase_definition(norm: str, ctype: CriterionType) -> Expr | None:
    """Not in the defined phase, or the trial's definition (a judgement); None for any other line."""
    if ctype is not CriterionType.INCLUSION:
        return None
    cont = CONTINUATION.match(norm)
    rest = norm[cont.end():] if cont else norm
    m = _DEFINED.match(rest)
    if m is None or _HEADING_ONLY.match(rest, m.end()):
        return None
    name = _NAMES[m.group("cap") or m.group("word").lower()]
    term = predicate(f"cml_{name}_phase", Op.IS, "positive")
    return trials_definition(term, rest)
