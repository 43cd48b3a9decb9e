"""The words a line says a virus is known by, where they stand apart from the virus's own reading
(issue 14): "Known seropositive for or active viral infection with HIV, HBV or HCV", "Known history
of HIV seropositivity", "Known history of HIV or Hepatitis B or C seropositivity".

``infections._virus_known_by`` drops such words where they are and-ed to one virus. Two shapes
escaped it (about 25 corpus lines):

* **Beside a list of viruses.** "(HBV or HCV) and a review of 'seropositivity'": the words ask
  nothing the viruses' reading does not (a diagnosis or a positive test), so the list is read
  alone. A patient without the viruses was not excluded before either; one with them was left
  unknown, and is now excluded, as the line says.
* **As an alternative of their own.** "HIV or a review of 'Known seropositive for'": the words
  left over where the sentence was split at "or" ("seropositive for or active viral infection
  with"). Every patient was left unknown by the review, so the line excluded nobody it did not
  already and cleared nobody. Only where HIV is the one virus beside them: an HIV infection is
  never cleared, so seropositive for HIV is HIV infection. Hepatitis B and C serology outlives
  the infection (a core antibody, an HCV antibody after a cure): "seropositive for HBV" may mean
  a resolved infection the virus's reading does not hold, so there the review stays.

The patterns are the infections module's (alternations of literals in one repetition).
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review
from rules_engine.parser.items import I, all_of, any_of

# the words themselves, with those a sentence split at "or" leaves beside them
_KNOWN_BY = re.compile(
    r"(?:\W|\b(?:patients?|subjects?|participants?|individuals?|with|who|is|are|has|have|be|to|an?|the|known|including|evidence|documented|"
    r"history|of|for|sero-?positiv\w*|sera-?positiv\w*|sero-?logy|sero-?logic(?:al)?|serologically|positiv\w*+|status|or)\b)*+",
    I,
)
# ... and one of them, at least, that names a positive serology ("Known" alone names nothing,
# and "serology" alone a test, which a list of assessments names too)
_SEROLOGY = re.compile(r"\bser[oa]-?positiv|\bpositiv\w*+\s+serolog|\bserologically\s+positiv", I)

_VIRUSES = frozenset({"hiv", "hbv", "hcv"})


# The method a virus is shown by, left where the sentence was split ("HIV or seropositive, confirmed
# by nucleic acid test (NAT)", "active hepatitis C infection (positive by polymerase chain
# reaction ...)", "hepatitis B DNA positive by polymerase chain reaction [PCR]"; 7 corpus lines):
# a nucleic-acid test finds the virus itself, which the virus's reading (a diagnosis or a positive
# test, HBV DNA or HCV RNA among them) already holds, so unlike serology it asks nothing more of
# any of the three viruses. Method words alone, with the words a result is given in.
_METHOD_WORDS = re.compile(
    r"(?:\W|\b(?:confirmed|documented|detected|determined|shown|by|on|via|using|with|an?|the|positiv\w*+|nucleic|acid|tests?|testing|amplification|"
    r"NAT|polymerase|chain|reaction|PCR|RT-PCR|quantitative|qualitative|assay)\b)*+",
    I,
)
_METHOD = re.compile(
    r"\bnucleic\s+acid\s+(?:test|amplification)|\bNAT\b|\bpolymerase\s+chain\s+reaction\b|\b(?:RT-)?PCR\b", I
)


def _method_only(part: Expr) -> bool:
    return (
        isinstance(part, Review)
        and bool(part.text)
        and _METHOD.search(part.text) is not None
        and _METHOD_WORDS.fullmatch(part.text) is not None
    )


def _words_only(part: Expr) -> bool:
    if _method_only(part):
        return True
    return (
        isinstance(part, Review)
        and bool(part.text)
        and _SEROLOGY.search(part.text) is not None
        and _KNOWN_BY.fullmatch(part.text) is not None
    )


def _virus(part: Expr) -> bool:
    return isinstance(part, Predicate) and part.concept in _VIRUSES and part.op is Op.PRESENT and part.window is None


def serology_words(expr: Expr) -> Expr:
    """``expr`` with the serology words beside a list of viruses, or as an alternative beside
    HIV alone, read as asking nothing (see the module's doc)."""
    if isinstance(expr, Not):
        inner = serology_words(expr.part)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, All):
        parts = tuple(serology_words(p) for p in expr.parts)
        # (one virus is a list of one: "Known seropositivity to human immunodeficiency virus (HIV)")
        lists = [p for p in parts if (isinstance(p, Any_) and all(_virus(q) for q in p.parts)) or _virus(p)]
        words = [p for p in parts if _words_only(p)]
        if len(lists) == 1 and len(words) == 1:
            return all_of([p for p in parts if p is not words[0]])
        return expr if parts == expr.parts else All(parts)
    if isinstance(expr, Any_):
        parts = tuple(serology_words(p) for p in expr.parts)
        viruses = {p.concept for p in parts if _virus(p)}
        kept = (
            tuple(p for p in parts if not _words_only(p))
            if viruses == {"hiv"}
            else tuple(p for p in parts if not _method_only(p))
            if viruses
            else parts
        )
        if kept != parts and kept:
            return any_of(list(kept))
        return expr if parts == expr.parts else any_of(list(parts))
    return expr
