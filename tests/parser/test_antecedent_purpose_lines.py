"""The disease a therapy was given for, said to have come first ("Prior therapy with azacitidine or
decitabine for pre-existing MDS", "HMA or chemotherapy for antecedent myelodysplastic syndrome"):
read as "therapy for MDS" reads (``normalize``), the therapy and its indication; the same word
without a therapy before it ("AML with antecedent MDS") is the disease's origin, left as it was.
Each row is a corpus wording (paraphrased), with its rendering.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

CASES = [
    (E, "Prior therapy with azacitidine or decitabine for pre-existing MDS", "(named-medication is azacitidine or named-medication is decitabine) and MDS"),
    (E, "Received prior treatment with HMA or chemotherapy for antecedent myelodysplastic syndrome (MDS)", "hypomethylating-agent or chemotherapy"),
    (E, "Prior treatment with decitabine for a preexisting myelodysplastic syndrome", "named-medication is decitabine and (MDS or MDS within 100 years)"),
    # no therapy before: the disease's origin, not a purpose
    (I, "AML with antecedent MDS", 'AML and review unparsed "with antecedent" and MDS'),
]


@pytest.mark.parametrize(("ctype", "text", "rendered"), CASES)
def test_antecedent_purpose(ctype: CriterionType, text: str, rendered: str) -> None:
    c = parse_line(text, ctype)
    assert render_rule(c.expr, getattr(c, "applies_if", None)) == rendered
