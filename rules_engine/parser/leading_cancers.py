"""An unread cancer named first in a list of diagnoses ("Diagnosis of Wilms tumor or ALL", "Patients
with neuroblastoma or AML", "received treatment for brain tumor or ALL"): one more alternative of
the list, as it already is when it comes after the read one ("ALL or Wilms tumor").

``residue._unread_alternatives`` took a list to begin with an item the topics read; an unread
phrase before the first one, and any phrase holding a frame word such as "with", stood apart, so an
inclusion asked for both diagnoses ("ALL and review 'brain tumor'") and a patient with the brain
tumour alone failed a line that lets either in (holdout T223). The phrase counts as a diagnosis
only when, with its frame ("Patients with", "Diagnosis of", "History of", "received treatment
for") set aside, it is a short name ending in a cancer's noun, it negates nothing, and the list's
next member is a read cancer joined by "or": then it is an alternative whose outcome is unknown.

Kept apart from ``residue``: which unread words name a diagnosis is a reading of its own; the
residue policy only asks it.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I, content_words

# the frame a diagnosis is named in, before its name
_FRAME = re.compile(
    r"\W*(?:(?:patients?|subjects?|participants?|children|adults?|individuals?)\s+(?:with|who\s+have|having)\s+"
    r"|(?:(?:a|the)\s+)?(?:(?:confirmed|documented|established)\s+)?diagnosis\s+of\s+"
    r"|(?:(?:a|the)\s+)?history\s+of\s+"
    r"|(?:have\s+|has\s+)?(?:received|receiving)\s+(?:treatment|therapy)\s+for\s+)"
    r"(?:(?:an?|the)\s+)?",
    I,
)
# a cancer's noun closing the name
_CANCER_END = re.compile(
    r"\b[a-z]*(?:cancers?|carcinomas?|tumou?rs?|lymphomas?|leuka?emias?|myelomas?|melanomas?|sarcomas?|neoplasms?|gliomas?|blastomas?)$", I
)
# words that make the phrase more than a name (negation, a qualifier, a bound, a time)
_NOT_A_NAME = re.compile(
    r"\b(?:no|not|non|none|never|without|nor|neither|other|another|prior|previous|history|with|who|which|that|by|on|after|during|"
    r"following|since|within|except|unless|if)\b|\d|[<>≤≥]",
    I,
)


def leading_cancer(phrase: str) -> bool:
    """Whether an unread phrase, its frame set aside, is only a cancer's name."""
    frame = _FRAME.match(phrase)
    name = phrase[frame.end():] if frame else phrase
    name = " ".join(name.split()).rstrip(" ,.")
    return bool(_CANCER_END.search(name)) and 0 < len(content_words(name)) <= 4 and not _NOT_A_NAME.search(name)
