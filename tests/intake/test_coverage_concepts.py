"""The concepts added for the coverage of registry lines (issue 14), read from the resources
hospitals send them in. A record without them has none of them (contract section 4: absent
means absent), so each row also pins a neighbour that must not be read as the concept."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.intake import normalise

from intake_helpers import ICD10, PATIENT_URL, SNOMED, bundle, condition


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


RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ATC = "http://www.whocc.no/atc"


def medication(text: str | None = None, system: str | None = None, code: str | None = None) -> dict[str, Any]:
    coded: dict[str, Any] = {}
    if system:
        coded["coding"] = [{"system": system, "code": code}]
    if text:
        coded["text"] = text
    return {"resourceType": "MedicationStatement", "status": "completed", "medicationCodeableConcept": coded,
            "subject": {"reference": PATIENT_URL}, "effectiveDateTime": "2025-06-01"}


@pytest.mark.parametrize(
    "resource, concept",
    [
        (medication("Keytruda 100 MG/4ML Injection"), "checkpoint_inhibitor"),
        (medication(system=ATC, code="L01FF01"), "checkpoint_inhibitor"),  # nivolumab
        (medication(system=ATC, code="L01FX04"), "checkpoint_inhibitor"),  # ipilimumab
        (medication("olaparib 150 MG Oral Tablet"), "parp_inhibitor"),
        (medication(system=ATC, code="L01EF01"), "cdk46_inhibitor"),  # palbociclib
        (medication(system=ATC, code="L01EG02"), "mtor_inhibitor"),  # everolimus as an anticancer drug
        (medication("everolimus 0.75 MG Oral Tablet [Zortress]"), "mtor_inhibitor"),  # against rejection: still one
        (medication("vorinostat 100 MG Oral Capsule"), "hdac_inhibitor"),
        (medication(system=ATC, code="L01XG01"), "proteasome_inhibitor"),  # bortezomib
        (medication("osimertinib 80 MG Oral Tablet"), "egfr_inhibitor"),
        (medication(system=ATC, code="L01FE01"), "egfr_inhibitor"),  # cetuximab
        (medication(system=ATC, code="L01ED03"), "alk_inhibitor"),  # alectinib
        (medication("trastuzumab 150 MG Injection"), "her2_directed_therapy"),
        (medication("bevacizumab 25 MG/ML Injection"), "vegf_inhibitor"),
        (medication("carboplatin 10 MG/ML Injectable Solution"), "platinum_chemotherapy"),
        (medication(system=ATC, code="L01CD02"), "taxane"),  # docetaxel
        (medication("doxorubicin hydrochloride 2 MG/ML Injection"), "anthracycline"),
        (medication("lenalidomide 10 MG Oral Capsule"), "immunomodulatory_drug"),
        (medication(system=ATC, code="L01BC07"), "hypomethylating_agent"),  # azacitidine
    ],
)
def test_a_drug_of_a_class_is_the_class(resource: dict[str, Any], concept: str) -> None:
    assert concept in concepts_of(resource)


@pytest.mark.parametrize(
    "resource, concept",
    [
        (medication(system=ATC, code="L01XE01"), "egfr_inhibitor"),  # imatinib (old ATC): no EGFR inhibitor
        (medication("rituximab 10 MG/ML Injection"), "checkpoint_inhibitor"),  # an antibody, not a checkpoint inhibitor
        (medication("tacrolimus 1 MG Oral Capsule"), "mtor_inhibitor"),  # a calcineurin inhibitor
        (medication(system=ATC, code="L01BC02"), "hypomethylating_agent"),  # fluorouracil
    ],
)
def test_a_drug_outside_a_class_is_not_the_class(resource: dict[str, Any], concept: str) -> None:
    assert concept not in concepts_of(resource)
