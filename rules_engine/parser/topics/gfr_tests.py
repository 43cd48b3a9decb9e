"""A glomerular filtration rate whose test the line names after the bound ("GFR >= 30 mL/min/1.73 m2
according to the MDRD equation", "GFR > 60 ml/min. GFR will be assessed by direct measurement (EDTA
clearance)", "GFR >= 60 mL/min using Cr51-EDTA", "... by CKD-EPI equation"): that test's value, the
eGFR concept, never the creatinine clearance a GFR named by no test falls back to
(``derive.MEASURE_SOURCES``). A measured GFR is what a low clearance prompts, so a clearance on
record leaves such a line open; an equation named is the eGFR's own.

The lab reader names the function from the words before the bound only ("GFR" alone reads as
``gfr``); the test named later in the line turns each ``gfr`` predicate of the line into ``egfr``.
Found in the shared corpus (1,883 records): 8 lines name the test after the GFR. Gated on the
words "GFR" / "glomerular"; the test pattern has no nested repetition.
"""

from __future__ import annotations

import dataclasses
import re

from rules_engine.criteria import Expr, Predicate
from rules_engine.parser.items import map_leaves

_TEST = re.compile(
    r"\bMDRD\b|\bModifi\w*\s+(?:of\s+)?(?:the\s+)?Diet\b|\bCKD[\s-]?EPI\b|Chronic\s+Kidney\s+Disease\s+Epidemiology|\bEDTA\b|ethylenediamine"
    r"|\bCr[\s-]?51|\b51[\s-]?Cr|isotop|nuclear|radionucl|scintigra|renogra|\binulin\b|\bDTPA\b|iohexol|iothalamate"
    r"|\bmeasured\b|direct\s+measurement|24[\s-]?h(?:ou)?rs?\b",
    re.I,
)
_GATE = re.compile(r"\bGFR\b|glomerular", re.I)


def _by_test(node: Expr) -> Expr:
    if isinstance(node, Predicate) and node.concept == "gfr":
        return dataclasses.replace(node, concept="egfr")
    return node


def gfr_by_test(expr: Expr, text: str) -> Expr:
    """``expr`` with the line's GFR read as the eGFR where the line names the test that gives it."""
    if not _GATE.search(text) or not _TEST.search(text):
        return expr
    return map_leaves(expr, _by_test)
