"""Performance status (ECOG/WHO/Zubrod, Karnofsky, Lansky) and NYHA heart-failure class. A NYHA
bound only concerns patients with heart failure: none recorded meets "class II or lower".
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op
from rules_engine.parser.items import I, Item, OPS, ROMAN, all_of, any_of, number, predicate


_PERF_ANCHOR = re.compile(
    r"\b(?P<scale>ECOG|Eastern\s+Cooperative\s+Oncology\s+Group|Zubrod|WHO|Karnofsky|KPS|Lansky|LPS|"
    r"performance\s+status|physical\s+strength\s+score|PS)\b",
    I,
)


_PERF_VALUE = re.compile(
    r"[^;\d]{0,60}?(?:"
    r"(?P<op>[≥>≤<])\s*(?P<n>\d{1,3})\s*%?"
    r"|(?P<lo>\d{1,3})\s*%?\s*(?:-|to)\s*(?P<hi>\d{1,3})\s*%?"
    r"|(?P<list>\d(?:\s*(?:,|or|and|/)\s*\d)+)"
    r"|(?P<one>\d{1,3})\s*%?(?:\s*(?:or|and)\s*(?P<post>higher|greater|above|more|better|lower|less|below))?)",
    I,
)


def perf_items(text: str) -> list[Item]:
    items: list[Item] = []
    for anchor in _PERF_ANCHOR.finditer(text):
        if items and anchor.start() < items[-1].end:
            continue
        m = _PERF_VALUE.match(text, anchor.end())
        if m is None:
            continue
        window_text = text[anchor.start(): m.end() + 30]
        scale_word = anchor.group("scale").lower()
        if scale_word == "who" and not re.search(r"performance|\bPS\b", window_text, I):
            continue
        if scale_word == "ps" and not re.search(r"ECOG|WHO|performance|\bPS\s*(?:score|status|:|[≤<]|\d)", window_text):
            continue
        if re.search(r"grade|toxicity|CTCAE", text[anchor.end(): m.start("op") if m.group("op") else m.end()], I):
            continue
        if scale_word.startswith(("karnofsky", "kps")):
            concept = "karnofsky"
        elif scale_word.startswith(("lansky", "lps")):
            concept = "lansky"
        else:
            concept = None
        if m.group("op"):
            op, n = OPS[m.group("op")], number(m.group("n"))
            values = [n]
        elif m.group("lo"):
            lo, hi = number(m.group("lo")), number(m.group("hi"))
            values = [lo, hi]
        elif m.group("list"):
            values = [int(v) for v in re.findall(r"\d", m.group("list"))]
        else:
            values = [number(m.group("one"))]
        if concept is None:
            concept = "ecog" if max(values) <= 5 else "karnofsky"
        if concept == "ecog" and max(values) > 5:
            continue
        unit = "%" if concept in ("karnofsky", "lansky") else None
        if m.group("op"):
            expr = predicate(concept, op, values[0], unit)
        elif m.group("lo"):
            lo, hi = values
            if concept == "ecog" and lo == 0:
                expr = predicate(concept, Op.LTE, hi, unit)
            elif concept != "ecog" and hi == 100:
                expr = predicate(concept, Op.GTE, lo, unit)
            else:
                expr = predicate(concept, Op.BETWEEN, (lo, hi), unit)
        elif m.group("list"):
            if sorted(values) != list(range(min(values), max(values) + 1)):
                expr = predicate(concept, Op.IN, tuple(values), unit)
            elif min(values) == 0:
                expr = predicate(concept, Op.LTE, max(values), unit)
            else:
                expr = predicate(concept, Op.BETWEEN, (min(values), max(values)), unit)
        else:
            post = m.group("post") or ""
            if concept == "ecog":
                op = Op.GTE if re.search(r"higher|greater|above|more", post, I) else Op.LTE
                if post and re.search(r"better", post, I):
                    op = Op.LTE
                if not post and values[0] != 0:
                    op = Op.EQ if len(values) == 1 and not post else op
            else:
                op = Op.LTE if re.search(r"lower|less|below", post, I) else Op.GTE
            expr = predicate(concept, op, values[0], unit)
        items.append(Item(anchor.start(), m.end(), expr, frozenset({concept})))
    return items


_NYHA = re.compile(r"\b(?:NYHA|New\s+York\s+Heart\s+(?:Association|Society))\b", I)


_NYHA_CLASS = re.compile(
    r"(?:class|grade|grading|classification)?\s*(?:\(?\s*NYHA\s*\)?\s*)?(?:functional\s+)?(?:class\s*)?(?P<op>[≥>≤<])?\s*(?P<a>IV|III|II|I|[1-4])\b(?:\s*\([a-z]+\))?"
    r"(?:\s*(?:or|-|to|and|/|,)\s*(?P<b>IV|III|II|[1-4])\b(?:\s*\([a-z]+\))?)?(?:\s*(?:or\s+(?P<post>higher|greater|above|worse)))?",
    I,
)


def nyha_items(text: str, ctype: CriterionType) -> list[Item]:
    anchor = _NYHA.search(text)
    if anchor is None:
        return []
    best = None
    for m in _NYHA_CLASS.finditer(text):
        if abs(m.start() - anchor.start()) > 160 or not re.search(r"class|grade|NYHA|[≥>≤<]", text[max(0, m.start() - 25): m.end()], I):
            continue
        best = m
        break
    if best is None:
        return []
    a = ROMAN[best.group("a").lower()]
    b = ROMAN[best.group("b").lower()] if best.group("b") else None
    op = OPS.get(best.group("op") or "")
    if op in (Op.GT, Op.GTE, Op.LT, Op.LTE):
        pred = predicate("nyha", op, a)
    elif best.group("post") or (b == 4):
        pred = predicate("nyha", Op.GTE, a)
    elif b is not None:
        pred = predicate("nyha", Op.BETWEEN, (a, b)) if a > 1 else predicate("nyha", Op.LTE, b)
    else:
        pred = predicate("nyha", Op.GTE if ctype is CriterionType.EXCLUSION and a > 1 else Op.EQ, a)
    if pred.op in (Op.GTE, Op.GT):
        expr: Expr = all_of([predicate("heart_failure", Op.PRESENT), pred])
    elif pred.op in (Op.LTE, Op.LT):
        expr = any_of([predicate("heart_failure", Op.ABSENT), pred])
    else:
        expr = pred
    start, end = min(anchor.start(), best.start()), max(anchor.end(), best.end())
    hf = re.compile(r"(?:congestive\s+)?heart\s+failure|\bCHF\b|heart\s+disease", I).search(text, end, min(len(text), end + 20))
    if hf:
        end = hf.end()
    return [Item(start, end, expr, frozenset({"nyha", "heart_failure"}))]
