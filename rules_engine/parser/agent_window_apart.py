"""A longer washout for named agents, in brackets, in a line that says more after it.

"Patients who have had prior chemotherapy within the past 4 weeks (6 weeks for nitrosoureas or
mitomycin C). Patients must be off treatment with temozolomide for at least 23 days.", "Prior
chemotherapy within 21 days prior to receipt of study medication (6 weeks for nitrosoureas or
mitomycin C; 12 weeks for radioisotopes)": the line assembly reads the bracket
(``windows.agent_window``) only where it ends the line's last sentence (a permission after it
would otherwise attach to the washout), so here the bracket's words stood beside the washout as
an unread alternative: every patient with no recent therapy at all was unknown (about 20 corpus
lines in 19 trials, the NCI wording).

Read after the assembly, where the bracket's words are one part of the And or Or that holds the
washout it widens: that part gives way to the widening, and the washout's own interval decides
as written (the span between the two intervals waits on whether the agent was one of those
named, as ``windows.agent_window`` reads it). Nothing else in the line is touched; a bracket
whose words are a part of anything else (joined with a permission's review) is left as it was.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Review, iter_nodes
from rules_engine.parser.items import all_of, any_of, map_leaves, rewrite_groups
from rules_engine.parser.normalize import normalize
from rules_engine.parser.safety import plain
from rules_engine.parser.windows import AGENT_WINDOW, agent_window

# the words a bracketed longer washout leaves unread ("6 weeks for nitrosoureas … mitomycin C")
_WORD = re.compile(r"[^\W_]+")
_BRACKET_WORDS = re.compile(r"\d{1,3}\s*(?:days?|weeks?|months?)\s+(?:for|in\s+the\s+case\s+of|if)\b", re.I)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def agent_window_apart(expr: Expr, text: str) -> Expr:
    """``expr`` with the unread part a bracketed longer washout left (see the module's doc) read
    as the widening of the washout beside it; any other line unchanged."""
    if "(" not in text or not isinstance(expr, (All, Any_)) or not any(_BRACKET_WORDS.match(" ".join(r.text.split())) for r in iter_nodes(expr) if isinstance(r, Review)):
        return expr
    for m in AGENT_WINDOW.finditer(normalize(text)):  # (normalised, as the review's words are: "six weeks" is "6 weeks")
        words = re.compile(rf"{m.group('n')}\s*{m.group('unit')}\s+(?:for|in\s+the\s+case\s+of|if)\b", re.I)
        said = _words(m.group(0))  # (a review holding more than the bracket's words asks more: left as it was)

        def at(node: All | Any_, parts: list[Expr], positive: bool, m: re.Match[str] = m, words: re.Pattern[str] = words, said: set[str] = said) -> list[Expr]:
            bracket = [p for p in parts if isinstance(p, Review) and words.match(" ".join(p.text.split())) and _words(p.text) <= said]
            if len(bracket) != 1:
                return parts
            rest = [p for p in parts if p is not bracket[0]]
            if not rest:
                return parts
            join = any_of if isinstance(node, Any_) else all_of
            widened = agent_window(join(rest), m)
            # (read after the line's assembly, whose markers are plain reviews by now: so are these)
            return parts if widened is None else [map_leaves(widened, lambda n: plain(n) if isinstance(n, Review) else n)]

        expr = rewrite_groups(expr, at)
    return expr
