"""Rewrites of how a line words a history of cancer, into the words the malignancy readers
already know (rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "carcinoma "insitu" of the cervix", "carcinoma "in-situ"" (14 corpus lines): carcinoma in
  situ; the quotes and the run-together word hid it from the in situ reader.

* "Disease free of prior malignancies for >= 5 years with exception of ...": no prior malignancy
  within the span (nor an active one), with its exceptions (``DISEASE_FREE_OF_PRIOR``).

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

import re


def _disease_free_of_prior(m: re.Match[str]) -> str:
    excepted = " with the exception of" if re.search(r"exception\s+of$", m.group(0), re.I) else ""
    return f"No prior malignancies within {m.group(1)} {m.group(2)}{excepted}"

IN_SITU_QUOTED = (r"\"\s?(?:in[\s-]?situ|insitu)\s?\"|\binsitu\b", "in situ", ("situ",))

# "Disease free of prior malignancies for >= 5 years with exception of currently treated basal cell,
# squamous cell carcinoma of the skin, or carcinoma in situ of the cervix or breast" (the Celgene
# template's inclusion, 7 corpus lines): no prior malignancy within the span, with the cancers it
# excepts, as the exclusion readers know it. Left, the line was a review whole (a patient with a
# cancer 2 years ago was never failed; a clean one never passed). The span's bound only: "for"
# without one is left as written
DISEASE_FREE_OF_PRIOR = (
    r"\bdisease[\s-]+free\s+(?:of|from)\s+(?:any\s+)?(?:prior|previous|other)\s+(?:malignanc(?:y|ies)|cancers?)\s+for\s+"
    r"(?:≥|>=|>/=|=>|at\s+least|greater\s+than\s+or\s+equal\s+to)\s*(\d{1,2})\s+(years?)(?:\s*,?\s*with\s+(?:the\s+)?exception\s+of\b)?",
    _disease_free_of_prior,
    ("disease free", "disease-free"),
)

# (the span is the malignancy's while it lasts too: a cancer found 8 years ago and active now is no
# 5 years disease-free; ``coded.resolve`` counts it so, as for every disease-free span it reads)
DISEASE_FREE_OF_PRIOR_RE = re.compile(DISEASE_FREE_OF_PRIOR[0], re.I)

ROWS = (IN_SITU_QUOTED, DISEASE_FREE_OF_PRIOR)
