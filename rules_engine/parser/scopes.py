"""A requirement's scope written after it, or a line cut into parts by disease status.

"..., for patients with prior anthracycline", "For patients with newly diagnosed disease: ...; for
patients with relapsed/refractory disease: ...", "Creatinine <= 1.5 x ULN (for patients with ...)":
each part concerns only the patients its scope names. Unlike a leading condition
(``conditional``), the scope closes the requirement or splits the line, so its cut is found
differently; the parts are read as lines through ``line_reader``, below the line assembly.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, NoRequirement, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.topics.events import COURSE_OPEN
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, all_of, any_of, content_words
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.safety import Alternative
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.conditional import NEGATOR
from rules_engine.readings import has_review


# the patients a requirement is for, written after it ("Hematologic function for subjects with CLL
# and CML demonstrated by hemoglobin > 9 g/dL, ...", "Measurable disease (for patients with CML or
# ALL)", "... 60 years or older for patients with previously untreated AML"): where it ends the
# line, closes a bracket or comes before how the requirement is shown
_TRAILING_SCOPE = re.compile(
    r"\(?\s*\b(?:for|in)\s+(?:patients?|subjects?|participants?)\s+with\s+(?P<cond>(?:[^,:;.()]|(?<=\d)\.(?=\d)){2,60}?)(?:\s+only)?"
    r"\s*(?:\)|(?=\s+(?:as\s+)?(?:demonstrated|evidenced|defined|shown)\s+by\b)|(?=\s*[.;]?\s*$))",
    I,
)


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# what may stand between the diagnoses a scope names ("CLL and CML", "solid tumors or NHL"); any
# other word relates them ("AML after MDS") or qualifies them ("stable GBM")
_SCOPE_JOINERS = re.compile(r"(?:\s|,|/|\(|\)|['’]s\b|\b(?:and|or|known|documented|confirmed|a|an|the)\b)*")
_SCOPE_EXCEPTED = re.compile(r"\b(?:except|unless|other\s+than|excluding|but)\s*\(?\s*$", I)
_ANY_SCOPE = re.compile(r"\b(?:for|in)\s+(?:patients?|subjects?|participants?)\s+(?:with|without)\b", I)
# a bound just before the scope ("< 5X the ULN for patients ...", "6 weeks for patients ...", "(Upper limit for normal) for ...")
_BOUND_BEFORE = re.compile(
    r"(?:\d\s*(?:%|x|×)?|\b(?:ULN|IULN|normal|mg/dl|µL|uL|mm3|mL/min|m\^?2|weeks?|days?|months?|years?|g/dL|g/L))\s*\)?\s*,?\s*\(?\s*$", I,
)


def trailing_scope(text: str, ctype: CriterionType) -> Expr | None:
    """A scope written after the requirement it scopes: the requirement concerns only the
    patients it names, as a leading one does (``_conditional``). Read as a clause, the scope was
    asked of every patient: "CLL and CML and hemoglobin > 9 ..." failed every patient with AML,
    and an exclusion's "... in patients with AML" excluded every patient with AML. Behind a
    semicolon it scopes that clause only ("20 to 74 years; 60 years or older for patients with
    previously untreated AML"). A condition no record decides leaves an inclusion's scoped part
    to a person (never failed); an exclusion's is left as it was read."""
    m = _TRAILING_SCOPE.search(text)
    if m is None or not text[: m.start()].strip(" ,;(") or NEGATOR.search(text, m.start(), m.end("cond")):
        return None
    if text.count("(", 0, m.start()) != text.count(")", 0, m.start()):
        return None  # "AST <= 2.5 x ULN (<= 5 x ULN for patients with liver metastases)": the bracket's own bound is scoped, not the line
    if _SCOPE_EXCEPTED.search(text, 0, m.start()) or len(_ANY_SCOPE.findall(text)) > 1 or _BOUND_BEFORE.search(text, 0, m.start()):
        # "except in patients with ...", "<= 2.5 x ULN in subjects with no liver metastasis and <= 5 x ULN in participants with
        # liver metastasis", "Alkaline phosphatase < 3X the ULN ... < 5X the ULN for patients with hepatic metastases": an
        # exception, or a looser bound for some patients beside the bound for all, never a scope of the whole line
        return None
    head, cut = "", text.rfind(";", 0, m.start())
    if cut >= 0 and ctype is CriterionType.INCLUSION and text[:cut].count("(") == text[:cut].count(")"):
        head = text[:cut]
    req_text = (text[cut + 1 if head else 0: m.start()] + " " + text[m.end():]).strip(" ,;.")
    unbracketed = _BRACKETED.sub(" ", _BRACKETED.sub(" ", req_text))  # an example list's "or" is no alternative
    if not content_words(req_text):
        return None
    requirement = read_expr(req_text, ctype)
    if _complement_scope(requirement, m.group("cond"), ctype):
        # "creatinine < 2.5 mg/dl or a creatinine clearance > 30 mL/min for patients with
        # creatinine levels above 2.5 mg/dl": whom the clearance is asked of is the patient the
        # first alternative failed, so the scope asks nothing the "or" does not (read as a third
        # alternative, "creatinine > 2.5", every patient met the line)
        return requirement
    if re.search(r"\bor\b(?!\s+(?:older|younger|more|less|greater|above|below|over|under|higher|lower|fewer|equal)\b)", unbracketed, I) and (
        len({p.concept for p in iter_predicates(requirement)}) != 1
    ):
        # "A or B for patients with C": whether C scopes B alone or both is not said; one subject
        # spelt two ways ("Measurable or evaluable disease (for patients with solid tumors)") is
        # one requirement, which the scope concerns whole (joined with AND, every leukaemia failed)
        return None
    if isinstance(requirement, Review) or has_review(_without_course_doubt(requirement)) and ctype is CriterionType.EXCLUSION:
        return None
    cond = m.group("cond")
    items = [it for it in extract(cond, CriterionType.EXCLUSION) if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT]
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    condition: Expr | None = any_of([it.expr for it in items]) if items and _SCOPE_JOINERS.fullmatch(masked) else None  # type: ignore[misc]
    if condition is None:
        whole = read_expr(cond, CriterionType.INCLUSION)
        condition = whole if any(True for _ in iter_predicates(whole)) and not has_review(whole) else None
    if condition is None:
        return None  # patients named in words no record holds: left as read before
    if ctype is CriterionType.EXCLUSION:
        return all_of([condition, requirement])
    scoped = any_of([Not(condition), requirement])
    return all_of([read_expr(head, ctype), scoped]) if head else scoped


def _without_course_doubt(expr: Expr) -> Expr:
    """``expr`` without the doubt a course's current window leaves ("No concurrent growth factors
    (e.g., ...) in patients with AML": one 4 to 8 weeks ago may still be under way): a doubt about
    when, of a requirement read whole, which the scope concerns as it concerns the rest (left
    among the reviews that keep an exclusion's scope unread, the AML became an alternative of its
    own and excluded every AML patient)."""
    if isinstance(expr, Review) and expr.text == COURSE_OPEN:
        return NoRequirement()
    if isinstance(expr, Not):
        return Not(_without_course_doubt(expr.part))
    if isinstance(expr, (All, Any_)):
        return type(expr)(tuple(_without_course_doubt(p) for p in expr.parts))
    return expr


_UPPER = frozenset({Op.LT, Op.LTE})
_LOWER = frozenset({Op.GT, Op.GTE})


def _complement_scope(requirement: Expr, cond: str, ctype: CriterionType) -> bool:
    """Whether an inclusion's scope names the patients one of its alternatives leaves out: a
    measurement above the very bound an alternative sets below ("creatinine < 2.5 ... or ... for
    patients with creatinine above 2.5")."""
    if ctype is not CriterionType.INCLUSION or not isinstance(requirement, (Any_, All)):
        return False
    scope = read_expr(cond, CriterionType.INCLUSION)
    if not isinstance(scope, Predicate) or scope.op not in _LOWER or scope.value is None:
        return False
    alternatives = requirement.parts if isinstance(requirement, Any_) else [p for p in requirement.parts if isinstance(p, Any_) for p in p.parts]
    return any(
        isinstance(p, Predicate) and p.concept == scope.concept and p.op in _UPPER and p.value == scope.value and p.unit == scope.unit
        for p in alternatives
    )


# Scopes by the disease's status: "For patients with newly diagnosed disease: diagnosis of ... ;
# for patients with relapsed/refractory disease: prior diagnosis of ...", "Patients with previously
# untreated AML are candidates if they are unable to receive anthracyclines, and ...". Each part
# concerns only the patients its status names (a newly diagnosed one is outside the relapsed
# part); read whole, every part was asked of every patient at once, relapsed and untreated, and
# the line failed everyone. The status may be compound ("previously untreated": no anticancer
# therapy, not relapsed, not refractory); a scope with any other word is left to the readers below.
_STATUS_SCOPE = re.compile(
    r"^\W*(?:for|in)\s+(?:patients?|subjects?|participants?)\s+(?:with|who\s+(?:have|has|had|are)|having)\s+(?P<cond>[^:;,]{2,80}?)\s*:\s*(?P<req>\S.*)$", I | re.S
)
_CANDIDATES_IF = re.compile(
    r"^\W*(?:patients?|subjects?|participants?)\s+(?:with|who\s+(?:have|has|had|are))\s+(?P<cond>[^:;,]{2,80}?)\s+(?:are|is|will\s+be|may\s+be)\s+(?:also\s+)?(?:candidates?|eligible)\s+"
    r"(?:(?:for|to\s+enter|to\s+enrol+\s+(?:in|on))\s+(?:this\s+|the\s+)?(?:study|trial|protocol)\s+)?(?:if|when|provided(?:\s+that)?)\s+(?P<req>\S.*)$",
    I | re.S,
)
_SCOPE_CUT = re.compile(r"\s*;\s*(?=(?:for|in)\s+(?:patients?|subjects?|participants?)\s+(?:with|who|having)\b[^:;]{2,80}:)", I)
_STATUS_CONCEPTS = frozenset({"relapsed", "refractory", "remission"})
_SCOPE_WORDS = frozenset({"disease", "diseases", "previously", "newly", "primary", "prior"})


def _status_scope(cond: str) -> Expr | None:
    """The disease status a scope names ("newly diagnosed disease", "relapsed/refractory
    disease", "previously untreated AML"), or None when it names anything else."""
    items = [it for it in extract(cond, CriterionType.EXCLUSION) if it.expr is not None]
    if not items or NEGATOR.search(cond) or not _STATUS_CONCEPTS & {p.concept for it in items for p in iter_predicates(it.expr)}:  # type: ignore[arg-type]
        return None
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    if set(w.lower() for w in content_words(blank_remarks(masked))) - _SCOPE_WORDS:
        return None
    return all_of([it.expr for it in items])  # type: ignore[misc]


def status_scopes(text: str, ctype: CriterionType) -> Expr | None:
    """Each part of a line scoped by a disease status asks its requirement of its patients only:
    an inclusion's part holds for everyone else (``any of: not <status>, <requirement>``), an
    exclusion's excludes only them."""
    parts = _SCOPE_CUT.split(text)
    read: list[Expr] = []
    for part in parts:
        m = _STATUS_SCOPE.match(part) or (_CANDIDATES_IF.match(part) if len(parts) == 1 and ctype is CriterionType.INCLUSION else None)
        scope = _status_scope(m.group("cond")) if m is not None else None
        if m is None or scope is None:
            return None
        requirement = read_expr(m.group("req"), ctype)
        if isinstance(requirement, Review):
            requirement = Alternative(requirement.reason, requirement.text or m.group("req").strip())
        read.append(any_of([Not(scope), requirement]) if ctype is CriterionType.INCLUSION else all_of([scope, requirement]))
    return all_of(read) if ctype is CriterionType.INCLUSION else any_of(read)


# a requirement for the patients a lab value names ("Note: All patients with a creatinine > 1.2 or a
# history of renal dysfunction must have creatinine clearance (must be > 40 ml/min to be
# eligible)", "patients with a creatinine > 1.2 ... must have calculated GFR > 40"): read as a
# plain clause, the value became a requirement of its own ("creatinine > 1.2 or <unread>"), which
# a patient with creatinine 1.5 met whatever the clearance, and one with 0.9 failed
_LAB_SCOPE = re.compile(
    r"^\W*(?:note\s*:\s*)?(?:all\s+)?(?:patients?|subjects?|participants?|those)\s+with\s+(?:an?\s+)?(?P<cond>[^,:;()]{2,100}?)\s+"
    r"(?:must|should|shall|need\s+to|are\s+required\s+to)\s+(?:have|be|show)\s+(?P<req>[^\n]+)$",
    I,
)
_MUST_BE_BOUND = re.compile(r"\(\s*(?:must|should)\s+be\s+(?P<bound>[<>≤≥][^()]{1,30}?)(?:\s+to\s+be\s+eligible)?\s*\)", I)
_MEASURED_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE})


def lab_scoped_requirement(text: str, ctype: CriterionType) -> Expr | None:
    """An inclusion's requirement for the patients whose lab value the clause names: met by every
    other patient, asked of those (a condition's unread further group, "or a history of renal
    dysfunction", is a person's, beside the value)."""
    m = _LAB_SCOPE.match(text) if ctype is CriterionType.INCLUSION else None
    if m is None:
        return None
    items = [it for it in extract(m.group("cond"), ctype) if it.expr is not None]
    bounds = [it for it in items if isinstance(it.expr, Predicate) and it.expr.op in _MEASURED_OPS and CONCEPTS[it.expr.concept].kind is Kind.MEASUREMENT]
    if not bounds or len(bounds) != len(items):
        return None
    requirement = read_expr(_MUST_BE_BOUND.sub(lambda b: " " + b.group("bound"), m.group("req")), ctype)
    if isinstance(requirement, Review) or not any(True for _ in iter_predicates(requirement)):
        return None
    cond = m.group("cond")
    masked = "".join(" " if any(it.start <= i < it.end for it in bounds) else ch for i, ch in enumerate(cond))
    rest = " ".join(content_words(blank_remarks(masked)))
    parts: list[Expr] = [it.expr for it in bounds]  # type: ignore[misc]
    if rest:
        parts.append(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns patients with {' '.join(cond.split())}"))
    return any_of([Not(any_of(parts)), requirement])


_SCOPE_BRACKET = re.compile(r"\(\s*(?=(?:all\s+)?(?:patients?|subjects?|participants?)\s+with\b)", I)


def bracketed_lab_scope(text: str, ctype: CriterionType) -> tuple[Expr, tuple[int, int]] | None:
    """A bracket after the words of a line that scopes a requirement by a lab value ("(patients
    with a creatinine > 1.2 must have GFR > 40)"): its reading and its offsets, else None."""
    m = _SCOPE_BRACKET.search(text)
    if m is None or not text[: m.start()].strip(" ,;:-"):
        return None
    depth, closing = 1, -1
    for k in range(m.end(), min(len(text), m.end() + 300)):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth == 0:
            closing = k
            break
    if closing < 0:
        return None
    scoped = lab_scoped_requirement(text[m.end(): closing], ctype)
    return None if scoped is None else (scoped, (m.start(), closing))
