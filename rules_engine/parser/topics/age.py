"""Age bounds: "aged 18-75 years", "≥ 18 years old", "18 years or older", "adults" (18, or review
where the age of majority depends on the country); ages of menopause and formula ages are not
the patient's age.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import CriterionType, Expr, Op, Predicate, Review, ReviewReason
from rules_engine.parser.safety import Alternative
from rules_engine.parser.topics.performance import scale_age_spans
from rules_engine.parser.topics.thing_ages import thing_age
from rules_engine.parser.items import I, Item, OPS, all_of, any_of, content_words, number, predicate


_AGE_UNIT = r"(?:years?|yrs?|months?|y(?=\s|$|[,;.)]))"
# after the word "age", ages of infants are also written in days or weeks ("Age > 28 days and < 18
# years"): the unit is kept (read as years, "> 28 days" failed every child). Without the word, "2
# weeks old" is a scan's or a test's age, never the patient's
_INFANT_UNIT = r"(?:years?|yrs?|months?|weeks?|days?|y(?=\s|$|[,;.)]))"


_AGE_POST = r"(?:or|and)\s+(?:older|more|above|over|greater|elder|upwards|up|younger|less|below|under)\b"


_AGE_AFTER = rf"(?:\s*{_AGE_UNIT})?(?:\s*(?:old|of\s+age))?"


_AGE_AFTER_NAMED = rf"(?:\s*{_INFANT_UNIT})?(?:\s*(?:old|of\s+age))?"


_AGE_PREFIX = re.compile(
    r"(?<![-\w])(?<!childbearing )(?<!child-bearing )(?<!reproductive )(?<!bearing )"
    r"(?<!years of )(?<!year of )(?<!yrs of )(?:age[ds]?|aging)\b(?!\s+of\s+(?:majority|consent))\s*(?:[:(]\s*)?"
    r"(?:(?:of|is|was|from|between|must\s+be|should\s+be|at\s+(?:the\s+)?time\s+of\s+(?:signing\s+)?(?:the\s+)?(?:informed\s+)?consent|at|at\s+time\s+of\s+\w+|range|limit|group)\s*:?\s*){0,2}",
    I,
)


_AGE_RANGE = re.compile(
    rf"(?P<lo>\d{{1,3}})\s*(?P<lu>{_INFANT_UNIT})?(?:\s*(?:old|(?<=[a-z])\s+of\s+age))?\s*(?:-|to|and|through|~|≤)\s*(?:(?P<lt><|less\s+than|under|below|younger\s+than)\s*)?(?P<hi>\d{{1,3}})\s*(?P<hu>{_INFANT_UNIT})?"
    r"(?:\s*(?:old|of\s+age))?(?:\s*\(?inclusive\)?)?",
    I,
)


_AGE_CMP = re.compile(
    rf"(?P<op>[≥>≤<=])\s*(?P<n>\d{{1,3}}(?:\.\d)?)(?!\s*(?:%|mg|g/|x\b|×|cm|kg|mm|ml|/))(?P<u>{_AGE_AFTER_NAMED})(?:\s*(?P<post>{_AGE_POST}))?",
    I,
)


_AGE_BARE_POST = re.compile(rf"(?P<n>\d{{1,3}})(?P<u>{_AGE_AFTER})\s*(?P<post>{_AGE_POST})", I)


# the sign written before the word ("CML < age 65", "≥ 18 years of age and ≤ age 70"): the bound
# "age < 65" states. Neither the sign nor the number is a word, and "age" restates the topic, so
# left unread the bound vanished from the line (a 75-year-old passed "≤ age 70")
_AGE_SIGN_FIRST = re.compile(
    rf"(?P<op>[≥>≤<])\s*(?:the\s+)?age[ds]?\s*(?:of\s+)?(?P<n>\d{{1,3}})(?![\d.,]\d|\s*%)(?P<u>{_AGE_AFTER_NAMED})", I
)


# ("≥ 18-year-old males or females": the hyphens of the compound adjective are spaces here)
_AGE_SUFFIXED = re.compile(
    rf"(?P<op>[≥>≤<=])?\s*(?P<n>\d{{1,3}})[\s-]*(?P<u>{_AGE_UNIT})[\s-]*(?:old|of\s+age)(?:\s*(?P<post>{_AGE_POST}))?",
    I,
)


_AGE_SUFFIXED_RANGE = re.compile(
    rf"(?:between\s+|from\s+)?(?P<lo>\d{{1,3}})\s*(?P<lu>{_AGE_UNIT})?(?:\s*(?:old|(?<=[a-z])\s+of\s+age))?\s*(?:-|to|and|through|~)\s*(?:(?P<lt><|less\s+than|under|below|younger\s+than)\s*)?(?P<hi>\d{{1,3}})\s*(?P<hu>{_AGE_UNIT})\s*(?:old|of\s+age)",
    I,
)


# two bounds with one unit after the second ("≥ 18 and ≤ 75 years of age", "Must be male ≥48 and
# ≤82 years of age", "patients ≥ 70 but ≤ 75 years are eligible if ..."; 7 corpus lines): both
# bounds are ages. Read from the unit alone, the lower bound was dropped unread and a 16-year-old
# met "≥ 18 and ≤ 75 years of age"
_AGE_SHARED_UNIT = re.compile(
    rf"(?P<op>[≥>])\s*(?P<lo>\d{{1,3}})\s*(?:,\s*)?(?:and|but|to|-)\s*(?P<op2>[≤<])\s*(?P<hi>\d{{1,3}})\s*(?P<u>{_AGE_UNIT})(?P<of>\s*(?:old|of\s+age))?",
    I,
)
_PERSONS_BEFORE = re.compile(r"\b(?:patients?|subjects?|participants?|pts|men|women|males?|females?|persons?|individuals)\s*$", I)


# the persons a bare "18 or older" describes, and nothing else before it ("Males and females, 18
# or older", "Men and women 18 and older"): one to three person words and their joins, bounded
_PERSONS_ONLY = re.compile(
    r"\W{0,4}(?:(?:both|all)\s+)?(?:male|female|men|women|patient|subject|participant|adult)s?"
    r"(?:\s*(?:,|and/or|and|or|&)\s*(?:male|female|men|women|patient|subject|participant|adult)s?){0,2}\W{0,4}",
    I,
)


_AGE_BLOCK = re.compile(r"menopaus|amenorrh|menstruat|\(140\s*-\s*age|cockcroft|childbearing age", I)


# (an adult donor, "a 10/10 unrelated adult donor", "NK cell adult donor", or the donor's "adult
# children", is the donor's age, never the patient's: read as the patient's, a child who lacked
# such a donor failed the line)
_ADULT = re.compile(r"\badults?\b(?!\s+(?:according|as defined|by local|per local|or\b|AML|ALL|acute|leukemi|onset|T-cell|lymphoblastic|myeloid|patients?\s+with\s+(?:AML|ALL)|(?:daily\s+)?dos(?:e|ing|age)|daily|equivalent|formulation|who\s+are\s+(?:the\s+)?subject|under\s+(?:legal|guardianship)|of\s+(?:reproductive|child[\s-]?bearing|procreative)\s+potential|children\b|(?:[\w/-]+\W+){0,3}?donors?\b))(?<!\bfor adults)(?<!young adult)(?<!young adults)", I)


_AGE_REVERSED = re.compile(r"(?<![\d.])(?:(?<=^)|(?<=\s)|(?<=\())(?:\d{1,2}\.)?(?P<n>\d{1,3})\s*(?P<op>[≤<])\s*(?=age[ds]?\b)", I)


_AGE_BARE_CMP = re.compile(r"(?P<op>[≥>≤<])\s*(?P<n>\d{1,3})\s*(?P<u>years?|yrs?)\b", I)


# "no evidence of disease for at least 3 years", "within the past 2 years": a duration, not an age
_DURATION_BEFORE = re.compile(r"\b(?:for|within|during|over|past|last|since|after)\s*$", I)


# ("More than 1 year of diagnosis": the disease's age, never the patient's; read as the patient's,
# every adult met it)
_AGE_BARE_END = re.compile(
    r"\s*(?:before|after|since|ago|prior|from|following|of\s+(?:follow|treatment|therapy|disease|(?:the\s+)?(?:(?:initial|original|first)\s+)?diagnos\w*))\b", I
)


_ADULT_AMBIGUOUS = re.compile(r"age of majority|according to (?:each |local )?(?:country|national|local)", I)


_AGE_UNITS = {"mo": "mo", "we": "wk", "da": "d"}


_AGE_FOR_WHOM = re.compile(r"\bfor\s+(?:[\w-]+\s+){0,2}(?:patients?|subjects?|participants?|pts|children|adults|those)\s*(?:who\s+are\s+|aged?\s+)?$", I)


_AGE_WITH = re.compile(r"\s*(?:with|and\s+(?:an?\s+)?(?:LVEF|ejection|history))\b", I)


def _age_unit(unit: str | None) -> str:
    """The UCUM unit of an age written with ``unit`` (it may carry the spaces and "old" around it)."""
    return _AGE_UNITS.get((unit or "").strip().lower()[:2], "a")


def _age_post_op(post: str) -> Op:
    return Op.LTE if re.search(r"younger|less|below|under", post, I) else Op.GTE


def age_items(text: str, ctype: CriterionType = CriterionType.INCLUSION) -> list[Item]:
    if _AGE_BLOCK.search(text):
        return []
    items: list[Item] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(start: int, end: int, expr: Expr) -> None:
        taken.append((start, end))
        items.append(Item(start, end, expr, frozenset({"age"})))

    def bound(op: Op, n: str, unit: str | None) -> Predicate:
        return predicate("age", op, number(n), _age_unit(unit))

    def after_upper(end: int) -> tuple[int, Predicate] | None:
        m = re.compile(
            rf"\s*(?:{_INFANT_UNIT}\s*)?(?:old\s*)?(?:,|and|but|to)?\s*(?:age\s*)?(?P<op>[<≤])\s*(?P<n>\d{{1,3}})(?P<u>{_AGE_AFTER_NAMED})",
            I,
        ).match(text, end)
        if m and int(m.group("n")) >= 2:
            return m.end(), bound(OPS[m.group("op")], m.group("n"), m.group("u"))
        return None

    def add_bound(m: re.Match[str], op: Op, n: str, unit: str | None) -> None:
        first = bound(op, n, unit)
        upper = after_upper(m.end()) if op in (Op.GT, Op.GTE) else None
        if upper:
            add(m.start(), upper[0], all_of([first, upper[1]]))
        else:
            add(m.start(), m.end(), first)

    def add_range(m: re.Match[str]) -> None:
        lo, hi = m.group("lo"), m.group("hi")
        if int(hi) <= int(lo):
            return
        unit = m.group("hu") or m.group("lu")
        lo_unit = m.group("lu") or unit
        below = m.group("lt") is not None  # "1 to < 18 years": the upper end excluded, the lower kept
        if _age_unit(lo_unit) == _age_unit(unit):
            expr: Expr = predicate("age", Op.BETWEEN, (number(lo), number(hi)), _age_unit(unit), high_inclusive=not below)
        else:
            expr = all_of([bound(Op.GTE, lo, lo_unit), bound(Op.LT if below else Op.LTE, hi, unit)])
        add(m.start(), m.end(), expr)

    def after_lower(end: int) -> tuple[int, Predicate] | None:
        """"< age 65 and > 21 years": the lower bound written after the upper one."""
        m = re.compile(
            rf"\s*(?:,|and|but)\s*(?:(?:the\s+)?age\s*)?(?P<op>[>≥])\s*(?P<n>\d{{1,3}})(?![\d.,]\d|\s*%)(?P<u>{_AGE_AFTER_NAMED})", I
        ).match(text, end)
        # an age it is only with a unit or the word ("and > 21 years", "and age > 21"), never a bare number
        if m is None or not (m.group("u").strip() or re.search(r"\bage\b", text[m.start(): m.start("op")], I)):
            return None
        return m.end(), bound(OPS[m.group("op")], m.group("n"), m.group("u"))

    for m in _AGE_SIGN_FIRST.finditer(text):
        if not free(m.start(), m.end()) or _AGE_FOR_WHOM.search(text[max(0, m.start() - 60): m.start()]) or _AGE_WITH.match(text, m.end()):
            continue  # the patients a value is for ("Lansky > 50 for pediatric patients < age 10"), an age with a finding ("≥ age 60 with an LVEF < 50%")
        first = bound(OPS[m.group("op")], m.group("n"), m.group("u"))
        lower = after_lower(m.end()) if first.op in (Op.LT, Op.LTE) else None
        if lower:
            add(m.start(), lower[0], all_of([first, lower[1]]))
        else:
            add(m.start(), m.end(), first)
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
                op = OPS[m.group("op")] if pattern is _AGE_CMP else _age_post_op(m.group("post"))
                if pattern is _AGE_CMP and m.group("post"):
                    op = _age_post_op(m.group("post"))
                if op is Op.EQ:
                    continue
                add_bound(m, op, m.group("n"), m.group("u"))
                items[-1].start = prefix.start()
            break
    for m in _AGE_SHARED_UNIT.finditer(text):
        if not free(m.start(), m.end()) or not (m.group("of") or _PERSONS_BEFORE.search(text, max(0, m.start() - 20), m.start())):
            continue
        if int(m.group("hi")) > int(m.group("lo")):
            add(m.start(), m.end(), all_of([bound(OPS[m.group("op")], m.group("lo"), m.group("u")), bound(OPS[m.group("op2")], m.group("hi"), m.group("u"))]))
    for pattern in (_AGE_SUFFIXED_RANGE, _AGE_SUFFIXED, _AGE_BARE_POST):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if pattern is _AGE_SUFFIXED_RANGE:
                add_range(m)
                continue
            if pattern is _AGE_BARE_POST and not m.group("u").strip() and not (
                _PERSONS_ONLY.fullmatch(text[: m.start()]) and re.match(r"older|younger|elder", m.group("post").split()[-1], I)
            ):
                continue  # a bare number is an age only after the persons it describes ("Men and women 18 and older")
            if pattern is _AGE_BARE_POST and not (
                re.search(r"old|of\s+age", m.group("u"), I)
                or re.match(r"older|younger|elder|upwards", m.group("post").split()[-1], I)
                or not content_words(text[: m.start()])
            ):
                continue  # "completed 5 years or more before study entry" is no age
            if _AGE_BARE_END.match(text, m.end()):
                continue
            if m.group("post"):
                op = _age_post_op(m.group("post"))
            elif m.group("op") if pattern is _AGE_SUFFIXED else None:
                op = OPS[m.group("op")]
            else:
                continue
            if op is Op.EQ:
                continue
            add_bound(m, op, m.group("n"), m.group("u"))
    m = _AGE_BARE_CMP.search(text)  # "Patients must be ≥18 years": nothing but the patient before it
    if (
        m and free(m.start(), m.end()) and not content_words(text[: m.start()]) and not _AGE_BARE_END.match(text, m.end())
        and not _DURATION_BEFORE.search(text[max(0, m.start() - 12): m.start()])
    ):
        if m.group("op") != "=":
            add_bound(m, OPS[m.group("op")], m.group("n"), m.group("u"))
    for m in _AGE_REVERSED.finditer(text):  # "18 ≤ age"
        if free(m.start("n"), m.end()):
            add(m.start("n"), m.end(), bound(Op.GTE if m.group("op") == "≤" else Op.GT, m.group("n"), "a"))
    if not items and ctype is CriterionType.INCLUSION:
        adult = _ADULT.search(text)
        if adult and not re.search(r"\bpediatric|\bchild", text, I):
            if _ADULT_AMBIGUOUS.search(text):
                add(adult.start(), adult.end(), all_of([bound(Op.GTE, "18", "a"), Review(ReviewReason.AMBIGUOUS, "age of majority")]))
            else:
                add(adult.start(), adult.end(), bound(Op.GTE, "18", "a"))
    elif items:
        # "Adults, aged 18 through 75 years", "Adult patients aged >= 18": the word the bound
        # states in numbers is the bound's (left over, it was a review beside it)
        adult = _ADULT.search(text)
        first = min(items, key=lambda it: it.start)
        if adult and adult.end() <= first.start and re.fullmatch(r"[\s,]*(?:(?:patients?|subjects?|participants?|men\s+and\s+women)[\s,]*)?", text[adult.end(): first.start], I):
            first.start = adult.start()
    groups = list(_AGE_GROUP.finditer(text)) if items else []
    if len(groups) >= 2:  # "≤ 4 points for patients ≥ 60 years old or ≤ 5 points for patients < 60"
        items = [it for it in items if all(it.end <= g.start("op") or it.start >= g.end() for g in groups)]
    scale_spans = scale_age_spans(text) if items else []
    if scale_spans:  # "Karnofsky ≥ 60 for patients > 16 years": the scale's scope, no age bound of the line
        items = [it for it in items if all(it.end <= a or it.start >= b for a, b in scale_spans)]
    items = [it for it in items if not thing_age(text, it.start, it.end)]  # "archival material (< 6 months old)": the sample's age
    for it in items:
        at_diagnosis = _AT_DIAGNOSIS.match(text, it.end)
        if at_diagnosis is not None and it.expr is not None:
            it.expr, it.end = _age_at_diagnosis(it.expr, at_diagnosis.group(0)), at_diagnosis.end()
    return items


# the patients of one age a value is for, when the line gives another value for another age
# ("HCT-CI Score <= 4 points for patients >= 60 years old or <= 5 points for patients < 60"): each
# age scopes its value, none is asked of the patient (read as bounds, the first one failed every
# patient under 60 whatever the score). The last age may be cut off where the registry's text wraps
# before its number ("... or > 5 points for patients <" / "60." split as an item of its own)
_AGE_GROUP = re.compile(
    r"\bfor\s+(?:(?:patients?|subjects?|participants?|pts|those|children|adults)\s+)?(?:who\s+are\s+|aged?\s+)?(?P<op>[≥>≤<])\s*(?:\d{1,3}|$)"
    r"(?:\s*(?:years?|yrs?))?(?:\s+(?:old|of\s+age))?",
    I,
)


# an age at the original diagnosis ("< 21 years of age when originally diagnosed with ALL", "<= 21
# years of age at the time of original diagnosis"): the record dates the diagnosis, not the age
# then, but a patient is never younger now than at diagnosis, so today's age decides one side
_AT_DIAGNOSIS = re.compile(
    r"\s*(?:(?:years?|yrs?)\s+)?(?:(?:old|of\s+age)\s+)?(?:when|at(?:\s+the\s+time\s+of)?|on)\s+(?:the\s+)?(?:(?:original|initial|first)\s+)?"
    r"(?:(?:originally|initially|first)\s+)?diagnos(?:is|ed)\b(?:\s+(?:with|of)\s+(?:the\s+)?(?:[A-Z][\w-]*|disease|cancer|leukemia|lymphoma|tumou?r))?",
    I,
)


def _age_at_diagnosis(expr: Expr, words: str) -> Expr:
    """An upper bound on the age at diagnosis holds whenever today's age is under it; a lower
    bound fails whenever today's age is not over it; otherwise a person reads the record."""
    then = Alternative(ReviewReason.AMBIGUOUS, "age at diagnosis: " + " ".join(words.split()))
    if isinstance(expr, Predicate) and expr.op in (Op.LT, Op.LTE) and expr.concept == "age":
        # the age at the diagnosis the record dates (its birth date and the cancer's onset;
        # unknown without them, never today's age). An onset may be a relapse's, later than the
        # original diagnosis, so only an upper bound is read so: what it meets, the original meets
        return any_of([expr, replace(expr, concept="age_at_diagnosis")])
    if isinstance(expr, Predicate) and expr.op in (Op.GT, Op.GTE):
        return all_of([expr, then])
    return all_of([expr, then])
