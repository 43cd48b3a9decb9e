"""Two criteria run together without a stop: "At least 28 days since prior significant traumatic
injury No evidence of bleeding diathesis or coagulopathy" (the older PDQ layout flattened its
items; ``sections`` splits such seams only in text flowed after a heading, not inside one item).

Read as one sentence, the second criterion's "or" made the whole line one list of alternatives:
"no recent injury OR no bleeding diathesis", which a patient with a bleeding diathesis met. A new
criterion starts at a capitalised "No" / "At least" / "Must" / "Not" right after a lower-case word
(never after a word that joins it to what went before: "score of 0 or Not pregnant" says "or"
itself); the seam becomes a stop, so each criterion is asked on its own, as with the stop written.

Case matters here (the seam is its capital letter), so this is a function of its own, run before
the case-blind rows of ``normalize``. One bounded pattern; no repetition nests.
"""

from __future__ import annotations

import re

_SEAM = re.compile(r"(?<=[a-z%])\s+(?=(?:No|At\s+least|Must|Not)\s+[a-z])")
_LAST_WORD = re.compile(r"[A-Za-z%-]{1,40}$")
# the words that join what follows to what went before (a list's "or", a preposition)
_JOINS = frozenset("""or and nor of with without if unless except than to is are be was were by for from in on at as
    the a an not no any all only but either neither""".split())


def run_on_seams(text: str) -> str:
    """``text`` with a stop at each seam where a criterion runs into the next (module doc)."""
    if "No " not in text and "At least" not in text and "Must " not in text and "Not " not in text:
        return text
    out: list[str] = []
    at = 0
    for m in _SEAM.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
        if word is None or word.group(0).lower() in _JOINS:
            continue
        out.append(text[at: m.start()] + ".")
        at = m.start()
    return "".join(out) + text[at:]
