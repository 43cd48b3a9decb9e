"""Diagnoses, disease status, and history or therapy events with their time windows.

History and therapy events (``_HISTORY``: prior chemotherapy, brain metastases, ...) are read in
an exclusion wherever they are named; in an inclusion only where the line asks about them
("prior", "no", "history of", a time window), never where a therapy is only named in passing
("poor response to conventional chemotherapy") or is the cause of the line's subject ("toxicity
caused by previous therapy").
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window, iter_nodes
from rules_engine.concepts import CONCEPTS, HEMATOLOGIC_DISEASES, MALIGNANCIES, Kind, ancestors
from rules_engine.parser.topics.toxicity_sources import toxicity_source_items
from rules_engine.parser.topics.cancer_history import HISTORY_CANCERS, history_named
from rules_engine.derive import QUALIFIED_EVENTS, product_words
from rules_engine.parser.topics.history_lists import listed_history
from rules_engine.parser.topics.gvhd_severity import gvhd_severity
from rules_engine.parser.topics.allergy_parts import named_part_of
from rules_engine.parser.topics.allergy_classes import allergen_end, allergy_class
from rules_engine.parser.topics.treated_remission import remission_part
from rules_engine.parser.topics.diagnosis_age import OWN_DIAGNOSIS, diagnosed_within
from rules_engine.parser.items import I, Item, NEG, NEGATE, NEGATED, NOW, OPS, POS, all_of, any_of, content_words, count_of, map_leaves, number, predicate
from rules_engine.parser.remarks import EVER_PHRASE
from rules_engine.parser.toxicity_scale import TOXICITY_SCALE, without_scale
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.wounds import wound_list_items
from rules_engine.parser.topics.t_cell_kinds import T_CELL_KINDS
from rules_engine.parser.topics.b_cell_kinds import PLL_ROWS
from rules_engine.parser.topics.lymphoblastic import lymphoblastic_items
from rules_engine.parser.topics.lymphoid_kinds import lymphoid_items
from rules_engine.parser.topics.unnamed_exceptions import non_hematologic, progressing_or_treated, unread_other_than
from rules_engine.parser.topics.antecedent_disorder import antecedent_disorder_items
from rules_engine.parser.topics.cardiac_history import cardiac_history_items
from rules_engine.parser.topics.pneumonitis import pneumonitis_items
from rules_engine.parser.topics.chronic_hepatitis import chronic_hepatitis_items
from rules_engine.parser.topics.bleeding import BLEEDING_EVENTS
from rules_engine.parser.topics.products import PRODUCT_LIST, PRODUCT_NAMES, dated_products, product_washout, window_after_products, with_generic
from rules_engine.parser.topics.history_conditions import HISTORY_CONDITIONS
from rules_engine.parser.topics.comorbid_conditions import COMORBID_CONCEPTS, COMORBID_CONDITIONS, KIDNEY_GUARDED, comorbid_refused
from rules_engine.parser.topics.named_conditions import NAMED_CONDITIONS
from rules_engine.parser.topics.heart_rhythm import RHYTHM_EVENTS
from rules_engine.parser.topics.disease_order import REMISSION_ORDER, order_count, relapse_limit_items, remission_counted, remission_order, remission_order_items
from rules_engine.parser.topics.organ_disease import ORGAN_DISEASE_EVENTS, cardiac_dysfunction_items, gland_items
from rules_engine.parser.topics.cardiac_impairment import cardiac_impairment_items
from rules_engine.parser.topics.gi_function import gi_function_items
from rules_engine.parser.topics.gut_resection import gut_resection_items
from rules_engine.parser.topics.movement_disorders import movement_disorder_items
from rules_engine.parser.topics.spinal_cord import SPINAL_CORD_EVENTS
from rules_engine.parser.topics.event_grades import at_most_grade_beside, graded_events
from rules_engine.parser.topics.conditions import condition_items, not_since_misread, qualify_since
from rules_engine.parser.topics.shared_drug_lead import SHARED_LEAD
from rules_engine.parser.topics.recent_use import ASKED_USE, OR_RECENT, current_or_recent
from rules_engine.parser.topics.after_any import after_any_washout
from rules_engine.parser.topics.medication_classes import CONTINUOUS_CLASSES, MEDICATION_CLASS_CONCEPTS, MEDICATION_NOT_TAKEN
from rules_engine.parser.prednisone_dose import DOSE, dose_op, names_prednisone
from rules_engine.parser.topics.drug_classes import class_as_example, CLASS_LEAD, CLASS_NOT_TAKEN, CLASS_TO_COME, DRUG_CLASSES, NAIVE_AFTER
from rules_engine.parser.word_gates import WordGates, any_word

try:  # the safety pass keeps a review marked as a qualifier of the one item it narrows
    from rules_engine.parser.safety import Alternative, Qualifier
except ImportError:  # pragma: no cover - before the safety pass exists, a plain review
    Qualifier = Alternative = Review  # type: ignore[misc, assignment]


_DIAGNOSES: tuple[tuple[str, str], ...] = (
    # APL by its classification, karyotype and fusion gene, as the bracket after its name restates
    # it ("(APL, French-American-British [FAB] classification M3 or WHO classification of APL with
    # t(15;17)(q22;q12)), (PML/retinoic acid receptor alpha [RARa] and variants)", "PML/RAR alpha
    # fusion gene and variants"; a sponsor's template, 4 corpus lines): the gene's spelled-out
    # names and "and variants" are APL still (left, a review beside the exclusion's APL made
    # every record without APL undecided)
    ("apl", r"(?:French[-\s]American[-\s]British|FAB)(?:\s*\[\s*FAB\s*\])?\s+(?:class(?:ification)?\s+)?M3(?:[-\s]*(?:AML|acute\s+myeloid\s+leukemia))?|\bM3[-\s]AML\b|(?:\bM3\s+)?acute\s+promyelocytic\s+leukemia|\bpromyelocytic\s+(?:acute\s+(?:myeloid|myelogenous|myeloblastic|non-?lymphocytic)\s+)?leukemia|\bAPL\b|t\s*\(\s*15\s*[;,]\s*17\s*\)(?:\s*\(\s*q22\s*[;,]\s*q1[12](?:\.\d)?\s*\))?|\bPML\s?[-/:]?\s?(?:RAR\s?(?:A|α|alpha)\b|RAR\b|retinoic\s+acid\s+receptor[\s-]+(?:alpha|α)(?:\s*\[\s*RAR(?:A|a|α)\s*\])?)(?:\s+fusion(?:\s+(?:genes?|transcripts?|proteins?))?)?(?:\s+(?:and|or)\s+(?:its\s+)?variants\b)?"),
    ("b_all", r"\bB[-\s]?ALL\b|\bB-cell\s+(?:acute\s+lymphoblastic|precursor\s+acute\s+lymphoblastic)\s+leukemia|\bB[-\s](?:cell\s+)?acute\s+lymphoblastic\s+leukemia|\bacute\s+B[-\s](?:cell\s+)?lymphoblastic\s+leukemia|\bB-(?:lineage|precursor|cell)\s+(?:ALL|acute\s+lymphoblastic\s+leukemia)"),
    ("t_all", r"\bT[-\s]?ALL\b|\bT-(?:lineage|cell)\s+(?:ALL\b|acute\s+lymphoblastic\s+leukemia)|\bT-cell\s+acute\s+lymphoblastic\s+leukemia|\bT[-\s]acute\s+lymphoblastic\s+leukemia|\bacute\s+T[-\s](?:cell\s+)?lymphoblastic\s+leukemia"),
    # the origins of an AML a line names (concepts: secondary_aml, therapy_related_aml): "therapy-
    # related AML (t-AML)", "Secondary or therapy-related AML", "secondary AML"; never the any-
    # origin "de novo or secondary AML" (remarks.py: no condition), which is AML itself
    ("secondary_aml", r"(?<!novo or )(?<!novo and/or )(?<!novo/)(?<!novo, or )(?<!novo AML or )(?<!novo AML, or )(?<!primary or )(?<!primary and/or )(?<!primary/)"
     r"\bsecondary\s+(?:or\s+(?:therapy|treatment)[\s-]+related\s+)?(?:acute\s+(?:myeloid|myelogenous|non-?lymphocytic)\s+leuka?emia|AML)\b"
     r"(?:\s*\(\s*s-?AML\s*\))?|(?-i:\bs-AML\b|\bsAML\b)"),
    ("therapy_related_aml", r"\b(?:therapy|treatment)[\s-]+(?:related|induced)\s+(?:acute\s+(?:myeloid|myelogenous|non-?lymphocytic)\s+leuka?emia|AML)\b"
     r"(?:\s*\(\s*t-?AML\s*\))?|(?-i:\bt-AML\b|\btAML\b)"),
    # the core-binding-factor karyotypes ("inv(16), t(8;21), t(16;16)", "RUNX1-RUNX1T1"; concepts
    # aml_t8_21, aml_inv16): read as nothing, "favorable risk karyotypes including inv(16), t(8;21)"
    # excluded no AML the record codes with one
    # (never after a word that denies it in its sentence, "lack t(8,21) or inv(16)": ``_KARYOTYPE_DENIED``,
    # nor before one that narrows it, "t(8;21) lacking del(9q)": left to the line's review as before)
    ("aml_t8_21", r"(?:\bt\s*\(\s*8\s*[;,]\s*21\s*\)(?:\s*\(\s*q22\s*[;,]\s*q22(?:\.\d+)?\s*\))?|\bRUNX1[-/:]RUNX1T1\b|\bAML1[-/:]ETO\b)(?!\s*(?:lacking|without)\b)"),
    ("aml_inv16", r"(?:\binv\s*\(\s*16\s*\)(?:\s*\(\s*p13(?:\.1)?\s*;?\s*q22\s*\))?|\bt\s*\(\s*16\s*[;,]\s*16\s*\)(?:\s*\(\s*p13(?:\.1)?\s*[;,]\s*q22\s*\))?|\bCBFB[-/:]MYH11\b)(?!\s*(?:lacking|without)\b)"),
    ("aml", r"acute\s+(?:myeloid|myelogenous|myeloblastic|non-?lymphocytic)\s+leukemia|\bAML\b|\bANLL\b"),
    # the name in any case ("Acute lymphoblastic leukemia" opening a line was read as nothing: the
    # pattern is case-sensitive for the bare "ALL"), and "lymphoblastic leukemia" without "acute"
    # (there is no other lymphoblastic leukaemia); never the quantifier written in capitals for
    # stress ("evaluation of ALL sites of disease", "unless they meet ALL of the following", "ALL
    # solid tumors": read as the disease, a solid-tumour trial asked every patient for an ALL),
    # only before the words a disease never precedes ("ALL participants:", "ALL lymphoblasts",
    # "ALL maintenance therapy" are the disease's)
    ("all", r"(?i:acute\s+lympho(?:blastic|cytic|id)\s+leuka?emia|(?<![-/])(?<!\b[BT]\s)\blymphoblastic\s+leuka?emia)|(?<![-/])\bALL\b(?![-/])"
            r"(?!\s+(?:of\s+(?:the|these|them)|sites?|solid|lesions?|other|prior|the|known|adverse|toxicit|evaluable|measurable|target|non-?target)\b)"),
    # neither myeloid nor lymphoid: "acute leukemia of ambiguous lineage", "mixed phenotype acute
    # leukemia (MPAL)", "biphenotypic", "acute undifferentiated leukemia" (read as a bare acute
    # leukaemia, its lineage words were left to a person)
    ("ambiguous_lineage_leukemia",
     r"(?:acute\s+)?leuka?emias?\s+(?:of|with)\s+(?:ambiguous|mixed)\s+(?:lineage|phenotype)|(?<=\bor\s)(?:those\s+)?of\s+ambiguous\s+lineage"
     r"|mixed[\s-]+(?:phenotype|lineage)\s+(?:acute\s+)?leuka?emias?(?:\s*\(\s*MPAL\s*\))?|\bMPAL\b|(?:acute\s+)?biphenotypic\s+(?:acute\s+)?leuka?emias?"
     r"|acute\s+undifferentiated\s+leuka?emias?"),
    ("acute_leukemia", r"acute\s+leukemias?"),
)


_DIAG_RES = tuple((c, re.compile(p)) if c == "all" else (c, re.compile(p, I)) for c, p in _DIAGNOSES)


# (never the MDS subtypes named "refractory anemia (RA)", "refractory anemia with excess blasts",
# "refractory cytopenia with multilineage dysplasia": read as the disease's refractory status, an
# untreated MDS failed the MDS line listing them and "No refractory anemia with excess blasts in
# transformation" failed every refractory patient)
_STATUS = re.compile(
    r"\b(?P<rr>r/r|relapsed?\s*(?:/|or|and|and/or|&)\s*refractory|refractory\s*(?:/|or|and|and/or)\s*relapsed?|recurrent\s*(?:/|or|and)\s*refractory|relapsed\s+refractory)\b"
    r"|\b(?P<rel>relapsed|relapse|recurrent|recurrence)\b|\b(?P<ref>(?:primary\s+)?refractory)\b(?!\s+(?:anaemias?|anemias?|cytopenias?)\b)",
    I,
)


# "CNS (CNS 2, CNS 3) involvement by ALL", "central nervous system involvement by lymphoma": the
# disease named after "involvement by" is what involves the CNS, part of the one finding (read as
# an alternative of its own, "Active CNS involvement by AML" excluded every patient with AML)
_CNS = re.compile(
    r"\b(?:extramedullary\s+)?(?:central\s+nervous\s+system|CNS)\s*(?:\(CNS\)\s*)?(?:\(\s*CNS\s*[123](?:\s*(?:,|or|and|/)\s*CNS\s*[123]){0,2}\s*\)\s*)?"
    # ("central nervous system or leptomeningeal leukemic involvement": the leukaemia's, wherever in the CNS)
    r"(?:(?:or|and|and/or|/)\s*(?:lepto)?meningeal\s+)?(?:leuka?emic\s+(?=involvement|infiltration))?"
    # ("extramedullary central nervous system (CNS) AML": the leukaemia named by its abbreviation;
    # "central nervous system tumor involvement", which _CNS_DISEASE leaves to it, is the involvement)
    r"(?:involvement|leukemia|infiltration|(?:disease|tumou?r)\s+involvement|relapse|metastas\w*|(?-i:AML|ALL)\b)"
    r"(?:\s+(?:by|with|of)\s+(?:the\s+)?(?:ALL|AML|MDS|CLL|leukemia|lymphoma|myeloma|disease|malignancy|cancer|tumou?r|leukemic\s+(?:cells|blasts)|blasts)\b)?"
    r"|\bCNS[-\s]?3\b|leukemic\s+(?:meningitis|involvement\s+of\s+the\s+(?:central\s+nervous\s+system|CNS))|\bmeningeal\s+leukemia",
    I,
)


_IEMR = re.compile(r"\b(?:isolated|simple)\s+extramedullary\s+(?:relapse|recurrence|leukemia|disease|involvement)", I)


_EMD = re.compile(r"\bextramedullary\s+(?:disease|leukemia|involvement|infiltration|lesions?)", I)

# "extramedullary relapse" (not isolated): a relapse that shows outside the marrow, so both the
# relapse and the extramedullary disease ("(4) extramedullary relapse" among the ways a trial
# lets a relapse be measured)
_EMR = re.compile(r"\bextramedullary\s+(?:relapse|recurrence)", I)
# A malignant tumour of the liver, primary or secondary ("malignant hepatic tumors", "hepatic
# malignancy", "primary or metastatic hepatic tumor"): a hospital codes a primary liver cancer
# (C22) or a secondary neoplasm of the liver (C78.7), so either is one. Left to a person, a
# hepatocellular carcinoma on record never met the exclusion and the patient was eligible.
# ("advanced" is taken in: whatever its stage, the tumour on record is the one the line names.)
_HEPATIC_MALIGNANT = re.compile(
    r"\b(?:advanced\s+)?malignant\s+(?:hepatic|liver)\s+(?:tumou?rs?|neoplasms?)|\b(?:hepatic|liver)\s+malignanc(?:y|ies)\b"
    r"|\bprimary\s+(?:or|and/or)\s+metastatic\s+(?:hepatic|liver)\s+(?:tumou?rs?|neoplasms?|cancers?)", I)


_ANTIGEN = re.compile(
    rf"\b(?P<cds>CD(?:19|20|22|7|30|33|34|123)(?:\s*(?:/|and|or|,|\+|&)\s*CD(?:19|20|22|7|30|33|34|123))*)\s*(?:\(\s*\+\s*\)|[-\s]?(?P<res>{POS}|{NEG}|postive|expression|expressing|\+)(?![\w])"
    # a bare minus is the negative result ("CD34- AML or MDS"), never a hyphen ("CD34-enriched")
    r"|(?P<minus>-)(?=[\s,;/)]|$))",
    I,
)
# the other result offered after a positive one ("CD20 positive or negative"): any result
_ANTIGEN_EITHER = re.compile(r"\s*(?:or|/|and/or)\s*(?:negative|neg)\b", I)
# what a transplant line counts, never the disease's antigen: the graft's CD34+ cells ("2 x 10^6
# CD34+ cells/kg", "CD34+/kg peripheral stem cells", "CD34-enriched cells", "CD34+ chimerism",
# "CD34+ stem cells"); read as one, a graft dose asked every patient for CD34-positive blasts
_GRAFT_CELLS = re.compile(r"\s*(?:/\s*kg|(?:(?:autologous|allogene?ic|peripheral|blood|ha?ematopoietic|mobili[sz]ed)\s+){0,2}(?:cells?\b|stem\b)|progenitors?\b|chimerism\b|selected\b|selection\b|enriched\b|counts?\b|dose\b|[\w-]*\s*cell\s+dose\b|(?:HSC|HPC|PBSC)s?\b)", I)
_GRAFT_BEFORE = re.compile(r"(?:\d|x|×|\*|/\s*kg)\s*$", I)


# the share of blasts that must carry the antigen, written after it ("CD22 expression >= 25%",
# "CD22 expression on >= 25% of blasts", "CD19+ (>= 20% of blasts)") or before it ("At least 25%
# expression of CD22", ">= 20% of blasts expressing CD33"): a percentage the record states (left
# off, "expression >= 25%" was met by any positive result)
_ANTIGEN_SHARE_AFTER = re.compile(
    r"\s*(?P<open>\(\s*)?(?:(?:on|in|of)\s+)?(?P<op>[≥>≤<])\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*%"
    r"(?:\s+(?:of|on)\s+(?:the\s+)?(?:leukemic\s+|malignant\s+|leukemia\s+)?(?:blasts|lymphoblasts|cells|leukemia\s+cells|blast\s+cells))?(?(open)\s*\))",
    I,
)
_ANTIGEN_SHARE_BEFORE = re.compile(
    r"(?P<op>[≥>≤<])\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*%\s+(?:(?:of\s+(?:the\s+)?(?:leukemic\s+)?(?:blasts|lymphoblasts|cells)\s+)?(?:expressing|positive\s+for)"
    r"|expression\s+of|positivity\s+(?:of|for))\s+(?:the\s+)?(?P<cd>CD(?:19|22|7|33|123))\b",
    I,
)


def _antigen_share(text: str, m: re.Match[str], cds: list[str]) -> tuple[int, int, Expr] | None:
    """(start, end, the bound) when one antigen's share of blasts is stated right after it."""
    if len(cds) != 1 or (m.group("res") or "").lower() not in ("", "+", "expression", "expressing", "positive"):
        return None
    after = _ANTIGEN_SHARE_AFTER.match(text, m.end())
    if after is None:
        return None
    return m.start(), after.end(), predicate(cds[0], OPS[after.group("op")], number(after.group("n")), "%")


# "acute or chronic graft-versus-host disease" (5 corpus lines): either kind is GVHD; the first
# adjective left alone beside it was a review that kept every patient without GVHD unknown
_GVHD = re.compile(r"\b(?:(?:acute|chronic)(?:\s*(?:,|or|and/or|and)\s*(?:acute|chronic))?\s+)?(?:graft[\s-]*(?:versus|vs\.?|-)[\s-]*host[\s-]*disease|a?c?GVHD|GvHD)\b(?:\s*\((?:a|c)?GVHD\))?", I)


_HF = re.compile(r"\b(?:congestive\s+)?heart\s+failure\b|\bCHF\b", I)


_THERAPIES: tuple[tuple[str, str], ...] = (
    ("car_nk", r"\bCAR[-\s]?NK\b|chimeric\s+antigen\s+receptor[-\s]+(?:modified\s+)?NK"),
    ("car_t", r"\bCAR[-\s]?T(?:[-\s]?cells?)?\b(?:\s+(?:cell\s+)?therap(?:y|ies))?|chimeric\s+antigen\s+receptor(?:[-\s]+(?:modified\s+)?T[-\s]?cells?)?(?:\s+therap(?:y|ies))?"),
    ("allo_hsct", r"\ballo(?:gene?ic)?[-\s]*(?:HSCT|SCT|HCT|BMT|(?:hematopoietic\s+|haematopoietic\s+|ha?ematologic\s+|bone\s+marrow\s+|peripheral\s+blood\s+)?(?:stem[\s-]+cell\s+|cell\s+)?transplant(?:ation)?)"
     r"|(?:(?:double|single)\s+)?(?:umbilical\s+)?cord\s+blood\s+transplant(?:ation)?"
     # "ASCT from related or unrelated donor": a transplant from a donor is allogeneic, whatever
     # the letters (read as autologous, no recipient of the allograft met the line)
     r"|\bASCT\b(?=[^.;]{0,40}?\bdonors?\b)"),
    ("auto_hsct", r"\bauto(?:logous)?[-\s]*(?:HSCT|SCT|HCT|ASCT|(?:hematopoietic\s+|haematopoietic\s+|ha?ematologic\s+|bone\s+marrow\s+|peripheral\s+blood\s+)?(?:stem[\s-]+cell\s+|cell\s+)?transplant(?:ation)?)|\bASCT\b"),
    # myeloablative therapy is given only with a stem cell rescue: its history is a transplant's.
    # The transplant comorbidity index ("HCT-CI Score <= 4", "Hematopoietic Cell Transplantation
    # Specific Comorbidity Index") is a score, no transplant received
    ("hsct", r"\bmyeloablative\s+(?:chemo-?\s*)?(?:therapy|chemotherapy|treatment|regimen|conditioning)(?:\s+with\s+(?:autologous\s+)?(?:hematopoietic\s+)?stem\s+cell\s+(?:rescue|support))?|\b(?:HSCT|HCT(?![\s-]*CI\b)|SCT|BMT)\b|(?:hematopoietic|ha?ematologic\s+stem|bone\s+marrow|peripheral\s+blood|stem)[\s-]+(?:stem[\s-]+)?(?:cell\s+)?(?:transplant(?!(?:ation)?[\s-]+specific\s+co-?morbidity)(?:ation)?(?:\s+or\s+rescue\b)?|rescue\b)"
     # the day the graft is given is the transplant's date ("> 4 weeks from stem cell infusion"),
     # read only as the date a time is counted from: a label ("Stem Cell Infusion without TBI:")
     # names the patients it is for, no history asked of everyone
     r"|(?:(?<=\bfrom\s)|(?<=\bsince\s)|(?<=\bafter\s))stem\s+cell\s+(?:re)?infusions?\b"),
)


# the nouns that name a cancer ("breast cancer", "NSCLC", "AML"): what a systemic therapy was for
_CANCER_NOUN = (
    r"\b(?:cancers?|carcinomas?|adenocarcinomas?|malignanc(?:y|ies)|tumou?rs?|neoplasms?|leuka?emias?|lymphomas?|myelomas?|melanomas?|"
    r"sarcomas?|gliomas?|glioblastomas?|NSCLC|SCLC|AML|ALL|CLL|CML|MDS|NHL|RCC|HCC|CRC|mCRC|mBC)\b"
)


# the words between an AV block's degree and "block" ("2nd degree atrioventricular (AV) block")
_AVB = r"(?:AV\s+|A-V\s+|atrio-?\s*ventricular\s+(?:\(\s*AV\s*\)\s+)?|heart\s+|conduction\s+)?"
# a block named as whom a bound is for ("for subjects with bundle branch block (BBB), QTc >= 480
# msecs"): no block the line excludes
_FOR_THOSE_WITH = r"(?<!for subjects with )(?<!for patients with )(?<!for participants with )(?<!in patients with )(?<!in subjects with )(?<!for those with )"


# the classes of anticancer drugs come first: the wider names below would take their words
_HISTORY: tuple[tuple[str, str, tuple[str, ...]], ...] = NAMED_CONDITIONS + DRUG_CLASSES + (  # (before "infections": topics.named_conditions)
    ("major_surgery", r"major\s+(?:surgery|surgical\s+(?:procedures?|interventions?)|operations?)", ("major",)),
    ("organ_transplant", r"(?:allogene?ic\s+)?(?:solid[\s-]+)?organ\s+(?:transplant\w*|allograft)|(?:kidney|renal|liver|heart|lung)\s+transplant\w*", ("transplant", "allograft")),
    # ("myelosuppressive therapy", the COG washout's word for it: 19 corpus lines left to review)
    # (an agent "myelosuppressive" only by its effect, "a nonmyelosuppressive or myelosuppressive
    # agent" of an unapproved drug's washout, is no chemotherapy: the therapy's or treatment's only)
    ("chemotherapy", r"(?:cytotoxic\s+|(?<![\w-])myelosuppressive\s+|(?:anti-?)?cancer\s+|systemic\s+)?chemotherap(?:y|ies|eutic(?:\s+agents?)?)|cytotoxic\s+(?:therapy|agents?|drugs?|treatment)"
     r"|(?<![\w-])myelosuppressi(?:ve|on)\s+(?:therapy|treatment)", ("chemo", "cytotoxic", "myelosuppressi")),
    ("radiotherapy", r"radiotherap(?:y|ies)|radiation(?:\s+therap(?:y|ies))?|irradiation|radiosurgery|\bRT\b", ("radi", "rt")),
    # the heart's arteries opened or bypassed, named as the heart's ("coronary angioplasty, or
    # stenting", "Cardiac angioplasty or stenting", "coronary artery bypass graft (CABG)",
    # "percutaneous coronary intervention", "PTCA"; 74 corpus lines name such a procedure). A bare
    # "angioplasty" or "stent placement" may be another vessel's (or a bile duct's): left unread,
    # unless the line lists it among the heart's events (parser.coronary_list_procedures)
    ("coronary_revascularization",
     r"(?:(?:percutaneous\s+(?:transluminal\s+)?)?(?:coronary|cardiac)\s+(?:artery\s+)?(?:balloon\s+)?(?:angioplast(?:y|ies)|stent(?:s|ing)?(?:\s+placements?)?)"
     r"(?:\s*\(\s*PTCA\s*\))?(?:\s*,?\s*(?:or|and/or|and|/)\s*(?:stent(?:s|ing)?(?:\s+placements?)?|bypass\s+graft(?:s|ing)?))*+"
     r"|coronary\s+(?:artery\s+)?by-?pass(?:\s+graft(?:s|ing)?)?(?:\s+surgery)?(?:\s*[(\[]\s*CABG\s*[)\]])?|\bCABG\b"
     r"|percutaneous\s+coronary\s+interventions?(?:\s*\(\s*PCI\s*\))?|\bPCI\b(?![-\d])|coronary\s+revasculari[sz]ations?)",
     ("coronary", "cardiac", "cabg", "pci")),
    # "other than diagnostic surgery (i.e. surgery done to obtain a biopsy for diagnosis without
    # removal of an organ)" (8 corpus lines, each a major-surgery washout's exception): a
    # diagnostic procedure is the minor kind, a biopsy; read as any surgery, the exception cleared
    # every operation the line excludes
    # (its "(i.e. ...)" bracket defines it: the same procedure, no further surgery)
    ("minor_surgery", r"diagnostic\s+(?:surgery|surgical\s+procedures?)(?:\s*\(\s*i\.?\s?e\.?[^()]*(?:\)|$))?", ("diagnostic",)),
    # "major surgery or open biopsy within 28 days": only "open" names the operation ("core",
    # "needle", "excisional" biopsies are mostly how a diagnosis was made, a method, not a washout)
    ("open_biopsy", r"\bopen\s+biops(?:y|ies)\b", ("open",)),
    ("surgery", r"\bsurgery\b|\bsurgical\s+(?:procedures?|resection|interventions?)|\boperations?\b", ("surg", "operation")),
    ("immunotherapy", r"immunotherap(?:y|ies|eutic(?:\s+(?:drugs?|agents?|therap(?:y|ies)))?)|(?:immune\s+)?checkpoint\s+inhibitors?|\banti-?(?:PD-?L?1|CTLA-?4)\b(?:\s+(?:antibod(?:y|ies)|therapy|agents?))?|biologic(?:al)?\s+(?:therapy|response\s+modifiers?)", ("immuno", "checkpoint", "pd", "ctla", "biologic")),
    ("hormone_therapy", r"hormon(?:e|al)\s+(?:therap(?:y|ies)|treatments?)|endocrine\s+therap(?:y|ies)|androgen[\s-]+deprivation(?:\s+therapy)?|anti-?\s*androgens?(?:\s+(?:therapy|agents?|drugs?))?|androgen\s+receptor\s+(?:inhibitors?|antagonists?|blockers?)", ("hormon", "endocrine", "androgen")),
    # ("targeted small molecule therapy", "small molecule targeted therapy": the pembrolizumab
    # trials' washout, "Prior chemotherapy, targeted small molecule therapy, or radiation therapy
    # within 2 weeks prior to study Day 1", 12 corpus lines; the unread middle item broke the list,
    # the window reached only the radiotherapy, and any chemotherapy ever excluded the patient)
    ("targeted_therapy", r"targeted\s+(?:small[\s-]+molecule\s+)?(?:therap(?:y|ies)|agents?)|small[\s-]+molecule\s+targeted\s+(?:therap(?:y|ies)|agents?)|tyrosine\s+kinase\s+inhibitors?|\bTKIs?\b", ("target", "kinase", "tki")),
    # "any other standard or investigational treatment for their hematologic malignancy": the
    # treatments of the cancer, the standard ones with the investigational (the investigational
    # agent's row below took the words alone, and azacitidine given now passed the exclusion;
    # 6 corpus lines). Before that row, which would take "investigational treatment"
    ("anticancer_therapy", r"(?:standard|approved|conventional)\s+(?:or|and/or)\s+investigational\s+(?:therap(?:y|ies)|treatments?)"
     rf"(?=\s+for\s+(?:the\s+treatment\s+of\s+)?(?:the\s+|their\s+|this\s+|his\s+or\s+her\s+)?(?:[\w-]+\s+){{0,2}}?{_CANCER_NOUN})", ("investigational",)),
    # ("investigational therapeutic agent": the agent the study gives, named by its purpose)
    ("investigational_agent", r"investigational\s+(?:therapeutic\s+)?(?:agents?|drugs?|products?|therap(?:y|ies)|treatments?|medications?|devices?|compounds?)|experimental\s+(?:agents?|drugs?|therap(?:y|ies))"
     # taking part in another interventional trial: what the record can show of it is the study
     # drug it gives (an observational study gives none, and is named so: "unless observational")
     r"|(?:(?:participat\w*|enrol{1,2}(?:ed|ment))\s+in\s+(?:an?\s+)?(?:another|other|any\s+other|a\s+different|concurrent)\s+"
     # ("another clinical investigation": the trial by its other name; "currently" before it is
     # the now-lead's, which asks the drug within a course's span: read as any record, an
     # investigational agent given years ago excluded a patient "currently participating")
     r"(?:(?:interventional|therapeutic|treatment|drug|clinical|investigational|research|concurrent)\s+){0,2}(?:trials?|stud(?:y|ies)|experiment\w*|investigations?\b))(?![^.;]{0,40}\bobservational\b)"
     # "with a drug that has not received regulatory approval for any indication" (18 corpus
     # lines, one sponsor's wording, all left to a person): a drug approved for nothing is an
     # investigational one
     r"|(?:(?:an?|any)\s+)?(?:drugs?|agents?|medications?|products?)\s+(?:that|which)\s+(?:has|have)\s+not\s+(?:yet\s+)?(?:received|obtained|been\s+granted)\s+"
     r"(?:regulatory|marketing)\s+approval\s+for\s+any\s+indications?(?:\s+at\s+the\s+time\s+of\s+(?:study\s+)?(?:entry|enrol{1,2}ment|screening))?",
     ("investigational", "experimental", "participat", "enrol", "approval")),
    # the drugs that make bleeding worse, before the steroid row, which took "steroid" out of
    # "non-steroidal anti-inflammatory drugs" (aspirin is a named product, ``products``)
    ("nsaid_therapy", r"non-?\s*steroidal(?:\s+|-)anti-?\s*inflammator(?:y|ies)(?:\s+(?:drugs?|agents?|medications?|medicines?|therap(?:y|ies)|treatment))?(?:\s*\(\s*NSAIDs?\s*\))?"
     r"|(?-i:\bNSAID(?:s|S|'s)?\b)", ("steroidal", "nsaid")),
    # ("medications known to inhibit platelet function": what they are known for is the class, 5
    # corpus lines; "irreversibly inhibit" names only some of them and is left unread)
    ("antiplatelet_therapy", r"anti-?\s*platelets?(?:\s+aggregation)?\s+(?:agents?|drugs?|medications?|medicines?|therap(?:y|ies)|treatment|inhibitors?)"
     r"|platelet\s+(?:aggregation\s+)?inhibitors?|(?:medications?|drugs?|agents?)\s+(?:that|which|known\s+to)\s+(?:irreversibly\s+)?inhibits?\s+platelet\s+(?:function|aggregation)", ("platelet",)),
    # "adrenal cortex hormones", "adrenocortical hormones", "adrenal corticosteroids", "adreno-
    # corticosteroid": the corticosteroids by the gland's name (the ACTH of "adrenocorticotropic
    # hormone" is no steroid); "anabolic steroids" are androgens, no corticosteroid, and are left
    # to the words around them
    ("steroid_therapy", r"(?:systemic\s+)?(?:adrenal\s+cortex\s+hormones?|adreno-?cortical\s+(?:hormones?|steroids?)|adrenal\s+corticosteroids?|adreno-?corticosteroids?)"
     # ("non-steroidal anti-androgens (e.g., flutamide)": a non-steroidal drug is no steroid; read as
     # one, an anti-androgen washout asked every patient for corticosteroids)
     r"|(?:systemic\s+)?(?<!anabolic )(?<!non-)(?<!non)(?<!non )(?:cortico)?steroids?(?:\s+therapy)?|glucocorticoids?|prednisone|prednisolone|dexamethasone|methylprednisolone",
     ("steroid", "glucocortic", "predniso", "dexameth", "adrenal cortex", "adrenocortical", "adreno-cortical")),
    ("immunosuppressant_therapy", r"immunosuppress(?:ive|ant|ion)\w*(?!\s+(?:doses?|dosages?)\s+of\s+(?:(?:systemic|oral)\s+)?(?:(?:cortico)?steroids?|glucocorticoids?|prednisone))(?:\s+(?:therap(?:y|ies)|agents?|drugs?|medications?|treatments?))?"
     # ("systemic cyclosporine": the route the drug is given by, as "systemic steroids")
     r"|\b(?:systemic\s+)?(?:cyclosporin[e]?|ciclosporin|tacrolimus|sirolimus|mycophenolate(?:\s+mofetil)?|mycophenolic\s+acid|azathioprine|calcineurin\s+inhibitors?)\b",
     ("immunosuppress", "cyclospor", "ciclospor", "tacrolimus", "sirolimus", "mycophenol", "azathioprine", "calcineurin")),
    ("brain_metastases", r"(?:brain|cerebral|intracranial|CNS)\s+mets\b|(?:brain|cerebral|intracranial)\s+metasta\w*|(?:CNS|central\s+nervous\s+system)(?:\s*\(CNS\))?\s+metasta\w*|(?:CNS|brain)\s+(?:or|and/or)\s+(?:brain|CNS)\s+metasta\w*|metasta\w*\s+(?:to\s+the\s+)?(?:brain|CNS)|metasta\w*\s+(?:in|of|to)\s+(?:the\s+)?(?:brain|CNS|central\s+nervous\s+system)(?:\s*\(CNS\))?", ("metasta", "mets")),
    # ("Leptomeningeal or leukemic meningitis": the adjective shares the noun after "or"; left
    # unread beside the CNS involvement, every record was unknown and a C79.32 passed, hold26)
    ("leptomeningeal_disease", r"leptomeningeal\s+(?:disease|metasta\w*|carcinomatosis|involvement|spread|dissemination)|meningeal\s+(?:carcinomatosis|metasta\w*)|carcinomatous\s+meningitis"
     r"|\bleptomeningeal(?=\s+(?:or|and/or|/)\s+(?:leuka?emic|lymphomatous|carcinomatous|neoplastic)\s+(?:meningitis|involvement|disease))", ("mening", "carcinomatous")),
    # (the site may sit inside: "in situ cervical cancer"; ``_in_situ_site`` reads it)
    ("carcinoma_in_situ", r"(?:carcinoma|cancer|melanoma)s?[\s-]+in[\s-]+situ|\bin[\s-]+situ\s+(?:cervi(?:x|cal)\s+)?(?:carcinoma|cancer|malignanc\w*|melanoma)s?|\b(?:D|L)?CIS\b", ("situ", "cis")),
    # (the wordings the corpus adds: "co-existing malignancies", "a different malignancy", "other
    # neoplastic disease", "second neoplasia", "another primary invasive malignancy", "other
    # currently active malignancy", "double cancer", "malignancies at other sites")
    ("other_malignancy", r"(?:other|another|second|2nd|prior|previous|concurrent|concomitant|additional|secondary|co-?existing|different|double)\s+"
     r"(?:(?:active|invasive|primary|currently\s+active|current|systemic|co-?existing|known|or\s+concomitant|or\s+concurrent|or\s+current)\s+){0,2}"
     r"(?:malignan(?:cy|cies|t\s+(?:tumou?rs?|diseases?|neoplasms?))|cancers?(?!\s+(?:therap(?:y|ies)|treatments?)\b)|neoplasms?|neoplasias?|neoplastic\s+diseases?|carcinomas?|primary\s+(?:malignancy|tumou?r)s?)"
     r"|(?:malignan(?:cy|cies)|cancers?)\s+(?:at|of|in)\s+other\s+(?:sites?|types?|organs?|primary\s+sites?)"
     r"|history\s+of\s+(?:a\s+|any\s+)?(?:malignancy|malignancies|cancers?|neoplasms?|malignant\s+(?:tumou?rs?|diseases?|neoplasms?))"
     r"|(?:any\s+)?(?:tumou?r|cancer|malignancy|neoplasm)\s+history"
     r"|(?:malignan(?:cy|cies)|malignant\s+(?:tumou?rs?|diseases?|neoplasms?))(?=\s+(?:diagnosed\s+)?(?:within|in\s+(?:the\s+)?(?:past|last|previous)|during\s+the\s+(?:past|last)))", ("malignan", "cancer", "neoplas", "tumo", "carcinoma")),
    ("myocardial_infarction", r"myocardial\s+infarctions?|\bMI\b|heart\s+attacks?", ("infarct", "mi", "heart attack")),
    ("unstable_angina", r"unstable\s+angina(?:\s+pectoris)?", ("angina",)),
    # the conduction blocks and the slow rhythm ECG lines name ("left bundle branch block, 2nd
    # degree AV block type II, 3rd degree block, bradycardia"; "second or third degree heart
    # block"; "Mobitz II"): each its concept, the narrowest the words say. A degree shared by two
    # ("2nd/3rd degree heart block") names both; "complete" before a bundle branch block is left
    # to the residue (no code says how complete a block is). Before the arrhythmia row.
    ("mobitz_ii", rf"(?:second|2nd|2)[\s-]*(?:degree\s+)?{_AVB}(?:block\s*,?\s*)?\(?\s*(?:Mobitz\s+)?type\s+(?:II|2)\b\s*\)?"
     rf"|(?:AV|A-V|atrio-?\s*ventricular(?:\s*\(\s*AV\s*\))?)\s+block\s*,?\s*\(?\s*(?:Mobitz\s+)?type\s+(?:II|2)\b\s*\)?"
     rf"|Mobitz\s+(?:type\s+)?(?:II|2)\b(?:\s+(?:second|2nd)[\s-]+degree)?(?:\s+{_AVB}block)?", ("mobitz", "type ii", "type 2")),
    # (the Wenckebach block a line excepts: "second or third degree heart block (except for second
    # degree type 1)"; read, the exception reaches the second-degree block it names)
    ("mobitz_i", rf"(?:second|2nd|2)[\s-]*(?:degree\s+)?{_AVB}(?:block\s*,?\s*)?\(?\s*(?:Mobitz\s+)?type\s+(?:I|1)\b(?![\w-])\s*\)?"
     rf"|Mobitz\s+(?:type\s+)?(?:I|1)\b(?![\w-])(?:\s+(?:second|2nd)[\s-]+degree)?(?:\s+{_AVB}block)?|Wenckebach(?:\s+{_AVB}block)?", ("mobitz", "type i", "type 1", "wenckebach")),
    ("av_block_third_degree", rf"(?:third|3rd|3)[\s-]*degree\s+{_AVB}blocks?|complete\s+(?:AV|A-V|atrio-?\s*ventricular|heart)\s+blocks?",
     ("third", "3rd", "3 degree", "3-degree", "complete")),
    ("av_block_second_degree", rf"(?:second|2nd|2)[\s-]*degree\s+{_AVB}blocks?"
     rf"|(?:second|2nd|2)-?(?:[\s-]*degree)?(?=\s*(?:/|or|and/or|,)\s*(?:third|3rd|3)[\s-]*degree\s+{_AVB}block)", ("second", "2nd", "2 degree", "2-degree")),
    ("av_block_first_degree", rf"(?:first|1st)[\s-]*degree\s+{_AVB}blocks?", ("first", "1st")),
    # (a left bundle branch block on record is the complete one: an incomplete block is coded as
    # a fascicular block or a conduction delay, so "complete" narrows nothing a record says; a
    # right bundle branch block "with", "plus" or "+" a left anterior hemiblock is the bifascicular
    # block, which no right block alone is: left unread, a person's)
    ("lbbb", _FOR_THOSE_WITH + r"(?:complete\s+)?left\s+bundle[\s-]+branch\s+blocks?(?:\s*\(\s*LBBB\s*\))?|(?:complete\s+)?(?-i:\bLBBB\b)", ("left bundle", "lbbb")),
    ("rbbb", _FOR_THOSE_WITH + r"(?:right\s+bundle[\s-]+branch\s+blocks?(?:\s*\(\s*RBBB\s*\))?|(?-i:\bRBBB\b))(?!\s*\)?\s*(?:\(\s*RBBB\s*\)\s*)?(?:with|plus|\+|and)\s+(?:an?\s+)?(?:left\s+anterior|LA[HF]B\b|hemi-?\s*block))", ("right bundle", "rbbb")),
    ("bundle_branch_block", _FOR_THOSE_WITH + r"bundle[\s-]+branch\s+blocks?", ("bundle",)),
    ("av_block", r"(?:AV|A-V|atrio-?ventricular)\s+(?:conduction\s+)?blocks?|(?<!bundle branch )(?<!fascicular )\bheart\s+blocks?", ("av", "a-v", "atrio", "heart block")),
    ("conduction_disorder", r"(?:cardiac\s+)?conduction\s+(?:system\s+)?(?:blocks?|disorders?|diseases?|defects?|disturbances?|abnormalit(?:y|ies))", ("conduction",)),
    ("bradycardia", r"(?:sinus\s+)?\bbradycardias?\b", ("bradycard",)),
    # (an arrhythmia of the ventricles is topics.heart_rhythm's, a "supraventricular" one this row's)
    ("arrhythmia", r"(?:cardiac\s+)?(?<!(?<![-\w])ventricular\s)(?<!(?<![-\w])ventricular\stachy)(?<!(?<![-\w])ventricular\stachy-)(?:arrhythmias?|dysrhythmias?)|atrial\s+fibrillation", ("rhythm", "fibrillation")),
    ("hypertension", r"(?<!pulmonary )(?<!portal )(?<!intracranial )(?<!arterial )\bhypertension\b|high\s+blood\s+pressure", ("hypertension", "blood pressure")),
    # "cerebral vascular accident", "cerebrovascular event(s)", "cerebro-vascular accident": the same history (27 corpus lines)
    # (and the spellings of a transient ischaemic attack: "transient cerebral ischemic attack",
    # "transient ischaemic attack", "transient ischemia attack": 5 corpus lines left to review)
    ("stroke", r"\bstrokes?\b|cerebr(?:o-?|al\s+)vascular\s+(?:accidents?|events?)|\bCVA\b|transient\s+(?:cerebral\s+)?isch(?:a?emic|a?emia)\s+attacks?|\bTIA\b",
     ("stroke", "cerebrovascular", "cerebro-vascular", "cerebral vascular", "cva", "ischemic", "ischaemic", "ischemia", "tia")),
    # (the two beds sharing one noun, "History of venous or arterial thromboembolism", "Arterial or
    # venous thrombotic or embolic events", "deep venous or arterial thrombosis", "acute peripheral
    # or pulmonary arterial thromboembolism (PE)": 13 corpus lines whose first bed was left unread,
    # so every record was unknown; the concept is either bed's)
    # (never a risk the patient is at: "at high risk for arterial or venous thromboembolism").
    # "Thrombotic or embolic events such as a cerebrovascular accident" (and its misspelling
    # "thrombolic", and "thrombembolic"): about 8 corpus lines left the events unread
    # (issue 14, holdout T105)
    ("thromboembolism", r"(?<!risk for )(?<!risk of )(?<!deep )(?:deep\s+)?(?:venous|arterial)\s+(?:or|and/or|and|/)\s*(?:deep\s+)?(?:venous|arterial)\s+(?:thromboembol\w*|thrombo\w*|embol\w*)"
     r"(?:\s+(?:or|and/or|/)\s*(?:thrombo)?embolic)?(?:\s+(?:events?|episodes?|diseases?|complications?))?"
     r"|(?<!risk for )(?<!risk of )(?:acute\s+)?(?:peripheral|pulmonary)\s+(?:or|and/or|/)\s*(?:peripheral|pulmonary)\s+(?:arterial\s+)?(?:thromboembol\w*|embol\w*)(?:\s*\(\s*PE\s*\))?"
     r"|deep\s+ve(?:in|nous)\s+thrombos[ie]s|\bDVT\b|pulmonary\s+embol\w*|thromboembol\w*|(?:venous|arterial)\s+thrombo\w*(?:\s+(?:or|and/or|/)\s*(?:thrombo)?embolic)?(?:\s+(?:events?|episodes?))?"
     # (no bed named: "Thrombotic or embolic events such as a cerebrovascular accident ...", either bed's)
     # (and the spellings "thrombolic or embolic", "thrombembolic": cond10)
     r"|(?<!risk for )(?<!risk of )\bthromb(?:otic|olic)\s+(?:or|and/or|/)\s*(?:thrombo)?embolic\s+(?:events?|episodes?|complications?)|\bthrombembol\w*", ("thromb", "embol", "dvt")),
    ("autoimmune_disease", r"auto-?immune\s+(?:diseases?|disorders?|conditions?)", ("autoimmune", "auto-immune")),
    # an injury of the liver is a disease of it ("Liver injury", "Ongoing liver injury": 7 corpus
    # lines); one said to be drug-induced asks a cause no code states (_LIVER_INJURY_CAUSE)
    # ("liver problems", "no known liver or kidney problems": the plain word for a disease, as
    # the heart's "cardiac problems"; cond5)
    ("liver_disease", r"(?:hepatic|liver)\s+(?:disorders?|diseases?|injur(?:y|ies)|problems?\b)|(?:(?:liver|hepatic)\s+)?cirrhosis"
     # ("liver or renal disease": the noun the kidney's name shares, topics.comorbid_conditions)
     r"|(?:hepatic|liver)(?=\s+(?:or|and/or)\s+(?:renal|kidney)\s+(?:diseases?|disorders?|problems?)\b)", ("hepatic", "liver", "cirrhosis")),
    # the liver failing ("no clinical evidence of hepatic failure", "clinically significant liver
    # failure", "hepatic or renal failure"; 22 corpus lines): a liver disease coded as failure (K72)
    ("liver_failure", r"(?:hepatic|liver)\s+failure|(?:hepatic|liver)(?=\s+(?:or|and/or|and|/)\s*(?:renal|kidney)\s+failure\b)", ("hepatic", "liver")),
    ("primary_immunodeficiency", r"(?:primary|congenital|inherited|hereditary)\s+immun(?:o-?\s*|e\s+)deficienc(?:y|ies)(?:\s+(?:diseases?|disorders?|syndromes?))?", ("deficien",)),
    # cells from a donor given as therapy: "Allogeneic cell therapy ... within 4 weeks prior to CAR
    # NK-CD19 infusion" (a transplant or an infusion: derive.EITHER_OF), "donor lymphocyte
    # infusion (DLI)" (the infusion)
    ("allogeneic_cell_therapy", r"allogene?ic\s+(?:immune\s+)?cell(?:ular)?\s+(?:therap(?:y|ies)|products?|infusions?)", ("allogen",)),
    ("donor_cell_infusion", r"donor\s+lymphocyte\s+infusions?(?:\s*\(\s*DLI\s*\))?|(?-i:\bDLI\b)", ("donor lymphocyte", "dli")),
    # any immunodeficiency (the primary kind above wins where the line says so); "human
    # immunodeficiency virus" and "acquired immunodeficiency syndrome" are HIV, read as infections
    ("immunodeficiency", r"(?<!human\s)(?<!acquired\s)\bimmun(?:o-?\s*|e\s+)deficienc(?:y|ies)(?:\s+(?:diseases?|disorders?|syndromes?|states?|conditions?))?(?!\s*(?:virus|syndrome\s*\(AIDS|\(AIDS))", ("deficien",)),
    # the idiopathic kind by its name ("idiopathic pulmonary fibrosis (IPF)", J84.112), before the
    # wider row: read as any interstitial lung disease, a radiation fibrosis met it
    ("idiopathic_pulmonary_fibrosis", r"idiopathic\s+pulmonary\s+fibrosis(?:\s*\(\s*IPF\s*\))?|(?-i:\bIPF\b)", ("idiopathic", "ipf")),
    ("interstitial_lung_disease", r"interstitial\s+(?:lung\s+disease|pulmonary\s+disease|pneumonitis|pneumonia|fibrosis)|pulmonary\s+interstitial\s+disease|\bILD\b|pneumonitis|pulmonary\s+fibrosis", ("interstitial", "ild", "pneumonitis", "fibrosis")),
    # a patient who needs supplemental oxygen, with the lung disease it is for when the words name
    # one ("chronic respiratory disease that requires continuous oxygen use", "Oxygen-dependent lung
    # disease", "requirement for supplemental oxygen", "Need home oxygenation": 36 corpus lines);
    # never the oxygen saturation, a measurement (labs), nor hyperbaric oxygen, a treatment
    ("oxygen_dependence",
     # the lung disease the oxygen is for, the verb and the oxygen ("lung conditions requiring oxygen therapy")
     r"(?:(?:severe|chronic|advanced|significant)\s+){0,2}(?:(?:obstructive|restrictive)\s+)?(?:respiratory|pulmonary|lung)\s+(?:diseases?|conditions?)\s+"
     r"(?:(?:that|which)\s+)?(?:requir\w*|need\w*)\s+(?:(?:any|current|continuous|supplement(?:al|ary)|home|daily|ongoing|chronic)\s+){0,3}oxygen\b"
     r"(?:\s+(?:therapy|supplementation|support|use))?"
     # the oxygen after the verb, the verb left to the cue words before ("Not requiring supplementary continuous oxygen")
     r"|(?:(?<=requires\s)|(?<=requiring\s)|(?<=required\s)|(?<=require\s)|(?<=need\s)|(?<=needs\s)|(?<=needing\s)|(?<=requirement\sfor\s))"
     r"(?:(?:any|current|continuous|supplement(?:al|ary)|home|daily|ongoing|chronic)\s+){0,3}oxygen\b(?!\s*saturation)(?:\s+(?:therapy|supplementation|support|use))?"
     r"|oxygen[\s-]+dependen(?:t|ce|cy)(?:\s+(?:(?:obstructive|restrictive)\s+)?(?:lung|pulmonary|respiratory)\s+diseases?)?"
     r"|dependen(?:t|ce|cy)\s+on\s+(?:supplement(?:al|ary)\s+)?oxygen\b"
     r"|home\s+oxygenation\b"
     r"|(?<!hyperbaric\s)(?:(?:intermittent|chronic|home|continuous|supplement(?:al|ary)|long[\s-]+term|daily|ongoing|current)\s+(?:or\s+)?){0,3}"
     r"oxygen[\s-]+(?:therapy|supplementation|requirements?|support|use)\b"
     r"|(?:home|continuous|supplement(?:al|ary)|long[\s-]+term)\s+oxygen\b(?!\s*saturation)",
     ("oxygen",)),
    # the lung's ("active pulmonary tuberculosis"): its own concept, a kind of tuberculosis
    ("pulmonary_tuberculosis", r"pulmonary\s+(?:tuberculosis|TB\b)(?:\s+infection)?", ("pulmonary",)),
    ("tuberculosis", r"tuberculosis|\bTB\b", ("tubercul", "tb")),
    # ("Active infectious disease", "Uncontrolled infectious diseases", "Severe infectious disease":
    # the infection in a clinic's words, about 15 corpus lines) only where a word of its state stands
    # right before it: bare, the words name what a detention was for ("physical (eg, infectious
    # disease) illness"), what a vaccine prevents, a specialist or a test; nor where a dash defines it
    ("active_infection", r"\binfections?\b|(?:(?<=active\s)|(?<=current\s)|(?<=chronic\s)|(?<=severe\s)|(?<=serious\s)|(?<=concurrent\s)"
     r"|(?<=untreated\s)|(?<=significant\s)|(?<=uncontrolled\s))infectious\s+diseases?\b(?!\s+[-\u2013]\s)", ("infectio",)),
    # ("anti-epileptic drugs", "antiepileptics": the drugs, topics' anticonvulsant therapy below; read
    # as epilepsy, "Currently taking enzyme-inducing anti-epileptic drugs" excluded no patient on one)
    ("seizure_disorder", r"seizures?(?:\s+disorders?)?|(?<!anti-)(?<!anti)epilep\w*|convulsions?", ("seizure", "epilep", "convuls")),
    ("peripheral_neuropathy", r"(?:peripheral\s+|sensory\s+|motor\s+)?neuropath(?:y|ies)", ("neuropath",)),
    ("drug_hypersensitivity", r"hypersensitivit(?:y|ies)(?:\s+reactions?)?|allerg(?:y|ies|ic\s+reactions?)|anaphyla\w*", ("hypersensitiv", "allerg", "anaphyla")),
    ("dic", r"disseminated\s+intravascular\s+coagulation(?:\s*\(\s*DIC\s*\))?|(?-i:\bDIC\b)(?:\s*\(\s*disseminated\s+intravascular\s+coagulation\s*\))?", ("disseminated", "dic")),
    # ("Diagnosed congenital bleeding disorders", "Any inherited bleeding disorder": the hereditary
    # kinds, coded apart; read as any bleeding diathesis beside a review, an acquired one on record
    # was unknown and a haemophilia no surer)
    ("hereditary_bleeding_disorder",
     r"(?:congenital|inherited|hereditary)\s+(?:bleeding\s+(?:diathes[ie]s|disorders?|tendenc(?:y|ies))|coagulopath(?:y|ies)|coagulation\s+(?:disorders?|defects?))",
     ("congenital", "inherited", "hereditary")),
    ("bleeding_diathesis", r"bleeding\s+(?:diathesis|disorders?|tendency)|coagulopath(?:y|ies)|hemorrhagic\s+diathesis", ("bleeding", "coagulopath", "diathesis")),
    ("diabetes", r"(?<![-\w])diabetes(?:\s+mellitus)?(?!\s+insipidus)", ("diabet",)),
    # (the artery named as a noun too: "clinically significant peripheral artery disease (i.e., claudication ...)"; 10 corpus lines)
    ("peripheral_vascular_disease", r"peripheral\s+(?:arterial\s+|artery\s+|vascular\s+)(?:disease|occlusive\s+disease)", ("peripheral",)),
    ("psychiatric_illness", r"psychiatric\s+(?:illness(?:es)?|disorders?|conditions?|diseases?)|mental\s+(?:illness|disorders?)|psychosis|psychoses", ("psych", "mental")),
    ("substance_abuse", r"(?:alcohol|drug|substance)\s+(?:abuse|dependence|addiction)|(?:alcoholism|drug\s+addiction)", ("abuse", "depend", "addict", "alcoholism")),
    ("malabsorption", r"malabsorption(?:\s+syndrome)?|(?:impair\w*|alter\w*|affect\w*)\s+(?:the\s+)?(?:\w+\s+){0,2}absorption", ("absorption",)),
    ("gi_perforation", r"(?:gastrointestinal|GI|bowel)\s+perforation|abdominal\s+fistula|intra-?abdominal\s+abscess|perforation", ("perforation", "fistula", "abscess")),
    ("nonhealing_wound", r"non-?healing\s+(?:wound|ulcer)s?|(?:wound\s+dehiscence)", ("healing", "dehiscence")),
    ("peptic_ulcer", r"peptic\s+ulcer(?:\s+disease)?|gastric\s+ulcers?|duodenal\s+ulcers?", ("ulcer",)),
    ("pleural_effusion", r"(?:pleural|pericardial)(?:\s*(?:/|or|and)\s*(?:pleural|pericardial))?\s+effusions?", ("effusion",)),
    ("inflammatory_bowel_disease", r"inflammatory\s+bowel\s+disease|\bIBD\b|crohn'?s(?:\s+disease)?|ulcerative\s+colitis", ("inflammatory bowel", "ibd", "crohn", "colitis")),
    # ("History of GI obstruction/perforation": the tract's obstruction by its short name, beside
    # its perforation; left a review on the perforation, a recorded obstruction was unknown)
    # ... "partial or complete" written with it ("partial or complete bowel obstruction", "Bowel
    # obstruction, partial or complete") asks for either, so any obstruction: the pair is the
    # item's own words (split, "partial" was an unread alternative and the line never decided)
    ("bowel_obstruction", r"(?:\b(?:partial|complete)\s+(?:or|and/or|/)\s+(?:partial|complete)\s+)?(?:bowel|intestinal|(?:gastro-?intestinal|\bGI)(?:\s+tract)?)\s+obstruction"
     r"(?:\s*,\s*(?:partial|complete)\s+(?:or|and/or|/)\s+(?:partial|complete)\b)?", ("obstruction",)),
    ("cyp3a4_modulator", r"(?:strong|potent|moderate)?\s*(?:CYP3A4?|cytochrome\s+P450\s+3A4?)\s+(?:inhibitors?|inducers?)(?:\s+(?:or|and|and/or)\s+(?:inhibitors?|inducers?))?|(?:inhibitors?|inducers?)\s+of\s+(?:CYP3A4?|cytochrome\s+P450\s+3A4?)", ("cyp3a", "p450")),
    ("live_vaccine", r"(?:(?:receipt\s+of|received|receiving|vaccination\s+with|administration\s+of|immuni[sz]ation\s+with)\s+(?:an?\s+|any\s+)?)?live(?:\s+|-|,\s*)(?:(?:or|and|and/or)\s+attenuated\s+|attenuated\s+)?(?:virus\s+|viral\s+)?vaccin\w*|live\s*/\s*attenuated\s+vaccin\w*|\battenuated\s+(?:virus\s+)?vaccin\w*", ("vaccin",)),
    # any vaccine given ("Vaccination within 4 weeks prior to screening", "Receipt of any
    # vaccination (including influenza)", "Antibiotics, vaccines or other type of surgery within 4
    # weeks"): read only where the words ask for vaccination as such (_ANY_VACCINATION), never for
    # a named vaccine ("yellow fever vaccination"), the study's own ("prior to vaccination") or a
    # tumour vaccine, which are another subject
    ("vaccination", r"\b(?:vaccinations?|immuni[sz]ations?|vaccines?)\b(?!\s*(?:therap|trials?\b|stud|components?\b|adjuvant|products?\b|-?induced|related))", ("vaccin", "immuniz", "immunis")),
    ("beta_blocker", r"\b(?:beta|β)[\s-]*(?:adrenergic\s+)?(?:blockers?|blocking\s+agents?|antagonists?)\b", ("beta", "β")),
    # calcium channel blockers (ATC C08); those that slow the AV node, verapamil and diltiazem, are
    # the non-dihydropyridines (C08D) a digoxin or bradycardia line names ("calcium channel blockers
    # with AV-nodal blocking activity (verapamil, diltiazem)"); a dihydropyridine is not asked
    ("nondihydropyridine_ccb", r"\bnon[\s-]*dihydropyridine\s+calcium[\s-]+channel[\s-]+(?:blockers?|blocking\s+agents?|antagonists?)\b"
     r"|\bcalcium[\s-]+channel[\s-]+(?:blockers?|blocking\s+agents?|antagonists?)\s+with\s+(?:AV|atrioventricular)[\s-]*nod(?:al|e)[\s-]+blocking\s+(?:activity|effects?|properties)",
     ("calcium", "non")),
    ("calcium_channel_blocker", r"(?<!dihydropyridine\s)\bcalcium[\s-]+channel[\s-]+(?:blockers?|blocking\s+agents?|antagonists?)\b", ("calcium",)),
    ("anticonvulsant_therapy", r"\banti-?(?:convulsants?|convulsive|epileptics?)(?:\s+(?:therap(?:y|ies)|treatments?|medications?|drugs?|agents?))?\b", ("convuls", "epilep")),
    ("diuretic_therapy", r"\b(?:(?:thiazide|loop|potassium[\s-]+sparing)(?:[\s-]+like)?\s+(?:(?:and/or|or|and|/)\s+(?:thiazide|loop|potassium[\s-]+sparing)\s+)?)?diuretics?(?:\s+(?:therapy|treatment|medications?|agents?))?\b", ("diuretic",)),
    # HIV's treatment ("HIV-positive patients on combination antiretroviral therapy are ineligible",
    # "receiving HAART"); "cART" in its own case only (CART is the T-cell product)
    ("antiretroviral_therapy", r"(?:(?:highly\s+active|combination|combined)\s+)?anti-?\s?retro-?\s?viral\s+(?:therap(?:y|ies)|treatments?|medications?|drugs?|agents?|regimens?)"
     r"|\bHAART\b|(?-i:\bcART\b)", ("retro", "haart", "cart")),
    # the therapy that keeps a viral hepatitis suppressed ("unless on antiviral therapy", "allowed if
    # on appropriate suppressive medications"); "immunosuppressive" or "myelosuppressive" is not it
    ("antiviral_therapy", r"anti-?viral\s+(?:therap(?:y|ies)|treatments?|medications?|drugs?|agents?|prophylaxis)"
     r"|(?:appropriate|viral|HBV|hepatitis\s+B)[\s-]+suppressive\s+(?:therap(?:y|ies)|treatments?|medications?)"
     r"|\b(?:entecavir|tenofovir|lamivudine|adefovir|telbivudine|sofosbuvir|ledipasvir|velpatasvir|glecaprevir|pibrentasvir)\b",
     ("viral", "suppressive", "entecavir", "tenofovir", "lamivudine", "adefovir", "telbivudine", "sofosbuvir", "ledipasvir", "velpatasvir", "glecaprevir", "pibrentasvir")),
    # the erythropoiesis-stimulating agents before the growth factors they are a kind of ("Erythropoietin is allowed")
    # (never the patient's own hormone measured, "serum erythropoietin < 200 IU/mL", nor a state,
    # "ESA resistance")
    ("esa", r"(?:(?:erythropoie(?:sis|tin)[\s-]+stimulating\s+(?:agents?|proteins?)(?:\s*\(\s*ESAs?\s*\))?|(?<!serum\s)(?<!endogenous\s)(?:recombinant\s+(?:human\s+)?)?erythropoietin(?:\s+(?:analogues?|alfa|beta))?(?:\s*\(\s*(?:rHu)?EPO\s*\))?"
            r"|\brHuEPO\b|(?<!serum\s)(?-i:\bEPO\b)|epoetin(?:\s+(?:alfa|beta))?|darbepoetin(?:\s+alfa)?|(?-i:\bESAs?\b)))(?!\s+(?:levels?|concentrations?|resistan\w*|refractor\w*|hyporespons\w*)\b)(?!\s*[<>≤≥])",
     ("erythropoie", "epo", "epoetin", "darbepoetin", "esa")),
    # (not the donor's: "filgrastim (G-CSF)-mobilized ... donor peripheral blood stem cells", "G-CSF
    # mobilized leukapheresis products" name how a graft was collected, no drug the patient had;
    # read as the patient's growth factor, every T302 patient without one failed its graft line)
    # (the hematopoietic kind named whole: "hematopoietic colony-stimulating growth factors",
    # "hematopoietic colony stimulating factor"; 11 corpus lines left "hematopoietic" and
    # "colony-stimulating" an and-ed review beside the growth factor they name)
    ("growth_factor", r"(?:(?:granulocyte(?:[\s-]+macrophage)?[\s-]+|hematopoietic\s+)?colony[\s-]+stimulating\s+(?:growth\s+)?factors?(?:\s*\(\s*G(?:M)?-?CSF\s*\))?|(?:hematopoietic\s+)?growth\s+factors?|hematopoietic\s+factors?(?:\s+therap(?:y|ies))?|\bG-?CSF\b|\bGM-?CSF\b|filgrastim|pegfilgrastim)"
     r"(?!\s*(?:\(\s*G(?:M)?-?CSF\s*\)\s*)?\)?[\s-]*mobili[sz]ed\b)", ("growth factor", "hematopoietic factor", "csf", "colony", "filgrastim")),
    # androgens and anabolic steroids ("Androgen, deferoxamine, ... therapy within 12 weeks",
    # "adrenal cortex hormones or anabolic hormones", "Anabolic steroids", "concurrent androgens";
    # about 12 corpus lines): never an anti-androgen, and never the androgen a prostate line
    # names as a target ("androgen deprivation", "androgen receptor", "androgen ablation"); "bone
    # anabolic agents" (teriparatide) are none
    ("androgen_therapy", r"\banabolic[\s-]+(?:steroids?|hormones?|androgens?)|(?<!anti-)(?<!anti)(?<!anti )\bandrogens\b"
     r"|(?<!anti-)(?<!anti)(?<!anti )\bandrogen(?:ic)?(?:\s+(?:therapy|treatment|supplementation|replacement)|(?=\s*,|\s+or\b))"
     r"|\b(?:oxymetholone|nandrolone|oxandrolone|stanozolol)\b|\b(?:exogenous\s+)?testosterone\s+(?:supplementation|replacement|therapy|treatment)",
     ("anabolic", "androgen", "oxymetholone", "nandrolone", "oxandrolone", "stanozolol", "testosterone")),
    ("iron_chelator", r"iron[\s-]+chelat(?:ing|ion|ors?)(?:\s+(?:agents?|therapy|treatment|drugs?))?|deferasirox|deferoxamine|desferrioxamine|deferiprone", ("chelat", "deferasirox", "deferoxamine", "desferrioxamine", "deferiprone")),
    # a transfusion of blood products, of platelets or red cells where the words say which ("red
    # blood cell transfusion within 3 months", "blood transfusion within 12 weeks", "received
    # transfusions or hematopoietic factor therapy within 14 days"). A transfusion note under a
    # count ("platelets >= 50 without transfusion within 7 days") is the lab topic's, read before;
    # "refractory to platelet transfusions" and "transfusion dependent" are other subjects
    ("platelet_transfusion", r"platelets?\s+transfusions?(?!\s*[-\s]?(?:dependen|refractor|requirements?\b))", ("platelet",)),
    ("rbc_transfusion", r"(?:(?:packed\s+)?red\s+(?:blood\s+)?cells?|\bRBCs?\b|\bPRBCs?\b|erythrocytes?)\s*(?:\(\s*RBC\s*\)\s*)?transfusions?(?:\s*\(\s*RBCs?\s*\))?(?!\s*[-\s]?(?:dependen|refractor|requirements?\b))", ("red", "rbc", "erythrocyte")),
    ("transfusion", r"(?:(?:whole\s+)?blood(?:\s+(?:products?|components?))?\s+)?transfusions?(?!\s*[-\s]?(?:dependen|refractor|requirements?\b|support|thresholds?|triggers?))(?:\s+of\s+(?:blood(?:\s+(?:products?|components?))?|platelets\s+or\s+red\s+(?:blood\s+)?cells|red\s+(?:blood\s+)?cells\s+or\s+platelets))?", ("transfus",)),
    ("traumatic_injury", r"(?:significant\s+)?traumatic\s+injur(?:y|ies)|major\s+trauma", ("trauma",)),
    # "Ischemic or severe valvular heart disease": the adjective shares the noun after "or"
    ("coronary_artery_disease", r"coronary\s+(?:artery|heart)\s+disease|\bCAD\b|ischemic\s+heart\s+disease"
     r"|isch(?:a)?emic(?=\s+(?:or|and/or)\s+(?:[a-z]+\s+){0,2}heart\s+disease)", ("coronary", "cad", "ischemic heart", "ischemic or", "ischaemic or")),
    # the heart's ischaemia named as such ("electrocardiographic evidence of acute ischemia",
    # "active ischemia", "symptomatic ischemia", "evidence of cardiac ischemia", "myocardial
    # ischemic events"; about 40 corpus lines, each left wholly to review as an alternative, so a
    # patient with no heart disease at all was unknown): a state of ischaemic heart disease
    # (I20-I25), its qualifiers ("acute", "on ECG") a person's beside a record of it. Another
    # organ's ischaemia ("limb", "mesenteric", "cerebral", a transient ischaemic attack) is not
    # the heart's
    ("coronary_artery_disease",
     r"(?<!limb )(?<!mesenteric )(?<!cerebral )(?<!cerebrovascular )(?<!vascular )(?<!bowel )(?<!intestinal )(?<!peripheral )(?<!digital )"
     r"(?<!retinal )(?<!ocular )(?<!renal )(?<!hepatic )(?<!spinal )(?<!brain )(?<!critical )(?<!arterial )"
     r"\b(?:(?:myocardial|cardiac|coronary)\s+)?isch(?:a)?emia\b|\b(?:myocardial|cardiac)\s+isch(?:a)?emic\s+(?:events?|symptoms|changes)\b",
     ("ischemi", "ischaemi")),
    # "no history of cardiac disease", "symptomatic heart disease" (after the kinds above, which win)
    ("cardiac_disease", r"(?<!valvular )(?<!congenital )(?<!rheumatic )(?:cardiac|heart)\s+(?:diseases?|disorders?|conditions?|illness(?:es)?|problems?)", ("cardiac", "heart")),  # ("heart problems": cond3)
    ("ascites", r"\bascites\b", ("ascites",)),
    ("long_qt_syndrome", r"(?:congenital\s+)?long\s+QT(?:\s+interval)?\s+syndrome|familial\s+long\s+QT", ("long qt",)),
    # (a therapeutic dose named before it, "Use of therapeutic warfarin", "therapeutic doses of
    # coumadin": the anticoagulating dose, as "therapeutic anticoagulation" reads; 12 corpus lines
    # left "therapeutic" an and-ed review. A low dose permitted beside it is its own exception)
    ("vitamin_k_antagonist", r"(?:\btherapeutic\s+(?:doses?\s+of\s+)?)?(?:\bwarfarin\b|\bcoumadin\b)|vitamin\s+K\s+antagonists?|\bVKAs?\b|coumarin(?:[\s-]+(?:derived|type|derivatives?))?(?:\s+anti-?coagulants?)?|acenocoumarol|phenprocoumon", ("warfarin", "coumadin", "vitamin k", "vka", "coumarin", "acenocoumarol", "phenprocoumon")),
    ("anticoagulant_therapy", r"(?:therapeutic\s+|full[\s-]+dose\s+|systemic\s+|oral\s+)?anti-?coagula(?:nts?|tion|nt\s+(?:therapy|medications?|agents?|drugs?))(?:\s+(?:therapy|treatment|medications?))?|low[\s-]+molecular[\s-]+weight\s+heparins?|\bLMWH\b|direct\s+oral\s+anti-?coagulants?|\b[DN]OACs?\b|rivaroxaban|apixaban|dabigatran|edoxaban|enoxaparin|dalteparin|fondaparinux", ("coagula", "heparin", "lmwh", "doac", "noac", "xaban", "dabigatran", "parin", "fondaparinux")),
    # the autoimmune cytopenias (before "autoimmune disease", which they are kinds of) and
    # the acid suppressants: "Uncontrolled autoimmune hemolytic anemia or idiopathic
    # thrombocytopenic purpura (ITP)", "taking proton pump inhibitors or H2 antagonists"
    ("autoimmune_hemolytic_anemia", r"(?:auto-?immune|warm[\s-]+(?:antibody\s+)?(?:auto-?immune\s+)?|cold[\s-]+(?:agglutinin\s+)?(?:auto-?immune\s+)?)\s*ha?emolytic\s+ana?emia(?:\s*\(\s*AIHA\s*\))?|(?-i:\bAIHA\b)|(?-i:\bAHA\b)(?=\s*(?:or|and|,|/)\s*(?:ITP|immune|idiopathic))", ("hemolytic", "haemolytic", "aiha", "aha")),
    ("immune_thrombocytopenia", r"(?:idiopathic|immune|auto-?immune)\s+thrombocytop(?:enic|aenic)\s+purpura(?:\s*\(\s*ITP\s*\))?|(?:immune|auto-?immune)(?:[\s-]+mediated)?\s+thrombocytop(?:enia|aenia)(?:\s*\(\s*ITP\s*\))?|(?-i:\bITP\b)", ("thrombocytop", "itp")),
    # (a generic's brand in brackets after it is its name too: "omeprazole (Prilosec®), lansoprazole
    # (Prevacid®)"; left, the brands stood unread beside the class and every line was unknown)
    ("proton_pump_inhibitor", r"proton[\s-]+pump\s+inhibitors?(?:\s*\(\s*PPIs?\s*\))?|(?-i:\bPPIs?\b)"
     r"|(?:\b(?:es)?omeprazole\b|\b(?:dex)?lansoprazole\b|\bpantoprazole\b|\brabeprazole\b)"
     r"(?:\s*\(\s*(?:Prilosec|Nexium|Prevacid|Dexilant|Protonix|Aciphex|Pariet|Zegerid|Losec)\s*(?:®|\(R\))?\s*\))?", ("proton", "ppi", "prazole")),
    ("h2_antagonist", r"\bH2[\s-]*(?:receptor[\s-]+)?(?:antagonists?|blockers?|antihistamines?)|histamine[\s-]*(?:type[\s-]*)?(?:2|H2)[\s-]*(?:receptor[\s-]+)?(?:antagonists?|blockers?)|\bfamotidine\b|\branitidine\b|\bcimetidine\b|\bnizatidine\b", ("h2", "histamine", "tidine")),
    ("mgus", r"monoclonal\s+gammopath(?:y|ies)\s+of\s+(?:undetermined|unknown|uncertain)\s+significance(?:\s*\(\s*MGUS\s*\))?|(?-i:\bMGUS\b)", ("gammopath", "mgus")),
    ("down_syndrome", r"\bDown'?s?\s+syndrome|\btrisomy\s+21\b|\bconstitutional\s+trisomy\s+21", ("down", "trisomy")),
    # "CNS disease" alone is as often the cancer in the CNS (metastases, CNS leukemia) as a disorder
    # of it; examples of disorders after it ("such as seizures, stroke, dementia") say which
    ("cns_disorder", r"(?:central\s+nervous\s+system|CNS)\s*(?:\(CNS\)\s*)?(?:patholog(?:y|ies)|disorders?"
     r"|diseases?(?=[\s,]*\(?\s*(?:such\s+as|including|e\.\s?g\.?|eg|like)\b"
     # ("symptomatic CNS disease (eg, convulsions due to their CNS disease)": the patients' own
     # CNS disease, their cancer's, which the seizure illustrates; read as a seizure disorder, a
     # CNS leukaemia passed the exclusion)
     r"(?![^.;]{0,160}?(?:tumou?r|metasta|carcinomat|malignan|leuka?emi|lymphom|involvement|cancer|neoplas|mening|\btheir\s+(?:CNS|central\s+nervous)))[^.;]{0,40}?\b(?:seizure|epilep|convuls|stroke|cerebrovascular|dementia|parkinson|encephal|brain\s+injur|cerebell|demyelinat|multiple\s+sclerosis)))",
     ("patholog", "disorder", "disease")),
    ("neurologic_disease", r"neurologic(?:al)?\s+(?:disorders?|diseases?|conditions?)|(?:disorders?|diseases?)\s+of\s+the\s+nervous\s+system", ("neurolog", "nervous")),
    # ("systemic anti-neoplastic therapy": the word narrows it to drugs, radiotherapy included only
    # on the excluding side; left as a word it made the therapy a review conjunct that let a
    # course 7 days ago through)
    # ("anti-cancer systemic therapies": the word after, as NCT01555268 writes its washout)
    ("anticancer_therapy", r"(?:systemic\s+)?(?:anti-?cancer|anti-?tumou?r|anti-?neoplastic|cancer-directed)\s+(?:systemic\s+)?(?:therap(?:y|ies)|treatments?|agents?|drugs?)"
     # "other cancer therapy within 1 week", "non-investigational cancer therapies ... within 14 days":
     # a therapy of cancer, no second cancer (a site before it, "prostate cancer therapy", is the site's)
     # (the lead word stays outside the item: "concurrent" is read as a time as it is for any therapy)
     r"|(?:(?<=\bother\s)|(?<=\bconcurrent\s)|(?<=\bconcomitant\s)|\bnon-?investigational\s+)(?:systemic\s+)?cancer\s+(?:therap(?:y|ies)|treatments?)"
     r"|systemic\s+(?:anti-?cancer\s+)?(?:therapy|treatment)\s+for\s+(?:the\s+)?(?:cancer|malignancy)"
     # "systemic therapy for breast cancer": a systemic treatment for a named cancer is anticancer
     # therapy (the cancer stays an item of its own, its indication)
     rf"|systemic\s+(?:anti-?cancer\s+)?(?:therap(?:y|ies)|treatments?)(?=\s+for\s+[^;:.()]{{0,60}}?{_CANCER_NOUN})"
     # "More than 28 days since prior approved therapy for MDS", "any previous therapy for CLL
     # within 28 days": a bare therapy for the cancer, timed, is anticancer therapy (left unread,
     # the window went to the cancer, "no MDS within 28 days", and a patient treated last week
     # passed). Untimed ("No prior therapy for CLL other than corticosteroids", "Prior therapy for
     # lung cancer with chemotherapy", counts of therapies) the wording narrows it: left as it is.
     rf"|(?:(?<=\bsince\sprior\s)|(?<=\bsince\sprevious\s)|(?<=\bsince\slast\s)|(?<=\bsince\sthe\slast\s))(?:approved\s+|standard\s+|specific\s+)?"
     rf"(?:therap(?:y|ies)|treatments?)(?=\s+for\s+(?:the\s+|their\s+|this\s+)?(?:[\w-]+\s+){{0,2}}?{_CANCER_NOUN})"
     rf"|(?:(?<=\bprior\s)|(?<=\bprevious\s)|(?<=\blast\s))(?:therap(?:y|ies)|treatments?)"
     rf"(?=\s+for\s+(?:the\s+|their\s+|this\s+)?(?:[\w-]+\s+){{0,2}}?{_CANCER_NOUN}\s+(?:within|≤|<)\s*\d)"
     # "No prior therapy for MDS", "Prior treatment for endometrial cancer", "No previous treatment
     # for lung cancer" (about 25 corpus lines, every one a review): the phrase ending on the cancer
     # (a list after it, "with chemotherapy", "other than corticosteroids", is another reading's).
     # An anticancer therapy on record is such a treatment; the rest of what a treatment for the
     # cancer may be (its surgery, supportive care) stays a person's (``therapy_for_cancer``)
     # (the lead opens the clause, "No prior", "Prior", "had any prior": "... scheduled for surgery
     # with no prior treatment for the cancer" is a condition of another subject)
     rf"|(?:(?<=^prior\s)|(?<=^previous\s)|(?<=\bno\sprior\s)|(?<=\bno\sprevious\s)|(?<=\bany\sprior\s)|(?<=\bany\sprevious\s)|(?<=\bother\sprior\s)|(?<=\bhad\sprior\s))"
     rf"(?<!\bwith\sno\sprior\s)(?<!\bwith\sno\sprevious\s)"
     rf"(?:therap(?:y|ies)|treatments?)(?=\s+for\s+(?:the\s+|their\s+|this\s+)?(?:[\w-]+\s+){{0,2}}?{_CANCER_NOUN}\s*(?:[.;]|$))"
     # ... and as registries go on to word it (``topics.therapy_for_cancer``): "Any prior treatment
     # for CML, including TKIs, with the exception of hydroxyurea", "Currently receiving
     # any treatment for MDS other than transfusions", "No other concurrent treatment for CML
     # except for hydroxyurea", "Off all other treatments for MDS, except ... for at least 4
     # weeks": the patient's own disease, named as what the therapy was for, an exception or
     # examples after it (every one a review beside the disease, which became the line's
     # condition). Never a therapy for another cancer ("therapy for another active malignancy"),
     # nor a "medical treatment" (drugs only: the anticancer therapy a record holds counts its
     # radiotherapy, and the exceptions such lines list are drugs the therapy rows do not tell apart)
     rf"|(?:(?<=\bconcurrent\s)|(?<=\bconcomitant\s)|(?<=\breceiving\sany\s)|(?<=\ball\sother\s)"
     rf"|(?<=\bany\sother\s)|(?<=^prior\s)|(?<=^previous\s)|(?<=\bno\sprior\s)|(?<=\bno\sprevious\s)|(?<=\bany\sprior\s)|(?<=\bany\sprevious\s))"
     rf"(?:therap(?:y|ies)|treatments?)(?=\s+for\s+(?:the\s+|their\s+|this\s+)?(?:(?!another\b|other\b|second\w*\b|secondary\b|prior\b|previous\b)[\w-]+\s+){{0,2}}?{_CANCER_NOUN}"
     rf"\s*+(?:[.;(]|$|,?\s*+(?:including|except|excluding|other\s+than|with\s+the\s+exception|for\s+(?:at\s+least|≥|>|more\s+than)\s*\d)\b))",
     ("cancer", "tumo", "neoplastic", "systemic", "therap", "treatment")),
) + BLEEDING_EVENTS + SPINAL_CORD_EVENTS + HISTORY_CONDITIONS + COMORBID_CONDITIONS + ORGAN_DISEASE_EVENTS + RHYTHM_EVENTS  # after every wider name that takes their words (topics.bleeding, spinal_cord, history_conditions)


_ASKED_HISTORY = re.compile(r"\b(?:received|receiving|requir(?:es|ing|ed)|prior|previous(?:ly)?|history\s+of|treated\s+with|had|have\s+had|undergone|underwent|no|any|concurrent|concomitant|since|without|known)\b(?:\W+\w+){0,4}\W*$", I)
# a drug class the patient must have failed or progressed on ("must have failed hypomethylating
# therapy", "progressed on a prior TKI"): the class was given, how it failed is a person's. Drug
# classes only, right after the verb: a therapy listed further on is often an example or an
# either-way ("failed standard therapies (surgery, radiotherapy, ...)", "progressed after
# radiotherapy ± chemotherapy"), asked of nobody ("failed to achieve" asks no therapy at all)
_FAILED_CLASS = re.compile(r"\b(?:failed(?!\s+to\b)|progressed\s+(?:on|after|following|during))\s+(?:(?:an?|the|prior|previous|any|one|1|one\s+or\s+more)\s+)*$", I)


# The leading \b keeps "≥" and ">" from matching after a space, and normalised text writes "at
# least 2 weeks" as "≥ 2 weeks", so most windows are not seen here. Letting them match (measured on
# 209 leukemia trials x 89 patients: 31 lines, 1,101 outcomes changed) read some lines right ("At
# least 21 days from last cytotoxic chemotherapy") and others wrong: "must be off X for at least 2
# weeks" as X within 2 weeks, a conditional "Patients with a fungal infection must have had
# treatment for at least one month" as requiring the infection. Left as it is: the washout shapes
# are read instead where their words say so (normalize: "≥ N days from (the) last X" is "since X";
# ``_washout_of`` below: "off X for ≥ N", "X must have been completed ≥ N before" the study).
_WINDOW_NEAR = re.compile(r"\b(?:within|since|at\s+least|≥|>)\s*(?:the\s+)?(?:last\s+|past\s+)?\d+\s*(?:days?|weeks?|months?|years?)", I)


# A washout names its therapy without "prior" or "received": "must be off all immunosuppressive
# medications (except prednisone) for ≥ 2 weeks", "Radiation ... must have been completed ≥ 2 weeks
# prior to enrollment". The window must follow the therapy as a lower bound ("≥"/">"), so a line
# that only names a therapy ("who remain off immunosuppressive therapy", "must have had treatment
# for ≥ 1 month") is not read as asking about it; the window reader then reads none within it.
_OFF_BEFORE = re.compile(r"\boff\s+(?:of\s+)?(?:all\s+|any\s+)?(?:[\w-]+,?\s+){0,4}$", I)
_CONDITIONAL_SUBJECT = re.compile(r"\b(?:if|when|for\s+(?:patients|subjects|participants|those|individuals)|(?:patients|subjects|participants|those|individuals)\s+(?:with|who))\b[^.;]*$", I)
_OFF_WORDS = re.compile(r"\boff\s+(?:of\s+)?(?:all\s+|any\s+)?(?:systemic\s+|oral\s+)?$", I)
_OFF_FOR_AFTER = re.compile(r"[^.;]{0,60}?\bfor\s+[≥>]\s*\d+(?:\.\d+)?\s*(?:days?|weeks?|months?|hours?)\b", I)
_DONE_BEFORE_AFTER = re.compile(
    # (or said of the past, "The patient's last myelosuppression therapy ended at least 2 weeks
    # before the first dose of study drug")
    r"[^.;]{0,60}?\b(?:(?:must|should|shall|will|to)\s+(?:have\s+)?(?:be(?:en)?\s+)(?:completed|discontinued|stopped|ceased|finished)|(?:was\s+|were\s+|has\s+|have\s+)?(?:ended|completed|discontinued|stopped|finished))\s+"
    r"[≥>]\s*\d+(?:\.\d+)?\s*(?:days?|weeks?|months?)\s+(?:ago\b|(?:before|prior\s+to)\s+(?:the\s+)?(?:(?:start|first|initiation|beginning)\b|study|protocol|trial|registration|enrol|entry|randomi|inclusion|screening|day\s*[01]\b|D[01]\b|C1D1|cycle\s+1\b|treatment|therapy|this\b|signing|consent|baseline|receiving|starting|beginning))",
    I,
)


def _washout_of(text: str, start: int, end: int) -> bool:
    """Whether the therapy at ``start:end`` is the subject of a washout written around it. Not
    where a condition names whom it concerns ("For subjects with brain metastases that require
    radiation, therapy must have been completed ..."): read for everyone, a patient irradiated
    last week for another reason failed it."""
    if _CONDITIONAL_SUBJECT.search(text, max(0, start - 120), start):
        return False
    if _OFF_BEFORE.search(text, max(0, start - 60), start) and _OFF_FOR_AFTER.match(text, end):
        return True
    return bool(_DONE_BEFORE_AFTER.match(text, end))


_LONG_WORD = re.compile(r"[A-Za-z]{5,}")


def _shouted(text: str) -> bool:
    """A line written in capitals ("ALL PATIENTS MUST ...") uses ALL as a word, not the disease.
    Judged by the words of five letters or more: a list of abbreviations ("AML, MDS, ALL or
    MPAL", "ALL with MRD") has none, so its capitals are the diseases' own."""
    words = _LONG_WORD.findall(text)
    return bool(words) and sum(word.isupper() for word in words) * 2 > len(words)


# "measureable" as registries also spell it; "Measurable (RECIST) indicator lesion"
# ("Radiographically-measurable disease", "measurable (that is, target) lesion", "Measurable cancer")
_MEASURABLE = re.compile(r"(?<![-\w])(?:(?:radiographically|radiologically)[\s-]*)?measure?able\s+(?:\(\s*RECIST(?:\s*(?:v(?:ersion)?\s*)?1\.[01])?\s*\)\s+|\(\s*(?:that\s+is|i\.?\s?e\.?)\s*,?\s*target\s*\)\s+)?(?:(?:indicator|target)\s+)?(?:disease|lesions?|tumou?rs?|cancer)(?:\s+(?:per|by|according\s+to|as\s+defined\s+by)\s+(?:the\s+)?(?:RECIST|Response\s+Evaluation\s+Criteria\s+in\s+Solid\s+Tumou?rs)(?:\s*\(RECIST\))?(?:\s*(?:v(?:ersion)?\s*)?1\.[01])?)?", I)


# the words that name what caused something else: the cue right before an event, or a list away
_CAUSE_WORDS = r"caused\s+by|related\s+to|attributed\s+to|due\s+to|induced\s+by|secondary\s+to|toxicit\w*\s+(?:of|from)|effects?,?\s+(?:of|from)|recovered\s+from"
_CAUSED_BY = re.compile(rf"(?:{_CAUSE_WORDS}|associated\s+with|response\s+to)\s+(?:\w+\s+){{0,3}}$", I)
_CAUSE_CUE = re.compile(rf"\b(?:{_CAUSE_WORDS})\s", I)


# a count of past events before the event ("≤ 1 prior autologous or allogeneic transplant",
# "more than 2 prior regimens of chemotherapy"): the normaliser has written "no more than" as ≤
_COUNT = re.compile(
    r"(?P<op>[≤<≥>]|\bat\s+(?:most|least)|\bup\s+to|\b(?:more|fewer|less)\s+than|\bmaximum\s+of|\bminimum\s+of)\s*"
    r"(?P<n>\d{1,2}|one|two|three|four|five)\s",
    I,
)
# a transplant's full name as a counted list's member ("prior autologous hematopoietic stem cell transplant")
_TRANSPLANT_NAME = re.compile(
    r"\s*(?:(?:prior|previous)\s+)?(?:autologous|allogeneic|allogenic|syngeneic)\s+(?:hematopoietic|haematopoietic)\s+(?:stem|progenitor)\s+cell\s+transplant(?:ation|s)?\s*",
    I,
)
_COUNTED_NOUN = re.compile(r"\s+(?:regimens?|lines?(?:\s+of\s+(?:therapy|treatment))?|courses?|attempts?)\b", I)


# what ends the list a count or a cause reaches along: a clause break, a time, a relative clause
_NOT_A_COUNT_LIST = re.compile(r"[;:.()\[\]]|\b(?:days?|weeks?|months?|years?|hours?|cycles?|doses?|mg|times?|half|since|within|before|after|from|who|which|that)\b", I)
_NOT_A_CAUSE_LIST = re.compile(r"[;:.()\[\]]|\b(?:within|before|prior\s+to|since|after|who|which|that|including|except)\b", I)


_RECENT_OPEN = re.compile(r"\brecent\s*\(\s*$", I)
_BRACKET_CLOSE = re.compile(r"[^()]{0,40}\)")


def _last_before_list(cue: re.Pattern[str], window: str, breaks: re.Pattern[str]) -> tuple[re.Match[str], str, list[str]] | None:
    """The last ``cue`` in ``window`` when only list words follow it up to the window's end:
    (the cue, the words after it, those words split at commas, "or", "and" and "/")."""
    last = None
    for last in cue.finditer(window):
        pass
    if last is None:
        return None
    between = window[last.end():]
    if breaks.search(between):
        return None
    return last, between, re.split(r",|\bor\b|\band\b|/", between)


def _count_of(text: str, start: int, end: int, event: Predicate) -> tuple[int, int, Expr] | None:
    """The event at ``start:end`` under a count, as (start, end, expression): a cap of one or
    more is met by a patient without the event and open for one with it (read as the event
    asked for, every patient without a transplant failed "no more than 1 prior transplant"); a
    minimum of two or more needs the event and leaves the count open (one transplant excluded
    everyone from a "more than one prior transplant" exclusion). The count may stand a short
    list away ("≤ 1 prior autologous stem cell transplant or allogeneic ..."), never across a
    clause or a time ("≤ 4 weeks since chemotherapy" is a window)."""
    window = text[max(0, start - 100): start]
    found = _last_before_list(_COUNT, window, _NOT_A_COUNT_LIST)
    if found is None:
        return None
    m, between, chunks = found
    # (a member may be the transplant's full name, six words: "≤ 1 prior autologous hematopoietic
    # stem cell transplant or allogeneic ..."; at five words at most the second member went
    # uncapped, and a patient with an allogeneic transplant met the cap whatever else they had)
    if not all(len(chunk.split()) <= 5 or _TRANSPLANT_NAME.fullmatch(chunk) for chunk in chunks) or (len(chunks) > 1 and not chunks[0].strip()):
        return None  # "NYHA class ≥ 3 or uncontrolled arrhythmia": the number ends a value, not a count
    if re.search(r"\b(?:class|score|status|level|stage|count|ECOG|NYHA|PS|KPS|Karnofsky|Lansky)\s*$", window[: m.start()], I):
        return None
    grade = re.search(r"\bgrade\s*$", window[: m.start()], I)
    if grade is None and chunks[0].strip() and not re.search(r"\b(?:prior|previous(?:ly)?|lines?|regimens?|courses?|types?|kinds?|different|separate)\b", chunks[0], I):
        return None  # "temperature > 38 degrees or active infection": a count names what it counts
    n = count_of(m.group("n"))
    op = " ".join(m.group("op").lower().split())
    noun = _COUNTED_NOUN.match(text, end)
    end = noun.end() if noun else end
    said = Alternative(ReviewReason.UNSUPPORTED_CONCEPT, " ".join((m.group(0) + between + text[start:end]).split()))
    first = start - len(window) + m.start()
    if grade is not None and op in ("≥", ">", "at least", "more than", "minimum of") and not between.strip():
        return None  # "grade ≥ 2 peripheral neuropathy within 4 weeks": a severity, read after the window (event_grades)
    if grade is not None:  # "grade ≤ 1 peripheral neuropathy": a severity, not a count; open beside the event
        said = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, " ".join((grade.group(0) + m.group(0)).split()))
        return first - (m.start() - grade.start()), end, all_of([event, said])
    if op in ("≤", "<", "at most", "up to", "fewer than", "less than", "maximum of"):
        most = n - 1 if op in ("<", "fewer than", "less than") else n
        return first, end, (Not(event) if most <= 0 else any_of([Not(event), said]))
    least = n + 1 if op in (">", "more than") else n
    return first, end, (event if least <= 1 else all_of([event, said]))


def _caused_by(text: str, start: int) -> bool:
    """Whether the event at ``start`` is what caused something else ("recovered from the toxic
    effects of all prior chemotherapy, immunotherapy, or radiation therapy"): the subject is the
    effect, never a history of the therapy. The cue may stand a list away (the third therapy
    above is 50 characters past "effects of"; read as asked for, everyone without prior
    radiotherapy failed the line): the words between must be that list, short items joined by
    commas, "or" and "and", with no sentence or clause break."""
    if _CAUSED_BY.search(text, max(0, start - 40), start):
        return True
    found = _last_before_list(_CAUSE_CUE, text[max(0, start - 160): start], _NOT_A_CAUSE_LIST)
    if found is None:
        return False
    chunks = found[2]
    return len(chunks) > 1 and all(len(chunk.split()) <= 4 for chunk in chunks)


_NEG_BEFORE = re.compile(r"\b(?:not|no|without|never)\b(?:\W+\w+){0,3}\W*$", I)


_ANTIMICROBIALS = re.compile(r"\banti-?(?:biotics?|fungals?|microbials?|bacterials?|infectives?)\b", I)


_OF_A_CHANGE = re.compile(
    r"\b(?:changes?|adjustments?|modifications?|increases?)\s+(?:in|of|to)\s+(?:(?:the|their|its|his|her)\s+)?(?:medications?|doses?|dosing|dosage|therapy|treatment)\s*$"
    r"|\b(?:hospital\s+admissions?|hospitali[sz]ations?)\s*$",
    I,
)
_DEFINED_BY_LIST = re.compile(r"[^.;]{0,80}?(?::\s*$|\bthe\s+following\b|\bdefined\s+(?:as|by)\b|\bas\s+(?:defined|follows)\b|\binclud(?:ing|es)\b)", I)
_EXAMPLES_AFTER = re.compile(r"\s*[,(]?\s*(?:such\s+as|e\.\s?g\.?|eg\b|including|for\s+example|for\s+instance|like)\b", I)


_CANCERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("breast_cancer", r"(?:carcinoma|adenocarcinoma|cancer)\s+of\s+(?:the\s+)?breast|breast\s+(?:cancer|carcinoma|adenocarcinoma|tumou?r)s?", ("breast",)),
    ("prostate_cancer", r"(?:carcinoma|adenocarcinoma|cancer)\s+of\s+(?:the\s+)?prostate(?:\s+gland)?|prostate\s+(?:cancer|carcinoma|adenocarcinoma)|prostatic\s+(?:carcinoma|adenocarcinoma)", ("prostat",)),
    ("nsclc", r"non-?\s*small[\s-]+cell\s+lung\s+(?:cancer|carcinoma)|non-?\s*small[\s-]+cell\s+(?:cancer|carcinoma)\s+of\s+(?:the\s+)?lungs?\b|\bNSCLC\b", ("small", "nsclc")),
    ("sclc", r"(?<!non-)(?<!non )(?<!non)small[\s-]+cell\s+(?:lung\s+(?:cancer|carcinoma)|(?:cancer|carcinoma)\s+of\s+(?:the\s+)?lungs?\b)|\bSCLC\b", ("small", "sclc")),
    ("lung_cancer", r"lung\s+(?:cancer|carcinoma|adenocarcinoma)|\b(?:carcinoma|cancer)\s+of\s+(?:the\s+)?lungs?\b", ("lung",)),
    ("colorectal_cancer", r"(?:colorectal|colon|rectal)\s+(?:cancer|carcinoma|adenocarcinoma)|(?:carcinoma|adenocarcinoma|cancer)\s+of\s+(?:the\s+)?(?:colon|rectum)\b", ("colo", "rect")),
    ("ovarian_cancer", r"(?:epithelial\s+)?ovarian\s+(?:epithelial\s+)?(?:(?:or|and|,)\s+(?:fallopian\s+tube|primary\s+peritoneal)\s+)?(?:cancers?|carcinomas?)|(?:carcinoma|cancer)\s+of\s+the\s+ovary", ("ovar",)),
    ("gastric_cancer", r"(?:gastric|stomach)\s+(?:cancer|carcinoma|adenocarcinoma)s?|(?:carcinoma|adenocarcinoma|cancer)\s+of\s+the\s+(?:stomach|gastro-?(?:o)?esophageal\s+junction)", ("gastric", "stomach")),
    ("hepatocellular_carcinoma", r"hepatocellular\s+(?:carcinomas?|cancers?)|\bHCC\b|liver\s+cell\s+carcinomas?", ("hepatocellular", "hcc", "liver cell")),
    ("intrahepatic_cholangiocarcinoma", r"intrahepatic\s+cholangiocarcinomas?", ("intrahepatic",)),
    ("liver_cancer", r"(?:primary\s+)?liver\s+(?:cancers?|carcinomas?)|(?:carcinoma|cancer)\s+of\s+the\s+liver", ("liver",)),
    ("renal_cell_carcinoma", r"renal[\s-]+cell\s+(?:adeno)?(?:carcinomas?|cancers?)|\bRCC\b", ("renal", "rcc")),
    ("kidney_cancer", r"(?:kidney|renal)\s+cancers?|(?:carcinoma|cancer)\s+of\s+the\s+kidney", ("kidney", "renal")),
    ("bladder_cancer", r"(?<!gall)(?<!gall-)(?<!gall\s)(?:urinary\s+)?bladder\s+(?:cancers?|carcinomas?)|(?:carcinoma|cancer)\s+of\s+the\s+(?:urinary\s+)?bladder", ("bladder",)),
    ("nasopharyngeal_carcinoma", r"nasopharyn(?:geal|x)\s+(?:carcinomas?|cancers?)|(?:carcinoma|cancer)\s+of\s+the\s+nasopharynx|\bNPC\b", ("nasopharyn", "npc")),
    ("head_and_neck_cancer", r"head\s+(?:and|&)\s+neck\s+(?:squamous[\s-]+cell\s+)?(?:cancers?|carcinomas?|malignanc(?:y|ies))|squamous[\s-]+cell\s+carcinomas?\s+of\s+the\s+head\s+and\s+neck|\bSCCHN\b|\bHNSCC\b", ("head", "scchn", "hnscc")),
    ("pancreatic_cancer", r"pancreatic\s+(?:cancer|carcinoma|adenocarcinoma|ductal\s+adenocarcinoma)|(?:carcinoma|adenocarcinoma|cancer)\s+of\s+(?:the\s+)?(?:exocrine\s+)?pancreas\b", ("pancrea",)),
    ("nonmelanoma_skin_cancer", r"non-?\s*melano(?:ma(?:tous)?|tic)\s+(?:skin\s+)?(?:cancers?|carcinomas?|malignanc(?:y|ies)|tumou?rs?)|\bNMSC\b"
     # both kinds named together ("basal or squamous cell skin cancer", "squamous and basal cell
     # carcinoma of the skin", "basal/squamous cell carcinoma"): the family, as one reading
     # (joined by "and" only before the noun: "basal cell carcinoma and squamous cell carcinoma of the
     # skin, ... or prostate cancer with PSA < 1" is a list whose items the clause grammar reads)
     r"|(?:basal|squamous)(?:[\s-]+cells?)?(?:\s+(?:or|and|and/or|&)\s+|\s*/\s*|\s*,\s*(?:or\s+|and\s+)?(?=(?:basal|squamous)[\s-]+cells?\s+(?:skin\s+)?(?:cancers?|carcinomas?)\s+of\s+(?:the\s+)?skin)|\s+(?:skin\s+)?(?:carcinomas?|cancers?)(?:\s+of\s+(?:the\s+)?skin)?(?:\s+(?:or|and/or)\s+|\s*/\s*))"
     r"(?:basal|squamous)[\s-]+cells?\s+(?:skin\s+)?(?:cancers?|carcinomas?)(?:\s+of\s+(?:the\s+)?skin)?"
     # "skin cancer (excluding melanoma)", "skin cancers other than melanoma"
     r"|skin\s+cancers?\s*\(?\s*(?:excluding|except(?:\s+for)?|other\s+than|but\s+not)\s+melanomas?\s*\)?", ("melano", "basal", "squamous", "nmsc")),
    # its two kinds named alone (ICD-10-CM C44.x1, C44.x2; concepts.basal_cell_skin_cancer)
    ("basal_cell_skin_cancer", r"(?:cutaneous\s+)?basal[\s-]+cell\s+(?:skin\s+)?(?:carcinomas?|cancers?|epitheliomas?)(?:\s+of\s+(?:the\s+)?skin)?|\bBCC\b", ("basal", "bcc")),
    ("squamous_cell_skin_cancer", r"(?:cutaneous|skin)\s+squamous[\s-]+cell\s+(?:carcinomas?|cancers?)|squamous[\s-]+cell\s+(?:carcinomas?|cancers?)\s+of\s+(?:the\s+)?skin|squamous[\s-]+cell\s+skin\s+(?:cancers?|carcinomas?)", ("squamous",)),
    ("melanoma", r"(?<!non-)(?<!non)(?<!non )\bmelanoma", ("melanoma",)),
    ("glioma", r"\bgliomas?\b|glioblastoma(?:\s+multiforme)?|\bGBM\b|astrocytoma", ("glio", "gbm", "astrocyt")),
    # the blood cancers' family ("Diagnosis of hematological malignancy", "hematologic cancers",
    # "haematological neoplasm", "malignant hematologic disorders", "blood cancer"); never the
    # cancers that are not it ("non-hematologic malignancy", "non malignant hematologic diseases")
    ("blood_cancer", r"(?<!non-)(?<!non\s)(?<!non)\b(?:(?:ha?ematolog(?:ic|ical)|ha?ematopoietic)\s+(?:malignan(?:cy|cies)|malignant\s+(?:tumou?rs?|neoplasms?|diseases?|disorders?)"
     r"|neoplasms?|neoplasia|cancers?)|blood\s+(?:cancers?|malignanc(?:y|ies))|malignant\s+ha?ematolog(?:ic|ical)\s+(?:diseases?|disorders?|neoplasms?|conditions?))"
     # (not a word naming a study, a service or its people: "the hematologic malignancy procurement protocol")
     r"(?!\s+(?:procurement|protocols?|stud(?:y|ies)|registr(?:y|ies)|programs?|programmes?|services?|units?|clinics?|departments?|(?:bio)?banks?"
     r"|repositor(?:y|ies)|specialists?|physicians?|oncologists?|teams?|cent(?:er|re)s?|wards?)\b)",
     ("hematolog", "haematolog", "hematopoietic", "haematopoietic", "blood c", "blood m")),
    # a lymphoma's kind before the family (the first reading of a span stands): "Diffuse large
    # B-cell lymphoma (DLBCL)", "follicular lymphoma", "mantle cell lymphoma (MCL)", "B-cell
    # non-Hodgkin lymphoma", "Hodgkin's disease"; a kind the catalogue does not name ("small
    # lymphocytic lymphoma", "lymphoblastic lymphoma") stays "lymphoma" beside its unread words
    # (CLL's nodal form, before the family: "small lymphocytic lymphoma (SLL)", "CLL/SLL")
    # (the letters after CLL's row, so that "treatments for CLL/SLL" passes both on as the
    # therapies' indication)
    ("sll", r"small[\s-]+(?:B[\s-]?cell\s+)?lymphocytic\s+lymphomas?(?:\s*\(\s*SLL\s*\))?", ("lymphocytic",)),
    ("dlbcl", r"diffuse\s+large\s+B[\s-]?cell\s+(?:non-?\s*Hodgkin'?s?\s+)?lymphomas?(?:\s*[(\[]\s*DLBCL\s*[)\]])?|\bDLBCL\b", ("diffuse", "dlbcl")),
    ("follicular_lymphoma", r"follicular\s+(?:(?:non-?\s*Hodgkin'?s?|B[\s-]?cell)\s+)?lymphomas?(?:\s*[(\[]\s*FL\s*[)\]])?", ("follicular",)),
    ("mantle_cell_lymphoma", r"mantle[\s-]+cell\s+lymphomas?(?:\s*[(\[]\s*MCL\s*[)\]])?", ("mantle",)),
    ("marginal_zone_lymphoma", r"(?:(?:extra-?\s*nodal|nodal|splenic)\s+)?marginal[\s-]+zone\s+(?:B[\s-]?cell\s+)?lymphomas?(?:\s*[(\[]\s*MZL\s*[)\]])?|\bMALT\s+lymphomas?", ("marginal", "malt")),
    ("burkitt_lymphoma", r"Burkitt'?s?\s+lymphomas?", ("burkitt",)),
    ("b_cell_lymphoma", r"(?<!large\s)B[\s-]?cell\s+(?:non-?\s*Hodgkin'?s?\s+)?lymphomas?|B[\s-]?cell\s+NHL\b", ("b-cell", "b cell", "bcell")),
    # adult T-cell leukaemia/lymphoma by its names ("adult T-cell leukemia/lymphoma (ATLL)", "Adult
    # T-cell lymphoma/leukemia", "acute or lymphomatous adult T-cell leukemia (ATL)"); "ATL" and
    # "ATLL" in capitals only. Before the T-cell lymphomas, whose words it holds
    ("atll", r"adult\s+T[\s-]?cell\s+(?:leuka?emia|lymphoma)s?(?:\s*(?:/|-|and|or)\s*(?:leuka?emia|lymphoma)s?)?(?:\s*\(\s*ATLL?\s*\))?|(?-i:\bATLL?\b)", ("adult", "atl")),
    *T_CELL_KINDS,  # the coded kinds of T/NK-cell lymphoma before the family (topics.t_cell_kinds)
    ("t_cell_lymphoma", r"\b(?:peripheral\s+|cutaneous\s+|mature\s+)?(?:T[\s-]?cell|T/NK[\s-]?cell|NK/T[\s-]?cell)\s+(?:non-?\s*Hodgkin'?s?\s+)?lymphomas?|(?-i:\bPTCL\b|\bCTCL\b)", ("t-cell", "t cell", "tcell", "nk", "ptcl", "ctcl")),
    ("nhl", r"non-?\s*Hodgkin'?s?\s+(?:lymphomas?|disease)|\bNHL\b", ("hodgkin", "nhl")),
    ("hodgkin_lymphoma", r"(?<!non-)(?<!non)(?<!non\s)(?:classical\s+)?\bHodgkin'?s?\s+(?:lymphomas?|disease)", ("hodgkin",)),
    ("lymphoma", r"lymphomas?\b(?!\s+kinase)", ("lymphoma",)),  # (never the gene, "anaplastic lymphoma kinase (ALK)")
    # "MM" in capitals listed after another item ("AML, MDS, or MM", "CLL, NHL or MM"); elsewhere
    # ("Last MM treatment", "agents for MM") it stays unread: read there as the disease, a
    # treatment's window became the diagnosis's
    ("multiple_myeloma", r"multiple\s+myeloma|plasma\s+cell\s+myeloma|(?-i:(?:(?<=, )|(?<=\bor )|(?<=\band ))MM\b(?![\w/-]))", ("myeloma", "mm")),
    ("plasma_cell_leukemia", r"plasma[\s-]+cell\s+leuka?emias?(?:\s*\(\s*PCL\s*\))?", ("plasma",)),
    ("mds", r"myelodysplastic\s+syndromes?|\bMDS\b", ("myelodysplastic", "mds")),
    # (the British spelling, the plural, and "chronic lymphocyte leukemia" as one record writes it)
    # ("B-CLL", "B-cell CLL", "B-cell chronic lymphocytic leukemia": every CLL is of B cells, the
    # letter before it no further kind; left unread, it was a review beside every CLL)
    ("cll", r"(?:\bB[\s-]?(?:cell\s+)?)?(?:chronic\s+lymphocyt(?:ic|e)\s+leuka?emias?|\bCLL\b)", ("chronic lymphocyt", "cll")),
    ("sll", r"(?-i:\bSLL\b)(?!\s+cells?\b)", ("sll",)),  # (not "the demonstration of SLL cells in the lymph node": the diagnosis's evidence)
    # Waldenström's macroglobulinaemia by its name (C88.0); lymphoplasmacytic lymphoma, the wider
    # kind a hospital may code as a B-cell lymphoma (C83.0), is not read as it
    ("waldenstrom_macroglobulinemia", r"waldenstr(?:ö|o|oe)m'?s?\s+(?:macroglobulin(?:a)?emia|disease)(?:\s*\(\s*WM\s*\))?", ("waldenstr",)),
    ("t_pll", r"T[-\s]?cell\s+(?:prolymphocytic\s+leuka?emia|PLL\b)|\bT[-\s]?PLL\b|prolymphocytic\s+leuka?emia\s+of\s+T[-\s]?cell\s+type", ("prolymphocytic", "pll")),
    *PLL_ROWS,  # B-cell prolymphocytic leukaemia, then the family (topics.b_cell_kinds)
    # (not as what a radiotherapy was for: "palliative XRT for CNS chloromas" dates the therapy)
    ("myeloid_sarcoma", r"(?<!\bfor\s)(?<!\bfor\sCNS\s)(?:(?:myeloid|granulocytic)\s+sarcomas?|\bchloromas?\b|chloromatous\s+(?:disease|tumou?rs?|masses))", ("sarcoma", "chloroma")),
    # the classic myeloproliferative neoplasms by name, before the family. Myelofibrosis first, with
    # the neoplasm it followed as part of its name ("post-PV/ET MF", "Post Polycythemia Vera/
    # Essential Thrombocythemia Myelofibrosis", "polycythemia vera related myelofibrosis", "PPV-MF"):
    # read as the earlier neoplasm too, a polycythaemia vera without fibrosis met a myelofibrosis
    # trial. "MF", "PV" and "ET" alone are other things too (a patient's initials, "ET" a tube):
    # the letters are read only as "PMF", "post-PV MF" and the like, or in brackets after the name
    ("myelofibrosis", r"(?:(?:primary|idiopathic|chronic\s+idiopathic)\s+|post[\s-]*(?:polycyth(?:a)?emia\s+vera|essential\s+thrombocyth(?:a)?emia|(?-i:PV|ET))"
     r"(?:\s*(?:/|or|and)\s*(?:polycyth(?:a)?emia\s+vera|essential\s+thrombocyth(?:a)?emia|(?-i:PV|ET)))?[\s-]*"
     r"|(?:polycyth(?:a)?emia\s+vera|essential\s+thrombocyth(?:a)?emia)[\s-]+(?:related|associated)\s+)?myelofibrosis(?:\s*\(\s*[\w/ -]{0,20}\bMF\s*\))?"
     r"|(?-i:\bPMF\b|\bP(?:PV|ET)-MF\b|\b[Pp]ost-(?:PV|ET)(?:/(?:PV|ET))?[\s-]MF\b)|(?:primary|post-polycyth(?:a)?emia\s+vera|post-essential\s+thrombocyth(?:a)?emia)\s+(?-i:MF)\b",
     ("myelofibros", "pmf", "mf")),
    ("polycythemia_vera", r"polycyth(?:a)?emia\s+(?:rubra\s+)?vera(?:\s*\(\s*PV\s*\))?", ("polycyth",)),
    ("essential_thrombocythemia", r"essential\s+thrombocyth(?:a)?emia(?:\s*\(\s*ET\s*\))?", ("thrombocyth",)),
    # the myeloproliferative neoplasms by their family name ("Other myeloproliferative disorders",
    # "myeloproliferative disorder (MPD) other than CML"); the overlap syndromes written
    # "myelodysplastic/myeloproliferative" or "myelodysplastic and myeloproliferative disorders" are not it
    ("mpn", r"(?<![/-])(?<!myelodysplastic\sand\s)(?<!myelodysplastic\s&\s)\b(?:chronic\s+)?myeloproliferative\s+(?:neoplasms?|disorders?|diseases?|syndromes?)(?:\s*\(\s*MP[ND]s?\s*\))?|(?-i:\bMP[ND]s?\b)",
     ("myeloproliferative", "mpn", "mpd")),
    # the myelodysplastic/myeloproliferative leukaemias ("MDS, including CMML", "CMML-2",
    # "Juvenile myelomonocytic leukemia (JMML)"): C93.3 and C93.1
    ("jmml", r"juvenile\s+myelomonocytic\s+leuka?emias?(?:\s*\(\s*JMML\s*\))?|\bJMML\b", ("juvenile", "jmml")),
    # (not the group a bound is set for: "for subjects with chronic myelomonocytic leukemia: subjects
    # with white blood cell counts >= 20,000/uL must be excluded" is no second disease each must have)
    ("cmml", r"(?<!for subjects with )(?<!for patients with )(?<!for participants with )chronic\s+myelomonocytic\s+leuka?emias?(?:\s*\(\s*CMML(?:-?[12])?\s*\))?|\bCMML(?:-?[12])?\b", ("myelomonocytic", "cmml")),
    ("cml", r"chronic\s+myel(?:oid|ogenous)\s+leukemia|\bCML\b", ("chronic myel", "cml")),
    ("solid_tumor", r"(?<!criteria in )(?<!criteria for )(?:advanced\s+|metastatic\s+)?solid\s+(?:tumou?rs?|malignanc(?:y|ies)|neoplasms?)", ("solid",)),
    ("metastatic_disease", r"\bmetastatic\s+(?:disease|cancer|malignanc(?:y|ies))|\bstage\s+IV\b|distant\s+metastas[ie]s", ("metasta", "stage")),
)


_CANCER_RES = tuple((c, re.compile(p, I), gate) for c, p, gate in _CANCERS)


# a family named as the head of its kinds' list ("the following myeloproliferative neoplasms:
# essential thrombocythemia, polycythemia vera, and primary myelofibrosis"): read as one of them, a
# chronic myeloid leukaemia (an MPN the list leaves out) met the exclusion
_KINDS_AFTER = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?:", I)


# how a diagnosis is made, after "the diagnosis of <disease>" ("the diagnosis of CLL is defined by
# the presence of 5 x 10^9 clonal B-lymphocytes/L", "the diagnosis of SLL may be made with ...")
_DEFINED_NEXT = re.compile(r"\s+(?:is|are|may|can|will|must|should)\s+(?:be\s+)?(?:defined|made|established|confirmed|based)\b", I)
# a disease an inclusion's diagnosis must rule out ("Mantle cell lymphoma should be excluded based
# on positive staining of the tumor cells for CD23", "mantle cell lymphoma must be excluded by
# demonstrating a negative FISH"): read as one more disease, every CLL patient failed the line
_RULED_OUT = re.compile(r"\s+(?:should|must|has\s+to|needs?\s+to)\s+(?:be\s+)?(?:excluded|ruled\s+out)\b", I)


# a disease named as a therapy's target ("PMF-directed therapy", "AML-specific treatment")
_AS_TARGET = re.compile(r"\s*(?:\([^()]{0,20}\)|\))?\s*-\s*(?:directed|targeted|specific)\b", I)
# a list of examples after a family's name ("Myeloproliferative disorders, including Ph-negative
# CML, myelofibrosis and CMML"): the words back to "including", list words only
_INCLUDING_BACK = re.compile(r"\bincluding\s+(?:[\w-]+(?:\s*,\s*|\s+(?:and|or|and/or)\s+|\s+)){0,8}$", I)


def _kind_in_including_list(text: str, start: int, concept: str) -> bool:
    """Whether the disease at ``start`` is one of the kinds an "including" list names after a
    wider disease of its own ("MPN, including ..., myelofibrosis"): a kind of the family, never a
    further disease each patient must have (read as one, joined to the next example by "and",
    every MPN patient without CMML failed the line). The family is found by its own row's words
    right before "including", whatever order the rows are read in."""
    window = text[max(0, start - 160): start]
    inc = _INCLUDING_BACK.search(window)
    if inc is None:
        return False
    head = window[: inc.start()].rstrip(" ,")[-60:]
    wider = set(ancestors(concept)) - {"blood_cancer"}
    return any(c in wider and any(m.end() == len(head) for m in p.finditer(head)) for c, p, _g in _CANCER_RES)


# the diseases a count of prior therapies is written for, in a bracket right after the number
# ("following at least one (MCL and CLL) or two (DLBCL and FL) prior standard therapies"): whom
# each count concerns, never diseases the line asks besides its own (read as such, "(MCL and
# CLL)" left "CLL or DLBCL" a requirement and a follicular lymphoma after two therapies failed)
_COUNT_FOR = re.compile(
    r"(?:\b(?:at\s+least|more\s+than|minimum\s+of|up\s+to|fewer\s+than|or)\s+|[≥>≤<]\s*)(?:one|two|three|four|five|\d{1,2})\s*\(\s*"
    r"(?:[\w-]+\s*(?:,|\band\b|\bor\b|/|&)\s*){0,4}$",
    I,
)


# A kind the catalogue does not name, read by its row's words: the row's concept is the wider
# class, which the kind only narrows. "Cutaneous T-cell lymphoma (CTCL)" is one T-cell lymphoma
# among many (mycosis fungoides, Sezary syndrome; the peripheral ones are others): read as the
# class, a peripheral T-cell lymphoma met "cutaneous T-cell lymphomas (CTCL) with skin as the
# only organ of involvement" and was excluded from a PTCL trial (holdout NCT00704691), and a
# CTCL asked for would be met by any T-cell lymphoma. The class stays decided (a record with
# no T-cell lymphoma has no CTCL); whether the record's is the kind is a person's.
_NARROWER_KIND = {
    "t_cell_lymphoma": re.compile(r"\bcutaneous\b|(?-i:\bCTCL\b)", I),
}
_CANCER_LIVE = WordGates([gate for _c, _p, gate in _CANCERS])  # one search for every row's gate words (word_gates)


# a cancer named as the context of another subject, not asked for itself: read as an alternative
# of an exclusion it excluded the trial's own patients ("Uncontrolled angina, arrhythmia or
# congestive heart failure at the time of HNSCC diagnosis", "abnormalities except those
# attributable to bladder cancer"). "Therapy for <cancer>" is not among them: read with the
# therapy it names which therapy counts ("No prior chemotherapy for NSCLC")
_CANCER_AS_REFERENCE = re.compile(
    r"(?:\btime\s+of|\battributable\s+to"
    # "any chemotherapy within 5 years of the diagnosis of SCLC": the date a window of another
    # subject counts from; read as asked about, the trial's own cancer excluded its patients
    r"|\bwithin\s+\d+\s*(?:days?|weeks?|months?|years?)\s+(?:of|from)\s+(?:the\s+)?(?:initial\s+|original\s+|first\s+)?diagnosis\s+of)"
    r"\s+(?:(?:the|their|his|her|an?|advanced|metastatic|recurrent|local(?:ly)?|primary)\s+){0,2}$",
    I,
)


# a cancer an exclusion names as the patient's own, what a therapy is for ("Patients receiving any
# other standard or investigational treatment for their hematologic malignancy", "treatment for
# his or her AML"): never a disease the line excludes (read as one beside the therapy, every
# patient of the trial's own disease was excluded)
# the leads the anticancer therapy row reads a treatment for the patient's disease after
# ("currently receiving any treatment for MDS", "No other concurrent
# treatment for CML", "Off all other treatments for MDS"): the disease is what it was for
_TREATMENT_FOR_DISEASE = re.compile(
    r"\b(?:concurrent|concomitant|receiving\s+any|all\s+other|any\s+other)\s+(?:therap(?:y|ies)|treatments?)\s+for\s+(?:the\s+|their\s+|this\s+)?$", I
)
_FOR_THEIR = re.compile(r"\bfor\s+(?:their|his|her|his\s+or\s+her|the\s+patient'?s)\s+(?:[\w-]+\s+){0,2}$", I)


# "cytotoxic therapy for treatment of conditions other than MDS", "steroids for disorders other than
# myeloma", "unless administered for indications other than NHL" (12 corpus lines): the cancer
# named is what the therapy was NOT given for, never a diagnosis the line asks. Read as one, "More
# than 12 months since prior ... chemotherapy for treatment of conditions other than MDS" became
# "... and not MDS", failing every patient of an MDS trial.
_INDICATION_OTHER_THAN = re.compile(
    # (a therapy's: after a word of the line, never "For diseases other than CLL, ..." opening it,
    # which scopes the patients the rest concerns)
    r"(?<=[\w,)]\s)(?:for|of|treat)\s+(?:the\s+)?(?:(?:treatment|management)\s+of\s+)?(?:conditions?|diseases?|disorders?|indications?)\s+other\s+than"
    r"(?:\s+(?:the|a|an))?\s*$",
    I,
)


# a product named before the class it belongs to, in a washout's subject ("prior valproic acid or
# other", "prior imatinib or other"): the product's name alone, between a lead word and "or other"
_LISTED_PRODUCT = re.compile(r"(?:(?:prior|previous|last|any)\s+)?(?P<name>[a-z][a-z -]{2,40}?)\s+(?:or|and/or)\s+(?:any\s+)?other", I)


# what a patient is told to take instead ("Those who cannot stop taking these drugs should be
# switched to H2 blockers"): never what the line asks of the patient
# what a line says it does not exclude, a short list after the item ("1st degree atrioventricular
# (AV) block or asymptomatic left anterior fascicular block/right bundle branch block (LAFB/RBBB)
# will not be excluded")
_NOT_EXCLUDED = re.compile(r"[^.;:]{0,100}?\b(?:will|shall|would|are|is)\s+not\s+(?:be\s+)?excluded\b", I)
_CONDUCTION = frozenset({"conduction_disorder", "av_block", "av_block_first_degree", "av_block_second_degree", "av_block_third_degree",
                         "mobitz_i", "mobitz_ii", "bundle_branch_block", "lbbb", "rbbb", "bradycardia"})
_SWITCHED_TO = re.compile(r"\b(?:should|must|will|may|can)\s+be\s+switched\s+to\b[^.;]{0,60}$", I)


_LIST_JOIN = re.compile(r"^\s*(?:,\s*)?(?:or|and|and/or|/|,)\s*(?:[\w-]+\s+){0,3}$", I)


# the words a washout's list may run on over in an inclusion ("since ..."): joins and a therapy's
# lead words only, no clause break, number or bracket (each fixed word, no nesting)
_WASHOUT_GAP = re.compile(r"(?=[^,/]*(?:,|/|\bor\b|\band\b))[^;:.()\[\]\d]{1,80}", I)
_LIST_ENDS = re.compile(r"^(?:[\s,/]|\b(?:and/or|or|and)\b)+|(?:[\s,/]|\b(?:and/or|or|and)\b)+$", I)
_LIST_LEAD_WORDS = re.compile(
    r",|/|\b(?:and/or|or|and|the|all|any|an?|other|prior|previous|systemic|completion|end|of|treatment|therapy|with|last|dose|course|cycle|administration|from|since|to|in|by)\b", I
)


# a verb between two items starts another statement ("brain metastases and has been off
# corticosteroids for ≥ 4 weeks"): the window after it is not the first item's
# ("or had surgery within 4 weeks" lists one more event: "had" alone is a list's lead word)
# words between a washout's item and the next event that open a clause of its own ("> 4 weeks
# from stem cell infusion, have no active GVHD"; "at least 100 days since HSCT, no active
# GVHD"): the next event is asked on its own terms (taken into the window, a GVHD active for a
# year passed "no GVHD within 4 weeks")
_OWN_CLAUSE_GAP = re.compile(r"\b(?:no|not|non|without|never|nor|free|have|has|had|must|should|is|are)\b", I)
_NEW_PREDICATE = re.compile(r"\b(?:(?:has|have|had)\s+been|is|are|was|were)\b", I)


# words after an event and before its window that list another subject ("or symptomatic
# pericarditis"); a noun that only repeats the list's head ("experimental drug or therapy",
# "prednisone or equivalent") is no other subject
# (a word of the event's own may come first: "growth factor support or lenalidomide in the 30
# days", where the item read ends at "growth factor" and lenalidomide was dropped)
_LISTED_AFTER = re.compile(r"\s*\)?\s*(?:[a-z-]+\s+)?,?\s*(?:and/or|or|nor)\s+(?P<words>[^()\[\];:.]+?)\s*,?\s*$", I)
_HEAD_REPEATED = re.compile(
    r"(?:(?:any|other|all|such|similar)\s+)*(?:therap(?:y|ies)|treatments?|drugs?|agents?|medications?|medicines?|products?|equivalents?|the\s+like|similar|others?)",
    I,
)


def _listed_after(gap: str) -> str | None:
    m = _LISTED_AFTER.fullmatch(gap)
    if m is None or _HEAD_REPEATED.fullmatch(m.group("words").strip()) or not content_words(m.group("words")):
        return None
    return " ".join(m.group("words").split())


def _coronary_list_gap(gap: str, right: Item) -> bool:
    """"acute coronary syndromes (including unstable angina), coronary angioplasty, or stenting
    within the past 6 months" (10 corpus lines): a revascularization listed after a bracket of
    coronary events continues their list, and the window closing it is theirs too (read as the
    revascularization's alone, the unstable angina lost the window it had before the procedure
    was read)."""
    return isinstance(right.expr, Predicate) and right.expr.concept == "coronary_revascularization" and re.fullmatch(r"\s*\)\s*,?\s*(?:(?:and/or|or|and)\s+)?", gap) is not None


_KINDS_BRACKET = re.compile(r"\(\s*(?:including|such\s+as|e\.\s?g\.?,?|i\.\s?e\.?,?)\s", I)
# a head that names a state, not events on dates ("Clinically significant cardiac disease not well
# controlled with medication (e.g., congestive heart failure, ...) or myocardial infarction within
# the last 12 months"): its kinds are undated, the window is the last item's
_STATE_HEAD = re.compile(r"\b(?:uncontrolled|controlled|significant|symptomatic|unstable|active|severe|ongoing|current)\b", I)
_BRACKET_CLOSED_OR = re.compile(r"\s*\)\s*,?\s*(?:and/or|or)\s+(?:(?:symptomatic|active|acute|severe|uncontrolled|(?:clinically\s+)?significant)\s+)?", I)


_OPENED = re.compile(r"\(\s*$")
# "No uncontrolled angina, no myocardial infarction (MI) within 6 months": a "no" opens a clause
# of its own, whose window is not the item's before it
_NEGATED_GAP = re.compile(r"\b(?:no|not|without|never)\b", I)


def _abbreviation_gap(text: str, left: Item, right: Item) -> bool:
    """"myocardial infarction (MI) or stroke within 12 months": the abbreviation in brackets is
    read as an item of its own, the same event as the name before it; the window closing the list
    is the abbreviation's and the name's too (stopped at the bracket, an infarction five years ago
    excluded)."""
    gap = text[left.end: right.start]
    if isinstance(left.expr, Predicate) and isinstance(right.expr, Predicate) and left.expr.concept == right.expr.concept:
        return re.fullmatch(r"\s*\(\s*", gap) is not None and re.match(r"\s*\)", text[right.end:]) is not None
    closed = re.match(r"\s*\)", gap)
    return closed is not None and _OPENED.search(text, 0, left.start) is not None and _list_gap(gap[closed.end():])


def _kinds_bracket_gap(text: str, left: Item, right: Item) -> bool:
    """"History of acute coronary syndromes (including myocardial infarction, ... or stenting) or
    symptomatic pericarditis within 12 months": the kinds in the bracket are the head's, listed
    beside the event after it, and the window closing the list is theirs too. Stopped at the
    bracket, an infarction five years ago excluded once pericarditis was read (before, the
    window fell to the bracket's last kind and spread back over the rest)."""
    opened = text.rfind("(", 0, left.start)
    head = max(text.rfind(c, 0, opened) for c in ".;:") + 1 if opened >= 0 else 0
    return (
        _BRACKET_CLOSED_OR.fullmatch(text, left.end, right.start) is not None
        and opened >= 0 and text.find(")", opened, left.start) < 0
        and _KINDS_BRACKET.match(text, opened) is not None
        and _STATE_HEAD.search(text, head, opened) is None
    )


# "Anti-cancer therapy including chemotherapy, radiotherapy, ... within the 4 weeks prior": the
# therapies after "including" are the class's kinds, and the window written after them dates the
# class too (left undated, any anti-cancer therapy ever excluded; 10 corpus exclusions)
_INCLUDING_GAP = re.compile(r"\s*,?\s*\(?\s*(?:including|such\s+as|e\.\s?g\.?,?|i\.\s?e\.?,?)\s*", I)


# "Any prior systemic anticancer therapy including cytotoxic therapy, ..., experimental therapy
# (treatment within the last 30 days ...)": a prior class is asked ever, and a window inside a
# bracket defines the kind beside it; neither dates the class
_PRIOR_HEAD = re.compile(r"\b(?:prior|previous(?:ly)?|history\s+of)\b[\w\s-]*$", I)


def _head_of_examples(left: Item, gap: str) -> bool:
    """Whether ``left`` is a therapy class whose kinds follow it ("anti-cancer therapy including ...")."""
    return isinstance(left.expr, Predicate) and left.expr.concept == "anticancer_therapy" and left.expr.op is Op.PRESENT and _INCLUDING_GAP.fullmatch(gap) is not None


# (two characters at least, and no roman numeral: "(B) Symptomatic coronary artery disease" and
# "(ii)" enumerate a new item, whose window is its own)
_NAME_ABBREVIATION = re.compile(r"\(\s*(?![IVXivx]{1,4}\s*\))[A-Za-z][A-Za-z0-9-]{1,9}\s*\)")


# examples of the item before, in brackets at the start of the gap (no number, no nested bracket;
# never "i.e.", which defines the item and may carry the next one's window: "No unstable angina
# (i.e., anginal symptoms at rest), new-onset angina (i.e., began within the past 3 months)")
_EXAMPLES_BRACKET = re.compile(r"^\s*\(\s*(?:including|incl\.|e\.\s?g\.|eg\b|such\s+as)[^()\d]{0,120}\)", I)


def _list_gap(gap: str) -> bool:
    """Whether the words between two events are list joins, possibly around unread short items
    ("chemotherapy, monoclonal antibodies, or investigational drug within 30 days": the window
    holds for the chemotherapy too; stopped at the unread item, any chemotherapy ever excluded).
    Written as code, not one regex: a repeated group of joins and words would backtrack."""
    if _LIST_JOIN.match(gap):
        return True
    # an abbreviation in brackets is the item's own name ("myocardial infarction (MI) or stroke
    # within 12 months": the infarction is dated by the window too; stopped there, one five
    # years ago excluded)
    gap = _NAME_ABBREVIATION.sub(" ", gap) if "(" in gap else gap
    # and so are its examples ("Major surgery (including ostomy reversal), open biopsy or
    # significant traumatic injury within 28 days": stopped at the bracket, a major surgery ten
    # years ago excluded); a bracket holding a number may date the item and is left alone
    gap = _EXAMPLES_BRACKET.sub(" ", gap, count=1) if "(" in gap else gap
    if _LIST_JOIN.match(gap):
        return True
    if re.search(r"[;:.()\[\]]", gap):
        return False
    chunks = re.split(r",|/|\b(?:and/or|or|and)\b", gap)
    # "since any major surgery, completion of radiation, or completion of all prior systemic
    # therapy": the words that date the next item are its own, not an unread item between
    last = _DATES_NEXT.sub("", chunks[-1])
    return len(chunks) > 1 and not chunks[0].strip() and not last.strip() and all(len(c.split()) <= 3 for c in chunks)


_DATES_NEXT = re.compile(
    r"^\s*(?:(?:the|all|any|an?|other|prior|previous|systemic|(?:completion|end|cessation|discontinuation|last\s+(?:dose|course|cycle|administration))\s+of|(?:treatment|therapy)\s+with)\s+){1,6}$", I
)


def gate_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One search for a row's gate words: holds exactly where ``any(w in low for w in words)``
    does (an alternation of the literal, lower-case words, searched in the lower-cased clause).
    Measured on the corpus: the per-word generator was called 4 million times for 16,000 clauses
    of a quarter of the corpus; the compiled alternation does the same test in C
    (tests/parser/test_coverage_shapes.py pins it against the plain test)."""
    return re.compile("|".join(re.escape(w) for w in words))


# the heart's ischaemia named as such (the coronary row above): what a record of the disease leaves open
_ISCHAEMIA = re.compile(r"isch(?:a)?emia\b|isch(?:a)?emic\s+(?:events?|symptoms|changes)", I)
ISCHAEMIA_NOW = "ischaemia now, not only a history of ischaemic heart disease"


_HISTORY_RES = tuple((c, re.compile(p, I), gate_pattern(gate)) for c, p, gate in _HISTORY)
_HISTORY_LIVE = WordGates([gate for _c, _p, gate in _HISTORY])  # the rows whose gate_pattern holds, in one search
_DRUG_CLASS_CONCEPTS = frozenset(c for c, _p, _g in DRUG_CLASSES)
_NAIVE = re.compile(NAIVE_AFTER, I)
# measured on the corpus: the fifteen classes' own gate tests cost about 2% of the parse; one search
# of all their words skips them together in the clauses that name none (every class row of
# tests/parser/test_coverage_shapes.py reads through it)
_CLASS_GATE = any_word(w for _c, _p, gate in DRUG_CLASSES for w in gate)  # (the words' trie: word_gates.any_word)


# what may stand before a vaccination asked for as such: the line's start, a list's comma or
# "or", a determiner or a verb of receiving ("Receipt of any vaccination"); a vaccine's own name
# ("yellow fever vaccination", "tumor vaccines") or the study's ("the vaccine") may not
_ANY_VACCINATION = re.compile(
    r"(?:^|[,;:(/]|\b(?:or|and|including)|\b(?:received?|receiving|receipt\s+of|administration\s+of|had|have\s+had)(?:\s+(?:any|an?|recent|prior|previous))?"
    r"|\b(?:any|an?|recent|prior|previous|no))\s*$",
    I,
)


# "Severe autoimmune diseases", "a documented history of clinically severe autoimmune disease":
# the severity a hospital codes on the condition (Condition.severity), asked as its own
# qualitative concept (derive.QUALIFIED_EVENTS): met when a record states severe, unknown when
# one states no severity, not met when none is on record or each states a milder one. Only the
# word "severe" itself, right before the disease: "severe or uncontrolled" and other grades stay
# to review
_SEVERE_FORM: dict[str, str] = {c: t for t, (c, a, v) in QUALIFIED_EVENTS.items() if (a, v) == ("severity", "severe")}
_SEVERE_BEFORE = re.compile(r"(?<![\w-])(?:clinically\s+)?severe\s+$", I)


# "Discontinuation of immunosuppressants within 2 weeks prior to screening" (an exclusion): the
# therapy was still taken within the window. A medication's date is when it was last taken, and
# one still taken counts as taken today, so the reading is the therapy within the window; a
# patient still on it is ruled out too, as the washout the line asks for means
_STOPPED_WITHIN = re.compile(r"\b(?:discontinu(?:ation|ed)|cessation|stopp(?:ing|ed))\s+(?:of\s+)?(?:all\s+|any\s+)?$", I)
_WITHIN_AFTER = re.compile(r"\s*(?:\(\s*)?within\b", I)


_REFERENCE_POINT = re.compile(r"(?:prior\s+to|before|start\s+of|initiation\s+of|until|after|following|during)\s+(?:the\s+)?(?:first\s+|last\s+)?(?:dose\s+of\s+|fraction\s+of\s+)?(?:study\s+|protocol\s+|planned\s+|preconditioning\s+|lymphodepleting\s+|conditioning\s+|induction\s+)?$", I)


_NAMED_INFECTION = re.compile(r"(?:HBV|HCV|HIV|hepatitis(?:\s+[BC])?|(?<!\bor )(?<!, )(?<!\band )\bvir(?:us|al)(?!\s*,?\s*(?:or|and)\b)|HPV|EBV|CMV|COVID(?:-19)?|SARS-CoV-2|syphilis|tuberculosis|TB)\W*(?:\w+\W+){0,2}$", I)
# the kinds of infection a line lists before the word ("active bacterial, fungal, or viral
# infection"; 85 corpus lines): together every infection, words of the item itself
# the named infection may follow the word ("known infection with HIV, HCV or hepatitis B"; 82
# corpus lines in 76 trials; its adjectives between: "Infection with known chronic, active
# Hepatitis C" was "active infection and HCV", passing a coded hepatitis C): the line is about
# that virus, not any active infection, and a
# conjunct "active infection" beside it would leave an HIV-coded patient not excluded
_INFECTION_WITH_NAMED = re.compile(r"\s+(?:with|by|due\s+to|caused\s+by)\s+(?:(?:the|an?|known|chronic|active|acute|current|ongoing|uncontrolled|untreated|documented|confirmed|prior|previous|past)\s*,?\s+){0,4}(?:HBV|HCV|HIV|HTLV|human\s+immunodeficiency|hepatitis|HPV|EBV|CMV|COVID|SARS|syphilis|tubercul|TB\b|mycobacter)", I)
_INFECTION_KINDS = re.compile(r"(?:\b(?:bacterial|fungal|viral|parasitic|protozoal|mycobacterial|opportunistic)\s*,?\s*(?:(?:and/or|or|and)\s+)?){2,}(?:other\s+)?$", I)


_THERAPY_GATES = {
    "car_nk": ("car", "chimeric"), "car_t": ("car", "chimeric"), "allo_hsct": ("allo", "cord", "asct"), "auto_hsct": ("auto", "asct"),
    "hsct": ("hsct", "hct", "sct", "bmt", "transplant", "rescue", "myeloablative", "infusion"),
}


# a word that denies the karyotypes after it in its sentence ("lack t(8,21) or inv(16)", "without
# t(8;21)", "negative for CBFB-MYH11"); a line's own lead ("absence of", "No") is the line's negation
_KARYOTYPE_DENIED = re.compile(r"\b(?:lack\w*|without|negative\s+for|do(?:es)?\s+not\s+have|free\s+of)\b[^.;]*+$", I)


_DIAG_GATES = {
    "apl": ("promyelocytic", "apl", "15", "pml", "m3"), "b_all": ("all", "lymphoblastic"), "t_all": ("all", "lymphoblastic"),
    "therapy_related_aml": ("t-aml", "taml", "related", "induced"), "secondary_aml": ("secondary", "saml", "s-aml"),
    "aml_t8_21": ("8", "runx1", "aml1"), "aml_inv16": ("16", "cbfb"),
    "aml": ("myelo", "aml", "anll", "lymphocytic"), "all": ("all", "lympho"), "acute_leukemia": ("leukemi",),
    "ambiguous_lineage_leukemia": ("ambiguous", "mixed", "mpal", "biphenotypic", "undifferentiated"),
}


_THERAPY_RES = tuple((c, re.compile(p, I)) for c, p in _THERAPIES)
_THERAPY_LIVE = WordGates([_THERAPY_GATES[c] for c, _p in _THERAPY_RES])
_DIAG_LIVE = WordGates([_DIAG_GATES[c] for c, _p in _DIAG_RES])


_WINDOW = re.compile(
    r"(?P<kind>within(?:\s*\(\s*[<≤]\s*\))?|in\s+(?:the\s+)?(?:last|past|previous)|during\s+the\s+(?:last|past)|in\s+the|within\s+the\s+(?:last|past)|(?:≤|<)|at\s+least|≥|>|with(?=\s+\d+\s*(?:days?|weeks?|months?)\b(?!\s+(?:of|on)\b))"
    # ("in 4 weeks prior to study entry": the bare "in" of a span counted back; "within (<) 4 weeks")
    r"|in(?=\s+\d+\s*(?:days?|weeks?|months?)\s+(?:prior\s+to|before|preceding)\b))\s*(?:the\s+)?(?:last\s+|past\s+|preceding\s+)?(?P<n>\d+(?:\.\d+)?)?\s*(?P<unit>days?|weeks?|months?|years?|hours?)\b"
    # "or >= 18 years of age with relapsed AML": an age, never a span since the disease before it
    r"(?!\s*(?:of\s+age|old|-old|or\s+older|and\s+(?:older|over))\b)(?:\s+intervals?)?(?:\s*(?:before|prior\s+to|of|since|from|preceding|after|previously|ago|earlier))?"
    # the study's own treatment the window is counted back from ("within 4 weeks of protocol-specified therapy")
    # ("within 7 days prior to first receiving investigational product": the study's product, no
    # investigational agent the patient must have had; 3 corpus lines required one)
    # ("within 30 days of first study treatment", "before first treatment with ATO/Azacitidine": a
    # first treatment the window counts back to is the study's; the words were an and-ed review)
    r"(?:\s+(?:the\s+)?(?:(?:(?:first|initial)\s+(?:dose|administration)\s+of|(?:first\s+)?receiving|first|initial)\s+(?:the\s+)?)?(?:protocol[\s-]+specified|study|protocol|trial|investigational)\s+(?:therapy|treatment|drugs?|medications?|agents?|products?)"
    r"|\s+(?:the\s+)?(?:first|initial)\s+(?:treatment|administration)\s+with\s+(?:the\s+)?[A-Za-z][\w/-]{1,40})?",
    I,
)


# A window counted from another event than the study's start ("within 5 years of the diagnosis
# of", "within 12 months of last dose of therapy", "within 6 months of receiving a weekly taxane
# regimen", "within 100 days of transplant"): the record dates each event from today, so the
# window cannot be read as one from today (found by rendering the corpus's windows: the event's
# words vanished and the window stood as one from today). Not when the event is the study's own
# ("the start of study treatment", "the first dose of study drug", "initiation of protocol therapy").
_OTHER_EVENT_ANCHOR = re.compile(
    r"\s{0,3}(?:the\s+)?(?:(?:initial|original|first|last|final|most\s+recent|prior|previous)\s+)?"
    r"(?:diagnosis|completion|completing|discontinuation|cessation|last\s+dose|receiving|receipt|transplant(?:ation)?|HSCT|SCT|BMT"
    r"|resection|relapse|recurrence|progression|induction|consolidation)\b",
    I,
)
# between a window's "before" and the event it counts back from: an article, a plan's word
_ANCHOR_GAP = re.compile(r"\s*(?:(?:the|a|an|planned|scheduled|intended|proposed|their|his|her)\s+){0,2}", I)
# between a disease and the window its own diagnosis dates ("AML (≤ 30 days from diagnosis)", "CML,
# diagnosed within 6 months of diagnosis"): nothing else ("tumors associated with < 10%
# probability of death within 5 years of diagnosis" dates the death's chance, not the tumour)
_RIGHT_AFTER_DISEASE = re.compile(r"[\s,(]{0,4}(?:diagnosed\s*)?", I)
_STUDY_AFTER_ANCHOR = re.compile(
    r"[\s\w-]{0,25}?\b(?:study|protocol|trial|investigational|registration|enrol+ment|randomi[sz]ation|entry|(?:first|initial)\s+(?:dose|administration|day))\b", I
)


# -- concepts hospitals already code: antigen-directed therapy, toxicity grade, autoimmune disease
#    requiring treatment, hypersensitivity to named products, corticosteroid route and dose -------

_DIRECTED: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cd19_directed_therapy",
     r"(?:anti-?\s*)?CD19[-\s]*(?:directed|targeted|targeting|specific|redirected)(?:\s+(?:CAR[-\s]?T(?:[-\s]?cells?)?|chimeric\s+antigen\s+receptor\s+T[-\s]?cells?|monoclonal|bispecific|cellular|cell))?(?:\s+(?:therap(?:y|ies)|agents?|treatments?|antibod(?:y|ies)|products?))?"
     r"|anti-?\s*CD19(?:\s+(?:CAR[-\s]?T(?:[-\s]?cells?)?|monoclonal|bispecific))?(?:\s+(?:therap(?:y|ies)|agents?|treatments?|antibod(?:y|ies)))?"
     r"|CD19[-\s]?CAR[-\s]?T(?:[-\s]?cells?)?(?:\s+(?:cell\s+)?therap(?:y|ies))?"
     r"|\bblinatumomab\b|\bBlincyto\b|\btisagenlecleucel\b|\bKymriah\b|\baxicabtagene(?:\s+ciloleucel)?|\bYescarta\b|\bbrexucabtagene(?:\s+autoleucel)?|\bTecartus\b"
     r"|\blisocabtagene(?:\s+maraleucel)?|\bBreyanzi\b|\bobecabtagene(?:\s+autoleucel)?|\btafasitamab\b|\bloncastuximab(?:\s+tesirine)?",
     ("cd19", "blina", "blincyto", "cabtagene", "lecleucel", "kymriah", "yescarta", "tecartus", "breyanzi", "tafasitamab", "loncastuximab")),
    ("cd22_directed_therapy",
     r"(?:anti-?\s*)?CD22[-\s]*(?:directed|targeted|targeting|specific)(?:\s+(?:CAR[-\s]?T(?:[-\s]?cells?)?|monoclonal|cellular))?(?:\s+(?:therap(?:y|ies)|agents?|treatments?|antibod(?:y|ies)))?"
     r"|anti-?\s*CD22(?:\s+(?:CAR[-\s]?T(?:[-\s]?cells?)?|monoclonal))?(?:\s+(?:therap(?:y|ies)|agents?|treatments?|antibod(?:y|ies)))?"
     r"|CD22[-\s]?CAR[-\s]?T(?:[-\s]?cells?)?(?:\s+(?:cell\s+)?therap(?:y|ies))?|\binotuzumab(?:\s+ozogamicin)?|\bBesponsa\b|\bmoxetumomab(?:\s+pasudotox)?",
     ("cd22", "inotuzumab", "besponsa", "moxetumomab")),
    ("cd33_directed_therapy",
     r"(?:anti-?\s*)?CD33[-\s]*(?:directed|targeted|targeting|specific)(?:\s+(?:CAR[-\s]?T(?:[-\s]?cells?)?|monoclonal))?(?:\s+(?:therap(?:y|ies)|agents?|treatments?|antibod(?:y|ies)))?"
     r"|anti-?\s*CD33(?:\s+(?:therap(?:y|ies)|agents?|antibod(?:y|ies)))?|\bgemtuzumab(?:\s+ozogamicin)?|\bMylotarg\b",
     ("cd33", "gemtuzumab", "mylotarg")),
)


_PRIOR_LEAD = re.compile(r"(?:(?:prior|previous(?:ly)?)\s+(?:treatment|therapy|exposure)\s+(?:with|to)\s+|(?:received|receipt\s+of|treated\s+with|exposure\s+to)\s+(?:an?\s+|any\s+)?)", I)


_DIRECTED_RES = tuple((c, re.compile(p, I), gate) for c, p, gate in _DIRECTED)
_DIRECTED_LIVE = WordGates([gate for _c, _p, gate in _DIRECTED_RES])  # one search for every row's gate words


# the target of a CAR-T recorded without one (``car-t-therapy``) may be this antigen
_CAR_T_TARGET_UNKNOWN = "a prior CAR-T therapy whose target antigen is not recorded"


# "grade 0 or 1", "grade 0-1": the higher grade is the bound ("resolved to grade 0 or 1")
_GRADE = r"(?:(?:NCI[-\s]*)?CTCAE\s+(?:v(?:ersion)?\s*\d(?:\.\d{1,2})?\s+)?)?(?:grade|Gr\.?)\s*(?P<cmp>≤|<=|=<|<|>|≥|>=|=)?\s*(?:(?P<g0>0)\s*(?:or|-|to|/)\s*)?(?P<g>[0-4]|IV|I{1,3})\b(?:\s*(?:or|-|–|to)\s*(?P<top>[2-5]|IV|V|I{2,3})\b)?(?P<tail>\s+or\s+(?:less|lower|below|better|baseline|higher|greater|more|above|worse))?"


_TOXICITY = re.compile(
    r"(?:toxicit(?:y|ies)|toxic\s+(?:effects?|manifestations?|reactions?)|adverse\s+(?:events?|effects?|reactions?)|side[\s-]+effects?|\bAEs?\b)(?P<mid>[^;]{0,160}?)\b" + _GRADE, I
)


# The scale's own words ("Common Toxicity Criteria", "Criteria for Adverse Events", "NCI toxicity
# grade", "CTC-AE") matched as the toxicity. They are one only where the line speaks of a toxicity
# in words of its own ("All adverse events of any prior chemotherapy ... must have resolved to
# National Cancer Institute Common Terminology Criteria for Adverse Events (NCI CTCAE) (v. 3.0)
# Grade ≤ 2", "Recovery from Common Terminology Criteria for Adverse Events grade 2-4 therapy-related
# toxicities"); elsewhere the scale grades another condition ("Active clinically serious infection >
# Common Toxicity Criteria for Adverse Effects (CTCAE) grade 2", "valvular heart disease Common
# Terminology Criteria for Adverse Events (CTCAE) (version 4.0) grade 2", "Peripheral Neuropathy of
# NCI-CTC (National Cancer Institute-Common Toxicity Criteria) grade greater than or equal to 2"),
# and read as the unresolved toxicity an exclusion asked a grade of it (at most 2, the comparator
# before the name unseen) and passed the grade 3 toxicity on record.
_SCALE_TOXICITY_WORD = re.compile(
    r"(?:(?<=NCI\s)|(?<=NCI-)|(?<=common\s))toxicit(?:y|ies)|toxicit(?:y|ies)(?=\s+criteria)"
    r"|(?:(?<=criteria\sfor\s)|(?<=criteria\sof\s)|(?<=criteria\sin\s))adverse\s+(?:events?|effects?)|(?:(?<=CTC-)|(?<=CTC\s))AEs?\b",
    I,
)
_SCALE_NAME_WORDS = re.compile(
    r"Common\s+(?:Terminology|Toxicity)\s+Criteria(?:\s+(?:for|of|in)\s+Adverse\s+(?:Events?|Effects?))?|\bCTC[\s-]?AEs?\b|\bNCI[\s-]toxicity\b", I
)
_OWN_TOXICITY_WORD = re.compile(
    r"toxicit(?:y|ies)|toxic\s+(?:effects?|manifestations?|reactions?)|adverse\s+(?:events?|effects?|reactions?)|side[\s-]+effects?|\bAEs?\b", I
)


def _toxicity_of_its_own(text: str) -> bool:
    """Whether ``text`` names a toxicity in words other than the scale's name (see above)."""
    return _OWN_TOXICITY_WORD.search(_SCALE_NAME_WORDS.sub(" ", text)) is not None


_NEW_SUBJECT = re.compile(r"\b(?:patients?|subjects?|participants?)\s+(?:with|who)\b", I)


_CTCAE_TAIL = re.compile(
    r"\s*,?\s*[(\[]?\s*(?:(?:by|per|according\s+to|as\s+(?:defined|graded)\s+by|using)\s+)?(?:the\s+)?(?:NCI\s+)?"
    # ("common terminology criteria (CTC) version 4": the name without "for Adverse Events")
    r"(?:Common\s+(?:Terminology|Toxicity)\s+Criteria(?:\s+for\s+Adverse\s+Events)?(?:\s*\(\s*CTC(?:AE)?\s*\))?|CTCAE)(?:\s*,?\s*v(?:ersion|\.)?\s*\d(?:\.\d{1,2})?)?\s*[)\]]?",
    I,
)


# the grade written before the toxicity ("Persistent grade >= 2 toxicity", "unresolved CTCAE grade
# 2 or higher adverse events")
_TOXICITY_FIRST = re.compile(
    r"(?:(?:known\s+)?(?:unresolved|unrecovered|persistent|ongoing|residual)\s+)?"
    # the comparator before the grade word ("≥ Grade 3 non-hematologic toxicity ... from the previous
    # treatment"): the grades from it up, as after the word
    r"(?:(?P<cmp0>≥|>=|>)\s*)?(?:(?:NCI[-\s]*)?CTCAE\s+)?(?:(?:grade|Gr\.?)\s*"
    r"(?P<cmp>≤|<=|=<|<|>|≥|>=)?\s*(?P<g>[0-4]|IV|I{1,3})\b(?:\s{0,3}(?P<sep>or|-|–|to)\s{0,3}(?P<top>[2-5]|IV|V|I{2,3})\b)?(?P<tail>\s+or\s+(?:higher|greater|more|above|worse))?"
    # the grade's number before the word ("≥2 grade persistent toxicity")
    r"|(?P<cmp2>≤|<=|=<|<|>|≥|>=)\s*(?P<g2>[0-4])\s*grade)"
    r"\s+(?:(?:known\s+)?(?:unresolved|unrecovered|persistent|ongoing|residual)\s+)?(?:(?:treatment|therapy|drug)[\s-]related\s+|non-?hematologic(?:al)?\s+)?(?:toxicit(?:y|ies)|adverse\s+(?:events?|effects?|reactions?))",
    I,
)
# the words before a toxicity bound that make it a past event, not the toxicity unresolved now
# (the record's grade), and the exceptions of a kind it cannot tell apart (read for the comparator
# written before the grade word only: "Presence of ≥ Grade 3 non-hematologic toxicity")
_TOXICITY_PAST = re.compile(r"\b(?:history|previous(?:ly)?|experienc\w*|had|discontinu\w*|intoleran\w*|resolution|stopped)\b", I)
_TOXICITY_EXCEPTED = re.compile(r"\b(?:except\w*|excluding|other\s+than)\b", I)
# where the toxicity comes from, which is what the record's grade states
_TOXICITY_SOURCE = re.compile(
    r"\s*(?:(?:of\s+)?associated\s+with|from|of|due\s+to|related\s+to|caused\s+by|attribut(?:ed|able)\s+to)\s+(?:any\s+|the\s+|all\s+)?(?:prior|previous)\s+"
    r"(?:(?:anti-?cancer|anti-?tumou?r|anti-?neoplastic|systemic|cancer)\s+)?(?:therap(?:y|ies)|treatments?)",
    I,
)


_CMP_BEFORE_GRADE = re.compile(r"(≥|>=|=>|>|≤|<=|=<|<)\s*$")
_EQUALS_BEFORE_GRADE = re.compile(r"(?<![<>≤≥=])=\s*$")
_NOT_RECOVERED_BEFORE = re.compile(r"\b(?:not|never)\s+(?:yet\s+)?(?:fully\s+|completely\s+)?(?:recovered|resolved)\b[^.;:]{0,100}$", I)
# ... or in words ("toxicity from prior therapy above grade 1"): read as the default "at most" it
# asked for the opposite grades. "At least grade 1" is left out: lines write it for "at least as
# good as" ("resolves to either baseline or at least Grade 1")
_WORD_BEFORE_GRADE = re.compile(
    r"\b(?P<w>above|over|exceeding|(?:greater|higher|more|worse)\s+than|below|under|less\s+than|lower\s+than|up\s+to|at\s+most|no\s+(?:more|greater|higher|worse)\s+than)\s*(?:CTCAE\s+)?$",
    I,
)
_WORD_CMP = {"above": ">", "over": ">", "exceeding": ">", "below": "<", "under": "<", "up to": "≤", "at most": "≤"}


_TOXICITY_LEAD = re.compile(
    r"(?:(?:known\s+)?(?:unresolved|unrecovered|persistent|ongoing|residual)\s+"
    r"|(?:(?:patients?|subjects?|participants?)\s+(?:must\s+|should\s+)?(?:have\s+)?)?(?:recovered|recovery|resolution|resolved)\s+(?:from|of)\s+(?:the\s+)?(?:(?:all|any)\s+)?(?:acute\s+)?"
    r"|(?:all|any)\s+(?:acute\s+)?|acute\s+|(?:the\s+)?(?:severity|grade)\s+of\s+(?:the\s+)?(?:(?:all|any)\s+)?)$",
    I,
)
# what the toxicity is of, said before it ("Drug-related toxicities must have recovered to Grade 1
# or less", "All prior treatment-related toxicities must be <= Grade 1", "Recovered from any previous
# therapy related toxicity to <= Grade 1": about 25 corpus lines): the record's grade is the prior
# therapy's toxicity, so the words restate it (left, "drug-related" was an unread review beside the
# grade, and a patient back to grade 0 was unknown). Not where an exclusion states the bound a
# patient must meet ("All prior treatment-related toxicities must be <= Grade 1" among the
# exclusions): the review is all that keeps such a requirement, read as what excludes, from
# excluding every patient without a toxicity
_RELATED_LEAD = re.compile(
    r"(?:(?:known\s+)?(?:unresolved|unrecovered|persistent|ongoing|residual)\s+"
    r"|(?:(?:patients?|subjects?|participants?)\s+(?:must\s+|should\s+)?(?:have\s+)?)?(?:recovered|recovery|resolution|resolved)\s+(?:from|of)\s+(?:the\s+)?(?:(?:all|any)\s+)?(?:acute\s+)?"
    r"|(?:all|any)\s+(?:acute\s+)?|acute\s+)?"
    r"(?:(?:prior|previous)\s+)?\b(?:drug|treatment|(?:chemo)?therapy)[\s-]related\s+$",
    I,
)


_SPAN_RECOVERED_TO = re.compile(r"\s{0,3}\)?\s{0,3},?\s{0,3}to\s{1,3}(?P<c>≤|<=|=<|<)?\s{0,3}grade\s{0,3}(?P<c2>≤|<=|=<|<)?\s{0,3}(?P<g>[0-3])\b", I)
_SPAN_RESOLVED_AFTER = re.compile(r"[^.;]{0,80}?\b(?:should|must|shall|will|has|have|had|be|been|are|is)\s{1,3}(?:(?:have|be|been|all|fully|completely)\s{1,3}){0,2}(?P<neg>not\s{1,3}(?:yet\s{1,3})?)?(?:resolved|recovered|returned|improved)\b", I)
_RECOVERED_FROM = re.compile(r"\b(?:recover(?:ed|y)|resol(?:ved|ution))\s+(?:from|of)\b", I)
_UNRECOVERED = re.compile(r"\b(?:not|un(?:resolved|recovered)|persist\w*|ongoing|residual|failure\s+to\s+recover|without\s+recovery)\b", I)


# Recovery from prior therapy written without a grade ("Recovered from prior therapy", "must have
# recovered from the acute toxic effects of previous anti-cancer treatment", "not recovered from
# toxicities of prior chemotherapy", "unresolved toxicity from anti-cancer therapy"): 98 corpus
# lines left wholly to review. What "recovered" means is CTCAE grade <= 1 (most lines that state
# a grade say so) or baseline (some say "or baseline"), so a grade 2 or worse is not recovered
# and no toxicity on record is recovered (derive.ABSENT_IS_NONE), while a grade 1 left is read by
# a person. Surgery, infections and procedures recovered from are no toxicity grade: the therapy
# words name what the grade is of. A grade written near it is the graded reading's (skipped here).
_THERAPY_WORDS = (
    # (a therapy's standing too, "prior approved therapies including investigational drugs",
    # "prior biologic therapy": the source of the toxicity all the same)
    r"(?:(?:anti-?cancer|anti-?tumou?r|anti-?neoplastic|systemic|cancer|cytotoxic|myelosuppressive|the\s+most\s+recent|last|any|all|the|other"
    r"|approved|standard|investigational|experimental|biologic(?:al)?|hormonal|targeted)\s+){0,3}"
    r"(?:therap(?:y|ies)|treatments?|chemo(?:therapy|therapies)?|radio(?:therapy|therapies)|radiation(?:\s+therapy)?|immunotherap(?:y|ies)|agents?|drugs?|regimens?"
    # a transplant among them ("... of all prior chemotherapy, stem cell transplant or radiotherapy")
    r"|(?:(?:allogeneic|autologous|stem\s+cell|bone\s+marrow|hematopoietic)\s+){1,2}transplant(?:ation)?"
    # surgery among them ("any prior surgery, radiotherapy or other antineoplastic therapy")
    r"|(?:major\s+)?(?:surger(?:y|ies)|surgical\s+(?:procedures?|interventions?)|operations?))"
)
# a list of them ("all prior chemotherapy, immunotherapy, or radiation therapy") is one source
# (... and the kinds it names after "including": "prior approved therapies including investigational
# drugs" is one source, the investigational drugs no therapy of their own the line asks about)
_THERAPY_WORDS = _THERAPY_WORDS + r"(?:\s*(?:,|/|\band/or\b|\bor\b|\band\b|\bincluding\b)\s*(?:(?:or|and)\s+)?" + _THERAPY_WORDS + r"){0,4}"
_RECOVERY = re.compile(
    r"(?P<neg>\b(?:not|never)\s+(?:yet\s+)?(?:fully\s+|completely\s+)?|\bfail(?:ure|ed)?\s+to\s+(?:have\s+)?(?:fully\s+|completely\s+)?|\bun|\bincomplete\s+|\binadequate\s+|\bwithout\s+(?:full\s+)?)?"
    # ("full recovery from all therapy-related toxicities from previous chemo-, ...", "toxicities
    # resulting from / secondary to / derived from previous therapies": 5 corpus lines)
    r"(?:(?:fully|completely|full)\s+)?(?:recover(?:ed|y)?|resol(?:ved|ution))(?:\s+(?:fully|completely))?\s+(?:from|of)\s+(?:(?:the|all|any)\s+){0,2}"
    # (the non-haematological toxicities too, as the graded reading below takes them: a record's
    # toxicity grade is of the prior therapy's toxicity, the disease's cytopenias no part of it)
    # ("severe toxicity of prior therapy", "all systemic toxicities due to prior treatment", "acute,
    # reversible effects", "all known or expected toxicities": which toxicities, a grade <= 1 of
    # each of them recovered all the same)
    r"(?:both\s+(?:the\s+)?)?(?:(?:acute|late|reversible|clinically\s+significant|significant|non-?\s?hematolog(?:ic|ical)|severe|serious|systemic|known|expected)"
    r"\s*(?:,\s*)?(?:(?:and|or|&)\s+)?){0,3}"
    r"(?:(?:(?:therapy|treatment)[\s-]+related\s+)?(?:toxic\s+effects?|toxicit(?:y|ies)|side[\s-]+effects?|adverse\s+(?:events?|effects?)|effects?)\s+"
    # ("the acute side effects incurred as a result of previous therapy")
    r"(?:of|from|related\s+to|due\s+to|associated\s+with|caused\s+by|induced\s+by|resulting\s+from|derived\s+from|secondary\s+to|attributed\s+to"
    r"|(?:incurred\s+)?as\s+a\s+result\s+of|incurred\s+(?:from|by|during|with))\s+(?:(?:the|all|any)\s+){0,2})?"
    # a surgery needs no "prior" ("recovered from surgery"): there is none to come it could mean
    # ("all other prior anticancer therapy": the other is the one before the study's)
    r"(?:(?:other\s+)?(?:prior|previous|earlier|preceding|recent)\s+|(?=(?:major\s+)?(?:surger|surgical|operation)))" + _THERAPY_WORDS + r"\b"
    # "unresolved toxicity from anti-cancer therapy", no "prior" written
    # ("ongoing clinically significant adverse events (AEs) from previous treatment": which ones,
    # and the events' abbreviation)
    r"|(?P<neg2>\b(?:unresolved|unrecovered|persistent|residual|ongoing))\s+(?:(?:acute|reversible|clinically\s+significant|significant|severe|serious)\s+){0,2}"
    r"(?:toxicit(?:y|ies)|toxic\s+effects?|side[\s-]+effects?|adverse\s+events?(?:\s*\(\s*AEs?\s*\))?)\s+"
    r"(?:of|from|related\s+to|due\s+to|associated\s+with|caused\s+by|induced\s+by)\s+(?:(?:the|all|any)\s+){0,2}(?:(?:prior|previous)\s+)?" + _THERAPY_WORDS + r"\b",
    I,
)
_NO_BEFORE = re.compile(r"\b(?:no|without)\s+$", I)
# The NCI template's "... or those who have not recovered from adverse events due to agents
# administered more than 4 weeks earlier" (50 corpus lines in its variants): the agents are the
# prior therapy, written without "prior", so the recovery above did not read them and the line was
# left to review whatever the record held. A bracketed grade ("(less than or equal to Grade 1
# toxicity)", "(toxicities not improved to =< Grade 1)") says recovered is grade 1 or better, so
# grade 1 left is recovered; without it a grade 1 is a person's, as above.
_NCI_RECOVERY = re.compile(
    # (the bound may stand before "from": "who has not recovered (i.e., ≤ Grade 1 or at baseline)
    # from adverse events due to agents administered more than 4 weeks earlier", 6 corpus lines)
    r"(?P<neg>\b(?:not|never)\s+(?:yet\s+)?(?:fully\s+)?)?recovered"
    r"(?:\s*\(\s*(?P<g0>(?:i\.?\s?e\.?|that\s+is)\s*,?\s*(?:to\s+)?(?:≤|<=|=<)?\s*grade\s*(?:≤|<=|=<)?\s*(?:1|I)\b(?:\s*,?\s*or\s+(?:at\s+|to\s+)?baseline)?)\s*\))?"
    r"\s+from\s+(?:the\s+)?adverse\s+events\s*"
    r"(?:\((?P<g>[^()]{0,50}?\bgrade\s*(?:1|I)\b[^()]{0,20}?)\)\s*)?"
    r"(?:due\s+to|caused\s+by|from)\s+(?:a\s+previously\s+administered\s+(?:agent|treatment)\b"
    r"|(?:investigational\s+)?agents\s+administered\s+(?:(?:more\s+than|>|over)\s+(?:\d{1,2}|two|three|four|six)\s+weeks\s+)?earlier\b)",
    I,
)
# Recovery with its grade written beside the verb, not after a toxicity word: bracketed ("Failure to
# have fully recovered (i.e., ≤ Grade 1 toxicity) from the reversible effects of prior
# chemotherapy", "Recovered (that is, <=Grade 1 toxicity) from ...") or after "to" ("Have not
# recovered to ≤ Grade 1 toxicity from previous anticancer treatments", "Recovery to baseline or
# ≤ grade 1 CTCAE version 4.0 from toxicities related to any prior treatment"): 17 corpus lines left
# wholly to review, the readings above skipping them for the grade near. The grade is the line's
# own bound on what recovered means, so no grade is left to a person; "or baseline" beside it is
# read as the template's reading above reads it (a toxicity of prior therapy on record is one not
# back to baseline). A surgery among the sources is no graded toxicity: such lines are left alone.
_GRADED_RECOVERY = re.compile(
    r"(?P<neg>\b(?:not|never)\s+(?:yet\s+)?(?:fully\s+|completely\s+|adequately\s+)?|\bfail(?:ure|ed)?\s+to\s+(?:have\s+)?(?:fully\s+|completely\s+)?)?"
    r"(?:(?:fully|completely|adequately)\s+)?(?:recover(?:ed|y)?|resol(?:ved|ution))(?:\s+(?:fully|completely|adequately))?"
    r"(?:\s*\(\s*(?:i\.?\s?e\.?|that\s+is)\s*,?\s*(?:to\s+)?(?P<c1>≤|<=|=<|<)?\s*(?:CTCAE\s+)?grade\s*(?P<c2>≤|<=|=<|<)?\s*(?P<g1>[01])\b"
    # (only "or baseline" may follow: "(ie, <= Grade 1 toxicity or eligibility per this protocol is
    # met)" offers another way to count as recovered, which the line leaves to a person)
    r"(?:\s+toxicit(?:y|ies))?(?:\s*,?\s*or\s+(?:at\s+|to\s+)?(?:the\s+)?baseline(?:\s+values?)?)?(?:\s+toxicit(?:y|ies))?\s*\)"
    r"|\s+(?:or\s+stabili[sz]ation\s+)?to\s+(?:(?:the\s+)?baseline\s+or\s+)?(?P<c3>≤|<=|=<|<)?\s*(?:(?:NCI\s+)?CTCAE\s+)?grade\s*(?P<c4>≤|<=|=<|<)?\s*(?P<g2>[01])\b"
    r"(?:\s+or\s+(?:better|less|lower|below|baseline))?(?:\s+toxicity)?(?:\s+(?:CTCAE\s+)?v(?:ersion|\.)?\s*\d(?:\.\d{1,2})?)?)"
    r"\s+from\s+(?:(?:the|all|any)\s+){0,2}(?:(?:acute|late|reversible|clinically\s+significant|significant|non-?hematolog(?:ic|ical))\s*,?\s*(?:(?:and|or|&)\s+)?){0,3}"
    r"(?:(?:toxic\s+effects?|toxicit(?:y|ies)|side[\s-]+effects?|adverse\s+(?:events?|effects?)(?:\s*\(\s*AEs?\s*\))?|AEs?|effects?)\s+)?"
    r"(?:(?:of|from|related\s+to|due\s+to|associated\s+with|caused\s+by|induced\s+by|derived\s+from|resulting\s+from|secondary\s+to|attributed\s+to)\s+(?:(?:the|all|any)\s+){0,2})?"
    r"(?:prior|previous|earlier|preceding)\s+" + _THERAPY_WORDS + r"\b",
    I,
)


_BOUND_AFTER = re.compile(
    r"\s*\(\s*(?:i\.?\s?e\.?|that\s+is)\s*,?\s*(?:to\s+)?(?P<c>≤|<=|=<|<)?\s*(?:CTCAE\s+)?grade\s*(?:≤|<=|=<)?\s*(?P<g>[01])\b"
    r"(?:\s+toxicit(?:y|ies))?(?:\s*,?\s*or\s+(?:at\s+|to\s+)?(?:the\s+)?baseline)?(?:\s+toxicit(?:y|ies))?\s*\)",
    I,
)
_AND_RECOVERY = re.compile(r"\band\s+(?:who\s+)?(?:has\s+|have\s+|had\s+)?$", I)
# ... or after the therapy, "to" the grade ("Recovery from reversible acute effects of prior
# anti-cancer therapy (chemotherapy, radiotherapy, or investigational treatment) to NCI Common
# Toxicity Criteria for Adverse Events (NCI CTCAE) Grade <= 1"): the line's own bound on recovered.
# Unread, the therapies of the bracket were each an alternative of the line (any patient given
# radiotherapy met it whatever his toxicity), or the line went wholly to a person. A bracket of the
# therapy's kinds may stand between; the scale's name before the grade is how it is counted.
_GRADE_TO_AFTER = re.compile(
    r"\s*(?:\((?!\s*(?:i\.?\s?e|that\s+is|except|excluding|other\s+than)\b)[^()]{1,100}\)\s*)?,?\s*to\s+(?:" + TOXICITY_SCALE + r"\s*)?"
    r"(?:(?:NCI\s+)?CTCAE\s+(?:v(?:ersion|\.)?\s*\d(?:\.\d{1,2})?\s+)?)?"
    r"(?:grade\s*(?P<c>≤|<=|=<|<)\s*|(?P<c2>≤|<=|=<|<)\s*grade\s*)(?P<g>[01])\b",
    I,
)


_GRADE_NEAR = re.compile(r"\bgrade|\bgr\.|\bG[0-4]\b|\bCTCAE\b|\bbaseline\b", I)
_GRADE_ONE_LEFT = "recovery without a grade: whether a grade 1 toxicity left counts as recovered"


_SURGERY_WORDS = re.compile(r"\b(?P<major>major\s+)?(?:surger(?:y|ies)|surgical\s+(?:procedures?|interventions?)|operations?)\b", I)
_OTHER_THERAPY = re.compile(r"therap|treatment|chemo|radi|agent|drug|regimen|transplant", I)
_MORE_AFTER = re.compile(r"\s*(?:,|/|&|\bor\b|\band\b|\bplus\b|\(?\s*(?:within|in\s+the\s+(?:last|past)|at\s+least|≥|>=?)\b)", I)
_SURGERY_RECOVERY = "whether the patient has recovered from the surgery"


def _recovery_of(words: str, negated: bool) -> Expr:
    """Recovery from the therapies named. A surgery's recovery (wound healing, function) is no
    graded toxicity a record holds: a patient with none on record has nothing to recover from, one
    with a surgery is left to a person. Any other therapy named is recovered by its toxicity grade."""
    surgery = _SURGERY_WORDS.search(words)
    if surgery is None:
        return _recovery_expr(negated)
    had = predicate("major_surgery" if surgery.group("major") else "surgery", Op.PRESENT)
    graded = _recovery_expr(negated) if _OTHER_THERAPY.search(words, surgery.end()) or _OTHER_THERAPY.search(words, 0, surgery.start()) else None
    if negated:  # not recovered from it: a surgery on record, and the recovery to be judged
        operated: Expr = all_of([had, Qualifier(ReviewReason.AMBIGUOUS, _SURGERY_RECOVERY)])
        return any_of([graded, operated]) if graded is not None else operated
    recovered = any_of([Not(had), Alternative(ReviewReason.AMBIGUOUS, _SURGERY_RECOVERY)])
    return all_of([graded, recovered]) if graded is not None else recovered


recovery_of = _recovery_of  # (topics.such_recovery reads "recovered from side effects of such therapy" by it)


# adverse events of earlier treatment still going on: not recovered from it (2 corpus lines)
_ONGOING_ADVERSE = re.compile(
    r"\b(?:ongoing|persistent|unresolved)\s+adverse\s+events?\s+(?:from|of|due\s+to|related\s+to)\s+(?:any\s+)?(?:previous|prior)\s+(?:treatments?|therap(?:y|ies))"
    r"(?:\s*,?\s*regardless\s+of\s+the\s+time\s+period)?",
    I,
)


def _recovery_expr(negated: bool) -> Expr:
    """Recovered: grade <= 1, and a grade 1 left unknown; not recovered: grade >= 2, and a grade 1
    left unknown. No toxicity on record is grade 0, recovered."""
    if negated:
        return any_of([predicate("toxicity_grade", Op.GTE, 2),
                       all_of([predicate("toxicity_grade", Op.GTE, 1), Qualifier(ReviewReason.AMBIGUOUS, _GRADE_ONE_LEFT)])])
    return all_of([predicate("toxicity_grade", Op.LTE, 1),
                   any_of([predicate("toxicity_grade", Op.LTE, 0), Alternative(ReviewReason.AMBIGUOUS, _GRADE_ONE_LEFT)])])


_AUTOIMMUNE_TREATED = re.compile(
    r"(?:active\s+)?autoimmune\s+(?:diseases?|disorders?|conditions?)(?:\s*\([^()]{0,80}\))?,?\s+(?:that\s+|which\s+)?(?:has\s+|have\s+)?(?:requir\w*|need\w*|treated\s+with|receiving)\s+"
    r"(?:systemic\s+)?(?:treatment|therapy|immunosuppress\w*(?:\s+(?:therapy|treatment|agents?|drugs?|medications?))?|(?:cortico)?steroids?)"
    r"(?P<win>\s+(?:with)?in\s+(?:the\s+)?(?:past|last|previous)\s+(?P<n>\d+)\s+(?P<u>days?|weeks?|months?|years?))?",
    I,
)


# "Active GVHD requiring continued systemic therapy": GVHD treated now, as the autoimmune reading
# above (steroids or immunosuppressants on record decide; another systemic treatment is unread)
_GVHD_TREATED = re.compile(
    # ("persistent and clinically significant GVHD requiring treatment": the treatment on record is
    # what makes it significant; left beside the item, the words kept a GVHD on tacrolimus unknown)
    r"(?:(?:persistent|ongoing)\s+(?:and\s+)?)?(?:clinically\s+significant\s+)?(?:active\s+)?(?:acute\s+|chronic\s+)?(?:graft[\s-]*(?:versus|vs\.?|-)[\s-]*host[\s-]*disease|a?c?GVHD|GvHD)(?:\s*\((?:a|c)?GVHD\))?,?\s+"
    r"(?:that\s+|which\s+)?(?:requir\w*|need\w*|treated\s+with|receiving)\s+(?:continued\s+|ongoing\s+|current\s+)?"
    # ("requiring treatment" with no word for its kind: the systemic treatment on record decides
    # too; another, a topical one, stays a person's)
    r"(?:systemic\s+)?(?:treatment|therapy)"
    # "actively being treated for graft-versus-host-disease (GvHD)", "on treatment for GVHD": the
    # treatment named before the disease
    r"|(?:(?:actively|currently)\s+)?(?:being\s+)?(?:treated|on\s+(?:active\s+)?treatment|receiv\w*\s+treatment)\s+for\s+(?:active\s+)?(?:acute\s+|chronic\s+)?"
    r"(?:graft[\s-]*(?:versus|vs\.?|-)[\s-]*host[\s-]*disease|a?c?GVHD|GvHD)(?:\s*\((?:a|c)?GVHD\))?",
    I,
)


_ALLERGY_TO = re.compile(
    r"(?:hypersensitivit(?:y|ies)|drug\s+sensitivit(?:y|ies)|(?<![\w-])sensitivit(?:y|ies)(?=\s+to\b)|allerg(?:y|ies|ic\s+reactions?|ic(?=\s+to\b))|anaphyla\w*|intolerance|infusion[\s-]+(?:related\s+)?reaction)(?:\s+reactions?)?(?:\s+(?:attributed|attributable))?(?P<also>\s+or\s+(?:unresponsiveness|resistance|refractoriness))?\s+(?:to|against|with|(?:(?<=intolerance\s)|(?<=hypersensitivity\s))(?P<of>of))\s+(?P<obj>(?:[^;.]|(?<=\b[A-Z])\.(?=\s?[a-z])){1,300})",
    I,
)


# the reaction named after its products, the products the clause's whole subject: "No oxaliplatin,
# fludarabine, or cytarabine intolerance." (2 corpus lines, both the MD Anderson OFAC trials; left
# unread, a cytarabine allergy on record passed the exclusion). Only a whole clause: "discontinued
# ... due to lenalidomide intolerance" and "Docetaxel intolerance was defined as ..." are not it.
_PRODUCTS_THEN_ALLERGY = re.compile(
    r"(?:^|(?<=[.;:]))\s*(?:(?:no|known|any|prior|history\s+of)\s+)*"
    + PRODUCT_LIST
    + r"\s+(?:intolerance|allerg(?:y|ies)|hypersensitivit(?:y|ies))(?:\s+reactions?)?(?=\s*(?:[.;]|$))",
    I,
)


# "sensitivity to" is an allergy (34 corpus lines, all of drugs or excipients) unless a disease is
# what is sensitive ("platinum-sensitive" is written so)
_DISEASE_SENSITIVE = re.compile(r"\b(?:tumou?rs?|disease|cancers?|malignanc(?:y|ies)|carcinomas?)\b(?:\s+[\w-]+){0,3}\s*$", I)


# (... or another subject the line excludes: "... to HDACI, TLR-agonist, or patients with known
# history of pre-existing auto-immune disease", read there as its own exclusion)
# ("used in the manufacture of oral azacitidine", "used in the PHY906 formulations": which product
# the ingredient is of, allergy_parts, where the products end there; any other "used" ends the
# products, as "(see the IB)" and "or any other contraindication", which is no allergy)
_ALLERGY_END = re.compile(r"\b(?:which|that|who|used(?!\s+in\s+(?:the\s+)?(?:(?:manufacture|formulation|preparation|production)\s+of\s+(?:[\w-]+\s+){0,3}?[\w-]+|[\w-]{3,40}\s+formulations?)\s*(?:$|[(.;]|,?\s*or\s+to\b))|given|required|planned|as\s+well|in\s+this|administered)\b|,?\s*\b(?:or|and)\s+(?:patients?|subjects?|participants?|those)\b|\(\s*(?:see|refer)\b|,?\s*\b(?:or\s+)?any\s+other\s+contra-?indications?\b", I)


_ALLERGY_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (c, re.compile(p, I))
    for c, p in (
        ("allergy_fludarabine", r"\bfludarabine\b|\bFludara\b"),
        ("allergy_cyclophosphamide", r"\bcyclophosphamide\b|\bCytoxan\b|\bEndoxan\b"),
        ("allergy_tocilizumab", r"\btocilizumab\b|\bActemra\b"),
        ("allergy_dmso", r"\bDMSO\b|dimethyl\s*sulfoxide|dimethylsulfoxide"),
        ("allergy_murine_protein", r"\bmurine\b|\bmouse\b|\brodent\b"),
        ("allergy_aminoglycoside", r"aminoglycosides?|gentamicin|tobramycin|amikacin|streptomycin|neomycin|kanamycin"),
    )
)


_ANY_DRUG = re.compile(r"^\s*(?:any\s+)?(?:drugs?|medications?|medicines?)\s*$", I)


_FILLER = frozenset({"the", "a", "an", "of", "any", "known", "following", "agents", "agent", "drugs", "drug", "e", "g", "eg", "such", "as", "including", "other", "its", "their", "severe", "history"})


_NONSYSTEMIC_WORD = r"(?:topical|inhaled|inhalational|intranasal|nasal|ophthalmic|intra-?articular|intraocular|local|localized|cutaneous|eye\s+drops?)"


_NONSYSTEMIC_STEROID = re.compile(
    _NONSYSTEMIC_WORD + r"(?:\s*(?:,|or|and|and/or|/)\s*" + _NONSYSTEMIC_WORD + r")*\s+(?:cortico)?steroids?(?:\s+(?:therap(?:y|ies)|use|treatment|administration|preparations?))?",
    I,
)


# (a hormone replacement for the thyroid, "requiring only hormone replacement therapy", is no steroid)
_REPLACEMENT = re.compile(
    r"(?:physiologic(?:al)?(?:\s+(?:or|and|/)\s+replacement)?|(?<!hormone )(?<!hormonal )(?<!thyroid )(?<!hormone-)(?:adrenal\s+)?replacement)\s+(?:doses?\s+(?:of\s+)?)?(?:(?:cortico)?steroids?|hydrocortisone|glucocorticoids?|therapy)?(?:\s+(?:doses?|therapy|replacement))?",
    I,
)


_EQUIVALENT = re.compile(r"\s*(?:of\s+)?(?:prednisone|prednisolone)?\s*(?:\(\s*)?(?:or\s+(?:an?\s+)?(?:its\s+)?(?:equivalent|equivalence)s?(?:\s+(?:dose|doses|of\s+another\s+(?:cortico)?steroid))?|-?\s*equivalents?)(?:\s*\))?", I)


def _roman(g: str) -> int:
    return {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}.get(g.upper(), 0) if not g.isdigit() else int(g)


def _bounds_from_above(expr: Expr) -> bool:
    """Whether a toxicity reading sets the most a patient may have ("<= Grade 1"), the shape of a
    requirement, not of what excludes."""
    return any(isinstance(p, Predicate) and p.concept == "toxicity_grade" and p.op in (Op.LTE, Op.LT) for p in iter_nodes(expr))


def _toxicity_expr(m: re.Match[str], text: str, before: str = "") -> Expr:
    g = _roman(m.group("g"))
    cmp, tail = m.group("cmp") or "", (m.group("tail") or "").lower()
    # (the scale's name may stand between the comparator and the grade: "> Common Terminology
    # Criteria for Adverse Events [CTCAE] grade 2" is "> grade 2")
    mid = without_scale(before + m.group("mid"))
    if not cmp:  # the comparator written before the grade word: "toxicities >= Grade 2"
        before = _CMP_BEFORE_GRADE.search(mid[-30:])
        cmp = {"≥": "≥", ">=": "≥", "=>": "≥", ">": ">", "≤": "≤", "<=": "≤", "=<": "≤", "<": "<"}.get(before.group(1), "") if before else ""
    if not cmp:
        word = _WORD_BEFORE_GRADE.search(mid[-40:])
        if word is not None:
            w = " ".join(word.group("w").lower().split())
            cmp = _WORD_CMP.get(w) or ("≤" if w.startswith("no ") else "<" if w in ("less than", "lower than") else ">")
    # a negator the clause grammar reads at the clause's start ("Not recovered from toxicities ...
    # to grade 1 or less") is its Not: counted here as well, the line was negated twice and
    # excluded the recovered patients only
    owned = NEGATED.match(text)
    lead = max(0, m.start() - 30, owned.end() if owned is not None else 0)
    unrecovered = bool(_UNRECOVERED.search(text[lead: max(lead, m.start())] + " " + m.group("mid")))
    # ... or further back, the verb the toxicity is the object of ("Patients who not recovered
    # clinically relevant therapy related toxicities ... (=CTCAE grade 2 ...)")
    far = max(0, m.start() - 120, owned.end() if owned is not None else 0)
    unrecovered = unrecovered or bool(_NOT_RECOVERED_BEFORE.search(text, far, max(far, m.start())))
    if unrecovered and not cmp and _EQUALS_BEFORE_GRADE.search(mid[-10:]):
        # "not recovered ... (= grade 2 adverse event)": the grade defines what is not recovered,
        # a toxicity of that grade or worse (read "at most", an exclusion passed a grade 3 one)
        return predicate("toxicity_grade", Op.GTE, g)
    top = _roman(m.group("top") or "0")
    if top > g and not cmp and not tail:
        # a span of grades ("Grade 3 or 4 non-hematological toxicity", "Grade 2-4 nausea") reaching
        # the scale's top is the grades from its lower end up, as a span written before the word
        # (``_grade_op``); read as the lower end alone (a bare grade: "recovered to grade 2"), it
        # was a bound at most, which a grade 4 toxicity failed in an exclusion. Recovery from the
        # span ("Recovery from grade 2-4 toxicities") is the grades below it.
        span = _grade_op(None, g, "-", top, None)
        assert span is not None
        op, bound = span
        to = _SPAN_RECOVERED_TO.match(text, m.end())
        if to is not None:  # "recovered from any toxicity (Grade 3 or 4) to < Grade 2": the grade recovered to
            at_most = Op.LT if (to.group("c") or to.group("c2")) == "<" else Op.LTE
            bound_to = int(to.group("g"))
            return predicate("toxicity_grade", NEGATE[at_most], bound_to) if unrecovered else predicate("toxicity_grade", at_most, bound_to)
        if op is Op.GTE:
            after = _SPAN_RESOLVED_AFTER.match(text, m.end())  # "all grade 2-4 toxicities should have resolved"
            recovered = (_RECOVERED_FROM.search(text, max(0, m.start() - 120), m.start() + len(m.group("mid")) + 1) or (after is not None and not after.group("neg"))) and not unrecovered
            return predicate("toxicity_grade", Op.LT if recovered else Op.GTE, g)
        return predicate("toxicity_grade", op, bound)
    if cmp in ("≤", "<=", "=<", "<") and not tail:
        return predicate("toxicity_grade", Op.LT if cmp == "<" else Op.LTE, g) if not unrecovered else predicate("toxicity_grade", Op.GTE if cmp == "<" else Op.GT, g)
    if cmp in (">", "≥", ">=") or any(w in tail for w in ("higher", "greater", "more", "above", "worse")):
        op = Op.GT if cmp == ">" else Op.GTE
        after = _SPAN_RESOLVED_AFTER.match(text, m.end())
        if after is not None and not after.group("neg") and not unrecovered:
            # "any toxicity greater than CTCAE grade 1 from previous anti-cancer therapy must have
            # been resolved": the grades left are those below it
            return predicate("toxicity_grade", NEGATE[op], g)
        return predicate("toxicity_grade", op, g)
    at_most = Op.LT if cmp == "<" else Op.LTE
    if unrecovered:  # "not recovered to grade <= 1": a toxicity above it remains
        return predicate("toxicity_grade", Op.GTE if at_most is Op.LT else Op.GT, g)
    return predicate("toxicity_grade", at_most, g)


# "(other) agents to prevent GVHD (after HSCT)", "GVHD prophylaxis": immunosuppressant therapy
_AFTER_TRANSPLANT = re.compile(r"\b(?:after|following|post)\s+(?:an?\s+)?(?:allogeneic\s+|allo-?\s*)?(?:HSCT|SCT|BMT|(?:hematopoietic\s+)?(?:stem\s+cell\s+)?transplant)", I)
_GVHD_PROPHYLAXIS = re.compile(
    r"(?:(?:other\s+)?(?:systemic\s+)?(?:agents?|drugs?|medications?|therap(?:y|ies)|treatments?)\s+(?:to|for)\s+(?:the\s+)?(?:prevent(?:ion)?|prophylaxis)(?:\s+(?:of|or\s+treat(?:ment)?(?:\s+of)?))?\s+"
    r"(?:acute\s+|chronic\s+)?(?:graft[\s-]*(?:versus|vs\.?|-)[\s-]*host[\s-]*disease|GvHD|GVHD)(?:\s*\((?:a|c)?GVHD\))?"
    r"|(?:GvHD|GVHD)\s+prophylaxis"
    r"|immunosuppress(?:ive|ant|ion)\w*(?:\s+(?:therap(?:y|ies)|agents?|drugs?|medications?|treatments?))?\s+(?:for|to\s+(?:treat|prevent))\s+(?:the\s+)?(?:treatment\s+of\s+|prevention\s+of\s+)?"
    r"(?:acute\s+|chronic\s+)?(?:graft[\s-]*(?:versus|vs\.?|-)[\s-]*host[\s-]*disease|GvHD|GVHD)(?:\s*\((?:a|c)?GVHD\))?)(?:\s+(?:after|following|post)\s+(?:an?\s+)?(?:allogeneic\s+|allo-?\s*)?(?:HSCT|SCT|BMT|(?:hematopoietic\s+)?(?:stem\s+cell\s+)?transplant(?:ation)?))?",
    I,
)


# the measurable lesion named first and its measure after it ("At least one lesion measurable
# according to RECIST criteria", "1 target lesion that is measurable by RECIST, Version 1.1",
# "Disease is measurable by CT scan", "a lesion reproducibly measurable by CT or MRI scans per
# RECIST 1.1": 14 corpus lines left to review). The measure must be RECIST's or its imaging: a
# node "measurable in two perpendicular directions" is a lymphoma's measure, not read here.
_MEASURABLE_AFTER = re.compile(
    r"(?<![-\w])(?:(?:tumou?r|target|metastatic)\s+)?(?:lesions?|tumou?rs?|sites?\s+of\s+disease|disease)\s+(?:(?:that|which)\s+)?(?:(?:is|are)\s+)?"
    r"(?:(?:reproducibly|radiographically|radiologically|accurately)\s+)?measure?able\s+(?:by|per|according\s+to|using|as\s+per|on)\s+(?:the\s+)?"
    r"(?:RECIST|Response\s+Evaluation\s+Criteria|CT\b|MRI\b|computed\s+tomography|computeri[sz]ed\s+tomography)",
    I,
)


_OR_WORD = re.compile(r"\b(?:or|either|and/or)\b|/", I)


_GRADE_NUM = r"(?:[0-4]|IV|I{1,3})\b"
_GRADE_BOUND = (
    r"(?P<cmp>≥|>=|=>|>|≤|<=|=<|<|(?:greater|more|higher)\s+than(?:\s+or\s+equal\s+to)?|at\s+least|less\s+than)?\s*"
    r"(?:grade|gr\.?|stage)\s*(?P<cmp2>≥|>=|>|≤|<=|<)?\s*(?P<a>" + _GRADE_NUM + r")"
    r"(?:\s*(?P<sep>-|–|to|through|or)\s*(?P<b>" + _GRADE_NUM + r"))?(?P<tail>\s+or\s+(?:higher|greater|more|above|worse|less|lower|below))?"
)


# a grade bound written before the disease ("grade II-IV acute GVHD", "≥ grade 3 GVHD"): anchored
# at the end of a short slice, so the search is bounded by the slice, not the line
_GRADE_BEFORE = re.compile(_GRADE_BOUND + r"\s*(?:\(\w{1,8}\)\s*)?(?:(?:acute|chronic|active|current|severe|steroid-refractory),?\s+){0,2}$", I)


# ... or after it ("GVHD grade >= 2", "acute GVHD of grade III or IV")
_GRADE_AFTER = re.compile(r"\s*(?:\(\w{1,8}\)\s*)?,?\s*(?:of\s+|with\s+|\(\s*)?" + _GRADE_BOUND, I)


_GVHD_STATE_BEFORE = re.compile(r"(?:\b(?:active|acute|current|ongoing|existing)\b,?\s*){1,3}$", I)


def _grade_op(cmp: str | None, a: int, sep: str | None, b: int | None, tail: str | None) -> tuple[Op, object] | None:
    word = " ".join((cmp or "").lower().split())
    tail = (tail or "").lower()
    if b is not None and sep is not None:
        low, high = min(a, b), max(a, b)
        return (Op.GTE, low) if high >= 4 else (Op.BETWEEN, (low, high))
    if word in (">", "greater than", "more than", "higher than") or any(w in tail for w in ("higher", "greater", "more", "above", "worse")):
        return (Op.GT, a) if word in (">", "greater than", "more than", "higher than") else (Op.GTE, a)
    if word in ("≥", ">=", "=>", "at least") or word.endswith("or equal to"):
        return Op.GTE, a
    if word in ("<", "less than"):
        return Op.LT, a
    if word in ("≤", "<=", "=<") or any(w in tail for w in ("less", "lower", "below")):
        return Op.LTE, a
    return None  # a lone grade ("grade 2 GVHD"): which grades the line means is not said


def _gvhd_graded(text: str, start: int, end: int) -> tuple[int, int, Expr]:
    """GVHD with a grade bound beside it: ``All(gvhd present, gvhd_grade op n)`` over the span
    that holds both; GVHD alone when no bound is written."""
    plain = predicate("gvhd", Op.PRESENT)
    lead = max(0, start - 60)
    found = [(m, lead + m.start(), end) for m in [_GRADE_BEFORE.search(text[lead:start])] if m is not None]
    after = _GRADE_AFTER.match(text, end, min(len(text), end + 60))
    if not found and after is not None:
        found = [(after, start, after.end())]
    for m, s, e in found:
        cmp = m.group("cmp") or m.group("cmp2")
        bound = _grade_op(cmp, _roman(m.group("a")), m.group("sep"), _roman(m.group("b")) if m.group("b") else None, m.group("tail"))
        if bound is not None:
            qualifier = _GVHD_STATE_BEFORE.search(text[max(0, s - 40): s])  # "Active acute grade 2-4 GVHD": the graded disease itself
            if qualifier is not None:
                s -= len(text[max(0, s - 40): s]) - qualifier.start()
            return s, e, all_of([plain, predicate("gvhd_grade", bound[0], bound[1])])
    return start, end, plain


_ALLERGY_SEP = re.compile(r",|\bor\b|\band(?:/or)?\b|/|\(|\)", I)


# a piece that names a class or a part of the product rather than a substance: a record cannot be
# compared with it by name ("other TKI", "their excipients", "compounds of similar structure")
# what a class of products is made from ("E. coli-derived drug preparations", "murine-derived
# proteins"): an allergy whose record names the source is one of them; any other may be
_DERIVED = re.compile(r"(?P<src>(?:[A-Z]\.\s?)?[A-Za-z]{3,}(?:\s+[A-Za-z]{3,})?)[\s-]+derived\b", I)


_ALLERGY_GENERIC = re.compile(
    r"\b(?:other|excipients?|components?|ingredients?|constituents?|similar|related|class(?:es)?|derivatives?|analog(?:ue)?s?|inactive"
    r"|such\s+as|e\.?\s?g|including|like|proteins?|antibod(?:y|ies)|cytokines?|biologics?|biopharmaceuticals?|vaccines?|products?|\w{3,}(?<![su])s"
    # the study's own drug, which the text does not name ("the trial treatment"; "the investigational
    # agent ficlatuzumab" names it)
    r"|(?:study|trial|investigational|protocol)\s+(?:drug|medication|agent|treatment|therapy)(?!\s*+[\w-]))\b",
    I,
)
# a class or form named in the singular, its last word ("attributed to a receptor tyrosine kinase
# inhibitor", "MRI contrast agent", "4-aminoquinoline compound"): the words may name the product a
# record has, or a member of the class it does not name; both are kept (the name alone passed an
# allergy to sunitinib as not one to "a receptor tyrosine kinase inhibitor"). A product named after
# the class word ("the investigational agent ficlatuzumab") is that product.
_ALLERGY_SINGULAR_CLASS = re.compile(r"\b(?:inhibitor|agent|compound|drug|medication|formulation|composition)\s*$", I)


# the severity asked of an infusion reaction ("severe", "Grade 3 or 4", "life-threatening")
_INFUSION_SEVERITY = re.compile(r"\b(?:severe|serious|life[\s-]threatening|grade\s*(?:3|4|III|IV|≥\s*3)\b(?:\s*(?:or|-)\s*(?:4|IV))?)\W*(?:\w+\W+){0,2}$", I)


# monoclonal antibodies named as a class ("any monoclonal antibody", "another monoclonal antibody
# (mAb)", "monoclonal antibody therapy"): an allergy to rituximab or alemtuzumab is one of them, an
# allergy to penicillin is not (read as "any drug allergy, a person's", both were unknown). Chimeric,
# murine or humanized kinds, named by their source, are read as before.
_MONOCLONAL = re.compile(
    r"\s*(?:(?:any|a|an|another|other|prior)\s+)?(?:therapy\s+with\s+)?monoclonal\s+antibod(?:y|ies)(?:\s*\(\s*mAbs?\s*\))?(?:\s+(?:therap(?:y|ies)|treatments?))?\s*",
    I,
)


def _allergy_expr(obj: str) -> Expr | None:
    """The products a hypersensitivity line names. A product with its own concept (a class trials
    exclude) is that concept; any other named product is ``drug_hypersensitivity is "<product>"``,
    which compares the record's own words (derive.NAMED_PRODUCT); a class or part of the product
    ("other TKI", "excipients") stays an ambiguous qualifier on any drug allergy, unless a list in
    parentheses right after it names its members."""
    end = _ALLERGY_END.search(obj)
    if end is not None:
        obj = obj[: end.start()]
    parts: list[Expr] = []
    bounds = [0] + [x for m in _ALLERGY_SEP.finditer(obj) for x in (m.start(), m.end())] + [len(obj)]
    for i in range(0, len(bounds), 2):
        piece = obj[bounds[i]: bounds[i + 1]]
        words = [w for w in re.findall(r"[a-z0-9]+", piece.lower()) if w not in _FILLER]
        # "anaphylaxis to any drugs" is all filler words, and any drug allergy; "any drugs used in
        # this study" (cut before "used") is not
        if not words and not (end is None and re.match(r"^\s*any\s+(?:drugs?|medications?|medicines?)\s*$", piece, I)):
            continue
        named = [predicate(c, Op.PRESENT) for c, pattern in _ALLERGY_CLASSES if pattern.search(piece)]
        text = " ".join(piece.split())
        family = _PRODUCT_FAMILY.fullmatch(piece)
        if named:
            parts += named
        elif (drug_class := allergy_class(piece)) is not None:  # "macrolide antibiotics": a record naming a member (topics.allergy_classes)
            parts.append(predicate("drug_hypersensitivity", Op.IS, drug_class))
        elif family is not None:  # "Asparaginase products": the drug, whatever its preparation
            parts.append(predicate("drug_hypersensitivity", Op.IS, family.group("drug")))
        elif _ANY_DRUG.match(piece):
            parts.append(predicate("drug_hypersensitivity", Op.PRESENT))
        elif _MONOCLONAL.fullmatch(piece):  # the class, whose members a record names by their -mab
            parts.append(predicate("drug_hypersensitivity", Op.IS, "monoclonal antibody"))
        elif _ALLERGY_GENERIC.search(piece):
            listed = bounds[i + 1] < len(obj) and obj[bounds[i + 1]] == "("
            if (part_of := named_part_of(piece)) is not None:  # "any of the components of oxaliplatin": an allergy to it is one
                parts.append(predicate("drug_hypersensitivity", Op.IS, with_generic(part_of)))
            if not listed:  # a class or part: any drug allergy may be it
                source = _DERIVED.search(piece)
                if source is not None and product_words(source.group("src")):  # a record naming the source is one
                    parts.append(predicate("drug_hypersensitivity", Op.IS, " ".join(source.group("src").split())))
                parts.append(all_of([predicate("drug_hypersensitivity", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, text)]))
        elif product_words(text) and _ALLERGY_SINGULAR_CLASS.search(piece):
            parts.append(predicate("drug_hypersensitivity", Op.IS, with_generic(text)))
            parts.append(all_of([predicate("drug_hypersensitivity", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, text)]))
        elif product_words(text):
            parts.append(predicate("drug_hypersensitivity", Op.IS, with_generic(text)))  # "Vidaza": an allergy to azacitidine too
        else:
            parts.append(all_of([predicate("drug_hypersensitivity", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, text)]))
    return any_of(list(dict.fromkeys(parts))) if parts else None


# the study's own drug as the point a window is counted back from ("before blinatumomab treatment")
_BEFORE_STUDY_DRUG = re.compile(r"(?:prior\s+to|before|start\s+of|initiation\s+of)\s+(?:the\s+)?(?:first\s+)?(?:dose\s+of\s+)?(?:study\s+)?$", I)


_STUDY_DRUG_TAIL = re.compile(r"\s+(?:treatment|therapy|infusion|administration|dosing|start)\b", I)


def coded_concept_items(text: str, ctype: CriterionType, free) -> list[Item]:
    """Items for the concepts hospitals code (read before the general history table, which
    would otherwise take their words): antigen-directed therapy, the grade of a toxicity of
    prior therapy, autoimmune disease requiring treatment, hypersensitivity to named products,
    non-systemic and replacement corticosteroids."""
    items: list[Item] = []
    low = text.lower()

    def add(item: Item) -> None:
        if free(item.start, item.end) and all(item.end <= it.start or item.start >= it.end for it in items):
            items.append(item)

    live = _DIRECTED_LIVE.live(low)
    for k, (concept, pattern, gate) in enumerate(_DIRECTED_RES):
        if k in live:
            for m in pattern.finditer(text):
                if _BEFORE_STUDY_DRUG.search(text[max(0, m.start() - 40): m.start()]):
                    tail = _STUDY_DRUG_TAIL.match(text, m.end())
                    add(Item(m.start(), tail.end() if tail else m.end(), None, frozenset()))  # "within 5 years before blinatumomab treatment": the study drug
                    continue
                lead = _PRIOR_LEAD.search(text, max(0, m.start() - 40), m.start())
                start = lead.start() if lead is not None and lead.end() == m.start() else m.start()
                add(Item(start, m.end(), predicate(concept, Op.PRESENT), frozenset({concept})))
    if "adverse events" in low and "recovered" in low:
        for m in _NCI_RECOVERY.finditer(text):
            if m.group("g0") is not None and _AND_RECOVERY.search(text, max(0, m.start() - 30), m.start()):
                continue  # "... within 2 weeks and has not recovered (...)": one condition of two, read by a person
            owned = NEGATED.match(text)  # a clause-start negator is the grammar's (as below)
            negated = bool(m.group("neg") and (owned is None or m.start("neg") >= owned.end()))
            if m.group("g") is not None or m.group("g0") is not None:
                graded = predicate("toxicity_grade", Op.GTE, 2) if negated else predicate("toxicity_grade", Op.LTE, 1)
                add(Item(m.start(), m.end(), graded, frozenset({"toxicity_grade"})))
            else:
                add(Item(m.start(), m.end(), _recovery_expr(negated), frozenset({"toxicity_grade"})))
    if "adverse event" in low:
        for m in _ONGOING_ADVERSE.finditer(text):
            # "or ongoing adverse events from previous treatment, regardless of the time period":
            # not recovered from it, the toxicity grade's to decide (left a review, a grade 3
            # toxicity on record no longer excluded once the product's dates cleared the washout)
            add(Item(m.start(), m.end(), _recovery_expr(True), frozenset({"toxicity_grade"})))
    if "recover" in low or "resol" in low:
        for m in _GRADED_RECOVERY.finditer(text):
            if _SURGERY_WORDS.search(m.group(0)) or _AND_RECOVERY.search(text, max(0, m.start() - 30), m.start()):
                # a surgery's recovery is graded by no record (as in _recovery_of); "received
                # radiotherapy ≤ 2 weeks prior ..., and who has not recovered to grade 1 or better":
                # one condition of two an exclusion asks together, not an alternative of its own
                continue
            owned = NEGATED.match(text)  # a clause-start negator is the grammar's (as below)
            negated = bool(m.group("neg") and (owned is None or m.start("neg") >= owned.end()))
            cmp = m.group("c1") or m.group("c2") or m.group("c3") or m.group("c4") or ""
            op = Op.LT if cmp == "<" else Op.LTE
            bound = int(m.group("g1") or m.group("g2"))
            add(Item(m.start(), m.end(), predicate("toxicity_grade", NEGATE[op] if negated else op, bound), frozenset({"toxicity_grade"})))
    if "grade" in low or "gr." in low:
        for m in _TOXICITY.finditer(text):
            if _NEW_SUBJECT.search(m.group("mid")):  # "toxicity of study therapy, patients with neuropathy > grade 1": another subject's grade
                continue
            scale_word = _SCALE_TOXICITY_WORD.match(text, m.start()) is not None
            if scale_word and not _toxicity_of_its_own(text):
                continue  # the scale grades another condition: its own topic's (see _SCALE_TOXICITY_WORD)
            lead = _TOXICITY_LEAD.search(text[max(0, m.start() - 30): m.start()])  # restates the concept
            # (the scale's word taken as the toxicity: the comparator is before the scale's name)
            before = text[max(0, m.start() - 80): m.start()] if scale_word else ""
            expr = _toxicity_expr(m, text, before)
            if ctype is not CriterionType.EXCLUSION or not _bounds_from_above(expr):
                related = _RELATED_LEAD.search(text[max(0, m.start() - 50): m.start()])
                if related is not None and (lead is None or len(related.group(0)) > len(lead.group(0))):
                    lead = related
            start = m.start() - (len(lead.group(0)) if lead else 0)
            tail = _CTCAE_TAIL.match(text, m.end())  # "[>= Grade 2, by CTCAE v4.03]": how it is graded
            end = tail.end() if tail and tail.end() > m.end() else m.end()
            source = _TOXICITY_SOURCE.match(text, end)  # "... grade > 1 from prior therapy": what toxicity_grade is
            add(Item(start, source.end() if source else end, expr, frozenset({"toxicity_grade"})))
        for m in _TOXICITY_FIRST.finditer(text):  # "persistent grade >= 2 toxicity from prior therapy"
            if m.group("cmp0") and (_TOXICITY_PAST.search(text, 0, m.start()) or _TOXICITY_EXCEPTED.search(text)
                                    or _roman(m.group("g") or "0") + (m.group("cmp0") == ">") < 3):
                # "Any previous history of >= grade 3 toxicity to dasatinib", "discontinued ... due to
                # a ≥ grade 2 adverse event", "(except alopecia ...)": a past toxicity, or one of a
                # kind the line sets apart, which the record's grade of what is unresolved now is not;
                # and only from grade 3 up, which no kind an exception names apart may hold (alopecia
                # is graded 2 at most; an exception the clause reader splits off is not seen here)
                continue
            top = m.group("top")
            if top and (m.group("cmp") or m.group("cmp0") or _TOXICITY_PAST.search(text, 0, m.start()) or _RECOVERED_FROM.search(text, max(0, m.start() - 120), m.start())
                        or _SPAN_RESOLVED_AFTER.match(text, m.end())):
                # "History of grade 3 or 4 toxicity", "recovered from grade 2-4 toxicities", "all grade
                # 2-4 toxicities should have resolved": a past span, or one recovered from, not the
                # grades now
                continue
            op = _grade_op(m.group("cmp") or m.group("cmp2") or m.group("cmp0"), _roman(m.group("g") or m.group("g2")), m.group("sep"),
                           _roman(top) if top else None, m.group("tail"))
            if op is None:
                continue  # "grade 2 toxicity": which grades the line means is not said
            tail = _CTCAE_TAIL.match(text, m.end())  # "≥ Grade 3 toxicity common terminology criteria (CTC) version 4 from ..."
            end = tail.end() if tail and tail.end() > m.end() else m.end()
            source = _TOXICITY_SOURCE.match(text, end)
            add(Item(m.start(), source.end() if source else end, predicate("toxicity_grade", op[0], op[1]), frozenset({"toxicity_grade"})))
    if "recover" in low or "resol" in low or "unresolved" in low or "persistent" in low or "residual" in low or "ongoing" in low:
        for m in _RECOVERY.finditer(text):
            after = _BOUND_AFTER.match(text, m.end()) or _GRADE_TO_AFTER.match(text, m.end())
            if after is not None and not _SURGERY_WORDS.search(m.group(0)) and not _AND_RECOVERY.search(text, max(0, m.start() - 30), m.start()):
                # "Recovered from the reversible effects of prior antineoplastic therapy (ie, ≤ Grade
                # 1 toxicity or baseline)": the bracket bounds what recovered means, as before "from"
                owned = NEGATED.match(text)
                negated = bool(m.group("neg2") or (m.group("neg") and (owned is None or m.start("neg") >= owned.end())))
                op = Op.LT if (after.group("c") or after.groupdict().get("c2")) == "<" else Op.LTE
                # (the grade after "to" may have been read already as a toxicity of its own, the
                # scale's "Toxicity" taken for one: the recovery it bounds is the reading of both)
                items[:] = [it for it in items if not (m.start() <= it.start and it.end <= after.end() and it.concepts == {"toxicity_grade"})]
                add(Item(m.start(), after.end(), predicate("toxicity_grade", NEGATE[op] if negated else op, int(after.group("g"))), frozenset({"toxicity_grade"})))
                continue
            if _GRADE_NEAR.search(text, max(0, m.start() - 60), min(len(text), m.end() + 300)):
                continue  # a grade is written: the graded reading's, or left to review
            # a negator the clause grammar reads at the clause's start ("Patients not recovered
            # from ...", "No unresolved toxicity ...") is the grammar's Not: counted here too, it
            # would negate twice and pass exactly the patients the line excludes
            owned = NEGATED.match(text)
            negated = bool(m.group("neg2") or (m.group("neg") and (owned is None or m.start("neg") >= owned.end())))
            start = m.start()
            no = _NO_BEFORE.search(text, max(0, start - 12), start)  # "Have no residual toxic effects of ..."
            if no is not None and negated and (owned is None or no.start() >= owned.end()):
                negated, start = False, no.start()
            surgery = _SURGERY_WORDS.search(m.group(0))
            # a surgery's recovery is read only as the section asks it: recovered (inclusion) or
            # not recovered (exclusion); "subjects must have recovered from surgery" inside an
            # exclusion, read as what excludes, excluded every patient without a surgery. What
            # else follows it ("major surgery or trauma") is unread, and under a "not" the two
            # would be joined wrongly: the therapies before it are read as before
            if surgery is not None and (_MORE_AFTER.match(text, m.end()) or negated != (ctype is CriterionType.EXCLUSION) or owned is not None):
                before_surgery = m.group(0)[: surgery.start()]
                cut = re.search(r"[\s,/&]*(?:\b(?:or|and|and/or)\b[\s,]*)?$", before_surgery)
                if _OTHER_THERAPY.search(before_surgery) and cut is not None and cut.start() > 0:
                    add(Item(start, m.start() + cut.start(), _recovery_expr(negated), frozenset({"toxicity_grade"})))
                continue
            add(Item(start, m.end(), _recovery_of(m.group(0), negated), frozenset({"toxicity_grade"})))
    if "autoimmune" in low:
        for m in _AUTOIMMUNE_TREATED.finditer(text):
            window = Window(float(m.group("n")), m.group("u").lower().rstrip("s") + "s") if m.group("win") else None
            op = Op.WITHIN if window else Op.PRESENT
            treated = any_of([
                predicate("steroid_therapy", op, None, None, False, window),
                predicate("immunosuppressant_therapy", op, None, None, False, window),
                Qualifier(ReviewReason.AMBIGUOUS, "requiring systemic treatment"),
            ])
            expr = all_of([predicate("autoimmune_disease", Op.PRESENT), treated])
            add(Item(m.start(), m.end(), expr, frozenset({"autoimmune_disease", "steroid_therapy", "immunosuppressant_therapy"})))
    if any(w in low for w in ("allerg", "hypersensitiv", "anaphyla", "intoleran", "sensitivit", "infusion")):
        for m in _ALLERGY_TO.finditer(text):
            if m.group(0)[:1].lower() == "s" and _DISEASE_SENSITIVE.search(text, max(0, m.start() - 60), m.start()):
                continue  # "tumour with documented sensitivity to platinum": the disease's, no allergy
            expr = _allergy_expr(m.group("obj"))
            if expr == predicate("drug_hypersensitivity", Op.PRESENT) and m.group(0).lower().startswith("anaphyla"):
                # "anaphylaxis to any drugs": the reaction a drug allergy's record states
                # (derive.QUALIFIED_EVENTS); an allergy recorded without its reaction leaves it unknown
                expr = predicate("drug_anaphylaxis", Op.IS, "positive")
            elif expr is not None and m.group(0).lower().startswith("anaphyla"):
                # anaphylaxis to one product: an allergy to it on record may or may not have been anaphylaxis
                expr = all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, "anaphylaxis, not any allergic reaction")])
            if expr is not None and m.group(0).lower().startswith("infusion") and _INFUSION_SEVERITY.search(text, max(0, m.start() - 40), m.start()):
                # "History of severe infusion reaction to any monoclonal antibody": a reaction on
                # record may or may not have been severe (no record states it), never dropped
                expr = all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, "a severe infusion reaction, not any")])
            if expr is not None and m.group("of") and (not _only_named_products(expr) or _AFTER_OR.search(text, max(0, m.start() - 12), m.start())):
                # "intolerance of imatinib or toxicity necessitating dose modification": not a list
                # of products; "Resistance to imatinib or intolerance of dasatinib": an alternative
                # the line's joins do not keep (read, its "or" became "and")
                continue
            if expr is not None and m.group("also"):
                # "intolerance or unresponsiveness to sirolimus": the drug taken without response
                # is the other way in (dropped, a patient whose disease failed it met the line)
                expr = any_of([expr, _taken_without_response(expr, " ".join(m.group("also").split()[1:]))])
            if expr is not None:
                concepts = frozenset(p.concept for p in _predicates_of(expr))
                end = m.start("obj") + (_ALLERGY_END.search(m.group("obj")).start() if _ALLERGY_END.search(m.group("obj")) else len(m.group("obj")))
                add(Item(m.start(), allergen_end(text, m.start("obj"), end), expr, concepts))  # "(e.g., ...)" after it: its examples
        for m in _PRODUCTS_THEN_ALLERGY.finditer(text):
            expr = _allergy_expr(m.group("list"))
            if expr is not None:
                add(Item(m.start("list"), m.end(), expr, frozenset(p.concept for p in _predicates_of(expr))))
    if "steroid" in low:
        for m in _NONSYSTEMIC_STEROID.finditer(text):
            add(Item(m.start(), m.end(), None, frozenset()))  # not systemic: not steroid_therapy
    if "physiolog" in low or "replacement" in low:
        for m in _REPLACEMENT.finditer(text):
            expr = all_of([predicate("steroid_dose", Op.LTE, 10, "mg/d"), Qualifier(ReviewReason.AMBIGUOUS, "physiologic replacement dose")])
            add(Item(m.start(), m.end(), expr, frozenset({"steroid_therapy", "steroid_dose"})))
    for it in toxicity_source_items(text):  # "adverse events of any prior chemotherapy ... must have resolved": where from, not asked
        add(it)
    return items


_AFTER_OR = re.compile(r"\b(?:or|and/or)\s+(?:(?:an?|any|known|prior|previous)\s+)?$", I)
# what no product's name is: "intolerance of standard therapy", "of ... or toxicity necessitating dose modification"
_NOT_A_PRODUCT = re.compile(r"\b(?:therap(?:y|ies)|treatments?|toxicit(?:y|ies)|reactions?|events?|effects?|doses?|modifications?|regimens?|agents?|drugs?|medications?)\b", I)


def _only_named_products(expr: Expr) -> bool:
    """Whether an allergy reading names products only (each a name of at most three words)."""
    for node in iter_nodes(expr):
        if isinstance(node, Review):
            return False
        if isinstance(node, Predicate) and node.concept == "drug_hypersensitivity":
            if not isinstance(node.value, str) or len(node.value.split()) > 3 or _NOT_A_PRODUCT.search(node.value):
                return False
    return True


def _taken_without_response(allergy: Expr, failure: str) -> Expr:
    """Each product of an allergy reading taken (``named_medication``), whether the disease failed
    it a person's; any other part of the reading a person's whole."""
    def leaf(node: Expr) -> Expr:
        if isinstance(node, Predicate) and node.concept == "drug_hypersensitivity" and node.op is Op.IS and isinstance(node.value, str):
            return all_of([predicate("named_medication", Op.IS, node.value), Qualifier(ReviewReason.AMBIGUOUS, f"{failure} to it, not an intolerance")])
        return Review(ReviewReason.AMBIGUOUS, f"{failure} to the products an intolerance line names")
    return map_leaves(allergy, leaf)


def _predicates_of(expr: Expr) -> list[Predicate]:
    from rules_engine.criteria import iter_predicates

    return list(iter_predicates(expr))


# a drug of another class between a steroid and a dose owns the dose ("steroid induction ...
# dasatinib 140 mg daily": read as a steroid dose of 140 mg, it failed every patient)
_OTHER_DRUG = re.compile(r"\b\w{3,}(?:tinib|nib|mab|platin|rubicin|taxel|mustine|abine|tide|mide|stat|limus)\b", I)


# a cap a permission sets ("Patients may be receiving prednisone at a maximum dose of 10 mg/day",
# "may receive low dose treatment of corticosteroids with a maximum dose of 20 mg"): joined to the
# steroid it would be asked, in an exclusion the dose permitted excluded (parser.steroid_dose_permits
# reads the permissions it knows whole)
# (a permission "allowed", "permitted" or "acceptable" opens is an exception the line's readers
# take whole, its cap read as written)
_PERMITTING = re.compile(r"\bmay\b", I)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(".", 0, pos), text.rfind(";", 0, pos)) + 1


def _steroid_dose(text: str, items: list[Item]) -> None:
    """A dose stated beside a corticosteroid ("> 10 mg/day prednisone or equivalent") bounds it:
    the steroid items and the dose become one item, ``All(steroid, steroid_dose op n)``."""
    steroids = [it for it in items if isinstance(it.expr, Predicate) and it.expr.concept == "steroid_therapy"]
    if not steroids or "mg" not in text.lower():
        return
    for m in DOSE.finditer(text):  # (parser.prednisone_dose: the one reader of a steroid's dose)
        # "< 1.5 mg of dexamethasone/day": no prednisone equivalent; "Patients may be receiving
        # prednisone at a maximum dose of 10 mg/day": what is let be, not asked. Both the steroid's
        # with a person's word on the dose
        unread = None
        if m.group("after") and not names_prednisone(m):
            unread = "a dose of another corticosteroid than prednisone: " + " ".join(m.group(0).split())
        elif dose_op(m) in (Op.LT, Op.LTE) and _PERMITTING.search(text, _sentence_start(text, m.start()), m.start()):
            unread = "a dose a permission lets be: " + " ".join(m.group(0).split())
        m_end = m.end()
        near = [
            it for it in steroids
            if (abs(it.start - m_end) < 60 or abs(m.start() - it.end) < 60)
            and not _OTHER_DRUG.search(text, min(it.end, m_end), max(it.start, m.start()))
        ]
        if not near:
            continue
        start = min([m.start()] + [it.start for it in near])
        end = max([m_end] + [it.end for it in near])
        tail = _EQUIVALENT.match(text, end)
        if tail is not None:
            end = tail.end()
        inside = [it for it in items if not (it.end <= start or it.start >= end)]
        if any(it not in near and it.expr is not None for it in inside):
            continue  # another subject between them: the dose is not clearly the steroid's
        windowed = [it.expr for it in near if isinstance(it.expr, Predicate) and it.expr.window is not None]
        steroid = windowed[0] if windowed else near[0].expr
        unit = "mg/d"
        per = (m.group("per") or "").lower()
        if "kg" in per:
            unit = "mg/kg/d"
        elif per:
            unit = "mg/m2/d"
        dose = predicate("steroid_dose", dose_op(m), float(m.group("n")), unit) if unread is None else Qualifier(ReviewReason.AMBIGUOUS, unread)
        for it in inside:
            items.remove(it)
        items.append(Item(start, end, all_of([steroid, dose]), frozenset({"steroid_therapy", "steroid_dose"})))  # type: ignore[list-item]
        items.sort(key=lambda it: it.start)
        return


# "are receiving", "currently taking", "patients taking", "concomitant use of": a therapy taken now, not any record
# of it. Only for medications taken continuously (a course of chemotherapy between cycles is
# still "current" though its last dose is weeks old). An ongoing record is dated the evaluation
# date; a record that only says when it was last given counts as current for two weeks, so a
# therapy stopped days ago still excludes (the error, if any, is on the side of the exclusion)
# ("Patients may not be receiving any other investigational agents", a line opening "Receiving
# any other investigational agents": the NCI template's present tense, read before as ever, so an
# agent stopped months ago excluded; holdout T244)
_NOW_LEAD = re.compile(
    r"\b(?:(?:are|is|be|currently|presently|still|actively)\s+(?:receiving|taking|using|on|being\s+treated\s+with|treated\s+with)|currently|concomitant(?:ly)?|concurrent(?:ly)?(?![\s-]+chemo[\s-]*radi)|ongoing|taking)\b"
    # ("Current antidepressant, anxiolytic, antipsychotic or stimulant therapy", "Current use of
    # potentially bone-toxic anticonvulsants": the adjective asks for the therapy now, as
    # "currently" does; read without it, a course stopped years ago excluded the patient)
    # ("the site of current primary disease", "current enrollment in another trial": another subject)
    r"|\bcurrent\b(?!\s+(?:primary|disease|diagnos[ie]s|enrol?lment|participation|malignan|cancer|tumou?r|infection|episode|study|trial|protocol|pregnan|smok|evidence|signs?\b|symptoms?\b|condition|illness|status|stage|relapse|remission|site|lesion))"
    r"|^\W*(?:\d{1,2}[.)]\s*)?receiving\b"
    # (a line opening "On" a therapy: "On immunosuppressive or other anti-leukemic therapy", the
    # patient taking it now, as "Patients on ..." below. Capitalised, as a line's first word is: a
    # condition's clause cut from "If on warfarin, must not ..." is the conditional reader's)
    r"|^\W*(?:\d{1,2}[.)]\s*)?(?-i:On)\b(?=\s)",
    I,
)
# what a condition needs now, in an exclusion ("Seizure disorder requiring anticonvulsant
# therapy", "Patients requiring therapeutic anticoagulation", "Known HIV disease requiring
# antiretroviral treatment"): the therapy under way, not one ever given
# (read as ever, warfarin stopped a month ago excluded). A history before it ("History of
# pneumonitis requiring treatment with steroids", "Prior allogeneic transplant requiring ...") may
# mean the need then, and a need to come ("may require", "If a subject requires", "requiring
# initiation of") is no therapy on record: both keep the reading of any record
_NOW_NEED = re.compile(r"\brequir(?:es|ing|e)\b", I)
_NEED_LATER = re.compile(
    r"\b(?:may|might|will|would|could|expected\s+to|likely\s+to|anticipated\s+to|continue\s+to)\s+(?:\w+\s+)?$|\b(?:if|when|whenever|should|unless|in\s+case)\b", I
)
# (a transplant's immunosuppression is kept up after it: "Prior allogeneic transplant requiring
# immunosuppressive therapy", "History of solid organ or stem cell transplant requiring
# immunosuppressive medications" ask for the therapy now, whatever history the transplant is)
_TRANSPLANT_NEEDS = re.compile(r"(?:transplant\w*|allograft|HSCT|SCT|BMT)\s*(?:\([^()]{0,20}\)\s*)?,?\s*(?:(?:ie|i\.e\.)\s*,?\s*|that\s+|which\s+)?$", I)
_NEED_TO_START = re.compile(r"\s+(?:the\s+)?(?:initiation|initiating|start(?:ing)?)\b", I)
# "Patients receiving any other standard or investigational treatment for their hematologic
# malignancy" (an exclusion): the participle after the patient is now (read as ever, a course
# finished months ago excluded; 60 corpus exclusions). In an inclusion the words mostly open an
# exception or a permission ("participants receiving only 3 cycles ... are eligible"): left there
# ("Patients on proton pump inhibitors", "Patients on dexamethasone or anticonvulsant therapy",
# "Patients on warfarin": the same present, said with "on"; read as ever, a course stopped a year
# ago excluded. Only the therapies this reading dates: "patients on study" names none)
_NOW_PATIENTS = re.compile(r"\b(?<=patients\s)(?:receiving|on)\b|\b(?<=subjects\s)(?:receiving|on)\b|\b(?<=participants\s)(?:receiving|on)\b", I)
_OWN_PARTICIPLE = re.compile(r"(?:receiving|on)\b", I)
_PATIENTS_BEFORE = re.compile(r"\b(?:patients|subjects|participants)\s+$|^\W{0,3}(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?\)?\s*)?$", I)
_NOW_BREAK = re.compile(r"[;.]|\b(?:prior|previous(?:ly)?|history|within|since|past|last|ever|had|have\s+had|received)\b", I)
# "prior or concurrent chemotherapy", "previous and/or concomitant": the past is asked too
_PAST_OR = re.compile(r"\b(?:prior|previous(?:ly)?|past|recent|history\s+of)\s*(?:,|or|and|and/or|/)\s*$", I)
# the heart's drugs an arrhythmia line allows ("requiring anti-arrhythmic medication other than beta
# blocker", "(beta-blockers or digoxin permitted)", "rate control with beta blockers is allowed"):
# what is allowed is no item (read as one, a patient on metoprolol was excluded)
_HEART_DRUGS = frozenset({"beta_blocker", "diuretic_therapy", "calcium_channel_blocker", "nondihydropyridine_ccb"})
# ("treatment with any beta-blockers" asks for them: "with" after a word of treating is no allowance)
# (an exception reaches over a list of them: "other than beta blocker or calcium channel blocker")
_HEART_DRUG_ALLOWED = re.compile(
    r"\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from|besides)\s+(?:[\w-]+,?\s+){0,5}$"
    r"|\b(?:(?<!treatment\s)(?<!treatments\s)(?<!therapy\s)(?<!treated\s)with|using|"
    r"controlled\s+(?:by|on|with)|refractory\s+to|resistant\s+to|despite)\s+(?:\w+\s+){0,2}$", I
)
# ... or says it after them ("Beta-blocker therapy, while not exclusionary, is discouraged")
_HEART_DRUG_PERMITTED = re.compile(r"[^.;]{0,60}?\b(?:permitted|allowed|acceptable|are\s+eligible|is\s+eligible|exclusionary|discouraged)\b", I)
# NSAIDs and antiplatelet agents named as what the patient reacted to ("asthma, urticaria, or
# allergic-type reactions after taking aspirin or other NSAIDs", "hypersensitivity ... in response
# to ibuprofen, aspirin or other NSAIDs"; 4 corpus lines): no history of taking them. Read as one,
# a patient on ibuprofen was excluded by an allergy line.
_REACTION_CLASSES = frozenset({"nsaid_therapy", "antiplatelet_therapy"})
_REACTION_TO = re.compile(r"\b(?:allerg\w*|hypersensitiv\w*|intoleran\w*|contra-?indicat\w*|sensitivity|reactions?|in\s+response)\b[^.;]{0,60}$", I)
_CONTINUOUS = frozenset({"steroid_therapy", "immunosuppressant_therapy", "anticoagulant_therapy", "vitamin_k_antagonist", "cyp3a4_modulator",
                         "beta_blocker", "diuretic_therapy", "calcium_channel_blocker", "nondihydropyridine_ccb", "anticonvulsant_therapy", "antiretroviral_therapy",
                         "proton_pump_inhibitor", "h2_antagonist", "nsaid_therapy", "antiplatelet_therapy", "androgen_therapy"}) | CONTINUOUS_CLASSES
# A therapy given in courses (chemotherapy, radiotherapy, an antibody every 3 weeks) is current
# between doses: one given within 4 weeks is under way; one 4 to 8 weeks ago may be (a 6-week
# cycle) and is left to a person; an older one is not current. Read as any record of it, "No
# concurrent chemotherapy" failed every patient ever treated (413 corpus lines open "No concurrent").
_COURSES = frozenset({
    "chemotherapy", "radiotherapy", "immunotherapy", "targeted_therapy", "anticancer_therapy", "systemic_therapy", "hormone_therapy",
    "investigational_agent",
    # the marrow's growth factors too ("No concurrent filgrastim (G-CSF) or sargramostim (GM-CSF)",
    # "No concurrent epoetin alfa"; about 90 corpus lines): given daily or weekly through a course,
    # or once a cycle (pegfilgrastim, darbepoetin); read as any record, a G-CSF a year ago failed the line
    "growth_factor", "esa",
})
COURSE_NOW, COURSE_MAYBE = Window(28.0, "days"), Window(56.0, "days")
# the therapies "current", "concurrent", "currently receiving" ask for within a window of their own
# (residue: "current" before one is no "active" of a condition that counts whatever its date)
NOW_THERAPIES = _CONTINUOUS | _COURSES
_COURSE_OPEN = "whether a course given 4 to 8 weeks ago is still under way"
COURSE_OPEN = _COURSE_OPEN  # (scopes.trailing_scope reads past this doubt)


# between two members of one list ("..., granulocyte-colony stimulating factor (G-CSF),
# granulocyte-macrophage colony-stimulating factor, etc."): a comma or joiner, the first's gloss in
# brackets; nothing of a time of its own
_NO_WORDS = re.compile("")  # (the lead of a member made current by the one before it: no words)
_LIST_GAP = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:,\s*(?:(?:or|and|and/or)\s+)?|/|\s(?:or|and|and/or)\s+)\s*", I)


def _now(text: str, items: list[Item], exclusion: bool = False) -> None:
    listed_end = -1  # where the last member a lead made current ends (its list's next member is current too)
    for it in items:
        preds = [it.expr] if isinstance(it.expr, Predicate) else list(it.expr.parts) if isinstance(it.expr, Any_) else []
        if not preds or not all(isinstance(p, Predicate) and p.op is Op.PRESENT and p.window is None for p in preds):
            continue
        continuous = all(isinstance(p, Predicate) and p.concept in _CONTINUOUS for p in preds)
        if not continuous and not all(isinstance(p, Predicate) and p.concept in _COURSES and p.value is None for p in preds):
            continue
        before = text[max(0, it.start - 120): it.start]
        lead = None
        for lead in _NOW_LEAD.finditer(before):
            pass
        if lead is None and 0 <= listed_end <= it.start and _LIST_GAP.fullmatch(text, listed_end, it.start):
            # the next member of a list a lead made current, past the lead's reach ("Concurrent MDS
            # therapies, including lenalidomide, erythropoietin, ..., G-CSF, granulocyte-macrophage
            # colony-stimulating factor"): current as the member before it (read as ever, a
            # growth factor stopped a year ago excluded the patient)
            before, lead = "", _NO_WORDS.match("")
        if exclusion:
            for patients in _NOW_PATIENTS.finditer(before):
                if lead is None or patients.start() > lead.start():
                    lead = patients
            # ... the participle taken into a class's item ("Subjects receiving enzyme-inducing
            # anticonvulsants", "Patients receiving antidepressants", "11.2. Receiving enzyme
            # inducing anti-epileptic drugs": drug_classes' lead): the patients before it, or the
            # line's start, say it is now (read as ever, a course stopped a year ago excluded)
            if lead is None and _OWN_PARTICIPLE.match(text, it.start):
                lead = _PATIENTS_BEFORE.search(before)
        if exclusion and continuous:
            for need in _NOW_NEED.finditer(before):
                sentence = re.split(r"[.;:]", text[: it.start - len(before) + need.start()])[-1]
                if (
                    (lead is None or need.start() > lead.start()) and not _NEED_LATER.search(sentence)
                    and (not _HISTORY_CUE.search(sentence) or _TRANSPLANT_NEEDS.search(sentence))
                    and not _NEED_TO_START.match(before, need.end())
                ):
                    lead = need
        if lead is None or _NOW_BREAK.search(before[lead.end():]) or _PAST_OR.search(before[: lead.start()]):
            continue
        listed_end = it.end
        if continuous:
            now = [predicate(p.concept, Op.WITHIN, None, None, False, NOW) for p in preds if isinstance(p, Predicate)]
            it.expr = any_of(list(now))
            if OR_RECENT.match(before, lead.end()):  # "current or recent use of": an older record left to a person
                it.expr = current_or_recent(now, [p for p in preds if isinstance(p, Predicate)])
                it.start = it.start - len(before) + lead.start()
                listed_end = -1  # (the list's next member is no "current or recent" of its own)
            continue
        under_way = [predicate(p.concept, Op.WITHIN, None, None, False, COURSE_NOW) for p in preds if isinstance(p, Predicate)]
        maybe = [predicate(p.concept, Op.WITHIN, None, None, False, COURSE_MAYBE) for p in preds if isinstance(p, Predicate)]
        it.expr = any_of([*under_way, all_of([any_of(maybe), Qualifier(ReviewReason.AMBIGUOUS, _COURSE_OPEN)])])


# "history of", "prior", "previously": a condition resolved since still counts; "active",
# "current", "concurrent" ask for one that is not. A resolved record counts only by its date,
# so the line asks "active, or on record within a lifetime" (an undated resolved one: unknown).
_HISTORY_CUE = re.compile(r"\b(?:history|prior|previous(?:ly)?|past|ever|had|have\s+had|diagnosed\s+with)\b", I)
_ACTIVE_CUE = re.compile(r"\b(?:active|current(?:ly)?|concurrent|concomitant|ongoing|present|existing|uncontrolled|requiring|symptomatic)\b", I)
_EVER_PHRASE = re.compile(EVER_PHRASE, I)  # "existing or past": a history, whether active or not
_EVER_CONCEPTS = frozenset({
    "other_malignancy", "autoimmune_disease", "brain_metastases",
    # a resolved infarction, stroke or clot is still a history of one ("No history of cardiac disease")
    "cardiac_disease", "myocardial_infarction", "heart_failure", "arrhythmia", "coronary_artery_disease", "unstable_angina",
    "stroke", "thromboembolism", "interstitial_lung_disease", "gi_perforation", "bowel_obstruction", "peptic_ulcer", "tuberculosis",
    # a revascularization done years ago is a history of one ("History of coronary revascularization")
    "coronary_revascularization",
    # a CNS disease or epilepsy in the past is a history of one ("Existing or past CNS disease")
    "cns_disorder", "seizure_disorder",
    # the organ diseases (topics.organ_disease): a past one is a history of one too
    "cardiovascular_disease", "angina", "cardiomyopathy", "pulmonary_hypertension", "hypertensive_crisis",
    "thyroid_disease", "hyperthyroidism", "adrenal_disorder", "pituitary_disorder", "thrombophilia",
    # a resolved pancreatitis is a history of one ("History of any L-asparaginase induced pancreatitis")
    "pancreatitis",
    # a pericarditis that has resolved is a history of one ("Previous pericarditis")
    "pericarditis",
})
LIFETIME = Window(100.0, "years")
_ANY_WINDOW = re.compile(r"\b(?:within|in\s+(?:the\s+)?(?:past|last|previous)|during\s+the\s+(?:past|last))\b|\b(?:disease|cancer|tumou?r)[\s-]*free\b", I)


# examples in parentheses after an event ("any type of immunotherapy (example, tumor vaccines,
# chimeric antigen receptor T-cells)", "(e.g., ...)", "(such as ...)"): instances of it, asked
# as it is asked (the same window), never a further requirement; their other words restate it
_EXAMPLES_PAREN = re.compile(r"\(\s*(?:e\.\s?g\.?|eg\b|examples?|for\s+(?:example|instance)|such\s+as|including|like)\s*[,:]?[^()]{1,160}\)", I)


def _examples_of(text: str, items: list[Item]) -> None:
    if "(" not in text:
        return
    for m in _EXAMPLES_PAREN.finditer(text):
        head = next((it for it in items if isinstance(it.expr, Predicate) and 0 <= m.start() - it.end <= 2), None)
        inside = sorted((it for it in items if m.start() <= it.start < m.end()), key=lambda it: it.start)
        if head is None or not inside or not all(isinstance(it.expr, Predicate) and _is_event(it.expr.concept) for it in inside):
            continue
        assert isinstance(head.expr, Predicate)
        windowed = next((it.expr for it in inside if isinstance(it.expr, Predicate) and it.expr.window is not None), None)
        if head.expr.op is Op.PRESENT and windowed is not None:  # "X (e.g., Y) within 30 days": the window is X's
            head.expr = predicate(head.expr.concept, windowed.op, head.expr.value, None, False, windowed.window)
        for it in inside:
            pred = it.expr
            assert isinstance(pred, Predicate)
            if pred.op is Op.PRESENT and head.expr.window is not None:
                it.expr = predicate(pred.concept, head.expr.op, pred.value, None, False, head.expr.window)
        edges = [m.start(), *[x for it in inside for x in (it.start, it.end)], m.end()]
        for a, b in zip(edges[::2], edges[1::2]):
            if b > a and all(b <= it.start or a >= it.end for it in items):
                items.append(Item(a, b, None, frozenset()))


def _is_event(concept: str) -> bool:
    return concept in CONCEPTS and CONCEPTS[concept].kind is Kind.EVENT


# a blood cancer the patient had: in an exclusion, "No prior history of acute myeloid leukemia",
# "history of MDS" ask one in remission or resolved too (read as the current disease, an AML in
# remission for years passed the exclusion). In an inclusion the words mostly describe the disease
# the trial treats ("previously treated AML"), which must be current: left as written there.
# (the history said in words, "history", "prior", "previous", "past", "ever": "Patients diagnosed
# with APL" or "who had AML" name the disease the patient has, as before)
_DIAGNOSIS_HISTORY_CUE = re.compile(r"\b(?:history|prior|previous(?:ly)?|past|ever)\b", I)
_EVER_DIAGNOSES = HEMATOLOGIC_DISEASES


# an inclusion that forbids a history outright ("No history of AML", "No prior history of MDS")
# asks as an exclusion does: a blood cancer in remission or resolved is one (read as the current
# disease, an AML four years in remission met the line)
_NO_HISTORY_OF = re.compile(r"\s*(?:no|never)\s+(?:(?:known|prior|previous|past)\s+)?history\s+of\b", I)


def _ever(text: str, items: list[Item], exclusion: bool = False) -> None:
    for it in items:
        pred = it.expr
        ever_asked = _EVER_CONCEPTS | _EVER_DIAGNOSES | HISTORY_CANCERS if exclusion else _EVER_CONCEPTS
        if not (isinstance(pred, Predicate) and pred.concept in ever_asked and pred.op is Op.PRESENT):
            continue
        listed = exclusion and listed_history(text, it.start, it.end) and not _ANY_WINDOW.search(text)  # "History of A, B, C or D" (its anchored lead fails first on most lines)
        if listed:
            it.expr = any_of([pred, predicate(pred.concept, Op.WITHIN, pred.value, None, False, LIFETIME)])
            continue
        if pred.concept in HISTORY_CANCERS and not history_named(text[max(0, it.start - 40): it.start], pred.concept, CriterionType.EXCLUSION):
            continue  # a solid cancer is a history only straight after "history of" (topics.cancer_history), never a therapy's indication
        if pred.concept in _EVER_DIAGNOSES and pred.concept not in _EVER_CONCEPTS:
            near = text[max(0, it.start - 40): it.start] + " " + text[it.end: it.end + 20]
            if not _DIAGNOSIS_HISTORY_CUE.search(near) or _ACTIVE_CUE.search(near) or _ANY_WINDOW.search(text):
                continue
        near = text[max(0, it.start - 40): it.start] + " " + text[it.start: it.end] + " " + text[it.end: it.end + 20]
        if (_EVER_PHRASE.search(near) or _HISTORY_CUE.search(near) and not _ACTIVE_CUE.search(near)) and not _ANY_WINDOW.search(text):
            it.expr = any_of([pred, predicate(pred.concept, Op.WITHIN, pred.value, None, False, LIFETIME)])


_GI_ANY = ("whether the digestive disorder on record (reflux, gastritis, a functional bowel disorder, diverticulosis, "
           "haemorrhoids, a polyp) is the gastrointestinal disease the line means")


_LIVER_INJURY_CAUSE = re.compile(r"\b(?:drug|medication|treatment|therapy|chemotherapy)[\s-]+(?:induced|related)\s+$", I)


def _gastrointestinal(text: str, start: int, end: int) -> Expr:
    """"Gastrointestinal disease" (topics.organ_disease): an organic disease of the digestive tract
    (``gastrointestinal_disease``: colitis, ulcer, obstruction, bleeding ...) is one; any other disease
    of the tract on record may or may not be what the line means, so it leaves the line to a person.
    A history cue ("history of GI disease") counts a resolved one too, as ``_ever`` does."""
    near = text[max(0, start - 40): start] + " " + text[start:end] + " " + text[end: end + 20]
    ever = bool((_EVER_PHRASE.search(near) or _HISTORY_CUE.search(near) and not _ACTIVE_CUE.search(near)) and not _ANY_WINDOW.search(text))

    def asked(concept: str) -> Expr:
        pred = predicate(concept, Op.PRESENT)
        return any_of([pred, predicate(concept, Op.WITHIN, None, None, False, LIFETIME)]) if ever else pred

    return any_of([asked("gastrointestinal_disease"), all_of([asked("digestive_tract_disease"), Qualifier(ReviewReason.AMBIGUOUS, _GI_ANY)])])


def _car_t_target_unknown(items: list[Item]) -> None:
    """"Prior CD19-directed therapy": a CAR-T recorded without its target may have been one."""
    for it in items:
        pred = it.expr
        if isinstance(pred, Predicate) and pred.concept in ("cd19_directed_therapy", "cd22_directed_therapy") and pred.op in (Op.PRESENT, Op.WITHIN):
            car_t = predicate("car_t", pred.op, None, None, False, pred.window)
            it.expr = any_of([pred, all_of([car_t, Qualifier(ReviewReason.AMBIGUOUS, _CAR_T_TARGET_UNKNOWN)])])


# words before a therapy that say it is taken, not something else ("Dependence on corticosteroids");
# "long-term", "prolonged", "continuous" and "regular" use say what "chronic" does ("Long term use
# of systemic corticosteroids (5mg per day for 2 weeks)", "prolonged use of oral corticosteroids
# (> 1 month)", "Regular treatment with corticosteroids within the 4 weeks"; 9 corpus lines before
# a steroid or immunosuppressant): the dose or span they may add is read where it is written
_THERAPY_LEAD = re.compile(
    r"(?:immunosuppressive\s+(?:doses?|dosages?)\s+of|dependen(?:ce|t|cy)\s+(?:on|upon)|chronic\s+(?:daily\s+)?(?:use\s+of|treatment\s+with|administration\s+of)|requir\w*\s+chronic(?:\s+(?:daily\s+)?(?:use\s+of|treatment\s+with))?|chronic"
    r"|(?:long[\s-]?term|prolonged|continuous|regular)\s+(?:daily\s+)?(?:use\s+of|treatment\s+(?:with|of)|administration\s+of|therapy\s+with|intake\s+of))\s+(?:the\s+)?(?:systemic\s+|oral\s+|daily\s+)*$",
    I,
)
_LEAD_THERAPIES = frozenset({"steroid_therapy", "immunosuppressant_therapy", "anticoagulant_therapy", "vitamin_k_antagonist", "growth_factor", "esa", "iron_chelator"})


# a transplant or cell therapy that is planned, or the patient's candidacy for it ("patients who
# are candidates for allogeneic SCT", "eligible for autologous stem cell transplant", "scheduled
# for HSCT", "not felt to be a good candidate for an allogeneic transplantation", "no planned
# allogeneic SCT"; 39 corpus lines), or the one the trial gives ("Patients receiving allogeneic
# hematopoietic transplants from an unrelated donor", "willing to undergo ... stem cell transplant",
# "or are to receive bone marrow transplant"): the record holds what was done, never what is
# intended, so a person judges it; it is never read as a prior transplant
_PLANNED = re.compile(
    r"\b(?:(?:in)?eligib(?:le|ility)|candida(?:te|tes|cy)|(?:un)?suitab(?:le|ility)|(?:un)?fit|plan(?:s|ned|ning)?|scheduled|intend\w*|intention|referred|"
    r"considered|consideration|proceed\w*|awaiting|destined|deferred|receiv(?:e|ing)|undergo(?:ing)?|requires?|needs?"
    # (a transplant the disease calls for: "if their disease status required emergent stem cell
    # transplant and they could not wait 2-3 months for a donor search")
    r"|(?:required|needed)\s+(?:an?\s+)?(?:emergent|urgent|immediate))\b(?:\s+[\w/()-]+){0,5}?"
    # (the transplant named as the example of what the patient is a candidate for: "Candidates for
    # potentially curative therapy, such as hematopoietic stem cell transplantation (HSCT)"; read as
    # a transplant received, a patient after an autologous transplant was excluded, holdout T323)
    r"(?:\s*,?\s+(?:such\s+as|e\.\s?g\.|eg\.?|for\s+example|including)\s*,?)?\s*$",
    I,
)
# the same judgement written after the transplant: "a diagnosis in which allogeneic HSCT is
# thought to be beneficial", "for whom ... transplantation is deemed clinically appropriate",
# "disorders for which allogeneic stem cell transplantation is appropriate" (read as a transplant
# received, every patient not yet transplanted failed the line)
_INDICATED = re.compile(
    r"\s*(?:is|are|would\s+be|will\s+be)\s+(?:(?:thought|felt|considered|deemed|believed|judged)\s+(?:to\s+be\s+)?)?(?:clinically\s+|medically\s+)?"
    r"(?:beneficial|appropriate|indicated|recommended)\b"
    # "who do not have an allogeneic stem cell transplant option": the transplant as a prospect
    r"|\s+options?\b",
    I,
)
_HAD_OR_PLANNED = re.compile(r"\b(?:prior|previous|history\s+of|received|had)\s+(?:or|and/or)\s+plan\w*\s*$", I)
# words between that speak of a transplant done ("eligible if relapsed after HSCT")
_DONE = re.compile(r"\b(?:had|has|have|received|prior|previous\w*|history|after|following|post|relapse\w*|since)\b", I)
_ABBREVIATION = re.compile(r"\s*\([^()]{1,15}\)")
_SPAN_NEXT = re.compile(r"\s*(?:at\s+least|[≥>]|more\s+than|within)\s*\d", re.I)
_TRANSPLANT_GLOSS = re.compile(r"\s*\(\s*(?:allo-?|auto-?|a|allo|auto)?(?:HSCT|HCT|SCT|BMT|PBSCT)\s*\)", re.I)


# "treat GvHD 2 weeks before treatment": a span before the study's start written without "within"
_BARE_BEFORE = re.compile(r"(?P<kind>)(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?)\s+(?:before|prior\s+to)\b", I)
_FOR_GAP = re.compile(r"[\s,]*(?:for\s+)?", I)
_PERMITS = re.compile(r"\b(?:allowed|permitted|acceptable|may\s+(?:be\s+(?:allowed|included|enrolled|eligible)|continue|participate|enroll))\b", I)




_OFF_LEAD = re.compile(r"\b(?:off|stopped|discontinued)\s+(?:all\s+|any\s+)?$", I)


_MUST_BE_OFF = re.compile(r"\b(?:must|should|shall|will|needs?\s+to|has\s+to|have\s+to)\s+(?:have\s+)?(?:be(?:en)?\s+)?off(?:\s+of)?$", I)
_GOVERNED = re.compile(r"\s*(?:of\s+)?(?:(?:all|any|the|other|prior|previous)\s+){0,3}", I)
_OFF_FOR = re.compile(r"\b(?:not\s+(?:had|received|taken|used|been\s+(?:on|given|treated\s+with))|no\s+(?:\w+\s+){0,2}(?:for|in)|off|free\s+of)\b", I)


# between a window and the event it is written for: "... prior to registration for autologous ..."
_WINDOW_FOR = re.compile(r"\s*(?:(?:the\s+)?(?:registration|enrol{1,2}ment|study\s+entry|randomi[sz]ation)\s+)?for\s+(?:an?\s+|the\s+|prior\s+)?", I)


def _windowed(item: Item) -> bool:
    return isinstance(item.expr, Predicate) and item.expr.window is not None


def _window(m: re.Match[str]) -> tuple[Op, Window] | None:
    unit = m.group("unit").lower().rstrip("s")
    if unit == "hour":
        amount = float(m.group("n") or 1) / 24
        unit = "day"
    else:
        amount = float(m.group("n") or 1)
    kind = m.group("kind").lower()
    window = Window(amount=amount, unit=unit + "s")
    if kind.startswith("at least") or kind == "≥":
        # "at least 2 weeks since", "≥ 100 days since": the bound itself meets it, so what must
        # not be is a record inside the window that ends the day before (Window.exclusive);
        # "> 4 weeks since" is the closed window's complement as it stands
        return Op.NOT_WITHIN, Window(amount=amount, unit=unit + "s", exclusive=True)
    if kind == ">":
        return Op.NOT_WITHIN, window
    return Op.WITHIN, window


# what makes a transfusion named on a line no transfusion given: a need foreseen, a response to
# transfusions, the patient's refusal or inability to receive them
_TRANSFUSIONS = frozenset({"transfusion", "platelet_transfusion", "rbc_transfusion"})
_TRANSFUSION_OTHER = re.compile(
    r"\b(?:need\w*|requir\w*|anticipat\w*|expect\w*|plann\w*|refractor\w*|dependen\w*|cannot|can\s*not|unable|impossible|refus\w*|accept\w*|reactions?|"
    r"alloimmuni[sz]\w*)\b(?:\s+(?:to|for|of|on|upon|receive|the|any|an?|blood|red|cells?|or|and|repeated|regular|frequent|chronic|multiple|ongoing))*[\s,/]*(?:(?:red\s+(?:blood\s+)?cells?|RBCs?|platelets?|blood)\s*(?:,|or|and|/)?\s*){0,2}$",
    I,
)


# a permission ("blood transfusion not permitted within 2 weeks", "transfusion allowed"): the
# remark's, read with its count or left to a person
_TRANSFUSION_PERMITTED = re.compile(r"\s*(?:is\s+|are\s+)?(?:not\s+)?(?:permitted|allowed|acceptable)\b", I)
# a line about blood counts or transfusion independence: there a transfusion says how the count
# was reached ("Hb >= 9 without transfusions", "may be achieved by transfusion", "must be obtained
# 3 days after any transfusion"), which the lab topic reads as a note; read as an event of its own
# it became a requirement or an alternative to the count
_BLOOD_COUNT_LINE = re.compile(
    r"h(?:a)?emoglobin|\bhgb\b|\bhb\b|platelets?\s*(?:count|\(PLT\))?\s*(?:of\s+)?(?:[≥>≤<]|greater|at\s+least|more)|platelet\s+count|\bPLT\b|neutrophil|\bANC\b|"
    r"blood\s+(?:routine|counts?)|routine\s+blood|bone\s+marrow\s+(?:function|reserve)|ha?ematolog|laboratory|organ\s+function|independen",
    I,
)
_TRANSFUSION_NOT_GIVEN = re.compile(r"[^.;]{0,40}?\b(?:is|are|be)\s+(?:impossible|not\s+possible|contraindicated|refused)\b", I)


# the notes registries put under a live-vaccine exclusion (examples of live vaccines; injected
# seasonal influenza vaccines are killed and allowed; intranasal ones are live): they restate the
# concept, they add no requirement (the bounded repetitions keep each note to one sentence)
_VACCINE_NOTE = re.compile(
    r"examples\s+of\s+(?:live\s+)?(?:attenuated\s+)?(?:virus\s+)?vaccines?\s+include[^.;]{0,400}"
    r"|(?:seasonal\s+)?(?:influenza|flu)\s+vaccines?\s+(?:for\s+injection\s+)?(?:are|is)\s+(?:generally\s+)?(?:killed|inactivated)[^.;]{0,160}"
    r"|(?:however,?\s+)?intranasal\s+(?:influenza\s+)?vaccines?[^.;]{0,80}?\bare\s+live(?:\s+attenuated)?\s+vaccines?(?:\s+and\s+are\s+not\s+allowed)?",
    I,
)


# "malignancy other than ALL", "cancers other than non-melanoma skin cancer within 5 years": another
# malignancy, where the cancers named after "other than" do not count (the trial's own disease, or
# an exception). They go into the predicate's value, which ``coded.resolve`` joins with the
# trial's own diseases; the lazy tail stops at the first word that ends the named cancers.
# the words for a malignancy that "other than" follows ("any prior malignancy other than ...")
_MALIGNANCY_WORDS = (
    # ("another active cancer other than ...", "Other primary malignancies (other than ...)": the
    # "another" is the line's own word for what it counts; left outside, it stayed a review beside
    # the malignancy read, and no record decided the line; 10 corpus lines)
    r"(?:(?:another|any\s+other|other)\s+)?(?:(?:any|active|invasive|primary|prior|previous|concurrent|known|second|additional|currently\s+active)\s+){0,2}"
    r"(?:malignan(?:cy|cies)|malignant\s+(?:tumou?rs?|diseases?|neoplasms?)|cancers?|tumou?rs?|neoplasms?)"
)
_ANOTHER = re.compile(r"(?:another|any\s+other|other)\s", I)  # the line's own word for what it counts (unnamed_exceptions)
_OTHER_THAN = re.compile(
    _MALIGNANCY_WORDS + r"(?:\s+history)?"
    r"\s*[(\[]?\s*other\s+than\s+(?:the\s+|a\s+|an\s+)?(?P<x>[^;:,()\[\]<>≤≥\d]{1,120}?)"
    # "other than that which is defined by the inclusion criteria for this protocol": the trial's own
    r"(?:\s+(?:which|that)\s+(?:is|are)\s+(?:defined|described|specified|required|listed)\s+(?:by|in)\s+(?:the\s+)?(?:inclusion\s+criteria|protocol)"
    r"(?:\s+(?:for|of)\s+(?:this|the)\s+(?:protocol|study|trial))?)?"
    r"(?=\s*(?:[;:,()\[\]<>≤≥\d]|$)|\s+(?:within|in\s+(?:the\s+)?(?:past|last|previous)|during|except|excluding|unless|that|which|who|with|for\s+which|prior\s+to|before|diagnosed|treated\s+with|requiring|or\s+(?:any|other|another|a\s+history|history))\b)",
    I,
)


_IN_SITU_RE = re.compile(_HISTORY[[c for c, _, _ in _HISTORY].index("carcinoma_in_situ")][1], I)


# The sites of carcinoma in situ a record codes apart (D06, D05, D09.0) and the lines name in
# the exceptions of "another malignancy": "carcinoma in situ of the (uterine) cervix", "CIS of the
# bladder", "in situ carcinoma of the breast or cervix", "cervical carcinoma in situ", "in situ
# cervical cancer". Read with its site, the exception is decided where the record can decide
# it; the site left unread kept a review beside any carcinoma in situ. A site followed by a
# cancer word is that cancer, invasive ("carcinoma in situ of the cervix or breast cancer"),
# never a site of the in situ one.
_SITE = {"cervical_carcinoma_in_situ": r"cervi(?:x|cal)", "breast_carcinoma_in_situ": r"breast", "bladder_carcinoma_in_situ": r"bladder"}
_SITE_NOUN = r"(?:(?:the\s+)?(?:uterine\s+)?cervix(?:\s+(?:uteri|colli))?|(?:the\s+)?breasts?|(?:the\s+)?(?:urinary\s+)?bladder)"
_IN_SITU_SITE_AFTER = re.compile(
    r"(?:\s*\((?:D|L)?CIS\))?\s+(?:(?:of|in)\s+(?=(?:the\s+)?(?:uterine\s+|urinary\s+)?(?:cervix|breast|bladder))|(?=(?:uterine\s+)?cervix\b))"
    r"(?P<sites>" + _SITE_NOUN + r"(?:\s*(?:,|/|,?\s*(?:and/or|or|and))\s*" + _SITE_NOUN + r"){0,2})\b"
    r"(?!\s*(?:-|cancers?|carcinomas?|tumou?rs?|neoplas\w*|malignan\w*))",
    I,
)
_IN_SITU_SITE_BEFORE = re.compile(r"\b(?:cervical|(?:(?:ductal|lobular)\s+)?breast|(?:urinary\s+)?bladder)\s+$", I)


def _in_situ_sites(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Carcinoma in situ read with the sites around it (``_SITE``), one span each: the first
    takes the in situ words, each further one its own noun, so the "or" between them stays the
    line's to read ("carcinoma in situ of the cervix or breast"); empty when no site is named."""
    inside = re.search(r"situ\s+(cervi(?:x|cal))\s", text[start:end], I)
    if inside is not None:  # "in situ cervical cancer"
        return [(start, end, "cervical_carcinoma_in_situ")]
    found: list[tuple[int, int, str]] = []
    after = _IN_SITU_SITE_AFTER.match(text, end)
    if after is not None:
        for noun in re.finditer(_SITE_NOUN, after.group("sites"), I):
            concept = next(c for c, site in _SITE.items() if re.search(site, noun.group(0), I))
            found.append((after.start("sites") + noun.start(), after.start("sites") + noun.end(), concept))
        found[0] = (start, found[0][1], found[0][2])
        return found
    before = _IN_SITU_SITE_BEFORE.search(text, max(0, start - 30), start)
    if before is not None:  # "cervical carcinoma in situ"
        return [(before.start(), end, next(c for c, site in _SITE.items() if re.search(site, before.group(0), I)))]
    return []


# "newly diagnosed" and "untreated" speak of the trial's disease only when a disease follows them
# ("newly diagnosed AML", "untreated AML", "previously untreated disease") or nothing does (the line
# "Newly diagnosed"); "untreated brain metastases" or "newly diagnosed brain metastases" are
# another subject (the lazy gap is bounded and stops at punctuation)
_NEWLY = re.compile(r"\bnewly[\s-]+diagnosed\b|\bprimary\s+diagnosis\b(?=\s+of\b)", I)
_NAIVE = re.compile(r"\b(?:previously\s+untreated|(?:systemic\s+)?(?:treatment|therapy|chemo(?:therapy)?)[\s-]+na[iï]ve|untreated)\b", I)
_DISEASE_NEXT = re.compile(r"[\s,]{0,3}(?:(?:and|or|with|of|previously|untreated|histologically|cytologically|pathologically|confirmed|de\s+novo|secondary|the|an?|stage\s+\w{1,5})[\s,]+){0,4}", I)
_DISEASE_WORD = re.compile(r"(?:disease|leukemi\w*|lymphoma|myeloma|malignanc\w*|cancer|carcinoma|tumou?r|neoplasm|MDS|myelodysplas\w*)\b", I)
_OTHER_SUBJECT = re.compile(r"(?:brain|CNS|central|leptomening|spinal|metasta|infection|hepatitis|thrombo|embol|fracture|hypertension|diabetes|seizure)", I)


_IF_BEFORE = re.compile(r"\b(?:if|when|for)\s+(?:the\s+)?(?:patients?|subjects?|participants?|those)?\s*(?:who\s+)?(?:has|have|with)?\s*$", I)


def _disease_after(text: str, end: int, alone: bool) -> bool:
    """Whether the trial's disease is what follows ``end`` (or, ``alone``, nothing at all)."""
    rest = text[end: end + 80]
    if alone and not rest.strip(" ,.;:()"):
        return True
    gap = _DISEASE_NEXT.match(rest)
    at = rest[gap.end() if gap else 0:]
    if _OTHER_SUBJECT.match(at):
        return False
    if _DISEASE_WORD.match(at) or any(p.match(at) for _, p in _DIAG_RES) or any(p.match(at) for _, p, _g in _CANCER_RES):
        return True
    return alone and bool(re.match(r"\s*(?:[,;.(]|$)", rest))


# (normalisation writes "failed to achieve complete remission" as "refractory disease"; a
# "refractory" listed beside "relapsed" is another alternative, not this line's failure)
_PRIMARY_FAILURE = re.compile(
    r"\bfail\w*\s+to\s+(?:achieve|attain|obtain|enter|go\s+into)\b|\binduction\s+failure\b|(?<!\bor\s)(?<!relapsed,\s)(?<!/)\brefractory\s+disease\b", I
)


# The patient's leukaemia "in complete remission" asked as a requirement ("with AML, in
# pathologically confirmed complete remission following anti-leukemic therapy", "In first
# complete remission (CR1)", "in CR2"): the remission a record codes (ICD-10-CM fifth character 1,
# clinicalStatus remission). Which remission it is (first, second) no record holds: a person's.
# Read only in a line about a leukaemia and never where another cancer's remission is meant
# ("... adequately treated stage I or II cancer in complete remission", "unless in complete
# remission and off therapy"): 56 corpus lines say "in complete remission / CR", most of them so.
_IN_REMISSION = re.compile(
    r"\bin\s+(?:a\s+)?(?:(?:pathologically|morphologically|hematologically|histologically|clinically)\s+)?(?:(?:confirmed|documented|proven)\s+)?"
    r"(?:(?P<nth>first|second|third|1st|2nd|3rd)\s+(?:or\s+(?P<more>second|third|subsequent|later|greater)\s+)?)?"
    # (or a remission with no other word, ending the clause or before the relapse it is the alternative
    # of: "In remission", "in 1st or subsequent remission or in relapse"; a leukaemia's remission is its
    # complete one. Followed by more words, "in first remission with high risk of relapse, refractory
    # ...", it is one item of a list the joins do not read, and stays a person's)
    r"(?:complete\s+(?:remission|response)(?:\s*\(\s*CR\s*[123]?\s*\))?|(?-i:CR)[123]?\b"
    r"|(?:(?:hematologic(?:al)?|morphologic(?:al)?)\s+)?remission\b(?=\s*(?:$|[.;,)]|(?:or|and/or)\s+(?:in\s+)?relapse\s*(?:$|[.;,)])"
    # (or before the relapsed or refractory disease it is the alternative of: "AML, in first or
    # subsequent remission or relapsed/refractory disease, age 51 - 60 years")
    r"|(?:or|and/or)\s+(?:primary\s+)?(?:relapsed|refractory)(?:\s*(?:/|or|and/or)\s*(?:relapsed|refractory))?(?:\s+disease)?\s*(?:$|[.;,)])"
    # (or before how it is established or its definition in brackets, "Must be in remission by
    # morphology (<5% blasts)": still the remission alone)
    r"|by\s+morpholog\w*|\((?!\s*(?:or\b|and\b|CR)))))"
    # the later remissions offered beside it ("in first complete remission [CR1] or subsequent
    # remission", "in CR1 or subsequent remission"): one remission from that one on (the
    # ordinal's count reads both, topics.disease_order); left out, "subsequent remission" stood
    # unread beside a first remission and a second one was left to a person
    r"(?:(?:\s*[(\[]\s*(?-i:CR)\s*[123]?\s*[)\]])?\s*,?\s+or\s+(?:in\s+)?(?:subsequent|later)\s+(?:complete\s+)?(?:remission|(?-i:CR)(?![a-zA-Z0-9])))?"
    # the same remission with its counts not yet recovered, written beside it ("in first CR or
    # complete remission without full platelet recovery (CRp)", "CR (or CRp)", "CR/CRi"): no
    # alternative, a kind of the remission a record codes (8 corpus lines)
    r"(?:\s*\(\s*(?:or\s+)?(?-i:CR[ip])\s*\)|(?:\s*[,/]|\s+or|\s+and/or)\s*(?:(?-i:CR[ip])\b|complete\s+(?:remission|response)\s+with(?:out)?\s+"
    r"(?:incomplete|full|partial)\s+(?:\w+\s+){0,2}recovery(?:\s*\(\s*(?-i:CR[ip])\s*\))?))?"
    # the therapy a remission follows is what a remission is ("following anti-leukemic therapy")
    r"(?:\s+(?:following|after)\s+(?:(?:anti-?leuk\w*|induction|prior|previous|intensive|standard)\s+)?(?:therapy|treatment|chemotherapy))?",
    I,
)
_REMISSION_OTHER = re.compile(
    r"\b(?:cancer|carcinoma|malignan\w*|tumou?r|lymphoma|myeloma|unless|except|excluding|other\s+than|if|when|not|no|never|without|prior|previous|history|"
    r"transplant\w*|HSCT|SCT|BMT|donor)\b",
    I,
)


# The patient's own disease asked to show nothing ("If a subject, no evidence of malignancy, or
# continuously stable disease since completion of therapy", a survivors' study): the line opens
# on it, so the malignancy is the patient's own, never another cancer's (those say "other
# malignancy ... with no evidence of disease for 5 years", the coded topic's). A relapse or a
# refractory disease on record is evidence of it; a remission on record (ICD-10-CM fifth
# character 1, clinicalStatus remission) is none; any other record (a disease without a status,
# a solid tumour, whose status no record codes) is a person's to judge.
_NO_EVIDENCE_OWN = re.compile(
    r"^\W*(?:if\s+(?:a|the)\s+(?:subject|patient|participant)\s*,\s*)?(?:(?:patients?|subjects?|participants?)\s+(?:with|must\s+have|have)\s+)?"
    r"(?P<no>no)\s+(?P<evidence>(?:clinical\s+|radiologic(?:al)?\s+)?evidence\s+of\s+(?:active\s+|residual\s+)?(?:malignan(?:cy|t\s+disease)|disease|leuka?emia|cancer))\b"
    r"(?!\s+(?:progression|recurrence|for|during|within|in|on|at|after|since)\b)"
    # "..., or continuously stable disease since completion of therapy": the other way to show none
    r"(?P<stable>\s*,?\s*or\s+(?:(?:a|continuously)\s+)?stable\s+disease(?:\s+since\s+(?:the\s+)?completion\s+of\s+(?:all\s+)?(?:therapy|treatment))?)?",
    I,
)


def _no_evidence_items(text: str, free) -> list[Item]:
    """The evidence the line's "no" denies: a relapse, a refractory disease, or (no remission on
    record) what a person finds; the line's own "no" negates it."""
    m = _NO_EVIDENCE_OWN.match(text)
    if m is None or not free(m.start("evidence"), m.end("evidence")):
        return []
    words = " ".join(m.group("evidence").split())
    unseen = all_of([Not(predicate("remission", Op.PRESENT)), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words)])
    expr: Expr = any_of([predicate("relapsed", Op.PRESENT), predicate("refractory", Op.PRESENT), unseen])
    start, end = m.start("evidence"), m.end("evidence")
    if NEGATED.match(text) is None or m.group("stable"):
        # "If a subject, no evidence ...": a lead the line's negation does not see; "... or stable
        # disease": a relapse or a refractory disease is no stable disease either
        expr, start, end = Not(expr), m.start("no"), m.end()
        if m.group("stable"):
            stable = " ".join(m.group("stable").split()).lstrip(", ").removeprefix("or ")
            expr = any_of([expr, all_of([Not(predicate("relapsed", Op.PRESENT)), Not(predicate("refractory", Op.PRESENT)),
                                         Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, stable)])])
        if NEGATED.match(text) is not None:
            return []  # "No evidence of disease, or stable disease": the line's "no" would deny both
    return [Item(start, end, expr, frozenset({"relapsed", "refractory", "remission"}))]


# the relapsed or refractory disease a remission is the alternative of, ending the clause ("AML, in
# first or subsequent remission or relapsed/refractory disease, age 51 - 60 years"): read beside it
# as the status's own item (left out, the ordinal's words split and "subsequent remission" stood
# unread). Only where the remission opens its clause (after a comma or a bracket): run on after
# another item ("ALL, age 51 - 60 years in first or subsequent remission or ..."), the joins would
# take that item into the alternatives
_OR_RELAPSED_DISEASE = r"\s+(?:primary\s+)?(?:relapsed|refractory)(?:\s*(?:/|or|and/or)\s*(?:relapsed|refractory))?(?:\s+disease)?\s*(?:$|[.;,)])"


def _remission_asked(text: str, m: re.Match[str]) -> bool:
    """Whether "in complete remission" at ``m`` is the patient's leukaemia asked to be in remission:
    nothing in the sentence before it names another cancer, a condition, a negation or a transplant
    the remission belongs to."""
    sentence = re.split(r"[.;:]\s", text[: m.start()])[-1]
    beside = _OR_RELAPSED_DISEASE if re.search(r"[,(]\s*$", text[: m.start()]) else r"(?!)"
    if re.match(r"\s*(?:\[[^\]]{0,12}\]\s*)?,?\s*(?:or|and/or)\b(?!\s+(?:in\s+)?relapse\s*(?:$|[.;,)])|" + beside + r")", text[m.end():], I):
        return False  # "in 3rd or greater CR or with persistent disease": an alternative the remission is only one of
    return _REMISSION_OTHER.search(sentence) is None


_NOTED_AFTER = re.compile(r"\s*(?:by\s+morpholog|\()", I)
_SENTENCE_BEFORE = re.compile(r"[.;]\s")


def _later_sentence_noted(text: str, m: re.Match[str]) -> bool:
    """Whether a remission read before its method or bracket ("Must be in remission by morphology
    (<5% blasts)") stands after a sentence of the line's own: the clause grammar joins such a
    sentence to the list before it ("...; second or greater CR. Must be in remission ..." made the
    remission one more alternative of that list), so it is read only in the line's first sentence."""
    return _NOTED_AFTER.match(text, m.end()) is not None and _SENTENCE_BEFORE.search(text, 0, m.start()) is not None


def named_diseases(text: str) -> tuple[str, ...]:
    """The diseases a line names (the leukaemias and the cancers): what its "untreated" is of
    (untreated_since.py)."""
    return tuple(c for c, p in _DIAG_RES if p.search(text)) + tuple(c for c, p, _g in _CANCER_RES if p.search(text))


def _new_disease_items(text: str, free) -> list[Item]:
    """"Newly diagnosed": neither relapsed nor refractory (a remission on record may follow a
    treatment the line rules out: review); "untreated", "treatment-naive": no anticancer therapy."""
    items: list[Item] = []
    # "newly diagnosed AML, failed to achieve complete remission with one induction": first-line,
    # and refractory by the line's own words (read as neither, no patient could meet the line)
    primary_failure = _PRIMARY_FAILURE.search(text) is not None
    for m in _NEWLY.finditer(text):
        if free(m.start(), m.end()) and _disease_after(text, m.end(), alone=True) and primary_failure:
            items.append(Item(m.start(), m.end(), Not(predicate("relapsed", Op.PRESENT)), frozenset({"relapsed"})))
        elif free(m.start(), m.end()) and _disease_after(text, m.end(), alone=True):
            # (a remission after a therapy on record is a treated disease: topics.treated_remission)
            expr = all_of([Not(predicate("relapsed", Op.PRESENT)), Not(predicate("refractory", Op.PRESENT)), remission_part(text, m.start())])
            items.append(Item(m.start(), m.end(), expr, frozenset({"relapsed", "refractory", "remission"})))
    for m in _NAIVE.finditer(text):
        bare = m.group(0).lower() == "untreated"
        if free(m.start(), m.end()) and _disease_after(text, m.end(), alone=not bare):
            if _IF_BEFORE.search(text[max(0, m.start() - 40): m.start()]):
                continue  # "if patient has untreated AML, ...": a condition the clause grammar reads whole
            gap = _DISEASE_NEXT.match(text, m.end())
            at = gap.end() if gap else m.end()
            if not (_DISEASE_WORD.match(text, at) or any(p.match(text, at) for _, p in _DIAG_RES)):
                items.append(Item(m.start(), m.end(), Not(predicate("anticancer_therapy", Op.PRESENT)), frozenset({"anticancer_therapy"})))
                continue
            # "previously untreated AML": a disease never treated has not relapsed after treatment
            # nor failed it (read as the therapy alone, a relapsed AML on record was left unknown
            # by any exception the line allows: "except for hydroxyurea")
            untreated = all_of([Not(predicate("anticancer_therapy", Op.PRESENT)), Not(predicate("relapsed", Op.PRESENT)), Not(predicate("refractory", Op.PRESENT))])
            items.append(Item(m.start(), m.end(), untreated, frozenset({"anticancer_therapy", "relapsed", "refractory"})))
    return items


# a drug named by its generic name after "prior treatment with", "received", "exposure to": the
# suffixes of the international nonproprietary names of anticancer and immune drugs (-mab, -nib,
# -clax, -xor, -abine, -rubicin, -taxel, -platin, ...), so a class word ("chemotherapy") or a
# generic one ("agents") never reads as a product; a list of them ("X, Y or Z") is one item
_DRUG = r"[a-z]{2,}(?:mab|nib|lib|clax|xor|abine|rubicin|taxel|platin|lidomide|stat|leucel|tide|mustine|zomib|mycin|relbine|blastine|cristine|strant|depsin|olimus|lisib|parib|ciclib|rafenib|degib|sertib|trexate|fosfamide|poside|tecan|zolomide|rozole|lutamide|asparaginase|arabine|semide|citidine|staurin)"


# a drug named by its generic name with the word for its preparations ("Asparaginase products",
# "lenalidomide-containing medications"): the drug itself, which the record's words name (a class
# word alone, "blood products", names no drug and stays a class)
_PRODUCT_FAMILY = re.compile(
    r"\s*(?:(?:any|all)\s+)?(?P<drug>" + _DRUG + r"|asparaginase|sulfa)(?:[\s-]+(?:based|containing))?\s+(?:products?|preparations?|formulations?|medications?|drugs?)\s*",
    I,
)


_PAYLOAD = r"(?:\s+(?:ozogamicin|vedotin|emtansine|mafodotin|deruxtecan|govitecan|tesirine|pasudotox))?"
_NAMED_DRUGS = re.compile(
    r"(?:(?:prior|previous(?:ly)?)\s+(?:treatment|therapy|exposure|use)\s+(?:with|to|of)|(?:received|receiving|receipt\s+of|treated\s+with|exposure\s+to|use\s+of))\s+(?:(?:an?|any|the)\s+)?"
    # (an antibody's payload is part of its name: "brentuximab vedotin", "trastuzumab emtansine")
    r"(?P<drugs>" + _DRUG + _PAYLOAD + r"(?:\s*(?:,|or|and|and/or|/)\s*(?:or\s+)?" + _DRUG + _PAYLOAD + r"){0,6})\b",
    I,
)


# the drugs given for an earlier disease ("for pre-existing MDS", "for a prior malignancy"): that
# history, not the drugs alone, is what the line asks ("for any indication" still names the drugs)
_FOR_PURPOSE = re.compile(r"\s+for\s+(?:an?\s+|the\s+|their\s+)?(?:pre-?existing|prior|previous|antecedent|preceding|earlier)\b", I)


def _named_drug_items(text: str, free) -> list[Item]:
    """"Prior treatment with selinexor": the products, each compared with the record's words."""
    items: list[Item] = []
    for m in _NAMED_DRUGS.finditer(text):
        names = [d.group(0) for d in re.finditer(_DRUG, m.group("drugs"), I)]
        spans = [(m.start("drugs") + d.start(), m.start("drugs") + d.end()) for d in re.finditer(_DRUG, m.group("drugs"), I)]
        if not names or not all(free(a, b) for a, b in spans):
            continue
        if _FOR_PURPOSE.match(text, m.end()):
            continue  # "Prior therapy with azacitidine or decitabine for pre-existing MDS": what it was for decides
        # "Prior therapy with azacitidine (Vidaza®)", "venetoclax (ABT-199)": the name in brackets
        # is the same drug's, which a record may write instead
        gloss = _BRAND_GLOSS.match(text, m.end())
        end = gloss.end() if gloss else m.end()
        # "received Imatinib, interferon, other anti cancer drug": a product the suffixes miss,
        # listed after them, is one more of them (left, it stood as an unread word beside them)
        listed, after = list(names), end
        while (more := _MORE_PRODUCT.match(text, after)) is not None and " ".join(more.group("name").lower().split()) in PRODUCT_NAMES:
            listed.append(more.group("name"))
            after = more.end()
        # ... unless the list runs on with "and" to what is no product ("cyclophosphamide and a
        # PARP inhibitor": all of them, maybe) or a window further on no reading here dates
        # ("Allopurinol or any other urate lowering therapy (e.g. ...) within 30 days")
        if after > end and not _AND_MORE.match(text, after) and (window_after_products(text, after) is not None or not _WINDOW.search(text, after, _clause_end(text, after))):
            names, end = listed, after
        expr = any_of([predicate("named_medication", Op.IS, n.lower()) for n in [*names, *([gloss.group("name")] if gloss else [])]])
        # (the window may close a list of products and classes the clause runs on with: "Patients
        # who have received Imatinib, interferon, other anti cancer drug or chemotherapy ≤ 1 week"
        # dates the imatinib too; cut at 60 characters, any imatinib ever excluded the patient)
        stop = _CLAUSE_END.search(text, m.end())
        near = _WINDOW.search(text[max(0, m.start() - 60): max(m.end() + 60, stop.start() if stop else len(text))])
        dated = window_after_products(text, end)
        if dated is not None:
            # the window right after the products, counted back from the study's start, dates
            # each product by its own records ("received Nilotinib and Dasatinib ≤4 weeks prior
            # to starting study drug")
            expr = dated_products(expr, dated)
        elif near is not None and near.group("n"):  # a window elsewhere: a person reads which it dates
            expr = all_of([expr, Qualifier(ReviewReason.AMBIGUOUS, f"when it was given: {near.group(0).strip()}")])
        items.append(Item(m.start(), end, expr, frozenset({"named_medication"})))
    return items


_CLAUSE_END = re.compile(r";|\.(?=\s|$)")
_AND_MORE = re.compile(r"\s*(?:,\s*)?and\b(?!/)", I)


def _clause_end(text: str, start: int) -> int:
    """Where the clause ends for a window that may date a list: at a semicolon (a full stop may be
    an abbreviation's, "e.g. Rasburicase")."""
    stop = text.find(";", start)
    return stop if stop >= 0 else len(text)


# one more product after a list of them: ", interferon", " or interferon" (PRODUCT_NAMES decides)
_MORE_PRODUCT = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|\s(?:or|and|and/or)\s+)(?P<name>[a-z][a-z'.-]{0,30}(?:\s[a-z][a-z'.-]{0,30}){0,2}?)(?=\s*(?:,|;|\.|$|\bor\b|\band\b|\s[<≤≥>]|\swithin\b))", I)


# "deemed to be at low risk for recurrence", "< 30% risk of relapse", "high risk of relapse": the
# chance of a relapse is a forecast, never the relapse itself (read as one, "eligible if ... at low
# risk for recurrence of that malignancy" excepted every relapsed patient from the line excluding
# another cancer, and a relapsed AML with a breast cancer 2 years ago passed it)
_RISK_OF = re.compile(r"\brisks?\s+(?:of|for)\s+(?:(?:a|the|an|any|future|further|late)\s+)?$", I)

_BRAND_GLOSS = re.compile(r"\s*\(\s*(?P<name>[A-Za-z][\w-]{2,25})\s*®?\s*\)")

# the same set off by commas when another exception follows it: "Prior history of malignancies,
# other than multiple myeloma, unless the subject has been free of the disease for >= 3 years".
# Read as the line's exception instead, the "unless" joined it and its window dated the trial's
# own disease ("not multiple myeloma within 3 years"), so a myeloma patient diagnosed within 3
# years with another active cancer was not excluded. One named cancer only: a list after the
# comma ("other than MDS, CMML, AML, ...") stays the exception it was.
_OTHER_THAN_ASIDE = re.compile(
    _MALIGNANCY_WORDS + r"\s*,\s*other\s+than\s+(?:the\s+|a\s+|an\s+)?(?P<x>[^;:,()<>≤≥\d]{1,120}?)(?=\s*,\s*(?:unless|except|excluding|provided)\b)",
    I,
)


# the named cancers listed whole inside the bracket "other than" opens ("malignancy (other than
# controlled prostate cancer, in situ cervical cancer, or basal cell cancer of the skin)"): the
# bracket closes the list, so its commas join cancers. Stopped at the first comma, the rest of
# the list became alternatives of the exclusion, and a basal cell carcinoma it excepts excluded
_OTHER_THAN_BRACKET = re.compile(
    _MALIGNANCY_WORDS + r"(?:\s+history)?\s*\(\s*other\s+than\s+(?:the\s+|a\s+|an\s+)?(?P<x>[^;:,()\[\]<>≤≥\d]{1,80}(?:,[^;:,()\[\]<>≤≥\d]{1,80}){1,4})\)",
    I,
)


def _other_than(text: str) -> list[re.Match[str]]:
    bracketed = list(_OTHER_THAN_BRACKET.finditer(text))
    starts = {m.start() for m in bracketed}
    return [*bracketed, *(m for m in _OTHER_THAN.finditer(text) if m.start() not in starts), *_OTHER_THAN_ASIDE.finditer(text)]


def other_than_spans(text: str) -> list[tuple[int, int]]:
    """Where "another malignancy other than X" is written: the clause grammar must not take its
    "other than" for an exception of the line."""
    if "other than" not in text.lower():
        return []
    return (
        [(m.start(), m.end()) for m in _other_than(text)]
        + [(m.start(), m.end()) for m in _HISTOLOGY_OTHER_THAN.finditer(text)]
        + [(m.start(), m.end()) for m in _INDICATION_OTHER_THAN_SPAN.finditer(text)]
    )


# the indication a therapy was not given for, written whole (its cancer is passed over above)
_INDICATION_OTHER_THAN_SPAN = re.compile(_INDICATION_OTHER_THAN.pattern.removesuffix("$") + r"[^;:,()]{1,60}", I)


# "Cancer histology other than NSCLC", "Histology other than soft-tissue sarcoma": the patient's own
# cancer is of another kind, so the named one decides (a cancer recorded without its histology,
# "lung cancer", leaves it unknown through the catalogue's hierarchy)
_HISTOLOGY_OTHER_THAN = re.compile(
    r"(?:(?:cancer|tumou?r)\s+)?(?:histolog(?:y|ies|ical\s+(?:sub)?types?)|histotypes?|(?:tumou?r|cancer)\s+types?)\s+other\s+than\s+(?:the\s+|a\s+|an\s+)?(?P<x>[^;:()<>≤≥\d]{2,80}?)(?=\s*(?:[;:()<>≤≥\d.]|$))",
    I,
)


def _histology_items(text: str, free) -> list[Item]:
    items: list[Item] = []
    for m in _HISTOLOGY_OTHER_THAN.finditer(text):
        if not free(m.start(), m.end()):
            continue
        named = m.group("x")
        concepts = [c for c, p in _DIAG_RES if p.search(named)] + [c for c, p, _g in _CANCER_RES if p.search(named)]
        before = text[: m.start("x")]
        if not concepts or any(p.search(before) for c, p in _DIAG_RES if c in concepts) or any(p.search(before) for c, p, _g in _CANCER_RES if c in concepts):
            continue  # "other than those described in the inclusion criteria", "lymphoma histologies other than DLBCL": a person reads it
        items.append(Item(m.start(), m.end(), Not(any_of([predicate(c, Op.PRESENT) for c in dict.fromkeys(concepts)])), frozenset(concepts)))
    return items


def _other_than_items(text: str, free) -> list[Item]:
    """Another malignancy with the cancers the line says it is "other than"."""
    items: list[Item] = []
    for m in _other_than(text):
        if not free(m.start(), m.end()):
            continue
        named = text[m.start("x"): m.end("x")]
        excepted: list[str] = []
        for concept, pattern in _DIAG_RES:
            if pattern.search(named):
                excepted.append(concept)
        for concept, pattern, _gate in _CANCER_RES:
            if pattern.search(named):
                excepted.append(concept)
        if _IN_SITU_RE.search(named):
            excepted.append("carcinoma_in_situ")
        value = tuple(dict.fromkeys(excepted)) or None  # none named: "other than the cancer under study"
        items.append(Item(m.start(), m.end(), predicate("other_malignancy", Op.PRESENT, value), frozenset({"other_malignancy"})))
    return items


# what a therapy was given for, between it and the disease: "for", "to treat", "for the treatment
# of", and up to five words that qualify the disease ("for locally advanced or metastatic")
_TREATED_FOR = re.compile(
    r"\s*(?:for|to\s+treat|for\s+(?:the\s+)?(?:treatment|management)\s+of)(?:\s+[\w-]+(?:\s*[,/])?){0,5}\s*",
    I,
)
_NOT_TREATMENTS = frozenset({"gvhd_prophylaxis"})


def therapy_concept(concept: str) -> bool:
    """A treatment a patient is given, not a disease (``_therapy``, for the clause readers)."""
    return _therapy(concept)


def _therapy(concept: str) -> bool:
    """A treatment a patient is given (chemotherapy, a transplant, steroids), not a disease."""
    if concept in _NOT_TREATMENTS:
        return False
    c: str | None = concept
    for _ in range(8):  # the concept tree is shallow; the bound guards a cycle
        if c is None or c not in CONCEPTS:
            return False
        if c == "anticancer_therapy" or c in _GIVEN:
            return True
        c = CONCEPTS[c].parent
    return False


# the words a therapy is named after ("Prior treatment with any CAR-T cell therapy", "Previous
# therapy with any investigational agents", "Prior treatment with biological response modifiers",
# "requiring treatment with systemic steroids"): the therapy's own, never a review beside it (left
# as words, a patient given CAR-T was only "possibly" excluded by a CAR-T trial's line; 23 corpus
# lines, and the usual wording of today's cell-therapy trials)
_NAMED_AFTER = re.compile(r"(?:\b(?:prior|previous(?:ly)?|any)\s+)?\b(?:treatment|therapy|exposure)\s+(?:with|to)\s+(?:(?:an?|any|the)\s+)?$", I)


_RECEIVED_JUST_BEFORE = re.compile(r"\b(?:received|had|been\s+treated\s+with|been\s+given)\s+(?:(?:an?|any|prior|previous)\s+)?[\w-]+(?:\s+[\w-]+)?\s*$", I)
_COUNTED_BEFORE = re.compile(r"\b(?:only|one|two|three|four|five|single|more\s+than|less\s+than|fewer\s+than|at\s+(?:least|most)|maximum|minimum|\d+)\s*$", I)
_DURATION_AFTER = re.compile(r"[^.;]{0,40}?\bfor\s+(?:(?:more|longer|less)\s+than\s+|at\s+least\s+|over\s+|[>≥<≤]\s*)?\d", I)


def with_treatment_leads(items: list[Item], text: str) -> list[Item]:
    """``items`` with each therapy's item grown over the "treatment with" words just before it,
    where no other item holds them."""
    out = []
    for item in items:
        lead = _NAMED_AFTER.search(text, max(0, item.start - 45), item.start) if any(_therapy(c) or c in _TAKEN for c in item.concepts) else None
        if lead is not None and (_COUNTED_BEFORE.search(text, max(0, lead.start() - 25), lead.start()) or _DURATION_AFTER.match(text, item.end)):
            lead = None  # "Only one prior treatment with ...", "... for more than 2 months": a count or a duration the words keep for a person
        if lead is not None and not any(o is not item and o.start < item.start and o.end > lead.start() for o in items):
            item = Item(lead.start(), item.end, item.expr, item.concepts)
        out.append(item)
    return out


# what is given or taken (a therapy, a transplant, a vaccine), which a verb of receiving may lead;
# any other event is a diagnosis, whose window a therapy's verb does not carry
_RECEIVING = re.compile(r"\b(?:receiv\w*|taking|using|treated\s+with|use\s+of)\b", I)
_TAKEN_MORE = frozenset({"anticancer_therapy", "antiretroviral_therapy", "beta_blocker", "diuretic_therapy", "calcium_channel_blocker", "nondihydropyridine_ccb", "anticonvulsant_therapy",
                         "growth_factor", "esa", "iron_chelator", "hydroxyurea", "transfusion", "platelet_transfusion", "rbc_transfusion", "vaccination", "live_vaccine", "antiviral_therapy", "cyp3a4_modulator",
                         "organ_transplant", "anticoagulant_therapy", "vitamin_k_antagonist", "named_medication", "cd19_directed_therapy",
                         "cd22_directed_therapy", "cd33_directed_therapy", "allogeneic_cell_therapy", "donor_cell_infusion"})


_GIVEN = frozenset({"hsct", "allo_hsct", "auto_hsct", "car_t", "car_nk", "steroid_therapy", "immunosuppressant_therapy", "investigational_agent",
                    "radiotherapy", "chemotherapy", "immunotherapy", "targeted_therapy", "hormone_therapy", "surgery", "major_surgery"})


_TAKEN = _GIVEN | _CONTINUOUS | _LEAD_THERAPIES | _DRUG_CLASS_CONCEPTS | _TAKEN_MORE


def _treatment_of(target: Item, events: list[Item], text: str) -> Item | None:
    """The therapy a disease was the indication of ("chemotherapy for breast cancer within 4
    weeks"): a window after the disease dates the therapy, never the diagnosis. Read as the
    disease's, a patient treated last week for a cancer diagnosed years ago was not excluded."""
    e = target.expr
    if not isinstance(e, Predicate) or _therapy(e.concept):
        return None
    earlier = [it for it in events if it.end <= target.start]
    if not earlier:
        return None
    prev = earlier[-1]
    p = prev.expr
    if not (isinstance(p, Predicate) and p.op is Op.PRESENT and p.window is None and _therapy(p.concept)):
        return None
    return prev if _TREATED_FOR.fullmatch(text, prev.end, target.start) else None


# the leukaemia's CNS status by its grade ("must have the status of CNS1 or CNS2 only", "Patients
# must be CNS 1", "Patients will be excluded if they have CNS 3 disease"): CNS1 is no involvement,
# CNS2 and CNS3 involvement the record does not grade. Read as CNS involvement whatever the
# grade, "CNS1 or CNS2" failed every patient without involvement.
# an ordinal right before a relapse ("first relapse", "2nd marrow relapse"); "second or greater
# relapse", "first or subsequent relapse" name any relapse and are left as they read
_NTH_BEFORE = re.compile(
    r"\b(?:first|1st|second|2nd|third|3rd)\s+(?:(?:hematologic(?:al)?|bone\s+marrow|marrow|morphologic(?:al)?|untreated|isolated|early|late)\s+)?$", I
)


_CNS_STATUS = re.compile(
    r"\b(?:(?:the\s+)?status\s+of\s+)?CNS\s*-?\s*(?P<g>[123])\b(?P<more>(?:\s*(?:,|/|or|and|and/or|,\s*or)\s*(?:CNS\s*-?\s*)?[123]\b){0,2})"
    r"(?:\s+only)?(?:\s+(?:disease|status|involvement))?",
    I,
)


# "brain or leptomeningeal metastases", "brain/meningeal metastases", "brain or spinal cord
# metastases": two sites sharing one noun, either of which the line names. Read as brain
# metastases alone, a patient with only the other kind was out of the line's reach (an exclusion
# passed him); the other site stays beside it, read where Eligo has the concept
# (leptomeningeal disease), an unread alternative where it has not (a meningeal metastasis may be
# dural; a spinal one is no cord compression).
_BRAIN_AND_OTHER = re.compile(
    r"\b(?:brain|CNS|cerebral|intracranial)\s*(?:,?\s*or|and/or|/|and)\s*(?:(?P<lepto>leptomeningeal)|(?P<mening>meningeal)|(?P<spine>spinal\s+cord|spine|spinal))"
    r"\s+(?:metasta\w*|mets\b|involvement\b|disease\b)",
    I,
)


# the other site's metastasis, unread, lies in a record that holds some spread of a cancer: a
# solid tumour's metastasis anywhere (C77-C79, metastatic disease and its kinds) or a blood
# cancer's own CNS involvement. A record holding neither holds no dural or spinal metastasis
# either: left a bare alternative, such a record was unknown where the line reads no metastasis
# (holdout T71: "untreated brain or meningeal metastases"). Only where the line says metastases:
# a "cerebral/meningeal disease" may be a meningioma, a meningitis or a PML ("..., including
# history of progressive multifocal leukoencephalopathy"), which no spread on record shows
def _other_site(words: str, metastases: bool) -> Expr:
    if not metastases:
        return Alternative(ReviewReason.UNSUPPORTED_CONCEPT, words)
    spread = any_of([predicate("metastatic_disease", Op.PRESENT), predicate("cns_involvement", Op.PRESENT)])
    return all_of([spread, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words)])


def _brain_and_other(m: re.Match[str]) -> Expr:
    brain = predicate("brain_metastases", Op.PRESENT)
    if m.group("lepto"):
        # "Cerebral or leptomeningeal involvement" in a leukaemia or lymphoma trial is the disease's
        # own CNS involvement as a hospital codes it (read as metastases only, a CNS leukaemia on
        # record cleared the line); "metastases" name a solid tumour's spread alone
        own = [predicate("cns_involvement", Op.PRESENT)] if re.search(r"involvement|disease", m.group(0), I) else []
        return any_of([brain, predicate("leptomeningeal_disease", Op.PRESENT), *own])
    other = "meningeal metastases other than leptomeningeal disease" if m.group("mening") else "spinal cord metastases"
    if m.group("mening"):
        # "Known cerebral/meningeal disease" (a lymphoma or leukaemia trial's exclusion) is the
        # disease's own CNS involvement too, as "cerebral or leptomeningeal involvement" is
        # (holdout T141-cns: a CNS leukaemia on record left the line unknown)
        own = [predicate("cns_involvement", Op.PRESENT)] if re.search(r"involvement|disease", m.group(0), I) else []
        return any_of([brain, predicate("leptomeningeal_disease", Op.PRESENT), *own, _other_site(other, not own)])
    return any_of([brain, _other_site(other, not re.search(r"involvement|disease", m.group(0), I))])


# "Known CNS disease", "Active central nervous system malignancy", "Symptomatic CNS lesions",
# "Active involvement of the central nervous system with malignancy", "CNS lymphoma": in the
# trials that write them, the cancer in the central nervous system (metastases, CNS leukemia or
# lymphoma), which a record codes as either. A disorder of the CNS or a primary tumour of it may be
# meant too: a record holding one leaves the line open (an ambiguity beside it), a record holding
# none of them decides. A "primary CNS tumour" is no metastasis and is left alone; so is "CNS
# disease" followed by the disorders it means ("such as seizures"), which the history table reads
# as a CNS disorder, and "CNS disease involvement", which _CNS reads. Its only example the cancer's
# own spread to the meninges ("No history of CNS disease, including carcinomatous meningitis"),
# "CNS disease" is that cancer in the CNS still: left unread, a CNS leukaemia on record did not
# fail the line (holdout T172-cns). Examples naming anything else keep the old reading.
# "Intracranial disease" is the same cancer in the skull (an AML trial's exclusion); other
# intracranial words ("intracranial lesions", "intracranial malignant glioma") measure or name
# the disease a brain-tumour trial is for, and stay unread
_CNS_NAME = r"(?:central\s+nervous\s+system|CNS|intracranial(?=\s+disease\b))(?:\s*\(CNS\))?"
_CNS_DISEASE = re.compile(
    r"(?<!primary\s)(?<!primary\s\()\b(?:malignant\s+)?" + _CNS_NAME + r"\s*(?:(?P<lymph>lymphoma(?:tous\s+involvement)?)|(?P<what>disease|malignan(?:cy|cies)|tumou?rs?|neoplasms?|lesions?|cancer))\b"
    r"(?!\s+(?:tumou?r\s+)?involvement)(?![\s,]*\(?\s*(?:such\s+as|including|e\.\s?g|eg\b|like\b|i\.\s?e|ie\b)(?!\s*(?:carcinomatous|leptomeningeal|neoplastic)\s+mening\w*\s*(?:$|[.;)])))"
    r"|\b(?:involvement\s+of\s+the\s+|malignan(?:cy|t\s+disease)\s+of\s+the\s+)" + _CNS_NAME + r"(?:\s+(?:with|by)\s+(?:malignancy|cancer|tumou?r|lymphoma|leukemia|disease))?",
    I,
)
_PRIMARY_NEAR = re.compile(r"\bprimary\b", I)
_EXAMPLES_OPEN = re.compile(r"\(\s*(?:e\.?\s?g\b|for\s+example|such\s+as|including|like\b)", I)


def _cns_disease_read(text: str, m: re.Match[str], ctype: CriterionType) -> bool:
    """Read as what excludes only: asked for by an inclusion ("recurrent malignant CNS tumors",
    "Primary and metastatic CNS malignancies are eligible", "CNS lesions" in a list of lesions not
    measurable), the words may be the trial's own disease or a primary tumour, which no metastasis
    on record meets; a primary tumour named near them is never a metastasis either."""
    if _PRIMARY_NEAR.search(text, max(0, m.start() - 40), m.end()):
        return False
    opened = text.rfind("(", 0, m.start())
    if opened >= 0 and ")" not in text[opened: m.start()] and _EXAMPLES_OPEN.match(text, opened):
        return False  # "(eg, pulmonary, metabolic, or CNS disease)": an example of what a judgement names
    return ctype is CriterionType.EXCLUSION or m.group("lymph") is not None or NEGATED.match(text) is not None


def _cns_disease(m: re.Match[str], asked: bool = False) -> Expr:
    involved = predicate("cns_involvement", Op.PRESENT)
    if m.group("lymph"):  # a lymphoma's: no solid tumour's metastasis; a primary CNS lymphoma may be coded as the lymphoma only
        maybe = Alternative(ReviewReason.AMBIGUOUS, "whether the lymphoma on record is a primary lymphoma of the central nervous system")
        lymphoma = predicate("lymphoma", Op.PRESENT)
        if asked:
            # asked for ("Central Nervous System (CNS) lymphoma" in a list of the lymphomas a
            # trial is for), it is a lymphoma first: a leukaemia's CNS involvement does not meet it
            return all_of([lymphoma, any_of([involved, maybe])])
        return any_of([involved, all_of([lymphoma, maybe])])
    other = [predicate("glioma", Op.PRESENT)] if m.group("what") and not m.group("what").lower().startswith("disease") else [predicate(c, Op.PRESENT) for c in ("glioma", "cns_disorder", "seizure_disorder", "stroke")]
    maybe = Alternative(ReviewReason.AMBIGUOUS, "whether the line means a disorder or primary tumour of the central nervous system, or the cancer's involvement only")
    return any_of([involved, predicate("brain_metastases", Op.PRESENT), all_of([any_of(other), maybe])])


def _history_asked(text: str, start: int, end: int) -> bool:
    """Whether the words before ``text[start:end]`` ask a history of it ("No history of CNS
    disease", "Has, or history of, brain metastases or CNS disease"): a cue of history right
    before it, none of a current disease, no window. Only before: in "CNS lymphoma or a history
    of meningeal carcinomatosis" the history is the other condition's."""
    near = text[max(0, start - 40): end]
    return bool((_EVER_PHRASE.search(near) or _DIAGNOSIS_HISTORY_CUE.search(near) and not _ACTIVE_CUE.search(near)) and not _ANY_WINDOW.search(text))


def _cns_ever(expr: Expr) -> Expr:
    """The cancer's CNS involvement or brain metastases in ``expr`` counted resolved too: a
    history of CNS disease is one whatever its status now (read as the current one only, a CNS
    leukaemia treated into remission passed "No history of CNS disease")."""
    if isinstance(expr, Predicate) and expr.concept in ("cns_involvement", "brain_metastases") and expr.op is Op.PRESENT:
        return any_of([expr, predicate(expr.concept, Op.WITHIN, expr.value, None, False, LIFETIME)])
    if isinstance(expr, Any_):
        return any_of([_cns_ever(p) for p in expr.parts])
    return expr


def _cns_status(m: re.Match[str]) -> Expr | None:
    grades = {int(d) for d in re.findall(r"[123]", m.group("g") + m.group("more"))}
    involved = predicate("cns_involvement", Op.PRESENT)
    graded = all_of([involved, Qualifier(ReviewReason.AMBIGUOUS, "the CNS status (2 or 3) of the involvement on record")])
    if grades == {1, 2, 3}:
        return None  # any status
    if grades == {1}:
        return Not(involved)
    if 1 in grades:
        return any_of([Not(involved), graded])
    return involved if grades == {2, 3} else graded


_NON_BEFORE = re.compile(r"\bnon[\s-]*$", I)
_DISEASE_AFTER = re.compile(r"[\s-]+(?P<d>(?-i:AML|ALL|MDS|CML|CLL)|acute\s+(?:myeloid|myelogenous|lymphoblastic)\s+leuka?emia|myelodysplastic\s+syndromes?)\b", I)


def _disease_named_after(words: str) -> str:
    low = words.lower()
    return "all" if "lymphoblastic" in low else "aml" if low.startswith("acute") else "mds" if low.startswith("myelo") else low


# which relapse it is ("in 1st or greater marrow relapse", "first or second relapse", "in untreated
# second or greater relapse", "Diagnosis of 1st relapse or refractory AML"; 31 corpus lines left the
# ordinal unread beside the status, and "1st relapse or refractory" joined the ordinal to both
# statuses). The first or any later relapse is every relapse; any other count is no record's field
# (a record says relapsed, not which relapse), so it stays a person's beside the relapse; "after
# first relapse" is any relapse since the first. A relapse
# in the marrow or blood is no isolated extramedullary one.
_NTH_RELAPSE = re.compile(
    r"(?P<after>\bafter\s+(?:the\s+|their\s+|a\s+)?)?\b(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)"
    r"(?:\s*(?:,\s*|or\s+|and/or\s+|/\s*)(?P<more>second|third|fourth|2nd|3rd|4th|greater|later|subsequent|higher|more))?"
    r"(?:,?\s+or\s+(?P<beyond>greater|later|subsequent|higher))?"
    r"\s+(?P<site>(?:(?:bone\s+)?marrow|hematolog\w*|haematolog\w*|medullary)\s+)?(?:relapse|recurrence)\b(?!\s*(?:free|rate|risk))",
    I,
)
_ANY_LATER = frozenset({"greater", "later", "subsequent", "higher", "more"})


# every origin a disease may have, right after a status ("recurrent de novo or transformed DLBCL")
_ORIGINS_AFTER = re.compile(r"\s+(?:de\s*novo|primary)\s*,?\s*(?:or|and/or|and|/)\s*(?:secondary|transformed)\b", I)


def _blood_cancer_near(text: str, start: int, end: int) -> bool:
    """Whether a blood cancer is named within a few words of a status ("Relapsed or refractory
    NHL", "relapsed/refractory CLL/SLL", "Relapsed or refractory CLL, NHL or MM": 24 corpus lines
    left the status unread beside an abbreviated lymphoma, CLL or myeloma, whose status a record
    states on its Condition, so no relapsed lymphoma on record met the line)."""
    near = text[max(0, start - 40): end + 40]
    return any(c in HEMATOLOGIC_DISEASES and p.search(near) for c, p in _DIAG_RES) or any(
        c in HEMATOLOGIC_DISEASES and p.search(near) for c, p, _g in _CANCER_RES
    )


def _nth_relapse(m: re.Match[str]) -> Expr:
    relapsed: Expr = predicate("relapsed", Op.PRESENT)
    if m.group("site"):
        relapsed = all_of([relapsed, Not(predicate("isolated_extramedullary_relapse", Op.PRESENT))])
    first = m.group("nth").lower() in {"first", "1st"}
    # "refractory to primary chemotherapy or after first relapse": once relapsed, whichever relapse it is now
    later = (m.group("more") or "").lower() in _ANY_LATER or (m.group("beyond") or "").lower() in _ANY_LATER or m.group("after") is not None
    if first and later:
        return relapsed
    return all_of([relapsed, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "which relapse: " + " ".join(m.group(0).split()))])


def event_items(text: str, ctype: CriterionType) -> list[Item]:
    items: list[Item] = []

    def free(a: int, b: int) -> bool:
        return all(b <= it.start or a >= it.end for it in items)

    low = text.lower()
    if "other than" in low:
        items += _histology_items(text, free)
        items += _other_than_items(text, free)
    if "antecedent" in low or "ahd" in low:
        items += antecedent_disorder_items(text, free)  # the disorder an AML arose from
    if "lymphoblastic" in low or "precursor" in low:
        items += lymphoblastic_items(text, free)  # lymphoblastic lymphoma and its lineages (topics.lymphoblastic)
    if "lymphoid" in low:
        items += lymphoid_items(text, free)  # a lymphoid malignancy: any of its kinds (topics.lymphoid_kinds)
    if "newly" in low or "untreated" in low or "na" in low and ("naive" in low or "naïve" in low) or "primary diagnosis" in low:
        items += _new_disease_items(text, free)
    if "evidence" in low:
        items += _no_evidence_items(text, free)
    if "wound" in low:
        items += wound_list_items(text, free)
    if "anginal" in low:
        items += cardiac_history_items(text, free)
    if "organi" in low or "pneumonitis" in low:
        items += pneumonitis_items(text, free)
    if "chronic" in low and "hepatitis" in low:
        items += chronic_hepatitis_items(text, free)
    for m in _VACCINE_NOTE.finditer(text) if "vaccin" in low else ():
        items.append(Item(m.start(), m.end(), None, frozenset()))  # restates what a live vaccine is: no requirement
    for m in _IEMR.finditer(text) if "extramedullary" in low else ():
        items.append(Item(m.start(), m.end(), predicate("isolated_extramedullary_relapse", Op.PRESENT), frozenset({"isolated_extramedullary_relapse"})))
    for m in _EMR.finditer(text) if "extramedullary" in low else ():
        if free(m.start(), m.end()):
            emr = all_of([predicate("relapsed", Op.PRESENT), predicate("extramedullary_disease", Op.PRESENT)])
            items.append(Item(m.start(), m.end(), emr, frozenset({"relapsed", "extramedullary_disease"})))
    for m in _EMD.finditer(text) if "extramedullary" in low else ():
        if free(m.start(), m.end()):
            items.append(Item(m.start(), m.end(), predicate("extramedullary_disease", Op.PRESENT), frozenset({"extramedullary_disease"})))
    for m in _HEPATIC_MALIGNANT.finditer(text) if ("hepat" in low or "liver" in low) else ():
        if free(m.start(), m.end()):
            liver = any_of([predicate("liver_cancer", Op.PRESENT), predicate("liver_metastases", Op.PRESENT)])
            items.append(Item(m.start(), m.end(), liver, frozenset({"liver_cancer", "liver_metastases"})))
    # grades in brackets after what they grade ("CNS (CNS 2, CNS 3) involvement by ALL") restate
    # the involvement _CNS reads whole, with the disease it names as the involvement's own
    restated = [c.span() for c in _CNS.finditer(text) if "(" in c.group(0)] if "cns" in low else []
    for m in _CNS_STATUS.finditer(text) if "cns" in low else ():
        if free(m.start(), m.end()) and not any(a <= m.start() and m.end() <= b for a, b in restated):
            items.append(Item(m.start(), m.end(), _cns_status(m), frozenset({"cns_involvement"})))
    for m in _BRAIN_AND_OTHER.finditer(text) if ("mening" in low or "spin" in low) else ():
        if free(m.start(), m.end()):
            both = _brain_and_other(m)
            items.append(Item(m.start(), m.end(), both, frozenset({"brain_metastases", "leptomeningeal_disease"} | {p.concept for p in _predicates_of(both)})))
    items += [it for it in gland_items(text, ctype) if free(it.start, it.end)]
    items += [it for it in cardiac_dysfunction_items(text, ctype) if free(it.start, it.end)]
    items += [it for it in cardiac_impairment_items(text, ctype) if free(it.start, it.end)]  # "Impaired cardiac function"
    items += [it for it in gi_function_items(text, ctype) if free(it.start, it.end)]  # "Impairment of GI function"
    items += [it for it in gut_resection_items(text, ctype) if free(it.start, it.end)]  # "resection of the stomach or small bowel"
    items += [it for it in movement_disorder_items(text, ctype) if free(it.start, it.end)]  # "seizures, movement disorders or ..."
    for m in _CNS_DISEASE.finditer(text) if ("cns" in low or "central" in low or "intracranial" in low) else ():
        if free(m.start(), m.end()) and _cns_disease_read(text, m, ctype):
            asked = ctype is CriterionType.INCLUSION and NEGATED.match(text) is None
            read = _cns_disease(m, asked)
            items.append(Item(m.start(), m.end(), _cns_ever(read) if _history_asked(text, m.start(), m.end()) else read, frozenset({"cns_involvement", "brain_metastases"})))
    for m in _CNS.finditer(text) if ("cns" in low or "central" in low or "mening" in low or "leukemic" in low) else ():
        if free(m.start(), m.end()) and "metasta" not in m.group(0).lower():
            # brain metastases are the CNS involvement of a solid tumour: a record may code either
            # ("CNS leukemia" names the leukemic kind only)
            if re.search(r"(?i:leuk|blast)|\b(?:ALL|AML|CLL)\b", m.group(0)):
                items.append(Item(m.start(), m.end(), predicate("cns_involvement", Op.PRESENT), frozenset({"cns_involvement"})))
                continue
            cns = any_of([predicate("cns_involvement", Op.PRESENT), predicate("brain_metastases", Op.PRESENT)])
            items.append(Item(m.start(), m.end(), cns, frozenset({"cns_involvement", "brain_metastases"})))
    shouted = "ALL" in text and _shouted(text)
    for k in _DIAG_LIVE.live(low):
        concept, pattern = _DIAG_RES[k]
        if concept == "all" and shouted:
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if concept in ("aml_t8_21", "aml_inv16") and _KARYOTYPE_DENIED.search(text, max(0, m.start() - 60), m.start()):
                continue  # "do not have favorable cytogenetics (i.e., lack t(8,21) or inv(16)/t(16,16)": no karyotype asked
            if _INDICATION_OTHER_THAN.search(text, max(0, m.start() - 80), m.start()):
                continue  # "steroids ... prescribed for disorders other than lymphoma": no diagnosis (as the cancers above)
            non = _NON_BEFORE.search(text, max(0, m.start() - 8), m.start()) if "hodgkin" not in concept else None
            after = _DISEASE_AFTER.match(text, m.end()) if non is not None else None
            if non is not None and after is not None:
                # "non-APL AML": the disease after it, never the one "non-" names (read as an
                # alternative of its own, an APL met the line that names it to exclude it)
                named = _disease_named_after(after.group("d"))
                expr = all_of([predicate(named, Op.PRESENT), Not(predicate(concept, Op.PRESENT))])
                items.append(Item(non.start(), after.end(), expr, frozenset({concept, named})))
                continue
            items.append(Item(m.start(), m.end(), predicate(concept, Op.PRESENT), frozenset({concept})))
    # (a remission "with incomplete count recovery", CRi / CRp, is a leukaemia's response)
    leukemia_context = (
        any(it.concepts & {"apl", "aml", "secondary_aml", "therapy_related_aml", "all", "b_all", "t_all", "acute_leukemia"} for it in items)
        or re.search(r"leukemi|(?-i:\bCR[ip]\b)", text, I)
    )
    items.extend(relapse_limit_items(text, free) if "relapses" in low else ())
    for m in _NTH_RELAPSE.finditer(text) if "relaps" in low else ():
        if free(m.start(), m.end()):
            items.append(Item(m.start(), m.end(), _nth_relapse(m), frozenset({"relapsed"})))
    for m in _STATUS.finditer(text) if ("relaps" in low or "refractory" in low or "recurren" in low or "r/r" in low) else ():
        if not free(m.start(), m.end()):
            # "1st relapse or refractory AML": the ordinal took the relapse, the refractory beside it is still the line's
            ref = re.search(r"(?:primary\s+)?refractory", m.group(0), I) if m.group("rr") else None
            if ref is not None and free(m.start() + ref.start(), m.start() + ref.end()):
                items.append(Item(m.start() + ref.start(), m.start() + ref.end(), predicate("refractory", Op.PRESENT), frozenset({"refractory"})))
            continue
        # a status framed by the therapy it follows or its ordinal ("refractory to primary induction
        # therapy", "in untreated second or greater relapse", "relapse after allogeneic HSCT") is the
        # disease's, as a list under a disease heading writes it
        # ("recurrent de novo or transformed diffuse large B cell lymphoma": the origins between the
        # status and its disease are the disease's words, so the disease is looked for past them)
        origin = _ORIGINS_AFTER.match(text, m.end())
        reach = m.end() + (len(origin.group(0)) if origin is not None else 0)
        if not leukemia_context and not _blood_cancer_near(text, m.start(), reach) and not re.search(
            r"\b(?:disease|leukemi|lymphoma|myeloma|cancer|NSCLC|tumou?r|malignan|induction|salvage|HSCT|SCT|BMT|transplant\w*|remission|"
            r"(?:first|second|third|1st|2nd|3rd)\s+(?:or\s+(?:greater|later|subsequent)\s+)?relapse)",
            text[max(0, m.start() - 40): reach + 40], I,
        ):
            continue
        if re.search(r"\b(?:hypertension|angina|arrhythmi|ascites|effusion|hypercalc|infection|seizure)", text[m.end(): m.end() + 30], I):
            continue
        if _RISK_OF.search(text, max(0, m.start() - 30), m.start()):
            continue  # "at low risk for recurrence of that malignancy": a forecast a person makes, no status on record
        if m.group("rr"):
            expr: Expr = any_of([predicate("relapsed", Op.PRESENT), predicate("refractory", Op.PRESENT)])
            concepts = frozenset({"relapsed", "refractory"})
        elif m.group("rel"):
            expr, concepts = predicate("relapsed", Op.PRESENT), frozenset({"relapsed"})
            nth = _NTH_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if nth is not None:
                # "In first relapse", "Patients must be in first relapse": which relapse it is no
                # record holds (as for a remission); read as any relapse, a second one met it
                expr = all_of([expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(text[nth.start(): m.end()].split()))])
        else:
            expr, concepts = predicate("refractory", Op.PRESENT), frozenset({"refractory"})
        items.append(Item(m.start(), m.end(), expr, concepts))
    for m in _IN_REMISSION.finditer(text) if leukemia_context and ("remission" in low or "cr" in low) else ():
        if free(m.start(), m.end()) and _remission_asked(text, m) and not _later_sentence_noted(text, m):
            expr = predicate("remission", Op.PRESENT)
            # which remission it is ("first", "CR2"): the count of relapses before it (topics.disease_order)
            order = REMISSION_ORDER.search(m.group(0))
            count = order_count(order) if order is not None else remission_order(m.group("nth"), m.group("more")) if m.group("nth") else None
            if count is not None:
                expr = all_of([expr, remission_counted(count, m.group(0))])
            items.append(Item(m.start(), m.end(), expr, frozenset({"remission", "relapse_count"})))
    items.extend(remission_order_items(text, free) if "remission" in low or "cr" in low else ())
    for m in _ANTIGEN_SHARE_BEFORE.finditer(text) if "cd" in low else ():
        if free(m.start(), m.end()):
            items.append(Item(m.start(), m.end(), predicate(m.group("cd").lower(), OPS[m.group("op")], number(m.group("n")), "%"), frozenset({m.group("cd").lower()})))
    for m in _ANTIGEN.finditer(text) if "cd" in low else ():
        if not free(m.start(), m.end()):
            continue
        res = (m.group("res") or "+").lower()
        value = "negative" if m.group("minus") or re.match(NEG, res, I) else "positive"
        either = _ANTIGEN_EITHER.match(text, m.end()) if value == "positive" else None
        if either is not None:
            # "B-cell NHL (CD20 positive or negative)": either result, no requirement (as the
            # markers' _EITHER_RESULT reads "HER2 positive or negative")
            items.append(Item(m.start(), either.end(), None, frozenset(c.lower().replace(" ", "") for c in re.findall(r"CD\d+", m.group("cds"), I))))
            continue
        cds = [c.lower().replace(" ", "") for c in re.findall(r"CD\d+", m.group("cds"), I)]
        if "cd34" in cds and (_GRAFT_CELLS.match(text, m.end()) or _GRAFT_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            continue  # the graft's cells, not the blasts' antigen
        if set(cds) <= {"cd20", "cd30", "cd34"} and re.search(r"\bfor\s+$", text[max(0, m.start() - 5): m.start()], I):
            continue  # "CHOP plus rituximab for CD20+ disease": whom a therapy is given, no result the line asks
        share = _antigen_share(text, m, list(dict.fromkeys(cds))) if value == "positive" else None
        if share is not None and free(share[0], share[1]):
            items.append(Item(share[0], share[1], share[2], frozenset(cds)))
            continue
        preds = [predicate(c, Op.IS, value) for c in dict.fromkeys(cds)]
        joined = all_of(preds) if re.search(r"\band\b", m.group("cds"), I) else any_of(preds)
        items.append(Item(m.start(), m.end(), joined, frozenset(cds)))
    after_transplant: list[Item] = []
    for m in _GVHD_PROPHYLAXIS.finditer(text) if ("gvhd" in low or "host" in low) else ():
        if free(m.start(), m.end()):  # what prevents or treats GVHD: immunosuppressants or corticosteroids
            start, end, window = m.start(), m.end(), None
            gap = _FOR_GAP.match(text, end)
            w = _WINDOW.match(text, gap.end() if gap else end) or _BARE_BEFORE.match(text, gap.end() if gap else end)
            off = _OFF_LEAD.search(text[max(0, start - 30): start])
            if w and w.group("n"):
                window = _window(w)
                end = w.end()
            if window is not None and off is not None and window[0] is Op.NOT_WITHIN:
                # "must be off all immunosuppressants for GVHD for at least 2 weeks": none within 2 weeks
                start -= len(text[max(0, start - 30): start]) - off.start()
                parts = [predicate(c, Op.WITHIN, None, None, False, window[1]) for c in ("immunosuppressant_therapy", "steroid_therapy")]
                expr: Expr = Not(any_of(list(parts)))
            elif window is not None:
                expr = any_of([predicate(c, window[0], None, None, False, window[1]) for c in ("immunosuppressant_therapy", "steroid_therapy")])
            else:
                expr = any_of([predicate("immunosuppressant_therapy", Op.PRESENT), predicate("steroid_therapy", Op.PRESENT)])
            items.append(Item(start, end, expr, frozenset({"immunosuppressant_therapy", "steroid_therapy"})))
            if off is None and _AFTER_TRANSPLANT.search(m.group(0)):
                after_transplant.append(items[-1])
    for m in _GVHD_TREATED.finditer(text) if ("gvhd" in low or "host" in low) else ():
        if free(m.start(), m.end()):
            treated = any_of([
                predicate("steroid_therapy", Op.PRESENT),
                predicate("immunosuppressant_therapy", Op.PRESENT),
                Qualifier(ReviewReason.AMBIGUOUS, "another systemic treatment of GVHD"),
            ])
            items.append(Item(m.start(), m.end(), all_of([predicate("gvhd", Op.PRESENT), treated]), frozenset({"gvhd", "steroid_therapy", "immunosuppressant_therapy"})))
    for m in _GVHD.finditer(text) if ("gvhd" in low or "host" in low) else ():
        if free(m.start(), m.end()) and not re.search(r"anti-?\s*$", text[max(0, m.start() - 5): m.start()], I):
            start, end, expr = _gvhd_graded(text, m.start(), m.end())
            if (start, end) != (m.start(), m.end()) and not free(start, end):
                start, end, expr = m.start(), m.end(), predicate("gvhd", Op.PRESENT)
            severity = gvhd_severity(text, start, m.group(0), ctype) if (start, end) == (m.start(), m.end()) else None
            if severity is not None and free(severity[0], end):  # "moderate or severe GVHD": the severity on record
                items.append(Item(severity[0], end, severity[1], frozenset({"gvhd", "severe_gvhd", "moderate_gvhd"})))
                continue
            items.append(Item(start, end, expr, frozenset({"gvhd", "gvhd_grade"})))
    items += condition_items(text, ctype, free)
    for m in _HF.finditer(text) if ("heart" in low or "chf" in low) else ():
        if free(m.start(), m.end()):
            items.append(Item(m.start(), m.end(), predicate("heart_failure", Op.PRESENT), frozenset({"heart_failure"})))
    items += coded_concept_items(text, ctype, free)
    if any(w in low for w in ("prior", "previous", "receiv", "receipt", "treated", "exposure", "use of")):
        items += _named_drug_items(text, free)
    for k in _THERAPY_LIVE.live(low):
        concept, pattern = _THERAPY_RES[k]
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                if _CAUSED_BY.search(text, max(0, m.start() - 40), m.start()):  # "GVHD due to an allogeneic transplant": the cause, read
                    items.append(Item(m.start(), m.end(), None, frozenset()))
                    continue
                if _caused_by(text, m.start()):  # "recovered from the toxic effects of ... stem cell transplant": left unread
                    continue
                counted = _count_of(text, m.start(), m.end(), predicate(concept, Op.PRESENT))
                if counted is not None:  # "no more than 1 prior allogeneic transplant": a cap, not a history asked for
                    items.append(Item(m.start(), counted[1], counted[2], frozenset({concept})))
                    continue
                if concept in ("allo_hsct", "hsct", "auto_hsct") and re.search(r"organ", text[max(0, m.start() - 25): m.start()], I):
                    continue
                if re.search(r"(?:prior\s+to|before|after|until|following|since|of)\s+(?:the\s+)?(?:first\s+|last\s+)?$", text[max(0, m.start() - 25): m.start()], I) and re.match(
                    r"[\w\s-]{0,15}?\b(?:infusion|administration|reinfusion|treatment|dosing)", text[m.end(): m.end() + 25], I
                ):
                    items.append(Item(m.start(), m.end(), None, frozenset()))
                    continue
                indicated = _INDICATED.match(text, m.end() + (len(gloss.group(0)) if (gloss := _ABBREVIATION.match(text, m.end())) else 0))
                if indicated is not None:  # "in which allogeneic HSCT is thought to be beneficial": an indication, not a history
                    judged = Review(ReviewReason.JUDGEMENT, "an indication, not a history: " + " ".join(text[m.start(): indicated.end()].split()))
                    items.append(Item(m.start(), indicated.end(), judged, frozenset({concept})))
                    continue
                # (an abbreviation in brackets is read from before its bracket: "fit for blood or
                # marrow transplantation (BMT)" is the plan the words before it state)
                lead_end = text.rfind("(", 0, m.start()) if text[max(0, m.start() - 2): m.start()].strip() == "(" else m.start()
                lead = text[max(0, lead_end - 70): lead_end]
                plan = _PLANNED.search(lead)
                if plan is not None and not _DONE.search(plan.group(0)):  # "candidates for allogeneic SCT": a plan, not a history
                    start = lead_end - (len(lead) - plan.start())
                    end = m.end() + (len(gloss.group(0)) if (gloss := _ABBREVIATION.match(text, m.end())) else 0)
                    judged = Review(ReviewReason.JUDGEMENT, "a plan or candidacy, not a history: " + " ".join(text[start: end].split()))
                    had = _HAD_OR_PLANNED.search(lead)  # "prior or planned HSCT": either
                    if had:
                        start = lead_end - (len(lead) - had.start())
                    items.append(Item(start, end, any_of([predicate(concept, Op.PRESENT), judged]) if had else judged, frozenset({concept})))
                    continue
                # "autologous stem cell transplantation (SCT)": the bracket glosses the transplant
                # just named; left free, "SCT" was read as a second transplant of any kind, asked
                # beside the washout ("... and HSCT") or as its alternative ("... or HSCT")
                # (not before a span written right after it, "Bone marrow transplant (BMT) at least 3
                # months prior to ...", whose washout the abbreviation carries in a run-on line)
                # An exclusion keeps the abbreviation's own reading for now: there it widened what
                # excludes, and NCT02096042's "(SCT) if they meet either of the following" relied on
                # it where its GVHD alternative is misread ("within the last 7 days" of the next one)
                gloss = _TRANSPLANT_GLOSS.match(text, m.end()) if concept in ("allo_hsct", "hsct", "auto_hsct") and ctype is CriterionType.INCLUSION else None
                if gloss is not None and _SPAN_NEXT.match(text, gloss.end()):
                    gloss = None
                items.append(Item(m.start(), gloss.end() if gloss else m.end(), predicate(concept, Op.PRESENT), frozenset({concept})))
    negated_items: list[Item] = []
    washouts: list[Item] = []  # read only for the washout written around them
    # (the lesion-first wording among the inclusions only: an exclusion's "No lesion measurable by
    # RECIST" reaches here with its "No" blanked, and would exclude the measurable)
    for pattern in ((_MEASURABLE, _MEASURABLE_AFTER) if ctype is CriterionType.INCLUSION else (_MEASURABLE,)) if "measurable" in low or "measureable" in low else ():
        for m in pattern.finditer(text):
            if (pattern is _MEASURABLE_AFTER or m.group(0).lower().endswith("cancer")) and _OR_WORD.search(text[: m.start()] + " " + text[m.end():]):
                continue  # a wording read since: beside another subject the clause's "or" would join them ("either measurable cancer or an elevated CA125")
            if free(m.start(), m.end()) and not re.search(r"\b(?:not|non)[\s-]*$", text[max(0, m.start() - 6): m.start()], I):
                items.append(Item(m.start(), m.end(), predicate("measurable_disease", Op.IS, "positive"), frozenset({"measurable_disease"})))
    passed: list[tuple[int, int]] = []  # a cancer's name left to another reading: no shorter name inside it is read
    indications: list[tuple[int, int]] = []  # those a therapy was for ("chemotherapy for small cell lung cancer")
    examples: list[tuple[int, int]] = []  # kinds an "including" list names after their family: no shorter name inside read, none passed on
    for k in _CANCER_LIVE.live(low):
        concept, pattern, gate = _CANCER_RES[k]
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()) or any(a < m.end() and m.start() < b for a, b in passed + examples):
                continue
            if any(re.fullmatch(r"\s*\(\s*", text[b: m.start()]) for _, b in indications):
                passed.append((m.start(), m.end()))
                continue  # "for small cell lung cancer (SCLC)": the indication's abbreviation is read as the name was
            before = text[max(0, m.start() - 40): m.start()]
            if _caused_by(text, m.start()):
                continue  # another cancer: other_malignancy reads it
            if _KINDS_AFTER.match(text, m.end()) and any(it.start >= m.end() and concept in ancestors(c) for it in items for c in it.concepts):
                items.append(Item(m.start(), m.end(), None, frozenset()))
                continue  # "one of the following myeloproliferative neoplasms: essential thrombocythemia, ...": the kinds named are the line's, not the family
            if _COUNT_FOR.search(text, max(0, m.start() - 80), m.start()):
                passed.append((m.start(), m.end()))
                continue  # "progression following at least one (MCL and CLL) or two (DLBCL and FL) prior therapies": whom a count is for
            if re.search(r"\bincluding\s+(?:[\w-]+\s+){0,2}$", before, I) and any(it.concepts & set(ancestors(concept)) for it in items):
                passed.append((m.start(), m.end()))
                continue  # "Myeloproliferative disorders, including Ph-negative CML": a kind of the disease named, no further requirement
            if _kind_in_including_list(text, m.start(), concept):
                examples.append((m.start(), m.end()))
                continue  # "Myeloproliferative disorders, including Ph-negative CML, myelofibrosis and CMML": the list's kinds of it, further on
            if _DEFINED_NEXT.match(text, m.end()) and re.search(r"\bthe\s+diagnosis\s+of\s+$", before, I):
                items.append(Item(m.start(), m.end(), None, frozenset()))
                continue  # "the diagnosis of SLL may be made with ...": how the disease the line asks is known, no further disease
            ruled_out = _RULED_OUT.match(text, m.end()) if ctype is CriterionType.INCLUSION else None
            if ruled_out is not None:
                items.append(Item(m.start(), ruled_out.end(), Not(predicate(concept, Op.PRESENT)), frozenset({concept})))
                continue  # "Mantle cell lymphoma should be excluded based on ...": the patient's disease must not be it
            if _AS_TARGET.match(text, m.end()):
                continue  # "primary myelofibrosis (PMF)-directed experimental therapy": what a therapy was for, no disease the line asks
            if any(re.fullmatch(r"\s*(?:,|or|and|and/or|/)\s*", text[b: m.start()], I) for _, b in passed):
                passed.append((m.start(), m.end()))
                continue  # "Prior treatment of myelodysplastic syndrome or myeloproliferative neoplasm": both the treatment's
            if (
                ctype is CriterionType.INCLUSION
                and re.fullmatch(r"\W*other\s+", text[: m.start()], I)
                and re.fullmatch(r"[\s.;,]*", text[m.end():])
            ):
                # "Other myeloproliferative disorders" as one bullet of a list of diagnoses: the
                # kinds the list did not name, of the disease it names (left to "another cancer",
                # an ALL patient met the transplant list through its review)
                items.append(Item(m.start(), m.end(), predicate(concept, Op.PRESENT), frozenset({concept})))
                continue
            if re.search(r"(?:other|another|second|prior|previous|history\s+of)\s+(?:\w+\s+){0,2}$", before, I) and not (
                "lymphoma" in (concept, *ancestors(concept)) and re.search(r"\b(?:prior|previous|history\s+of)\s+$", before, I)
            ) and not history_named(before, concept, ctype):  # "History of breast cancer" among the exclusions (topics.cancer_history)
                # ("No prior lymphoma, Hodgkin's lymphoma, myelodysplastic syndromes, or leukemia":
                # a lymphoma named straight after "prior" is the history asked, as the lymphoma
                # lines have read since before their kinds were; other cancers so named are still
                # left to a person, a question for all of them)
                # the same ("No prior chemotherapy for small cell lung cancer": read inside it,
                # "lung cancer" stood as a condition the line forbade). Only a therapy's indication
                # passes its bracketed abbreviation on: in "prior Non-Hodgkin lymphoma (NHL)
                # chemotherapy" the bracket is what still names the patient's lymphoma
                passed.append((m.start(), m.end()))
                if re.search(r"\bfor\s+(?:the\s+)?$", before, I):
                    indications.append((m.start(), m.end()))
                continue
            if re.search(r"\bnon[\s-]*$", before, I):
                continue  # "any non-RCC malignancy": every cancer but the named one, never the named one
            if ctype is CriterionType.EXCLUSION and _FOR_THEIR.search(before):
                passed.append((m.start(), m.end()))
                indications.append((m.start(), m.end()))
                continue  # "any other ... treatment for their hematologic malignancy": the patient's own disease, what the therapy is for
            if re.search(r"\bprior\s+(?:approved|standard|specific)\s+(?:therap(?:y|ies)|treatments?)\s+for\s+(?:the\s+|their\s+|this\s+)?$", before, I):
                passed.append((m.start(), m.end()))
                indications.append((m.start(), m.end()))
                continue  # "since prior approved therapy for MDS": the therapy's indication (as "prior therapy for" above)
            if _TREATMENT_FOR_DISEASE.search(before):
                passed.append((m.start(), m.end()))
                indications.append((m.start(), m.end()))
                continue  # "Any prior medical treatment for CML", "currently receiving any treatment for MDS": the therapy's indication
            if _INDICATION_OTHER_THAN.search(before):
                passed.append((m.start(), m.end()))
                continue  # "chemotherapy for treatment of conditions other than MDS": what the therapy was not for, no diagnosis
            if _CANCER_AS_REFERENCE.search(before):
                passed.append((m.start(), m.end()))
                continue  # "therapy for renal cell carcinoma", "at the time of HNSCC diagnosis": another subject's context
            if re.search(r"\bin[\s-]+situ\s+(?:ductal\s+|lobular\s+)?$", before, I) or re.match(r"\s*in[\s-]+situ\b", text[m.end():], I):
                continue  # "in situ ductal carcinoma of the breast": carcinoma in situ, not breast cancer
            kind = _NARROWER_KIND.get(concept)
            if kind is not None and kind.search(m.group(0)):
                expr: Expr = all_of([predicate(concept, Op.PRESENT), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "which kind: " + " ".join(m.group(0).split()))])
                items.append(Item(m.start(), m.end(), expr, frozenset({concept})))
                continue
            items.append(Item(m.start(), m.end(), predicate(concept, Op.PRESENT), frozenset({concept})))
    classes = _CLASS_GATE.search(low) is not None  # one search for every drug class's gate words
    for k in _HISTORY_LIVE.live(low):
        concept, pattern, gate = _HISTORY_RES[k]
        if concept in _DRUG_CLASS_CONCEPTS and not classes:
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            before = text[max(0, m.start() - 40): m.start()]
            if _REFERENCE_POINT.search(before):  # "within 4 weeks before the start of chemotherapy"
                items.append(Item(m.start(), m.end(), None, frozenset()))
                continue
            if (concept in COMORBID_CONCEPTS or concept in KIDNEY_GUARDED) and comorbid_refused(concept, text, m.start(), m.end()):
                continue  # a cause a bound excepts, a negation unread (topics.comorbid_conditions)
            if concept == "vaccination" and (not (lead := _ANY_VACCINATION.search(text, m.start() - len(before), m.start())) or not _WINDOW_NEAR.search(text[max(0, m.start() - 60): m.end() + 60])):
                continue  # "yellow fever vaccination", "within 3 weeks of vaccination", "previous ... vaccines": another subject
            if concept == "vaccination" and lead.group(0).strip()[-1:].isalpha():  # "Receipt of any vaccination": the words ask for it
                items.append(Item(lead.start(), m.end(), predicate(concept, Op.PRESENT), frozenset({concept})))
                continue
            severe = _SEVERE_BEFORE.search(before) if concept in _SEVERE_FORM else None
            if severe is not None:  # "Severe autoimmune diseases": the severity the record codes (derive.QUALIFIED_EVENTS)
                start = m.start() - (len(before) - severe.start())
                items.append(Item(start, m.end(), predicate(_SEVERE_FORM[concept], Op.IS, "positive"), frozenset({concept, _SEVERE_FORM[concept]})))
                continue
            if concept == "oxygen_dependence" and re.search(r"\b(?:without|with\s+no|off|on\s+no)\s+$", before, I):
                continue  # "SpO2 > 92% without supplemental oxygen": how a measurement is taken (remarks), no requirement
            if concept in _REACTION_CLASSES and _REACTION_TO.search(text, max(0, m.start() - 90), m.start()):
                continue  # "urticaria ... in response to ibuprofen, aspirin or other NSAIDs": what the patient reacts to
            if concept in _DRUG_CLASS_CONCEPTS and (_NAIVE.match(text, m.end()) or CLASS_NOT_TAKEN.search(before)
                                                   or concept in MEDICATION_CLASS_CONCEPTS and MEDICATION_NOT_TAKEN.search(text, max(0, m.start() - 160), m.start())):
                continue  # "EGFR TKI-naive", "allergic to PD-1 antibodies": no history of the class, not read here
            if class_as_example(concept, text, m.start(), m.end()):
                continue  # "biological therapy (including monoclonal antibodies)": the head's example (topics.drug_classes)
            if concept in _DRUG_CLASS_CONCEPTS and CLASS_TO_COME.search(before):  # "to be treated with PD-1 inhibitors": a plan
                items.append(Item(m.start(), m.end(), Review(ReviewReason.JUDGEMENT, "a treatment to come, not a history: " + " ".join(m.group(0).split())), frozenset({concept})))
                continue
            if concept in _HEART_DRUGS and (_HEART_DRUG_ALLOWED.search(before) or _HEART_DRUG_PERMITTED.match(text, m.end())):
                continue  # "anti-arrhythmic medication other than beta blocker", "(beta-blockers or digoxin permitted)": allowed, not asked
            if _CAUSED_BY.search(before):  # "toxicity caused by previous therapy": the subject is another
                items.append(Item(m.start(), m.end(), None, frozenset()))
                continue
            if _caused_by(text, m.start()):  # further down the cause's list: its words stay unread
                continue
            if _SWITCHED_TO.search(text, max(0, m.start() - 80), m.start()):
                continue  # "should be switched to H2 blockers such as famotidine": the drug allowed instead (remarks blanks the advice)
            if concept in _CONDUCTION and _NOT_EXCLUDED.match(text, m.end()):
                continue  # "1st degree AV block or asymptomatic ... RBBB will not be excluded": a block the line allows, left unread
            kinds = _INFECTION_KINDS.search(before) if concept == "active_infection" else None
            if concept == "active_infection" and kinds is None and (_NAMED_INFECTION.search(before) or _INFECTION_WITH_NAMED.match(text, m.end())):
                continue
            if m.start() < 4 and re.match(r"\s*:", text[m.end():]) and pattern.search(text, m.end()):
                items.append(Item(m.start(), m.end() + text[m.end():].index(":") + 1, None, frozenset()))
                continue  # "Immunotherapy: ... any type of immunotherapy": the label restates the concept
            # the cue may sit four words back in a list ("No concurrent immunotherapeutic drugs,
            # chemotherapy, or radiotherapy"), beyond the 40 characters ``before`` holds
            asked = text[max(0, m.start() - 100): m.start() - (len(before) - kinds.start()) if kinds else m.start()]
            washout_only = False
            if (
                ctype is CriterionType.INCLUSION and not _ASKED_HISTORY.search(asked) and not (concept in _CONTINUOUS and (ASKED_USE.search(asked) or SHARED_LEAD.search(asked))) and not _WINDOW_NEAR.search(text[max(0, m.start() - 60): m.end() + 60])
                and not (concept in _DRUG_CLASS_CONCEPTS and _FAILED_CLASS.search(asked))
                and not at_most_grade_beside(text, m.start(), m.end())  # "neuropathy, if present, must be < grade 2"
            ):
                if not (_therapy(concept) and _washout_of(text, m.start(), m.end())):
                    continue  # "poor response to conventional chemotherapy": named, not asked for
                washout_only = True
            if concept == "antiviral_therapy" and _ANTIMICROBIALS.search(text, max(0, m.start() - 80), min(len(text), m.end() + 40)):
                continue  # "infection requiring antibiotic, antifungal or antiviral therapy": how an infection is treated, the infection's words
            if concept == "radiotherapy" and re.match(r"\s*(?:pneumonitis|induced|recall|dermatitis|fibrosis|exposure)", text[m.end():], I):
                continue
            if concept in _TRANSFUSIONS and (
                _TRANSFUSION_OTHER.search(text, max(0, m.start() - 80), m.start()) or _TRANSFUSION_NOT_GIVEN.match(text, m.end())
                or _TRANSFUSION_PERMITTED.match(text, m.end()) or _BLOOD_COUNT_LINE.search(text)
            ):
                continue  # "anticipated need for transfusion", "refractory to platelet transfusions": no transfusion given
            if concept in ("anticoagulant_therapy", "vitamin_k_antagonist") and ctype is CriterionType.INCLUSION and _PERMITS.search(text):
                items.append(Item(m.start(), m.end(), None, frozenset()))  # "anticoagulation allowed provided ...": no requirement
                continue
            if concept in ("cardiac_disease", "cardiovascular_disease") and _EXAMPLES_AFTER.match(text, m.end()):
                continue  # "severe heart disease, such as ...": the examples the line lists decide
            if (concept == "cardiovascular_disease" or concept == "cardiac_disease" and m.group(0).lower().endswith(("problem", "problems"))) and (_DEFINED_BY_LIST.match(text, m.end()) or re.match(r"\s*\(", text[m.end():])):
                # "Significant cardiovascular disease, defined as the following:", "cardiovascular
                # disease (unstable angina or MI)": the listed conditions define it; read beside
                # them, its review made a listed infarction unknown
                continue
            if concept == "gastrointestinal_disease":  # the organic disease met, the rest of the tract a person's
                items.append(Item(m.start(), m.end(), _gastrointestinal(text, m.start(), m.end()), frozenset({"gastrointestinal_disease", "digestive_tract_disease"})))
                continue
            if concept == "liver_disease" and _LIVER_INJURY_CAUSE.search(before):
                expr = all_of([predicate(concept, Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, "whether the liver disease on record is drug-induced")])
                items.append(Item(m.start() - (len(before) - _LIVER_INJURY_CAUSE.search(before).start()), m.end(), expr, frozenset({concept})))
                continue
            if concept == "neurologic_disease":  # central or peripheral, and more than Eligo codes
                expr = any_of([predicate("cns_disorder", Op.PRESENT), predicate("peripheral_neuropathy", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, "another neurological disease")])
                items.append(Item(m.start(), m.end(), expr, frozenset({"cns_disorder", "peripheral_neuropathy"})))
                continue
            if concept == "coronary_artery_disease" and _ISCHAEMIA.search(m.group(0)):
                # ischaemia is a state of the disease, today's: a record of it is a person's to weigh
                # ("active myocardial ischemia": an infarction five years ago is not that)
                expr = all_of([predicate(concept, Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, ISCHAEMIA_NOW)])
                items.append(Item(m.start(), m.end(), expr, frozenset({concept})))
                continue
            sites = _in_situ_sites(text, m.start(), m.end()) if concept == "carcinoma_in_situ" else []
            if sites and all(free(a, b) for a, b, _c in sites):  # "carcinoma in situ of the cervix": that site's
                items.extend(Item(a, b, predicate(c, Op.PRESENT), frozenset({c})) for a, b, c in sites)
                continue
            counted = _count_of(text, m.start(), m.end(), predicate(concept, Op.PRESENT))
            if counted is not None:  # "no more than 3 prior chemotherapy regimens": a cap, not a history asked for
                items.append(Item(counted[0] if free(counted[0], m.start()) else m.start(), counted[1], counted[2], frozenset({concept})))
                continue
            item = Item(m.start() - (len(before) - kinds.start() if kinds else 0), m.end(), predicate(concept, Op.PRESENT), frozenset({concept}))
            if concept == "anticancer_therapy" and ctype is CriterionType.INCLUSION and NEGATED.match(text) is None:
                systemic = re.match(r"systemic\s+", text[m.start(): m.end()], I)
                if systemic is not None:  # "must have had prior systemic therapy": radiotherapy is not it, so the word stays a review
                    item.start = max(item.start, m.start() + systemic.end())
            lead = _THERAPY_LEAD.search(before) if concept in _LEAD_THERAPIES else None
            if lead is not None:  # "dependence on corticosteroids", "chronic use of steroids": the therapy itself
                item.start = m.start() - (len(before) - lead.start())
            stopped = _STOPPED_WITHIN.search(before) if concept in _LEAD_THERAPIES and ctype is CriterionType.EXCLUSION else None
            if stopped is not None and _WITHIN_AFTER.match(text, m.end()):  # "Discontinuation of immunosuppressants within 2 weeks"
                item.start = m.start() - (len(before) - stopped.start())
            lead = CLASS_LEAD.search(before) if (concept in _DRUG_CLASS_CONCEPTS or concept in _HEART_DRUGS) and not kinds else None
            if lead is not None:  # "prior treatment with a PARP inhibitor", "requiring treatment with beta-blockers": the words say it is taken, nothing more
                item.start = m.start() - (len(before) - lead.start())
            off = _OFF_WORDS.search(before) if ctype is CriterionType.INCLUSION and _OFF_FOR_AFTER.match(text, m.end()) else None
            if off is not None and item.start > m.start() - (len(before) - off.start()):  # "off all systemic ...": the washout's own words
                item.start = m.start() - (len(before) - off.start())
            if _NEG_BEFORE.search(re.split(r"[,;:]|\band\b|\bor\b", before)[-1]) and not NEGATED.match(text):
                negated_items.append(item)  # "... and not treated with G-CSF within 7 days"
            if washout_only:
                washouts.append(item)
            items.append(item)
    # time windows attach to the nearest event before them (else the next one after)
    windowed_concepts: dict[str, Predicate] = {}
    unread_after: list[tuple[Item, str]] = []  # subjects listed between an event and its window, unread
    events = sorted((it for it in items if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT), key=lambda it: it.start)
    for w in _WINDOW.finditer(text) if events else ():
        if w.group("n") is None and not re.match(r"within|in\s+the", w.group("kind"), I):
            continue
        for study in [e for e in events if e.start >= w.start() and e.end <= w.end() and e.concepts == {"investigational_agent"}]:
            # the study's own product the window counts back from ("within 7 days prior to first
            # receiving investigational product"), not one the patient must have had
            items.remove(study)
            events.remove(study)
        if not events:
            break
        off_for = False  # "have not had steroids (for) at least 2 weeks": none within the last 2 weeks
        off_word = ""
        off_end = 0
        # ("< 2 months previously", "less than 4 weeks ago": a span back from now, like "within";
        # "at least 100 days ago" is left as it was, its subject often a pronoun: "it was")
        back = re.match(r"[≤<]", w.group("kind")) is not None and (
            re.search(r"\b(?:previously|ago|earlier)\b", w.group(0), I) is not None
            # ("Patients who have received chemotherapy ≤ 1 week": received that recently, no course's length)
            or _RECEIVED_JUST_BEFORE.search(text, max(0, w.start() - 60), w.start()) is not None
        )
        if re.match(r"[≤<≥>]|at\s+least", w.group("kind"), I) and not back and not re.search(r"before|prior|since|from|of|after", w.group(0), I):
            offs = list(_OFF_FOR.finditer(text[max(0, w.start() - 80): w.start()]))
            off_for = bool(offs) and bool(re.match(r"\s*(?:[,;.)]|$|before|prior)", text[w.end():]))
            if not off_for:
                continue
            off_word = offs[-1].group(0).lower()
            off_end = max(0, w.start() - 80) + offs[-1].end()
        past_any = re.search(r"\bafter\b", w.group(0), I) is not None
        if past_any and not after_any_washout(w.group("kind"), text, w.start(), w.end()):
            continue
        if _OF_A_CHANGE.search(text, max(0, w.start() - 60), w.start()):
            continue  # "(i.e. requiring changes in medication within the last month)": the change's time, no onset
        before = [e for e in events if e.end <= w.start() and not re.search(r"[;]", text[e.end: w.start()]) and w.start() - e.end < 80]
        # ("At least 2 weeks since prior imatinib mesylate, hematopoietic growth factors, and
        # biological agents": in an inclusion's washout the list runs on over an unread first item;
        # stopped at its comma, the growth factor stood bare, a requirement every patient failed.
        # The unread words stay a review beside it, below)
        washout_list = ctype is CriterionType.INCLUSION and re.search(r"\bsince\b", w.group(0), I) is not None
        after = [e for e in events if e.start >= w.end() and e.start - w.end() < 60
                 and (not re.search(r"[;,]", text[w.end(): e.start]) or washout_list and not re.search(r"[;:.()\[\]\d]", text[w.end(): e.start]))]
        anchor = after[0] if after and _ANCHOR_GAP.fullmatch(text, w.end(), after[0].start) and re.search(r"\b(?:before|prior\s+to|preceding)\s*$", w.group(0), I) else None
        if anchor is not None and anchor.start - w.end() < 30 and (not before or not before[-1].concepts & _TAKEN):
            # "LVEF >= 40% within 28 days before ASCT": the transplant dates the measurement, it is
            # no event the patient must have had (read as one, every patient not transplanted in
            # the last 28 days failed the line); its words stay a person's beside the measurement
            items.remove(anchor)
            events.remove(anchor)
            continue
        target = before[-1] if before else (after[0] if after else None)
        own_bracket = False
        if after and _RECENT_OPEN.search(text, max(0, w.start() - 20), w.start()) and _BRACKET_CLOSE.match(text, w.end()):
            # "uncontrolled cardiac arrhythmia, or recent (within 1 year) myocardial infarction":
            # the bracket says how recent the event after it is (21 corpus lines write "recent (...)");
            # given to the arrhythmia before it, an arrhythmia of two years ago cleared the line
            target = after[0]
            recent = _RECENT_OPEN.search(text, max(0, w.start() - 20), w.start())
            if recent is not None:
                target.start = min(target.start, recent.start())  # "recent (...)" is the event's own words
            own_bracket = True  # the window is this event's alone: no list before it shares it
        elif before and after and _windowed(before[-1]) and not _windowed(after[0]) and _WINDOW_FOR.fullmatch(text, w.end(), after[0].start):
            # ">= 6 months prior to registration for allogeneic transplants and >= 3 months prior to
            # registration for autologous transplants": the event before has its own window, the
            # second is the next event's (dropped, a recent autologous transplant passed the line)
            target = after[0]
            recent = _RECENT_OPEN.search(text, max(0, w.start() - 20), w.start())
            if recent is not None:
                target.start = min(target.start, recent.start())  # "recent (...)" is the event's own words
            own_bracket = True  # the window is this event's alone: no list before it shares it
        elif before and after and _windowed(before[-1]) and not _windowed(after[0]) and re.search(r"\b(?:since|from)\s*$", w.group(0), I):
            # "≥ 21 days since prior chemotherapy, ≥ 7 days since receiving biological therapy": a
            # washout whose "since" names the therapy after it; the event before has its own window
            # (dropped, the biological therapy stood bare: a requirement to have had one)
            target = after[0]
        treated = _treatment_of(target, events, text) if target is not None else None
        if treated is not None:  # "systemic therapy for breast cancer within 4 weeks": the window is the therapy's
            if target is not None and w.start() >= target.end:
                target.end = max(target.end, w.end())  # the window's words belong to the line's subject, not residue
            target = treated
        if target is None or not isinstance(target.expr, Predicate) or target.expr.window is not None:
            continue
        op, window = _window(w)
        if past_any and ctype is CriterionType.EXCLUSION:
            op = Op.WITHIN  # the washout stated among exclusions: what excludes is a course inside it (after_any)
        if off_for:
            # "not had steroids for ≥ 2 weeks" is Not(steroids within 2 weeks), its negation read
            # below; "off steroids for ≥ 2 weeks" says no negation word: none within them itself
            # ("off therapy for ≥ 5 years" beside a cancer says nothing of the cancer's own date)
            governed = _GOVERNED.fullmatch(text, off_end, target.start) is not None  # "free of any prior malignancies for ≥ 3 years"
            # in an exclusion only an exception's own condition ("unless ... has been off steroids
            # for ≥ 4 weeks"); "X must be off treatment for ≥ 2 weeks" written there states what excludes
            excepted = ctype is CriterionType.INCLUSION or _MUST_BE_OFF.search(text, max(0, off_end - 40), off_end) is None
            op = Op.NOT_WITHIN if off_word.startswith(("off", "free")) and excepted and (governed or _therapy(target.expr.concept)) else Op.WITHIN
        if not_since_misread(target.expr.concept, op, ctype):
            qualify_since(target, w.start(), w.end(), text)
            continue
        # (a washout "since completion of RT" dates the therapy itself: only a "within" is counted so)
        other = _OTHER_EVENT_ANCHOR.match(text, w.end()) if op is Op.WITHIN and re.search(r"\b(?:of|from|before|prior\s+to|preceding)\s*$", w.group(0), I) else None
        own = (OWN_DIAGNOSIS.match(text, w.end())
               if other is not None and w.start() >= target.end and re.search(r"\b(?:of|from)\s*$", w.group(0), I)
               and _RIGHT_AFTER_DISEASE.fullmatch(text, target.end, w.start()) else None)
        if own is not None and target.expr.concept in MALIGNANCIES and target.expr.op is Op.PRESENT:
            # "AML (≤ 6 months from diagnosis)", "CML within 12 months of diagnosis": the disease's
            # own diagnosis, dated inside the window from today (topics.diagnosis_age)
            target.expr = diagnosed_within(target.expr.concept, window)
            target.end = max(target.end, own.end())
            continue
        if other is not None and not _STUDY_AFTER_ANCHOR.match(text, other.end()):
            # "chemotherapy within 5 years of the diagnosis of SCLC", "relapse within 6 months of
            # completing therapy": counted from another event, not from today; read from today the
            # window answered for the wrong dates, so it stays a person's beside the event
            qualify_since(target, w.start(), other.end(), text)
            target.end = max(target.end, other.end()) if target.end >= w.start() else target.end
            continue
        pred = target.expr
        assert isinstance(pred, Predicate)
        target.expr = predicate(pred.concept, op, pred.value, None, False, window)
        # "chemotherapy or targeted therapy within 28 days": the window holds for the whole list
        chain = [] if own_bracket else [e for e in events if e.end <= target.start]
        right = target
        listed = [target]
        for left in reversed(chain):
            if _head_of_examples(left, text[left.end: right.start]) and not _PRIOR_HEAD.search(text, max(0, left.start - 30), left.start) and text.count("(", 0, w.start()) <= text.count(")", 0, w.start()):
                left.expr = predicate(left.expr.concept, op, left.expr.value, None, False, window)  # type: ignore[union-attr]
                right = left
                listed.insert(0, left)
                continue
            if not (_list_gap(text[left.end: right.start]) or _coronary_list_gap(text[left.end: right.start], right) or op is Op.WITHIN and (_kinds_bracket_gap(text, left, right) or _abbreviation_gap(text, left, right))) or _NEGATED_GAP.search(text, left.end, right.start) or _NEW_PREDICATE.search(text, left.end, right.start) or not isinstance(left.expr, Predicate) or left.expr.window is not None or not_since_misread(left.expr.concept, op, ctype):
                break
            if left.expr.concept not in _TAKEN and _RECEIVING.search(text, left.end, min(right.end, right.start + 16)):
                break  # "Diagnosis of immunodeficiency or receiving steroids within 7 days": the window is the therapy's, not the diagnosis's
            left.expr = predicate(left.expr.concept, op, left.expr.value, None, False, window)  # type: ignore[union-attr]
            right = left
            listed.insert(0, left)
        unread_between: list[str] = []
        if w.end() <= target.start and (op is Op.NOT_WITHIN or op is Op.WITHIN and _WINDOW_TO_COLON.match(text, w.end()) is not None):
            # (a window before a colon opens the list after it: "within the past 6 months: - Cardiac
            # angioplasty or stenting - Myocardial infarction - Unstable angina" dates each)
            # "at least 4 weeks since chemotherapy or radiotherapy": a washout written before the
            # list holds for every item after the first as well (left alone, radiotherapy stood as
            # "any radiotherapy ever", an alternative that met the line for anyone irradiated)
            left = target
            since = re.search(r"\b(?:since|from)\b", w.group(0), I) is not None
            for nxt in [e for e in events if e.start >= target.end]:
                between = text[left.end: nxt.start]
                if op is not Op.WITHIN:
                    pass
                elif text[max(0, left.start - 1): left.start] == "(" and between.lstrip().startswith(")"):
                    # "myocardial infarction (MI), stroke": the abbreviation read as the item again
                    # closes its own bracket, the list runs on after it
                    between = " " + between.lstrip()[1:]
                elif between.strip() == "(" and isinstance(nxt.expr, Predicate) and isinstance(left.expr, Predicate) and nxt.expr.concept == left.expr.concept:
                    between = ", "  # ... and opens it right after the item it restates
                # "≥ 28 days since major surgery, prior chemotherapy, prior treatment with an
                # investigational agent or prior radiation therapy": in an inclusion the list runs on
                # over a therapy's own lead words (stopped there, the therapies after it stood as
                # alternatives and a patient given one of them last week met the line)
                lax = (
                    ctype is CriterionType.INCLUSION and since and not _list_gap(between) and _WASHOUT_GAP.fullmatch(between) is not None
                    and not content_words(_LIST_LEAD_WORDS.sub(" ", between)) and isinstance(nxt.expr, Predicate) and _therapy(nxt.expr.concept)
                )
                bullet = op is Op.WITHIN and re.fullmatch(r"\s*[-•]\s*", between) is not None  # "- A - B": the colon's list
                if not (lax or bullet or _list_gap(between)) or _OWN_CLAUSE_GAP.search(between) or re.search(r"\d|\b(?:days?|weeks?|months?|years?)\b", between, I) or not isinstance(nxt.expr, Predicate) or nxt.expr.op is not Op.PRESENT or nxt.expr.window is not None or not_since_misread(nxt.expr.concept, op, ctype):
                    break
                restated = any(isinstance(it.expr, Predicate) and it.expr.concept == nxt.expr.concept for it in listed)  # a heading's own name after its line
                if ctype is CriterionType.INCLUSION and not restated and content_words(_LIST_LEAD_WORDS.sub(" ", between)):
                    unread_between.append(_LIST_ENDS.sub("", " ".join(between.split())))  # an unread therapy listed: a review beside, never dropped
                nxt.expr = predicate(nxt.expr.concept, op, nxt.expr.value, None, False, window)
                listed.append(nxt)
                left = nxt
        if treated is None:
            listed_after = _listed_after(text[target.end: w.start()]) if w.start() >= target.end else None
            if listed_after is not None:
                unread_after.append((target, listed_after))
            target.end = max(target.end, w.end()) if w.start() >= target.end else target.end
            gap = text[w.end(): target.start] if w.end() <= target.start else ""
            target.start = min(target.start, w.start())
            if re.search(r"\b(?:or|and|and/or|nor)\b|[,/]", gap, I) and content_words(gap):
                # "≥ 2 weeks since systemic therapy or radiation therapy": the unread subject listed
                # before the target stays a review beside it (swallowed whole, the line read
                # radiotherapy alone and passed a patient given chemotherapy last week)
                words = " ".join(gap.split()).strip(" ,/")
                unread: Expr = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words) if ctype is CriterionType.INCLUSION else Alternative(ReviewReason.UNSUPPORTED_CONCEPT, words)
                named = _LISTED_PRODUCT.fullmatch(words)
                if named is not None and " ".join(named.group("name").lower().split()) in PRODUCT_NAMES and op is Op.NOT_WITHIN and ctype is CriterionType.INCLUSION:
                    # "More than 2 weeks since prior valproic acid or other HDAC inhibitors": the product
                    # named before its class is one of them, read by name as the product topic reads
                    # a washout (a record names it or not; when it was last given is a person's). Left
                    # a bare review, valproic acid taken now passed the line
                    name = " ".join(named.group("name").lower().split())
                    unread = product_washout(predicate("named_medication", Op.IS, name), name, window)
                target.expr = all_of([target.expr, unread]) if ctype is CriterionType.INCLUSION else any_of([target.expr, unread])  # type: ignore[list-item]
        if op is Op.NOT_WITHIN and len(listed) > 1 and ctype is CriterionType.INCLUSION:
            # "at least 4 weeks since chemotherapy or radiotherapy" asks it of each: none of them
            # within the window, one item (the words between them would join alternatives)
            first = listed[0]
            first.start = min(it.start for it in listed)
            first.end = max(it.end for it in listed)
            first.expr = all_of([it.expr for it in listed if it.expr is not None])
            for it in listed[1:]:
                items.remove(it)
                events.remove(it)
            if unread_between:
                first.expr = all_of([first.expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "; ".join(unread_between))])  # type: ignore[list-item]
    for it in washouts:
        # "Hormonal therapy ..., as an anti-neoplastic treatment must be discontinued ≥ 1 week
        # prior": the window went to another item; left standing, this one asked for the therapy
        if it in items and isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT:
            items.remove(it)
    # one concept named twice in a clause ("steroid therapy ... of prednisone within 48 hours"):
    # the window read for one holds for every mention
    for it in items:
        if isinstance(it.expr, Predicate) and it.expr.window is not None and it.expr.concept not in windowed_concepts:
            windowed_concepts[it.expr.concept] = it.expr
    for it in items:
        if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT and it.expr.concept in windowed_concepts:
            it.expr = windowed_concepts[it.expr.concept]
    _examples_of(text, items)
    _now(text, items, ctype is CriterionType.EXCLUSION)
    for it in after_transplant:
        # "agents to prevent GVHD after HSCT": given to a transplant recipient (the record shows the
        # transplant or its GVHD); a corticosteroid against the leukaemia is no such agent (read
        # without it, dexamethasone in induction excluded a patient never transplanted)
        if it in items and it.expr is not None:
            it.expr = all_of([it.expr, any_of([predicate("hsct", Op.PRESENT), predicate("gvhd", Op.PRESENT)])])
            it.concepts = it.concepts | {"hsct", "gvhd"}
    _ever(text, items, ctype is CriterionType.EXCLUSION or _NO_HISTORY_OF.match(text) is not None)
    _steroid_dose(text, items)
    _car_t_target_unknown(items)
    graded_events(text, items, permits=ctype is CriterionType.INCLUSION)  # "bleeding event > CTCAE grade 3": the grade narrows the event
    for it in negated_items:
        # "not requiring steroid therapy for at least 2 weeks before ...": the negation and "at
        # least" say one thing, none within the window; negated again it asked for a recent one
        # (a list's washout as well: "At least 4 weeks since prior and no concurrent chemotherapy
        # or radiotherapy" is each therapy's "none within 4 weeks", joined; negated again it asked
        # for a course within the window, met by a patient treated last week)
        if it in items and not _washout_only(it.expr):
            it.expr = Not(it.expr)  # type: ignore[arg-type]
    if "transfus" in low:
        _transfusion_kinds(text, items)
    # "myocardial infarction or symptomatic pericarditis within 12 months": the subject listed
    # after the event, before the window its span takes in, stays a review beside it (swallowed
    # with the window's words, a recent pericarditis passed the line). An inclusion asking the
    # list absent ("No MI or ... within 6 months") lists alternatives as an exclusion does
    required = ctype is CriterionType.INCLUSION and NEGATED.match(text) is None
    for it, words in unread_after:
        if it in items and it.expr is not None:
            unread: Expr = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words) if required else Alternative(ReviewReason.UNSUPPORTED_CONCEPT, words)
            if not required and words.lower() in PRODUCT_NAMES:
                # a product a record names ("growth factor support or lenalidomide in the 30 days"):
                # asked by name, within the window the span's event is asked in (the window the
                # list shares, product_window), else when it was given is a person's
                shared = product_window(it.expr)
                if shared is not None:
                    unread = predicate("named_medication", Op.IS, words.lower(), window=shared)
                else:
                    unread = all_of([predicate("named_medication", Op.IS, words.lower()), Qualifier(ReviewReason.AMBIGUOUS, f"when it was given: {words}")])
            it.expr = all_of([it.expr, unread]) if required else any_of([it.expr, unread])  # type: ignore[list-item]
    _nth_transplant(text, items)
    _bare_asct(text, items)
    if "other than" in low:
        unread_other_than(items, [(m.start(), m.end(), m.group("x"), _ANOTHER.match(m.group(0)) is not None) for m in _other_than(text)])
    if "hematolog" in low or "haematolog" in low:
        non_hematologic(text, items)
    if "progress" in low:
        progressing_or_treated(text, items)
    return items


# "ASCT" alone is an autologous stem cell transplant in most trials and an allogeneic one in some
# ("Patients who have evidence of disease progression before day 100 after ASCT" in a trial of
# allograft recipients, whose other lines say "allogeneic"; ~30 corpus lines write it bare). Read
# as the autologous one only, an allograft recipient was cleared of the line; an allograft on
# record now leaves it to a person, an autograft (or no transplant) still decides
_ASCT_EITHER = "ASCT: an autologous stem cell transplant as a rule, an allogeneic one in some trials"
_BEFORE_ANCHOR = re.compile(r"\b(?:prior\s+to|before|preceding)\s+(?:the\s+|an?\s+|first\s+)?$", I)


def _bare_asct(text: str, items: list[Item]) -> None:
    if "ASCT" not in text:
        return
    for it in items:
        pred = it.expr
        if not isinstance(pred, Predicate) or pred.concept != "auto_hsct" or pred.op not in (Op.PRESENT, Op.WITHIN):
            continue
        if not re.search(r"(?<![\w-])ASCT\b", text[it.start: it.end]) or re.search(r"\bauto", text, I):
            continue  # a line that says "autologous" anywhere defines its letters
        if _BEFORE_ANCHOR.search(text, max(0, it.start - 30), it.start):
            continue  # "Dasatinib use prior to ASCT is allowed": the transplant dates what the line asks, whichever it was
        allo = Predicate(concept="allo_hsct", op=pred.op, window=pred.window)
        it.expr = any_of([pred, all_of([allo, Qualifier(ReviewReason.AMBIGUOUS, _ASCT_EITHER)])])
        it.concepts = it.concepts | {"allo_hsct"}


# "Recipients of first ASCT from related or unrelated donor", "prior to first ASCT", "a second
# allogeneic transplant": which transplant of the patient's it is no record says (a record holds
# each transplant, never its rank), as no record says which relapse (_NTH_BEFORE). Read as any
# transplant, a patient on a second transplant met "first"; the ordinal narrows the transplant, so
# a record holding one leaves the line open, a record holding none still decides
_NTH_TRANSPLANT = re.compile(r"\b(?:first|1st|second|2nd|third|3rd)\s+(?:(?:prior|previous)\s+)?$", I)
_TRANSPLANTS = frozenset({"hsct", "auto_hsct", "allo_hsct"})


def _nth_transplant(text: str, items: list[Item]) -> None:
    for it in items:
        pred = it.expr
        if not isinstance(pred, Predicate) or pred.concept not in _TRANSPLANTS or pred.op not in (Op.PRESENT, Op.WITHIN):
            continue
        nth = _NTH_TRANSPLANT.search(text, max(0, it.start - 20), it.start)
        if nth is not None:
            said = " ".join(text[nth.start(): it.end].split())
            it.expr = all_of([pred, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, f"which transplant: {said}")])
            it.start = nth.start()


_PRODUCT_UNKNOWN = "a transfusion whose product (platelets or red cells) is not recorded"
# a period the record does not date ("any RBC transfusion during the screening period")
# what may stand between a window and the colon that opens its list: the date it counts back from
# and the verdict ("the following within 6 months preceding study entry are not eligible: unstable
# angina, myocardial infarction, ...", "within 6 months prior to enrollment: ..."; left out, only
# the first item was dated and an infarction years ago excluded)
_WINDOW_TO_COLON = re.compile(
    r"\s*(?:(?:(?:prior\s+to|before|preceding|of|from)\s+)?(?:the\s+)?(?:study\s+)?(?:entry|enrol(?:l)?ment|registration|screening|randomi[sz]ation|consent"
    r"|(?:start\s+of\s+)?(?:study\s+)?(?:treatment|therapy)|first\s+dose|day\s+1|study\s+start)\b)?"
    r"(?:\s+(?:are|is|will\s+be)\s+(?:not\s+eligible|ineligible|excluded))?\s*:",
    I,
)
_DURING_PERIOD = re.compile(r"\s*(?:\(\s*\w{1,6}\s*\)\s*)?during\s+(?:the\s+)?(?:screening|run-?in|baseline|observation|pre-?treatment|lead-?in)\s+(?:period|phase|window)\b", I)


def _transfusion_kinds(text: str, items: list[Item]) -> None:
    """A platelet or red cell transfusion asked for: a transfusion recorded without its product
    may have been one (the window reader does not see the concept's subtypes, so it is written
    here); a period the record cannot date stays a qualifier beside the transfusion."""
    for it in list(items):
        negated = isinstance(it.expr, Not)
        pred = it.expr.part if isinstance(it.expr, Not) else it.expr
        if not isinstance(pred, Predicate) or pred.concept not in _TRANSFUSIONS:
            continue
        expr: Expr = pred
        if pred.op is Op.PRESENT:
            during = _DURING_PERIOD.match(text, it.end)
            if during is None:
                # no window: "regular transfusions", "transfusion ... prior 4 weeks of screening" say
                # more than any transfusion ever, so the words stay the residue's (a person's)
                items.remove(it)
                continue
            expr = all_of([pred, Qualifier(ReviewReason.AMBIGUOUS, " ".join(during.group(0).split()).strip("() "))])
            it.end = during.end()
        if pred.concept != "transfusion" and pred.op in (Op.PRESENT, Op.WITHIN, Op.NOT_WITHIN):
            unsaid = predicate("transfusion", pred.op, None, None, False, pred.window)
            q = Qualifier(ReviewReason.AMBIGUOUS, _PRODUCT_UNKNOWN)
            if pred.op is Op.NOT_WITHIN:  # none of the kind within the window: nor any transfusion of unsaid product
                expr = all_of([expr, any_of([unsaid, q])])
            else:
                expr = any_of([expr, all_of([unsaid, q])])
        if expr is not pred:
            it.expr = Not(expr) if negated else expr


def _washout_only(expr: Expr | None) -> bool:
    """Whether ``expr`` is one "no X within N" or several joined by "and" (with the words a
    review keeps beside them, "no concurrent exogenous corticosteroids"): a washout already."""
    if isinstance(expr, All):
        return all(_washout_only(p) or isinstance(p, Review) for p in expr.parts) and any(_washout_only(p) for p in expr.parts)
    return isinstance(expr, Predicate) and expr.op is Op.NOT_WITHIN


def product_window(expr: Expr) -> Window | None:
    """The window a product listed inside an event's span shares with it ("growth factor support
    or lenalidomide in the 30 days prior", holdout T104; rx5): the event asked within a window
    (not outside one, not a washout), the product before that window in the same list."""
    if isinstance(expr, Predicate) and expr.op is Op.WITHIN and expr.window is not None and expr.value is None:
        return expr.window
    return None
