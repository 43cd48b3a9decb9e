"""Clauses that widen what the line before them asks.

"... may be enrolled", "is acceptable if ...", "(Gilbert's syndrome is allowed)", "prior therapy
permitted", "<= 5 x ULN is acceptable with liver metastases": a clause that lets more patients in.
Attached to a decided expression it may only turn a decision into ``unknown`` for the patients it
names (an inclusion widened, an exclusion narrowed). The exceptions (``exceptions``) and the
residue policy (``residue``) both ask whether words widen and what they concern, so the answer and
its helpers sit here, below both.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind, is_cancer_diagnosis
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.event_exceptions import except_from
from rules_engine.parser.combining import combine
from rules_engine.parser.defined_names import mask_defined_names
from rules_engine.parser.extraction import extract
from rules_engine.parser.graded_exceptions import excepted_graded_event
from rules_engine.parser.items import I, Item, NAMED_CAUSES, OPS, all_of, any_of, content_words, number, predicate, predicates
from rules_engine.parser.remarks import blank_either_way, blank_remarks
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.review_reasons import review_reason
from rules_engine.parser.plural_widening import every_upper_limit
from rules_engine.parser.topics.lab_scopes import LIVER_SCOPE


WIDENING_CLAUSE = re.compile(
    r"\b(?:(?:can|could|may|will|would)\s+(?:also\s+|only\s+|still\s+)?be\s+(?:enrolled|included|eligible|allowed|permitted|considered|registered|entered)|"
    # ("(Gilbert and other syndromes ... should be allowed)"; never "should be considered", advice)
    r"(?:should|shall)\s+(?:also\s+|still\s+)?be\s+(?:enrolled|included|eligible|allowed|permitted)|"
    r"(?:is|are)\s+(?:also\s+)?(?:acceptable|allowed|permitted|eligible)|(?:is|are)\s+not\s+(?:excluded|required)|"
    # ("Patients with poor-risk myelodysplasia (MDS) ... are also candidates for this protocol":
    # the also-eligible said with the investigators' word; joined as a requirement, every
    # relapsed leukaemia without MDS failed)
    r"(?:is|are)\s+also\s+(?:an?\s+)?candidates?|"
    r"will\s+be\s+allowed|permitted\s+if|allowed\s+if|acceptable\s+if)\b"
    # ("the hematologic requirements are waived for patients with inadequate counts due to ...":
    # the requirement lifted for the patients named, a permission in the protocol's word)
    r"|\b(?:is|are|will\s+be|may\s+be|can\s+be)\s+waived\s+(?:for|in)\b"
    # ("Patients who are receiving nilotinib prior to enrollment do not have to discontinue this
    # agent": the washout lifted for the drug named; read as a requirement, the line asked every
    # patient for nilotinib)
    r"|\b(?:do(?:es)?\s+not\s+(?:have|need)\s+to|need\s+not|(?:is|are)\s+not\s+required\s+to)\s+(?:discontinue|stop|be\s+(?:discontinued|stopped))\b"
    r"|\balso\s+eligible\s+(?:are|is)\b"  # "...; also eligible are patients unwilling to receive ..."
    # "Patients on a stable regimen of anticoagulant therapy ... may have PT/INR measurements > 1.5
    # x ULN if ...": a value past the line's limit permitted to a group (read as a requirement of
    # its own, beside the limit, no patient could meet both)
    r"|\b(?:may|can)\s+have\s+(?!(?:been|received|had|undergone|taken|prior|previously|up)\b)(?:an?\s+|the(?:ir)?\s+)?(?:[\w/-]+\s+){0,3}?[\w/-]+\s*(?:[<>≤≥]|\b(?:greater|higher|more|less|lower)\s+than\b|\b(?:above|below|exceeding|up\s+to)\b)",
    I,
)


# what an exception's words are about when it names no structured concept ("unless due to
# Gilbert's syndrome" concerns bilirubin): the exception widens only those items
EXCEPTION_SUBJECTS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"gilbert|meulengracht|hemoly\w*|hyperbilirubin\w*|(?:unconjugated|indirect)\s+(?:hyper)?bilirubin", I), frozenset({"bilirubin"})),
    (re.compile(r"\b(?:liver|hepatic)\s+(?:metasta\w*|involvement|infiltration|lesions?|tumou?r)|(?:metasta\w*|involvement|infiltration)\s+(?:of|in|to)\s+(?:the\s+)?liver|hepatocellular", I), frozenset({"alt", "ast", "bilirubin", "alp"})),
    (re.compile(r"\bbone\s+metasta\w*", I), frozenset({"alp"})),
    (re.compile(r"(?:bone\s+)?marrow\s+(?:involvement|infiltration)|(?:infiltration|involvement)\s+of\s+(?:the\s+)?(?:bone\s+)?marrow|due\s+to\s+(?:the\s+)?(?:underlying\s+)?(?:disease|leukemia|lymphoma|malignancy|MDS)|disease[\s-]related|cytopeni\w*", I), frozenset({"anc", "platelets", "hemoglobin", "wbc"})),
    (re.compile(r"renal\s+(?:involvement|infiltration)|(?:leukemic|disease)\s+(?:involvement|infiltration)\s+of\s+(?:the\s+)?kidneys?", I), frozenset({"creatinine", "creatinine_clearance", "egfr", "gfr"})),
)


_BARE_BOUND = re.compile(r"[<>≤≥]\s*\d")


def bare_bounds(text: str) -> list[str]:
    """A bound no topic read ("<= 5 x ULN is acceptable if ...") is still a condition: stop words
    and numbers are invisible to ``content_words``, so it is counted here."""
    return [m.group(0) for m in _BARE_BOUND.finditer(text)]


# a blood cancer's own reach into the liver ("if leukemia infiltration of the liver is suspected
# ...", "lymphoma involvement of the liver"): a hospital seldom codes it as a secondary neoplasm
# of the liver, so a patient with a blood cancer on record may be the one the words name, which a
# person tells (as lab_scopes reads the same words in a bound's scope); read as the coded
# metastasis alone, a leukaemia whose infiltration the investigator suspects failed the line
_BLOOD_REACH = re.compile(r"\b(?:leuka?emi[ac]\w*|lymphoma\w*|myeloma|AML|ALL|CLL|NHL)\b", I)


def _cause_expr(concept: str, words: str) -> Expr:
    if concept == "liver_metastases" and _BLOOD_REACH.search(words):
        return any_of([predicate(concept, Op.PRESENT), all_of([predicate("blood_cancer", Op.PRESENT), Review(ReviewReason.JUDGEMENT, LIVER_SCOPE)])])
    return predicate(concept, Op.PRESENT)


def with_named_causes(items: list[Item], text: str) -> list[Item]:
    out = list(items)
    for pattern, concept in NAMED_CAUSES:
        for m in pattern.finditer(text):
            if all(m.end() <= it.start or m.start() >= it.end for it in out):
                out.append(Item(m.start(), m.end(), _cause_expr(concept, m.group(0)), frozenset({concept})))
    return sorted(out, key=lambda it: it.start)


def family(concepts) -> set[str]:
    return {_FAMILY.get(c, c) for c in concepts}


def cause_values(text: str) -> frozenset[str]:
    """The values the causes an exception names raise ("Gilbert's syndrome": the bilirubin)."""
    return frozenset(c for pattern, subject in EXCEPTION_SUBJECTS if pattern.search(text) for c in subject)


def exception_subject(text: str, expr: Expr, raised: frozenset[str] | None = None) -> set[str]:
    """What an exception concerns: its own concepts and the values its causes raise (``raised``,
    when the caller has them already)."""
    return {p.concept for p in predicates(expr)} | (cause_values(text) if raised is None else raised)


_WIDENING_WORDS = frozenset({"enrolled", "included", "acceptable", "allowed", "permitted", "eligible", "considered", "also", "serologically", "pcr", "tests", "latent"})


def is_remark(clause_text: str) -> bool:
    """A clause that only annotates ("platelet transfusion is permitted"): nothing to add. What a
    permission allows either way asks nothing ("(patients with or without measurable disease by
    imaging are eligible)": read, the measurable disease became an alternative to the line's
    colorectal cancer, and any patient with measurable disease of another cancer was let past it)."""
    clause_text = blank_either_way(clause_text)
    if extract(clause_text, CriterionType.INCLUSION):
        return False
    words = [w for w in content_words(blank_remarks(clause_text)) if w.lower() not in _WIDENING_WORDS and not WIDENING_CLAUSE.search(w)]
    return not words


# a permission of a prior therapy ("Prior hydroxyurea or lenalidomide treatment for myelodysplastic
# syndrome (MDS) is allowed", "Prior treatment with hydroxyurea is permitted"): it widens the line's
# "previously untreated" (no anticancer therapy), never the disease it names for the therapy
_PRIOR_THERAPY_PERMITTED = re.compile(r"^\W*(?:prior|previous)\s+(?:[\w/-]+\s+){0,6}?(?:treatment|therapy|use)\b", I)


def _untreated(part: Expr) -> bool:
    """``part`` asks for no anticancer therapy (of some kind): "not chemotherapy" (perhaps already
    widened by an exception: "not chemotherapy or ...")."""
    if isinstance(part, Any_):
        return _untreated(part.parts[0])
    if isinstance(part, All):
        return any(_untreated(p) for p in part.parts)
    if not isinstance(part, Not) or not isinstance(part.part, Predicate) or part.part.op is not Op.PRESENT:
        return False
    concept: str | None = part.part.concept
    for _ in range(6):  # the concept tree is shallow
        if concept is None or concept == "anticancer_therapy":
            break
        concept = CONCEPTS[concept].parent if concept in CONCEPTS else None
    return concept == "anticancer_therapy"


def _therapy_part(part: Expr) -> bool:
    """``part`` names an anticancer therapy (of whatever kind), read as asked or as absent."""
    return any(_untreated(Not(predicate(p.concept, Op.PRESENT))) for p in predicates(part))


def widen_untreated(expr: Expr, widened: Expr) -> Expr:
    """``expr`` with its "no anticancer therapy" part (alone, or a conjunct of an untreated
    disease's reading) widened by ``widened``; the rest stands as it was."""
    if isinstance(expr, All):
        return all_of([widen_untreated(p, widened) if _untreated(p) else p for p in expr.parts])
    return any_of([expr, widened])


_ONLY_THOSE = re.compile(r"\bonly\s+(?:patients|subjects|participants|those)\b", I)
_PERMISSION_CONDITION = re.compile(r"\b(?:if|provided|providing|as\s+long\s+as|unless|but|however)\b", I)
_NOT_REQUIRED = re.compile(r"\bnot\s+required\b", I)


def _widen_scoped(expr: Expr, exc: Expr, concepts: set[str], therapy: bool = False) -> Expr:
    """An inclusion widened by a permission: only the requirement the permission is about
    gains the alternative, so every other requirement still decides."""
    widened = Alternative(exc.reason, exc.text) if isinstance(exc, Review) else exc
    if not isinstance(expr, All):
        return any_of([expr, widened])
    parts = list(expr.parts)
    hits = [i for i, part in enumerate(parts) if concepts and family(p.concept for p in predicates(part)) & family(concepts)]
    if therapy and not any(_therapy_part(parts[i]) for i in hits):  # a permitted therapy no part names: the untreated one
        hits = [i for i, part in enumerate(parts) if _untreated(part)] or hits
    if not hits and any(is_cancer_diagnosis(c) for c in concepts):
        # "Previously untreated AML (>= 20% blasts) or AML M6. Patients with high-risk (...) MDS will
        # also be eligible" (holdout T251): another disease let in is an alternative to the disease
        # the line asks for, never to the last requirement read (here the AML's unread blast
        # count, after which the MDS stood as asked of everyone and every AML patient failed)
        hits = [i for i, part in enumerate(parts) if names_a_cancer(part)]
    words = exc.parts[-1].text if isinstance(exc, All) and isinstance(exc.parts[-1], Qualifier) else ""
    if not hits and concepts and concepts <= TREATMENT_CONCEPTS and not isinstance(exc, Review) and not _ONLY_THOSE.search(words):
        # a treatment permitted that no requirement names or forbids ("Patients must have failed one
        # or more prior NHL chemotherapy ... with curative intent; autologous stem cell transplant is
        # permitted"): it asks nothing. Made an alternative of the last requirement, it widened a
        # requirement it has nothing to do with (here an unread one, and the transplant then stood
        # as asked: every patient never transplanted failed the line). Permitted on a condition the
        # words leave to a person ("Previous high dose chemotherapy with auto-SCT is permitted, if
        # the patient has reached at least partial remission ...", "... is allowed, but at least 3
        # months ..."), it asks that condition of the patients who had the treatment only. ("Only
        # patients who have received no prior therapy ... are allowed" restricts: left as it was.)
        if _PERMISSION_CONDITION.search(words) and not _NOT_REQUIRED.search(words):
            treated = all_of(list(exc.parts[:-1]))
            return all_of([*parts, any_of([Not(treated), Alternative(exc.parts[-1].reason, words)])])
        return expr
    if not hits:  # "... higher levels are acceptable if ...": every limit of the clause (plural_widening)
        hits = every_upper_limit(parts, words or (exc.text if isinstance(exc, Review) else ""))
    for i in hits or [len(parts) - 1]:
        # (an unread requirement widened stays the alternative the text makes it: "aPTT < 1.5 x ULN
        # [its gloss unread]; if value is higher due to hepatic involvement by CLL, patient is
        # eligible" widened the gloss's review, which ``safety.enforce`` then dropped from the
        # alternatives as a mask, and the permission's liver involvement stood asked of everyone)
        target = Alternative(parts[i].reason, parts[i].text) if type(parts[i]) is Review else parts[i]
        parts[i] = any_of([target, widened])
    return all_of(parts)


def names_a_cancer(part: Expr) -> bool:
    """A requirement that asks for a cancer (present, not negated): the line's diagnosis."""
    if isinstance(part, Predicate):
        return part.op is Op.PRESENT and is_cancer_diagnosis(part.concept)
    return isinstance(part, Any_ | All) and any(names_a_cancer(p) for p in part.parts)


_ULN_BOUND = re.compile(r"(?P<op>[<>≤≥])\s*(?P<n>\d+(?:\.\d+)?)\s*(?:×|x|times)?\s*ULN\b", I)


def _widen_bound(expr: Expr, op: Op, value: float | int, condition: Expr, subject: set[str]) -> Expr:
    """Each upper limit in multiples of the ULN that the condition concerns (liver metastases:
    the liver tests; no named subject: any) gains the looser bound for the condition's patients;
    the requirement stays as it is for everyone else."""
    if isinstance(expr, Predicate):
        looser = isinstance(expr.value, (int, float)) and value > expr.value
        if expr.uln and looser and expr.op in (Op.LT, Op.LTE) and op in (Op.LT, Op.LTE) and (not subject or expr.concept in subject):
            return any_of([expr, all_of([predicate(expr.concept, op, value, None, True, expr.window), condition])])
        return expr
    if isinstance(expr, All):
        return all_of([_widen_bound(p, op, value, condition, subject) for p in expr.parts])
    if isinstance(expr, Any_):
        return Any_(tuple(_widen_bound(p, op, value, condition, subject) for p in expr.parts))
    return expr


# A permission of the kind an excluded item is not, by its own name ("Major surgery within 30
# days. Minor surgical procedures ... are allowed"; "live vaccine ... Seasonal influenza vaccines
# for injection are killed virus vaccines and are allowed"): it permits patients the item never
# excluded, so it leaves the item's decision as it is.
_OTHER_KIND: dict[str, re.Pattern[str]] = {
    "major_surgery": re.compile(r"^\W*(?:however\W+)?minor\b", I),
    "live_vaccine": re.compile(r"\b(?:killed|inactivated|non-?live|subunit|mRNA)\b", I),
}


def _other_kind(expr: Expr, clause_text: str) -> bool:
    concepts = {p.concept for p in predicates(expr)}
    return bool(concepts) and all(c in _OTHER_KIND for c in concepts) and all(_OTHER_KIND[c].search(clause_text) for c in concepts)


def attach_widening(expr: Expr, clause_text: str, ctype: CriterionType) -> Expr:
    """A sentence such as "patients with X can be enrolled if Y": an exclusion then no longer
    applies where X and Y hold, an inclusion also holds there."""
    if ctype is CriterionType.EXCLUSION and _other_kind(expr, clause_text):
        return expr
    items = with_named_causes(extract(clause_text, ctype), clause_text)
    structured = combine(items, clause_text, CriterionType.INCLUSION)
    masked = list(clause_text)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
    mask_defined_names(clause_text, items, masked)  # "with latent HBV (defined as HBcAb positive ...)": the bracket is the reading
    uln_bound = _ULN_BOUND.search("".join(masked))
    if uln_bound is not None and ctype is CriterionType.INCLUSION and structured is not None:
        masked[uln_bound.start(): uln_bound.end()] = " " * (uln_bound.end() - uln_bound.start())
    else:
        uln_bound = None
    leftover = [w for w in content_words(blank_remarks("".join(masked))) if not WIDENING_CLAUSE.search(w)] + bare_bounds("".join(masked))
    leftover = [w for w in leftover if w.lower() not in _WIDENING_WORDS]
    if uln_bound is not None and structured is not None and not leftover:
        # "<= 5 x ULN is acceptable if liver metastases are present": the looser bound, for the
        # requirement it widens, holds for the patients the condition names
        op, value = OPS[uln_bound.group("op")], number(uln_bound.group("n"))
        return _widen_bound(expr, op, value, structured, exception_subject(clause_text, Review(ReviewReason.UNPARSED, "")))
    if structured is None:
        exc: Expr = Review(review_reason(clause_text), clause_text)
    elif leftover:
        exc = all_of([structured, Qualifier(review_reason(" ".join(leftover)), clause_text)])
    else:
        exc = structured
    concepts = {c for it in items for c in it.concepts} | exception_subject(clause_text, exc)
    graded = excepted_graded_event(expr, exc, ctype)
    if graded is not None:  # "Peripheral neuropathy <= Grade 2 is allowed" after a toxicity grade (graded_exceptions)
        return graded
    if ctype is CriterionType.INCLUSION:
        return _widen_scoped(expr, exc, concepts, bool(_PRIOR_THERAPY_PERMITTED.search(clause_text)))
    if isinstance(exc, Review):
        if isinstance(expr, Any_):  # an unread condition narrows the alternative it is about
            parts = list(expr.parts)
            hits = [i for i, part in enumerate(parts) if concepts and family(p.concept for p in predicates(part)) & family(concepts)]
            for i in hits or [len(parts) - 1]:
                parts[i] = all_of([parts[i], Qualifier(exc.reason, exc.text)])
            return any_of(parts)
        return all_of([expr, Qualifier(exc.reason, exc.text)])
    # attach to the branch that shares a concept with the exception, else to the whole line
    shared = {_FAMILY.get(p.concept, p.concept) for it in items for p in predicates(it.expr)}
    if isinstance(expr, Any_):
        hits = [i for i, part in enumerate(expr.parts) if shared & {_FAMILY.get(p.concept, p.concept) for p in predicates(part)}]
        if hits:
            parts = list(expr.parts)
            for i in hits:
                parts[i] = except_from(parts[i], exc, CriterionType.EXCLUSION, clause_text)
            return Any_(tuple(parts))
    return except_from(expr, exc, CriterionType.EXCLUSION, clause_text)
_FAMILY = {"hbsag": "hbv", "hbv_dna": "hbv", "hbcab": "hbv", "hcv_antibody": "hcv", "hcv_rna": "hcv", "hiv_test": "hiv",
           # an AV block's degree or type excepted concerns every degree the list names ("second or
           # third degree heart block (except for second degree type 1)"), not the last alone
           "av_block_first_degree": "av_block", "av_block_second_degree": "av_block", "av_block_third_degree": "av_block",
           "mobitz_i": "av_block", "mobitz_ii": "av_block"}
TREATMENT_CONCEPTS = frozenset({
    "hsct", "allo_hsct", "auto_hsct", "car_t", "car_nk", "chemotherapy", "radiotherapy", "surgery", "major_surgery", "immunotherapy",
    "targeted_therapy", "hormone_therapy", "steroid_therapy", "immunosuppressant_therapy", "anticancer_therapy", "systemic_therapy",
    "investigational_agent", "growth_factor", "esa", "iron_chelator", "androgen_therapy", "hydroxyurea", "named_medication", "monoclonal_antibody_therapy",
})
