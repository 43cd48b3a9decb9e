"""Rewrites of how a line words taking part in another study, into the words the therapy readers
already know (rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "Is currently participating (and receiving study therapy) or has participated in a study of an
  investigational agent (and received study therapy) or used an investigational device within 4
  weeks of the first dose of treatment" (one sponsor's template, 20 wordings on 30-odd corpus
  lines): taking part in another study, now or within the span, is what "participation in another
  clinical trial" already says, and what a record can show of it is the investigational agent
  given (``topics.events``). Left, "Currently participating" was an unread alternative and "has
  participated in a study of an" an unread qualifier of the agent, so every patient without an
  investigational agent on record was unknown, and one given it last week was still only unknown
  by the second.
* "... a study with an investigational compound or device ..." (its "device" bare after the
  compound): the device is an investigational one as much as the compound.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

_AGENT = r"investigational\s+(?:agents?|compounds?|drugs?|products?)"

CURRENTLY_OR_HAS_PARTICIPATED = (
    r"\b(?:is\s+)?currently\s+participating(?:\s+in)?(?:\s+and\s+receiving\s+study\s+(?:therapy|drugs?|treatment))?\s*,?\s+"
    r"or\s+(?:has\s+|have\s+)?participated\s+in\s+a\s+study\s+(?:of|with)\s+(?:an?\s+)?(" + _AGENT + r")"
    r"(?:\s+and\s+received\s+study\s+(?:therapy|drugs?|treatment)(?=\s*(?:,|\bor\b)))?",
    r"participation in another clinical trial or use of an \1",
    ("participat",),
)

COMPOUND_OR_DEVICE = (
    r"\b(investigational\s+(?:agents?|compounds?|drugs?|products?))\s+or\s+(devices?)\b",
    r"\1 or investigational \2",
    ("device",),
)

ROWS = (CURRENTLY_OR_HAS_PARTICIPATED, COMPOUND_OR_DEVICE)
