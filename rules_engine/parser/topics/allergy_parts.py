"""The parts of a named product an allergy line names ("hypersensitivity to any of the components of
oxaliplatin or gemcitabine", "any component of bevacizumab", "any other ingredient used in the
manufacture of oral azacitidine"; ~40 corpus lines).

An allergy to the product itself is an allergy to one of its components, the active one: a record
of an oxaliplatin allergy meets the line. Read as a bare part ("any components ..."), the piece was
an ambiguous qualifier on any drug allergy, and a patient allergic to the drug was unknown. Its
other components (an excipient, a solvent) stay a person's, as before, beside the product.

Only a product a record can name: "the study drug", "this product", "the vaccine", "the IMP(s)" name none (the
holdout passes only criteria text, so which drug the study gives is not known), and are left.
"""

from __future__ import annotations

import re

from rules_engine.derive import product_words

_PART_OF = re.compile(
    r"^\s*(?:to\s+)?(?:(?:any|all|one\s+or\s+more)\s+(?:of\s+)?)?(?:the\s+|its\s+|their\s+)?(?:other\s+)?(?:inactive\s+)?"
    r"(?:components?|ingredients?|excipients?|constituents?)\s+"
    r"(?:(?:used|contained)\s+in\s+(?:the\s+)?(?:manufacture|formulation|preparation|production)\s+)?(?:of|in)\s+(?:the\s+)?"
    r"(?:(?:oral|intravenous|IV|subcutaneous|liposomal)\s+)?"
    r"(?P<prod>[A-Za-z][\w-]{2,40}(?:\s+(?!(?:formulations?|products?|preparations?)\b)[\w-]{1,20})?)(?:\s+(?:formulations?|products?|preparations?))?\s*$",
    re.I,
)

# words that make the "product" the study's own or a pointer, which no record names
_NO_PRODUCT = frozenset({
    "this", "these", "that", "each", "every", "such", "same", "above", "study", "trial", "protocol", "investigational",
    "any", "all", "drug", "drugs", "agent", "agents", "medication", "medications", "medicine", "medicines", "product", "products",
    "treatment", "treatments", "therapy", "therapies", "formulation", "formulations", "various", "compound", "compounds",
    # the study's own: its vaccine, its investigational medicinal product ("the IMP(s)"), its cell
    # product ("the CAR-T product", "the cell product"); a form ("the pharmaceutical formulation")
    "vaccine", "vaccines", "imp", "imps", "ip", "cell", "cells", "cellular", "car-t", "car", "pharmaceutical",
})  # fmt: skip


def named_part_of(piece: str) -> str | None:
    """The named product whose components ``piece`` names ("any of the components of oxaliplatin":
    "oxaliplatin"), else None."""
    m = _PART_OF.match(piece)
    if m is None:
        return None
    prod = " ".join(m.group("prod").split())
    if any(w in _NO_PRODUCT for w in prod.lower().split()) or not product_words(prod):
        return None
    return prod
