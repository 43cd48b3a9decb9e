"""Any text parses in bounded time to something valid (brief: hostile input gets bounded work;
no regex may backtrack without bound)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import Criterion, CriterionType, Review, criterion_from_json
from rules_engine.parser import parse_line
from rules_engine.parser.line import MAX_LINE

UNICODE_SPACES = "\u0009\u000b\u000c\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
MIXED = "ALT/AST/bilirubin, creatinine and platelets ≥ 100 x 10^9/L or ANC (1) age 18-75 (a) ECOG 0-1; HIV, HBV or HCV except Gilbert's. "

HOSTILE = {
    "repeated lab names, short": "ejection fraction and " * 10,
    "repeated lab names, at the cap": ("ejection fraction and " * 2000)[: MAX_LINE - 1],
    "repeated lab names, long": "ejection fraction and " * 2000,
    "lab list without a comparison": "ALT/AST/bilirubin/creatinine/" * 60 + " within normal limits",
    "100,000 characters of mixed text": (MIXED * (100_000 // len(MIXED) + 1))[:100_000],
    "control characters": "".join(chr(c) for c in range(32)) * 20 + "age ≥ 18",
    "unbalanced parentheses": "(" * 500 + "platelets ≥ 50" + ")" * 3 + "(((except (unless (" * 40,
    "every Unicode space": UNICODE_SPACES.join(["age", "≥", "18", "years", "and", "ECOG", "≤", "2"]) * 20,
    "exception words repeated": "except for patients with " * 300 + "acceptable",
    "digits and operators": "≥ 1 ≤ 2 < 3 > 4 = " * 400,
}


@pytest.mark.parametrize("ctype", list(CriterionType))
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_line_parses_quickly_to_a_valid_criterion(name, ctype):
    text = HOSTILE[name]
    started = time.process_time()
    criterion = parse_line(text, ctype)
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{name}: {elapsed:.2f} s"
    assert isinstance(criterion, Criterion) and criterion.text == text
    assert criterion_from_json(criterion.to_json()) == criterion


def test_a_line_over_the_cap_is_left_to_review_unread():
    criterion = parse_line("platelets ≥ 50 x 10^9/L; " * (MAX_LINE // 10), CriterionType.INCLUSION)
    assert isinstance(criterion.expr, Review)
    assert "too long" in criterion.expr.text
