"""Classes of anticancer drugs lines name as prior or concurrent therapy: "Prior treatment with a
PARP inhibitor", "Previous therapy with an anti-PD-1, anti-PD-L1 or anti-CTLA-4 antibody",
"Prior platinum-based chemotherapy", "Treatment with an HDAC inhibitor within 2 weeks" (about
240 corpus lines name one of these classes, most of them in an exclusion).

A hospital records each drug of a class as a MedicationStatement or MedicationRequest, coded by
ATC (the class is an ATC group: L01XK PARP inhibitors, L01FF PD-1/PD-L1 antibodies, ...), by
RxNorm or by name; codes.toml maps every drug of a class to its concept, and each concept is a
kind of the wider therapy (a PARP inhibitor is targeted therapy, a taxane chemotherapy), so "no
prior targeted therapy" still sees it. Under the contract a therapy absent from the record is
absent.

The rows are read by the history table of ``events`` (before its wider names, which would take
their words: "checkpoint inhibitor" is immunotherapy there, "tyrosine kinase inhibitor" targeted
therapy), so a class keeps every rule of a history item: read in an exclusion wherever named, in
an inclusion only where the line asks about it, with the window written beside it. A class named
as the patient's own mutation ("EGFR mutation", "HER2-positive") is no therapy: every pattern
needs a word of treatment (inhibitor, antibody, -based, therapy).

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.parser.topics.medication_classes import MEDICATION_CLASSES

# the words that make a target's name a class of drugs
_AGENT = r"(?:inhibitors?|antagonists?|blockers?|agents?|drugs?|therap(?:y|ies)|treatments?|antibod(?:y|ies)|mAbs?|TKIs?|compounds?)"
_KINASE = r"(?:(?:tyrosine\s+)?kinase\s+inhibitors?|TKIs?|inhibitors?)"


# "Prior mTOR inhibitor therapy", "EGFR-TKI treatment": the therapy word after a class is the class
_TAIL = r"(?:[\s-]+(?:therap(?:y|ies)|treatments?|regimens?|exposure))?"

def _antigen_directed(n: str) -> str:
    """An antibody class named by its antigen CD<n>: "anti-CD<n>" (with "anti-cluster of
    differentiation <n> (anti-CD<n>)" spelt out), or "CD<n>-directed/targeted" before a word of
    treatment."""
    cd = r"CD[\s-]?" + n + r"\b"
    return (
        r"\banti-?\s*(?:cluster\s+of\s+differentiation\s+" + n + r"\s*\(\s*anti-?\s*" + cd + r"\s*\)|" + cd + r")"
        r"(?:[\s-]+(?:directed|targeted|targeting))?(?:[\s-]+(?:monoclonal\s+)?" + _AGENT + r")?"
        r"|\b" + cd + r"[\s-]*(?:directed|targeted|targeting)\s+(?:monoclonal\s+)?" + _AGENT
    )


# the checkpoint proteins spelt out, with the short name in brackets after them
_SPELT_CHECKPOINT = (
    r"(?:programmed\s+(?:cell\s+)?death(?:[\s-]+(?:receptor|protein))?(?:\s*\(\s*PD\s*\))?[\s-]*(?:1(?:[\s-]+(?:receptor|ligand[\s-]*[12]))?|ligand[\s-]*[12])"
    r"|cytotoxic[\s-]+T[\s-]+lymphocyte[\s-]+(?:associated\s+)?(?:antigen|protein)[\s-]*4(?:\s+ligand)?)\b"
    r"(?:\s*[(\[]\s*(?:anti-?\s*)?(?:PD-?L?[12]|CTLA-?4)\s*[)\]])?"
)
# the T-cell co-stimulatory receptors antibodies are directed at (CD137 is 4-1BB)
_COSTIM = r"(?:CD[\s-]?(?:137|40|27)|4-1BB|OX[\s-]?40|GITR|ICOS)"


# (concept, pattern, gate words one of which the clause must hold)
_CLASSES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("checkpoint_inhibitor",
     r"(?:immune[\s-]+)?checkpoint\s+(?:inhibitors?|blockade|blocking\s+(?:antibod(?:y|ies)|agents?))(?:\s+therap(?:y|ies))?"
     r"|(?:anti-?\s*|an\s+anti-?\s*)?(?:programmed\s+(?:cell\s+)?death(?:[\s-]+(?:receptor|protein))?[\s-]*(?:1|ligand[\s-]*[12])\s*(?:\(\s*PD-?L?[12]\s*\)\s*)?"
     r"|PD-?L?[12]|CTLA-?4|cytotoxic\s+T[\s-]+lymphocyte[\s-]+(?:associated\s+)?(?:antigen|protein)[\s-]*4\s*(?:\(\s*CTLA-?4\s*\)\s*)?)"
     r"(?:\s*(?:,|/|or|and|and/or)\s*(?:anti-?\s*)?(?:PD-?L?[12]|CTLA-?4)){0,3}[\s-]*(?:monoclonal\s+)?" + _AGENT
     + r"|\banti-?\s*(?:PD-?L?[12]|CTLA-?4)\b"
     # spelt out after "anti-", with or without the antibody word, its short name in round or
     # square brackets ("anti-programmed death-1 [PD-1]", "anti-programmed cell death 1 ligand 1
     # (PD-L1)", "anti-programmed death (PD)-1", "anti-cytotoxic t-lymphocyte-associated protein
     # 4 ligand (CTLA-4)"): read only with a word of treatment, these were left to a person whole
     + r"|\banti-?\s*" + _SPELT_CHECKPOINT + r"(?:[\s-]+(?:monoclonal\s+)?" + _AGENT + ")?"
     # the pathway the drugs target ("any other antibody or drug specifically targeting T-cell
     # co-stimulation or checkpoint pathways"): a checkpoint inhibitor
     + r"|\b(?:immune\s+)?checkpoint\s+pathways?\b",
     ("checkpoint", "pd-", "pd1", "pdl", "ctla", "programmed")),
    # antibodies directed at a T-cell co-stimulatory receptor ("anti-CD137", "CD137 agonists",
    # "immune agonists (anti-cluster of differentiation [CD] 137, anti-CD40, anti-OX40)", "any
    # other antibody or drug specifically targeting T-cell co-stimulation"): named beside the
    # checkpoint inhibitors in about 35 corpus exclusions (the anti-PD-1 template's "anti-PD-1,
    # anti-PD-L1, anti-PD-L2, anti-CD137, or anti-CTLA-4 antibody"), each left to a person
    ("costimulatory_antibody",
     r"\banti-?\s*(?:cluster\s+of\s+differentiation\s*(?:[(\[]\s*CD\s*[)\]]\s*)?(?:137|40|27)\b|" + _COSTIM + r"\b)(?![\s-]*(?:ligand|L\b))"
     r"(?:\s*[(\[]\s*(?:anti-?\s*)?" + _COSTIM + r"\s*[)\]])?(?:[\s-]+(?:agonist(?:ic)?\s+)?(?:monoclonal\s+)?" + _AGENT + r")?"
     r"|\b(?:cluster\s+of\s+differentiation\s+(?:137|40|27)\s*\(\s*CD[\s-]?(?:137|40|27)\s*\)|" + _COSTIM + r")[\s-]+agonist(?:ic)?(?:s\b|\s+(?:monoclonal\s+)?" + _AGENT + r"|\b)"
     r"|\bimmune[\s-]+agonists?\b"
     r"|\b(?:(?:monoclonal\s+)?antibod(?:y|ies)\s+or\s+)?(?:drugs?|agents?|medicines?|antibod(?:y|ies))\s+(?:(?:specifically|that\s+specifically)\s+)?(?:targeting|targets?|directed\s+(?:at|against))\s+"
     r"(?:the\s+)?T[\s-]*cell\s+co[\s-]?stimulation(?:\s+pathways?)?"
     r"|\b(?:any\s+)?T[\s-]*cell\s+co[\s-]?stimulation\s+(?:agents?|drugs?|antibod(?:y|ies))",
     ("cd137", "cd 137", "cd-137", "4-1bb", "ox40", "ox-40", "ox 40", "cd40", "cd-40", "cd 40", "cd27", "gitr", "icos", "agonist", "stimulation", "differentiation")),
    # "poly (ADP-ribose) polymerase", "Poly-(ADP-ribose)-Polymerase", "poly adenosine diphosphate (ADP) ribose polymerase" (4 corpus lines)
    ("parp_inhibitor", r"\bPARP[\s-]*(?:1/2\s+)?" + _AGENT + r"|poly[\s-]*\(?\s*(?:ADP|adenosine\s+diphosphate(?:\s*\(\s*ADP\s*\))?)[\s-]+ribose\s*\)?[\s-]+polymerase\s*(?:\(\s*PARP\s*\)\s*)?" + _AGENT, ("parp", "polymerase")),
    ("cdk46_inhibitor", r"\bCDK\s*4\s*/\s*6[\s-]*" + _AGENT + r"|cyclin[\s-]+dependent\s+kinase\s*(?:4\s*/\s*6|4\s+(?:and|or)\s+6)\s*(?:\(\s*CDK\s*4\s*/\s*6\s*\)\s*)?" + _AGENT, ("cdk", "cyclin")),
    ("mtor_inhibitor", r"\bm-?TOR[\s-]*" + _AGENT + r"|(?:mammalian|mechanistic)\s+target\s+of\s+rapamycin\s*(?:\(\s*mTOR\s*\)\s*)?" + _AGENT + r"|rapalogs?", ("mtor", "m-tor", "rapamycin", "rapalog")),
    ("hdac_inhibitor", r"\bHDAC[\s-]*" + _AGENT + r"|histone\s+deacetylase\s*(?:\(\s*HDAC\s*\)\s*)?" + _AGENT, ("hdac", "deacetylase")),
    ("proteasome_inhibitor", r"\bproteasome[\s-]*" + _AGENT, ("proteasome",)),
    ("egfr_inhibitor",
     r"\bEGFR[\s-]*(?:target(?:ed|ing)\s+(?:therap(?:y|ies)|agents?|antibod(?:y|ies)|drugs?|treatments?)|directed\s+therap(?:y|ies)|(?:receptor\s+)?" + _KINASE + r"|antibod(?:y|ies)|monoclonal\s+antibod(?:y|ies))"
     # the target after the therapy ("Prior therapy that targets the EGFR pathway", "Previous
     # therapy targeting EGFR or HER-2", "inhibitors of the EGFR", "agents directed against EGFR":
     # 8 corpus lines, all exclusions of prior therapy)
     r"|\b(?:therap(?:y|ies)|agents?|drugs?|treatments?)\s+(?:that\s+)?(?:(?:specifically|directly)\s+(?:and\s+(?:specifically|directly)\s+)?)?(?:targets?|targeting|directed\s+against)\s+(?:the\s+)?EGFR\b(?:\s+pathway)?"
     r"|\binhibitors?\s+of\s+(?:the\s+)?EGFR\b"
     r"|\banti-?\s*EGFR(?:\s+(?:monoclonal\s+)?(?:antibod(?:y|ies)|therap(?:y|ies)|agents?|mAbs?))?"
     r"|epidermal\s+growth\s+factor\s+receptor\s*(?:\(\s*EGFR\s*\)\s*)?(?:" + _KINASE + r"|targeted\s+therap(?:y|ies)|antibod(?:y|ies))",
     ("egfr", "epidermal")),
    ("alk_inhibitor", r"\bALK[\s-]*(?:targeted\s+(?:therap(?:y|ies)|agents?)|directed\s+therap(?:y|ies)|" + _KINASE + r")", ("alk ", "alk-", "alk)", "alk/", "alk,")),
    ("her2_directed_therapy",
     r"\bHER-?2[\s-]*(?:targeted|directed)\s+(?:therap(?:y|ies)|agents?|treatments?|drugs?)|\banti-?\s*HER-?2(?:\s+(?:monoclonal\s+)?(?:antibod(?:y|ies)|therap(?:y|ies)|agents?|treatments?))?"
     r"|\bHER-?2[\s-]*(?:" + _KINASE + r"|antibod(?:y|ies))",
     ("her2", "her-2")),
    ("vegf_inhibitor",
     # ("VEGF pathway inhibitors", "VEGF receptor targeted therapy", "VEGF or VEGF receptor
     # targeted therapy": the target's pathway or receptor named before the agent word)
     r"\b(?:anti-?\s*)?VEGF(?:-?R(?:-?[123])?)?(?:\s+(?:or|and/or|/)\s+VEGF(?:-?R(?:-?[123])?)?)?(?:[\s-]+(?:pathway|receptor|signal(?:l)?ing))?[\s-]*(?:targeted\s+(?:therap(?:y|ies)|agents?)|directed\s+therap(?:y|ies)|" + _KINASE + r"|antibod(?:y|ies)|monoclonal\s+antibod(?:y|ies)|" + _AGENT + r")"
     r"|\banti-?\s*VEGF\b|\banti-?\s*angiogen(?:ic|esis)\s+(?:therap(?:y|ies)|agents?|drugs?|treatments?|inhibitors?)|angiogenesis\s+inhibitors?",
     ("vegf", "angiogen")),
    ("platinum_chemotherapy",
     r"\bplatinum(?:[\s-]+(?:based|containing|doublet|agent|salts?|compounds?|derivatives?|drugs?|therap(?:y|ies)|chemotherap(?:y|ies)))+(?:\s+(?:doublet\s+)?(?:chemotherap(?:y|ies)|regimens?|therap(?:y|ies)|treatments?))?"
     r"|\bplatinum\s+(?:doublet|agents?|salts?|compounds?|derivatives?|drugs?)",
     ("platinum",)),
    ("taxane", r"\btaxanes?(?:[\s-]+(?:based|containing))?(?:\s+(?:chemotherap(?:y|ies)|therap(?:y|ies)|regimens?|agents?|treatments?))?|\btaxoids?\b", ("taxane", "taxoid")),
    ("anthracycline",
     r"\banthracyclines?(?:[\s-]+(?:based|containing))?(?:\s+(?:chemotherap(?:y|ies)|therap(?:y|ies)|regimens?|agents?|treatments?|antibiotics?))?|\banthracenediones?",
     ("anthracycl", "anthracened")),
    # "immunomodulating agents/drugs" (12 corpus lines, beside the hypomethylating agents of an MDS
    # trial or "cytotoxic chemotherapeutic agents") is the same class in another spelling
    ("immunomodulatory_drug", r"\bIMiDs?\b|immunomodulat(?:ory|ing)\s+(?:imide\s+)?(?:drugs?|agents?)(?:\s*\(\s*IMiDs?\s*\))?|thalidomide\s+analog(?:ue)?s?", ("imid", "immunomodulat", "thalidomide")),
    # "DNA methyltransferase inhibitors (DMTI) [e.g., azacitidine, decitabine]" names the same class
    ("hypomethylating_agent",
     r"(?:hypomethylating|demethylating)\s+(?:agents?|therap(?:y|ies)|drugs?|treatments?)(?:\s*\(\s*HMAs?\s*\))?|\bHMAs?\b"
     r"|\bDNA[\s-]+methyl[\s-]?transferase\s+(?:\(\s*DNMT\s*\)\s+)?inhibitors?(?:\s*\(\s*(?:DNMTi?s?|DMTIs?)\s*\))?|\bDNMTi\b|\bDMTIs?\b",
     ("methylating", " hma", "(hma", "methyltransferase", "methyl-transferase", "dnmti", "dmti")),
    # the kinase inhibitors lines name by their target (ATC L01EL, L01EE, L01EC): "Prior exposure to
    # a Bruton's tyrosine kinase (BTK) inhibitor", "Prior therapy with a MEK- inhibitor", "Prior BRAF
    # or MEK inhibitor therapy" (about 45 corpus lines, all left to a person; a BRAF written
    # before another target of the same noun shares it). A target written as the patient's own
    # mutation ("mutated BTK", "BRAF V600 mutation") names no therapy: the agent word is needed
    ("btk_inhibitor",
     r"\bBTK[\s-]*" + _AGENT + r"|\bBruton(?:'s|s)?\s+(?:tyrosine\s+)?kinase\s*(?:\(\s*BTK\s*\)\s*)?" + _AGENT
     + r"|\b(?:drugs?|agents?)\s+that\s+(?:specifically\s+)?inhibits?\s+Bruton(?:'s|s)?\s+(?:tyrosine\s+)?kinase(?:\s*\(\s*BTK\s*\))?",
     ("btk", "bruton")),
    ("mek_inhibitor",
     r"\bMEK[\s-]*(?:1/2\s+)?" + _AGENT
     + r"|(?:mitogen[\s-]+activated\s+(?:protein\s+)?(?:kinase\s+)?kinase|MAP[\s-]*ERK\s+kinase)\s*(?:\(\s*MEK\s*\)\s*)?" + _AGENT,
     ("mek", "mitogen", "map-erk", "map erk")),
    # the antibodies named by their lymphoid antigen ("Former treatment with anti-CD20 antibody",
    # "Previous treatment with any anti-CD30 directed therapy", "daratumumab or other anti-CD38
    # therapies", "anti-cluster of differentiation 38 (anti-CD38) therapies"; 18 corpus lines in 15
    # trials, each left wholly to a person). The antigen alone ("CD20-positive", "CD38
    # expression") is the disease's marker, no therapy: "anti-" or a word of treatment is needed
    ("cd20_directed_therapy", _antigen_directed("20"), ("cd20", "cd 20", "cd-20")),
    ("cd30_directed_therapy", _antigen_directed("30"), ("cd30", "cd 30", "cd-30")),
    ("cd38_directed_therapy", _antigen_directed("38"), ("cd38", "cd 38", "cd-38")),
    ("braf_inhibitor",
     r"\bB-?RAF[\s-]*" + _AGENT + r"|\bB-?RAF(?=\s*(?:,|/|or|and|and/or)\s*(?:MEK|MAP-?ERK)\b)",
     ("braf", "b-raf")),
    # monoclonal antibodies as a class ("Cytotoxic chemotherapy, steroids or monoclonal antibody
    # (Mab) within 3 weeks", "prior therapy with a monoclonal antibody"; ~140 corpus lines, left to
    # a person). Last: a class named by its antigen ("anti-CD20 monoclonal antibody", "anti-PD-1
    # monoclonal antibody") is the row above; "MAb" alone only in capitals as written
    ("monoclonal_antibody_therapy",
     r"\bmonoclonal\s+antibod(?:y|ies)(?:\s*\(\s*mAbs?\s*\))?(?:\s+(?:therap(?:y|ies)|treatments?|agents?))?|(?-i:\b(?:MAbs?|mAbs?)\b)",
     ("monoclonal", "mab")),
)


# a wide class named as an example of the therapy before it ("biological therapy (including
# monoclonal antibodies) within 4 weeks", "systemic anti-neoplastic therapy (e.g., monoclonal
# antibody therapy)", "EGFR inhibitor, including both tyrosine kinase inhibitors and monoclonal
# antibodies"): the head is what the line asks. Read, the example broke the window the list shares
# (chemotherapy at any time excluded) and widened the head past it (an infliximab for Crohn's
# disease met "anti-neoplastic therapy"); left, it stays the words of the head's example
_EXAMPLE_OPEN = re.compile(
    r"(?:\(\s*+(?:e\.?\s?g\.?|for\s+example|such\s+as|including|includes?|i\.\s?e\.?|with\s+either|with)\b[^()]*+"
    r"|\b(?:including|such\s+as|e\.\s?g\.)\s++(?:both\s++|either\s++)?(?:[\w/-]++[\s,]*+){0,6})$",
    re.I,
)
EXAMPLED_CLASSES = frozenset({"monoclonal_antibody_therapy"})
# the antibodies' own words after a class of them by its antigen ("anti-CD33 monoclonal antibody
# therapy", "anti-CTLA 4 monoclonal antibody", "anti-CD20 mAb (Monoclonal Antibodies)"): the
# antigen's class is the line's (its own row), not any antibody. "Anti-cancer" names a purpose
_ANTIGEN_BEFORE = re.compile(
    r"(?:\banti-?\s?(?!cancer|neoplastic|tumou?r|leuk|myeloma|lymphoma)[A-Za-z0-9]{2,12}(?:[\s-][0-9]{1,3})?[\s-]*+(?:\(\s*)?"
    r"|\bm?Abs?\s*\(\s*|\bCD\d{1,3}[\s-]*(?:directed|targeted|targeting)\s+)$",
    re.I,
)
# what follows the class that its reading would lose: a purpose before the window ("Monoclonal
# antibody (mAb) for direct anti-neoplastic treatment within 4 weeks": the window stayed with the
# purpose, and an antibody given years ago excluded)
_PURPOSE_AFTER = re.compile(r"\s*(?:\(\s*m?Abs?\s*\)\s*)?for\b", re.I)


def class_as_example(concept: str, text: str, start: int, end: int) -> bool:
    """Whether the class read from ``start`` to ``end`` is better left to the words around it: an
    example of a wider therapy before it, the antibodies of an antigen's class, a purpose between
    it and its window, or a washout counted in half-lives, which no reader takes (read bare, the
    class became a requirement of the inclusion, "At least 7 days or 3 half-lives ... since prior
    monoclonal antibodies", that every patient without one failed)."""
    if concept not in EXAMPLED_CLASSES:
        return False
    return (
        _EXAMPLE_OPEN.search(text, max(0, start - 160), start) is not None
        or _ANTIGEN_BEFORE.search(text, max(0, start - 40), start) is not None
        or _PURPOSE_AFTER.match(text, end) is not None
        or "half-li" in text.lower()
    )


# the words before a class that only say it was given ("prior treatment with a", "has received
# prior therapy with an", "exposure to any"): part of the item, not a qualifier left to review
CLASS_LEAD = re.compile(
    r"(?:\b(?:any\s+)?(?:prior|previous(?:ly)?|past|former)\s+(?:treatment|therapy|exposure|use|administration)\s+(?:with|to|of)\s+"
    r"|\b(?:(?:has|have)\s+(?:(?:ever|previously|already)\s+){0,2})?(?:received|receiving|receipt\s+of|treated\s+with|exposure\s+to|exposed\s+to|use\s+of|(?:treatment|therapy)\s+with)\s+(?:(?:prior|previous)\s+(?:treatment|therapy)\s+with\s+)?)"
    r"(?:an?\s+|any\s+|the\s+)?(?:other\s+)?$",
    re.I,
)


# (the medicines outside cancer therapy, topics.medication_classes, keep the same rules)
DRUG_CLASSES: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple((c, f"(?:{p}){_TAIL}", gate) for c, p, gate in _CLASSES + MEDICATION_CLASSES)


# the class as what the patient reacts to ("allergic or intolerant to PD-1 antibodies",
# "contraindication to taxanes"): a hypersensitivity, never a history of the therapy
CLASS_NOT_TAKEN = re.compile(r"\b(?:allerg\w*|hypersensitiv\w*|intoleran\w*|contra-?indicat\w*|sensitivity)\b[^.;,]{0,30}$", re.I)
# the class as a treatment to come ("patients to be treated with PD-1 inhibitors", "will receive",
# "planned"): a plan the record cannot hold, left to a person
CLASS_TO_COME = re.compile(
    r"\b(?:to\s+be\s+(?:treated|given|started)|will\s+(?:be\s+)?(?:receive|receiving|treated|given|started)|(?:plan(?:s|ned)?|scheduled|intend\w*|candidates?|eligible)\s+(?:to\s+receive|for))"
    r"(?:\s+(?:with|on))?\s+(?:\w+\s+){0,2}$",
    re.I,
)


# a class written with "naive" after it ("EGFR TKI-naive", "platinum-naïve"): no therapy of it,
# which the events topic does not read as a history (left to review)
NAIVE_AFTER = r"[\s-]*na[iï]ve\b"
