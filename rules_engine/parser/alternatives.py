"""Where a line offers alternatives rather than a list of requirements.

"Diagnosis of 1) AML, or 2) high risk MDS", "... OR ..." in the registry's capitals, "...; or have
evidence of progression ...", groups of patients after semicolons, "at least 2 of the following:
...". Cut at its semicolons as clauses, such a line asked every alternative at once and failed the
patients it offers a choice to. Finding these cuts is a question about the whole line's layout,
answered before the line is cut into clauses, so it lives apart from the clause grammar
(``clauses``) and from the line assembly (``line``) that reads each alternative.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Any_, CriterionType, Expr, Not, Review
from rules_engine.parser.counted import counted, listed
from rules_engine.parser.clauses import ENUMERATED, ONE_OF
from rules_engine.parser.items import I, all_of, any_of, content_words
from rules_engine.parser.safety import Alternative
from rules_engine.parser.line_reader import read_expr


# "Diagnosis of 1) AML (...), or 2) high risk MDS (...)", "evidence of 1) unresectable 2) locally
# recurrent, or 3) metastatic disease", "a) metastatic or b) locally recurrent disease" (8 corpus
# inclusion lines): the enumerated cases, an "or" before the last, are alternatives. Read as
# requirements each, an AML failed the line for lack of the MDS it offers instead
_OR_END = re.compile(r"(?:,\s*|\s)(?:or|and/or)$", I)
_AND_END = re.compile(r"(?:,\s*|\s)(?:and|plus)$", I)


def enumerated_alternatives(clauses: list[str]) -> bool:
    enumerated = [k for k, c in enumerate(clauses) if ENUMERATED.match(c)]
    if len(enumerated) < 2 or enumerated != list(range(enumerated[0], enumerated[-1] + 1)) or enumerated[0] == 0:
        return False
    if any(ONE_OF.search(c) for c in clauses):
        return False  # "one of the following: (1) ... (2) ...": the lead's own reading
    before_last = clauses[enumerated[-1] - 1]
    return bool(_OR_END.search(before_last)) and not any(_AND_END.search(clauses[k - 1]) for k in enumerated[1:])


# the registry's capital OR, between whole alternatives (a blank run tried from its first blank only:
# tried from each, 20,000 blanks before no "OR" took 1.4 s)
_UPPER_OR = re.compile(r"(?<!\s)\s+OR\s+")


def counted_list(text: str, ctype: CriterionType) -> Expr | None:
    """"At least 2 of the following adverse prognostic factors: Age >= 70 years; or AHD; or ECOG
    performance status of 2; or ...": the count of the items the line writes out (``counted``).
    Cut at its semicolons as clauses, every factor was asked at once (a patient of 75 with an AHD
    and ECOG 0 failed it). Words before the count that read as a requirement stay beside it; an
    item nothing reads stays a review, one of the alternatives counted."""
    found = listed(text)
    if found is None:
        return None
    lead, asked, items = found
    read = [read_expr(item, ctype) for item in items]
    count = counted(asked, [Alternative(e.reason, e.text or item) if isinstance(e, Review) else e for e, item in zip(read, items, strict=True)])
    if count is None:
        return None
    return all_of([read_expr(lead, ctype), count]) if content_words(lead) else count


def top_level_or(text: str) -> list[str]:
    """The alternatives a line lists with a capital "OR" outside brackets (the splitter keeps
    bullets joined by "OR" as one line): each is read as a line of its own."""
    cuts = _or_cuts(text)
    if not cuts or _semicolon_items(text, cuts):
        return []  # "...; ALT <= 2.5 x ULN; creatinine <= 1.5 x ULN OR creatinine clearance >= 50 mL/min; and ..." (the OR is one item's)
    parts = _pieces(text, cuts)
    return parts if len(parts) > 1 and all(content_words(p) for p in parts) else []


def _or_cuts(text: str) -> list[tuple[int, int]]:
    """Where the capital "OR"s outside brackets stand."""
    if " OR " not in text:
        return []
    cuts, depth, last = [], 0, 0
    for m in _UPPER_OR.finditer(text):
        depth += text.count("(", last, m.start()) - text.count(")", last, m.start())
        last = m.start()
        if depth <= 0:
            cuts.append((m.start(), m.end()))
    return cuts


def or_in_items(text: str) -> str:
    """The text with a capital "OR" inside one item of a semicolon list written as the item's own
    "or" (``_semicolon_items``), read where the item is read; so too an "OR" between the names of
    two tests that share the bound after them (``_shared_bound``), and one before a bare bound
    (``_RESTATED_OR``)."""
    cuts = _or_cuts(text)
    if not cuts:
        return text
    if _semicolon_items(text, cuts) or _shared_bound(text, cuts):
        return _UPPER_OR.sub(" or ", text)
    return _RESTATED_OR.sub("or ", text)


# "Fasting serum cholesterol <= 300 mg/dL OR <= 7.75 mmol/L AND fasting triglycerides <= 2.5 x
# ULN": an "OR" straight before a comparison with no test named is the same test's bound again in
# other units, never an alternative line. Cut there as one, the restated bound had no test and
# the line read "cholesterol <= 300 or triglycerides <= 2.5 x ULN": a cholesterol of 400 met it
# through the triglycerides (NCT01055795, NCT01154335, NCT01283334). Only a bound of a number and
# a unit alone, ended by "AND" or punctuation: "OR <= 5 x ULN for subjects with liver metastases",
# "OR >= 10 mm by spiral CT scan" are alternatives with words of their own, read as before.
# (Anchored after one blank, not a run of them: a run of blanks before no "OR" is one try, not n.)
_RESTATED_OR = re.compile(r"(?<=\s)OR\s+(?=(?:[<>≤≥]=?|=[<>])\s{0,3}\d[\d.,]{0,12}\s{0,3}[^\s\d][^\s]{0,15}(?:\s+AND\b|\s*[;,.)]|\s*$))")


# a test's bare name: no number, no comparison, no word of a state ("Creatinine normal", "No
# proteinuria", "Negative urine dipstick" are alternatives of their own)
_BARE_NAME = re.compile(r"^[A-Za-z][A-Za-z()\-/ ]{2,60}$")
_STATE_WORD = re.compile(r"\b(?:normal|within|limits?|negative|positive|no|not|absent|absence|none|measurable|evaluable|disease|diagnosis)\b", I)
_BOUND = re.compile(r"[<>≤≥]|\b(?:greater|less|more|at\s+least|at\s+most|above|below|under|over)\b", I)
# what names a measured test ("creatinine clearance", "glomerular filtration rate", "platelet count")
# rather than a condition ("Leukostasis OR leukemic blast count > 50,000/mm3 ...")
_TEST_WORD = re.compile(
    r"\b(?:clearance|rate|GFR|count|level|concentration|measurement|fraction|capacity|volume|saturation|pressure|score|index|status)\s*$", I
)


def _shared_bound(text: str, cuts: list[tuple[int, int]]) -> bool:
    """"Creatinine clearance OR radioisotope glomerular filtration rate >= 70 mL/min", "Calculated
    creatinine clearance OR isotope clearance measurement >= 50 mL/min": the names before the
    "OR" are tests the last part's bound is for. Cut there, the first test was a review of its own
    and the second kept "radioisotope" as a word unread, so a GFR of 90 was left to a person."""
    parts = _pieces(text, cuts)
    if len(parts) < 2 or not _BOUND.search(parts[-1]) or not re.search(r"\d", parts[-1]):
        return False
    return all(_BARE_NAME.match(p) and len(p.split()) <= 5 and not _STATE_WORD.search(p) and _TEST_WORD.search(p) for p in parts[:-1])


def _semicolon_items(text: str, cuts: list[tuple[int, int]]) -> bool:
    """Whether a capital "OR" stands inside one item of a semicolon list, not at a semicolon
    ("...; ALT <= 2.5 x ULN; creatinine <= 1.5 x ULN OR creatinine clearance >= 50 mL/min; and
    ..."). Cut at the OR, the items before it became one alternative and those after it another,
    so a patient meeting the creatinine clearance alone met the platelets, bilirubin and ALT of
    the whole list (NCT02929498)."""
    depth, semis = 0, []
    for i, ch in enumerate(text):
        depth = depth + 1 if ch in "([" else max(depth - 1, 0) if ch in ")]" else depth
        if ch == ";" and depth == 0:
            semis.append(i)
    # a list: items after a lead ("defined by: ...; ...") or three items at least. One semicolon
    # after "A OR B" is a sentence after the alternatives ("Measurable disease with any PSA OR
    # non-measurable disease with PSA >= 5 ng/ml; patients with ... are not eligible")
    if not semis or (len(semis) < 2 and ":" not in text[: semis[0]]):
        return False
    # every OR at a semicolon ("...; OR ...") joins whole items, as the plain list of alternatives does
    return any(not any(0 <= a - s <= 3 for s in semis) for a, _ in cuts)


def _pieces(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    """The text between the cuts (each cut's words dropped), trimmed of joining punctuation."""
    parts, start = [], 0
    for a, b in cuts:
        parts.append(text[start:a])
        start = b
    parts.append(text[start:])
    return [p.strip(" ,;.") for p in parts]


def semicolon_or(text: str) -> list[str]:
    """An inclusion whose every top-level semicolon opens an alternative ("... for at least four
    weeks, without evidence of response; or have evidence of progression since anti-androgen
    withdrawal"): each is read as a line of its own. Cut at the semicolons as clauses, they were
    all asked at once. A semicolon without its "or" makes a list of another shape, left as it is."""
    if ";" not in text or _AT_LEAST_N_OF.search(text):
        return []  # "At least 2 of the following: age ≥ 70; or ...; or ECOG 2": a count, no plain alternatives
    # "Patients with AML ... whose disease has relapsed ...; elderly patients (>= 60 years) with
    # AML ... who are not candidates for chemotherapy": each part names a group of patients the
    # trial takes, one or the other (joined, a relapsed patient of 50 was asked to be 60 and unfit)
    groups = bool(_PATIENT_GROUP.match(text)) and not _ELIGIBILITY_WORDS.search(text)
    cuts, parens, brackets, last = [], 0, 0, 0
    for m in re.finditer(";", text):
        for ch in text[last: m.start()]:  # each kind apart, never below 0: an item's "1)" closes nothing
            parens = parens + 1 if ch == "(" else max(parens - 1, 0) if ch == ")" else parens
            brackets = brackets + 1 if ch == "[" else max(brackets - 1, 0) if ch == "]" else brackets
        last = m.start()
        if parens or brackets:
            continue
        joined = _OR_AFTER_SEMICOLON.match(text, m.end()) or (_GROUP_AFTER_SEMICOLON.match(text, m.end()) if groups else None)
        if joined is None:
            return []
        cuts.append((m.start(), joined.end()))
    parts = _pieces(text, cuts)
    return parts if len(parts) > 1 and all(re.search(r"[A-Za-z]{2}", p) for p in parts) else []


_PATIENT_GROUP = re.compile(
    r"^\W*(?:[A-Za-z-]+\s+){0,2}?(?:patients?|subjects?|participants?)\b(?:\s*\([^()]{0,40}\))?\s+(?:with|who|whose|aged)\b", I
)
_GROUP_AFTER_SEMICOLON = re.compile(
    r"\s*(?=(?:[A-Za-z-]+\s+){0,2}?(?:patients?|subjects?|participants?)\b(?:\s*\([^()]{0,40}\))?\s+(?:with|who|whose|aged)\b)", I
)
# a line saying whom it lets in or keeps out ("... are eligible; patients with ... are not"): its
# parts are permissions and exclusions, never a choice of groups
_ELIGIBILITY_WORDS = re.compile(r"\b(?:eligible|ineligible|excluded|allowed|permitted)\b", I)
_AT_LEAST_N_OF = re.compile(r"(?:\bat\s+least|≥)\s*(?:[2-9]|two|three|four)\s+(?:\w+\s+){0,2}?of\b", I)
_OR_AFTER_SEMICOLON = re.compile(r"\s*(?:or|OR)\s+(?!more\b|less\b|greater\b|higher\b|lower\b)")


# an alternative that closes on the patients it is for ("Bilirubin < 1.5 mg/dL OR direct bilirubin
# <= 1.0 mg/dL (for patients with Gilbert's syndrome)")
_TRAILING_GROUP = re.compile(r"\(\s*(?:for|in)\s+(?:patients?|subjects?|participants?|those)\s+with\b[^()]{1,120}\)\W*$", I)


def scoped_way_in(expr: Expr, part: str, ctype: CriterionType) -> Expr:
    """A later alternative of an inclusion's capital "OR" that is asked only of a group, read on its
    own as "not the group, or the bound": among alternatives it is the way in open to that group,
    the group and the bound together. Left as read, the line was met by every patient outside the
    group whatever his values ("not Gilbert's syndrome" an alternative of the bilirubin)."""
    if ctype is not CriterionType.INCLUSION or not isinstance(expr, Any_) or not _TRAILING_GROUP.search(part):
        return expr
    groups = [p for p in expr.parts if isinstance(p, Not)]
    if len(groups) != 1 or len(expr.parts) < 2:
        return expr
    return all_of([groups[0].part, any_of([p for p in expr.parts if p is not groups[0]])])

