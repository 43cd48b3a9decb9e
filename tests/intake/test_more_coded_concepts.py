"""The concepts added for the concepts class of misreads (issue 14), read from the resources
hospitals send them in: anticoagulants from MedicationStatement / MedicationRequest (ATC, RxNorm
or the name), Down syndrome and CNS disorders from Condition (ICD-10-CM, SNOMED CT). A record
without them has none of them (contract section 4: absent means absent)."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.intake import normalise

from intake_helpers import ATC, ICD10, RXNORM, SNOMED, bundle, condition, medication



def concepts_of(*resources: dict[str, Any]) -> set[str]:
    return set(normalise(bundle(*resources)).facts.events)


@pytest.mark.parametrize(
    "resource, expected",
    [
        (medication("warfarin sodium 5 MG Oral Tablet"), {"vitamin_k_antagonist"}),
        (medication(system=RXNORM, code="11289"), {"vitamin_k_antagonist"}),
        (medication(system=ATC, code="B01AA07"), {"vitamin_k_antagonist"}),  # acenocoumarol
        (medication("Eliquis 5 mg tablet"), {"anticoagulant_therapy"}),
        # enoxaparin: a low molecular weight heparin, whose anticoagulant class the engine derives
        (medication(system=ATC, code="B01AB05"), {"low_molecular_weight_heparin"}),
        (condition(ICD10, "Q90.9"), {"down_syndrome"}),
        (condition(SNOMED, "41040004"), {"down_syndrome"}),
        (condition(ICD10, "G40.909"), {"cns_disorder", "seizure_disorder"}),
        (condition(ICD10, "I63.9"), {"cns_disorder", "stroke"}),
        (condition(ICD10, "G30.9"), {"alzheimer_disease"}),  # a dementia, a CNS disorder: the engine derives both
    ],
    ids=["warfarin-name", "warfarin-rxnorm", "vka-atc", "apixaban-brand", "lmwh-atc", "down-icd", "down-snomed",
         "epilepsy", "stroke", "dementia"],
)
def test_a_coded_record_becomes_its_concepts(resource, expected):
    assert expected <= concepts_of(resource)


@pytest.mark.parametrize(
    "resource, absent",
    [
        (medication("heparin lock flush 100 unit/mL"), "anticoagulant_therapy"),  # a catheter flush, by name
        (medication("aspirin 81 MG Oral Tablet"), "anticoagulant_therapy"),  # an antiplatelet
        (condition(ICD10, "G43.909"), "cns_disorder"),  # migraine
        (condition(ICD10, "G62.9"), "cns_disorder"),  # peripheral neuropathy
        (condition(ICD10, "Q91.7"), "down_syndrome"),  # trisomy 13
    ],
    ids=["heparin-flush", "aspirin", "migraine", "neuropathy", "trisomy-13"],
)
def test_a_record_outside_the_codes_is_not_the_concept(resource, absent):
    assert absent not in concepts_of(resource)


def test_every_medication_is_kept_by_its_own_words():
    record = normalise(bundle(medication("selinexor 20 MG Oral Tablet"), medication("warfarin sodium 5 MG Oral Tablet"))).facts
    quotes = sorted(e.attributes["quote"] for e in record.events["named_medication"])
    assert [q.split(",")[0] for q in quotes] == ["selinexor 20 MG Oral Tablet", "warfarin sodium 5 MG Oral Tablet"]


@pytest.mark.parametrize(
    "code, expected",
    [
        ("I21.4", {"myocardial_infarction"}),  # the engine derives coronary and cardiac disease from it
        ("I51.9", {"cardiac_disease"}),  # heart disease, unspecified: a heart disease, not heart failure
        ("I50.9", {"heart_failure"}),
        ("I25.2", {"myocardial_infarction"}),
        ("I20.0", {"unstable_angina"}),
        ("I25.10", {"coronary_artery_disease"}),
        ("I48.91", {"atrial_fibrillation"}),  # a kind of arrhythmia (the catalogue's parent)
        ("I45.81", {"long_qt_syndrome"}),
        ("I35.0", {"cardiac_disease"}),
        ("I10", {"hypertension"}),
        ("I26.99", {"thromboembolism"}),
        ("I82.401", {"thromboembolism"}),
        ("J84.10", {"ild_unspecified", "lung_disease"}),  # an interstitial lung disease of unstated kind (it may be the idiopathic one)
        ("A15.0", {"pulmonary_tuberculosis", "active_infection"}),  # a kind of tuberculosis, and an active infection
        ("G62.0", {"peripheral_neuropathy"}),
        ("E11.9", {"type_2_diabetes"}),  # a kind of diabetes
        ("K25.9", {"peptic_ulcer"}),
        ("J91.8", {"pleural_effusion", "lung_disease"}),  # the pleura's diseases are among the respiratory system's (J40-J99)
        ("K56.609", {"bowel_obstruction"}),
        ("R18.8", {"ascites"}),
        ("K90.9", {"malabsorption", "gastrointestinal_disease"}),
        ("D46.9", {"mds"}),
        ("Z94.0", {"organ_transplant"}),
        ("F10.20", {"substance_abuse"}),
        ("D68.0", {"hereditary_bleeding_disorder"}),  # von Willebrand disease: a kind of bleeding diathesis
        # left out on purpose: nicotine dependence is no substance abuse an exclusion means,
        # thrombocytopenia no bleeding diathesis, a stem-cell transplant no organ transplant
        ("F17.210", set()),
        ("D69.6", set()),
        ("Z94.84", {"hsct"}),
    ],
)
def test_a_coded_diagnosis_an_exclusion_names_is_read(code, expected):
    """Without a row the Condition was ignored, and "history of myocardial infarction" answered
    as if the patient had none."""
    assert concepts_of(condition(ICD10, code)) == expected
