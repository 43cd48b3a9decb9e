"""Rewrites of how a line words a history of cancer, into the words the malignancy readers
already know (rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "Disease free of prior malignancies for >= 5 years with exception of currently treated basal
  cell, squamous cell carcinoma of the skin, or carcinoma "insitu" of the cervix or breast",
  "Patients must be disease free of any prior malignancies for >= 3 years" (12 corpus lines, most
  of them inclusions of one cooperative group's lymphoma trials): no other cancer within the
  span, which "No prior malignancies within 5 years ..." says in the words the readers know.
  Left, the span was unread, the excepted cancers became what the inclusion asked for ("basal
  cell carcinoma or ... breast"), and a breast cancer three years ago left its patient unknown.
* "carcinoma "insitu" of the cervix", "carcinoma "in-situ"" (14 corpus lines): carcinoma in
  situ; the quotes and the run-together word hid it from the in situ reader.
* "with exception of" after a malignancy ("Prior malignancies within the past 3 years with
  exception of adequately treated basal cell ..."): the exception the readers know as "with the
  exception of"; without the article the excepted cancers were read as alternatives of the line
  (a basal cell carcinoma met an exclusion that excepts it). Only after a cancer's words: the
  same slip before a therapy or a liver disease is another reader's.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

import re

_SPAN_LEAD = r"(?:at\s+least|a\s+minimum\s+of|greater\s+than(?:\s+or\s+equal\s+to)?|more\s+than|>\s*/\s*=|>=|≥|>)"


def _no_prior(m: re.Match[str]) -> str:
    return f"{m.group('lead') or ''}No prior {m.group('noun')} within {m.group('n')} years"


DISEASE_FREE_OF_PRIOR = (
    r"(?P<lead>^\W*+(?:\d{1,2}[.)]\s*+)?)?(?:(?:patients?|subjects?|participants?)\s+(?:must|should|shall)\s+be\s+)?(?:disease|cancer|tumou?r)[\s-]*free\s+(?:of|from)\s+"
    r"(?:any\s+)?(?:prior|previous|other|second|2nd)\s+(?:invasive\s+)?(?P<noun>malignanc(?:y|ies)|cancers?)\s+for\s+(?:"
    + _SPAN_LEAD
    + r"\s*)?(?P<n>\d{1,2})\s*years?\b",
    _no_prior,
    ("free",),
)

IN_SITU_QUOTED = (r"\"\s?(?:in[\s-]?situ|insitu)\s?\"|\binsitu\b", "in situ", ("situ",))

WITH_EXCEPTION_OF = (
    r"\b(malignanc(?:y|ies)|cancers?|neoplasms?)([^.;()]{0,60}?)\s+with\s+exception\s+of\b",
    r"\1\2 with the exception of",
    ("exception",),
)

ROWS = (DISEASE_FREE_OF_PRIOR, IN_SITU_QUOTED, WITH_EXCEPTION_OF)
