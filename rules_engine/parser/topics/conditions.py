"""The conditions non-cancer trials are for: "Diagnosis of type 2 diabetes mellitus", "Patients
with COPD GOLD stage 2-3", "Moderate to severe asthma", and the same names in an exclusion.

A registry's non-cancer trial opens with the condition it studies, and a hospital codes that
condition (codes.toml holds each concept's ICD-10-CM set). Under the contract a diagnosis absent
from the record is absent, so the line is decided: met for a patient coded with it, not met for
everyone else (and so a gate: rules_engine.gates).

How a name is read:

* in an exclusion, wherever it stands (as the history table reads "diabetes" or "stroke");
* in an inclusion, only where the line asks for it: the words before it in its list segment are
  lead words ("Documented diagnosis of", "Adults with", "History of", "No") and the clause grants
  or conditions nothing ("patients with diabetes are eligible if ...", "diabetes is allowed"). A
  name in any other role stays unread, so its words leave the line to review.

What narrows the name is never dropped silently (the safety rule): a duration ("for at least 6
months", "diagnosed >= 1 year before screening"), a stage or severity class ("stage 3 or 4",
"GOLD 2-3", "Hoehn and Yahr stage <= 3") written right after the name become a ``Qualifier`` of
the item, ``All(condition, review)``: a
patient without the condition still fails the inclusion, one with it is left to review. Words
the residue policy sees anyway ("moderate to severe", "uncontrolled") are left to it.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import CriterionType, Expr, Op, ReviewReason
from rules_engine.parser.items import NEGATED, I, Item, all_of, any_of, predicate
from rules_engine.parser.word_gates import WordGates

try:
    from rules_engine.parser.safety import Qualifier
except ImportError:  # pragma: no cover - before the safety pass exists, a plain review
    from rules_engine.criteria import Review as Qualifier  # type: ignore[assignment]


# "diabetic" names the disease only as its patients ("diabetic patients"); before another condition
# ("diabetic neuropathy") it is that condition's kind, which the line asks about, not diabetes alone
_DM = r"diabetes(?:\s+mellitus)?(?!\s+insipidus)|diabetic(?=\s+(?:patients?|subjects?|participants?|adults?|individuals?|persons?|men|women)\b)"

# (concept, pattern, words one of which the line must hold for the pattern to be tried). Order
# matters: a narrower name is read before a wider one that would take its words.
_CONDITIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("diabetes", rf"type\s*(?:1|I|one)\s*(?:,|/|or|and|and/or)\s*(?:type\s*)?(?:2|II|two)\s+(?:{_DM})|type\s*(?:2|II|two)\s*(?:,|/|or|and|and/or)\s*(?:type\s*)?(?:1|I|one)\s+(?:{_DM})", ("type",)),
    ("type_2_diabetes", rf"type\s*(?:2|II|two)\s+(?:{_DM})|\bT2DM?\b|(?:non[\s-]*insulin[\s-]*dependent|adult[\s-]+onset)\s+diabetes(?:\s+mellitus)?|\bNIDDM\b", ("type", "t2d", "non", "niddm", "adult")),
    ("type_1_diabetes", rf"type\s*(?:1|I|one)\s+(?:{_DM})|\bT1DM?\b|(?<!non-)(?<!non )(?<!non)insulin[\s-]*dependent\s+diabetes(?:\s+mellitus)?|\bIDDM\b|juvenile[\s-]+onset\s+diabetes(?:\s+mellitus)?", ("type", "t1d", "insulin", "iddm", "juvenile")),
    ("diabetes", rf"(?<![-\w])(?:{_DM})(?![-\w])", ("diabet",)),
    ("copd", r"chronic\s+obstructive\s+(?:pulmonary|lung|airways?)\s+disease(?:\s*\(\s*COPD\s*\))?|\bCOPD\b|\bemphysema\b", ("chronic obstructive", "copd", "emphysema")),
    ("asthma", r"\basthma(?:tic)?\b(?!\s+attack)", ("asthma",)),
    ("depression", r"(?<!Hamilton )(?<!Beck )(?<!Asberg )(?<!Åsberg )(?<!Geriatric )(?<!Postnatal )(?:major\s+depressi(?:ve\s+disorder|ve\s+episode|on)(?:\s*\(\s*MDD\s*\))?|\bMDD\b|(?:unipolar|clinical|treatment[\s-]+resistant)\s+depression|depressive\s+(?:disorder|illness|episode)s?"
     # the mood disorder, not a depressed function ("bone marrow depression", "ST depression")
     r"|(?<!marrow )(?<!respiratory )(?<!ST )(?<!segment )(?<!CNS )(?<!myocardial )(?<!immune )(?<![-\w])depression\b(?!\s+of\b))"
     # a rating scale named after it ("Hamilton Depression Rating Scale", "depression score") measures, it is no diagnosis
     r"(?!\s+(?:rating|scale|inventory|scores?|questionnaire|index|subscale|screening))", ("depressi", "mdd")),
    ("bipolar_disorder", r"bipolar\s+(?:(?:I{1,2}|1|2)\s+)?(?:affective\s+)?(?:disorder|disease|depression)", ("bipolar",)),
    ("schizophrenia", r"\bschizophreni(?:a|c\s+disorder)\b", ("schizophreni",)),
    ("psoriatic_arthritis", r"psoriatic\s+arthritis", ("psoriatic",)),
    ("rheumatoid_arthritis", r"rheumatoid\s+arthritis", ("rheumatoid",)),
    ("psoriasis", r"psoriasis", ("psoriasis",)),
    ("sle", r"systemic\s+lupus\s+erythematos[ui]s(?:\s*\(\s*SLE\s*\))?|\bSLE\b|lupus\s+nephritis", ("lupus", "sle")),
    ("multiple_sclerosis", r"multiple\s+sclerosis", ("sclerosis",)),
    ("crohn_disease", r"crohn'?s?(?:\s+disease)?", ("crohn",)),
    ("ulcerative_colitis", r"ulcerative\s+colitis", ("ulcerative",)),
    # dialysis is what the record's dependence on it (ICD-10-CM Z99.2) says ("Requirement for
    # hemodialysis or peritoneal dialysis", "Patients undergoing renal dialysis")
    ("end_stage_renal_disease", r"end[\s-]+stage\s+(?:renal|kidney)\s+(?:disease|failure)(?:\s*\(\s*ES[RK]D\s*\))?|\bES[RK]D\b"
     r"|(?<![-\w])(?:(?:renal|kidney)\s+)?(?:hemo-?\s*(?:or|and/or|/)\s*(?:peritoneal\s+)?|hemo|peritoneal\s+)?dialysis\b(?![\s-]*(?:independent|free)\b)",
     ("end", "esrd", "eskd", "dialysis")),
    ("chronic_kidney_disease", r"chronic\s+(?:kidney|renal)\s+(?:disease|insufficiency|failure)(?!\s+epidemiology)(?:\s*\(\s*CKD\s*\))?|\bCKD\b(?![\s-]*EPI)", ("chronic kidney", "chronic renal", "ckd")),
    ("obesity", r"\bobes(?:e|ity)\b", ("obes",)),
    ("alzheimer_disease", r"alzheimer'?s?(?:\s+(?:disease|dementia|type))?(?:\s*\(\s*AD\s*\))?", ("alzheimer",)),
    ("dementia", r"\bdementias?\b|major\s+neurocognitive\s+disorder", ("dementia", "neurocognitive")),
    ("parkinson_disease", r"parkinson'?s?\s+disease(?:\s*\(\s*PD\s*\))?", ("parkinson",)),
    # a catecholamine-secreting tumour of the adrenal medulla, which lines excluding a drug that
    # raises the blood pressure or acts on dopamine name beside the seizure and Parkinson's disease
    # the stomach's resection ("prior total or partial gastrectomy", "history of gastrectomy")
    ("gastrectomy", r"\b(?:(?:total|partial|subtotal|sleeve)\s+(?:(?:or|and/or|/)\s+(?:total|partial|subtotal)\s+)?)?gastrectom(?:y|ies)\b", ("gastrectom",)),
    ("pheochromocytoma", r"\bph?a?eochromocytomas?\b", ("chromocytoma",)),
    ("atrial_fibrillation", r"atrial\s+(?:fibrillation|flutter)(?:\s*\(\s*AF\s*\))?|\bAFib\b", ("atrial", "afib")),
    # "No cardiac insufficiency requiring treatment", "Severe cardiac insufficiency (NYHA III or IV)":
    # the European name of heart failure (a patient on furosemide for it met the line's review only)
    ("heart_failure", r"(?:congestive\s+)?heart\s+failure(?:\s*\(\s*(?:CHF|HF)\s*\))?|\bCHF\b|\b(?:congestive\s+)?(?:cardiac|heart)\s+(?:insufficiency|failure)\b",
     ("heart failure", "chf", "cardiac insufficiency", "cardiac failure", "heart insufficiency")),
    # a subtype ("acute ischaemic", "haemorrhagic") is the residue's qualifier; TIA is the history table's
    ("stroke", r"\bstrokes?\b(?![\s-]+(?:unit|volume|index|scale|risk))|cerebr(?:o-?|al\s+)vascular\s+(?:accidents?|events?)(?:\s*\(\s*CVA\s*\))?|\bCVA\b",
     ("stroke", "cerebrovascular", "cerebro-vascular", "cerebral vascular", "cva")),
    ("hypertension", r"(?<!pulmonary )(?<!portal )(?<!intracranial )(?<!pulmonary arterial )(?<!ocular )(?<!intra-abdominal )(?<!gestational )(?:essential\s+|primary\s+|systemic\s+)?\bhypertension\b|high\s+blood\s+pressure", ("hypertension", "blood pressure")),
    ("osteoporosis", r"osteoporo(?:sis|tic)", ("osteoporo",)),
    # the inherited marrow failures (ICD-10-CM D61.0): the category by its names, and Fanconi
    # anaemia by its own (D61.03); a line naming one other syndrome asks for that one only
    ("fanconi_anemia", r"fanconi'?s?\s+(?:anemia|anaemia)", ("fanconi",)),
    # Diamond-Blackfan anaemia (D61.01) by its name or "DBA" in capitals ("Diagnosis of DBA"); never
    # what a therapy is for ("therapy specifically used for DBA within 28 days": read there, the
    # therapy's window became the disease's and every patient of the trial was left to a person)
    ("diamond_blackfan_anemia", r"(?<!\bfor\s)(?:diamond[\s-]+blackfan\s+(?:anemia|anaemia)(?:\s*\(\s*DBA\s*\))?|(?-i:\bDBA\b))", ("diamond", "dba")),
    ("inherited_marrow_failure", r"(?<!acquired\sor\s)(?<!acquired\sand/or\s)(?:inherited|congenital|constitutional|hereditary)\s+(?:bone\s+)?marrow\s+failure(?:\s+(?:syndromes?|disorders?|diseases?))?"
     r"|constitutional\s+aplastic\s+(?:anemia|anaemia)", ("marrow failure", "aplastic")),
    # the COG template's two syndromes by name ("Fanconi anemia, Kostmann syndrome, Shwachman
    # syndrome, or other bone marrow failure syndromes"), aplastic anaemia, and the family, acquired
    # or inherited, once a "syndrome" says it is one (never CLL's "evidence of progressive marrow
    # failure", a finding of the disease)
    ("shwachman_diamond_syndrome", r"shwachman(?:[\s-]+(?:bodian[\s-]+)?diamond)?'?s?\s+(?:syndrome|disease)(?:\s*\(\s*SDS\s*\))?", ("shwachman",)),
    ("congenital_neutropenia", r"kostmann'?s?\s+(?:syndrome|disease)|severe\s+congenital\s+neutropenia(?:\s*\(\s*SCN\s*\))?|congenital\s+agranulocytosis",
     ("kostmann", "congenital neutropenia", "agranulocytosis")),
    ("aplastic_anemia", r"(?<!constitutional\s)\baplastic\s+(?:anemia|anaemia)(?:\s*\(\s*S?AA\s*\))?", ("aplastic",)),
    ("marrow_failure", r"(?:\b(?:acquired|inherited|congenital)\s+(?:or|and/or|and)\s+(?:acquired|inherited|congenital)\s+|(?<!inherited\s)(?<!congenital\s)(?<!constitutional\s)(?<!hereditary\s)(?<!bone\s)\b)"
     r"(?:bone\s+)?marrow\s+failure\s+(?:syndromes?|disorders?|states?)", ("marrow failure",)),
    # "progressive multifocal leukoencephalopathy (PML)"; "PML" alone is also the APL fusion gene
    # ("PML-RARA", "PML/RARa"), so the letters are read only after the disease's words
    ("pml", r"progressive\s+multi-?focal\s+leu[ck]o-?encephalopathy(?:\s*\(\s*PML\s*\))?", ("multifocal", "multi-focal")),
    ("sickle_cell_disease", r"sickle[\s-]+cell\s+(?:disease|anaemia|anemia)(?:\s*\(\s*SCD\s*\))?", ("sickle",)),
    ("bph", r"benign\s+prostatic\s+(?:hyperplasia|hypertrophy|enlargement)(?:\s*\(\s*BPH\s*\))?|\bBPH\b", ("benign prostatic", "bph")),
    ("pcos", r"polycystic\s+ovar(?:y|ian)\s+(?:syndrome|disease)(?:\s*\(\s*PCOS\s*\))?|\bPCOS\b", ("polycystic", "pcos")),
    ("autism_spectrum_disorder", r"autism(?:\s+spectrum\s+disorders?)?(?:\s*\(\s*ASD\s*\))?|autistic\s+disorder", ("autis",)),
    ("migraine", r"\bmigraines?(?:\s+headaches?)?\b", ("migraine",)),
    ("hypothyroidism", r"\bhypothyroid(?:ism)?\b|(?:autoimmune|hashimoto'?s?|chronic\s+lymphocytic)\s+thyroiditis|hashimoto'?s?\s+(?:disease|thyroiditis)", ("hypothyroid", "thyroiditis", "hashimoto")),
    ("vitiligo", r"\bvitiligo\b", ("vitiligo",)),
    # listed among the other cancers a line excepts ("... carcinoma in situ, or cervical intraepithelial neoplasia")
    ("cervical_dysplasia", r"cervical\s+intraepithelial\s+neoplasias?(?:\s*\(\s*CIN\s*\))?|cervical\s+dysplasias?|\bCIN\s*(?:[1-2]|I{1,2})\b", ("intraepithelial", "dysplasia", "cin")),
    # "obligate use of a cardiac pacemaker": the device itself (a lead left unread would qualify the
    # names listed after it too, "... pacemaker or congenital long QT syndrome")
    ("cardiac_pacemaker", r"(?:(?:obligate|obligatory|current)\s+)?(?:(?:use|presence)\s+of\s+(?:an?\s+)?)?(?:(?:cardiac|permanent|implanted|implantable)\s+)?pacemakers?(?:\s+(?:in\s+place|implanted))?", ("pacemaker",)),
)


_CONDITION_RES = tuple((c, re.compile(p, I), gate) for c, p, gate in _CONDITIONS)
_CONDITION_LIVE = WordGates([gate for _c, _p, gate in _CONDITIONS])  # one search for every row's gate words (word_gates)


CONDITION_CONCEPTS = frozenset(c for c, _p, _g in _CONDITIONS)


# Words that only lead a condition an inclusion asks for: who the patients are, how the diagnosis
# is known, its course and severity (the residue policy reads severity as a qualifier where it is
# a word of its own; here it only must not stop the name being read).
_LEAD_WORDS = frozenset(
    """a an the with of have has had having must should be been is are was were being who which
    patients patient subjects subject participants participant adults adult adolescents adolescent
    children child pediatric paediatric men man women woman male female males females
    individuals individual persons person people volunteers outpatients inpatients ambulatory
    aged age years year old older elderly postmenopausal premenopausal perimenopausal hospitalized
    hospitalised symptomatic community-dwelling
    diagnosis diagnoses diagnosed diagnostic documented confirmed established definite definitive
    clinical clinically physician doctor investigator prior previous previously current currently
    known existing history evidence presence medical record records chart
    mild moderate moderately severe severely to and or chronic stable active primary idiopathic
    newly recently recent new onset persistent established uncontrolled controlled poorly
    inadequately well suboptimally physician-diagnosed doctor-diagnosed
    no not without free absence""".split()
)


# Words that make a name something other than the patient's condition of that kind: its cause or
# effect, someone else's, a risk of it ("pain due to multiple sclerosis", "family history of")
_NOT_A_KIND = frozenset(
    """due secondary caused associated related induced attributable risk family relatives relative mother
    father parents sibling siblings pain other than except non post pre prior without free""".split()
)


# A clause that grants or conditions rather than requires: the condition names who a permission
# or another requirement concerns ("patients with diabetes are eligible if HbA1c < 8%")
# ... or that the patients it names must meet something ("Subjects diagnosed with type 2 diabetes
# must have been diagnosed at least 6 months before"): a requirement of those patients only, which
# the line reader takes as a condition when the subject is named plainly; else left to review
_MUST_AFTER = re.compile(r"\b(?:must|should|shall|needs?\s+to|(?:is|are)\s+required\s+to|have\s+to|has\s+to)\b", I)


_GRANTS = re.compile(
    r"\b(?:allowed|permitted|eligible|acceptable|accepted|may|can|could|if|provided|unless|except|excluding|only\s+if|will\s+be|are\s+included|is\s+included)\b",
    I,
)


_SEGMENT_BREAK = re.compile(r"[,;:(\[]|\bor\b|\band\b|/", I)


_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


# What narrows a condition right after its name, every word of which the residue policy would take
# for a stop word: kept with the item as a qualifier, never dropped. A "class" is NYHA's, which
# the performance topic reads as a bound.
_DURATION = (
    r"(?:(?:for|of|since|over|during)\s+)?(?:(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|more\s+than|greater\s+than|longer\s+than|over|"
    r"≥|>=|>|≤|<=|<|less\s+than|no\s+more\s+than|up\s+to)\s*)?\d+(?:\.\d+)?\s*(?:(?:-|–|to)\s*\d+(?:\.\d+)?\s*)?(?:days?|weeks?|months?|years?|yrs?)\b"
    # counted back from a day ("<= 3 months prior to registration") it is a recency window, the
    # events topic's to read
    r"(?!\s+(?:prior|before|since|from|preceding|of\s+(?:screening|enrol|randomi|study|the|first|baseline)))(?:\s+duration)?"
)
_CLASS = (
    r"(?:(?:GOLD|KDIGO|CKD|Hoehn\s+(?:and|&)\s+Yahr|H\s*&\s*Y|ASA|CDR|FAST|WHO|Tanner)\s+)?(?:stages?|grades?|GOLD|category|categories|severity)"
    r"\s*(?:≥|>=|>|≤|<=|<|of)?\s*(?:[0-5][ab]|[0-5]|IV|I{1,3}[ab]?)(?:\s*(?:-|–|to|or|and|through|,)\s*(?:[0-5][ab]|[0-5]|IV|I{1,3}[ab]?)){0,3}"
    r"(?:\s+or\s+(?:higher|greater|more|above|worse|less|lower|below|better))?"
)
# ... or a minimum age of the diagnosis, counted back from a day ("diagnosed at least 6 months
# before screening"): the events topic would read that as "none within 6 months", which every
# patient without the condition meets
_OLDER_THAN = (
    r"(?:(?:diagnosed|diagnosis|onset)\s+)?(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|more\s+than|greater\s+than|longer\s+than|over|≥|>=|>)\s*"
    r"\d+(?:\.\d+)?\s*(?:days?|weeks?|months?|years?|yrs?)\s+(?:ago|earlier|before|prior\s+to|preceding)"
    r"(?:\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:screening|enrol(?:l)?ment|randomi[sz]ation|baseline|entry|visit(?:\s*1)?|consent|inclusion|registration|dose|day\s*1|study))?"
)
_QUALIFIER_AFTER = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?:" + _OLDER_THAN + r"|(?:with\s+(?:a\s+)?|diagnosed\s+|of\s+)?(?:(?:disease|symptom)\s+)?(?:duration\s+(?:of\s+)?)?"
    + _DURATION + r"|(?:in\s+|of\s+)?" + _CLASS + r")(?:\s*\))?",
    I,
)


def _words_before(text: str, start: int, read: Callable[[int, int], bool]) -> tuple[list[str], bool]:
    """The words of the clause before ``start`` that no item has read (``read(a, b)``: whether
    a span is already an item's), and whether ``start`` is in the clause's first list segment."""
    opens = _SEGMENT_BREAK.search(text, 0, start) is None
    return [m.group(0).lower() for m in _WORD.finditer(text, 0, start) if not read(m.start(), m.end())], opens


# An example or a definition of something else the line names ("No neuropathy (e.g., diabetic
# neuropathy)", "chronic conditions (i.e., hypertension, diabetes)"): its names are members of a
# group, alternatives; joined as an inclusion's requirements they would narrow what it asks
_EXAMPLES = re.compile(r"\b(?:e\.?\s?g|i\.?\s?e|such\s+as|including|includes|like|especially|particularly|namely|defined\s+as)\b", I)


def _asked(text: str, start: int, read: Callable[[int, int], bool]) -> bool:
    """Whether an inclusion asks for the condition named at ``start`` (see the module's doc).
    Under a negation ("No Crohn's disease") only a name that opens the clause and stands alone
    is read: names listed with others would join them as further conditions of what the line
    rules out, and so narrow it."""
    words, opens = _words_before(text, start, read)
    modifiers = 0  # words of the name's own kind just before it ("relapsing remitting", "plaque"): the residue's qualifiers
    while modifiers < 3 and len(words) > modifiers and words[-1 - modifiers] not in _LEAD_WORDS and words[-1 - modifiers] not in _NOT_A_KIND:
        modifiers += 1
    if any(w not in _LEAD_WORDS for w in words[: len(words) - modifiers]) or _EXAMPLES.search(text, 0, start):
        return False
    if NEGATED.match(text):  # "No dementia, active psychiatric disorder, or ...": read alone only
        return opens and not _LIST_AFTER.search(text, start)
    return True


# a list going on after a name ("dementia, active psychiatric disorder"): its comma joins the names
# as further conditions of one ruled-out subject, so a negated name followed by one is not read
_LIST_AFTER = re.compile(r"[,;]|\band\b", I)


# Words before an asked-for name that say how the diagnosis is known, never which patients have
# it ("clinically definite multiple sclerosis", "physician-diagnosed asthma"): the record's coded
# diagnosis is the evidence (contract section 4), so they join the item instead of the residue
_METHOD_BEFORE = re.compile(
    r"(?:(?:clinically|medically|histologically|radiologically)\s+)?(?:definite|definitive|established|confirmed|documented|proven|verified)\s+$"
    r"|(?:physician|doctor|clinician)[\s-]+(?:diagnosed|confirmed|documented)\s+$",
    I,
)


def condition_items(text: str, ctype: CriterionType, free: Callable[[int, int], bool]) -> list[Item]:
    """Items for the conditions of ``_CONDITIONS`` (see the module's doc)."""
    low = text.lower()
    items: list[Item] = []
    inclusion = CriterionType(ctype) is CriterionType.INCLUSION
    if inclusion and _GRANTS.search(text):
        return items

    def open_span(a: int, b: int) -> bool:
        return free(a, b) and all(b <= it.start or a >= it.end for it in items)

    def read(a: int, b: int) -> bool:
        return not open_span(a, b)

    found: list[tuple[str, re.Match[str]]] = []
    for concept, pattern, _gate in (_CONDITION_RES[k] for k in _CONDITION_LIVE.live(low)):
        found += [(concept, m) for m in pattern.finditer(text) if all(m.end() <= f.start() or m.start() >= f.end() for _c, f in found)]
    for concept, m in sorted(found, key=lambda cm: cm[1].start()):  # in line order: a name read joins the lead of the next
        if not open_span(m.start(), m.end()):
            continue
        if inclusion and not _asked(text, m.start(), read):
            continue
        if inclusion and _MUST_AFTER.search(text, m.end()):
            # the patients a requirement concerns, not a requirement: claimed unread, so no other
            # topic takes the name for one ("diagnosed with type 2 diabetes must have been ...")
            items.append(Item(m.start(), m.end(), None, frozenset()))
            continue
        if _EXAMPLES.search(text, 0, m.start()):  # "autoimmune disease, such as psoriasis and RA": among the thing named
            continue
        expr: Expr = predicate(concept, Op.PRESENT)
        start, end = m.start(), m.end()
        method = _METHOD_BEFORE.search(text, max(0, start - 50), start) if inclusion else None
        if method is not None and open_span(method.start(), start):
            start = method.start()
        after = _QUALIFIER_AFTER.match(text, end)
        if after is not None and after.end() > end and open_span(start, after.end()):
            expr = all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, " ".join(text[m.start(): after.end()].split()))])
            end = after.end()
        items.append(Item(start, end, expr, frozenset({concept})))
    return _joined(text, items)


def not_since_misread(concept: str, op: Op, ctype: CriterionType) -> bool:
    """Whether a window "at least N months before" read on a condition an inclusion asks for
    would be a misreading: ``NOT_WITHIN`` ("none within N months", as for prior therapy) is met
    by every patient without the condition, while the line asks for the condition, of some age
    ("ESRD on dialysis for a minimum of 16 weeks"). The window then qualifies the item
    (``qualify_since``)."""
    return op is Op.NOT_WITHIN and CriterionType(ctype) is CriterionType.INCLUSION and concept in CONDITION_CONCEPTS


def qualify_since(item: Item, start: int, end: int, text: str) -> None:
    """The condition of ``item`` with the window at ``start:end`` kept as its qualifier (never
    dropped: its words alone would all be stop words to the residue policy). The item's span is
    left as it is, so any words between the two stay the residue's to read."""
    assert item.expr is not None
    item.expr = all_of([item.expr, Qualifier(ReviewReason.AMBIGUOUS, " ".join(text[start:end].split()))])


# names joined only by "or" ("COPD and/or asthma", "type 2 diabetes, hypertension, or obesity"):
# one alternative among them, so the list reads as one item and a requirement before it ("Adults
# with") holds for each
_OR_JOIN = re.compile(r"\s*(?:,\s*)?(?:or|and/or|/)\s*|\s*,\s*", I)


def _joined(text: str, items: list[Item]) -> list[Item]:
    out: list[Item] = []
    run: list[Item] = []

    def close() -> None:
        gaps = [text[a.end: b.start] for a, b in zip(run, run[1:])]
        if len(run) > 1 and any(re.search(r"\bor\b|/", g, I) for g in gaps):
            expr = any_of([it.expr for it in run if it.expr is not None])
            out.append(Item(run[0].start, run[-1].end, expr, frozenset().union(*(it.concepts for it in run))))
        else:
            out.extend(run)

    for item in items:
        if run and not _OR_JOIN.fullmatch(text[run[-1].end: item.start]):
            close()
            run = []
        run.append(item)
    close()
    return out
