"""Counts of prior lines of therapy: "No more than 2 prior therapies for MDS", "≤ 3 prior
regimens", "at least 2 prior lines of therapy", "Received no more than 1 prior systemic therapy".

A record lists drugs, not lines: a regimen of four drugs is one line, hydroxyurea given to lower
the count is none, and what a drug was given for is not said, so counting the drugs on record
would count lines wrongly both ways. What a record does tell is whether any anticancer therapy
was given (absent means absent: then the count is nought), and a hospital may send the count
itself as an observation (``prior_therapy_lines``, Eligo code ``prior-lines-of-therapy``). So:

* a cap of N (N >= 1) is met by a patient without anticancer therapy, decided by the count when
  the record holds it, and otherwise open for the data (unknown, not a person's review: the
  patient is at best possibly eligible, never eligible);
* a minimum of N (N >= 2) fails a patient without anticancer therapy and is decided by the count
  or open; a minimum of one is any anticancer therapy.

Left a review, a patient with three MDS therapies was answered eligible for "No more than 2 prior
therapies for MDS". A count of a named therapy ("≤ 3 prior chemotherapy regimens") is the event
topic's (``events._count_of``); this topic reads only the generic nouns. The pattern is one
bounded alternation with no nested repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op
from rules_engine.parser.items import NEGATED, I, Item, all_of, any_of, count_of, predicate

_COUNTED = re.compile(
    r"(?P<op>≤|<|≥|>|\bat\s+most|\bat\s+least|\bup\s+to|\b(?:fewer|less)\s+than|\bmaximum\s+of|\bminimum\s+of|\bno\s+more\s+than|\bmore\s+than)\s*"
    r"(?P<n>[1-6]|one|two|three|four|five|six)\s+"
    # (only the kinds that are any line: a count of one kind, "2 prior induction regimens", "1 line of
    # chemotherapy", is no count of all lines, and a minimum of all lines would not meet it)
    r"(?:(?:prior|previous)\s+)?(?:(?:different|distinct|separate|standard|systemic|anti-?cancer|anti-?neoplastic|anti-?leuk(?:a)?emi(?:a|c)|"
    r"treatment|therapeutic)\s+){0,2}"
    r"(?:therap(?:y|ies)|regimens?|treatments?|lines?(?:\s+of\s+(?:prior\s+)?(?:systemic\s+)?(?:therapy|treatment))?)\b"
    # (never a kind or a unit of something else: "treatment-related toxicities", "6 treatment cycles")
    r"(?![\w-])(?!\s+(?:of|with|containing|including|using|based|cycles?|courses?|doses?|sessions?|days?|weeks?|months?|years?)\b)"
    # (nor a count whose kind a relative clause narrows: "3 prior regimens, where the regimen intent was to induce remission")
    r"(?!\s*,?\s*(?:where|which|that|whose|in\s+which)\b)"
    # (what the therapies were for: "for MDS", "for their disease")
    r"(?:\s+(?:for|of)\s+(?:their\s+|the\s+|his\s+or\s+her\s+)?(?:[\w/-]+\s+){0,2}?(?:MDS|AML|ALL|CLL|CML|leuk(?:a)?emia|disease|lymphoma|myeloma|cancer|malignancy)\b)?",
    I,
)
# every count this topic reads names one of these (clauses._topics checks it before calling)
GATE = re.compile(r"therap|regimen|treatment|line", I)
# a severity, never a count ("Grade > 1 prior treatment-related toxicities")
_GRADE_BEFORE = re.compile(r"\bgrade\s*$", I)
# a negation earlier in the same clause turns the count round ("may not have received more than 3
# prior regimens" is a cap of 3; "have not previously received at least one line" is none)
_CLAUSE_CUT = re.compile(r"[.;:,]|\b(?:and|or|but)\b", I)
_NEGATION = re.compile(r"\b(?:not|never)\b|n't\b", I)
# a count asked of some patients only ("Patients with small cell carcinoma ... if limited stage
# disease, must have received at least one prior systemic therapy", "For the Phase II portion,
# patients may have had no more than 2 prior ..."): read for everyone it failed the others, so it
# is left to the reader of such conditions (the line stays a person's)
_SENTENCE = re.compile(r"[.;:]\s")
_SCOPED = re.compile(
    r"\b(?:patients?|subjects?|participants?)\s+(?:with|who\s+have\s+(?:a|an)\b)|\bif\b|\bin\s+(?:the\s+)?(?:case|situation)\b|"
    r"\bfor\s+(?:the\s+)?(?:patients?|subjects?|participants?|participation|phase|part|cohort|arm|group)\b|\bphase\s+(?:[12]|I{1,3}|one|two)\b",
    I,
)
_AT_MOST = ("≤", "<", "at most", "up to", "fewer than", "less than", "maximum of", "no more than")


def prior_line_items(text: str) -> list[Item]:
    """A count of prior lines of anticancer therapy, as the module's docstring reads it."""
    items = []
    opens_negated = NEGATED.match(text) is not None
    for m in _COUNTED.finditer(text):
        before = text[max(0, m.start() - 60): m.start()]
        if _GRADE_BEFORE.search(before):
            continue
        starts = [c.end() for c in _SENTENCE.finditer(text, 0, m.start())]
        if _SCOPED.search(text, starts[-1] if starts else 0, m.start()):
            continue
        cuts = list(_CLAUSE_CUT.finditer(before))
        # (a clause that opens negated is negated whole by the line reader: "Patients may not have ...")
        negated = not opens_negated and bool(_NEGATION.search(before[cuts[-1].end():] if cuts else before))
        n = count_of(m.group("n"))
        op = " ".join(m.group("op").lower().split())
        if negated:  # "not more than 3" is at most 3; "not at least 1" is fewer than 1; any other turn is left
            if op not in ("more than", ">", "at least", "≥", "minimum of"):
                continue
            op, n = ("≤", n) if op in ("more than", ">") else ("<", n)
        treated = predicate("anticancer_therapy", Op.PRESENT)
        expr: Expr
        if op in _AT_MOST:
            most = n - 1 if op in ("<", "fewer than", "less than") else n
            if most < 1:  # "have not previously received at least one line of therapy": none
                items.append(Item(m.start(), m.end(), Not(treated), frozenset({"anticancer_therapy"})))
                continue
            expr = any_of([Not(treated), predicate("prior_therapy_lines", Op.LTE, most, None)])
        else:
            least = n + 1 if op in (">", "more than") else n
            expr = treated if least <= 1 else all_of([treated, predicate("prior_therapy_lines", Op.GTE, least, None)])
        items.append(Item(m.start(), m.end(), expr, frozenset({"anticancer_therapy", "prior_therapy_lines"})))
    return items
