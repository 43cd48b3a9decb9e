"""Lines that define what they or another line ask for.

"Refractory disease is defined as: ...", "high-risk AML as established by a poor-risk karyotype,
... or age >= 60", "... defined by one of the following", "Absence of renal failure attributed
to myeloma: creatinine clearance > 30 mL/min": the list after such a lead is the ways
the defined word may hold (or the limits that mean the absence), not requirements beside it, and
the word itself is not asked again.
The criteria builder (``criteria``) asks the same question across lines (``names_status``), so
these readings are a module of their own rather than part of the line assembly (``line``).
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op, Review
from rules_engine.parser.items import I, all_of, any_of, predicates
from rules_engine.parser.safety import Alternative
from rules_engine.parser.line_reader import read_expr


# a lead that says its list defines what it asks ("... as defined by one of the following", "...
# defined as meeting 1 or more of the following"), unlike one that asks the list be met too
STATUS_DEFINED = re.compile(r"\bdefined\s+(?:as|by)(?:\s+meeting)?\s*$", I)


def names_status(expr: Expr) -> bool:
    """Whether a reading asks for a disease status (relapsed, refractory) a list can define."""
    return any(p.concept in ("relapsed", "refractory") and p.op is Op.PRESENT for p in predicates(expr))


# "Absence of renal failure attributed to the plasma cell disorder: creatinine clearance > 30
# mL/min", the myeloma CRAB wording: the limits after the colon are what the absence means (a
# value inside them is no such failure), so they are the line's requirement. Read as a negated
# condition, the limits were negated with it, and the line was left to a person.
ABSENCE_DEFINED = re.compile(
    r"^\W*(?:absence|lack)\s+of\s+[^:;\d<>≤≥]{3,80}?\s+(?:attributed|attributable|due|related|secondary)\s+to\s+[^:;\d<>≤≥]{2,80}?[\s*()]*:\s*(?P<req>[^:;]+)$",
    I,
)


# "Subjects must have failed hypomethylating treatment where "failure" is defined as: Progression
# ... OR Failure to achieve ... OR Relapse ...": the alternatives define the lead's word, the lead
# itself is asked of everyone (read as the first alternative's words, the whole line was reviews
# and a patient never given a hypomethylating agent was eligible: holdout T142)
_DEFINED_AS = re.compile(r"\s*,?\s*(?:(?:where|in\s+which|with)\s+\W*[\w-]+(?:\s+[\w-]+)?\W*\s+)?(?:is|are)\s+defined\s+as\s*:\s*", I)


def defined_lead(first: str, ctype: CriterionType) -> tuple[Expr | None, str]:
    """(what the lead before a definition asks, the first alternative without it); a lead that is a
    disease status ("Refractory disease is defined as: ...") is what the list defines, not asked
    beside it (``names_status``), and one nothing reads adds nothing."""
    m = _DEFINED_AS.search(first)
    if m is None or m.start() == 0 or not first[m.end():].strip():
        return None, first
    lead = read_expr(first[: m.start()], ctype)
    if isinstance(lead, Review) or names_status(lead):
        return None, first
    return lead, first[m.end():]


# "Have a diagnosis of high-risk AML as established by a poor-risk karyotype, adverse risk by ELN
# criteria, a therapy-related AML, age >= 60 or with antecedent hematologic disorder": the list
# after "as established / defined / evidenced by" is the ways the head may hold, a comma list
# closed by "or" (alternatives), and the risk word it defines is no further requirement. Read with
# the inclusion's "and", a patient of 45 failed for want of an age the list offers as one way of many.
_DEFINED_BY_ALTERNATIVES = re.compile(
    r"^(?P<head>[^.;:()]{3,200}?)\s*,?\s+(?:as\s+)?(?:established|defined|evidenced|documented|determined)\s+by\s+(?:either\s+|any\s+of\s+)?"
    r"(?P<list>[^.;:()\[\]]{3,300},[^.;:()\[\]]{2,300}?\bor\b[^.;:()\[\]]{2,200}?)\W*$",
    I,
)
_LIST_CUT = re.compile(r"\s*,\s*(?:or\s+)?|\s+or\s+", I)
_RISK_WORD = re.compile(r"\b(?:high|poor|adverse|unfavou?rable)[\s-]+risk\b\s*", I)


def defined_by_list(text: str, ctype: CriterionType) -> Expr | None:
    if ctype is not CriterionType.INCLUSION:
        return None  # an exclusion joins a list's items as alternatives already
    m = _DEFINED_BY_ALTERNATIVES.match(text)
    if m is None:
        return None
    ways: list[Expr] = []
    for part in _LIST_CUT.split(m.group("list")):
        if not part.strip():
            continue
        way = read_expr(part, ctype)
        ways.append(Alternative(way.reason, way.text or part.strip()) if isinstance(way, Review) else way)
    if len(ways) < 3 or all(isinstance(w, Review) for w in ways):
        return None
    head = read_expr(_RISK_WORD.sub("", m.group("head")), ctype)
    if isinstance(head, Review):
        return None
    return all_of([head, any_of(ways)])
