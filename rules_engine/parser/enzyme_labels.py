"""A label naming the liver tests before the tests it names ("The transaminases alanine
aminotransferase (ALT) and aspartate aminotransferase (AST) must each be <= 3-times ULN",
"Transaminases: aspartate aminotransferase (AST) or alanine aminotransferase (ALT) <= 2 x ULN",
"Liver function tests: AST, ALT, and AlkP < 3.0 x ULN"): the label says nothing the names after it
do not, and left it was an unread review beside the bounds, so a patient whose ALT and AST met
them was unknown (a row of ``normalize._SUBS``: pattern, replacement, gate words).

Only the plural label ("alanine aminotransferase ALT" is a name with its abbreviation, no label),
right before a transaminase's own name (and "liver function tests" only with its colon:
"abnormal liver function tests such as AST ..." is an example list, no label). The pattern's
repetitions are all bounded.
"""

from __future__ import annotations

_NAMES = r"(?=(?:alanine|aspartate|AST|ALT|SGOT|SGPT|ASAT|ALAT)\b)"

TRANSAMINASE_LABEL = (
    r"\b(?:the\s{1,3})?(?:serum\s{1,3})?(?:(?:transaminases|aminotransferases)\s{0,3}:?|liver\s{1,3}function\s{1,3}tests?\s{0,3}:)\s{0,3}" + _NAMES,
    "",
    ("transaminases", "aminotransferases", "function test"),
)

ROWS = (TRANSAMINASE_LABEL,)
