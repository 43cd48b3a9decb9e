"""Pregnancy, lactation and pregnancy tests; future pregnancy and contraception are not read here
(they are consent lines).
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op
from rules_engine.parser.items import I, Item, NEG, POS, any_of, predicate, qual_value


_PREG = re.compile(r"\bpregnan(?:t|cy)\b|\bgestation", I)


_LACT = re.compile(r"\b(?:lactat(?:ing|ion)|breast[\s-]*feed(?:ing)?|nursing|breastfeeding)\b", I)


_PREG_TEST = re.compile(
    rf"(?:(?:serum|urine|blood|urine/blood|blood/urine|beta-?hcg|β-?hcg)\s+)?(?:pregnancy|pregnant)\s+tests?(?:\s+(?:results?\s+)?(?:\w+\s+){{0,6}}?)?(?:(?:must|should|shall)\s+be\s+|(?:is|are|was)\s+)?(?P<r1>{POS}|{NEG})"
    rf"|(?P<r2>{POS}|{NEG})\s+(?:\(?\w+\)?\s+){{0,3}}(?:pregnancy|pregnant)\s+tests?",
    I,
)


def pregnancy_items(text: str, ctype: CriterionType) -> list[Item]:
    tests = [
        (m.start(), m.end(), predicate("pregnancy_test", Op.IS, qual_value(m.group("r1") or m.group("r2"))))
        for m in _PREG_TEST.finditer(text)
    ]
    preg = [m for m in _PREG.finditer(text) if not any(s <= m.start() < e for s, e, _ in tests)]
    lact = list(_LACT.finditer(text))
    mentions = preg + lact
    if mentions and re.search(r"\b(?:become|becoming|plan(?:s|ning)?\s+to|intend\w*\s+to|avoid|prevent|contracept)", text, I) and not re.match(
        r"\s*(?:women\s+|female\s+|patients?\s+|subjects?\s+)*(?:who\s+are\s+)?(?:pregnant|lactating|breast|nursing)", text, I
    ):
        mentions = []
    if not mentions:
        return [Item(s, e, pred, frozenset({"pregnancy_test"})) for s, e, pred in tests]
    parts: list[Expr] = []
    if preg:
        parts.append(predicate("pregnancy", Op.PRESENT))
    if lact:
        parts.append(predicate("lactation", Op.PRESENT))
    test_preds = [pred for _, _, pred in tests]
    if preg and not tests:
        test_preds = [predicate("pregnancy_test", Op.IS, "positive")]
    if any(t.value == "negative" for t in test_preds):
        return [Item(s, e, pred, frozenset({"pregnancy_test"})) for s, e, pred in tests]
    parts.extend(test_preds)
    spans = [(m.start(), m.end()) for m in mentions] + [(s, e) for s, e, _ in tests]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    return [Item(start, end, any_of(parts), frozenset({"pregnancy", "lactation", "pregnancy_test"}))]
