"""A therapy asked "current or recent" with the window in brackets before it ("Current, or recent
(within 30 days, or 5 half-lives of investigational product) participation in other clinical
trials of investigational agents"): a course now is a course within the window, so
the words ask for the therapy within the window (and its half-lives, where the bracket adds them).

Said after the therapy ("participation in ... investigational agents within 30 days or 5
half-lives of investigational product") the window readers take it. Left before it, a bracket
holding more than the window was read by no one, and the therapy stood as any record ever: an
investigational agent stopped 60 days ago excluded a patient the line leaves to a person.

Only a bracket that holds half-lives beside a "within" window: one holding the window alone is
read where it stands (``events``: "recent (within 1 year) myocardial infarction"; moved, "Current
or recent (within 4 weeks ...) treatment with another investigational product" lost its lead),
and a "< 2 years" bracket before a history is the condition reader's. The therapy runs up to the
first stop, colon, comma or "and/or" after it.

The pattern is literals and bounded classes; no repetition nests another.
"""

from __future__ import annotations

import re

_PATTERN = (
    r"\bcurrent\s*,?\s+or\s+recent\s*\(\s*(?P<win>within\s+\d{1,3}\s*(?:days?|weeks?|months?|years?))"
    r"(?P<anchor>\s+(?:of|prior\s+to|before)\s+[^(),;]{1,60}?)?"
    r"(?P<half>\s*,?\s*or\s+\d{1,2}\s*half[\s-]?li(?:fe|ves)\b[^()]{0,80}?)\s*\)\s*"
    r"(?P<what>[^.;:,()]{1,120}?)(?=\s*(?:[.;:,]|$|\band/or\b))"
)


# "of investigational product" after the half-lives: the agent's own, the one the line asks about
# (read as a second agent, the window spread onto it and the half-lives' review became a conjunct
# of the same window: an agent 40 days ago answered "not within 30 days", though its 5 half-lives
# may reach further; said without it, ``topics.half_lives`` keeps an older agent a person's)
_OF_THE_PRODUCT = re.compile(r"\s+of\s+(?:the\s+)?(?:investigational|experimental)\s+(?:products?|agents?|drugs?|compounds?)\b", re.I)


def _after(m: re.Match[str]) -> str:
    half_text = " " + _OF_THE_PRODUCT.sub("", re.sub(r"^[\s,]+", "", m.group("half")))
    what = m.group("what")
    if m.group(0)[:1].isupper():
        what = what[:1].upper() + what[1:]
    return f"{what} {m.group('win')}{m.group('anchor') or ''}{half_text}"


# (pattern, replacement, gate words): a row of ``normalize._SUBS``
WINDOW_BEFORE_THERAPY = (_PATTERN, _after, ("recent",))

ROWS = (WINDOW_BEFORE_THERAPY,)
