"""Cutting a line into clauses and joining what the topics found in each.

The words between two recognised items decide how they join ("or" / "either" -> Any_, else the
type's list default); enumerations and definitions are recognised here so that the line reader
(``line.py``) can make the enumerated items alternatives or skip a definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rules_engine.concepts import CONCEPTS, HEMATOLOGIC_DISEASES, MALIGNANCIES, Kind, ancestors
from rules_engine.criteria import NUMERIC_OPS, All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import NEGATED, I, Item, all_of, any_of, content_words, negation_read_by_item, predicates
from rules_engine.parser.remarks import ESTIMATED, blank_either_way, blank_estimator, blank_otherwise, blank_rationale, blank_remarks, blank_stand_in, blank_whichever_shorter
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.age import age_items
from rules_engine.parser.topics.biomarkers import BIOMARKERS, biomarker_items
from rules_engine.parser.topics.bleeding_drugs import GATE as _BLEEDING_DRUG_GATE, bleeding_drug_items
from rules_engine.parser.topics.prior_lines import GATE as PRIOR_LINES_GATE, prior_line_items
from rules_engine.parser.topics.control import controlled
from rules_engine.parser.topics.cyp3a4 import cyp3a4_items
from rules_engine.parser.topics.events import event_items, other_than_spans, therapy_concept, with_treatment_leads
from rules_engine.parser.topics.discontinued import discontinued_items
from rules_engine.parser.topics.failed_treatment import (
    apl_failed_items,
    del5q_failed_items,
    failed_treatment_items,
    named_failed_items,
    status_after_therapy_items,
)
from rules_engine.parser.topics.infections import infection_items
from rules_engine.parser.topics.lab_grades import GATE as LAB_GRADE_GATE, lab_grade_items
from rules_engine.parser.topics.labs import lab_items
from rules_engine.parser.topics.lab_scopes import bound_predicates
from rules_engine.parser.topics.mds_kinds import mds_kind_items
from rules_engine.parser.topics.organ_function import GATE as _ORGAN_FUNCTION_GATE, organ_function_items
from rules_engine.parser.topics.cml_phase import GATE as _CML_PHASE_GATE
from rules_engine.parser.topics.cml_phase import cml_phase_items
from rules_engine.parser.topics.measurable import measurable_items
from rules_engine.parser.topics.menopause import STATUS_READ, menopause_items
from rules_engine.parser.topics.organ_disease import child_pugh_items
from rules_engine.parser.topics.performance import nyha_items, perf_items
from rules_engine.parser.topics.products import LINE_TIMED, product_items
from rules_engine.parser.topics.pregnancy import pregnancy_items
from rules_engine.parser.topics.proteinuria import proteinuria_items
from rules_engine.parser.topics.qt_drugs import qt_drug_items
from rules_engine.parser.topics.sex import sex_items
from rules_engine.parser.topics.swallowing import swallowing_items


_CLAUSE_SPLIT = re.compile(
    r";|,?\s+and\s+(?=[>≥]\s*\d{1,4}\s*(?:days?|weeks?|months?|years?)\s+since\b)"
    # "must not have received chemotherapy ... within 4 weeks and any toxicity from such therapy
    # must have recovered to grade 1": the recovery is a requirement of its own, never part of
    # what the line forbids (under the negation, an unrecovered grade 3 met the line)
    r"|,?\s+and\s+(?=(?:any|all)\s+(?:\w+\s+){0,2}toxicit(?:y|ies)\b[^;.]{0,80}?\b(?:must|should|shall)\s+have\s+(?:recovered|resolved|reverted|returned)\b)|(?<=[a-z][A-Z])\.\s+(?=[A-Z(])|(?<=[A-Z]{2})\.\s+(?=[A-Z][a-z])|(?<=\s[A-Z])\.\s+(?=[A-Z][a-z]{2,})|(?<=[a-z0-9)%\]])\.\s+(?=[A-Z(])|\s(?=(?:NOTE|Note)\s*:)|\s(?=\(\d{1,2}\)\s*[A-Za-z])|\s(?=\d{1,2}\)\s*[A-Za-z])|\s(?=[a-h]\)\s*[A-Za-z])|\s(?=[a-h]\.\s?[A-Z])"
)


_EXCEPTION = re.compile(
    r"[(\[]\s*exceptions?\s*:[^()\[\]]*(?:\([^()]*\)[^()\[\]]*)*[)\]]"  # "(EXCEPTION: ...)", "[EXCEPTION: ...]"
    r"|\(\s*not\s+[^()]*(?:\([^()]*\)[^()]*)?\)"
    r"|\([^()]*\b(?:is|are)\s+(?:also\s+)?(?:acceptable|allowed|permitted|eligible)\b[^()]*\)"
    # "(may be eligible if the patient currently has a pacemaker)": a permission in brackets
    r"|\([^()]*\b(?:may|can|could|will|would|should|shall)\s+(?:still\s+|also\s+)?be\s+(?:acceptable|allowed|permitted|eligible|enrolled|included)\b[^()]*\)"
    r"|\(\s*(?:except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|but\s+not)\b[^()]*\)"
    # ", other than APL, as defined by WHO, that is relapsed ...": an aside between commas ends at
    # the comma when the main clause goes on after it (else the rest became the exception's)
    # The same for a window after the aside ("major surgery, other than diagnostic surgery (i.e.
    # ... a biopsy ...), within 4 weeks prior to Day 1"; 8 corpus lines): the window is the
    # head's. Taken into the exception, the head lost its window and the exception read "surgery
    # within 4 weeks", so a colectomy two weeks ago cleared the line it is excluded by.
    r"|,\s*(?:other\s+than|except(?:\s+for)?|excluding)\s+[^,;()]+(?:\([^()]*\))?"
    r"(?=,\s*(?:as\s+defined|that|which|who|according|confirmed|per|with|within|in\s+the\s+(?:last|past|previous|preceding))\b)"
    # (a karyotype's own semicolon, "except t(15;17)(q22;q12)", does not end the exception)
    r"|,?\s*\b(?:except(?:\s+for|\s+(?:if|when|in))?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|but\s+not(?!\s+limited)(?:\s+including)?|not\s+including)\b(?:[^;]|(?<=\(\d);|(?<=\(\d\d);|(?<=\([pq]\d);|(?<=\([pq]\d\d);)*",
    I,
)


_OR = re.compile(r"\b(?:or|either|and/or)\b|/", I)


_UNIT_SLASH = re.compile(r"/\s*(?:mm[³3]?|cmm|[µμu]l|l|dl|ml|min|kg|m[²2]|hpf|hrs?|h|days?|d|wk)(?![A-Za-z])", I)
_SLASH_WORDS = re.compile(r"[A-Za-z]{3,}\s*/|/\s*[A-Za-z]{3,}")  # "complex/refractory": the slash joins a word, not the items


_AND = re.compile(r"\b(?:and|plus|with|had|has)\b|\bas\s+well\s+as\b", I)


# Cheap pre-checks that skip a topic which cannot find anything in a clause: each is a necessary
# condition of every pattern of its topic (an age bound needs a number or "adult"; a pregnancy,
# lactation or childbearing item needs one of these words). Measured on the 10,410 clauses of a
# 300-trial sample: age runs on 43% of them, pregnancy on 7.5%, saving 0.4 s of 5.2 s.
# tests/parser/test_clause_gates.py checks each gate against its topic on real lines; a topic
# owner who adds a trigger word adds it here too.
_AGE_GATE = re.compile(r"\d|adult", I)
_FAILED_GATE = re.compile(r"fail|progress|resistan|refractory|intoleran|recurred|relapsed", I)
_MDS_KIND_GATE = re.compile(r"IPSS|5q|novo|primary|secondary|risk|International\s+Prognostic|refractory\s+(?:an|cyt)|RAEB|RARS|RC[MU]D", I)
_PREGNANCY_GATE = re.compile(r"pregnan|gestation|lactat|breast|nursing|child|reproductive|wocbp|focbp|fertile|menopaus|hcg", I)


def _topics(text: str, ctype: CriterionType, menopause: bool = True, timed: tuple[bool, bool] = (False, False)) -> tuple[list[Item], ...]:
    return (
        age_items(text, ctype) if _AGE_GATE.search(text) else [],
        sex_items(text),
        perf_items(text),
        nyha_items(text, ctype),
        child_pugh_items(text, ctype) if "pugh" in text.lower() else [],
        biomarker_items(text, ctype),
        lab_grade_items(text, ctype is CriterionType.EXCLUSION) if LAB_GRADE_GATE.search(text) else [],
        bleeding_drug_items(text) if _BLEEDING_DRUG_GATE.search(text) else [],
        lab_items(text, ctype),
        organ_function_items(text, ctype is CriterionType.EXCLUSION) if _ORGAN_FUNCTION_GATE.search(text) else [],
        (pregnancy_items(text, ctype) + (menopause_items(text) if menopause else [])) if _PREGNANCY_GATE.search(text) else [],
        infection_items(text),
        swallowing_items(text, ctype),
        measurable_items(text),
        cyp3a4_items(text),
        qt_drug_items(text),
        proteinuria_items(text, ctype),
        (apl_failed_items(text, ctype) + del5q_failed_items(text, ctype) + failed_treatment_items(text, ctype) + named_failed_items(text, ctype)
         + status_after_therapy_items(text, ctype))
        if _FAILED_GATE.search(text) else [],
        discontinued_items(text, ctype),
        mds_kind_items(text, ctype) if _MDS_KIND_GATE.search(text) else [],
        cml_phase_items(text, ctype) if _CML_PHASE_GATE.search(text) else [],
        prior_line_items(text) if PRIOR_LINES_GATE.search(text) else [],
        event_items(text, ctype),
        product_items(text, ctype, timed),
    )


def extract(text: str, ctype: CriterionType) -> list[Item]:
    """Every topic's items in ``text`` in line order (where two overlap, the earlier topic's).

    A clause is read more than once: the line whole and again in parts (its exceptions, a
    proviso, a site fragment, the line without its heading), and registries repeat their
    boilerplate lines; on the whole corpus 30% of the calls repeat a (text, type) read before, and
    the topics were about half of the parse. The items of the last texts read are kept (the
    topics are pure functions of the text and type); each call gets Items of its own, which its
    caller may change. tests/parser/test_word_gates.py pins it against the reading uncached."""
    return [Item(start, end, expr, concepts) for start, end, expr, concepts in _extract(text, ctype, STATUS_READ.get(), LINE_TIMED.get())]


@lru_cache(maxsize=4096, typed=True)  # typed: a plain str type is not CriterionType to the topics' ``is`` tests
def _extract(text: str, ctype: CriterionType, menopause: bool = True, timed: tuple[bool, bool] = (False, False)) -> tuple[tuple[int, int, Expr | None, frozenset[str]], ...]:
    """``menopause``: whether the line lets a menopausal status be read (topics.menopause);
    ``timed``: whether the line sets a product's time of its own (topics.products.LINE_TIMED)."""
    found: list[Item] = []
    *topics, products = _topics(text, ctype, menopause, timed)
    for items in topics:
        for item in items:
            if all(item.end <= f.start or item.start >= f.end for f in found):
                found.append(item)
    for item in products:
        inside = [f for f in found if not (item.end <= f.start or item.start >= f.end)]
        if inside and _product_list_around(item, inside) and (isinstance(item.expr, Any_) or _RECEIPT.search(text, item.start, min(f.start for f in inside))):
            # "Prior use of mitoxantrone or etoposide or gemtuzumab ozogamicin": a list of products
            # one of which another topic reads by its class (a CD33-directed antibody) is still the
            # list; the class reading stays one of its alternatives (left to the class, the other
            # products named stood unread and a patient given mitoxantrone passed; the frame of a
            # single one, "Patients who have received prior treatment with", made it a review)
            found = [f for f in found if f not in inside]
            named = item.expr.parts if isinstance(item.expr, Any_) else (item.expr,)
            found.append(Item(item.start, item.end, Any_((*named, *(f.expr for f in inside if f.expr is not None))), item.concepts))  # type: ignore[arg-type]
        elif not inside:
            found.append(item)
    found.sort(key=lambda it: it.start)
    found = with_treatment_leads(found, text) if _TREATMENT_WORD.search(text) else found
    return tuple((it.start, it.end, it.expr, it.concepts) for it in (_prospect(_procedure_window(it, text), text) for it in found))


# a span of time no topic read ("chemotherapy <= 21 days", "Have had chemotherapy (or an EGFR TKI)
# 4 weeks prior to enrollment"): its words are all stop words and its number no word, so it vanished and the
# history stood for ever (a patient treated years ago was excluded); left, it is the line's review
# (only beside a history asked ever, and never the span a measurement was taken in: "obtained
# within 28 days", which the remarks read as when, not what)
_UNREAD_SPAN = re.compile(r"(?<![\w.])(?<!cycle\s)\d+(?:\.\d+)?\s*(?:hours?|days?|weeks?|months?|years?)\b(?!\s*\d)", I)


_OR_NEXT = re.compile(r"\s*,?\s*(?:or|and/or)\b", I)
_MEASURED_WHEN = re.compile(r"\b(?:obtained|performed|assessed|documented|measured|drawn|test)\b", I)


_TREATMENT_WORD = re.compile(r"\b(?:treatment|therapy|exposure)\s+(?:with|to)\b", I)


# the verb of a frame that says the product was given ("Patients who have received prior treatment
# with"): words the class reading leaves unread; a bare "Prior" it reads itself
_RECEIPT = re.compile(r"\b(?:received|receive|receiving|had|treated|given|exposed)\b", I)


def _product_list_around(item: Item, inside: list[Item]) -> bool:
    """Whether ``item`` names products (one, or alternatives; no window or qualifier) and holds
    wholly the items another topic read inside it, each a therapy on record, with words of its
    own beside them (the list's other products, or its frame: "Patients who have received prior
    treatment with gemtuzumab", whose frame the class reading left unread)."""
    e = item.expr
    parts = e.parts if isinstance(e, Any_) else (e,)
    return (
        all(isinstance(p, Predicate) and p.concept == "named_medication" and p.op is Op.IS for p in parts)
        and all(item.start <= f.start and f.end <= item.end for f in inside)
        and (item.start < min(f.start for f in inside) or item.end > max(f.end for f in inside))
        and all(isinstance(f.expr, Predicate) and f.expr.op is Op.PRESENT and CONCEPTS.get(f.expr.concept) is not None
                and CONCEPTS[f.expr.concept].kind is Kind.EVENT for f in inside)
    )


# "eligible for allogeneic HSCT", "not a candidate for stem cell transplantation", "scheduled for
# surgery": a treatment to come, or the judgement that one would suit, is no record of it (read as
# one, "eligible for HSCT" excluded those who had one and "not eligible for transplant" passed
# anyone who never had one). The item stays where it stands as an unread alternative.
_PROSPECT = re.compile(
    r"\b(?:eligib(?:le|ility)|ineligib(?:le|ility)|candidates?|candidacy|suitab(?:le|ility)|unsuitable|(?:un)?fit|planned|planning|scheduled|"
    r"awaiting|waiting|referred|considered|intend(?:s|ed|ing)?|plans?|proceed(?:s|ing)?|contraindications?|contra-indicated|contraindicated)\s+"
    r"(?:(?:for|to|with)\s+)?(?:[\w-]+\s+){0,3}$",
    I,
)
_PROSPECTIVE = frozenset({"hsct", "allo_hsct", "auto_hsct", "car_t", "car_nk", "chemotherapy", "radiotherapy", "surgery", "major_surgery",
                          "immunotherapy", "targeted_therapy", "organ_transplant", "anticancer_therapy", "systemic_therapy"})


# "candidates if they are unable to receive anthracyclines", "unable to tolerate intensive
# chemotherapy" (25 corpus lines): whether a patient could be given a treatment is a person's
# judgement, never a record of it (read as one, "unable to receive anthracyclines" asked for an
# anthracycline given); so is whether he could ("Able to receive intensive induction
# chemotherapy", an exclusion of unfit-patient trials: read as chemotherapy given, an untreated
# patient was cleared of it)
_UNABLE = re.compile(
    r"\b(?:unable|not\s+able|inability|cannot|can\s*not|could\s+not|(?<!\bnot\s)able|ability)\s+to\s+(?:receive|tolerate|undergo|take|be\s+(?:treated|given)\s+(?:with)?)\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:cannot|can\s*not)\s+(?:receive|tolerate|undergo|take)\s+(?:[\w-]+\s+){0,2}$",
    I,
)


def _prospect(item: Item, text: str) -> Item:
    e = item.expr
    if isinstance(e, Predicate) and e.op in (Op.PRESENT, Op.WITHIN) and CONCEPTS.get(e.concept) is not None and CONCEPTS[e.concept].kind is Kind.EVENT:
        unable = _UNABLE.search(text, max(0, item.start - 60), item.start)
        if unable is not None:
            return Item(item.start, item.end, Alternative(ReviewReason.JUDGEMENT, " ".join(text[unable.start(): item.end].split())), item.concepts)
    if not (isinstance(e, Predicate) and e.concept in _PROSPECTIVE and e.op in (Op.PRESENT, Op.WITHIN)):
        return item
    lead = _PROSPECT.search(text, max(0, item.start - 60), item.start)
    if lead is None:
        return item
    words = " ".join(text[lead.start(): item.end].split())
    return Item(item.start, item.end, Alternative(ReviewReason.JUDGEMENT, words), item.concepts)


# "AML by hematopathology review performed within four weeks", "confirmed by bone marrow biopsy
# within 28 days prior to registration": the recency is the procedure's (a screening step),
# never the diagnosis's
_PROCEDURE_BEFORE_WINDOW = re.compile(
    r"\b(?:review|biops(?:y|ies)|aspirat\w*|examination|evaluation|assessment|smear|sample|specimen|flow\s+cytometry|"
    # (or the test's result or its taking: "AML with >= 10% blasts within two weeks", "(assessed
    # within 14 days prior to study day 0)", "documented disease status within 12 months")
    r"immunophenotyp\w*|cytogenetics?|morphology|patholog\w*|blasts?|assessed|documented|obtained|performed|measurements?|status)\b(?:\s+[\w-]+){0,3}?\s+within\b",
    I,
)


def _procedure_window(item: Item, text: str) -> Item:
    e = item.expr
    if isinstance(e, Predicate) and e.op is Op.WITHIN and e.concept in _DIAGNOSIS_CONCEPTS and _PROCEDURE_BEFORE_WINDOW.search(text, item.start, item.end):
        return Item(item.start, item.end, Predicate(e.concept, Op.PRESENT), item.concepts)
    return item


# "diagnosed with another malignancy and have evidence of residual disease": after "and", a verb
# of state says more of the subject before it (one more condition of it), never lists a thing
_AND_BEFORE = re.compile(r"\band\s*$", I)
_STATE_VERB = re.compile(r"\s*(?:have|has|had|is|are|was|were|remains?|still|shows?|showing)\b", I)


# "primary AML or AML secondary to MDS": the disease a leukemia arose from is its history, never
# an alternative to it (read as an item, an MDS patient without AML met the diagnosis line); its
# words stay a qualifier of the disease before it
_ANTECEDENT = re.compile(
    r"\b(?:secondary\s+to|arising\s+(?:from|out\s+of)|evolv(?:ed|ing)\s+from|transformed\s+from|progress(?:ed|ing)\s+from)\s+"
    r"(?:[\w-]+\s+){0,3}(?:\(\s*)?$",
    I,
)


def _without_antecedents(items: list[Item], text: str) -> tuple[list[Item], list[tuple[int, int]], list[tuple[Item, int]]]:
    """The items that are no antecedent, the spans of antecedents that only restate the one
    before them in a bracket ("secondary to myelodysplastic syndrome (MDS)"), and the antecedents
    themselves with where their words ("arising from") start."""
    out: list[Item] = []
    restated: list[tuple[int, int]] = []
    antecedents: list[tuple[Item, int]] = []
    for it in items:
        m = _ANTECEDENT.search(text, max(0, it.start - 40), it.start)
        if m is None:
            out.append(it)
        elif m.group(0).rstrip().endswith("("):
            restated.append((it.start, it.end))
        else:
            antecedents.append((it, m.start()))
    return out, restated, antecedents


def _diagnosis(expr: Expr | None) -> bool:
    return isinstance(expr, Predicate) and expr.op is Op.PRESENT and expr.concept in _DIAGNOSIS_CONCEPTS


def _with_antecedent(expr: Expr | None, items: list[Item], antecedents: list[tuple[Item, int]], text: str) -> tuple[Expr | None, tuple[int, int] | None]:
    """"Acute myeloid leukemia arising from MDS", "AML evolved from prior myelodysplasia": one
    disease that arose from another is both on the record (the history is a diagnosis, absent when
    the record lacks it); left a qualifier, a de novo AML met the line beside a review and the
    trial's MDS-only list admitted it. Only a clause whose one disease the antecedent follows
    ("primary AML or AML secondary to MDS" keeps its reading: the primary one needs no MDS)."""
    read = [it for it in items if it.expr is not None]
    if len(antecedents) != 1 or len(read) != 1 or not _diagnosis(expr) or not _diagnosis(antecedents[0][0].expr):
        return expr, None
    antecedent, words = antecedents[0]
    if read[0].end > words or text[read[0].end: words].strip(" ,"):
        return expr, None
    return All((expr, antecedent.expr)), (words, antecedent.start)  # type: ignore[arg-type]


@dataclass
class Residue:
    """Words no topic read, where they stand, and whether they qualify an item beside them."""

    text: str
    start: int
    end: int
    qualifies: bool


@dataclass
class Clause:
    expr: Expr | None  # the structured part as the items join, None when nothing was recognised
    residue: list[Residue]
    exceptions: list[tuple[str, int]]  # (the exception's words, where it starts)
    concepts: frozenset[str]
    items: list[Item] = field(default_factory=list)
    text: str = ""  # the clause with its exceptions blanked: the items' offsets point into it


# (", not responding to adequate antimicrobial therapy", "despite ...": how the thing before fares)
_QUALIFIER = re.compile(r"\s*(?:requiring|which|that|who|needing|needed|treated|under|on|receiving|with\s+(?:grade|active|uncontrolled)|in\s+need|not\s+responding|unresponsive|despite)\b", I)


# list joins, in either case: the registries' capital "AND" / "OR" ("transplantation or rescue AND
# no evidence of active GVHD") joins as the lower-case word does
_SEGMENT_CUT = re.compile(r",|;|\bor\b|\band\b|\(|\)", I)


def _segments(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SEGMENT_CUT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


_STATUS_CONCEPTS = frozenset({"relapsed", "refractory"})
_DIAGNOSIS_CONCEPTS = HEMATOLOGIC_DISEASES
_FIXED_ROLES = frozenset({"status", "diagnosis"})
# a bracket opened right after an item, and closed before an "or" after the one item inside it
_OPENS_BRACKET = re.compile(r"\s*[(\[]\s*")
_CLOSES_BRACKET_OR = re.compile(r"\s*[)\]]\s*,?\s*(?:or|and/or)\b", I)


def _role(item: Item) -> str:
    """Which part of a line's subject an item is: the disease, its status, or anything else."""
    if item.concepts and item.concepts <= _STATUS_CONCEPTS:
        return "status"
    if item.concepts & _DIAGNOSIS_CONCEPTS:
        return "diagnosis"
    return "other"


def _listed_together(a: Item, b: Item, roles: tuple[str, str]) -> bool:
    """Whether two items may be one list's alternatives ("A, B, or C"): of one role, or neither
    the disease nor its status, or two cancers ("solid tumor, ALL, or CML": a solid tumour is no
    leukaemia's "diagnosis" role, and joined with AND beside two leukaemias every patient failed)."""
    if roles[0] == roles[1] or not set(roles) & _FIXED_ROLES:
        return True
    return all(it.concepts and all(c in CONCEPTS and _cancer(c) for c in it.concepts) for it in (a, b))


_WITHOUT = re.compile(r"\b(?:without|no|absence\s+of|lack\s+of|free\s+of|negative\s+for)\b", I)


# the antigens a blast or lymphoma cell carries ("CD20+ DLBCL", "CD34- AML or MDS"): markers of the
# cancer they are written against, as a gene's are
_ANTIGENS = frozenset({"cd19", "cd20", "cd22", "cd7", "cd30", "cd33", "cd34", "cd123"})


def _marker_of(marker: Item, disease: Item) -> bool:
    """A tumour marker item followed by the cancer it qualifies."""
    d = disease.expr
    return bool(marker.concepts) and marker.concepts <= BIOMARKERS | _ANTIGENS and isinstance(d, Predicate) and d.op is Op.PRESENT and _cancer(d.concept)


def _marker_of_all(exprs: list[Item], connectors: list[str]) -> bool:
    """One antigen written before a list of cancers and nothing else ("CD34- AML or MDS"): it
    qualifies each of them. Bound to the first alone, an exclusion's "or" made every MDS patient
    excluded whatever the blasts' CD34 (and a bare antigen read as one more alternative excluded
    every AML patient)."""
    return (len(exprs) > 2 and bool(exprs[0].concepts) and exprs[0].concepts <= _ANTIGENS and not connectors[0].strip(" -")
            and all(isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT and _cancer(it.expr.concept) for it in exprs[1:]))


def _cancer(concept: str) -> bool:
    """A cancer diagnosis a status can qualify: the leukaemias and their kin, or any solid tumour."""
    seen = 0
    c: str | None = concept
    while c is not None and seen < 8:  # the concept tree is shallow; the bound guards a cycle
        if c in _DIAGNOSIS_CONCEPTS or c == "solid_tumor":
            return True
        c, seen = CONCEPTS[c].parent if c in CONCEPTS else None, seen + 1
    return False


# the status adjectives a registry lists before the disease they qualify ("recurrent or metastatic
# breast cancer", "locally advanced, unresectable or metastatic NSCLC"); each fixed word, no nesting
_STATUS_WORD = (
    r"(?:locally\s+advanced|advanced|metastatic|unresectable|inoperable|progressive|persistent|recurrent|relapsed|relapsing|"
    r"(?:primary\s+)?refractory|resistant)"
)
_STATUS_RUN = re.compile(rf"\b{_STATUS_WORD}(?:\s*(?:,\s*(?:or\s+|and/or\s+)?|or\s+|and/or\s+|/\s*){_STATUS_WORD})+\s*$", I)
_STATUS_LEAD = re.compile(rf"{_STATUS_WORD}\s+", I)
_STATUS_OR = re.compile(r"\bor\b|/", I)
_STATUS_ONE = re.compile(_STATUS_WORD, I)
# between a therapy and the disease it treated: "for", and the statuses of the disease ("chemotherapy
# for metastatic breast cancer"): the disease names what the therapy was for, never an alternative
_FOR_DISEASE = re.compile(rf"\s*for\s+(?:the\s+)?(?:{_STATUS_WORD}(?:\s*[,/]\s*|\s+or\s+|\s+and/or\s+|\s+)){{0,4}}|\s*for\s*", I)


def _status_runs(items: list[Item], text: str) -> list[Item]:
    """"Recurrent or metastatic breast cancer": statuses joined by "or" before a disease all
    qualify it, so the line asks for the disease and one of them. Read as a list of items, the
    "or" made "relapsed" an alternative to "breast cancer" and any relapsed patient (a relapsed
    AML) met it. A status no concept reads stays an unread alternative (review), never dropped."""
    out = list(items)
    k = 0
    while k < len(out):
        d = out[k]
        e = d.expr
        if not (isinstance(e, Predicate) and e.op is Op.PRESENT and _cancer(e.concept)):
            k += 1
            continue
        j = k  # the status items right before the disease
        while j > 0 and out[j - 1].concepts and out[j - 1].concepts <= _STATUS_CONCEPTS:
            j -= 1
        lo = out[j - 1].end if j > 0 else 0
        lead = _STATUS_LEAD.match(text, d.start, d.end)  # "metastatic solid tumor": the topic took the status in
        end = lead.end() if lead is not None else d.start
        run = _STATUS_RUN.search(text, max(lo, end - 160), end)
        if run is None or not _STATUS_OR.search(run.group(0)):
            k += 1
            continue
        while j < k and out[j].start < run.start():  # a status before the run is no part of it ("refractory to ... for advanced or metastatic X")
            j += 1
        if any(it.end > run.end() for it in out[j:k]):
            k += 1
            continue
        statuses: list[Expr] = [it.expr for it in out[j:k] if it.expr is not None]
        blank = list(run.group(0))
        for it in out[j:k]:
            blank[it.start - run.start(): it.end - run.start()] = " " * (it.end - it.start)
        unread = [m.group(0) for m in _STATUS_ONE.finditer("".join(blank))]
        if not unread:  # every status read ("relapsed or refractory AML"): the joins already read it
            k += 1
            continue
        statuses += [Alternative(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(w.split())) for w in unread]
        concepts = frozenset().union(d.concepts, *(it.concepts for it in out[j:k]))
        merged = Item(run.start(), d.end, all_of([e, any_of(statuses)]), concepts)
        out[j: k + 1] = [merged]
        k = j + 1
    return out


# "(AML)", "(CML-BC)": a bracket holding only the abbreviation, a suffix of it allowed
_ABBREVIATION_REST = re.compile(r"[\w-]*\s*[)\]]")
# between the disease and the bracket: nothing, or words of its own name ("chronic myelogenous
# leukemia in blast crisis (CML-BC)"), never a join
_NAME_GAP = re.compile(r"(?:\s+(?!(?:or|and|and/or|nor)\b)[\w-]+){0,4}\s*[(\[]\s*", I)


def _restatements_blanked(items: list[Item], text: str) -> tuple[list[Item], str]:
    """"relapsed or refractory acute myelogenous leukemia (AML) or relapsed or refractory MDS":
    the bracket restates the disease before it, which a status of the line qualifies. Left an
    item of its own it stood between the disease and the "or" after it: joined bare, any AML
    patient (never relapsed) met "recurrent, persistent, or progressive acute myelogenous
    leukemia (AML), or ... (MDS)", and the "or" after the bracket joined the two diseases by
    "and". Blanked (offsets kept), the line reads as it does without the bracket. Only where a
    status stands before the disease (the status merge is what kept ``combine`` from dropping
    the bracket as a restatement). Elsewhere an unread word on the name written out
    ("Seropositive for the human immunodeficiency virus (HIV)") still leaves the bracket a bare
    alternative: blanked there too, hundreds of exclusions went met -> unknown for the patients
    they name, which waits on those words being read, not on the bracket."""
    out: list[Item] = []
    chars: list[str] | None = None
    for it in items:
        prev = out[-1] if out else None
        gap = _NAME_GAP.fullmatch(text, prev.end, it.start) if prev is not None else None
        if (
            prev is not None
            and gap is not None
            and isinstance(prev.expr, Predicate)
            and _role(prev) == "diagnosis"
            and _restates(prev.expr, it.expr)
            and (rest := _ABBREVIATION_REST.match(text, it.end)) is not None
            and any(_role(o) == "status" for o in out)
        ):
            chars = chars if chars is not None else list(text)
            opened = text.rindex("(" if "(" in text[prev.end: it.start] else "[", prev.end, it.start)
            chars[opened: rest.end()] = " " * (rest.end() - opened)
            continue
        out.append(it)
    return out, "".join(chars) if chars is not None else text


# the words joining statuses to each other, and diseases to each other, in "relapsed or
# refractory AML or ALL": nothing else may stand between them
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:or|and/or)\s+|/\s*)?", I)
_LIST_JOIN_AND = re.compile(r"\s*(?:,\s*)?(?:(?:or|and/or|and)\s+|/\s*)?", I)


def _listed_next(text: str, left: Item, right: Item, join: re.Pattern[str] = _LIST_JOIN) -> bool:
    m = join.match(text, left.end)
    return m is not None and m.end() == right.start


def _status_over_diseases(items: list[Item], text: str, ctype: CriterionType) -> list[Item]:
    """"Refractory AML or ALL", "relapsed or refractory AML or ALL": the statuses qualify every
    disease of the list after them. Joined item by item the first disease took the statuses and
    the others stood bare, so any ALL patient met "Relapsed AML or ALL" and an ALL trial, whose
    own disease such a bare alternative is, lost the exclusion of a refractory ALL. An
    inclusion's diseases listed with "and" are its alternatives too (``_listed_diagnoses``):
    "Relapsed or refractory AML and ALL" asks the status of either."""
    join = _LIST_JOIN_AND if ctype is CriterionType.INCLUSION else _LIST_JOIN
    out = list(items)
    k = 0
    while k < len(out):
        j = k
        while j < len(out) and out[j].concepts and out[j].concepts <= _STATUS_CONCEPTS and out[j].expr is not None:
            if j > k and not _listed_next(text, out[j - 1], out[j]):
                break
            j += 1
        m = j
        while m < len(out) and isinstance(out[m].expr, Predicate) and _role(out[m]) == "diagnosis" and (m == j or _listed_next(text, out[m - 1], out[m], join)):
            m += 1
        if j == k or m - j < 2 or not re.fullmatch(r"\s*", text[out[j - 1].end: out[j].start]):
            k += 1
            continue
        statuses = [it.expr for it in out[k:j] if it.expr is not None]
        diseases = [it.expr for it in out[j:m] if it.expr is not None]
        concepts = frozenset().union(*(it.concepts for it in out[k:m]))
        out[k:m] = [Item(out[k].start, out[m - 1].end, all_of([any_of(statuses), any_of(diseases)]), concepts)]
        k += 1
    return out


# "... AND no evidence of active GVHD": a negator at the end of the words joining two items
# negates the item after it (a clause that opens with "No" is negated whole, elsewhere)
# "... and patients must not have active GVHD": the verb after "not" is still the negation's
_NEGATES_NEXT = re.compile(r"\b(?:no|not|without|free\s+of|absence\s+of|negative\s+for)\b(?:\s+(?:have|has|be|been|show|evidence|signs?|history|presence|active|current|ongoing|known|of|any|clinical|clinically|significant))*\s*$", I)
# "B-cell NHL that has relapsed ..., but have not been treated with bendamustine", "relapsed AML
# who have not received azacitidine": a clause after "but" / "who" / "that" that has not received
# a therapy negates the therapy after it, as one after "and" does (read bare, the line asked for
# the therapy it rules out). Only a therapy's verbs: "who have not had adverse events return to
# baseline" negates nothing it names
_NOT_TREATED_CLAUSE = re.compile(
    r"\b(?:but|who|that)\s+(?:(?:have|has|had|must|should|do|does|did)\s+){0,2}(?:not|never)\s+(?:been\s+)?(?:previously\s+|prior\s+)?"
    r"(?:received|treated(?:\s+with)?|exposed(?:\s+to)?|undergone)?\s*$", I)
_LACKING = re.compile(r"\s*,?\s*(?:(?:that|who|which)\s+(?:do|does|did)\s+not\s+have|without)\s+(?:an?\s+|any\s+)?", I)
_LIST_OR = re.compile(r"\s*(?:,\s*)?(?:or|and/or)?\s*|\s*,\s*", I)


def _without_item(exprs: list[Item], connectors: list[str], prohibited: bool) -> tuple[list[Item], list[str]]:
    """Each item of the "or" list before "without Y" / "that do not have Y" made ``X and not Y``,
    and Y's own item dropped (its words are the condition's)."""
    k = next((k for k, c in enumerate(connectors) if not prohibited and _LACKING.fullmatch(c) and not isinstance(exprs[k + 1].expr, Not)), None)
    if k is None:
        return exprs, connectors
    lacked = exprs[k + 1]
    first = k
    while first > 0 and _LIST_OR.fullmatch(connectors[first - 1]):
        first -= 1
    out = list(exprs)
    for j in range(first, k + 1):
        it = out[j]
        out[j] = Item(it.start, lacked.end if j == k else it.end, all_of([it.expr, Not(lacked.expr)]), it.concepts | lacked.concepts)  # type: ignore[list-item]
    del out[k + 1]
    # (the merged item ends where the lacked one did: the words after it join what follows)
    return _without_item(out, connectors[:k] + connectors[k + 1:], prohibited)


_AND_LAST = re.compile(r"\band\b(?!.*\b(?:or|either)\b)", I)
# a comma joins a negated item just as "and" does ("at least 100 days since HSCT, no active
# GVHD", "> 4 weeks from stem cell infusion, have no active GVHD"): the negator was lost, and
# a patient was asked to have the GVHD the line rules out
_COMMA_NEGATES = re.compile(r"^\s*[,;]\s*(?:(?:have|has|with)\s+)?(?:no|without|free\s+of|absence\s+of|negative\s+for)\b", I)


# a preposition right after an item makes one unit of it and the next, bound tighter than "or":
# "relapsed after HSCT", "AML with blasts >= 20% or MDS"
_TIGHT = re.compile(r"\s*(?:,\s*)?(?:\w+\s+){0,2}?(?:with|after|following|post|requiring|treated\s+with|receiving)\s*$", I)
# "CrCl > 50 mL/min for those above serum creatinine 1.5 mg/dL": a condition on the item before
# ("whose disease has relapsed" after a list of diseases is the status of each, as "that has
# relapsed" is: bound to the last one alone, "AML, MDS, or MM whose disease has relapsed" let
# every AML in)
_CONDITION_OF_PREVIOUS = re.compile(
    r"\s*,?\s*(?:(?:for|in)\s+(?:those|patients|subjects|participants)\b|(?:if|when)\b|whose\b(?!\s+(?:disease|cancer|leuka?emia|lymphoma|malignancy|tumou?r)\s+(?:has|have|is|was)\b))", I
)
_OR_THEN_AND = re.compile(r"\b(?:or|either|and/or)\b(?!.*\b(?:or|either|and/or)\b).*\band\b", I)
_RESTATED = re.compile(r"\s*[(\[]\s*")
_LEADING_OR = re.compile(r"\s*,?\s*(?:or|either|and/or)\b|\s*/", I)
_PURE_COMMA = re.compile(r"\s*,\s*")
# a list's bare separator once its brackets are gone ("hemoglobin >= 9 g/dL (may transfuse or use
# erythropoietin to achieve this level), platelets >= 100,000"; "ANC >= 1.5 X 10^9/L Hemoglobin >=
# 9 g/dL"; "* Platelet count >= 100,000/mm^3 * Total bilirubin ..."): the "or" inside a bracket, or
# one elsewhere in the clause, joins nothing here (read as "or", one passing value met the list)
_BARE_LIST_GAP = re.compile(r"[\s,;*•·]*(?:and\s+)?")
_BRACKET = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _without_brackets(text: str) -> str:
    for _ in range(3):  # nested brackets, innermost first (bounded: no bracket nests deeper in the corpus)
        text = _BRACKET.sub(" ", text)
    return text


# "AST and ALT < 2.5 x ULN, or < 5 x ULN in case of liver metastases, ..., bilirubin < 1.5 x ULN":
# the "or" offers the first item a looser bound, it joins nothing after it
_OR_LOOSER_BOUND = re.compile(r"\bor\s+(?:[<>≤≥]|up\s+to\b)", I)
_UNREAD_BOUND_COMMA = re.compile(r"\s*,[^,;<>≤≥]{1,40}[<>≤≥]=?\s*[\d.]+[^,;<>≤≥]{0,20},\s*(?:(?:serum|plasma|blood|total)\s+)?", I)
_METHOD_COMMA = re.compile(r"\s*(?:as\s+)?,\s*", I)  # a comma once the method remark before it is blanked ("as" left of "as determined by")
_PURE_SLASH = re.compile(r"[^\w/]{0,4}(?:ULN[^\w/]{0,3})?/[^\w/]{0,3}")  # "(ULN)/ ", " / " between two bounds
_LIST_CLOSE = re.compile(r"\s*,?\s*(?:(?P<or>or|and/or)|(?P<and>and))\b(?P<more>.*)", I | re.S)


def _joiner(connector: str, default_or: bool) -> str:
    """How two neighbouring items join: "or", "and", or "tight" (one unit, bound tighter than
    "or"). An "and" after the last "or" joins the next item ("ALL or MPAL and must have disease
    that has relapsed": the "or" joined the unread MPAL)."""
    if _AND_LAST.search(connector) and re.search(r"\bAND\b", connector):  # "... or rescue AND no evidence of GVHD"
        return "and"
    if _BULLET.search(connector):  # "Subjects with seizure disorder requiring medication • Subjects undergoing renal dialysis"
        return "or" if default_or else "and"  # two list items run together: each stands as a line of its own would
    if default_or and _QUALIFIER_THEN_COMMA.fullmatch(connector):
        # "Angina pectoris, clinically significant cardiac arrhythmia and requiring therapy,
        # uncontrolled hypertension, ... or congestive heart failure": the words before the comma
        # qualify the item they follow and the comma ends it; an exclusion's next item is one more
        # alternative. Read by "requiring" as a condition of the next item, the list broke in two
        # halves asked together, and angina alone excluded no one (holdout T251)
        return "or"
    # "creatinine <= 1.5 mg/dL and calculated or measured creatinine clearance >= 50": the "or"
    # says how the next value is got, it joins nothing (read as the join, either value met both)
    connector = _HOW_MEASURED.sub(" ", connector)
    # "Untreated de novo or secondary AML": the origins a disease may have (remarks.py reads them
    # as no condition) join no items; read as the join, "untreated" and "AML" became alternatives
    # and a relapsed, treated AML met a line for untreated disease
    connector = _ANY_ORIGIN.sub(" ", connector)
    # "ASCT from related or unrelated donor for the treatment of AML": the donors a transplant may
    # come from join no items; read as the join, the disease the transplant was for became its
    # alternative, and a patient never transplanted met a line for transplant recipients
    connector = _ANY_DONOR.sub(" ", connector)
    if _FOR_DISEASE.fullmatch(connector):  # "chemotherapy for metastatic breast cancer": what it was for
        return "and"
    if _FOR.fullmatch(connector) and re.search(r"\w\s+\w", connector):  # "steroids for prevention or treatment of GVHD": one unit
        return "tight"
    if _ANOTHER_GROUP.search(connector):  # "HIV positive patients and those with hepatitis B or C": two groups
        return "or"
    # a unit's slash ("Lymphocytes > 800 /mm³" unread between two read counts) joins nothing: read
    # as "or", the platelets before it became an alternative to the bilirubin after it
    connector = _UNIT_SLASH.sub(" ", connector)
    if _OR.search(connector.replace("/", " ") if _SLASH_WORDS.search(connector) else connector):
        # (a whole bracketed gloss in the way, "scan (MUGA) scan or echocardiography, or other
        # modality and no clinical evidence of heart failure", is no bracket the "and" is inside)
        # (an "and" between two adjectives of one noun, "HIV or an active and uncontrolled
        # infection with HCV", joins no items: read as one, an HIV patient passed the exclusion)
        plain = _DEGREE_AND.sub(r"\1 ", connector)
        return "and" if _OR_THEN_AND.search(plain) and not re.search(r"[()\[\]]", re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", plain)) else "or"
    if _TIGHT.fullmatch(connector) or _CONDITION_OF_PREVIOUS.match(connector):
        return "tight"
    # "unless the patient has Gilbert's syndrome, in which case direct bilirubin <= 1.5 x ULN":
    # what holds in that case is asked of it too (joined by "or", Gilbert's syndrome alone met it)
    if re.search(r"\band\b|\bwith\b|\bhad\b|\bplus\b|\brequir\w*|\bneed\w*|\btreated\s+with\b|\breceiving\b|\bon\b|\bunder\b|^\s*for\s*$|\b(?:after|following|post)\b"
                 r"|\bin\s+which\s+case\b", connector, I):
        return "and"
    return "or" if default_or else "and"


# words, then the comma that ends the item they qualify: no conjunction, no bracket left open
# (a bracket may stand before the comma: "uncontrolled hypertension (blood pressure >= 160 systolic
# and >= 110 diastolic ...), uncontrolled diabetes"; and the next item's own qualifier after it:
# ", uncontrolled hypertension")
# (never words that explain the item, "an organ allograft ie, requiring immunosuppressive therapy",
# nor a condition after the comma, "prior immunotherapy and at the time of enrollment, requires
# steroids": both ask the two things together)
_NOT_A_JOIN = r"(?!(?:and|or|nor|plus|but|not|no|without|except|unless|if|ie|i\.e|eg|e\.g|namely|including|such|that|which)\b)"
_NOT_A_RELATION = (
    r"(?!(?:requir\w*|need\w*|with|without|after|following|post|receiving|on|under|treated|taking|who|whom|that|which|for|in|due"
    r"|has|have|had|is|are|was|were|be|been)\b)"
)
_QUALIFIER_THEN_COMMA = re.compile(
    r"(?=[^,]*[\w(])"  # words or a bracket before the comma: a bare comma is the list's own
    rf"(?:\s+(?:and\s+)?{_NOT_A_JOIN}[\w-]+){{0,6}}\s*(?:\([^()]*\)\s*)?,\s*(?:{_NOT_A_JOIN}{_NOT_A_RELATION}[\w-]+\s+){{0,2}}",
    re.I,
)
# (the item's own pattern may take the second word: "calculated or [measured creatinine clearance]")
_BULLET = re.compile(r"[•▪●◦]")
_HOW_MEASURED = re.compile(r"\b(?:calculated|measured|estimated)\s*(?:or|and/or|/)\s*(?:(?:calculated|measured|estimated)\b|$)", I)
_ANY_ORIGIN = re.compile(r"\b(?:either\s+)?de\s*novo\s*(?:,\s*)?(?:or|and/or|/)\s*secondary\b", I)
_ANY_DONOR = re.compile(r"\b(?:sibling|related|family)\s*(?:,\s*)?(?:or|and/or|/)\s*(?:(?:HLA[\s-]?)?(?:matched|mismatched)\s+)?unrelated\b", I)


# an abbreviation may close the first item ("hepatitis B virus (HBV) and hepatitis C virus (HCV)
# infections"): still a list, and read as All a patient with hepatitis B alone was not excluded
_LIST_AND = re.compile(
    r"[\s)\]]*(?:\(\s*[A-Za-z][\w-]{0,11}\s*\)\s*)?,?\s*(?:and|&|and/or)?\s*(?:(?:any|other|prior|previous|known|active|uncontrolled|uncompensated|decompensated|symptomatic|severe|significant|unstable|recent|untreated)\s+)?", I
)
# "Investigational products taken within 28 days before treatment with vosaroxin, and
# non-investigational cancer therapies ... within 14 days": each item dated against the study's
# start, then the next item: still the exclusion's list
# (the item may take the "before" of its window)
_DATED_LIST_AND = re.compile(
    r"\s*(?:(?:before|prior\s+to)\s+)?(?:the\s+)?(?:start\s+of\s+|first\s+dose\s+of\s+)?(?:study\s+)?(?:treatment|therapy|dosing|drug)(?:\s+with\s+[\w-]+)?\s*,\s*(?:and|and/or)\s+", I
)
_ANOTHER_GROUP = re.compile(r"\band\s+(?:(?:any|all|other)\s+)?(?:those|patients?|subjects?|participants?|individuals?)\s+(?:with|who)\b", I)
# the disease a therapy is given for: "for", "for the prevention or treatment of", "to treat"
_FOR = re.compile(
    r"\s*(?:for|to\s+(?:treat|prevent)|for\s+(?:the\s+)?(?:prevention|prophylaxis|treatment|management|control)"
    r"(?:\s+(?:or|and|and/or)\s+(?:prevention|prophylaxis|treatment|management|control))?\s+of)\s*",
    I,
)
_TREATMENTS = frozenset({"hsct", "allo_hsct", "auto_hsct", "chemotherapy", "radiotherapy", "immunotherapy", "targeted_therapy", "car_t",
                         "immunosuppressant_therapy", "steroid_therapy"})
_INDICATIONS = _DIAGNOSIS_CONCEPTS | {"gvhd"}
_WASHOUT_INDICATIONS = _INDICATIONS | {"leptomeningeal_disease", "brain_metastases", "cns_involvement"}
_CATEGORIES = _TREATMENTS | {"anticancer_therapy", "investigational_agent", "systemic_therapy"}
_BARE_OR = re.compile(r"\s*,?\s*(?:or|and/or|/)\s*", I)
_NAMED_THERAPIES = _CATEGORIES | {"named_medication", "hormone_therapy", "hydroxyurea", "car_nk"}


def _plain_therapy(item: Item) -> bool:
    """A therapy named as given (no count, bound or negation of its own: "more than one systemic
    treatment" is read already), which a clause that has not received it negates."""
    def plain(e: Expr) -> bool:
        if isinstance(e, Predicate):
            return e.op in (Op.PRESENT, Op.IS)
        if isinstance(e, (All, Any_)):
            return all(plain(p) for p in e.parts)
        return isinstance(e, Review)
    return item.expr is not None and bool(item.concepts & _NAMED_THERAPIES) and plain(item.expr)


def _indications(exprs: list[Item], text: str, washouts: bool = False) -> list[Item]:
    """"Allogeneic transplant for AML with infusion of stem cells within 90 days": the disease a
    treatment was for names its indication, not a second condition, in an exclusion (what it
    excludes is the treatment); a recency the topic gave the disease is the treatment's.
    With ``washouts`` (an inclusion) only a washout's ("At least 3 weeks since prior systemic
    chemotherapy for leptomeningeal disease": joined, every patient without the disease failed)."""
    out: list[Item] = []
    for it in exprs:
        prev = out[-1] if out else None
        e, p = it.expr, prev.expr if prev is not None else None
        if (
            prev is not None
            and isinstance(e, Predicate)
            and e.concept in (_WASHOUT_INDICATIONS if washouts else _INDICATIONS)
            and isinstance(p, Predicate)
            and p.concept in _TREATMENTS
            and (not washouts or p.op is Op.NOT_WITHIN and e.op is Op.PRESENT and e.window is None)
            and _FOR.fullmatch(text[prev.end: it.start])
        ):
            if e.window is not None and p.window is None and p.op is Op.PRESENT:
                k = len(out) - 1  # "allogeneic or autologous transplant for AML within 90 days": each treatment listed
                while k >= 0:
                    q = out[k].expr
                    if not (isinstance(q, Predicate) and q.concept in _TREATMENTS and q.op is Op.PRESENT and q.window is None):
                        break
                    out[k] = Item(out[k].start, out[k].end, Predicate(q.concept, Op.WITHIN, window=e.window), out[k].concepts)
                    if k == 0 or not _BARE_OR.fullmatch(text[out[k - 1].end: out[k].start]):
                        break
                    k -= 1
            continue
        out.append(it)
    return out


_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _category_window(exprs: list[Item], text: str) -> list[Item]:
    """"anticancer therapy (chemotherapy, immunotherapy, radiotherapy) within 2 weeks": the
    bracket lists the kinds of the treatment before it, and the recency they share is the
    treatment's as well."""
    out = list(exprs)
    for k, it in enumerate(out[:-1]):
        e = it.expr
        if not (isinstance(e, Predicate) and e.op is Op.PRESENT and e.concept in _CATEGORIES and _OPEN_BRACKET.fullmatch(text[it.end: out[k + 1].start])):
            continue
        close = text.find(")", it.end)
        members = [p for m in out[k + 1:] if close < 0 or m.start < close for p in predicates(m.expr)]
        windows = {m.window for m in members if m.op is Op.WITHIN}
        if members and len(windows) == 1 and all(m.op is Op.WITHIN for m in members):
            out[k] = Item(it.start, it.end, Predicate(e.concept, Op.WITHIN, window=windows.pop()), it.concepts)
    return out


_ANCHOR_AFTER = re.compile(r"\b(?:after|following|post)\s*$", I)


def _as_anchor(item: Item, text: str) -> Item:
    """The event another is dated against ("immunosuppressive therapy post HSCT") is asked
    for as having happened: a recency window its own words do not state is not its own."""
    if re.search(r"\d", text[item.start: item.end]):
        return item

    def undated(e: Expr) -> Expr:
        if isinstance(e, Predicate) and e.op is Op.WITHIN:
            return Predicate(e.concept, Op.PRESENT)
        return All(tuple(undated(p) for p in e.parts)) if isinstance(e, All) else e

    return Item(item.start, item.end, undated(item.expr), item.concepts)  # type: ignore[arg-type]


def _comma_lists(kinds: list[str], connectors: list[str], roles: list[str]) -> list[str]:
    """"AML, MDS, ALL or MPAL", "ANC, platelets and haemoglobin": a run of items of one role
    joined by bare commas takes the conjunction that closes the run."""
    out = list(kinds)
    i = 0
    while i < len(connectors):
        if not _PURE_COMMA.fullmatch(connectors[i]):
            i += 1
            continue
        j = i
        while j < len(connectors) and _PURE_COMMA.fullmatch(connectors[j]):
            j += 1
        close = _LIST_CLOSE.match(connectors[j]) if j < len(connectors) else None
        # a bare conjunction takes in the next item; one followed by words joined those words
        last = j + 1 if close is not None and not close.group("more").strip() else j
        if close is not None and len(set(roles[i: last + 1])) == 1:
            for k in range(i, last):
                out[k] = "or" if close.group("or") else "and"
        i = j + 1
    return out


_WIDER = {"allo_hsct": "hsct", "auto_hsct": "hsct", "b_all": "all", "t_all": "all", "apl": "aml"}


def _narrowed_by(a: Expr | None, b: Expr | None) -> bool:
    return isinstance(a, Predicate) and a.op is Op.PRESENT and a.window is None and isinstance(b, All) and a in b.parts


def _restates(a: Expr | None, b: Expr | None) -> bool:
    if a == b:
        return True
    # "myeloablative allogeneic or autologous hematopoietic stem cell transplant (HSCT)": the wider
    # abbreviation restates the item its qualifier narrowed (kept apart, any transplant met the line)
    if isinstance(a, All) and isinstance(b, Predicate) and sum(not isinstance(p, Review) for p in a.parts) == 1:
        a = next(p for p in a.parts if not isinstance(p, Review))
    return (
        isinstance(a, Predicate) and isinstance(b, Predicate) and a.op is b.op and a.window == b.window
        and _WIDER.get(a.concept) == b.concept
    )


def _bounds_apart(a: Expr | None, b: Expr | None) -> bool:
    """Numeric bounds of different measurements on either side ("ALT or AST <= 2.5 x ULN" is one side)."""
    pa, pb = bound_predicates(a), bound_predicates(b)  # (a scope's finding beside a bound: topics.lab_scopes)
    if not pa or not pb:
        return False
    ca, cb = {p.concept for p in pa}, {p.concept for p in pb}
    return not ca & cb and not any((ca | cb) <= f for f in _SAME_MEASURE)


# an example list open before an item ("including A, B, and C"; "such as"): no sentence, clause
# or colon between the marker and the item
_EXAMPLES_BEFORE = re.compile(r"\b(?:including|such\s+as|e\.\s?g\.|for\s+example)\s[^.;:()]*$", I)
# the list's closing ", and" before the last example, its qualifiers allowed ("uncontrolled
# symptomatic"), no condition on the items ("and requiring", "and who", "and on")
_COMMA_AND = re.compile(
    r"[\s)\]]*(?:\([^()]*\)\s*)?,\s*(?:and|and/or)\s+(?![^,;]*\b(?:requir\w*|with|without|who|whom|that|which|treated|receiving|on|under|need\w*|if|unless|due)\b)[^,;()]*$",
    I,
)
# ("combination SCLC and NSCLC": one tumour of both kinds)
_BOTH_BEFORE = re.compile(r"\b(?:mixed|combined|combination|both|concomitant|simultaneous)\s+$", I)
_BOTH_AFTER = re.compile(r"[\s-]*(?:co-?infect\w*|coexist\w*|together)\b", I)


def _history(item: Item) -> bool:
    """An item that is a diagnosis, infection, therapy or procedure on record (not a measurement),
    or a list of them one topic read as alternatives ("hepatitis B, C and HIV": the hepatitis pair
    is one item; left out, HIV was asked beside it and an HIV-positive patient was not excluded)."""
    return _history_expr(item.expr)


def _graded(item: Item, text: str) -> bool:
    """An item of labs bounded by their CTCAE grade (topics.lab_grades): measurements only, the
    grade written in its span."""
    return bool(item.concepts) and all(CONCEPTS.get(c) is not None and CONCEPTS[c].kind is Kind.MEASUREMENT for c in item.concepts) \
        and LAB_GRADE_GATE.search(text, item.start, item.end) is not None


def _history_qualified(e: Expr | None) -> bool:
    """A history, or a history narrowed by what else the item says: unread words beside it
    (``Qualifier`` conjuncts), a class or bound of its own ("congestive heart failure (NYHA
    III-IV)")."""
    if isinstance(e, All):
        return any(_history_expr(p) for p in e.parts)
    return _history_expr(e)

def _bound(e: Expr | None) -> bool:
    """A measurement's numeric bound and nothing else ("QTc > 470 msec")."""
    return isinstance(e, Predicate) and e.op in NUMERIC_OPS


_DEGREE_WORDS = re.compile(
    r"(?:(?:uncontrolled|uncompensated|decompensated|symptomatic|severe|significant|clinically|unstable|recent|untreated|active|known|poorly|controlled"
    r"|not\s+(?:well\s+|fully\s+|adequately\s+)?controlled(?:\s+(?:with|by)\s+(?:medication|treatment|therapy))?)\s*)+",
    I,
)


def _history_expr(e: Expr | None) -> bool:
    if isinstance(e, Any_):
        return bool(e.parts) and all(_history_expr(p) for p in e.parts)
    if isinstance(e, All):
        # a history with the qualifier the list wrote before it ("Unstable angina and uncompensated
        # congestive heart failure", "HIV and uncontrolled hepatitis B"): still a listed history
        # (only a qualifier of degree or status: other words the residue attached, "combination",
        # "women: The risks of", may say the two are one thing or no list at all)
        return any(_history_expr(p) for p in e.parts) and all(
            _history_expr(p) or (isinstance(p, Qualifier) and _DEGREE_WORDS.fullmatch(p.text) is not None) for p in e.parts
        )
    return isinstance(e, Predicate) and e.op in (Op.PRESENT, Op.WITHIN) and CONCEPTS[e.concept].kind is Kind.EVENT


def combine(items: list[Item], text: str, ctype: CriterionType, prohibited: bool = False) -> Expr | None:
    """The items joined by the words between them. ``prohibited``: an inclusion's "No ..."
    clause, whose list names things none of which may be present ("No HIV, hepatitis B",
    "No brain metastases and HIV infection"): it joins as an exclusion's list does, and a bare
    "and" between listed things is "or" (read as All, the negation passed anyone with one of them)."""
    if prohibited:
        ctype = CriterionType.EXCLUSION
    exprs = [it for it in items if it.expr is not None]
    if not exprs:
        return None
    if len(exprs) == 1:
        return exprs[0].expr
    # "hematopoietic stem cell transplantation (HSCT)": the abbreviation restates the item
    # (or its shorter, wider name: "allogeneic hematopoietic stem cell transplant (HSCT)")
    exprs = [
        it for k, it in enumerate(exprs)
        if not (k and _restates(exprs[k - 1].expr, it.expr) and _RESTATED.fullmatch(text[exprs[k - 1].end: it.start]))
    ]
    # "congestive heart failure NYHA class 3 or 4": the class read with its disease narrows the
    # name written just before it; kept apart, any heart failure met the line
    exprs = [
        it for k, it in enumerate(exprs)
        if not (k + 1 < len(exprs) and _narrowed_by(it.expr, exprs[k + 1].expr) and not text[it.end: exprs[k + 1].start].strip())
    ]
    exprs = _indications(exprs, text, washouts=ctype is CriterionType.INCLUSION)
    exprs = _category_window(exprs, text)
    connectors = [text[a.end: b.start] for a, b in zip(exprs, exprs[1:])]
    for k, c in enumerate(connectors):
        # in a prohibition ("No HIV and no active GVHD") the negator only repeats it, and a topic
        # may have read the "not" itself: negated once
        comma = not _AND_LAST.search(c) and _COMMA_NEGATES.match(c) is not None
        therapy = _NOT_TREATED_CLAUSE.search(c) is not None and _plain_therapy(exprs[k + 1])
        if not prohibited and (_NEGATES_NEXT.search(c) and (_AND_LAST.search(c) or comma) or therapy) and not isinstance(exprs[k + 1].expr, Not):
            nxt = exprs[k + 1]
            exprs[k + 1] = Item(nxt.start, nxt.end, Not(nxt.expr), nxt.concepts)  # type: ignore[arg-type]
    # "Mobitz II second degree heart block, that do not have a pacemaker", "Mobitz II or third
    # degree heart block without a permanent pacemaker": the item after is one each item of the
    # list before must come without, never an alternative to them (read as one, a patient with a
    # pacemaker and no block was excluded, and the paced block too)
    exprs, connectors = _without_item(exprs, connectors, prohibited)
    default_or = ctype is CriterionType.EXCLUSION
    kinds = [_joiner(c, default_or) for c in connectors]
    if prohibited:
        # "No HIV and no active GVHD": the prohibition said again before the next thing is a list's "and"
        kinds = ["or" if k == "and" and (_LIST_AND.fullmatch(connectors[i]) or (_NEGATES_NEXT.search(connectors[i]) and _AND_LAST.search(connectors[i])))
                 else k for i, k in enumerate(kinds)]
    roles = [_role(it) for it in exprs]
    # "or" joins alternatives of one role: in "relapsed, or refractory to induction AML" the
    # disease is not a third alternative to the status
    # a status written against its disease ("relapsed AML") is one unit, bound tighter than "or"
    kinds = ["unit" if {roles[i], roles[i + 1]} == _FIXED_ROLES and not connectors[i].strip(" -") else k for i, k in enumerate(kinds)]
    # a tumour marker written against its cancer ("ALK-positive NSCLC or ROS1-positive NSCLC") is
    # one unit too: joined bare, any NSCLC met the line
    kinds = ["unit" if _marker_of(exprs[i], exprs[i + 1]) and not connectors[i].strip(" -") else k for i, k in enumerate(kinds)]
    # "high-risk MDS (>= 10% marrow blasts) or AML": the bracket's one item qualifies the item it
    # follows and closes before the "or", so the "or" joins the qualified item, not the bracket's
    # (read inside it, every AML patient was asked for the MDS as well). A bracket of the same
    # disease ("myelodysplastic syndrome (MDS) or AML") restates it and is left to the others
    kinds = ["unit" if _OPENS_BRACKET.fullmatch(connectors[i]) and i + 1 < len(connectors) and _CLOSES_BRACKET_OR.match(connectors[i + 1])
             and roles[i] == "diagnosis" and not exprs[i].concepts & exprs[i + 1].concepts else k for i, k in enumerate(kinds)]
    if _marker_of_all(exprs, connectors):
        kinds[0] = "and"
    # "NSCLC without known ALK rearrangements": the item the topic negated is a further condition
    kinds = ["and" if _WITHOUT.search(connectors[i]) and isinstance(exprs[i + 1].expr, Not) and exprs[i + 1].concepts <= BIOMARKERS else k for i, k in enumerate(kinds)]
    for i in range(1, len(kinds)):  # "relapsed or primary refractory AML": the disease is both statuses'
        if kinds[i] == "unit" and roles[i] == "status" and roles[i - 1] == "status" and kinds[i - 1] == "or":
            kinds[i] = "and"
    kinds = _comma_lists(kinds, connectors, roles)
    # "T-cell lymphoma, stage IB or higher ... with progressive, persistent, or recurrent disease":
    # an "or" that closes a list of statuses, far from the disease, does not make the disease one
    kinds = [
        "and" if k == "or" and {roles[i], roles[i + 1]} == _FIXED_ROLES and not _LEADING_OR.match(connectors[i]) else k
        for i, k in enumerate(kinds)
    ]
    if "or" in kinds and "and" in kinds and any(re.search(r"\bor\b|\beither\b", c, I) for c in connectors) and not any(
        re.search(r"\band\b", c, I) for c in connectors
    ):
        kinds = [  # "A, B, or C"
            "or" if k == "and" and _listed_together(exprs[i], exprs[i + 1], (roles[i], roles[i + 1])) and not _FOR_DISEASE.fullmatch(connectors[i])
            else k for i, k in enumerate(kinds)
        ]
    if ctype is CriterionType.INCLUSION:
        # "ANC >= 1.5, PLT >= 100, ..., ALT or AST <= 2.5 x ULN, INR < 1.5 or PT < ULN": a comma
        # between two bounds of different measurements lists requirements, whatever "or" stands
        # elsewhere in the clause (read as alternatives, one passing value met the whole list)
        # A bare slash between two such bounds lists them the same way ("Bilirubin: < 2.0 x ULN/
        # ALT: < 3.0 x ULN"; read as "or", a failed bilirubin passed beside a normal ALT)
        # A method after the first bound may stand before the comma ("LVEF >= 50% as determined by
        # a MUGA scan or echocardiogram, QTc <= 480 ms"): its "or" joins the methods, not the bounds
        # (read as the line's, an LVEF of 45% met it through the QTc)
        # (an unread bound may stand between, a list item of its own: "Platelets > 100,000/mm³,
        # Lymphocytes > 800 /mm³, Serum creatinine < 2.0 mg/dl or ...")
        kinds = ["and" if k == "or" and (_PURE_COMMA.fullmatch(connectors[i]) or _PURE_SLASH.fullmatch(connectors[i]) or _METHOD_COMMA.fullmatch(blank_remarks(connectors[i]))
                                         or _UNREAD_BOUND_COMMA.fullmatch(connectors[i]) or _OR_LOOSER_BOUND.search(connectors[i])
                                         or _BARE_LIST_GAP.fullmatch(_without_brackets(connectors[i])))
                 and _bounds_apart(exprs[i].expr, exprs[i + 1].expr)
                 else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "HIV, hepatitis B and hepatitis C"; "major surgery, and live vaccine within 4 weeks": an
        # exclusion's list of histories excludes by any of them. Read as All, a patient with one
        # of them (HIV alone) was not excluded.
        # "mixed small cell and non-small cell lung cancer", "HIV and hepatitis B co-infection" name
        # one thing having both
        # (an item carrying the line's exception or unread words, "MDS and MGUS within 5 years
        # except: ...", is still one of the list's histories: read as All, a patient with MDS
        # alone was not excluded)
        kinds = ["or" if k == "and" and (_LIST_AND.fullmatch(connectors[i]) or _DATED_LIST_AND.fullmatch(connectors[i]))
                 and (_history(exprs[i]) or _history_qualified(exprs[i].expr)) and (_history(exprs[i + 1]) or _history_qualified(exprs[i + 1].expr))
                 and {roles[i], roles[i + 1]} != _FIXED_ROLES and not _BOTH_BEFORE.search(text, max(0, exprs[i].start - 12), exprs[i].start)
                 and not _BOTH_AFTER.match(text, exprs[i + 1].end) else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "Clinically significant cardiac disease including unstable angina, myocardial infarction
        # within six months, congestive heart failure (NYHA III-IV), and uncontrolled symptomatic
        # arrhythmia": the ", and" that closes a list of examples closes a list of alternatives,
        # whatever qualifies the last one (read as All, a myocardial infarction two months ago
        # did not exclude without an arrhythmia beside it)
        # (an item carrying the unread words before it, "cardiac disease including", is still one
        # of the list's histories)
        # (the list's last example may be a measurement's bound: "ECG abnormalities including left
        # bundle branch block, ..., bradycardia, and QTc > 470 msec" lists the QTc as one more
        # abnormality; read as All, a block on record excluded only beside a long QTc)
        kinds = ["or" if k == "and" and _EXAMPLES_BEFORE.search(text[max(0, exprs[i].start - 300): exprs[i].start])
                 and (_COMMA_AND.match(connectors[i]) or _PURE_COMMA.fullmatch(connectors[i]))
                 and _history_qualified(exprs[i].expr) and (_history_qualified(exprs[i + 1].expr) or _bound(exprs[i + 1].expr))
                 and {roles[i], roles[i + 1]} != _FIXED_ROLES else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "Baseline hypomagnesemia and amylase or lipase at least Grade 1 or higher": a lab at a
        # CTCAE grade is an adverse event as a diagnosis is, and an exclusion's list of them
        # excludes by any (read as All, a lipase past the limit without hypomagnesemia passed)
        kinds = ["or" if k == "and" and _LIST_AND.fullmatch(connectors[i])
                 and (_graded(exprs[i], text) or _graded(exprs[i + 1], text))
                 and all(_graded(it, text) or _history(it) for it in (exprs[i], exprs[i + 1])) else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "Left ventricular ejection fraction < 45% and in children-shortening fraction < 26%": two
        # measures of the heart's pumping, each the exclusion for whom it is taken (joined by
        # "and", an adult with an ejection fraction of 40% and no shortening fraction on record was
        # no longer excluded)
        kinds = ["or" if k == "and" and (exprs[i].concepts | exprs[i + 1].concepts) == _PUMP and exprs[i].concepts != exprs[i + 1].concepts else k
                 for i, k in enumerate(kinds)]
    if ctype is CriterionType.INCLUSION:
        kinds = _listed_diagnoses(exprs, kinds, connectors, text)
        kinds = _included_kinds(exprs, kinds, connectors, roles, text)
    for i, k in enumerate(kinds):
        if k == "tight" and _ANCHOR_AFTER.search(connectors[i]):
            exprs[i + 1] = _as_anchor(exprs[i + 1], text)
    kinds = ["unit" if k == "tight" else k for k in kinds]
    loose = _loose_or(kinds, connectors) or (_age_alternatives(exprs, kinds) if ctype is CriterionType.INCLUSION else [])
    if loose:
        # "HBsAg positive and HBV DNA above N, or HCV positive": an "or" after a comma closes the
        # conjunction before it (read inside it, a patient with hepatitis C alone was asked for
        # hepatitis B too)
        cuts = [0, *(k + 1 for k in loose), len(exprs)]
        return any_of([_joined(exprs[a:b], kinds[a: b - 1]) for a, b in zip(cuts, cuts[1:])])
    return _joined(exprs, kinds)


# a comma before "or" ("..., or ...") and a conjunction written out ("and") elsewhere in the clause
_COMMA_OR = re.compile(r",\s*(?:or|and/or)\s*$", I)
_WRITTEN_AND = re.compile(r"^\s*(?:and|plus)\s*$", I)


def _loose_or(kinds: list[str], connectors: list[str]) -> list[int]:
    """The joins that are an "or" after a comma in a clause whose other joins include a written
    "and" between two items ("A and B, or C"): they bind more loosely than that "and"."""
    loose = [k for k, c in enumerate(connectors) if kinds[k] == "or" and _COMMA_OR.search(c)]
    if not loose:
        return []
    written = [k for k, c in enumerate(connectors) if kinds[k] == "and" and _WRITTEN_AND.match(c)]
    return loose if written else []


def _age_alternatives(exprs: list[Item], kinds: list[str]) -> list[int]:
    """The "or" joins with an age on both sides ("≥ 60 years of age with newly diagnosed AML ... or
    ≥ 18 years of age with relapsed/refractory AML"): each age opens an alternative of its own,
    whole. Bound tighter than the "with" around it, the first alternative's age and status were
    asked of both, so no relapsed patient met the line."""
    ages = [k for k, it in enumerate(exprs) if it.concepts == frozenset({"age"})]
    return [k for k, kind in enumerate(kinds) if kind == "or" and any(a <= k for a in ages) and any(a > k for a in ages)]


# only a comma or "and" between two listed diseases (an abbreviation may close the first)
_DIAGNOSIS_AND = re.compile(r"[\s)\]]*(?:\(\s*[A-Za-z][\w-]{0,11}\s*\)\s*)?,?\s*(?:and|&|and/or)?\s*", I)


def _listed_diagnoses(exprs: list[Item], kinds: list[str], connectors: list[str], text: str) -> list[str]:
    """An inclusion's diseases listed with "and" ("Diagnosis of Myelodysplastic Syndromes,
    Chronic Myelomonocytic Leukemia and Acute Myeloid Leukemia", "Patients with AML and MDS"):
    the kinds of patient the trial takes, each an alternative. No patient has all of them, so
    read as All every patient failed the diagnosis line. Only a bare list joins so: words between
    ("AML arising from MDS", "CLL with ...") keep the join they had."""
    def disease(item: Item) -> bool:
        return isinstance(item.expr, Predicate) and item.expr.op is Op.PRESENT and item.expr.concept in _DIAGNOSIS_CONCEPTS

    def listed(i: int) -> bool:  # items i and i + 1 name diseases in a bare list (read with words beside them or not)
        return 0 <= i < len(connectors) and _DIAGNOSIS_AND.fullmatch(connectors[i]) is not None and all(
            bool(it.concepts & _DIAGNOSIS_CONCEPTS) for it in (exprs[i], exprs[i + 1]))

    def tail(i: int) -> bool:  # the pair closes a longer list whose other items went unread ("NHL, hairy cell leukemia, CLL and ...")
        return bool(re.search(r",\s*$", text[max(0, exprs[i].start - 3): exprs[i].start]))

    # a pair only: a longer list is taken whole, qualifiers and all, by safety.listed_diagnoses_any
    return ["or" if k == "and" and listed(i) and disease(exprs[i]) and disease(exprs[i + 1]) and not listed(i - 1) and not listed(i + 1) and not tail(i)
            else k for i, k in enumerate(kinds)]


_PUMP = frozenset({"lvef", "shortening_fraction"})
# "ALL (including lymphoblastic lymphoma and Burkitt's subtypes)", "Advanced solid tumors
# (including lymphoma without bone marrow involvement)": a diagnosis the bracket includes beside
# the line's own
_INCLUDING_OPEN = re.compile(r"\s*\(\s*including\b[^()]*$", I)
# the same list unbracketed after a comma ("MDS, including CMML"; "Myeloproliferative disorders,
# including Ph-negative CML, myelofibrosis and CMML"): read as "and", an MDS patient without
# CMML failed the MDS line
# (the connector may end at "including" itself, the space read with the next name: "Solid tumors,
# including lymphomas", where every patient with a solid tumour was asked for a lymphoma too)
# what a bracket of included diagnoses holds besides their names: "including", the joins, its own
# bracket marks
_ONLY_INCLUDING = re.compile(r"[\s(]*including(?:\s|,|\band/or\b|\band\b|\bor\b)*", I)
_INCLUDING_LIST = re.compile(r"\s*\)?\s*,?\s*including(?:\s+(?:[^().;:,]{1,40},\s*){0,3}(?:[^().;:,]{1,40}\s+(?:and|or|and/or))?)?\s*", I)


def _included_kinds(exprs: list[Item], kinds: list[str], connectors: list[str], roles: list[str], text: str) -> list[str]:
    """A diagnosis named in "(including ...)" right after the line's diagnosis widens it: one more
    kind of patient the line admits, never a second disease each must have (joined by "and", every
    patient with the line's own disease failed it). The bracket's words say which of its kind (a
    lymphoma that is lymphoblastic, one without marrow involvement), and no record's broad concept
    says that, so each included diagnosis stands with the bracket as a review beside it: a patient
    with the line's disease meets the line, one with neither disease fails it, one with the
    included kind is a person's to confirm."""
    out = list(kinds)
    for i, connector in enumerate(connectors):
        if _a_disease(exprs[i], roles[i]) and _a_disease(exprs[i + 1], roles[i + 1]) and _INCLUDING_LIST.fullmatch(connector):
            out[i] = "or"  # "MDS, including chronic myelomonocytic leukemia": one more disease the line admits
            continue
        if not (_a_disease(exprs[i], roles[i]) and _a_disease(exprs[i + 1], roles[i + 1])) or not _INCLUDING_OPEN.match(connector):
            continue
        close = text.find(")", exprs[i + 1].start)
        if close < 0 or exprs[i + 1].concepts <= exprs[i].concepts:
            continue  # "AML (including secondary AML)": the line's own disease again, nothing added
        words = " ".join(text[text.find("(", exprs[i].end) + 1: close].split())
        # a bracket that only names the included diagnoses ("MDS (including CMML)", "(including
        # chronic myelomonocytic leukemia)") says nothing a person must confirm: each is one more
        # disease the line admits, as "MDS, including CMML" reads (with the review beside it, a
        # CMML patient was left to a person by a trial that names CMML)
        base = text.find("(", exprs[i].end) + 1
        inside = [k for k in range(i + 1, len(exprs)) if exprs[k].end <= close + 1]
        rest = text[base:close]
        for k in reversed(inside):  # the names blanked out, last first so the earlier offsets hold
            rest = rest[: max(0, exprs[k].start - base)] + " " + rest[max(0, exprs[k].end - base):]
        bare = all(_a_disease(exprs[k], roles[k]) for k in inside) and _ONLY_INCLUDING.fullmatch(rest) is not None
        # inside a list of diseases ("AML, ALL, MDS (including CMML), CML ..."), the included kind
        # stays the list's remark for a person, as it was before it was read: set apart by "or"
        # there, the list's reading broke and an AML patient was asked for MDS or CMML
        listed = i > 0 and _a_disease(exprs[i - 1], roles[i - 1]) and _PURE_COMMA.fullmatch(connectors[i - 1]) is not None and out[i - 1] != "or"
        out[i] = out[i - 1] if listed else "or"
        for k in range(i + 1, len(exprs)):
            if exprs[k].end > close + 1:
                break
            if _a_disease(exprs[k], roles[k]) and not bare:
                kept: Expr = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words) if listed else all_of([exprs[k].expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words)])  # type: ignore[list-item]
                exprs[k] = Item(exprs[k].start, exprs[k].end, kept, exprs[k].concepts)
            if k > i + 1:
                out[k - 1] = out[i]
    return out


def _a_disease(item: Item, role: str) -> bool:
    e = item.expr
    return role == "diagnosis" or (isinstance(e, Predicate) and e.op is Op.PRESENT and _cancer(e.concept))


def _joined(exprs: list[Item], kinds: list[str]) -> Expr:
    units: list[Expr] = [exprs[0].expr]  # type: ignore[list-item]
    unit_kinds: list[str] = []
    for kind, item in zip(kinds, exprs[1:]):
        if kind == "unit":
            units[-1] = all_of([units[-1], item.expr])  # type: ignore[list-item]
        else:
            units.append(item.expr)  # type: ignore[arg-type]
            unit_kinds.append(kind)
    groups: list[list[Expr]] = [[units[0]]]
    for kind, unit in zip(unit_kinds, units[1:]):
        if kind == "or":
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return all_of([any_of(g) for g in groups])


_WINDOW_NEXT = re.compile(r",\s*(?:within|in\s+the\s+(?:last|past|previous|preceding))\b", I)


def _cuts(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``text`` cut into consecutive pieces at the (sorted, disjoint) spans' ends."""
    out, at = [], 0
    for s, e in spans:
        if s > at:
            out.append((at, s))
        out.append((s, e))
        at = e
    if at < len(text):
        out.append((at, len(text)))
    return out


# adjectives of degree listed with a comma before one noun ("significant, uncontrolled active
# infection", "any active, uncontrolled infection"; 13 corpus lines "significant, uncontrolled"):
# one phrase, the comma no list's (read as one, the lone "Significant" left the line to a person);
# ``_DEGREE_COMMA`` is compiled below, beside the degrees it names
def _degree_commas(text: str) -> str:
    """``text`` with a comma between two adjectives of degree made a space (offsets kept)."""
    return _DEGREE_COMMA.sub(lambda m: m.group(0).replace(",", " "), text) if "," in text else text


# an exception naming a subtype of the line's disease ("AML other than acute promyelocytic leukemia
# by WHO criteria with relapsed disease ...", "AML, except APL (APL), including leukemia secondary
# to prior therapy ...", "FAB classification other than M3 (APL), documented by bone marrow"):
# what follows the subtype's name qualifies the disease the line asks for, not the subtype. Read
# to the clause's end, those words became the exception's own ("not (APL and review ...)"), so a
# patient with APL on record was left unknown by a line that excludes him, and the relapse the
# line asks for was asked of the APL instead. The exception ends after the name (its brackets, its
# karyotype, "and variants") when a qualifying word follows; "and"/"or" after it (another thing
# excepted: "excluding APL and CML in blast phase") keeps the exception as it was.
_DISEASES = frozenset(MALIGNANCIES)
_EXCEPTION_WORD = re.compile(r"[\s,(\[]*(?:except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|but\s+not)\s+(?:the\s+)?", I)
_AFTER_SUBTYPE = re.compile(
    r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))*"  # "(APL)", "[APL with t(15;17)]"
    r"(?:\s*(?:with\s+)?t\s*\(\s*\d+\s*;\s*\d+\s*\)(?:\s*\(\s*[pq][\d.]+\s*;\s*[pq][\d.]+\s*\))?)?"  # "with t(15;17)(q22;q12)"
    r"(?:\s+(?:and|or|and/or)\s+(?:its\s+)?variants)?"
    r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))*",
    I,
)
_ABBREVIATION = re.compile(r"\s*\(\s*[A-Za-z][A-Za-z0-9-]{0,7}\s*\)")
_QUALIFIER_NEXT = re.compile(
    r"\s*,?\s*(?:by|according|as|per|documented|confirmed|determined|defined|diagnosed|who|that|which|in\s+(?:an?\s+)?(?:adult|patient|child)|"
    r"with\s+(?:relapsed|refractory|disease|active|a|an|\d)|is|are|will|must|may)\b",
    I,
)


def _subtype_end(text: str, start: int, end: int, ctype: CriterionType) -> tuple[int, int]:
    """Where an exception found at ``start`` ends, as (its words' end, its span's end): at ``end``
    as matched, or after the name of a subtype of a disease named before it when the words after
    the name qualify that disease. The subtype's own karyotype and variants end the span but are
    no words of the exception (they define the subtype; read, they were a review of it)."""
    lead = _EXCEPTION_WORD.match(text, start, end)
    if lead is None or lead.end() >= end or text.startswith(("(", "["), start):
        return end, end  # a bracketed exception ends with its bracket
    body = extract(text[lead.end(): end], ctype)
    first = next((it for it in body if it.expr is not None), None)
    if first is None or first.start > 0 or not first.concepts:
        return end, end
    before = {c for it in extract(text[:start], ctype) if it.expr is not None for c in it.concepts}
    if not before or not all(c in _DISEASES and set(ancestors(c)) & before for c in first.concepts):
        return end, end
    name = lead.end() + first.end
    if text.count("(", lead.end(), name) > text.count(")", lead.end(), name) and text.startswith(")", name):
        name += 1  # "t(15;17)": the name's own bracket
    abbreviation = _ABBREVIATION.match(text, name, end)
    tail = _AFTER_SUBTYPE.match(text, name, end)
    cut = tail.end() if tail is not None else name
    if cut >= end or not _QUALIFIER_NEXT.match(text, cut, end):
        return end, end
    return (abbreviation.end() if abbreviation is not None else name), cut


# the words that open a list of examples right before its first item ("abnormalities including")
_HEAD_OF_EXAMPLES = re.compile(r"\b(?:including|such\s+as|e\.\s?g\.?|for\s+example)\s*[:,]?\s*$", I)
_CLASS_NOUN = re.compile(r"\b(?:abnormalit(?:y|ies)|diseases?|disorders?|conditions?|events?|illness(?:es)?|tumou?rs?|problems?|infections?)\b", I)
_NARROWING_HEAD = re.compile(
    r"\b(?:uncontrolled|active|symptomatic|unstable|untreated|current(?:ly)?|recent|ongoing|poorly|severe|for|to|within|requir\w*|contraindicat\w*"
    r"|treatments?|therap(?:y|ies)|medications?|drugs?|agents?|use|usage|risk)\b",
    I,
)
_CAUSE_HEAD = re.compile(r"\b(?:due|caus\w*|secondary\s+to|related\s+to|attributable|because|from|resulting)\b", I)
_PERMITS = re.compile(r"\b(?:may|can|will)\s+be\s+(?:enrolled|eligible|included|allowed|permitted)\b|\b(?:are|is)\s+(?:eligible|allowed|permitted|acceptable)\b|\bunless\b|\bexcept\b", I)


def parse_clause(text: str, ctype: CriterionType) -> Clause:
    text = _degree_commas(blank_whichever_shorter(blank_rationale(blank_stand_in(blank_otherwise(text)))))
    exceptions: list[tuple[str, int]] = []
    main = text
    named = other_than_spans(text)  # "malignancy other than ALL" names a concept, it excepts nothing
    pos, spans = 0, []
    while (m := _EXCEPTION.search(text, pos)) is not None:
        inside = next((e for s, e in named if s <= m.start() < e), None)
        if inside is not None:
            pos = max(inside, m.start() + 1)
            continue
        named_end, end = _subtype_end(text, m.start(), m.end(), ctype)
        words = text[m.start(): named_end]  # a subtype's name keeps its own closing bracket ("t(15;17)")
        exceptions.append((words.strip(" ,()") if end == m.end() else words.lstrip(" ,([").rstrip(" ,"), m.start()))
        spans.append((m.start(), end))
        pos = max(end, m.start() + 1)
    if exceptions:
        # an aside before the head's window ("major surgery, other than diagnostic surgery (i.e.
        # ... a biopsy ...), within 4 weeks") leaves one blank, not its length: a long one kept
        # the window too far from the head to be its (exception starts after it move with it)
        short = {(s, e) for s, e in spans if _WINDOW_NEXT.match(text, e)}
        shift = 0
        for k, (exc, start) in enumerate(exceptions):
            exceptions[k] = (exc, start - shift)
            s, e = spans[k]
            if (s, e) in short:
                shift += e - s - 1
        main = "".join((" " if (s, e) in short else " " * (e - s)) if (s, e) in spans else text[s:e] for s, e in _cuts(text, spans))
    main = blank_either_way(main)
    items, restated, antecedents = _without_antecedents(extract(main, ctype), main)
    items = _negated_examples(items, main, ctype)
    items, examples = _examples(items, main, ctype)
    items, main = _restatements_blanked(items, main)
    items = _status_over_diseases(_status_runs(items, main), main, ctype)
    negated = NEGATED.match(main) if ctype is CriterionType.INCLUSION else None
    if negated is not None and negation_read_by_item(negated, items):
        negated = None
    expr = combine(items, main, ctype, negated is not None)
    # (an exclusion's list joins its items as alternatives: "AML arising from MDS" kept its review)
    expr, origin = _with_antecedent(expr, items, antecedents, main) if ctype is CriterionType.INCLUSION else (expr, None)
    if origin is not None:
        items = [*items, antecedents[0][0]]
        restated = [*restated, origin]
    # remarks are found both in the clause as written ("within 3 weeks prior to treatment": the
    # topic read the window, and the anchor left behind is still an anchor) and with the items
    # blanked (a reference that runs on past a disease name); a character either pass blanked
    # is not residue
    masked = list(main)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
    after_items = blank_remarks("".join(masked))
    as_written = blank_remarks(main)
    masked_text = after_items
    if as_written != main:  # most clauses hold no remark: nothing to merge
        chars = list(after_items)
        for m in _BLANK_RUN.finditer(as_written):
            chars[m.start(): m.end()] = " " * (m.end() - m.start())
        masked_text = "".join(chars)
    if any(it.concepts & ESTIMATED for it in items if it.expr is not None):
        masked_text = blank_estimator(masked_text)  # "life expectancy >= 12 weeks in the opinion of the investigator"
    lead = [(0, _NOT_YET.match(main, negated.end()).end())] if negated is not None else []  # "Has never", "Have not yet": the negation read
    for a, b in examples + restated + _restated_initials(main, items) + lead:
        masked_text = masked_text[:a] + " " * (b - a) + masked_text[b:]
    residue: list[Residue] = []
    ever_asked = (any(isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT and it.expr.window is None for it in items)
                  and _UNREAD_SPAN.search(masked_text) and not _MEASURED_WHEN.search(main))
    for a, b in _segments(main):
        words = content_words(masked_text[a:b]) or (_UNREAD_SPAN.findall(masked_text, a, b) if ever_asked else [])
        if words:  # "hepatitis B virus hepatitis": a word of the item beside it, said again, adds nothing
            named = {w.lower() for it in items if not (it.end <= a or it.start >= b) for w in _WORD_RE.findall(main[it.start: it.end])}
            words = [w for w in words if w.lower() not in named]
        if not words:
            continue
        # (an item of consumed words, "Kidney function:" before a list, qualifies nothing the text
        # goes on to join by "or": it made the unread alternative a conjunct, "creatinine outside
        # the normal range, or clearance < 50" read as both at once, and a patient with the
        # creatinine alone passed; other consumed words still scope what they stand in)
        overlapping = [it for it in items if not (it.end <= a or it.start >= b)]
        if overlapping and all(it.expr is None for it in overlapping) and _OR_NEXT.match(main, b):
            overlapping = []
        qualifies = bool(overlapping) or bool(
            (_QUALIFIER.match(masked_text[a:b]) or (_AND_BEFORE.search(main, 0, a) and _STATE_VERB.match(masked_text[a:b]))
             or not content_words(masked_text[a:b]))  # a span of time alone is when the history before it was
            and any(it.end <= a for it in items)
        )
        if qualifies and ctype is CriterionType.EXCLUSION and overlapping:
            # "Significant ECG abnormalities including left bundle branch block, ...": the words
            # before "including" name the class the examples are of, never a condition of the first
            # example (read as one, a block on record left the line to a person). The class is one
            # more alternative, a person's
            # (never a cause's examples, "renal failure due solely to reversible causes such as
            # hypercalcemia", nor where the line permits some of them: "... such as ascites.
            # Patients in whom the fluid can be drained may be enrolled")
            # Only a class the line judges ("significant ECG abnormalities", "serious intercurrent
            # illness", "known CNS tumors"): a state of the patient's ("uncontrolled medical problems
            # such as diabetes"), a purpose, a time frame or a treatment ("treatment for breast cancer
            # such as chemotherapy") narrows each example, and stays its condition
            first = min(it.start for it in overlapping)
            head = main[a:first]
            if (a < first and _HEAD_OF_EXAMPLES.search(main, a, first) and not content_words(masked_text[first:b])
                    and _CLASS_NOUN.search(head) and not _NARROWING_HEAD.search(head)
                    and not _CAUSE_HEAD.search(main, 0, first) and not _PERMITS.search(main, first)):
                qualifies = False
        residue.append(Residue(masked_text[a:b].strip(" ,.:"), a, b, qualifies))
    residue = _adjectives_joined(residue, items, main)
    concepts = frozenset().union(*(it.concepts for it in items)) if items else frozenset()
    return Clause(expr, residue, exceptions, concepts, items, main)


# adjectives of degree or course joined by "or" before one noun ("Severe or persistent active
# infections", "Significant and/or uncontrolled cardiac disease"): the "or" is inside the noun's
# phrase (criteria-shapes: "or" joins alternatives only between subjects), so the first adjective
# qualifies the noun the second stands before, never an alternative of its own (read as one, an
# exclusion with no record of the noun was left unknown instead of not met)
_DEGREE = (
    r"(?:other|any|known|severe|serious|(?:clinically\s+)?significant|uncontrolled|uncontrollable|persistent|chronic|acute|"
    r"active|symptomatic|unstable|poorly\s+controlled|life[\s-]threatening|concurrent|concomitant|ongoing|systemic|"
    # the course words before them ("Known pre-existing clinically significant or uncontrolled
    # disorder of ...", "Symptomatic and/or unstable pre-existing brain metastases"); never
    # "current", which joined by "or" names the state itself ("No uncontrolled or current infection")
    r"pre-?existing|existing)"
)
_DEGREE_ONLY = re.compile(
    rf"\W*(?:no\s+|without\s+)?(?:(?:patients?|subjects?|participants?)\s+(?:with|who\s+have)\s+|(?:a\s+)?(?:history|presence|evidence)\s+of\s+)?"
    rf"(?:{_DEGREE}\W+)*{_DEGREE}\W*", I
)
_DEGREE_JOIN = re.compile(rf"\s*(?:or|and/or|/)\s*(?:{_DEGREE}\W+)*", I)
_DEGREE_COMMA = re.compile(rf"\b{_DEGREE},(?=\s+{_DEGREE}\b)", I)
_DEGREE_AND = re.compile(rf"\b({_DEGREE})\s+and\s+(?={_DEGREE}\b)", I)


def _adjectives_joined(residue: list[Residue], items: list[Item], text: str) -> list[Residue]:
    out: list[Residue] = []
    for k, r in enumerate(residue):
        if r.qualifies or not _DEGREE_ONLY.fullmatch(r.text):
            out.append(r)
            continue
        head = next((it for it in items if it.expr is not None and it.start >= r.end), None)
        if head is None or not _DEGREE_JOIN.fullmatch(text, r.end, head.start):
            out.append(r)
            continue
        nxt = residue[k + 1] if k + 1 < len(residue) and residue[k + 1].start < head.end else None
        words = " ".join(text[r.start: head.start].split()).strip(" ,")
        merged = Residue(words, r.start, max(head.end, nxt.end if nxt else head.end), True)
        if nxt is not None:
            residue[k + 1] = replace(nxt, text="", qualifies=True)
        out.append(merged)
    return [r for r in out if r.text]


_NOT_YET = re.compile(r"(?:\s+yet\b)?", I)
_BRACKETED_ABBREVIATION = re.compile(r"\s*\(\s*([A-Za-z]{2,8})\s*\)")


def _restated_initials(text: str, items: list[Item]) -> list[tuple[int, int]]:
    """A bracketed abbreviation made of the initials of the item before it ("double umbilical
    cord blood transplantation (dUCBT)") restates that item: it is no word of its own."""
    out = []
    for it in items:
        m = _BRACKETED_ABBREVIATION.match(text, it.end)
        if m is None:
            continue
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", text[it.start: it.end])).lower()
        letters = iter(initials)
        if all(ch in letters for ch in m.group(1).lower()):  # a subsequence of the initials
            out.append(m.span())
    return out


# examples of what a line names ("Active autoimmune disease, such as psoriasis", "systemic therapy
# (including chemotherapy, HSCT, etc.)"): the marker, then the examples to a bracket or the end
_EXAMPLE = re.compile(
    r"\(\s*(?P<m1>e\.?\s?g\.?|for\s+example|such\s+as|including|includes?|like)\b[^()]*\)"
    r"|,?\s*\b(?P<m2>e\.\s?g\.|for\s+example|such\s+as|including)\s+[^(),;]*",  # unbracketed: to the next comma, no further
    I,
)
_PLAIN_EXAMPLE = re.compile(r"e\.?\s?g|for\s+example|such\s+as|like", I)
# a bare bracket of names after a heart drug's class ("beta-blockers (metoprolol, atenolol,
# propranolol)", "calcium channel blockers with AV-nodal blocking activity (verapamil, diltiazem)"):
# the class's members, examples as "e.g." writes them (left, they were a review alternative
# beside the class, so a record with none of the class was never cleared)
_BARE_EXAMPLES = re.compile(r"\(\s*[A-Za-z][A-Za-z-]*(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:or\s+|and\s+)?[A-Za-z][A-Za-z-]*){1,8}\s*\)")
_EXAMPLED_CLASSES = frozenset({"beta_blocker", "diuretic_therapy", "calcium_channel_blocker", "nondihydropyridine_ccb"})
_ETC = re.compile(r"\betc\b\.?\s*\)?\s*$", I)


_NOT_THE_HEAD = re.compile(
    r"\d|[<>≤≥=]|\b(?:due|because|caused|resulting|withdrawn|discontinu\w*|secondary|after|following|within|since|past|last|recent(?:ly)?"
    r"|related|induced|associated|attributed|attributable|toxicit(?:y|ies)|adverse|reactions?"
    r"|planned|planning|scheduled|anticipated|expected|intended|candidates?|eligible|future)\b", I
)


# a head that asks what is given now: a therapy among its examples read as ever given would ask more
_NOW_HEAD = re.compile(r"\b(?:concurrent(?:ly)?|concomitant(?:ly)?|current(?:ly)?|ongoing|simultaneous)\b", I)


def _had(expr: Expr, now: bool) -> bool:
    """Whether ``expr`` only asks what the patient has or had (no absence, no "none within"); under
    a head asking the present (``now``), no therapy ever given either."""
    if isinstance(expr, Predicate):
        return expr.op not in (Op.NOT_WITHIN, Op.ABSENT) and not (now and expr.op is Op.PRESENT and therapy_concept(expr.concept))
    if isinstance(expr, (All, Any_)):
        return all(_had(p, now) for p in expr.parts)
    return isinstance(expr, Review)


def _negated_examples(items: list[Item], text: str, ctype: CriterionType) -> list[Item]:
    """A negated inclusion's examples of a thing no topic reads ("No other uncontrolled serious
    medical condition (e.g., cardiac arrhythmias or diabetes)") read as the exclusion it states
    reads them: alternatives of what the line rules out. The topics ask an inclusion's names only
    where a lead asks for them ("No", "history of" a few words back; a name opening the clause),
    so the examples of a longer head stood unread and the line was a bare review, which a
    diabetic patient passed; "No illness (e.g., diabetes)" read them. Only a list whose head is
    unread takes the exclusion's items within it, where the inclusion read none."""
    if ctype is not CriterionType.INCLUSION or (lead := NEGATED.match(text)) is None:
        return items
    if "(" not in text and not _PLAIN_EXAMPLE.search(text) and "includ" not in text.lower():
        return items
    found = list(items)
    stated: list[Item] | None = None
    for m in _EXAMPLE.finditer(text):
        a, b = m.span()
        if m.start() < lead.end():
            continue
        if m.group("m2"):
            b = _list_end(text, b)
        if _heads(found, text, a):
            continue  # a head read: its examples are among it (_examples)
        if _NOT_THE_HEAD.search(text, lead.end(), a):
            # the head's bound or window ("No concurrent therapeutic doses (≥ 2 mg/day) of
            # anticoagulants (e.g., warfarin)"), which its examples carry unread; a cause or a
            # drug's toxicity ("withdrawn from BCG due to a related adverse event (e.g., systemic
            # infection)", "bevacizumab-related toxicity ..., such as ... hemorrhage"), whose
            # examples are no condition of their own; a plan ("No planned palliative procedures
            # ... such as radiation therapy"), which no record of the examples shows
            continue
        if stated is None:  # the exclusion the line states: the same words without the negation
            stated = extract(" " * lead.end() + text[lead.end():], CriterionType.EXCLUSION)
        now = _NOW_HEAD.search(text, lead.end(), a) is not None  # "No other concurrent treatment (e.g., surgery or radiotherapy)"
        found += [
            it for it in stated
            if it.expr is not None and a <= it.start and it.end <= b and _had(it.expr, now) and all(it.end <= f.start or it.start >= f.end for f in found)
        ]
    return sorted(found, key=lambda it: it.start) if len(found) > len(items) else items


def _heads(items: list[Item], text: str, a: int) -> list[Item]:
    """The items read right before the examples starting at ``a`` (only remarks between): what
    the examples illustrate."""
    # (a review is no thing the examples are of: "Other hematologic disorders for which allogeneic
    # stem cell transplantation is appropriate (e.g., myelofibrosis)" names an indication, a
    # person's, before its example; taken as its head, the example became the line's one disease)
    return [it for it in items if it.expr is not None and not isinstance(it.expr, Review) and it.end <= a and not content_words(blank_remarks(text[it.end: a]))]


def _examples(items: list[Item], text: str, ctype: CriterionType) -> tuple[list[Item], list[tuple[int, int]]]:
    """Examples stand for the thing they illustrate, never for a condition of their own. After
    a thing read (a diagnosis, a therapy), unread examples add nothing: they are among it (in an
    inclusion only plain examples, "e.g."/"such as": what "including" names may be required).
    After a thing not read, examples read in an inclusion are not requirements: they join the
    unread words, so the line waits for review rather than asking for one example."""
    spans: list[tuple[int, int]] = []
    if "(" not in text and not _PLAIN_EXAMPLE.search(text) and "includ" not in text.lower():
        return items, spans
    inclusion = ctype is CriterionType.INCLUSION and not NEGATED.match(text)
    keep = list(items)
    for m in _EXAMPLE.finditer(text):
        a, b = m.span()
        if m.group("m2"):
            b = _list_end(text, b)
        marker = m.group("m1") or m.group("m2") or ""
        head = _heads(keep, text, a)
        # a list closed by "etc." illustrates whatever its marker ("(including chemotherapy,
        # hematopoietic stem cell transplantation, etc.)"): it can require none of its examples
        open_list = bool(_ETC.search(text, a, b))
        if head:
            keep = _dated_like(keep, head[-1], a, b)
            if not inclusion or _PLAIN_EXAMPLE.fullmatch(marker) or open_list:
                # under a head read whole every example is among it, however qualified; under a
                # qualified head ("severe CNS diseases") an example's own words say which of its
                # kind the line names
                cut = max((c.end() for c in _SEGMENT_CUT.finditer(text, 0, head[-1].start)), default=0)
                plain_head = not content_words(blank_remarks(text)[cut: head[-1].start])
                if plain_head and not inclusion:  # "any CNS-related autoimmune disease" is no more than the head
                    qualified = {id(it) for it, _ in _qualified_examples(keep, text, a, b)}
                    keep = [it for it in keep if id(it) not in qualified]
                spans.extend([(a, b)] if plain_head else _outside_named(keep, text, a, b))
        elif inclusion:  # a bound among them ("e.g. ANC >= 1.5") still measures the patient
            keep = [it for it in keep if not (a <= it.start and it.end <= b and _is_event(it.expr))]
            if open_list and not any(a <= it.start and it.end <= b for it in keep):
                spans.append((a, b))  # nothing left inside to measure: the illustration asks nothing
        elif m.group("m1"):
            _controlled_examples(keep, text, a, b)
    for m in _BARE_EXAMPLES.finditer(text):
        a, b = m.span()
        if any(it.concepts & _EXAMPLED_CLASSES and it.end <= a and not text[it.end: a].strip() for it in keep if it.expr is not None):
            keep = [it for it in keep if not (a <= it.start and it.end <= b)]
            spans.append((a, b))
    return keep, spans


# the control a head asks of what it names ("Uncontrolled serious medical condition (e.g., ...)"),
# the words control_by_measurement reads beside a disease: written before the head's noun among
# plain adjectives, never as one of two joined ones ("Uncontrolled or significant illness",
# "severe and/or uncontrolled medical disease": either may be the one)
_HEAD_CONTROL = re.compile(
    r"\W*(?:(?:no|not|without|other|any|known|serious|severe|significant|clinically|concurrent|concomitant|active|intercurrent|medical|systemic)\s+)*"
    r"(?P<c>uncontrolled|poorly[\s-]+controlled|inadequately[\s-]+controlled)\s+(?!or\b|and\b|and/or\b)(?:[\w-]+\s+){0,3}[\w-]+\s*", I,
)
_HEAD_CUT = re.compile(r"[,;()\[\]]")
# a line that says what its "uncontrolled" means ("(i.e. requiring relevant changes in medication
# within the last month, or hospital admission ...)"): the trial's definition, not the measurement's
_OWN_DEFINITION = re.compile(r"\bi\.\s?e\b|\b(?:defined|definition|requir\w*|despite|changes?\s+(?:in|of)|admissions?|hospitali[sz]\w*)\b", I)
_OWN_CONTROL = re.compile(r"\b(?:uncontrolled|controlled|uncompensated|unstable|stable|symptomatic|asymptomatic|severe|active)\b", I)


def _controlled_examples(items: list[Item], text: str, a: int, b: int) -> None:
    """The examples of an unread head that asks the thing uncontrolled carry its control
    ("Uncontrolled serious medical condition (e.g., cardiac arrhythmias or diabetes)": an
    uncontrolled diabetes), as "Uncontrolled diabetes" reads (topics.control: the HbA1c or the
    pressure decides where every definition agrees). Read bare, a diabetes under good control
    excluded the patient. A bracketed list only: an unbracketed one's head is its qualifier
    already ("Uncontrolled medical conditions such as diabetes"); never where the line says what
    its "uncontrolled" means. Only a disease whose control a measurement shows takes it: another
    stays as it was read (left with a review of its control, a recorded arrhythmia under such a
    head was only unknown)."""
    cut = max((c.end() for c in _HEAD_CUT.finditer(text, 0, a)), default=0)
    head = _HEAD_CONTROL.fullmatch(text, cut, a)
    if head is None or _OWN_DEFINITION.search(text):
        return
    word = head.group("c").lower()
    start = a
    for it in sorted((it for it in items if it.expr is not None and a <= it.start and it.end <= b), key=lambda it: it.start):
        own = max((c.end() for c in _LIST_CUT.finditer(text, start, it.start)), default=start)
        start = it.end
        e = it.expr
        if _OWN_CONTROL.search(text, own, it.start) or not isinstance(e, Predicate) or e.op is not Op.PRESENT or e.window is not None:
            continue
        it.expr = controlled(e, word, text) or it.expr


_NEXT_EXAMPLE = re.compile(r",\s*(?P<last>(?:or|and|and/or)\s+)?(?P<seg>[^(),;]*)", I)
_NOT_AN_EXAMPLE = re.compile(
    r"\b(?:within|who|which|that|whose|requiring|required|unless|except|excluding|if|must|should|will|are|is|was|were|has|have|had|"
    r"prior|before|after|since|during|months?|weeks?|days?|years?)\b|[<>≤≥=%]|\d", I
)


_LAST_JOIN = re.compile(r"\b(?:e\.?\s?g|for\s+example|such\s+as|including)\b[^(),;]*\b(?:or|and|and/or)\b[^(),;]*$", I)


def _list_end(text: str, b: int) -> int:
    """Where an unbracketed example list ends ("such as uncontrolled hypertension or diabetes,
    severe renal insufficiency, severe pulmonary dysfunction, etc."): over the short comma-joined
    names after the first, when "etc." closes the list, or its last name after "or"/"and" where
    the first name had none ("such as hepatitis B or C, heart problems": the comma after a closed
    list goes back to the line's own); else the first name only, as before. A name with a window,
    a bound or a verb ends it unclosed: those may concern more than the examples."""
    pos = b
    closed = bool(_LAST_JOIN.search(text, max(0, b - 200), b))  # "such as hepatitis B or C": its "or" closed it
    while (m := _NEXT_EXAMPLE.match(text, pos)) is not None:
        seg = m.group("seg")
        if _ETC.search(seg) and len(content_words(seg)) <= 6 and not _NOT_AN_EXAMPLE.search(seg):
            return m.end()
        if not content_words(seg) or len(content_words(seg)) > 6 or _NOT_AN_EXAMPLE.search(seg):
            break
        pos = m.end()
        if m.group("last") and not closed:
            return pos
    return b


_LIST_CUT = re.compile(r",|\bor\b|\band\b|/|\(|\)|\b(?:e\.?\s?g|for\s+example|such\s+as|including|includes?|like)\b", I)


def _qualified_examples(items: list[Item], text: str, a: int, b: int) -> list[tuple[Item, int]]:
    """The examples read in a list whose own words qualify them ("any *CNS-related* autoimmune
    disease"), each with where its words start."""
    out, start = [], a
    for it in sorted((it for it in items if it.expr is not None and a <= it.start and it.end <= b), key=lambda it: it.start):
        cut = max((m.end() for m in _LIST_CUT.finditer(text, start, it.start)), default=start)
        if content_words(text[cut: it.start]):
            out.append((it, cut))
        start = it.end
    return out


def _outside_named(items: list[Item], text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The parts of an example list that add nothing: all of it but the words that qualify an
    example read within it. "such as *uncontrolled* seizures" names uncontrolled seizures as the
    kind of the head it illustrates, not any seizure: blanked, the word left a controlled
    epilepsy to exclude the patient as if it were the severe disease the line asks."""
    out, start = [], a
    for it, cut in _qualified_examples(items, text, a, b):
        out.append((start, cut))
        start = it.start
    out.append((start, b))
    return [(x, y) for x, y in out if y > x]


def _dated_like(items: list[Item], head: Item, a: int, b: int) -> list[Item]:
    """"anticancer therapy within 4 weeks (including chemotherapy, antibody therapy)": the
    treatments given as examples are asked for within the head's window, not at any time."""
    h = head.expr
    if not (isinstance(h, Predicate) and h.op is Op.WITHIN and h.concept in _CATEGORIES):
        return items
    out = []
    for it in items:
        e = it.expr
        if a <= it.start and it.end <= b and isinstance(e, Predicate) and e.op is Op.PRESENT and e.concept in _CATEGORIES:
            it = Item(it.start, it.end, Predicate(e.concept, Op.WITHIN, window=h.window), it.concepts)
        out.append(it)
    return out


def _is_event(expr: Expr | None) -> bool:
    if isinstance(expr, Predicate):
        return expr.op in (Op.PRESENT, Op.WITHIN)
    if isinstance(expr, (All, Any_)):
        return all(_is_event(p) for p in expr.parts)
    return False


def split_clauses(text: str) -> list[str]:
    """Cut at ";", sentence ends and inline enumerations, never inside parentheses."""
    cuts = []
    parens = [(m.start(), m.group(0)) for m in _PAREN.finditer(text)]  # depth walks only these
    k, depth = 0, 0
    for m in _CLAUSE_SPLIT.finditer(text):
        while k < len(parens) and parens[k][0] < m.start():
            depth = depth + 1 if parens[k][1] == "(" else max(depth - 1, 0)
            k += 1
        if depth == 0:
            cuts.append((m.start(), m.end()))
    out, start = [], 0
    for a, b in cuts:
        out.append(text[start:a])
        start = b
    out.append(text[start:])
    return out


_PAREN = re.compile(r"[()]")


_BLANK_RUN = re.compile(r" {2,}")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")


PARENS = re.compile(r"\([^()]*\)")


LEAD_IN = re.compile(r":\s*$")


ONE_OF = re.compile(r"\b(?:at\s+least|any)\s+(?:one\s+)?of\s+the\s+following\b|\b(?:one|1)\s+(?:or\s+more\s+)?of\s+the\s+following\b", I)


DEFINED_BY_LIST = re.compile(r"\b(?:meets?|meeting|satisf\w+|fulfil\w*|defined\s+(?:as|by))\b", I)  # "Measurable lesions meets at least one of"


ENUMERATED = re.compile(r"^\W*(?:\(?\d{1,2}\)|[a-h]\)|[a-h]\.)")


DEFINITIONAL = re.compile(
    r"\bdefined\s+as\b|\bfollowing\s+situations\b|\bany\s+of\s+the\s+following\b|^\W*(?:[a-h]\)\s*)?(?:relapsed?|refractory)\s*:|^\W*(?:for|or\s+meet\s+the\s+diagnosis\s+of)\s+relapsed",
    I,
)


DEFINITION_LINE = re.compile(
    r"^\W*(?P<what>relapsed?|refractory|recurrence)(?:\s+disease)?(?:\s*:\s*|\s+)(?:(?:was|is|are|will\s+be)\s+)?defined\s+as\b", I
)


_SHARED_BOUND_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.NOT_WITHIN})
# alternatives that measure one thing by different means: "CrCl or eGFR >= 60", "ECOG or WHO 0-1"
_SAME_MEASURE = (
    frozenset({"creatinine_clearance", "egfr"}),
    # "Total or direct bilirubin <= 1.5 x ULN" (5 corpus lines): the trial takes either measure of
    # the one bilirubin (the direct one where Gilbert's raises the total)
    frozenset({"bilirubin", "direct_bilirubin"}),
    frozenset({"ecog", "karnofsky", "lansky", "who_ps", "zubrod"}),
    # "< 21 years of age when originally diagnosed" (topics.age): today's age under the bound, or
    # the age the record dates at the diagnosis; one bound on when the patient was that young
    frozenset({"age", "age_at_diagnosis"}),
)
# one finding at either of two sites: "at least 20% blasts in the peripheral blood or bone marrow"
# is the disease shown in either; an upper bound ("< 5% blasts in blood or marrow") still asks both
_EITHER_SITE = frozenset({"bm_blasts", "pb_blasts"})


def each_subject(expr: Expr) -> Expr:
    """A list of subjects under one bound in a requirement ("AST or ALT <= 2.5 x ULN", "prior
    chemotherapy or TKI >= 7 days before") asks it of each of them: the registry writes "or"
    because any one over the limit fails. Only for an inclusion's requirements; in an exclusion
    any one of them applying is right. Subjects that are one measure by different means stay
    alternatives."""
    if isinstance(expr, Any_):
        parts = expr.parts
        if len(parts) > 1 and all(isinstance(p, Predicate) for p in parts):
            preds = [p for p in parts if isinstance(p, Predicate)]
            shape = {(p.op, p.value, p.unit, p.uln, p.window) for p in preds}
            concepts = frozenset(p.concept for p in preds)
            if (
                len(shape) == 1
                and preds[0].op in _SHARED_BOUND_OPS
                and len(concepts) == len(preds)
                and not any(concepts <= family for family in _SAME_MEASURE)
                and not (concepts <= _EITHER_SITE and preds[0].op in (Op.GT, Op.GTE))
            ):
                return All(parts)
        return Any_(tuple(each_subject(p) for p in parts))
    if isinstance(expr, All):
        return All(tuple(each_subject(p) for p in expr.parts))
    return expr  # under Not the list is already "none of them"
