"""Record codes for the medication classes lines exclude outside cancer therapy (issue 14, helper
rx3; rules_engine/parser/topics/medication_classes.py): the psychotropic classes by their ATC
group, the thrombopoietin receptor agonists, anti-thymocyte globulin and the coxibs. Each table pins a drug of the group that a
record gives for another purpose and that must not be read as the class."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.intake import normalise

from intake_helpers import ATC, bundle, medication


def concepts_of(*resources: dict[str, Any]) -> set[str]:
    return set(normalise(bundle(*resources)).facts.events)


def taken(text: str | None = None, system: str | None = None, code: str | None = None) -> dict[str, Any]:
    return medication(text, system, code, status="active", when="2026-01-01")


@pytest.mark.parametrize(
    "resource, concept, present",
    [
        (taken(system=ATC, code="N06AB04"), "antidepressant_therapy", True),  # citalopram
        (taken("sertraline 50 MG Oral Tablet"), "antidepressant_therapy", True),
        (taken(system=ATC, code="N05BA06"), "anxiolytic_therapy", True),  # lorazepam
        (taken(system=ATC, code="N05BB01"), "anxiolytic_therapy", False),  # hydroxyzine: an antihistamine for itch
        (taken(system=ATC, code="N05AH04"), "antipsychotic_therapy", True),  # quetiapine
        (taken("haloperidol 5 MG Oral Tablet"), "antipsychotic_therapy", True),
        (taken(system=ATC, code="N05AB04"), "antipsychotic_therapy", False),  # prochlorperazine: an antiemetic
        (taken(system=ATC, code="N05AN01"), "antipsychotic_therapy", False),  # lithium
        (taken(system=ATC, code="N06BA04"), "psychostimulant_therapy", True),  # methylphenidate
        (taken(system=ATC, code="N06BA09"), "psychostimulant_therapy", False),  # atomoxetine
        (taken(system=ATC, code="B02BX04"), "thrombopoietic_agent", True),  # romiplostim
        (taken("eltrombopag 50 MG Oral Tablet"), "thrombopoietic_agent", True),
        (taken(system=ATC, code="B02BX06"), "thrombopoietic_agent", False),  # emicizumab
        (taken(system=ATC, code="L04AA04"), "antithymocyte_globulin", True),  # rabbit ATG
        (taken("Thymoglobulin 25 MG Injection"), "antithymocyte_globulin", True),
        (taken(system=ATC, code="L04AA06"), "antithymocyte_globulin", False),  # mycophenolic acid
        (taken(system=ATC, code="M01AH01"), "cox2_inhibitor", True),  # celecoxib
        (taken(system=ATC, code="M01AE01"), "cox2_inhibitor", False),  # ibuprofen
    ],
)
def test_a_drug_is_read_by_its_class(resource: dict[str, Any], concept: str, present: bool) -> None:
    assert (concept in concepts_of(resource)) is present
