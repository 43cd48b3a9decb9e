"""A leukaemia named by the bare word: any leukaemia on record (dx15; issue 14).

"No history of leukemia", "No leukemia", "Any form of leukemia" (a handful of corpus lines, in
trials of other diseases: MDS, solid tumours): no concept is "leukemia" itself, so the word was
left unread and the line to a person for every patient, a patient with AML on record included.
The word names every leukaemia: the acute ones, CLL, CML, CMML, JMML, the prolymphocytic and
plasma cell leukaemias, adult T-cell leukaemia/lymphoma. A blood cancer on record of no stated kind
is left open by the kinds (their parent is exhaustive); a blood cancer the record names only as
"another hematologic malignancy" (hairy cell leukaemia and the other C81-C96 codes with no row
of their own) may be a leukaemia, and is a person's question.

Only the bare word that a line forbids or asks as a history, or that opens the line: after "no",
"history of", "any form of", "prior", "previous", "known". After a word that names a kind ("T-cell
leukemia", "Burkitt's leukemia", "chronic leukemia", "hairy cell leukemia") or in a scope ("for
patients with leukemia or lymphoma", "secondary to leukemia") the line stays with its other
readers. CMML and JMML, leukaemias by name and MDS/MPN overlaps by class, are a person's question. The events topic reads first: a leukaemia it names by its kind
is its own.

The pattern is one bounded lookbehind-free alternation; the word before is checked on a slice.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

GATE = re.compile(r"leuka?emia", I)

_WORD = re.compile(r"(?<![\w/-])leuka?emias?\b(?![\w/-]|\s+(?:cells?|blasts?|cutis)\b|\s*\()", I)
_BEFORE = re.compile(
    r"(?:^\W*|\bno|\bnor|\bhistory\s+of|\b(?:any|all|other)\s+(?:forms?|types?|kinds?)\s+of|\bprior|\bprevious|\bknown)\s*$",
    I,
)

# a history said before the word ("No history of leukemia", "prior leukemia"): one in remission or
# resolved is one too (as events._ever reads a named blood cancer's history); an active cue or a
# window of the line's own keeps the current disease
_HISTORY_CUE = re.compile(r"\b(?:history|prior|previous(?:ly)?|past|ever)\b", I)
_ACTIVE_CUE = re.compile(r"\b(?:active|current(?:ly)?|concurrent|ongoing)\b", I)
_ANY_WINDOW = re.compile(r"\b(?:within|in\s+(?:the\s+)?(?:past|last|previous)|during\s+the\s+(?:past|last))\b|\bfree\b", I)
_LIFETIME = Window(100.0, "years")

_KINDS = ("acute_leukemia", "cll", "cml", "prolymphocytic_leukemia", "plasma_cell_leukemia", "atll")
# the myelomonocytic leukaemias are MDS/MPN overlaps: an MDS trial's "No history of leukemia" takes
# CMML among its MDS, so whether the word means them is a person's question
_OVERLAPS = ("cmml", "jmml")
_CONCEPTS = frozenset(_KINDS + _OVERLAPS)


def bare_leukemia_items(text: str) -> list[Item]:
    """Each bare "leukemia" the line names where no word before it names a kind."""
    items: list[Item] = []
    for m in _WORD.finditer(text):
        if not _BEFORE.search(text[max(0, m.start() - 30): m.start()]):
            continue
        before = text[max(0, m.start() - 40): m.start()]
        ever = bool(_HISTORY_CUE.search(before)) and not _ACTIVE_CUE.search(before) and not _ANY_WINDOW.search(text)
        expr = any_of([
            *(predicate(k, Op.PRESENT) for k in _KINDS),
            *((predicate(k, Op.WITHIN, None, None, False, _LIFETIME) for k in _KINDS) if ever else ()),
            *(all_of([predicate(k, Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, "whether the line's leukaemia takes the MDS/MPN overlap on record")])
              for k in _OVERLAPS),
            all_of([predicate("hematologic_malignancy", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, "whether the blood cancer on record is a leukaemia")]),
        ])
        items.append(Item(m.start(), m.end(), expr, _CONCEPTS))
    return items
