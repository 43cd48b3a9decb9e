"""What a line about coded concepts means in its trial: run once over a trial's parsed criteria.

* **Another malignancy** is one outside the trial's own disease. The trial's own diseases are the
  malignancies its top-level inclusion lines require (never one they ask to be absent); they go
  into every ``other_malignancy`` predicate's ``value`` (``rules_engine.derive.among``), so an
  AML trial's own AML is never "another malignancy" while its patient's breast cancer is. When
  no inclusion line names a malignancy the value stays ``None``: the engine then leaves a
  recorded malignancy ``unknown`` (it may be the trial's own) rather than guess.
* **Its exceptions** ("except adequately treated non-melanoma skin cancer or carcinoma in situ")
  are malignancies the line does not count: the clause grammar reads them as ``Not(exception)``
  beside the line, which would wrongly clear a patient who has the excepted cancer *and* another
  one. Here they join the predicate's value instead, and an exception's own unread words
  ("adequately treated") stay a review for that exception's subject only.
* **Non-systemic corticosteroids** ("topical and inhaled steroids are permitted") are already
  outside ``steroid_therapy`` (the intake reads systemic routes only), so a permission that
  names only them is a remark, not a review that would hide the line's decision.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.concepts import CONCEPTS, IN_SITU, MALIGNANCIES, ancestors
from rules_engine.parser.items import all_of, any_of, rewrite_conjunctions
from rules_engine.parser.topics.conditioned_diseases import conditioned_diseases
from rules_engine.parser.topics.curative_span import curative_span, sentences_dropped
from rules_engine.parser.topics.currently_active import currently_active
from rules_engine.parser.topics.exception_fragments import fragments_joined
from rules_engine.parser.topics.lab_scopes import SCOPE_REVIEWS
from rules_engine.parser.topics.early_stage_exception import early_stage_exception, early_stage_words
from rules_engine.parser.topics.inactive_history import inactive_history
from rules_engine.parser.topics.malignancy_exceptions import beyond_span, side_by_side, widened_exception
from rules_engine.parser.topics.malignancy_qualifiers import stranded_qualifiers
from rules_engine.parser.topics.malignancy_treatment import treated_now
from rules_engine.parser.topics.skin_exception import SKIN, SKIN_KINDS, SkinReading, names_only, skin_kind, skin_reading
from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window, iter_predicates

_EXCEPTABLE = frozenset(MALIGNANCIES) | frozenset(IN_SITU)  # carcinoma in situ and its sites

_NONSYSTEMIC_PERMISSION = re.compile(
    r"^\W*(?:(?:topical|inhaled|inhalational|intranasal|nasal|ophthalmic|intra-?articular|intraocular|local|localized|cutaneous|eye\s+drops?|or|and|and/or|/|,)\s*)+"
    r"(?:cortico)?(?:steroids?|glucocorticoids?)?(?:\s+(?:therap(?:y|ies)|use|treatment|preparations?))?\s*(?:(?:is|are)\s+)?(?:also\s+)?(?:allowed|permitted|acceptable)?\W*$",
    re.I,
)


_DISEASE_HEADING = re.compile(r"disease\s+characteristics|^\W*(?:diagnosis|disease|histology|tumou?r\s+type)\b", re.I)


# the words an exception may add to the cancers it names without narrowing them ("basal cell
# carcinoma of the skin", "in situ carcinoma of the cervix"): a record of the excepted cancer
# does not count. A qualifier ("adequately treated", "localized", "cured") is the exception's
# own condition, unread: it keeps a review for a patient with that cancer only
_EXCEPTION_WORDS = frozenset(
    """except exception exceptions excepting excluding other than for of the a an and or any following such as e g eg
    basal squamous cell skin cancer cancers carcinoma carcinomas in situ cervix cervical uterine bladder breast
    ductal lobular nonmelanoma nonmelanomatous non-melanoma non-melanomatous melanoma is are acceptable allowed
    permitted eligible patients with""".split()
)


# the span a cancer must lie behind: "disease-free for at least 5 years", "in complete remission
# off therapy for at least 5 years", "no evidence of disease for at least 10 years", "without
# evidence of recurrence for at least 3 years", "free of the disease for >= 3 years" (the Celgene
# template, about 12 corpus lines), the number in digits or words
_DISEASE_FREE = re.compile(
    r"(?:(?:disease|cancer|tumou?r|recurrence|relapse)[\s-]*free(?:\s+survival|\s+(?:interval|period))?"
    r"|in\s+(?:complete\s+)?remission(?:\s+(?:and\s+)?off\s+(?:of\s+)?(?:all\s+)?(?:therapy|treatment)(?:\s+for\s+(?:that|the)\s+(?:disease|malignancy|cancer))?)?"
    r"|no\s+evidence\s+of\s+(?:active\s+)?(?:disease|recurrence)(?:\s+present)?"
    r"|without\s+(?:evidence\s+of\s+)?(?:disease|recurrence)"
    r"|free\s+(?:of|from)\s+(?:the\s+|any\s+|that\s+)?(?:disease|malignancy|cancer|recurrence|relapse))"
    r"\s+(?:for\s+|of\s+)?(?:(?:at\s+least|a\s+minimum\s+of|≥|>=|>/=|=>|>|more\s+than|greater\s+than\s+or\s+equal\s+to|greater\s+than|over)\s*)?"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?P<u>years?|months?)\b",
    re.I,
)
_SPAN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _span(m: re.Match[str]) -> Window:
    """The disease-free span ``_DISEASE_FREE`` found, as a window before the evaluation date."""
    n = m.group("n").lower()
    return Window(float(_SPAN_WORDS.get(n) or n), m.group("u").lower().rstrip("s") + "s")


def _span_in(words: str) -> Window | None:
    """The disease-free span some words state, if any."""
    m = _DISEASE_FREE.search(words)
    return _span(m) if m else None


def _unqualified(words: str) -> bool:
    """Whether an exception's unread words only restate the cancers it names."""
    return all(w in _EXCEPTION_WORDS for w in re.findall(r"[a-z]+(?:-[a-z]+)?", words.lower()))


# the diseases a trial may be for: the malignancies, and the blood cancers' family ("Diagnosis of
# hematological malignancy"), which is no member of "another malignancy" but, named alone, makes
# every blood cancer the trial's own. Beside the kinds a line lists ("hematologic malignancy in one
# of the following categories: AML, ALL") the kinds are the trial's, as for "solid tumors" beside
# "NSCLC": kept, an active CLL beside the AML of such a trial was no "other active malignancy".
# The myeloid neoplasms that are no member of "another malignancy" (MDS, MPN, myelofibrosis) are a
# trial's own disease too: with none known, a trial for MDS alone left a breast cancer beside its
# "previous or current cancer" unknown ("may be the trial's own"), where no cancer is the MDS. A
# cancer related to one (CML, an MPN) stays the trial's own
_TRIAL_DISEASES = frozenset(MALIGNANCIES) | {"blood_cancer", "mds", "mpn", "myelofibrosis"}


def trial_diseases(criteria: tuple[Criterion, ...]) -> tuple[str, ...] | None:
    """The malignancies the trial's top-level inclusion lines require (None when none does)."""
    found: list[str] = []

    def walk(expr: Expr) -> None:
        if isinstance(expr, Not):
            return  # asked to be absent: not the trial's disease
        if isinstance(expr, All) and any(isinstance(p, Review) and p.text in SCOPE_REVIEWS for p in expr.parts):
            return  # the cancers a bound is scoped to (lab_scopes): not the trial's
        if isinstance(expr, (All, Any_)):
            for part in expr.parts:
                walk(part)
        elif isinstance(expr, Predicate) and expr.op in (Op.PRESENT, Op.WITHIN, Op.IN):
            names = expr.value if expr.op is Op.IN and isinstance(expr.value, tuple) else (expr.concept,)
            found.extend(n for n in names if n in _TRIAL_DISEASES and n not in found)

    for criterion in criteria:
        if criterion.type is not CriterionType.INCLUSION:
            continue
        parent = criteria[criterion.parent] if criterion.parent is not None and 0 <= criterion.parent < len(criteria) else None
        if parent is None and criterion.parent is None or parent is not None and _DISEASE_HEADING.search(parent.text):
            walk(criterion.expr)
    # "NSCLC" beside "solid tumors": the specific one is the trial's disease; the generic one
    # would make every other solid cancer the trial's own. "Acute leukemia regardless of
    # sub-type" beside a period's "AML" stays: every acute leukaemia is the trial's own (dropped,
    # an ALL let in by the first period was "another malignancy"). Nor a lymphoma beside a kind of
    # it: "B-cell lymphoma ... or mantle cell lymphoma" is a trial for either (the kind alone made
    # a DLBCL patient of such a trial "another malignancy" beside the mantle cell one)
    own = tuple(f for f in found if f in _KEPT_GENERIC or not any(f in ancestors(g) for g in found if g != f)) or conditioned_diseases(
        criteria, _TRIAL_DISEASES, _DISEASE_HEADING
    )  # none required: the diseases a line sets a condition for ("Patients with MDS must have ...")
    if own is None and _requires_benign_population(criteria):
        return ()  # a trial for a marrow failure: no malignancy is its own
    return own


# the diseases that are no malignancy a trial may be for: the inherited marrow failures (Diamond-
# Blackfan, Fanconi anaemia) and sickle cell disease. A trial whose top-level inclusion lines
# require one and name no malignancy has none of its own: every malignancy on record is "another"
# (with none known, a breast cancer beside a Diamond-Blackfan trial's "no other malignancy within 5
# years" was "may be the trial's own", as if the trial could be for it)
_BENIGN_POPULATIONS = frozenset(c for c in CONCEPTS if c in ("inherited_marrow_failure", "sickle_cell_disease") or "inherited_marrow_failure" in ancestors(c))


def _requires_benign_population(criteria: tuple[Criterion, ...]) -> bool:
    """Whether a top-level inclusion line asks for one of ``_BENIGN_POPULATIONS`` (never under a
    negation)."""

    def asked(expr: Expr) -> bool:
        if isinstance(expr, Not):
            return False
        if isinstance(expr, (All, Any_)):
            return any(asked(p) for p in expr.parts)
        return isinstance(expr, Predicate) and expr.op is Op.PRESENT and expr.concept in _BENIGN_POPULATIONS

    return any(c.type is CriterionType.INCLUSION and c.parent is None and asked(c.expr) for c in criteria)


_KEPT_GENERIC = frozenset({"acute_leukemia", "lymphoma", "nhl", "b_cell_lymphoma", "t_cell_lymphoma"})


def _is_other_malignancy(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.concept == "other_malignancy" and expr.op is not Op.IN


def _is_target(expr: Expr) -> bool:
    """Another malignancy, asked alone or as "active, or on record in a lifetime"."""
    return _is_other_malignancy(expr) or isinstance(expr, Any_) and bool(expr.parts) and all(_is_other_malignancy(p) for p in expr.parts)


_EXCEPT_HEADING = re.compile(r"^\W*(?:except(?:\s+for)?|with\s+the\s+exception\s+of|other\s+than)\W*$", re.I)


def _heading_target(part: Expr) -> Expr | None:
    """``All(another malignancy, review "except:")``: a heading whose children are exceptions."""
    if isinstance(part, All) and len(part.parts) == 2:
        target, note = part.parts
        if _is_target(target) and isinstance(note, Review) and _EXCEPT_HEADING.match(note.text or ""):
            return target
    return None


def _exception_parts(part: Expr) -> tuple[list[str], list[str]] | None:
    """(excepted malignancies, the exception's unread words) when ``part`` is ``Not`` of an
    exception naming only malignancies or carcinoma in situ; else None."""
    if not isinstance(part, Not):
        return None
    preds = list(iter_predicates(part.part))
    if not preds or any(p.concept not in _EXCEPTABLE or p.op not in (Op.PRESENT, Op.WITHIN) for p in preds):
        return None
    texts: list[str] = []

    def reviews(expr: Expr) -> None:
        if isinstance(expr, Review) and expr.text:
            texts.append(expr.text)
        elif isinstance(expr, (All, Any_)):
            for sub in expr.parts:
                reviews(sub)

    reviews(part.part)
    excepted = list(dict.fromkeys(p.concept for p in preds if p.concept in MALIGNANCIES))
    return excepted, texts


# listed among an exception's cancers but never "another malignancy" (MDS, cervical intraepithelial
# neoplasia): excepting one changes no count, so it never stops the list being read as exceptions
_NO_MALIGNANCY = frozenset({"mds", "cervical_dysplasia"})


def _child_exceptions(part: Expr) -> tuple[list[str], list[str]] | None:
    """The children of an "except:" heading (an ``Any_`` of cancers and their words)."""
    if not isinstance(part, Any_):
        return None
    preds = list(iter_predicates(part))
    if not preds or any(p.concept not in _EXCEPTABLE | _NO_MALIGNANCY or p.op not in (Op.PRESENT, Op.WITHIN) for p in preds):
        return None
    found = _exception_parts(Not(All(tuple(p for p in preds if p.concept in _EXCEPTABLE)))) if any(p.concept in _EXCEPTABLE for p in preds) else ([], [])
    texts: list[str] = []

    def reviews(expr: Expr) -> None:
        if isinstance(expr, Review) and expr.text:
            texts.append(expr.text)
        elif isinstance(expr, (All, Any_)):
            for sub in expr.parts:
                reviews(sub)
        elif isinstance(expr, Not):  # "X ... are eligible if treatment has been completed": the condition, negated by the permission's reading
            reviews(expr.part)

    reviews(part)
    return (found[0] if found else []), texts


def _disease_free(expr: All) -> tuple[Expr, Window] | None:
    """A review "unless disease-free for at least N years" beside another malignancy."""
    for part in expr.parts:
        if isinstance(part, Review) and part.text:
            m = _DISEASE_FREE.search(part.text)
            if m and re.search(r"\bunless|\bexcept|\bif\b", part.text, re.I):
                return part, _span(m)
    return None


# an exception that names no cancer but a state only a cancer no longer active can be in
# ("except adequately treated cancers without evidence of disease", "unless cured", "in remission
# for 3 years"): a malignancy still active on record is not excepted; one no longer active may be
_CURED_EXCEPTION = re.compile(
    r"^\W*(?:except(?:ions?)?|excluding|unless|other\s+than|with\s+the\s+exception\s+of|but\s+not)\b[^;]{0,200}?"
    r"\b(?:without\s+(?:any\s+)?(?:evidence|signs?)\s+of\s+(?:active\s+)?disease|no\s+(?:evidence|signs?)\s+of\s+(?:active\s+)?disease|\bNED\b"
    r"|(?:disease|cancer|tumou?r|recurrence)[\s-]*free|cured|curatively|in\s+(?:complete\s+)?remission|(?:completely\s+)?resolved|no\s+longer\s+active)",
    re.I,
)


def _cured_exception(expr: All) -> Expr:
    """``All(another malignancy, review "except ... without evidence of disease")``: the active
    malignancy still excludes, an inactive one leaves the exception to review."""
    targets = [p for p in expr.parts if _is_target(p)]
    if not targets:
        return expr
    base = targets[0].parts[0] if isinstance(targets[0], Any_) else targets[0]
    assert isinstance(base, Predicate)
    active = replace(base, op=Op.PRESENT, window=None)
    parts = [
        Any_((active, p)) if isinstance(p, Review) and _CURED_EXCEPTION.match(p.text or "") and not any(True for _ in iter_predicates(p)) else p
        for p in expr.parts
    ]
    return All(tuple(parts))


def _fold(expr: All, own: tuple[str, ...] | None) -> Expr:
    heading = [(p, _heading_target(p)) for p in expr.parts]
    heading = [(p, t) for p, t in heading if t is not None]
    if heading:  # "History of another malignancy except:" + its listed exceptions
        children = [(p, _child_exceptions(p)) for p in expr.parts if p is not heading[0][0]]
        if children and all(c is not None for _, c in children):
            rebuilt = [heading[0][1]] + [Not(p) for p, _ in children]
            expr = All(tuple(rebuilt))
    free = _disease_free(expr) if any(_is_target(p) for p in expr.parts) else None
    judged: Review | None = None
    if free is not None:  # active, or on record within the disease-free span
        note, window = free
        if isinstance(note, Review) and not (_DISEASE_FREE_ONLY.match(note.text or "") or _SPAN_ONLY.match(note.text or "")):
            judged = note
        parts_free: list[Expr] = []
        for part in expr.parts:
            if part is note:
                continue
            if _is_target(part):
                base = part.parts[0] if isinstance(part, Any_) else part
                assert isinstance(base, Predicate)
                part = Any_((replace(base, op=Op.PRESENT, window=None), replace(base, op=Op.WITHIN, window=window)))
            parts_free.append(part)
        expr = All(tuple(parts_free)) if len(parts_free) > 1 else All((parts_free[0],)) if parts_free else expr
    expr = _cured_exception(expr)
    return _beyond_span(_excepted_into_value(expr, own), judged)


def _beyond_span(expr: Expr, judged: Review | None) -> Expr:
    """A span that is not all the exception says ("unless disease-free for at least 5 years and
    deemed by the investigator to be at low risk for recurrence"): a malignancy on record beyond
    the span is left to that judgement, never cleared by the span alone."""
    if judged is None:
        return expr
    parts = list(expr.parts) if isinstance(expr, All) else [expr]
    out: list[Expr] = []
    for part in parts:
        # the malignancy counted, alone or beside the excepted ones kept with their own words
        counted = part if _is_target(part) else part.parts[0] if isinstance(part, Any_) and part.parts and _is_target(part.parts[0]) else None
        if counted is not None:
            base = counted.parts[0] if isinstance(counted, Any_) else counted
            assert isinstance(base, Predicate)
            lifetime = replace(base, op=Op.WITHIN, window=Window(100.0, "years"))
            part = Any_((part, All((lifetime, Review(ReviewReason.JUDGEMENT, judged.text)))))
        out.append(part)
    return out[0] if len(out) == 1 else All(tuple(out))


def _excepted_into_value(expr: All, own: tuple[str, ...] | None) -> Expr:
    """The malignancies the line excepts joined to the value of the malignancy it counts."""
    targets = [p for p in expr.parts if _is_target(p)]
    exceptions = [(p, _exception_parts(p) or _child_exceptions(p.part) if isinstance(p, Not) else _exception_parts(p)) for p in expr.parts]
    exceptions = [(p, e) for p, e in exceptions if e is not None]
    widened = {id(p): w for p in expr.parts if not any(p is q for q, _ in exceptions) and (w := widened_exception(p, _EXCEPTABLE)) is not None}
    exceptions += [(p, (w[0], w[1])) for p in expr.parts if (w := widened.get(id(p))) is not None]  # its rest stays, below
    if not targets or not exceptions:
        return expr
    excepted = list(dict.fromkeys(c for _, (cs, _) in exceptions for c in cs))
    texts = [t for _, (_, ts) in exceptions for t in ts]
    words = "; ".join(t for t in texts if not _unqualified(t))
    parts: list[Expr] = []
    for part in expr.parts:
        if any(part is p for p, _ in exceptions):
            if id(part) in widened:
                parts.append(widened[id(part)][2])
            continue
        if _is_target(part):
            value = None if own is None else tuple(dict.fromkeys(own + tuple(excepted)))
            preds = list(part.parts) if isinstance(part, Any_) else [part]
            counted: Expr = any_of_preds([replace(p, value=value) for p in preds if isinstance(p, Predicate)])
            if words and value is not None and excepted:  # the excepted cancer may not qualify ("watch and wait")
                # asked as the line counts it (active, or on record in its span): a resolved one
                # the span counts may not qualify either
                scoped = [s for c in excepted if c not in (own or ()) and (s := _scoped(c, preds, texts, words)) is not None]
                counted = Any_((counted, *scoped)) if scoped else counted
            parts.append(counted)
        else:
            parts.append(part)
    return parts[0] if len(parts) == 1 else All(tuple(parts))


def _scoped(kind: str, preds: list[Expr], texts: list[str], words: str) -> Expr | None:
    """The excepted ``kind`` asked with the exception's words, as the line counts it; a skin
    cancer the exception names by itself (``skin_exception``) is not asked, or only while active."""
    reading = skin_reading(texts, whole=kind == SKIN) if kind in SKIN_KINDS else SkinReading.REVIEW
    if reading is SkinReading.EXCEPTED:
        return None
    asked = [replace(p, concept=kind, value=None) for p in preds if isinstance(p, Predicate)]
    if reading is SkinReading.RESOLVED:
        asked = [replace(asked[0], op=Op.PRESENT, window=None)]
    return All((any_of_preds(asked), Review(ReviewReason.AMBIGUOUS, words)))


def any_of_preds(preds: list[Predicate]) -> Expr:
    return preds[0] if len(preds) == 1 else Any_(tuple(preds))


def _names_steroid(expr: Expr) -> bool:
    return any(p.concept in ("steroid_therapy", "steroid_dose") for p in iter_predicates(expr))


# An exception the clause grammar left whole, as a review and-ed to "another malignancy" ("with the
# exception of nonmetastatic treated skin cancer (e.g. basal or squamous cell carcinoma) or stage 0
# cervical carcinoma", "except skin cancer", "except basal or squamous cell carcinoma"): a
# malignancy of none of the kinds it names is another malignancy all the same, so the line is met
# by one, and left to a person only for a patient whose cancers are all of the excepted kinds
# (their qualifiers, "treated", "nonmetastatic", stay unread). Only an exception whose every word
# names those kinds or qualifies them: any other word ("or other cancer disease-free for 5
# years", "unless", "low grade prostate cancer") may reach any cancer, and the review stays whole.
_EXCEPTION_LEAD = re.compile(r"^\W*(?:with\s+the\s+exceptions?\s+of|except(?:\s+for)?|excluding)\b", re.I)
_EXCEPTION_VOCABULARY = frozenset(
    """basal squamous cell cells skin cutaneous cancer cancers carcinoma carcinomas nonmelanoma non melanoma nonmelanomatous
    melanomatous in situ cervix cervical uterine uteri breast ductal prostate of the or and e g eg adequately curatively
    definitively treated resected excised completely surgically localized localised nonmetastatic metastatic stage cured
    intraepithelial intra epithelial neoplasia cin dcis cis bcc scc
    a that which requires requiring required only local locally treatment therapy""".split()
)
# the line's own verdict said after its exception ("..., exclusive of a skin cancer that requires
# only local treatment, should not be enrolled on this protocol"): no word of the exception
_VERDICT_TAIL = re.compile(
    r"[\s,;]*\b(?:should|must|will|may|can|shall)\s+not\s+be\s+(?:enrolled|eligible|included|entered)\b[^;]{0,60}$"
    r"|[\s,;]*\b(?:are|is)\s+(?:not|in)\s*eligible\b[^;]{0,60}$",
    re.I,
)
_IN_SITU_MARK = re.compile(r"\bin[\s-]+situ\b|\bstage\s+0\b|intra-?\s?epithelial|\bCIN\b|\bD?CIS\b", re.I)
_SKIN_KIND = re.compile(r"\bbasal\b|\bsquamous\b|non-?\s?melanoma|\bBCC\b|\bSCC\b", re.I)


def _named_kinds(text: str) -> tuple[str, ...] | None:
    """The kinds of cancer an exception's words name, or None when they may name any other."""
    m = _EXCEPTION_LEAD.match(text)
    if m is None:
        return None
    body = _VERDICT_TAIL.sub("", text[m.end():])
    if any(w not in _EXCEPTION_VOCABULARY for w in re.findall(r"[a-z]+", body.lower())):
        return None
    if re.search(r"(?<![a-z])melanoma", body, re.I) and not re.search(r"non-?\s?melanoma", body, re.I):
        return None
    kinds: list[str] = []
    if _SKIN_KIND.search(body):
        kinds.append(skin_kind(body))
    elif re.search(r"\bskin\b|\bcutaneous\b", body, re.I):
        kinds += ["nonmelanoma_skin_cancer", "melanoma"]  # "skin cancer": either kind may be meant
    in_situ = _IN_SITU_MARK.search(body) is not None
    if re.search(r"\bcervi(?:x|cal)\b|\bbreast\b|\bductal\b", body, re.I) and not in_situ:
        return None  # an invasive cancer of a site no kind of its own names
    if in_situ:
        kinds += ["carcinoma_in_situ", "cervical_dysplasia"]
    if re.search(r"\bprostate\b", body, re.I):
        kinds.append("prostate_cancer")
    return tuple(kinds) or None


def _exception_body(text: str) -> str:
    """An exception's words after its lead word, without the line's verdict said after them."""
    m = _EXCEPTION_LEAD.match(text)
    return _VERDICT_TAIL.sub("", text[m.end():]) if m else text


def _named_exception(expr: Expr) -> Expr:
    return rewrite_conjunctions(expr, _counted_beside_named_exception)


def _counted_beside_named_exception(expr: All) -> Expr | None:
    if len(expr.parts) == 2 and _is_target(expr.parts[0]) and isinstance(expr.parts[1], Review):
        kinds = _named_kinds(expr.parts[1].text or "")
        if kinds is not None:
            target = expr.parts[0]
            counted = [_excepting(p, kinds) for p in (target.parts if isinstance(target, Any_) else (target,)) if isinstance(p, Predicate)]
            if names_only(_exception_body(expr.parts[1].text or "")):  # "except skin cancer": no word left to weigh
                # but whether "skin cancer" reaches a melanoma, which is one too
                doubtful = [replace(p, concept="melanoma", value=None) for p in counted] if "melanoma" in kinds else []
                return any_of(counted) if not doubtful else Any_((*counted, All((any_of(list(doubtful)), expr.parts[1]))))
            return Any_((*counted, expr))
    return None


def _excepting(target: Predicate, kinds: tuple[str, ...]) -> Predicate:
    named = tuple(v for v in target.value or () if isinstance(v, str))
    return replace(target, value=tuple(dict.fromkeys(named + kinds)))


def _walk(expr: Expr, own: tuple[str, ...] | None) -> Expr:
    if isinstance(expr, Predicate):
        if _is_other_malignancy(expr) and expr.value is not None and own is None:
            return replace(expr, value=None)  # "other than X" without the trial's own disease: any cancer may be it
        if _is_other_malignancy(expr) and own is not None:
            named = tuple(v for v in expr.value or () if isinstance(v, str))
            return replace(expr, value=tuple(dict.fromkeys(own + named)))
        return expr
    if isinstance(expr, Not):
        return Not(_walk(expr.part, own))
    if isinstance(expr, Any_) and (factored := _shared_exceptions(expr)) is not None:
        expr = factored
    if isinstance(expr, All):
        expr = side_by_side(expr, _is_target)
    if isinstance(expr, (All, Any_)):
        node: Expr = type(expr)(tuple(_excepted_span(p, expr, own) for p in expr.parts))
        if isinstance(node, All) and any(isinstance(p, All) and p.parts and _is_target(p.parts[0]) for p in node.parts):
            # "(another malignancy and not E1) and not E2": one line's exceptions, side by side
            node = All(tuple(q for p in node.parts for q in (p.parts if isinstance(p, All) and p.parts and _is_target(p.parts[0]) else (p,))))
        if isinstance(node, All):
            node = _fold(node, own)
            if isinstance(node, All) and _names_steroid(node):
                kept = [p for p in node.parts if not (isinstance(p, Review) and _NONSYSTEMIC_PERMISSION.match(p.text or ""))]
                if kept and len(kept) < len(node.parts):
                    node = kept[0] if len(kept) == 1 else All(tuple(kept))
        return node
    return expr


def _excepted_span(part: Expr, parent: All | Any_, own: tuple[str, ...] | None) -> Expr:
    """``part`` walked; an exception stating a disease-free span, beside the malignancy it
    excepts from (never the line's own negation, "No other malignancy unless ..."), read as
    ``_spanned_exception`` says."""
    if isinstance(part, Not) and isinstance(parent, All) and any(_is_target(p) for p in parent.parts if p is not part):
        spanned = _spanned_exception(part.part)
        if spanned is not None:
            return Not(All(tuple(_walk(p, own) for p in spanned.parts)))
    return _walk(part, own)


def _shared_exceptions(expr: Any_) -> All | None:
    """``(active malignancy and not E) or (malignancy on record and not E)``: an exception a
    sentence after the line attached to each of its alternatives, taken out again as
    ``(active or on record) and not E`` (the same in three-valued logic), so the line's target
    meets its exceptions and an excepted cancer joins the malignancies it does not count."""
    if len(expr.parts) < 2 or not all(isinstance(p, All) and len(p.parts) >= 2 and _is_other_malignancy(p.parts[0]) for p in expr.parts):
        return None
    rests = [p.parts[1:] for p in expr.parts if isinstance(p, All)]
    if any(r != rests[0] for r in rests):
        return None
    return All((Any_(tuple(p.parts[0] for p in expr.parts if isinstance(p, All))), *rests[0]))


def _spanned_exception(part: Expr) -> All | None:
    """An exception for the patients whose other cancer lies beyond a disease-free span ("...
    ineligible except for the following circumstances. Individuals with a history of other
    malignancies are eligible if they have been disease-free for at least 3 years and are deemed
    by the investigator to be at low risk ..."): ``All(another malignancy, review)`` under ``Not``.
    The span is the exception's, so what it excepts is a malignancy neither active nor within the
    span; the review stays beside it for those alone, unless it says nothing but the span. Folded
    as the line's own span instead (``_fold``), the exception became "active or within 3 years"
    and cleared the very patients the line excludes (a breast cancer 2 years ago passed)."""
    if not isinstance(part, All):
        return None
    targets = [p for p in part.parts if _is_target(p)]
    notes = [p for p in part.parts if isinstance(p, Review) and p.text and _DISEASE_FREE.search(p.text)]
    if len(targets) != 1 or len(notes) != 1:
        return None
    free = _DISEASE_FREE.search(notes[0].text or "")
    assert free is not None
    window = _span(free)
    target = targets[0]
    base = target.parts[0] if isinstance(target, Any_) else target
    assert isinstance(base, Predicate)
    active = replace(base, op=Op.PRESENT, window=None)
    on_record = Any_((active, replace(base, op=Op.WITHIN, window=Window(100.0, "years"))))  # whenever it was
    if _ALTERNATIVES.search(notes[0].text or ""):
        # "... or have a history of completely resected nonmelanoma skin cancer and/or ... indolent
        # second malignancies are eligible": the span is one exception of several, the others
        # unread, so any malignancy on record may be excepted (a person's)
        return All((on_record, Review(ReviewReason.JUDGEMENT, notes[0].text)))
    beyond: list[Expr] = [on_record, Not(active), Not(replace(base, op=Op.WITHIN, window=window))]
    rest = [p for p in part.parts if p is not target and (p is not notes[0] or not _SPAN_ONLY.match(p.text or ""))]
    return All(tuple(beyond + rest))


_ALTERNATIVES = re.compile(r"\b(?:or|and/or)\b", re.I)


# an exception's words that say nothing but the disease-free span ("Patients with prior
# malignancies are eligible if they have been disease-free for at least 5 years")
_SPAN_ONLY = re.compile(
    r"^\W*(?:(?:patients?|subjects?|participants?|individuals)\s+(?:with\s+)?(?:a\s+)?(?:history\s+of\s+)?(?:other|prior|previous|another)\s+"
    r"(?:malignanc(?:y|ies)|cancers?)\s+(?:are|is|will\s+be|may\s+be)\s+(?:also\s+)?(?:eligible|allowed|permitted)\s+)?"
    r"(?:if|provided|when|unless)\s+(?:(?:they|the\s+patient|the\s+subject)\s+)?(?:(?:has|have|had|are|is)\s+)?(?:been\s+)?(?:continuously\s+)?"
    + _DISEASE_FREE.pattern
    + r"\W*$",
    re.I,
)


def _names_own(part: Expr, own: tuple[str, ...]) -> bool:
    """The trial's own disease asked present, bare: narrowed ("secondary AML", "therapy for HCC")
    or dated it may be what an exclusion means, and stays. The family its own kinds make whole
    counts too (a record of the bare family may be one of them): in a trial for "PTCL-NOS, ALCL,
    AITL, enteropathy-associated T-cell lymphoma", "other peripheral T-cell lymphoma histologies
    other than those specified in the inclusion criteria" excluded each of them as "T-cell
    lymphoma"."""
    return isinstance(part, Predicate) and part.op is Op.PRESENT and part.window is None and (part.concept in own or _family_of_own(part.concept, own))


def _family_of_own(concept: str, own: tuple[str, ...]) -> bool:
    """Whether ``concept`` is the nearest family, exhaustive by its kinds, of one of ``own``."""
    family = CONCEPTS.get(concept)
    return family is not None and family.subtypes_exhaustive and any(o in CONCEPTS and CONCEPTS[o].parent == concept for o in own)


def _without_own_disease(expr: Expr, own: tuple[str, ...]) -> Expr:
    """An exclusion's alternative that is the trial's own disease is the context of another
    alternative, never a case of its own: read as one, it excluded every patient the trial is for
    ("Metastatic CNS from RCC", "Prior use of radiotherapy or investigational agents for RCC",
    "... cisplatin or docetaxel for HNSCC or with AZD1775" in trials for those cancers). The other
    alternatives decide; what they were for is left unread, which can only exclude more.

    An alternative that is itself a list of alternatives (a heading's line, "Patients with:" /
    "Active central nervous system involvement by AML") is read as that line is read alone: kept
    whole, its "AML" made the heading exclude every patient the trial is for, while the line
    itself did not."""
    if isinstance(expr, Any_):
        parts = [_without_own_disease(p, own) if isinstance(p, Any_) else p for p in expr.parts]
        kept = [p for p in parts if not _names_own(p, own)]
        if kept and len(kept) < len(parts):
            return kept[0] if len(kept) == 1 else Any_(tuple(kept))
        if parts != list(expr.parts):
            return Any_(tuple(parts))
    return expr


def _counts(expr: Expr) -> bool:
    """Another malignancy counted: asked alone, or active or inside a span (an ``Any_`` of them)."""
    return _is_target(expr) or isinstance(expr, Any_) and bool(expr.parts) and all(_is_target(p) for p in expr.parts)


def _own_beside_other(expr: Expr, own: tuple[str, ...]) -> Expr:
    """The trial's own disease dated beside "another malignancy" ("Prior history of malignancies,
    other than myelodysplastic syndromes, CMML, ..., unless the subject has been free of the
    disease for >= 3 years": the first of the kinds the line sets apart was read as "MDS within 3
    years", an alternative of the exclusion in an MDS trial) is one of the kinds the line sets
    apart, never a case of its own: read as one it excluded every patient the trial is for. Only
    in an alternative list that counts another malignancy; the other alternatives decide."""
    if isinstance(expr, Not):
        inner = _own_beside_other(expr.part, own)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (All, Any_)):
        return expr
    parts = [_own_beside_other(p, own) for p in expr.parts]
    if isinstance(expr, Any_) and any(_is_target(p) for p in parts):
        kept = [p for p in parts if not (isinstance(p, Predicate) and p.concept in own and p.op is Op.WITHIN)]
        if kept and len(kept) < len(parts):
            parts = kept
    if parts == list(expr.parts):
        return expr
    return parts[0] if len(parts) == 1 else type(expr)(tuple(parts))


def _lifetime(expr: Expr) -> bool:
    return all(p.window is None or p.window.amount >= 100 for p in iter_predicates(expr) if p.concept == "other_malignancy")


def _within_disease_free(expr: Expr, window: Window, judged: Review | None = None, solid_only: str | None = None) -> Expr:
    """Another malignancy counted while active or within the disease-free span the line asks.

    Only the malignancy the line counts takes the span; an exception standing beside it ("... or
    other cancer for which the patient has been disease-free for 5 years": the ``Not`` in
    ``All(malignancy, Not(exception))``, as ``_excepted_span`` finds it) names the cancer beyond
    the span and is left as written (given the span too, a cancer resolved 2 years ago met the
    exception and was no longer excluded). ``judged``: the words the span is joined to ("and
    are deemed by the investigator to be at low risk for recurrence"), which leave a malignancy
    on record beyond the span to a person. ``solid_only``: the span is that of solid tumours
    alone ("... or other solid tumors curatively treated with no evidence of disease for >= 5
    years"), so beyond it a malignancy that is no solid tumour still counts (a lymphoma 10 years
    ago is no exception); when the trial's own disease is unknown (the value ``None``) which
    cancer it is is left to a person, with those words."""
    if _is_target(expr):
        base = expr.parts[0] if isinstance(expr, Any_) else expr
        assert isinstance(base, Predicate)
        parts: list[Expr] = [replace(base, op=Op.PRESENT, window=None), replace(base, op=Op.WITHIN, window=window)]
        lifetime = replace(base, op=Op.WITHIN, window=Window(100.0, "years"))
        if judged is not None:
            parts.append(All((lifetime, judged)))
        if solid_only is not None:
            values = tuple(v for v in base.value or () if isinstance(v, str))
            parts.append(replace(lifetime, value=values + ("solid_tumor",)) if base.value is not None else All((lifetime, Review(ReviewReason.JUDGEMENT, solid_only))))
        return Any_(tuple(parts))
    if isinstance(expr, Not):
        return Not(_within_disease_free(expr.part, window, judged, solid_only))
    if isinstance(expr, (All, Any_)):
        # the malignancy counted, alone or beside the excepted ones kept with their own words
        counting = isinstance(expr, All) and any(_is_target(p) or isinstance(p, Any_) and bool(p.parts) and _is_target(p.parts[0]) for p in expr.parts)
        walked = [p if counting and isinstance(p, Not) else _within_disease_free(p, window, judged, solid_only) for p in expr.parts]
        return any_of(walked) if isinstance(expr, Any_) else all_of(walked)
    return expr


# the words a span is joined to that only a person can weigh: "disease-free for at least 3 years
# and are at low risk for recurrence", "... and deemed by the investigator to be at low risk"
_JUDGED_SPAN = re.compile(r"[^.;()]{0,40}?\band\b[^.;()]{0,60}?\b(?:low\s+risk|deemed|judged|opinion|considered)\b", re.I)


def _listed_disease_free(expr: Expr, window: Window) -> Expr:
    """An exclusion's other cancers listed beside "another malignancy" ("other malignancies,
    non-melanoma skin tumors, carcinoma in situ (e.g. cervix, bladder, breast), unless
    disease-free survival of at least 3 years") are counted as it is: while active or within the
    disease-free span. The span's own words, left as a review beside the last cancer listed, are
    then read. Only the line's own alternatives change: an exception it makes (under ``Not``, or
    an excepted cancer kept with its qualifier) is left as written."""
    parts = list(expr.parts) if isinstance(expr, Any_) else [expr]
    out: list[Expr] = []
    # a named cancer asked over a lifetime as well ("History of prostate cancer, ... except cancers
    # in remission for >= 5 years"; topics.cancer_history): the span replaces the lifetime
    listed = {p.concept for p in parts if _is_listed_cancer(p)}
    parts = [p for p in parts if not (_is_lifetime(p) and isinstance(p, Predicate) and p.concept in listed)]
    for part in parts:
        if isinstance(part, All) and len(part.parts) == 2 and _is_listed_cancer(part.parts[0]):
            note = part.parts[1]
            if isinstance(note, Review) and _DISEASE_FREE_ONLY.match(note.text or ""):
                part = part.parts[0]
        if _is_listed_cancer(part):
            assert isinstance(part, Predicate)
            part = Any_((part, replace(part, op=Op.WITHIN, window=window)))
        out.append(part)
    return any_of(out)


def _named_within_span(expr: Expr, window: Window) -> Expr:
    """An exclusion's cancers named over a lifetime beside a span its exception sets ("History of
    prostate cancer, breast cancer or any other malignancy, except ... cancers in remission for
    >= 5 years"; topics.cancer_history): counted while active or inside the span, as the other
    malignancy beside them is (left over a lifetime, a breast cancer cured 10 years ago excluded)."""
    if not isinstance(expr, Any_):
        return expr
    ever = {p.concept for p in expr.parts if _is_lifetime(p) and isinstance(p, Predicate) and p.concept in _EXCEPTABLE}
    named = {p.concept for p in expr.parts if _is_listed_cancer(p) and isinstance(p, Predicate)} & ever
    if not named:
        return expr
    parts: list[Expr] = []
    for part in expr.parts:
        if isinstance(part, Predicate) and part.concept in named:
            if _is_listed_cancer(part):
                parts.extend((part, replace(part, op=Op.WITHIN, window=window)))
            continue
        parts.append(part)
    return any_of(parts)


def _is_lifetime(expr: Expr) -> bool:
    """A cancer asked on record within a lifetime (100 years), nothing excepted."""
    return isinstance(expr, Predicate) and expr.op is Op.WITHIN and expr.value is None and expr.window is not None and expr.window.amount >= 100


def _is_listed_cancer(expr: Expr) -> bool:
    """A cancer named present, undated ("non-melanoma skin tumors", "carcinoma in situ")."""
    return isinstance(expr, Predicate) and expr.concept in _EXCEPTABLE and expr.op is Op.PRESENT and expr.window is None and expr.value is None


# the span said of the cancer the line counts, in a relative clause that denies it ("Any other
# malignancy, excluding ..., from which the subject has not been disease-free for at least 3
# years", "a prior malignancy from which the patient has not been disease free for a minimum of 2
# years"): the malignancy counted while active or within the span, as "unless disease-free for"
# is read (the span unread, a cancer resolved 2 years ago was no longer counted)
_NEGATED_SPAN = re.compile(r"\b(?:has|have|had)\s+not\s+been\s+(?:continuously\s+)?$", re.I)


# a review that is only the disease-free span: "unless disease-free survival of ≥ 3 years",
# "unless the patient has been disease free for > 5 years"
_DISEASE_FREE_ONLY = re.compile(
    r"^\W*(?:unless|except\s+(?:if|when)|if)\s+(?:(?:the\s+)?(?:patient|subject|participant)s?\s+)?(?:(?:has|have|had|is|are)\s+)?(?:been\s+)?(?:continuously\s+)?"
    + _DISEASE_FREE.pattern
    + r"\W*$",
    re.I,
)


# the solid tumours' own span, the last of an exception's kinds: "except adequately treated
# nonmelanoma skin cancer, ... or other solid tumors curatively treated with no evidence of disease
# for >= 5 years", "... or other solid tumor treated curatively and without evidence of recurrence
# for at least 3 years" (the span is searched for behind it, within the same item)
_SOLID_SPAN = re.compile(r"\bsolid\s+tumou?rs?\b[^;]{0,120}$", re.I)


def _span_text(criteria: tuple[Criterion, ...], index: int) -> str:
    """The words a line's disease-free span is read from: its own, or for a heading whose own
    words state none, those of the one line under it that does ("PATIENT CHARACTERISTICS:" over
    "No history of other malignancies, except ... for >= 5 years"). The heading holds its
    children's reading, so the span must be the same there: read from the heading's words alone,
    the child's malignancy stayed "ever" in the heading and failed a cancer cured 10 years ago
    that the child line itself let pass."""
    own = criteria[index].text
    if _DISEASE_FREE.search(own) or not any(p.concept == "other_malignancy" for p in iter_predicates(criteria[index].expr)):
        return own
    spans = [c.text for c in _descendants(criteria, index) if _DISEASE_FREE.search(c.text)]
    return spans[0] if len(spans) == 1 else own


def _early_stage_text(criteria: tuple[Criterion, ...], index: int) -> str:
    """The words an early-stage exception is read from: the line's own, or for a heading those of
    the one line under it that holds it ("No other prior malignancy is allowed except for the
    following:" over "Adequately treated stage I or II cancer ... in complete remission")."""
    own = criteria[index].text
    if early_stage_words(own) is not None:
        return own
    found = [c.text for c in _descendants(criteria, index) if early_stage_words(c.text) is not None]
    return found[0] if len(found) == 1 else own


def _descendants(criteria: tuple[Criterion, ...], index: int) -> list[Criterion]:
    out, todo = [], [index]
    while todo:
        parent = todo.pop()
        kids = [i for i, c in enumerate(criteria) if c.parent == parent]
        out.extend(criteria[i] for i in kids)
        todo.extend(kids)
    return out


def resolve(criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
    """The trial's criteria with "another malignancy" told the trial's own disease and the line's
    exceptions, and non-systemic steroid permissions read as remarks. A coordinator's correction
    is left as written."""
    own = trial_diseases(criteria)
    out = []
    for index, criterion in enumerate(criteria):
        if criterion.corrected:
            out.append(criterion)
            continue
        expr = _walk(_named_exception(criterion.expr), own)
        if criterion.type is CriterionType.EXCLUSION and own is not None:
            expr = _without_own_disease(_own_beside_other(expr, own), own)
        text = _span_text(criteria, index)
        free = _DISEASE_FREE.search(text)
        if free and (re.search(r"\bunless\b|\bexcept\b|\bif\b", text, re.I) or _NEGATED_SPAN.search(text, 0, free.start())) and _lifetime(expr):
            window = _span(free)
            tail = _JUDGED_SPAN.match(text, free.end())
            judged = Review(ReviewReason.JUDGEMENT, text[free.start(): tail.end()]) if tail else None
            solid = _SOLID_SPAN.search(text, 0, free.start())
            expr = _within_disease_free(expr, window, judged, text[solid.start(): free.end()] if solid else None)
            if criterion.type is CriterionType.EXCLUSION:
                expr = _listed_disease_free(expr, window)
        elif criterion.type is CriterionType.EXCLUSION and (curative := curative_span(criterion.text)) is not None and _lifetime(expr):
            # "Cancer treated with curative intent > 5 years will be allowed": the span, read as a disease-free one
            expr = _within_disease_free(sentences_dropped(expr), curative)
        if free and criterion.type is CriterionType.EXCLUSION and re.search(r"\bunless\b|\bexcept\b", text, re.I):
            expr = _named_within_span(expr, _span(free))
        expr = beyond_span(treated_now(expr, criterion.text, own), _span_in)
        expr = early_stage_exception(expr, criterion.type, _early_stage_text(criteria, index))
        expr = inactive_history(expr, criterion.type)  # "Prior history of cancer is allowed, as long as there is no active disease"
        expr = currently_active(expr, ". ".join([criterion.text, *(c.text for c in _descendants(criteria, index))]))  # "... not considered to have a "currently active" malignancy if ... < 30% risk of relapse"
        expr = fragments_joined(expr, _EXCEPTABLE, _counts)  # "... prostate cancer (TNM stage of T1a N0M0 or T1b N0M0)": the bracket is that exception's
        expr = stranded_qualifiers(expr, criterion.type, criterion.text, _span_in)  # "... malignancy that has not been treated or in remission for 2 years"
        out.append(criterion if expr == criterion.expr else replace(criterion, expr=expr))
    return tuple(out)
