"""Protein in the urine as registries write it: "Urine protein:creatinine ratio < 1.0", "Proteinuria
>= 2+", "urinary protein <= 1+ on dipstick", "24-hour urine protein >= 1.0 g", "Proteinuria > 3.5
gm/24 hr", "No proteinuria", "Proteinuria CTCAE grade 2 or greater" (about 60 corpus lines left
wholly to review, most of them of trials of anti-angiogenic drugs).

Three measurements a laboratory reports, each its own concept (codes.toml): the protein/creatinine
ratio of a spot urine (``upcr``, g/g: "mg/mg" and a bare ratio are the same number, "mg/g" a
thousandth of it), the protein of a 24-hour collection (``urine_protein_24h``, g/d) and the
dipstick (``urine_protein_dipstick``: negative 0, trace 0.5, 1+ to 4+; "++" is 2+). Which one a
line bounds is what its value says: plus signs are a dipstick, a mass per 24 hours a collection, a
ratio the ratio. A bound in any other unit (mg/dL, g/L, mg/mmol) is left to review.

A dipstick or a spot ratio is a screening test a 24-hour collection may overrule: where the line
writes the collection's bound itself ("Urine dipstick for proteinuria < 2+. If >= 2+, 24-hour urine
must demonstrate < 1 g of protein in 24 hours"; an exclusion's "(patients with >= 2+ ... must
demonstrate <= 1 g of protein in 24 hours to be eligible)"), that bound is the screening test's
alternative, or what clears an exclusion's trigger; elsewhere a person weighs a collection the
trial may accept in its stead (a review beside the screening bound).

Proteinuria named without a value ("No proteinuria", "evidence of proteinuria on urinalysis") is a
coded finding (``proteinuria``, ICD-10-CM R80) or a dipstick of 1+ or more: either decides that
there is some; a record with neither leaves it unknown (a dipstick not done is no negative one).
A CTCAE grade written beside it narrows it (``All(proteinuria, review)``), as ``event_grades``
reads it for other events.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, Predicate, ReviewReason
from rules_engine.parser.items import I, NEGATED, Item, OPS, all_of, any_of, predicate
from rules_engine.parser.topics.event_grades import GRADE

from rules_engine.parser.safety import Alternative, Qualifier


_URINE = r"(?:urine|urinary)"
_UPCR = (
    _URINE + r"\s+protein\s*(?:/|:|-|to|-to-|\s)\s*creatinine(?:\s*\(\s*UPC\s*\))?(?:\s+ratio)?(?:\s*\(\s*(?:UPCR?|UPC\s+ratio)\s*\))?"
    r"|\bUPCR?\b(?:\s+ratio)?|protein\s*(?:/|:|-to-|\s+to\s+)\s*creatinine\s+ratio(?:\s+in\s+(?:the\s+)?urine)?"
)
_DAY = r"24[\s-]*h(?:ou)?r?s?"
_TWENTY_FOUR = (
    _DAY + r"\s+(?:" + _URINE + r"\s+)?(?:protein(?:uria)?|urine\s+collection)(?:\s+(?:quantitation|excretion|level|value))?"
    r"|(?:quantitative\s+amount\s+of\s+)" + _DAY + r"\s+" + _URINE + r"\s+protein"
)
_PROTEIN = r"proteinuria|" + _URINE + r"\s+proteins?|protein\s+(?:in\s+(?:the\s+)?urine|by\s+urinalysis)|(?:urine\s+)?dipstick(?:\s+for)?(?:\s+(?:urine\s+)?protein(?:uria)?)?"
_NAME = re.compile(r"(?P<upcr>" + _UPCR + r")|(?P<day>" + _TWENTY_FOUR + r")|(?P<any>" + _PROTEIN + r")", I)
# what may stand between the name and its bound: how it is measured, when
_MID = r"(?P<mid>[^;<>≤≥=\d]{0,50}?)"
_BOUND = re.compile(
    _MID + r"(?P<op>[≤≥<>=])\s*(?:\(\s*)?(?:"
    r"(?P<plus>\+{1,4})(?!\s*\d)"
    r"|\+\s*(?P<plus_n>[1-4])(?![\d.])"
    r"|(?P<n>\d{1,4}(?:,\d{3})?(?:\.\d{1,2})?)\s*(?:(?P<plus_after>\+)"
    r"|(?P<unit>mg\s*/\s*mg|g\s*/\s*g|mg\s*/\s*g|gm?s?|grams?|mg|milligrams?)(?!\w)(?!\s*/\s*(?:d?l|ml|mmol)\b)"
    r"(?:(?:\s+(?:of\s+)?protein)?\s*(?:/|per|in|on|by|over)\s*(?:an?\s+|the\s+)?(?P<per>24\s*-?\s*h(?:ou)?r?s?|day|d)\b)?)?)",
    I,
)
# a bound the clause makes a condition of something else ("patients with a UPC ratio >= 1.0 must
# undergo a 24-hour urine collection", "if urine protein is > 2+ then ..."): not asked for itself
_CONDITION = re.compile(r"\b(?:if|when|whenever|unless|discovered\s+to\s+have|in\s+case\s+of)\b[^;]{0,300}$", I)
# ... or says so after the bound ("patients with a UPC ratio >= 1.0 must undergo ...")
_CONSEQUENCE = re.compile(r"\s*,?\s*(?:then\s+)?(?:must|should|will|need|needs|then|require|requires)\b", I)
# a requirement written in an exclusion ("... and must demonstrate <= 1 g of protein in 24 hours to
# be eligible"): the bound is what lets a patient in, not what keeps one out
_REQUIREMENT = re.compile(r"\b(?:must|should|shall)\b", I)
# a dipstick or a spot ratio is a screening test: lines accept a 24-hour collection in its stead,
# often in another sentence ("UPC ratio < 1.0; patients with a ratio >= 1.0 must demonstrate < 1 g
# in 24 hours"), which this clause cannot see
_SCREENING_FALLBACK = "unless a 24-hour urine collection the trial may accept in its stead decides otherwise"
_NEGATION = re.compile(r"\b(?:no|without|absence\s+of|free\s+of|negative)\b(?:\s+(?:evidence|sign|history)\s+of)?\s*(?:significant\s+)?$", I)
_PLUS = {1: 1.0, 2: 2.0, 3: 3.0, 4: 4.0}
_AT_MOST = re.compile(r"[≤<]|=<|<=|\b(?:or|and)\s+(?:less|lower|below|better)\b", I)


# the collection a line itself accepts in a screening test's stead, written after it ("If urine
# dipstick ... indicates proteinuria >= 2+, then a 24-hour urine must be collected and must
# demonstrate <1000 milligrams (mg) of protein in 24 hours", "for UPC ratio > 0.5, 24-hour urine
# protein should be obtained and the level should be < 1000 mg", "unless quantitative protein is
# < 1000mg in a 24 hour urine sample", "or 24-hour urine demonstrating <1 gram of protein"): an
# upper bound in a mass of protein, the clause naming a 24-hour urine before it or right after it
_PASS = re.compile(
    r"(?P<op><=|=<|[<≤])\s*(?P<n>\d{1,4}(?:,\d{3})?(?:\.\d{1,2})?)\s*(?P<unit>mg|milligrams?|gm?s?|grams?)(?!\w)(?!\s*/\s*(?:d?l|ml|mmol)\b)"
    r"(?:\s*\(\s*(?:mg|gm?)\s*\))?(?:\s+(?:of\s+)?protein)?"
    r"(?P<after>\s*(?:/|per|in|on|by|over)\s*(?:an?\s+|the\s+)?(?:24[\s-]*h(?:ou)?rs?|day)\b(?:\s+(?:urine\s+)?(?:collection|sample|period))?)?",
    I,
)
_DAY_URINE = re.compile(r"24[\s-]*h(?:ou)?r?s?\b", I)
# the words between a screening bound and the collection's: how the collection is asked for, never
# another measurement (no number but the 24 hours and the condition's own bound)
_BETWEEN = re.compile(r"[^\d]{0,200}?(?:[<>≤≥=]{1,2}\s*\+?\s*\d(?:\.\d{1,2})?\s*\+?[^\d]{0,200}?)?24[\s-]*h(?:ou)?r?s?\b[^\d]{0,200}?$", I)


def _collection(text: str, after: int) -> tuple[int, Predicate] | None:
    """The 24-hour collection's upper bound the line writes after ``after`` (its end, and the
    predicate), when it is the only one and nothing but its clause stands between."""
    found = [m for m in _PASS.finditer(text, after) if m.group("after") or _DAY_URINE.search(text, after, m.start())]
    if len(found) != 1:
        return None
    m = found[0]
    between = text[after: m.start()]
    if not _BETWEEN.match(between) and not (m.group("after") and re.fullmatch(r"[^\d]{0,200}", between)):
        return None
    grams = float(m.group("n").replace(",", ""))
    grams = grams / 1000 if m.group("unit").lower().startswith("m") else grams
    return m.end(), predicate("urine_protein_24h", OPS[m.group("op")], round(grams, 4), "g/d")


def _some() -> Expr:
    """Some protein in the urine: the coded finding, or a dipstick of 1+ or more."""
    return any_of([predicate("proteinuria", Op.PRESENT), predicate("urine_protein_dipstick", Op.GTE, 1)])


def _bound(m: re.Match[str], name: re.Match[str], day_named: bool) -> Predicate | None:
    """The predicate the bound after a name states, or None when its unit is one Eligo does not
    compare (mg/dL, g/L) or the value fits no reading of the name."""
    op = OPS[m.group("op")]
    if m.group("plus"):
        return predicate("urine_protein_dipstick", op, _PLUS[len(m.group("plus"))])
    if m.group("plus_n") or m.group("plus_after"):
        n = float(m.group("plus_n") or m.group("n"))
        return predicate("urine_protein_dipstick", op, n) if 1 <= n <= 4 else None
    if m.group("n") is None:
        return None
    value = float(m.group("n").replace(",", ""))
    unit = (m.group("unit") or "").lower().replace(" ", "")
    if name.group("upcr"):
        if unit in ("", "mg/mg", "g/g"):
            return predicate("upcr", op, value, "g/g")
        if unit == "mg/g":
            return predicate("upcr", op, value / 1000, "g/g")
        return None
    per_day = bool(m.group("per")) or day_named or "24" in (m.group("mid") or "")
    if unit and unit not in ("mg/mg", "g/g", "mg/g") and per_day:
        grams = value / 1000 if unit.startswith("m") else value
        return predicate("urine_protein_24h", op, round(grams, 4), "g/d")
    return None


def proteinuria_items(text: str, ctype: CriterionType) -> list[Item]:
    """Items for protein in the urine (see the module's doc)."""
    low = text.lower()
    if "protein" not in low and "upc" not in low and "dipstick" not in low:
        return []
    items: list[Item] = []
    for name in _NAME.finditer(text):
        if any(name.start() < it.end for it in items):
            continue
        if re.match(r"\s*electrophoresis|\s*\(UPEP", text[name.end():], I) or re.search(r"\bM[-\s]?protein|monoclonal|light\s+chain", text[max(0, name.start() - 30): name.end() + 30], I):
            continue  # a myeloma's paraprotein is no proteinuria
        if _CONDITION.search(text, max(0, name.start() - 300), name.start()):
            continue  # the condition of another test, left to review with it
        m = _BOUND.match(text, name.end())
        pred = _bound(m, name, bool(name.group("day"))) if m is not None else None
        if m is not None and (_CONSEQUENCE.match(text, m.end()) or CriterionType(ctype) is CriterionType.EXCLUSION and _REQUIREMENT.search(m.group("mid") or "")):
            continue  # "patients with a UPC ratio >= 1.0 must undergo ...": a condition, not a bound asked for
        if pred is not None and m is not None:
            bound: Expr = pred
            end = m.end()
            if pred.concept != "urine_protein_24h":
                # a failed screening test may be overruled by a collection: the one the line
                # writes, or an inclusion's failure and an exclusion's trigger are left open, a
                # pass and a clear decided
                # (only a screening bound that lets in, or in an exclusion keeps out: "for UPC ratio
                # > 0.5, 24-hour urine protein should be ... < 1000 mg" in an inclusion names the
                # patients the collection is asked of, whom the ratio alone never lets in)
                passes = (pred.op in (Op.LT, Op.LTE)) is (CriterionType(ctype) is CriterionType.INCLUSION)
                written = _collection(text, m.end()) if passes else None
                if written is not None:
                    end, collected = written
                    bound = any_of([pred, collected]) if CriterionType(ctype) is CriterionType.INCLUSION else all_of([pred, Not(collected)])
                else:
                    fallback = Alternative(ReviewReason.UNSUPPORTED_CONCEPT, _SCREENING_FALLBACK)
                    bound = any_of([pred, fallback]) if CriterionType(ctype) is CriterionType.INCLUSION else all_of([pred, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, _SCREENING_FALLBACK)])
            items.append(Item(name.start(), end, bound, frozenset({pred.concept})))
            continue
        if not name.group("any") or not re.match(r"proteinuria", name.group(0), I):
            continue
        # "Proteinuria" without a value: some protein in the urine, narrowed by a grade beside it
        expr = _some()
        end = name.end()
        grade = re.match(r"\s*(?:of\s+|at\s+)?(?:\(\s*)?(?:NCI\s+)?(?:CTCAE\s+)?" + GRADE + r"(?:\s*\))?", text[end:], I)
        before = re.search(r"(?:\(\s*)?" + GRADE + r"\s*\)?\s*$", text[max(0, name.start() - 40): name.start()], I)
        start = name.start()
        said = grade.group(0) if grade else before.group(0) if before else None
        if said is not None:
            if _AT_MOST.search(said):
                continue  # "Proteinuria =< grade 1" permits some: left to review
            expr = all_of([expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "the grade: " + " ".join(said.split()).strip(" ()"))])
            if grade is not None:
                end += grade.end()
            else:
                start -= len(before.group(0)) if before else 0
        negation = _NEGATION.search(text, max(0, name.start() - 40), name.start())
        if CriterionType(ctype) is CriterionType.INCLUSION and negation is None:
            continue  # an inclusion names it only to rule it out ("No proteinuria")
        if negation is not None and NEGATED.match(text) is None:  # "Urinalysis with no evidence of proteinuria"
            expr, start = Not(expr), min(start, negation.start())
        items.append(Item(start, end, expr, frozenset({"proteinuria", "urine_protein_dipstick"})))
    return items
