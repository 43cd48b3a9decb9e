"""A washout written as a time or a number of half-lives ("Use of any investigational drug within
28 days or 5 half-lives, whichever is longer, preceding enrollment", "within 30 days, or 5
half-lives of the investigational product"; about 80 corpus lines in as many trials).

The days are read as the therapy's window; the half-lives are no record's fact (a drug's half-life
is not on a patient record) and stay a review. Left bare, that review was an alternative of its
own, so a patient who never had the therapy at all was unknown: the exclusion could not be ruled
out for a clean record. The half-lives are the half-lives of the same therapy, so the review is
asked only of a patient who had it: ``X within 28 days or (X and review "5 half-lives ...")``.
A patient without X meets neither alternative; one who had X more than 28 days ago stays with a
person, as before.

Only a review that says nothing but the half-lives and how they combine with the days ("5
half-lives", "whichever is longer", "of the compound", "preceding enrollment") is tied: one that
names anything else ("a small-molecule kinase inhibitor within 14 days or 5 half-lives", "for an
investigational agent" beside chemotherapy, "refer to Appendix 3") keeps its own alternative, so
no therapy the line names apart is hidden.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review
from rules_engine.parser.items import any_of

_HALF_LIFE = re.compile(r"\bhalf[\s-]?li(?:fe|ves)\b", re.I)
_WHICHEVER = re.compile(r"\bwhichever\b", re.I)

# the words a half-life alternative may hold besides its number
_FILLER = frozenset("""
    half life lives whichever is the longer shorter greater later earlier of its their elimination or within
    drug drugs agent agents compound compounds product products preceding prior to before first dose doses enrollment
    enrolment registration randomization randomisation study start starting day days week weeks at least more than
    from last if known applicable a an
    must have has be is are wash out washout period times required
    one two three four five six seven ten pharmacokinetic effective elimination terminal plasma approximately
    for systemic treatment treatments therapy therapies medication medications date administration
""".split())
# (a count of half-lives spelled, "within 30 days or five half-lives", and what kind of half-life:
# "5 pharmacokinetic half-lives of the treatment", "5 effective half-lives", "5 half-lives (for
# systemic agents)", "before the date of ... administration"; about 12 corpus lines left a bare
# review alternative, and every patient who never had the therapy was unknown)
# (the washout said as a duty, "must have wash-out period of 5 times the half-life of the compound
# before first dasatinib dose"; meds17: left, a clean record was unknown for a CYP3A4 line)
# "of the investigational product": the investigational agent's own half-lives, and no other therapy's
_INVESTIGATIONAL = frozenset({"investigational", "experimental"})


def _tied_words(text: str, anchor_concepts: set[str]) -> bool:
    """Whether ``text`` says nothing but a half-life bound of the therapy beside it."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    allowed = _FILLER | (_INVESTIGATIONAL if anchor_concepts == {"investigational_agent"} else frozenset())
    return not (words - allowed)


def _dated(expr: Expr) -> list[Predicate]:
    """The windowed therapy predicates of ``expr`` (through And and Or, never through a Not)."""
    if isinstance(expr, Predicate):
        return [expr] if expr.op is Op.WITHIN and expr.window is not None else []
    if isinstance(expr, (All, Any_)):
        return [p for part in expr.parts for p in _dated(part)]
    return []


def _tie(alternatives: Any_) -> Any_:
    reviews = [p for p in alternatives.parts if isinstance(p, Review) and (_HALF_LIFE.search(p.text) or _WHICHEVER.search(p.text))]
    if not reviews:
        return alternatives
    dated = [p for part in alternatives.parts if not isinstance(part, Review) for p in _dated(part)]
    if not dated:
        return alternatives
    concepts = {p.concept for p in dated}
    anchors: list[Expr] = []
    for p in dated:
        anchor = replace(p, op=Op.PRESENT, window=None)
        if anchor not in anchors:
            anchors.append(anchor)
    anchor_expr = any_of(anchors)
    parts = tuple(All((anchor_expr, p)) if p in reviews and _tied_words(p.text, concepts) else p for p in alternatives.parts)
    return alternatives if parts == alternatives.parts else Any_(parts)


def half_lives_tied(text: str, expr: Expr) -> Expr:
    """``expr`` with each bare half-life alternative asked only of a patient who had the therapy
    its days bound (module docstring)."""
    if "half" not in text.lower() and "whichever" not in text.lower():
        return expr
    return _walk(expr)


def _walk(expr: Expr) -> Expr:
    if isinstance(expr, Not):
        inner = _walk(expr.part)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, All):
        parts = tuple(_walk(p) for p in expr.parts)
        return expr if parts == expr.parts else All(parts)
    if isinstance(expr, Any_):
        parts = tuple(_walk(p) for p in expr.parts)
        walked = expr if parts == expr.parts else Any_(parts)
        return _tie(walked)
    return expr
