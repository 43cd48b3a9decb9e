"""Rewrites of how a line words a drug allergy, into the words the allergy reader knows (rows of
``normalize._SUBS``: pattern, replacement, gate words).

* One reaction named twice where one of the words is intolerance ("Known hypersensitivity or
  intolerance to metformin", "allergic reaction or intolerance to either dasatinib or zileuton",
  "allergy or intolerance to 5HT3 or NK-1 antagonists", "History of intolerance or hypersensitivity
  to trastuzumab"; about 12 corpus lines): the first word, with no "to" of its own, was read alone
  as any drug allergy (a penicillin allergy excluded from a metformin trial) or left an unread
  alternative. Both are the one reaction to the products named, as ``normalize``'s row for "allergy
  or hypersensitivity to" reads them (an intolerance is recorded as an AllergyIntolerance too).
  Not "allergic or anaphylactic reactions to": the anaphylaxis keeps its own reading, and with it
  a severity written apart ("severe (i.e., requiring discontinuation ...) prior allergic or
  anaphylactic reactions to rituximab") stays a person's.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

_REACTION = r"(?:allerg(?:y|ies|ic)|hypersensitivit(?:y|ies)|intolerances?|anaphyla(?:xis|ctic))(?:\s{1,3}reactions?)?"
_EITHER_FIRST = r"intolerances?"

TWICE_WITH_INTOLERANCE = (
    rf"\b(?:{_REACTION}\s{{0,3}}(?:/|\bor\b|\band/or\b)\s{{0,3}}{_EITHER_FIRST}|{_EITHER_FIRST}\s{{0,3}}(?:/|\bor\b|\band/or\b)\s{{0,3}}{_REACTION})"
    r"(?=\s{1,3}(?:to|against)\b)",
    "hypersensitivity",
    ("intoleran",),
)

ROWS = (TWICE_WITH_INTOLERANCE,)
