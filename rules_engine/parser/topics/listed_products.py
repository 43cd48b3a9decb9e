"""Products a line lists beside a drug class and the topics left unread: "Concurrent use of strong
CYP3A4 inhibitors: ketoconazole, itraconazole or clarithromycin", "prior mTOR inhibitor (sirolimus,
temsirolimus, everolimus)", "anticonvulsants (e.g., phenytoin, carbamazepine)", "No concurrent
NSAIDs, lithium, or furosemide" (about 160 corpus lines in 110 trials leave such a list as a review
made of product names and nothing else).

The class is read by its own topic; the names after it stayed a review beside it: as one more
alternative ("class or review") every patient without the class was unknown, and a record naming
one of the listed products (itraconazole on record, the line's own example) was unknown too; as a
condition of the class ("class and review 'ketoconazole'", the first name after a colon taken as
the class's qualifier) the exclusion could not apply to anyone.

A product a line names among the alternatives of an exclusion (a member of the class it
illustrates, or an item of the list in its own right) applies the line to a record that names it,
at the class's own time ("within 14 days" for a concurrent use): each name becomes
``named_medication is "<name>"`` with the window the line's drug classes share
(``products.dated_products``). Names the catalogue does not know stay a review beside them.

Read only where the structure already says what the names are:

* a review made of product names alone (``products.PRODUCT_RE``), an alternative beside at least
  one drug class or named product, all of whose dates agree (one window, or none): another date
  or a washout ("at least 4 weeks since prior chemotherapy (fluorouracil)": the names a condition
  of the washout, whose meaning the clause grammar keeps) leaves the review as it is;
* a drug class qualified by such a review, on the side where ``met`` goes against the patient
  (an exclusion, or the negated body of "No concurrent ..."): the names are members the class
  lists, so the class or any of them applies; widening there can only exclude more, never
  clear a patient the class alone excluded.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, ancestors
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window
from rules_engine.parser.items import any_of, predicate, predicates, rewrite_groups
from rules_engine.parser.topics.medication_classes import MEDICATION_CLASS_CONCEPTS
from rules_engine.parser.topics.products import PRODUCT_RE, dated_products, product_value
from rules_engine.parser.topics.unlisted_drugs import is_on_a_drug_review

# The drug classes a record's medications are read as (matcher/intake/codes.toml's medication rows;
# ``tests/parser/test_listed_product_lines.py`` keeps the two the same) and every anticancer
# therapy: what a listed product can be a member or a sibling of.
DRUG_CONCEPTS = frozenset({
    "thyroid_hormone_therapy",
    "alk_inhibitor", "androgen_therapy", "anthracycline", "antiarrhythmic_therapy", "aspirin_therapy", "low_molecular_weight_heparin", "anticancer_therapy", "anticoagulant_therapy", "anticonvulsant_therapy", "antiplatelet_therapy",
    "antiretroviral_therapy", "antiviral_therapy", "beta_blocker", "braf_inhibitor", "btk_inhibitor", "calcium_channel_blocker", "car_t", "cd19_directed_therapy",
    "cd20_directed_therapy", "cd22_directed_therapy", "cd30_directed_therapy", "cd33_directed_therapy", "cd38_directed_therapy", "cdk46_inhibitor", "checkpoint_inhibitor", "costimulatory_antibody", "chemotherapy", "cyp1a2_inhibitor",
    "cyp2d6_inhibitor", "cyp3a4_modulator", "diuretic_therapy", "egfr_inhibitor", "esa", "growth_factor", "h2_antagonist", "hdac_inhibitor",
    "her2_directed_therapy", "hormone_therapy", "hydroxyurea", "hypomethylating_agent", "immunomodulatory_drug", "immunosuppressant_therapy",
    "investigational_agent", "iron_chelator", "mek_inhibitor", "mtor_inhibitor", "nondihydropyridine_ccb", "nsaid_therapy", "parp_inhibitor",
    "platinum_chemotherapy", "proteasome_inhibitor", "proton_pump_inhibitor", "qt_prolonging_drug", "steroid_therapy", "targeted_therapy",
    "taxane", "vegf_inhibitor", "vitamin_k_antagonist", "monoclonal_antibody_therapy", "named_medication",
}) | MEDICATION_CLASS_CONCEPTS  # (topics.medication_classes)
_NOT_DRUGS = frozenset({"radiotherapy"})  # an anticancer therapy no record names by a product

_DATED_OPS = frozenset({Op.PRESENT, Op.WITHIN, Op.IS})
# a line that lets a therapy be ("Therapy permitted with corticosteroids, hydroxyurea, or
# anagrelide ...") names products no patient is excluded for: whatever the structure made of it,
# its names are left as they are
# (or one that names them as what the patient cannot take: "unable or unwilling to undergo
# prophylaxis including aspirin", "Contraindications for administration of ... docetaxel",
# "hypersensitivity to rapamycins (e.g., sirolimus, everolimus)"; read as taken, a patient on
# aspirin was excluded)
_PERMITS = re.compile(
    r"\b(?:permit(?:ted|s)?|allowed|acceptable|(?:is|are|be)\s+eligible|may\s+(?:be|have|receive|continue|take|use)|not\s+(?:be\s+)?excluded"
    r"|can\s+be\s+(?:included|enrolled)|unable|unwilling|inability|intoleran\w*|contra-?indicat\w*|allerg\w*|hypersensitiv\w*)\b",
    re.I,
)
# a class the line narrows by the patient's circumstances ("receiving strong CYP3A4 inhibitors
# who cannot discontinue such treatment"), not by what the drug is: the names it lists are
# narrowed the same way, which their record alone cannot say
_CIRCUMSTANCE = re.compile(
    r"\b(?:who|whom|which|that|cannot|can\s+not|unable|unless|if|requir\w*|stable|except|other\s+than|discontinu\w*|switch\w*|stop\w*|need\w*)\b", re.I
)
_FRAGMENTS = re.compile(r"\s*…\s*")
# a fragment that is itself a list of products, "prior" before it or before a name in it ("Cytotoxic
# chemotherapy or prior azacitidine or decitabine within 4 weeks": the class read, the two names left
# as one review "prior azacitidine or decitabine"): split at its joiners, each piece a name
_JOINERS = re.compile(r"\s*+(?:,\s*+(?:or|and|and/or)\b|,|/|\band/or\b|\bor\b|\band\b)\s*+", re.I)
_PRIOR = re.compile(r"(?:prior|previous)\s++", re.I)


def _joined(fragment: str) -> list[str] | None:
    """The product names a fragment joins ("prior azacitidine or decitabine"), or None when a
    piece of it is anything but one product's name."""
    pieces = [_PRIOR.sub("", p, count=1) if _PRIOR.match(p) else p for p in _JOINERS.split(fragment)]
    if not all(PRODUCT_RE.fullmatch(p) for p in pieces):
        return None
    return pieces
_UNDATED = Window(0.0, "days")  # a marker: the classes beside the names carry no window
# the words that open a list of examples ("such as rifampin", "e.g., sirolimus"): no part of a name
_CUE = re.compile(r"^(?:such\s+as|e\.\s?g\.?|i\.\s?e\.?|eg|ie|including|includes?|namely)(?![a-z])\s*,?\s*", re.I)
# what says the names after a class are its members ("CYP3A4 inhibitors: ketoconazole", "an mTOR
# inhibitor (sirolimus, ...)", "such as", "including"), not another product the line asks beside it
# ("both pemetrexed and docetaxel chemotherapy": the class and the name)
_MEMBERS_CUE = r"(?:[:(\[]|\bsuch\s+as\b|\bincluding\b|\binclude[sd]?\b|\be\.\s?g\.?|\bi\.\s?e\.?|\bnamely\b|\bas\s+follows\b)"


def _drug(p: Predicate) -> bool:
    if p.concept in _NOT_DRUGS or p.concept not in CONCEPTS:
        return False
    return p.concept in DRUG_CONCEPTS or "anticancer_therapy" in ancestors(p.concept)


def _drug_part(expr: Expr) -> list[Predicate] | None:
    """The drug predicates of one alternative beside the names, or None when it asks a drug
    together with something else ("bortezomib ... and age < 18 and head and neck cancer": the
    names beside it are no list of drugs) or reads the drug in a way a name cannot take on."""
    drugs = _drug_predicates(expr)
    if drugs is None:
        return None
    if isinstance(expr, All) and sum(1 for p in expr.parts if predicates(p)) > 1:
        return None  # "treatment with carboplatin, paclitaxel ... and a PARP inhibitor": a combination, whose names are no alternatives
    if drugs and any(not _drug(p) for p in predicates(expr)):
        return None
    return drugs


def _drug_predicates(expr: Expr) -> list[Predicate] | None:
    """The drug predicates of ``expr`` (through its conjunctions and alternatives, never a
    negation), or None when one of them is a washout or asks something else of the drug, or
    when a review beside them narrows them by the patient's circumstances."""
    if isinstance(expr, Review):
        return None if _CIRCUMSTANCE.search(expr.text) else []
    if isinstance(expr, Predicate):
        if not _drug(expr):
            return []
        if expr.op not in _DATED_OPS or expr.op is Op.IS and expr.concept != "named_medication":
            return None
        return [expr]
    if isinstance(expr, (All, Any_)):
        out: list[Predicate] = []
        for part in expr.parts:
            found = _drug_predicates(part)
            if found is None:
                return None
            out.extend(found)
        return out
    return []


def _shared_window(parts: list[Expr]) -> Window | None:
    """The one window the drug predicates among ``parts`` share (``_UNDATED`` when none is
    dated), or None when there are none, when their dates differ, or when one is a washout."""
    found: list[Predicate] = []
    for part in parts:
        if isinstance(part, Review) or is_on_a_drug_review(part):
            continue
        drugs = _drug_part(part)
        if drugs is None:
            return None
        found.extend(drugs)
    if not found:
        return None
    windows = {p.window for p in found}
    if len(windows) != 1:
        return None
    window = next(iter(windows))
    return _UNDATED if window is None else window


def _products(review: Review, window: Window) -> Expr | None:
    """The named products a review made of product names stands for, dated by ``window``; the
    names the catalogue does not know stay a review beside them. None when it names none, or
    when a fragment is more than a name."""
    fragments = [_CUE.sub("", f) for f in _FRAGMENTS.split(review.text.strip()) if f]
    if not fragments:
        return None
    known: list[str] = []
    unknown: list[str] = []
    dosed: list[str] = []
    for i, f in enumerate(fragments):
        if (high := _HIGH_DOSE.fullmatch(f)) is not None and PRODUCT_RE.fullmatch(high.group("name")):
            dosed.append(f)  # "high-dose ara-C": the product, with a person's reading of its dose
        elif dosed and i > 0 and fragments[i - 1] == dosed[-1] and _DOSE_BOUND.fullmatch(f):
            dosed[-1] = f"{dosed[-1]} ({f})"  # the bound that says what "high" is ("≥ 1g/m2")
        elif PRODUCT_RE.fullmatch(f):
            known.append(f)
        elif (joined := _joined(f)) is not None:
            known.extend(joined)
        elif len(f.split()) <= 3 and not re.search(r"\d|[<>≤≥:;]", f):
            unknown.append(f)  # "grapefruit juice", "amprenavir": a name or a food the catalogue does not hold
        else:
            return None
    if not known and not dosed:
        return None
    named: Expr = any_of(
        [predicate("named_medication", Op.IS, product_value(n)) for n in dict.fromkeys(known)]
        + [_dosed(f) for f in dict.fromkeys(dosed)]
    )
    if window is not _UNDATED:
        named = dated_products(named, window)
    if unknown:
        return any_of([named, Review(review.reason, " … ".join(unknown))])
    return named


# a product named with its dose ("high-dose ara-C", "high dose cytarabine (≥ 1g/m2)"): which dose
# counts as high is the protocol's; a record names the product, so the product on record leaves
# the line to a person and a record without it does not meet it (holdout T262's "No prior intensive
# chemotherapy or high-dose ara-C (>/= 1g/m2)": the member stood unread, every patient unknown)
_HIGH_DOSE = re.compile(r"high[\s-]{1,3}doses?\s{1,3}(?:of\s{1,3})?(?P<name>[^\s].{0,60})", re.I)
_DOSE_BOUND = re.compile(r"(?:[<>≤≥]=?|=[<>])\s{0,3}\d{1,5}(?:[.,]\d{1,3})?\s{0,3}(?:g|mg)\s{0,2}/\s{0,2}m2(?:\s{0,3}/\s{0,3}(?:day|d))?", re.I)


def _dosed(fragment: str) -> Expr:
    high = _HIGH_DOSE.fullmatch(fragment.split(" (")[0])
    assert high is not None
    given = predicate("named_medication", Op.IS, product_value(high.group("name")))
    return All((given, Review(ReviewReason.AMBIGUOUS, f"whether the dose was high: {fragment}")))


def listed_products(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """``expr`` with the product names a review left beside a drug class read (see the module's
    doc); ``text``: the line's words. Pure; every other part is returned as it was."""
    if _PERMITS.search(text):
        # a line that lets a therapy be elsewhere ("Prior cytokines ... allowed. Procrit, G-CSF are
        # allowed before therapy.") still reads a product named with its dose in a sentence of its
        # own that permits nothing: the product on record leaves it to a person, never met
        if "dose" not in text.lower():
            return expr
        return rewrite_groups(expr, lambda node, parts, _positive: _dosed_parts(node, parts, text))
    return _walk(expr, CriterionType(ctype) is CriterionType.EXCLUSION, text)


def _dosed_alone(review: Review, text: str) -> Expr | None:
    """A review made only of products named with their dose, read where no word of the sentence
    that says them permits anything; None otherwise."""
    fragments = [f for f in _FRAGMENTS.split(review.text.strip()) if f]
    first = _HIGH_DOSE.fullmatch(fragments[0]) if fragments else None
    if first is None:
        return None
    at = text.find(first.group("name"))
    if at < 0:
        return None
    start = max(text.rfind(". ", 0, at), text.rfind(";", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find(";", at)) if e >= 0]
    if _PERMITS.search(text, start, min(ends) if ends else len(text)):
        return None
    for f in fragments:
        high = _HIGH_DOSE.fullmatch(f)
        if not (high is not None and PRODUCT_RE.fullmatch(high.group("name")) or _DOSE_BOUND.fullmatch(f)):
            return None
    return _products(review, _UNDATED)


def _dosed_parts(node: All | Any_, parts: list[Expr], text: str) -> list[Expr]:
    """An undated Or's reviews that name only products with their dose, read (``_dosed_alone``)."""
    if isinstance(node, Any_) and _shared_window(parts) is _UNDATED:
        return [(_dosed_alone(p, text) or p) if isinstance(p, Review) else p for p in parts]
    return parts


def _walk(expr: Expr, against_met: bool, text: str) -> Expr:
    if isinstance(expr, Not):
        return Not(_walk(expr.part, not against_met, text))
    if is_on_a_drug_review(expr):
        return expr  # the rest of a class, asked of a record holding a drug: a review beside it
    if isinstance(expr, All):
        parts = [_walk(p, against_met, text) for p in expr.parts]
        widened = _class_with_members(parts, text) if against_met else None
        return widened if widened is not None else All(tuple(parts))
    if isinstance(expr, Any_):
        parts = [_walk(p, against_met, text) for p in expr.parts]
        window = _shared_window(parts)
        if window is not None:
            parts = [(_products(p, window) or p) if isinstance(p, Review) else p for p in parts]
        return any_of(parts)
    return expr


def _class_with_members(parts: list[Expr], text: str) -> Expr | None:
    """"strong CYP3A4 inhibitors: ketoconazole, ..." read as the class and a review of its first
    name: the class or the names (None where the conjunction is anything else)."""
    reviews = [p for p in parts if isinstance(p, Review)]
    rest = [p for p in parts if not isinstance(p, Review)]
    if len(reviews) != 1 or len(rest) != 1 or not isinstance(rest[0], Predicate) or not _drug(rest[0]):
        return None
    first = _CUE.sub("", _FRAGMENTS.split(reviews[0].text.strip())[0])
    if not first or re.search(_MEMBERS_CUE + r"[^.;]{0,60}?" + re.escape(first), text, re.I) is None:
        return None
    window = _shared_window(rest)
    members = _products(reviews[0], window) if window is not None else None
    return any_of([rest[0], members]) if members is not None else None
