"""A history asked of every condition an exclusion lists after a leading "History of".

"History of GI obstruction/perforation, pheochromocytoma, seizure disorders, Parkinson's disease,
breast cancer, or hypertension due to ...": the line's "History of" governs each item of the list,
not its first one alone. ``events._ever`` looks for a history cue within a few words before each
condition, so the conditions far down the list were read as present now only: a breast cancer
treated ten years ago (a history of breast cancer, the line's own words) was no record of one.

Read so only in an exclusion, only while the list runs on in one clause after the lead (no
full stop, semicolon or colon between), only where nothing between the lead and the item nor the
item's own words after it say the condition is current ("clinically active depression", "...
requiring treatment"), and never where the line sets a window ("within 6 months"): the caller
checks that. A bounded window over a literal lead; no repetition nests.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

# "History of", "Prior history of", "Known history of", "A history of", "Patients with a history
# of", "Any history of", at the line's start
_LEAD = re.compile(
    r"^\W{0,4}(?:(?:patients?|subjects?|participants?)\s+(?:with|who\s+have)\s+)?(?:(?:a|any|known|prior|past|previous|personal|documented)\s+){0,3}history\s+of\b"
    r"(?:\s*,?\s*or\s+(?:clinical\s+)?(?:evidence|presence)\s+of\b\s*,?)?",  # "History of, or clinical evidence of,"
    I,
)
# words that say the condition is current, or that it is no condition of the patient's own but
# what a therapy was for ("chemotherapy for metastatic NSCLC", "inhibitors for breast cancer":
# a therapy's indication, never a history of the cancer), or what it is caused by or without
_CURRENT = re.compile(
    r"\b(?:active|current(?:ly)?|concurrent|concomitant|ongoing|present|presence|existing|evidence|uncontrolled|requiring|symptomatic|"
    r"untreated|recent|within|during|unless|except|other\s+than|excluding|without|for|therap(?:y|ies)|treatments?|"
    r"chemotherapy|inhibitors?|agents?|administered|setting|risk|due|caused|induced|related|associated)\b",
    I,
)
_BREAK = re.compile(r"[;:]|\.(?!\d)")
# an item of the list: a separator right before it, at most three words of its own between ("...,
# non-healing wounds, or arterial thrombosis"); never a word the lead's "of" does not reach ("2
# prior recurrences of GBM", "transformation of indolent disease to DLBCL": what the history is
# of is something else, the disease only its object)
_SEPARATED = re.compile(
    r"(?:,|\bor|\band|/|\bincluding)\s*(?:(?!(?:of|to|for|with|in|on|by|from|after|before|than|into)\b)[\w'-]+\s+){0,3}$", I
)
# ... or the list's first item, at most three words of its own after the lead
_FIRST = re.compile(r"\s*(?:(?!(?:of|to|for|with|in|on|by|from|after|before|than|into)\b)[\w'-]+\s+){0,3}", I)
# the item's own words after it, up to the next item
_ITEM_TAIL = re.compile(r"[^,;.()]{0,60}")


def listed_history(text: str, start: int, end: int) -> bool:
    """Whether the condition at ``text[start:end]`` is an item of a list a leading "History of"
    governs (and the item is no first one, which its own cue already reads)."""
    lead = _LEAD.match(text)
    if lead is None or start < lead.end() or len(text) > 2000:
        return False
    before = text[lead.end(): start]
    if not (_SEPARATED.search(text[max(lead.end(), start - 80): start]) or _FIRST.fullmatch(before)):
        return False
    between = text[lead.end(): end]  # the words before the item and its own ("other active malignancy")
    if _BREAK.search(between) or _CURRENT.search(between):
        return False
    tail = _ITEM_TAIL.match(text, end)
    return tail is None or not _CURRENT.search(tail.group(0))
