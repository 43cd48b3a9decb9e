"""Pregnancy, lactation and pregnancy tests; future pregnancy and contraception are not read here
(they are consent lines).

Pregnancy is an event: absent from the record, it is absent, and a positive pregnancy test on
record counts as one (``rules_engine.derive.POSITIVE_TEST_IMPLIES``), so "pregnant or lactating"
asks the events alone and a woman with no test on record is not excluded. A *negative* test
asked for is a measurement (missing is unknown), and only of the women the line names: "women of
childbearing potential must have a negative pregnancy test" is met by a woman recorded as not of
childbearing potential. "Must not be breastfeeding" inside a line negates what it names.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, Predicate
from rules_engine.parser.items import FEMALE, I, Item, NEG, NEGATED, POS, all_of, any_of, predicate, qual_value


_PREG = re.compile(r"\bpregnan(?:t|cy)\b|\bgestation", I)


_PROCEDURE_AFTER = re.compile(r"\s+(?:test(?:s|ing)?|screening|prevention|precautions?|counsel\w*)\b", I)


_LACT = re.compile(r"\b(?:lactat(?:ing|ion)|breast[\s-]*feed(?:ing)?|nursing|breastfeeding)\b", I)


# the pregnancy test named by the hormone it measures ("Negative serum beta-human chorionic
# gonadotropin (beta-hCG) test (women of childbearing potential only)", "Urine (U)-human chorionic
# gonadotropin (HCG) or serum HCG negative", "a positive serum HCG": 10 corpus lines left to
# review): a bracketed abbreviation after the name is part of it
_HCG = (
    r"(?:(?:serum|urine|blood|plasma)\s+(?:or\s+(?:serum|urine|blood)\s+)?)?(?:(?:highly\s+)?sensitive\s+(?:serum\s+)?)?[(\[]?\s*"
    r"(?:(?:(?:beta|β|b)[\s-]*)?(?:human\s+)?chorionic\s+gonadotroph?in(?:\s*[(\[]\s*(?:beta|β|b)?[\s-]*hCG\s*[)\]])?|(?:(?:beta|β|b)[\s-]*)?hCG)(?:\s*[)\]])?"
    r"(?:\s+(?:or\s+urine\s+)?(?:laboratory\s+|lab\s+)?(?:pregnancy\s+)?tests?)?"
)
_PREG_TEST = re.compile(
    rf"(?:(?:serum|urine|blood|urine/blood|blood/urine|beta-?hcg|β-?hcg)\s+)?(?:pregnancy|pregnant)\s+tests?(?:\s+(?:results?\s+)?(?:\w+\s+){{0,6}}?)?(?:(?:must|should|shall)\s+be\s+|(?:is|are|was)\s+)?(?P<r1>{POS}|{NEG})"
    rf"|(?P<r2>{POS}|{NEG})\s+(?:\(?\w+\)?\s+){{0,3}}(?:pregnancy|pregnant)\s+tests?"
    rf"|(?P<r3>{POS}|{NEG})\s+(?:\d\s+)?{_HCG}"
    rf"|{_HCG}\s+(?:(?:must|should|shall)\s+be\s+|(?:is|are|was)\s+)?(?P<r4>{POS}|{NEG})",
    I,
)


_POTENTIAL = re.compile(
    r"\b(?:(?:women|woman|females?|patients?|participants?|subjects?)\s+)?(?:of|with)\s+(?:child[\s-]?bearing|reproductive)\s+(?:potential|age)(?:\s*\(\s*(?:WOCBP|FOCBP)\s*\))?|\bWOCBP\b|\bFOCBP\b|\b(?:fertile|pre-?menopausal)\s+(?:women|females?|patients?)",
    I,
)


_NOT_BEFORE = re.compile(r"\b(?:must|should|shall|may|can|will|are|is)\s*(?:not|n't)\s+(?:be\s+)?(?:\w+\s+){0,2}$|\bnot\s+(?:be\s+)?$|\bnon[\s-]?$", I)
# "Non-pregnant and non-nursing", "must be non lactating": the prefix is the negation's word, the
# state's own (left over, "Non-" was an unread review and every woman unknown; 20 corpus lines),
# and written with a space it negates all the same (read as "lactation", a nursing mother met
# "must be non lactating")
_NON = re.compile(r"\bnon[\s-]?$", I)


# A negative test an exclusion asks for ("Women of childbearing potential must have a negative
# pregnancy test", "Patients to be confirmed as not pregnant (serum HCG negative)", written among
# the exclusions): the requirement, so what excludes is its failure. Read as what excludes, a
# woman with a negative test, or one not of childbearing potential, was excluded.
_ASKS = re.compile(r"\b(?:must|should|shall|required?|need(?:s|ed)?|to\s+be\s+confirmed|confirm\w*|establish\w*)\b", I)


# ... unless the clause also excuses some women from the test ("... must have a negative pregnancy
# test Pregnancy testing is not required for post-menopausal women"): the grammar reads such a
# clause as an exception of the exclusion before it, where the requirement stands as written
_EXCUSED = re.compile(r"\bnot\s+(?:required|needed|necessary|mandatory)\b", I)


def _asked(expr: Expr, text: str, start: int, ctype: CriterionType) -> Expr:
    if ctype is CriterionType.EXCLUSION and _ASKS.search(text, 0, start) and not _EXCUSED.search(text):
        return Not(expr)
    return expr


def _named_besides(text: str, start: int, end: int) -> bool:
    """Whether the clause names a pregnancy or lactation outside ``text[start:end]``."""
    return any(m.end() <= start or m.start() >= end for pattern in (_PREG, _LACT) for m in pattern.finditer(text))


def _test(value: str) -> Predicate:
    """A positive test is the pregnancy (asked by either record); a negative one is the test."""
    return predicate("pregnancy", Op.PRESENT) if value == "positive" else predicate("pregnancy_test", Op.IS, value)


def _negative_test(expr: Expr, text: str, items: list[Item]) -> Expr:
    """A negative test asked of the women of childbearing potential only."""
    scope = _POTENTIAL.search(text)
    if scope is None:
        return expr
    items.append(Item(scope.start(), scope.end(), None, frozenset()))
    not_potential = all_of([predicate("childbearing_potential", Op.IS, "negative"), Not(predicate("pregnancy", Op.PRESENT))])
    return any_of([not_potential, expr])


# "Women of childbearing potential" as an exclusion of its own (6 corpus lines, with "Any", "Patients
# of child bearing potential", a bracketed definition after it): the status excludes, and the
# record states it (childbearing potential, positive); a man is not of it. Only the whole clause:
# written before a requirement it is that requirement's scope, read above and in ``sex``.
_POTENTIAL_ONLY = re.compile(r"\W*(?:(?:any|all)\s+)?(?P<who>[^()]{1,60}?)\s*(?:\([^()]{0,300}\))?\W*", I)


def _potential_excluded(text: str) -> Item | None:
    m = _POTENTIAL_ONLY.fullmatch(text)
    scope = _POTENTIAL.fullmatch(m.group("who")) if m is not None else None
    if scope is None or "menopaus" in scope.group(0).lower():  # premenopausal is not of childbearing potential
        return None
    expr = all_of([FEMALE, predicate("childbearing_potential", Op.IS, "positive")])
    return Item(m.start("who"), m.end("who"), expr, frozenset({"childbearing_potential", "sex"}))  # type: ignore[union-attr]


def pregnancy_items(text: str, ctype: CriterionType) -> list[Item]:
    tests = [
        (m.start(), m.end(), _test(qual_value(m.group("r1") or m.group("r2") or m.group("r3") or m.group("r4"))))
        for m in _PREG_TEST.finditer(text)
        # (a negative hCG named in an exclusion is how a pregnancy is ruled out, "Pregnant or need
        # to breast feed (Negative human chorionic gonadotropin (β-HCG) test required)": the
        # pregnancy the line names decides, as before the hormone was read)
        # ... nor beside a pregnancy the clause names ("must not be pregnant (negative urine or serum
        # human chorionic gonadotropin test ...)"): the test confirms the state the line reads
        if not ((m.group("r3") or m.group("r4")) and qual_value(m.group("r3") or m.group("r4")) == "negative"
                and (ctype is CriterionType.EXCLUSION or _named_besides(text, m.start(), m.end())))
    ]
    # a test without a result, or testing, is a procedure, not a pregnancy: "FCBP must also agree
    # to ongoing pregnancy testing" (13 corpus trials) asked every patient to be pregnant
    preg = [
        m for m in _PREG.finditer(text)
        if not any(s <= m.start() < e for s, e, _ in tests) and not _PROCEDURE_AFTER.match(text, m.end())
    ]
    lact = list(_LACT.finditer(text))
    mentions = preg + lact
    # the pregnancy as a topic, not a state: "be counseled about pregnancy precautions" (the
    # lenalidomide programme's wording, 9 corpus trials) asked every patient to be pregnant
    if mentions and re.search(r"\b(?:become|becoming|plan(?:s|ning)?\s+to|intend\w*\s+to|avoid|prevent|contracept|counsel\w*|precautions?|agree\w*\s+(?:not\s+)?to\s+(?:not\s+)?(?:breast|nurs))", text, I) and not re.match(
        # (the subject may open with an article and say "is": "The participant is pregnant,
        # breastfeeding, or planning to become pregnant", "Female study participant is breast
        # feeding, pregnant or intends to become pregnant", "Women, who are pregnant, plan to ...")
        r"\s*(?:the\s+|a\s+|any\s+)?(?:women\s*,?\s+|female\s+|patients?\s+|subjects?\s+|participants?\s+|study\s+)*"
        r"(?:(?:who|that)\s+(?:is|are)\s+|is\s+|are\s+)?(?:currently\s+)?(?:pregnant|lactating|breast|nursing)", text, I
    ) and not (ctype is CriterionType.EXCLUSION and _in_state(mentions, text)):
        mentions = []
    extra: list[Item] = []
    if not mentions and not tests and ctype is CriterionType.EXCLUSION:
        excluded = _potential_excluded(text)
        return [excluded] if excluded is not None else []
    if not mentions or any(pred.concept == "pregnancy_test" for _, _, pred in tests):
        out = [
            Item(s, e, _asked(_negative_test(pred, text, extra), text, s, ctype) if pred.concept == "pregnancy_test" else pred, frozenset({"pregnancy_test"}))
            for s, e, pred in tests
        ]
        if mentions and lact and not preg:  # "... negative pregnancy test. Women must not be breastfeeding."
            out += [_lactation_item(m, text, ctype) for m in lact if not any(s <= m.start() < e for s, e, _ in tests)]
        if ctype is CriterionType.EXCLUSION and tests and any(pred.concept == "pregnancy" for _, _, pred in tests):
            first = min(s for s, _, _ in tests)  # (the scope before a positive test: see _POTENTIAL_BEFORE)
            out += _scope_before(text, first)
        return out + extra
    parts: list[Expr] = []
    if preg:
        parts.append(predicate("pregnancy", Op.PRESENT))
    if lact:
        parts.append(predicate("lactation", Op.PRESENT))
    parts.extend(pred for _, _, pred in tests)  # a positive test: the pregnancy, asked by its record
    spans = [(m.start(), m.end()) for m in mentions] + [(s, e) for s, e, _ in tests]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    expr = any_of(parts)
    # in an exclusion, "women should not breastfeed" names whom it excludes: the state, not its absence
    if ctype is CriterionType.INCLUSION and _NOT_BEFORE.search(text[max(0, start - 40): start]) and not NEGATED.match(text):
        expr = Not(expr)  # "Women must not be pregnant or breastfeeding"
        if (non := _NON.search(text, 0, start)) is not None:
            start = non.start()
    out = [Item(start, end, expr, frozenset({"pregnancy", "lactation", "pregnancy_test"}))]
    # "... or planning to become pregnant or father a child": the man's side of the plan the line
    # folds in beside the state, as it folds the woman's (left, "father a child" was an unread
    # alternative and the line unknown for every patient)
    out += [Item(m.start(), m.end(), None, frozenset()) for m in _FATHER.finditer(text, end)]
    if any(pred.concept == "pregnancy" for _, _, pred in tests):
        # "positive Beta hCG test in a woman with child bearing potential": the positive test's
        # scope says who can have one, it narrows nothing (left as words, it narrowed the
        # exclusion, and a pregnant woman was no longer excluded)
        out += [Item(m.start(), m.end(), None, frozenset()) for m in _POTENTIAL.finditer(text) if m.end() <= start or m.start() >= end]
        out += _scope_before(text, start)
    elif ctype is CriterionType.EXCLUSION and preg:
        # "Women of Child Bearing Potential with a positive pregnancy test", "Women of child-bearing
        # potential who are pregnant or breastfeeding" (exclusions; ~20 corpus lines): a pregnant
        # woman is of childbearing potential, so the scope before the state narrows nothing (left
        # as words, it made the exclusion a person's for every pregnant woman)
        out += _scope_before(text, start)
    return out


# the scope and its link to the state right after it ("... potential who are", "... potential with either a")
_POTENTIAL_BEFORE = re.compile(
    r"\b(?:(?:women|woman|females?|patients?|participants?|subjects?)\s+)?(?:of|with)\s+(?:child[\s-]?bearing|reproductive)\s+potential"
    r"(?:\s*\(\s*(?:WOCBP|FOCBP)\s*\))?\s+(?:(?:who|that)\s+(?:is|are)|with(?:\s+either)?(?:\s+an?)?)(?=\s+(?:currently\s+)?(?:pregnant|positive|lactating|breast|nursing))",
    I,
)


def _scope_before(text: str, end: int) -> list[Item]:
    """The childbearing-potential scope before a pregnancy state or positive test at ``end``,
    taken off as words that narrow nothing (a pregnant woman is of childbearing potential)."""
    return [Item(m.start(), m.end(), None, frozenset()) for m in _POTENTIAL_BEFORE.finditer(text) if m.end() <= end]


_FATHER = re.compile(
    r"(?<=\bpregnant )(?:or|and/or)\s+(?:to\s+)?(?:father|sire)\s+(?:a\s+)?(?:child|children|baby)\b", I
)


# "Post-menarchal female subject who is pregnant or breastfeeding, or is planning to become
# pregnant": a line about future pregnancy that also names the state a subject is in excludes the
# state (the plan beside it is folded in, as for lines that open with the state)
_STATE_BEFORE = re.compile(
    r"(?<!with )(?<!to )\b(?:wom[ae]n|females?|girls?|patients?|subjects?|participants?|individuals?|persons?)\s+(?:who|that)\s+(?:is|are)\s+(?:currently\s+|already\s+)?$", I
)


def _in_state(mentions: list[re.Match[str]], text: str) -> bool:
    return any(_STATE_BEFORE.search(text[max(0, m.start() - 40): m.start()]) for m in mentions)


def _lactation_item(m: re.Match[str], text: str, ctype: CriterionType) -> Item:
    expr: Expr = predicate("lactation", Op.PRESENT)
    start = m.start()
    if ctype is CriterionType.INCLUSION and _NOT_BEFORE.search(text[max(0, m.start() - 40): m.start()]) and not NEGATED.match(text):
        expr = Not(expr)
        if (non := _NON.search(text, 0, m.start())) is not None:
            start = non.start()
    return Item(start, m.end(), expr, frozenset({"lactation"}))
