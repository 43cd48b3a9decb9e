"""A bounded cache of the parser's answers for one line, for bulk imports.

Why: registries repeat boilerplate lines ("Negative pregnancy test", "PATIENT CHARACTERISTICS:",
"ECOG performance status 0-2"), and the ClinicalTrials.gov importer reads every line twice (once
to see which registry fields the text is silent on, once to store it). Measured on the shared
corpus (1,883 unique trials, 50,083 line parses in one pass): 16% of the parses repeat a line
already seen (41,992 distinct), so a single pass saves ~16%; the importer's second reading of
every line is all hits, which halves the parse work of an import. A generated registry that
repeats whole texts (``bench/import.py``) hits far more often: it says how much.

The answer for a line is a pure function of its type, its text and the heading it is read
with (``parse_line``'s ``context``); the heading's index (``parent``) is only copied into the
criterion, so it is not part of the key. The parser version is, so a cache can never hand out
an older parser's reading. A line whose parse raised (out of its time budget, a parser bug) is
never stored: the next trial with that line tries again under its own budget.

``tests/importers/test_parse_cache.py`` pins the cached answers to the plain ones on the corpus.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict

from rules_engine.criteria import Criterion, CriterionType
from rules_engine.parser.line import parse_line
from trials.structuring import PARSER_VERSION

# Entries kept per process. Least recently used goes first, so the boilerplate stays. Measured
# at ~3.8 KB per entry (key text and criterion tree; 6,732 entries of the corpus took 25.8 MB), so
# the default holds ~75 MB per parse worker.
#
# Measured (session 8) on bench/import.py's generated zip, which cycles through the corpus's 1,883
# texts (~42,000 distinct parsed lines): at this size LRU evicts every line before its text comes
# round again, so only the importer's second reading of a study hits (58.9% of 1,091,475 parses on
# the 20,000 studies, 31 ms CPU a study, ~64 studies/s on 2 idle cores). On its first 3,000
# studies in one process, 60,000 entries (~230 MB) hit 74.4% instead of 59.6%: 27.2 -> 20.5 ms CPU a
# study, i.e. ~9 ms a study whose lines are all cached (reading, building and storing it). A real
# export repeats boilerplate lines, not whole texts, so the size matters far less there.
DEFAULT_SIZE = 20_000


class LineCache:
    """``parse_line``'s answers, least recently used dropped first; call it as ``parse_line``.
    ``size=0`` keeps nothing: every line is parsed (the plain way)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._answers: OrderedDict[tuple[str, str, str, str], Criterion] = OrderedDict()

    def __call__(self, text: str, type: CriterionType | str, parent: int | None = None, context: str = "") -> Criterion:
        ctype = CriterionType(type)
        key = (PARSER_VERSION, str(ctype), context, text)
        found = self._answers.get(key)
        if found is not None:
            self.hits += 1
            self._answers.move_to_end(key)
            return found if found.parent == parent else dataclasses.replace(found, parent=parent)
        self.misses += 1
        answer = parse_line(text, ctype, parent=parent, context=context)
        if not self.size:
            return answer
        self._answers[key] = answer
        if len(self._answers) > self.size:
            self._answers.popitem(last=False)
        return answer

    def __len__(self) -> int:
        return len(self._answers)
