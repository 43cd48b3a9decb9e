"""A group's name that the text defines in a bracket right after it: the definition is the reading.

"Subjects with latent or prehepatitis B infection (defined as HBcAb positive and HBsAg
negative) can be enrolled only if PCR tests for HBV DNA are negative"; "Patients with a past or
resolved hepatitis B virus (HBV) infection (defined as the presence of hepatitis B core antibody
[anti-HBc] and absence of hepatitis B surface antigen [HBsAg]) may be included if ...". The
words naming the group ("latent or prehepatitis B", "occult", "past or resolved") say nothing the
bracket does not: the text itself says the group *is* what the bracket defines. Where the bracket
holds a structured item, those name words are masked before the residue is counted, so a name
no topic knows ("prehepatitis", "occult") no longer leaves the permission a review of its own.

Only the words between "with" and the bracket are masked, and only when the bracket's
definition holds an item the topics read: the definition decides, never nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rules_engine.parser.items import I, Item

# "with [a|an|the] <name of up to 10 words> (defined as <definition>)"; the definition may hold
# one level of square brackets ("[anti-HBc]") but no round ones
_DEFINED_NAME = re.compile(
    r"\bwith\s+(?:(?:a|an|the|known|any)\s+)?(?P<name>(?:[\w'/.-]{1,40}\s+){0,9}[\w'/.-]{1,40}(?:\s*\([\w\s/.-]{1,20}\))?)"
    r"\s*\(\s*(?:which\s+is\s+|is\s+)?(?:defined|characteri[sz]ed|identified|diagnosed)\s+(?:as|by)\s+(?P<definition>[^()]{1,400})\)",
    I,
)


def defined_name_spans(text: str, items: Sequence[Item]) -> list[tuple[int, int]]:
    """The spans of group names ``text`` defines in a bracket whose definition holds one of
    ``items`` (module docstring); empty when there is none."""
    if "defin" not in text.lower() and "characteri" not in text.lower() and "identif" not in text.lower() and "diagnos" not in text.lower():
        return []
    out = []
    for m in _DEFINED_NAME.finditer(text):
        start, end = m.span("definition")
        if any(start <= it.start and it.end <= end and it.expr is not None for it in items):
            out.append(m.span("name"))
    return out


def mask_defined_names(text: str, items: Sequence[Item], masked: list[str]) -> None:
    """Blanks in ``masked`` (the clause's characters, read items blanked) the group names the
    clause defines by a read definition."""
    for start, end in defined_name_spans(text, items):
        masked[start:end] = " " * (end - start)
