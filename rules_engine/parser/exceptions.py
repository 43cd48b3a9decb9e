"""What an exception phrase takes out of the items before it.

"except alopecia", "unless due to Gilbert's syndrome", "other than basal cell carcinoma", "(excluding
hormone therapy)", "except within 2 weeks": the exception is read, tied to the items it concerns and
applied as ``All(main, Not(exception))``, or left unread so it can only make the line ``unknown``.
Reading an exception is a grammar of its own (its subject, its range, a toxicity's kind), applied
by the residue policy (``residue``) once the clause's items are known.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, IN_SITU, Kind, MALIGNANCIES, ancestors, related
from rules_engine.readings import has_review
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, iter_nodes
from rules_engine.parser.event_exceptions import except_from
from rules_engine.parser.excepted_absences import excepted_absence
from rules_engine.parser.graded_exceptions import excepted_graded_event
from rules_engine.parser.combining import combine
from rules_engine.parser.count_causes import marrow_cause
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, Item, NAMED_CAUSES, all_of, any_of, content_words, predicate, predicates
from rules_engine.parser.permitted_drugs import permitted_drugs
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.review_reasons import review_reason
from rules_engine.parser.widening import WIDENING_CLAUSE, bare_bounds, with_named_causes


_HEART_DRUGS_EXCEPTED = frozenset({"beta_blocker", "diuretic_therapy", "calcium_channel_blocker", "nondihydropyridine_ccb"})


def exception_expr(exc: str, ctype: CriterionType) -> tuple[Expr, bool]:
    """(the exception's expression, whether it exempts a person rather than excepting a thing)."""
    person = _exempts_person(exc)
    body = re.sub(r"^\W*not\b", "", exc, flags=I) if re.match(r"^\W*not\b", exc, I) else exc
    # (the word boundary belongs to the words: after "EXCEPTION:" none follows, and the label stayed)
    body = re.sub(r"^\W*(?:exceptions?\s*:|(?:except(?:\s+for|\s+if|\s+when|\s+in)?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|if\s+not|but\s+not(?:\s+including)?|not\s+including)\b)", "", body, flags=I)
    permitted = permitted_drugs(body) if not person else None
    if permitted is not None:
        return permitted, False  # "with the exception of aspirin <= 150 mg per day or low molecular weight heparin"
    items = with_named_causes(extract(body, ctype), body)
    read = [it for it in items if it.expr is not None]
    if read and all(it.concepts and it.concepts <= _HEART_DRUGS_EXCEPTED for it in read):
        # "requiring anti-arrhythmic medication other than beta blocker or calcium channel blocker":
        # the drug excepted is one the needed medication may be, not one the patient must not take
        # (read as "and not on a beta-blocker", a patient needing amiodarone beside metoprolol passed)
        return Review(ReviewReason.JUDGEMENT, exc), person
    # things excepted are alternatives ("except basal cell or in situ carcinoma"); what a person
    # exempted must also meet is a further condition ("Gilbert's syndrome, who can have < 3 mg/dL"),
    # and so is the bound a cause is allowed (``_cause_bound_frames``)
    frames = _cause_bound_frames(body, items)
    expr = combine(items, body, CriterionType.INCLUSION if person or frames else CriterionType.EXCLUSION)
    masked = list(body)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
    for start, end in frames:
        masked[start:end] = " " * (end - start)
    # "(Gilbert and other syndromes with increased indirect bilirubin should be allowed)": the others
    # are more persons excepted, never a condition on the one named, so they widen the exception
    # (a person reads them) rather than narrow it (left as a qualifier, a patient with Gilbert's
    # syndrome failed the bilirubin the exception frees him from)
    # (only beside the named causes of a value out of range: "other malignancy treated > 5 years
    # ago" in a cancer's exception is its own reading)
    causes = {concept for _, concept in NAMED_CAUSES}
    cause_only = bool(read) and all(it.concepts and it.concepts <= causes for it in read)
    others = _AND_OTHERS.search("".join(masked)) if cause_only else None
    if others is not None:
        masked[others.start(): others.end()] = " " * (others.end() - others.start())
    # a named cause permitted ("(Gilbert's syndrome should be allowed)"): the cause read is the
    # one the words name, so its verb says only that the exception widens
    if (person and _FOR_PERSONS.search(body)) or cause_only:
        # the exemption's own verb ("... is acceptable for subjects with Gilbert's", "... may be
        # enrolled") says the exception widens, which applying it does: left, "acceptable" kept
        # a fully read exception ("direct bilirubin <= 1.5 x ULN is acceptable for subjects with
        # Gilbert's syndrome") in review. Only where the persons are named: a thing permitted
        # ("low molecular weight heparin is permitted", "other HDAC inhibitors are acceptable")
        # is often narrower than the concept read for it, and its verb keeps it a review
        masked = list(WIDENING_CLAUSE.sub(lambda m: " " * (m.end() - m.start()), "".join(masked)))
    leftover = content_words(blank_remarks("".join(masked))) + bare_bounds("".join(masked)) + _NARROWING_WORDS.findall("".join(masked))
    if cause_only:  # a list of causes' frame ("unless elevated due to", "unless related to") is no condition on them
        # (nor where it names the lab it is for, "[for bilirubin]": tied to other limits of its
        # clause, "SGOT or SGPT <= 3 x ULN ... unless due to ... (for bilirubin)", the cause would
        # clear a transaminase it never raises)
        frame = _CAUSE_LEAD if re.search(r"\d|\bfor\s+(?:total\s+|serum\s+)?bilirubin", "".join(masked), I) else _CAUSE_LEAD | _RAISED_VALUE
        leftover = [w for w in leftover if w.lower() not in frame]
    if expr is None:
        marrow = marrow_cause(body)  # "unless due to bone marrow involvement of CLL": a count's (count_causes)
        if marrow is not None:
            return marrow, person
        return Review(review_reason(exc) if review_reason(exc) is not ReviewReason.UNPARSED else ReviewReason.JUDGEMENT, exc), person
    if not leftover and not person and any(it.concepts & causes for it in read) and any(it.concepts - causes - _CAUSED_VALUES for it in read):
        # "Total bilirubin <= 1.5 x ULN unless due to Gilbert's disease or hemolysis, AST and ALT <= 2.5
        # x ULN, Serum creatinine <= 1.5 x ULN": the exception's words ran on into the list's next
        # items, which no cause of a liver value excepts. Joined as alternatives of the causes, the
        # creatinine alone met the bilirubin; a person reads the exception
        leftover = ["the exception runs into the items after it"]
    if leftover:
        expr = all_of([expr, Qualifier(review_reason(" ".join(leftover)), exc)])
    if others is not None:
        expr = any_of([expr, Alternative(review_reason(others.group(0)), exc)])
    elif cause_only and _unread_cause(body, read):
        # "unless due to leukemia or congenital hemolytic disorder": a cause of the list no topic
        # read is one more alternative of the exception, never a condition on the cause read
        # beside it (joined so, a patient whose bilirubin the leukaemia raised failed the line)
        expr = any_of([expr, Alternative(ReviewReason.UNPARSED, exc)])
    return expr, person


# the words that give a named cause the bound it is allowed: "except patients with Gilbert's
# syndrome in whom total bilirubin must be < 3.0 mg/dL", "unless Gilbert syndrome, then total
# bilirubin <= 3 mg/dL", "except for Gilbert's syndrome which will allow bilirubin <= 2.0 mg/dL",
# "... Gilbert's disease, where bilirubin <= 3 mg/dL is allowed" (as "in which case" in
# ``joiners``). The cause and its bound are asked together: joined as alternatives (an exception
# of things), a patient without Gilbert's syndrome met the line with any bilirubin under the
# cause's bound, and the frame's own words ("whom", "allow") were left as an unread condition
_CAUSE_BOUND_FRAME = re.compile(
    r"\b(?:in\s+whom|for\s+whom|whose|which\s+(?:will\s+|would\s+)?(?:allows?|permits?)|where|then|who\s+(?:can|may|could)\s+have)\b", I
)


def _cause_bound_frames(body: str, items: list[Item]) -> list[tuple[int, int]]:
    """The spans of the frames in ``body`` that stand between named causes and a bound of a
    value they raise. Every cause before the frame must be read: an unread one ("unless
    associated with hepatobiliary metastases or Gilbert syndrome, then ...") is an alternative
    the bound is also for, never a condition on the cause read beside it."""
    causes = {concept for _, concept in NAMED_CAUSES}
    read = [it for it in items if it.expr is not None]
    out = []
    for m in _CAUSE_BOUND_FRAME.finditer(body):
        before = [it for it in read if it.end <= m.start()]
        after = [it for it in read if it.start >= m.end()]
        lead = list(body[: m.start()])
        for it in before:
            lead[it.start: it.end] = " " * (it.end - it.start)
        unread = [w for w in content_words(blank_remarks("".join(lead))) if w.lower() not in _CAUSE_LEAD]
        if (before and after and not unread and all(it.concepts and it.concepts <= causes for it in before)
                and after[0].concepts and after[0].concepts <= _CAUSED_VALUES
                and all(CONCEPTS[c].kind is Kind.MEASUREMENT for c in after[0].concepts)):
            out.append((m.start(), m.end()))
    return out


# the words that lead or join a list of causes, never a cause themselves
_CAUSE_LEAD = frozenset(
    "unless except excluding other than if when in patients subjects participants those who with the a an of is are was be been by to due "
    "elevated elevation elevations increase increased rise raised high higher level levels value values result results abnormal abnormality "
    "abnormalities secondary attributable attributed associated related considered thought believed judged documented known proven suspected "
    "from resulting caused primarily directly solely mainly for then present allowed permitted acceptable eligible".split()
)
# the value the causes raise, named in the frame ("unless elevated bilirubin is attributable to
# Gilbert's syndrome", "... congenital hemolytic disorder [for bilirubin]"): no condition on the
# cause, unless a number beside it bounds it anew ("where bilirubin to 4x ULN is allowed", which
# no item reads: the named value is what keeps that bound a person's)
_RAISED_VALUE = frozenset({"bilirubin", "hyperbilirubinemia", "hyperbilirubinaemia"})
_LIST_CUT = re.compile(r"\s*(?:,\s*(?:or|and/or)?|\bor\b|\band/or\b)\s*", I)


def _unread_cause(body: str, read: list[Item]) -> bool:
    """Whether a list of causes ("leukemia or congenital hemolytic disorder") holds a member no
    item read and no remark explains: a cause a person weighs."""
    pos = 0
    for cut in [*_LIST_CUT.finditer(body), None]:
        end = cut.start() if cut is not None else len(body)
        # (a number is the exception's own limit, "then <= 5 x ULN is allowed", "where bilirubin to
        # 4x ULN is allowed", never a cause)
        # (nor a condition the exception sets, "If elevation is not due to liver dysfunction")
        if not any(it.start < end and it.end > pos for it in read) and not re.search(r"\d|\b(?:not|no|if|when|without)\b", body[pos:end], I):
            words = re.findall(r"[A-Za-z][A-Za-z'-]{2,}", blank_remarks(body[pos:end]))
            if any(w.lower() not in _CAUSE_LEAD for w in words):
                return True
        if cut is None:
            return False
        pos = cut.end()
    return False


# "and other syndromes with ...", "or any other cause of ...": further persons an exception
# names beside the one read, up to the clause's verb or punctuation
_AND_OTHERS = re.compile(
    r"\b(?:and|or|and/or)\s+(?:any\s+)?other\s+[\w-]+(?:\s+(?!(?:should|shall|will|may|can|is|are|must)\b)[\w-]+){0,6}", I
)


# the values a named cause raises, which an exception for it may bound anew ("unless Gilbert's
# syndrome, in which case direct bilirubin <= 1.5 x ULN", "if liver metastases, AST <= 5 x ULN")
_CAUSED_VALUES = frozenset({"bilirubin", "direct_bilirubin", "alt", "ast", "alp"})


# the persons an exemption is for ("for subjects with Gilbert's", "patients with ... may be enrolled")
_FOR_PERSONS = re.compile(r"\b(?:subjects?|patients?|participants?|individuals|those)\s+(?:with|who|whose)\b", I)


# "except for treated brain metastases": what was done to the thing excepted narrows the
# exception (untreated metastases still exclude). "treated" is no content word elsewhere ("treated
# with ..." leads a therapy), so it is looked for on its own: read without it, the exception freed
# every patient with brain metastases from the line.
_NARROWING_WORDS = re.compile(r"\b(?:treated|resected|irradiated)\b", I)


_PERSON_WORDS = re.compile(r"\b(?:acceptable|allowed|permitted|eligible)\b", I)
_PERSON_LEAD = re.compile(
    r"\W*(?:(?:except(?:\s+for)?|excluding|unless|other\s+than)\s*)?(?:for\s+)?(?:in\s+)?(?:subjects?|patients?|participants?|those|women|men|if|when|in\s+case)\b",
    I,
)


def _exempts_person(exc: str) -> bool:
    """Whether an exception exempts a person ("... is acceptable for subjects with Gilbert's",
    "unless the patient ...") rather than excepting a thing ("except basal cell carcinoma").
    Two linear scans replace one pattern whose nested repetition could backtrack."""
    head = exc.split("(", 1)[0]
    return bool(_PERSON_WORDS.search(head)) or bool(_PERSON_LEAD.match(exc))


# the kind of toxicity an exception names ("except alopecia", "(EXCEPTION: alopecia)", "with the
# exception of grade 2 alopecia", "excluding alopecia of any grade"), and nothing else: read only
# beside a toxicity grade, for alopecia named elsewhere is no exception ("alopecia allowed" beside
# "recovered from prior therapy" asks for none, and "except alopecia" after a radiotherapy window
# excepts from the toxicity the line could not read, not from the radiotherapy)
_ALOPECIA_ONLY = re.compile(
    r"\W*(?:exceptions?\s*:?|except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|but\s+not)?\s*"
    r"(?:(?:grade\s*[1-4]|any\s+grade|persistent|residual|chemotherapy[\s-]+induced|treatment[\s-]+related)\s+)?(?:alopecia(?:\s*\(\s*hair\s+loss\s*\)?)?|baldness|hair\s+loss)"
    r"(?:\s+of\s+any\s+grade|\s+(?:[<>≤≥]\s*|(?:greater|more|less)\s+than\s+|(?:of\s+)?(?:up\s+to\s+)?)?grade\s*[1-4](?:\s+or\s+(?:less|higher|more))?)?\W*",
    I,
)
ALOPECIA = predicate("alopecia", Op.PRESENT)
# what names a kind of toxicity in an exception: the words for one, a grade, or the adverse events
# prior therapy leaves ("except for clinically insignificant toxicity, such as baldness", "except
# for recovery to <= Grade 2 of alopecia, fatigue ...", "excluding alopecia and grade II neuropathy")
_TOXICITY_KIND = re.compile(
    r"\b(?:toxicit\w*|adverse|side[\s-]effects?|grade|insignificant|alopecia|baldness|hair|neuropath\w*|fatigue|vitiligo|"
    r"lymphopeni\w*|neutropeni\w*|thrombocytopeni\w*|an(?:a)?emi\w*|nausea|hearing|ototoxic\w*|endocrin\w*|hypothyroid\w*|electrolyte\w*)\b",
    I,
)


def _excepted_toxicity(expr: Expr, exc: Expr, effective: CriterionType) -> Expr | None:
    """A toxicity grade with a kind of toxicity excepted ("grade > 1 toxicity of prior therapy,
    except alopecia"; 131 corpus trials except alopecia so). The record's grade names no kind, so
    alopecia on record may be the graded toxicity or not: the line is left open for that patient
    alone. Absent from the record, alopecia is absent and the grade decides. Read as
    ``All(grade, Not(alopecia))``, a patient with grade 3 neuropathy and alopecia was not excluded."""
    if not isinstance(exc, Review) or not any(p.concept == "toxicity_grade" for p in predicates(expr)):
        return None
    if not _ALOPECIA_ONLY.fullmatch(exc.text or ""):
        if not _TOXICITY_KIND.search(exc.text or ""):
            return None  # "(except hydroxyurea)": an exception of the therapy beside it, not of the toxicity
        # any other kind excepted ("except for clinically insignificant toxicity, such as
        # baldness", "except toxicities not considered a safety risk"): the record's grade names no
        # kind either, so the exception may be the graded toxicity. It widens a requirement to
        # have recovered and narrows an exclusion for it; read as a further requirement of the
        # inclusion, a patient with no toxicity at all was left unknown, and one with a grade 3
        # toxicity that may be the excepted kind was failed
        if effective is CriterionType.EXCLUSION:
            return all_of([expr, Qualifier(exc.reason, exc.text)])
        return any_of([expr, Alternative(exc.reason, exc.text)])
    why = "the graded toxicity may be the one excepted (alopecia)"
    if effective is CriterionType.EXCLUSION:
        return all_of([expr, any_of([Not(ALOPECIA), Qualifier(ReviewReason.JUDGEMENT, why)])])
    return any_of([expr, all_of([ALOPECIA, Alternative(ReviewReason.JUDGEMENT, why)])])


# ", or" / ", and/or" inside an exception's words: what follows may be the line's next alternative
_COMMA_OR = re.compile(r",\s*(?:or|and/or)\s", I)
# kinds the catalogue keeps apart that an exception still names among each other ("infection other
# than HIV, hepatitis B, or hepatitis C"; "malignancy other than carcinoma in situ, or skin cancer")
_INFECTIONS = frozenset({"active_infection", "hiv", "hbv", "hcv", "hav", "syphilis", "tuberculosis", "pulmonary_tuberculosis", "extrapulmonary_tuberculosis"})
_CANCERS = frozenset({"other_malignancy", "cervical_dysplasia", *IN_SITU, *MALIGNANCIES})


def _same_kind(a: str, b: str) -> bool:
    return related(a, b) or (a in _INFECTIONS and b in _INFECTIONS) or (a in _CANCERS and b in _CANCERS)


def exception_runs_on(exc: str, exc_expr: Expr, targets: list[Item]) -> tuple[Expr, list[Expr]]:
    """An exclusion's exception read to the clause's end takes in the line's next alternatives
    after ", or": "arrhythmias other than atrial flutter or fibrillation requiring medication, or
    uncontrolled congestive heart failure", "Chemotherapy other than hydroxyurea, or radiotherapy
    within 2 weeks" (14 corpus lines write "other than ..., or"). What it names that is no kind of
    the excepted thing cannot be excepted from it: it is one more thing the line excludes (kept
    in the exception, a heart failure on record cleared the line it is excluded by). Returns the
    exception without those and the alternatives taken out."""
    if not _COMMA_OR.search(exc) or not targets:
        return exc_expr, []
    heads = {c for it in targets if it.expr is not None for c in it.concepts}
    if not heads or not all(isinstance(p, Predicate) and CONCEPTS[p.concept].kind is Kind.EVENT for it in targets if it.expr is not None for p in predicates(it.expr)):
        return exc_expr, []
    groups = exc_expr.parts if isinstance(exc_expr, All) else (exc_expr,)
    kept_groups: list[Expr] = []
    apart: list[Expr] = []
    for group in groups:
        options = group.parts if isinstance(group, Any_) else (group,)
        stay = []
        for option in options:
            names = {p.concept for p in predicates(option)} if not isinstance(option, (Review, Qualifier, Alternative)) else set()
            if (isinstance(option, Predicate) and option.op in (Op.PRESENT, Op.WITHIN) and CONCEPTS[option.concept].kind is Kind.EVENT
                    and not any(_same_kind(n, h) for n in names for h in heads)):
                apart.append(option)
            else:
                stay.append(option)
        if stay:
            kept_groups.append(any_of(stay) if isinstance(group, Any_) else stay[0])
    if not apart:
        return exc_expr, []
    remaining = [g for g in kept_groups if not isinstance(g, (Review, Qualifier, Alternative))]
    if not remaining:  # nothing named is left to except: the words stay a person's
        words = next((g for g in kept_groups if isinstance(g, Review)), Review(ReviewReason.UNPARSED, exc))
        return words, apart
    return all_of(kept_groups), apart


def apply_exception(expr: Expr, exc: Expr, person: bool, effective: CriterionType, words: str = "") -> Expr:
    """One item with its exception. ``effective`` is the clause's type as the item reads it
    (an inclusion's "no ..." clause reads its items as things to be absent)."""
    toxicity = excepted_graded_event(expr, exc, effective) or _excepted_toxicity(expr, exc, effective)
    if toxicity is not None:
        return toxicity
    if effective is CriterionType.INCLUSION and person:
        narrowed = _conditional_subrange(expr, exc)
        if narrowed is not None:
            return narrowed
        widened = Alternative(exc.reason, exc.text) if isinstance(exc, Review) else exc
        return any_of([expr, widened])
    if effective is CriterionType.INCLUSION and isinstance(exc, Review) and not _TOXICITY_KIND.search(exc.text):
        # (a toxicity excepted, "with the exception of alopecia" after a recovery, is never the washout's)
        widened = excepted_absence(expr, exc)  # "no chemotherapy or TKI within 7 days, except dasatinib"
        if widened is not None:
            return widened
    if isinstance(exc, Review):
        narrowed = Qualifier(exc.reason, exc.text) if effective is CriterionType.EXCLUSION else exc
        return all_of([expr, narrowed])
    if effective is CriterionType.EXCLUSION and _excepts_itself(expr, exc):
        # "Anticoagulant therapy other than low molecular weight heparin": the thing excepted is
        # read as the very concept excepted from (or a wider one), so "and not" it is never met
        # and a patient on warfarin cleared the exclusion. Which of the record's events the
        # exception covers is a person's to say. (In an inclusion "and not" the same thing fails
        # every patient, the safe side: "may have CNS 1 or CNS 2 disease but not CNS 3".)
        return all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, " ".join(words.split()) or "an exception naming the same thing")])
    if effective is CriterionType.EXCLUSION and not person and _excepts_unread_words(expr, exc):
        # "No history of HIV complications with the exception of CD4 count < 200": the value
        # excepted is one of the unread words' kinds (a complication), never a bound on what was
        # read (HIV). Applied so, a low count met the line whatever complications the record holds
        return all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, " ".join(words.split()) or "an exception of unread words")])
    return except_from(expr, exc, effective, words)


def _excepts_unread_words(expr: Expr, exc: Expr) -> bool:
    """Whether the exception bounds only measurements the item does not ask of, while the item
    keeps unread words beside what it read (the exception can only be about those)."""
    excepted = predicates(exc)
    if not excepted or any(not isinstance(n, (Predicate, Any_, All)) for n in iter_nodes(exc)):
        return False
    if any(CONCEPTS[p.concept].kind is not Kind.MEASUREMENT for p in excepted):
        return False
    asked = {p.concept for p in predicates(expr)}
    return not asked & {p.concept for p in excepted} and any(isinstance(n, Review) for n in iter_nodes(expr))


def _excepts_itself(expr: Expr, exc: Expr) -> bool:
    """Whether the exception names nothing but events, and every event ``expr`` asks of is one of
    them or a kind of one (a dose, a date or unread words beside it narrow it: not so)."""
    if any(not isinstance(n, (Predicate, Any_, All)) for n in iter_nodes(exc)):
        return False
    excepted = {p.concept for p in predicates(exc)}
    if any(p.op not in (Op.PRESENT, Op.WITHIN) or CONCEPTS[p.concept].kind is not Kind.EVENT for p in predicates(exc)):
        return False
    asked = {p.concept for p in predicates(expr) if p.op in (Op.PRESENT, Op.WITHIN) and CONCEPTS[p.concept].kind is Kind.EVENT}
    return bool(asked) and all(any(e == c or e in ancestors(c) for e in excepted) for c in asked)


def _interval(p: Predicate) -> tuple[float, bool, float, bool] | None:
    """The values a numeric bound admits: (low, low included, high, high included)."""
    inf = float("inf")
    if p.op is Op.BETWEEN and isinstance(p.value, tuple) and len(p.value) == 2:
        return float(p.value[0]), p.low_inclusive, float(p.value[1]), p.high_inclusive
    if not isinstance(p.value, (int, float)):
        return None
    v = float(p.value)
    return {
        Op.LT: (-inf, False, v, False), Op.LTE: (-inf, False, v, True),
        Op.GT: (v, False, inf, False), Op.GTE: (v, True, inf, False),
    }.get(p.op)


def _inside(inner: Predicate, outer: Predicate) -> bool:
    """Whether every value ``inner`` admits, ``outer`` admits too (one measurement, one scale)."""
    if (inner.concept, inner.unit, inner.uln) != (outer.concept, outer.unit, outer.uln):
        return False
    a, b = _interval(inner), _interval(outer)
    if a is None or b is None:
        return False
    low_ok = a[0] > b[0] or (a[0] == b[0] and (b[1] or not a[1]))
    high_ok = a[2] < b[2] or (a[2] == b[2] and (b[3] or not a[3]))
    return low_ok and high_ok


def _conditional_subrange(expr: Expr, exc: Expr) -> Expr | None:
    """"ECOG 0-3 (patients with PS 2-3 would be enrolled if due to the tumour ...)": a permission
    naming a range inside the requirement's own admits nobody new; it holds those patients to its
    condition. Read as a widening it let an ECOG 3 patient meet the line outright; read so, the
    requirement stands for everyone and the sub-range waits on the condition."""
    if not isinstance(expr, Predicate) or not isinstance(exc, All):
        return None
    group = [p for p in exc.parts if isinstance(p, Predicate)]
    condition = [p for p in exc.parts if not isinstance(p, Predicate)]
    if len(group) != 1 or not condition or not all(isinstance(c, Review) for c in condition) or not _inside(group[0], expr):
        return None
    why = condition[0]
    assert isinstance(why, Review)
    return all_of([expr, any_of([Not(group[0]), Alternative(why.reason, why.text)])])
