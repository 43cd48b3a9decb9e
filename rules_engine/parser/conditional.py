"""Requirements a line asks only of the patients it names.

"If prior transplant, at least 100 days since it", "Patients with AML or ALL must have >= 5%
blasts", "Ph+ ALL patients must have failed ...", "ALL participants: ...", "If GFR < 60 mL/min,
...": the requirement concerns the named patients; everyone else meets the inclusion (or is not
caught by the exclusion). Read as a plain clause, the condition became something every patient
must have. The condition and its requirement are each read as a line (``line_reader``), so this
module sits below the line assembly (``line``) and reaches it through the reader it installs.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.readings import has_review
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window, iter_predicates
from rules_engine.parser.clauses import LEAD_IN
from rules_engine.parser.exclusion_requirements import states_requirement, unmet
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, Item, all_of, any_of, content_words, predicate
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.permitted_subject import permitted_subject
from rules_engine.parser.taking_must import drug_condition
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.named_conditions_scope import named_drug_items
from rules_engine.parser.unread_measure_scope import unread_measure_scope
from rules_engine.parser.topics.bare_leukemia import OPEN_KIND_REVIEWS

# the readers below tell the patterns apart by a match's ``re``: plain patterns (literal_gates)
PLAIN_PATTERNS = True


_CONDITION = re.compile(
    # (after a note's label, "NOTE: **For patients with ...": the label is no condition)
    r"^\W*(?:note\W{1,6})?(?:if|when|for|in)\s+(?:(?:patients?|subjects?|participants?|those)\s+)?(?:who\s+)?(?:(?:have|has|had)\s+)?(?:previously\s+)?"
    r"(?:received|undergone|underwent|had|with|a\s+history\s+of)?\s*(?P<cond>[^,:;]{3,80}?)"
    # the condition closed by a comma, or by the subject restated ("For patients with refractory
    # disease they must be at least 4 weeks out from ...")
    r"(?:\s*[,:]|(?=\s+(?:they|he\s+or\s+she|these\s+patients)\s+(?:must|should|shall|need\s+to|are\s+required\s+to)\b))\s*(?P<req>[^\n]+)$",
    I,
)


NEGATOR = re.compile(r"\b(?:no|not|non|without|never|none)\b", I)
_SINCE = re.compile(r"(?:≥|>|at\s+least)\s*(?P<n>\d+)\s*(?P<unit>days?|weeks?|months?|years?)\s+(?:since|from|after|post|following)\b", I)


# "Patients with AML or ALL must have >= 5% blasts": what the patients named must meet
# ... or what is to be done for them ("Patients with active HBV viral replication should receive
# antiviral therapy", "Patients with neurological symptoms must undergo a head CT", "Patients with
# prostate cancer must continue androgen deprivation"): read as a plain clause, the condition was
# asked of every patient (a patient without hepatitis B failed the line); the plan stays a review
# for the patients named
# ... the patients named by a list ("Patients with mantle cell lymphoma, CLL, or SLL must be on
# non-CYP3A4 modulating antiretroviral agents"), and what they must not do ("Patients with a known
# history of HIV must not be on active treatment for HIV", "Participants with solid tumors must not
# have received myelosuppressive chemotherapy within 3 weeks"): read as plain clauses, the first
# line asked every patient for a mantle cell lymphoma and the others for HIV or a solid tumour
_SUBJECT_MUST = re.compile(
    r"^\W*(?:(?:patients?|subjects?|participants?|those)\s+with\s+)(?P<cond>(?:[^,:;.]|(?<=\d)\.(?=\d)){2,80}?(?:,[^,:;.]{2,60}?){0,4})\s+"
    r"(?:must|should|shall|will\s+need\s+to|need\s+to|are\s+required\s+to)\s+(?P<req>(?:not\s+)?(?:have|be(?!\s+(?:excluded|included|enrolled|eligible|ineligible|allowed|permitted|considered)\b)|show|demonstrate|meet|present\s+with|receive|undergo|continue)\b[^\n]+)$",
    I,
)


# ... or named after what they have ("Philadelphia chromosome-positive ALL patients must have failed
# or be intolerant to at least 2 tyrosine kinase inhibitors"): read as a plain clause, the condition
# was asked of every patient (a Ph-negative ALL failed the line)
_COND_WORD = r"(?!(?:since|after|before|the|an?|and|(?-i:all|All)|any|each|every|these|those|such|other|elapsed|have|has|had|must|least|eligible|candidates?|suitable|fit|unfit|who|with)\b)[A-Za-z][\w+/-]*"
_NAMED_SUBJECT_MUST = re.compile(
    rf"^\W*(?P<cond>(?:{_COND_WORD}\s+){{0,5}}{_COND_WORD})\s+(?:patients|subjects|participants)\s+"
    r"(?:must|should|shall|will\s+need\s+to|need\s+to|are\s+required\s+to)\s+(?P<req>(?:have|be(?!\s+(?:excluded|included|enrolled|eligible|ineligible|allowed|permitted|considered)\b)|show|demonstrate|meet|present\s+with|receive|undergo|continue)\b[^\n]+)$",
    I,
)
# ... or by what they must stay off, in a "who" clause of an inclusion ("Patients with prior
# allogeneic transplants who remain clinically stable off immunosuppressive therapy for >= 2 weeks",
# "... who are off steroids for >= 4 weeks"): the washout is asked of the patients named. Read as a
# plain clause the condition took the washout's span ("no allo-HSCT within 2 weeks": a patient on
# tacrolimus a year after the transplant met it). Only the washout's "off" (a "who" clause of
# anything else may narrow whom the line names); never in an exclusion, where "who are on ..." is
# what excludes.
_SUBJECT_WHO_OFF = re.compile(
    r"^\W*(?:(?:patients?|subjects?|participants?|those)\s+with\s+)(?P<cond>[^,:;.]{2,80}?)\s+(?:who\s+(?:must\s+)?|must\s+)"
    r"(?:(?:remain|stay)\s+)?(?P<req>(?:(?:are|is|be|have\s+been|has\s+been)\s+)?(?:(?:clinically\s+)?stable\s+(?:and\s+)?)?off\b[^\n]+)$",
    I,
)
_SUBJECTS_MUST = (_SUBJECT_MUST, _NAMED_SUBJECT_MUST, _SUBJECT_WHO_OFF)


# a label naming the patients the rest of the line is for ("ALL participants: have isolated
# extramedullary disease", "Lymphoma patients: known CNS involvement", "For relapsed/refractory
# subjects only: ..."): a condition, never a diagnosis asked of everyone
_SCOPE_LABEL = re.compile(
    r"^\W*(?:for\s+)?(?P<cond>[^:;,.()]{2,60}?)\s+(?:participants?|patients?|subjects?|pts)(?:\s+only)?\s*:\s*(?P<req>\S[^\n]*)$",
    I,
)


# a disease status in the condition of a conditional line ("If untreated AML", "For relapsed or
# refractory patients", "If newly diagnosed"): read with the names it qualifies
_CONDITION_STATUS = re.compile(
    r"\b(?:(?:previously\s+)?untreated|treatment[\s-]na[iï]ve|newly\s+diagnosed|de\s+novo|relapsed|refractory|recurrent"
    r"|in\s+(?:first\s+|second\s+|complete\s+)?remission)\b",
    I,
)


def _unread_words(expr: Expr) -> bool:
    """A review in ``expr`` for words left unread: the open kinds of a bare "leukemia" (an MDS/MPN
    overlap, a blood cancer of no named kind: ``topics.bare_leukemia``) are the record's question,
    not the words', so "refractory or relapsed leukemia" still reads whole with its status (read
    apart, "relapsed" became an alternative of the leukaemia and every leukaemia was asked)."""
    if isinstance(expr, Review):
        return expr.text not in OPEN_KIND_REVIEWS
    if isinstance(expr, Not):
        return _unread_words(expr.part)
    if isinstance(expr, All | Any_):
        return any(_unread_words(p) for p in expr.parts)
    return False


def _conditional(text: str, ctype: CriterionType) -> Expr | None:
    """"If prior transplant, at least 100 days since it": the requirement concerns only the
    patients the condition names; for everyone else the line holds (inclusion) or does not
    apply (exclusion). Read only when the condition is a history the record can show."""
    permitted = permitted_subject(text, ctype) or drug_condition(text, ctype)
    if permitted is not None:
        return permitted
    # (a line in capitals writes "ALL PATIENTS" for every patient)
    named = _NAMED_SUBJECT_MUST.match(text) if not text.isupper() else None
    who_off = _SUBJECT_WHO_OFF.match(text) if ctype is CriterionType.INCLUSION else None
    m = _CONDITION.match(text) or _SUBJECT_MUST.match(text) or named or who_off or _SCOPE_LABEL.match(text)
    if m is None:
        return None
    apart = _next_subject(m, ctype)
    if apart is not None:
        return apart
    if m.re in _SUBJECTS_MUST and re.search(r"\band$", m.group("cond").rstrip(), I):
        # "Patients with histologic proof of adenocarcinoma of the prostate and must have
        # progressed ...": the subject running on, both asked (read as a condition, a patient
        # without the cancer met the line once its proof words were read as no condition)
        return None
    # the names are read alone and in the whole line, where an abbreviation has its context
    # ("AML or ALL"): the reading that finds more of them is kept, its offsets in the line
    a, b = m.span("cond")
    alone = [Item(it.start + a, it.end + a, it.expr, it.concepts) for it in extract(m.group("cond"), ctype)]
    whole = [it for it in extract(text, ctype) if a <= it.start and it.end <= b]
    if m.re in _SUBJECTS_MUST and ctype is CriterionType.INCLUSION and not alone:
        # "Patients with brain metastases must ...": "with" states the condition is present, as
        # an exclusion states what it names (an inclusion reads an unqualified event as named only)
        alone = [Item(it.start + a, it.end + a, it.expr, it.concepts) for it in extract(m.group("cond"), CriterionType.EXCLUSION)]
    items = [it for it in max(alone, whole, key=len) if _present(it.expr)]
    # (a named drug or a drug allergy, "If previously treated with lenalidomide, ...": the drug's value is the condition)
    items = items or named_drug_items(max(alone, whole, key=len), text, b)
    # (a positive marker naming the disease's kind, "Ph+ ALL", narrows it: both, not either)
    markers = [it for it in max(alone, whole, key=len) if isinstance(it.expr, Predicate) and it.expr.op is Op.IS and it.expr.value == "positive"]
    negated = NEGATOR.search(text, 0, m.end("cond"))
    if negated and not (items and ctype is CriterionType.INCLUSION and negated.start() >= max(it.end for it in items)):
        # "For patients without metastasis": the condition is an absence, not read here; an
        # absence after the names ("For patients with lymphoplasmacytic lymphoma without
        # measurable lymphadenopathy, ...") only narrows whom they are: an inclusion's line is
        # then asked of the patients named, its words a person's (``_unread_condition``)
        return None
    if not items:
        return _measured_scope(m, ctype) or _if_unread(m, ctype, whole) or (
            unread_measure_scope(m.group("cond"), m.group("req"), ctype, _COMPARES) if m.re is _SUBJECT_MUST else None)
    unread = bool(content_words(blank_remarks(m.group("cond")))) and len(content_words(m.group("cond"))) > 4
    if m.re in _SUBJECTS_MUST and not unread:  # the patients it names must be named whole ("untreated brain metastases" is not a history)
        # (a status the names carry, "refractory or relapsed leukemia", is read with them below
        # when the names and the status read whole: "untreated brain metastases" does not)
        statuses = [(s.start() + a, s.end() + a) for s in _CONDITION_STATUS.finditer(m.group("cond"))]
        if statuses and _unread_words(read_expr(m.group("cond"), CriterionType.INCLUSION)):
            statuses = []
        masked = "".join(
            " " if any(it.start <= i < it.end for it in items + markers) or any(x <= i < y for x, y in statuses) else ch
            for i, ch in enumerate(text[a:b], start=a)
        )
        unread = bool(content_words(blank_remarks(masked)))
    if negated and not unread:
        # "For patients with X without Y, <requirement>": a patient without X is none of them and
        # meets the inclusion; one with X meets it by the requirement, and otherwise may yet have
        # Y (the line then is not theirs), which is a person's to weigh
        return any_of([Not(any_of([it.expr for it in items])), read_expr(m.group("req"), ctype), _concerns_only(m)])  # type: ignore[misc]
    if unread or negated:
        return _unread_condition(m, ctype, [it.expr for it in items])
    condition = any_of([it.expr for it in items])  # type: ignore[misc]
    if _CONDITION_STATUS.search(m.group("cond")):
        # "If untreated AML, ...", "If relapsed AML, ...": the status is part of whom the line is
        # for. Read as its names alone, "untreated" was dropped (a relapsed AML had to be over 60)
        # and "relapsed" became an alternative of "AML" (an untreated AML was asked too)
        status_read = read_expr(m.group("cond"), CriterionType.INCLUSION)
        if not _unread_words(status_read) and any(True for _ in iter_predicates(status_read)):
            condition = status_read
    if markers:
        condition = all_of([any_of([it.expr for it in markers]), condition])  # type: ignore[misc]
    others = _unread_alternatives(m, items + markers)
    if others is not None:
        condition = any_of([condition, others])
    requirement = read_expr(m.group("req"), ctype)
    since = _SINCE.search(m.group("req"))
    if isinstance(requirement, Review) and since and len(items) == 1 and m.re is not _SCOPE_LABEL:  # "at least 100 days since transplant"
        # ("at least" and "≥" meet the bound itself, "more than" does not: Window.exclusive)
        window = Window(float(since.group("n")), since.group("unit").lower().rstrip("s") + "s", exclusive=not since.group(0).startswith(">"))
        requirement = predicate(items[0].expr.concept, Op.NOT_WITHIN, None, None, False, window)  # type: ignore[union-attr]
    if isinstance(requirement, Review):
        requirement = Alternative(requirement.reason, requirement.text or m.group("req"))
    if ctype is CriterionType.INCLUSION:
        return any_of([Not(condition), requirement])
    if _states_requirement(m, m.group("req")):
        return all_of([condition, unmet(requirement)])  # (exclusion_requirements)
    return all_of([condition, requirement])


def _states_requirement(m: re.Match[str], asked: str) -> bool:
    """Whether the words after the condition state what its patients must meet. The subject
    patterns take the modal themselves ("Patients with HIV must have a CD4 count > 350": the words
    after it, "have a CD4 count > 350", hold none): asked without it, an exclusion's requirement
    was read as what excludes (a patient with HIV and CD4 400 was excluded, one with CD4 100 let
    in), so it is asked with the modal put back ("must not" stays a prohibition, "must be
    excluded" the verdict: ``states_requirement``)."""
    return states_requirement(f"must {asked}" if m.re is _SUBJECT_MUST or m.re is _NAMED_SUBJECT_MUST else asked)


# a later sentence with a subject of its own ("Patients with advanced phase CML or acute leukemia
# must have failed at least one prior TKI. Patients with chronic phase CML must have failed ... two
# tyrosine kinase inhibitors", "Patients with AML should have failed ... 2. Patients with high-risk
# MDS should have failed ..."): the requirement ends where the next subject begins
_NEXT_SUBJECT = re.compile(r"(?<=[.;])\s+(?:\d{1,2}[.)]\s+)?(?=(?:patients?|subjects?|participants?|those)\s+with\s)", I)


def _next_subject(m: re.Match[str], ctype: CriterionType) -> Expr | None:
    """An inclusion whose later sentence names patients of its own: each sentence is read as a
    line and both are asked. Read as one requirement, the later sentence was asked only of the
    first sentence's patients ("Patients with AML must have ECOG 0-1. Patients with MDS must have
    ECOG 0-2": an MDS patient with ECOG 3 met the line, none of its AML patients)."""
    if ctype is not CriterionType.INCLUSION or m.re is _SCOPE_LABEL:
        return None
    a = m.start("req")
    cut = next((c for c in _NEXT_SUBJECT.finditer(m.string, a) if _SUBJECT_MUST.match(m.string[c.end():])), None)
    if cut is None:
        return None
    first, rest = m.string[: cut.start()], m.string[cut.end():]
    head = _conditional(first, ctype)
    # (a first sentence this module does not read as scoped keeps the whole line to its other
    # readers: "Patients with HCL must be intolerant of ..., AND meet ...", whose subject's names
    # are left in its words, would become a requirement of every patient)
    return None if head is None else all_of([head, read_expr(rest, ctype)])


# names the condition lists beside the ones read ("For gastric/GEJ and NSCLC participants, ...",
# "If AML or blastic plasmacytoid neoplasm, ..."): a word of the list no reading holds
_LIST_JOIN = r"(?:\s*/\s*|\s*,\s*|\s+(?:and|or|and/or)\s+)"
_UNREAD_BESIDE = re.compile(rf"[A-Za-z][\w+-]*{_LIST_JOIN}\x00|\x00{_LIST_JOIN}[A-Za-z][\w+-]*", I)


def _unread_alternatives(m: re.Match[str], items: list[Item]) -> Alternative | None:
    """The patients a "For/If X and Y ..." condition names beside those read, said in words no
    record holds: whether they are among them is a person's, never a "no". Read as the names read
    alone, the condition narrowed to them: "For gastric/GEJ and NSCLC participants, has chronic
    hepatitis B or hepatitis C infection" excluded an NSCLC with hepatitis B and never a gastric
    cancer with it (an inclusion so written cleared every patient outside the names read)."""
    if m.re is not _CONDITION and m.re is not _SCOPE_LABEL or not items:
        return None
    a, b = m.span("cond")
    masked = "".join("\x00" if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(m.string[a:b], start=a))
    masked = re.sub("\x00+", "\x00", blank_remarks(masked))
    for near in _UNREAD_BESIDE.finditer(masked):
        if content_words(near.group(0).replace("\x00", " ")):
            cond = " ".join(m.group("cond").split())
            return Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"whom the line concerns: {cond}")
    return None


def _concerns_only(m: re.Match[str]) -> Alternative:
    """Whom the line is for, said in words no record holds: a person's to weigh."""
    cond = " ".join(m.group("cond").split())
    return Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns only patients with {cond}")


def _present(expr: Expr) -> bool:
    """A condition the record can show: a present predicate, or alternatives of them (a name the
    catalogue reads as two kinds, "lymphoplasmacytic lymphoma" as it or Waldenström's)."""
    if isinstance(expr, Any_):
        return all(_present(part) for part in expr.parts)
    if isinstance(expr, All):
        return _kind_narrowed(expr) or _kind_open(expr)
    return isinstance(expr, Predicate) and expr.op is Op.PRESENT


def _kind_open(expr: All) -> bool:
    """A disease the record can show whose kind by the line's scheme a person reads ("Patients with
    CMML, refractory anemia (RA), or RARS according to FAB ...": a record coded RCMD may be a FAB
    RA, topics.mds_coded_kinds): present diseases and a ``Qualifier``, nothing else. Left out of
    the names read, the whole condition was a person's, and a patient with none of the diseases
    (a RAEB-1) was asked the requirement meant for the others."""
    diseases = [p for p in expr.parts if not isinstance(p, Qualifier)]
    return bool(diseases) and len(diseases) < len(expr.parts) and all(isinstance(p, (Predicate, Any_)) and _present(p) for p in diseases)


def _kind_narrowed(expr: All) -> bool:
    """A disease the record can show with the kind or phase its name carries ("Patients with
    advanced phase CML or acute leukemia must have failed ...": CML and, of its phases, accelerated
    or blast): its presence and a positive marker or phase, or alternatives of them. Left out of
    the names read, "advanced phase CML" stayed words no record holds and the whole condition a
    person's (a chronic-phase patient, whom a later sentence asks more of, was never cleared by
    this one, and an accelerated-phase patient never failed it)."""
    present = [p for p in expr.parts if isinstance(p, Predicate) and p.op is Op.PRESENT]
    kinds = [p for p in expr.parts if p not in present]
    return bool(present) and bool(kinds) and all(_marker(k) for k in kinds)


def _marker(expr: Expr) -> bool:
    if isinstance(expr, Any_):
        return all(_marker(part) for part in expr.parts)
    return isinstance(expr, Predicate) and expr.op is Op.IS and expr.value == "positive"


def scoped_sentence(clause_text: str, ctype: CriterionType) -> Expr | None:
    """A later sentence of an inclusion written for some of its patients ("Histologically
    confirmed lymphoma. Patients with solid tumors must have at least 1 lesion measurable by CT",
    "... No prior intensive chemotherapy. Patients with blasts < 5% must have an indication for
    therapy"; 71 corpus lines put "patients with X must ..." after a sentence of their own): read
    as the line's first sentence is (``_conditional``), so it asks nothing of a patient without X.
    Read as a plain clause, X became something every patient must have (a lymphoma failed the
    solid tumours' sentence)."""
    if ctype is CriterionType.EXCLUSION:
        # "Investigational agent received within 30 days ... . If received any investigational
        # agent prior to this time point, drug-related toxicities must have recovered to Grade 1
        # or less": the later sentence's requirement, unmet, is what excludes the patients it
        # names (exclusion_requirements); read as a clause, its condition and requirement were
        # two more alternatives (every patient with an earlier agent was excluded)
        # ... and "Subjects with a history of hypertension must have been on stable doses ... for
        # >= 4 weeks" after "Active HTN (diastolic blood pressure > 100 mmHg)": read as a clause,
        # "no hypertension within 4 weeks" was one more alternative, met by every patient without
        # hypertension (all of them excluded)
        m = _CONDITION.match(clause_text)
        if m is not None and _IF.match(clause_text) and states_requirement(m.group("req")):
            return _conditional(clause_text, ctype)
        m = _SUBJECT_MUST.match(clause_text)
        if m is not None and _states_requirement(m, m.group("req")):
            return _conditional(clause_text, ctype)
        return None
    if ctype is not CriterionType.INCLUSION or not _SUBJECT_MUST.match(clause_text):
        return None
    return _conditional(clause_text, ctype)


# a condition that is a measurement past a bound ("If GFR < 60 mL/min, isotope EDTA confirmation of
# adequate renal function is required", "If the serum creatinine is >= 1.5 x ULN, then a 24-hour
# creatinine clearance must be ... >= 50 mL/min", "Patients with a UPC ratio > 1.0 must have a
# 24-hour urine protein < 1,000 mg"): read as a plain clause, the bound became something every
# patient must meet (a normal creatinine failed the line, and "glucose > 160 and glucose <= 160"
# failed everyone). Only the comparison words open it, so a line that compares nothing is untouched
_COMPARES = re.compile(r"[<>≤≥]|\b(?:less|greater|more|higher|lower)\s+than\b|\b(?:above|below|exceed(?:s|ing)?)\b", I)
_MEASURE_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN})
_THEN = re.compile(r"^\W*then\b\s*", I)


def _measured_scope(m: re.Match[str], ctype: CriterionType) -> Expr | None:
    """"If <measurement past a bound>, <requirement>": the requirement concerns only the patients
    whose value is past the bound; for everyone else the inclusion holds and the exclusion does not
    apply. Read only where the condition is nothing but measurements, each read whole."""
    if m.re is not _CONDITION and m.re is not _SUBJECT_MUST or not _COMPARES.search(m.group("cond")) or LEAD_IN.search(m.group("req")):
        return None  # (a lead-in's list is the requirement: "... must meet >= 1 of the following criteria:", left to the heading)
    cond = m.group("cond")
    items = extract(cond, CriterionType.INCLUSION)
    # (a bound's own alternative, "UPC ratio > 1.0 ... unless a 24-hour urine collection ...",
    # speaks of the bound as a requirement; as a condition the value alone says whom it concerns)
    found = [p for it in items for p in ([it.expr] if isinstance(it.expr, Predicate) else it.expr.parts if isinstance(it.expr, Any_) else [None]) if not isinstance(p, Alternative)]
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    if not found or content_words(blank_remarks(masked)) or not all(_measured(p) for p in found):
        return None
    condition = any_of(found)  # type: ignore[arg-type]
    asked = _THEN.sub("", m.group("req"))
    requirement = read_expr(asked, ctype)
    if isinstance(requirement, Review):
        if ctype is CriterionType.EXCLUSION:
            return None  # "If the LVEF < 40, patients will be excluded": the condition is what excludes
        requirement = Alternative(requirement.reason, requirement.text or asked)
    if ctype is CriterionType.INCLUSION:
        return any_of([Not(condition), requirement])
    if _states_requirement(m, asked):
        return all_of([condition, unmet(requirement)])  # (exclusion_requirements)
    return all_of([condition, requirement])


# "If liver cirrhosis is present, patient must have a Child-Pugh A classification", "If the patient
# has co-morbid medical illness, life expectancy attributed to this must be greater than 6 months":
# an "if" that names nothing a record holds
_IF = re.compile(r"^\W*if\b", I)
_ANY_PATIENT = re.compile(r"(?:(?:a|an|the)\s+)?(?:subject|patient|participant|case)s?", I)
# ... but never one about the patient's sex or childbearing (the sex scope reads those)
_SEXED = re.compile(r"\b(?:fe)?males?\b|\bwom[ae]n\b|\bmen\b|child-?\s?bearing|reproductive|partners?\b|pregnan|lactat|nursing|donors?\b", I)


def _if_unread(m: re.Match[str], ctype: CriterionType, named: list[Item]) -> Expr | None:
    """"If <words no record holds>, <requirement>": whether the requirement concerns the patient
    is a person's; where it is met the inclusion holds either way. Read as a plain clause, the
    requirement was asked of every patient (a patient without cirrhosis and no Child-Pugh score
    was unknown, one with a class B score from another cause failed). A requirement nothing reads
    stays as it was, and so does an "if" that names only the patient ("If a subject, ...", in a
    study whose controls are siblings: every record matched is a subject)."""
    if ctype is not CriterionType.INCLUSION or m.re is not _CONDITION or not _IF.match(m.string) or named or _SEXED.search(m.group("cond")):
        return None
    if _ANY_PATIENT.fullmatch(m.group("cond").strip()):
        return None  # "If a subject, <requirement>" (a study with sibling controls): every record matched is one
    requirement = read_expr(m.group("req"), ctype)
    if isinstance(requirement, Review):
        return None
    cond = " ".join(m.group("cond").split())
    return any_of([Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns only patients if {cond}"), requirement])


def _measured(expr: Expr | None) -> bool:
    return isinstance(expr, Predicate) and expr.op in _MEASURE_OPS and CONCEPTS[expr.concept].kind is Kind.MEASUREMENT


# the words that make a bare "< N years" the patient's age rather than how long something lasted
_AGE_WORD = re.compile(r"\b(?:ages?|aged|old|older|younger|birthdays?|infants?|child(?:ren)?|adults?|adolescents?)\b", re.I)


# the patients named by alternatives ("with HBV or HCV", "with MCL and patients with CLL"), or a
# subject running on into the requirement ("Patients with histologic proof of adenocarcinoma of the
# prostate and must have progressed"): no one name is something they all have
_PLAN = re.compile(r"(?:receive|undergo|continue)\b", I)
_ALTERNATIVES_NAMED = re.compile(r"\bor\b|\band\b|[/,&]|\bexcept\b|\bunless\b|\bwithout\b|\bother\s+than\b", I)


def _unread_condition(m: re.Match[str], ctype: CriterionType, named: list[Expr]) -> Expr | None:
    """"For patients with ALL and AML who relapse while they are receiving cytotoxic therapy, at
    least 14 days must have elapsed ...": the patients it concerns are named in words no record
    holds, so whether the requirement applies is a person's; where it is met the inclusion holds
    either way. Read as a plain clause, the condition became something every patient must have
    ("ALL and AML and relapsed") and the line failed everyone. An exclusion keeps the old reading."""
    if ctype is not CriterionType.INCLUSION or m.re is _SCOPE_LABEL:
        return None
    requirement = read_expr(m.group("req"), ctype)
    if isinstance(requirement, Review):
        if m.re is _SUBJECT_MUST and _PLAN.match(m.group("req")) and not _ALTERNATIVES_NAMED.search(m.group("cond")):
            # "Patients with active HBV viral replication should receive antiviral therapy": the
            # patients a "patients with X ..." names all have X, whatever the words around it say,
            # so a patient without X is none of them; for the others what is to be done for them is
            # a person's. Read as a plain clause, X became something every patient must have (a
            # patient without hepatitis B failed the line). A state asked of them ("Patients with
            # untreated brain metastases must have stable disease") is left as it was
            return any_of([Not(any_of(named)), Alternative(requirement.reason, requirement.text or m.group("req"))])  # type: ignore[arg-type]
        # neither whom it concerns nor what it asks is read whole ("Patients with mantle cell
        # lymphoma, CLL, or SLL must be on non-CYP3A4 modulating antiretroviral agents"): both a
        # person's. Read as a plain clause, the names read became something every patient must
        # have (a clean HIV lymphoma record failed the line: holdout NCT02109224); a patient
        # outside them may yet be among the patients meant ("SLL" unread, "suspected"), so the
        # line is not met by them either. The names read stay beside the requirement, so the
        # trial's own disease is still learnt from them ("another malignancy" is told it)
        cond = " ".join(m.group("cond").split())
        if re.search(r"\band$", cond, I):
            return None  # "Patients with histologic proof of adenocarcinoma of the prostate and must have ...": the subject asked, running on
        return any_of([all_of([any_of(named), Qualifier(requirement.reason, requirement.text or m.group("req"))]),  # type: ignore[arg-type]
                       _concerns_only(m)])
    if any(p.concept == "age" for p in iter_predicates(requirement)) and not _AGE_WORD.search(m.group("req")):
        # "... who have received previous therapy 1st remission must have been < 1 year": cut from
        # its subject, a duration read as the patient's age (an infant met the alternative)
        return None
    cond = " ".join(m.group("cond").split())
    return any_of([Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns only patients {cond}"), requirement])
