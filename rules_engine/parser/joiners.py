"""The words between two items and what they make of them.

"or", "and/or", "/", "without", a bracket, "for" before the disease a therapy treated, a bullet,
how a value is measured, "second or third degree": each says whether the items on either side are
alternatives, requirements together, or one qualifying the other. The joining of a clause's items
(``combining``) asks this of every gap; the gap's reading needs nothing of the joining, so it sits
below it.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review
from rules_engine.parser.items import NEGATED, I, Item, all_of, predicates
from rules_engine.parser.roles import DIAGNOSIS_CONCEPTS
from rules_engine.parser.statuses import FOR_DISEASE
from rules_engine.parser.either_group import TREATMENT_TO_COME


_OR = re.compile(r"\b(?:or|either|and/or)\b|/", I)


_UNIT_SLASH = re.compile(r"/\s*(?:mm[³3]?|cmm|[µμu]l|l|dl|ml|min|kg|m[²2]|hpf|hrs?|h|days?|d|wk)(?![A-Za-z])", I)
_SLASH_WORDS = re.compile(r"[A-Za-z]{3,}\s*/|/\s*[A-Za-z]{3,}")  # "complex/refractory": the slash joins a word, not the items
# ("without evidence of CNS involvement", "without clinical evidence of distant metastases": the
# evidence asked for is the lacked thing's own; left out, the item after stood as one more
# requirement, and a patient with CNS involvement met a line ruling it out)
# (the kinds of evidence may be written as alternatives, "without clinical or radiographic evidence
# of metastatic disease": that "or" is the evidence's, it offers no alternative to the item before;
# read as the join, "head and neck cancer or metastatic disease" was met by any metastatic cancer)
_EVIDENCE_KIND = r"(?:clinical|clinically|radiographic|radiologic(?:al)?|laboratory|documented|known|current|active|morphologic(?:al)?)"
_EVIDENCE_KINDS = rf"(?:{_EVIDENCE_KIND}\s*(?:,\s*)?(?:(?:or|and|and/or)\s+|/\s*)?){{0,3}}"
_LACKING = re.compile(
    r"\s*,?\s*(?:(?:that|who|which)\s+(?:do|does|did)\s+not\s+have|without)\s+(?:an?\s+|any\s+)?"
    rf"(?:{_EVIDENCE_KINDS}"
    r"(?:evidence|signs?|history)\s+of\s+(?:an?\s+|any\s+)?)?", I)
_LIST_OR = re.compile(r"\s*(?:,\s*)?(?:or|and/or)?\s*|\s*,\s*", I)


def _negated(expr: Expr | None) -> bool:
    """Whether a topic read a negation into the item already ("without evidence of infection":
    not active-infection; "without seizures for 14 days": none within 14 days)."""
    if isinstance(expr, Not):
        return True
    if isinstance(expr, (All, Any_)):
        return any(_negated(p) for p in expr.parts)
    return isinstance(expr, Predicate) and expr.op in (Op.ABSENT, Op.NOT_WITHIN)


def without_item(exprs: list[Item], connectors: list[str], prohibited: bool) -> tuple[list[Item], list[str]]:
    """Each item of the "or" list before "without Y" / "that do not have Y" made ``X and not Y``,
    and Y's own item dropped (its words are the condition's)."""
    k = next((k for k, c in enumerate(connectors) if not prohibited and _LACKING.fullmatch(c)), None)
    if k is None:
        return exprs, connectors
    lacked = exprs[k + 1]
    # (a topic that read the "without" itself, "chemoradiotherapy without surgery": not surgery
    # already; negated again it asked for the surgery)
    absent = lacked.expr if _negated(lacked.expr) else Not(lacked.expr)  # type: ignore[arg-type]
    first = k
    while first > 0 and _LIST_OR.fullmatch(connectors[first - 1]):
        first -= 1
    out = list(exprs)
    for j in range(first, k + 1):
        it = out[j]
        out[j] = Item(it.start, lacked.end if j == k else it.end, all_of([it.expr, absent]), it.concepts | lacked.concepts)  # type: ignore[list-item]
    del out[k + 1]
    # (the merged item ends where the lacked one did: the words after it join what follows)
    return without_item(out, connectors[:k] + connectors[k + 1:], prohibited)


# the unread words before a clause's first read item end in "without (evidence of)": "Stage 3 or
# 4 disease without distant metastases" (the stage unread) asked for the metastases it rules out
_LACKS_FIRST = re.compile(r"(?<!\bor\s)(?<!/)\bwithout\s+(?:an?\s+|any\s+)?"
                          rf"(?:{_EVIDENCE_KINDS}"
                          r"(?:evidence|signs?|history)\s+of\s+(?:an?\s+|any\s+)?)?$", I)


def lacked_first(exprs: list[Item], text: str, prohibited: bool) -> list[Item]:
    """The first read item negated when the unread words before it end in "without" (no item
    before it for ``without_item`` to join it to). Not in a prohibition or a clause that opens
    negated, whose "without" negates the clause already, nor after "with or without"."""
    if prohibited or not exprs or _negated(exprs[0].expr) or NEGATED.match(text):
        return exprs  # (a clause opening "Patients without ..." is negated whole, elsewhere)
    first = exprs[0]
    if not _LACKS_FIRST.search(text[max(0, first.start - 120): first.start]):
        return exprs
    return [Item(first.start, first.end, Not(first.expr), first.concepts), *exprs[1:]]  # type: ignore[arg-type]


AND_LAST = re.compile(r"\band\b(?!.*\b(?:or|either)\b)", I)


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
_BRACKET = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def without_brackets(text: str) -> str:
    for _ in range(3):  # nested brackets, innermost first (bounded: no bracket nests deeper in the corpus)
        text = _BRACKET.sub(" ", text)
    return text


def joiner(connector: str, default_or: bool) -> str:
    """How two neighbouring items join: "or", "and", or "tight" (one unit, bound tighter than
    "or"). An "and" after the last "or" joins the next item ("ALL or MPAL and must have disease
    that has relapsed": the "or" joined the unread MPAL)."""
    if AND_LAST.search(connector) and re.search(r"\bAND\b", connector):  # "... or rescue AND no evidence of GVHD"
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
    # "solid malignancy (patients may have either measurable or nonmeasurable disease)", "AML either
    # relapsed or refractory": an "either" just before the next item opens that item's own pair, it
    # joins nothing to the item before (read as the join, any patient with measurable disease met the
    # line whatever his cancer, any relapsed patient whatever his disease)
    # (never after a treatment to come, "can be treated with curative intent with either surgical
    # resection and/or chemoradiation": there the items are the choice of treatment, no history)
    if not TREATMENT_TO_COME.search(connector):
        connector = _EITHER_OPENS.sub(" ", connector)
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
    # "≥ 18 years with histologically or cytologically confirmed AML": the methods the diagnosis
    # may be proven by join no items; read as the join, "age >= 18 or AML" was met by every adult
    # (and by an MDS patient of any age)
    connector = _PROOF_METHODS.sub(" ", connector)
    if FOR_DISEASE.fullmatch(connector):  # "chemotherapy for metastatic breast cancer": what it was for
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
_EITHER_OPENS = re.compile(r"\beither\s*$", I)
_HOW_MEASURED = re.compile(r"\b(?:calculated|measured|estimated)\s*(?:or|and/or|/)\s*(?:(?:calculated|measured|estimated)\b|$)", I)
_ANY_ORIGIN = re.compile(r"\b(?:either\s+)?de\s*novo\s*(?:,\s*)?(?:or|and/or|/)\s*secondary\b", I)
_PROOF_METHODS = re.compile(
    r"\b(?:histolog|cytolog|histopatholog|cytopatholog|patholog|morpholog)\w*+(?:\s*+(?:,|or|and/or|/)\s*+(?:histolog|cytolog|histopatholog|cytopatholog|patholog|morpholog)\w*+){1,3}",
    I,
)
_ANY_DONOR = re.compile(r"\b(?:sibling|related|family)\s*(?:,\s*)?(?:or|and/or|/)\s*(?:(?:HLA[\s-]?)?(?:matched|mismatched)\s+)?unrelated\b", I)
_ANOTHER_GROUP = re.compile(r"\band\s+(?:(?:any|all|other)\s+)?(?:those|patients?|subjects?|participants?|individuals?)\s+(?:with|who)\b", I)
# the disease a therapy is given for: "for", "for the prevention or treatment of", "to treat"
_FOR = re.compile(
    r"\s*(?:for|to\s+(?:treat|prevent)|for\s+(?:the\s+)?(?:prevention|prophylaxis|treatment|management|control)"
    r"(?:\s+(?:or|and|and/or)\s+(?:prevention|prophylaxis|treatment|management|control))?\s+of)\s*",
    I,
)
_TREATMENTS = frozenset({"hsct", "allo_hsct", "auto_hsct", "chemotherapy", "radiotherapy", "immunotherapy", "targeted_therapy", "car_t",
                         "immunosuppressant_therapy", "steroid_therapy"})
_INDICATIONS = DIAGNOSIS_CONCEPTS | {"gvhd"}
_WASHOUT_INDICATIONS = _INDICATIONS | {"leptomeningeal_disease", "brain_metastases", "cns_involvement"}
CATEGORIES = _TREATMENTS | {"anticancer_therapy", "investigational_agent", "systemic_therapy"}
_BARE_OR = re.compile(r"\s*,?\s*(?:or|and/or|/)\s*", I)
_NAMED_THERAPIES = CATEGORIES | {"named_medication", "hormone_therapy", "hydroxyurea", "car_nk"}


def plain_therapy(item: Item) -> bool:
    """A therapy named as given (no count, bound or negation of its own: "more than one systemic
    treatment" is read already), which a clause that has not received it negates."""
    def plain(e: Expr) -> bool:
        if isinstance(e, Predicate):
            return e.op in (Op.PRESENT, Op.IS)
        if isinstance(e, (All, Any_)):
            return all(plain(p) for p in e.parts)
        return isinstance(e, Review)
    return item.expr is not None and bool(item.concepts & _NAMED_THERAPIES) and plain(item.expr)


def indications(exprs: list[Item], text: str, washouts: bool = False) -> list[Item]:
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


def category_window(exprs: list[Item], text: str) -> list[Item]:
    """"anticancer therapy (chemotherapy, immunotherapy, radiotherapy) within 2 weeks": the
    bracket lists the kinds of the treatment before it, and the recency they share is the
    treatment's as well."""
    out = list(exprs)
    for k, it in enumerate(out[:-1]):
        e = it.expr
        if not (isinstance(e, Predicate) and e.op is Op.PRESENT and e.concept in CATEGORIES and _OPEN_BRACKET.fullmatch(text[it.end: out[k + 1].start])):
            continue
        close = text.find(")", it.end)
        members = [p for m in out[k + 1:] if close < 0 or m.start < close for p in predicates(m.expr)]
        windows = {m.window for m in members if m.op is Op.WITHIN}
        if members and len(windows) == 1 and all(m.op is Op.WITHIN for m in members):
            out[k] = Item(it.start, it.end, Predicate(e.concept, Op.WITHIN, window=windows.pop()), it.concepts)
    return out


# adjectives of degree or course joined by "or" before one noun ("Severe or persistent active
# infections", "Significant and/or uncontrolled cardiac disease"): the "or" is inside the noun's
# phrase (criteria-shapes: "or" joins alternatives only between subjects), so the first adjective
# qualifies the noun the second stands before, never an alternative of its own (read as one, an
# exclusion with no record of the noun was left unknown instead of not met)
_DEGREE = (
    r"(?:other|any|known|severe|serious|mild|moderate|(?:clinically\s+)?significant|uncontrolled|uncontrollable|persistent|chronic|acute|"
    r"active|symptomatic|unstable|poorly\s+controlled|life[\s-]threatening|concurrent|concomitant|ongoing|systemic|"
    # the course words before them ("Known pre-existing clinically significant or uncontrolled
    # disorder of ...", "Symptomatic and/or unstable pre-existing brain metastases"); never
    # "current", which joined by "or" names the state itself ("No uncontrolled or current infection")
    r"pre-?existing|existing)"
)
DEGREE_ONLY = re.compile(
    rf"\W*(?:no\s+|without\s+)?(?:(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+)?(?:currently\s+)?(?:with|who\s+(?:has|have)|has|have|exhibits?|suffers?\s+from)\s+)?(?:(?:a\s+)?(?:history|presence|evidence)\s+of\s+)?"
    rf"(?:{_DEGREE}\W+)*{_DEGREE}\W*", I
)
# after the "or", a word of the noun's course may stand for the second degree ("No unstable or
# uncompensated hepatic disease", "Symptomatic or untreated brain metastases", "Serious or
# non-healing wound"): still two qualifiers of the one noun
_COURSE = r"(?:untreated|unresolved|progressive|progressing|uncompensated|decompensated|non-?healing|unhealed|new(?:ly)?[\s-](?:onset|diagnosed))"
DEGREE_JOIN = re.compile(rf"\s*(?:or|and/or|/)\s*(?:(?:{_DEGREE}|{_COURSE})\W+)*", I)
DEGREE_COMMA = re.compile(rf"\b{_DEGREE},(?=\s+{_DEGREE}\b)", I)
_DEGREE_AND = re.compile(rf"\b({_DEGREE})\s+and\s+(?={_DEGREE}\b)", I)
DEGREE = _DEGREE  # (the degree and course words, for ``qualifier_and``)
