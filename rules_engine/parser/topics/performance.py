"""Performance status (ECOG/WHO/Zubrod/GOG, Karnofsky, Lansky) and NYHA heart-failure class. A NYHA
bound only concerns patients with heart failure: none recorded meets "class II or lower".

A scale scoped to an age ("Karnofsky >= 60% for patients > 16 years; Lansky >= 50 for patients
<= 16 years") concerns only the patients of that age: two scoped scales in one clause are
``Any_(All(age_1, scale_1), All(age_2, scale_2))`` whatever word joins them, and one scoped
minimum alone is ``Any_(other ages, scale)`` (met for the patients it does not concern). The age
words belong to the scale, so the age extractor leaves them alone (``scale_age_spans``).
References to the scale itself ("(Appendix I)", "on the ECOG performance status scale",
"(Karnofsky)") annotate the score.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate
from rules_engine.parser.items import I, Item, NEGATE, OPS, ROMAN, all_of, any_of, number, predicate


_PERF_ANCHOR = re.compile(
    r"\b(?P<scale>ECOG|Eastern\s+Cooperative\s+(?:Oncology(?:\s+Group)?|Group)|Zubrod|GOG|Gyn\w*\s+Oncology(?:\s+Group)?|WHO|Karnofsky|KPS|Lansky|LPS|"
    r"performance\s+(?:status|level|score)|physical\s+strength\s+score|PS|"
    # the bare word right before its value ("Performance 0-2 (ECOG)", "ECOG performance < 2")
    r"performance(?=\s*:?\s*(?:of\s+)?[≤<]?\s*\d))\b",
    I,
)
# the patients a scale is scoped to: "for patients > 16 years of age", "(age ≥ 16)", "in children < 16 years"
_AGE_SCOPE = (
    # (the patients named with their kind, the age after its sign: "for pediatric patients less
    # than age 10 years"; left, the scope was an unread review and an adult with no Lansky score
    # was unknown on the children's scale)
    r"\(?\s*(?:,\s*)?(?:for|in|if|among)\s+(?:(?:pa?ediatric|adult|adolescent|older|younger)\s+)?(?:(?:patients?|subjects?|participants?|children|adults|those|pts)\s+)?(?:who\s+are\s+|aged?\s+|of\s+age\s+)?"
    r"(?P<aop>[≥>≤<])\s*(?:age\s+)?(?P<an>\d{1,2})\s*(?:years?|yrs?|y\b)?(?:\s+(?:old|of\s+age))?(?:\s+(?:and\s+)?(?:older|younger))?\s*\)?"
    r"|\(\s*(?:age[ds]?\s*)(?P<aop2>[≥>≤<])\s*(?P<an2>\d{1,2})\s*(?:years?|yrs?|y\b)?\s*\)"
)
_SCOPE_AFTER = re.compile(rf"\s*(?:{_AGE_SCOPE})", I)
_SCOPE_IN_GAP = re.compile(rf"(?:{_AGE_SCOPE})", I)
_SCALE_REFERENCE = re.compile(
    r"\s*(?:\(\s*(?:see\s+)?(?:appendix|attachment|annex|section)\s+[\w.]{1,6}(?:\s*[:,-][^()]{0,60})?\s*\)"
    r"|\(\s*(?:[A-Z]{2,6}\s+)?(?:ECOG|Karnofsky|KPS|Lansky|Zubrod|WHO)(?:\s+(?:standard|scale|criteria|PS))?\s*\)"
    r"|\(\s*(?:Eastern\s+Cooperative\s+Oncology\s+Group|ECOG)\s+(?:performance\s+status\s+)?(?:scale|criteria|score)\s*\)"
    r"|,?\s*(?:on|per|using|according\s+to|by)\s+(?:the\s+)?(?:ECOG|Eastern\s+Cooperative\s+Oncology\s+Group|Zubrod|WHO|Karnofsky|Lansky|KPS)"
    r"(?:\s*\([^()]{0,10}\))?(?:\s+performance)?(?:\s+(?:status|score))?(?:\s+(?:scale|schedule|criteria|system|score))?)",
    I,
)


# a word that names no scale ("performance status", "PS") and the words that do: a named scale
# between the generic word and the value owns the value
_GENERIC_SCALE = re.compile(r"performance\s+(?:status|level|score)|ps|physical\s+strength\s+score", I)
_NAMED_SCALE = re.compile(r"\b(?:ECOG|Eastern\s+Cooperative|Zubrod|GOG|Karnofsky|KPS|Lansky|LPS)\b", I)


_GRADE_AS_SCORE = re.compile(r"\bgrade\s*(?:of\s*)?:?\s*$", I)
_PERF_VALUE = re.compile(
    r"[^;\d]{0,60}?(?:"
    r"(?P<op>[≥>≤<])\s*(?P<n>\d{1,3})\s*%?"
    r"|(?P<lo>\d{1,3})\s*%?\s*(?:-|to)\s*(?P<hi>\d{1,3})\s*%?"
    r"|(?P<list>\d(?:\s*(?:,\s*(?:or|and)?|or|and|/)\s*\d)+)"
    r"|(?P<one>\d{1,3})\s*%?(?:\s*(?:or|and)\s*(?P<post>higher|greater|above|more|better|lower|less|below))?)",
    I,
)




def perf_items(text: str) -> list[Item]:
    items: list[Item] = []
    lead: int | None = None  # where a generic word that left its value to a named scale began
    for anchor in _PERF_ANCHOR.finditer(text):
        if items and anchor.start() < items[-1].end:
            continue
        value_at = anchor.end()
        scope_in_gap = _SCOPE_IN_GAP.search(text, anchor.end(), min(len(text), anchor.end() + 80))
        if scope_in_gap and not re.search(r"[≥>≤<]|\d", text[anchor.end(): scope_in_gap.start()]):
            value_at = scope_in_gap.end()  # "Karnofsky (for > 16 yrs of age) or Lansky (for ≤ 16) ≥ 50"
        else:
            scope_in_gap = None
        m = _PERF_VALUE.match(text, value_at)
        if m is None:
            continue
        if _PERF_ANCHOR.search(text, value_at, m.start("op") if m.group("op") else m.end()) and scope_in_gap:
            continue  # two scales share one value after their scopes: read by the later one
        window_text = text[anchor.start(): m.end() + 30]
        scale_word = anchor.group("scale").lower()
        if _GENERIC_SCALE.fullmatch(scale_word) and _NAMED_SCALE.search(text, anchor.end(), m.start("op") if m.group("op") else m.end()):
            lead = anchor.start() if lead is None else lead
            continue  # "Performance status: Lansky >= 50 ...": the named scale reads its own value
        if scale_word == "who" and not re.search(r"performance|\bPS\b", window_text, I):
            continue
        if scale_word == "ps" and not re.search(r"ECOG|WHO|performance|\bPS\s*(?:score|status|:|[≤<]|\d)", window_text):
            continue
        # a grade in the gap is a toxicity's ("performance status 2 ... grade 3 toxicity"), unless
        # it names the score right before it ("ECOG performance status grade 0, 1, or 2": 6 corpus lines)
        value_start = next(m.start(g) for g in ("op", "lo", "list", "one") if m.group(g) is not None)
        gap = _GRADE_AS_SCORE.sub("", text[anchor.end(): value_start])
        if re.search(r"grade|toxicity|CTCAE", gap, I):
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
        end = m.end()
        scope = scope_in_gap or _SCOPE_AFTER.match(text, end)
        if scope is not None:
            if scope is not scope_in_gap:
                end = scope.end()
            aop, an = (scope.group("aop"), scope.group("an")) if scope.group("aop") else (scope.group("aop2"), scope.group("an2"))
            expr = _Scoped(predicate("age", OPS[aop], number(an), "a"), expr)  # type: ignore[assignment]
        for _ in range(2):  # "on the ECOG scale (see Appendix A)"
            reference = _SCALE_REFERENCE.match(text, end)
            if reference is None:
                break
            end = reference.end()
        if scope is None and (late := _SCOPE_AFTER.match(text, end)) is not None:
            scope, end = late, late.end()  # "≥ 80% (TJU Karnofsky) for patients ≥ 60 years old"
            aop, an = (scope.group("aop"), scope.group("an")) if scope.group("aop") else (scope.group("aop2"), scope.group("an2"))
            expr = _Scoped(predicate("age", OPS[aop], number(an), "a"), expr)  # type: ignore[assignment]
        items.append(Item(anchor.start() if lead is None else lead, end, expr, frozenset({concept})))
        lead = None
        if scope is not None:
            items.extend(_elided(text, end, concept, unit))
    return _join_scoped(items, text)


# the same scale's value for another age, its name left out: "Karnofsky ≥ 80% for patients ≥ 60
# years old or ≥ 70% for patients < 60" (the second value was read as the first age's scope, and
# a 45-year-old with Karnofsky 70 failed)
_ELIDED = re.compile(r"\s*(?:,|;)?\s*(?:or|and)?\s*(?P<op>[≥>≤<])\s*(?P<n>\d{1,3})\s*%?", I)


def _elided(text: str, end: int, concept: str, unit: str | None) -> list[Item]:
    """The values that follow a scoped value, each with its own age scope and no scale named."""
    out: list[Item] = []
    while (m := _ELIDED.match(text, end)) is not None and (scope := _SCOPE_AFTER.match(text, m.end())) is not None:
        if concept == "ecog" and number(m.group("n")) > 5:
            break
        aop, an = (scope.group("aop"), scope.group("an")) if scope.group("aop") else (scope.group("aop2"), scope.group("an2"))
        score = predicate(concept, OPS[m.group("op")], number(m.group("n")), unit)
        out.append(Item(m.start("op"), scope.end(), _Scoped(predicate("age", OPS[aop], number(an), "a"), score), frozenset({concept})))  # type: ignore[arg-type]
        end = scope.end()
    return out


# the ages each scale is for when a line offers both without saying ("Karnofsky 70-100% OR Lansky
# 70-100%"): Lansky's play-performance scale is a child's (16 and under), Karnofsky's an adult's
# (16 and over), as every paediatric protocol assigns them; at 16 either counts
_CHILD_MAX = 16


def scales_by_age(expr: Expr) -> Expr:
    """Karnofsky and Lansky offered as alternatives with no ages ("Karnofsky 70-100% OR Lansky
    70-100%"): each for its own patients (read for everyone, an adult with Karnofsky 60 was left
    unknown through a Lansky no adult has)."""
    if isinstance(expr, Not):
        return Not(scales_by_age(expr.part))
    if isinstance(expr, All):
        return All(tuple(scales_by_age(p) for p in expr.parts))
    if not isinstance(expr, Any_):
        return expr
    parts = _paired_scopes([scales_by_age(p) for p in expr.parts])
    scales = {p.concept for p in parts if isinstance(p, Predicate) and p.concept in ("karnofsky", "lansky") and _good(p)}
    scales |= {_scoped_scale(p) for p in parts} - {None}  # type: ignore[arg-type]
    if scales == {"karnofsky", "lansky"}:
        parts = [
            all_of([predicate("age", Op.LTE, _CHILD_MAX, "a") if p.concept == "lansky" else predicate("age", Op.GTE, _CHILD_MAX, "a"), p])
            if isinstance(p, Predicate) and p.concept in scales and _good(p) else p
            for p in parts
        ]
    return Any_(tuple(parts))


def _paired_scopes(parts: list[Expr]) -> list[Expr]:
    """"Karnofsky 50-100% (for patients > 16 years of age) OR Lansky 50-100% (for patients <= 16
    years of age)", split at its "OR": each side alone reads "met for the other ages" (age <= 16
    or Karnofsky), and the two joined by "or" were met by everyone (an adult with Karnofsky 30
    was answered eligible). Offered beside another scale, a scoped scale is that age's: its
    escape (the age just before it among the alternatives) becomes its scope."""
    scales = [i for i, p in enumerate(parts) if isinstance(p, Predicate) and p.concept in ("karnofsky", "lansky") and _good(p)]
    if len(scales) < 2:
        return parts
    out: list[Expr] = []
    for i, p in enumerate(parts):
        escape = parts[i - 1] if i > 0 else None
        if i in scales and isinstance(escape, Predicate) and escape.concept == "age" and escape.op in NEGATE and out and out[-1] is escape:
            out[-1] = all_of([predicate("age", NEGATE[escape.op], escape.value, escape.unit), p])
        else:
            out.append(p)
    return out


def _scoped_scale(expr: Expr) -> str | None:
    """The scale of an age-scoped alternative (``_paired_scopes``'s all_of), else None."""
    if isinstance(expr, All) and len(expr.parts) == 2:
        age, score = expr.parts
        if isinstance(age, Predicate) and age.concept == "age" and isinstance(score, Predicate) and score.concept in ("karnofsky", "lansky"):
            return score.concept
    return None


def _concept(expr: Expr) -> str | None:
    return expr.concept if isinstance(expr, Predicate) else None


class _Scoped:
    """A score that concerns the patients of one age only (resolved by ``_join_scoped``)."""

    def __init__(self, age: Predicate, score: Expr) -> None:
        self.age, self.score = age, score


def _good(score: Expr) -> bool:
    """Whether the score asks for a good performance (a minimum), as an inclusion does."""
    if not isinstance(score, Predicate):
        return True
    if score.concept == "ecog":
        return score.op in (Op.LTE, Op.LT, Op.BETWEEN, Op.IN, Op.EQ)
    return score.op in (Op.GTE, Op.GT, Op.BETWEEN, Op.IN, Op.EQ)


# "Karnofsky >= 70% or Lansky > 70% for patients < 16 years": the scope is the second scale's
_OR_GAP = re.compile(r"\s*,?\s*(?:or|and/or)\s+", I)


def _join_scoped(items: list[Item], text: str) -> list[Item]:
    """Scores scoped to ages: together one alternative per age; alone, met for other ages,
    unless an unscoped score is its alternative ("Karnofsky >= 70% or Lansky > 70% for patients
    < 16"): then the unscoped one is what the other ages must meet (read as "met for other ages",
    an adult with Karnofsky 50 met the line)."""
    out: list[Item] = []
    group: list[Item] = []

    def flush() -> None:
        if not group:
            return
        scoped = [it.expr for it in group]
        if len(group) == 1:
            one = scoped[0]
            assert isinstance(one, _Scoped)
            previous = out[-1] if out else None
            if (
                previous is not None
                and isinstance(previous.expr, Predicate)
                and previous.expr.concept in ("ecog", "karnofsky", "lansky")
                and _good(previous.expr)
                and _good(one.score)
                and _OR_GAP.fullmatch(text, previous.end, group[0].start)
            ):
                first = previous.expr
                if {first.concept, _concept(one.score)} == {"karnofsky", "lansky"}:
                    # the other scale is the other ages' (a child of 10 with Lansky 60 and no
                    # Karnofsky on record was left unknown through the adults' scale)
                    first = all_of([predicate("age", NEGATE[one.age.op], one.age.value, one.age.unit), first])  # type: ignore[assignment]
                out[-1] = Item(previous.start, group[0].end, any_of([first, all_of([one.age, one.score])]), previous.concepts | group[0].concepts | {"age"})
                group.clear()
                return
            if _good(one.score):
                other_ages = predicate("age", NEGATE[one.age.op], one.age.value, one.age.unit)
                expr: Expr = any_of([other_ages, one.score])
            else:
                expr = all_of([one.age, one.score])
        else:
            expr = any_of([all_of([s.age, s.score]) for s in scoped])  # type: ignore[union-attr]
        concepts = frozenset().union(*(it.concepts for it in group)) | {"age"}
        out.append(Item(group[0].start, group[-1].end, expr, concepts))
        group.clear()

    for it in items:
        if isinstance(it.expr, _Scoped):
            group.append(it)
        else:
            flush()
            out.append(it)
    flush()
    return sorted(out, key=lambda it: it.start)


def scale_age_spans(text: str) -> list[tuple[int, int]]:
    """Where an age scopes a performance scale: those words are the scale's, not an age bound."""
    if not re.search(r"Karnofsky|KPS|Lansky|LPS|ECOG|performance", text, I):
        return []
    return [(it.start, it.end) for it in perf_items(text) if "age" in it.concepts]


_NYHA = re.compile(r"\b(?:NYHA|New\s+York\s+Heart\s+(?:Association|Society))\b", I)


_NYHA_CLASS = re.compile(
    r"(?:(?P<lead>[≥>])\s*(?=class|grade|NYHA))?"
    r"(?:class|grade|grading|classification)?\s*(?:\(?\s*NYHA\s*\)?\s*)?(?:functional\s+)?(?:class\s*)?(?P<op>[≥>≤<])?\s*(?P<a>IV|III|II|I|[1-4])\b(?:\s*\([a-z]+\))?"
    r"(?:\s*(?:or|-|to|and|/|,)\s*(?P<b>IV|III|II|[1-4])\b(?:\s*\([a-z]+\))?)?(?:\s*(?:or\s+(?:(?P<post>higher|greater|above|worse)|(?P<down>better|lower|less|below))))?",
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
        if m.start() > 0 and text[m.start() - 1].isalnum() and text[m.start() - 1].upper() not in "IVX" and text[m.start()].isalnum():
            continue  # the end of a word ("NCI"), no class (a run of numerals, "Class IIIIV", is still read)
        if _CTCAE_AFTER.match(text, m.end()):
            continue  # "CHF (grade > 3 by NCI CTCAE or Class > II by NYHA criteria)": the toxicity grade, not the class
        best = m
        break
    if best is None:
        return []
    a = ROMAN[best.group("a").lower()]
    b = ROMAN[best.group("b").lower()] if best.group("b") else None
    # a third class listed ("class II, III or IV"): the list runs to it (read as "II or III" it
    # left class IV out of an exclusion)
    third = re.match(r"\s*,?\s*(?:or|and|,)\s*(?P<c>IV|III|[34])\b", text[best.end():], I) if b is not None else None
    best_end = best.end() + (third.end() if third else 0)
    if third:
        b = ROMAN[third.group("c").lower()]
    # the protocol's page the class is defined on, inside the bracket ("(New York Heart Association
    # Class III-IV Appendix G)"): where the scale is explained, part of the class's words (left,
    # a class IV failure was unknown beside the unread "Appendix G")
    pointer = _APPENDIX_AFTER.match(text, best_end)
    if pointer:
        best_end = pointer.end()
    # the comparator may stand before the class's name ("heart failure >Class II of the NYHA");
    # only a lower bound, the shape exclusions write ("≤ NYHA II" inside an exclusion's list is
    # left as it was: read as an upper bound, everyone without heart failure was excluded)
    op = OPS.get(best.group("op") or best.group("lead") or "")
    if op in (Op.GT, Op.GTE, Op.LT, Op.LTE):
        pred = predicate("nyha", op, a)
    elif best.group("down") and b is None:
        # "class II or better" (a lower class is the better heart): the class or any below it.
        # Read as class II alone, with "better" an unread alternative, class I was unknown
        pred = predicate("nyha", Op.LTE, a)
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
    start, end = min(anchor.start(), best.start()), max(anchor.end(), best_end)
    if end == anchor.end():
        named = _SCALE_NAME_AFTER.match(text, end)
        end = named.end() if named else end
    # (the window holds "congestive heart failure" whole: cut at 20 characters, its "congestive"
    # was left out of the item and read again as any heart failure, which excluded class I-II)
    hf = re.compile(r"(?:congestive\s+)?heart\s+failure|\bCHF\b|heart\s+disease", I).search(text, end, min(len(text), end + 40))
    gap = text[end: hf.start()] if hf else ""
    if hf and re.search(r"[,;]|\b(?:or|and)\b", gap, I) and not re.fullmatch(r"[\s,]*(?:(?:or|and)\s+)?(?:IV|III|II|I|[1-4])\s*", gap, I):
        hf = None  # another alternative ("class III, or heart failure requiring ..."), not the class's own
    if hf:
        end = hf.end()
    defined = _DEFINED_FAILURE.search(text, 0, start) or _FAILURE_BEFORE.search(text, max(0, start - 60), start)
    if defined and expr != pred:  # the heart failure and its qualifier are what the class defines: one item
        start = defined.start()
    return [Item(start, end, expr, frozenset({"nyha", "heart_failure"}))]


# the scale's own name after the association's ("(according to the New York Heart Society
# Functional Grading Method NYHA)", a seed line's; "New York Heart Association Functional
# Classification"): how the class is graded, a method's words that ask nothing. Left, "Functional
# Grading Method NYHA" stood as an unread review beside the class the line reads
_SCALE_NAME_AFTER = re.compile(
    r"(?:\s{1,3}functional)?(?:\s{1,3}(?:grading(?:\s{1,3}(?:method|system|scale))?|classification(?:\s{1,3}system)?|scale))?"
    # ("as defined by the New York Heart Association Classification of Congestive Heart Failure
    # [see Appendix D ...]": the scale's full title, not a second failure; read as one, any heart
    # failure, class I too, excluded the patient)
    r"(?:(?<=classification)\s{1,3}(?:of|for)\s{1,3}(?:congestive\s{1,3})?heart\s{1,3}failure)?(?:\s{1,3}\(?NYHA\b\)?)?"
    # (only where the name closes the bracket or the clause: "... Classification for Congestive
    # Heart Failure within 6 months" goes on to the failure and its window, read as before)
    r"(?=\s{0,3}(?:[)\].;,\[]|$))",
    I,
)
_CTCAE_AFTER = re.compile(r"(?<!\s)\s{0,3}(?:by|per|according\s+to|on)\s+(?:the\s+)?(?:NCI[\s-]{0,3})?CTC", I)
_APPENDIX_AFTER = re.compile(r"(?<![\s,;])[\s,;]{0,5}\(?(?:see\s+)?(?:the\s+)?appendix\s+(?-i:[IVX]{1,5}|[A-Z]|\d{1,2})\b\)?(?=\s{0,3}\))", I)


# "Congestive heart failure >Class II of the NYHA", "CHF NYHA class III or IV", "Current congestive
# heart failure (New York Heart Association Class III-IV)": the failure the class grades, written
# right before it (read apart, any heart failure on record excluded; the bracket's spelled-out
# name left the failure an alternative of its own beside the class, and a class II failed)
_FAILURE_BEFORE = re.compile(
    r"(?:\b(?:clinically\s+evident|symptomatic|known|decompensated|uncontrolled)\s+)?(?:congestive\s+)?(?:heart\s+failure|\bCHF\b)(?:\s*\(\s*CHF\s*\))?\s*(?:of\s+|with\s+|\(\s*(?:the\s+)?)?$", I
)


# "Symptomatic congestive heart failure (defined as New York Heart Association Grade II or
# greater)", "(i.e., NYHA class II-IV)": the class is what "symptomatic" means, not an alternative
# beside a symptomatic failure no record states
_DEFINED_FAILURE = re.compile(
    r"(?:\b(?:symptomatic|clinically\s+significant|significant|uncontrolled|severe)\s+)?(?:congestive\s+)?(?:heart\s+failure|\bCHF\b)"
    r"\s*\(\s*(?:defined\s+as|i\.?\s?e\.?,?)\s*(?:an?\s+|the\s+)?(?:\(?NYHA\)?\s+)?$",
    I,
)
