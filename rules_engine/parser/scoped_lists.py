"""A heading that asks its list only of the patients it names.

"Patients with < 5 % bone marrow blasts must meet >= 1 of the following criteria:", "Patients with
human immunodeficiency virus (HIV) infection are eligible, provided they meet the following:",
"Participants who have had brain metastases will be eligible if all of the following are true:",
"Patients with brain metastases are eligible provided the following are true:": the lines under
such a heading concern the patients it names; every other patient meets the inclusion. Read as a
lead-in, the words naming the patients were dropped (a patient with 12 % blasts was asked for the
cytopenias of the low-blast patients) or kept as a review beside the list (a patient without HIV
was asked for a CD4 count and a viral load, and so was never more than unknown; a patient without
brain metastases failed the line that names them).

Found in the shared corpus (1,883 records): 10 inclusion headings of this shape (5 trials naming
HIV, 3 brain metastases, 1 the marrow blasts, 1 warfarin). Only an inclusion heading whose words
after the patients are nothing but the lead-in ("must meet >= 1 of the following criteria", "are
eligible, provided they meet the following") is read here, and only when the words naming the
patients read whole (a condition left partly unread stays the heading's review, as before): a
heading that asks something of its own ("must also have normal marrow function as defined below")
is the line assembly's. An exclusion heading ("... are eligible, provided that all of the following
criteria are met:" among the exclusions) is left as it was.

The pattern is linear: the subject's words and the lead-in are bounded runs of one character class
each, split at the first verb of asking; the lead-in's words are then checked one by one.
"""

from __future__ import annotations

import re
from typing import Callable

from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate, Review, iter_predicates
from rules_engine.readings import has_review

# the patients named, then the verb that opens the lead-in
_SCOPED_LEAD = re.compile(
    r"^\W*(?:(?:for|in)\s+)?(?:patients?|subjects?|participants?|individuals?|those)\s+"
    r"(?:with|who\s+(?:are|have|has|had)(?:\s+(?:had|been))?)\s+"
    r"(?P<cond>[^:;]{2,320}?)\s*,?\s+"
    r"(?P<tail>(?:must|should|shall|need|are|is|will|may)\b[^:;]{0,160})[:.]?\s*$",
    re.I,
)
# every word of a lead-in that only announces the list
_LEAD_WORDS = frozenset(
    "must should shall need needs to also additionally meet meets fulfil fulfill fulfills satisfy fit have be are is will may "
    "eligible allowed permitted participate provided providing that if only as long they he she but and or at least "
    "one two three four any all each both either of the following below criteria criterion conditions requirements "
    "items true met additional inclusion listed 1 2 3 4".split()
)
_WORD = re.compile(r"[A-Za-z]+|\d+")
# what makes the words naming the patients no condition of their own
_NOT_A_CONDITION = re.compile(r"\b(?:following|any|none|no|not|without|never)\b", re.I)


def list_scope(text: str, ctype: CriterionType, read: Callable[[str, CriterionType], Expr]) -> Expr | None:
    """The patients an inclusion heading asks its list of ("Patients with HIV infection are
    eligible, provided they meet the following:" -> HIV), or None when the heading is not of that
    shape or the words naming the patients do not read whole. ``read`` reads a text as a line
    of the type given (the trial's own line parser)."""
    if ctype is not CriterionType.INCLUSION or "following" not in text.lower() and "below" not in text.lower():
        return None
    m = _SCOPED_LEAD.match(text[:600])
    if m is None or _NOT_A_CONDITION.search(m.group("cond")):
        return None
    tail = m.group("tail").lower()
    if "following" not in tail and "below" not in tail or any(w not in _LEAD_WORDS for w in _WORD.findall(tail)):
        return None
    # "with" states the condition is present, as an exclusion states what it names: read so where
    # the inclusion's reading asks nothing of a bare name ("brain metastases")
    for ctype_read in (CriterionType.INCLUSION, CriterionType.EXCLUSION):
        condition = read(m.group("cond"), ctype_read)
        if (not has_review(condition) or _kinds_open(condition)) and any(True for _ in iter_predicates(condition)):
            return condition
    return None


def _present(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.op is Op.PRESENT or isinstance(expr, Any_) and all(_present(p) for p in expr.parts)


def _kinds_open(expr: Expr) -> bool:
    """Diseases named whole, some of a kind a person reads beside them ("CMML, refractory anemia
    (RA), or RARS according to FAB classification": a record coded RCMD may be a FAB RA,
    topics.mds_coded_kinds): every review narrows a present disease, none stands as an alternative
    of its own. The patients it names are then known but for those of the open kind, whom the
    review keeps a person's; a patient with none of the diseases is none of them."""
    if isinstance(expr, Any_):
        return all(_kinds_open(p) for p in expr.parts)
    if isinstance(expr, All):
        diseases = [p for p in expr.parts if not isinstance(p, Review)]
        return bool(diseases) and len(diseases) < len(expr.parts) and all(_present(p) for p in diseases)
    return _present(expr)
