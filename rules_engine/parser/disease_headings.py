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
from collections.abc import Callable

from rules_engine.concepts import MALIGNANCIES, ancestors
from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import any_of, content_words

# the diseases a heading may scope its lines by: the malignancies and the neoplasms near them
_DISEASES = frozenset(MALIGNANCIES) | {"mds", "mpn", "myelofibrosis", "blood_cancer"}

# "For patients with solid tumors:", "AML patients:", "Patients with MDS:", "ALL/CML:", "For
# Patients with Solid Tumours (Parts A and C):": who, the disease words, whose, a bracket, a colon
_LABEL = re.compile(
    r"^\W*(?:for\s+(?:all\s+)?|in\s+)?(?:(?:patients?|subjects?|participants?|those)\s+(?:with|having)\s+(?:an?\s+)?)?"
    r"(?P<names>[^:;,.()]{2,60}?)(?:\s+(?:patients?|subjects?|participants?|cohort))?(?:\s+only)?"
    r"(?:\s*\((?P<bracket>[^()]{1,60})\))?(?:\s+only)?\s*:\s*$",
    re.I,
)
# ... or the patients a lead-in asks its list of ("Patients with solid tumors (including NHL) must
# also have normal marrow function as defined below:"; 1 of the 3 corpus headings so written
# names a disease alone): read as a requirement, the label asked a solid tumour of every patient
# and a leukaemia failed the solid tumours' blood counts. A bracket that adds a disease to the
# label ("including NHL") names more of its patients
_MUST_LABEL = re.compile(
    r"^\W*(?:for\s+)?(?:patients?|subjects?|participants?|those)\s+with\s+(?:an?\s+)?(?P<names>[^:;,.()]{2,60}?)"
    r"(?:\s*\(\s*(?:including|incl\.?|and)\s+(?P<also>[^()]{1,40})\))?\s+(?:must|should|shall)\s+(?:also\s+)?(?:have|meet|fulfil\w*)\b[^:;()]{0,80}:\s*$",
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
    lead = _MUST_LABEL.match(text)
    m = _LABEL.match(text) if lead is None else None
    if lead is not None:
        names = lead.group("names") + (f" or {lead.group('also')}" if lead.group("also") else "")
    elif m is None:
        return None
    elif m.group("bracket") is not None and not _PARTS.match(m.group("bracket")):
        return None
    else:
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


# an inclusion heading over one cohort's requirements ("For relapsed/refractory subjects only:",
# "For treatment-naive subjects only:", "Part A:", "Arm B (SRS and vemurafenib):", "To be eligible
# for the dose-finding phase:")
COHORT_HEADING = re.compile(
    r"\W*(?:(?:for|in)\s+(?:the\s+)?[^:]{1,60}?\b(?:subjects?|patients?|participants?|cohorts?|arms?|groups?|phase|part|stage|portion)"
    # the cohorts' own labels after the noun ("For participants in Cohorts A, A2, B, and B2:")
    r"(?:\s+[A-Z]\d?(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)[A-Z]\d?){0,6})?(?:\s+only)?"
    r"|(?:cohort|arm|part|group|stratum)\s+[\w-]{1,4}(?:\s*\([^()]{1,60}\))?|to\s+be\s+eligible\s+for\s+[^:]{1,60}"
    # "Dose escalation period for both schedules:", "Dose expansion cohort:"
    r"|dose[\s-]+(?:escalation|expansion|confirmation|finding)\b[^:]{0,60})\s*:\s*(?:\([^()]{0,80}\))?\s*",
    re.I,
)


def unnested_cohorts(rows: list[tuple[CriterionType, str, int | None]]) -> list[tuple[CriterionType, str, int | None]]:
    """A cohort heading the registry nested under another cohort's heading ("For participants in
    Cohorts C1 and C2:" indented under "For participants in Cohorts A, A2, B, and B2:") is the
    next cohort, not a requirement of the first: it is lifted to stand beside it. Nested, the
    second cohort's requirements were asked of the first cohort's patients as well, and no patient
    met both (holdout NCT02508870's cohort A patients failed "Must not have received prior
    treatment for MDS with any hypomethylating agent")."""
    out = list(rows)
    for index, (ctype, text, parent) in enumerate(rows):
        if parent is None or not 0 <= parent < index or not COHORT_HEADING.fullmatch(text):
            continue
        outer = out[parent]
        if COHORT_HEADING.fullmatch(outer[1]) and outer[0] is ctype:
            out[index] = (ctype, text, outer[2])
    return out


# a line under a disease heading that opens another patients' list ("For Patients with Leukemia
# (Part B only)", "Additional Criteria For Part C Of The Study"): the heading's own list ends there
_OTHER_PATIENTS = re.compile(r"^\W*(?:(?:for|in)\s+(?:(?:all|the)\s+)?(?:patients?|subjects?|participants?)\b|(?:additional\s+)?criteria\s+for\b)", re.I)


def descendants(index: int, children: dict[int, list[int]]) -> list[int]:
    """Every line nested under ``index`` in a trial's tree of lines (``children``: a line's own)."""
    found = list(children.get(index, ()))
    for k in list(found):
        found += descendants(k, children)
    return found


def disease_headings(
    rows: list[tuple[CriterionType, str, int | None]], children: dict[int, list[int]], skip: set[int], line_parser: Callable[..., Criterion]
) -> dict[int, tuple[Expr, bool, list[int]]]:
    """The headings that name only the patients of a disease ("Solid tumors:", "ALL/CML:"), each
    with its disease and whether the trial's other lines name it (``names_disease``). Headings
    that are one of several cohorts' ("For lymphoma patients:" beside "For leukemia patients:")
    are read as the cohorts' alternatives instead (``parser.criteria._cohorts_as_alternatives``).
    Asked by ``parser.criteria`` as it builds a trial's tree of lines."""
    found = {i: d for i in children if i not in skip and (d := disease_label(rows[i][1])) is not None}
    if not found:
        return {}
    cohorts = [i for i in children if rows[i][2] is None and rows[i][0] is CriterionType.INCLUSION and COHORT_HEADING.fullmatch(rows[i][1])]
    if len(cohorts) >= 2:
        found = {i: d for i, d in found.items() if i not in cohorts}
    readings = [line_parser(text, ctype).expr for ctype, text, _ in rows]
    out: dict[int, tuple[Expr, bool, list[int]]] = {}
    for i, disease in found.items():
        run: list[int] = []
        for k in children[i]:
            if k in children or _OTHER_PATIENTS.match(rows[k][1]) or disease_label(rows[k][1].rstrip(" .") + ":") is not None:
                break
            run.append(k)
        if not run:
            continue
        own = {i, *run, *(d for k in run for d in descendants(k, children))}
        out[i] = (disease, names_disease([e if n not in own else None for n, e in enumerate(readings)], disease), run)
    return out
