"""What a line allows of the count of prior therapies, beyond the count, asks nothing (rows of
``normalize._SUBS``: pattern, replacement, gate words).

"any number of prior cancer therapies is permitted", "Any number of prior therapies is
acceptable.", "An unlimited number of prior hormonal and/or chemotherapy regimens are permitted.",
"any number of previous treatments for melanoma is permitted" (about 8 corpus lines): no count of
prior therapies excludes anyone, so the sentence is a remark. Left, it was read as an alternative
beside the line's other clauses (a review any patient met), or the therapy was asked of the
patient, and a washout beside it decided nothing. Only the whole clause, from its start to a stop
or semicolon: "is permitted, except within the last 3 weeks" or "are acceptable, as long as ..."
say more, which is left to the line's readers.

"Patients may have received up to two prior therapies for MDS including one hypomethylating agent
and/or a biologic agent (biologic agents include GM-CSF ...)", "Patients may have received up to
4 prior treatments for their disease including immunotherapies such as high-dose interleukin 2"
(3 corpus lines): the count bounds the therapies; what they may include is a permission, which
widens nothing the count decides (``MAY_INCLUDE``). Left, it was a review beside the count, and a
patient after two therapies was unknown. Only after "may have received/had up to N": "no more
than two prior regimens, including a platinum-containing regimen" may ask for the platinum, and is
left.

The patterns are literals and bounded gaps; none nests a repetition.
"""

from __future__ import annotations

ANY_NUMBER_PERMITTED = (
    r"(?<=[.;])\s*(?:any|an\s+unlimited|unlimited)\s+number\s+of\s+(?:prior|previous)\s+[^.;:()]{1,80}?\s+(?:is|are)\s+"
    r"(?:permitted|allowed|acceptable)\s*(?:[.;]|$)",
    " ",
    ("number",),
)

MAY_INCLUDE = (
    r"(\bmay\s+have\s+(?:received|had)\s+up\s+to\s+(?:\d{1,2}|one|two|three|four|five)\s+(?:prior|previous)\s+[^.;:()]{1,80}?)"
    r"\s*,?\s+including\s+[^.;]{1,300}?(?=\s*(?:[.;]|$))",
    r"\1",
    ("including",),
)

ROWS = (ANY_NUMBER_PERMITTED, MAY_INCLUDE)
