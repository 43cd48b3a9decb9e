"""Running the topics over a clause: which extractors a clause's words call for, and the spans they find.

Each topic (``topics/``) reads one subject; a word gate keeps a topic to the clauses that can
hold it, and a few spans are read across topics (a product list around a treatment, a prospective
therapy, a procedure's window). Every reader of a line asks for a clause's items, the line's
readings as much as the clause grammar (``clauses``), so the runner and its cache are a module of
their own, below all of them.
"""

from __future__ import annotations

import re

from functools import lru_cache
from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import Any_, CriterionType, Expr, Op, Predicate, ReviewReason
from rules_engine.parser.items import I, Item
from rules_engine.parser.read_members import member_read_apart
from rules_engine.parser.safety import Alternative
from rules_engine.parser.topics.age import age_items
from rules_engine.parser.topics.band_11q23 import GATE as _BAND_11Q23_GATE, band_11q23_items
from rules_engine.parser.topics.biomarkers import biomarker_items
from rules_engine.parser.topics.bleeding_drugs import GATE as _BLEEDING_DRUG_GATE, bleeding_drug_items
from rules_engine.parser.topics.prior_lines import GATE as PRIOR_LINES_GATE, prior_line_items
from rules_engine.parser.topics.cyp3a4 import cyp3a4_items
from rules_engine.parser.topics.hydroxyurea_dose import GATE as _HYDROXYUREA_DOSE_GATE, hydroxyurea_dose_items
from rules_engine.parser.topics.events import event_items, with_treatment_leads
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
from rules_engine.parser.topics.lab_ranges import GATE as _LAB_RANGE_GATE, lab_range_items
from rules_engine.parser.topics.outside_normal import outside_normal_items
from rules_engine.parser.topics.blasts_site_after import GATE as _BLASTS_SITE_GATE, blast_site_after_items
from rules_engine.parser.topics.transfusion_independent import GATE as _INDEPENDENT_GATE, transfusion_independent_items
from rules_engine.parser.topics.disease_blasts import GATE as _DISEASE_BLASTS_GATE, disease_blast_items, with_defining_blasts
from rules_engine.parser.topics.mds_kinds import mds_kind_items
from rules_engine.parser.topics.organ_function import GATE as _ORGAN_FUNCTION_GATE
from rules_engine.parser.topics.organ_overall import organ_items
from rules_engine.parser.topics.transfusion_dependence import GATE as _TRANSFUSION_DEPENDENCE_GATE, transfusion_dependence_items
from rules_engine.parser.topics.cml_phase import GATE as _CML_PHASE_GATE
from rules_engine.parser.topics.cml_phase import cml_phase_items
from rules_engine.parser.topics.cml_advanced import GATE as _CML_ADVANCED_GATE, cml_advanced_items
from rules_engine.parser.topics.follicular_grades import GATE as _FOLLICULAR_GATE, follicular_grade_items
from rules_engine.parser.topics.b_cell_kinds import GATE as _LPL_GATE, lymphoplasmacytic_items
from rules_engine.parser.topics.neoplastic_meningitis import GATE as _MENINGITIS_GATE, meningitis_items
from rules_engine.parser.topics.richter import GATE as _RICHTER_GATE, richter_items
from rules_engine.parser.topics.transformed_lymphoma import GATE as _TRANSFORMED_GATE, transformed_items
from rules_engine.parser.topics.bare_leukemia import GATE as _BARE_LEUKEMIA_GATE, bare_leukemia_items
from rules_engine.parser.topics.measurable import measurable_items
from rules_engine.parser.topics.menopause import STATUS_READ, menopause_items
from rules_engine.parser.topics.organ_disease import child_pugh_items
from rules_engine.parser.topics.mmse import GATE as _MMSE_GATE, mmse_items
from rules_engine.parser.topics.performance_words import GATE as _PERFORMANCE_WORDS_GATE, performance_word_items
from rules_engine.parser.topics.tumor_size import GATE as _TUMOR_SIZE_GATE, tumor_size_items
from rules_engine.parser.topics.performance import nyha_items, perf_items
from rules_engine.parser.topics.bare_products import bare_product_items
from rules_engine.parser.topics.products import LINE_TIMED, product_items
from rules_engine.parser.topics.pregnancy import pregnancy_items
from rules_engine.parser.topics.proteinuria import proteinuria_items
from rules_engine.parser.topics.qt_drugs import qt_drug_items
from rules_engine.parser.topics.sex import sex_items
from rules_engine.parser.topics.swallowing import swallowing_items
from rules_engine.parser.topics.such_recovery import GATE as SUCH_RECOVERY_GATE, such_recovery_items
from rules_engine.parser.roles import DIAGNOSIS_CONCEPTS


# Cheap pre-checks that skip a topic which cannot find anything in a clause: each is a necessary
# condition of every pattern of its topic (an age bound needs a number or "adult"; a pregnancy,
# lactation or childbearing item needs one of these words). Measured on the 10,410 clauses of a
# 300-trial sample: age runs on 43% of them, pregnancy on 7.5%, saving 0.4 s of 5.2 s.
# tests/parser/test_clause_gates.py checks each gate against its topic on real lines; a topic
# owner who adds a trigger word adds it here too.
AGE_GATE = re.compile(r"\d|adult", I)
FAILED_GATE = re.compile(r"fail|progress|resistan|refractory|intoleran|recurred|relapsed|previously[\s-]+treated", I)
_MDS_KIND_GATE = re.compile(r"IPSS|5q|novo|primary|secondary|risk|International\s+Prognostic|refractory\s+(?:an|cyt)|RAEB|RARS|RC[MU]D", I)
PREGNANCY_GATE = re.compile(r"pregnan|gestation|lactat|breast|nursing|child|reproductive|wocbp|focbp|fertile|menopaus|hcg", I)


def _topics(text: str, ctype: CriterionType, menopause: bool = True, timed: tuple[bool, bool] = (False, False)) -> tuple[list[Item], ...]:
    return (
        age_items(text, ctype) if AGE_GATE.search(text) else [],
        sex_items(text),
        perf_items(text),
        performance_word_items(text) if _PERFORMANCE_WORDS_GATE.search(text) else [],
        nyha_items(text, ctype),
        child_pugh_items(text, ctype) if "pugh" in text.lower() else [],
        mmse_items(text) if _MMSE_GATE.search(text) else [],
        tumor_size_items(text) if _TUMOR_SIZE_GATE.search(text) else [],
        biomarker_items(text, ctype),
        band_11q23_items(text, ctype) if _BAND_11Q23_GATE.search(text) else [],  # "t(v;11q23)", "11q23 abnormalities": KMT2A
        lab_grade_items(text, ctype is CriterionType.EXCLUSION) if LAB_GRADE_GATE.search(text) else [],
        bleeding_drug_items(text) if _BLEEDING_DRUG_GATE.search(text) else [],
        # (before the thresholds: "Sodium 125-150 mmol/L" is one band, never a bare number)
        lab_range_items(text, ctype) if _LAB_RANGE_GATE.search(text) else [],
        lab_items(text, ctype),
        blast_site_after_items(text) if _BLASTS_SITE_GATE.search(text) else [],  # "blasts > 20% in bone marrow"
        transfusion_independent_items(text) if _INDEPENDENT_GATE.search(text) else [],  # "Platelets >= 100,000 (transfusion independent)"
        outside_normal_items(text) if "outside" in text.lower() else [],
        disease_blast_items(text, ctype) if _DISEASE_BLASTS_GATE.search(text) else [],
        organ_items(text, ctype is CriterionType.EXCLUSION) if _ORGAN_FUNCTION_GATE.search(text) else [],
        transfusion_dependence_items(text) if _TRANSFUSION_DEPENDENCE_GATE.search(text) else [],
        (pregnancy_items(text, ctype) + (menopause_items(text) if menopause else [])) if PREGNANCY_GATE.search(text) else [],
        meningitis_items(text, ctype) if _MENINGITIS_GATE.search(text) else [],  # (before the infections and events: "neoplastic meningitis ... (including AIDS-related lymphoma)" is no infection)
        infection_items(text),
        swallowing_items(text, ctype),
        measurable_items(text),
        cyp3a4_items(text),
        hydroxyurea_dose_items(text) if _HYDROXYUREA_DOSE_GATE.search(text) else [],
        qt_drug_items(text),
        proteinuria_items(text, ctype),
        (apl_failed_items(text, ctype) + del5q_failed_items(text, ctype) + failed_treatment_items(text, ctype) + named_failed_items(text, ctype)
         + status_after_therapy_items(text, ctype))
        if FAILED_GATE.search(text) else [],
        discontinued_items(text, ctype),
        mds_kind_items(text, ctype) if _MDS_KIND_GATE.search(text) else [],
        cml_advanced_items(text) if _CML_ADVANCED_GATE.search(text) else [],  # ("advanced CML", "blastic CML")
        cml_phase_items(text, ctype) if _CML_PHASE_GATE.search(text) else [],
        prior_line_items(text) if PRIOR_LINES_GATE.search(text) else [],
        # (before the events topic: "recovered from all prior treatment side effects" is one span,
        # of which the events topic reads only the words up to the therapy)
        such_recovery_items(text, ctype) if SUCH_RECOVERY_GATE.search(text) else [],
        follicular_grade_items(text) if _FOLLICULAR_GATE.search(text) else [],  # (before the events topic: the grade is the kind's)
        lymphoplasmacytic_items(text) if _LPL_GATE.search(text) else [],  # (before the events topic: its "lymphoma" is the kind's)
        richter_items(text) if _RICHTER_GATE.search(text) else [],  # (before the events topic: its CLL and lymphoma are the transformation's)
        transformed_items(text) if _TRANSFORMED_GATE.search(text) else [],  # (before the events topic: its lymphomas are the transformation's)
        event_items(text, ctype),
        bare_leukemia_items(text) if _BARE_LEUKEMIA_GATE.search(text) else [],  # (after the events topic: a leukaemia it names by kind is its own)
        product_items(text, ctype, timed) or bare_product_items(text, ctype),  # (topics.bare_products: "Metformin within 4 weeks ...")
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
            overlapped = [f for f in found if not (item.end <= f.start or item.start >= f.end)]
            if overlapped:
                # a list member another topic read, swallowed by this topic's span (read_members)
                item = member_read_apart(item, overlapped, text) or item
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
    found = with_defining_blasts(found, text)  # a disease's defining share of blasts joins the disease (topics.disease_blasts)
    found = with_treatment_leads(found, text) if _TREATMENT_WORD.search(text) else found
    return tuple((it.start, it.end, it.expr, it.concepts) for it in (_prospect(_procedure_window(it, text), text) for it in found))


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
    if isinstance(e, Predicate) and e.op is Op.WITHIN and e.concept in DIAGNOSIS_CONCEPTS and _PROCEDURE_BEFORE_WINDOW.search(text, item.start, item.end):
        return Item(item.start, item.end, Predicate(e.concept, Op.PRESENT), item.concepts)
    return item
