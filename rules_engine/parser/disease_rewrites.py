"""Rewrites of how a diagnosis line words the kinds it leaves out, into the words the exception
readers already know (rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "cutaneous T-cell lymphoma (excludes mycosis fungoides or Sezary syndrome)", "lymphoblastic
  lymphoma (excluded burkitt lymphoma)" (2 corpus lines): the bracket leaves those kinds out, as
  "(excluding ...)" does. Left as written, the verb was no exception word: the named kinds were
  read as more alternatives of the line's list, each with the verb as an unread review, so a
  patient with mycosis fungoides was left to a person by a trial that turns that disease away.
  Only the verb that opens a bracket: "patients excluded from ..." and "excludes patients who"
  say something else and stay as written.
* "FAB classification other than M3 (acute promyelocytic leukemia)", "M3 (APL)": the FAB grade
  glossed by the disease's name is that disease. Left, the bare "M3" (an ALL marrow grade
  elsewhere) stood before the name, the exception's reader did not take the name as the subtype
  excepted and read the words after it as the exception's own ("not (APL and review ...)"), so a
  patient with APL was left to a person by a line that excludes him.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

EXCLUDES_BRACKET = (
    r"([(\[]\s{0,3})exclude[sd](?=\s{1,3}(?!(?:from|if|when|patients?|subjects?|participants?|those|any|all)\b)[A-Za-z])",
    r"\1excluding",
    ("exclude",),
)

GLOSSED_M3 = (
    r"\bM3\s{0,3}\(\s{0,3}(?:acute\s{1,3}promyelocytic\s{1,3}leuka?emia|APL)\s{0,3}\)",
    "acute promyelocytic leukemia",
    ("m3",),
)

ROWS = (EXCLUDES_BRACKET, GLOSSED_M3)
