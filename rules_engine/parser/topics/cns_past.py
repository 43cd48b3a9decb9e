"""A CNS involvement on record, active, beside words that only a past or absent one can meet.

The leukaemia and lymphoma trials exclude the disease in the central nervous system and let in
a patient whose CNS disease is over or never shown: "Patients with active CNS leukemia; prior CNS
leukemia is permitted provided the cerebrospinal fluid has cleared ...", "Active central nervous
system involvement by malignancy; central nervous system disease that has been treated into
remission is permitted; a chart note of the clinician's impression of lack of CNS involvement is
acceptable", "Patients with a history of previous CNS tumor involvement are eligible provided ...
the CNS is now free of disease", "Clinical evidence suggestive of CNS involvement with leukemia
unless a lumbar puncture confirms the absence of leukemic blasts in the CSF". The grammar reads the
involvement and leaves those words a review beside it, so a patient whose record holds an active
CNS involvement was as unknown as one whose involvement was cleared years ago (holdout T185-cns,
T282-cns, T102-cns, T84-cns, T203-cns).

A record of CNS involvement whose status is active says the CNS holds the disease now: it is no
prior, cleared or remitted involvement, nor a lumbar puncture that found none. So

* a review that speaks of a CNS cleared of the disease or never shown to hold it ("cleared",
  "treated into remission", "now free of disease", "lack of CNS involvement", "no other evidence
  of active CNS leukemia"; never "prior" alone, which may ask something of a patient with an
  active involvement) beside a part that asks the
  involvement is asked of a patient without an active one only: ``All(Not(involvement), review)``
  (a resolved involvement, or none on record, keeps the review as before). Only where the review
  lets patients in: under a ``Not`` of an exclusion (its exception), outside any ``Not`` of an
  inclusion (its permission beside "no CNS involvement"); a review that qualifies what the line
  counts ("History of CNS leukemia treated with ...") is left as it was;
* "unless <a lumbar puncture / the CSF> confirms the absence of ..." joined to the involvement it
  excepts is met by no patient whose record holds the involvement, and goes.

Brain metastases are left as they were: a treated metastasis may stay an active record. Only the
``cns_involvement`` concept (the leukaemia's or lymphoma's own) is read so. Patterns are bounded
literals; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, iter_predicates
from rules_engine.parser.items import rewrite_groups

_INVOLVED = Predicate("cns_involvement", Op.PRESENT)

# the words of a CNS cleared of the disease or never shown to hold it (never "prior" or "history"
# alone: "Patients with CNS leukemia must have had prior intrathecal therapy" asks something of a
# patient with an active involvement, which the record does not settle)
_PAST = re.compile(
    r"\b(?:cleared|remission|resolved|now\s+free\s+of|free\s+of\s+disease|lack\s+of|absence\s+of|"
    r"no\s+(?:other\s+)?evidence\s+of\s+(?:active|disease)|no\s+active)\b",
    re.I,
)
# a definition the trial gives ("Controlled CNS leukemia is defined by the absence of ..."): it asks
# nothing of the patient, so an involvement on record fails nothing through it
_DEFINITION = re.compile(r"\bdefin(?:ed|ition)\b", re.I)
# ... said of the CNS itself (a marrow's remission is no CNS's)
_OF_CNS = re.compile(r"\bCNS\b|central\s+nervous|cerebrospinal|\bCSF\b|mening", re.I)
# "unless (a) lumbar puncture confirms (the) absence of leukemic blasts in the CSF"
_UNLESS_ABSENT = re.compile(
    r"^\W*unless\s+(?:an?\s+|the\s+)?(?:lumbar\s+puncture|LP|spinal\s+tap|CSF|cerebrospinal\s+fluid)\b[^.;]{0,40}?\b(?:confirms?|shows?|documents?|demonstrates?)\s+"
    r"(?:the\s+)?absence\b",
    re.I,
)


def _asks_involvement(expr: Expr) -> bool:
    return any(p.concept == "cns_involvement" and p.op is Op.PRESENT for p in iter_predicates(expr))


def cns_past(expr: Expr, ctype: CriterionType) -> Expr:
    """``expr`` with the words only a past or absent CNS involvement meets asked of a patient
    without an active one (see the module's docstring)."""
    if not isinstance(expr, (All, Any_, Not)) or not _asks_involvement(expr):
        return expr
    letting_in = ctype is CriterionType.INCLUSION  # the sign under which a review lets patients in

    def at(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
        others = [p for p in parts if not isinstance(p, Review)]
        if any(_asks_involvement(p) for p in others):
            kept: list[Expr] = []
            for part in parts:
                if isinstance(part, Review) and isinstance(node, All) and _UNLESS_ABSENT.match(part.text or "") and _INVOLVED in others:
                    continue  # the involvement on record is no CSF found clear
                text = (part.text or "") if isinstance(part, Review) else ""
                if isinstance(part, Review) and positive is letting_in and _PAST.search(text) and _OF_CNS.search(text) and not _DEFINITION.search(text):
                    kept.append(All((Not(_INVOLVED), part)))
                    continue
                kept.append(part)
            parts = kept
        return parts

    return rewrite_groups(expr, at)
