"""Organ diseases exclusions name, beside the history table's own: "Clinically significant
cardiovascular disease", "Active angina pectoris", "Known history of cardiomyopathy", "Any prior
history of hypertensive crisis or hypertensive encephalopathy", "Thyroid disease",
"Hyperthyroidism", and the Child-Pugh class of a liver ("Child-Pugh class A", "Child Pugh B or
C", "Child-Pugh score > 9"). About 120 corpus lines were left wholly to review before these rows.

The diseases are concepts with their ICD-10-CM and SNOMED codes (codes.toml), read by the history
table of ``events``, so each keeps every rule of a history item: an exclusion reads it wherever
named, an inclusion only where it asks about it, a window beside it holds ("within 6 months"),
and what only a person can weigh ("clinically significant", "uncontrolled", "severe") stays a
review beside it. Under the contract a disease absent from the record is absent, so
"uncontrolled cardiovascular disease" is decided not met for a patient with no circulatory
disease at all and left to review for one with any: the adjective alone never excludes nor
clears. ``cardiovascular_disease`` is any disease of the circulatory system (I00-I99), and the
narrower circulatory concepts are kinds of it, so no coded heart or vessel disease is missed.

The Child-Pugh score (5-15 points) is a measurement: absent from the record it is unknown. A
class names a span of scores (A 5-6, B 7-9, C 10-15); a score written beside a class ("B7",
"B (score 7)", "up to B7") narrows it. The spans a line names are joined into one bound.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Not, Op, Review, ReviewReason
from rules_engine.parser.items import NEGATED, I, Item, all_of, any_of, predicate
from rules_engine.parser.topics.labs import LVEF_SURELY_LOW

_NOT_THE_PATIENTS = r"(?<!risk of )(?<!risk for )(?<!associated with )(?<!family history of )"

# (concept, pattern, gate words one of which the clause must hold)
ORGAN_DISEASE_EVENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # "cardiovascular disease", "cardio-vascular conditions", "cardiovascular dysfunction"; never
    # its risk, events or drugs ("cardiovascular risk", "major cardiovascular events"), which are
    # not a diagnosis
    ("cardiovascular_disease",
     # (the brain's vessels named with the heart's, "cardiovascular and cerebrovascular diseases",
     # "cardio-cerebrovascular disease": the circulatory system's diseases are both, I00-I99 holding
     # the cerebrovascular I60-I69; read apart, the brain's half was an unread review)
     _NOT_THE_PATIENTS + r"\b(?:cardio-?\s?vascular(?:\s{1,3}(?:and/or|and|or|&|/)\s{1,3}cerebro-?\s?vascular)?|cerebro-?\s?vascular\s{1,3}(?:and/or|and|or|&|/)\s{1,3}cardio-?\s?vascular"
     r"|cardio-?\s?cerebro-?\s?vascular)\s+(?:diseases?|disorders?|conditions?|illness(?:es)?|dysfunction|co-?morbidit(?:y|ies)|problems?)",
     ("cardio",)),
    # any angina ("unstable angina" is the history table's, read first and a kind of this one)
    ("angina", _NOT_THE_PATIENTS + r"\bangina(?:\s+pectoris)?\b", ("angina",)),
    ("cardiomyopathy", _NOT_THE_PATIENTS + r"\bcardiomyopath(?:y|ies)\b", ("cardiomyopath",)),
    ("pulmonary_hypertension", r"\bpulmonary\s+(?:arterial\s+)?hypertension(?:\s*\(\s*P?A?H\s*\))?", ("pulmonary",)),
    ("hypertensive_crisis", r"\bhypertensive\s+(?:crisis|crises|emergenc(?:y|ies)|urgenc(?:y|ies)|encephalopathy)", ("hypertensive",)),
    ("hyperthyroidism", r"\bhyperthyroid(?:ism)?\b|\bthyrotoxicosis\b|\bgraves'?\s+disease", ("hyperthyroid", "thyrotox", "graves")),
    # the gland's disease as such; a thyroid cancer is a cancer, a test ("thyroid function tests")
    # a measurement: neither is read here
    ("thyroid_disease",
     r"\bthyroid\s+(?:gland\s+)?(?:diseases?|disorders?|dysfunction|abnormalit(?:y|ies)|conditions?)\b|\bthyroiditis\b",
     ("thyroid",)),
    # the adrenal and pituitary diseases by their own names; "adrenal/pituitary insufficiency"
    # and the glands listed together are gland_items' (a replacement steroid "for" one is no
    # exclusion of it)
    ("adrenal_disorder",
     _NOT_THE_PATIENTS + r"(?<!for )\baddison'?s?\s+disease|\b(?:primary\s+|secondary\s+)?adrenocortical\s+insufficiency|\bhypoadrenalism\b|\bcushing'?s?\s+(?:syndrome|disease)",
     ("addison", "adrenocortical", "hypoadrenal", "cushing")),
    ("pituitary_disorder", _NOT_THE_PATIENTS + r"(?<!for )\bhypopituitarism\b", ("hypopituitar",)),
    # "currently active gastrointestinal disease", "GI disease that may significantly alter the
    # absorption", "gastrointestinal disorder(s)", "digestive tract disease" (~180 corpus lines):
    # events reads it as the organic disease met and the rest of the tract left to a person
    # a tendency to clot ("a known thrombophilic condition", "hypercoagulable state",
    # "hypercoagulability syndromes", "a carrier state of factor V Leiden mutation"; ~10 corpus lines)
    ("thrombophilia",
     _NOT_THE_PATIENTS + r"\bthrombophili(?:a|as|c)\b(?:\s+(?:conditions?|disorders?|states?))?|\bhypercoagula(?:ble|bility)\b(?:\s+(?:conditions?|states?|syndromes?|disorders?))?"
     r"|\bfactor\s+V\s+Leiden\b(?:\s+mutation)?",
     ("thrombophil", "hypercoagul", "leiden")),
    ("gastrointestinal_disease",
     _NOT_THE_PATIENTS + r"\b(?:gastro-?\s?intestinal(?:\s*\(\s*GI\s*\))?|GI|digestive)\s+(?:tract\s+)?(?:diseases?|disorders?(?:\s*\(\s*s\s*\))?|conditions?|illness(?:es)?)\b",
     ("gastro", "gi", "digestive")),
)


# the endocrine glands a line lists with one noun ("disorder of the hypothalamic-pituitary axis,
# adrenal or thyroid glands", "pituitary or adrenal dysfunction", "adrenal insufficiency"): each
# gland listed is a disease of its own, any of which the line names. A gland the steroids "for"
# it treat ("replacement therapy for adrenal or pituitary insufficiency") is an indication, no
# disease the line excludes; a thyroid named alone is the rows' (thyroid_disease).
_GLAND = r"(?:(?:hypothalamic[\s-]*)?pituitary(?:[\s-]+(?:axis|gland))?|adrenal(?:\s+gland)?|thyroid(?:\s+gland)?)"
_GLAND_JOIN = r"\s*(?:,\s*(?:and\s+|or\s+|and/or\s+)?|\s(?:and|or|and/or)\s+|/)\s*"
_GLAND_NOUN = r"(?:insufficienc(?:y|ies)|dysfunctions?|diseases?|disorders?|failure|abnormalit(?:y|ies))"
_GLANDS = re.compile(
    r"(?<!for )(?<!for the )(?<!due to )(?<!to treat )"
    r"(?:\b(?:disorders?|diseases?|dysfunction|abnormalit(?:y|ies))\s+of\s+(?:the\s+)?(?P<of>" + _GLAND + r"(?:" + _GLAND_JOIN + _GLAND + r"){0,3})(?:\s+glands?)?"
    r"|\b(?P<list>" + _GLAND + r"(?:" + _GLAND_JOIN + _GLAND + r"){0,3})(?:\s+glands?)?\s+" + _GLAND_NOUN + r"\b)",
    I,
)

_EXAMPLE_BEFORE = re.compile(r"(?:\(\s*(?:e\.\s?g\.?|eg\b|for\s+example|such\s+as|including)|\bsuch\s+as\b|\be\.\s?g\.?)[^()]{0,100}$", I)
_FOR_GLANDS = re.compile(r"\b(?:for|due\s+to|to\s+treat)\s+(?:the\s+)?(?:" + _GLAND + _GLAND_JOIN + r"){1,3}$", I)


def _excludes(text: str, ctype: CriterionType) -> bool:
    """An exclusion, or an inclusion that negates what it names ("No uncompensated ..."): the
    lines whose disease this module's readers take as what the patient must not have."""
    return ctype is not CriterionType.INCLUSION or NEGATED.match(text) is not None


def gland_items(text: str, ctype: CriterionType) -> list[Item]:
    """The endocrine glands' diseases a line lists (see ``_GLANDS``): in an exclusion, or an
    inclusion that negates them ("No uncompensated major thyroid or adrenal dysfunction"); an
    inclusion naming them otherwise ("levels that are not suggestive of adrenal insufficiency")
    asks no disease of the patient."""
    low = text.lower()
    if "adrenal" not in low and "pituitar" not in low:
        return []
    if not _excludes(text, ctype):
        return []
    out: list[Item] = []
    for m in _GLANDS.finditer(text):
        if _FOR_GLANDS.search(text, max(0, m.start() - 80), m.start()):
            continue  # the last gland of "for adrenal or pituitary insufficiency": the same indication
        if _EXAMPLE_BEFORE.search(text, max(0, m.start() - 100), m.start()):
            continue  # "(e.g., rheumatoid arthritis or adrenal insufficiency)": an example of what an exception allows
        words = (m.group("of") or m.group("list")).lower()
        concepts = [c for c, w in (("pituitary_disorder", "pituitar"), ("adrenal_disorder", "adrenal"), ("thyroid_disease", "thyroid")) if w in words]
        if not ({"pituitary_disorder", "adrenal_disorder"} & set(concepts)):
            continue
        out.append(Item(m.start(), m.end(), any_of([predicate(c, Op.PRESENT) for c in concepts]), frozenset(concepts)))
    return out


# "cardiac dysfunction (particularly congestive heart failure)", "History of cardiac dysfunction",
# "left ventricular dysfunction" (~35 corpus lines, each left wholly to a person): an ejection
# fraction below every lab's lower limit of normal (< 45 %, ``labs.LVEF_SURELY_LOW``) is a
# dysfunction of the heart whatever else the line means by it, so a record holding one meets the
# line; anything else stays a person's (a qualifier beside it, "severe", "clinically significant",
# stays the reader's own review). Before, LVEF 30 % met no part of such an exclusion, and the
# patient was eligible. A dysfunction the line goes on to define or list ("including any of the
# following:", "documented by an ejection fraction < LLN", "with resting ejection fraction ...")
# is what those words say, read by their own readers: joined to them, it would hide a listed
# kind a record holds (an MI last month) behind the review.
_CARDIAC_DYSFUNCTION = re.compile(
    _NOT_THE_PATIENTS + r"\b(?:(?:cardiac|heart|myocardial|left[\s-]+ventricular|LV)\s+(?:systolic\s+)?|systolic\s+)dysfunction\b"
    r"(?!\s*,?\s*(?::|including\b|such\s+as\b|e\.\s?g\.|i\.\s?e\.|defined\b|as\s+defined\b|documented\b|as\s+(?:evidenced|shown|demonstrated|measured)\b|with\b))",
    I,
)


# an inclusion's later words that deny it ("Adequate heart function with echocardiogram
# demonstrating ejection fraction >= 45% with no evidence of systolic dysfunction")
_DENIED_BEFORE = re.compile(r"\b(?:with\s+)?(?:no|without)\s+(?:(?:evidence|signs?|history)\s+of\s+)?$", I)


def cardiac_dysfunction_items(text: str, ctype: CriterionType) -> list[Item]:
    """Each "cardiac dysfunction" a line excludes (an exclusion, or an inclusion negating it, or
    an inclusion that goes on to deny it, "... with no evidence of systolic dysfunction")."""
    if "dysfunction" not in text.lower():
        return []
    excludes = _excludes(text, ctype)
    out: list[Item] = []
    for m in _CARDIAC_DYSFUNCTION.finditer(text):
        dysfunction = any_of([
            Not(predicate("lvef", Op.GTE, LVEF_SURELY_LOW, "%")),
            # a heart failure on record is the heart's function failing, by definition (as
            # ``cardiac_impairment`` reads "impaired cardiac function"): left to the review, a
            # systolic heart failure with an LVEF of 50 % met "no evidence of systolic dysfunction"
            predicate("heart_failure", Op.PRESENT),
            Review(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(m.group(0).split())),
        ])
        if excludes:
            out.append(Item(m.start(), m.end(), dysfunction, frozenset({"lvef", "heart_failure"})))
            continue
        denied = _DENIED_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if denied is not None:
            out.append(Item(denied.start(), m.end(), Not(dysfunction), frozenset({"lvef", "heart_failure"})))
    return out


_CHILD_PUGH = re.compile(r"\bChild[\s-]*(?:Turcotte[\s-]*)?Pugh\b", I)

# the words between the name and its class or score ("score of", "Liver Function Class", "status should be")
_LEAD = re.compile(
    r"(?:\s*(?:\(\s*CP\s*\)|\bCP\b|score|scores|class|classification|category|stage|status|grade|liver\s+(?:function\s+)?(?:class|score)|of|is|must\s+be|should\s+be|:|=))*\s*",
    I,
)

_CLASS_SPANS = {"a": (5, 6), "b": (7, 9), "c": (10, 15)}

# one class, with the score that narrows it: "A", "B7", "B (score 7)", "B (8,9)", "C (score 10-15)"
_ONE_CLASS = re.compile(
    r"(?P<c>[ABC])(?P<n>[5-9]|1[0-5])?\b(?:\s*\(\s*(?:score\s*(?:of\s*)?)?(?:=\s*)?(?P<lo>[5-9]|1[0-5])(?:\s*(?:-|–|to|,|or)\s*(?P<hi>[5-9]|1[0-5]))?\s*(?:points?)?\s*\))?"
)
_JOIN = re.compile(r"(?:\s*(?:,|/|-|–|\bor\b|\band\b|and/or|\bto\b|\bthrough\b|\bclass(?:es)?\b)\s*){1,3}", I)
_UP_TO = re.compile(r"\s*\(?\s*(?:up\s+to|maximum|max\.?|≤|<=)\s*(?:class\s+)?B(?P<n>[7-9])\s*\)?", I)
_SCORE = re.compile(r"(?P<op>[≥>≤<]|=)?\s*(?P<a>[5-9]|1[0-5])(?:\s*(?:-|–|to|or)\s*(?P<b>[5-9]|1[0-5]))?\b(?!\s*(?:%|days?|weeks?|months?|years?|mg|g/|mmol|µmol|umol))")


# a score or class in parentheses after the bound restates it ("(score 5-6)", "(Child-Pugh Class A)")
_RESTATED = re.compile(
    r"\s*\(\s*(?:(?:Child[\s-]*Pugh\s+)?(?:class|score)\s*)?(?:[ABC]\b|(?:[5-9]|1[0-5])(?:\s*(?:-|–|to|or)\s*(?:[5-9]|1[0-5]))?\s*(?:points?)?)\s*\)", I
)


def _class_span(text: str, at: int) -> tuple[int, int, int] | None:
    """(lowest score, highest score, end) of the classes written from ``at`` ("A or B (up to B7)")."""
    spans: list[tuple[int, int]] = []
    end = at
    pos = at
    while True:
        m = _ONE_CLASS.match(text, pos)
        if m is None or (spans == [] and m.group("c").islower()):
            break
        lo, hi = _CLASS_SPANS[m.group("c").lower()]
        if m.group("n"):
            n = int(m.group("n"))
            if not lo <= n <= hi:
                return None
            lo = hi = n
        elif m.group("lo"):
            a = int(m.group("lo"))
            b = int(m.group("hi")) if m.group("hi") else a
            if not (lo <= a <= b <= hi):
                return None
            lo, hi = a, b
        spans.append((lo, hi))
        end = m.end()
        join = _JOIN.match(text, end)
        if join is None or join.end() == end:
            break
        pos = join.end()
    if not spans:
        return None
    if sorted(spans) != spans or (5, 6) in spans and (10, 15) in spans and not any(7 <= s[0] <= 9 for s in spans):
        return None  # "A or C": two spans with a gap, no one bound ("A/B9" is A through B9)
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    cap = _UP_TO.match(text, end)
    if cap is not None:
        hi = min(hi, int(cap.group("n")))
        end = cap.end()
    return lo, hi, end


def child_pugh_items(text: str, ctype: CriterionType) -> list[Item]:
    """The Child-Pugh bound a line states (see the module's doc)."""
    anchor = _CHILD_PUGH.search(text)
    if anchor is None:
        return []
    lead = _LEAD.match(text, anchor.end())
    at = lead.end() if lead is not None else anchor.end()
    if at - anchor.end() > 40:
        return []
    span = _class_span(text, at)
    if span is not None:
        lo, hi, end = span
    else:
        m = _SCORE.match(text, at)
        if m is None:
            return []
        a = int(m.group("a"))
        op = m.group("op")
        end = m.end()
        if m.group("b"):
            lo, hi = a, int(m.group("b"))
        elif op in ("<", "≤"):
            lo, hi = 5, a - (op == "<")
        elif op in (">", "≥"):
            lo, hi = a + (op == ">"), 15
        else:
            return []  # a bare number: which way it bounds is not written
    if not 5 <= lo <= hi <= 15 or (lo, hi) == (5, 15):
        return []
    if lo == 5:
        expr = predicate("child_pugh", Op.LTE, hi)
    elif hi == 15:
        expr = predicate("child_pugh", Op.GTE, lo)
    else:
        expr = predicate("child_pugh", Op.BETWEEN, (lo, hi))
    # an explicit score after the class restates it ("Child-Pugh class A (score 5-6)"): part of the item
    tail = _RESTATED.match(text, end)
    if tail is not None:
        end = tail.end()
    start = anchor.start()
    # the cirrhosis the class grades ("Child-Pugh C cirrhosis", "Liver cirrhosis Child Pugh B or
    # C"): both together, never either alone (read apart, the clause joined them as alternatives
    # and any cirrhosis excluded)
    before = _CIRRHOSIS_BEFORE.search(text, max(0, start - 40), start)
    after = _CIRRHOSIS_AFTER.match(text, end)
    if before is not None or after is not None:
        expr = all_of([predicate("liver_disease", Op.PRESENT), expr])
        start = before.start() if before is not None else start
        end = after.end() if after is not None else end
        return [Item(start, end, expr, frozenset({"child_pugh", "liver_disease"}))]
    return [Item(start, end, expr, frozenset({"child_pugh"}))]


_CIRRHOSIS_BEFORE = re.compile(r"(?:(?:liver|hepatic)\s+)?cirrho(?:sis|tic)(?:\s+(?:status|patients?))?\s*(?:of|with|,|\(|:)?\s*$", I)
_CIRRHOSIS_AFTER = re.compile(r"\s*\)?\s*(?:(?:liver|hepatic)\s+)?cirrhosis\b", I)
