"""A count of treatments the patient must have failed, named by no drug class: "Failed at least one
standard treatment", "Failure of at least one systemic therapy", "Have failed at least 1 prior
regimen", "must have failed at least 2 prior lines of therapy" (inclusions; about 15 corpus lines
left wholly to review, so a patient never treated at all was eligible on them: holdout T171).

Failing a treatment needs the treatment given: a record with none of the therapies the words can
mean fails the line. A record with one is met when the disease on it is relapsed or refractory
(the therapy failed), otherwise left to a person (how it failed, or whether the therapy on record
was the one meant). A count over one stays a person's beside it: a record lists therapies, not
lines of therapy. What the words can mean: "chemotherapy" is chemotherapy; "systemic", "regimen"
and "line" any anticancer drug; a bare "treatment" or "therapy" also radiotherapy or an operation
(the standard treatment of a solid tumour may be either).

A drug class after the verb ("failed hypomethylating therapy") is the events topic's, and the
shape is read only where a count stands between ("at least one", "one or more", "1").

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, count_of, predicate
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.cml_phase import cml_phase_items


_FAILED_COUNT = re.compile(
    r"\b(?:failed|failure\s+of|progressed\s+(?:on|after|following)"
    # the disease's statuses ending in the refractoriness the count is of ("relapsed or refractory
    # to at least one standard chemotherapy regimen", "that has relapsed, progressed, or been
    # refractory to at least one regimen", "Relapsed or refractory to at least two prior
    # treatment lines"; 4 corpus lines): each a failure of that count of treatments (read apart,
    # the relapse stood alone beside an unread "refractory to ..." and a relapsed disease never
    # treated by one met the line, or the line went to review whole)
    r"|(?:relapsed|progressed|recurred)(?:\s+from)?(?:\s*,\s*(?:progressed|recurred|relapsed))?\s*,?\s+(?:or|and/or)\s+"
    r"(?:(?:have\s+|has\s+)?been\s+|is\s+|are\s+)?refractory\s+to)\s+"
    r"(?:at\s+least\s+|≥\s*|a\s+minimum\s+of\s+)?(?P<n>one|1|two|2|three|3)(?P<more>\s+or\s+more)?\s+"
    r"(?P<mods>(?:(?:prior|previous|standard|conventional|systemic|available|anti-?cancer|chemotherapeutic|chemotherapy|cytotoxic|lines?\s+of|courses?\s+of)\s+){0,3})"
    r"(?P<noun>treatments?|therap(?:y|ies)|regimens?|lines?|chemotherap(?:y|ies))\b"
    # a class named after the noun ("prior TKI", "of hormonal therapy") says which one: not this reading
    # ("at least two prior treatment lines": the count of lines, prior_lines' to read)
    r"(?!\s+(?:with|of|containing|lines?)\b)",
    I,
)


_OR_WHO = re.compile(r"[^.;]{0,60}?,?\s+or\s+(?:who|those|patients?|subjects?|participants?)\b", I)


# what shows on record that a disease was treated, besides its relapsed or refractory status: an
# anticancer therapy (a drug, radiotherapy), a transplant, a CAR-T (an operation only for some lines)
TREATMENT_KINDS = ("anticancer_therapy", "hsct", "car_t")


def failed_after(given: Expr, reason: str) -> Expr:
    """A therapy ``given`` and the disease's failure of it, as every reader here asks it: a relapsed
    or refractory disease on record meets the failure, otherwise it is a person's (``reason``): a
    relapse the record may state only in words."""
    return all_of([given, any_of([
        predicate("relapsed", Op.PRESENT), predicate("refractory", Op.PRESENT), Alternative(ReviewReason.UNSUPPORTED_CONCEPT, reason),
    ])])


def failed_treatment_items(text: str, ctype: CriterionType) -> list[Item]:
    """The count of failed treatments an inclusion asks (see the module's doc)."""
    low = text.lower()
    if ctype is not CriterionType.INCLUSION or "fail" not in low and "progress" not in low and "refractory to" not in low:
        return []
    out: list[Item] = []
    for m in _FAILED_COUNT.finditer(text):
        if _OR_WHO.match(text, m.end()):
            continue  # "failure of at least one prior regimen, or who are deemed unsuitable for it": either, a person's
        words = (m.group("mods") + " " + m.group("noun")).lower()
        if "chemo" in words or "cytotoxic" in words:
            given = predicate("chemotherapy", Op.PRESENT)
        elif any(w in words for w in ("systemic", "regimen", "line", "anti")):
            given = predicate("anticancer_therapy", Op.PRESENT)
        else:
            given = any_of([predicate("anticancer_therapy", Op.PRESENT), predicate("surgery", Op.PRESENT)])
        said = re.match(r"(?:relapsed|progressed|recurred)\b[^;]*?\brefractory\s+to\b", m.group(0), I)
        if said is not None:
            # the statuses said ("relapsed or refractory to at least one regimen") are the failure
            # the line asks, of the disease now: a remission on record is none of them, never a
            # failure a person might still find (a course word, "progressed", the disease not in
            # remission and a person's: unremitted_course)
            statuses: list[Expr] = [predicate("relapsed", Op.PRESENT), predicate("refractory", Op.PRESENT)]
            if re.search(r"\bprogressed\b", m.group(0), I):
                statuses.append(all_of([Not(predicate("remission", Op.PRESENT)), Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "progressed")]))
            # (a relapse itself follows a treatment: one with no treatment on record is a
            # person's to match to the count, never a failure of the line)
            untreated = all_of([predicate("relapsed", Op.PRESENT), Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "whether the relapse followed the treatment the line counts")])
            parts = [any_of([all_of([given, any_of(statuses)]), untreated])]
        else:
            parts = [failed_after(given, "whether the disease failed the therapy on record")]
        if count_of(m.group("n")) > 1:
            parts.append(Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "how many treatments failed: " + " ".join(m.group(0).split())))
        concepts = {"anticancer_therapy", "relapsed", "refractory"} | ({"remission"} if said is not None else set())
        out.append(Item(m.start(), m.end(), all_of(parts), frozenset(concepts)))
    return out


# "Must have progressed, recurred after prior therapy, or failed to respond to primary therapy",
# "have relapsed after prior therapy" (a lymphoma's or leukaemia's status, about 4 corpus lines):
# the disease's failure of a therapy given, as a count of failed treatments is read above: a record
# with no anticancer therapy fails the line; one with a therapy is met when the disease on it is
# relapsed or refractory, otherwise left to a person (a lymphoma's relapse the record may state in
# words Eligo does not take as a status). Left whole to a person, the line never failed a lymphoma
# diagnosed a month ago and never treated; inside a menu of diseases that made such a patient
# eligible. A therapy named after the noun ("after prior treatment with bortezomib") says which
# one: not this reading.
_STATUS_AFTER_THERAPY = re.compile(
    r"\b(?:(?:progressed|recurred|relapsed)(?:\s*,\s*(?:or\s+)?(?:progressed|recurred|relapsed))*\s+(?:after|following)\s+(?:any\s+)?(?:prior|previous)"
    r"|failed\s+to\s+respond\s+to\s+(?:primary|prior|initial|previous))\s+(?:therapy|treatment)\b(?!\s+(?:with|of|containing)\b)",
    I,
)


# "Progressive disease despite standard therapy", "Disease progression after initial therapy",
# "advanced solid tumors that have recurred or progressed following standard therapy(ies)",
# "Patients who have failed standard therapy", "persistent or progressive disease despite initial
# chemotherapy" (inclusions; about 20 corpus lines, each a review for everyone, so a disease never
# treated met them: holdout T284): the disease's course after a therapy named by no drug, which
# the therapy must have been given for. A treatment shows on record as a therapy (an anticancer
# drug, radiotherapy, a transplant, a CAR-T), an operation (the standard therapy of a solid tumour
# may be one), or as the disease's own relapsed or refractory status (a relapse or a refractory
# disease follows a treatment whether or not the record lists it). A record with none of them
# fails the line; a relapsed or refractory disease meets it; a therapy alone is a person's (whether
# the disease progressed after it). A chemotherapy named is asked as the count reader above asks
# it: given (a record of one), and failed (relapsed or refractory) or a person's. Words naming the therapy ("after therapy with interleukin-2",
# "following chemotherapy which includes platinum") or an alternative in the same sentence ("..., or
# for which no standard therapy exists") are other readings; a negated lead ("No prior progression
# after initial therapy") too.
_COURSE_MODS = (
    r"(?P<mods>(?:(?:prior|previous|standard|initial|first[\s-]line|front[\s-]line|conventional|systemic|available|anti-?cancer|cytotoxic)\s+){1,3})"
)
_COURSE_NOUN = r"(?P<noun>therap(?:y|ies)|treatments?|chemotherap(?:y|ies)|regimens?)\b(?:\s*\(\s*(?:ies|s)\s*\))?"
_PROGRESSED_AFTER = re.compile(
    r"\b(?:(?:(?:persistent|recurrent)\s+(?:or|and/or)\s+)?progressive\s+disease|(?:disease|tumou?r)\s+progression"
    r"|(?:(?:recurred|relapsed)\s+(?:or|and/or)\s+)?progressed|failed)"
    r"\s+(?:(?:after|following|despite|on)\s+)?(?:at\s+least\s+(?:one|1)\s+)?(?:(?:the|their|an?)\s+)?"
    + _COURSE_MODS + _COURSE_NOUN
    + r"(?!\s*(?:with|of|containing|that|which|including|included|for\s+(?:metasta\w*|advanced|recurrent))\b)",
    I,
)
# a verb "failed" reads only after its auxiliary ("has failed standard therapy"); "progressed" and
# the nouns need the preposition ("progressed following", "progression despite")
_FAILED_AUX = re.compile(r"\b(?:has|have|had)\s+$", I)
_COURSE_NEGATED = re.compile(r"\b(?:no|not|without|never)\s+(?:\w+\s+){0,2}$", I)
_COURSE_OR = re.compile(r"[^.;]{0,80}?\bor\b", I)


def _course_items(text: str) -> list[Item]:
    out: list[Item] = []
    for m in _PROGRESSED_AFTER.finditer(text):
        head = m.group(0).lower()
        if head.startswith("failed"):
            if not _FAILED_AUX.search(text[max(0, m.start() - 12): m.start()]) or re.match(r"failed\s+(?:after|following|despite|on)\b", head):
                continue
        elif not re.search(r"\s(?:after|following|despite|on)\s", head):
            continue
        if _COURSE_NEGATED.search(text[max(0, m.start() - 30): m.start()]) or _COURSE_OR.match(text, m.end()):
            continue
        if re.search(r"\bor\s+(?:\w+\s+){0,3}$", text[max(0, m.start() - 30): m.start()], I) and not re.match(r"(?:recurred|relapsed|persistent|recurrent)\b", head):
            continue  # "CR1 or disease progression after ...": one alternative of several
        if re.search(r"\s{6}", re.split(r"[.;]\s", text[max(0, m.start() - 200): m.start()])[-1]):
            continue  # words blanked before it (a remark: "NSCLC with or without prior therapy") may have said whose course it is
        words = (m.group("mods") + " " + m.group("noun")).lower()
        said = " ".join(m.group(0).split())
        if "chemo" in words or "cytotoxic" in words:
            # a chemotherapy named is asked as the count reader asks it ("failed at least one prior
            # chemotherapy"): given, and failed (a relapsed or refractory disease) or a person's
            expr = failed_after(predicate("chemotherapy", Op.PRESENT), "whether the disease progressed after the chemotherapy on record: " + said)
            out.append(Item(m.start(), m.end(), expr, frozenset({"chemotherapy", "relapsed", "refractory"})))
            continue
        kinds = list(TREATMENT_KINDS)
        if not ("systemic" in words or "regimen" in words or "anti" in words):
            kinds.append("surgery")
        given = any_of([predicate(k, Op.PRESENT) for k in kinds])
        expr = any_of([predicate("relapsed", Op.PRESENT), predicate("refractory", Op.PRESENT), all_of([
            given, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "whether the disease progressed after the therapy on record: " + said),
        ])])
        out.append(Item(m.start(), m.end(), expr, frozenset({*kinds, "relapsed", "refractory"})))
    return out


# "Subjects with previously treated multiple myeloma", "Previously treated CLL requiring
# treatment", "Any measurable, histologically confirmed, and previously treated lymphoma",
# "Previously treated disease" (inclusions; about 10 corpus lines): the disease the trial treats,
# treated before. Read as the disease alone, a myeloma never treated met the line. A record shows
# the treatment as a therapy (an anticancer drug, radiotherapy, a transplant, a CAR-T) or as the
# disease's relapsed or refractory status: any of them meets it; an operation alone is a person's
# (whether it treated the disease: the standard therapy of a solid tumour may be one); none fails
# it. Not read where it is one of two ("untreated or previously treated", "Treatment-naive and
# previously treated patients", "not been previously treated"), names the therapy ("previously
# treated with bortezomib"), stands in an exception or a protocol's title, or is
# said of lesions or metastases, or of patients a later clause asks more of ("Previously treated
# patients must be ..."), or excepted after ("and previously treated unless the patient is
# ineligible for or refuses other treatments": holdout T321).
_PREVIOUSLY_TREATED = re.compile(
    r"\bpreviously[\s-]+treated\b(?!\s*(?:with|by|for|on|lesions?|patients?|subjects?|participants?|brain|CNS|metasta\w*|and\s+(?:now|untreated)|or)\b)",
    I,
)
_EITHER_BEFORE = re.compile(
    r"\b(?:or|and|and/or|not|no|never|without|untreated|na[iï]ve)\s*$|\b(?:not|never)\s+(?:been|be)\s+$"
    # an exception ("No other prior malignancy except for previously treated basal cell ...") or a
    # protocol's title ("Master Protocol for Previously Treated Squamous Cell Lung Cancer")
    r"|\b(?:except(?:\s+for)?|excluding|other\s+than|unless|protocol\s+(?:for|of|in)|(?:study|trial)\s+(?:for|of|in))\s+$",
    I,
)


# (what is treated may be another subject: metastases, a lesion, or the cancers an exception lets be,
# "previously treated basal cell or squamous cell skin cancer, in situ cervical cancer", which the
# exception grammar hands here without its "except for")
_OTHER_SUBJECT_AFTER = re.compile(r"\b(?:metasta|brain|CNS|lesion|basal|squamous|skin|cervi|in[\s-]+situ|non-?melanoma)", I)
_EXCEPTED_AFTER = re.compile(r"[^.;]{0,60}?\b(?:unless|except|if|or\s+(?:who|those|patients?|subjects?|untreated|newly|not))\b|\s{6}", I)
_TREATED = any_of([
    predicate("relapsed", Op.PRESENT), predicate("refractory", Op.PRESENT), *(predicate(k, Op.PRESENT) for k in TREATMENT_KINDS),
    all_of([predicate("surgery", Op.PRESENT), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "whether the operation on record treated the disease")]),
])
_TREATED_CONCEPTS = frozenset({"relapsed", "refractory", *TREATMENT_KINDS, "surgery"})


def _previously_treated_items(text: str) -> list[Item]:
    out: list[Item] = []
    for m in _PREVIOUSLY_TREATED.finditer(text):
        if _EITHER_BEFORE.search(text[max(0, m.start() - 24): m.start()]) and not re.search(r",\s*and\s*$", text[max(0, m.start() - 8): m.start()]):
            continue  # "untreated or previously treated", "not previously treated": another reading
        if _OTHER_SUBJECT_AFTER.search(text, m.end(), m.end() + 40):
            continue
        if _EXCEPTED_AFTER.match(text, m.end()):
            continue  # "previously treated unless the patient is ineligible for ... other treatments" (read apart, blanked here): a person's
        out.append(Item(m.start(), m.end(), _TREATED, _TREATED_CONCEPTS))
    return out


def status_after_therapy_items(text: str, ctype: CriterionType) -> list[Item]:
    """Relapse or refractoriness after unnamed prior therapy, as an inclusion asks it (see above)."""
    if ctype is not CriterionType.INCLUSION:
        return []
    failed = failed_after(predicate("anticancer_therapy", Op.PRESENT), "whether the disease progressed after the therapy on record")
    concepts = frozenset({"anticancer_therapy", "relapsed", "refractory"})
    items = [Item(m.start(), m.end(), failed, concepts) for m in _STATUS_AFTER_THERAPY.finditer(text)]
    if "progress" in text.lower() or "fail" in text.lower():
        items += [it for it in _course_items(text) if all(it.end <= o.start or it.start >= o.end for o in items)]
    if "treated" in text.lower():
        items += [it for it in _previously_treated_items(text) if all(it.end <= o.start or it.start >= o.end for o in items)]
    return items


# "If participants have acute promyelocytic leukemia, they must be resistant and/or intolerant of
# both ATRA and arsenic trioxide", "APL t(15;17) are eligible provided they failed a prior
# tretinoin and arsenic-containing regimen", "APL ... would be eligible only after failure of a
# regimen containing arsenic trioxide" (about 6 corpus lines): an APL is admitted only after the
# drugs named. An APL never given one of them fails the line; one given them is left to a person
# (how it failed). Read as a permission only, the APL after tretinoin alone was eligible (holdout
# T175). A bracketed karyotype ("t(15;17)") is part of the name, not the sentence's end.
_APL_FAILED = re.compile(
    r"(?:\bif\s+(?:the\s+)?(?:participants?|patients?|subjects?)\s+(?:have|has)\s+)?(?:\bacute\s+promyelocytic\s+leuka?emia|\bAPL\b)"
    r"(?:\([^()]{0,40}\)|[^.;()]){0,120}?\b(?:failed|failure\s+of|resistant|refractory|intolerant)\b"
    r"(?P<drugs>(?:\([^()]{0,40}\)|[^.;()]){0,120})",
    I,
)
_TRETINOIN = re.compile(r"\btretinoin\b|\bATRA\b|\ball[\s-]+trans[\s-]+retinoic\s+acid\b", I)
_ARSENIC = re.compile(r"\barsenic(?:\s+trioxide)?\b(?:[\s-]*containing)?(?:\s+regimens?)?", I)


def apl_failed_items(text: str, ctype: CriterionType) -> list[Item]:
    """The drugs an APL must have failed to be admitted (see ``_APL_FAILED``)."""
    if ctype is not CriterionType.INCLUSION or "promyelocytic" not in text.lower() and "APL" not in text:
        return []
    out: list[Item] = []
    for m in _APL_FAILED.finditer(text):
        drugs, at = m.group("drugs"), m.start("drugs")
        named = [(f, d) for f, d in ((_TRETINOIN, "tretinoin"), (_ARSENIC, "arsenic trioxide")) if f.search(drugs)]
        if not named:
            continue
        end = at + max(hit.end() for f, _d in named for hit in f.finditer(drugs))
        if re.search(r"\b(?:or|and/or)\s*$", text[at:end][: min(hit.start() for f, _d in named for hit in f.finditer(drugs))]) and len(named) == 1:
            continue  # "failed tretinoin or another regimen": either one, not this one
        given = [predicate("named_medication", Op.IS, d) for _f, d in named]
        how = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "whether the APL failed them: " + " ".join(text[m.start():end].split()))
        out.append(Item(m.start(), end, any_of([Not(predicate("apl", Op.PRESENT)), all_of([*given, how])]), frozenset({"apl", "named_medication"})))
    return out


# "Participants with 5q deletions are allowed only if they have failed or are intolerant of
# lenalidomide treatment", "MDS with del(5q) must have failed lenalidomide" (lower-risk MDS trials):
# an MDS with a 5q deletion is admitted only after lenalidomide, as an APL only after its drugs
# above. One never given lenalidomide fails the line; one given it is met when the disease is
# refractory on record, or lenalidomide intolerance is, and else left to a person (how it failed).
# Read as nothing, the del(5q) MDS never given lenalidomide was eligible (holdout T245).
_DEL5Q = r"(?:(?:an?\s+)?(?:isolated\s+)?(?:5q[\s-]*deletions?|del\s*\(\s*5q\s*\)(?:\s+(?:abnormality|MDS))?|5q-(?:\s+(?:cytogenetic\s+)?abnormality)?|deletion\s+(?:of\s+)?(?:chromosome\s+)?5q))"
_DEL5Q_FAILED = re.compile(
    r"(?:\b(?:participants?|patients?|subjects?)\s+with\s+|\bMDS\s+with\s+)" + _DEL5Q
    + r"\s*,?\s*(?:(?:are|is)\s+(?:allowed|eligible|permitted)\s+only\s+if|must|only\s+if)\s+(?:they\s+)?(?:also\s+)?(?:have\s+|be\s+|are\s+)?"
    r"(?:failed|been\s+refractory\s+to|refractory\s+to|progressed\s+(?:on|after))"
    r"(?:\s+(?:or|and/or)\s+(?:are\s+|be\s+)?intolerant\s+(?:of|to))?\s+(?:treatment\s+with\s+)?lenalidomide(?:\s+treatment)?",
    I,
)


def del5q_failed_items(text: str, ctype: CriterionType) -> list[Item]:
    """Lenalidomide an MDS with del(5q) must have failed to be admitted (see ``_DEL5Q_FAILED``)."""
    if ctype is not CriterionType.INCLUSION or "5q" not in text.lower():
        return []
    out: list[Item] = []
    for m in _DEL5Q_FAILED.finditer(text):
        given = predicate("named_medication", Op.IS, "lenalidomide")
        failed = any_of([
            predicate("refractory", Op.PRESENT), predicate("drug_hypersensitivity", Op.IS, "lenalidomide"),
            Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "whether the MDS failed lenalidomide or lenalidomide was not tolerated"),
        ])
        out.append(Item(m.start(), m.end(), any_of([Not(predicate("del_5q", Op.PRESENT)), all_of([given, failed])]),
                        frozenset({"del_5q", "named_medication", "refractory"})))
    return out



# "Resistant or intolerant to prior imatinib mesylate", "... who are resistant or intolerant to
# imatinib", "Must be refractory to treatment with imatinib mesylate or dasatinib", "patients must
# have failed or been intolerant to Imatinib mesylate" (inclusions; CML trials above all): the
# drugs named were given. A record without any of them fails the line (no drug failed that was
# never given); one with them is met when the disease on record is refractory or the drug's
# intolerance is, else a person's (how it failed). Left a review, a CML given dasatinib first
# passed "Resistant or intolerant to prior imatinib". A targeted drug or an antibody or an
# immunomodulator by its generic name (the suffixes below), one to three joined by "or"; "and"
# (both failed), an exclusion's intolerance (the drug hypersensitivity the events topic reads)
# and a drug class stay as they were.
_FAILED_DRUG = r"[a-z]{3,}(?:tinib|rafenib|lidomide|ximab|zumab|umab)(?:\s+(?:mesylate|malate|tosylate|hydrochloride))?"
_FAILED_NAMED = re.compile(
    # where the resistance came from ("primary or acquired resistance to imatinib"): no alternative to it
    r"\b(?:(?:primary|acquired|secondary|intrinsic)\s+(?:(?:or|and/or)\s+(?:primary|acquired|secondary|intrinsic)\s+)?)?"
    r"(?P<how>resistant|resistance|refractory|failed|failure)"
    r"(?:\s+(?:or|and/or)\s+(?:are\s+|is\s+|been\s+|be\s+|have\s+been\s+)?(?:intolerant|intolerance|resistant|refractory))?"
    r"\s+(?:to|of|on)\s+(?:(?:prior|previous|the)\s+)?(?:(?:treatment|therapy)\s+with\s+)?"
    rf"(?P<drugs>{_FAILED_DRUG}(?:\s*(?:,\s*(?:or\s+)?|\s+or\s+|\s*/\s*){_FAILED_DRUG}){{0,2}})\b(?:\s+(?:therapy|treatment))?"
    # the intolerance written as the second alternative ("resistance to imatinib mesylate or have
    # intolerance of imatinib mesylate"): the same drug's, one failure
    rf"(?P<intolerance>\s*,?\s+or\s+(?:(?:have|has|had|show|shows|with|are|is|be|been)\s+){{0,2}}(?:an?\s+)?(?:intolerance|intolerant)\s+(?:of|to)\s+"
    rf"(?:(?:prior|previous|the)\s+)?(?P<drugs2>{_FAILED_DRUG}))?"
    r"(?!\s+(?:and|plus|\+|or\s+(?:an?\s+|any\s+|other|another)))",
    I,
)
# "Ph+ ALL with imatinib-resistant disease or intolerance to imatinib": the drug before the
# failure, joined to it by a hyphen (the same failure as "resistance or intolerance to imatinib")
_FAILED_HYPHEN = re.compile(
    rf"\b(?P<drugs>{_FAILED_DRUG})-(?P<how>resistant|refractory)(?:\s+(?:disease|leuka?emia|CML|ALL))?"
    rf"(?P<intolerance>\s*,?\s+or\s+(?:(?:have|has|had|with|are|is)\s+)?(?:an?\s+)?(?:intolerance|intolerant)\s+(?:of|to)\s+"
    rf"(?:(?:prior|previous|the)\s+)?(?P<drugs2>{_FAILED_DRUG}))?"
    r"(?!\s+(?:and|plus|\+|or\s+(?:an?\s+|any\s+|other|another)))",
    I,
)
# the last of the groups the line names, the failure said of it alone ("Ph+ CML in chronic phase or
# Ph+ ALL with imatinib-resistant disease": the CML is taken as it is, the ALL only after imatinib
# failed): its "or" offers the other groups, not an alternative to the failure
_LAST_GROUP = re.compile(r"\bor\s+[^,;.]{1,80}?\bwith\s*$", I)
# the requirement's verb before the failure ("Ph+ or bcr-abl positive chronic phase CML subjects must
# have primary ... resistance to imatinib"): an "or" before it describes whom the line is for, it
# offers no alternative to the failure
_MUST = re.compile(r"\b(?:must|should)\s+(?:have|be)\b", I)

# What the reading leaves as it was: a line that admits the patients it names ("Patients who have
# failed nilotinib ... will be eligible": a permission, which the permission reader would turn into
# "not X or ..."); an alternative in the same sentence ("CML in chronic or accelerated phase who are
# resistant to imatinib", "Relapsed after nivolumab treatment or refractory to nivolumab"), where
# splitting at the "or" would leave the drug to one of the alternatives only; and patients named
# before as another line's subgroup ("Original 5q must also be refractory to lenalidomide", "if ...",
# "including those who are refractory to nilotinib": the permission reader hands its subject here
# without the "will be eligible" the line ends with)
_SENTENCE_BREAK = re.compile(r"[.;](?:\s|$)")
_FAILED_NAMED_PERMISSION = re.compile(r"\b(?:eligible|allowed|permitted|acceptable)\b", I)
# ... or a karyotype named before ("t(9;22) refractory to imatinib mesylate" in a list of adverse
# cytogenetic abnormalities): a risk feature the list defines, not a drug every patient must have had
_FAILED_NAMED_SCOPED = re.compile(r"\b(?:also|if|unless|except|when|whose|those|including)\b|\bt\s*\(\s*\d+\s*;\s*\d+\s*\)|\binv\s*\(|\bdel\s*\(", I)


def named_failed_items(text: str, ctype: CriterionType) -> list[Item]:
    """The named drugs an inclusion asks the patient to have failed (see ``_FAILED_NAMED``)."""
    if ctype is not CriterionType.INCLUSION or _FAILED_NAMED_PERMISSION.search(text):
        return []
    out: list[Item] = []
    for m in [*_FAILED_NAMED.finditer(text), *_FAILED_HYPHEN.finditer(text)]:
        # the sentence it stands in (a break is a full stop or semicolon before a space: "t(9;22)" is none)
        start = max([b.end() for b in _SENTENCE_BREAK.finditer(text, 0, m.start())] or [0])
        after = _SENTENCE_BREAK.search(text, m.end())
        stop = after.start() if after else len(text)
        names = [re.sub(r"\s+(?:mesylate|malate|tosylate|hydrochloride)$", "", d.group(0), flags=I).lower()
                 for d in re.finditer(_FAILED_DRUG, m.group("drugs"), I)]
        second = m.group("drugs2")
        other = re.sub(r"\s+(?:mesylate|malate|tosylate|hydrochloride)$", "", second, flags=I).lower() if second else None
        if other in names:
            other = None  # the same drug's intolerance: one failure (below)
        must = [x.end() for x in _MUST.finditer(text, start, m.start())]
        before = text[must[-1] if must else start: m.start()]
        # (the "or" of a CML's phases is the subject's own: "Ph+ CML patients in chronic or
        # accelerated phase who are resistant or intolerant to Imatinib mesylate" names one group,
        # each of whom failed imatinib; left to a person, an untreated CML met the line)
        phases = [(it.start, it.end) for it in cml_phase_items(text) if it.start < m.start()]
        before = "".join(" " if any(a <= k < b for a, b in phases) else ch for k, ch in enumerate(before, start=m.start() - len(before)))
        last = _LAST_GROUP.search(before)
        last_group = last is not None and re.search(r"\bor\b", before[: last.start()], I) is None
        if (not last_group and re.search(r"\bor\b", before, I)) or re.search(r"\bor\b", text[m.end(): stop], I) or _FAILED_NAMED_SCOPED.search(text, start, m.start()):
            continue  # see _FAILED_NAMED_SCOPED
        given = any_of([predicate("named_medication", Op.IS, n) for n in dict.fromkeys(names)])
        said = " ".join(m.group(0).split())
        own = m.group(0) if other is None else m.group(0)[: m.start("intolerance") - m.start()]
        failed = any_of([
            predicate("refractory", Op.PRESENT),
            # (the drug not tolerated is an intolerance the record may hold, where the line allows it)
            *(predicate("drug_hypersensitivity", Op.IS, n) for n in dict.fromkeys(names) if "intoleran" in own.lower()),
            Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "whether the disease failed the drug or the drug was not tolerated: " + said),
        ])
        expr = all_of([given, failed])
        if other is not None:
            # "Resistance to imatinib or intolerance to dasatinib": another drug's intolerance is the
            # other way in, never a second requirement (read as one, a CML resistant to imatinib
            # failed the line unless dasatinib was not tolerated too). Its intolerance on record meets
            # it; the drug given without one is a person's (an intolerance a record may not code)
            expr = any_of([expr, predicate("drug_hypersensitivity", Op.IS, other), all_of([
                predicate("named_medication", Op.IS, other),
                Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "whether the drug was not tolerated: " + said),
            ])])
        out.append(Item(m.start(), m.end(), expr, frozenset({"named_medication", "refractory", "drug_hypersensitivity"})))
    return out
