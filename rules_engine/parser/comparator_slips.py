"""Rewrites of comparators as registries mistype them, into the spellings the comparator rows of
``normalize._SUBS`` read (rows: pattern, replacement, gate words). They run before those rows.

Left as typed, the bound was worse than unread in two of them: "ECOG PS less than equals to (<=)
2" and "ECOG performance score less or equal 2" were read as "ECOG = 2", failing a patient of
ECOG 0 or 1; the others left whole lines of a blood count a review:

* a stray "=" before a sign ("Hemoglobin = ≥9 g/dL", "AST and ALT = ≤2.5 x ULN"; 10 corpus lines);
* "to" for "than" after "equal or greater" ("Platelets equal or greater to 100 x 10^9/L"; 4);
* "equals" for "equal" with the "or" left out ("greater than equals to (>=) 18 years", "lass than
  equals to (<=) 1.5 x ULN"; 5), and "lass" for "less" (1);
* "less or equal 2", "greater or equal 70" with no "to" (2);
* "that" for "than" before a number ("less that 3mg/dl", "less that or equal to 1.5"; 3);
* a sign before "equal to" ("Platelet count > equal to 100,000/uL"; 1);
* "to" glued to its number ("greater than or equal to12 week"; 2).

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

# "= ≥9 g/dL": the sign alone ("≥ =" and "=>" are the comparator rows')
STRAY_EQUALS = (r"(?<![<>≤≥=!])=\s?([≥≤])", r"\1", ("=",))
# "lass than": the vowel slipped
LASS = (r"\blass\s+(?=than\b|that\b)", "less ", ("lass",))
# "less that 3mg/dl", "less that or equal to": "than" (only before a number or "or equal")
THAT_FOR_THAN = (r"\b(less|lower|greater|more|higher)\s+that\s+(?=\d|or\s+equal\b)", r"\1 than ", ("that",))
# "equal or greater to 100": "than"
EQUAL_OR_MORE_TO = (r"\bequal\s+or\s+(greater|more|higher|less|lower)\s+to\s+(?=\d)", r"equal or \1 than ", ("equal",))
# "greater than equals to (>=)": "equal"
THAN_EQUALS = (r"\b(greater|more|higher|less|lower)\s+than\s+equals\s+(?=to\b)", r"\1 than equal ", ("equals",))
# "less or equal 2": "to" (only before a number; "less or equal to" is read as it is)
OR_EQUAL_NUMBER = (r"\b(greater|more|higher|less|lower)\s+or\s+equal\s+(?=\d)", r"\1 or equal to ", ("equal",))
# "> equal to 100,000": the sign with its "or" left out
SIGN_EQUAL_TO = (r"([<>])\s?equal\s+to\s+(?=\d)", r"\1= ", ("equal",))
# "equal to12 week": the number apart
GLUED_TO = (r"\b(equal\s+to)(?=\d)", r"\1 ", ("equal",))

ROWS = (STRAY_EQUALS, LASS, THAT_FOR_THAN, EQUAL_OR_MORE_TO, THAN_EQUALS, OR_EQUAL_NUMBER, SIGN_EQUAL_TO, GLUED_TO)
