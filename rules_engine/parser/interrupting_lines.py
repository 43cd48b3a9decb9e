"""Whether an unbulleted paragraph written left of a bulleted list is a criterion of its own.

ClinicalTrials.gov indents its bullets ten spaces and a plain paragraph eight, so a criterion a
registry typed without its bullet stands left of the list around it ("  - Serum creatinine < 1.0
mg/dL in adolescents ..." / "Patients 18 years and older (Adult population): Serum creatinine
<1.0 mg/dL; if serum creatinine >1.0 mg/dL, then the ... GFR must be >60 mL/min/1.73 m2" / "  -
Cardiac function must be normal ..."). Nested by its indent, it headed every bullet after it:
an exclusion so joined required its own text and one of theirs ("ANC < 1,000 ... Serum creatinine
> 2.5 mg/dL" over "Patients with known HIV positivity": a patient with HIV and normal counts was
not excluded), and an inclusion reported its own words as unknown. ``sections`` already keeps a
finished sentence (one ending with a full stop) out of the list's way; a criterion that ends
without one is told here from a label that titles the bullets under it ("Renal", "Cohort II",
"For Patients with Leukemia (Part B only)", "Organ Function Requirements ... Defined As").

A criterion: it opens in lower case (the wrapped end of the bullet above it), or it states a
bound (a comparator) or a list (a semicolon) in six words or more, or it runs to sixteen words or
more; never a line that announces its list ("... defined as", "including", "criteria").
"""

from __future__ import annotations

import re

_ANNOUNCES = re.compile(
    r"(?:\bfollowing|\bdefined\s+(?:as|by)|\bas\s+follows|\binclud(?:e|es|ing)|\bsuch\s+as|\bbelow|\bcriteria|\brequirements?|\beither|\bof)\W*$|:\s*$",
    re.I,
)
_BOUND_OR_LIST = re.compile(r"[<>≤≥;]|\bat\s+least\b|\bno\s+more\s+than\b", re.I)
# a part or a group of the study it titles ("Phase I", "Part B", "Cohort 2 (...)", "Arm A")
_PORTION = re.compile(r"^\W*(?:phase|part|cohort|arm|group|stage|step|stratum|regimen|for\s+(?:patients|participants|subjects))\b", re.I)


def criterion_sentence(text: str) -> bool:
    """Whether ``text``, an unbulleted paragraph left of the list around it, is a criterion of its
    own (the bullets after it are its siblings) rather than a label over them."""
    head = text.strip()[:400]
    if not head or _ANNOUNCES.search(head) or _PORTION.match(head):
        return False
    words = len(head.split())
    if head[0].islower():
        return True
    return (words >= 6 and _BOUND_OR_LIST.search(head) is not None) or words >= 16
