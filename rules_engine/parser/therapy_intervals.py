"""Washouts said as an interval, a window or a span between two dates, into the NCI layout's words
("At least 14 days since prior therapy"), which the washout reader knows (rows of
``normalize._SUBS``: pattern, replacement, gate words).

* "an interval of at least 3 months must have elapsed since the completion of ...", "A minimum
  interval of 4 weeks ... since", "Washout period of 3 weeks for prior anti-tumor therapy",
  "at least a 14-day window from the patient's last prior therapy" (about 10 corpus lines): the
  span before "since/from/after" is the washout's (``INTERVAL_OF``, ``SPAN_WINDOW``). Left, the
  interval's words were an unread review beside the therapy, which was asked of the patient (an
  inclusion every patient never treated failed), or the line was left to a person whole. A
  second span for another therapy after "and" or a semicolon ("... and four weeks from prior
  cytotoxic chemotherapy") is that therapy's washout; any other span later in the sentence
  leaves the sentence as written (it may date what the rewrite would take as the first's).
* "A minimum of 21 days must have elapsed between the end of radiotherapy and registration into
  the study", "At least 14 days between ibrutinib initiation and last cancer therapy" (about 6
  corpus lines): the span between the therapy and the study's start is the washout since the
  therapy (``BETWEEN_END_AND_START``, ``BETWEEN_START_AND_LAST``); the study's start is the date
  every washout counts back from.
* "14 days since the patient's last prior therapy", "14 days since last cancer therapy"
  (``LAST_THERAPY``): any anticancer therapy, as "since last therapy" already reads; only right
  after a span and where the clause ends ("has progressed since last treatment", "since the last
  treatment with a VPLD regimen" are no such washout).

Each pattern is literals, classes and bounded gaps; none nests one repetition in another.
"""

from __future__ import annotations

import re

_SPAN = r"(?:\d{1,3}|one|two|three|four|five|six|eight|ten|twelve|fourteen|twenty-one|twenty-eight|thirty)"
_UNIT = r"(?:days?|weeks?|months?)"
_FROM = r"(?:since|from|after|following)"
# what a washout counts from: a therapy, its end or the last of them (never a test, a visit or the
# study's own dates, which "a 28-day window from registration" counts to)
_THERAPY_NEXT = (
    r"(?=(?:the\s+|any\s+|all\s+|a\s+)?(?:patient'?s\s+|subject'?s\s+|participant'?s\s+)?"
    r"(?:last|prior|previous|most\s+recent|completion|end|cytotoxic|chemo|radi|anti|investigational|experimental|systemic|immuno|hormon|biologic|surgery|major)"
    r")"
)


# "A washout of two weeks from prior endocrine therapy and four weeks from prior cytotoxic
# chemotherapy": a second span, for another therapy, said after "and" or a semicolon
_SECOND = (
    r"(?:(?P<first>[^.;]{1,120}?)(?:\s*;\s*|\s+and\s+)(?:at\s+least\s+)?(?P<n2>" + _SPAN + r")[\s-]*(?P<unit2>" + _UNIT + r")"
    r"(?:\s+washout(?:\s+period)?)?\s+" + _FROM + r"\s+" + _THERAPY_NEXT + r")?"
)


def _washout(m: re.Match[str]) -> str:
    """The span as the washout's, unless the interval is a disease's ("a disease-free interval of
    6 months after adjuvant therapy" dates a relapse, not a washout)."""
    if _FREE_BEFORE.search(m.string, max(0, m.start() - 24), m.start()) is not None:
        return m.group(0)
    # "A washout of two weeks from prior endocrine therapy and four weeks from prior cytotoxic
    # chemotherapy": a second span in the sentence is another therapy's, which the rewrite would
    # leave as the first one's object (the chemotherapy asked of the patient); left whole
    stop = _SENTENCE_END.search(m.string, m.end())
    if _ANOTHER_SPAN.search(m.string, m.end(), stop.start() if stop else len(m.string)) is not None:
        return m.group(0)
    # "there should be at least a 14-day window from ...": a requirement, as "must have elapsed"
    # says one (an exclusion that states it is read around by exclusion_washout)
    elapsed = "must have elapsed " if m.group("duty") else ""
    second = f"{m.group('first')}; at least {m.group('n2')} {m.group('unit2')} since " if m.group("n2") else ""
    return f"at least {m.group('n')} {m.group('unit')} {elapsed}since {second}"


_SENTENCE_END = re.compile(r"[;]|\.(?:\s|$)")
_ANOTHER_SPAN = re.compile(r"\b(?:\d{1,3}|one|two|three|four|five|six|eight|ten|twelve)[\s-]*(?:days?|weeks?|months?)\b", re.I)
_FREE_BEFORE = re.compile(r"(?:disease|progression|relapse|recurrence|event|platinum|symptom)[\s-]*free\s*$", re.I)

# "an interval of at least 3 months must have elapsed since", "Minimum interval of 6 months after
# the end of", "Washout period of 3 weeks for prior anti-tumor therapy", "a treatment-free interval
# of at least three weeks for cytotoxic therapies"
_DUTY = r"(?P<duty>(?:(?:further|also)\s*,?\s*)?there\s+(?:should|must|shall)\s+be\s+)?"

INTERVAL_OF = (
    r"\b" + _DUTY + r"(?:an?\s+|the\s+)?(?:minimum\s+|required\s+)?(?:treatment[\s-]free\s+|therapy[\s-]free\s+)?(?:interval|washout(?:\s+period)?|window)\s+of\s+"
    r"(?:at\s+least\s+|≥\s*|a\s+minimum\s+of\s+|minimum\s+)?(?P<n>" + _SPAN + r")[\s-]*(?P<unit>" + _UNIT + r")"
    r"(?:\s+(?:must\s+have|has|have)\s+(?:elapsed|passed))?\s+(?:" + _FROM + r"|for(?=\s+(?:prior|previous|any)\b))\s+" + _THERAPY_NEXT + _SECOND,
    _washout,
    ("interval", "washout", "window"),
)

# "at least a 14-day window from the patient's last prior therapy", "a 4-week washout from prior
# chemotherapy"
SPAN_WINDOW = (
    r"\b" + _DUTY + r"(?:(?:at\s+least|a\s+minimum\s+of)\s+)?(?:an?\s+)?(?P<n>" + _SPAN + r")[\s-]*(?P<unit>days?|weeks?|months?)[\s-]+(?:window|interval|washout(?:\s+period)?)"
    r"\s+(?:" + _FROM + r"|for(?=\s+(?:prior|previous|any)\b))\s+" + _THERAPY_NEXT + _SECOND,
    _washout,
    ("window", "interval", "washout"),
)

# "A minimum of 21 days must have elapsed between the end of radiotherapy and registration into
# the study", "≥ 28 days between the last dose of chemotherapy and the first dose of study drug"
BETWEEN_END_AND_START = (
    r"\b(?P<span>(?:at\s+least|a\s+minimum\s+of|≥|more\s+than|greater\s+than)\s*" + _SPAN + r"\s*" + _UNIT + r")"
    r"\s+(?:must\s+have\s+(?:elapsed|passed)\s+|(?:is|are)\s+required\s+|must\s+elapse\s+)?between\s+"
    r"(?P<what>(?:the\s+)?(?:end|completion|last\s+dose|termination|discontinuation)\s+of\s+(?:the\s+|any\s+)?(?:prior\s+|previous\s+|last\s+)?[\w-]{3,30}(?:\s+[\w-]{3,30}){0,2}?)"
    r"\s+and\s+(?:the\s+)?(?:start|initiation|beginning|first\s+dose|registration|enrol+ment|randomi[sz]ation|administration|day\s+1)\b[^.;]{0,60}?(?=\s*(?:[.;]|$))",
    r"\g<span> since \g<what>",
    ("between",),
)

# "At least 14 days between ibrutinib initiation and last cancer therapy": the study drug's start
# first, the last therapy after it
BETWEEN_START_AND_LAST = (
    r"\b(?P<span>(?:at\s+least|a\s+minimum\s+of|≥|more\s+than|greater\s+than)\s*" + _SPAN + r"\s*" + _UNIT + r")"
    r"\s+(?:must\s+have\s+(?:elapsed|passed)\s+)?between\s+(?:the\s+)?(?:(?:start|initiation|first\s+dose)\s+of\s+)?(?:study\s+)?[\w-]{3,30}(?:\s+(?:initiation|start))?"
    r"\s+and\s+(?:the\s+)?(?P<what>(?:last|prior|previous|most\s+recent)\s+(?:dose\s+of\s+)?(?:prior\s+)?(?:cancer\s+|anti-?cancer\s+|anti-?neoplastic\s+|systemic\s+)?(?:therapy|therapies|treatments?))\b",
    r"\g<span> since \g<what>",
    ("between",),
)

# "14 days since the patient's last prior therapy", "14 days since last cancer therapy": any
# anticancer therapy (only after a span: "has progressed since last treatment" is no washout)
# the span opening its clause ("At least 14 days since ...", "...; at least 14 days must have
# elapsed since ..."): after a list of therapies ("Prior chemotherapy or radiotherapy with at least
# 4 weeks since the last treatment") the last treatment is the list's, which its readers date
_SPAN_BEFORE = re.compile(
    r"(?:^|[.;:]\s*|\b(?:be|is|are|have|has)\s+)\W*(?:≥|>|at\s+least|more\s+than|greater\s+than)\s*\d{1,3}[\s-]*(?:days?|weeks?|months?)\s+"
    r"(?:must\s+have\s+elapsed\s+)?$",
    re.I,
)


def _last_therapy(m: re.Match[str]) -> str:
    """Any anticancer therapy, only right after a washout's span (the words before it)."""
    if _SPAN_BEFORE.search(m.string, max(0, m.start() - 80), m.start()) is None:
        return m.group(0)
    return "since last anticancer therapy"


LAST_THERAPY = (
    r"\bsince\s+(?:the\s+)?(?:patient'?s\s+|subject'?s\s+|participant'?s\s+)?(?:last|most\s+recent)\s+(?:prior\s+|previous\s+)?(?:cancer\s+|anti-?cancer\s+)?(?P<kind>therapy|treatment)\b"
    # (the clause ends there: "since the last treatment with a VPLD regimen", "of chemotherapy",
    # "to allow for marrow recovery", "and patients have recovered" name or qualify another one)
    r"(?=\s*(?:[.;,]|$|before\b|prior\s+to\b))",
    _last_therapy,
    ("last", "recent"),
)

ROWS = (INTERVAL_OF, SPAN_WINDOW, BETWEEN_END_AND_START, BETWEEN_START_AND_LAST, LAST_THERAPY)


_STATED = tuple(re.compile(p, re.I) for p, _r, _g in (INTERVAL_OF, SPAN_WINDOW, BETWEEN_END_AND_START, BETWEEN_START_AND_LAST))


def states_interval(text: str) -> bool:
    """Whether the line states a washout as an interval, a window or a span between two dates that
    the rows rewrite (a requirement: among the exclusions, what excludes is the therapy inside it)."""
    low = text.lower()
    if "interval" not in low and "window" not in low and "washout" not in low and "between" not in low:
        return False
    for pattern, (_p, repl, _g) in zip(_STATED, (INTERVAL_OF, SPAN_WINDOW, BETWEEN_END_AND_START, BETWEEN_START_AND_LAST), strict=True):
        for m in pattern.finditer(text):
            if not callable(repl) or repl(m) != m.group(0):
                return True
    return False
