"""Rewrites of how a line words a medication washout or a drug class, into the words the therapy
readers already know (rows of ``normalize._SUBS``: pattern, replacement, gate words), and the
sentence that permits hydroxyurea beside a washout (blanked as ``remarks.HYDROXYUREA_EXCEPTED``).

* "Current use of a prohibited medication including anticoagulants or platelet inhibitors",
  "Use of prohibited medications such as ..." (3 corpus lines): the list names some of what the
  protocol prohibits. Each drug named excludes the patient; a record of none of them still leaves
  the protocol's other prohibited medications to a person. Left, the lead words were an unread
  conjunct of every drug, and a patient on apixaban was unknown.
* "Current or within 30 days prior to enrollment treatment with immune modulators such as
  systemic cyclosporine or tacrolimus" (2 corpus lines): the window said before the treatment. A
  treatment taken now is one taken within the span (the record dates an ongoing therapy on the
  day), so "current" adds nothing; said first, the window was an unread word beside the drugs and
  a patient on tacrolimus was unknown.
* "immune modulators such as cyclosporine or tacrolimus" (2 corpus lines, and the same class
  with its examples in brackets already read so): the examples are drugs of the class, which is
  wider (lenalidomide, interferons): each example excludes, the rest of the class stays a person's,
  as the bracketed "(e.g., ...)" form reads.

* "must not take other investigational drugs" (``TAKE_AS_RECEIVE``): taking is receiving.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

PROHIBITED_LISTED = (
    r"\b(?:(?:an?|any)\s+)?prohibited\s+(?:concomitant\s+)?(?:medications?|drugs?|medicines?)(?:\s*\(s\))?\s*,?\s*(?:including|such\s+as|e\.g\.,?)\s+(?=[a-z])",
    "other prohibited medications or ",
    ("prohibited",),
)

_SPAN = r"\d{1,3}\s+(?:days?|weeks?|months?)"
_POINT = (
    r"(?:\s+(?:prior\s+to|before)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:enrol+ment|registration|randomi[sz]ation|entry|screening|dos(?:e|ing)|treatment|therapy))?"
)
WINDOW_FIRST = (
    r"\bcurrent(?:ly)?\s+or\s+(within\s+(?:the\s+)?(?:past\s+|last\s+)?" + _SPAN + _POINT + r")\s+"
    r"(treatment|therapy|use)\s+with\s+([^.;]{1,150}?)(?=\s*(?:[.;]|$))",
    r"\2 with \3 \1",
    ("current",),
)

IMMUNE_MODULATOR_EXAMPLES = (
    r"\b(immune[\s-]?modulat(?:ors?|ing\s+(?:agents?|drugs?|therap(?:y|ies))|ory\s+(?:agents?|drugs?)))\s+such\s+as\s+"
    r"([^.;()]{1,150}?)(?=\s*(?:[.;]|$|\bwithin\b))",
    r"\1 (e.g., \2)",
    ("modulat",),
)

# "Patients must not take other investigational drugs within 28 days", "who take any agent that is
# known to prolong QT" (3 corpus lines): taking a drug is receiving it, the verb the therapy
# readers know (left, "take" was an unread word beside the drug, and a patient given an
# investigational drug last week was unknown). Only before a drug's determiner: "unable to take
# oral medication", "must take lamivudine" ask something else
TAKE_AS_RECEIVE = (
    r"\b((?:must|should|shall|may|can|do|does|will)\s+not|cannot|who)\s+take\s+(?=(?:any|other|concurrent|concomitant)\b)",
    r"\1 receive ",
    ("take",),
)

# "Prior therapy with approved monoclonal antibodies (e.g., bevacizumab, cetuximab) allowed": the
# examples of a permitted class, before the permission's last word, hid the permission from its
# reader (``permitted_subject``), and the class became a requirement every patient without it
# failed. The class alone permits as much (its examples are of it)
PERMITTED_CLASS_EXAMPLES = (
    r"\b(monoclonal\s+antibod(?:y|ies))\s*\(\s*(?:e\.?\s?g\.?|for\s+example|such\s+as|including)\b[^()]{0,200}\)\s*"
    r"(?=(?:is\s+|are\s+)?(?:allowed|permitted)\s*\.?\s*$)",
    r"\1 ",
    ("monoclonal",),
)

ROWS = (PROHIBITED_LISTED, WINDOW_FIRST, IMMUNE_MODULATOR_EXAMPLES, TAKE_AS_RECEIVE, PERMITTED_CLASS_EXAMPLES)


# A sentence that permits hydroxyurea beside a washout ("No chemotherapy or radiation therapy
# within 4 weeks of study entry. Hydroxyurea is allowed prior to starting therapy in the setting
# of rapidly proliferating disease."; 8 corpus lines permit it in a sentence, 2 more at the
# investigator's discretion or for cytoreduction): it excepts
# hydroxyurea from the line's chemotherapy, as "except for hydroxyurea" does. Read as a widening,
# it narrowed the line's last alternative, the radiotherapy, and a patient irradiated last week
# was unknown. Only a bare permission, or one before the study's therapy or for the cytoreduction
# it is given for: a dose, a day limit or a cycle ("up to 24 hours prior", "during the first
# cycle") narrows it and is left.
HYDROXYUREA_PERMITTED = (
    r"(?:(?<=[.;(])|^)\s*+(?:note\s*:\s*)?(?:the\s+use\s+of\s+)?(?:hydroxyurea|hydroxycarbamide|hydrea)(?:\s*\(\s*(?:hydrea|hydroxyurea)\s*\))?"
    # (what it is given for, "Hydroxyurea for cyto-reduction is allowed prior to the start of therapy")
    r"(?:\s+for\s+cyto-?\s?reduction)?"
    r"\s+(?:is|will\s+be)\s+(?:allowed|permitted)"
    # (whose call it is, "Hydroxyurea is permitted at the investigator's discretion prior to enrollment")
    r"(?:\s+at\s+(?:the\s+)?(?:investigator|physician|treating\s+physician)(?:'s|’s|s')?\s+discretion)?"
    r"(?:\s+(?:prior\s+to|before)\s+(?:starting\s+|the\s+start\s+of\s+)?(?:the\s+)?(?:study\s+)?(?:therapy|treatment|enrol+ment|entry|registration|randomi[sz]ation))?"
    r"(?:\s+(?:in\s+the\s+setting\s+of|for)\s+(?:(?:rapidly|highly)\s+)?(?:proliferat\w+|progressive)\s+disease)?"
    r"\s*\)?(?=\s*(?:[,;.]|$))"
)
