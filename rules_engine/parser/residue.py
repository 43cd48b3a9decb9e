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
definitions and recency windows are applied here as well.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rules_engine.concepts import CONCEPTS, HEMATOLOGIC_DISEASES, IN_SITU, MALIGNANCIES, Kind, ancestors, is_cancer_diagnosis, related
from rules_engine.criteria import All, Any_, CriterionType, Expr, NoRequirement, Not, Op, Predicate, Review, ReviewReason, Window, iter_nodes
from rules_engine.derive import openers
from rules_engine.parser.event_exceptions import except_from
from rules_engine.parser.clauses import PARENS, Clause, Residue, combine, each_subject, extract, parse_clause
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.items import FEMALE, NAMED_CAUSES, NEGATED, OPS, I, Item, all_of, any_of, content_words, map_leaves, number, predicate, predicates
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.disease_order import remission_qualifier
from rules_engine.parser.topics.labs import named_labs


# ("cooperate", "cooperation" are the patient's; "Cooperative" names a group, the Eastern Cooperative
# Oncology Group whose scale a performance line cites: read as consent, 20 corpus ECOG lines stayed open)
_CONSENT = re.compile(
    r"\b(?:consent|assent|willing|willingness|agree[sd]?|agreement|comply|compliance|compliant|able\s+to\s+(?:understand|follow|swallow)|"
    r"contracepti\w*|birth\s+control|abstinen\w*|sign(?:ed|ing)?\b|voluntar\w*|cooperat(?:e[sd]?|ing|ion)\b|follow-?up\s+visits?|sperm|semen)",
    I,
)


_JUDGEMENT = re.compile(
    r"\b(?:investigator|physician|doctor|researcher|judg(?:e?ment|ed)|opinion|discretion|deemed|considered|determined\s+by|"
    r"clinically\s+(?:significant|relevant|stable|insignificant)|significant|severe|serious|uncontrolled|unstable|adequate|sufficient|"
    r"suitable|unsuitable|appropriate|good|normal|abnormal|active|acute|uncontrollable|major|risk|interfere|safety|candidate)\b",
    I,
)


_UNSUPPORTED = re.compile(
    r"\b(?:cancer|carcinoma|tumou?rs?|malignan\w*|metasta\w*|NSCLC|SCLC|lymphoma|myeloma|MDS|myelodysplastic|CML|CLL|sarcoma|melanoma|"
    r"chemotherapy|radiotherapy|radiation|irradiation|surgery|surgical|resection|immunotherapy|inhibitors?|antibod(?:y|ies)|therap(?:y|ies)|"
    r"treatment|drugs?|agents?|steroids?|corticosteroids?|prednisone|immunosuppress\w*|vaccin\w*|transfusion|G-CSF|"
    r"EGFR|ALK|ROS1|KRAS|BRAF|PD-?L?1|HER2|mutation|rearrangement|stage|RECIST|lesions?|measurable|histolog\w*|cytolog\w*|biopsy|"
    r"infections?|tuberculosis|fungal|bacterial|viral|autoimmune|immunodeficiency|allerg\w*|hypersensitivity|anaphylaxis|"
    r"seizures?|stroke|dementia|psychiatric|neuropathy|cardiac|cardiovascular|myocardial|angina|arrhythmi\w*|QTc?|hypertension|"
    r"thrombo\w*|embolism|bleeding|hemorrhage|pneumonitis|interstitial|pulmonary|lung|DLCO|FEV1?|renal|hepatic|liver|kidney|"
    r"calcium|potassium|magnesium|albumin|lipase|amylase|phosphatase|APTT|PTT|fibrinogen|proteinuria|urine|glucose|HbA1c|"
    r"toxicit\w*|CTCAE|grade|alcohol|substance|transplant\w*|organ|trial|investigational|study|gilbert\w*|HBcAb|TB|diabetes|"
    r"coagulation|DIC|disseminated|dyspnea|oxygen|ECG|echocardiograph\w*|MUGA|weight|BMI|pain|life|survival|remission|MRD|blasts?|"
    r"fertile|childbearing|potential|menopaus\w*|sterili\w*|gender|race|ethnic\w*)\b",
    I,
)


# Organ function asked without its thresholds ("Adequate organ function", "Adequate hematologic,
# hepatic, and renal function", "Normal organ and marrow function as outlined in the protocol":
# about 390 corpus lines left wholly to review). The limits are the protocol's, not written on the
# line, so no record decides it: a person checks the patient against the protocol's table, as an
# investigator's judgement. A line that writes a number or a limit is read by the lab topics.
_FUNCTION_WORD = re.compile(r"\b(?:function(?:s|ing)?|reserve|dysfunction)\b", I)
_FUNCTION_STATE = re.compile(
    r"\b(?:adequate|adequately|sufficient|normal|acceptable|satisfactory|appropriate|good|inadequate|insufficient|poor|impaired|organ)\b", I
)
_FUNCTION_ORGAN = re.compile(
    r"\b(?:organs?|end[\s-]organ|marrow|ha?ematolog\w*|ha?ematopoietic|hepatic|liver|renal|kidneys?|cardiac|heart|pulmonary|lung|coagulation|major)\b", I
)
_FUNCTION_LIMIT = re.compile(r"[<>≤≥=]|\d\s*(?:%|x\b|×)|\bULN\b|\bupper\s+limits?\b|\bLLN\b|\d\s*(?:mg|g/|µ|umol|mmol|ml|mL|/\s*(?:L|dL|mm|µL|uL))", I)


def organ_function_unstated(text: str) -> bool:
    """Whether the text asks for organ function without stating a limit."""
    if _FUNCTION_LIMIT.search(text):
        return False
    for m in _FUNCTION_WORD.finditer(text):
        lead = text[max(0, m.start() - 80): m.start()]
        if _FUNCTION_STATE.search(lead) and _FUNCTION_ORGAN.search(lead):
            return True
    return False


# "Other protocol-defined inclusion/exclusion criteria may apply", "Additional criteria exist" (47
# corpus lines): the protocol's further criteria are not on the registry page, so no record can
# be checked against them here; a person checks them against the protocol, as a judgement.
_PROTOCOL_CRITERIA = re.compile(
    r"\b(?:inclusion|exclusion|eligibility)(?:\s*/\s*\w+)?\s+criteria\s+(?:may|could|might|will|can)\s+(?:also\s+)?apply"
    r"|\badditional\s+(?:eligibility\s+)?criteria\s+(?:exist|apply|may\s+apply)"
    r"|\bother\s+(?:protocol[\s-]+(?:defined|specific)\s+)?(?:inclusion|exclusion|eligibility)[\w/ ]{0,24}criteria\s+(?:may|could|might|will|can)\s+apply",
    I,
)


def protocol_criteria(text: str) -> bool:
    """Whether the text points to the protocol's further criteria."""
    return _PROTOCOL_CRITERIA.search(text) is not None


# A forecast of what the patient will need ("Emergency treatment is expected or likely to occur
# within 6 weeks", "anticipated to require radiotherapy during the study"): no record holds the
# future, so a clinician's expectation decides it, as a judgement, whatever therapy it names
_FORECAST = re.compile(
    r"\b(?:is|are|be)\s+(?:(?:expected|anticipated|likely|predicted)\s+(?:or\s+|and/or\s+)?){1,3}to\s+(?:occur|happen|need|require|be\s+(?:needed|required))\b"
    r"|\b(?:expected|anticipated|likely)\s+to\s+(?:need|require)\b|\b(?:anticipated|expected|foreseeable)\s+need\s+(?:for|of)\b",
    I,
)


def forecast(text: str) -> bool:
    """Whether the text asks what the patient is expected to need."""
    return _FORECAST.search(text) is not None


@lru_cache(maxsize=4096)
def review_reason(text: str) -> ReviewReason:
    """Why unread words go to a person. Pure, and asked again of the same words as a line is read
    whole and in parts: kept for the last texts (4 in 10 calls repeat one on a 400-trial sample,
    2% of the parse); tests/parser/test_word_gates.py pins it against the plain reading."""
    if _CONSENT.search(text):
        return ReviewReason.CONSENT
    if re.search(r"\b(?:investigator|physician|judg(?:e?ment|ed)|opinion|discretion|deemed|clinically\s+significant)\b", text, I):
        return ReviewReason.JUDGEMENT
    if organ_function_unstated(text) or _PROTOCOL_CRITERIA.search(text) or _FORECAST.search(text):
        return ReviewReason.JUDGEMENT
    # "life-threatening" grades a disease, as "severe" does: its "life" is no life expectancy
    if _UNSUPPORTED.search(_LIFE_THREATENING.sub(" ", text)):
        return ReviewReason.UNSUPPORTED_CONCEPT
    if _JUDGEMENT.search(text) or _LIFE_THREATENING.search(text):
        return ReviewReason.JUDGEMENT
    return ReviewReason.UNPARSED


_LIFE_THREATENING = re.compile(r"\blife[\s-]+threaten\w*", I)




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
    r"|\balso\s+eligible\s+(?:are|is)\b"  # "...; also eligible are patients unwilling to receive ..."
    # "Patients on a stable regimen of anticoagulant therapy ... may have PT/INR measurements > 1.5
    # x ULN if ...": a value past the line's limit permitted to a group (read as a requirement of
    # its own, beside the limit, no patient could meet both)
    r"|\b(?:may|can)\s+have\s+(?!(?:been|received|had|undergone|taken|prior|previously|up)\b)(?:an?\s+|the(?:ir)?\s+)?(?:[\w/-]+\s+){0,3}?[\w/-]+\s*(?:[<>≤≥]|\b(?:greater|higher|more|less|lower)\s+than\b|\b(?:above|below|exceeding|up\s+to)\b)",
    I,
)


def _residue_text(residue: list[Residue]) -> str:
    return " … ".join(" ".join(r.text.split()) for r in residue)


# what an exception's words are about when it names no structured concept ("unless due to
# Gilbert's syndrome" concerns bilirubin): the exception widens only those items
_EXCEPTION_SUBJECTS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"gilbert|meulengracht|hemoly\w*|hyperbilirubin\w*|(?:unconjugated|indirect)\s+(?:hyper)?bilirubin", I), frozenset({"bilirubin"})),
    (re.compile(r"\b(?:liver|hepatic)\s+(?:metasta\w*|involvement|infiltration|lesions?|tumou?r)|(?:metasta\w*|involvement|infiltration)\s+(?:of|in|to)\s+(?:the\s+)?liver|hepatocellular", I), frozenset({"alt", "ast", "bilirubin", "alp"})),
    (re.compile(r"\bbone\s+metasta\w*", I), frozenset({"alp"})),
    (re.compile(r"(?:bone\s+)?marrow\s+(?:involvement|infiltration)|(?:infiltration|involvement)\s+of\s+(?:the\s+)?(?:bone\s+)?marrow|due\s+to\s+(?:the\s+)?(?:underlying\s+)?(?:disease|leukemia|lymphoma|malignancy|MDS)|disease[\s-]related|cytopeni\w*", I), frozenset({"anc", "platelets", "hemoglobin", "wbc"})),
    (re.compile(r"renal\s+(?:involvement|infiltration)|(?:leukemic|disease)\s+(?:involvement|infiltration)\s+of\s+(?:the\s+)?kidneys?", I), frozenset({"creatinine", "creatinine_clearance", "egfr"})),
)


_BARE_BOUND = re.compile(r"[<>≤≥]\s*\d")


def _bare_bounds(text: str) -> list[str]:
    """A bound no topic read ("<= 5 x ULN is acceptable if ...") is still a condition: stop words
    and numbers are invisible to ``content_words``, so it is counted here."""
    return [m.group(0) for m in _BARE_BOUND.finditer(text)]


def with_named_causes(items: list[Item], text: str) -> list[Item]:
    out = list(items)
    for pattern, concept in NAMED_CAUSES:
        for m in pattern.finditer(text):
            if all(m.end() <= it.start or m.start() >= it.end for it in out):
                out.append(Item(m.start(), m.end(), predicate(concept, Op.PRESENT), frozenset({concept})))
    return sorted(out, key=lambda it: it.start)


_PACED = frozenset({"conduction_disorder", "av_block", "av_block_first_degree", "av_block_second_degree", "av_block_third_degree",
                    "mobitz_i", "mobitz_ii", "bundle_branch_block", "lbbb", "rbbb", "bradycardia", "heart_rate"})


def _family(concepts) -> set[str]:
    return {_FAMILY.get(c, c) for c in concepts}


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
        hits = [it for it in live if _family(it.concepts) & _family(concepts) or it.concepts & wider]
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
    if len(targets) != 1 or not _names_a_cancer(targets[0].expr):  # type: ignore[arg-type]
        return targets
    live = [it for it in items if it.expr is not None]
    k = live.index(targets[0])
    out = list(targets)
    while k > 0 and _BARE_OR.fullmatch(text[live[k - 1].end: live[k].start]) and _names_a_cancer(live[k - 1].expr):  # type: ignore[arg-type]
        k -= 1
        out.append(live[k])
    return out


def _exception_subject(text: str, expr: Expr) -> set[str]:
    concepts = {p.concept for p in predicates(expr)}
    for pattern, subject in _EXCEPTION_SUBJECTS:
        if pattern.search(text):
            concepts |= subject
    return concepts


_HEART_DRUGS_EXCEPTED = frozenset({"beta_blocker", "diuretic_therapy", "calcium_channel_blocker", "nondihydropyridine_ccb"})


def _exception_expr(exc: str, ctype: CriterionType) -> tuple[Expr, bool]:
    """(the exception's expression, whether it exempts a person rather than excepting a thing)."""
    person = _exempts_person(exc)
    body = re.sub(r"^\W*not\b", "", exc, flags=I) if re.match(r"^\W*not\b", exc, I) else exc
    # (the word boundary belongs to the words: after "EXCEPTION:" none follows, and the label stayed)
    body = re.sub(r"^\W*(?:exceptions?\s*:|(?:except(?:\s+for|\s+if|\s+when|\s+in)?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|but\s+not(?:\s+including)?|not\s+including)\b)", "", body, flags=I)
    items = with_named_causes(extract(body, ctype), body)
    read = [it for it in items if it.expr is not None]
    if read and all(it.concepts and it.concepts <= _HEART_DRUGS_EXCEPTED for it in read):
        # "requiring anti-arrhythmic medication other than beta blocker or calcium channel blocker":
        # the drug excepted is one the needed medication may be, not one the patient must not take
        # (read as "and not on a beta-blocker", a patient needing amiodarone beside metoprolol passed)
        return Review(ReviewReason.JUDGEMENT, exc), person
    # things excepted are alternatives ("except basal cell or in situ carcinoma"); what a person
    # exempted must also meet is a further condition ("Gilbert's syndrome, who can have < 3 mg/dL")
    expr = combine(items, body, CriterionType.INCLUSION if person else CriterionType.EXCLUSION)
    masked = list(body)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
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
    leftover = content_words(blank_remarks("".join(masked))) + _bare_bounds("".join(masked)) + _NARROWING_WORDS.findall("".join(masked))
    if cause_only:  # a list of causes' frame ("unless elevated due to", "unless related to") is no condition on them
        leftover = [w for w in leftover if w.lower() not in _CAUSE_LEAD]
    if expr is None:
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


# the words that lead or join a list of causes, never a cause themselves
_CAUSE_LEAD = frozenset(
    "unless except excluding other than if when in patients subjects participants those who with the a an of is are was be been by to due "
    "elevated elevation elevations increase increased rise raised high higher level levels value values result results abnormal abnormality "
    "abnormalities secondary attributable attributed related considered thought believed judged documented known proven suspected "
    "from resulting caused primarily directly solely mainly for then present allowed permitted acceptable eligible".split()
)
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


def _has_review(expr: Expr) -> bool:
    if isinstance(expr, Review):
        return True
    if isinstance(expr, Not):
        return _has_review(expr.part)
    return isinstance(expr, (All, Any_)) and any(_has_review(p) for p in expr.parts)


# ", or" / ", and/or" inside an exception's words: what follows may be the line's next alternative
_COMMA_OR = re.compile(r",\s*(?:or|and/or)\s", I)
# kinds the catalogue keeps apart that an exception still names among each other ("infection other
# than HIV, hepatitis B, or hepatitis C"; "malignancy other than carcinoma in situ, or skin cancer")
_INFECTIONS = frozenset({"active_infection", "hiv", "hbv", "hcv", "hav", "syphilis", "tuberculosis", "pulmonary_tuberculosis", "extrapulmonary_tuberculosis"})
_CANCERS = frozenset({"other_malignancy", "cervical_dysplasia", *IN_SITU, *MALIGNANCIES})


def _same_kind(a: str, b: str) -> bool:
    return related(a, b) or (a in _INFECTIONS and b in _INFECTIONS) or (a in _CANCERS and b in _CANCERS)


def _exception_runs_on(exc: str, exc_expr: Expr, targets: list[Item]) -> tuple[Expr, list[Expr]]:
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


def _apply_exception(expr: Expr, exc: Expr, person: bool, effective: CriterionType, words: str = "") -> Expr:
    """One item with its exception. ``effective`` is the clause's type as the item reads it
    (an inclusion's "no ..." clause reads its items as things to be absent)."""
    toxicity = _excepted_toxicity(expr, exc, effective)
    if toxicity is not None:
        return toxicity
    if effective is CriterionType.INCLUSION and person:
        narrowed = _conditional_subrange(expr, exc)
        if narrowed is not None:
            return narrowed
        widened = Alternative(exc.reason, exc.text) if isinstance(exc, Review) else exc
        return any_of([expr, widened])
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
    return except_from(expr, exc, effective, words)


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


_EXEMPTING = re.compile(r"\b(?:exempt\w*|acceptable|allowed|permitted|eligible)\b", I)


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
    if any(r.qualifies and _CONSENT.search(r.text) for r in clause.residue):
        clause = replace(clause, residue=[replace(r, qualifies=False) if _CONSENT.search(r.text) else r for r in clause.residue])
    if clause.expr is None:
        text = _residue_text(clause.residue)
        expr: Expr = Review(review_reason(text), text)
        for exc, _ in clause.exceptions:
            exc_expr, person = _exception_expr(exc, ctype)
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
        if isinstance(e, Predicate) and e.op is Op.WITHIN and _ACTIVE_BEFORE.search(clause.text, max(0, it.start - 25), it.start):
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
                it.expr = _widen_untreated(it.expr, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, exc))  # type: ignore[arg-type]
            continue
        exc_expr, person = _exception_expr(exc, ctype)
        # "unless ..." and an exception about a named cause (Gilbert's syndrome, liver
        # involvement) let more patients meet the requirement it stands beside
        person = person or bool(re.match(r"\W*unless\b", exc, I)) or any(p.search(exc) for p, _ in _EXCEPTION_SUBJECTS)
        targets = _targets(items, _exception_subject(exc, exc_expr), start)
        if ctype is CriterionType.EXCLUSION and not negated and exc_expr is not None:
            exc_expr, apart = _exception_runs_on(exc, exc_expr, targets)
            run_on.extend(apart)
        for it in targets:
            it.expr = _apply_exception(it.expr, exc_expr, person, effective, exc)  # type: ignore[arg-type]
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
        bound = re.search(r"\d|[<>≤≥]", text) and not _REMISSION_ORDER.match(text) and not named_labs(text)
        if 0 < len(content_words(text)) <= 8 and not bound and not NEGATED_WORD.search(text) and not _QUALIFYING.search(text) and end > start:
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
        elif gaps and re.search(r"\bor\b", gaps[-1], I) and kinds[0] and not all(kinds) and not any(isinstance(t[2], Item) and _washout(t[2].expr) for t in group):
            for k, (start, end, what) in enumerate(group):
                if isinstance(what, Item):
                    continue
                near = [t[2] for t in group[:k][::-1] + group[k + 1:] if isinstance(t[2], Item)]
                text = " ".join(" ".join(x.text for x in what).split())
                alternative = Item(start, end, Alternative(review_reason(text), text), near[0].concepts)  # type: ignore[union-attr]
                out.extend((alternative, x) for x in what)
        i = j + 1
    return out


_WIDENING_WORDS = frozenset({"enrolled", "included", "acceptable", "allowed", "permitted", "eligible", "considered", "also", "serologically", "pcr", "tests", "latent"})


def is_remark(clause_text: str) -> bool:
    """A clause that only annotates ("platelet transfusion is permitted"): nothing to add."""
    if extract(clause_text, CriterionType.INCLUSION):
        return False
    words = [w for w in content_words(blank_remarks(clause_text)) if w.lower() not in _WIDENING_WORDS and not WIDENING_CLAUSE.search(w)]
    return not words


# A sentence permitting a therapy ("Administration of hydrea to control high WBC count is
# permitted", "Hydroxyurea for cyto-reduction is allowed prior to the start of therapy"; 27 corpus
# trials permit hydroxyurea, leukapheresis or cytoreduction so): it excepts from a washout line.
# Beside a line that asks only which disease, its status and its blasts it widens nothing there,
# and read as an alternative it left the line to review for every patient. Beside anything else
# (a therapy, a drug, a count) it is still an exception (``attach_widening``).
_THERAPY_PERMISSION = re.compile(
    r"\b(?:hydroxyurea|hydroxycarbamide|hydrea|(?:leuk)?a?pheresis|leukocytapheresis|cyto-?reduct\w*|intrathecal\s+\w+|"
    r"(?:administration|use)\s+of|treatment\s+with|therapy\s+with)\b",
    I,
)


# what a disease line asks (which disease, its status, its blasts): no therapy a permission
# could except from
_DISEASE_STATE = frozenset({
    *HEMATOLOGIC_DISEASES,
    "relapsed", "refractory", "remission", "bm_blasts", "pb_blasts", "extramedullary_disease", "cns_involvement", "mrd",
})


def therapy_note(clause_text: str, exprs: list[Expr]) -> bool:
    """Whether a permission clause permits a therapy the line's own readings never name."""
    head = WIDENING_CLAUSE.split(clause_text, maxsplit=1)[0]
    if not _THERAPY_PERMISSION.search(head):
        return False
    named = {p.concept for e in exprs for p in predicates(e)}
    return bool(named) and named <= _DISEASE_STATE


def therapy_permission(clause_text: str, exprs: list[Expr]) -> str | None:
    """How a later sentence that permits prior therapies joins what the line read before it
    ("Patients with MDS and <= 10% blasts. ... Prior cytokines, biologic therapies,
    targeted therapies, or single agent chemotherapy allowed."; "AML. Prior chemotherapy is
    allowed."). Such a permission speaks to another line's washout: read as a requirement,
    every patient without a targeted therapy failed the diagnosis line; joined as a widening,
    chemotherapy alone met it. Only a bare permission is a note: one with a condition ("... allowed
    if completed 4 weeks before") restricts the patients it names, and a subject naming a disease
    ("chemotherapy for MDS allowed") may widen who is eligible.

    "note": nothing read so far is related to what it permits (the sentence is skipped); "group":
    as "note", but the permission sets a condition, read as ``permitted_group`` reads it;
    "widens": a bare short form ("Prior single agent chemotherapy allowed.") beside a line that
    asks about such a therapy widens it, as "... is allowed" does; None: any other clause."""
    m = PERMISSION.search(clause_text)
    if m is None:
        return None
    subject, rest = clause_text[: m.start()], clause_text[m.end():]
    if NEGATED.match(subject) or re.search(r"\bexcept(?:ions?)?\b|\bunless\b|\bother\s+than\b", subject, I):
        return None
    conditional = bool(rest.strip(" .;,")) and not _BEFORE_THERAPY.fullmatch(rest.strip(" .;,"))
    items = [it for it in extract(subject, CriterionType.INCLUSION) if it.expr is not None]
    if not items or not all(it.concepts and it.concepts <= _TREATMENT_CONCEPTS for it in items):
        return None
    # every other word of the subject a therapy's ("Patient with brain metastases previously
    # treated with surgery ... are allowed" permits patients with a disease, read or not)
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(subject))
    if any(w.lower() not in _THERAPY_FILLER for w in content_words(blank_remarks(masked))):
        return None
    named = {p.concept for e in exprs for p in predicates(e)}
    if not named:
        return None
    permitted = {c for it in items for c in it.concepts}
    # (hydroxyurea leaves chemotherapy open, derive.OPEN_BESIDE, and a named drug may be of any
    # class the line asks about: permitting either speaks to that line)
    if "named_medication" not in permitted and not any(related(a, b) or b in openers(a) for a in named for b in permitted):
        # ("Previous neo/adjuvant chemotherapy is allowed as long as it was completed >= 6 months
        # before ..." beside "No previous EGFR-TKI therapy": its condition restricts the patients
        # it names, read as the group permission a line opening with it is; joined as a widening
        # of the EGFR line, a patient given an EGFR-TKI met it through the chemotherapy)
        return "group" if conditional else "note"
    if conditional:
        return None
    return "widens" if m.group(0).lower() in ("allowed", "permitted") else None


# (the words of a therapy, its kind and its site, that the items may leave unread: "single agent
# chemotherapy", "biologic therapies", "palliative radiotherapy", "brain radiotherapy")
_THERAPY_FILLER = frozenset({
    "prior", "previous", "previously", "concurrent", "concomitant", "treatment", "treatments", "therapy", "therapies", "use", "administration",
    "single", "agent", "agents", "regimen", "regimens", "any", "other", "all", "received", "receipt", "course", "courses",
    "chemotherapy", "chemotherapies", "radiation", "radiotherapy", "irradiation", "surgery", "surgical", "immunotherapy", "immunotherapies",
    "biologic", "biologics", "biological", "cytokine", "cytokines", "monoclonal", "antibody", "antibodies", "targeted", "hormonal", "endocrine",
    "steroids", "corticosteroids", "growth", "factor", "factors", "supportive", "care", "transfusion", "transfusions",
    "palliative", "adjuvant", "neoadjuvant", "neo", "stereotactic", "radiosurgery", "srs", "local", "localized", "limited", "field", "brain", "cranial",
})


# what may follow a bare permission and set no condition: its time ("Procrit, G-CSF are allowed
# before therapy") or the study it admits to ("... are permitted to enroll on this study")
_BEFORE_THERAPY = re.compile(
    r"(?:before|prior\s+to)\s+(?:the\s+)?(?:start\s+of\s+)?(?:study\s+)?(?:therapy|treatment|entry|enrol+ment|registration)"
    r"|(?:to\s+(?:enrol+|participate|enter|be\s+enrolled)\s*)?(?:(?:on|in|into|for)\s+(?:this|the)\s+(?:study|trial|protocol))?",
    I,
)


# A sentence letting the patient go on with a therapy ("patients with known previous CNS leukemia
# may continue to receive intrathecal therapy with ara-C, methotrexate, and/or thiotepa", "may
# continue on daily vitamins", "may remain on these medications", "may receive hydroxyurea"; 27
# corpus lines): beside a line that asks only which disease and its state, it permits a therapy
# the line never forbade. Read as more of the line, its drugs became alternatives of the
# exclusion and left "Active CNS leukemia" unknown for every patient. "may receive no ..." forbids.
_RECEIPT_PERMISSION = re.compile(
    r"\b(?:may|can)\s+(?:still\s+|also\s+)?(?:continue\s+(?:to\s+(?:receive|take|use|be\s+(?:given|treated))|on|with)|remain\s+on|receive(?!\s+no\b))\b",
    I,
)


def receipt_note(clause_text: str, exprs: list[Expr]) -> bool:
    """Whether a clause only permits a therapy beside a line that asks nothing of therapies."""
    if not _RECEIPT_PERMISSION.search(clause_text):
        return False
    named = {p.concept for e in exprs for p in predicates(e)}
    return bool(named) and named <= _DISEASE_STATE


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


# the therapies an "untreated" requirement is written to let through (cytoreduction, steroids,
# intrathecal therapy, ATRA while the diagnosis is confirmed, growth factors)
_EXCEPTED_THERAPY = re.compile(
    r"\b(?:hydroxyurea|hydroxycarbamide|hydrea|(?:cortico)?steroids?|prednisone|dexamethasone|leu?k?a?pheresis|intrathecal|"
    r"all[\s-]trans[\s-]retinoic\s+acid|ATRA|growth\s+factors?|cytoreduct\w*)\b",
    I,
)


def _therapy_part(part: Expr) -> bool:
    """``part`` names an anticancer therapy (of whatever kind), read as asked or as absent."""
    return any(_untreated(Not(predicate(p.concept, Op.PRESENT))) for p in predicates(part))


def _widen_untreated(expr: Expr, widened: Expr) -> Expr:
    """``expr`` with its "no anticancer therapy" part (alone, or a conjunct of an untreated
    disease's reading) widened by ``widened``; the rest stands as it was."""
    if isinstance(expr, All):
        return all_of([_widen_untreated(p, widened) if _untreated(p) else p for p in expr.parts])
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
    hits = [i for i, part in enumerate(parts) if concepts and _family(p.concept for p in predicates(part)) & _family(concepts)]
    if therapy and not any(_therapy_part(parts[i]) for i in hits):  # a permitted therapy no part names: the untreated one
        hits = [i for i, part in enumerate(parts) if _untreated(part)] or hits
    if not hits and any(is_cancer_diagnosis(c) for c in concepts):
        # "Previously untreated AML (>= 20% blasts) or AML M6. Patients with high-risk (...) MDS will
        # also be eligible" (holdout T251): another disease let in is an alternative to the disease
        # the line asks for, never to the last requirement read (here the AML's unread blast
        # count, after which the MDS stood as asked of everyone and every AML patient failed)
        hits = [i for i, part in enumerate(parts) if _names_a_cancer(part)]
    words = exc.parts[-1].text if isinstance(exc, All) and isinstance(exc.parts[-1], Qualifier) else ""
    if not hits and concepts and concepts <= _TREATMENT_CONCEPTS and not isinstance(exc, Review) and not _ONLY_THOSE.search(words):
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
    for i in hits or [len(parts) - 1]:
        parts[i] = any_of([parts[i], widened])
    return all_of(parts)


def _names_a_cancer(part: Expr) -> bool:
    """A requirement that asks for a cancer (present, not negated): the line's diagnosis."""
    if isinstance(part, Predicate):
        return part.op is Op.PRESENT and is_cancer_diagnosis(part.concept)
    return isinstance(part, Any_ | All) and any(_names_a_cancer(p) for p in part.parts)


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
    uln_bound = _ULN_BOUND.search("".join(masked))
    if uln_bound is not None and ctype is CriterionType.INCLUSION and structured is not None:
        masked[uln_bound.start(): uln_bound.end()] = " " * (uln_bound.end() - uln_bound.start())
    else:
        uln_bound = None
    leftover = [w for w in content_words(blank_remarks("".join(masked))) if not WIDENING_CLAUSE.search(w)] + _bare_bounds("".join(masked))
    leftover = [w for w in leftover if w.lower() not in _WIDENING_WORDS]
    if uln_bound is not None and structured is not None and not leftover:
        # "<= 5 x ULN is acceptable if liver metastases are present": the looser bound, for the
        # requirement it widens, holds for the patients the condition names
        op, value = OPS[uln_bound.group("op")], number(uln_bound.group("n"))
        return _widen_bound(expr, op, value, structured, _exception_subject(clause_text, Review(ReviewReason.UNPARSED, "")))
    if structured is None:
        exc: Expr = Review(review_reason(clause_text), clause_text)
    elif leftover:
        exc = all_of([structured, Qualifier(review_reason(" ".join(leftover)), clause_text)])
    else:
        exc = structured
    concepts = {c for it in items for c in it.concepts} | _exception_subject(clause_text, exc)
    if ctype is CriterionType.INCLUSION:
        return _widen_scoped(expr, exc, concepts, bool(_PRIOR_THERAPY_PERMITTED.search(clause_text)))
    if isinstance(exc, Review):
        if isinstance(expr, Any_):  # an unread condition narrows the alternative it is about
            parts = list(expr.parts)
            hits = [i for i, part in enumerate(parts) if concepts and _family(p.concept for p in predicates(part)) & _family(concepts)]
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


# A sentence offering a second test where the first one fails ("If the serum creatinine is above
# these values, the calculated creatinine clearance must be >= 70 mL/min"; "If the total bilirubin
# is elevated, patient will still be eligible if the conjugated (direct) bilirubin <= ULN"). Its
# condition C names a lab of the requirement A before it; B is the second test:
#   * C is the failure of A ("above these values") or the sentence says the patient is still
#     eligible: the patient qualifies by either test, A or B;
#   * C is a bound of its own ("If creatinine is above the ULN, CrCl is >= 45", "If ALP is >
#     2.5 x ULN, AST must be < 1.5 x ULN"): a further requirement, A and (not C or B), which can
#     only be stricter than the text's other reading.
# 47 corpus lines open a sentence "If <lab> is elevated / above / > ..."; the ones whose second
# test is read whole are taken, the rest keep the residue policy.
_FAILED_TEST = re.compile(
    r"^\W*if\s+(?:the\s+|their\s+|his\s+or\s+her\s+|the\s+patient'?s\s+)?(?P<what>[^,;:<>≤≥=()]{2,60}?)\s+(?:is|are|was|were)\s+"
    r"(?:(?P<failed>above\s+(?:these|those|this|the\s+above)(?:\s+(?:values?|limits?|levels?|ranges?|thresholds?))?)"
    r"|(?P<elevated>elevated|abnormal|(?:above|greater\s+than|higher\s+than|over|>)\s+(?:the\s+)?(?:institutional\s+)?(?:ULN|upper\s+limits?\s+of\s+normal|normal\s+range|normal))"
    r"|(?:>|greater\s+than|above)\s*(?P<n>\d+(?:\.\d+)?)\s*(?:x|×|times)\s*(?:the\s+)?(?:institutional\s+)?(?:ULN|upper\s+limits?\s+of\s+normal))"
    r"\s*,?\s*(?:then\s+)?(?P<still>(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:will|may|can|would)\s+(?:still\s+)?be\s+(?:eligible|allowed|enrolled|included)\s+if\s+)?"
    r"(?:(?:the\s+)?(?:patient|participant|subject)'?s\s+)?",
    I,
)


# "Radiotherapy within 14 days before enrollment. If the involved field is small, 7 days will be
# considered a sufficient interval ...": a shorter interval for the patients a condition names (the
# ixazomib trials' wording, 4 corpus trials). Read as a review conjunct it left every recent
# radiotherapy undecided; read so, only the span between the two intervals waits on the condition.
_SHORTER_WINDOW = re.compile(
    r"^\W*if\s+(?P<cond>[^,;]{3,160}?)\s*,\s*(?:then\s+)?(?:an?\s+(?:interval|washout)\s+of\s+)?(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?)\s+"
    r"(?:will|would|may|can|is|are)\s+(?:be\s+)?(?:considered\s+)?(?:an?\s+)?(?:sufficient|acceptable|adequate|enough)\b",
    I,
)


# A longer interval for named agents, in brackets after the line's own ("chemotherapy within 4
# weeks (6 weeks for nitrosoureas or mitomycin C)", "At least 4 weeks since prior chemotherapy (6
# weeks for nitrosoureas)"; 143 corpus lines, most of them this very NCI wording). Read as an
# unread alternative it left every patient with no recent therapy unknown. Read so, the line's
# own interval decides as written, and only the span between the two intervals waits on whether
# the agent was one of those named (a person's: the record's drug may be any chemotherapy).
AGENT_WINDOW = re.compile(
    r"\(\s*(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?)\s+(?:for|in\s+the\s+case\s+of|if)\s+"
    r"(?P<what>(?:a\s+|an\s+|prior\s+|any\s+)?(?![^();]{0,80}\b(?:wom[ae]n|m[ae]n|patients?|subjects?)\b)[^();]{3,80})\)",
    I,
)


def _drug_therapy(concept: str) -> bool:
    """A therapy given as a drug (chemotherapy, any anticancer or systemic therapy), whose agents
    the bracket can name; radiotherapy and surgery are not."""
    seen: str | None = concept
    for _ in range(6):  # the concept tree is shallow
        if seen is None or seen in ("radiotherapy", "surgery", "major_surgery", "hsct"):
            return False
        if seen in ("anticancer_therapy", "systemic_therapy", "investigational_agent"):
            return True
        seen = CONCEPTS[seen].parent if seen in CONCEPTS else None
    return False


def agent_window(expr: Expr, m: re.Match[str]) -> Expr | None:
    """``expr`` with each dated history predicate given the longer interval ``AGENT_WINDOW``
    matched for its named agents, or None when nothing dated is shorter than it."""
    longer = Window(float(m.group("n")), m.group("unit").lower().rstrip("s") + "s")
    agents = " ".join(m.group("what").split())
    changed = False

    def days(w: Window) -> float:
        return w.amount * {"days": 1, "weeks": 7, "months": 30, "years": 365}.get(w.unit, 0)

    def leaf(e: Expr) -> Expr:
        nonlocal changed
        if isinstance(e, Predicate) and e.window is not None and e.op in (Op.WITHIN, Op.NOT_WITHIN) and days(e.window) < days(longer) and _drug_therapy(e.concept):
            changed = True
            # (the longer interval ends as the line's own does: "at least 4 weeks (6 weeks for ...)")
            wider = Predicate(e.concept, e.op, e.value, e.unit, e.uln, Window(longer.amount, longer.unit, exclusive=e.window.exclusive))
            which = f"whether the agent was one of these: {agents}"
            if e.op is Op.WITHIN:  # within the longer interval, excluded only if it was one of them
                return any_of([e, all_of([wider, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, which)])])
            return all_of([e, any_of([wider, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, which)])])
        return e

    out = map_leaves(expr, leaf)
    return out if changed else None


def shorter_window(expr: Expr, clause_text: str) -> Expr | None:
    """``expr`` with each dated history predicate given the shorter interval the clause allows
    under its condition, or None when the clause is not of that shape or nothing is dated."""
    m = _SHORTER_WINDOW.match(clause_text)
    if m is None:
        return None
    short = Window(float(m.group("n")), m.group("unit").lower().rstrip("s") + "s")
    condition = " ".join(clause_text.split())
    changed = False

    def days(w: Window) -> float:
        return w.amount * {"days": 1, "weeks": 7, "months": 30, "years": 365}.get(w.unit, 0)

    def leaf(e: Expr) -> Expr:
        nonlocal changed
        if isinstance(e, Predicate) and e.window is not None and e.op in (Op.WITHIN, Op.NOT_WITHIN) and days(short) < days(e.window):
            changed = True
            inner = Predicate(e.concept, e.op, e.value, e.unit, e.uln, Window(short.amount, short.unit, exclusive=e.window.exclusive))
            if e.op is Op.WITHIN:  # still excluded within the short interval; between the two, the condition decides
                return all_of([e, any_of([inner, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, condition)])])
            return any_of([e, all_of([inner, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, condition)])])
        return e

    out = map_leaves(expr, leaf)
    return out if changed else None


# The same offer written as a clause after a semicolon, the condition a bare bound ("Serum
# creatinine =< 1.0 mg/dL; if serum creatinine > 1.0 mg/dl, then the estimated GFR must be > 60";
# 12 corpus lines, most of them the cooperative groups' "if serum creatinine > N mg/dL, then the
# estimated glomerular filtration rate (GFR) must be > M"). Joined as one more requirement it asked
# "creatinine <= 1 and creatinine > 1" of every patient. A condition that is the very failure of A
# (the same number, unit and ULN) offers B in its stead; any other bound is read as above.
_FAILED_BOUND = re.compile(
    r"^\W*if\s+(?:the\s+|their\s+|his\s+or\s+her\s+|the\s+patient'?s\s+)?(?P<what>[^,;:<>≤≥=()]{2,60}?)\s*(?:(?:is|are|was|were)\s+)?"
    r"(?:>|greater\s+than|higher\s+than|above|exceeds?|over)\s*(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:(?P<uln>x|×|times)\s*(?:the\s+)?(?:institutional\s+)?(?:ULN|upper\s+limits?\s+of\s+normal)|(?P<unit>mg/dl|mg\s*%|[µμu]mol/l)(?![\w/]))"
    r"\s*,?\s*(?:then\s+)?(?:(?:the\s+)?(?:patient|participant|subject)'?s\s+)?",
    I,
)


def _second_test(
    expr: Expr, m: re.Match[str], clause_text: str, ctype: CriterionType
) -> tuple[str, Expr, list[Expr], list[int]] | None:
    """The one lab the condition names, the second test read whole after it, ``expr``'s parts
    and which of them ask that lab; None when any of these is missing (the clause is then left
    to the usual residue policy)."""
    named = named_labs(m.group("what"))
    if len(named) != 1:
        return None
    second = clause_expr(parse_clause(clause_text[m.end():], ctype), ctype, False)
    if second is None or not predicates(second) or any(isinstance(n, Review) for n in iter_nodes(second)):
        return None
    parts = list(expr.parts) if isinstance(expr, All) else [expr]
    hits = [i for i, part in enumerate(parts) if named[0] in {p.concept for p in predicates(part)}]
    return (named[0], second, parts, hits) if hits else None


def _failed_bound_alternative(expr: Expr, m: re.Match[str], clause_text: str, ctype: CriterionType) -> Expr | None:
    """``expr`` with the second test ``_FAILED_BOUND`` matched in ``clause_text`` (see above)."""
    found = _second_test(expr, m, clause_text, ctype)
    if found is None:
        return _unread_second_test(expr, m, clause_text)
    lab, second, parts, hits = found
    n, uln = number(m.group("n")), bool(m.group("uln"))
    unit = None if uln else ("mg/dL" if m.group("unit").lower().replace(" ", "") in ("mg/dl", "mg%") else "umol/L")

    def is_failure_of(part: Expr) -> bool:  # A is "<lab> <= n" (or "< n") in the condition's own terms
        return (
            isinstance(part, Predicate) and part.concept == lab and part.op in (Op.LTE, Op.LT) and part.value == n
            and part.uln == uln and (uln or (part.unit or "").lower().replace("μ", "u").replace("µ", "u") == unit.lower())
        )

    failed = [i for i in hits if is_failure_of(parts[i])]
    if failed:
        for i in failed:
            parts[i] = any_of([parts[i], second])
        return all_of(parts)
    within = predicate(lab, Op.LTE, n, unit, uln)
    return all_of([*parts, any_of([within, second])])


def _unread_second_test(expr: Expr, m: re.Match[str], clause_text: str) -> Expr | None:
    """The condition is the failure of a bound the line read, the test it offers instead not read
    whole ("...; if serum creatinine > 1.5 mg/dL, then the estimated glomerular filtrate rate (GFR)
    must be > 60"): the bound met meets the line, failed it leaves the line to a person. Left to the
    residue policy it was one more requirement, "creatinine <= 1.5 and creatinine > 1.5", which no
    patient meets."""
    named = named_labs(m.group("what"))
    if len(named) != 1 or not re.search(r"[^\W\d_]{3,}", clause_text[m.end():]):  # a second test named after the condition
        return None
    parts = list(expr.parts) if isinstance(expr, All) else [expr]
    n = number(m.group("n"))
    failed = [i for i, part in enumerate(parts)
              if isinstance(part, Predicate) and part.concept == named[0] and part.op in (Op.LTE, Op.LT) and part.value == n]
    if not failed:
        return None
    for i in failed:
        parts[i] = any_of([parts[i], Alternative(ReviewReason.UNPARSED, clause_text.strip())])
    return all_of(parts)


def failed_test_alternative(expr: Expr, clause_text: str, ctype: CriterionType) -> Expr | None:
    """``expr`` with the second test the clause offers, or None when the clause is not of that
    shape, is not an inclusion's, or its second test is not read whole (the clause is then left
    to the usual residue policy)."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _FAILED_TEST.match(clause_text)
    if m is None:
        bound = _FAILED_BOUND.match(clause_text)
        return _failed_bound_alternative(expr, bound, clause_text, ctype) if bound else None
    found = _second_test(expr, m, clause_text, ctype)
    if found is None:
        return None
    lab, second, parts, hits = found
    if m.group("failed") or m.group("still"):
        for i in hits:
            parts[i] = any_of([parts[i], second])
        return all_of(parts)
    within = predicate(lab, Op.LTE, number(m.group("n")) if m.group("n") else 1, None, True)
    return all_of([*parts, any_of([within, second])])


_CANCER_KINDS = frozenset(MALIGNANCIES)
_FAMILY = {"hbsag": "hbv", "hbv_dna": "hbv", "hbcab": "hbv", "hcv_antibody": "hcv", "hcv_rna": "hcv", "hiv_test": "hiv",
           # an AV block's degree or type excepted concerns every degree the list names ("second or
           # third degree heart block (except for second degree type 1)"), not the last alone
           "av_block_first_degree": "av_block", "av_block_second_degree": "av_block", "av_block_third_degree": "av_block",
           "mobitz_i": "av_block", "mobitz_ii": "av_block"}


_PHASED_AGE = re.compile(r"\bphase\b|\bcohort\b|\bpart\s+[A-D12]\b|\barm\b", I)
# the places an age bound is for ("Patients treated at collaborating sites ... must be <= 24 years
# old. All other St. Jude patients must be < 21", "age > 18 as required by some local
# regulations"): which place is the patient's, no record says
_SITE_AGE = re.compile(r"\b(?:sites?|institutions?|cent(?:er|re)s?|countr(?:y|ies)|local\s+regulations?|all\s+other)\b", I)


def phased_age(expr: Expr, text: str) -> Expr:
    """Several lower age bounds for different study phases or cohorts: the highest bound meets
    every phase's; between the lowest and the highest it depends on the phase (review). Bounds
    (either way) for the patients of different sites are read so too: every site's bound met
    meets the line, none met fails it, and the words naming the sites, which no record places,
    decide nothing once the bounds agree; read as conjuncts they left every patient unknown."""
    bounds = [p for p in predicates(expr) if p.concept == "age" and p.op in (Op.GTE, Op.GT)]
    if len(bounds) >= 2 and _PHASED_AGE.search(text) and len({b.unit for b in bounds}) == 1:
        others = [p for p in (expr.parts if isinstance(expr, All) else (expr,)) if not (isinstance(p, Predicate) and p in bounds)]
        strictest = max(bounds, key=lambda b: b.value)
        loosest = min(bounds, key=lambda b: b.value)
        phased = any_of([strictest, all_of([loosest, Review(ReviewReason.AMBIGUOUS, "the age bound differs by study phase: " + text)])])
        return all_of([phased, *[o for o in others if not isinstance(o, Review)]]) if others else phased
    return _site_age(expr, text)


def _site_age(expr: Expr, text: str) -> Expr:
    if not isinstance(expr, All) or not _SITE_AGE.search(text):
        return expr
    bounds = [p for p in expr.parts if isinstance(p, Predicate) and p.concept == "age"]
    lower = {p.op for p in bounds} <= {Op.GTE, Op.GT}
    upper = {p.op for p in bounds} <= {Op.LTE, Op.LT}
    # only bounds of one direction and the unread words around them: any other part is a
    # requirement of its own, and dropping a review beside it could pass a patient it holds back
    if len(bounds) < 2 or not (lower or upper) or len({b.unit for b in bounds}) != 1:
        return expr
    if any(not isinstance(p, Review) and p not in bounds for p in expr.parts):
        return expr
    def strictness(b: Predicate) -> tuple[float, bool]:  # an open bound is the stricter at one value
        value = float(b.value)  # type: ignore[arg-type]
        return (value if lower else -value, b.op in (Op.GT, Op.LT))

    strictest, loosest = max(bounds, key=strictness), min(bounds, key=strictness)
    return any_of([strictest, all_of([loosest, Review(ReviewReason.AMBIGUOUS, "the age bound differs by site: " + text)])])


# a recency window measured back from the start of treatment: the treatment lies ahead of the
# evaluation date, so the latest value is the evidence and the lab is repeated before dosing
FUTURE_REFERENCE = re.compile(r"\b(?:treatment|dos(?:e|ing)|infusion|administration|therapy|lymphodepl\w*|conditioning|apheresis|leukapheresis)\b", I)


_BOUND_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.EQ, Op.NEQ, Op.BETWEEN})


# what a permission adds about counting ("... allowed and are not considered in the prior therapy
# total"): a remark on another line's count, no condition of the permission
_NOT_COUNTED = r"\s+and\s+(?:are|is|do|does)\s+not\s+(?:be\s+)?(?:considered|counted|count)\b[^;]*$"
# (a group that "are included in the study" is permitted as one that "are eligible": "Patients with
# a history of carcinoma in remission (...) are included in the study", "Secondary AML (including
# therapy-related) are included"; read as asked for, every patient without it failed the line. The
# plural only: "... or whose partner is included in the trial" permits no group)
PERMISSION = re.compile(
    r"\b(?:(?:may|can|could|will)\s+(?:also\s+|only\s+)?be\s+(?:included|enrolled|eligible|allowed|permitted|considered|registered|entered)|(?:is|are)\s+(?:also\s+)?(?:allowed|permitted|eligible|acceptable)|are\s+(?:also\s+)?included(?:\s+in\s+(?:the|this)\s+(?:study|trial))?)\b"
    # the registries' short form, "Prior chemotherapy allowed", "Transplantation for AML allowed unless within 90 days"
    r"|(?<![Nn]ot )(?<![Nn]o )\b(?:allowed|permitted)\b(?=\s*,?\s*(?:unless|if|provided|as\s+long\s+as)\b|\s*[.;]?\s*$|" + _NOT_COUNTED + ")",
    I,
)
_UNLESS_WITHIN = re.compile(
    r"^unless\s+(?:(?:it\s+was|they\s+were|given|received|performed|done|administered)\s+)?within\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d+)\s*(?P<unit>days?|weeks?|months?|years?)\b[^;]*$",
    I,
)
# a permission's condition that dates the permitted treatment ("Prior palliative radiotherapy or
# surgery are allowed if completed at least 4 weeks before the randomization", "... provided it was
# given more than 6 months prior to study entry"): the condition is a washout of the treatment
# itself, nothing else in it
_COMPLETED_BEFORE = re.compile(
    r"^(?:(?:it|they|this|these|such|the\s+(?:therapy|treatment|radiotherapy|radiation|surgery|last\s+dose))\s+)?"
    r"(?:(?:was|were|has\s+been|have\s+been|is|are)\s+)?(?:completed|given|administered|received|performed|finished|stopped|discontinued)\s+"
    r"(?:at\s+least|≥|more\s+than|>|over)\s*(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?|years?)\s+(?:before|prior\s+to)\s+"
    r"(?:the\s+)?(?:randomi[sz]ation|registration|enrol(?:l)?ment|study\s+entry|entry|inclusion|day\s+1|start\s+of\s+(?:study\s+)?treatment|"
    r"(?:the\s+)?first\s+dose(?:\s+of\s+(?:study\s+|trial\s+)?(?:drug|treatment|therapy))?|study\s+(?:drug|treatment))\W*$",
    I,
)
_HISTORY_OPS = frozenset({Op.PRESENT, Op.WITHIN, Op.NOT_WITHIN})
_STATUS = frozenset({"relapsed", "refractory", "remission"})
_TREATMENT_CONCEPTS = frozenset({
    "hsct", "allo_hsct", "auto_hsct", "car_t", "car_nk", "chemotherapy", "radiotherapy", "surgery", "major_surgery", "immunotherapy",
    "targeted_therapy", "hormone_therapy", "steroid_therapy", "immunosuppressant_therapy", "anticancer_therapy", "systemic_therapy",
    "investigational_agent", "growth_factor", "esa", "iron_chelator", "hydroxyurea", "named_medication",
})


_BRACKETED = re.compile(r"\[[^\[\]]*\]")
# the phrase the short form permits may be a list ("Prior hematopoietic growth factors, androgens,
# and other supportive care agents allowed", "Prior immunotherapy, including rituximab or other
# monoclonal antibody, allowed", "Concurrent ranitidine, famotidine, or proton-pump inhibitors
# allowed"): its commas join the things permitted, never a requirement before them (read as one,
# every patient without a growth factor failed the line, holdout T241). A list opens on a
# therapy's time ("Prior", "Concurrent") and closes its items with "and"/"or" or names them after
# "including"; a comma in brackets says nothing of the phrase. No repetition nests another.
_PERMITTED_LIST = re.compile(
    r"\W*(?:prior|previous|concurrent|concomitant)\b[^,;:]*"
    r"(?:,\s*(?:including|such\s+as)\b[^,;:]*,?\s*$|(?:,[^,;:]*)*,?\s+(?:and/or|and|or)\s+[^,;:]*$)",
    I,
)


def _permitted_list(subject: str) -> bool:
    """Whether the subject of a short-form permission is a list of what it permits: its commas
    outside brackets join items (a bracket left open hides where the list ends, so it is none)."""
    if subject.count("(") != subject.count(")") or subject.count("[") != subject.count("]"):
        return False
    bare = _BRACKETED.sub("", PARENS.sub("", subject))
    return "," in bare and _PERMITTED_LIST.match(bare) is not None


# a condition that the permitted treatment failed: no response to it, or a relapse after it
_TREATMENT_FAILED = re.compile(
    r"\b(?:evaluated|assessed|judged|confirmed|documented)\s+as\s+(?:NR|no\s+response|non-?respon\w*|refractory)\b"
    r"|\brelapse[sd]?\s+after\s+(?:the\s+|a\s+)?(?:remission|response|CR)\b",
    I,
)


def permitted_group(clauses: list[str], ctype: CriterionType) -> Expr | None:
    """A line that opens by permitting a group ("Patients who have previously received CAR-T
    may be included, provided that ..."): it asks nothing of anyone outside the group, and of
    the group only what the condition says. Inclusion: ``Any_(Not(group), condition)``;
    exclusion: ``All(group, Not(condition))``."""
    first = _BRACKETED.sub("", PARENS.sub("", clauses[0]))  # "[EXCEPTION: hydroxyurea ... is permitted]" permits no group
    m = PERMISSION.search(first)
    if m is None:
        return None
    m = PERMISSION.search(clauses[0])
    if m is None:
        return None
    subject = clauses[0][: m.start()]
    if NEGATED.match(subject):
        return None  # "No prior chemotherapy allowed": a prohibition
    if re.search(r"\bexcept(?:ions?)?\b|\bunless\b", subject, I):
        # "Known HCV infection, with the following exception: subjects who ... received antiviral
        # treatment ... are eligible": the line opens with what it excludes, not with the group
        return None
    if m.group(0).lower() in ("allowed", "permitted") and re.search(r"[,;:]", subject) and not _permitted_list(subject):
        # the short form permits only the phrase it ends: "Treated with 1-3 AML regimens, prior
        # cytarabine allowed" opens with a requirement, and read as a permitted group every
        # patient without AML met it
        return None
    items = [it for it in extract(subject, ctype) if it.expr is not None]
    named = re.sub(r"^\W*(?:(?:prior|previous|past|concurrent|concomitant|any)\s+)+", "", subject, flags=I)
    if not items and _bare_permission(clauses, m) and not extract(named, CriterionType.EXCLUSION):
        # "Elevated levels of alkaline phosphatase allowed", "Bone marrow metastases allowed": a
        # line that only permits restricts nobody (it widens some other line, which is read there).
        # A subject with a concept, read where an exclusion would read it ("Prior myelodysplastic
        # syndrome allowed"), keeps the reading the group permission gives
        return NoRequirement() if ctype is CriterionType.INCLUSION else Not(NoRequirement())
    if not items and ctype is CriterionType.INCLUSION and len(clauses) == 1:
        indicated = _indication_permitted(clauses[0], m.end())
        if indicated is not None:
            return indicated
    # the group is read at its widest: a disease status beside what names it ("Participants who
    # have relapsed after HSCT") is the trial's own, and a status not coded would put a
    # transplanted patient outside the group and past its condition
    widest = [it for it in items if not it.concepts <= _STATUS]
    items = widest or items
    if any(it.concepts & _TREATMENT_CONCEPTS for it in items):
        # "Transplantation for AML allowed ...": the disease a treatment was for is its indication,
        # the trial's own disease; the group is everyone with the treatment (a wider group, held to
        # the condition)
        treated = [it.end for it in items if it.concepts & _TREATMENT_CONCEPTS]
        # every disease of the indication ("HCT for MDS/AML"): narrowed to some, the group lost patients
        indications = [
            it for it in items
            if it.concepts <= HEMATOLOGIC_DISEASES and any(end <= it.start and len(subject[end: it.start]) <= 60 and re.search(r"\bfor\b", subject[end: it.start], I) for end in treated)
        ]
        items = [it for it in items if it not in indications]
    else:
        indications = []
    if not items or any(p.op in _BOUND_OPS for it in items for p in predicates(it.expr)):
        return None  # "ALT <= 2.5 x ULN; <= 5 x ULN is acceptable if ...": a requirement, not a group
    if _UNREAD_ALTERNATIVE.match(subject, max(it.end for it in items)):
        return None  # "history of hypothyroidism or hyperthyroidism are eligible, provided ...": the group is wider than read
    group = combine(items, subject, CriterionType.INCLUSION)
    tail = re.sub(r"^\W*(?:(?:for|in|to)\s+(?:this|the)\s+(?:study|trial|protocol)\b)?\W*", "", clauses[0][m.end():])
    if ctype is CriterionType.INCLUSION and not tail and re.fullmatch(r"(?:is|are)\s+eligible", m.group(0), I) and any(
        p.concept in HEMATOLOGIC_DISEASES for p in predicates(group)
    ):
        return None  # "Patients with multiple myeloma in first relapse ... are eligible (for the study)": who the trial is for, not a permission
    rest = " ".join([clauses[0][m.end():], *clauses[1:]]).strip(" ,.")
    rest = "" if re.fullmatch(_NOT_COUNTED, " " + rest, I) else rest
    provided = re.match(r"^\W*(?:in\s+this\s+(?:study|trial))?\W*(?:provided|if|only\s+if|as\s+long\s+as|when)\b", rest, I) is not None
    rest = re.sub(r"^\W*(?:in\s+this\s+(?:study|trial))?\W*(?:provided\s+(?:that\s+)?|if\s+|only\s+if\s+|as\s+long\s+as\s+|when\s+)?", "", rest, flags=I)
    assert group is not None
    # a treatment named whole ("Prior chemotherapy", "Prior stem cell transplant"), never a disease
    masked = "".join(" " if any(it.start <= i < it.end for it in items + indications) else ch for i, ch in enumerate(subject))
    masked = re.sub(r"\bfor\b(?:\s+(?:the|their))?|[/,]|\b(?:or|and)\b", " ", masked, flags=I) if indications else masked
    history = (
        all(p.op in _HISTORY_OPS and p.concept in _TREATMENT_CONCEPTS for p in predicates(group))
        and not content_words(blank_remarks(masked))
    )
    unless = _UNLESS_WITHIN.match(rest)
    if unless and history and all(isinstance(p, Predicate) and p.op is Op.PRESENT for p in _leaves(group)):
        # "Transplantation for AML allowed unless within 90 days of study entry": none that recent
        window = Window(float(unless.group("n")), unless.group("unit").lower().rstrip("s") + "s")
        recent = _dated(group, window)
        return Not(recent) if ctype is CriterionType.INCLUSION else recent
    completed = _COMPLETED_BEFORE.match(rest) if provided else None
    if completed and history and all(isinstance(p, Predicate) and p.op is Op.PRESENT for p in _leaves(group)):
        # "Prior palliative radiotherapy or surgery are allowed if completed at least 4 weeks
        # before the randomization": a treatment on record before then meets the condition, one
        # since fails it (left a review, the recent one was unknown; the condition decides it)
        recent = _dated(group, Window(float(completed.group("n")), completed.group("unit").lower().rstrip("s") + "s"))
        return Not(recent) if ctype is CriterionType.INCLUSION else recent
    if not rest and history:  # "Prior chemotherapy allowed": asks nothing of anyone, with it or without
        return any_of([Not(group), group]) if ctype is CriterionType.INCLUSION else all_of([group, Not(group)])
    # "Patients with AML or MDS are eligible at first or subsequent relapse, whereas patients with
    # ALL are eligible at second ...": a second group with its own condition, read as its own line
    whereas = _WHEREAS.search(rest)
    other = permitted_group([rest[whereas.end():]], ctype) if whereas is not None else None
    if whereas is not None and other is not None:
        rest = rest[: whereas.start()]
    condition: Expr = _status_condition(rest, ctype) or (_proviso(rest) if provided else None) or Alternative(review_reason(rest) if rest else ReviewReason.JUDGEMENT, rest or clauses[0])
    if rest and _TREATMENT_FAILED.search(rest) and all(p.op in _HISTORY_OPS and p.concept in _TREATMENT_CONCEPTS for p in predicates(group)):
        # "... provided that the efficacy evaluation of CAR-T therapy has been completed and
        # evaluated as NR, or relapse after remission of CAR-T therapy": the treatment failed, so
        # the disease is refractory or relapsed; that it came after the treatment no record
        # dates against it, which stays the reviewer's (with neither status on record the
        # treatment did not fail, and the group's patient does not meet the line)
        condition = all_of([any_of([predicate("refractory", Op.PRESENT), predicate("relapsed", Op.PRESENT)]),
                            Qualifier(ReviewReason.AMBIGUOUS, "after the treatment: " + rest)])
    own = any_of([Not(group), condition]) if ctype is CriterionType.INCLUSION else all_of([group, Not(condition)])
    if other is None:
        return own
    return all_of([own, other]) if ctype is CriterionType.INCLUSION else any_of([own, other])


_WHEREAS = re.compile(r"\s*[,;]?\s*\bwhereas\s+(?=\S)", I)


_FOR_INDICATION = re.compile(r"\s*(?:for|in)\s+(?:(?:patients?|subjects?|participants?|those)\s+with\s+)?(?=\S)", I)


def _indication_permitted(clause: str, end: int) -> Expr | None:
    """A permission of something no topic reads, for the patients it names ("Non-escalating
    doses of steroids at the lowest possible dosing level are allowed for CNS lymphoma"): it asks
    nothing of anyone else, and of those patients only what the permission says, a person's to
    read. Read as its indication, it asked every patient for a CNS lymphoma."""
    lead = _FOR_INDICATION.match(clause, end)
    if lead is None:
        return None
    named = clause[lead.end():]
    if re.search(r"\b(?:except|excluding|other\s+than|unless|participation|enrollment|(?:the|this)\s+(?:study|trial))\b", named, I):
        return None  # "... are eligible for participation except for APL": what it excludes, not whom it permits
    items = [it for it in extract(named, CriterionType.INCLUSION) if it.expr is not None]
    if not items or not all(p.op is Op.PRESENT and p.concept not in _TREATMENT_CONCEPTS for it in items for p in predicates(it.expr)):
        return None
    group = combine(items, named, CriterionType.INCLUSION)
    if group is None:
        return None
    return any_of([Not(group), Alternative(ReviewReason.AMBIGUOUS, "what the permission asks of the patients it names: " + clause)])


_PRONOUN_HAS_NO = re.compile(r"^\W*(?:(?:they|he\s+or\s+she|the\s+(?:patients?|subjects?|participants?))\s+)?(?:(?:has|have)\s+)?(?=no\b)", I)


def _proviso(text: str) -> Expr | None:
    """A group's condition written as requirements ("... are eligible provided that they are > 4
    weeks from stem cell infusion, have no active GVHD, and meet other eligibility criteria"):
    read as an inclusion line of its own, so a member of the group whom it fails does not meet
    the line (left to a person whole, a transplant two weeks ago was possibly eligible). A
    condition not read whole stays the reviewer's."""
    if not text or _TREATMENT_FAILED.search(text):
        return None
    # "provided they have no evidence of acute or chronic GVHD": the pronoun and its verb before
    # "no" hid the negation, so the group's condition asked for GVHD (every transplanted patient
    # without it failed the line, one with it met it)
    text = _PRONOUN_HAS_NO.sub("", text)
    expr = read_expr(text, CriterionType.INCLUSION)
    if not predicates(expr) or any(isinstance(node, Review) for node in iter_nodes(expr)):
        # read in part, the words left over may hold what turns the read part round ("it was at
        # least 100 days ago and there is no active GVHD" lost its negation beside the unread
        # words): a condition read whole or not at all
        return None
    return expr



def _status_condition(text: str, ctype: CriterionType) -> Expr | None:
    """A group's condition that is a disease status the record holds ("are eligible at first or
    subsequent relapse"): read, so a group member without it fails the line. Anything else, or a
    status with words left over, stays the reviewer's."""
    clause = parse_clause(text, ctype)
    if clause.expr is None or clause.exceptions or any(not r.qualifies for r in clause.residue):
        return None
    if not all(p.concept in _STATUS - {"remission"} and p.op is Op.PRESENT for p in predicates(clause.expr)):
        return None
    if any(isinstance(n, Review) for n in iter_nodes(clause.expr)):
        return None  # "at second or subsequent relapse or any relapse that is refractory ...": which relapse is a person's, so the whole condition is
    return clause_expr(clause, ctype, False)


# what turns a permission into a limit ("Only one prior regimen allowed", "Up to 2 prior
# chemotherapy regimens permitted", "Prior steroids at stable doses allowed") or a condition
# ("allowed if ...", "allowed, provided ..."): such a line still asks something
_PERMISSION_LIMIT = re.compile(
    r"\d|\b(?:only|at\s+most|up\s+to|no\s+more|max\w*|fewer|less|more|single|one|two|three|four|five|six|first|second|third|"
    r"if|unless|provided|when|as\s+long|except\w*|but|stable|decreasing|low|short|brief|limited|dose[sd]?|not|no|never|must|should|cannot|"
    r"normal|adequate|controlled|regulated|function\w*|required?|requirements?)\b|[<>≤≥:]|\s-\s",
    I,
)


# an alternative the topics did not read, right after the group's last item ("... or
# hyperthyroidism"): the group the permission names is wider than the one read
_UNREAD_ALTERNATIVE = re.compile(r"\s*(?:,\s*)?(?:or|and/or|/)\s*(?!(?:are|is|will|may|can|could|would|who|that|which|with|if)\b)[A-Za-z]", I)


def _bare_permission(clauses: list[str], m: re.Match[str]) -> bool:
    """Whether the line is one permission and nothing else: "<subject> allowed", its subject
    free of numbers, limits and conditions."""
    if len(clauses) != 1 or clauses[0][m.end():].strip(" .;,"):
        return False
    subject = clauses[0][: m.start()]
    return bool(content_words(PARENS.sub(" ", subject))) and not _PERMISSION_LIMIT.search(subject)


def _leaves(expr: Expr) -> list[Expr]:
    if isinstance(expr, (All, Any_)):
        return [leaf for part in expr.parts for leaf in _leaves(part)]
    return [expr]


def _dated(expr: Expr, window: Window) -> Expr:
    """``expr`` with each history predicate asked within ``window``."""
    if isinstance(expr, Predicate):
        return Predicate(expr.concept, Op.WITHIN, expr.value, expr.unit, expr.uln, window)
    if isinstance(expr, All):
        return all_of([_dated(p, window) for p in expr.parts])
    if isinstance(expr, Any_):
        return any_of([_dated(p, window) for p in expr.parts])
    return expr


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


MEASURE_WINDOW = re.compile(r"^\W*within\s+(?P<n>\d+)\s*(?P<unit>days?|weeks?)\s+(?:prior\s+to|before)\s+[^,:]{0,60}[,:]\s*", I)


_MEASUREMENTS = frozenset({"ecog", "karnofsky", "lansky", "nyha", "lvef", "spo2", "bilirubin", "alt", "ast", "creatinine",
                           "creatinine_clearance", "egfr", "anc", "platelets", "hemoglobin", "wbc", "inr", "bm_blasts", "mrd"})


def with_window(expr: Expr, window: Window) -> Expr:
    """How recent each measurement must be ("within 3 days prior to initial treatment: ...")."""
    if isinstance(expr, Predicate):
        if expr.concept in _MEASUREMENTS and expr.window is None:
            return Predicate(expr.concept, expr.op, expr.value, expr.unit, expr.uln, window, expr.low_inclusive, expr.high_inclusive)
        return expr
    if isinstance(expr, All):
        return All(tuple(with_window(p, window) for p in expr.parts))
    if isinstance(expr, Any_):
        return Any_(tuple(with_window(p, window) for p in expr.parts))
    if isinstance(expr, Not):
        return Not(with_window(expr.part, window))
    return expr
