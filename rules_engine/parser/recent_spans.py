"""A recent event's span written as a bound in brackets, into the window the event readers know
(rows of ``normalize._SUBS``: pattern, replacement, gate words).

"Recent (<3 months) myocardial infarction", "Ongoing or recent (≤ 3 months) significant
gastrointestinal bleeding", "Recent myocardial infarction (< 1 month)", "recent hemorrhagic
stroke (less than 6 months)", "Recent venous thromboembolism (< 1 year)" (about 10 corpus lines):
how long ago the event may lie, said as a bound of its age. Said "within" ("Current or recent
(within 6 months) stroke") every event reader dates it; as a bound, the bracket was an unread
alternative beside the event ("myocardial infarction or review 'Recent … <3 months'"), so a
patient with no infarction was left unknown, or an unread word beside it. Only after "recent",
whose bracket or event it dates: a bound in brackets elsewhere is a duration ("a short course of
steroids (< 5 days)", "initial short remission (<6 months)") or a time to come ("need for
surgery (< 7 days)").

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

import re

_BOUND = r"(?:<|≤|=<|<=|</=|less\s+than|under)"
_SPAN = r"(\d{1,3}\s*(?:days?|weeks?|months?|years?))"

# "recent (< 3 months) <event>": the bracket right after the word. Not before a qualifier of the
# event ("Ongoing or recent (≤ 3 months) significant gastrointestinal bleeding"): the events
# reader takes a window's words up to its event into the event's span, and the qualifier with
# them (read so, any gastrointestinal bleed on record excluded)
BRACKET_AFTER_RECENT = (
    r"\b(recent)\s*\(\s*"
    + _BOUND
    + r"\s*"
    + _SPAN
    + r"\s*\)(?!\s*(?:(?:significant|severe|serious|major|clinically|uncontrolled|symptomatic|active|grade)\b|[≥>(]))",
    r"\1 (within \2)",
    ("recent",),
)


def _dated_alone(m: re.Match[str]) -> str:
    """The event dated by its bracket, where no list runs before it in its clause: "history of heart
    failure, recent myocardial infarction (< 6 months)" dates the infarction alone, and said
    "within" the events reader would carry the window back over the list (narrowing the heart
    failure ever asked to one within the span); so would "heart failure or recent ..."."""
    clause = re.split(r"[.;:]", m.string[: m.start()])[-1]
    if "," in clause or re.search(r"\b(?:and|or|nor)\s*$", clause, re.I):
        return m.group(0)
    return f"{m.group(1)} within {m.group(2)}"


# "recent <event> (< 1 month)": the bracket closing the event's own words (a few, no punctuation);
# "recent" says no more than the window does
BRACKET_AFTER_EVENT = (
    r"\brecent\s+((?:(?!short\b|duration\b)[\w-]+\s+){0,4}?(?!short\b|duration\b)[\w-]+)\s*\(\s*"
    + _BOUND
    + r"\s*"
    + _SPAN
    + r"\s*\)",
    _dated_alone,
    ("recent",),
)

ROWS = (BRACKET_AFTER_RECENT, BRACKET_AFTER_EVENT)
