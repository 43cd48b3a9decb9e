"""Drugs that prolong the QT interval as registries write them: "Concomitant use of medications
known to prolong the QT/QTc interval", "Requirement of any drugs known to prolong the QTc
interval", "Concurrent medication that may cause QTc prolongation or induce Torsades de
Pointes", "QT-prolonging agents" (about 60 corpus lines left wholly to review, nearly all
exclusions of trials of a QT-prolonging drug), and a history of torsade de pointes.

The concept ``qt_prolonging_drug`` is a drug with a known risk of torsade de pointes on record
(codes.toml: the antiarrhythmics, antipsychotics, antidepressants, antiemetics, antibiotics and
antimalarials of that class, by ATC code or name). What the lines ask is a current use: the item
asks for one within the window the line writes or, without one, within ``NOW``. No line's set is
the list Eligo reads: "may prolong", "with a risk of" and the trial's own appendix name drugs
beyond it. The rest stays a review alternative beside the concept, asked only of a record holding
a medication in the window (``unlisted_drugs``): a patient on a listed drug is decided, one on
another drug is unknown, never cleared, and one on no drug at all takes none.

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, NOW, any_of, predicate
from rules_engine.parser.safety import Alternative
from rules_engine.parser.topics.unlisted_drugs import if_on_a_drug


_QT = r"(?:QT\s*/\s*QTc[FB]?(?:[\s-]*intervals?)?|corrected\s+QT(?:\s+intervals?)?|QTc?[FB]?(?:[\s-]*intervals?)?|OTc)"
# what the drug does: "prolong the QTc interval", "QT prolongation", "torsade de pointes"
_EFFECT = (
    r"(?:prolong\w*|lengthen\w*|increas\w*)\s+(?:(?:the|a|their|of\s+the)\s+)?(?:\w+\s+){0,2}?" + _QT
    + r"|" + _QT + r"(?:\s+interval)?[\s-]*(?:prolong\w*|lengthening)"
    + r"|torsades?[\s-]+de[\s-]*pointes?|\bTdP\b"
)
_NOUN = re.compile(
    r"(?<![\w-])(?:drugs?|medications?|medicines?|medicinal\s+products?|agents?|treatments?|therap(?:y|ies)|compounds?|substances?)\b", I
)
# the effect, with the words that restate it ("... the QTc interval prolongation or induce
# torsades de pointes (TdP)"); "torsades depointes" is written run together too
_TDP = r"(?:torsades?[\s-]+de[\s-]*pointes?|\bTdP\b)(?:\s*\(\s*TdP\s*\))?(?:\s+tachycardia)?"
_EFFECT_RE = re.compile(
    r"(?:" + _EFFECT + r")(?:\s+intervals?)?(?:\s+prolongation)?"
    r"(?:\s*(?:,|or|and|and/or)\s*(?:(?:induce|inducing|cause|causing|may\s+cause|(?:are\s+)?associated\s+with)\s+)?" + _TDP + r")?",
    I,
)
# the effect as the drug's adjective ("QT-prolonging drugs", "QT prolonging agents")
_ADJECTIVE = re.compile(
    r"(?:" + _QT + r")[\s-]*prolong(?:ing|ation)\s+(?:\w+\s+)?(?:drugs?|medications?|medicines?|agents?|treatments?|therap(?:y|ies)|compounds?)\b", I
)
# the adjective before the noun the effect follows ("QT prolonging agents strongly associated with
# torsades de pointes"): the item's words too
_ADJECTIVE_BEFORE = re.compile(r"(?:" + _QT + r")[\s-]*prolong(?:ing|ation)\s+(?:\w+\s+)?$", I)
_WINDOW = re.compile(r"\bwithin\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d{1,3})\s*(?P<u>days?|weeks?)\b|\b(?P<n2>\d{1,3})\s*(?P<u2>days?|weeks?)\s+(?:prior|before|preceding)\b", I)
_CLAUSE_END = re.compile(r"[;:.()]")
# CredibleMeds' class named before the drugs ("Category I drugs that are generally accepted to
# have a risk of causing Torsades de Pointes including: (Patients must discontinue drug 7 days
# prior to starting dasatinib)", 6 corpus lines of dasatinib trials): the class is the known-risk
# list the concept reads, the list's lead and the stopping instruction say the window only
_CATEGORY = re.compile(r"\bcategory\s+(?:I|1|one)\s+$", I)
_LIST_TAIL = re.compile(
    r"\s*(?:including|such\s+as|as\s+follows)?\s*:?\s*"
    r"(?:\(\s*(?:patients?\s+must\s+)?(?:discontinue|stop)\s+(?:the\s+|any\s+)?(?:drugs?|medications?|them)\s+(?:at\s+least\s+)?"
    r"\d{1,3}\s*(?:days?|weeks?)\s+(?:prior|before)\s+(?:to\s+)?(?:starting|beginning|the\s+start\s+of)(?:\s+[\w-]+){1,3}\s*\)\s*:?)?"
    # where the list is kept ("Torsades de Pointes http://torsades.org (list #1)", "(see
    # www.crediblemeds.org)"; meds17): the source of the known-risk list the concept reads, no
    # further requirement (left, the address and the list's number made the line a person's)
    r"(?:\s*\(?\s*(?:see\s+)?(?:https?://|www\.)[\w./#?=&%~-]{1,120}\s*\)?)?(?:\s*\(\s*list\s*(?:#|no\.?|number)?\s*\d{1,2}\s*\))?",
    I,
)
# the words between the drug and its effect say only that it has it
_LINK = re.compile(
    r"^(?:\s|,|\b(?:that|which|are|is|be|been|have|has|had|with|a|an|the|known|to|may|might|can|could|potentially|potential|possibly|possible|"
    r"relative|significant|risk|risks|of|for|at|cause|causing|caused|induce|inducing|associated|leading|lead|reported|recognized|recognised|"
    r"established|likely|strongly|generally|accepted|moderate|high|higher|increased|effect|effects|or|and|and/or|any|other|in|by|well|documented|prolong|prolongs|causes)\b)*$",
    I,
)
# "Patients on medication ... are excluded if the QT-interval is > 460 msec", "allowed", a plan:
# the line permits or conditions the drug, it does not ask for it
_GRANTS = re.compile(r"(?<!not )(?<!n't )\b(?:allowed|permitted|acceptable|may\s+be\s+(?:enrolled|included|eligible)|eligible\s+if|if\s+the\s+QT)", I)
_PLAN = re.compile(r"\b(?:anticipated|expected|planned|plan\s+to|will\s+(?:need|require)|need\s+for\s+future)\b[^;.]{0,40}$", I)
_LEAD = re.compile(
    r"(?:(?:requires?|requiring|requirement\s+(?:of|for)|need\s+for)\s+)?(?:(?:concomitant|concurrent|current|ongoing|chronic|continued|regular)\s+)?"
    r"(?:use\s+of|treatment\s+with|therapy\s+with|administration\s+of|receiving|recipient\s+of|taking|using|received|on)\s+(?:an?\s+|any\s+|the\s+)?$"
    r"|(?:concomitant|concurrent|current|ongoing)\s+$",
    I,
)
# a torsade de pointes, or a QT prolongation, that happened to the patient
_HISTORY = re.compile(
    r"(?:history\s+of|prior|previous|known)\s+(?:\w+\s+){0,2}?(?:torsades?[\s-]+de[\s-]*pointes?|\bTdP\b)",
    I,
)


def qt_drug_items(text: str) -> list[Item]:
    """Items for QT-prolonging drugs (see the module's doc)."""
    low = text.lower()
    if "qt" not in low and "torsad" not in low and "tdp" not in low and "otc" not in low:
        return []
    if _GRANTS.search(text):
        return []
    items: list[Item] = []
    for start, end in _drug_spans(text):
        if _PLAN.search(text, max(0, start - 50), start):
            continue
        w = _WINDOW.search(text, end, min(len(text), end + 80))
        window = NOW
        if w is not None:
            n, unit = (w.group("n"), w.group("u")) if w.group("n") else (w.group("n2"), w.group("u2"))
            window = Window(float(n), unit.lower().rstrip("s") + "s")
        expr: Expr = any_of([
            predicate("qt_prolonging_drug", Op.WITHIN, None, None, False, window),
            if_on_a_drug(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "a drug that prolongs the QT interval beyond those with a known risk of torsade de pointes Eligo reads"), window),
        ])
        lead = _LEAD.search(text, max(0, start - 60), start)
        if lead is not None:
            start = lead.start()
        if w is not None and not re.search(r"[;,.()]", text[end: w.start()]):
            end = w.end()
        category = _CATEGORY.search(text, max(0, start - 20), start)
        if category is not None:
            start = category.start()
        tail = _LIST_TAIL.match(text, end)
        if tail is not None and (w is None or tail.end() >= w.end()):
            end = tail.end()
        items.append(Item(start, end, expr, frozenset({"qt_prolonging_drug"})))
    for m in _HISTORY.finditer(text):
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        items.append(Item(m.start(), m.end(), predicate("torsades_de_pointes", Op.PRESENT), frozenset({"torsades_de_pointes"})))
    return sorted(items, key=lambda it: it.start)


def _drug_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each drug named with its QT effect: the drug's noun, then the effect in the
    same clause with only linking words between ("medications that have a relative risk of
    prolonging the QT interval"), or the effect as its adjective."""
    spans: list[tuple[int, int]] = []
    taken = 0
    for n in _NOUN.finditer(text):
        if n.start() < taken:
            continue
        stop = _CLAUSE_END.search(text, n.end(), n.end() + 100)
        e = _EFFECT_RE.search(text, n.end(), stop.start() if stop else min(len(text), n.end() + 100))
        if e is None or not _LINK.match(text[n.end(): e.start()]):
            continue
        adjective = _ADJECTIVE_BEFORE.search(text, max(0, n.start() - 40), n.start())
        spans.append((adjective.start() if adjective else n.start(), e.end()))
        taken = e.end()
    for a in _ADJECTIVE.finditer(text):
        if all(a.end() <= s or a.start() >= e for s, e in spans):
            spans.append((a.start(), a.end()))
    return sorted(spans)
