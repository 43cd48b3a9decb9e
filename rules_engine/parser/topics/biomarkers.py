"""The tumour's genomic and protein biomarkers: "EGFR mutation", "ALK-rearranged", "KRAS G12C",
"wild-type EGFR/ALK", "HER2-positive", "ER and/or PR positive", "triple negative", "PD-L1 TPS >=
50%", "FLT3-ITD", "Ph+".

Each marker is a result (``concepts``: qualitative, an untested marker unknown), asked
``positive`` or ``negative``. What narrows a marker and has no concept ("sensitizing", "G719X",
"germline", "by FISH") is kept beside it as a ``Qualifier``: a tested-negative patient is still
decided, a positive one goes to review, never met on a guess. What only asks for a test to exist
("EGFR mutation status", "tissue for PD-L1 testing", "known HER2 status") names no result and is
not read here.

A list of genes shares the word after it ("EGFR, ALK or ROS1 alterations", "EGFR/ALK wild-type"):
positive results are alternatives (all of them in an inclusion joined by "and"), negative ones
are each required. Gene symbols are matched as written (upper case): "eGFR" is the kidney's
filtration rate, "PR" a partial response or an ECG interval unless a result follows it.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, ReviewReason
from rules_engine.parser.items import OPS, Item, all_of, any_of, number, predicate
from rules_engine.parser.safety import Qualifier
from rules_engine.parser.topics.events import other_than_spans
from rules_engine.parser.word_gates import any_word

# gene or marker spelling -> (concept of its alteration, the alteration it is: mutation / fusion / status)
_GENES: dict[str, tuple[str, str]] = {
    "EGFR": ("egfr_mutation", "mutation"),
    "ALK": ("alk_rearrangement", "fusion"),
    "ROS1": ("ros1_rearrangement", "fusion"),
    "RET": ("ret_rearrangement", "fusion"),
    "NTRK": ("ntrk_fusion", "fusion"),
    "BRAF": ("braf_mutation", "mutation"),
    "KRAS": ("kras_mutation", "mutation"),
    "NRAS": ("nras_mutation", "mutation"),
    "ERBB2": ("her2_mutation", "mutation"),
    "BRCA1": ("brca1_mutation", "mutation"),
    "BRCA2": ("brca2_mutation", "mutation"),
    "PIK3CA": ("pik3ca_mutation", "mutation"),
    "TP53": ("tp53_mutation", "mutation"),
    "FLT3": ("flt3_mutation", "mutation"),
    "NPM1": ("npm1_mutation", "mutation"),
    "IDH1": ("idh1_mutation", "mutation"),
    "IDH2": ("idh2_mutation", "mutation"),
    "KMT2A": ("kmt2a_rearrangement", "fusion"),
    "BCR-ABL1": ("bcr_abl1", "fusion"),
    # ABL1's own sequence variants, and those of its kinase domain ("Abl-kinase mutation", "ABL
    # kinase domain mutation", "BCR-ABL kinase domain mutation"): the mutations BCR-ABL1
    # acquires under a tyrosine kinase inhibitor, no fusion
    "ABL1": ("abl1_mutation", "mutation"),
    "ABL1-KD": ("abl1_kinase_domain_mutation", "mutation"),
}
# spellings that stand for more than one gene: each of them
_GROUPS: dict[str, tuple[str, ...]] = {
    "RAS": ("KRAS", "NRAS"),
    "BRCA": ("BRCA1", "BRCA2"),
    "BRCA1/2": ("BRCA1", "BRCA2"),
    "IDH": ("IDH1", "IDH2"),
    "IDH1/2": ("IDH1", "IDH2"),
    "K/NRAS": ("KRAS", "NRAS"),
}
_GENE = (
    r"(?:EGFR|ALK|ROS[\s-]?1|RET|NTRK[123]?|BRAF|K-?RAS|Kras|K-ras|N-?RAS|RAS|ERBB2|ErbB2|gBRCA\s?[12]?|BRCA\s?[12]?(?:/2)?|PIK3CA|TP53|"
    r"FLT[\s-]?3|NPM[\s-]?1|IDH[12]?(?:/2)?|KMT2A|MLL|(?:BCR[\s/:-]{0,2})?(?:ABL|Abl|abl)1?[\s-]+(?:tyrosine[\s-]+)?kinase(?:[\s-]+domain)?(?:\s*\(\s*KD\s*\))?|BCR[\s/:-]{0,2}ABL1?|ABL1?|K/NRAS|EML4[\s-]ALK)"
)
_GENE_RE = re.compile(rf"(?<![\w-])(?P<gene>{_GENE})(?![\w])")


def _canonical(gene: str) -> tuple[str, ...]:
    g = re.sub(r"[\s-]", "", gene).upper().replace("GBRCA", "BRCA").replace("EML4ALK", "ALK")
    if "KINASE" in g:
        return ("ABL1-KD",)
    if g in ("ABL", "ABL1"):
        return ("ABL1",)
    if g.startswith("BCR"):
        return ("BCR-ABL1",)
    if g == "MLL":
        return ("KMT2A",)
    return _GROUPS.get(g, (g,))


_T315I = r"T\s?315\s?I"
# the variants that are concepts of their own, by gene; the name a registry writes
_VARIANTS: tuple[tuple[str, str, str], ...] = (
    ("EGFR", "egfr_exon19_deletion", r"(?:exon|ex)[\s-]?19[\s-]*(?:deletions?|del\w*)|(?:19|Ex)[\s-]?del(?:etion)?(?:\s*19)?|del(?:etion)?[\s-]?(?:ex(?:on)?[\s-]?)?19"),
    ("EGFR", "egfr_l858r", r"(?:exon\s*21\s*)?L\s?858\s?R"),
    ("EGFR", "egfr_t790m", r"T\s?790\s?M"),
    ("EGFR", "egfr_exon20_insertion", r"(?:exon|ex)[\s-]?20[\s-]*(?:insertions?|ins\b)|ex20ins"),
    ("BRAF", "braf_v600e", r"V600E"),
    ("BRAF", "braf_v600", r"V600(?![\w/])"),
    ("KRAS", "kras_g12c", r"(?:p\.)?G12C"),
    ("FLT3", "flt3_itd", r"ITD|internal\s+tandem\s+duplications?"),
    # T315I, ABL1's gatekeeper mutation, however the line names the gene ("BCR-ABL T315I mutation")
    ("ABL1", "abl1_t315i", _T315I),
    ("ABL1-KD", "abl1_t315i", _T315I),
    ("BCR-ABL1", "abl1_t315i", _T315I),
)
_VARIANT_RE = {
    concept: re.compile(rf"(?<![\w]){pattern}(?![\w])", re.I) for _, concept, pattern in dict.fromkeys(_VARIANTS)
}
# a variant or region without a concept of its own: the marker it narrows goes to review
_OTHER_VARIANT = re.compile(r"(?<![\w])(?:[A-Z]\d{2,4}(?:[A-Z*]|X|fs)?|exons?\s*\d{1,2}(?:\s*(?:-|and|or|/)\s*\d{1,2})?|codons?\s*\d{1,3}|TKD|D835\w?)(?![\w])", re.I)

# what the registry says was found, or not
_POSITIVE_WORD = (
    r"(?i:mutations?|mutated|mutant|mutational|alterations?|altered|aberrations?|variants?|rearrangements?|rearranged|fusions?|"
    r"translocations?|amplifications?|amplified|over-?expression|over-?expressing|positiv\w*|\(\+\)|\+(?![\w])|driven)"
)
_NEGATIVE_WORD = r"(?i:wild[\s-]?type|wildtype|WT|wt|negativ\w*|\(-\)|-(?=\s|$|[,;.)])|non-?mutated|unmutated|un-?rearranged)"
_NARROWING = (
    r"(?:sensiti[sz]ing|activating|common|uncommon|rare|classical|classic|atypical|resistan\w*|acquired|germline|somatic|"
    r"deleterious|pathogenic|actionable|targetable|oncogenic|TKI[\s-]sensitive|EGFR[\s-]TKI[\s-]sensitive|sensitive|"
    r"point|compound|concomitant|co-?occurring|high[\s-]level|focal)"
)
_VARIANT_WORD = r"[A-Z]\s?\d{2,4}\s?[A-Z*]|exon[\s-]?\d{1,2}[\s-]*(?:deletions?|insertions?|skipping)|ITD"
_SAY = r"(?:harbou?r(?:s|ing)?|carr(?:y|ies|ying)|an?|the|presence\s+of)"
_GAP = re.compile(r"[\s-]*(?:\(\s*[A-Z0-9/-]{1,10}\s*\)[\s-]*)?(?:(?:gene|genes|oncogene|status|driver)\s*)?", re.I)
_RESULT_AFTER = re.compile(
    rf"(?P<narrow>(?:[\s-]{{0,3}}{_NARROWING}){{0,4}})(?P<mid>(?:[\s-]{{0,3}}(?:[A-Z]\d{{2,4}}[A-Z*]?|exon[\s-]?\d{{1,2}}[\s-]*(?:deletions?|insertions?|skipping|del|ins)?|"
    rf"ex(?:on)?\d{{2}}\w*|\d{{2}}[\s-]?del|del[\s-]?\d{{2}}|ITD|TKD|L\s?858\s?R|T\s?790\s?M|(?:p\.)?G12C|V600[EKDR/]{{0,4}}|R132\w?|R140\w?|R172\w?)(?:\s*(?:,|/|or|and|and/or|\+)\s*(?=[A-Z\d]))?){{0,4}})"
    rf"(?:[\s-]*(?:gene|genes|oncogene))?[\s-]*(?:(?P<neg>{_NEGATIVE_WORD})|(?P<pos>{_POSITIVE_WORD})(?:[\s-]*(?P<neg2>negativ\w*|\(-\))|[\s-]*(?:positiv\w*|\(\+\)))?)",
)
# "wild-type EGFR", "mutations in EGFR", "activating mutations of EGFR and ALK"
_RESULT_BEFORE = re.compile(
    rf"(?P<say>(?:{_SAY}\s{{1,3}}){{0,3}})(?P<vmid>(?:{_VARIANT_WORD})\s+)?(?:(?P<neg>wild[\s-]?type|wildtype|non-?mutated)|(?P<narrow>(?:{_NARROWING}\s{{1,3}}){{0,3}})(?P<pos>mutations?|alterations?|rearrangements?|fusions?|translocations?|amplifications?|over-?expression|positive\s+for|negative\s+for|harbou?ring|carrying)"
    r"(?:\s+(?:in|of|for|involving))?)\s+(?:the\s+)?$",  # "rearrangement involving the MLL gene"
    re.I,
)
# lead words before a marker that add nothing to it ("harboring an activating EGFR mutation")
_LEAD = re.compile(rf"(?:\b(?:{_SAY}|{_NARROWING})\s{{1,3}}){{1,4}}$", re.I)
# only a test asked for: no result
_TEST_AFTER = re.compile(
    r"[\s-]*(?:status|test\w*|analys[ie]s|assays?|assessment|evaluation|results?|reports?|determination|screening|profil\w*|sequencing|detection|"
    r"expression\s+(?:test\w*|analys[ie]s|assessment|evaluation|status)|positivity\s+(?:test|status)|inhibit\w*|TKIs?|targeted|directed|antibod\w*)\b",
    re.I,
)
_TEST_BEFORE = re.compile(
    r"\b(?:test(?:ed|ing|s)?|analys[ie]s|analy[sz]ed|assess(?:ed|ment)?|evaluat\w*|determin\w*|screen\w*|detect\w*|unknown)\s+(?:for|of)\s+(?:the\s+)?(?:[\w/-]+\s+){0,3}$"
    r"|\b(?:determine|test|assess|evaluate|detect|analy[sz]e|confirm\s+the\s+presence\s+or\s+absence\s+of)\s+(?:the\s+)?(?:[\w/-]+\s+){0,2}$"
    r"|\bunknown\s+$|\banti-?\s*$",
    re.I,
)
_UNKNOWN_AFTER = re.compile(r"\s*(?:status\s+)?(?:is\s+)?(?:unknown|not\s+(?:known|tested|available)|pending)", re.I)


def _marker(gene: str, word: str) -> tuple[str, bool]:
    """The concept a word says of a gene, and whether it says exactly that (an "ALK mutation"
    is most likely the rearrangement, but only a person can say)."""
    concept, kind = _GENES[gene]
    low = word.lower()
    if kind == "fusion":
        exact = not re.match(r"mutat|amplif|over", low)
    else:
        exact = not re.match(r"rearrang|fusion|transloc|amplif|over", low)
    return concept, exact


def _gene_items(text: str, ctype: CriterionType) -> list[Item]:
    items: list[Item] = []
    matches = list(_GENE_RE.finditer(text))
    k = 0
    while k < len(matches):
        # a run of genes joined by "/", ",", "or", "and": one list sharing the word after it
        run = [matches[k]]
        seen = set(_canonical(matches[k].group("gene")))
        while k + 1 < len(matches) and re.fullmatch(_RUN_JOIN, text[run[-1].end(): matches[k + 1].start()], re.I):
            nxt = set(_canonical(matches[k + 1].group("gene")))
            if nxt & seen:  # "EGFR, EGFR exon 20 insertions": a second item of the same gene
                break
            k += 1
            seen |= nxt
            run.append(matches[k])
        k += 1
        start, end = run[0].start(), run[-1].end()
        window = text[max(0, start - 80): start]
        gap = _GAP.match(text, end)
        after = _RESULT_AFTER.match(text, gap.end() if gap else end)
        lead = _RESULT_BEFORE.search(window)
        if after is not None and not (after.group("neg") or after.group("pos")) and not _NAMED_ONLY.search(after.group("mid")):
            after = None  # a variant named alone is the finding ("KRAS G12C"); other words are not
        if after is None and lead is None:
            continue
        if after is not None and (_TEST_AFTER.match(text, after.end()) or _UNKNOWN_AFTER.match(text, after.end())):
            continue
        if after is None and (_TEST_AFTER.match(text, end) or _UNKNOWN_AFTER.match(text, end)):
            continue
        if _TEST_BEFORE.search(window) or _UNKNOWN_AFTER.match(text, end):
            continue
        joins = " ".join(text[a.end(): b.start()] for a, b in zip(run, run[1:]))
        genes = [g for m in run for g in _canonical(m.group("gene"))]
        if after is not None:
            negative = bool(after.group("neg") or after.group("neg2"))
            word = after.group("neg") or after.group("pos") or "mutation"
            narrow, mid, stop = after.group("narrow").strip(" -"), after.group("mid"), after.end()
            begin = start
            # ("T315I/A Abl-kinase mutation": the variant before the gene, whose last letter is no
            # lead article)
            pre = _LEAD.search(window) if _VARIANT_BEFORE.search(text[max(0, start - 20): start]) is None else None
            if pre is not None:  # "an activating EGFR mutation": the words before narrow it too
                found = " ".join(re.findall(_NARROWING, pre.group(0), re.I))
                narrow = (found + " " + narrow).strip()
                begin = start - len(window) + pre.start()
            before = _VARIANT_BEFORE.search(text[max(0, begin - 20): begin])
            if before is not None:  # "T790M EGFR mutation"
                mid = before.group(1) + " " + mid
                begin -= len(text[max(0, begin - 20): begin]) - before.start()
        else:
            assert lead is not None
            negative = bool(lead.group("neg"))
            word = lead.group("neg") or lead.group("pos")
            narrow, mid, stop = (lead.group("narrow") or "").strip(), lead.group("vmid") or "", end
            begin = start - len(window) + lead.start()
            noun = re.match(r"\s+genes?\b", text[stop: stop + 8], re.I)
            if noun is not None:  # "rearrangement involving the MLL gene": the noun is the marker's
                stop += noun.end()
        expr = _result(genes, word, negative, narrow, mid, text[start:stop], ctype, bool(re.search(r"\band\b(?!/)", joins, re.I)))
        if expr is not None:
            items.append(Item(begin, stop, expr, frozenset(_GENES[g][0] for g in genes)))
    return items


_RUN_JOIN = r"\s*(?:/|,|&|\+|or|and|and/or|,\s*or|,\s*and|,\s*and/or)\s*(?:the\s+)?"
# the variants that make a finding on their own
_NAMED_ONLY = re.compile(r"(?:exon|ex)[\s-]?(?:19|20)[\s-]*(?:deletions?|insertions?|del|ins)|L\s?858\s?R|T\s?790\s?M|G12C|V600E?|ITD", re.I)
_VARIANT_BEFORE = re.compile(r"\b(T\s?790\s?M|L\s?858\s?R|V600E?|G12C|T\s?315\s?I(?:\s*/\s*A)?)\s+$")
# "T315I/A": two changes of one codon written as one ("T315I or T315A")
_SHORTHAND = re.compile(r"\b([A-Z]\d{2,4})([A-Z])\s*/\s*([A-Z])(?![\w])")


def _result(genes: list[str], word: str, negative: bool, narrow: str, mid: str, span: str, ctype: CriterionType, joined_by_and: bool) -> Expr | None:
    parts: list[Expr] = []
    mid = _SHORTHAND.sub(r"\1\2 or \1\3", mid)
    for gene in dict.fromkeys(genes):
        concept, exact = _marker(gene, word)
        named = [c for g, c, _ in _VARIANTS if g == gene and _VARIANT_RE[c].search(mid)]
        unnamed = bool(_unnamed_variants(mid, named))
        if negative:
            if narrow or unnamed or not exact:
                return None  # "negative for sensitizing mutations": a person reads which
            parts += [predicate(c, Op.IS, "negative") for c in named] or [predicate(concept, Op.IS, "negative")]
            continue
        found: Expr = any_of([predicate(c, Op.IS, "positive") for c in named]) if named else predicate(concept, Op.IS, "positive")
        if narrow and gene == "EGFR" and not named and re.fullmatch(r"(?:sensiti[sz]ing|sensitive|(?:EGFR[\s-])?TKI[\s-]sensitive|activating|common|classic(?:al)?)", narrow, re.I):
            # the sensitizing EGFR mutations: exon 19 deletions and L858R, or another one a person names
            found = any_of([
                predicate("egfr_exon19_deletion", Op.IS, "positive"),
                predicate("egfr_l858r", Op.IS, "positive"),
                all_of([found, Qualifier(ReviewReason.AMBIGUOUS, f"{narrow} {gene} mutation")]),
            ])
        elif named and unnamed and not narrow:
            # "T315I or T315A": each named variant decides, an unnamed one is the gene's with a
            # person's word on which (read all at once, a T315I on record went to review)
            others = _unnamed_variants(mid, named)
            found = any_of([found, all_of([predicate(concept, Op.IS, "positive"), Qualifier(ReviewReason.AMBIGUOUS, f"{gene.removesuffix('-KD')} {others}")])])
        elif narrow or unnamed or (not exact and not named):
            found = all_of([found, Qualifier(ReviewReason.AMBIGUOUS, " ".join(span.split()))])
        parts.append(found)
    if not parts:
        return None
    if negative or (joined_by_and and ctype is CriterionType.INCLUSION):
        return all_of(parts)
    return any_of(parts)


def _unnamed_variants(mid: str, named: list[str]) -> str:
    """The words of a variant list that name no concept of their own."""
    rest = mid
    for c in named:
        rest = _VARIANT_RE[c].sub(" ", rest)
    found = _OTHER_VARIANT.findall(rest)
    return " ".join(found)


# -- protein markers -----------------------------------------------------------------------

_POS = r"(?:positive|\(\+\)|\+(?![\w+])|3\+)"
_NEG = r"(?:negativ\w*|\(-\)|(?<=[\w)])-(?=\s|$|[,;.)/]))"
_HER2 = r"(?:HER[\s-]?2(?:/neu|[\s-]?neu)?(?:\s*\(\s*ERBB2\s*\))?|ERBB2|ErbB2|human\s+epidermal\s+growth\s+factor\s+receptor\s+2(?:\s*\(\s*HER[\s-]?2(?:/neu)?\s*\))?)"
_HER2_STATUS = re.compile(
    rf"(?<![\w-])(?:{_HER2})[\s-]*(?:(?:gene|receptor|protein)\s+)?(?:(?P<pos>{_POS}|over-?expression|over-?expressing|over-?expressed|amplifi\w+)|(?P<neg>{_NEG}|non-?amplified))"
    rf"|(?:(?P<pos2>(?i:over-?expression|amplification)\s+of|(?i:over-?express(?:es|ing)?))\s+(?:the\s+)?(?:{_HER2}))",
)
_HER2_MUTATION = re.compile(rf"(?<![\w-])(?:{_HER2})[\s-]*(?:gene\s+)?(?:exon\s*20\s+(?:insertion\s+)?)?(?:mutations?|mutant|mutated)(?![\w])")
_ER = r"(?:ER|(?i:o?estrogen(?:[\s-]receptors?)?)(?:\s*\(\s*ER\s*\))?)"
_PR = r"(?:PR|PgR|PGR|(?i:progesterone(?:[\s-]receptors?)?)(?:\s*\(\s*(?:PR|PgR)\s*\))?)"
_HR = r"(?:HR|(?i:hormone[\s-]receptors?))"
_RECEPTOR = re.compile(
    rf"(?<![\w-])(?:(?P<er>{_ER})(?:\s*(?:and/or|/|and|or|,)\s*(?P<pr_also>{_PR}))?|(?P<pr>{_PR})|(?P<hr>{_HR}))"
    rf"[\s-]*(?:(?:status\s+)?(?:is\s+)?)?(?:(?P<pos>(?i:{_POS}))|(?P<neg>(?i:{_NEG})))(?:\s+(?i:receptors?))?"
)
_TRIPLE = re.compile(r"\btriple[\s-]negative(?:\s*\(\s*TNBC\s*\))?|\bTNBC\b", re.I)
_HR_HER2 = re.compile(r"(?<![\w-])(?:HR|ER)(?P<hr>[+-])\s*/\s*HER[\s-]?2(?P<her2>[+-])(?![\w])")

_PDL1 = r"(?:PD[\s-]?L[\s-]?1|programmed\s+(?:cell\s+)?death[\s-]ligand[\s-]1(?:\s*\(\s*PD-?L1\s*\))?)"
_PDL1_STATUS = re.compile(rf"(?<![\w-]){_PDL1}[\s-]*(?:expression[\s-]*)?(?:(?:is|was)\s+)?(?:(?P<pos>{_POS}|strong(?:ly)?\s+express\w*|high)|(?P<neg>{_NEG}))(?![\w])", re.I)
_PDL1_SCORE = re.compile(
    rf"(?<![\w-]){_PDL1}(?:\s{{0,3}}(?:tumou?r\s+proportion\s+score|TPS|expression(?:\s+level)?|expression\s+on\s+tumou?r\s+cells|tumou?r\s+cell\s+expression|staining|score)){{0,3}}"
    r"(?:\s*\(\s*TPS\s*\))?\s*(?:of\s+|is\s+|in\s+)?(?P<op>≥|>=|>|≤|<=|<)\s*(?P<n>\d{1,3}(?:\.\d)?)\s*%"
    r"|(?<![\w-])(?:TPS|tumou?r\s+proportion\s+score)\s*(?P<op2>≥|>=|>|≤|<=|<)\s*(?P<n2>\d{1,3}(?:\.\d)?)\s*%"
    r"|(?<![\w-])(?P<n3>\d{1,3})\s*%?\s*(?:-|to)\s*(?P<n4>\d{1,3})\s*%\s*(?:TPS|tumou?r\s+proportion\s+score)",
    re.I,
)
_PH = re.compile(
    r"(?<![\w-])(?:Ph(?:iladelphia)?(?:\s*\(\s*Ph\s*\))?(?:\s+chromosome)?(?:\s*\(\s*Ph\s*\))?)[\s-]*(?:(?P<pos>\+|positiv\w*|\(\+\))|(?P<neg>-(?=\s|$|[,;.)/])|negativ\w*|\(-\)))"
    r"|(?<![\w-])(?:BCR[\s/:-]{0,2}ABL1?|bcr[\s/:-]{0,2}abl1?)(?:\s+gene)?[\s-]*(?:(?P<pos2>positiv\w*|\+|\(\+\)|fusion|transcripts?\s+positive)|(?P<neg2>negativ\w*|\(-\)))"
    r"|\bt\s*\(\s*9\s*;\s*22\s*\)",
)
_PH_TEST = re.compile(r"\s*(?:status|test\w*)\b", re.I)
_FLT3_TKD = re.compile(r"(?<![\w-])FLT[\s-]?3[\s-]*TKD(?:\s*/\s*[A-Z]?\d{3}\w{0,2})?(?:[\s-]*(?:mutations?|mutated|positive))?", re.I)
_FLT3 = re.compile(r"(?<![\w-])FLT[\s-]?3[\s-]*(?:-?\s*)(?P<itd>ITD|internal\s+tandem\s+duplication)(?:[\s-]*(?:mutations?|mutated|positive|\+))?(?:\s*(?:or|/|and/or)\s*(?P<tkd>TKD)(?:[\s-]*mutations?)?)?", re.I)


def _asks_a_test(text: str, start: int, end: int) -> bool:
    return bool(_TEST_AFTER.match(text, end) or _TEST_BEFORE.search(text[max(0, start - 80): start]))


def _protein_items(text: str) -> list[Item]:
    items: list[Item] = []
    for m in _HER2_MUTATION.finditer(text):
        items.append(Item(m.start(), m.end(), predicate("her2_mutation", Op.IS, "positive"), frozenset({"her2_mutation"})))
    for m in _HER2_STATUS.finditer(text):
        positive = bool(m.group("pos") or m.group("pos2"))
        word = (m.group("pos") or m.group("pos2") or "").lower()
        expr: Expr = predicate("her2", Op.IS, "positive" if positive else "negative")
        if positive and word.startswith("amplif"):
            expr = all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, "HER2 amplification (by in situ hybridisation)")])
        items.append(Item(m.start(), m.end(), expr, frozenset({"her2"})))
    for m in _HR_HER2.finditer(text):
        receptors = _receptors("hr" if m.group(0).startswith("HR") else "er", m.group("hr") == "+")
        her2 = predicate("her2", Op.IS, "positive" if m.group("her2") == "+" else "negative")
        items.append(Item(m.start(), m.end(), all_of([receptors, her2]), frozenset({"er", "pr", "her2"})))
    for m in _RECEPTOR.finditer(text):
        positive = m.group("pos") is not None
        which = "hr" if m.group("hr") else "both" if m.group("pr_also") else "er" if m.group("er") else "pr"
        items.append(Item(m.start(), m.end(), _receptors(which, positive, m.group(0)), frozenset({"er", "pr"})))
    for m in _TRIPLE.finditer(text):
        parts = [predicate(c, Op.IS, "negative") for c in ("er", "pr", "her2")]
        items.append(Item(m.start(), m.end(), all_of(list(parts)), frozenset({"er", "pr", "her2"})))
    for m in _PDL1_SCORE.finditer(text):
        if m.group("n3"):
            low, high = number(m.group("n3")), number(m.group("n4"))
            expr = predicate("pd_l1_tps", Op.BETWEEN, (low, high), "%")
        else:
            op = (m.group("op") or m.group("op2")).replace(">=", "≥").replace("<=", "≤")
            expr = predicate("pd_l1_tps", OPS[op], number(m.group("n") or m.group("n2")), "%")
        items.append(Item(m.start(), m.end(), expr, frozenset({"pd_l1_tps"})))
    for m in _PDL1_STATUS.finditer(text):
        expr = predicate("pd_l1", Op.IS, "positive" if m.group("pos") else "negative")
        if m.group("pos") and re.match(r"strong|high", m.group("pos"), re.I):
            expr = all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, "PD-L1 high (strong) expression")])
        items.append(Item(m.start(), m.end(), expr, frozenset({"pd_l1"})))
    for m in _PH.finditer(text):
        if _PH_TEST.match(text, m.end()):
            continue
        negative = bool(m.group("neg") or m.group("neg2"))
        items.append(Item(m.start(), m.end(), predicate("bcr_abl1", Op.IS, "negative" if negative else "positive"), frozenset({"bcr_abl1"})))
    for m in _FLT3.finditer(text):
        itd = predicate("flt3_itd", Op.IS, "positive")
        expr = any_of([itd, all_of([predicate("flt3_mutation", Op.IS, "positive"), Qualifier(ReviewReason.AMBIGUOUS, "FLT3-TKD")])]) if m.group("tkd") else itd
        items.append(Item(m.start(), m.end(), expr, frozenset({"flt3_itd", "flt3_mutation"})))
    for m in _FLT3_TKD.finditer(text):
        tkd = all_of([predicate("flt3_mutation", Op.IS, "positive"), Qualifier(ReviewReason.AMBIGUOUS, " ".join(m.group(0).split()))])
        items.append(Item(m.start(), m.end(), tkd, frozenset({"flt3_mutation"})))
    return [it for it in items if not _asks_a_test(text, it.start, it.end)]


def _receptors(which: str, positive: bool, written: str = "") -> Expr:
    """ER, PR, either ("ER and/or PR positive", "hormone receptor positive": either suffices;
    negative: each is)."""
    word = "positive" if positive else "negative"
    concepts = {"er": ["er"], "pr": ["pr"]}.get(which, ["er", "pr"])
    parts = [predicate(c, Op.IS, word) for c in concepts]
    if not positive or (which == "both" and re.search(r"\band\b(?!/)", written, re.I)):
        return all_of(list(parts))
    return any_of(list(parts))


# T315I named without its gene ("and no known T315I/A", "patients with the T315I mutation"): the
# letters name one mutation of one gene, ABL1's; "T315I/A" writes T315A beside it, a kinase-domain
# mutation of no concept of its own
_T315I_ALONE = re.compile(r"(?<![\w/-])T\s?315\s?I(?P<alt>\s*/\s*(?:T\s?315\s?)?A)?(?![\w])(?:[\s-]+(?:mutations?|mutated|mutants?|positive|positivity|\+))?", re.I)


def _t315i_items(text: str) -> list[Item]:
    items: list[Item] = []
    for m in _T315I_ALONE.finditer(text) if "315" in text else ():
        expr: Expr = predicate("abl1_t315i", Op.IS, "positive")
        if m.group("alt"):
            expr = any_of([expr, all_of([predicate("abl1_kinase_domain_mutation", Op.IS, "positive"), Qualifier(ReviewReason.AMBIGUOUS, "ABL1 T315A")])])
        items.append(Item(m.start(), m.end(), expr, frozenset({"abl1_t315i", "abl1_kinase_domain_mutation"})))
    return items


# every concept an item of this topic names (the clause grammar binds one to the cancer after it)
BIOMARKERS = frozenset({c for c, _ in _GENES.values()} | {c for _, c, _ in _VARIANTS} | {"her2", "her2_mutation", "er", "pr", "pd_l1", "pd_l1_tps", "bcr_abl1", "flt3_itd", "flt3_mutation"})


# Whether a clause may name a marker at all (case as written: "ER", "PR", "PD", "Ph"). The words
# are one trie (word_gates.any_word) and the two spaced names a pattern of their own: this gate is
# asked of every clause, and written as one alternation ("ABL|Abl|...|[Hh]ormone|...|t\s*\(\s*9")
# Python's engine tried each of its 40 alternatives at every character (its literal gate, "er" in
# the lower-cased text, nearly always passes). Measured on every fifth corpus trial's lines (17,690
# texts, one process): 0.12 s as the alternation, 0.03 s this way, the same answer on every line
# (tests/parser/test_biomarker_gate.py pins it against the alternation).
GATE_WORDS = (
    "ABL", "Abl", "abl", "EGFR", "ALK", "BRAF", "MLL", "ROS", "RET", "NTRK", "RAS", "ras", "ERBB", "ErbB", "BRCA", "PIK3",
    "TP53", "FLT", "NPM", "IDH", "KMT2A", "BCR", "bcr", "HER", "ER", "PR", "PgR", "Hormone", "hormone", "Estrogen",
    "estrogen", "Oestrogen", "oestrogen", "Progesterone", "progesterone", "triple", "TNBC", "PD", "Ph", "Programmed",
    "programmed", "TPS", "Wild", "wild", "epidermal",
)
_GATE_WORDS = any_word(GATE_WORDS)
_GATE_SPACED = re.compile(r"T\s?315|t\s*\(\s*9")  # (T315I, t(9;22): the gate's two names that are not words)


def names_a_marker(text: str) -> bool:
    """Whether ``text`` holds one of the gate's names (a necessary condition of every item here)."""
    return _GATE_WORDS.search(text) is not None or _GATE_SPACED.search(text) is not None


# a marker named for a subgroup, a cohort, a stratum or an option is no requirement of the line
_NOT_A_REQUIREMENT = re.compile(
    r"\b(?:cohorts?|arms?|strat(?:um|a|ified|ification|ify)|randomi[sz]\w*|candidates?|candidacy|eligible\s+for|not\s+(?:be\s+)?eligible|ineligible|"
    r"(?:be|are|is|will\s+be)\s+excluded)\b",
    re.I,
)
# a marker named among examples ("tumor types such as ... triple negative breast cancer") is none
# the line asks for
_EXAMPLES = re.compile(r"\b(?:may\s+include|such\s+as|e\.\s?g\.?|for\s+example|including)\b", re.I)
_IF_BEFORE = re.compile(r"\b(?:if|when|unless|whether)\s+(?:[\w/()'’-]+\s+){0,6}$", re.I)
_SUBGROUP_BEFORE = re.compile(r"\b(?:participants|patients|subjects|those|women|men|tumou?rs)\s+(?:with|who\s+(?:have|are|harbou?r))\s+(?:[\w-]+\s+){0,4}$", re.I)
_MODAL_AFTER = re.compile(r"\b(?:must|should|shall|shows?|need|needs|will|may|are\s+required|requires?|can)\b", re.I)
_EITHER_RESULT = re.compile(r"\s*(?:or|/|and/or)\s*(?:negative|wild[\s-]?type|positive|mutated|mutant)\b|\s*/\s*[-+](?![\w])", re.I)
_WITH_OR_WITHOUT = re.compile(r"\bwith\s+or\s+without\s+(?:concomitant\s+|concurrent\s+|any\s+)?$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?:tumou?rs?|tumou?r\s+status|status)\b(?!\s+(?:test|testing|analysis|assessment|determination|is\s+unknown|unknown))", re.I)
_RESTATED = re.compile(r"\s*\(\s*(?:ER|PR|PgR|HR|HER-?2(?:/neu)?|TNBC|Ph|PD-?L1)\s*(?:[+-]|\(?[+-]\)?)?\s*\)")
# a negation inside the clause ("confirm without EGFR, ALK or ROS1 mutations", "suggesting no
# EGFR-sensitive mutation"); one that opens the clause is the line's own (NEGATED)
_NEGATION_BEFORE = re.compile(
    r"\b(?:without|no|absence\s+of|lack\s+of|free\s+of|negative\s+for|not\s+(?:have|harbou?r|carry))\s+(?:(?:any|known|evidence\s+of|documented|detectable|the|an?|of)\s{1,3}){0,4}$",
    re.I,
)
_LIST_GAP = re.compile(r"[\s,;/]*(?:(?:or|and|and/or|nor)\s+)?(?:the\s+)?", re.I)


def _negated_lists(items: list[Item], text: str) -> list[Item]:
    """Items after a negation inside the clause, with the list they open, as one negated item."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        neg = _NEGATION_BEFORE.search(text[max(0, it.start - 50): it.start]) if it.expr is not None else None
        at = it.start - len(text[max(0, it.start - 50): it.start]) + neg.start() if neg is not None else 0
        if neg is None or not re.search(r"\w", text[:at]):
            out.append(it)
            k += 1
            continue
        group = [it]
        while k + len(group) < len(items) and items[k + len(group)].expr is not None and _LIST_GAP.fullmatch(text, group[-1].end, items[k + len(group)].start):
            group.append(items[k + len(group)])
        exprs = [g.expr for g in group if g.expr is not None]
        # the negation word stays between this item and the one before, where the clause grammar
        # reads "X without <negated>" as both
        out.append(Item(it.start, group[-1].end, Not(any_of(exprs)), frozenset().union(*(g.concepts for g in group))))
        k += len(group)
    return out


def _in_context(item: Item, text: str, inclusion: bool) -> Item | None:
    """The item as its words around it leave it: a restating bracket taken in, an option ("with
    or without PR+", "positive or negative") consumed with no requirement, a condition ("if KRAS
    wild type", "patients with HER2+ tumors must ...") left unread."""
    start, end = item.start, item.end
    before = text[max(0, start - 60): start]
    if _IF_BEFORE.search(before):
        return None
    if inclusion and _SUBGROUP_BEFORE.search(before) and _MODAL_AFTER.search(text, end):
        return None
    restated = _RESTATED.match(text, end)
    if restated is not None:
        end = restated.end()
    noun = _NOUN_AFTER.match(text, end)
    if noun is not None and item.expr is not None:  # "RAS wild-type tumor", "PD-L1 positive tumors"
        end = noun.end()
    option = _WITH_OR_WITHOUT.search(before)
    if option is not None:
        return Item(start - len(before) + option.start(), end, None, item.concepts)
    either = _EITHER_RESULT.match(text, end)
    if either is not None:
        return Item(start, either.end(), None, item.concepts)
    return Item(start, end, item.expr, item.concepts)


def biomarker_items(text: str, ctype: CriterionType) -> list[Item]:
    if not names_a_marker(text) or _NOT_A_REQUIREMENT.search(text):
        return []
    named = other_than_spans(text)  # "a malignancy other than an ALK-positive tumor": the trial's own
    example = _EXAMPLES.search(text)
    if example is not None:
        named.append((example.start(), len(text)))
    found: list[Item] = []
    for item in _protein_items(text) + _gene_items(text, ctype) + _t315i_items(text):
        if any(s <= item.start < e for s, e in named):
            continue
        placed = _in_context(item, text, ctype is CriterionType.INCLUSION)
        if placed is not None and all(placed.end <= f.start or placed.start >= f.end for f in found):
            found.append(placed)
    return _alternatives(_negated_lists(sorted(found, key=lambda it: it.start), text), text)


_OR_GAP = re.compile(r"\s*,?\s*(?:or|and/or|/)\s*(?:the\s+|an?\s+)?", re.I)


def _alternatives(items: list[Item], text: str) -> list[Item]:
    """Markers joined by "or" as one item ("estrogen receptor positive and/or progesterone
    receptor positive breast cancer"): the cancer after them is each one's, which the clause
    grammar binds to the item written against it."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None and prev.expr is not None and it.expr is not None and _OR_GAP.fullmatch(text, prev.end, it.start):
            out[-1] = Item(prev.start, it.end, any_of([prev.expr, it.expr]), prev.concepts | it.concepts)
        else:
            out.append(it)
    return out
