"""A lead-in whose list the registry flattened to its own level.

"Patients must have normal organ and marrow function as defined below:" followed, at its own
bullet level, by "leukocytes >3,000/mcL", "platelets >100,000/mcL", ... (or an exclusion's "Any of
the following:" over "Pregnant women", ...): the registry indented the list like the lead-in, so
the lead-in has no lines under it and its own words were read alone, a review. Every item of the
list is a line of its own, read and asked beside it: an inclusion's "all of these" is what the
top level asks anyway, an exclusion's "any of these" is what its lines do each. The lead-in
itself asks nothing more, and as a review it left every such trial possibly eligible at best
(166 childless headings in the shared corpus end with a colon and read as a bare review; about
two in three announce their list so).

Kept a review where the lead-in's words could change what the flat lines mean, which reading
them one by one would lose: alternatives ("one of the following", "either") in an inclusion,
"all of the following" in an exclusion, a negation or an exception ("No ... including any of the
following:", "... are not eligible:"), a condition or a group of patients ("If ...", "For Arm
B ... subjects:", "any female who:"), a permission ("may have had prior therapy, providing the
following conditions are met:"), and a number, a limit or a time of its own ("Laboratory values
obtained < 7 days prior to ...:"). An inclusion's lead-in only where its list is of values or
measured functions, each line a whole limit: "Androgen-independent disease progression, as shown
by:" asks a state the lines after it only evidence, and an exclusion's line read without its
lead-in's words only excludes more. Only when the next line is a sibling of the same type: a
lead-in that closes its section or stands alone has its list nowhere, and stays a review.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Criterion, CriterionType, Review, ReviewReason

# the words announcing a list after them, just before the closing colon (bounded gaps)
_ANNOUNCES_LIST = re.compile(
    r"(?:\bthe\s+following\b[^:]{0,80}"
    r"|\bas\s+follows"
    r"|\b(?:listed|as|criteria|defined|outlined|specified|described)\s+below"
    r"|\b(?:defined|shown|evidenced|indicated|demonstrated|assessed|determined|documented|measured|confirmed|specified)\s+(?:by|as)"
    r")\s*:\s*$",
    re.IGNORECASE,
)
# an inclusion's list of values or measured functions, each line a whole limit of its own ("...
# organ and marrow function as defined below:", "the following lab values:"); a lead-in that asks a
# state of its own ("Androgen-independent disease progression, as shown by:", "must have failed the
# following:") keeps its words, which the lines alone would lose and so ask less
_MEASURED_LIST = re.compile(
    r"\b(?:functions?|values?|levels?|counts?|parameters?|laborator\w*|labs?|tests?|chemistr\w*|ha?ematolog\w*|marrow|reserve)\b",
    re.IGNORECASE,
)
_ALTERNATIVES = re.compile(r"\b(?:one|1|any|either|each)\s+(?:or\s+(?:more|both)\s+)?of\b|\bat\s+least\b|\beither\b|\bor\s+more\b", re.IGNORECASE)
_ALL_OF = re.compile(r"\b(?:all|both)\s+(?:of\s+)?(?:the\s+)?following\b|\bboth\b", re.IGNORECASE)
# words that negate, except, permit, scope or condition the list: its lines alone would lose them
_CHANGES_THE_LIST = re.compile(
    r"\b(?:no|not|none|non|never|nor|without|absence|free|except\w*|unless|exclu\w+|ineligible|eligible|permitted|allowed|acceptable|"
    r"provid\w+|if|when|whether|who|whom|whose|which|for|only|may|might|cohorts?|arms?|parts?|phases?|groups?|strat\w+|portion|"
    r"permissib\w*|permit\w*|allow\w*|donors?|recipients?|wom[ae]n|females?|males?|men|girls|boys|children|pediatric|adults?|prior|previous|within|before|after|until)\b"
    r"|n't\b|[\d<>≤≥=±%]",
    re.IGNORECASE,
)


def is_flat_lead_in(criterion: Criterion, following: tuple[CriterionType, str, int | None] | None) -> bool:
    """Whether a line with no lines under it only announces a list that the registry wrote as the
    lines after it, at its own level (``following``: the next row, as (type, text, parent))."""
    expr = criterion.expr
    text = criterion.text.strip()
    if not isinstance(expr, Review) or expr.text or expr.reason is ReviewReason.CONSENT:
        return False
    if following is None or following[0] is not criterion.type or following[2] != criterion.parent or not following[1].strip():
        return False
    if len(text) > 200 or not _ANNOUNCES_LIST.search(text) or _CHANGES_THE_LIST.search(text):
        return False
    if criterion.type is CriterionType.INCLUSION:
        return _MEASURED_LIST.search(text) is not None and not _ALTERNATIVES.search(text)
    return not _ALL_OF.search(text)
