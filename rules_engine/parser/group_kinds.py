"""A bracketed list of the kinds a blood-cancer group takes: alternatives, whatever word joins them.

"Patients ... with advanced CML (CML-AP, CML-BP and Philadelphia chromosome-positive acute
leukemia)", "hematologic malignancies (multiple myeloma, Hodgkin's and non Hodgkin's lymphoma)":
the bracket names the kinds the group before it stands for, and the list's "and" gathers them (a
patient has one of them), it does not ask them all at once. Read with the clause's "and", a
Ph+ acute leukaemia failed for want of a CML in accelerated and in blast phase beside it (holdout
T131). The group and its bracket are read as the kinds it lists, joined by "or" (an unbracketed
"or" list reads as alternatives, and an "or" after the bracket still joins the line's next
alternative: "advanced CML (...) or refractory chronic phase CML").

Only an inclusion; only a bracket right after a blood-cancer group word (CML, leukaemia,
malignancy, phase ...) whose every member the line grammar reads as a blood cancer (a code named,
no review): a stage list ("T1-3, N0-1, and M0"), receptors ("ER<10%, PR<10%, and HER2-negative")
or histologies no code names are left as written. Bounded patterns, no nested repetition.
"""

from __future__ import annotations

import re

from rules_engine.concepts import HEMATOLOGIC_DISEASES
from rules_engine.criteria import CriterionType, Op
from rules_engine.parser.items import I, predicates
from rules_engine.parser.line_reader import read_expr
from rules_engine.readings import has_review

_GROUP_BRACKET = re.compile(
    r"\b(?:CML|AML|ALL|MDS|leuka?emias?|malignanc(?:y|ies)|neoplasms?|diseases?|phase)\s*\((?P<list>[^()]{3,200})\)", I
)
# a family's name before its bracket of kinds, which the kinds restate ("The participant has a
# B-cell malignancy (diffuse large B-cell lymphoma [DLBCL], follicular lymphoma [FL], mantle cell
# lymphoma [MCL], or chronic lymphocytic leukemia [CLL])"): left beside the kinds, the family's
# words stood as a review no record answers, so a follicular lymphoma was only "possibly" eligible.
# Only the umbrella words: after a kind's own name the bracket restates abbreviations ("non-Hodgkin
# lymphoma or chronic lymphocytic leukemia (NHL or CLL)"), never a list of its kinds
_FAMILY_BRACKET = re.compile(
    r"\b(?:(?:B|T)[\s-]?cell\s+|lymphoid\s+|myeloid\s+|mature\s+|ha?ematolog(?:ic|ical)\s+)?"
    r"(?:malignanc(?:y|ies)|neoplasms?)\s*\((?P<list>[^()]{3,200})\)",
    I,
)
_EXAMPLES = re.compile(r"^\s*(?:e\.\s?g\.?|eg\b|such\s+as|including|for\s+example|for\s+instance|like|incl\.?|mainly|mostly)", I)
_CUT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", I)
_AND = re.compile(r"(?<=[\s,])and(?=\s)", I)


def _blood_cancer(member: str) -> bool:
    read = read_expr(member, CriterionType.INCLUSION)
    if has_review(read):
        return False
    found = list(predicates(read))
    return bool(found) and all(p.op in (Op.PRESENT, Op.IS) for p in found) and any(p.concept in HEMATOLOGIC_DISEASES for p in found)


def kinds_as_alternatives(norm: str, ctype: CriterionType) -> str:
    """``norm`` with each blood-cancer group and its bracket of kinds read as the kinds, joined by "or" (see the module)."""
    if ctype is not CriterionType.INCLUSION or "(" not in norm:
        return norm
    out, last = [], 0
    for m in _GROUP_BRACKET.finditer(norm):
        listed = m.group("list")
        if not _AND.search(listed) or re.search(r"\d|[<>≤≥=:;]", listed):
            continue
        members = [p for p in _CUT.split(listed) if p.strip()]
        if len(members) < 2 or len(members) > 10 or not all(_blood_cancer(p.strip()) for p in members):
            continue
        out.append(norm[last : m.start()])
        out.append(_AND.sub("or", listed).strip())
        last = m.end()
    norm = "".join(out) + norm[last:] if out else norm
    return _family_as_kinds(norm)


def _family_as_kinds(norm: str) -> str:
    """``norm`` with a blood-cancer family named before an "or" list of its kinds read as the
    kinds alone (``_FAMILY_BRACKET``): the list is what the family stands for, never an example
    ("e.g.", "such as", "including" keep the family)."""
    out, last = [], 0
    for m in _FAMILY_BRACKET.finditer(norm):
        listed = m.group("list")
        if _AND.search(listed) or _EXAMPLES.match(listed) or re.search(r"\d|[<>≤≥=:;]", listed):
            continue
        members = [p for p in _CUT.split(listed) if p.strip()]
        if len(members) < 2 or len(members) > 10 or not all(_blood_cancer(p.strip()) for p in members):
            continue
        out.append(norm[last : m.start()])
        out.append(listed.strip())
        last = m.end()
    return "".join(out) + norm[last:] if out else norm
