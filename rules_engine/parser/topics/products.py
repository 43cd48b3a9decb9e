"""Medicines named by the product as prior or concurrent therapy, where the events topic's
generic-name suffixes miss them: "At least 2 weeks since prior vincristine", "Prior therapy with
Herceptin", "Concomitant use of phenytoin, carbamazepine or rifampicin", "No prior interferon",
"Current use of ketoconazole" (about 300 corpus lines name a product; before this topic most of
them were review lines, the PDQ layout's "At least N weeks since prior <drug>" above all).

Each product is ``named_medication is "<its words>"``, which the record's own medication words
decide (``derive.NAMED_PRODUCT``): met when a record names it, unknown when a record names no
product, not met when every record names another one. A brand is asked with its generic name
("herceptin trastuzumab"), so a record that writes either is seen. A time the line sets is asked
of the product's own records, each by its own date (``named_medication is "X" within 4 weeks``,
``derive.named_inside``):

* "at least 4 weeks since prior X" (an inclusion's washout, in days to months or in hours: "At
  least 24 hours since prior hydroxyurea"): no X on record inside the window that ends the day
  before (``product_washout``);
* "X within 14 days", "X ≤ 1 week prior to starting study drug": a window right after the
  products, counted back from the study's start (``window_after_products``);
* "current / concomitant use of X", "No concurrent X": X in the last 2 weeks (or still taken) is
  taken now, up to 8 weeks ago a person's, older not now.

A window elsewhere in the clause, numbers in brackets beside the products (another product's
window, a dose), a line that sets its own time or lets the product be ("allowed if last dose was
3 months previous"), or a duty ahead of the patient (contraception after the study drug's last
dose) leave the time a review beside the product, which can only make the line unknown.

A product named as what the patient reacts to ("allergy to cisplatin", "contraindication to
sorafenib"), or as a treatment to come ("scheduled to receive cisplatin", "able to take
dexamethasone") is no history: the topic reads nothing there (other topics or a person do).

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window
from rules_engine.parser.items import I, Item, NEGATED, NOW, all_of, any_of, predicate
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.drug_classes import CLASS_NOT_TAKEN, CLASS_TO_COME
from rules_engine.parser.topics.product_counts import COUNT, counted

# A class ("bisphosphonates", "estrogens", "G-CSF") or a food ("grapefruit juice") is no product a
# record names by those words: read as one, a record of zoledronic acid would not meet
# "bisphosphonates", so none is listed and their words stay a review.
# Generic names the suffix list of ``events._DRUG`` does not end with, and common brands with the
# generic each stands for (a record may write either). Lower case; matched as whole words.
_GENERICS = (
    "interferon", "interleukin-2", "aldesleukin", "ketoconazole", "itraconazole", "voriconazole", "posaconazole", "fluconazole",
    "abiraterone", "tamoxifen", "anastrozole", "exemestane", "megestrol", "leuprolide", "goserelin", "degarelix",
    "procarbazine", "dacarbazine", "pemetrexed", "fluorouracil", "leucovorin", "hydroxyurea", "methotrexate",
    "vincristine", "vinblastine", "vinorelbine", "etoposide", "topotecan", "irinotecan", "gemcitabine", "capecitabine", "cyclophosphamide",
    "ifosfamide", "busulfan", "melphalan", "chlorambucil", "bendamustine", "carmustine", "lomustine", "mitomycin", "mitomycin-c", "bleomycin",
    "cladribine", "fludarabine", "cytarabine", "mitoxantrone", "azacitidine", "decitabine", "arsenic trioxide", "tretinoin", "all-trans retinoic acid",
    "phenytoin", "carbamazepine", "oxcarbazepine", "phenobarbital", "phenobarbitone", "primidone", "rifampin", "rifampicin", "rifabutin",
    "rifapentine", "valproic acid", "valproate", "lithium", "warfarin", "heparin", "aspirin", "clopidogrel", "metformin", "amiodarone",
    "digoxin", "cimetidine", "ritonavir", "indinavir", "nelfinavir", "saquinavir", "clarithromycin", "erythromycin", "telithromycin",
    "nefazodone", "st. john's wort", "st john's wort", "st. johns wort", "saint john's wort",
    "denosumab", "zoledronic acid", "pamidronate", "thalidomide", "lenalidomide", "pomalidomide", "plerixafor",
    "imatinib", "dasatinib", "nilotinib", "ibrutinib", "ruxolitinib", "everolimus", "temsirolimus", "sirolimus", "tacrolimus",
    "cyclosporine", "ciclosporin", "dexamethasone", "prednisone", "prednisolone", "hydrocortisone", "methylprednisolone",
    "trastuzumab", "bevacizumab", "cetuximab", "panitumumab", "rituximab", "alemtuzumab", "pertuzumab", "ipilimumab", "nivolumab",
    "pembrolizumab", "durvalumab", "atezolizumab", "avelumab", "erlotinib", "gefitinib", "afatinib", "osimertinib", "lapatinib",
    "sorafenib", "sunitinib", "pazopanib", "axitinib", "cabozantinib", "regorafenib", "lenvatinib", "vandetanib", "crizotinib",
    "bortezomib", "carfilzomib", "ixazomib", "paclitaxel", "nab-paclitaxel", "docetaxel", "cabazitaxel", "cisplatin", "carboplatin",
    "oxaliplatin", "doxorubicin", "epirubicin", "daunorubicin", "idarubicin", "temozolomide", "enzalutamide", "bicalutamide",
    "flutamide", "nilutamide", "apalutamide", "darolutamide", "fulvestrant", "letrozole", "olaparib", "niraparib", "rucaparib",
    "palbociclib", "ribociclib", "abemaciclib", "vorinostat", "romidepsin", "panobinostat", "filgrastim", "pegfilgrastim",
    "octreotide", "lanreotide", "testosterone", "omacetaxine",
    "levothyroxine", "insulin", "metoclopramide", "ondansetron", "celecoxib", "allopurinol",
    # the heart's drugs a digoxin or QT line names (holdout T82)
    "metoprolol", "atenolol", "propranolol", "bisoprolol", "carvedilol", "verapamil", "diltiazem", "quinidine", "propafenone",
    "furosemide", "bumetanide", "torsemide", "hydrochlorothiazide", "chlorthalidone", "spironolactone",
    # a class's members a line lists ("antipsychotic drugs including haloperidol, ...", "rTPO,
    # eltrombopag, or romiplostim", "No concurrent disulfiram"; topics.listed_products reads them
    # beside their class): names no suffix above ends with
    "haloperidol", "chlorpromazine", "olanzapine", "quetiapine", "clozapine", "risperidone", "fluphenazine", "trifluoperazine",
    "perphenazine", "pimozide", "thiothixene", "methadone", "disulfiram", "eltrombopag", "romiplostim", "sargramostim",
    # the inhibitors and inducers a CYP3A4 line lists beside the class ("strong CYP3A4 inhibitors
    # ... include the following medications: itraconazole, ketoconazole, miconazole, ...,
    # amprenavir, atazanavir, ..., ciprofloxacin, ..., nicardipine, propofol"; issue 14, rx11:
    # about 40 corpus lines left one of these unread, so the whole list stayed a review and a
    # patient on none of them was unknown, holdout T43): names no suffix above ends with
    "azithromycin", "miconazole", "clotrimazole", "amprenavir", "fosamprenavir", "atazanavir", "lopinavir", "darunavir", "tipranavir",
    "delavirdine", "efavirenz", "nevirapine", "etravirine", "cobicistat", "boceprevir", "telaprevir", "conivaptan", "ciprofloxacin",
    "enoxacin", "norfloxacin", "doxycycline", "isoniazid", "ketamine", "nicardipine", "propofol", "diclofenac", "fluvoxamine",
    "aprepitant", "dronedarone", "troleandomycin", "bosentan", "modafinil", "nafcillin", "fosphenytoin", "pentobarbital", "mitotane",
    # the drugs a torsades line lists under its heading ("Category I drugs that are generally
    # accepted to have a risk of causing Torsades de Pointes including:" over "Quinidine,
    # procainamide, disopyramide", "Chlorpromazine, haloperidol, mesoridazine, thioridazine,
    # pimozide", "Cisapride, bepridil, droperidol, methadone, ..."; meds17: about 25 corpus trials
    # list them): names no suffix above ends with. Left out, one unknown name left its whole line
    # unread and a patient on haloperidol passed it
    "thioridazine", "mesoridazine", "droperidol", "sertindole", "bepridil", "cisapride", "sparfloxacin", "grepafloxacin", "gatifloxacin",
    "levofloxacin", "moxifloxacin", "halofantrine", "levomethadyl", "probucol", "sotalol", "ibutilide", "dofetilide", "procainamide",
    "disopyramide", "flecainide", "domperidone", "pentamidine", "chloroquine", "hydroxychloroquine", "citalopram", "escitalopram",
    "dolasetron", "astemizole", "terfenadine", "anagrelide", "cilostazol",
    # the nitrosourea family by its class word (its misspellings among the brands below)
    "nitrosoureas", "nitrosourea",
    # mitomycin with its letter apart ("Nitrosoureas or mitomycin C within the previous 6 weeks"):
    # the bare generic left " C" behind, which ended the list and the line stayed unread
    "mitomycin c",
    # the rest of that torsades list ("... methadone, arsenic, chloroquine, ..., sparfloxacin,
    # lidoflazine"; 8 corpus trials): one name the list kept unread left a patient on none of them
    # unknown (holdout T271, a clean record)
    "lidoflazine",
    # products a line names as prior therapy whose only names the catalogue lacked ("Prior exposure
    # to vosaroxin", "Received IL-11 (oprelvekin) within 4 weeks"; their code names below): left
    # out, the line was a product Eligo does not know and a record naming other products was unknown
    "vosaroxin", "oprelvekin", "entinostat", "plitidepsin", "ripretinib", "napabucasin", "fampridine", "dalfampridine",
)
_BRANDS = {
    "5-fluorouracil": "fluorouracil", "5-fu": "fluorouracil",
    "herceptin": "trastuzumab", "avastin": "bevacizumab", "erbitux": "cetuximab", "vectibix": "panitumumab", "rituxan": "rituximab",
    "mabthera": "rituximab", "campath": "alemtuzumab", "perjeta": "pertuzumab", "yervoy": "ipilimumab", "opdivo": "nivolumab",
    "keytruda": "pembrolizumab", "imfinzi": "durvalumab", "tecentriq": "atezolizumab", "tarceva": "erlotinib", "iressa": "gefitinib",
    "gilotrif": "afatinib", "tagrisso": "osimertinib", "tykerb": "lapatinib", "nexavar": "sorafenib", "sutent": "sunitinib",
    "votrient": "pazopanib", "inlyta": "axitinib", "gleevec": "imatinib", "glivec": "imatinib", "sprycel": "dasatinib",
    "tasigna": "nilotinib", "imbruvica": "ibrutinib", "velcade": "bortezomib", "kyprolis": "carfilzomib", "revlimid": "lenalidomide",
    "thalomid": "thalidomide", "pomalyst": "pomalidomide", "taxol": "paclitaxel", "abraxane": "paclitaxel", "taxotere": "docetaxel",
    "jevtana": "cabazitaxel", "alimta": "pemetrexed", "gemzar": "gemcitabine", "xeloda": "capecitabine", "camptosar": "irinotecan",
    "hycamtin": "topotecan", "navelbine": "vinorelbine", "temodar": "temozolomide", "doxil": "doxorubicin", "caelyx": "doxorubicin",
    "adriamycin": "doxorubicin", "zometa": "zoledronic acid", "xgeva": "denosumab", "prolia": "denosumab", "zytiga": "abiraterone",
    "xtandi": "enzalutamide", "casodex": "bicalutamide", "lupron": "leuprolide", "zoladex": "goserelin", "faslodex": "fulvestrant",
    "femara": "letrozole", "arimidex": "anastrozole", "aromasin": "exemestane", "nolvadex": "tamoxifen", "lynparza": "olaparib",
    "ibrance": "palbociclib", "afinitor": "everolimus", "torisel": "temsirolimus", "vidaza": "azacitidine", "dacogen": "decitabine",
    "mylotarg": "gemtuzumab ozogamicin", "besponsa": "inotuzumab ozogamicin", "adcetris": "brentuximab vedotin", "kadcyla": "trastuzumab emtansine",
    "neupogen": "filgrastim", "neulasta": "pegfilgrastim", "ara-c": "cytarabine", "coumadin": "warfarin", "gleostine": "lomustine", "bicnu": "carmustine",
    # a code name registries wrote before the generic ("No prior 506U78", COG/NCI ALL trials; 2
    # corpus lines): left, the line was unread and a patient given nelarabine was unknown
    "506u78": "nelarabine",
    # the nitrosourea family by its class word, as the generics list it ("Nitrosoureas or mitomycin C within the previous 6
    # weeks", "has received nitrosoureas ... within 6 weeks"; about 15 corpus lines): a class, but
    # one whose members a record names are known (``derive._PRODUCT_FAMILIES``: carmustine,
    # lomustine, ...), so a record of lomustine meets it and one of cisplatin does not. Left, the
    # class word stood unread and the washout line was a person's for every patient
    "nitrosureas": "nitrosoureas", "nitrosurea": "nitrosoureas",
    # the torsades lists' "arsenic" (8 corpus trials: "cisapride, bepridil, droperidol, methadone,
    # arsenic, chloroquine, ..."): the one medicine of that name, arsenic trioxide
    "arsenic": "arsenic trioxide",
    # a code name registries wrote for a product that has a generic name ("Prior treatment with
    # MDV3100", "Prior exposure to SNS-595 (vosaroxin)", "Previously treated with Sorafenib (BAY
    # 43-9006)", "Received IL-11 (oprelvekin)"; about 15 corpus lines): the product asked with both
    # names, so a record writing the generic is seen (read as a product Eligo does not know, a
    # record of the generic under the code name was only ever a person's)
    "sns-595": "vosaroxin", "mdv3100": "enzalutamide", "mdv-3100": "enzalutamide", "cc-5013": "lenalidomide", "rad001": "everolimus",
    "rad-001": "everolimus", "sndx-275": "entinostat", "ms-275": "entinostat", "aplidin": "plitidepsin", "dcc-2618": "ripretinib",
    "bbi608": "napabucasin", "bbi-608": "napabucasin", "il-11": "oprelvekin", "interleukin-11": "oprelvekin", "neumega": "oprelvekin",
    # the registries' other spellings of azacitidine ("DNA methyltransferase inhibitors (DMTI) [e.g.,
    # azacitadine, decitabine, etc.]", "5-azacytidine"): left, the word stood unread beside its class
    "azacitadine": "azacitidine", "azacytidine": "azacitidine", "5-azacytidine": "azacitidine", "5-azacitidine": "azacitidine",
    "bay 43-9006": "sorafenib", "abt-888": "veliparib", "ampyra": "dalfampridine", "synribo": "omacetaxine",
}
_NAMES = sorted(set(_GENERICS) | set(_BRANDS), key=len, reverse=True)
PRODUCT_NAMES = frozenset(_NAMES)  # the products read by name (generics and brands, lower case)
# a generic name by the suffixes of the international nonproprietary names (as events._DRUG)
_SUFFIXED = (
    r"(?!rhumab)[a-z]{3,}(?:mab|tinib|rafenib|ciclib|parib|lisib|degib|sertib|zomib|lidomide|platin|rubicin|taxel|abine|arabine|tecan|poside"
    r"|fosfamide|mustine|zolomide|trexate|rozole|lutamide|strant|olimus|relbine|cristine|blastine|citidine|staurin)"
)
# an antibody's payload named after it ("gemtuzumab ozogamicin", "brentuximab vedotin", "trastuzumab
# emtansine"; 18 corpus lines): one product's name. Left outside, the payload word ended no list,
# and "Prior use of mitoxantrone or etoposide or gemtuzumab ozogamicin" read only the antibody's
# class: the two named cytotoxics stood unread and a patient given mitoxantrone passed
_PAYLOAD = r"(?:\s+(?:ozogamicin|vedotin|emtansine|mafodotin|deruxtecan|govitecan|tesirine|pasudotox))?"
_PRODUCT = r"(?:(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMES) + r"|" + _SUFFIXED + r")" + _PAYLOAD + r")(?![\w-])"
# a list of products: "X", "X or Y", "X, Y, and/or Z", "X/Y", a gloss in brackets after one
# ("rhuMAb VEGF (bevacizumab)", "temozolomide (Temodar)") is part of it
_GLOSS = r"(?:\s*[(\[][^()\[\]]{1,40}[)\]])?(?:\s*®)?"
# the salt a registry writes after the generic name ("Amiodarone hydrochloride", "imatinib mesylate",
# "No prior sorafenib tosylate or sunitinib malate", "gemcitabine hydrochloride"; about 100 corpus
# lines): part of the list, never of the name a record is asked for (a record of "amiodarone 200 MG"
# names the product the line means). Left out, the salt ended no list and the line stood unread
# (holdout T241: "Amiodarone hydrochloride" under a torsades heading left a clean record unknown)
_SALT = r"(?:\s+(?:hydrochloride|HCl|mesylate|dimesylate|tosylate|ditosylate|malate|maleate|dimaleate|citrate|besylate|tartrate|succinate|fumarate|sulfate|sulphate|phosphate))?"
_SEP = r"\s*(?:,|/|\bor\b|\band/or\b|\band\b|,\s*or\b|,\s*and\b|\bplus\b)\s*"
_LIST = r"(?P<list>" + _PRODUCT + _SALT + _GLOSS + r"(?:" + _SEP + r"(?:prior\s+)?" + _PRODUCT + _SALT + _GLOSS + r"){0,15})"
PRODUCT_LIST = _LIST  # the same list, for a reaction named after its products (topics.events)
# what says the list was given: "prior", "previous treatment with", "received", "exposure to",
# "concomitant use of", "at least 4 weeks since prior", "treatment with", "taking"
_WASHOUT = r"(?P<washout>(?:at\s+least|more\s+than|greater\s+than|over|>|≥|>=|a\s+minimum\s+of)\s*\d{1,3}\s*(?:days?|weeks?|months?|wks?|hours?|hrs?)\s+(?:must\s+have\s+(?:elapsed|passed)\s+)?(?:since|from)\s+(?:the\s+)?(?:last\s+(?:dose\s+of\s+)?|completion\s+of\s+|prior\s+|previous\s+|administration\s+of\s+)?)"
_NOW = r"(?P<now>(?:concomitant|concurrent|current(?:ly)?|ongoing|chronic|regular)\s+(?:use\s+of|treatment\s+with|therapy\s+with|administration\s+of|intake\s+of|medication\s+with|need\s+for|receiving|taking|on)?|(?:currently\s+|now\s+|is\s+|are\s+)?(?:taking|receiving|on\s+(?:treatment\s+with\s+)?)|while\s+(?:on|taking|receiving)|requires?|requiring|use\s+of)\s*"
_PAST = (
    r"(?P<past>(?:(?:any\s+)?(?:prior|previous(?:ly)?|past|earlier)\s+(?:(?:systemic\s+)?(?:treatment|therapy|exposure|use|tx|administration|history\s+of\s+(?:treatment|therapy))\s+(?:with|to|of|using)\s+)?(?:the\s+)?)"
    r"|(?:(?:has|have|had)\s+(?:been\s+)?)?(?:received|receipt\s+of|(?:previously\s+)?treated\s+with|exposure\s+to|exposed\s+to|(?:treatment|therapy)\s+with)\s+(?:(?:prior|previous)\s+)?(?:(?:treatment|therapy)\s+(?:with|using)\s+)?"
    # "prior or current history of digoxin exposure": the exposure named after the product
    r"|(?:(?:prior|previous|past|current)\s+(?:(?:or|and/or|and)\s+(?:current|prior|previous|past)\s+)?)?history\s+of\s+(?=[\w\s,/-]{1,60}?\bexposures?\b)"
    # "a history of high-dose cytarabine (Ara-C) therapy": the therapy named after the products
    r"|(?:(?:prior|previous|past)\s+)?history\s+of\s+(?=[\w\s,/()-]{1,60}?\b(?:therapy|treatment)\b))"
)
# the dose named before the products ("high-dose cytarabine (> 1,000 mg/m2/day)", "high dose of
# methotrexate"): which dose counts as high is the protocol's, a person's beside the product
_DOSE = r"(?P<dose>high[\s-]+doses?\s+(?:of\s+)?)?"
# (a count of cycles between the lead and the list, "Prior treatment with more than 1 cycle of
# azacitidine": ``product_counts``)
# a later member of the list may carry its own dose ("No prior intensive chemotherapy or high-dose
# ara-C (>/= 1g/m2)", "prior azacitidine or high-dose cytarabine"): that member is the product
# with a person's reading of its dose, the others are read as named (left out, the member stood
# unread and a patient never given either stayed unknown; holdout T262's MDS line)
_MEMBER_DOSE = r"(?:high[\s-]+doses?\s+(?:of\s+)?)"
_MEMBER_DOSE_RE = re.compile(_MEMBER_DOSE + r"$", I)
_DOSED_LIST = r"(?P<list>" + _PRODUCT + _SALT + _GLOSS + r"(?:" + _SEP + r"(?:prior\s+)?" + _MEMBER_DOSE + r"?" + _PRODUCT + _SALT + _GLOSS + r"){0,15})"
_NAMED = re.compile(r"(?:" + _WASHOUT + r"|" + _PAST + r"|" + _NOW + r")" + COUNT + r"(?:an?\s+|any\s+|the\s+)?" + _DOSE + _DOSED_LIST, I)
_PRODUCT_RE = re.compile(_PRODUCT, I)
_BARE_NO = re.compile(r"\W*no\s+" + _LIST, I)
PRODUCT_RE = _PRODUCT_RE  # one product's name, for a list other topics find
# a window written near the products ("within 4 weeks", "14 days prior to", "in the last 6 months")
_WHEN = re.compile(
    r"\b(?:within|in\s+(?:the\s+)?(?:past|last|previous)|during\s+the\s+(?:past|last))\b[^;.]{0,40}|\b\d{1,3}\s*(?:days?|weeks?|months?|years?|half-?lives)\b[^;.]{0,30}?\b(?:prior|before|of|preceding)\b",
    I,
)
# a time at least so long before ("> 1 week prior to starting study drug", "at least 4 weeks before")
_AT_LEAST_BEFORE = re.compile(r"(?:>|≥|>=|\bat\s+least|\bmore\s+than|\bgreater\s+than|\bover|\ba\s+minimum\s+of)\s*$", I)
_COUNTED_BACK = re.compile(r"\b(?:prior|before|preceding)\b", I)
# ... from the study's start ("prior to starting study drug", "before registration"), never from
# another event ("CR, PR, or SD for >= 12 weeks prior to disease progression" is a response's length)
_STUDY_START = re.compile(
    r"\s*(?:to\s+)?(?:the\s+)?(?:start|starting|first|initiat\w*|study|registration|enrol\w*|entry|randomi[sz]\w*|treatment|day\s+1|inclusion|dosing|protocol|trial|screening|baseline)\b",
    I,
)
# a bound right after the products, their window ("Glivec® ≤ 1 week")
_BOUND_AFTER = re.compile(r"\s*®?\s*(?:>|≥|>=|<|≤|<=)\s*\d{1,3}\s*(?:days?|weeks?|months?|years?)\b", I)
# a product the line names as what the patient cannot take, or one it may be given
_NOT_HISTORY = re.compile(
    r"\b(?:able|ability|unable|inability|eligible|ineligible|candidates?|scheduled|planned|plan|indicated|will|to\s+receive|to\s+be\s+treated|"
    r"intoleran\w*|toleran\w*|allerg\w*|hypersensitiv\w*|sensitivity|contra-?indicat\w*|reaction|toxicit\w*|attributed|related|refractory|resistan\w*|"
    r"failure|failed|progress\w*|relapse\w*|naive|naïve|continue|maintain\w*|stable\s+dose|dose\s+of|level)\b[^;.]{0,30}$",
    I,
)


# a negation before the products in the clause ("patients may not be on warfarin", "must not have
# received"): what the line asks is then the products' absence, which only the clause grammar's
# opening negation ("No prior X", items.NEGATED) reads; anywhere else the topic reads nothing
_NEGATOR = re.compile(r"\b(?:not|no|never|without|nor|cannot|off|free\s+of|discontinue\w*|stop\w*|n't)\b|n't\b", I)


# an inclusion that grants rather than asks ("Patients on warfarin are eligible if ...", "Prior
# rituximab is allowed"): read as a requirement, it would turn away every patient without it
_GRANTS = re.compile(r"\b(?:allowed|permitted|eligible|acceptable|may|can|could|provided|if|unless|except|okay|ok)\b", I)


_FIRST_WORDS = frozenset(n.split()[0] for n in _NAMES)
_SUFFIXES = ("mab", "nib", "ciclib", "parib", "lisib", "degib", "sertib", "zomib", "lidomide", "platin", "rubicin", "taxel", "abine",
             "tecan", "poside", "fosfamide", "mustine", "zolomide", "trexate", "rozole", "lutamide", "strant", "olimus", "relbine", "cristine", "blastine", "citidine", "staurin")
_WORD = re.compile(r"[a-z0-9][a-z0-9'.-]*")


def _names_a_product(text: str) -> bool:
    """A cheap test that runs before the patterns: a word of the text is a product's first word
    or ends as a generic name does (most lines name none)."""
    for w in _WORD.findall(text.lower()):
        w = w.rstrip(".-'")
        if w in _FIRST_WORDS or (len(w) > 5 and w.endswith(_SUFFIXES)):
            return True
    return False


# where the products may stand: at the clause's start, after the patients it names and what they
# have ("Patients who have received prior", "No prior", "Any previous"), so that the products are
# the clause's subject; in the middle of a clause they qualify another ("Diabetes treated with
# insulin", "LVEF decline after prior trastuzumab", "before treatment with imatinib") and are
# left to the clause's other readings
_AT_START = re.compile(
    r"\W*(?:\d{1,2}[.)]\s*)?(?:(?:the\s+)?(?:patients?|subjects?|participants?|those|women|men)\s+)?(?:(?:who|that)\s+)?"
    r"(?:(?:are|is|have|has|had|were|was|must|should|will|did|with)\s+)?(?:(?:not|never)\s+)?(?:(?:been|be)\s+)?"
    r"(?:(?:any|no|known|documented|a|the|history\s+of|currently|previously|already)\s+){0,3}",
    I,
)
# ... or after a list's separator when the products' own lead says they were given ("Prior
# chemotherapy, or prior bevacizumab")
_STRONG = re.compile(r"\W*(?:prior|previous|past|earlier|any\s+prior|(?:at\s+least|more\s+than|greater\s+than|over|>|≥|>=|a\s+minimum\s+of)\s*\d|concomitant|concurrent|current|use\s+of|exposure|received|receipt)", I)
_LISTED = re.compile(r"(?:,|;|\bor\b|\band\b|\band/or\b)\s*$", I)
# what may follow the products: the clause's end, a window, another item of a list; a purpose
# ("for pre-existing MDS", "to treat ...") or an outcome after them is another reading's
_ENDS = re.compile(
    r"\s*(?:$|[.;,:)\]]|\(|\b(?:or|and|and/or|within|in\s+(?:the\s+)?(?:past|last|previous)|during\s+the\s+(?:past|last)|at\s+any\s+time|is|are|was|were|"
    r"prior\s+to|before|(?:\d{1,3}|one|two|three|four|six)\s*(?:days?|weeks?|months?|years?)|for\s+(?:at\s+least|≥|>|more\s+than|a\s+minimum|\d)|therapy|treatment|exposures?|alone|monotherapy|containing|based)\b"
    # a time since written as a bound ("interferon > 1 week prior to starting study drug")
    r"|\s*(?:>|≥|>=|<|≤|<=)\s*\d)",
    I,
)


# the code names of the products the catalogue knows by no approved brand (vosaroxin was SNS-595
# through its trials): a record of the trial drug may name it by either, so a line naming the
# generic asks both (asked by the generic alone, a record of "SNS-595" cleared "Prior exposure to
# vosaroxin", which before it was known was a person's)
_CODED = {"vosaroxin": "sns-595", "entinostat": "sndx-275", "plitidepsin": "aplidin", "ripretinib": "dcc-2618", "napabucasin": "bbi608",
          "oprelvekin": "neumega"}


def _value(name: str) -> str:
    """The words a record may name the product by: a brand with its generic name, a generic known
    by a code name with that name."""
    low = " ".join(name.lower().split())
    return f"{low} {_BRANDS[low]}" if low in _BRANDS else f"{low} {_CODED[low]}" if low in _CODED else low


product_value = _value  # a product's words for ``named_medication is`` (other topics' lists)


def with_generic(name: str) -> str:
    """``name`` as written, and after it the generic a brand stands for ("Vidaza" -> "Vidaza
    azacitidine"): an allergy a record writes by the generic is to the brand a line names."""
    generic = _BRANDS.get(" ".join(name.lower().split()))
    return f"{name} {generic}" if generic else name


# whether the line being read sets a product's time of its own, in any of its clauses (set by
# parser.line.parse_line; the clauses are read apart, and a cached clause's reading keys on it)
LINE_TIMED: ContextVar[tuple[bool, bool]] = ContextVar("line_times_products", default=(False, False))


def line_times_products(text: str) -> tuple[bool, bool]:
    """Whether a line says a time or a permission beside its products ("prior metformin use is
    allowed if last dose was 3 months previous", "must be off of these medications for at least 3
    days"): "taken now" is then no reading of the products' own words; and whether it states a
    duty ahead of the patient ("contraception ... after the last dose of"), whose products are
    the study's, dated by nothing on record."""
    duty = bool(_DUTY.search(text))
    return bool(duty or _TIME_SAID.search(text) or _NOW_OTHERWISE.search(text)), duty


def product_items(text: str, ctype: CriterionType, timed: tuple[bool, bool] = (False, False)) -> list[Item]:
    """Items for products named as prior or concurrent therapy (see the module's doc).
    ``timed``: what the whole line says beside them (``line_times_products``)."""
    own = line_times_products(text)
    timed = (timed[0] or own[0], timed[1] or own[1])
    if not _names_a_product(text) or CriterionType(ctype) is CriterionType.INCLUSION and _GRANTS.search(text):
        return []
    items: list[Item] = []
    bare = _BARE_NO.match(text)
    if bare is not None and (dated := window_after_products(text, bare.end())) is not None and _DOSE_IN.search(bare.group("list")) is None and not timed[1]:
        # "No imatinib within 7 days prior to study entry" (how the normalizer writes "must have
        # discontinued imatinib at least 7 days prior to study entry"): the clause grammar's "No"
        # negates the products dated by the window
        names = [p.group(0) for p in _PRODUCT_RE.finditer(bare.group("list"))]
        given = any_of([predicate("named_medication", Op.IS, _value(n)) for n in dict.fromkeys(names)])
        items.append(Item(bare.start("list"), bare.end(), dated_products(given, dated), frozenset({"named_medication"})))
        return items
    for m in _NAMED.finditer(text):
        before = text[max(0, m.start() - 60): m.start()]
        if _NOT_HISTORY.search(before) or CLASS_NOT_TAKEN.search(before) or CLASS_TO_COME.search(before):
            continue
        head = text[: m.start()]
        if not (_AT_START.fullmatch(head) or _STRONG.match(m.group(0)) and _LISTED.search(head)) or not _ENDS.match(text, m.end()):
            continue  # "Diabetes treated with insulin", "LVEF decline after prior trastuzumab", "... for MDS": another subject's
        opening = NEGATED.match(text)
        if _NEGATOR.search(text, opening.end() if opening else 0, m.start()):
            continue
        containing = _CONTAINING.match(text, m.end())
        after = containing.end() if containing else m.end()  # where the products' words end
        listed = m.group("list")
        found = list(_PRODUCT_RE.finditer(listed))
        if not found:
            continue
        names = [p.group(0) for p in found]
        dosed = {p.group(0) for p in found if p.start() > 0 and _MEMBER_DOSE_RE.search(listed, 0, p.start())}
        products = [
            all_of([predicate("named_medication", Op.IS, _value(n)), Qualifier(ReviewReason.AMBIGUOUS, f"whether the dose was high: high-dose {n}")])
            if n in dosed else predicate("named_medication", Op.IS, _value(n))
            for n in dict.fromkeys(names)
        ]
        joined = m.group("list")
        both = re.search(r"\band\b(?!\s*/)|\bplus\b", joined, I) and not re.search(r"\bor\b", joined, I)
        given: Expr = all_of(products) if both and ctype is CriterionType.INCLUSION else any_of(products)
        words = " ".join(text[m.start(): m.end()].split())
        # numbers in brackets the list took in ("flutamide (6 weeks for bicalutamide or
        # nilutamide)", "aspirin (> 150 mg/day)"): another product's window or a dose the line
        # sets, which no product's date decides; the time stays a person's
        # A duty ahead of the patient ("contraception ... at least 5 months after the last dose
        # of atezolizumab") is no washout either: the products are the study's
        plain = _DOSE_IN.search(m.group("list")) is None and not timed[1]
        if m.group("washout"):
            # "at least 4 weeks since prior X": met without X, and with an X last given before
            # the window (each product by its own records' dates)
            expr: Expr = product_washout(given, words, washout_window(m.group("washout")) if plain else None)
        else:
            when = _WHEN.search(text, max(0, m.start() - 60), min(len(text), m.end() + 80))
            bound = _BOUND_AFTER.match(text, after)
            if (
                when is not None and ctype is CriterionType.INCLUSION and _AT_LEAST_BEFORE.search(text, max(0, when.start() - 16), when.start())
                and _COUNTED_BACK.search(when.group(0)) and _STUDY_START.match(text, when.end())
            ):
                # "Patients who have received interferon, other anti cancer drug or radiotherapy > 1
                # week prior to starting study drug": a washout, as the therapy classes' same words
                # are read (no therapy within the week); read as the product asked for, every
                # patient never given interferon failed the line (holdout NCT01602952)
                expr = product_washout(
                    given, " ".join(text[m.start(): when.end()].split()), washout_window(when.group(0), text[max(0, when.start() - 16): when.start()]) if plain else None,
                )
            elif plain and (dated := window_after_products(text, after)) is not None:
                # "Patients who have received Nilotinib and Dasatinib ≤4 weeks prior to starting
                # study drug", "Use of amiodarone within 2 years prior to screening": the window
                # right after the products, before the study's start, dates each of them
                expr = dated_products(given, dated)
            elif when is not None or bound is not None:
                # ("Patients who have received Glivec® ≤ 1 week": the bound right after the product dates it)
                said = when.group(0) if when is not None else bound.group(0)  # type: ignore[union-attr]
                expr = all_of([given, Qualifier(ReviewReason.AMBIGUOUS, f"when it was given: {' '.join(said.split())}")])
            elif m.group("now") and (not plain or _DOSE_SAID.match(text, after) or not _STRONG_NOW.search(m.group("now")) and not _BARE_USE_NOW.match(m.group("now"))
                                     or timed[0]):
                # "aspirin (> 150 mg/day)": the dose is the line's, no record's field; "Use of
                # cladribine ... before enrollment", "requiring X": no word says it is taken now;
                # a line that sets its own time or lets the product be ("prior metformin use is
                # allowed if last dose was 3 months previous", "must be off of these medications
                # for at least 3 days", "may discontinue the use of these drugs") is a person's
                expr = all_of([given, Qualifier(ReviewReason.AMBIGUOUS, f"whether it is taken now: {words}")])
            elif m.group("now"):
                # "Concomitant use of phenytoin", "Use of St. John's Wort or rifampin": taken in the
                # last 2 weeks (or still taken) is taken now; up to 8 weeks ago a course may still
                # be under way, a person's; longer ago, not now
                expr = any_of([dated_products(given, NOW), all_of([dated_products(given, NOW_MAYBE), Qualifier(ReviewReason.AMBIGUOUS, f"whether it is taken now: {words}")])])
            else:
                expr = given
        if m.group("count"):
            if m.group("washout"):
                continue  # "at least 4 weeks since prior 2 cycles of X": no reading of both
            expr = counted(expr, m)  # the cycles are the record's to count, never the products' presence
        dose = _DOSE_AFTER.match(text, after) if m.group("dose") else None
        if m.group("dose"):
            # a record names the product, not whether its dose was the protocol's "high" one
            said = " ".join(text[m.start("dose"): dose.end() if dose else after].split())
            expr = all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, f"whether the dose was high: {said}")])
        # "prior midostaurin (PKC412) treatment": the word after the products says what they
        # were, it is no residue of its own (left, an exclusion asked a person about everyone)
        tail = _TREATMENT_AFTER.match(text, after)
        end = max(tail.end() if tail else after, dose.end() if dose else 0)  # the dose in brackets is the product's too
        items.append(Item(m.start(), end, expr, frozenset({"named_medication"})))
    return items


def product_washout(given: Expr, words: str, window: Window | None = None) -> Expr:
    """A washout from named products: no record naming them meets it; with its window read, a
    record naming them meets it when each was last given before the window (``window``: the one
    that must hold none of them); without, how long ago is a person's."""
    if window is not None:
        return Not(dated_products(given, window))
    return any_of([Not(given), Alternative(ReviewReason.AMBIGUOUS, f"when it was last given: {words}")])


# "taken now": in the last 2 weeks (events.NOW); a course up to 8 weeks ago may still be under way
NOW_MAYBE = Window(56.0, "days")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10, "twelve": 12}
_N = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|ten|twelve)"
_UNIT = r"(?P<unit>days?|weeks?|wks?|months?|years?|hours?|hrs?)\b"
# the washout's own bound ("at least 4 weeks since", "> 1 week prior to"): "at least", "≥", "a
# minimum of" let the bound itself meet it (the window that must hold none ends the day before)
_WASHOUT_BOUND = re.compile(r"(?P<kind>at\s+least|a\s+minimum\s+of|≥|>=|more\s+than|greater\s+than|over|>)\s*" + _N + r"\s*" + _UNIT, I)
# a window right after the products: "within 14 days of the first dose", "≤ 1 week", "in the
# past 6 months", "=< 6 months prior to registration"; what lies between (", other anti cancer drug
# or chemotherapy") joins more items of the list, never a new clause, a purpose or a duration
_AFTER = re.compile(
    r"(?P<gap>[^;.:()\d]{0,60}?)(?P<kind>\bwithin(?:\s+the\s+(?:past|last|previous|preceding))?|\bin\s+the\s+(?:past|last|previous|preceding)|\bduring\s+the\s+(?:past|last|previous)"
    r"|≤|<=|=<|<|\bless\s+than)\s*" + _N + r"\s*" + _UNIT,
    I,
)
_GAP_BREAK = re.compile(
    r"\b(?:who|which|that|received|receiving|taken|treated|had|have|has|was|were|for|during|after|since|from|except\w*|unless|other\s+than|allowed|permitted|if|"
    r"ever|any\s+time|history|prior|previous|before|until|while|progress\w*|relaps\w*|refractory|dose|doses|cycles?|course)\b",
    I,
)
# after the window: the line's end, or the study's start it counts back from
_AFTER_TAIL = re.compile(
    r"\s*(?:$|[.;,]|\b(?:is|are)\s+not\s+(?:permitted|allowed)\b|\bor\s+(?:who|patients?|those|subjects?|participants?|have|has|had)\b|(?:(?:prior\s+to|before|of|preceding|from)\s+(?:the\s+)?(?:(?:first|initial)\s+)?)"
    r"(?:start|starting|first|initial|initiat\w*|study|registration|enrol\w*|entry|randomi[sz]\w*|treatment|day\s*1|inclusion|dosing|protocol|trial|screening|baseline|beginning|receiving|begin)\b)",
    I,
)
# a dose after the products ("aspirin (> 150 mg/day)", "warfarin (> 1 mg/day)"): the line asks of a dose
# the words that say a product is taken now; a bare "use of" says so only in a line that speaks
# of no other time ("Use of St. John's Wort or rifampin."; not "Use of cladribine ... before enrollment")
_STRONG_NOW = re.compile(r"\b(?:concomitant|concurrent|current(?:ly)?|ongoing|chronic|regular|taking|receiving|while|on)\b", I)
_NOW_OTHERWISE = re.compile(
    r"\b(?:allowed|permitted|acceptable|except\w*|unless|wash[\s-]*out|discontinu\w*|stop\w*|off|held|hold|switch\w*|substitut\w*|stable|constant)\b", I,
)
_DUTY = re.compile(r"pregnan|breast[\s-]*feed|nursing|lactat|contracep|sperm|abstinen|conceiv|child-?bearing|birth\s+control|condom", I)
_BARE_USE_NOW = re.compile(r"use\s+of\s*$", I)
_TIME_SAID = re.compile(r"\b(?:prior|previous\w*|before|history|ever|past|within|since|last|recent\w*|\d+\s*(?:days?|weeks?|months?|years?))\b", I)
_DOSE_IN = re.compile(r"\([^()]{0,40}\d[^()]{0,40}\)")  # ... or in the gloss the list took in
_DOSE_SAID = re.compile(r"\s*(?:\([^()]{0,30}\d[^()]{0,30}\)|[<>≤≥]|\d)", I)


def _amount(m: re.Match[str]) -> tuple[float, str]:
    n = m.group("n").lower()
    amount = float(_NUMBER_WORDS.get(n) or n)
    unit = m.group("unit").lower().rstrip("s")
    unit = {"wk": "week", "hr": "hour"}.get(unit, unit)
    if unit == "hour":
        return amount / 24, "days"
    return amount, unit + "s"


def washout_window(words: str, before: str = "") -> Window | None:
    """The window a washout's words ("at least 4 weeks since prior", "> 1 week prior to") say
    must hold none of the products, or None when they say no bound this reads."""
    m = _WASHOUT_BOUND.search(before + " " + words) if before else _WASHOUT_BOUND.search(words)
    if m is None:
        return None
    amount, unit = _amount(m)
    kind = " ".join(m.group("kind").lower().split())
    # "at least 2 weeks since": the bound itself meets it (events._window's reading)
    return Window(amount, unit, exclusive=kind in ("at least", "a minimum of", "≥", ">="))


def window_after_products(text: str, end: int) -> Window | None:
    """A window written right after the products and counted back from the study's start."""
    m = _AFTER.match(text, end)
    if m is None or _GAP_BREAK.search(m.group("gap")) or not _AFTER_TAIL.match(text, m.end()):
        return None
    amount, unit = _amount(m)
    kind = " ".join(m.group("kind").lower().split())
    return Window(amount, unit, exclusive=kind in ("<", "less than"))


def dated_products(expr: Expr, window: Window) -> Expr:
    """``expr`` with each named product asked within ``window``."""
    if isinstance(expr, Predicate) and expr.concept == "named_medication" and expr.op is Op.IS:
        return Predicate(expr.concept, Op.IS, expr.value, window=window)
    if isinstance(expr, All):
        return all_of([dated_products(p, window) for p in expr.parts])
    if isinstance(expr, Any_):
        return any_of([dated_products(p, window) for p in expr.parts])
    return expr


# the regimen the products were part of ("a high-dose cytarabine containing regimen (>2 g/m2/dose)
# within 3 months", "a doxorubicin containing regimen", "a cetuximab-containing regimen for at least
# 6 weeks"; about 50 corpus lines): a regimen containing the product is the product given. Left,
# "containing regimen" stood unread beside it, and the window or dose after it was no longer the
# product's (a patient never given cytarabine was unknown)
_CONTAINING = re.compile(
    r"[\s-]*containing\s+(?:combination\s+)?(?:chemotherapy\s+)?(?:regimens?|therap(?:y|ies)|treatments?|combinations?|chemotherapy)\b", I
)
_TREATMENT_AFTER = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:treatment|therapy|exposure|use)\b", I)
# the dose written after a high-dose product, in brackets ("therapy (greater than 1,000 mg/m2/day)")
_DOSE_AFTER = re.compile(r"(?:\s*(?:\([^()]{1,20}\)\s*)?(?:treatment|therapy)\b)?\s*\([^()]{0,40}\d[^()]{0,40}\)", I)


# An exclusion that is nothing but a product Eligo does not know, as prior therapy ("Prior exposure
# to vosaroxin", "Prior treatment with MDV3100", "Previous exposure to fampridine"): most name the
# trial's own drug. Which product the word is, or whether it is a product at all, nobody here knows,
# so the line is met only by a record that names those very words; any other record leaves it to a
# person (a code name's generic, "MDV3100" for enzalutamide, would otherwise clear the patient).
_UNREAD_PRODUCT = re.compile(
    r"\W*(?:\d{1,2}[.)]\s*)?(?:any\s+)?(?:prior|previous)\s+(?:exposure\s+to|treatment\s+with|therapy\s+with|use\s+of|administration\s+of)\s+"
    r"(?P<name>[A-Za-z][A-Za-z0-9-]{3,30})\s*®?(?:\s*\((?P<alias>[A-Za-z][A-Za-z0-9-]{3,30})\))?\s*\.?\s*",
    I,
)


def unread_product(text: str) -> Expr | None:
    """What an exclusion naming only an unknown product as prior therapy asks (see above), or None."""
    m = _UNREAD_PRODUCT.fullmatch(text)
    if m is None:
        return None
    name = m.group("name")
    # "Prior exposure to SNS-595 (vosaroxin)": the code name and the name in brackets are one
    # product, which a record may name either way
    names = [name] + ([m.group("alias")] if m.group("alias") else [])
    return Any_((*(predicate("named_medication", Op.IS, n.lower()) for n in names),
                 Review(ReviewReason.UNSUPPORTED_CONCEPT, f"a product Eligo does not know: {' / '.join(names)}")))
