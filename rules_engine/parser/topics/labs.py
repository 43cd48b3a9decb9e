"""Laboratory and measurement thresholds: names, operators, values and units as registries write
them (x ULN, x10^9/L, /uL, g/dL, umol/L, mL/min, %), and "within normal limits".
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Op, Review, ReviewReason
from rules_engine.parser.items import I, Item, OPS, UNIT_WORDS, all_of, any_of, number, predicate


_LAB_NAMES: tuple[tuple[str, str], ...] = (
    ("creatinine_clearance", r"(?:calculated\s+|measured\s+|estimated\s+)?(?:creatinine|Cr)\s+clearance(?:\s+rate)?|\bCrCl\b|\bCCR\b|\bClcr\b|\bCLCR\b"),
    ("egfr", r"\beGFR\b|(?:estimated\s+)?glomerular\s+filtration\s+rate|\bGFR\b"),
    ("bilirubin", r"(?<!direct )(?<!indirect )(?<!conjugated )(?<!unconjugated )(?:(?:total|serum|blood)\s+)?bilirubin(?:\s+total)?|\bT-?Bil\b|\bTBIL\b"),
    ("alt", r"\bALT\b|alanine\s+(?:amino)?transaminase|alanine\s+aminotransferase|\bSGPT\b|\bGPT\b"),
    ("ast", r"\bAST\b|aspartate\s+(?:amino)?transaminase|aspartate\s+aminotransferase|\bSGOT\b|\bGOT\b"),
    ("alt+ast", r"(?:serum\s+)?(?:trans-?aminases?|aminotransferases?|liver\s+enzymes)"),
    ("creatinine", r"(?:serum\s+|blood\s+)?creatinine(?!\s+clearance)|\bS?Cr\b(?!\s*Cl)|\bsCr\b"),
    ("anc", r"absolute\s+neutrophils?(?:\s+counts?)?|\bANC\b|neutrophils?(?:\s+counts?)?|absolute\s+granulocytes?(?:\s+counts?)?|\bAGC\b|granulocytes?"),
    ("platelets", r"platelets?(?:\s+counts?)?|\bPLT\b|\bPlt\b|thrombocytes?"),
    ("hemoglobin", r"h(?:a)?emoglobin|\bHGB\b|\bHgb\b|\bHb\b"),
    ("wbc", r"white\s+blood\s+cells?(?:\s+counts?)?|\bWBC\b|white\s+(?:blood\s+)?cell\s+counts?|leukocytes?(?:\s+counts?)?"),
    ("inr", r"\bINR\b|\bPT-?INR\b|international\s+(?:normali[sz]ed|standardi[sz]ed)\s+ratio"),
    ("lvef", r"(?:left\s+ventricular|cardiac|\bLV)?\s*ejection\s+fraction|\bLVEF\b|\bEF\b"),
    ("spo2", r"(?:blood\s+)?oxygen\s+saturation|\bSpO2\b|\bSaO2\b|\bO2\s+sat(?:uration)?|pulse\s+oximetry"),
    ("life_expectancy", r"life\s+expectancy|(?:expected|estimated|anticipated)\s+(?:survival|life)(?:\s+time)?|survival\s+time"),
    ("bm_blasts", r"bone\s+marrow\s+blasts?|blasts?\s+in\s+(?:the\s+)?(?:bone\s+marrow|BM)"),
    ("alp", r"(?:serum\s+)?alkaline\s+phosphatases?|\bALP\b|\balk(?:aline)?\.?\s+phos\b"),
    ("albumin", r"(?:serum\s+)?albumin"),
    ("calcium", r"(?:(?:albumin[\s-]+)?corrected\s+)?(?:serum\s+)?calcium"),
    ("aptt", r"\bA?PTT\b|(?:activated\s+)?partial\s+thrombo\w*\s+time"),
    ("pt", r"\bPT\b(?![-\s]*INR)|prothrombin\s+time(?!\s+international)"),
    ("qtc", r"\bQTc[FB]?\b(?:\s+interval)?|corrected\s+QT(?:\s+interval)?|\bQTcF\b"),
    ("potassium", r"(?:serum\s+)?potassium"),
    ("magnesium", r"(?:serum\s+)?magnesium"),
    ("psa", r"\bPSA\b|prostate[\s-]+specific\s+antigen"),
)


_LAB_NAME = "|".join(f"(?:{p})" for _, p in _LAB_NAMES)


_LAB_NAME_RE = tuple((c, re.compile(p, I)) for c, p in _LAB_NAMES)


_LAB = re.compile(
    rf"(?P<names>(?:{_LAB_NAME})(?:\s*(?:\([^()]{{0,60}}\))?\s*(?:/|,|and|or|&|and/or)\s*(?:serum\s+)?(?:{_LAB_NAME}))*)"
    r"(?P<mid>(?:\s*\([^()]{0,80}\))?[^≤≥<>=\d;]{0,45}?)"
    r"(?P<op>[≤≥<>=])\s*(?P<num>\d+(?:\.\d+)?)(?P<unit>\s*(?:×|x|\*|times|-?fold)?\s*(?:the\s+)?(?:institutional\s+|local\s+|upper\s+)?ULN\b"
    r"|\s*(?:×|x|\*)\s*10\s*(?:\^|e|E|\*)?\s*\(?9\)?\s*/\s*L|\s*(?:×|x|\*)\s*10\s*(?:\^|e|E|\*)?\s*\(?3\)?\s*/\s*(?:uL|mm3|ul|mm\^3|L)|\s*(?:×|x)\s*109\s*/\s*L|\s*(?:×|x)\s*103\s*/\s*(?:uL|ul|mm3)"
    r"|\s*G/L\b|\s*(?:cells\s*)?/\s*(?:mm\^?3|mm³|uL|ul|mcL|mcl|cmm|cu\.?\s*mm)|\s*K/uL"
    r"|\s*(?:g|mg|ug)\s*/\s*(?:dL|dl|L|l)\b|\s*(?:umol|mmol|µmol)\s*/\s*L|\s*(?:U|IU)\s*/\s*L"
    r"|\s*m[lL]\s*/\s*min(?:ute)?(?:\s*/\s*1\.73\s*m\s*\^?2|\s*per\s*1\.73\s*m\s*\^?2)?|\s*%|\s*(?:weeks?|months?|days?|years?)"
    r"|\s*ng\s*/\s*m[lL]\b|\s*m(?:illi)?sec(?:onds?)?\b|\s*ms\b|\s*sec(?:onds?)?\b|\s*mEq\s*/\s*L\b)?",
    I,
)


_LAB_MORE = re.compile(
    r"\s*(?:,\s*)?(?P<conn>or|and)\s+(?P<op>[≤≥<>])\s*(?P<num>\d+(?:\.\d+)?)(?P<unit>\s*(?:×|x|times)?\s*ULN\b|\s*(?:mg|g)\s*/\s*dL|\s*(?:umol|mmol)\s*/\s*L|\s*m[lL]\s*/\s*min|\s*%)",
    I,
)


_LAB_CONDITION = re.compile(
    r"\b(?:under|on|without|with|off|while|during|after|breathing|at)\s+(?:\w+\s+){0,3}?(?:ventilation|room\s+air|oxygen|supplement\w*|rest|exercise|transfusion\w*|support|G-CSF|growth\s+factors?|air)\b",
    I,
)


_CMP_NUM = re.compile(r"[≤≥<>=]\s*\d")


_BLASTS_FIRST = re.compile(r"(?P<op>[≥>≤<])\s*(?P<num>\d+(?:\.\d+)?)\s*%\s*(?:\w+\s+){0,2}blasts?\s+in\s+(?:the\s+)?(?:bone\s+marrow|BM)", I)


_WNL = re.compile(rf"(?P<names>(?:{_LAB_NAME})(?:\s*(?:/|,|and|or)\s*(?:{_LAB_NAME}))*)\s*(?:levels?\s+)?(?:(?:(?:within|in)\s+(?:the\s+)?(?:institutional\s+)?normal\s+(?:institutional\s+)?(?:limits|range))|normal\b(?!\s+(?:or|and|to|range\s+for|for))(?=\s*(?:$|[;,.]|\())|≤\s*ULN\b)|(?P<names2>(?:{_LAB_NAME}))\s+WNL", I)


_CANONICAL = {
    "bilirubin": "mg/dL", "creatinine": "mg/dL", "creatinine_clearance": "mL/min", "egfr": "mL/min/{1.73_m2}",
    "anc": "10*9/L", "platelets": "10*9/L", "wbc": "10*9/L", "hemoglobin": "g/dL", "alt": "U/L", "ast": "U/L",
    "inr": None, "lvef": "%", "spo2": "%", "life_expectancy": None, "bm_blasts": "%",
    "alp": "U/L", "albumin": "g/dL", "calcium": "mg/dL", "aptt": "s", "pt": "s", "qtc": "ms", "potassium": "mmol/L",
    "magnesium": "mg/dL", "psa": "ng/mL",
}


def _lab_concepts(names: str) -> list[str]:
    """The lab concepts named in ``names``, in order of appearance; the longest name wins
    (the table lists "creatinine clearance" before "creatinine")."""
    order: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for concept, pattern in _LAB_NAME_RE:
        for m in pattern.finditer(names):
            if any(not (m.end() <= s or m.start() >= e) for s, e in spans):
                continue
            spans.append((m.start(), m.end()))
            order.extend((m.start(), c) for c in concept.split("+"))
    result: list[str] = []
    for _, c in sorted(order):
        if c not in result:
            result.append(c)
    return result


def _lab_unit(concept: str, raw: str, value: float) -> tuple[float | None, str | None, bool]:
    """(value, UCUM unit, uln) for a threshold as written; value None when it cannot be read."""
    unit = " ".join(raw.split()).lower()
    if not unit:
        canonical = _CANONICAL.get(concept)
        if concept in ("anc", "platelets", "wbc"):
            return (number(str(value / 1000)) if value >= 100 else value), "10*9/L", False
        if concept == "hemoglobin":
            return (value, "g/dL", False) if value <= 25 else (value, "g/L", False)
        if concept in ("lvef", "spo2", "bm_blasts"):
            return value, "%", False
        if concept in ("inr",):
            return value, None, False
        if concept in ("bilirubin", "creatinine") and value <= 10:
            return value, "mg/dL", False
        if concept == "albumin":
            return (value, "g/dL", False) if value <= 10 else (value, "g/L", False)
        if concept == "calcium" and 5 <= value <= 20:
            return value, "mg/dL", False
        if concept == "qtc" and 300 <= value <= 600:
            return value, "ms", False
        if concept == "psa":
            return value, "ng/mL", False
        if concept == "creatinine_clearance":
            return value, "mL/min", False
        return None, canonical, False
    if "uln" in unit:
        return value, None, True
    if re.search(r"10\s*(?:\^|e|\*)?\s*\(?9|109\s*/|g/l$", unit) and "mg" not in unit:
        return value, "10*9/L", False
    if re.search(r"10\s*(?:\^|e|\*)?\s*\(?3|103\s*/|k/ul", unit):
        return value, "10*9/L", False
    if re.search(r"/\s*(?:mm|ul|mcl|cmm|cu)", unit):
        return number(str(value / 1000)), "10*9/L", False
    if re.match(r"(?:g|mg|ug)\s*/\s*d?l", unit):
        base = unit.split("/")[0].strip()
        return value, f"{base}/{'dL' if 'dl' in unit else 'L'}", False
    if re.match(r"(?:umol|mmol)", unit):
        return value, unit.split("/")[0].strip() + "/L", False
    if re.match(r"(?:u|iu)\s*/", unit):
        return value, "U/L", False
    if unit.startswith("ml") or unit.startswith("m l"):
        return value, "mL/min/{1.73_m2}" if "1.73" in unit else "mL/min", False
    if unit == "%":
        return value, "%", False
    if re.match(r"ng\s*/\s*ml", unit):
        return value, "ng/mL", False
    if re.match(r"m(?:illi)?sec|ms\b", unit):
        return value, "ms", False
    if re.match(r"sec", unit):
        return value, "s", False
    if re.match(r"meq", unit):
        return value, "mmol/L" if concept == "potassium" else None, False
    for word, code in UNIT_WORDS.items():
        if unit.startswith(word):
            return value, code, False
    return None, None, False


def lab_items(text: str, ctype: CriterionType) -> list[Item]:
    items: list[Item] = []
    low = text.lower()
    for m in _BLASTS_FIRST.finditer(text) if "blast" in low else ():
        items.append(Item(m.start(), m.end(), predicate("bm_blasts", OPS[m.group("op")], number(m.group("num")), "%"), frozenset({"bm_blasts"})))
    for m in _LAB.finditer(text) if _CMP_NUM.search(text) else ():
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        concepts = _lab_concepts(m.group("names"))
        if not concepts:
            continue
        if re.search(r"\b(?:direct|indirect|conjugated)\s*$", text[max(0, m.start() - 12): m.start()], I):
            continue
        value = float(m.group("num"))
        preds: list[Expr] = []
        end = m.end()
        for concept in concepts:
            v, unit, uln = _lab_unit(concept, m.group("unit") or "", value)
            if concept == "life_expectancy":
                if unit not in ("wk", "mo", "d", "a"):
                    continue
            if v is None:
                preds.append(Review(ReviewReason.AMBIGUOUS, f"{concept} threshold without a unit: {m.group(0).strip()}"))
                continue
            pred = predicate(concept, OPS[m.group("op")], v, unit, uln)
            more = _LAB_MORE.match(text, end)
            if more and len(concepts) == 1:
                v2, unit2, uln2 = _lab_unit(concept, more.group("unit"), float(more.group("num")))
                if v2 is not None:
                    other = predicate(concept, OPS[more.group("op")], v2, unit2, uln2)
                    pred = any_of([pred, other]) if more.group("conn").lower() == "or" else all_of([pred, other])
                    end = more.end()
            preds.append(pred)
        if not preds:
            continue
        condition = _LAB_CONDITION.search(m.group("mid") or "")
        if condition:  # "oxygen saturation under indoor ventilation > 92%": measured how, a person checks
            preds = [all_of([pr, Review(ReviewReason.JUDGEMENT, condition.group(0).strip())]) for pr in preds]
        joiner = re.search(r"\bor\b", m.group("names"), I) and not re.search(r"\band\b", m.group("names"), I)
        if len(preds) == 1:
            expr = preds[0]
        elif joiner or (ctype is CriterionType.EXCLUSION and not re.search(r"\band\b", m.group("names"), I)):
            expr = any_of(preds)
        else:
            expr = all_of(preds)
        items.append(Item(m.start(), end, expr, frozenset(concepts)))
    for m in _WNL.finditer(text) if ("normal" in low or "wnl" in low) else ():
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        concepts = [c for c in _lab_concepts(m.group("names") or m.group("names2")) if c in ("bilirubin", "alt", "ast", "creatinine", "alp", "aptt", "pt", "inr")]
        if concepts:
            items.append(Item(m.start(), m.end(), all_of([predicate(c, Op.LTE, 1, None, True) for c in concepts]), frozenset(concepts)))
    return items
