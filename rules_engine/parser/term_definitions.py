"""A sentence of an inclusion line that defines a term the line uses: a note, not a requirement.

"... exceptions: (1) intrathecal therapy for patients with controlled CNS leukemia. Controlled CNS
leukemia is defined by the absence of active clinical signs of CNS disease and no evidence of CNS
leukemia on the most recent 2 CSF evaluations." Read as one more requirement, the defined term
(CNS leukemia) was asked of every patient, and everyone without it failed the line. The sentence
says how the trial judges the term where the line asks it: a patient without the term meets it,
one with it is the trial's to judge by its definition (as a status's definition is read,
``line.DEFINITION_LINE``). Only a definition in words: one with a number or a bound ("adequate
organ function is defined as bilirubin <= 2 mg/dL") states limits its readers take as they stand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rules_engine.criteria import CriterionType, Expr, NoRequirement, Not, Review, ReviewReason, iter_predicates
from rules_engine.parser.clauses import parse_clause
from rules_engine.parser.items import I, any_of
from rules_engine.parser.safety import Alternative

_DEFINED = re.compile(r"^\W*(?P<term>[^.;:<>≤≥=\d]{2,80}?)\s+(?:is|are|was|were|will\s+be)\s+defined\s+(?:as|by)\b", I)
# what makes a definition a limit of its own: a bound, a share, or a number with a unit or a scale
_LIMITS = re.compile(r"[<>≤≥=%]|\b(?:ULN|LLN|grade)\b|\d\s*(?:[x×/]|mg|g\b|mmol|[µu]mol|ml|mL|cells|10\^?\d)", I)


def trials_definition(term: Expr, words: str) -> Expr:
    """A defined term as a line reads it: a patient without the term meets the line, one with it is
    the trial's to judge by its definition (``words``). Shared by every definition reading (a
    status's, ``line.DEFINITION_LINE``; a CML phase's, ``phase_definitions``; a sentence's, here)."""
    return any_of([Not(term), Alternative(ReviewReason.JUDGEMENT, "the trial's definition: " + words)])


def defined_term(clause: str, ctype: CriterionType, earlier: Sequence[Expr]) -> Expr | None:
    """The definition sentence ``clause`` as "not <term> or the trial's definition", None for any
    other clause, an exclusion's, or a term that reads as nothing the record holds. A term the line
    already asked ("have measurable disease. Measurable disease is defined as ...") is asked
    there: the definition only says how, and adds nothing (``NoRequirement``)."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _DEFINED.match(clause)
    if m is None or _LIMITS.search(clause, m.end()):
        return None
    term = parse_clause(m.group("term"), CriterionType.INCLUSION).expr
    if term is None or isinstance(term, Review) or not any(True for _ in iter_predicates(term)):
        return None
    asked = {p.concept for e in earlier for p in iter_predicates(e)}
    if {p.concept for p in iter_predicates(term)} <= asked:
        return NoRequirement()
    return trials_definition(term, " ".join(clause.split()))
