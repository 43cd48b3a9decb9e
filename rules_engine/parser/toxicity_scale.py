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

TOXICITY_SCALE = (
    r"\b(?:(?:the\s+)?(?:US\s+)?(?:NCI|National\s+Cancer\s+Institute)(?:\s*\(\s*NCI\s*\))?(?:'s)?[\s-]*)?"
    r"Common\s+(?:Terminology|Toxicity)\s+Criteria(?:\s+for\s+Adverse\s+Events)?"
    # the abbreviation and the version, bracketed or not, in either order ("(NCI CTCAE) (v. 3.0)",
    # "(CTCAE) version 3.0", "Version 3.0 [CTCAE v3.0]", ", version 4.03")
    r"(?:\s*[(\[]\s*(?:NCI\s+)?(?:CTCAE|CTC)(?:\s*,?\s*v(?:ersion|er\.?|\.)?\s*\d(?:\.\d{1,2}){0,2})?\s*[)\]])?"
    r"(?:\s*,?\s*\(?\s*v(?:ersion|er\.?|\.)?\s*\d(?:\.\d{1,2}){0,2}\s*\)?)?"
    r"(?:\s*[(\[]\s*(?:NCI\s+)?(?:CTCAE|CTC)(?:\s*,?\s*v(?:ersion|er\.?|\.)?\s*\d(?:\.\d{1,2}){0,2})?\s*[)\]])?"
)
# a row of ``remarks``' gates: the pattern is tried only on a line holding one of these words
TOXICITY_SCALE_GATES = ("common terminology", "common toxicity")
