"""One eligibility line -> one Criterion.

How a line is read:

1. the text is normalised (``normalize``) and cut into clauses at ";", sentence ends and inline
   enumerations ("(1)", "a)");
2. each clause runs the extractors (age, sex, performance, NYHA, labs, infections, pregnancy,
   diagnoses and disease status, GVHD, transplant and cell therapy, antigens); each finds
   spans and turns them into predicates;
3. the items of a clause are joined by the words between them ("or" / "either" -> Any_,
   otherwise the type's list default: All for an inclusion, Any_ for an exclusion);
4. exception clauses ("except ...", "excluding ...", "unless ...", "... can be enrolled if ...")
   change the expression: a recognised exception becomes ``All(main, Not(exception))``;
5. whatever words are left form a Review with its reason, joined so Kleene logic stays honest:

   * words in the same list segment as a structured item qualify it ("active", "requiring
     immunosuppressive agents") and narrow it, for either type: ``All(structured, Review)``;
   * a list item of their own is another requirement of an inclusion, ``All(structured,
     Review)`` (a failed structured part rightly fails the line; a met one leaves it
     unknown), and another alternative of an exclusion, ``Any_(structured, Review)`` (a met
     structured part rightly triggers it; a not met one leaves it unknown);
   * an unrecognised exception widens an inclusion (``Any_(main, Review)``) and narrows an
     exclusion (``All(main, Review)``), so it can only turn a decision into ``unknown``.

No combination can make the line decided where the unstructured words could change the answer.

Line shapes read as a whole (``_to_expr``):

* a line that defines a status it or another line asks for ("Relapse was defined as ...";
  "... relapsed/refractory leukemia; including any of the following situations: a) ...") adds no
  requirement: the cases after the lead-in are skipped, a status defined by cases that include
  the other one ("refractory cases: ... 2) recurrence ...") accepts either, and a definition line
  of its own is ``Any_(Not(status), Review)``;
* a line that opens by permitting a group ("Patients who previously received CAR-T may be
  included, provided that ...") asks nothing outside the group: ``Any_(Not(group), condition)``;
* "at least one of the following: (1) ... (2) ..." makes the enumerated items alternatives;
* a recency window counted back from the start of treatment ("within 3 days prior to initial
  treatment: ...") is not applied on the evaluation date: the treatment lies ahead, the latest
  value is the evidence and the lab is repeated before dosing (windows counted back from
  screening, enrolment or registration are kept).

History and therapy events (``_HISTORY``: prior chemotherapy, brain metastases, ...) are read in
an exclusion wherever they are named; in an inclusion only where the line asks about them
("prior", "no", "history of", a time window), never where a therapy is only named in passing
("poor response to conventional chemotherapy") or is the cause of the line's subject ("toxicity
caused by previous therapy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rules_engine.criteria import (
    All,
    Any_,
    Criterion,
    CriterionType,
    Expr,
    Not,
    Op,
    Predicate,
    Review,
    ReviewReason,
    Window,
)
from rules_engine.parser.normalize import normalize

I = re.IGNORECASE
FEMALE = Predicate("sex", Op.IS, "female")


@dataclass
class _Item:
    start: int
    end: int
    expr: Expr | None  # None: consumed words that carry no requirement ("both sexes")
    concepts: frozenset[str] = frozenset()


def _p(concept: str, op: Op, value=None, unit=None, uln=False, window=None, **kw) -> Predicate:
    return Predicate(concept, op, value, unit, uln, window, **kw)


def _any(parts: list[Expr]) -> Expr:
    flat: list[Expr] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, Any_) else (part,))
    flat = list(dict.fromkeys(flat))
    return flat[0] if len(flat) == 1 else Any_(tuple(flat))


def _all(parts: list[Expr]) -> Expr:
    flat: list[Expr] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, All) else (part,))
    flat = list(dict.fromkeys(flat))
    return flat[0] if len(flat) == 1 else All(tuple(flat))


def _num(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


_OPS = {"≥": Op.GTE, ">": Op.GT, "≤": Op.LTE, "<": Op.LT, "=": Op.EQ}
_NEGATE = {Op.GTE: Op.LT, Op.GT: Op.LTE, Op.LTE: Op.GT, Op.LT: Op.GTE}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_UNIT_WORDS = {"day": "d", "week": "wk", "month": "mo", "year": "a"}

# ---------------------------------------------------------------------------------------- age
_AGE_UNIT = r"(?:years?|yrs?|months?|y(?=\s|$|[,;.)]))"
_AGE_POST = r"(?:or|and)\s+(?:older|more|above|over|greater|elder|upwards|up|younger|less|below|under)\b"
_AGE_AFTER = rf"(?:\s*{_AGE_UNIT})?(?:\s*(?:old|of\s+age))?"
_AGE_PREFIX = re.compile(
    r"(?<![-\w])(?<!childbearing )(?<!child-bearing )(?<!reproductive )(?<!bearing )"
    r"(?<!years of )(?<!year of )(?<!yrs of )(?:age[ds]?|aging)\b(?!\s+of\s+(?:majority|consent))\s*(?:[:(]\s*)?"
    r"(?:(?:of|is|was|from|between|must\s+be|should\s+be|at|at\s+time\s+of\s+\w+|range|limit|group)\s*:?\s*){0,2}",
    I,
)
_AGE_RANGE = re.compile(
    rf"(?P<lo>\d{{1,3}})\s*(?P<lu>{_AGE_UNIT})?(?:\s*old)?\s*(?:-|to|and|through|~)\s*(?P<hi>\d{{1,3}})\s*(?P<hu>{_AGE_UNIT})?"
    r"(?:\s*(?:old|of\s+age))?(?:\s*\(?inclusive\)?)?",
    I,
)
_AGE_CMP = re.compile(
    rf"(?P<op>[≥>≤<=])\s*(?P<n>\d{{1,3}}(?:\.\d)?)(?!\s*(?:%|mg|g/|x\b|×|cm|kg|mm|ml|/))(?P<u>{_AGE_AFTER})(?:\s*(?P<post>{_AGE_POST}))?",
    I,
)
_AGE_BARE_POST = re.compile(rf"(?P<n>\d{{1,3}})(?P<u>{_AGE_AFTER})\s*(?P<post>{_AGE_POST})", I)
_AGE_SUFFIXED = re.compile(
    rf"(?P<op>[≥>≤<=])?\s*(?P<n>\d{{1,3}})\s*(?P<u>{_AGE_UNIT})\s*(?:old|of\s+age)(?:\s*(?P<post>{_AGE_POST}))?",
    I,
)
_AGE_SUFFIXED_RANGE = re.compile(
    rf"(?:between\s+|from\s+)?(?P<lo>\d{{1,3}})\s*(?P<lu>{_AGE_UNIT})?\s*(?:-|to|and|~)\s*(?P<hi>\d{{1,3}})\s*(?P<hu>{_AGE_UNIT})\s*(?:old|of\s+age)",
    I,
)
_AGE_BLOCK = re.compile(r"menopaus|amenorrh|menstruat|\(140\s*-\s*age|cockcroft|childbearing age", I)
_ADULT = re.compile(r"\badults?\b(?!\s+(?:according|as defined|by local|per local|or\b|AML|ALL|acute|leukemi|onset|T-cell|lymphoblastic|myeloid|patients?\s+with\s+(?:AML|ALL)|(?:daily\s+)?dos(?:e|ing|age)|daily|equivalent|formulation|who\s+are\s+(?:the\s+)?subject|under\s+(?:legal|guardianship)))(?<!\bfor adults)", I)
_AGE_REVERSED = re.compile(r"(?<![\d.])(?:(?<=^)|(?<=\s)|(?<=\())(?:\d{1,2}\.)?(?P<n>\d{1,3})\s*(?P<op>[≤<])\s*(?=age[ds]?\b)", I)
_AGE_BARE_CMP = re.compile(r"(?P<op>[≥>≤<])\s*(?P<n>\d{1,3})\s*(?P<u>years?|yrs?)\b", I)
_AGE_BARE_END = re.compile(r"\s*(?:before|after|since|ago|prior|from|following|of\s+(?:follow|treatment|therapy|disease))\b", I)
_ADULT_AMBIGUOUS = re.compile(r"age of majority|according to (?:each |local )?(?:country|national|local)", I)


def _age_unit(unit: str | None) -> str:
    return "mo" if unit and unit.lower().startswith("mo") else "a"


def _age_post_op(post: str) -> Op:
    return Op.LTE if re.search(r"younger|less|below|under", post, I) else Op.GTE


def _age_items(text: str, ctype: CriterionType = CriterionType.INCLUSION) -> list[_Item]:
    if _AGE_BLOCK.search(text):
        return []
    items: list[_Item] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(start: int, end: int, expr: Expr) -> None:
        taken.append((start, end))
        items.append(_Item(start, end, expr, frozenset({"age"})))

    def bound(op: Op, n: str, unit: str | None) -> Predicate:
        return _p("age", op, _num(n), _age_unit(unit))

    def after_upper(end: int) -> tuple[int, Predicate] | None:
        m = re.compile(
            rf"\s*(?:{_AGE_UNIT}\s*)?(?:old\s*)?(?:,|and|but|to)?\s*(?:age\s*)?(?P<op>[<≤])\s*(?P<n>\d{{1,3}})(?P<u>{_AGE_AFTER})",
            I,
        ).match(text, end)
        if m and int(m.group("n")) >= 2:
            return m.end(), bound(_OPS[m.group("op")], m.group("n"), m.group("u"))
        return None

    def add_bound(m: re.Match[str], op: Op, n: str, unit: str | None) -> None:
        first = bound(op, n, unit)
        upper = after_upper(m.end()) if op in (Op.GT, Op.GTE) else None
        if upper:
            add(m.start(), upper[0], _all([first, upper[1]]))
        else:
            add(m.start(), m.end(), first)

    def add_range(m: re.Match[str]) -> None:
        lo, hi = m.group("lo"), m.group("hi")
        if int(hi) <= int(lo):
            return
        unit = m.group("hu") or m.group("lu")
        lo_unit = m.group("lu") or unit
        if _age_unit(lo_unit) == _age_unit(unit):
            expr: Expr = _p("age", Op.BETWEEN, (_num(lo), _num(hi)), _age_unit(unit))
        else:
            expr = _all([bound(Op.GTE, lo, lo_unit), bound(Op.LTE, hi, unit)])
        add(m.start(), m.end(), expr)

    for prefix in _AGE_PREFIX.finditer(text):
        pos = prefix.end()
        for pattern in (_AGE_RANGE, _AGE_CMP, _AGE_BARE_POST):
            m = pattern.match(text, pos)
            if m is None or not free(prefix.start(), m.end()):
                continue
            if pattern is _AGE_RANGE:
                if not (m.group("lu") or m.group("hu") or re.match(r"\s*(?:years|$|[,;.)])", text[m.end():])):
                    if not re.search(r"-|to", m.group(0)):
                        continue
                add_range(m)
                items[-1].start = prefix.start()
            else:
                op = _OPS[m.group("op")] if pattern is _AGE_CMP else _age_post_op(m.group("post"))
                if pattern is _AGE_CMP and m.group("post"):
                    op = _age_post_op(m.group("post"))
                if op is Op.EQ:
                    continue
                add_bound(m, op, m.group("n"), m.group("u"))
                items[-1].start = prefix.start()
            break
    for pattern in (_AGE_SUFFIXED_RANGE, _AGE_SUFFIXED, _AGE_BARE_POST):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if pattern is _AGE_SUFFIXED_RANGE:
                add_range(m)
                continue
            if pattern is _AGE_BARE_POST and not m.group("u").strip():
                continue
            if pattern is _AGE_BARE_POST and not (
                re.search(r"old|of\s+age", m.group("u"), I)
                or re.match(r"older|younger|elder|upwards", m.group("post").split()[-1], I)
                or not _content_words(text[: m.start()])
            ):
                continue  # "completed 5 years or more before study entry" is no age
            if _AGE_BARE_END.match(text, m.end()):
                continue
            if m.group("post"):
                op = _age_post_op(m.group("post"))
            elif m.group("op") if pattern is _AGE_SUFFIXED else None:
                op = _OPS[m.group("op")]
            else:
                continue
            if op is Op.EQ:
                continue
            add_bound(m, op, m.group("n"), m.group("u"))
    m = _AGE_BARE_CMP.search(text)  # "Patients must be ≥18 years": nothing but the patient before it
    if m and free(m.start(), m.end()) and not _content_words(text[: m.start()]) and not _AGE_BARE_END.match(text, m.end()):
        if m.group("op") != "=":
            add_bound(m, _OPS[m.group("op")], m.group("n"), m.group("u"))
    for m in _AGE_REVERSED.finditer(text):  # "18 ≤ age"
        if free(m.start("n"), m.end()):
            add(m.start("n"), m.end(), bound(Op.GTE if m.group("op") == "≤" else Op.GT, m.group("n"), "a"))
    if not items and ctype is CriterionType.INCLUSION:
        adult = _ADULT.search(text)
        if adult and not re.search(r"\bpediatric|\bchild", text, I):
            if _ADULT_AMBIGUOUS.search(text):
                add(adult.start(), adult.end(), _all([bound(Op.GTE, "18", "a"), Review(ReviewReason.AMBIGUOUS, "age of majority")]))
            else:
                add(adult.start(), adult.end(), bound(Op.GTE, "18", "a"))
    return items


# ---------------------------------------------------------------------------------------- sex
_SEX_ANY = re.compile(
    r"\b(?:both\s+(?:sexes|genders)|(?:males?|men)\s+(?:and|or|and/or|&)\s+(?:females?|women)|(?:females?|women)\s+(?:and|or)\s+(?:males?|men)|"
    r"(?:gender|sex)\s+(?:is\s+)?(?:not\s+(?:specified|limited|restricted)|unlimited|unrestricted|any)|no\s+(?:limit\s+on\s+the\s+)?(?:gender|sex)(?:\s+(?:limit|restriction)s?)?(?:\s+or\s+race)?|"
    r"regardless\s+of\s+(?:gender|sex)|(?:any|all)\s+(?:gender|sex)|no\s+gender\s+limit)\b",
    I,
)
_SEX_ONLY = re.compile(
    r"^(?:(?:patients?|subjects?)\s*(?:must\s+be\s*)?:?\s*)?(?P<sex>female|women|woman|male|men|man)\b(?:\s+(?:patients?|subjects?|participants?))?(?:\s+only)?(?=\s*(?:$|[,;.]|aged|age|≥|>|\d|over|at least|with))",
    I,
)


def _sex_items(text: str) -> list[_Item]:
    items = [_Item(m.start(), m.end(), None, frozenset({"sex"})) for m in _SEX_ANY.finditer(text)]
    m = _SEX_ONLY.match(text)
    if m and not items and not re.search(r"childbearing|child-bearing|pregnan|contracept|fertile|potential", text, I):
        word = m.group("sex").lower()
        value = "female" if word.startswith(("f", "wom")) else "male"
        items.append(_Item(m.start("sex"), m.end("sex"), _p("sex", Op.IS, value), frozenset({"sex"})))
    return items


# ------------------------------------------------------------------------------- performance
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


def _perf_items(text: str) -> list[_Item]:
    items: list[_Item] = []
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
            op, n = _OPS[m.group("op")], _num(m.group("n"))
            values = [n]
        elif m.group("lo"):
            lo, hi = _num(m.group("lo")), _num(m.group("hi"))
            values = [lo, hi]
        elif m.group("list"):
            values = [int(v) for v in re.findall(r"\d", m.group("list"))]
        else:
            values = [_num(m.group("one"))]
        if concept is None:
            concept = "ecog" if max(values) <= 5 else "karnofsky"
        if concept == "ecog" and max(values) > 5:
            continue
        unit = "%" if concept in ("karnofsky", "lansky") else None
        if m.group("op"):
            expr = _p(concept, op, values[0], unit)
        elif m.group("lo"):
            lo, hi = values
            if concept == "ecog" and lo == 0:
                expr = _p(concept, Op.LTE, hi, unit)
            elif concept != "ecog" and hi == 100:
                expr = _p(concept, Op.GTE, lo, unit)
            else:
                expr = _p(concept, Op.BETWEEN, (lo, hi), unit)
        elif m.group("list"):
            if sorted(values) != list(range(min(values), max(values) + 1)):
                expr = _p(concept, Op.IN, tuple(values), unit)
            elif min(values) == 0:
                expr = _p(concept, Op.LTE, max(values), unit)
            else:
                expr = _p(concept, Op.BETWEEN, (min(values), max(values)), unit)
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
            expr = _p(concept, op, values[0], unit)
        items.append(_Item(anchor.start(), m.end(), expr, frozenset({concept})))
    return items


# -------------------------------------------------------------------------------------- NYHA
_NYHA = re.compile(r"\b(?:NYHA|New\s+York\s+Heart\s+(?:Association|Society))\b", I)
_NYHA_CLASS = re.compile(
    r"(?:class|grade|grading|classification)?\s*(?:\(?\s*NYHA\s*\)?\s*)?(?:functional\s+)?(?:class\s*)?(?P<op>[≥>≤<])?\s*(?P<a>IV|III|II|I|[1-4])\b(?:\s*\([a-z]+\))?"
    r"(?:\s*(?:or|-|to|and|/|,)\s*(?P<b>IV|III|II|[1-4])\b(?:\s*\([a-z]+\))?)?(?:\s*(?:or\s+(?P<post>higher|greater|above|worse)))?",
    I,
)


def _nyha_items(text: str, ctype: CriterionType) -> list[_Item]:
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
    a = _ROMAN[best.group("a").lower()]
    b = _ROMAN[best.group("b").lower()] if best.group("b") else None
    op = _OPS.get(best.group("op") or "")
    if op in (Op.GT, Op.GTE, Op.LT, Op.LTE):
        pred = _p("nyha", op, a)
    elif best.group("post") or (b == 4):
        pred = _p("nyha", Op.GTE, a)
    elif b is not None:
        pred = _p("nyha", Op.BETWEEN, (a, b)) if a > 1 else _p("nyha", Op.LTE, b)
    else:
        pred = _p("nyha", Op.GTE if ctype is CriterionType.EXCLUSION and a > 1 else Op.EQ, a)
    if pred.op in (Op.GTE, Op.GT):
        expr: Expr = _all([_p("heart_failure", Op.PRESENT), pred])
    elif pred.op in (Op.LTE, Op.LT):
        expr = _any([_p("heart_failure", Op.ABSENT), pred])
    else:
        expr = pred
    start, end = min(anchor.start(), best.start()), max(anchor.end(), best.end())
    hf = re.compile(r"(?:congestive\s+)?heart\s+failure|\bCHF\b|heart\s+disease", I).search(text, end, min(len(text), end + 20))
    if hf:
        end = hf.end()
    return [_Item(start, end, expr, frozenset({"nyha", "heart_failure"}))]


# -------------------------------------------------------------------------------------- labs
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
            return (_num(str(value / 1000)) if value >= 100 else value), "10*9/L", False
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
        return _num(str(value / 1000)), "10*9/L", False
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
    for word, code in _UNIT_WORDS.items():
        if unit.startswith(word):
            return value, code, False
    return None, None, False


def _lab_items(text: str, ctype: CriterionType) -> list[_Item]:
    items: list[_Item] = []
    low = text.lower()
    for m in _BLASTS_FIRST.finditer(text) if "blast" in low else ():
        items.append(_Item(m.start(), m.end(), _p("bm_blasts", _OPS[m.group("op")], _num(m.group("num")), "%"), frozenset({"bm_blasts"})))
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
            pred = _p(concept, _OPS[m.group("op")], v, unit, uln)
            more = _LAB_MORE.match(text, end)
            if more and len(concepts) == 1:
                v2, unit2, uln2 = _lab_unit(concept, more.group("unit"), float(more.group("num")))
                if v2 is not None:
                    other = _p(concept, _OPS[more.group("op")], v2, unit2, uln2)
                    pred = _any([pred, other]) if more.group("conn").lower() == "or" else _all([pred, other])
                    end = more.end()
            preds.append(pred)
        if not preds:
            continue
        condition = _LAB_CONDITION.search(m.group("mid") or "")
        if condition:  # "oxygen saturation under indoor ventilation > 92%": measured how, a person checks
            preds = [_all([pr, Review(ReviewReason.JUDGEMENT, condition.group(0).strip())]) for pr in preds]
        joiner = re.search(r"\bor\b", m.group("names"), I) and not re.search(r"\band\b", m.group("names"), I)
        if len(preds) == 1:
            expr = preds[0]
        elif joiner or (ctype is CriterionType.EXCLUSION and not re.search(r"\band\b", m.group("names"), I)):
            expr = _any(preds)
        else:
            expr = _all(preds)
        items.append(_Item(m.start(), end, expr, frozenset(concepts)))
    for m in _WNL.finditer(text) if ("normal" in low or "wnl" in low) else ():
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        concepts = [c for c in _lab_concepts(m.group("names") or m.group("names2")) if c in ("bilirubin", "alt", "ast", "creatinine", "alp", "aptt", "pt", "inr")]
        if concepts:
            items.append(_Item(m.start(), m.end(), _all([_p(c, Op.LTE, 1, None, True) for c in concepts]), frozenset(concepts)))
    return items


# ------------------------------------------------------------------ qualitative tests and events
_POS = r"(?:positive|positivity|\(\+\)|\+|reactive|seropositive|detectable|detected)"
_NEG = r"(?:negative|\(-\)|non-?reactive|undetectable|not\s+detected)"
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
        re.compile(rf"(?:(?:{pattern})\s*(?:test\s*|results?\s*|tests?\s+results?\s*)?(?:(?:is|are|was|were|must\s+be|should\s+be)\s+)?(?P<r1>{_POS}|{_NEG})|(?P<r2>{_POS}|{_NEG})\s+(?:for\s+)?(?:{pattern})|(?:{pattern})\s*(?:test\s*)?(?P<r3>[>≥]\s*(?:\d|ULN|LLQ|the\s+lower)))", I),
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


def _qual_value(text: str) -> str:
    return "negative" if re.match(_NEG, text, I) else "positive"


_INFECTION_WORDS = ("hbv", "hcv", "hiv", "hepatitis", "hbsag", "hbc", "syphilis", "treponema", "immunodeficiency", "aids")


def _infection_items(text: str) -> list[_Item]:
    low = text.lower()
    if not any(w in low for w in _INFECTION_WORDS):
        return []
    items: list[_Item] = []
    tested: set[str] = set()
    for concept, full, name in _TEST_RES:
        for m in full.finditer(text):
            res = m.group("r1") or m.group("r2")
            value = _qual_value(res) if res else "positive"
            items.append(_Item(m.start(), m.end(), _p(concept, Op.IS, value), frozenset({concept})))
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
            items.append(_Item(m.start(), m.end(), None, frozenset({"hbv", "hcv"})))
        else:
            items.append(_Item(m.start(), m.end(), _any([_p("hbv", Op.PRESENT), _p("hcv", Op.PRESENT)]), frozenset({"hbv", "hcv"})))
    for concept, pattern in _INFECTION_RES:
        for m in pattern.finditer(text):
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            end = m.end()
            after = re.compile(rf"\s*(?:infection\s*)?(?:test\s*)?(?:(?:is|are)\s+)?(?P<r>{_POS}|{_NEG}|seropositiv\w*|serolog\w*\s+positive)", I).match(text, end)
            if concept == "hiv" and after:
                end = after.end()
                if _qual_value(after.group("r")) == "negative":
                    expr: Expr | None = _all([_p("hiv", Op.ABSENT), Not(_p("hiv_test", Op.IS, "positive"))])
                else:
                    expr = _any([_p("hiv", Op.PRESENT), _p("hiv_test", Op.IS, "positive")])
            elif concept == "hiv":
                expr = _any([_p("hiv", Op.PRESENT), _p("hiv_test", Op.IS, "positive")])
            elif virus_tested.get(concept):
                expr = None  # the test named beside it defines what counts
            else:
                expr = _p(concept, Op.PRESENT)
                if after:
                    end = after.end()
            items.append(_Item(m.start(), end, expr, frozenset({concept})))
    return items


_PREG = re.compile(r"\bpregnan(?:t|cy)\b|\bgestation", I)
_LACT = re.compile(r"\b(?:lactat(?:ing|ion)|breast[\s-]*feed(?:ing)?|nursing|breastfeeding)\b", I)
_PREG_TEST = re.compile(
    rf"(?:(?:serum|urine|blood|urine/blood|blood/urine|beta-?hcg|β-?hcg)\s+)?(?:pregnancy|pregnant)\s+tests?(?:\s+(?:results?\s+)?(?:\w+\s+){{0,6}}?)?(?:(?:must|should|shall)\s+be\s+|(?:is|are|was)\s+)?(?P<r1>{_POS}|{_NEG})"
    rf"|(?P<r2>{_POS}|{_NEG})\s+(?:\(?\w+\)?\s+){{0,3}}(?:pregnancy|pregnant)\s+tests?",
    I,
)


def _pregnancy_items(text: str, ctype: CriterionType) -> list[_Item]:
    tests = [
        (m.start(), m.end(), _p("pregnancy_test", Op.IS, _qual_value(m.group("r1") or m.group("r2"))))
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
        return [_Item(s, e, pred, frozenset({"pregnancy_test"})) for s, e, pred in tests]
    parts: list[Expr] = []
    if preg:
        parts.append(_p("pregnancy", Op.PRESENT))
    if lact:
        parts.append(_p("lactation", Op.PRESENT))
    test_preds = [pred for _, _, pred in tests]
    if preg and not tests:
        test_preds = [_p("pregnancy_test", Op.IS, "positive")]
    if any(t.value == "negative" for t in test_preds):
        return [_Item(s, e, pred, frozenset({"pregnancy_test"})) for s, e, pred in tests]
    parts.extend(test_preds)
    spans = [(m.start(), m.end()) for m in mentions] + [(s, e) for s, e, _ in tests]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    return [_Item(start, end, _any(parts), frozenset({"pregnancy", "lactation", "pregnancy_test"}))]


# ------------------------------------------------------------------ diagnoses and disease status
_DIAGNOSES: tuple[tuple[str, str], ...] = (
    ("apl", r"acute\s+promyelocytic\s+leukemia|\bAPL\b|t\s*\(\s*15\s*;\s*17\s*\)(?:\s*\(\s*q22\s*;\s*q1[12](?:\.\d)?\s*\))?|\bPML[-/:]?RARA?\b"),
    ("b_all", r"\bB[-\s]?ALL\b|\bB-cell\s+(?:acute\s+lymphoblastic|precursor\s+acute\s+lymphoblastic)\s+leukemia|\bB[-\s](?:cell\s+)?acute\s+lymphoblastic\s+leukemia|\bacute\s+B[-\s](?:cell\s+)?lymphoblastic\s+leukemia|\bB-(?:lineage|precursor|cell)\s+(?:ALL|acute\s+lymphoblastic\s+leukemia)"),
    ("t_all", r"\bT[-\s]?ALL\b|\bT-cell\s+acute\s+lymphoblastic\s+leukemia|\bT[-\s]acute\s+lymphoblastic\s+leukemia|\bacute\s+T[-\s](?:cell\s+)?lymphoblastic\s+leukemia"),
    ("aml", r"acute\s+(?:myeloid|myelogenous|myeloblastic|non-?lymphocytic)\s+leukemia|\bAML\b|\bANLL\b"),
    ("all", r"acute\s+lympho(?:blastic|cytic|id)\s+leukemia|(?<![-/])\bALL\b(?![-/])"),
    ("acute_leukemia", r"acute\s+leukemias?"),
)
_DIAG_RES = tuple((c, re.compile(p)) if c == "all" else (c, re.compile(p, I)) for c, p in _DIAGNOSES)
_ALL_WORD = re.compile(r"\bALL\b")
_STATUS = re.compile(
    r"\b(?P<rr>r/r|relapsed?\s*(?:/|or|and|and/or|&)\s*refractory|refractory\s*(?:/|or|and|and/or)\s*relapsed?|recurrent\s*(?:/|or|and)\s*refractory|relapsed\s+refractory)\b"
    r"|\b(?P<rel>relapsed|relapse|recurrent|recurrence)\b|\b(?P<ref>(?:primary\s+)?refractory)\b",
    I,
)
_CNS = re.compile(
    r"\b(?:central\s+nervous\s+system|CNS)\s*(?:\(CNS\)\s*)?(?:involvement|leukemia|infiltration|disease\s+involvement|relapse|metastas\w*)|\bCNS[-\s]?3\b|leukemic\s+(?:meningitis|involvement\s+of\s+the\s+(?:central\s+nervous\s+system|CNS))|\bmeningeal\s+leukemia",
    I,
)
_IEMR = re.compile(r"\b(?:isolated|simple)\s+extramedullary\s+(?:relapse|recurrence|leukemia|disease|involvement)", I)
_EMD = re.compile(r"\bextramedullary\s+(?:disease|leukemia|involvement|infiltration|lesions?)", I)
_ANTIGEN = re.compile(
    rf"\b(?P<cds>CD(?:19|22|7|33|123)(?:\s*(?:/|and|or|,|\+|&)\s*CD(?:19|22|7|33|123))*)\s*(?:\(\s*\+\s*\)|[-\s]?(?P<res>{_POS}|{_NEG}|postive|expression|expressing|\+)(?![\w]))",
    I,
)
_GVHD = re.compile(r"\b(?:acute\s+|chronic\s+)?(?:graft[\s-]*(?:versus|vs\.?|-)[\s-]*host[\s-]*disease|a?c?GVHD|GvHD)\b(?:\s*\((?:a|c)?GVHD\))?", I)
_HF = re.compile(r"\b(?:congestive\s+)?heart\s+failure\b|\bCHF\b", I)
_THERAPIES: tuple[tuple[str, str], ...] = (
    ("car_nk", r"\bCAR[-\s]?NK\b|chimeric\s+antigen\s+receptor[-\s]+(?:modified\s+)?NK"),
    ("car_t", r"\bCAR[-\s]?T(?:[-\s]?cells?)?\b(?:\s+(?:cell\s+)?therap(?:y|ies))?|chimeric\s+antigen\s+receptor(?:[-\s]+(?:modified\s+)?T[-\s]?cells?)?(?:\s+therap(?:y|ies))?"),
    ("allo_hsct", r"\ballo(?:geneic)?[-\s]*(?:HSCT|SCT|HCT|BMT|(?:hematopoietic\s+|haematopoietic\s+|bone\s+marrow\s+|peripheral\s+blood\s+)?(?:stem\s+cell\s+|cell\s+)?transplant(?:ation)?)"),
    ("auto_hsct", r"\bauto(?:logous)?[-\s]*(?:HSCT|SCT|HCT|ASCT|(?:hematopoietic\s+|bone\s+marrow\s+|peripheral\s+blood\s+)?(?:stem\s+cell\s+)?transplant(?:ation)?)|\bASCT\b"),
    ("hsct", r"\b(?:HSCT|HCT|SCT|BMT)\b|(?:hematopoietic|bone\s+marrow|peripheral\s+blood|stem)\s+(?:stem\s+)?(?:cell\s+)?transplant(?:ation)?"),
)
_HISTORY: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("major_surgery", r"major\s+(?:surgery|surgical\s+(?:procedures?|interventions?)|operations?)", ("major",)),
    ("organ_transplant", r"(?:solid[\s-]+)?organ\s+(?:transplant\w*|allograft)|(?:kidney|renal|liver|heart|lung)\s+transplant\w*", ("transplant", "allograft")),
    ("chemotherapy", r"(?:cytotoxic\s+)?chemotherap(?:y|ies|eutic(?:\s+agents?)?)|cytotoxic\s+(?:therapy|agents?|drugs?|treatment)", ("chemo", "cytotoxic")),
    ("radiotherapy", r"radiotherap(?:y|ies)|radiation(?:\s+therap(?:y|ies))?|irradiation|radiosurgery|\bRT\b", ("radi", "rt")),
    ("surgery", r"\bsurgery\b|\bsurgical\s+(?:procedures?|resection|interventions?)|\boperations?\b", ("surg", "operation")),
    ("immunotherapy", r"immunotherap(?:y|ies)|(?:immune\s+)?checkpoint\s+inhibitors?|\banti-?(?:PD-?L?1|CTLA-?4)\b(?:\s+(?:antibod(?:y|ies)|therapy|agents?))?|biologic(?:al)?\s+(?:therapy|response\s+modifiers?)", ("immuno", "checkpoint", "pd", "ctla", "biologic")),
    ("hormone_therapy", r"hormon(?:e|al)\s+therap(?:y|ies)|endocrine\s+therap(?:y|ies)|androgen[\s-]+deprivation(?:\s+therapy)?", ("hormon", "endocrine", "androgen")),
    ("targeted_therapy", r"targeted\s+(?:therap(?:y|ies)|agents?)|tyrosine\s+kinase\s+inhibitors?|\bTKIs?\b", ("target", "kinase", "tki")),
    ("investigational_agent", r"investigational\s+(?:agents?|drugs?|products?|therap(?:y|ies)|treatments?|medications?|devices?|compounds?)|experimental\s+(?:agents?|drugs?|therap(?:y|ies))", ("investigational", "experimental")),
    ("steroid_therapy", r"(?:systemic\s+)?(?:cortico)?steroids?(?:\s+therapy)?|glucocorticoids?|prednisone|prednisolone|dexamethasone|methylprednisolone", ("steroid", "glucocortic", "predniso", "dexameth")),
    ("immunosuppressant_therapy", r"immunosuppress(?:ive|ant|ion)\w*(?:\s+(?:therap(?:y|ies)|agents?|drugs?|medications?|treatments?))?", ("immunosuppress",)),
    ("brain_metastases", r"(?:brain|cerebral|intracranial)\s+metasta\w*|(?:CNS|central\s+nervous\s+system)\s+metasta\w*|metasta\w*\s+(?:to\s+the\s+)?(?:brain|CNS)", ("metasta",)),
    ("leptomeningeal_disease", r"leptomeningeal\s+(?:disease|metasta\w*|carcinomatosis|involvement|spread)|carcinomatous\s+meningitis", ("leptomening", "carcinomatous")),
    ("other_malignancy", r"(?:other|another|second|prior|previous|concurrent|concomitant|additional|secondary)\s+(?:active\s+|invasive\s+|primary\s+)?(?:malignan(?:cy|cies|t\s+(?:tumou?rs?|diseases?|neoplasms?))|cancers?|neoplasms?|primary\s+(?:malignancy|tumou?r)s?)|history\s+of\s+(?:a\s+|any\s+)?(?:malignancy|malignancies|cancer)|malignan(?:cy|cies)\s+(?:within|in\s+the\s+(?:past|last))", ("malignan", "cancer", "neoplasm", "tumo")),
    ("myocardial_infarction", r"myocardial\s+infarctions?|\bMI\b|heart\s+attacks?", ("infarct", "mi", "heart attack")),
    ("unstable_angina", r"unstable\s+angina(?:\s+pectoris)?", ("angina",)),
    ("arrhythmia", r"(?:cardiac\s+|ventricular\s+)?(?:arrhythmias?|dysrhythmias?)|atrial\s+fibrillation|ventricular\s+tachycardia", ("rhythm", "fibrillation", "tachycardia")),
    ("hypertension", r"(?<!pulmonary )(?<!portal )(?<!intracranial )(?<!arterial )\bhypertension\b|high\s+blood\s+pressure", ("hypertension", "blood pressure")),
    ("stroke", r"\bstrokes?\b|cerebrovascular\s+accidents?|\bCVA\b|transient\s+ischemic\s+attacks?|\bTIA\b", ("stroke", "cerebrovascular", "cva", "ischemic", "tia")),
    ("thromboembolism", r"deep\s+ve(?:in|nous)\s+thrombos[ie]s|\bDVT\b|pulmonary\s+embol\w*|thromboembol\w*|(?:venous|arterial)\s+thrombo\w*", ("thromb", "embol", "dvt")),
    ("autoimmune_disease", r"autoimmune\s+(?:diseases?|disorders?|conditions?)", ("autoimmune",)),
    ("interstitial_lung_disease", r"interstitial\s+(?:lung\s+disease|pneumonitis|pneumonia|fibrosis)|\bILD\b|(?<!radiation )pneumonitis|pulmonary\s+fibrosis", ("interstitial", "ild", "pneumonitis", "fibrosis")),
    ("tuberculosis", r"tuberculosis|\bTB\b", ("tubercul", "tb")),
    ("active_infection", r"\binfections?\b", ("infection",)),
    ("seizure_disorder", r"seizures?(?:\s+disorders?)?|epilep\w*|convulsions?", ("seizure", "epilep", "convuls")),
    ("peripheral_neuropathy", r"(?:peripheral\s+|sensory\s+|motor\s+)?neuropath(?:y|ies)", ("neuropath",)),
    ("drug_hypersensitivity", r"hypersensitivit(?:y|ies)(?:\s+reactions?)?|allerg(?:y|ies|ic\s+reactions?)|anaphyla\w*", ("hypersensitiv", "allerg", "anaphyla")),
    ("bleeding_diathesis", r"bleeding\s+(?:diathesis|disorders?|tendency)|coagulopath(?:y|ies)|hemorrhagic\s+diathesis", ("bleeding", "coagulopath", "diathesis")),
    ("diabetes", r"diabetes(?:\s+mellitus)?", ("diabet",)),
    ("peripheral_vascular_disease", r"peripheral\s+(?:arterial\s+|vascular\s+)(?:disease|occlusive\s+disease)", ("peripheral",)),
    ("psychiatric_illness", r"psychiatric\s+(?:illness(?:es)?|disorders?|conditions?|diseases?)|mental\s+(?:illness|disorders?)|psychosis|psychoses", ("psych", "mental")),
    ("substance_abuse", r"(?:alcohol|drug|substance)\s+(?:abuse|dependence|addiction)|(?:alcoholism|drug\s+addiction)", ("abuse", "depend", "addict", "alcoholism")),
    ("malabsorption", r"malabsorption(?:\s+syndrome)?|(?:impair\w*|alter\w*|affect\w*)\s+(?:the\s+)?(?:\w+\s+){0,2}absorption", ("absorption",)),
    ("gi_perforation", r"(?:gastrointestinal|GI|bowel)\s+perforation|abdominal\s+fistula|intra-?abdominal\s+abscess|perforation", ("perforation", "fistula", "abscess")),
    ("nonhealing_wound", r"non-?healing\s+(?:wound|ulcer)s?|(?:wound\s+dehiscence)", ("healing", "dehiscence")),
    ("peptic_ulcer", r"peptic\s+ulcer(?:\s+disease)?|gastric\s+ulcers?|duodenal\s+ulcers?", ("ulcer",)),
    ("pleural_effusion", r"(?:pleural|pericardial)(?:\s*(?:/|or|and)\s*(?:pleural|pericardial))?\s+effusions?", ("effusion",)),
    ("inflammatory_bowel_disease", r"inflammatory\s+bowel\s+disease|\bIBD\b|crohn'?s(?:\s+disease)?|ulcerative\s+colitis", ("inflammatory bowel", "ibd", "crohn", "colitis")),
    ("bowel_obstruction", r"(?:bowel|intestinal)\s+obstruction", ("obstruction",)),
    ("cyp3a4_modulator", r"(?:strong|potent|moderate)?\s*(?:CYP3A4?|cytochrome\s+P450\s+3A4?)\s+(?:inhibitors?|inducers?)(?:\s+(?:or|and|and/or)\s+(?:inhibitors?|inducers?))?|(?:inhibitors?|inducers?)\s+of\s+(?:CYP3A4?|cytochrome\s+P450\s+3A4?)", ("cyp3a", "p450")),
    ("live_vaccine", r"live(?:\s+|-)(?:attenuated\s+)?(?:virus\s+)?vaccin\w*", ("vaccin",)),
    ("growth_factor", r"(?:granulocyte(?:[\s-]+macrophage)?\s+)?colony[\s-]+stimulating\s+factors?(?:\s*\(\s*G(?:M)?-?CSF\s*\))?|(?:hematopoietic\s+)?growth\s+factors?|\bG-?CSF\b|\bGM-?CSF\b|filgrastim|pegfilgrastim|erythropoietin|epoetin", ("growth factor", "csf", "filgrastim", "erythropoietin", "epoetin")),
    ("traumatic_injury", r"(?:significant\s+)?traumatic\s+injur(?:y|ies)|major\s+trauma", ("trauma",)),
    ("coronary_artery_disease", r"coronary\s+(?:artery|heart)\s+disease|\bCAD\b|ischemic\s+heart\s+disease", ("coronary", "cad", "ischemic heart")),
    ("ascites", r"\bascites\b", ("ascites",)),
    ("long_qt_syndrome", r"(?:congenital\s+)?long\s+QT(?:\s+interval)?\s+syndrome|familial\s+long\s+QT", ("long qt",)),
    ("anticancer_therapy", r"(?:anti-?cancer|anti-?tumou?r|anti-?neoplastic|cancer-directed)\s+(?:therap(?:y|ies)|treatments?|agents?|drugs?)|systemic\s+(?:anti-?cancer\s+)?(?:therapy|treatment)\s+for\s+(?:the\s+)?(?:cancer|malignancy)", ("cancer", "tumo", "neoplastic")),
)
_ASKED_HISTORY = re.compile(r"\b(?:received|receiving|prior|previous(?:ly)?|history\s+of|treated\s+with|had|have\s+had|undergone|underwent|no|any|concurrent|concomitant|since|without|known)\b(?:\W+\w+){0,4}\W*$", I)
_WINDOW_NEAR = re.compile(r"\b(?:within|since|at\s+least|≥|>)\s*(?:the\s+)?(?:last\s+|past\s+)?\d+\s*(?:days?|weeks?|months?|years?)", I)
_MEASURABLE = re.compile(r"(?<![-\w])measurable\s+(?:disease|lesions?|tumou?rs?|target\s+lesions?)(?:\s+(?:per|by|according\s+to|as\s+defined\s+by)\s+(?:the\s+)?(?:RECIST|Response\s+Evaluation\s+Criteria\s+in\s+Solid\s+Tumou?rs)(?:\s*\(RECIST\))?(?:\s*(?:v(?:ersion)?\s*)?1\.[01])?)?", I)
_CAUSED_BY = re.compile(r"(?:caused\s+by|related\s+to|associated\s+with|attributed\s+to|due\s+to|induced\s+by|secondary\s+to|toxicit\w*\s+(?:of|from)|effects?\s+of|recovered\s+from|response\s+to)\s+(?:\w+\s+){0,3}$", I)
_NEG_BEFORE = re.compile(r"\b(?:not|no|without|never)\b(?:\W+\w+){0,3}\W*$", I)
_CANCERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("breast_cancer", r"(?:carcinoma|adenocarcinoma|cancer)\s+of\s+the\s+breast|breast\s+(?:cancer|carcinoma|adenocarcinoma|tumou?r)s?", ("breast",)),
    ("prostate_cancer", r"(?:carcinoma|adenocarcinoma|cancer)\s+of\s+the\s+prostate|prostate\s+(?:cancer|carcinoma|adenocarcinoma)|prostatic\s+(?:carcinoma|adenocarcinoma)", ("prostat",)),
    ("nsclc", r"non-?\s*small[\s-]+cell\s+lung\s+(?:cancer|carcinoma)|\bNSCLC\b", ("small", "nsclc")),
    ("sclc", r"(?<!non-)(?<!non )(?<!non)small[\s-]+cell\s+lung\s+(?:cancer|carcinoma)|\bSCLC\b", ("small", "sclc")),
    ("lung_cancer", r"lung\s+(?:cancer|carcinoma|adenocarcinoma)", ("lung",)),
    ("colorectal_cancer", r"(?:colorectal|colon|rectal)\s+(?:cancer|carcinoma|adenocarcinoma)|(?:carcinoma|adenocarcinoma|cancer)\s+of\s+the\s+(?:colon|rectum)", ("colo", "rect")),
    ("ovarian_cancer", r"ovarian\s+(?:cancer|carcinoma|epithelial\s+cancer)|(?:carcinoma|cancer)\s+of\s+the\s+ovary", ("ovar",)),
    ("pancreatic_cancer", r"pancreatic\s+(?:cancer|carcinoma|adenocarcinoma|ductal\s+adenocarcinoma)|(?:carcinoma|adenocarcinoma|cancer)\s+of\s+the\s+pancreas", ("pancrea",)),
    ("melanoma", r"(?<!non-)(?<!non)\bmelanoma", ("melanoma",)),
    ("glioma", r"\bgliomas?\b|glioblastoma(?:\s+multiforme)?|\bGBM\b|astrocytoma", ("glio", "gbm", "astrocyt")),
    ("lymphoma", r"(?:non-?\s*)?Hodgkin'?s?\s+disease|(?:non-?\s*Hodgkin'?s?|Hodgkin'?s?|B-cell|T-cell|follicular|mantle\s+cell|diffuse\s+large\s+B-cell)?\s*lymphomas?\b|\bNHL\b|\bDLBCL\b", ("lymphoma", "nhl", "dlbcl", "hodgkin")),
    ("multiple_myeloma", r"multiple\s+myeloma|plasma\s+cell\s+myeloma", ("myeloma",)),
    ("mds", r"myelodysplastic\s+syndromes?|\bMDS\b", ("myelodysplastic", "mds")),
    ("cll", r"chronic\s+lymphocytic\s+leukemia|\bCLL\b", ("chronic lymphocytic", "cll")),
    ("cml", r"chronic\s+myel(?:oid|ogenous)\s+leukemia|\bCML\b", ("chronic myel", "cml")),
    ("solid_tumor", r"(?:advanced\s+|metastatic\s+)?solid\s+(?:tumou?rs?|malignanc(?:y|ies)|neoplasms?)", ("solid",)),
    ("metastatic_disease", r"\bmetastatic\s+(?:disease|cancer)|\bstage\s+IV\b|distant\s+metastas[ie]s", ("metasta", "stage")),
)
_CANCER_RES = tuple((c, re.compile(p, I), gate) for c, p, gate in _CANCERS)
_LIST_JOIN = re.compile(r"^\s*(?:,\s*)?(?:or|and|and/or|/|,)\s*(?:[\w-]+\s+){0,2}$", I)
_HISTORY_RES = tuple((c, re.compile(p, I), gate) for c, p, gate in _HISTORY)
_REFERENCE_POINT = re.compile(r"(?:prior\s+to|before|start\s+of|initiation\s+of|until|after|following|during)\s+(?:the\s+)?(?:first\s+|last\s+)?(?:dose\s+of\s+)?(?:study\s+|protocol\s+|planned\s+|preconditioning\s+|lymphodepleting\s+|conditioning\s+|induction\s+)?$", I)
_NAMED_INFECTION = re.compile(r"(?:HBV|HCV|HIV|hepatitis(?:\s+[BC])?|virus|viral|HPV|EBV|CMV|COVID(?:-19)?|SARS-CoV-2|syphilis|tuberculosis|TB)\W*(?:\w+\W+){0,2}$", I)
_THERAPY_GATES = {
    "car_nk": ("car", "chimeric"), "car_t": ("car", "chimeric"), "allo_hsct": ("allo",), "auto_hsct": ("auto", "asct"),
    "hsct": ("hsct", "hct", "sct", "bmt", "transplant"),
}
_DIAG_GATES = {
    "apl": ("promyelocytic", "apl", "15", "pml"), "b_all": ("all", "lymphoblastic"), "t_all": ("all", "lymphoblastic"),
    "aml": ("myelo", "aml", "anll", "lymphocytic"), "all": ("all", "lympho"), "acute_leukemia": ("leukemi",),
}
_THERAPY_RES = tuple((c, re.compile(p, I)) for c, p in _THERAPIES)
_WINDOW = re.compile(
    r"(?P<kind>within|in\s+the\s+(?:last|past|previous)|during\s+the\s+(?:last|past)|in\s+the|within\s+the\s+(?:last|past)|(?:≤|<)|at\s+least|≥|>)\s*(?:the\s+)?(?:last\s+|past\s+)?(?P<n>\d+(?:\.\d+)?)?\s*(?P<unit>days?|weeks?|months?|years?|hours?)\b(?:\s+intervals?)?(?:\s*(?:before|prior\s+to|of|since|from|preceding|after))?",
    I,
)


def _window(m: re.Match[str]) -> tuple[Op, Window] | None:
    unit = m.group("unit").lower().rstrip("s")
    if unit == "hour":
        amount = float(m.group("n") or 1) / 24
        unit = "day"
    else:
        amount = float(m.group("n") or 1)
    kind = m.group("kind").lower()
    window = Window(amount=amount, unit=unit + "s")
    if kind.startswith("at least") or kind in ("≥", ">"):
        return Op.NOT_WITHIN, window
    return Op.WITHIN, window


def _event_items(text: str, ctype: CriterionType) -> list[_Item]:
    items: list[_Item] = []

    def free(a: int, b: int) -> bool:
        return all(b <= it.start or a >= it.end for it in items)

    low = text.lower()
    for m in _IEMR.finditer(text) if "extramedullary" in low else ():
        items.append(_Item(m.start(), m.end(), _p("isolated_extramedullary_relapse", Op.PRESENT), frozenset({"isolated_extramedullary_relapse"})))
    for m in _EMD.finditer(text) if "extramedullary" in low else ():
        if free(m.start(), m.end()):
            items.append(_Item(m.start(), m.end(), _p("extramedullary_disease", Op.PRESENT), frozenset({"extramedullary_disease"})))
    for m in _CNS.finditer(text) if ("cns" in low or "central" in low or "mening" in low or "leukemic" in low) else ():
        if free(m.start(), m.end()) and "metasta" not in m.group(0).lower():
            items.append(_Item(m.start(), m.end(), _p("cns_involvement", Op.PRESENT), frozenset({"cns_involvement"})))
    upper_ratio = sum(ch.isupper() for ch in text) / max(1, sum(ch.isalpha() for ch in text)) if "ALL" in text else 0.0
    for concept, pattern in _DIAG_RES:
        if concept == "all" and upper_ratio > 0.5:
            continue
        if not any(w in low for w in _DIAG_GATES[concept]):
            continue
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                items.append(_Item(m.start(), m.end(), _p(concept, Op.PRESENT), frozenset({concept})))
    leukemia_context = any(it.concepts & {"apl", "aml", "all", "b_all", "t_all", "acute_leukemia"} for it in items) or re.search(r"leukemi", text, I)
    for m in _STATUS.finditer(text) if ("relaps" in low or "refractory" in low or "recurren" in low or "r/r" in low) else ():
        if not free(m.start(), m.end()):
            continue
        if not leukemia_context and not re.search(r"\b(?:disease|leukemi|lymphoma|myeloma|cancer|NSCLC|tumou?r|malignan)", text[max(0, m.start() - 40): m.end() + 40], I):
            continue
        if re.search(r"\b(?:hypertension|angina|arrhythmi|ascites|effusion|hypercalc|infection|seizure)", text[m.end(): m.end() + 30], I):
            continue
        if m.group("rr"):
            expr: Expr = _any([_p("relapsed", Op.PRESENT), _p("refractory", Op.PRESENT)])
            concepts = frozenset({"relapsed", "refractory"})
        elif m.group("rel"):
            expr, concepts = _p("relapsed", Op.PRESENT), frozenset({"relapsed"})
        else:
            expr, concepts = _p("refractory", Op.PRESENT), frozenset({"refractory"})
        items.append(_Item(m.start(), m.end(), expr, concepts))
    for m in _ANTIGEN.finditer(text) if "cd" in low else ():
        if not free(m.start(), m.end()):
            continue
        res = (m.group("res") or "+").lower()
        value = "negative" if re.match(_NEG, res, I) else "positive"
        cds = [c.lower().replace(" ", "") for c in re.findall(r"CD\d+", m.group("cds"), I)]
        preds = [_p(c, Op.IS, value) for c in dict.fromkeys(cds)]
        joined = _all(preds) if re.search(r"\band\b", m.group("cds"), I) else _any(preds)
        items.append(_Item(m.start(), m.end(), joined, frozenset(cds)))
    for m in _GVHD.finditer(text) if ("gvhd" in low or "host" in low) else ():
        if free(m.start(), m.end()) and not re.search(r"anti-?\s*$", text[max(0, m.start() - 5): m.start()], I):
            items.append(_Item(m.start(), m.end(), _p("gvhd", Op.PRESENT), frozenset({"gvhd"})))
    for m in _HF.finditer(text) if ("heart" in low or "chf" in low) else ():
        if free(m.start(), m.end()):
            items.append(_Item(m.start(), m.end(), _p("heart_failure", Op.PRESENT), frozenset({"heart_failure"})))
    for concept, pattern in _THERAPY_RES:
        if not any(w in low for w in _THERAPY_GATES[concept]):
            continue
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                if concept in ("allo_hsct", "hsct", "auto_hsct") and re.search(r"organ", text[max(0, m.start() - 25): m.start()], I):
                    continue
                if re.search(r"(?:prior\s+to|before|after|until|following|since|of)\s+(?:the\s+)?(?:first\s+|last\s+)?$", text[max(0, m.start() - 25): m.start()], I) and re.match(
                    r"[\w\s-]{0,15}?\b(?:infusion|administration|reinfusion|treatment|dosing)", text[m.end(): m.end() + 25], I
                ):
                    items.append(_Item(m.start(), m.end(), None, frozenset()))
                    continue
                items.append(_Item(m.start(), m.end(), _p(concept, Op.PRESENT), frozenset({concept})))
    negated_items: list[_Item] = []
    for m in _MEASURABLE.finditer(text) if "measurable" in low else ():
        if free(m.start(), m.end()) and not re.search(r"\b(?:not|non)[\s-]*$", text[max(0, m.start() - 6): m.start()], I):
            items.append(_Item(m.start(), m.end(), _p("measurable_disease", Op.IS, "positive"), frozenset({"measurable_disease"})))
    for concept, pattern, gate in _CANCER_RES:
        if not any(w in low for w in gate):
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            before = text[max(0, m.start() - 40): m.start()]
            if re.search(r"(?:other|another|second|prior|previous|history\s+of)\s+(?:\w+\s+){0,2}$", before, I) or _CAUSED_BY.search(before):
                continue  # another cancer: other_malignancy reads it
            items.append(_Item(m.start(), m.end(), _p(concept, Op.PRESENT), frozenset({concept})))
    for concept, pattern, gate in _HISTORY_RES:
        if not any(w in low for w in gate):
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            before = text[max(0, m.start() - 40): m.start()]
            if _REFERENCE_POINT.search(before):  # "within 4 weeks before the start of chemotherapy"
                items.append(_Item(m.start(), m.end(), None, frozenset()))
                continue
            if _CAUSED_BY.search(before):  # "toxicity caused by previous therapy": the subject is another
                items.append(_Item(m.start(), m.end(), None, frozenset()))
                continue
            if concept == "active_infection" and _NAMED_INFECTION.search(before):
                continue
            if ctype is CriterionType.INCLUSION and not _ASKED_HISTORY.search(before) and not _WINDOW_NEAR.search(text[max(0, m.start() - 60): m.end() + 60]):
                continue  # "poor response to conventional chemotherapy": named, not asked for
            if concept == "radiotherapy" and re.match(r"\s*(?:pneumonitis|induced|recall|dermatitis|fibrosis|exposure)", text[m.end():], I):
                continue
            item = _Item(m.start(), m.end(), _p(concept, Op.PRESENT), frozenset({concept}))
            if _NEG_BEFORE.search(re.split(r"[,;:]|\band\b|\bor\b", before)[-1]) and not _NEGATED.match(text):
                negated_items.append(item)  # "... and not treated with G-CSF within 7 days"
            items.append(item)
    # time windows attach to the nearest event before them (else the next one after)
    windowed_concepts: dict[str, Predicate] = {}
    events = sorted((it for it in items if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT), key=lambda it: it.start)
    for w in _WINDOW.finditer(text) if events else ():
        if w.group("n") is None and not re.match(r"within|in\s+the", w.group("kind"), I):
            continue
        if re.match(r"[≤<≥>]|at\s+least", w.group("kind"), I) and not re.search(r"before|prior|since|from|of|after", w.group(0), I):
            continue
        if re.search(r"\bafter\b", w.group(0), I):
            continue
        before = [e for e in events if e.end <= w.start() and not re.search(r"[;]", text[e.end: w.start()]) and w.start() - e.end < 80]
        after = [e for e in events if e.start >= w.end() and e.start - w.end() < 60 and not re.search(r"[;,]", text[w.end(): e.start])]
        target = before[-1] if before else (after[0] if after else None)
        if target is None or target.expr.window is not None:  # type: ignore[union-attr]
            continue
        op, window = _window(w)
        pred = target.expr
        assert isinstance(pred, Predicate)
        target.expr = _p(pred.concept, op, None, None, False, window)
        # "chemotherapy or targeted therapy within 28 days": the window holds for the whole list
        chain = [e for e in events if e.end <= target.start]
        right = target
        for left in reversed(chain):
            if not _LIST_JOIN.match(text[left.end: right.start]) or left.expr.window is not None:  # type: ignore[union-attr]
                break
            left.expr = _p(left.expr.concept, op, None, None, False, window)  # type: ignore[union-attr]
            right = left
        target.end = max(target.end, w.end()) if w.start() >= target.end else target.end
        target.start = min(target.start, w.start())
    # one concept named twice in a clause ("steroid therapy ... of prednisone within 48 hours"):
    # the window read for one holds for every mention
    for it in items:
        if isinstance(it.expr, Predicate) and it.expr.window is not None and it.expr.concept not in windowed_concepts:
            windowed_concepts[it.expr.concept] = it.expr
    for it in items:
        if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT and it.expr.concept in windowed_concepts:
            it.expr = windowed_concepts[it.expr.concept]
    for it in negated_items:
        it.expr = Not(it.expr)  # type: ignore[arg-type]
    return items


# ------------------------------------------------------------------------------- the residue
_CONSENT = re.compile(
    r"\b(?:consent|assent|willing|willingness|agree[sd]?|agreement|comply|compliance|compliant|able\s+to\s+(?:understand|follow|swallow)|"
    r"contracepti\w*|birth\s+control|abstinen\w*|sign(?:ed|ing)?\b|voluntar\w*|cooperat\w*|follow-?up\s+visits?|sperm|semen)",
    I,
)
_JUDGEMENT = re.compile(
    r"\b(?:investigator|physician|doctor|researcher|judg(?:e?ment|ed)|opinion|discretion|deemed|considered|determined\s+by|"
    r"clinically\s+(?:significant|relevant|stable|insignificant)|significant|severe|serious|uncontrolled|unstable|adequate|sufficient|"
    r"suitable|unsuitable|appropriate|good|normal|abnormal|active|acute|uncontrollable|major|risk|interfere|safety|candidate)\b",
    I,
)
_UNSUPPORTED = re.compile(
    r"\b(?:cancer|carcinoma|tumou?rs?|malignan\w*|metasta\w*|NSCLC|SCLC|lymphoma|myeloma|MDS|myelodysplastic|CML|CLL|sarcoma|melanoma|"
    r"chemotherapy|radiotherapy|radiation|irradiation|surgery|surgical|resection|immunotherapy|inhibitors?|antibod(?:y|ies)|therap(?:y|ies)|"
    r"treatment|drugs?|agents?|steroids?|corticosteroids?|prednisone|immunosuppress\w*|vaccin\w*|transfusion|G-CSF|"
    r"EGFR|ALK|ROS1|KRAS|BRAF|PD-?L?1|HER2|mutation|rearrangement|stage|RECIST|lesions?|measurable|histolog\w*|cytolog\w*|biopsy|"
    r"infections?|tuberculosis|fungal|bacterial|viral|autoimmune|immunodeficiency|allerg\w*|hypersensitivity|anaphylaxis|"
    r"seizures?|stroke|dementia|psychiatric|neuropathy|cardiac|cardiovascular|myocardial|angina|arrhythmi\w*|QTc?|hypertension|"
    r"thrombo\w*|embolism|bleeding|hemorrhage|pneumonitis|interstitial|pulmonary|lung|DLCO|FEV1?|renal|hepatic|liver|kidney|"
    r"calcium|potassium|magnesium|albumin|lipase|amylase|phosphatase|APTT|PTT|fibrinogen|proteinuria|urine|glucose|HbA1c|"
    r"toxicit\w*|CTCAE|grade|alcohol|substance|transplant\w*|organ|trial|investigational|study|gilbert\w*|HBcAb|TB|diabetes|"
    r"coagulation|DIC|disseminated|dyspnea|oxygen|ECG|echocardiograph\w*|MUGA|weight|BMI|pain|life|survival|remission|MRD|blasts?|"
    r"fertile|childbearing|potential|menopaus\w*|sterili\w*|gender|race|ethnic\w*)\b",
    I,
)
_STOP = frozenset(
    """a an the and or of in on at to for by with without as is are was were be been being must should shall will would can could may
    might has have had having who which that this these those than then there their his her its it they them he she him
    patients patient subjects subject participants participant person persons people individuals women woman men man male female
    males females any all each every other others such following least more less than within prior previous previously
    before after during since from into per via also only both either neither nor not no yes including include includes included
    e.g i.e eg ie etc defined definition define according criteria criterion requirements requirement meet meets met following
    diagnosed diagnosis diagnostic confirmed documented known history presence present evidence level levels count counts value values
    serum plasma blood total test tests result results time times screening enrollment enrolment registration randomization
    randomisation study entry baseline first dose day days week weeks month months year years old age aged over under above below
    up using use used via based case cases status score scores points point grade class function functions organ organs system
    adequate normal range limit limits upper lower show shows showed showing demonstrate demonstrated currently current ongoing
    condition conditions disease diseases diagnosed state states note one two three four five six seven eight nine ten
    per cent percent inclusive exclusive respectively where when if whose what how about into again same well due
    received receiving treated undergone underwent active infection infections infected meet leukemia leukemic
    according accordance who world health organization classification guidelines guideline version edition confirmed
    flow cytometry immunohistochemistry cell cells since ecog standard ability able mg dl ml min kg mmol umol l g u x uln lln na eligible eligibility criteria trial
    requiring needing""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 1]


def _reason(text: str) -> ReviewReason:
    if _CONSENT.search(text):
        return ReviewReason.CONSENT
    if re.search(r"\b(?:investigator|physician|judg(?:e?ment|ed)|opinion|discretion|deemed|clinically\s+significant)\b", text, I):
        return ReviewReason.JUDGEMENT
    if _UNSUPPORTED.search(text):
        return ReviewReason.UNSUPPORTED_CONCEPT
    if _JUDGEMENT.search(text):
        return ReviewReason.JUDGEMENT
    return ReviewReason.UNPARSED


# ------------------------------------------------------------------------------------ clauses
_CLAUSE_SPLIT = re.compile(
    r";|(?<=[a-z0-9)%\]])\.\s+(?=[A-Z(])|\s(?=\(\d{1,2}\)\s*[A-Za-z])|\s(?=\d{1,2}\)\s*[A-Za-z])|\s(?=[a-h]\)\s*[A-Za-z])|\s(?=[a-h]\.\s?[A-Z])"
)
_EXCEPTION = re.compile(
    r"\(\s*not\s+[^()]*(?:\([^()]*\)[^()]*)?\)"
    r"|\([^()]*\b(?:is|are)\s+(?:also\s+)?(?:acceptable|allowed|permitted|eligible)\b[^()]*\)"
    r"|\(\s*(?:except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|but\s+not)\b[^()]*\)"
    r"|,?\s*\b(?:except(?:\s+for|\s+(?:if|when|in))?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|but\s+not(?!\s+limited)(?:\s+including)?|not\s+including)\b[^;]*",
    I,
)
_EXEMPT_PERSON = re.compile(r"^\W*(?:[^()]*\b(?:acceptable|allowed|permitted|eligible)\b)|^\W*(?:except(?:\s+for)?|excluding|unless|other\s+than)?\s*(?:for\s+)?(?:in\s+)?(?:subjects?|patients?|participants?|those|women|men|if|when|in\s+case)\b", I)
_WIDENING_CLAUSE = re.compile(
    r"\b(?:(?:can|could|may|will|would)\s+(?:also\s+)?be\s+(?:enrolled|included|eligible|allowed|permitted|considered)|"
    r"(?:is|are)\s+(?:also\s+)?(?:acceptable|allowed|permitted|eligible)|(?:is|are)\s+not\s+(?:excluded|required)|"
    r"will\s+be\s+allowed|permitted\s+if|allowed\s+if|acceptable\s+if)\b",
    I,
)
_NEGATED = re.compile(
    r"^\W*(?:there\s+(?:is|are|was|were|must\s+be|should\s+be)\s+)?(?:(?:patients?|subjects?)\s+(?:must\s+have\s+|with\s+|have\s+)?)?(?:no|not|without|absence\s+of|free\s+of|never|negative\s+for|non-?existence\s+of)\b(?!\s+(?:more|less|greater|fewer|later|earlier|sooner)\b)",
    I,
)
_OR = re.compile(r"\b(?:or|either|and/or)\b|/", I)
_SLASH_WORDS = re.compile(r"[A-Za-z]{3,}\s*/|/\s*[A-Za-z]{3,}")  # "complex/refractory": the slash joins a word, not the items
_AND = re.compile(r"\b(?:and|plus|with|had|has)\b|\bas\s+well\s+as\b", I)


def _extract(text: str, ctype: CriterionType) -> list[_Item]:
    found: list[_Item] = []
    for items in (
        _age_items(text, ctype),
        _sex_items(text),
        _perf_items(text),
        _nyha_items(text, ctype),
        _lab_items(text, ctype),
        _pregnancy_items(text, ctype),
        _infection_items(text),
        _event_items(text, ctype),
    ):
        for item in items:
            if all(item.end <= f.start or item.start >= f.end for f in found):
                found.append(item)
    found.sort(key=lambda it: it.start)
    return found


@dataclass
class _Clause:
    expr: Expr | None  # the structured part, None when nothing was recognised
    residue: list[tuple[str, bool]]  # (words, qualifies an item in the same segment)
    exceptions: list[str]
    concepts: frozenset[str]


_QUALIFIER = re.compile(r"\s*(?:requiring|which|that|who|needing|needed|treated|under|on|receiving|with\s+(?:grade|active|uncontrolled)|in\s+need)\b", I)


def _segments(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r",|;|\bor\b|\band\b|\(|\)", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _combine(items: list[_Item], text: str, ctype: CriterionType) -> Expr | None:
    exprs = [it for it in items if it.expr is not None]
    if not exprs:
        return None
    if len(exprs) == 1:
        return exprs[0].expr
    connectors = [text[a.end: b.start] for a, b in zip(exprs, exprs[1:])]
    default_or = ctype is CriterionType.EXCLUSION
    kinds = []
    for c in connectors:
        if _OR.search(c.replace("/", " ") if _SLASH_WORDS.search(c) else c):
            kinds.append("or")
        elif re.search(r"\band\b|\bwith\b|\bhad\b|\bplus\b|\brequir\w*|\bneed\w*|\btreated\s+with\b|\breceiving\b|\bon\b|\bunder\b|^\s*for\s*$", c, I):
            kinds.append("and")
        else:
            kinds.append("or" if default_or else "and")
    if "or" in kinds and "and" in kinds and any(re.search(r"\bor\b|\beither\b", c, I) for c in connectors) and not any(
        re.search(r"\band\b", c, I) for c in connectors
    ):
        kinds = ["or"] * len(kinds)  # "A, B, or C"
    groups: list[list[Expr]] = [[exprs[0].expr]]  # type: ignore[list-item]
    for kind, item in zip(kinds, exprs[1:]):
        if kind == "or":
            groups[-1].append(item.expr)  # type: ignore[arg-type]
        else:
            groups.append([item.expr])  # type: ignore[list-item]
    return _all([_any(g) for g in groups])


def _parse_clause(text: str, ctype: CriterionType) -> _Clause:
    exceptions: list[str] = []
    main = text
    for m in _EXCEPTION.finditer(text):
        exceptions.append(m.group(0).strip(" ,()"))
    if exceptions:
        main = _EXCEPTION.sub(lambda m: " " * len(m.group(0)), text)
    items = _extract(main, ctype)
    expr = _combine(items, main, ctype)
    masked = list(main)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
    masked_text = "".join(masked)
    residue: list[tuple[str, bool]] = []
    for a, b in _segments(main):
        words = _content_words(masked_text[a:b])
        if not words:
            continue
        qualifies = any(not (it.end <= a or it.start >= b) for it in items) or bool(
            _QUALIFIER.match(masked_text[a:b]) and any(it.end <= a for it in items)
        )
        residue.append((masked_text[a:b].strip(" ,.:"), qualifies))
    concepts = frozenset().union(*(it.concepts for it in items)) if items else frozenset()
    return _Clause(expr, residue, exceptions, concepts)


def _residue_text(residue: list[tuple[str, bool]]) -> str:
    return " … ".join(" ".join(r.split()) for r, _ in residue)


def _exception_expr(exc: str, ctype: CriterionType) -> tuple[Expr, bool]:
    """(the exception's expression, whether it exempts a person rather than excepting a thing)."""
    person = bool(_EXEMPT_PERSON.match(exc))
    body = re.sub(r"^\W*not\b", "", exc, flags=I) if re.match(r"^\W*not\b", exc, I) else exc
    body = re.sub(r"^\W*(?:except(?:\s+for|\s+if|\s+when|\s+in)?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|but\s+not(?:\s+including)?|not\s+including)\b", "", body, flags=I)
    items = _extract(body, ctype)
    expr = _combine(items, body, CriterionType.EXCLUSION)
    masked = list(body)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
    leftover = _content_words("".join(masked))
    if expr is None:
        return Review(_reason(exc) if _reason(exc) is not ReviewReason.UNPARSED else ReviewReason.JUDGEMENT, exc), person
    if leftover:
        expr = _all([expr, Review(_reason(" ".join(leftover)), exc)])
    return expr, person


def _clause_expr(clause: _Clause, ctype: CriterionType, negated: bool) -> Expr | None:
    if clause.expr is None and not clause.residue:
        return None
    parts: list[Expr] = []
    expr = clause.expr
    if expr is not None:
        qualifiers = [r for r, q in clause.residue if q]
        others = [r for r, q in clause.residue if not q]
        if qualifiers:
            text = " … ".join(" ".join(r.split()) for r in qualifiers)
            expr = _all([expr, Review(_reason(text), text)])
        if others:
            text = " … ".join(" ".join(r.split()) for r in others)
            review = Review(_reason(text), text)
            if negated:
                expr = _any([expr, review])  # Not(...) below turns it into a further requirement
            elif ctype is CriterionType.INCLUSION:
                expr = _all([expr, review])
            else:
                expr = _any([expr, review])
    else:
        text = _residue_text(clause.residue)
        expr = Review(_reason(text), text)
    if negated and clause.expr is not None:
        expr = Not(expr)
    for exc in clause.exceptions:
        exc_expr, person = _exception_expr(exc, ctype)
        if ctype is CriterionType.INCLUSION and person:
            expr = _any([expr, exc_expr])
        elif isinstance(exc_expr, Review):
            expr = _all([expr, exc_expr]) if ctype is CriterionType.EXCLUSION or not person else _any([expr, exc_expr])
        else:
            expr = _all([expr, Not(exc_expr)])
    parts.append(expr)
    return parts[0]


def _attach_widening(expr: Expr, clause_text: str, ctype: CriterionType) -> Expr:
    """A sentence such as "patients with X can be enrolled if Y": an exclusion then no longer
    applies where X and Y hold, an inclusion also holds there."""
    items = _extract(clause_text, ctype)
    structured = _combine(items, clause_text, CriterionType.INCLUSION)
    masked = list(clause_text)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
    leftover = [w for w in _content_words("".join(masked)) if not _WIDENING_CLAUSE.search(w)]
    leftover = [w for w in leftover if w.lower() not in {"enrolled", "included", "acceptable", "allowed", "permitted", "eligible", "considered", "also", "serologically", "pcr", "tests", "latent"}]
    if structured is None:
        exc: Expr = Review(_reason(clause_text), clause_text)
    elif leftover:
        exc = _all([structured, Review(_reason(" ".join(leftover)), clause_text)])
    else:
        exc = structured
    if ctype is CriterionType.INCLUSION:
        return _any([expr, exc])
    if isinstance(exc, Review):
        return _all([expr, exc])
    # attach to the branch that shares a concept with the exception, else to the whole line
    shared = {_FAMILY.get(p.concept, p.concept) for it in items for p in _preds(it.expr)}
    if isinstance(expr, Any_):
        hits = [i for i, part in enumerate(expr.parts) if shared & {_FAMILY.get(p.concept, p.concept) for p in _preds(part)}]
        if hits:
            parts = list(expr.parts)
            for i in hits:
                parts[i] = _all([parts[i], Not(exc)])
            return Any_(tuple(parts))
    return _all([expr, Not(exc)])


_FAMILY = {"hbsag": "hbv", "hbv_dna": "hbv", "hbcab": "hbv", "hcv_antibody": "hcv", "hcv_rna": "hcv", "hiv_test": "hiv"}


def _preds(expr: Expr | None) -> list[Predicate]:
    if expr is None:
        return []
    if isinstance(expr, Predicate):
        return [expr]
    if isinstance(expr, (All, Any_)):
        return [p for part in expr.parts for p in _preds(part)]
    if isinstance(expr, Not):
        return _preds(expr.part)
    return []


_PHASED_AGE = re.compile(r"\bphase\b|\bcohort\b|\bpart\s+[A-D12]\b|\barm\b", I)


def _phased_age(expr: Expr, text: str) -> Expr:
    """Several lower age bounds for different study phases or cohorts: the highest bound meets
    every phase's; between the lowest and the highest it depends on the phase (review)."""
    bounds = [p for p in _preds(expr) if p.concept == "age" and p.op in (Op.GTE, Op.GT)]
    if len(bounds) < 2 or not _PHASED_AGE.search(text) or len({b.unit for b in bounds}) != 1:
        return expr
    others = [p for p in (expr.parts if isinstance(expr, All) else (expr,)) if not (isinstance(p, Predicate) and p in bounds)]
    strictest = max(bounds, key=lambda b: b.value)
    loosest = min(bounds, key=lambda b: b.value)
    phased = _any([strictest, _all([loosest, Review(ReviewReason.AMBIGUOUS, "the age bound differs by study phase: " + text)])])
    return _all([phased, *[o for o in others if not isinstance(o, Review)]]) if others else phased


def _split_clauses(text: str) -> list[str]:
    """Cut at ";", sentence ends and inline enumerations, never inside parentheses."""
    depth, cuts = 0, []
    opens = {i for i, ch in enumerate(text) if ch == "("}
    closes = {i for i, ch in enumerate(text) if ch == ")"}
    inside = [0] * (len(text) + 1)
    for i in range(len(text)):
        if i in opens:
            depth += 1
        elif i in closes and depth:
            depth -= 1
        inside[i + 1] = depth
    for m in _CLAUSE_SPLIT.finditer(text):
        if inside[m.start()] == 0 or (m.group(0).strip() == "" and inside[m.start()] == 0):
            cuts.append((m.start(), m.end()))
    out, start = [], 0
    for a, b in cuts:
        out.append(text[start:a])
        start = b
    out.append(text[start:])
    return out


def _to_expr(text: str, ctype: CriterionType) -> Expr:
    norm = normalize(text)
    definition = _DEFINITION_LINE.match(norm)
    if definition:  # "Relapse was defined as ...": how the trial judges a status it asks for elsewhere
        what = definition.group("what").lower()
        term = _p("refractory" if what.startswith("refr") else "relapsed", Op.PRESENT)
        return _any([Not(term), Review(ReviewReason.JUDGEMENT, "the trial's definition: " + norm)])
    clauses = [c.strip(" ,.") for c in _split_clauses(norm)]
    clauses = [c for c in clauses if c]
    if not clauses:
        return Review(_reason(norm), "")
    window = _MEASURE_WINDOW.match(norm)
    if window:
        clauses[0] = _MEASURE_WINDOW.sub("", clauses[0], count=1)
    permission = _permission(clauses, ctype)
    if permission is not None:
        return permission
    exprs: list[Expr] = []
    exprs_text: list[str] = []
    status_seen = False
    in_definition = False  # the rest of the line defines the status it asked for
    definitions: list[str] = []
    any_group: list[Expr] | None = None  # items after "at least one of the following"
    for clause_text in clauses:
        if in_definition or (status_seen and (_DEFINITIONAL.search(clause_text) or (exprs and _LEAD_IN.search(exprs_text[-1])))):
            in_definition = True
            definitions.append(clause_text)
            continue
        if exprs and _WIDENING_CLAUSE.search(_PARENS.sub("", clause_text)):
            if any_group:
                any_group[-1] = _attach_widening(any_group[-1], clause_text, ctype)
            else:
                exprs[-1] = _attach_widening(exprs[-1], clause_text, ctype)
            continue
        if any_group is None and _ONE_OF.search(clause_text) and clause_text.rstrip().endswith(":"):
            any_group = []
            lead = _ONE_OF.split(clause_text)[0]
            lead_clause = _parse_clause(lead, ctype)
            if lead_clause.expr is not None and not _DEFINED_BY_LIST.search(lead):
                exprs.append(lead_clause.expr)
            exprs_text.append(clause_text)
            continue
        negated = bool(_NEGATED.match(clause_text))
        clause = _parse_clause(clause_text, ctype)
        if clause.expr is None and not clause.residue and not clause.exceptions:
            continue
        expr = _clause_expr(clause, ctype, negated)
        if expr is not None:
            if any_group is not None and _ENUMERATED.match(clause_text):
                any_group.append(expr)
                continue
            exprs.append(expr)
            exprs_text.append(clause_text)
            status_seen = status_seen or bool({"relapsed", "refractory"} & {p.concept for p in _preds(expr)})
    if any_group:
        exprs.append(_any(any_group))
    if definitions:
        exprs = [_widen_status(e, " ".join(definitions)) for e in exprs]
    if not exprs:
        return Review(_reason(norm), "")
    structured = [e for e in exprs if not isinstance(e, Review)]
    if not structured:
        reasons = [e.reason for e in exprs if isinstance(e, Review)]
        reason = next((r for r in (ReviewReason.CONSENT, ReviewReason.JUDGEMENT, ReviewReason.UNSUPPORTED_CONCEPT, ReviewReason.AMBIGUOUS) if r in reasons), ReviewReason.UNPARSED)
        return Review(reason, "")
    expr = _all(exprs) if ctype is CriterionType.INCLUSION else _any(exprs)
    expr = _phased_age(expr, norm)
    if window and not _FUTURE_REFERENCE.search(window.group(0)):
        expr = _with_window(expr, Window(float(window.group("n")), window.group("unit").lower().rstrip("s") + "s"))
    return expr


_PARENS = re.compile(r"\([^()]*\)")
_LEAD_IN = re.compile(r":\s*$")
_ONE_OF = re.compile(r"\b(?:at\s+least|any)\s+(?:one\s+)?of\s+the\s+following\b|\b(?:one|1)\s+(?:or\s+more\s+)?of\s+the\s+following\b", I)
_DEFINED_BY_LIST = re.compile(r"\b(?:meets?|meeting|satisf\w+|fulfil\w*|defined\s+(?:as|by))\b", I)  # "Measurable lesions meets at least one of"
_ENUMERATED = re.compile(r"^\W*(?:\(?\d{1,2}\)|[a-h]\)|[a-h]\.)")
# a recency window measured back from the start of treatment: the treatment lies ahead of the
# evaluation date, so the latest value is the evidence and the lab is repeated before dosing
_FUTURE_REFERENCE = re.compile(r"\b(?:treatment|dos(?:e|ing)|infusion|administration|therapy|lymphodepl\w*|conditioning|apheresis|leukapheresis)\b", I)
_PERMISSION = re.compile(
    r"\b(?:(?:may|can|could|will)\s+(?:also\s+)?be\s+(?:included|enrolled|eligible|allowed|permitted|considered)|(?:is|are)\s+(?:also\s+)?(?:allowed|permitted|eligible|acceptable))\b",
    I,
)


def _permission(clauses: list[str], ctype: CriterionType) -> Expr | None:
    """A line that opens by permitting a group ("Patients who have previously received CAR-T
    may be included, provided that ..."): it asks nothing of anyone outside the group, and of
    the group only what the condition says. Inclusion: ``Any_(Not(group), condition)``;
    exclusion: ``All(group, Not(condition))``."""
    first = _PARENS.sub("", clauses[0])
    m = _PERMISSION.search(first)
    if m is None:
        return None
    m = _PERMISSION.search(clauses[0])
    if m is None:
        return None
    subject = clauses[0][: m.start()]
    items = [it for it in _extract(subject, ctype) if it.expr is not None]
    if not items:
        return None
    group = _combine(items, subject, CriterionType.INCLUSION)
    rest = " ".join([clauses[0][m.end():], *clauses[1:]]).strip(" ,.")
    rest = re.sub(r"^\W*(?:in\s+this\s+(?:study|trial))?\W*(?:provided\s+(?:that\s+)?|if\s+|only\s+if\s+|as\s+long\s+as\s+|when\s+)?", "", rest, flags=I)
    condition: Expr = Review(_reason(rest) if rest else ReviewReason.JUDGEMENT, rest or clauses[0])
    assert group is not None
    if ctype is CriterionType.INCLUSION:
        return _any([Not(group), condition])
    return _all([group, Not(condition)])


def _widen_status(expr: Expr, definition: str) -> Expr:
    """A status the line goes on to define by cases: when the cases include the other status
    ("refractory cases: ... 2) recurrence within 6 months"), either status meets it."""
    relapse = bool(re.search(r"\b(?:relaps\w*|recurren\w*)", definition, I))
    refractory = bool(re.search(r"\brefractory\b|\b(?:not|fail\w*\s+to)\s+achieve\w*\s+(?:a\s+)?(?:complete\s+)?(?:remission|CR)\b", definition, I))
    either = _any([_p("relapsed", Op.PRESENT), _p("refractory", Op.PRESENT)])

    def walk(e: Expr) -> Expr:
        if isinstance(e, Predicate) and e.op is Op.PRESENT:
            if (e.concept == "refractory" and relapse) or (e.concept == "relapsed" and refractory):
                return either
            return e
        if isinstance(e, All):
            return _all([walk(p) for p in e.parts])
        if isinstance(e, Any_):
            return _any([walk(p) for p in e.parts])
        if isinstance(e, Not):
            return Not(walk(e.part))
        return e

    return walk(expr)


_MEASURE_WINDOW = re.compile(r"^\W*within\s+(?P<n>\d+)\s*(?P<unit>days?|weeks?)\s+(?:prior\s+to|before)\s+[^,:]{0,60}[,:]\s*", I)
_DEFINITIONAL = re.compile(
    r"\bdefined\s+as\b|\bfollowing\s+situations\b|\bany\s+of\s+the\s+following\b|^\W*(?:[a-h]\)\s*)?(?:relapsed?|refractory)\s*:|^\W*(?:for|or\s+meet\s+the\s+diagnosis\s+of)\s+relapsed",
    I,
)
_DEFINITION_LINE = re.compile(r"^\W*(?P<what>relapsed?|refractory|recurrence)\s+(?:disease\s+)?(?:was|is|are|will\s+be)\s+defined\s+as\b", I)
_MEASUREMENTS = frozenset({"ecog", "karnofsky", "lansky", "nyha", "lvef", "spo2", "bilirubin", "alt", "ast", "creatinine",
                           "creatinine_clearance", "egfr", "anc", "platelets", "hemoglobin", "wbc", "inr", "bm_blasts", "mrd"})


def _with_window(expr: Expr, window: Window) -> Expr:
    """How recent each measurement must be ("within 3 days prior to initial treatment: ...")."""
    if isinstance(expr, Predicate):
        if expr.concept in _MEASUREMENTS and expr.window is None:
            return Predicate(expr.concept, expr.op, expr.value, expr.unit, expr.uln, window, expr.low_inclusive, expr.high_inclusive)
        return expr
    if isinstance(expr, All):
        return All(tuple(_with_window(p, window) for p in expr.parts))
    if isinstance(expr, Any_):
        return Any_(tuple(_with_window(p, window) for p in expr.parts))
    if isinstance(expr, Not):
        return Not(_with_window(expr.part, window))
    return expr


def _applies_if(expr: Expr) -> Expr | None:
    concepts = {p.concept for p in _preds(expr)}
    if concepts & {"pregnancy", "pregnancy_test", "lactation"} and "sex" not in concepts:
        return FEMALE
    return None


_THERAPY_HEADING = re.compile(r"^\s*(?:Chemotherapy|Radiotherapy|Radiation therapy|Surgery|Endocrine therapy|Hormonal therapy|Biologic therapy|Immunotherapy)\s*:?\s*$", I)


def parse_line(text: str, type: CriterionType, parent: int | None = None, context: str = "") -> Criterion:
    """One eligibility line -> a Criterion. ``context`` is the heading it sits under ("Age:"),
    read together with the line ("Under 80" under "Age:" is an age bound)."""
    ctype = CriterionType(type)
    if context and _THERAPY_HEADING.match(context):  # "Chemotherapy:" / "At least 4 weeks since prior"
        reading = f"{text.rstrip(' .;')} {context.strip().rstrip(':').lower()}"
    else:
        reading = f"{context} {text}" if context else text
    expr = _to_expr(reading, ctype)
    if context and isinstance(expr, Review) and reading != text:
        expr = _to_expr(text, ctype)
    return Criterion(type=ctype, text=text, expr=expr, applies_if=_applies_if(expr), parent=parent)
