"""A heading that names only the patients of one disease ("Solid tumors:", "ALL/CML:", "For
patients with solid tumors:", "AML patients:", "Patients with MDS:", "Lymphoma patients:") over
lines written for those patients (their blood counts, their washouts).

The lines under it concern patients with that disease only: a patient without it is not judged by
them (an inclusion heading holds for him, an exclusion heading does not exclude him), and a
patient with it is judged by them as any heading's lines. Read as a requirement of its own, the
label asked the disease of every patient: a leukaemia failed the solid tumours' counts, and a
solid tumour failed "ALL/CML:" (found in the holdout's T152 and T155 trials; 8 corpus headings of
this shape, both types).

A label is read only when every word of it is a disease Eligo knows (or a word placing the
patients: "for", "patients with", "only", a bracket naming the study's parts): "ALL/CML" read as
CML alone would have spared a patient with ALL the lines the text asks of him. Where no other line
of the trial names the disease, the trial may be open to no one else (its disease headings are
then its diagnosis menu): a patient without the disease is left to a person there, never cleared.
"""

from __future__ import annotations

import re

from rules_engine.concepts import MALIGNANCIES, ancestors
from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.clauses import extract
from rules_engine.parser.items import any_of, content_words

# the diseases a heading may scope its lines by: the malignancies and the neoplasms near them
_DISEASES = frozenset(MALIGNANCIES) | {"mds", "mpn", "myelofibrosis"}

# "For patients with solid tumors:", "AML patients:", "Patients with MDS:", "ALL/CML:", "For
# Patients with Solid Tumours (Parts A and C):": who, the disease words, whose, a bracket, a colon
_LABEL = re.compile(
    r"^\W*(?:for\s+(?:all\s+)?|in\s+)?(?:(?:patients?|subjects?|participants?|those)\s+(?:with|having)\s+(?:an?\s+)?)?"
    r"(?P<names>[^:;,.()]{2,60}?)(?:\s+(?:patients?|subjects?|participants?|cohort))?(?:\s+only)?"
    r"(?:\s*\((?P<bracket>[^()]{1,60})\))?(?:\s+only)?\s*:\s*$",
    re.I,
)
# a bracket that names the study's parts the patients enter ("(Parts A and C)"): no disease word
_PARTS = re.compile(r"^\s*(?:parts?|cohorts?|arms?|phases?|strata|stratum|groups?)\b[\w\s,&/-]{0,40}$", re.I)
# what may stand between the diseases a label names ("ALL/CML", "AML, MDS or MPN")
_JOINERS = re.compile(r"(?:\s|,|/|&|\b(?:and|or)\b)*", re.I)

SCOPE_UNNAMED = (
    "the lines under '{label}' concern patients with it; the trial names the disease nowhere else, "
    "so whether it admits a patient without it is a person's to say"
)


def disease_label(text: str) -> Expr | None:
    """The disease (or diseases, any of) a heading's words name as the patients its lines are
    for, when they name nothing else; else None."""
    m = _LABEL.match(text)
    if m is None or (m.group("bracket") is not None and not _PARTS.match(m.group("bracket"))):
        return None
    names = m.group("names")
    spaced = names.replace("/", " or ")  # "ALL/CML": read beside a slash, ALL was lost
    items = [it for it in extract(spaced, CriterionType.EXCLUSION) if it.expr is not None]
    found: list[Expr] = []
    for it in items:
        preds = list(iter_predicates(it.expr))
        if not preds or any(p.concept not in _DISEASES or p.op is not Op.PRESENT or p.window is not None for p in preds):
            return None
        if not isinstance(it.expr, (Predicate, Any_)):
            return None
        found.append(it.expr)
    if not found:
        return None
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(spaced))
    if not _JOINERS.fullmatch(masked) or content_words(masked):
        return None
    return any_of(found)


def scoped_heading(criterion: Criterion, disease: Expr, named_elsewhere: bool) -> Criterion:
    """The heading asks its lines of the disease's patients only: an inclusion holds for every
    other patient, an exclusion excludes none of them. Where the trial names the disease nowhere
    else, an inclusion's patient without it is an open question (never met on the label's
    strength)."""
    expr = criterion.expr
    if criterion.type is CriterionType.EXCLUSION:
        scoped: Expr = All((disease, expr))
    elif named_elsewhere:
        scoped = Any_((Not(disease), expr))
    else:
        # (met only with the disease: a patient without it who met its lines was met by a menu
        # that may not offer his disease at all)
        unnamed = Review(ReviewReason.AMBIGUOUS, SCOPE_UNNAMED.format(label=criterion.text.strip(" :")))
        scoped = Any_((All((disease, expr)), All((Not(disease), unnamed))))
    return Criterion(type=criterion.type, text=criterion.text, expr=scoped, applies_if=criterion.applies_if, parent=criterion.parent)


def scoped_line(criterion: Criterion, disease: Expr) -> Criterion:
    """A line under a disease heading, judged for the disease's patients only (its own outcome,
    shown beside the heading's)."""
    applies = disease if criterion.applies_if is None else All((disease, criterion.applies_if))
    return Criterion(type=criterion.type, text=criterion.text, expr=criterion.expr, applies_if=applies, parent=criterion.parent)


def names_disease(readings: list[Expr | None], disease: Expr) -> bool:
    """Whether the trial's other lines (``readings``, each read alone; None for the heading's own
    lines) name every disease of the label, itself or a kind of it or what it is a kind of."""
    named = {p.concept for e in readings if e is not None for p in iter_predicates(e)}
    near = {c for n in named for c in (n, *ancestors(n))}
    return all(p.concept in near or any(a in named for a in ancestors(p.concept)) for p in iter_predicates(disease))
