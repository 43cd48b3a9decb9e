"""The concepts added for the coverage of registry lines (issue 14), read from the resources
hospitals send them in. A record without them has none of them (contract section 4: absent
means absent), so each row also pins a neighbour that must not be read as the concept."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.intake import normalise

from intake_helpers import ICD10, SNOMED, bundle, condition


def concepts_of(*resources: dict[str, Any]) -> set[str]:
    return set(normalise(bundle(*resources)).facts.events)


@pytest.mark.parametrize(
    "system, code, expected",
    [
        (ICD10, "R13.10", {"dysphagia"}),
        (ICD10, "R13.12", {"dysphagia"}),  # oropharyngeal phase
        (ICD10, "R13.0", {"dysphagia"}),  # aphagia
        (SNOMED, "40739000", {"dysphagia"}),
        (ICD10, "R11.2", set()),  # nausea with vomiting: no swallowing disorder
    ],
)
def test_a_coded_condition_becomes_its_concept(system: str, code: str, expected: set[str]) -> None:
    assert concepts_of(condition(system, code)) == expected
