"""A sentence that allows any number of prior therapies asks nothing (a row of ``normalize._SUBS``:
pattern, replacement, gate words).

"any number of prior cancer therapies is permitted", "Any number of prior therapies is
acceptable.", "An unlimited number of prior hormonal and/or chemotherapy regimens are permitted.",
"any number of previous treatments for melanoma is permitted" (about 8 corpus lines): no count of
prior therapies excludes anyone, so the sentence is a remark. Left, it was read as an alternative
beside the line's other clauses (a review any patient met), or the therapy was asked of the
patient, and a washout beside it decided nothing. Only the whole clause, from its start to a stop
or semicolon: "is permitted, except within the last 3 weeks" or "are acceptable, as long as ..."
say more, which is left to the line's readers.

The pattern is literals and one bounded gap; it nests no repetition.
"""

from __future__ import annotations

ANY_NUMBER_PERMITTED = (
    r"(?<=[.;])\s*(?:any|an\s+unlimited|unlimited)\s+number\s+of\s+(?:prior|previous)\s+[^.;:()]{1,80}?\s+(?:is|are)\s+"
    r"(?:permitted|allowed|acceptable)\s*(?:[.;]|$)",
    " ",
    ("number",),
)

ROWS = (ANY_NUMBER_PERMITTED,)
