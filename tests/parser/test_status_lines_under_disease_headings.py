"""A status or phase written alone under the heading naming its disease (parser/status_children.py):
"In remission" under "Acute myeloid leukemia meeting 1 of the following criteria:" is the AML's
remission, "Chronic phase" under the CML heading the CML's phase. Real corpus layout (NCT00346359,
NCT00301951); a status line under a heading that names no disease stays as it was.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.criteria import parse_criteria
from rules_engine.parser.status_children import status_under_disease
from rules_engine.rule_language import render_rule

MENU = """Inclusion Criteria:
- Diagnosis of 1 of the following myeloid malignancies:
  - Chronic myelogenous leukemia meeting 1 of the following criteria:
    - Chronic phase
    - Accelerated phase
  - Acute myeloid leukemia meeting 1 of the following criteria:
    - In remission
    - In early relapse, defined as < 10% marrow blasts
  - Myelodysplastic syndromes, including all risk groups
"""  # NCT00346359

ALL_MENU = """Inclusion Criteria:
- Acute lymphoblastic leukemia meeting the following criteria:
  - In second or subsequent remission
"""  # NCT00301951

UNNAMED = """Inclusion Criteria:
- Patients must meet 1 of the following criteria:
  - In remission
"""


def _rules(text: str) -> dict[str, str]:
    return {c.text: render_rule(c.expr, c.applies_if) for c in parse_criteria(text)}


@pytest.mark.parametrize("text,line,rule", [
    (MENU, "In remission", "AML and remission"),
    (MENU, "Chronic phase", "CML and CML-chronic-phase is positive"),
    (MENU, "Accelerated phase", "CML and CML-accelerated-phase is positive"),
    (ALL_MENU, "In second or subsequent remission",
     'ALL and remission and (relapse-count >= 1 or review unsupported "which remission: In second or subsequent remission")'),
])
def test_the_status_is_the_heading_diseases(text, line, rule):
    assert _rules(text)[line] == rule


def test_a_heading_naming_no_disease_leaves_the_line_as_it_was():
    assert _rules(UNNAMED)["In remission"] == render_rule(parse_line("In remission", CriterionType.INCLUSION).expr)


def test_hostile_input_is_read_in_bounded_time():
    kid = parse_line("In remission", CriterionType.INCLUSION)
    heading = "Acute myeloid leukemia " + "meeting of the " * 1300 + "following:"
    start = time.perf_counter()
    status_under_disease(kid, heading[:20000], lambda t, k: parse_line(t, k))
    assert time.perf_counter() - start < 1.0
