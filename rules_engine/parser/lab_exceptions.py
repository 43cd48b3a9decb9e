"""Where an exception beside laboratory limits ends, and which limits it concerns.

Registry lab lines list their limits with commas and put an exception after one of them ("Bilirubin
<= 1.5 x ULN unless considered due to Gilbert's syndrome, AST <= 3.0 x ULN, ALT <= 3.0 x ULN"), or
after a lead-in that announces the whole list ("the following clinical laboratory values, unless
abnormal parameter level is considered related to leukemia: Creatinine <= 2.0 mg/dL, ..."; "Serum
biochemical values with the following limits unless considered due to leukemia:" over one line per
limit; "(creatinine < 2 x ULN, bilirubin < 2 x ULN, and AST and ALT <= 2 x ULN) unless proven to be
related to disease infiltration"):

- an exception ends where the next limit of another lab begins (``exception_end``): swallowed into
  the exception, the AST and ALT limits became alternatives of the bilirubin and a patient with an
  AST ten times the limit met the line;
- an exception written on a lead-in or after a bracket of limits concerns every limit of that list
  (``list_targets`` for one line, ``heading_exception``/``widened`` for a heading over its lines):
  tied to the nearest limit alone, a creatinine the leukaemia raised failed the line outright,
  which the trial leaves to a person.

What the exception permits is never read as met here: a cause no record holds stays a review, so
it only turns a failed limit into ``unknown``.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import All, Any_, CriterionType, Expr, Review, ReviewReason, iter_predicates
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, Item, NAMED_CAUSES
from rules_engine.parser.widening import EXCEPTION_SUBJECTS


def _lab(concepts: frozenset[str]) -> bool:
    return bool(concepts) and all(c in CONCEPTS and CONCEPTS[c].kind is Kind.MEASUREMENT for c in concepts)


# a comma (or a colon, or "and" after one) where a list of limits goes on
_LIST_GAP = re.compile(r"\s*(?:[,:]\s*(?:and\s+)?|;\s*)", I)
_GAP_AT = re.compile(r"[,:]", I)


def exception_end(text: str, start: int, end: int, ctype: CriterionType) -> int:
    """Where the exception matched over ``text[start:end]`` really ends: before the first limit of
    a lab the exception is not about that follows one of its commas or colons."""
    words = text[start:end]
    if not _GAP_AT.search(words) or not re.search(r"\d", words):
        return end
    about = {c for pattern, subject in EXCEPTION_SUBJECTS if pattern.search(words) for c in subject}
    for gap in _GAP_AT.finditer(text, start + 1, end):
        after = _LIST_GAP.match(text, gap.start())
        if after is None:
            continue
        rest = text[after.end(): end]
        items = [it for it in extract(rest, ctype) if it.expr is not None]
        if not items or items[0].start > len(rest) - len(rest.lstrip()) + 60:
            continue
        first = items[0]
        # the lab's name opens what follows the gap (a limit the exception sets for its own lab,
        # "unless Gilbert's syndrome, bilirubin < 3 mg/dL", stays the exception's)
        if _lab(first.concepts) and not first.concepts & about and _opens(rest, first):
            return gap.start()
    return end


def _opens(rest: str, first: Item) -> bool:
    lead = rest[: first.start]
    return not re.search(r"[A-Za-z]{3,}", lead)


# an exception on a list's lead-in or heading: "unless considered due to leukemia", "(unless
# related to CLL involvement)", "unless abnormal parameter level is considered related to leukemia"
_CAUSED = re.compile(
    r"\(?\s*\b(?:unless|except\s+(?:if|when|where))\b[^():;]{0,120}?\b(?:due|related|secondary|attributable|attributed|caused)\b[^():;]{0,80}\)?",
    I,
)
_ANNOUNCES = re.compile(r"\b(?:following|as\s+(?:defined|follows)|below|defined\s+(?:as|by))\b|:\s*$", I)


def heading_exception(text: str) -> str | None:
    """The exception a heading or lead-in writes for the limits it announces ("Serum biochemical
    values with the following limits unless considered due to leukemia:")."""
    head = text.rstrip()
    if not head.endswith(":") and ":" not in head:
        return None
    lead = head[: head.rindex(":")] if head.endswith(":") else head[: head.index(":")]
    m = _CAUSED.search(lead)
    if m is None or lead[m.end():].strip(" ,)") or not _ANNOUNCES.search(lead[: m.start()] + ":"):
        return None
    return m.group(0).strip(" ()")


def widened(expr: Expr, exc: str, ctype: CriterionType) -> Expr:
    """A heading's list of limits with the heading's exception beside it: failed, a person weighs
    the cause (inclusion); held, the same (exclusion)."""
    review = Review(ReviewReason.JUDGEMENT, exc)
    if ctype is CriterionType.INCLUSION:
        return Any_((expr, review))
    return All((expr, review))


def lab_list(exprs: list[Expr]) -> bool:
    """Whether every requirement of a heading's lines is a laboratory limit (or a cause its own
    exception names, "unless due to Gilbert's syndrome")."""
    preds = [p for e in exprs for p in iter_predicates(e)]
    labs = [p for p in preds if p.concept in CONCEPTS and CONCEPTS[p.concept].kind is Kind.MEASUREMENT]
    return bool(labs) and all(p in labs or p.concept in _CAUSES for p in preds)


_CAUSES = frozenset(concept for _, concept in NAMED_CAUSES)


def list_targets(items: list[Item], text: str, start: int, exc: str) -> list[Item] | None:
    """The limits an exception with no subject of its own concerns when it follows a bracket of
    limits ("(creatinine < 2 x ULN, bilirubin < 2 x ULN, and AST and ALT <= 2 x ULN) unless ...")
    or leads them ("..., unless ... related to leukemia: Creatinine <= 2.0 mg/dL, ..."): all of
    them; ``None`` for any other place."""
    if not _CAUSED.match(exc.strip()) and not re.match(r"\W*unless\b", exc, I):
        return None
    live = [it for it in items if it.expr is not None]
    labs = [it for it in live if _lab(it.concepts)]
    if len(labs) < 2 or len(labs) != len(live):
        return None
    before = text[:start].rstrip(" ,")
    if before.endswith(")"):
        depth, k = 0, len(before) - 1
        while k >= 0:
            depth += {")": 1, "(": -1}.get(before[k], 0)
            if depth == 0:
                break
            k -= 1
        inside = [it for it in labs if k < it.start and it.end <= len(before)]
        return inside if len(inside) >= 2 else None
    if all(it.start >= start for it in labs) and re.search(r":", text[start:labs[0].start]) is not None and _ANNOUNCES.search(before):
        return labs
    return None


# a note under a limit that permits a value past it for a cause ("Renal dysfunction due to organ
# infiltration by disease allowed", "Less than 50 mL/min eligible if due to obstructive
# neuropathy ..."): the cause is a person's to weigh
_CAUSE_WORDS = re.compile(r"\b(?:due\s+to|secondary\s+to|related\s+to|attributable\s+to|attributed\s+to|caused\s+by)\b", I)
_PERMITTED = re.compile(r"\b(?:allowed|permitted|acceptable|eligible)\b", I)


def permits_cause(own: Expr, note: str) -> bool:
    """Whether ``note`` under a line of laboratory limits ``own`` permits values past them for a
    cause (it then widens the limits, never asks anything of its own)."""
    return lab_list([own]) and bool(_CAUSE_WORDS.search(note)) and bool(_PERMITTED.search(note)) and len(note) <= 200
