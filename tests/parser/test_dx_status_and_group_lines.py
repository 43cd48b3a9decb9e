"""Diagnosis and disease-status lines whose alternatives were asked all at once.

* A status offered after its disease's explanation ("primary refractory ALL based on failure to
  achieve a remission ..., or have relapsed after treatment with a TKI"): either status of the one
  disease (``status_or_later``); read before as both, every patient failed it.
* An MDS line listing the FAB groups it takes ("fitting any of the recognized French-American-British
  classifications: refractory anemia, ..., chronic myelomonocytic leukemia with WBC < 13,000/mm3"):
  the groups are alternatives and CMML counts as an MDS (``topics.fab_groups``).
* "Patients with blasts < 5% must have an indication for therapy, such as transfusion needs, ...":
  a requirement for the patients with few marrow blasts only, its cases alternatives
  (``unread_measure_scope``); "granulocytes < 10 9/L" is one times 10^9/L (``normalize``).
* "pre-B-cell or T-cell ALL": either lineage's ALL (``normalize``).
* "GVHD requiring treatment": the systemic treatment on record decides (``topics.events``).
* A Philadelphia marker between a status and its disease ("relapsed/refractory Ph+ ALL") keeps the
  two one unit (``status_or_later.ph_between``).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, lab, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

REFRACTORY_ALL = adult(condition("all", 200), condition("refractory", 30))
RELAPSED_ALL = adult(condition("all", 400), condition("relapsed", 30))
RELAPSED_AML = adult(condition("aml", 400), condition("relapsed", 30))
UNTREATED_ALL = adult(condition("all", 20))
MDS = adult(condition("mds", 100))
CMML_LOW = adult(condition("cmml", 100), lab("wbc", 8, "10*9/L"))
CMML_HIGH = adult(condition("cmml", 100), lab("wbc", 18, "10*9/L"))
AML = adult(condition("aml", 100))


def _mds(blasts: float, hb: float = 13.5, plt: float = 150, anc: float = 2.0, transfused: bool = False) -> PatientFacts:
    parts = [condition("mds", 300), lab("bm_blasts", blasts, "%"), lab("hemoglobin", hb, "g/dL"), lab("platelets", plt, "10*9/L"), lab("anc", anc, "10*9/L")]
    return adult(*parts, *([medication("rbc_transfusion", 20)] if transfused else []))


B_ALL_RELAPSED = adult(condition("b_all", 400), condition("relapsed", 30))
T_ALL_RELAPSED = adult(condition("t_all", 400), condition("relapsed", 30))
GVHD_TACROLIMUS = adult(condition("allo_hsct", 300), condition("gvhd", 100), medication("immunosuppressant_therapy", 0, ongoing=True))
GVHD_UNTREATED = adult(condition("allo_hsct", 300), condition("gvhd", 100))

REFRACTORY_OR_RELAPSED = (
    "Patients must have primary refractory ALL based on failure to achieve a hematologic or molecular remission after induction therapy "
    "with dasatinib and steroids or dasatinib and chemotherapy, or have relapsed after treatment with a tyrosine kinase inhibitor"
)
FAB = (
    "Myelodysplastic syndrome (de novo or secondary) fitting any of the recognized French-American-British classifications: refractory anemia, "
    "refractory anemia with ringed sideroblasts, refractory anemia with excess blasts, refractory anemia with excess blasts in transformation, "
    "chronic myelomonocytic leukemia with white blood cells less than 13,000 /mm3"
)
FAB_GROUPS_ELIGIBLE = "Confirmed diagnosis of MDS by standard criteria. Patients within each of the FAB diagnostic groups of RA, RARS, RAEB, RAEBt, and CMML are eligible."
INDICATION = (
    "Patients with MDS and </= 10% bone marrow blasts. Patients with blasts < 5% must have an indication for therapy, such as transfusion needs, "
    "symptomatic anemia or Hb < 11g/dl, platelets < 100 x 10 9/L, or granulocytes < 10 9/L."
)

ROWS = [
    # -- either status of the one disease; another disease fails
    (REFRACTORY_OR_RELAPSED, I, [], [RELAPSED_AML, UNTREATED_ALL], [REFRACTORY_ALL, RELAPSED_ALL]),
    ("Patients must have primary refractory ALL, or have relapsed after treatment with a tyrosine kinase inhibitor", I,
     [REFRACTORY_ALL], [RELAPSED_AML, UNTREATED_ALL], [RELAPSED_ALL]),
    # -- the FAB groups are alternatives; CMML is an MDS of the list
    (FAB, I, [CMML_LOW], [CMML_HIGH, AML], [MDS]),
    (FAB_GROUPS_ELIGIBLE, I, [CMML_LOW], [AML], [MDS]),
    # -- the indication asked of the patients with few marrow blasts only, any case of it
    # ("symptomatic anemia or Hb < 11g/dl": either; Hb 11.0 is an anaemia whose symptoms are a
    # person's, Hb 13.5 no anaemia)
    (INDICATION, I, [_mds(8), _mds(2, plt=60), _mds(2, anc=0.5), _mds(2, transfused=True), _mds(2, hb=9.0)], [_mds(2), _mds(12)], [_mds(2, hb=11.0)]),
    # -- either lineage
    ("Relapsed or refractory pre-B-cell or T-cell acute lymphoblastic leukemia (ALL)", I, [B_ALL_RELAPSED, T_ALL_RELAPSED], [RELAPSED_AML], []),
    # -- GVHD requiring treatment
    ("Graft-versus-host disease requiring treatment", E, [GVHD_TACROLIMUS], [MDS], [GVHD_UNTREATED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_diagnosis_line_offers_the_alternatives_it_writes(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text, reading",
    [
        # an "or" closing a list of statuses far from the disease still joins the disease (left as it was)
        ("T-cell lymphoma, stage IB or higher with progressive, persistent, or recurrent disease", "T-cell-lymphoma and (relapsed or (not remission"),
        # a Philadelphia marker between a status and its disease: one unit
        ("CML in AP/BC or relapsed/refractory Ph+ ALL", "(relapsed or refractory) and BCR-ABL1 is positive and ALL"),
        ("granulocytes < 10 9/L", "ANC < 1 10*9/L"),
        ("pre-B-cell ALL", "B-ALL"),
    ],
)
def test_the_reading_keeps_the_units_the_text_writes(text: str, reading: str) -> None:
    assert reading in rule_of(text)
