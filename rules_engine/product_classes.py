"""Drug classes a hypersensitivity line names by their class word, whose members a record names by
their own: "No known hypersensitivity to macrolide antibiotics (e.g., erythromycin, azithromycin,
or clarithromycin)", "No allergy to platinum compounds", "Known hypersensitivity to taxanes",
"Patients with previous allergy or hypersensitivity to anthracyclines", "No known hypersensitivity
to bisphosphonates", "No allergies to fluoroquinolones" (about 35 corpus lines, all left to a
person as "any drug allergy, which may be one of them").

An allergy record names the substance (AllergyIntolerance.code: RxNorm or its words): an allergy to
azithromycin is one to a macrolide, one to penicillin is not. Each class word stands for its
members' names, generic and brand, one word each as a record's words are compared
(``derive.product_words``): the WHO ATC groups (J01FA macrolides, L01XA platinum compounds, L01CD
taxanes, L01DB anthracyclines, M05BA bisphosphonates, J01MA fluoroquinolones, J01DB-DI
cephalosporins, D01AC/J02AB imidazoles, J02AC triazoles). A record that names no substance stays
unknown (``semantics.product_outcome``), so a list missing a rare brand is the only way a member
goes unseen; the generics of each group are complete.

Keys are the class word as a line writes it, singular and plural (``product_words`` compares the
words of the line's value).
"""

from __future__ import annotations

_MACROLIDES = frozenset({
    "azithromycin", "clarithromycin", "erythromycin", "roxithromycin", "telithromycin", "fidaxomicin", "spiramycin", "josamycin",
    "dirithromycin", "midecamycin", "oleandomycin", "troleandomycin", "zithromax", "zmax", "azasite", "biaxin", "klacid", "eryc",
    "erythrocin", "ketek", "dificid", "rovamycine",
})
_PLATINUM = frozenset({
    "cisplatin", "carboplatin", "oxaliplatin", "nedaplatin", "lobaplatin", "satraplatin", "heptaplatin", "picoplatin", "platinol",
    "paraplatin", "eloxatin",
})
_TAXANES = frozenset({
    "paclitaxel", "docetaxel", "cabazitaxel", "larotaxel", "tesetaxel", "taxol", "taxotere", "abraxane", "jevtana", "onxol", "docefrez",
})
_ANTHRACYCLINES = frozenset({
    "doxorubicin", "daunorubicin", "epirubicin", "idarubicin", "valrubicin", "amrubicin", "aclarubicin", "pirarubicin", "adriamycin",
    "doxil", "caelyx", "myocet", "lipodox", "cerubidine", "daunoxome", "vyxeos", "idamycin", "zavedos", "ellence", "pharmorubicin",
    "valstar",
})
_BISPHOSPHONATES = frozenset({
    "zoledronic", "zoledronate", "pamidronate", "alendronate", "alendronic", "ibandronate", "ibandronic", "risedronate", "risedronic",
    "clodronate", "clodronic", "etidronate", "etidronic", "tiludronate", "neridronate", "zometa", "reclast", "aclasta", "aredia",
    "fosamax", "boniva", "bondronat", "actonel", "atelvia", "bonefos", "didronel",
})
_FLUOROQUINOLONES = frozenset({
    "ciprofloxacin", "levofloxacin", "moxifloxacin", "ofloxacin", "norfloxacin", "gemifloxacin", "delafloxacin", "gatifloxacin",
    "lomefloxacin", "sparfloxacin", "prulifloxacin", "pefloxacin", "enoxacin", "trovafloxacin", "cipro", "ciproxin", "levaquin",
    "tavanic", "avelox", "floxin", "noroxin", "factive", "baxdela",
})
_CEPHALOSPORINS = frozenset({
    "cefazolin", "cephalexin", "cefalexin", "cefadroxil", "cephalothin", "cefalotin", "cephradine", "cefuroxime", "cefaclor",
    "cefprozil", "cefoxitin", "cefotetan", "cefamandole", "ceftriaxone", "cefotaxime", "ceftazidime", "cefoperazone", "cefixime",
    "cefdinir", "cefpodoxime", "cefditoren", "ceftibuten", "cefepime", "cefpirome", "ceftaroline", "ceftobiprole", "ceftolozane",
    "cefiderocol", "keflex", "ancef", "zinacef", "ceftin", "rocephin", "claforan", "fortaz", "tazicef", "maxipime", "teflaro",
    "zerbaxa", "avycaz", "fetroja", "suprax", "omnicef",
})
_IMIDAZOLES = frozenset({
    "clotrimazole", "ketoconazole", "miconazole", "econazole", "bifonazole", "oxiconazole", "sulconazole", "tioconazole",
    "sertaconazole", "luliconazole", "butoconazole", "isoconazole", "fenticonazole", "nizoral", "lotrimin", "canesten", "monistat",
})
_TRIAZOLES = frozenset({
    "fluconazole", "itraconazole", "voriconazole", "posaconazole", "isavuconazole", "isavuconazonium", "efinaconazole", "terconazole",
    "diflucan", "sporanox", "vfend", "noxafil", "cresemba",
})

CLASS_MEMBERS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("macrolide", "macrolides"), _MACROLIDES),
    **dict.fromkeys(("platinum", "platins"), _PLATINUM),
    **dict.fromkeys(("taxane", "taxanes"), _TAXANES),
    **dict.fromkeys(("anthracycline", "anthracyclines"), _ANTHRACYCLINES),
    **dict.fromkeys(("bisphosphonate", "bisphosphonates"), _BISPHOSPHONATES),
    **dict.fromkeys(("fluoroquinolone", "fluoroquinolones", "quinolone", "quinolones"), _FLUOROQUINOLONES),
    **dict.fromkeys(("cephalosporin", "cephalosporins"), _CEPHALOSPORINS),
    **dict.fromkeys(("imidazole", "imidazoles"), _IMIDAZOLES),
    **dict.fromkeys(("triazole", "triazoles"), _TRIAZOLES),
    **dict.fromkeys(("azole", "azoles"), _IMIDAZOLES | _TRIAZOLES),
}
