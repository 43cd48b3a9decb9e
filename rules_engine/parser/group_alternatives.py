"""Two top-level inclusion lines that name disjoint groups of patients: alternatives, not requirements.

Registries write the groups a trial takes as bullets of their own, with no heading saying "one of
the following" over them:

* "Patients with primary refractory AML (that is no prior remission) ..." / "Patients with
  relapsed AML. Patients must have had a documented remission ...": a primary refractory disease
  never reached a remission and a relapsed one did, so no patient is both;
* "Ph-positive (Ph+) CML in chronic, accelerated or blast phase or Ph+ ALL ..." / "Ph-negative
  acute leukemia in second or subsequent relapse": a leukaemia is Philadelphia-positive or not;
* "Diagnosed as Ph+ ALL who are ..." / "Diagnosed as CML in blast crisis ...": the same lead-in
  over two different blood cancers (an ALL is no CML).

Read as requirements each, every patient failed the other group's line and was ineligible. A
patient in one group meets that group's line; a patient in none fails both, as before (rule 1:
the pair is an ``Any_`` of the two readings, so nothing either line finds against every group is
lost).

Only pairs with textual evidence are read so (``criteria._top_level_disease_runs`` already reads
runs of three or more disease lines): both lines open with a disease (``leading``), and either

* they contradict each other on the Philadelphia chromosome (one asks BCR-ABL1 positive, the other
  negative, each among its own top-level requirements), or
* they open with the same two words (a parallel lead-in: "Patients with", "Diagnosed as") and
  either name unrelated diseases, or the same disease in statuses that exclude each other: one
  names a primary refractory disease (no remission ever: "primary refractory", "induction
  failure", "no prior remission") and the other a relapsed one, or one an untreated disease and
  the other a relapsed or refractory one.

"Relapsed multiple myeloma" / "Refractory multiple myeloma" is left as it was: a disease can be
both, and the trial may ask both. Found in the corpus: 3 pairs of 80 adjacent top-level disease
lines (the rest are one disease's further requirements: "Diagnosis of ALL" / "ALL lymphoblasts with
CD52 expression").
"""

from __future__ import annotations

import re
from typing import Callable

from rules_engine.concepts import related
from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate

_PRIMARY_REFRACTORY = re.compile(
    r"\bprimary(?:\s+induction)?\s+(?:refractory|resistant|failure)\b|\binduction\s+failure\b|\bno\s+prior\s+(?:complete\s+)?remission\b"
    r"|\bnever\s+(?:achieved|attained|reached)\s+(?:a\s+)?(?:complete\s+)?remission\b",
    re.I,
)
_LEAD_WORDS = re.compile(r"[A-Za-z][A-Za-z+-]*")


def _conjuncts(expr: Expr) -> tuple[Expr, ...]:
    return expr.parts if isinstance(expr, All) else (expr,)


def _statuses(expr: Expr) -> tuple[set[str], set[str]]:
    """The disease statuses a line asks among its top-level requirements, and those it forbids."""
    asked: set[str] = set()
    denied: set[str] = set()
    for part in _conjuncts(expr):
        if isinstance(part, Predicate) and part.op is Op.PRESENT:
            asked.add(part.concept)
        elif isinstance(part, Not) and isinstance(part.part, Predicate):
            denied.add(part.part.concept)
    return asked, denied


def _ph(expr: Expr) -> str | None:
    """"positive" / "negative": what a line asks of BCR-ABL1 among its top-level requirements."""
    for part in _conjuncts(expr):
        if isinstance(part, Predicate) and part.concept == "bcr_abl1" and part.op is Op.IS and part.value in ("positive", "negative"):
            return str(part.value)
        if isinstance(part, Any_) and part.parts:
            # each alternative asks it with its own disease ("Ph+ CML in chronic, accelerated or
            # blast phase or Ph+ ALL"): the line asks it of every patient it takes
            each = {_ph(alt) for alt in part.parts}
            if len(each) == 1 and None not in each:
                return each.pop()
    return None


def _lead(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _LEAD_WORDS.findall(text[:60])[:2])


def _disjoint_status(a: Criterion, b: Criterion) -> bool:
    asked_a, denied_a = _statuses(a.expr)
    asked_b, denied_b = _statuses(b.expr)
    for (x, ax, dx), (y, ay, dy) in (((a, asked_a, denied_a), (b, asked_b, denied_b)), ((b, asked_b, denied_b), (a, asked_a, denied_a))):
        if "refractory" in ax and "relapsed" not in ax and _PRIMARY_REFRACTORY.search(x.text) and "relapsed" in ay and "refractory" not in ay:
            return True
        if {"relapsed", "refractory"} <= dx and ay & {"relapsed", "refractory"}:
            return True
    return False


def disjoint_groups(a: Criterion, b: Criterion, leading: Callable[[Expr], str | None]) -> bool:
    """Whether two adjacent top-level inclusion lines name disjoint groups of patients."""
    disease_a, disease_b = leading(a.expr), leading(b.expr)
    if disease_a is None or disease_b is None:
        return False
    # a Philadelphia-positive and a Philadelphia-negative group are disjoint whatever their words
    # ("Ph-positive (Ph+) CML ..." / "Ph-negative acute leukemia ...": no shared lead-in)
    ph_a, ph_b = _ph(a.expr), _ph(b.expr)
    if ph_a is not None and ph_b is not None and ph_a != ph_b:
        return True
    lead = _lead(a.text)
    if len(lead) < 2 or lead != _lead(b.text):
        return False
    if not related(disease_a, disease_b):
        return True
    return disease_a == disease_b and _disjoint_status(a, b)


def pair_alternatives(
    rows: list[tuple[CriterionType, str, int | None]], out: list[Criterion | None], taken: set[int], leading: Callable[[Expr], str | None]
) -> set[int]:
    """Adjacent top-level inclusion lines (only child lines between them) that ``disjoint_groups``
    takes, none already read as alternatives (``taken``) nor a third disease line beside them:
    each holds when either holds."""
    top = [i for i, (ctype, _, parent) in enumerate(rows) if parent is None and ctype is CriterionType.INCLUSION and out[i] is not None]
    done: set[int] = set()
    for n in range(len(top) - 1):
        i, j = top[n], top[n + 1]
        if {i, j} & (taken | done):
            continue
        if any(rows[m][2] is None for m in range(i + 1, j)):
            continue  # (an exclusion or another section between them)
        a, b = out[i], out[j]
        assert a is not None and b is not None
        if a.applies_if is not None or b.applies_if is not None or not disjoint_groups(a, b, leading):
            continue
        # a third disease line just before or after: a longer run, not a pair (left as it reads)
        if (n > 0 and leading(out[top[n - 1]].expr) is not None and top[n - 1] not in done) or (  # type: ignore[union-attr]
            n + 2 < len(top) and leading(out[top[n + 2]].expr) is not None  # type: ignore[union-attr]
        ):
            continue
        either = (a.expr, b.expr)
        out[i] = Criterion(type=a.type, text=a.text, expr=Any_(either), applies_if=a.applies_if, parent=a.parent)
        out[j] = Criterion(type=b.type, text=b.text, expr=Any_((b.expr, a.expr)), applies_if=b.applies_if, parent=b.parent)
        done |= {i, j}
    return done
