"""Concept names: the catalogue's ids in a readable spelling made from the catalogue itself,
so a concept added there is a word of the language without a table to keep up."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from ..concepts import CONCEPTS


@lru_cache(maxsize=4096)
def concept_name(concept_id: str) -> str:
    """The readable spelling of a catalogue id: its words joined by hyphens, each written as
    the catalogue's label writes it (``alt`` -> ``ALT``, ``b_all`` -> ``B-ALL``, ``egfr`` ->
    ``eGFR``); an abbreviation without a vowel is capitalised (``allo_hsct`` -> ``allo-HSCT``).
    Any spelling that lower-cases to the id with ``-`` for ``_`` names the same concept."""
    spec = CONCEPTS.get(concept_id)
    label_words = {w.lower(): w for w in re.findall(r"[A-Za-z0-9]+", spec.label)} if spec else {}
    parts = []
    for part in concept_id.split("_"):
        found = label_words.get(part)
        if found is not None:
            parts.append(found)
        elif part.isalpha() and (not re.search(r"[aeiouy]", part) or _initials(part, spec.label if spec else "")):
            parts.append(part.upper())
        else:
            parts.append(part)
    return "-".join(parts)


def _initials(part: str, label: str) -> bool:
    """Whether ``part`` is the initials of consecutive words of the label (``anc``: absolute
    neutrophil count)."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", label)).lower()
    return len(part) > 1 and part in initials


def normalise_name(name: str) -> str:
    return name.lower().replace("-", "_")


def resolve_concept(name: str) -> str | None:
    """The catalogue id a written name stands for, or ``None``."""
    key = normalise_name(name)
    return key if key in CONCEPTS else None


def suggest(name: str) -> str:
    close = difflib.get_close_matches(normalise_name(name), list(CONCEPTS), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(concept_name(c) for c in close)}?" if close else ""

