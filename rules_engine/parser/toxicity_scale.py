"""The toxicity scale named in the running text, not in brackets: how a grade is counted.

"must have resolved to National Cancer Institute Common Terminology Criteria for Adverse Events
(NCI CTCAE) (v. 3.0) Grade <= 2", "Recovered from prior therapy to NCI Common Terminology Criteria
for Adverse Events (CTCAE) version 3.0 grade =< 1", "Pulmonary hemorrhage/bleeding event >= Common
Terminology Criteria for Adverse Events (CTCAE) Grade 2", "peripheral neuropathy (defined in the
NCI Common Terminology Criteria for Adverse Events Version 3.0 [CTCAE v3.0] as grade 2 or
greater)": about 30 corpus lines. The scale is how the grade beside it is counted, which the grade
already is (the bracketed form is a row of ``remarks``); the grade and what it grades are read by
the topics. Left, "Common Terminology Criteria for" was an unparsed review beside the grade, so a
patient whose toxicity was on record was undecided.

Only the scale's full name (with its institute, abbreviation and version): the grade, the
toxicity and the words around them are left to be read. The pattern is an alternation of literals
with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

# never right after a comparator ("> Common Terminology Criteria for Adverse Events [CTCAE] grade
# 2", "neuropathy >= Common toxicity criteria (CTC) grade 2"): there the name stands between the
# comparator and its grade, which a topic reading the grade does not join across it; the words left
# unread keep such a line a person's rather than let a grade read without its comparator decide
_NO_COMPARATOR = r"(?<![<>≤≥=])(?<![<>≤≥=]\s)(?<![<>≤≥=]\()(?<![<>≤≥=]\s\()(?<![<>≤≥=]\[)(?<![<>≤≥=]\s\[)"
# nor after a recovery the line negates ("All AEs of any prior chemotherapy ... not resolved to
# National Cancer Institute (NCI) Common Terminology Criteria ... grade"): a grade read there without
# the negation decided the line the wrong way round, and the name's words kept it a person's
_NOT_RECOVERED = (
    r"(?<!not\sresolved\sto\s)(?<!not\srecovered\sto\s)(?<!not\sregressed\sto\s)(?<!not\sreturned\sto\s)"
    r"(?<!to\srecover\sto\s)(?<!to\sresolve\sto\s)(?<!not\simproved\sto\s)"
)
# (and never the name alone after its institute, which the first branch takes whole or not at all)
_NO_INSTITUTE = r"(?<!NCI\s)(?<!NCI-)(?<!Institute\s)(?<!Institute\s-)(?<!\(NCI\)\s)"

TOXICITY_SCALE = (
    # (a first letter of the name's words, tried before the look-behinds, so most places fail at once)
    r"(?=[nNcCtTuU])(?:"
    + _NO_COMPARATOR
    + _NOT_RECOVERED
    + r"\b(?:the\s+)?(?:US\s+)?(?:NCI|National\s+Cancer\s+Institute)(?:\s*\(\s*NCI\s*\))?(?:'s)?[\s-]*"
    r"|" + _NO_COMPARATOR + _NOT_RECOVERED + _NO_INSTITUTE + r"\b)"
    r"Common\s+(?:Terminology|Toxicity)\s+Criteria(?:\s+for\s+Adverse\s+Events)?"
    # the abbreviation and the version, bracketed or not, in either order ("(NCI CTCAE) (v. 3.0)",
    # "(CTCAE) version 3.0", "Version 3.0 [CTCAE v3.0]", ", version 4.03")
    r"(?:\s*[(\[]\s*(?:NCI\s+)?(?:CTCAE|CTC)(?:\s*,?\s*v(?:ersion|er\.?|\.)?\s*\d(?:\.\d{1,2}){0,2})?\s*[)\]])?"
    r"(?:\s*,?\s*\(?\s*v(?:ersion|er\.?|\.)?\s*\d(?:\.\d{1,2}){0,2}\s*\)?)?"
    r"(?:\s*[(\[]\s*(?:NCI\s+)?(?:CTCAE|CTC)(?:\s*,?\s*v(?:ersion|er\.?|\.)?\s*\d(?:\.\d{1,2}){0,2})?\s*[)\]])?"
)
# a row of ``remarks``' gates: the pattern is tried only on a line holding one of these words
TOXICITY_SCALE_GATES = ("common terminology", "common toxicity")


# One word of the scale's name, at the end of the words before a grade: "> Common Terminology
# Criteria for Adverse Events [CTCAE] grade 2", "greater than NCI-CTCAE v 3.0 grade 2", "> NCI
# toxicity grade 2", "(=CTCAE grade 2", ">= Common toxicity criteria (CTC) grade 2", "greater than
# WHO grade 1". Taken off one at a time (``without_scale``), so no repetition nests.
_SCALE_WORD = re.compile(
    r"(?:\bthe|\bUS|\bNCI|\bNational\s+Cancer\s+Institute|\(\s*NCI\s*\)|\bCommon\s+(?:Terminology|Toxicity)\s+Criteria(?:\s+(?:for|of|in))?"
    r"|\b(?:for|of|in)\s+Adverse\s+(?:Events?|Effects?)|\bCTC(?:AE)?|\bCTC[\s-]?AE|\bWHO|\btoxicity"
    r"|[(\[]\s*(?:NCI[\s-]{0,3})?CTC(?:AE)?(?:\s{0,3},?\s{0,3}v(?:ersion|er\.?|\.)?\s{0,3}\d(?:\.\d{1,2}){0,2})?\s*[)\]]"
    r"|[(\[]?\s{0,3}v(?:ersion|er\.?|\.)?\s{0,3}\d(?:\.\d{1,2}){0,2}\s{0,3}[)\]]?|[,-])\s{0,5}$",
    re.IGNORECASE,
)


def without_scale(words: str) -> str:
    """``words`` (what stands before a grade) without the scale's name at its end.

    The comparator written before the name is the grade's ("toxicities (i.e. > Common Terminology
    Criteria for Adverse Events [CTCAE] grade 2)"): read past the name it was missed, and the grade
    read "at most" — an exclusion then passed the grade 3 toxicity it names.
    """
    tail = words[-200:]
    for _ in range(16):
        m = _SCALE_WORD.search(tail)
        if m is None or m.start() == len(tail):
            break
        tail = tail[: m.start()]
    return tail
