"""A forced expiratory volume written without its "1" ("Pulmonary: FEV >50%, DLCO >50%", "FEV, <
30% predicted; DLCO < 30% predicted"; 3 corpus lines): the one-second volume every pulmonary bound
means, which the lab readers know as FEV1 (a row of ``normalize._SUBS``: pattern, replacement, gate
words). Left, the bound was a review beside the DLCO read next to it.

Only before a bound in percent, and never with a cardiac scan after it ("FEV > 55% by MUGA or
ECHO" is an ejection fraction mistyped). The pattern's repetitions are all bounded.
"""

from __future__ import annotations

FEV_WITHOUT_ONE = (
    r"\bFEV\b(?![\s_(-]*1)(?=\s*,?\s*[<>≤≥]\s*\d{1,3}(?:\.\d)?\s*%)(?![^.;]{0,40}?\b(?:MUGA|ECHO|echocardiogra\w*|ejection)\b)",
    "FEV1",
    ("fev",),
)

ROWS = (FEV_WITHOUT_ONE,)
