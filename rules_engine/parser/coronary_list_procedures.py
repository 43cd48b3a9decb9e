"""A bare "angioplasty" or "stent placement" listed among the heart's events.

"A history of myocardial infarction, angioplasty or stent placement, unstable angina pectoris, or
other clinically significant heart disease in the 12 months prior to enrollment", "Unstable angina
pectoris, angioplasty, stenting, or myocardial infarction within 6 months" (a seed line and four
corpus lines): the procedure stands in a list of coronary events, and it is the heart's arteries
it opens. ``events`` reads the heart's procedure only where the text names the heart ("coronary
angioplasty", "cardiac stenting") and leaves a bare one unread, since alone it may be another
vessel's or a bile duct's; so the procedure stood as an unread review beside the infarction, and
a stent placed last month never excluded the patient.

Where the line names a myocardial infarction or angina and nothing of another vessel or duct
("vascular", "peripheral", "biliary", a stroke's or the carotid's, ...), each bare procedure is
said as the heart's ("coronary angioplasty") and read as ``coronary_revascularization``. A line
naming another vessel ("cardiac or other vascular stenting, angioplasty", "coronary/peripheral
artery bypass graft or stenting") is left as written: there a peripheral stent is one the line
excludes, and the coronary reading would have let it in.

The patterns are bounded alternations; none nests a repetition.
"""

from __future__ import annotations

import re

_GATE = ("angioplast", "stent")
_HEART_EVENT = re.compile(r"\bmyocardial\s+infarct|\bangina\b|\bheart\s+attacks?\b", re.IGNORECASE)
# another vessel's, a duct's or a hollow organ's procedure, or a brain's event beside it
_OTHER_SITE = re.compile(
    r"\b(?:vascular|vessels?|peripheral|arter(?:y|ies|ial)|carotid|renal|limbs?|femoral|iliac|aort\w{0,4}|venous|veins?|"
    r"biliar\w{0,3}|bile|hepato\w{0,10}|ureter\w{0,3}|urinar\w{0,3}|duoden\w{0,3}|colon\w{0,3}|colorectal|rectal|esophag\w{0,3}|oesophag\w{0,3}|"
    r"enteral|gastr\w{0,10}|tracheal|airway|bronch\w{0,5}|stroke|cerebr\w{0,10}|intracranial|TIA)\b",
    re.IGNORECASE,
)
_BARE = re.compile(
    r"(?<![\w-])(?<!coronary\s)(?<!cardiac\s)(?<!heart\s)(?<!balloon\s)"
    r"(?:balloon\s+)?(?:angioplast(?:y|ies)|stent(?:s|ing)?(?:\s+placements?)?|stent\s+implantation)\b",
    re.IGNORECASE,
)


def coronary_list_procedures(text: str) -> str:
    """``text`` with each bare angioplasty or stent of a list of the heart's events said as the
    heart's (see the module's doc); any other text as it is."""
    low = text.lower()
    if not any(g in low for g in _GATE) or _HEART_EVENT.search(text) is None or _OTHER_SITE.search(text) is not None:
        return text
    return _BARE.sub(lambda m: "coronary " + m.group(0), text)
