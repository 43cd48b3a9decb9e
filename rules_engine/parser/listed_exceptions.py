"""A clause that opens a list of exceptions ("The use of anti-leukemic agents is not permitted
during the study with the following exceptions: (1) intrathecal therapy for patients with
controlled CNS leukemia ... (2) one dose of cytarabine ... is allowed ..."): the items after it are
what the clause lets in, never requirements of their own. Read as clauses of the line, each was
asked of every patient (an inclusion asked for the CNS leukemia its first exception permits, and
every patient without one failed the line).

The items are gathered to the end of the line (an enumerated exception runs on over sentences of
its own: "Controlled CNS leukemia is defined by ..."); the lead they except keeps its reading,
widened by them where it is read (``widening.attach_widening``), as it stands where it is not (a
review: a person reads the exceptions with it). Widening only: the items can make the lead's
decision unknown or let in whom they name, never add a requirement.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Review
from rules_engine.parser.items import I
from rules_engine.parser.widening import attach_widening

# "with the following exceptions:", "except for the following:", "with the exception of the
# following:", "exceptions are:", "unless there is either:" ending a clause (its list follows in
# clauses of their own)
EXCEPTIONS_LEAD = re.compile(
    r"(?:\bfollowing\s+exceptions?|\bexceptions?\s+(?:are|is|include)(?:\s+as\s+follows)?|\bexcept(?:\s+for)?\s+the\s+following|\bwith\s+the\s+exception\s+of\s+the\s+following|\bunless\s+(?:there\s+is\s+|they\s+have\s+|one\s+of\s+the\s+following\s+)?(?:either|one\s+of\s+the\s+following))\s*:\s*$",
    I,
)


def opens_exceptions(clause_text: str) -> str | None:
    """The clause without the words that announce the exceptions listed after it ("No prior
    chemotherapy, with the following exceptions:" -> "No prior chemotherapy"), None when it
    announces none."""
    if not clause_text.rstrip().endswith(":"):
        return None
    tail = max(0, len(clause_text) - 120)
    m = EXCEPTIONS_LEAD.search(clause_text, tail)
    return None if m is None else clause_text[: m.start()].rstrip(" ,;")


def widened_by_list(lead: Expr, excepted: list[str], ctype: CriterionType) -> Expr:
    """The lead read with the exceptions listed after it: widened where it is read, as it is where
    it is not."""
    if isinstance(lead, Review) or not excepted:
        return lead
    return attach_widening(lead, "; ".join(excepted), ctype)
