"""Rewrites of how a line words a history of cancer, into the words the malignancy readers
already know (rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "carcinoma "insitu" of the cervix", "carcinoma "in-situ"" (14 corpus lines): carcinoma in
  situ; the quotes and the run-together word hid it from the in situ reader.

("with exception of" after a malignancy, read as "with the exception of", is held back: on a
"Disease-free of prior malignancies for >= 5 years with exception of ..." inclusion it left the
line wholly unread, a review, where the part read before kept a patient with a cancer 3 years ago
from coming out eligible; it can land with that line's own reading, itself held back while it
would expose that trial's unread exclusions.)

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

IN_SITU_QUOTED = (r"\"\s?(?:in[\s-]?situ|insitu)\s?\"|\binsitu\b", "in situ", ("situ",))

ROWS = (IN_SITU_QUOTED,)
