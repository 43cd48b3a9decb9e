"""A drug class an allergy line names by its class word: "hypersensitivity to macrolide
antibiotics", "allergy to platinum compounds", "to taxanes", "to systemic imidazoles" (about 35
corpus lines). The class is ``drug_hypersensitivity is "<class word>"``, which a record naming a
member meets (``rules_engine.product_classes``: an allergy to azithromycin is one to a macrolide,
one to penicillin is not). Read as a class of no known members, any drug allergy on record was
unknown, and the examples a line gives after the class ("(e.g., erythromycin, azithromycin)")
are members already.

One piece of the line's list of allergens at a time (``events._allergy_expr``), matched whole: the
class word with the words a line writes around it ("any", "other", "systemic", "antibiotics",
"compounds", "-based", ...) and nothing else. A literal alternation; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.product_classes import CLASS_MEMBERS

_CLASS = re.compile(
    r"\s*(?:(?:any|all|other|the|known|systemic|oral|intravenous|iv)\s+){0,3}"
    r"(?P<cls>macrolides?|platinum|platins|taxanes?|anthracyclines?|bisphosphonates?|(?:fluoro)?quinolones?|cephalosporins?|imidazoles?|triazoles?|azoles?)"
    r"(?:[\s-]+(?:based|containing|class|type))?"
    r"(?:\s+(?:antibiotics?|antibacterials?|antifungals?|compounds?|agents?|drugs?|medications?|medicines?|products?|formulations?|derivatives?|salts?|chemotherap(?:y|ies)|therap(?:y|ies)))?\s*",
    re.I,
)


def allergy_class(piece: str) -> str | None:
    """The class word (singular, lower case) a piece of an allergy list names whole, or None."""
    m = _CLASS.fullmatch(piece)
    if m is None:
        return None
    word = m.group("cls").lower()
    singular = word if word in ("platinum", "platins") else word[:-1] if word.endswith("s") else word
    singular = "platinum" if singular == "platins" else singular
    return singular if singular in CLASS_MEMBERS else None


# an example marker an allergen's words stop at ("macrolide antibiotics (e.g", the full stop of
# "e.g." ends the allergen), after a class this module reads, whose bracket names only members of
# it ("(e.g., erythromycin, azithromycin, or clarithromycin)"): the bracket is the class's examples,
# which the examples reader drops as members of it only when the allergen's item ends before the
# bracket. Left inside, the names after "e.g." stood as an unread alternative (a clean record
# unknown). Any other bracket ("(e.g., anaphylactic reactions)", "(e.g., Cremophor)") is left as it
# was: what it names may be read as something of its own.
_MARKER_TAIL = re.compile(r"\s*\(\s*(?:e\.?\s?g|i\.?\s?e|for\s+example|such\s+as|including)\W{0,2}$", re.I)
_LAST_PIECE = re.compile(r"(?:^|,|/|\bor\b|\band\b|\band/or\b)(?P<piece>[^,/]{1,80})$", re.I)
_BRACKET_REST = re.compile(r"[^()]{1,300}\)")
_EXAMPLE_SEP = re.compile(r",|/|\bor\b|\band\b", re.I)


def allergen_end(text: str, start: int, end: int) -> int:
    """The end of an allergy item spanning ``text[start:end]``: before a bracket of a class's own
    members it stops in ("... macrolide antibiotics (e.g"), else ``end``."""
    m = _MARKER_TAIL.search(text, start, end)
    if m is None or m.end() != end or m.start() <= start:
        return end
    last = _LAST_PIECE.search(text[start: m.start()])
    drug_class = allergy_class(last.group("piece")) if last is not None else None
    rest = _BRACKET_REST.match(text, end)
    if drug_class is None or rest is None:
        return end
    members = CLASS_MEMBERS[drug_class]
    names = [re.findall(r"[a-z0-9]+", p.lower()) for p in _EXAMPLE_SEP.split(text[end: rest.end() - 1])]
    names = [n for n in names if n and n != ["etc"]]
    if names and all(any(w in members for w in n) and len(n) <= 2 for n in names):
        return m.start()
    return end
