"""A risk word a line defines by the marrow blasts right after the disease it grades: "high-risk
MDS (≥ 10% BM blasts)", "high risk MDS (defined as the presence of > 10% blasts)", "high-risk
myelodysplastic syndrome (MDS) (defined as having >/= 10% blasts in the bone marrow)", "high risk
MDS (10-19% blasts)". The bracket says what the risk word means, and the blasts topics read the
bracket; the word itself asks nothing more. Left, it stayed a review beside the disease and its
blasts bound, so an MDS with 15% marrow blasts was unknown for a line that names exactly it.

Blanked before the topics read the clause (offsets kept), only where the bracket (or "defined as")
opens on a share of blasts, right after the disease's name. Bounded: fixed words, one optional
short run of words before "blasts"; no nested repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType

I = re.IGNORECASE

GATE = re.compile(r"risk", I)

_DISEASE = (
    r"(?:MDS|myelodysplastic\s+syndromes?|myelodysplasia|AML|acute\s+myel(?:oid|ogenous|oblastic)\s+leuka?emia|"
    r"ALL|acute\s+lymph(?:oid|oblastic|ocytic)\s+leuka?emia)(?:\s*[(\[]\s*(?:MDS|AML|ALL)\s*[)\]])?"
)
_BLASTS = (
    r"(?:≥|≤|>=|<=|>/=|</=|=>|=<|>|<|greater\s+than(?:\s+or\s+equal\s+to)?|more\s+than|at\s+least|less\s+than)?\s*"
    r"\d{1,2}(?:\.\d)?\s*%?\s*(?:-|–|to)?\s*(?:\d{1,2}(?:\.\d)?\s*)?%\s*(?:[\w-]+\s+){0,3}?blasts?\b"
)
_DEFINED = re.compile(
    r"(?<![\w-])(?P<word>(?:very\s+)?(?:high|higher|poor|adverse|low|lower)[\s-]+risk)\s+" + _DISEASE
    + r"\s*(?:[(\[]\s*|,\s*)(?:(?:as\s+)?defined\s+(?:as|by)\s+|i\.?\s?e\.?\s*,?\s*)?(?:(?:the\s+)?presence\s+of\s+|having\s+)?" + _BLASTS,
    I,
)


def blank_defined_risk(text: str, ctype: CriterionType = CriterionType.INCLUSION) -> str:
    """``text`` with each risk word its bracket defines by the blasts blanked (offsets kept); an
    inclusion's only (an exclusion joins the bracket as an alternative of the disease, so the
    risk word's review was all that kept an MDS with few blasts from being excluded)."""
    if ctype is not CriterionType.INCLUSION or not GATE.search(text):
        return text
    chars: list[str] | None = None
    for m in _DEFINED.finditer(text):
        chars = chars if chars is not None else list(text)
        a, b = m.span("word")
        chars[a:b] = " " * (b - a)
    return "".join(chars) if chars is not None else text
