"""The conditions non-cancer trials are for, read from a Condition however a hospital usually
codes them (issue 18). A trial's "Diagnosis of type 2 diabetes" is decided by the record alone
(contract section 4: absent means absent), so a set that missed a subtype would answer a diabetic
patient "not met"; and one that took a neighbour (prediabetes, sickle-cell trait) would answer a
patient without the disease "met"."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from rules_engine.snapshot import snapshot

from intake_helpers import ICD10, ICDO3, SNOMED, bundle, condition

ICD10_WHO = "http://hl7.org/fhir/sid/icd-10"


def present(system: str, code: str) -> frozenset[str]:
    """The concepts the engine holds present for a record of this one code (derived included)."""
    return snapshot(normalise(bundle(condition(system, code))).facts, date(2026, 11, 22)).present


# (code, system, concepts it must make present): every usual coding, subtypes and complications
CODED = [
    ("E11.9", ICD10, {"type_2_diabetes", "diabetes"}),
    ("E11.65", ICD10, {"type_2_diabetes", "diabetes"}),  # with hyperglycaemia
    ("E1122", ICD10, {"type_2_diabetes", "diabetes", "chronic_kidney_disease"}),  # no dot: diabetic CKD
    ("E10.9", ICD10, {"type_1_diabetes", "diabetes"}),
    ("E13.9", ICD10, {"diabetes"}),
    ("E08.00", ICD10, {"diabetes"}),  # due to an underlying condition
    ("E11", ICD10_WHO, {"type_2_diabetes", "diabetes"}),  # WHO ICD-10, read through ICD-10-CM
    ("44054006", SNOMED, {"type_2_diabetes", "diabetes"}),
    ("46635009", SNOMED, {"type_1_diabetes", "diabetes"}),
    ("I10", ICD10, {"hypertension"}),
    ("I11.0", ICD10, {"hypertension", "heart_failure"}),  # hypertensive heart disease with heart failure
    ("I13.0", ICD10, {"hypertension", "heart_failure", "chronic_kidney_disease"}),
    ("I50.22", ICD10, {"heart_failure"}),
    ("84114007", SNOMED, {"heart_failure"}),
    ("I21.4", ICD10, {"myocardial_infarction", "coronary_artery_disease"}),
    ("I25.2", ICD10, {"myocardial_infarction", "coronary_artery_disease"}),  # old MI
    ("I48.91", ICD10, {"atrial_fibrillation", "arrhythmia"}),
    ("J45.50", ICD10, {"asthma"}),
    ("J45.909", ICD10, {"asthma"}),
    ("J44.1", ICD10, {"copd"}),
    ("J43.9", ICD10, {"copd"}),  # emphysema
    ("13645005", SNOMED, {"copd"}),
    ("F32.9", ICD10, {"depression", "psychiatric_illness"}),
    ("F33.2", ICD10, {"depression", "psychiatric_illness"}),
    ("F31.9", ICD10, {"bipolar_disorder", "psychiatric_illness"}),
    ("F20.9", ICD10, {"schizophrenia", "psychiatric_illness"}),
    ("M06.9", ICD10, {"rheumatoid_arthritis", "autoimmune_disease"}),
    ("M05.79", ICD10, {"rheumatoid_arthritis", "autoimmune_disease"}),
    ("L40.0", ICD10, {"psoriasis", "autoimmune_disease"}),
    ("L40.50", ICD10, {"psoriatic_arthritis", "psoriasis"}),
    ("M32.14", ICD10, {"sle", "autoimmune_disease"}),
    ("G35", ICD10, {"multiple_sclerosis", "autoimmune_disease", "cns_disorder"}),
    ("K50.90", ICD10, {"crohn_disease", "inflammatory_bowel_disease"}),
    ("K51.90", ICD10, {"ulcerative_colitis", "inflammatory_bowel_disease"}),
    ("N18.31", ICD10, {"chronic_kidney_disease"}),
    ("N18.6", ICD10, {"end_stage_renal_disease", "chronic_kidney_disease"}),
    ("Z99.2", ICD10, {"end_stage_renal_disease", "chronic_kidney_disease"}),  # on dialysis
    ("E66.01", ICD10, {"obesity"}),
    ("Z68.41", ICD10, {"obesity"}),  # BMI 40-44.9, adult
    ("G30.1", ICD10, {"alzheimer_disease", "dementia", "cns_disorder"}),
    ("F03.90", ICD10, {"dementia", "cns_disorder"}),
    ("G20.A1", ICD10, {"parkinson_disease", "cns_disorder"}),
    ("49049000", SNOMED, {"parkinson_disease"}),
    ("M81.0", ICD10, {"osteoporosis"}),
    ("D57.1", ICD10, {"sickle_cell_disease"}),
    ("N40.0", ICD10, {"bph"}),
    ("E28.2", ICD10, {"pcos"}),
    ("F84.0", ICD10, {"autism_spectrum_disorder"}),
    ("G43.909", ICD10, {"migraine"}),
]


@pytest.mark.parametrize("code,system,concepts", CODED, ids=[f"{c}-{sorted(k)[0]}" for c, _s, k in CODED])
def test_a_condition_coded_any_usual_way_is_the_concept(code, system, concepts):
    assert concepts <= present(system, code)


# (code, the concept it must not be): neighbours of a condition, not the condition
NEIGHBOURS = [
    ("R73.03", "diabetes"),  # prediabetes
    ("E23.2", "diabetes"),  # diabetes insipidus
    ("O24.410", "diabetes"),  # gestational diabetes: a pregnancy code, not diabetes mellitus
    ("I27.0", "hypertension"),  # primary pulmonary hypertension
    ("D57.3", "sickle_cell_disease"),  # sickle-cell trait
    ("E66.3", "obesity"),  # overweight
    ("Z68.25", "obesity"),  # BMI 25
    ("N18.31", "end_stage_renal_disease"),  # CKD stage 3a is not end-stage
    ("F34.0", "depression"),  # cyclothymia
    ("G31.84", "dementia"),  # mild cognitive impairment
    ("E10.9", "type_2_diabetes"),
    ("J45.909", "copd"),
]


@pytest.mark.parametrize("code,concept", NEIGHBOURS, ids=[f"{c}-not-{k}" for c, k in NEIGHBOURS])
def test_a_neighbouring_code_is_not_the_concept(code, concept):
    assert concept not in present(ICD10, code)


# the holdout's leukaemias and marrow disorders (task "known"): T-PLL in any status (the fifth
# character's status is read for acute leukaemias only); a myeloid sarcoma is AML as well; a constitutional aplastic anaemia is an
# inherited marrow failure, and Fanconi anaemia one of them
LEUKAEMIAS_AND_MARROW = [
    ("C91.60", {"t_pll"}),
    ("C91.62", {"t_pll"}),
    ("C92.30", {"myeloid_sarcoma", "aml"}),
    ("D61.01", {"diamond_blackfan_anemia", "inherited_marrow_failure"}),  # Diamond-Blackfan
    ("D61.02", {"inherited_marrow_failure"}),  # Shwachman-Diamond
    ("D61.03", {"fanconi_anemia", "inherited_marrow_failure"}),
]


# the classic myeloproliferative neoplasms by name (helper dx): each an MPN, none another; D47.1,
# chronic myeloproliferative disease, the family of no named kind
MPN_KINDS = [
    ("D45", {"polycythemia_vera", "mpn"}, {"essential_thrombocythemia", "myelofibrosis"}),
    ("D47.3", {"essential_thrombocythemia", "mpn"}, {"polycythemia_vera", "myelofibrosis"}),
    ("D47.4", {"myelofibrosis", "mpn"}, {"polycythemia_vera", "essential_thrombocythemia"}),
    ("D47.1", {"mpn"}, {"polycythemia_vera", "essential_thrombocythemia", "myelofibrosis"}),
]


@pytest.mark.parametrize("code,concepts,others", MPN_KINDS, ids=[c for c, _k, _o in MPN_KINDS])
def test_the_myeloproliferative_neoplasms_are_read_by_kind(code, concepts, others):
    found = present(ICD10, code)
    assert concepts <= found and not others & found


@pytest.mark.parametrize("code,concept", [("9950/3", "polycythemia_vera"), ("9962/3", "essential_thrombocythemia"), ("9961/3", "myelofibrosis"), ("9670/3", "sll")])
def test_their_icd_o_3_morphologies_are_read(code, concept):
    """(and small B lymphocytic lymphoma's, a kind of B-cell lymphoma)"""
    assert concept in present(ICDO3, code)


@pytest.mark.parametrize("code,concepts", LEUKAEMIAS_AND_MARROW, ids=[c for c, _k in LEUKAEMIAS_AND_MARROW])
def test_the_holdout_leukaemias_and_marrow_failures_are_read(code, concepts):
    assert concepts <= present(ICD10, code)


@pytest.mark.parametrize("code,concept", [("D61.3", "inherited_marrow_failure"), ("D61.01", "fanconi_anemia"), ("D61.03", "diamond_blackfan_anemia"),
                                          ("C91.10", "t_pll")])
def test_their_neighbours_are_not(code, concept):
    """An idiopathic aplastic anaemia is acquired; Diamond-Blackfan is not Fanconi, nor Fanconi
    Diamond-Blackfan; CLL is not T-PLL."""
    assert concept not in present(ICD10, code)


# the origins of an AML, the myelomonocytic leukaemias and HTLV (issue 14, known misread
# families): an AML with multilineage dysplasia is AML with myelodysplasia-related changes and
# still AML; a therapy-related myeloid neoplasm is no AML of its own; CMML, JMML and adult T-cell
# leukaemia/lymphoma stay malignancies for "another malignancy"
ORIGINS_AND_MYELOMONOCYTIC = [
    ("C92.A0", ICD10, {"aml_mrc", "aml", "acute_leukemia"}),
    ("C92.8", ICD10_WHO, {"aml_mrc", "aml"}),
    ("9895/3", ICDO3, {"aml_mrc", "aml"}),
    ("9920/3", ICDO3, {"therapy_related_myeloid_neoplasm"}),
    ("C93.10", ICD10, {"cmml"}),
    ("9945/3", ICDO3, {"cmml"}),
    ("C93.30", ICD10, {"jmml"}),
    ("9946/3", ICDO3, {"jmml"}),
    ("B97.33", ICD10, {"htlv"}),
    ("B97.34", ICD10, {"htlv"}),
    ("C91.50", ICD10, {"htlv", "atll"}),  # adult T-cell leukaemia/lymphoma, caused by HTLV-1
]


@pytest.mark.parametrize("code,system,concepts", ORIGINS_AND_MYELOMONOCYTIC, ids=[c for c, _s, _k in ORIGINS_AND_MYELOMONOCYTIC])
def test_the_aml_origins_and_myelomonocytic_leukaemias_are_read(code, system, concepts):
    assert concepts <= present(system, code)


@pytest.mark.parametrize("code,system,concept", [("9920/3", ICDO3, "aml"), ("C92.00", ICD10, "aml_mrc"), ("C93.10", ICD10, "mds"), ("C92.10", ICD10, "cmml"), ("B97.35", ICD10, "htlv")])
def test_the_origins_neighbours_are_not(code, system, concept):
    """A therapy-related neoplasm may be an MDS; AML NOS states no dysplasia; CMML is not coded as
    MDS; CML is not CMML; B97.35 is HIV-2."""
    assert concept not in present(system, code)
