"""Rewrites of how registries spell the upper limit of normal a lab bound is a multiple of, into
the ``ULN`` the lab readers know (rows of ``normalize._SUBS``: pattern, replacement, gate words).
They run after the row that turns "upper limit of normal" into ``ULN``, so they see its result.

Left as they were, these spellings did worse than leave a bound unread: the number before them
was read with the lab's usual unit, so "bilirubin <= 2 times the institutional upper limit" asked
for 2 mg/dL (a bilirubin of 2.2 mg/dL with an upper limit of 1.2 failed it), and the bounds of the
transaminases, which have no usual unit, were each a review "a threshold without a unit".

* the institution's limit without "of normal" ("< 2.5 X institutional upper limit", "≤ 2 times
  the institutional upper limit"; 9 corpus lines);
* the limit with the institution inside it ("≤ 2.5 times upper institutional limit of the
  "normal" range", "< 3.0 x upper institution limit for normal"; 3 corpus lines);
* an institution's own initials before it ("ALT ≤ 2.5 times the UIHC upper limit of normal"; 2);
* the multiple with its "x" left out ("total bilirubin, AST, and ALT ≤2 the institutional ULN
  value", "PT/INR or PTT >= 1.3 the laboratory ULN"; 2);
* the institution as a noun before the letters ("less than institution ULN"; 1);
* "fold than" ("Direct bilirubin ≥2-fold than the upper limit of normal"; 1) and the slips
  "ILUN", "times UL" and "Unit Line Number (ULN)" (1 each).

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

# the laboratory whose limit it is, said before "upper limit" with no "of normal" after it
INSTITUTIONAL_UPPER_LIMIT = (
    r"\b(?:the\s+)?(?:institutional|institution'?s|institution|laboratory|lab|local|site)\s+upper\s+limits?\b(?!\s+(?:of|for)\b)",
    "ULN",
    ("upper",),
)
# the institution inside the limit's words, "normal" after them, quoted or not
UPPER_INSTITUTIONAL_LIMIT = (
    r"\bupper\s+institution(?:al)?\s+limits?\s+(?:of|for)\s+(?:the\s+)?\"?normal\"?(?:\s+(?:range|values?|limits?))?",
    "ULN",
    ("institution",),
)
# a multiple of an institution's limit named by its initials ("2.5 times the UIHC ULN"): the
# limit the record's value comes with, whoever's it is (capitals only: "x the ULN" stays)
INITIALS_BEFORE_ULN = (
    r"(\d\s*(?:[x×*]|times))\s*(?:the\s+)?(?-i:[A-Z]{2,6})\s+(?=ULN\b)",
    r"\1 ",
    ("uln",),
)
# the multiple's sign left out: a number, "the", the limit ("≤2 the institutional ULN value")
MULTIPLE_WITHOUT_TIMES = (
    r"([≤≥<>]\s*\d+(?:\.\d+)?)\s+the\s+(?:(?:institutional|laboratory|lab|local|site)\s+)?ULN\b(?:\s+values?\b)?",
    r"\1 × ULN",
    ("uln",),
)
# "≥2-fold than the ULN": the multiple read as "2-fold the ULN" is
FOLD_THAN = (r"(?<=fold)\s+than(?=\s+(?:the\s+)?ULN\b)", "", ("fold",))
# the institution named before the letters as a noun ("serum Cr less than institution ULN"; the
# adjective, "institutional ULN", is read already): the limit the record's value comes with
INSTITUTION_ULN = (r"\b(?:the\s+)?institution(?:'s|’s)?\s+(?=ULN\b)", "", ("institution",))
# slips of the limit's letters: "1.5 x ILUN", "AST/ALT <1.5 times UL", "3 times Unit Line Number (ULN)"
ULN_SLIPS = (
    r"\b(?:ILUN\b|unit\s+line\s+number(?:\s*\(\s*ULN\s*\))?|(?<=\dtimes\s)(?-i:UL)\b(?![/\w])|(?<=\d\stimes\s)(?-i:UL)\b(?![/\w]))",
    "ULN",
    ("ilun", "times ul", "unit line"),
)

# a unit spelled out, its letters bracketed after it ("3.4 molar equivalent per liter (mEq/L)"; 1
# corpus line): the letters say the unit again (left,
# they were an unread review beside the bound)
SPELLED_MEQ_GLOSS = (
    r"\b(molar\s+equivalents?\s+per\s+lit(?:er|re))\s?\(\s?mEq\s?/\s?L\s?\)",
    r"\1",
    ("equivalent",),
)

# "Total and direct bilirubin: < 3.0 x ULN" (1 corpus line): each bilirubin under the limit (the
# name after "direct" alone was read, and a total bilirubin past the limit met the line)
TOTAL_AND_DIRECT = (r"\btotal\s+and\s+direct\s+bilirubin\b", "total bilirubin and direct bilirubin", ("direct",))

ROWS = (TOTAL_AND_DIRECT, SPELLED_MEQ_GLOSS, INSTITUTIONAL_UPPER_LIMIT, UPPER_INSTITUTIONAL_LIMIT, INITIALS_BEFORE_ULN, MULTIPLE_WITHOUT_TIMES, FOLD_THAN, INSTITUTION_ULN, ULN_SLIPS)
