"""Hydroxyurea excepted in brackets with conditions of its own: "No previous cytotoxic chemotherapy
for the treatment of AML (exception: oral hydroxyurea for up to 5 days during screening/baseline to
control hyperleukocytosis)", "(except hydroxyurea for up to 7 days prior to study entry)".

``remarks.HYDROXYUREA_EXCEPTED`` reads an exception of hydroxyurea that says no more than what it is
given for; a duration or a dose narrows the exception and was left as the bracket's words: a review
conjunct of the whole line, so a patient treated with daunorubicin and cytarabine for the disease
(whom the line excludes, whatever the bracket says) was unknown as much as one given hydroxyurea.

The bracket is taken out of the line and read as the permission sentences of
``hydroxyurea_permits`` are: the line's chemotherapy and anticancer therapy are asked with
hydroxyurea excepted, and hydroxyurea itself is left to a person with the bracket's words. A
record of other chemotherapy decides the line; a record of hydroxyurea alone is unknown, never
cleared by an unread duration.

The pattern is literals and one bounded class run; it nests no repetition.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

_GATE = re.compile(r"hydroxyurea|hydroxycarbamide|hydrea", I)
_BRACKET = re.compile(
    r"\s*\(\s*(?:exception\s*:|exceptions?\s+(?:of|for)|except(?:\s+for)?|with\s+the\s+exceptions?\s+of|other\s+than|excluding|apart\s+from)\s*"
    r"(?:oral\s+)?(?:hydroxyurea|hydroxycarbamide|hydrea)\b(?P<cond>[^()\[\]]{1,200})\)",
    I,
)
# what narrows the exception: a duration, a dose, a time before the study
_NARROWS = re.compile(r"\d|\b(?:hours?|days?|weeks?|doses?|up\s+to|within|until|only|unless|provid\w*)\b", I)
# no other product or therapy excepted beside hydroxyurea ("except hydroxyurea or imatinib for ..."):
# the bracket's first words after the drug are its conditions, never another drug joined to it
_JOINED = re.compile(r"^\s*(?:,|/|\bor\b|\band\b)", I)


def split_conditioned(text: str) -> tuple[str, str | None]:
    """``text`` without a bracketed exception of hydroxyurea that sets conditions of its own, and
    the bracket's words (see the module's doc); ``(text, None)`` when there is none."""
    if not _GATE.search(text):
        return text, None
    m = _BRACKET.search(text)
    if m is None or _JOINED.match(m.group("cond")) or not _NARROWS.search(m.group("cond")):
        return text, None
    rest = (text[: m.start()] + text[m.end():]).strip()
    if not re.search(r"[A-Za-z]{3}", rest):
        return text, None
    return rest, " ".join(m.group(0).split()).strip(" ()")
