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
# a disease status said before the word ("relapsed or refractory leukemia", "Relapsed/refractory
# leukemias", "recurrent or refractory leukemia"): the status words are read by their own topic and
# attach to the leukaemia named here, the current one (no history reading). Not a word a list of
# kinds defines ("Relapsed/refractory leukemias include AML ..., ALL, CLL"): the kinds are the line's
_DEFINED_AFTER = re.compile(r"\s*(?::|\binclud(?:e|es|ing)\b|\bsuch\s+as\b|\b(?:are\s+)?defined\b)", I)
_STATUS_BEFORE = re.compile(
    r"\b(?:relapsed|refractory|recurrent|resistant)(?:\s*(?:/|\bor\b|\band/or\b|\band\b)\s*(?:relapsed|refractory|recurrent|resistant))?\s*$",
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
OVERLAP_REVIEW = "whether the line's leukaemia takes the MDS/MPN overlap on record"
# a blood cancer of no named kind: the leukaemia codes no row names (hairy cell leukaemia C91.4,
# C91.9, C92.2, C92.9, C93.9, C94.x, C95.1, C95.9) are read so, and so are the C81-C96 codes
# that are no leukaemia: a line requiring a leukaemia leaves such a patient to a person, never fails one
UNNAMED_REVIEW = "whether the blood cancer on record is a leukaemia"
# the reviews whose disease is no named leukaemia: a person's question of the record, no words left
# unread (``conditional`` reads "Patients with relapsed leukemia must ..." whole with them). As a
# trial's own disease (``coded.trial_diseases``) they stay its own: a hairy cell leukaemia (C91.4)
# on record in a trial for "relapsed or refractory leukemia" is no "other malignancy"
OPEN_KIND_REVIEWS = frozenset({OVERLAP_REVIEW, UNNAMED_REVIEW})


def bare_leukemia_items(text: str) -> list[Item]:
    """Each bare "leukemia" the line names where no word before it names a kind."""
    items: list[Item] = []
    for m in _WORD.finditer(text):
        status = bool(_STATUS_BEFORE.search(text[max(0, m.start() - 40): m.start()])) and not _DEFINED_AFTER.match(text, m.end())
        if not status and not _BEFORE.search(text[max(0, m.start() - 30): m.start()]):
            continue
        before = text[max(0, m.start() - 40): m.start()]
        ever = not status and bool(_HISTORY_CUE.search(before)) and not _ACTIVE_CUE.search(before) and not _ANY_WINDOW.search(text)
        expr = any_of([
            *(predicate(k, Op.PRESENT) for k in _KINDS),
            *((predicate(k, Op.WITHIN, None, None, False, _LIFETIME) for k in _KINDS) if ever else ()),
            *(all_of([predicate(k, Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, OVERLAP_REVIEW)]) for k in _OVERLAPS),
            all_of([predicate("hematologic_malignancy", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, UNNAMED_REVIEW)]),
        ])
        items.append(Item(m.start(), m.end(), expr, _CONCEPTS))
    return items
