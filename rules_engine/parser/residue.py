"""The residue policy: what words the topics did not read do to the structured part of a line.

The guiding rule (brief, rule 1): unread text may turn a decided outcome into ``unknown``, never
into the opposite.

5. whatever words are left form a Review with its reason, joined so Kleene logic stays honest:

   * words in the same list segment as a structured item qualify it ("active", "requiring
     immunosuppressive agents") and narrow it, for either type: ``All(structured, Review)``;
   * a list item of their own is another requirement of an inclusion, ``All(structured,
     Review)`` (a failed structured part rightly fails the line; a met one leaves it
     unknown), and another alternative of an exclusion, ``Any_(structured, Review)`` (a met
     structured part rightly triggers it; a not met one leaves it unknown);
   * an unrecognised exception widens an inclusion (``Any_(main, Review)``) and narrows an
     exclusion (``All(main, Review)``), so it can only turn a decision into ``unknown``.

No combination can make the line decided where the unstructured words could change the answer.

Exceptions, permissions ("may be included, provided that"), phase-dependent age bounds, status
definitions and recency windows are applied as well: the readings of those words are modules of
their own (``review_reasons``, ``widening``, ``exceptions``, ``permitted_groups``,
``therapy_notes``, ``second_tests``, ``phased_ages``, ``windows``); this module joins a clause's
structured part with its unread words (``clause_expr``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from rules_engine.concepts import MALIGNANCIES, ancestors
from rules_engine.criteria import All, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.clauses import Clause, Residue
from rules_engine.parser.combining import combine, each_subject
from rules_engine.parser.leading_cancers import leading_cancer
from rules_engine.parser.lone_qualifiers import lone_qualifier, or_alternative
from rules_engine.parser.items import FEMALE, I, Item, all_of, any_of, content_words, map_leaves, predicate, predicates
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.disease_order import remission_qualifier
from rules_engine.parser.topics.events import NOW_THERAPIES
from rules_engine.parser.topics.labs import named_labs
from rules_engine.parser.cause_subjects import applied_to_cause_values
from rules_engine.parser.duty_spans import span_joins_duty
from rules_engine.parser.review_reasons import CONSENT, review_reason
from rules_engine.parser.widening import _untreated, cause_values, exception_subject, family, is_remark, names_a_cancer, widen_untreated
from rules_engine.parser.lab_exceptions import list_targets
from rules_engine.parser.exceptions import apply_exception, exception_expr, exception_runs_on
from rules_engine.parser.disease_course_exceptions import disease_course_targets


def _residue_text(residue: list[Residue]) -> str:
    return " … ".join(" ".join(r.text.split()) for r in residue)


_PACED = frozenset({"conduction_disorder", "av_block", "av_block_first_degree", "av_block_second_degree", "av_block_third_degree",
                    "mobitz_i", "mobitz_ii", "bundle_branch_block", "lbbb", "rbbb", "bradycardia", "heart_rate"})


def _targets(items: list[Item], concepts: set[str], start: int) -> list[Item]:
    """The items an exception or a qualifier at ``start`` concerns: those sharing a concept
    with it, else the nearest item before it, else the first after it."""
    live = [it for it in items if it.expr is not None]
    if concepts:
        # a cancer's subtype excepted concerns its cancer wherever the clause names it ("AML, ...,
        # except APL"), not the item nearest before it. Cancers only: an arrhythmia, a metastasis
        # or a therapy excepted beside the wider kind ("cardiac disease ... (rate-controlled atrial
        # fibrillation is allowed)") narrows only the item it stands by
        wider = {a for c in concepts if c in _CANCER_KINDS for a in ancestors(c)} & _CANCER_KINDS
        hits = [it for it in live if family(it.concepts) & family(concepts) or it.concepts & wider]
        # (a kind the exception names, listed again as one of the line's own kinds ("cutaneous
        # T-cell lymphoma (excluding mycosis fungoides or Sezary syndrome), ..., transformed
        # mycosis fungoides, or Sezary syndrome"), is that item's alternative, never excepted
        # from itself: "mycosis fungoides and not mycosis fungoides" failed every such patient)
        hits = [it for it in hits if not _excepted_kind(it, concepts)] or hits
        if hits:
            return hits
        # a pacemaker excepted ("Second or third degree AV block unless treated with a permanent
        # pacemaker") concerns every block and slow rhythm the line lists, the first as the last
        paced = [it for it in live if it.concepts & _PACED] if "cardiac_pacemaker" in concepts else []
        if paced:
            return paced
    before = [it for it in live if it.start < start]
    if before:
        return [max(before, key=lambda it: it.end)]
    return live[:1]


def _excepted_kind(item: Item, excepted: set[str]) -> bool:
    """Whether every concept the item names is a cancer kind the exception names (or a kind of one)."""
    return bool(item.concepts) and all(
        c in _CANCER_KINDS and (c in excepted or bool(set(ancestors(c)) & excepted)) for c in item.concepts
    )


_BARE_JOIN = re.compile(r"\s*(?:or|and|and/or|/|&)\s*$", I)


def _with_listed(items: list[Item], inside: list[Item], text: str) -> list[Item]:
    """A qualifier written before an item also qualifies the items joined to it by a bare
    "or"/"and" ("symptomatic deep vein thrombosis or pulmonary embolism"), not those after a
    comma ("uncontrolled infection, HIV")."""
    live = [it for it in items if it.expr is not None]
    out = list(inside)
    k = live.index(inside[-1])
    while k + 1 < len(live) and _BARE_JOIN.fullmatch(text[live[k].end: live[k + 1].start]):
        k += 1
        out.append(live[k])
    return out


_BARE_OR = re.compile(r"\s*,?\s*(?:or|and/or|/)\s*$", I)


def _diseases_or_ed_before(items: list[Item], targets: list[Item], text: str) -> list[Item]:
    """Words a line asks after diseases joined by "or" ("Acute myeloid leukemia or acute
    lymphocytic leukemia in first remission at high-risk for recurrence", "AML or ALL with poor
    prognostic features") qualify each of them, as a status read there does ("AML or ALL in
    second remission" asks the remission of both): left to the last one alone, a newly diagnosed
    AML met the line (holdout T295). A person reads the words for every disease they may
    concern; the line is unknown for each, never met by the first alone."""
    if len(targets) != 1 or not names_a_cancer(targets[0].expr):  # type: ignore[arg-type]
        return targets
    live = [it for it in items if it.expr is not None]
    k = live.index(targets[0])
    out = list(targets)
    while k > 0 and _BARE_OR.fullmatch(text[live[k - 1].end: live[k].start]) and names_a_cancer(live[k - 1].expr):  # type: ignore[arg-type]
        k -= 1
        out.append(live[k])
    return out


# "No prior chemotherapy for NSCLC", "No prior radiotherapy for this cancer": the cancer a therapy
# was given for is its indication. Where the line excludes the therapy, the trial's own kind of
# cancer narrows nothing a record tells apart, so the indication is no condition; a setting
# ("for metastatic disease": adjuvant therapy is allowed) still is, and so is any indication of a
# therapy the line requires (dropping it there could only let more patients in).
_INDICATION = re.compile(
    r"\s*for\s+(?:the\s+(?:treatment|management)\s+of\s+)?(?:(?:this|the|current|his|her|their|present|primary)\s+)?(?P<what>[\w/ -]{2,60}?)[\s.,]*$", I
)
_CANCER_NOUN = re.compile(
    r"(?i:\b[a-z]*(?:cancers?|carcinomas?|tumou?rs?|lymphomas?|leuka?emias?|myelomas?|melanomas?|sarcomas?|malignan\w*|neoplasms?|gliomas?|blastomas?)\b)"
    r"|\b[A-Z]{2,6}\b"  # NSCLC, SCLC, RCC, LCIS, CLL
)
_SETTING = re.compile(
    r"\b(?:metasta\w*|recurren\w*|advanced|stage|relaps\w*|refractory|adjuvant|neoadjuvant|locally|extensive|limited|progressi\w*|"
    r"other|another|second|disease|complications?|than|more|less|\d+|days?|weeks?|months?|years?)\b",
    I,
)
_EVENT_OPS = frozenset({Op.PRESENT, Op.WITHIN})


def _only_indication(text: str, r: Residue, inside: list[Item]) -> bool:
    """Whether the words of ``r`` beside its therapies only name the cancer they were for."""
    if not all(p.op in _EVENT_OPS for it in inside for p in predicates(it.expr)):
        return False
    head = text[r.start: inside[0].start]
    chars = list(text)
    for it in inside[1:]:  # the therapy restated after it ("... for NSCLC" under "Chemotherapy:")
        chars[it.start: it.end] = " " * (it.end - it.start)
    m = _INDICATION.fullmatch("".join(chars), inside[0].end, r.end)
    return (
        m is not None
        and not content_words(blank_remarks(head))
        and bool(_CANCER_NOUN.search(m.group("what")))
        and not _SETTING.search(m.group("what"))
    )


_ACTIVE_BEFORE = re.compile(r"\b(?:active|current|ongoing|existing)\s+(?:\w+\s+)?$", I)


# (and "except in patients with X", the patients the requirement is waived for: "must have had
# histologic verification of malignancy at original diagnosis or relapse except in patients with
# intrinsic brain stem tumors, optic pathway gliomas, ...", the COG template; dx18. Dropped, the
# exempted glioma alone became the requirement, and every other malignancy failed it)
_EXEMPTING = re.compile(r"\b(?:exempt\w*|acceptable|allowed|permitted|eligible)\b|^\W*except\s+(?:in|for)\s+(?:patients|subjects|participants|those|children)\b", I)


def clause_expr(clause: Clause, ctype: CriterionType, negated: bool) -> Expr | None:
    """A clause's items joined with what their residue and exceptions do to them: a qualifier
    and an exception act on the item they concern, never on the clause as a whole; words of a
    list item of their own are another requirement of an inclusion and another alternative of
    an exclusion (``safety.enforce`` relies on these placements)."""
    if clause.expr is None and not clause.residue:
        return None
    # a willingness or consent phrase ("pregnant, or patients of reproductive potential who are
    # not willing to use contraception") asks something of its own: it never narrows an item
    # beside it, so in an exclusion it is one more alternative, never a condition of the others
    if any(r.qualifies and CONSENT.search(r.text) for r in clause.residue):
        clause = replace(clause, residue=[replace(r, qualifies=False) if CONSENT.search(r.text) else r for r in clause.residue])
    if len(clause.residue) > 1 and any(CONSENT.search(r.text) for r in clause.residue):
        clause = span_joins_duty(clause)  # "agree to contraception ... and 6 months after CAR-T infusion": the duty's span
    if clause.expr is None:
        text = _residue_text(clause.residue)
        expr: Expr = Review(review_reason(text), text)
        for exc, _ in clause.exceptions:
            exc_expr, person = exception_expr(exc, ctype)
            if ctype is CriterionType.INCLUSION and person and not isinstance(exc_expr, Review):
                # "Availability of the following material ... (cases with isolated extramedullary
                # relapse ... are exempt from providing this material ...)": the requirement no one
                # reads still holds for everyone the exemption does not name. A plain review here
                # was dropped as an alternative, and the exemption alone became the requirement.
                # Only an exemption says so ("are exempt", "is acceptable"): "except Patients must
                # have an ECOG performance of 0 or 1" is the requirement itself and still decides.
                kept = isinstance(expr, Review) and _EXEMPTING.search(exc) is not None
                expr = any_of([Alternative(expr.reason, expr.text) if kept else expr, exc_expr])
        return expr
    items = [Item(it.start, it.end, it.expr, it.concepts) for it in clause.items]
    for it in items:  # "active GVHD ... within two weeks": an active condition counts whatever its date
        e = it.expr
        if (
            isinstance(e, Predicate) and e.op is Op.WITHIN and e.concept not in NOW_THERAPIES
            and _ACTIVE_BEFORE.search(clause.text, max(0, it.start - 25), it.start)
        ):
            it.expr = any_of([predicate(e.concept, Op.PRESENT), e])
    excluding = (ctype is CriterionType.EXCLUSION) is not negated
    for r in clause.residue:
        if not r.qualifies:
            continue
        words = " ".join(r.text.split())
        status = _status_after(items, clause.text, r) if _REMISSION_ORDER.fullmatch(words) else None
        if status is not None:
            # "AML, beyond 2nd remission or relapsed/refractory disease": the remission is the
            # status's other case, never a condition of the disease before it (read so, a relapsed
            # patient was left unknown)
            status.expr = any_of([Alternative(review_reason(words), words), status.expr])  # type: ignore[list-item]
            continue
        inside = [it for it in items if it.expr is not None and not (it.end <= r.start or it.start >= r.end)]
        if excluding and inside and _only_indication(clause.text, r, inside):
            continue
        if inside and content_words(clause.text[r.start: inside[0].start]):
            inside = _with_listed(items, inside, clause.text)
        targets = inside or _targets(items, set(), r.start)
        if not excluding and clause.text.find(words.split()[0], r.start) >= targets[-1].end:
            targets = _diseases_or_ed_before(items, targets, clause.text)
        for it in targets:
            it.expr = all_of([it.expr, remission_qualifier(words) or Qualifier(review_reason(words), words)])  # type: ignore[list-item]
    consumed: set[int] = set()
    for r in clause.residue:  # the same phrase in a list item of its own ("AML (AML), beyond 2nd remission or relapsed ...")
        words = " ".join(r.text.split())
        status = None if r.qualifies or not _REMISSION_ORDER.fullmatch(words) else _status_after(items, clause.text, r)
        if status is not None:
            status.expr = any_of([Alternative(review_reason(words), words), status.expr])  # type: ignore[list-item]
            consumed.add(id(r))
    unread_alternatives = _unread_alternatives(replace(clause, residue=[r for r in clause.residue if id(r) not in consumed]), items)
    own = {id(it) for it in items}
    items = sorted(items + [it for it in {id(it): it for it, _ in unread_alternatives}.values() if id(it) not in own], key=lambda it: it.start)
    effective = ctype
    if negated:
        effective = CriterionType.EXCLUSION if ctype is CriterionType.INCLUSION else CriterionType.INCLUSION
    untreated = [it for it in items if it.expr is not None and _untreated(it.expr)]
    run_on: list[Expr] = []
    for exc, start in clause.exceptions:
        if is_remark(exc):
            continue
        if untreated and _EXCEPTED_THERAPY.search(exc):
            # "previously untreated AML except for hydroxyurea or corticosteroids": the therapies
            # the exception allows widen the untreated requirement, never narrow the disease. Which
            # of the record's therapies they cover is a person's (a record with cytarabine and
            # hydroxyurea is no record of hydroxyurea alone), so the widening is an alternative.
            for it in untreated:
                it.expr = widen_untreated(it.expr, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, exc))  # type: ignore[arg-type]
            continue
        exc_expr, person = exception_expr(exc, ctype)
        # "unless ..." and an exception about a named cause (Gilbert's syndrome, liver
        # involvement) let more patients meet the requirement it stands beside
        raised = cause_values(exc)  # the values its named causes raise ("Gilbert's syndrome": the bilirubin)
        person = person or bool(re.match(r"\W*(?:unless|if\s+not)\b", exc, I)) or bool(raised)
        subject = exception_subject(exc, exc_expr, raised)
        course = disease_course_targets(exc, items, start)
        targets = course or _targets(items, subject, start)
        listed = list_targets(items, clause.text, start, exc) if not course else None
        if listed is not None and not any(it.concepts & subject for it in listed):
            targets = listed  # "(creatinine ..., bilirubin ...) unless related to disease": each limit in the list
        if ctype is CriterionType.EXCLUSION and not negated and exc_expr is not None:
            exc_expr, apart = exception_runs_on(exc, exc_expr, targets)
            run_on.extend(apart)
        for it in targets:
            # ("Transaminases or bilirubin > 2 x ULN except for Gilbert's syndrome": the bilirubin's only)
            apply = partial(apply_exception, exc=exc_expr, person=person, effective=effective, words=exc)
            it.expr = applied_to_cause_values(it.expr, raised, apply) or apply(it.expr)  # type: ignore[arg-type]
    expr = combine(items, clause.text, ctype, negated and ctype is CriterionType.INCLUSION)
    assert expr is not None
    if run_on:
        expr = any_of([expr, *run_on])
    if effective is CriterionType.INCLUSION:
        expr = each_subject(expr)
    taken = [id(r) for _, r in unread_alternatives]
    others = [r for r in clause.residue if not r.qualifies and id(r) not in taken and id(r) not in consumed]
    if others:
        text = _residue_text(others)
        womens = review_reason(text) is ReviewReason.CONSENT and bool(_WOMENS_DUTY.match(text)) and not _MEN_TOO.search(text)
        if negated:  # Not(...) below makes it one more thing that must be absent
            expr = any_of([expr, Alternative(review_reason(text), text)])
        elif ctype is CriterionType.INCLUSION:
            # "Fertile women must use effective contraception" run into the line: a woman's duty,
            # which asks nothing of a man (as a plain conjunct it kept every man undecided)
            duty: Expr = any_of([Not(FEMALE), Alternative(ReviewReason.CONSENT, text)]) if womens else Review(review_reason(text), text)
            expr = all_of([expr, duty])
        else:
            duty = all_of([FEMALE, Qualifier(ReviewReason.CONSENT, text)]) if womens else Review(review_reason(text), text)
            expr = any_of([expr, duty])
    return Not(expr) if negated else expr


# a duty the words put on women only ("Fertile women must use effective contraception")
_WOMENS_DUTY = re.compile(
    r"^\W*(?:(?:fertile|sexually\s+active|pre-?menopausal|all)\s+)?(?:females?|women|woman)\b(?!\s+(?:and|or|/)\s+(?:males?|men)\b)", I
)
_MEN_TOO = re.compile(r"\b(?:males?|men|man|partners?|fathers?|sperm)\b", I)


_EITHER_OR_BEFORE = re.compile(r"\beither\s(?:[^;.:]|(?<=\d)\.(?=\d)){1,150}\bor\s{0,3}$", I)
# (a tumour marker's name, the number its own: "CA-125", "CA 19-9"; no other name with digits, whose
# "or" may join it to a therapy or a receptor the line reads otherwise: "chemotherapy or IL-2")
_NAMED_DIGITS = re.compile(r"\bCA[\s-]?(?:125|19-9|15-3|27[.-]29)\b", I)
_BRACKETS_ONLY = re.compile(r"[\s()\[\]]*")
_OR_BEFORE = re.compile(r"\s*,?\s*(?:or|and/or)\s*", I)


NEGATED_WORD = re.compile(r"\b(?:no|not|non|none|never|without|nor|neither)\b", I)
# words that make a phrase qualify the items before it rather than name one more ("persistent
# disease as manifested by carcinomatous meningitis", "progressive disease on or after ...")
_QUALIFYING = re.compile(r"\b(?:as\s+(?=\w)|manifested|evidenced|defined|shown|documented|demonstrated|confirmed|by|with|who|which|that|on|after|during|following|since)\b", I)
# a comma or an "or": never mere juxtaposition; the head noun a status item leaves outside its
# span ("refractory disease or > CR1") is the item's own
_LIST_GAP = re.compile(r"[\s)\]]*(?:disease\s*)?(?:,\s*(?:(?:or|and/or)\s+)?|(?:or|and/or)\s+)", I)
# a remission beyond the first ("> CR1", "> Complete Remission (CR) 1", "≥ CR2", "CR2 or later"): a
# disease status its comparator and number place, not a measured bound
_STATUS_ALTERNATIVE = frozenset({"relapsed", "refractory"})
_REMISSION_ORDER = re.compile(
    r"\s*(?:[>≥]\s*|(?:beyond|after|in)\s+(?:the\s+)?|(?:at\s+least|or)\s+)?(?:CR\s*\d|complete\s+remission\b|(?:\d|first|second|third)(?:st|nd|rd|th)?\s+(?:or\s+(?:greater|later|subsequent)\s+)?(?:complete\s+)?remission\b)",
    I,
)


_OR_GAP = re.compile(r"\s*,?\s*(?:or|and/or)\s+", I)


def _status_after(items: list[Item], text: str, r: Residue) -> Item | None:
    """The relapsed / refractory item an unread remission phrase is the alternative of: the next
    item, joined to the phrase by "or" alone."""
    after = sorted((it for it in items if it.expr is not None and it.start >= r.end), key=lambda it: it.start)
    if not after or not after[0].concepts or not after[0].concepts <= _STATUS_ALTERNATIVE:
        return None
    return after[0] if _OR_GAP.fullmatch(text[r.end: after[0].start]) else None


def _washout(expr: Expr | None) -> bool:
    """A washout ("≥ 4 weeks since prior chemotherapy or novel agents"): none of the listed
    therapies within the window, so an unread one is one more requirement beside it, never an
    alternative (as one, a patient given chemotherapy last week was unknown, not failed)."""
    if isinstance(expr, Predicate):
        return expr.op is Op.NOT_WITHIN
    return isinstance(expr, All) and all(isinstance(p, Predicate) and p.op is Op.NOT_WITHIN for p in expr.parts)


# "without" just before a list's first item ("Platelet count >= 50,000/uL without administration of a
# growth factor, thrombopoietin, or platelet transfusion"): the list is what the patient must lack,
# each member denied, so its "or" offers no alternative. Joined as one, a patient with no growth
# factor met the line whatever his platelets.
_LACKED_BEFORE = re.compile(r"\bwithout\b[^,;:()]{0,40}$", I)


def _lacked_list(group: list[tuple[int, int, Item | list[Residue]]], text: str) -> bool:
    """Whether the list opens with an item the clause says the patient is without (``_LACKED_BEFORE``)."""
    start, _, head = group[0]
    return isinstance(head, Item) and _LACKED_BEFORE.search(text, max(0, start - 60), start) is not None


def _unread_alternatives(clause: Clause, items: list[Item]) -> list[tuple[Item, Residue]]:
    """Unread words listed among alternatives ("AML, MDS, ALL or MPAL", "blasts >= 5% or
    increasing levels of MRD") are one more alternative of the list, not a further requirement:
    an item of the list's own kind whose outcome is unknown. A list is an item, then items and
    short unread phrases joined only by commas and "or", the last join an "or"; a phrase that
    negates is never one of them (its scope is not the list's)."""
    live = [it for it in items if it.expr is not None]
    if not live or all(r.qualifies for r in clause.residue) or not re.search(r"\bor\b", clause.text, I):
        return []
    phrases: list[list[Residue]] = []  # "minimal residual disease (MRD) in the marrow": one phrase over brackets
    for r in clause.residue:
        if r.qualifies:
            continue
        if phrases and _BRACKETS_ONLY.fullmatch(clause.text[phrases[-1][-1].end: r.start]) and not any(
            phrases[-1][-1].end <= it.start < r.start for it in live
        ):
            phrases[-1].append(r)
        else:
            phrases.append([r])
    tokens: list[tuple[int, int, Item | list[Residue]]] = [(it.start, it.end, it) for it in live]
    for run in phrases:
        text = " ".join(x.text for x in run)
        start = run[0].start + len(clause.text[run[0].start: run[0].end]) - len(clause.text[run[0].start: run[0].end].lstrip(" ,"))
        end = start + len(clause.text[start: run[-1].end].rstrip(" ,."))
        # (a bound is some item's condition, "or >= 500 if marrow involvement", unless it names a
        # test of its own that the lab topics could not read: "DLCO < 50% or FEV1 50-75%", whose
        # unread bound joined as a requirement failed every patient with a normal DLCO)
        # (a tumour marker's digits are no bound: "measurable disease or elevated CA-125" — read as
        # one, the unread marker became a requirement and its patient failed the line)
        bound = re.search(r"\d|[<>≤≥]", _NAMED_DIGITS.sub(" ", text)) and not _REMISSION_ORDER.match(text) and not named_labs(text)
        named = leading_cancer(text)  # "Patients with Wilms tumor or ALL": a diagnosis's name in its frame (leading_cancers)
        # ("must have either measurable cancer by RECIST 1.1 or an elevated CA125 level at least
        # twice the upper limit of normal on two separate occasions": after "either A or", the
        # phrase is the other alternative whatever bound it carries)
        either = _EITHER_OR_BEFORE.search(clause.text, max(0, start - 200), start) is not None and not NEGATED_WORD.search(text)
        if (named or either or (0 < len(content_words(text)) <= 8 and not bound and not NEGATED_WORD.search(text) and not _QUALIFYING.search(text))) and end > start:
            tokens.append((start, end, run))
    tokens.sort(key=lambda t: t[0])
    joins = blank_remarks(clause.text)  # "blasts >= 5% by morphology, staining, or flow) and/or ...": how, not what
    out: list[tuple[Item, Residue]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and tokens[j][1] <= tokens[j + 1][0] and _LIST_GAP.fullmatch(joins[tokens[j][1]: tokens[j + 1][0]]):
            j += 1
        group = tokens[i: j + 1]
        gaps = [joins[a[1]: b[0]] for a, b in zip(group, group[1:])]
        kinds = [isinstance(t[2], Item) for t in group]
        if len(group) == 2 and kinds == [True, False] and re.search(r"\bor\b", gaps[0], I) and group[0][2].concepts <= _STATUS_ALTERNATIVE:  # type: ignore[union-attr]
            # "AML with refractory disease or > CR1": the unread phrase is the one status's other
            # case, bound to it (a further item of the line would have joined the whole "AML with
            # refractory" unit and let a patient without AML through as unknown)
            head, what = group[0][2], group[1][2]
            text = " ".join(" ".join(x.text for x in what).split())  # type: ignore[union-attr]
            head.expr = any_of([head.expr, Alternative(review_reason(text), text)])  # type: ignore[union-attr,list-item]
            out.extend((head, x) for x in what)  # type: ignore[misc,union-attr]
        elif (gaps and re.search(r"\bor\b", gaps[-1], I) and (kinds[0] or _cancer_first(group, gaps)) and not all(kinds)
              and not any(isinstance(t[2], Item) and _washout(t[2].expr) for t in group) and not _lacked_list(group, clause.text)):
            for k, (start, end, what) in enumerate(group):
                if isinstance(what, Item):
                    continue
                near = [t[2] for t in group[:k][::-1] + group[k + 1:] if isinstance(t[2], Item)]
                text = " ".join(" ".join(x.text for x in what).split())
                qualified = lone_qualifier(text, review_reason(text), end, clause.text, live)  # "..., aggressive, or relapsed CLL"
                alternative = Item(start, end, or_alternative(qualified, text, review_reason(text)), near[0].concepts)  # type: ignore[union-attr]
                out.extend((alternative, x) for x in what)
        i = j + 1
    return out


def _cancer_first(group: list[tuple[int, int, Item | list[Residue]]], gaps: list[str]) -> bool:
    """An unread cancer's name, then "or" a read cancer ("Diagnosis of Wilms tumor or ALL"):
    a list of diagnoses begun by the one no topic reads (leading_cancers)."""
    first, second = group[0][2], group[1][2]
    return (
        isinstance(first, list) and isinstance(second, Item) and re.search(r"\bor\b", gaps[0], I) is not None
        and leading_cancer(" ".join(x.text for x in first)) and second.expr is not None and names_a_cancer(second.expr)
    )


# the therapies an "untreated" requirement is written to let through (cytoreduction, steroids,
# intrathecal therapy, ATRA while the diagnosis is confirmed, growth factors)
_EXCEPTED_THERAPY = re.compile(
    r"\b(?:hydroxyurea|hydroxycarbamide|hydrea|(?:cortico)?steroids?|prednisone|dexamethasone|leu?k?a?pheresis|intrathecal|"
    r"all[\s-]trans[\s-]retinoic\s+acid|ATRA|growth\s+factors?|cytoreduct\w*)\b",
    I,
)


_CANCER_KINDS = frozenset(MALIGNANCIES)


def widen_status(expr: Expr, definition: str) -> Expr:
    """A status the line goes on to define by cases: when the cases include the other status
    ("refractory cases: ... 2) recurrence within 6 months"), either status meets it."""
    relapse = bool(re.search(r"\b(?:relaps\w*|recurren\w*)", definition, I))
    refractory = bool(re.search(r"\brefractory\b|\b(?:not|fail\w*\s+to)\s+achieve\w*\s+(?:a\s+)?(?:complete\s+)?(?:remission|CR)\b", definition, I))
    either = any_of([predicate("relapsed", Op.PRESENT), predicate("refractory", Op.PRESENT)])

    def leaf(e: Expr) -> Expr:
        if isinstance(e, Predicate) and e.op is Op.PRESENT and ((e.concept == "refractory" and relapse) or (e.concept == "relapsed" and refractory)):
            return either
        return e

    return map_leaves(expr, leaf)
