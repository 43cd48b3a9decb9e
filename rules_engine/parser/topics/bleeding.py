"""Bleeding as registries write it: "Active bleeding", "History of gastrointestinal bleeding within
3 months", "Pulmonary hemorrhage/bleeding event >= CTCAE Grade 2 within 4 weeks of first dose",
"Documented history of cranial hemorrhage", "Known inherited predisposition to bleeding" (about
130 corpus lines left wholly to review before these rows, nearly all exclusions of trials of
anti-angiogenic and anticoagulant-sensitive drugs).

A bleeding episode is a diagnosis a hospital codes (ICD-10-CM R58, K92.0-K92.2, R04, I60-I62 ...;
codes.toml): ``hemorrhage``, with the sites lines name most as its kinds (intracranial,
gastrointestinal, pulmonary), so "any bleeding" sees a coded GI bleed and "CNS bleeding" does
not see a nosebleed. A predisposition to bleed is the bleeding diathesis Eligo already reads.

The rows are read by the history table of ``events``, so a bleeding keeps every rule of a history
item: read in an exclusion wherever named, in an inclusion only where the line asks about it,
with the window written beside it ("within 4 weeks"). What narrows it and no record decides
stays a review beside it (``All(bleeding, review)``): a CTCAE grade (``events`` keeps a grade
written before or after an event as a qualifier), "clinically significant", "intratumoral".
A risk of bleeding ("at high risk of bleeding", "lesions likely to bleed") is no bleeding: those
words are never read here and leave the line to a person.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

_BLEED = r"(?:ha?emorrhages?|bleed(?:ing|s)?)"
# a risk, a cause or a manner named before the word is not a bleeding that happened
_NOT_AN_EPISODE = (
    r"(?<!risk of )(?<!risk for )(?<!risks of )(?<!likely to )(?<!prone to )(?<!with or without )(?<!potential for )"
    r"(?<!predisposition to )(?<!predisposing to )(?<!predisposed to )(?<!tendency to )(?<!tendency for )"
)
# a kind of bleeding named by the word after it, which is not the episode itself
_NOT_AFTER = r"(?!\s*(?:diathes[ie]s|disorders?|tendenc(?:y|ies)|risk|time|precautions?|scores?))"

_SITE_JOIN = r"(?:\s*(?:,|/|or|and|and/or)\s*|\s+)"

# (concept, pattern, gate words one of which the clause must hold), narrowest first
BLEEDING_EVENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # "predisposition to bleeding", "hemorrhagic tendencies": the diathesis, not an episode
    ("bleeding_diathesis",
     r"(?:predisposition|predisposing|tendenc(?:y|ies))\s+(?:to|for|towards)\s+(?:bleeding|ha?emorrhage)|(?:bleeding|ha?emorrhagic)\s+tendenc(?:y|ies)"
     r"|(?:disorders?|abnormalit(?:y|ies))\s+of\s+(?:platelet\s+function|coagulation|hemostasis|haemostasis)|platelet\s+function\s+disorders?"
     r"|hemophilia|haemophilia|von\s+Willebrand(?:'s)?(?:\s+disease)?",
     ("predispos", "tendenc", "disorder", "abnormalit", "hemophilia", "haemophilia", "willebrand")),
    ("intracranial_hemorrhage",
     r"(?:intracranial|intra-cranial|intracerebral|cerebral|cranial|subarachnoid|subdural|intraparenchymal|brain|CNS|central\s+nervous\s+system)"
     r"(?:" + _SITE_JOIN + r"(?:intracranial|intracerebral|cerebral|subarachnoid|subdural|intraparenchymal|intratumou?ral|brain|CNS))?\s+" + _BLEED + _NOT_AFTER
     + r"|(?:ha?emorrhage|bleeding)\s+(?:in|into|of)\s+(?:the\s+)?(?:brain|CNS|central\s+nervous\s+system)"
     # "cerebrovascular ischemia/hemorrhage": the bleeding a cerebrovascular event may be
     r"|cerebrovascular\s+(?:(?:ischa?emi[ac]|infarction|ischa?emic\s+stroke)\s*(?:/|or|and|and/or)\s*)?" + _BLEED,
     ("hemorrh", "haemorrh", "bleed")),
    ("gi_hemorrhage",
     r"(?:(?:upper|lower)(?:\s*(?:or|and|and/or|/)\s*(?:upper|lower))?\s+)?"
     r"(?:gastrointestinal|GI|gastric|intestinal|rectal|variceal|esophageal|oesophageal|duodenal|digestive(?:\s+tract)?|ulcer|peptic\s+ulcer)"
     r"(?:" + _SITE_JOIN + r"(?:gastrointestinal|GI|gastric|intestinal|variceal|esophageal|oesophageal|duodenal|ulcer))?(?:\s+tract)?\s+" + _BLEED + _NOT_AFTER
     + r"|(?:ha?emorrhage|bleeding)\s+(?:from|in|of)\s+(?:the\s+)?(?:gastrointestinal|GI|digestive)(?:\s+tract)?"
     r"|bleeding\s+(?:ulcers?|varices|oesophageal\s+varices|esophageal\s+varices)|ha?ematemesis|mela?ena|ha?ematochezia|bloody\s+vomit|rectal\s+bleeding",
     ("hemorrh", "haemorrh", "bleed", "hematemesis", "haematemesis", "melena", "melaena", "hematochezia", "haematochezia", "vomit")),
    ("pulmonary_hemorrhage",
     r"(?:pulmonary|lung|alveolar|airway|respiratory\s+tract)\s+" + _BLEED + _NOT_AFTER + r"|ha?emoptysis|spitting\s+up\s+blood",
     ("hemorrh", "haemorrh", "bleed", "hemoptysis", "haemoptysis", "spitting")),
    # (a line that is the word alone, "Bleeding", heads the lines under it: its own word is no
    # requirement beside theirs, and read as one it hid a bleeding diathesis its children name)
    ("hemorrhage",
     r"(?<!^)(?<!^\s)" + _NOT_AN_EPISODE + r"(?<![-\w])(?:ha?emorrhages?|bleeding|bleeds?)(?:\s*(?:/|or|and/or)\s*(?:bleeding|ha?emorrhages?))?(?:\s+(?:events?|episodes?|complications?))?" + _NOT_AFTER + r"(?![-\w])",
     ("hemorrh", "haemorrh", "bleed")),
)
