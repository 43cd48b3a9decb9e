"""Which remission or relapse a blood cancer is in: "in first remission", "CR2 or CR3", "in 3rd or
greater CR", "beyond 2nd remission", "in second or third relapse" (about 90 corpus lines, the
transplant and salvage trials' disease categories; issue 14).

Why a count: a record holds a disease's status (remission, relapse) and its relapse records, one a
relapse, never an ordinal; the ordinal is the count of relapses (``relapse_count``, derived in
``snapshot.relapse_count``): a first remission has none before it, a second one, and a current
relapse is the count's last. Read as any remission, "AML in first remission" met a second one;
left to a person, a patient in relapse or newly diagnosed stayed undecided for a line only a
remission can meet.

What stays out: an ordinal that dates something rather than states the disease ("relapse after
first remission", "first remission duration < 12 months", "within 12 months of first CR"), and a
solid tumour's remission (no status of it is recorded).
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op, Predicate, ReviewReason
from rules_engine.parser.items import Item, all_of, any_of, content_words, predicate
from rules_engine.parser.safety import Alternative, Qualifier

I = re.IGNORECASE

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# the words that leave the upper end open ("second or subsequent", "3rd or greater")
OPEN_ENDED = frozenset({"subsequent", "later", "greater", "higher", "more", "beyond"})

_ORD = r"(?:first|1st|second|2nd|third|3rd|fourth|4th)"
_LATER = r"(?:subsequent|later|greater|higher)"


def count_between(low: int, high: int | None) -> Predicate | None:
    """The relapse count from ``low`` to ``high`` (None: no upper end); None when any count is."""
    if high is None:
        return None if low <= 0 else predicate("relapse_count", Op.GTE, low, None)
    if low == high:
        return predicate("relapse_count", Op.EQ, low, None)
    if low <= 0:
        return predicate("relapse_count", Op.LTE, high, None)
    return predicate("relapse_count", Op.BETWEEN, (low, high), None)


def ordinal_range(nth: str, more: str | None) -> tuple[int, int | None]:
    """The ordinals "first", "second or third", "2nd or subsequent" name: (lowest, highest or None)."""
    low = ORDINALS[nth.lower()]
    if not more:
        return low, low
    more = more.lower()
    if more in OPEN_ENDED:
        return low, None
    return low, max(low, ORDINALS[more])


def remission_counted(count: Predicate, words: str) -> Expr:
    """The count, or a person's reading of which remission it is: a record whose relapses give the
    ordinal meets it; one that gives another leaves it open, never failed. Why: a relapse coded
    twice counts twice, and registries list each remission as a cohort line of its own ("Adult
    patients in first CR ..." / "Adult patients in second or subsequent CR"), which the trial
    takes as alternatives and the criteria join as requirements (read as failed, a patient in
    first remission failed a trial that admits her)."""
    return any_of([count, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "which remission: " + " ".join(words.split()))])


def remission_order(nth: str, more: str | None) -> Predicate | None:
    """Which remission ("first remission", "CR2 or CR3", "second or subsequent CR"): one relapse
    fewer than the ordinal; None for any remission ("first or subsequent")."""
    low, high = ordinal_range(nth, more)
    return count_between(low - 1, None if high is None else high - 1)


# an ordinal remission the words name, in either spelling: "(in) first (complete) remission",
# "2nd or subsequent CR", "second CR or subsequent", "CR1", "CR2 or CR3", "CR2 or subsequent CR"
REMISSION_ORDER = re.compile(
    r"\b(?:in\s+(?:a\s+|the\s+|their\s+|his\s+|her\s+)?)?(?:(?P<nth>" + _ORD + r")(?:\s*(?:,|/|or|and/or|,\s*or)\s*(?P<more>" + _ORD + r"|" + _LATER + r"))?"
    r"\s+(?:complete\s+)?(?:remission|(?-i:CR)(?![a-zA-Z0-9])|complete\s+response)"
    r"(?:\s*[(\[]\s*(?-i:CR)\s*[1-4]?\s*[)\]])?"
    r"(?:\s*,?\s+or\s+(?P<later>" + _LATER + r")(?:\s+(?:in\s+)?(?:complete\s+)?(?:remission|(?-i:CR)(?![a-zA-Z0-9])))?)?"
    r"|(?-i:CR)\s?(?P<n>[1-4])(?![0-9+/a-zA-Z])"
    r"(?:\s*(?:,|/|or|and/or)\s*(?:(?-i:CR)\s?(?P<n2>[1-4])(?![0-9+/a-zA-Z])|(?P<later2>" + _LATER + r")(?:\s+(?-i:CR)(?![a-zA-Z0-9]))?))?)",
    I,
)
def order_count(m: re.Match[str]) -> Predicate | None:
    """The relapse count a ``REMISSION_ORDER`` match names; None for any remission."""
    if m.group("n"):
        low = int(m.group("n"))
        high: int | None = None if m.group("later2") else int(m.group("n2")) if m.group("n2") else low
        return count_between(low - 1, None if high is None else max(low, high) - 1)
    return remission_order(m.group("nth"), m.group("more") or m.group("later"))


# "beyond 2nd remission", "beyond first complete remission", "beyond CR1": a relapse after that
# many remissions, whatever the disease is now (a relapse, or a later remission)
BEYOND_REMISSION = re.compile(
    r"\bbeyond\s+(?:the\s+)?(?:(?P<nth>first|1st|second|2nd|third|3rd)\s+(?:complete\s+)?(?:remission|(?-i:CR)(?![a-zA-Z0-9]))"
    r"|(?-i:CR)\s?(?P<n>[1-3])(?![0-9+/a-zA-Z]))",
    I,
)
# an ordinal that dates or times something, not the disease's state now: "relapse after first
# remission", "within 12 months of first CR", "achieved a second remission"
_DATING_BEFORE = re.compile(
    r"\b(?:after|following|since|from|of|to|with|before|prior\s+to|achiev\w*|attain\w*|obtain\w*|reach\w*|lasting|duration)\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?(?:initial\s+)?$",
    I,
)
_DATING_AFTER = re.compile(r"\s*(?:\(\s*(?-i:CR)\s*\)\s*)?(?:duration|lasting|lasted|that\s+lasted|of\s+\d|[<>≤≥]|\d)", I)
# a remission the line sets in another disease's or a donor's terms, or one a solid tumour's
_OTHER_DISEASE = re.compile(
    r"\b(?:cancer|carcinoma|tumou?r|sarcoma|glioma|glioblastoma|neuroblastoma|melanoma|stage\s+[IV1-4]+|donor|molecular|cytogenetic|MRD|PR\s?[1-4]|partial)\b",
    I,
)


# what the sentence before names the remission of, when it is not the patient's own disease now:
# a negation, an exception, a condition, another cancer, a transplant
_NOT_OWN_BEFORE = re.compile(
    r"\b(?:unless|except|excluding|other\s+than|if|when|not|no|never|without|prior|previous|history|transplant\w*|HSCT|SCT|BMT)\b", I
)
# after the remission: the clause ends, or a status it is the alternative of follows
_ENDS = re.compile(r"\s*(?:$|[.;)\]]|,?\s*(?:or|and/or)\s+(?:in\s+)?(?:primary\s+)?(?:relapse|refractory|subsequent|later|first|second|third|1st|2nd|3rd|CR)|,\s*(?:age|aged)\b)", I)
# ... or words about it that list no other status ("in first remission at high risk for recurrence.")
_STATUS_WORDS = re.compile(r"\b(?:relaps\w*|refractory|remission|CR\d?|persistent|progress\w*|or|and/or)\b|,", I)


def _stated_now(text: str, start: int, end: int) -> bool:
    """Whether the ordinal at ``start``-``end`` states the disease's place now, not a date, and is
    read whole: not one alternative of a list the joins would split from its disease ("de novo
    acute leukemia in first remission, or myelodysplastic syndromes"; "in first remission with high
    risk of relapse, refractory to primary chemotherapy, or after first relapse")."""
    if _DATING_BEFORE.search(text[max(0, start - 30): start]) or _DATING_AFTER.match(text, end):
        return False
    parts = re.split(r"([.;:])\s", text[:start])
    sentence = parts[-1]
    if len(parts) > 1 and parts[-2] == ";" and not content_words(sentence):
        return False  # "high risk CR1 (as evidenced by ...); second or greater CR": an item of a list the joins do not read
    if _OTHER_DISEASE.search(sentence + text[start: end + 40]) or _NOT_OWN_BEFORE.search(sentence):
        return False
    if _ENDS.match(text, end):
        return True
    rest = re.split(r"[.;]", text[end:])[0]
    return _STATUS_WORDS.search(rest) is None


def remission_order_items(text: str, free) -> list[Item]:
    """The ordinal remissions of a line: the remission and its relapse count; "beyond Nth
    remission", the count alone."""
    items: list[Item] = []
    for m in BEYOND_REMISSION.finditer(text):
        if not free(m.start(), m.end()) or not _stated_now(text, m.start(), m.end()):
            continue
        n = ORDINALS[m.group("nth").lower()] if m.group("nth") else int(m.group("n"))
        count = count_between(n, None)
        assert count is not None
        items.append(Item(m.start(), m.end(), remission_counted(count, m.group(0)), frozenset({"remission", "relapse_count"})))
    for m in REMISSION_ORDER.finditer(text):
        if not free(m.start(), m.end()) or not _stated_now(text, m.start(), m.end()):
            continue
        count = order_count(m)
        if count is None:
            continue  # any remission ("first or subsequent"): the status reading's (topics.events), as before
        expr = all_of([predicate("remission", Op.PRESENT), remission_counted(count, m.group(0))])
        items.append(Item(m.start(), m.end(), expr, frozenset({"remission", "relapse_count"})))
    return items


# "AML who have had no more than two prior relapses", "Phase II: No more than 2 prior relapses",
# "Treatment for no more than 2 prior relapses allowed" (normalised to "≤ 2 prior relapses"; 5
# corpus lines): an upper bound on the relapses, the count the record's relapses give, of a
# disease that has relapsed (the line speaks of relapses had: a disease never relapsed has none of
# them, and an untreated AML met "AML who have had no more than two prior relapses or failed to
# achieve remission"). Left unread, a patient in first relapse stayed undecided and one in fourth
# passed. A lower bound ("at least 1 relapse over the past year") is another disease's clinical
# course, not read here.
PRIOR_RELAPSES = re.compile(r"(?P<op>≤|<)\s*(?P<n>\d)\s+(?:prior\s+|previous\s+)?relapses?\b(?!\s+(?:over|in\s+the|within|during|per)\b)", I)


def relapse_limit_items(text: str, free) -> list[Item]:
    """The relapse counts a line bounds from above ("≤ 2 prior relapses")."""
    items: list[Item] = []
    for m in PRIOR_RELAPSES.finditer(text):
        if free(m.start(), m.end()):
            n = int(m.group("n")) - (1 if m.group("op") == "<" else 0)
            count = count_between(1, n) if n >= 1 else predicate("relapse_count", Op.EQ, 0, None)
            items.append(Item(m.start(), m.end(), count, frozenset({"relapse_count"})))
    return items


_DE_NOVO = re.compile(r"\s*de\s+novo\s+", I)


def remission_qualifier(words: str) -> Expr | None:
    """Unread words after a disease that are its ordinal remission ("de novo acute leukemia in
    first remission, or ...": "de novo in first remission"), read as the remission and its count,
    the origin left to a person beside them; None for any other words. So a disease in relapse, or
    newly diagnosed, is decided (no remission), and one in first remission is the origin's only
    question."""
    lead = _DE_NOVO.match(words)
    rest = words[lead.end():] if lead else words
    m = REMISSION_ORDER.fullmatch(rest.strip())
    if m is None or (count := order_count(m)) is None:
        return None
    parts: list[Expr] = [predicate("remission", Op.PRESENT), remission_counted(count, m.group(0))]
    if lead:
        parts.append(Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "de novo"))
    return all_of(parts)
