"""A disease heading with a qualifier over its list: "Low-grade non-Hodgkin's lymphoma meeting 1
of the following criteria:", "Accelerated phase CML meeting 1 of the following criteria:", "Imatinib mesylate-resistant Ph+
chronic myelogenous leukemia (CML), as defined by any of the following:" (the list defines the
resistance, never the CML).

The list under such a heading says how the named patients qualify (relapsed after 2 regimens,
relapsed after an autologous transplant); it never admits a patient without the disease. The
heading's own words were dropped when a qualifier stood beside the disease ("Low-grade", "phase"),
so the branch asked only its list: in a menu of diagnoses ("Diagnosis of 1 of the following
advanced hematologic malignancies:") a relapsed AML after an autologous transplant met the low-grade
lymphoma branch through "Relapsed after autologous SCT", and a CML in blast crisis met the
accelerated-phase branch through its unread list (unknown where the record fails every branch).

Read here: the lead without its "meeting" is read as any clause; it is kept when what it asks is a
disease (a haematological malignancy or a solid tumour, present) and at most a result of it (its
phase, "Ph+": a qualitative finding), with the qualifier the reading cannot decide left as its review ("NHL and review 'Low-grade'").
Kept, the branch is narrower than the list alone for every patient: a patient without the disease
fails it, a patient with it is judged by the list as before (at best unknown where the qualifier is
unread). A lead whose reading left a disease in its unread words (a list the reading lost part of)
is left as it was, and so is a lead naming anything else ("Liver metastases, meeting", "Stage II or III disease,
meeting", "Active disease meeting") is left as it was: the list may define it.
"""

from __future__ import annotations

import re

from rules_engine.concepts import HEMATOLOGIC_DISEASES, ancestors
from rules_engine.criteria import CriterionType, Expr, Op, Predicate, Review, iter_nodes
from rules_engine.parser.clauses import parse_clause
from rules_engine.parser.residue import clause_expr
from rules_engine.parser.items import I, NEGATED, predicates

# the verb that hands the lead to its list, at the lead's end ("..., meeting", "... that meets")
_MEETS_TAIL = re.compile(
    r"[\s,]*+(?:(?:(?:that|who|which)\s+)?(?:meets?|meeting|satisf\w+|fulfil\w*)|(?:as\s+)?(?:defined|evidenced|documented|determined)\s+(?:as|by))(?:\s+at\s+least)?\s*$", I
)


# a disease the reading left in its review ("Diagnosis of neoplastic meningitis secondary to
# leukemia, lymphoma ..., or solid tumor ..., defined by": read as a solid tumour and a review, the
# lead would have failed every leukaemia); such a lead is left as it was
_UNREAD_DISEASE = re.compile(r"leuka?emi|lymphom|myelom|carcinom|cancer|tumou?r|malignan|sarcom|neoplas|\b(?:AML|ALL|CML|CLL|MDS|NHL)\b", I)


# a lead whose disease is not the patients' own ("At increased risk for breast cancer, as defined by
# 1 of the following criteria:" is a prevention trial's, for women without it; "history of",
# "secondary to", "other than"): left as it was
_NOT_OWN = re.compile(
    r"\brisk\b|\bhistory\b|suspect|prevent|famil|secondary\s+to|due\s+to|associated|survivor|free\s+of|no\s+evidence|other\s+than|except|without|\bprior\b|previous",
    I,
)


def _disease(predicate: Predicate) -> bool:
    concept = predicate.concept
    return predicate.op is Op.PRESENT and (concept in HEMATOLOGIC_DISEASES or concept == "solid_tumor" or "solid_tumor" in ancestors(concept))


def qualified_disease_lead(lead: str, ctype: CriterionType) -> Expr | None:
    """The disease an inclusion heading's lead names with its qualifier, or ``None`` where the lead
    is not a disease (and a qualifier) handing over to its list."""
    if ctype is not CriterionType.INCLUSION or NEGATED.match(lead):
        return None
    tail = _MEETS_TAIL.search(lead)
    if tail is None or _NOT_OWN.search(lead):
        return None
    expr = clause_expr(parse_clause(lead[: tail.start()], ctype), ctype, False)
    named = predicates(expr)
    if expr is None or not any(_disease(p) for p in named):
        return None
    if not all(_disease(p) or p.op is Op.IS for p in named):
        return None
    if any(isinstance(node, Review) and _UNREAD_DISEASE.search(node.text) for node in iter_nodes(expr)):
        return None
    return expr
