"""The safety rule, enforced on every parsed line (brief, rule 1).

Text Eligo cannot read becomes a ``Review`` part, which Kleene logic evaluates as ``unknown``.
Where such a part sits decides what it can do to a line:

* as another requirement of an inclusion (``All(structured, Review)``) or another alternative
  of an exclusion (``Any_(structured, Review)``) it can only turn a decision in the patient's
  favour into ``unknown``: a failing requirement still fails the inclusion, an applying
  alternative still triggers the exclusion;
* as an alternative of an inclusion (``Any_(structured, Review)``) or a further condition of an
  exclusion (``All(structured, Review)``) it *masks* a decision against the patient: an ALT of
  4.5 x ULN no longer fails "ALT <= 3 x ULN ... or review(Gilbert)".

Masking is right only where the text says so: a real "or" between alternatives of the same
role, an exception scoped to its own subject ("bilirubin <= 3 x ULN for Gilbert's syndrome"),
a condition a permitted group must meet, or a qualifier that narrows one item ("*active*
hepatitis B"). The parser marks those reviews (``Alternative``, ``Qualifier``); ``enforce``
drops every other review from a masking position. Dropping never loses a decision: a dropped
alternative could only have turned the structured part's failure into ``unknown`` (a met part
already meets the ``Any_``), and likewise for a dropped exclusion condition.

By induction over the tree: after ``enforce`` a decision against the patient made by the
structured parts alone is the line's decision, and any other decision can only become
``unknown`` (Kleene logic is monotone). ``tests/parser/test_safety.py`` checks this with random
criteria and records.
"""

from __future__ import annotations

from dataclasses import replace

from rules_engine.concepts import HEMATOLOGIC_DISEASES, ancestors, is_cancer_diagnosis
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason



class Qualifier(Review):
    """A review that narrows the one item it stands beside ("active", "requiring treatment"):
    it may turn that item's decision into ``unknown`` whichever way it went."""


class Alternative(Review):
    """A review the text really offers as an alternative ("... or <unread>"), scoped to the item
    it widens (an exception's own subject, a permitted group's condition)."""


_MARKERS = (Qualifier, Alternative)


def plain(review: Review) -> Review:
    """The stored form of a marked review: markers are the parser's business only."""
    return Review(review.reason, review.text) if isinstance(review, _MARKERS) else review


def enforce(expr: Expr, ctype: CriterionType) -> Expr:
    """``expr`` with no unmarked review in a position that masks a decision against the
    patient, and with markers turned into plain reviews. Pure; the line's meaning is otherwise
    unchanged."""
    against_met = CriterionType(ctype) is CriterionType.EXCLUSION
    return _walk(expr, against_met)


def _walk(expr: Expr, against_met: bool) -> Expr:
    """``against_met``: whether ``met`` is the outcome of this sub-expression that goes against
    the patient (an exclusion applying; under ``Not`` the roles swap)."""
    if isinstance(expr, Review):
        return plain(expr)
    if isinstance(expr, Not):
        return Not(_walk(expr.part, not against_met))
    if isinstance(expr, (All, Any_)):
        masking = isinstance(expr, All) if against_met else isinstance(expr, Any_)
        parts = [_walk(p, against_met) if not isinstance(p, Review) else p for p in expr.parts]
        if masking and any(not isinstance(p, Review) for p in parts):
            parts = [p for p in parts if not isinstance(p, Review) or isinstance(p, _MARKERS)]
        parts = [plain(p) if isinstance(p, Review) else p for p in parts]
        parts = list(dict.fromkeys(parts))
        if len(parts) == 1:
            return parts[0]
        return type(expr)(tuple(parts))
    return expr


# Labs where a higher value is the worse one, and where a lower value is. A limit written on the
# normal side ("creatinine <= 2.0", "ANC > 1.5") is what a line asks for; under a negation in an
# inclusion ("No renal insufficiency (creatinine <= 2.0 mg/dL)", "No severe impairment of bone
# marrow function (ANC > 1.5 x 10^9/L)") it would ask for the abnormal value, so the reading is
# upside down: 89 corpus lines read that way, a creatinine of 3 meeting the first.
_HIGHER_IS_WORSE = frozenset({"creatinine", "bilirubin", "alt", "ast", "alp", "inr", "pt", "aptt", "qtc"})
_LOWER_IS_WORSE = frozenset({"anc", "platelets", "hemoglobin", "lvef", "creatinine_clearance", "egfr", "gfr", "albumin", "spo2"})
NEGATED_NORMAL_LIMIT = "a negation over a limit written as the normal range (read by a person)"


def _normal_side(pred: Predicate) -> bool:
    if pred.uln or pred.concept in _HIGHER_IS_WORSE:
        return pred.op in (Op.LT, Op.LTE)
    if pred.concept in _LOWER_IS_WORSE:
        return pred.op in (Op.GT, Op.GTE)
    return False


def _negates_a_normal_limit(expr: Expr, negated: bool = False) -> bool:
    if isinstance(expr, Predicate):
        return negated and _normal_side(expr)
    if isinstance(expr, Not):
        return _negates_a_normal_limit(expr.part, not negated)
    if isinstance(expr, All | Any_):
        return any(_negates_a_normal_limit(part, negated) for part in expr.parts)
    return False


def _limits_only(expr: Expr) -> Expr | None:
    """The normal-side limits a negated part names, joined as it joins them; None where that
    would ask more than the text (an alternative that is no limit, a nested negation)."""
    if isinstance(expr, Predicate):
        return expr if _normal_side(expr) else None
    if isinstance(expr, All):
        # a judgement beside the limits ("severe") is the person's; anything else, unread words
        # too, may be a condition the limits are asked under ("No concurrent therapeutic doses of
        # anticoagulants ... provided INR is <= 1.5")
        kept = [_limits_only(p) for p in expr.parts if not (isinstance(p, Review) and p.reason is ReviewReason.JUDGEMENT)]
        if not kept or any(k is None for k in kept):
            return None
        return kept[0] if len(kept) == 1 else All(tuple(k for k in kept if k is not None))
    if isinstance(expr, Any_):
        alternatives = [_limits_only(p) for p in expr.parts]
        if any(a is None for a in alternatives):
            return None
        return Any_(tuple(a for a in alternatives if a is not None))
    return None


def _negated_bound(expr: Expr, negated: bool = False) -> bool:
    if isinstance(expr, Predicate):
        return negated and expr.op in (Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN)
    if isinstance(expr, Not):
        return _negated_bound(expr.part, not negated)
    if isinstance(expr, All | Any_):
        return any(_negated_bound(part, negated) for part in expr.parts)
    return False


def _turned_upright(expr: Expr) -> Expr:
    """``expr`` with each negation over normal-side limits read as the limits themselves."""
    if isinstance(expr, Not) and _negates_a_normal_limit(expr):
        return _limits_only(expr.part) or Review(ReviewReason.AMBIGUOUS, NEGATED_NORMAL_LIMIT)
    if isinstance(expr, All | Any_):
        return type(expr)(tuple(_turned_upright(p) for p in expr.parts))
    return expr


def normal_limits_upright(expr: Expr, ctype: CriterionType) -> Expr:
    """An inclusion read as asking for an abnormal lab value through a negation ("No severe
    organ dysfunction: creatinine <= 2.5 x ULN; ..."): the limits are what it asks, and a person
    confirms the rest. Left wholly to a person, the line never failed a creatinine three times
    the upper limit, and a review line leaves the patient eligible. So the negated limits are
    turned upright and the line joined with a review: a limit failed fails it, nothing else is
    decided (never met for the patient with the abnormal value). Exclusions are not touched (a
    limit written on the normal side there may be what excludes: "bone marrow blasts <= 5%")."""
    if CriterionType(ctype) is CriterionType.INCLUSION and _negates_a_normal_limit(expr):
        upright = _turned_upright(expr)
        # nothing turned, a negation deeper than the walk turns, or a negated bound the walk does
        # not know the normal side of ("not WBC >= 3", "not BM-blasts <= 5%" in the same list)
        if isinstance(upright, Review) or _negates_a_normal_limit(upright) or _negated_bound(upright):
            return Review(ReviewReason.AMBIGUOUS, NEGATED_NORMAL_LIMIT)
        return All((upright, Review(ReviewReason.AMBIGUOUS, NEGATED_NORMAL_LIMIT)))
    return expr


def _is_disease(part: Expr) -> bool:
    """A cancer a trial may be for (``concepts.is_cancer_diagnosis``), asked as present."""
    return isinstance(part, Predicate) and part.op is Op.PRESENT and part.window is None and is_cancer_diagnosis(part.concept)


def _diseases_either(part: Expr) -> bool:
    """Two or more diseases as alternatives ("CLL or SLL")."""
    return isinstance(part, Any_) and len(part.parts) >= 2 and all(_is_disease(p) for p in part.parts)


# the beginnings of topics.cml_phase's reviews of which phase (kept here: the topic imports this module)
CML_PHASE_REVIEWS = ("which chronic phase: ", "which phase: ")


def _cml_phases(part: Expr) -> bool:
    """The phases of a CML (topics.cml_phase), with or without a person's reading of which."""
    if isinstance(part, Predicate):
        return part.concept in ("cml_chronic_phase", "cml_accelerated_phase", "cml_blast_phase")
    if isinstance(part, Review):
        return part.text.startswith(CML_PHASE_REVIEWS)
    if isinstance(part, (All, Any_)):
        return any(_cml_phases(p) for p in part.parts) and all(_cml_phases(p) or isinstance(p, Review) for p in part.parts)
    return False


def _listed_under_not(part: Expr, ctype: CriterionType) -> Expr:
    """A part of an inclusion's ``All`` / ``Any_`` read for its listed diseases, a negated one
    too: "Lymphoplasmacytic lymphoma, mantle-cell lymphoma, prolymphocytic leukemia are eligible
    after initial therapy ..." reads as "not <the list> or <unread>" (dx12), and its list, joined
    by the commas as all three at once, made the line met for a patient with one of them (the
    permission lets each kind in on its condition: "not (any of them) or ...")."""
    if isinstance(part, Not) and isinstance(part.part, All):
        inner = listed_diagnoses_any(part.part, ctype)
        return part if inner is part.part else Not(inner)
    return listed_diagnoses_any(part, ctype)


def _joint_disease(part: Expr) -> bool:
    """One disease a record holds as two diagnoses, kept whole in the list (parser.joint:
    "Richter's transformation", a CLL and its DLBCL): an ``All`` of diseases nested in the list's
    own ``All``, which ``items.all_of`` would otherwise have merged into it."""
    return isinstance(part, All) and len(part.parts) >= 2 and all(_is_disease(p) or _diseases_either(p) for p in part.parts)


def _with_phases(name: Expr, phases: tuple[Expr, ...]) -> Expr:
    """A listed name with the CML phases the list asks: the CML's own, or, for a name a CML is a
    kind of, no CML or one in those phases."""
    if not isinstance(name, Predicate):
        return name
    if name.concept == "cml":
        return All((name, *phases))
    if name.concept in ancestors("cml"):
        return All((name, Any_((Not(Predicate("cml", Op.PRESENT)), All(phases) if len(phases) > 1 else phases[0]))))
    return name


def listed_diagnoses_any(expr: Expr, ctype: CriterionType) -> Expr:
    """An inclusion listing three or more diseases ("Patients with AML, ALL, Hodgkin's disease,
    MDS, CML ..., and lymphoma in first or later relapses") names the diseases a trial is for, one
    each: read as all of them at once (the list's "and"), every patient failed it. Two stay as
    written ("AML and MDS" may ask both). An exclusion's list of histories is already read as
    either by ``clauses.combine``, and "MDS in patients with AML after MDS", one case, must stay
    both there."""
    if CriterionType(ctype) is not CriterionType.INCLUSION or isinstance(expr, Not):
        return expr
    if isinstance(expr, (All, Any_)):
        parts = tuple(_listed_under_not(p, ctype) for p in expr.parts)
        if isinstance(expr, All):
            # (a pair of one disease's names written with a slash, "CLL/SLL, marginal zone
            # lymphoma, follicular lymphoma", is one item of the list: read apart, its alternatives
            # left the rest of the list required of everyone)
            # (each name once: "AML arising in the setting of MDS and/or MPD" names the MDS twice,
            # the history of an AML, no list of the trial's diseases)
            diseases = [p for p in parts if _is_disease(p) or _diseases_either(p) or _joint_disease(p)]
            listed = [q.concept for p in diseases for q in (p.parts if isinstance(p, Any_) else (p,)) if isinstance(q, Predicate)]
            listed += [f"joint {k}" for k, p in enumerate(diseases) if _joint_disease(p)]  # (each one listed name)
            named = set(listed)
            if (len(diseases) >= 3 and len(named) >= 3 and len(named) == len(listed)) or len({p.concept for p in diseases if isinstance(p, Predicate)}) >= 3:
                if len(named) != len(listed):  # as before the pairs were read: the single names only
                    diseases = [p for p in diseases if isinstance(p, Predicate)]
                rest = [p for p in parts if not any(p is d for d in diseases)]
                names = [q for p in diseases for q in (p.parts if isinstance(p, Any_) else (p,))]
                # (the phases of a CML the list names, "..., CML in accelerated phase or blast
                # crisis, and lymphoma", are that item's: asked of the whole list, they failed
                # every patient with another of its diseases)
                # (and a wider name in the list, "hematological malignancies ... include: ...,
                # CML in accelerated phase", takes a CML only in those phases: its own name would
                # otherwise let every CML through)
                phases = [p for p in rest if _cml_phases(p)]
                if phases and any(isinstance(q, Predicate) and q.concept == "cml" for q in names):
                    rest = [p for p in rest if not any(p is q for q in phases)]
                    names = [_with_phases(q, tuple(phases)) for q in names]
                either: Expr = Any_(tuple(names))
                return All((either, *rest)) if rest else either
        return type(expr)(parts)
    return expr


# a kidney's two measures bound as alternatives of each other, one written the wrong way round
# ("Serum creatinine (CR) < 1.5mg/dl or 24 hour CR clearance < 50 ml/min" among exclusions,
# "Serum creatinine > upper limit of normal (ULN) or glomerular filtration rate (GFR) > 60",
# "Serum creatinine ≤ 1.5 mg/dl or creatinine clearance ≤ 60 ml/min" among inclusions): the
# creatinine rises as the clearance falls, so alternatives bounded the same way round ask for one
# good kidney and one bad. The bound that points the way the line's kind asks (an inclusion's
# creatinine from above and clearance from below, an exclusion's the other way) is kept and the
# other turned to match it. Read as written, the exclusion excluded every patient with a normal
# creatinine and the inclusion asked for an abnormal one. Only two such bounds side by side (each
# with its own unread words), never under a negation
_CREATININE = frozenset({"creatinine"})
_CLEARANCES = frozenset({"creatinine_clearance", "egfr", "gfr"})
_MIRROR = {Op.LT: Op.GT, Op.LTE: Op.GTE, Op.GT: Op.LT, Op.GTE: Op.LTE}
_FROM_ABOVE = frozenset({Op.LT, Op.LTE})


def _bound_of(part: Expr) -> Predicate | None:
    """The renal bound ``part`` is: a predicate, or one beside reviews only."""
    if isinstance(part, All) and part.parts and all(isinstance(p, Review) for p in part.parts[1:]):
        part = part.parts[0]
    if isinstance(part, Predicate) and part.op in _MIRROR and part.concept in _CREATININE | _CLEARANCES:
        return part
    return None


def _turned(part: Expr, bound: Predicate) -> Expr:
    flipped = replace(bound, op=_MIRROR[bound.op])
    if isinstance(part, All):
        return All((flipped, *part.parts[1:]))
    return flipped


def renal_bounds_aligned(expr: Expr, ctype: CriterionType) -> Expr:
    """The line with a creatinine bound and a clearance bound that are alternatives pointing the
    same way turned as the line's kind asks (see above)."""
    if isinstance(expr, Any_) and len(expr.parts) == 2:
        bounds = [_bound_of(p) for p in expr.parts]
        if all(b is not None for b in bounds):
            a, b = bounds[0], bounds[1]
            assert a is not None and b is not None
            kinds = {a.concept in _CREATININE, b.concept in _CREATININE}
            if kinds == {True, False} and (a.op in _FROM_ABOVE) == (b.op in _FROM_ABOVE):
                inclusion = CriterionType(ctype) is CriterionType.INCLUSION
                parts = []
                for part, bound in zip(expr.parts, (a, b), strict=True):
                    above = bound.op in _FROM_ABOVE
                    wanted = (bound.concept in _CREATININE) == inclusion  # creatinine from above in an inclusion
                    parts.append(part if above == wanted else _turned(part, bound))
                return Any_(tuple(parts))
        return expr
    if isinstance(expr, (All, Any_)):
        parts = tuple(renal_bounds_aligned(p, ctype) for p in expr.parts)
        return expr if parts == expr.parts else type(expr)(parts)
    return expr
