"""Two readings of a partly structured line that say whether its unread text matters.

A review part is ``unknown``, and an unknown flagged for review does not hold back an eligible
verdict (contract section 4). That is right when the unread text only adds a condition to an
inclusion: "ALT <= 3 x ULN and <unread remark>" with ALT within limits. It is wrong when the
record already points against the patient and only the unread text stands between the patient
and that decision:
- an exception or an alternative that would have to be present to rescue a structured failure:
  "AST <= 3 x ULN, unless thought due to AML" with AST at 3.75 x ULN, or an exclusion "QTc > 480
  ms unless <unread>" with QTc at 500;
- an exclusion whose structured part the record meets beside an unread qualifier or further
  condition: "untreated CNS leukemia" read as CNS involvement and <unread "untreated">, with CNS
  involvement on record; "More than 2 cycles of induction for AML" for an AML patient. Whether
  the qualifier holds is a question about this patient that only a person can answer, and an
  eligible verdict would let the line pass on words Eligo never read (issue 14, rule 1; the
  holdout's T82-cns was answered eligible this way).
- an inclusion whose structured part asks only which cancer the patient has (and its status),
  met by the record beside an unread qualifier of that disease: "indolent lymphoma", "lymphoma
  in first or later relapses", "high-risk MDS" with a lymphoma or an MDS on record. Whether the
  disease on record is the kind the trial is for is a question about this patient; an eligible
  verdict passed a new diffuse large B-cell lymphoma on a trial for relapsed or indolent ones
  (holdout T255-nhl-new, T284), the diagnosis line deciding nothing.
There the line is an open question about this patient, ``unknown`` without the review flag, so
the trial is possibly eligible, never eligible.

The readings tell the cases apart:
- ``erased``: the structured parts alone. Unread text that is one more condition drops out of
  its conjunction; an alternative that holds unread text drops out whole, since it cannot
  rescue the patient without that text ("AST <= 3 x ULN, or <AML and unread cause>" reads
  "AST <= 3 x ULN"). Which connective offers alternatives depends on the side: an inclusion's
  Or, an exclusion's And (the patient escapes it when any part fails), swapped under a Not.
  For an exclusion this reading alone decides: when it applies to the patient, the line holds
  the verdict.
- ``absent``: the text's subject taken as absent from the record, as the contract takes an
  unrecorded diagnosis or therapy. An inclusion must fail this reading too ("ECOG <= 1 or no
  <unread condition>" with ECOG 3 is met when the condition is absent, so it stays a review).
  It is not asked of an exclusion: the unread words there qualify what the record holds (how
  active, treated or severe it is), which is no separate diagnosis the contract could take as
  absent.
A line whose unread text is only a further condition of an inclusion fails the first reading,
unless what it conditions is the diagnosis (``asks_a_diagnosis``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .concepts import DISEASE_STATUSES, is_cancer_diagnosis
from .criteria import All, Any_, Expr, NoRequirement, Not, Review, ReviewReason, iter_nodes, iter_predicates

# what a review part reads as when its subject is taken as absent: never met
_ABSENT: Expr = Not(NoRequirement())


@lru_cache(maxsize=65536)
def erased(expr: Expr, helps: bool) -> Expr | None:
    """``expr`` without its unread text; None when nothing structured is left. ``helps``: the
    part holding is good for the patient (an inclusion's expression; flips under a Not)."""
    if isinstance(expr, Review):
        return None
    if isinstance(expr, Not):
        inner = erased(expr.part, not helps)
        return None if inner is None else (expr if inner is expr.part else Not(inner))
    if isinstance(expr, All | Any_):
        if isinstance(expr, Any_) is helps:  # alternatives for the patient: one holding unread text is no way out
            parts = tuple(p for p in expr.parts if not has_review(p))
            if not parts:
                # every way out holds unread text: each one's structured reading, so a decided part
                # deep inside one still counts ("Active CNS disease from hematological disorder":
                # CNS involvement or a CNS disorder <unread which>, and <unread "active ... from">;
                # dropped whole, the line had no structured reading and a patient with CNS
                # leukaemia on record was eligible). Never kinder to the patient than no reading:
                # it only lets a line the record points against lose its review flag
                parts = tuple(e for e in (erased(p, helps) for p in expr.parts) if e is not None)
        else:
            parts = tuple(p for p in (erased(p, helps) for p in expr.parts) if p is not None)
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return expr if parts == expr.parts else type(expr)(parts)
    return expr


@lru_cache(maxsize=65536)
def has_review(expr: Expr) -> bool:
    if isinstance(expr, Review):
        return True
    if isinstance(expr, Not):
        return has_review(expr.part)
    if isinstance(expr, All | Any_):
        return any(has_review(p) for p in expr.parts)
    return False


@lru_cache(maxsize=65536)
def absent(expr: Expr, negated: bool = False) -> Expr:
    """``expr`` with each review part read as never met, but for a qualifier of what a
    prohibition names ("No symptomatic CNS involvement": the review a conjunct beside the CNS
    involvement, under a Not): that reads as met. The unread words say how symptomatic, active or
    severe the thing on record is, no separate subject the contract could take as absent; read as
    absent, a CNS leukaemia on record met the line, the review flag stood, and the patient was
    eligible (holdout T125-cns)."""
    if isinstance(expr, Review):
        return _ABSENT
    if isinstance(expr, Not):
        inner = absent(expr.part, not negated)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, All | Any_):
        qualified = negated and isinstance(expr, All) and any(not has_review(p) for p in expr.parts)
        parts = tuple(NoRequirement() if qualified and isinstance(p, Review) else absent(p, negated) for p in expr.parts)
        return expr if parts == expr.parts else type(expr)(parts)
    return expr


# a cancer named in words the parser left unread ("CD30-positive malignancy", "hematologic
# malignancies", "B-cell non-Hodgkin lymphoma"): one alternation of whole words, no nesting
_CANCER_WORDS = re.compile(
    r"\b(?:malignanc(?:y|ies)|lymphomas?|leuka?emias?|myelomas?|tumou?rs?|cancers?|neoplasms?|neoplasia|carcinomas?|sarcomas?"
    r"|(?-i:MDS|AML|ALL|CLL|CML|NHL))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def asks_a_diagnosis(structured: Expr, expr: Expr) -> bool:
    """Whether a line's structured reading (``structured``, its ``erased``) asks only which cancer
    the patient has and its status, naming a cancer ("lymphoma", "relapsed AML or ALL") or
    leaving the cancer to the unread words ("relapsed or refractory CD30-positive malignancy"):
    then the unread words beside it say which kind of disease the trial is for. Not where a
    part is the patient's consent or willingness ("Must consent to companion study ... in solid
    malignancies"), a person's to ask whatever the disease."""
    found = list(iter_predicates(structured))
    reviews = [r for r in iter_nodes(expr) if isinstance(r, Review)]
    names_a_cancer = any(is_cancer_diagnosis(p.concept) for p in found) or any(_CANCER_WORDS.search(r.text) for r in reviews)
    return (
        bool(found)
        and names_a_cancer
        and all(is_cancer_diagnosis(p.concept) or p.concept in DISEASE_STATUSES for p in found)
        and not any(r.reason is ReviewReason.CONSENT for r in reviews)
    )
