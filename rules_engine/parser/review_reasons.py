"""Why words no topic read are left to a person, and which ones say so.

A Review carries its reason (consent, the investigator's judgement, a concept Eligo does not hold,
the protocol's own criteria, a forecast, an organ's function with no limit stated). The reason is
worked out from the words alone, by the residue policy (``residue``) and by the line and its
readings alike, so it sits below all of them with nothing of theirs to import.
"""

from __future__ import annotations

import re

from functools import lru_cache
from rules_engine.criteria import ReviewReason
from rules_engine.parser.items import I
from rules_engine.parser.literal_gates import gated_many


# ("cooperate", "cooperation" are the patient's; "Cooperative" names a group, the Eastern Cooperative
# Oncology Group whose scale a performance line cites: read as consent, 20 corpus ECOG lines stayed open)
CONSENT = re.compile(
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


# (behind its words' gate: literal_gates.gated_many)
_UNSUPPORTED = gated_many(re.compile(
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
))


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
    if CONSENT.search(text):
        return ReviewReason.CONSENT
    # ("except for clinically insignificant toxicity, such as baldness": which toxicities matter is
    # the investigator's, whatever the toxicity's word; read as a concept Eligo lacks, the line
    # looked unread where it is a person's by its own words)
    # ("The researchers assessed that the subjects with other cardiovascular ... diseases are not
    # suitable for the study": the trial's researchers are its investigators, and whom a study
    # suits is theirs to say, whatever the words beside it name)
    if re.search(r"\b(?:investigator|physician|judg(?:e?ment|ed)|opinion|discretion|deemed|clinically\s+(?:in|non-?\s?)?significant)\b"
                 r"|\bresearchers?\s+(?:assess|consider|judge|determine|deem|think|believe)\w{0,2}\b"
                 r"|\b(?:not\s+|un)suitable\s+for\s+(?:the\s+|this\s+)?(?:study|trial|participation|enrol+ment)\b", text, I):
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
