"""Infections and their tests: HIV, hepatitis B and C, syphilis, and the serology or nucleic-acid
test results that define what a line counts as infection.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op
from rules_engine.parser.items import I, Item, NEG, POS, all_of, any_of, predicate, qual_value


_TESTS: tuple[tuple[str, str], ...] = (
    ("hbsag", r"\bHBsAg\b|hepatitis\s+B\s+surface\s+antigen"),
    ("hbv_dna", r"\bHBV[\s-]*DNA\b|hepatitis\s+B\s+(?:virus\s+)?DNA"),
    ("hcv_rna", r"\bHCV[\s-]*RNA\b|hepatitis\s+C\s+(?:virus\s+)?RNA"),
    ("hcv_antibody", r"\b(?:anti-?HCV|HCV[\s-]*(?:antibod(?:y|ies)|Ab)|hepatitis\s+C\s+(?:virus\s+)?antibod(?:y|ies))\b"),
    ("hiv_test", r"\bHIV[\s-]*(?:RNA|viral\s+load)\b"),
    ("hbcab", r"\bHBcAb\b|\banti-?HBc\b|hepatitis\s+B\s+core\s+antibod(?:y|ies)"),
)


_TEST_RES = tuple(
    (
        concept,
        re.compile(rf"(?:(?:{pattern})\s*(?:test\s*|results?\s*|tests?\s+results?\s*)?(?:(?:is|are|was|were|must\s+be|should\s+be)\s+)?(?P<r1>{POS}|{NEG})|(?P<r2>{POS}|{NEG})\s+(?:for\s+)?(?:{pattern})|(?:{pattern})\s*(?:test\s*)?(?P<r3>[>≥]\s*(?:\d|ULN|LLQ|the\s+lower)))", I),
        re.compile(pattern, I),
    )
    for concept, pattern in _TESTS
)


_INFECTIONS: tuple[tuple[str, str], ...] = (
    ("hiv", r"\bHIV(?:/AIDS)?\b(?![\s-]*(?:RNA|viral))|human\s+immunodeficiency\s+virus|\bAIDS\b"),
    ("hbv", r"\bHBV\b(?![\s-]*DNA)|hepatitis\s+B(?:\s+virus)?(?!\s+(?:surface|core|virus\s+DNA|DNA))|\bHBV\s+infection"),
    ("hcv", r"\bHCV\b(?![\s-]*(?:RNA|antibod|Ab))|hepatitis\s+C(?:\s+virus)?(?!\s+(?:antibod|RNA|virus\s+RNA))"),
    ("syphilis", r"\bsyphilis\b|\bTreponema\s+pallidum\b"),
)


_INFECTION_RES = tuple((c, re.compile(p, I)) for c, p in _INFECTIONS)


_HEP_BOTH = re.compile(r"\b(?:HBV|hepatitis\s+B)\s*(?:and|or|/|,)\s*(?:HCV|C)\b", I)


_INFECTION_WORDS = ("hbv", "hcv", "hiv", "hepatitis", "hbsag", "hbc", "syphilis", "treponema", "immunodeficiency", "aids")


def infection_items(text: str) -> list[Item]:
    low = text.lower()
    if not any(w in low for w in _INFECTION_WORDS):
        return []
    items: list[Item] = []
    tested: set[str] = set()
    for concept, full, name in _TEST_RES:
        for m in full.finditer(text):
            res = m.group("r1") or m.group("r2")
            value = qual_value(res) if res else "positive"
            items.append(Item(m.start(), m.end(), predicate(concept, Op.IS, value), frozenset({concept})))
            tested.add(concept)
            if value == "negative":
                tested.add(concept + "-")
        for m in name.finditer(text):
            if any(it.start <= m.start() < it.end for it in items):
                continue
            tested.add(concept + "?")
    # a nucleic-acid test beside the virus defines what counts ("active HCV (HCV-RNA positive)");
    # a serology marker beside it is one more sign of the history the record may hold as a
    # diagnosis ("history of hepatitis C (HCV antibody positive)"): either shows it
    virus_tested = {
        "hbv": "hbv_dna" in tested or ("hbsag" in tested and "hbsag-" in tested),
        "hcv": "hcv_rna" in tested or ("hcv_antibody" in tested and "hcv_antibody-" in tested),
        "hiv": "hiv_test" in tested,
        "syphilis": False,
    }
    for m in _HEP_BOTH.finditer(text):
        if virus_tested["hbv"] and virus_tested["hcv"]:
            items.append(Item(m.start(), m.end(), None, frozenset({"hbv", "hcv"})))
        else:
            items.append(Item(m.start(), m.end(), any_of([predicate("hbv", Op.PRESENT), predicate("hcv", Op.PRESENT)]), frozenset({"hbv", "hcv"})))
    for concept, pattern in _INFECTION_RES:
        for m in pattern.finditer(text):
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            end = m.end()
            after = re.compile(rf"\s*(?:infection\s*)?(?:test\s*)?(?:(?:is|are)\s+)?(?P<r>{POS}|{NEG}|seropositiv\w*|serolog\w*\s+positive)", I).match(text, end)
            if concept == "hiv" and after:
                end = after.end()
                if qual_value(after.group("r")) == "negative":
                    expr: Expr | None = all_of([predicate("hiv", Op.ABSENT), Not(predicate("hiv_test", Op.IS, "positive"))])
                else:
                    expr = any_of([predicate("hiv", Op.PRESENT), predicate("hiv_test", Op.IS, "positive")])
            elif concept == "hiv":
                expr = any_of([predicate("hiv", Op.PRESENT), predicate("hiv_test", Op.IS, "positive")])
            elif virus_tested.get(concept):
                expr = None  # the test named beside it defines what counts
            else:
                expr = predicate(concept, Op.PRESENT)
                if after:
                    end = after.end()
            items.append(Item(m.start(), end, expr, frozenset({concept})))
    return items
