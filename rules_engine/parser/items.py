"""What every extractor shares: the span a topic recognised (``Item``), the expression helpers
that flatten and de-duplicate as they join, operator tables, and the stop-word test that decides
whether words left over after extraction still say something.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rules_engine.criteria import All, Any_, CriterionType, Expr, NoRequirement, Not, Op, Predicate, Window


I = re.IGNORECASE


FEMALE = Predicate("sex", Op.IS, "female")




@dataclass
class Item:
    start: int
    end: int
    expr: Expr | None  # None: consumed words that carry no requirement ("both sexes")
    concepts: frozenset[str] = frozenset()


def predicate(concept: str, op: Op, value=None, unit=None, uln=False, window=None, **kw) -> Predicate:
    return Predicate(concept, op, value, unit, uln, window, **kw)


def any_of(parts: list[Expr]) -> Expr:
    flat: list[Expr] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, Any_) else (part,))
    flat = list(dict.fromkeys(flat))
    return flat[0] if len(flat) == 1 else Any_(tuple(flat))


def all_of(parts: list[Expr]) -> Expr:
    flat: list[Expr] = []
    for part in parts:
        flat.extend(part.parts if type(part) is All else (part,))  # (a ``joint.Joint`` stays one part)
    flat = list(dict.fromkeys(flat))
    return flat[0] if len(flat) == 1 else All(tuple(flat))


# the counts registries spell out ("no more than two prior regimens", "failed one or more")
COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def asks_nothing(ctype: CriterionType) -> Expr:
    """A line that restricts nobody: an inclusion met by everyone, an exclusion that never holds
    (an exclusion holds when its expression is met, so a bare ``NoRequirement`` would exclude all)."""
    return NoRequirement() if ctype is CriterionType.INCLUSION else Not(NoRequirement())


def count_of(word: str) -> int:
    """A count written as a digit or a word of ``COUNT_WORDS``."""
    word = word.lower()
    return COUNT_WORDS[word] if word in COUNT_WORDS else int(word)


def number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


OPS = {"≥": Op.GTE, ">": Op.GT, "≤": Op.LTE, "<": Op.LT, "=": Op.EQ}


NEGATE = {Op.GTE: Op.LT, Op.GT: Op.LTE, Op.LTE: Op.GT, Op.LT: Op.GTE}


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


UNIT_WORDS = {"day": "d", "week": "wk", "month": "mo", "year": "a"}


POS = r"(?:positive|positivity|\(\+\)|\+|reactive|seropositive|detectable|detected)"


NEG = r"(?:negative|\(-\)|non-?reactive|undetectable|not\s+detected)"


def qual_value(text: str) -> str:
    return "negative" if re.match(NEG, text, I) else "positive"


_STOP = frozenset(
    """a an the and or of in on at to for by with without as is are was were be been being must should shall will would can could may
    might has have had having who which that this these those than then there their his her its it they them he she him
    patients patient subjects subject participants participant person persons people individuals women woman men man male female
    males females any all each every other others such following least more less than within prior previous previously
    before after during since from into per via also only both either neither nor not no yes including include includes included particularly especially notably
    e.g i.e eg ie etc defined definition define according criteria criterion requirements requirement meet meets met following
    diagnosed diagnosis diagnostic confirmed documented known history presence present evidence level levels count counts value values
    serum plasma blood total test tests result results time times screening enrollment enrolment registration randomization
    randomisation study entry baseline first dose hours hrs day days week weeks month months year years old age aged over under above below
    up using use used via based case cases status score scores points point grade class function functions organ organs system
    adequate normal range limit limits upper lower show shows showed showing demonstrate demonstrated demonstrating currently current ongoing
    condition conditions disease diseases diagnosed state states note one two three four five six seven eight nine ten
    per cent percent inclusive exclusive respectively where when if whose what how about into again same well due
    received receiving treated undergone underwent active infection infections infected meet leukemia leukemic
    according accordance who world health organization organisation classification guidelines guideline version edition confirmed
    flow cytometry immunohistochemistry cell cells since ecog standard ability able mg dl ml min kg mmol umol l g u x uln lln na eligible eligibility criteria trial
    requiring needing needed need needs required require requires
    known suspected obvious obviously evident apparent positive exhibit exhibits exhibiting clinically existing pre-existing preexisting concurrent concurrently concomitant concomitantly
    receive attenuated msec millisecond milliseconds ms resting therefore thus hence however furthermore moreover additionally
    alanine clinical radiographic radiological radiologic dependence dependent dependency post calculated measured
    obtained performed assessed immunization immunisation treat evidenced shown indicating
    proven proved verified
    doses dosing administration administer administered taking presents presenting suggestive
    suffered suffering experienced""".split()
)
# Words that restate what a predicate already asks, or how the record knows it, never narrow it:
# a diagnosis or infection is present only when the record has it ("known", "suspected", "obvious",
# "evident": the record is the evidence, absent means absent), an event counts while active ("existing",
# "concurrent"), a unit repeated beside its value ("msec"), how a value was had ("obtained",
# "performed"), how a finding is shown ("relapse as evidenced by > 5% blasts", "as shown by": the
# evidence named after it is read on its own), when a test is taken ("within 24 hours of enrollment",
# read as "within 14 days of enrollment" always was; "24-hour creatinine clearance" keeps its test), a vaccine's restated kind ("immunization with live vaccines") and a therapy's
# purpose ("... to treat AML").
# Method adverbs that prefix a participle ("morphologically-confirmed", "histologically
# documented") say how a diagnosis was made, as do their adjectives and "proven" ("Histologically
# proven melanoma", "Histological or cytological confirmation of prostate cancer": about 130
# corpus lines left these words a review beside the diagnosis read, and no record with the
# diagnosis met the line; the proof's nouns are blanked with their method, remarks.py).
_METHOD_ADVERB = re.compile(r"(?:morpholog|histolog|histopatholog|cytopatholog|patholog|cytolog|cytogenetic|immunophenotyp|radiolog|serolog|clinic|molecular|genetic)\w*ally$|(?:morpholog|histolog|histopatholog|cytopatholog|cytolog)ic(?:al)?", re.I)


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")


def _says_something(word: str) -> bool:
    low = word.lower()
    if low in _STOP or len(word) < 2:
        return False
    if "-" in low:  # "morphologically-confirmed", "newly-diagnosed": every part empty
        return any(p and p not in _STOP and not _METHOD_ADVERB.fullmatch(p) and p != "newly" for p in low.split("-"))
    return not _METHOD_ADVERB.fullmatch(low)


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if _says_something(w)]


# An inclusion that opens with a negation negates the whole clause ("No known liver or kidney
# disease"). "Patient has no ..." opens the same way (cond5): read as a negation of its first item
# only, "Patient has no known liver or kidney disease" became "(not liver disease) or kidney
# disease", met by a patient with kidney disease. Not where the line defines what it denies:
# "Subject has no major impairment of hematological function, as defined by ... WBC > 3.0"
# states its bounds as the good state, which the negation would turn round. "Must not have
# current or recent use of full-dose anticoagulants" denies the use as "must not have received"
# does (rx6; the use's own words are the therapy topic's).
# "Patients may have had no previous chemotherapy, radiation therapy ... or TKI" and "Patient is
# not on dialysis" open negated too (core6): read item by item, the "no" covered the first item
# only (met by a patient who had radiotherapy) and "is not" none at all (an inclusion that asked
# for dialysis). Not "are not required / considered to have", which lift or define, nor "is not a
# candidate / eligible / able", which judge the patient's suitability (for what is named after).
# "Patients may receive no concurrent chemotherapy, immunotherapy or ketoconazole" denies the same
# way (read item by item, a patient on immunotherapy met it).
_HAD_NO = (r"(?:(?:must|should|may|can|shall|will)\s+)?(?:(?:has|have)\s+(?:had|received|undergone)|receive|take|use|undergo)\s+"
           r"(?=no\b(?![^.;]*\bdefined\b))")
_IS_NOT = r"(?:is|are)\s+(?=not\b(?!\s+(?:required|considered|necessarily|needed|mandatory|only|just|excluded|limited|restricted|(?:a\s+)?(?:medically\s+)?(?:candidates?|eligible|suitable|able|appropriate|amenable|willing|fit|allowed|permitted)\b)))"
# (a clause with no subject of its own, "..., but must have no evidence of active graft vs. host
# disease", "Must have no ...": the "no" is the clause's negation as after a subject; read without
# it, the permission's condition asked every transplanted patient for the GVHD it forbids)
NEGATED = re.compile(
    r"^\W*(?:there\s+(?:is|are|was|were|(?:must|should|can|may|will|shall|could)\s+be)\s+)?(?:(?:patients?|subjects?|participants?)\s+(?:" + _HAD_NO + "|" + _IS_NOT + r"|must\s+have\s+|with\s+|have\s+|has\s+(?=no\b(?![^.;]*\bdefined\b))|must\s+|should\s+|shall\s+)?)?(?:(?:has|have|must\s+have|should\s+have)\s+(?=(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:previously\s+|prior\s+)?(?:treated|received|had|used|undergone|taken|exposed)\b))?(?:(?:but\s+)?(?:must|should)\s+have\s+(?=no\s))?(?:cannot|(?:can|may)\s+not|(?:must|should|shall)\s+not\s+have\s+(?:been\s+)?(?=(?:previously\s+|prior\s+)?(?:treated|received|had|used|undergone)\b|(?:current|recent)\s+(?:or\s+(?:current|recent)\s+)?use\b)|no|not|without|absence\s+of|free\s+of|never|negative\s+for|non-?existence\s+of)\b(?!\s+(?:more|less|greater|fewer|later|earlier|sooner)\b)",
    I,
)


def negation_read_by_item(negation: re.Match[str], items: Sequence[Item]) -> bool:
    """Whether a clause's opening "negative for" is the result an item read as its own ("Negative
    for HIV": the infection topic reads the absence): negated once more as the clause's, the line
    asked for the infection (an inclusion an HIV-positive patient met)."""
    return "negativ" in negation.group(0).lower() and any(it.expr is not None and it.start < negation.end() for it in items)


def map_leaves(expr: Expr, leaf: Callable[[Expr], Expr]) -> Expr:
    """``expr`` rebuilt with ``leaf`` applied to every node that is no And, Or or Not (the joins
    flattened again as the parser builds them)."""
    if isinstance(expr, All):
        return all_of([map_leaves(p, leaf) for p in expr.parts])
    if isinstance(expr, Any_):
        return any_of([map_leaves(p, leaf) for p in expr.parts])
    if isinstance(expr, Not):
        return Not(map_leaves(expr.part, leaf))
    return leaf(expr)


def rewrite_groups(expr: Expr, at: Callable[[All | Any_, list[Expr], bool], list[Expr]], positive: bool = True) -> Expr:
    """``expr`` with ``at`` applied, bottom-up, to the parts of each And and Or node: ``at`` gets
    the node, its parts (already rewritten) and the sign the node sits under (True under no Not or
    an even number of them), and returns the parts to keep. The topics that let a review in only
    under one sign (an exclusion's exception, an inclusion's permission) share this walk; nodes
    nothing changes are returned as they were (the same object)."""
    if isinstance(expr, Not):
        inner = rewrite_groups(expr.part, at, not positive)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (All, Any_)):
        return expr
    parts = at(expr, [rewrite_groups(p, at, positive) for p in expr.parts], positive)
    if tuple(parts) == expr.parts:
        return expr
    return parts[0] if len(parts) == 1 else type(expr)(tuple(parts))


def rewrite_conjunctions(expr: Expr, at: Callable[[All], Expr | None]) -> Expr:
    """``expr`` with ``at`` applied to each And node, through Not and Or: ``at`` returns the And's
    rewriting, or None to look inside it. Nodes nothing changes are returned as they were (the
    same object), so a caller can tell a rewritten line from an untouched one."""
    if isinstance(expr, Not):
        inner = rewrite_conjunctions(expr.part, at)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, Any_):
        alternatives = tuple(rewrite_conjunctions(p, at) for p in expr.parts)
        return expr if alternatives == expr.parts else Any_(alternatives)
    if not isinstance(expr, All):
        return expr
    rewritten = at(expr)
    if rewritten is not None:
        return rewritten
    parts = tuple(rewrite_conjunctions(p, at) for p in expr.parts)
    return expr if parts == expr.parts else All(parts)


def predicates(expr: Expr | None) -> list[Predicate]:
    if expr is None:
        return []
    if isinstance(expr, Predicate):
        return [expr]
    if isinstance(expr, (All, Any_)):
        return [p for part in expr.parts for p in predicates(part)]
    if isinstance(expr, Not):
        return predicates(expr.part)
    return []


# The causes an exception or a permission names for a measurement out of range, as recorded
# conditions: "unless due to Gilbert's syndrome", "< 3 x ULN if Gilbert's disease is present",
# "<= 5 x ULN is acceptable if liver metastases are present". A patient without them on record
# is not excepted (absent means absent).
NAMED_CAUSES: tuple[tuple[re.Pattern[str], str], ...] = (
    # (the joint eponym too: "Gilbert-Meulengracht syndrome")
    (re.compile(r"\b(?:Gilbert(?:'s|s|’s)?(?:[\s-]Meulengracht(?:'s)?)?|Meulengracht(?:'s)?)(?:\s+(?:syndrome|disease))?", I), "gilbert_syndrome"),
    # the disease's own spread to the liver, however worded ("liver involvement", "leukemia
    # infiltration of the liver"): a hospital codes it as a secondary neoplasm of the liver (C78.7)
    # (the disease that reaches it may be named: "lymphoma involvement of the liver", "tumor
    # infiltration of the liver", "hepatic mets"; issue 14, lab_scopes)
    (re.compile(r"\b(?:liver|hepatic)\s+(?:metasta\w*|mets\b|involvement|infiltration)|\b(?:(?:tumou?r|disease|lymphoma|leuka?emi[ac]|malignant|cancer)\s+)?"
                r"(?:metasta\w*|involvement|infiltration)\s+(?:to|in|of)\s+(?:the\s+)?liver\b", I), "liver_metastases"),
    # an inherited one named so ("congenital hemolytic disorder", "hereditary hemolytic anemia",
    # "inherited hemolysis"): the hereditary hemolytic anaemia on record, never an acquired one
    (re.compile(r"(?<!\bno\s)(?<!\bnot\s)(?<!without\s)(?<!evidence\sof\s)(?<!absence\sof\s)\b(?:congenital|hereditary|inherited)\s+"
                r"ha?emoly(?:sis|tic(?:\s+(?:ana?emias?|disorders?|diseases?|states?))?)\b", I), "hereditary_hemolytic_anemia"),
    # hemolysis however named ("unless elevated due to hemolysis", "except in patients with
    # hemolytic anemia"): a hemolytic anaemia on record
    # (never its absence: "a positive Coombs test but no evidence of hemolysis")
    (re.compile(r"(?<!\bno\s)(?<!\bnot\s)(?<!without\s)(?<!evidence\sof\s)(?<!absence\sof\s)(?<!congenital\s)(?<!hereditary\s)(?<!inherited\s)\bha?emoly(?:sis|tic(?:\s+(?:ana?emias?|disorders?|diseases?|states?))?)\b", I),
     "hemolytic_anemia"),
)


def named_cause(text: str) -> str | None:
    """The one named cause ``text`` is about when it says nothing else ("for patients with known
    Gilbert's syndrome", "in the presence of liver metastases"), else None."""
    found = [(m, concept) for pattern, concept in NAMED_CAUSES for m in pattern.finditer(text)]
    if len({concept for _, concept in found}) != 1:
        return None
    rest = list(text)
    for m, _ in found:
        rest[m.start(): m.end()] = " " * (m.end() - m.start())
    return found[0][1] if not content_words("".join(rest)) else None



# What "current", "now" and "receiving" mean for a therapy on record: a course within the last two
# weeks (an ongoing record counts as today's). One window for every reader of such words, so a line
# read by two topics never disagrees on when a course is still under way.
NOW = Window(14.0, "days")
