"""A second disease status offered after the first status's disease and its explanation.

"Patients must have primary refractory ALL based on failure to achieve a hematologic or molecular
remission after induction therapy ..., or have relapsed after treatment with a tyrosine kinase
inhibitor": the ", or have relapsed" at the end of the words between the disease and the next
status offers another status of the same disease. Joined by the rule that an "or" far from the
disease closes a list of statuses (``combining``: "T-cell lymphoma, stage IB ... with progressive,
persistent, or recurrent disease"), both statuses were asked at once: a refractory ALL failed for
want of a relapse and a relapsed one for want of refractoriness.

Read here: where the words before the second status end in ", or" (with at most a few verbs or
relative words after it: "have", "be", "who has", "that is"), the "or" is kept, and where the first
status is written against its disease ("refractory ALL") and the second has none of its own, the
disease is both statuses': ``(refractory or relapsed) and ALL`` (never the bare second status,
which a relapsed disease of another kind would have met).

Kept apart from ``combining``: it asks only whether such a join keeps its "or" and, at the end, for
the items and joins rearranged.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I, Item

# ", or" at the end of the words before an item, a few verbs or relative words after it
COMMA_OR_THEN_VERB = re.compile(
    r",\s*(?:or|and/or)\s+(?:(?:have|has|had|be|been|is|are|was|were|who|whose|that|which|with|must|should|having|disease)\s+){0,3}$", I
)


def keeps_or(connector: str) -> bool:
    """Whether an "or" between a disease and a status after it stays an "or" (see the module)."""
    # (one comma only, the "or"'s own: words listed before it, "stage IB or higher with progressive,
    # persistent, or recurrent disease", are a list of statuses the "or" closes)
    m = COMMA_OR_THEN_VERB.search(connector)
    return m is not None and "," not in connector[: m.start()]


def shared_disease(exprs: list[Item], kinds: list[str], roles: list[str], connectors: list[str]) -> tuple[list[Item], list[str]]:
    """The items and joins with a disease written between two statuses made both statuses' (see
    the module); unchanged where the text does not show that shape."""
    for i in range(1, len(exprs) - 1):
        if not (roles[i - 1] == "status" and kinds[i - 1] == "unit" and roles[i] == "diagnosis" and kinds[i] == "or"
                and roles[i + 1] == "status" and keeps_or(connectors[i])):
            continue
        if i + 2 < len(exprs) and kinds[i + 1] == "unit":
            continue  # the second status has a disease of its own ("refractory AML, or relapsed ALL")
        items = exprs[: i] + [exprs[i + 1], exprs[i]] + exprs[i + 2:]
        joins = kinds[: i - 1] + ["or", "and"] + kinds[i + 1:]
        return items, joins
    return exprs, kinds


# the Philadelphia chromosome written between a status and its disease ("relapsed/refractory Ph+
# ALL", "relapsed Ph-positive ALL"): the disease's marker, no word between two joined items
_PH_BETWEEN = re.compile(r"\s*(?:Ph|Philadelphia(?:\s+chromosome)?)\s*(?:\+|\(\+\)|-?\s*positive|-?\s*negative|-)\s*", I)


def ph_between(connector: str, first_role: str) -> bool:
    """Whether the words between a status and the disease after it are only a Philadelphia marker
    (read as a unit, as "relapsed ALL" is; joined by the clause's "and", the status became an
    alternative of the diseases before it: "CML in AP/BC or relapsed/refractory Ph+ ALL" read
    "(CML or relapsed) and ALL", and a CML in blast crisis failed for want of an ALL)."""
    return first_role == "status" and bool(_PH_BETWEEN.fullmatch(connector))
