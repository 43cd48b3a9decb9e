"""A formula's own text inside a line: the equation a value is calculated by and the terms it
defines ("where GFR (ml/min/1.73 m2) = k*Height (cm)/serum creatinine (mg/dl). k is a
proportionality constant which varies with age ...; 0.45 up to 12 months of age; 0.55 children
...", "Female CrCl = (140 - age in years) x weight in kg x 0.85 / 72 x serum creatinine in
mg/dL", "Creatinine clearance for males = {(140 - age [yrs])(body weight [kg])}/{(72)(serum
creatinine)}"; ~20 corpus lines).

It stands apart from the remarks (``remarks``) because it is taken out of the line before the
line is split: its pieces, once split at ";" or ".", look like requirements of their own ("0.45
up to 12 months of age" was read as an age <= 12 months the patient had to meet, "x 0.85 ...
serum creatinine (mg/dL)" as a creatinine equal to 0.85 mg/dL). A formula asks nothing of the
patient: the value it computes is the line's subject, and its bound stands before it.

Only a formula running to the line's end is taken, and only where that tail states no bound
(no comparison sign) and no requirement word, so a bound or a further criterion after the
formula is never lost. Patterns are bounded and non-nested (linear in the line's length).
"""

from __future__ import annotations

import re

I = re.IGNORECASE

_VALUE = r"(?:GFR|eGFR|CrCl|Cr\s*Cl|cr\s+clearance|(?:calculated\s+|estimated\s+)?creatinine\s+clearance|clearance)"
_START = re.compile(
    # "where GFR (ml/min/1.73 m2) = k*Height ...": the formula's definition
    r"\bwhere\s+" + _VALUE + r"\b(?:[^=<>≤≥.;]|\.(?=\d)){0,40}=(?!=)"
    # "k is a proportionality constant which varies with age": its terms' definition
    r"|\b[A-Za-z]\s+is\s+an?\s+(?:[\w-]+\s+){0,2}constant\b"
    # "Female CrCl = (140 - age in years) x ...", "Creatinine clearance for males = {(140 - age ...":
    # the Cockcroft-Gault equation, named by its "140 - age"
    r"|(?:\b(?:fe)?males?\s*[:=]?\s*)?\b" + _VALUE + r"\b[^=<>≤≥.;]{0,40}=(?=[^<>≤≥;]{0,60}?\b140\s*[-−–]\s*age\b)",
    I,
)
# a tail that says more than a formula: a bound, a requirement, an exclusion
_MORE = re.compile(r"[<>≤≥]|\b(?:must|should|shall|required?|eligible|ineligible|excluded|allowed|permitted|not)\b", I)
_TRAILING = re.compile(r"(?:[\s.;,:]+(?:[a-z]|\d{1,2})[.)]?)?[\s.;,:]*$")
_LABEL_LEFT = re.compile(r"\W*(?:(?:fe)?males?|(?:wo)?m[ae]n|for\s+(?:fe)?males?)?\W*", I)


def strip_formula(text: str) -> str:
    """``text`` without the formula that runs to its end (the line unchanged when none does)."""
    low = text.lower()
    if "=" not in text and "constant" not in low:
        return text
    for m in _START.finditer(text):
        kept = text[: m.start()]
        if kept.count("(") + kept.count("[") > kept.count(")") + kept.count("]"):
            continue  # a formula in brackets, with more of the line after them: left as it is
        if _MORE.search(text, m.end()) is None:
            if _LABEL_LEFT.fullmatch(kept):
                return ""
            # (and the list marker before it: "... (using the Cockcroft-Gault formula) c. Female CrCl = ...")
            return _TRAILING.sub("", kept)
    return text


# a formula in brackets inside the line, with more of the line after it ("creatinine clearance
# less than or equal to 50mL/min (estimated creatinine clearance = [weight (Kg) x (140-age) x
# (0.85 if female)]/[72 x (stable creatinine)], Parkinson's disease, ..."): the Cockcroft-Gault
# equation, named by its "140 - age", opened by a bracket right before the value it computes
_BRACKETED = re.compile(
    r"[(\[]\s*(?:(?:estimated|calculated|using|by|per)\s+){0,2}" + _VALUE + r"\b[^=<>≤≥;()\[\]]{0,20}=(?=[^<>≤≥;]{0,60}?\b140\s*[-−–]\s*age\b)", I
)
_BRACKETED_SPAN = 300  # the longest formula read so (the corpus's run to about 110 characters)


def strip_bracketed_formula(text: str) -> str:
    """``text`` without the bracketed formula inside it (unchanged when none, or when its
    brackets never close within a formula's length). A bracket the registry left unclosed ends
    at the first comma or semicolon once every bracket opened inside it has closed."""
    if "140" not in text or "=" not in text:
        return text
    m = _BRACKETED.search(text)
    if m is None:
        return text
    depth, end = 0, None
    for k in range(m.start(), min(len(text), m.start() + _BRACKETED_SPAN)):
        ch = text[k]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth == 0:
                end = k + 1
                break
        elif ch in ",;" and depth == 1:
            end = k
            break
    if end is None or _MORE.search(text, m.end(), end):
        return text
    return text[: m.start()].rstrip() + " " + text[end:].lstrip()
