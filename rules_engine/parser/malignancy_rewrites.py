"""Rewrites of how a line words a history of cancer, into the words the malignancy readers
already know (rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "carcinoma "insitu" of the cervix", "carcinoma "in-situ"" (14 corpus lines): carcinoma in
  situ; the quotes and the run-together word hid it from the in situ reader.

("with exception of" after a malignancy, read as "with the exception of", is held back: on a
"Disease-free of prior malignancies for >= 5 years with exception of ..." inclusion it left the
line wholly unread, a review, where the part read before kept a patient with a cancer 3 years ago
from coming out eligible; it can land with that line's own reading, itself held back while it
would expose that trial's unread exclusions.)

* "(exceptions are squamous and basal cell carcinomas of the skin ...)" (4 corpus lines): "(except
  ...", the exception the malignancy readers know.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

IN_SITU_QUOTED = (r"\"\s?(?:in[\s-]?situ|insitu)\s?\"|\binsitu\b", "in situ", ("situ",))

# "(exceptions are squamous and basal cell carcinomas of the skin and carcinoma in situ of the
# cervix, or malignancy that ... is considered cured with minimal risk of recurrence)" (one sponsor's
# template, 4 corpus lines): an exception of the malignancy before it, as "(except ..." is read;
# left, the excepted cancers were read as more alternatives of the exclusion. Only before a cancer
EXCEPTIONS_ARE = (
    r"\(\s*exceptions\s+are\s+(?=(?:squamous|basal|non-?\s?melanoma|carcinoma|cervical|in\s+situ)\b)",
    "(except ",
    ("exceptions",),
)

# its last exception, "or malignancy that in the opinion of the investigator ... is considered
# cured": another malignancy, which the exception readers keep as a person's (a widened exception)
# beside the cancers it names; left, a cured cancer the exception may cover was counted
OR_MALIGNANCY_THAT = (r"\b(or\s+)(malignanc(?:y|ies)\s+(?:that|which)\s+in\s+the\s+opinion)\b", r"\1other \2", ("opinion",))

ROWS = (IN_SITU_QUOTED, EXCEPTIONS_ARE, OR_MALIGNANCY_THAT)
