"""The size of the largest tumour mass as a bound ("Tumor size > 10 cm", "Tumor or lymph node
masses > 4 cm", "Bulky (greater than 8 cm) tumor", "bulky disease (i.e., any single mass greater
than 10 cm ...)").

A bound on every mass ("masses > 4 cm" excludes a patient with any one of them) and a bound on
some mass ("a tumor mass > 1.5 cm") both bound the largest, which is what the record's tumour
size (LOINC 21889-1, concept ``tumor_size``) is read as. Only subjects that name the tumour or
its mass are read: lymph nodes alone ("Lymph nodes no more than 1.5 cm"), a primary tumour, a
lesion measured by a method ("≥ 1 cm by spiral CT"), a short axis, a volume or a sum of
diameters bound something else than the largest mass, and stay as they were. An example
("e.g., a tumor mass > 1 cm") illustrates; it is left to the line's other readings.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import OPS, I, Item, number, predicate

GATE = re.compile(r"\d\s*cm\b", I)

_TUMOUR = r"tumou?r"
# what is measured: the tumour's size, its mass(es), a bulky tumour or disease's single mass
_SUBJECT = (
    rf"(?<!primary\s)(?:{_TUMOUR}\s+size|size\s+of\s+(?:the\s+)?{_TUMOUR}"
    rf"|{_TUMOUR}\s+(?:or\s+(?:lymph\s+)?nodal?\s+|or\s+lymph\s+node\s+)?mass(?:es)?"
    r"|(?:any\s+)?single\s+mass)"
)
# words between the subject and the bound: "of", "is", "(largest diameter", "in greatest dimension"
_GAP = r"(?:\s*\(\s*|\s+)?(?:(?:of|is|measuring|with\s+a\s+(?:largest|greatest|longest)\s+diameter\s+of|(?:in\s+)?(?:its\s+)?(?:largest|greatest|longest)\s+(?:diameter|dimension))\s*)?"
_BOUND = (
    r"(?P<op>[≤<≥>])\s*(?P<n>\d{1,2}(?:\.\d+)?)\s*cm\b(?!\s*(?:[x×*^²³]|\d))"
    r"(?:\s+in\s+(?:(?:its|the)\s+)?(?:(?:largest|greatest|longest)\s+)?(?:diameter|dimension))?"
)
_SIZE = re.compile(_SUBJECT + _GAP + _BOUND, I)
# "Bulky (> 8 cm) tumor", "bulky tumor (largest diameter ≥ 7.5 cm)"
_BULKY = re.compile(
    r"\bbulky\s*(?:(?:tumou?r|disease|mass)\s*)?\(\s*(?:i\.?e\.?,?\s*)?(?:(?:largest|greatest|longest)\s+diameter\s*)?"
    + _BOUND
    + r"\s*\)?"
    r"(?:\s*(?:tumou?r|disease|mass)\b)?",
    I,
)
# a bound only an imaging method or another dimension qualifies, a volume, a sum; an example
_NOT_LARGEST = re.compile(
    r"\s*(?:by\s+(?:spiral|helical|conventional)|with\s+(?:spiral|conventional)|on\s+spiral|in\s+(?:the\s+)?short\s+axis|in\s+sum|volume)",
    I,
)
# "any tumor mass > 1 cm is acceptable": what a definition of measurable disease permits, no bound
# of its own (joined to the other clauses it became a requirement)
_PERMITTED_AFTER = re.compile(r"\s*(?:is|are|will\s+be)\s+(?:also\s+)?(?:acceptable|allowed|permitted|eligible)\b", I)
_EXAMPLE_BEFORE = re.compile(r"(?:e\.\s?g\.|for\s+example|such\s+as)[,\s]*(?:an?\s+)?$", I)
# "high risk disease and/or bulky tumor (...)": one alternative of a list whose others no topic
# reads; read alone, the clause joined it to them as a requirement (a small tumour failed a
# high-risk patient), so the line stays as it was; an alternative to another size ("tumor size > 2
# cm or tumor size >= 1 cm with ...") is read
_ALTERNATIVE_BEFORE = re.compile(r"\b(?:and/)?or\s+$", I)
# a size in a line that introduces a list ("... AND tumor size > 2 cm or tumor size >= 1 cm with at
# least one of the following factors:"): such a heading's own words are read apart from its
# items, and the words before the size (the node status it was joined to) were dropped with it;
# the clause may reach the topic cut before the intro, ending on its connector ("... >= 1 cm with ")
_LIST_INTRO_AFTER = re.compile(r"(?:\bfollowing\b[^:;.]{0,40}:?|\s(?:with|plus|including))\s*$", I)


def tumor_size_items(text: str) -> list[Item]:
    """The largest-mass bounds a clause states (see the module's doc)."""
    items: list[Item] = []
    for pattern in (_BULKY, _SIZE):
        for m in pattern.finditer(text):
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            before = text[max(0, m.start() - 20) : m.start()]
            alternative = _ALTERNATIVE_BEFORE.search(before) is not None and not any(
                it.end <= m.start() for it in items
            )
            if (
                _NOT_LARGEST.match(text, m.end())
                or _PERMITTED_AFTER.match(text, m.end())
                or _EXAMPLE_BEFORE.search(before)
                or alternative
                or _LIST_INTRO_AFTER.search(text, m.end())
            ):
                continue
            value = number(m.group("n"))
            if value <= 0:
                continue
            items.append(
                Item(
                    m.start(),
                    m.end(),
                    predicate("tumor_size", OPS[m.group("op")], value, "cm"),
                    frozenset({"tumor_size"}),
                )
            )
    return sorted(items, key=lambda it: it.start)
