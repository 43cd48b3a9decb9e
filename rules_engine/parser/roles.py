"""Which part of a line's subject an item is: the disease, its status, a marker of a cancer.

"Relapsed or refractory AML", "CD34- AML or MDS", "solid tumor, ALL, or CML": whether two items can
be one list's alternatives, or one qualifies the other, depends on the part each plays. The topic
runner (``extraction``), the status readings (``statuses``) and the joining of items
(``combining``) all ask it, so the answer sits here, below them, with nothing of theirs to import.
"""

from __future__ import annotations

from rules_engine.concepts import CONCEPTS, HEMATOLOGIC_DISEASES
from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, iter_nodes
from rules_engine.parser.items import Item
from rules_engine.parser.topics.biomarkers import BIOMARKERS


STATUS_CONCEPTS = frozenset({"relapsed", "refractory"})
DIAGNOSIS_CONCEPTS = HEMATOLOGIC_DISEASES
FIXED_ROLES = frozenset({"status", "diagnosis"})


def _role(item: Item) -> str:
    """Which part of a line's subject an item is: the disease, its status, or anything else."""
    if item.concepts and item.concepts <= STATUS_CONCEPTS:
        return "status"
    if item.concepts & DIAGNOSIS_CONCEPTS:
        return "diagnosis"
    return "other"


def listed_together(a: Item, b: Item, roles: tuple[str, str]) -> bool:
    """Whether two items may be one list's alternatives ("A, B, or C"): of one role, or neither
    the disease nor its status, or two cancers ("solid tumor, ALL, or CML": a solid tumour is no
    leukaemia's "diagnosis" role, and joined with AND beside two leukaemias every patient failed)."""
    if roles[0] == roles[1] or not set(roles) & FIXED_ROLES:
        return True
    return all(it.concepts and all(c in CONCEPTS and cancer(c) for c in it.concepts) for it in (a, b))


# the antigens a blast or lymphoma cell carries ("CD20+ DLBCL", "CD34- AML or MDS"): markers of the
# cancer they are written against, as a gene's are
_ANTIGENS = frozenset({"cd19", "cd20", "cd22", "cd7", "cd30", "cd33", "cd34", "cd123"})


def marker_of(marker: Item, disease: Item) -> bool:
    """A tumour marker item followed by the cancer it qualifies (the cancer may carry the words
    left unread beside it: "be Ph+ ALL patients with MRD" is a Ph+ ALL still; taken apart, the ALL
    was asked of every alternative before it)."""
    d = disease.expr
    if isinstance(d, All) and sum(isinstance(p, Predicate) for p in d.parts) == 1 and all(isinstance(p, (Predicate, Review)) for p in d.parts):
        d = next(p for p in d.parts if isinstance(p, Predicate))
    d = _phase_dropped(d)
    return bool(marker.concepts) and marker.concepts <= BIOMARKERS | _ANTIGENS and isinstance(d, Predicate) and d.op is Op.PRESENT and cancer(d.concept)


# a CML's phases ("Ph+ chronic phase CML", "lymphoid Ph+ blast crisis or blast phase CML"): the
# disease with its phase is still the disease the marker before it qualifies. Apart, an
# exclusion's "Ph+" became an alternative of its own and excluded every Ph+ ALL patient
_CML_PHASES = frozenset({"cml_chronic_phase", "cml_accelerated_phase", "cml_blast_phase"})


def _phase_dropped(d: Expr | None) -> Expr | None:
    """The CML a disease-and-phase item names (its one cancer asked present, the rest its phases or
    reviews of which phase), else ``d`` as it was."""
    if not isinstance(d, All):
        return d
    cancers = [p for p in d.parts if isinstance(p, Predicate) and p.op is Op.PRESENT and p.concept == "cml"]
    rest = [p for p in d.parts if not any(p is c for c in cancers)]
    if len(cancers) != 1 or not rest or not all(_phase_only(p) for p in rest):
        return d
    return cancers[0]


def _phase_only(e: Expr) -> bool:
    """Whether ``e`` asks only of a CML's phase (with reviews of which one beside it)."""
    if isinstance(e, Review):
        return True
    if isinstance(e, Predicate):
        return e.concept in _CML_PHASES
    if isinstance(e, (All, Any_)):
        return any(isinstance(p, (Predicate, All, Any_)) for p in e.parts) and all(_phase_only(p) for p in e.parts)
    return False


def marker_of_all(exprs: list[Item], connectors: list[str]) -> bool:
    """One antigen written before a list of cancers and nothing else ("CD34- AML or MDS"): it
    qualifies each of them. Bound to the first alone, an exclusion's "or" made every MDS patient
    excluded whatever the blasts' CD34 (and a bare antigen read as one more alternative excluded
    every AML patient)."""
    return (len(exprs) > 2 and bool(exprs[0].concepts) and exprs[0].concepts <= _ANTIGENS and not connectors[0].strip(" -")
            and all(isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT and cancer(it.expr.concept) for it in exprs[1:]))


# what "untreated" / "newly diagnosed" read to: no anticancer therapy, no relapse, no refractoriness
# (and a remission asked of the newly treated); every part of the reading asks one of these absent
_NEWNESS_CONCEPTS = frozenset({"anticancer_therapy", "relapsed", "refractory", "remission"})


def newness_of(status: Item, disease: Item) -> bool:
    """An "untreated" or "newly diagnosed" item followed by the cancer it qualifies: its reading asks
    only that no therapy, relapse or refractoriness is on record (at least one of them absent), and
    the item after it is a cancer asked present."""
    found = status.concepts and status.concepts <= _NEWNESS_CONCEPTS and _asks_absent(status.expr)
    # (the cancer may be read twice, as present and dated: "previously untreated NHL")
    parts = disease.expr.parts if isinstance(disease.expr, Any_) else (disease.expr,)
    return bool(found) and all(isinstance(p, Predicate) and p.op in (Op.PRESENT, Op.WITHIN) and cancer(p.concept) for p in parts)


def _asks_absent(e: Expr) -> bool:
    """``e`` holds a "not X" of a newness concept."""
    return any(isinstance(n, Not) and isinstance(n.part, Predicate) and n.part.concept in _NEWNESS_CONCEPTS for n in iter_nodes(e))


def cancer(concept: str) -> bool:
    """A cancer diagnosis a status can qualify: the leukaemias and their kin, or any solid tumour."""
    seen = 0
    c: str | None = concept
    while c is not None and seen < 8:  # the concept tree is shallow; the bound guards a cycle
        if c in DIAGNOSIS_CONCEPTS or c == "solid_tumor":
            return True
        c, seen = CONCEPTS[c].parent if c in CONCEPTS else None, seen + 1
    return False
