"""Radiotherapy and transfusions as hospitals code them (issue 14, the procedure lines): a
Procedure in SNOMED CT, CPT or ICD-10-PCS, or radiotherapy stated as an ICD-10-CM history or
encounter code. A transfusion coded with its product is that kind of transfusion; coded
without it, only a transfusion. A code outside the rows is no such event (absent means absent),
and a marrow or stem cell infusion coded in ICD-10-PCS's transfusion table is no transfusion."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.intake import normalise

from intake_helpers import ICD10, SNOMED, bundle, condition, procedure

CPT = "http://www.ama-assn.org/go/cpt"
PCS = "http://www.cms.gov/Medicare/Coding/ICD10"


def concepts_of(*resources: dict[str, Any]) -> set[str]:
    return set(normalise(bundle(*resources)).facts.events)


@pytest.mark.parametrize(
    "resource, expected",
    [
        (procedure("108290001", system=SNOMED), {"radiotherapy"}),
        (procedure("1287742003", system=SNOMED), {"radiotherapy"}),
        (procedure("152198000", system=SNOMED), {"radiotherapy"}),  # brachytherapy
        (procedure("77412", system=CPT), {"radiotherapy"}),  # treatment delivery
        (procedure("77373", system=CPT), {"radiotherapy"}),  # stereotactic body radiation
        (procedure("DW0187Z", system=PCS), {"radiotherapy"}),  # ICD-10-PCS section D
        (condition(ICD10, "Z92.3"), {"radiotherapy"}),  # personal history of irradiation
        (procedure("116859006", system=SNOMED), {"transfusion"}),
        (procedure("36430", system=CPT), {"transfusion"}),
        (procedure("12719002", system=SNOMED), {"platelet_transfusion", "transfusion"}),
        (procedure("30233R1", system=PCS), {"platelet_transfusion", "transfusion"}),
        (procedure("180207008", system=SNOMED), {"rbc_transfusion", "transfusion"}),
        (procedure("30233N1", system=PCS), {"rbc_transfusion", "transfusion"}),
    ],
    ids=["rt-snomed-category", "rt-snomed", "brachy", "rt-cpt", "sbrt-cpt", "rt-pcs", "rt-history",
         "transfusion-snomed", "transfusion-cpt", "platelets-snomed", "platelets-pcs", "rbc-snomed", "rbc-pcs"],
)
def test_a_coded_procedure_becomes_its_concepts(resource, expected):
    assert concepts_of(resource) >= expected


@pytest.mark.parametrize(
    "resource, absent",
    [
        (procedure("77300", system=CPT), "radiotherapy"),  # dosimetry: a plan, no treatment given
        (procedure("30243Y1", system=PCS), "transfusion"),  # hematopoietic stem cells: a transplant
        (procedure("30243G1", system=PCS), "transfusion"),  # bone marrow
        (procedure("116859006", system=SNOMED), "platelet_transfusion"),  # the product not said
    ],
    ids=["dosimetry", "stem-cells", "marrow", "unsaid-product"],
)
def test_a_code_outside_the_rows_is_not_the_concept(resource, absent):
    assert absent not in concepts_of(resource)


@pytest.mark.parametrize(
    "resource",
    [
        procedure("415070008", system=SNOMED),  # percutaneous coronary intervention
        procedure("36969009", system=SNOMED),  # placement of stent in coronary artery
        procedure("232717009", system=SNOMED),  # coronary artery bypass grafting
        condition(ICD10, "Z95.1"),  # presence of aortocoronary bypass graft
        condition(ICD10, "Z95.5"),  # presence of coronary angioplasty implant and graft
        condition(ICD10, "Z98.61"),  # coronary angioplasty status
    ],
    ids=["pci", "coronary-stent", "cabg", "z95.1", "z95.5", "z98.61"],
)
def test_a_coronary_revascularization_is_read_from_a_procedure_or_its_status_code(resource):
    assert "coronary_revascularization" in concepts_of(resource)


def test_a_pacemaker_is_no_revascularization():
    assert "coronary_revascularization" not in concepts_of(condition(ICD10, "Z95.0"))
