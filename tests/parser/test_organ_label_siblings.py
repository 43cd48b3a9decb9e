"""An organ system's label nested under another organ's label by the registry's indentation
("Renal: creatinine clearance ≥40 mL/min" then, indented deeper, "Hepatic: no clinical evidence of
hepatic failure") is its sibling (``organ_labels``): nested, the hepatic words were read as part of
the renal line."""

from __future__ import annotations

import pytest

from rules_engine.parser.sections import split_criteria

NESTED = """Inclusion Criteria:

  -  Adequate major organ function including:

       -  Renal: creatinine clearance ≥40 mL/min

            -  Hepatic: no clinical evidence of hepatic failure

            -  Renal function must be measured within 7 days

  -  Written informed consent.
"""

CHAIN = """Inclusion Criteria:

  -  Hematologic:
       -  Hepatic:
            -  Renal:
                 -  Serum creatinine ≤ 1.5 mg/dL
"""


@pytest.mark.parametrize(
    ("text", "label", "parent_label"),
    [
        (NESTED, "Hepatic", "Adequate major organ function including"),
        (NESTED, "Renal function must be measured within 7 days", "Renal"),  # not a label: stays nested
        (CHAIN, "Hepatic", None),
        (CHAIN, "Renal", None),
        (CHAIN, "Serum creatinine ≤ 1.5 mg/dL", "Renal"),
    ],
)
def test_an_organ_label_is_a_sibling_of_another_organ_label(text: str, label: str, parent_label: str | None) -> None:
    lines = split_criteria(text)
    line = next(line for line in lines if line.text.split(":")[0] == label)
    parent = None if line.parent is None else lines[line.parent].text.split(":")[0]
    assert parent == parent_label
