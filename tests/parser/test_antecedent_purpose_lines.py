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
    # (the therapies with their indication, as the doc says: parser.therapy_indication; read as any HMA or
    # chemotherapy, a therapy-related AML after chemotherapy for a breast cancer was excluded, holdout T232)
    (E, "Received prior treatment with HMA or chemotherapy for antecedent myelodysplastic syndrome (MDS)",
     '(hypomethylating-agent and (MDS or MDS within 100 years or (AML-MRC and review ambiguous "whether the AML\'s myelodysplasia-related changes '
     'followed an earlier disorder the therapy was given for")) and not therapy-for-earlier-disease other than (MDS, AML)) or (chemotherapy and (MDS or '
     'MDS within 100 years or (AML-MRC and review ambiguous "whether the AML\'s myelodysplasia-related changes followed an earlier disorder the therapy '
     'was given for")) and not therapy-for-earlier-disease other than (MDS, AML))'),
    (E, "Prior treatment with decitabine for a preexisting myelodysplastic syndrome", "named-medication is decitabine and (MDS or MDS within 100 years)"),
    # no therapy before: the disease's origin, not a purpose
    (I, "AML with antecedent MDS", 'AML and review unparsed "with antecedent" and MDS'),
]


@pytest.mark.parametrize(("ctype", "text", "rendered"), CASES)
def test_antecedent_purpose(ctype: CriterionType, text: str, rendered: str) -> None:
    c = parse_line(text, ctype)
    assert render_rule(c.expr, getattr(c, "applies_if", None)) == rendered
