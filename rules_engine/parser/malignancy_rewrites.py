"""Rewrites of how a line words a history of cancer, into the words the malignancy readers
already know (rows of ``normalize._SUBS``: pattern, replacement, gate words).

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

IN_SITU_QUOTED = (r"\"\s?(?:in[\s-]?situ|insitu)\s?\"|\binsitu\b", "in situ", ("situ",))

WITH_EXCEPTION_OF = (
    r"\b(malignanc(?:y|ies)|cancers?|neoplasms?)([^.;()]{0,60}?)\s+with\s+exception\s+of\b",
    r"\1\2 with the exception of",
    ("exception",),
)

ROWS = (IN_SITU_QUOTED, WITH_EXCEPTION_OF)
