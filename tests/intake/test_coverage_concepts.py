"""The concepts added for the coverage of registry lines (issue 14), read from the resources
hospitals send them in. A record without them has none of them (contract section 4: absent
means absent), so each row also pins a neighbour that must not be read as the concept."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.intake import normalise

from intake_helpers import ATC, ELIGO, ICD10, ICDO3, LOINC, RXNORM, SNOMED, bundle, condition, medication, observation, procedure, quantity


def concepts_of(*resources: dict[str, Any]) -> set[str]:
    return set(normalise(bundle(*resources)).facts.events)


def taken(text: str | None = None, system: str | None = None, code: str | None = None) -> dict[str, Any]:
    """A course of the drug completed last year: a prior therapy."""
    return medication(text, system, code, status="completed", when="2025-06-01")


@pytest.mark.parametrize(
    "system, code, expected",
    [
        (ICD10, "R13.10", {"dysphagia"}),
        (ICD10, "R13.12", {"dysphagia"}),  # oropharyngeal phase
        (ICD10, "R13.0", {"dysphagia"}),  # aphagia
        (SNOMED, "40739000", {"dysphagia"}),
        (ICD10, "R11.2", {"nausea_vomiting"}),  # nausea with vomiting: no swallowing disorder
        # an infection of the CNS is one, and a CNS disorder (topics.named_conditions)
        (ICD10, "G00.9", {"cns_infection", "cns_disorder"}),
        (ICD10, "B45.1", {"cns_infection", "opportunistic_infection"}),  # cryptococcal meningitis: of the CNS, and opportunistic
        (ICD10, "G24.02", {"dystonia"}),
        (ICD10, "Z90.3", {"gastrectomy"}),  # an operated stomach (topics.gi_function): a gastrectomy, a kind of gi_resection
        (ICD10, "Z90.49", {"gi_resection"}),
        (ICD10, "Z90.5", set()),  # an absent kidney is no operated gut
        # an inherited hemolytic anaemia is one (a kind of hemolytic anaemia, by its concept's
        # parent); an acquired one is only a hemolytic anaemia
        (ICD10, "D58.0", {"hereditary_hemolytic_anemia"}),  # hereditary spherocytosis
        (ICD10, "D57.1", {"sickle_cell_disease", "hereditary_hemolytic_anemia"}),
        (ICD10, "D59.9", {"hemolytic_anemia"}),
    ],
)
def test_a_coded_condition_becomes_its_concept(system: str, code: str, expected: set[str]) -> None:
    assert concepts_of(condition(system, code)) == expected




@pytest.mark.parametrize(
    "resource, concept",
    [
        (taken("Keytruda 100 MG/4ML Injection"), "checkpoint_inhibitor"),
        (taken(system=ATC, code="L01FF01"), "checkpoint_inhibitor"),  # nivolumab
        (taken(system=ATC, code="L01FX04"), "checkpoint_inhibitor"),  # ipilimumab
        (taken("olaparib 150 MG Oral Tablet"), "parp_inhibitor"),
        (taken(system=ATC, code="L01EF01"), "cdk46_inhibitor"),  # palbociclib
        (taken(system=ATC, code="L01EG02"), "mtor_inhibitor"),  # everolimus as an anticancer drug
        (taken("everolimus 0.75 MG Oral Tablet [Zortress]"), "mtor_inhibitor"),  # against rejection: still one
        (taken("vorinostat 100 MG Oral Capsule"), "hdac_inhibitor"),
        (taken(system=ATC, code="L01XG01"), "proteasome_inhibitor"),  # bortezomib
        (taken("osimertinib 80 MG Oral Tablet"), "egfr_inhibitor"),
        (taken(system=ATC, code="L01FE01"), "egfr_inhibitor"),  # cetuximab
        (taken(system=ATC, code="L01ED03"), "alk_inhibitor"),  # alectinib
        (taken("trastuzumab 150 MG Injection"), "her2_directed_therapy"),
        (taken("bevacizumab 25 MG/ML Injection"), "vegf_inhibitor"),
        (taken("carboplatin 10 MG/ML Injectable Solution"), "platinum_chemotherapy"),
        (taken(system=ATC, code="L01CD02"), "taxane"),  # docetaxel
        (taken("doxorubicin hydrochloride 2 MG/ML Injection"), "anthracycline"),
        (taken("lenalidomide 10 MG Oral Capsule"), "immunomodulatory_drug"),
        (taken(system=ATC, code="L01BC07"), "hypomethylating_agent"),  # azacitidine
        (taken(system=ATC, code="B03XA01"), "esa"),  # epoetin
        (taken("darbepoetin alfa 100 MCG/ML Injectable Solution"), "esa"),
        (taken(system=ATC, code="B03XA02"), "esa"),  # darbepoetin (a growth factor by the catalogue's hierarchy)
        (taken(system=ATC, code="V03AC03"), "iron_chelator"),  # deferasirox
        (taken("deferoxamine mesylate 500 MG Injection"), "iron_chelator"),
        (taken("hydroxyurea 500 MG Oral Capsule", ATC, "L01XX05"), "hydroxyurea"),
        (taken("ibrutinib 140 MG Oral Capsule"), "btk_inhibitor"),
        (taken(system=ATC, code="L01EL02"), "btk_inhibitor"),  # acalabrutinib
        (taken("trametinib 2 MG Oral Tablet"), "mek_inhibitor"),
        (taken(system=ATC, code="L01EE02"), "mek_inhibitor"),  # cobimetinib
        (taken("dabrafenib 75 MG Oral Capsule"), "braf_inhibitor"),
        (taken(system=ATC, code="L01EC01"), "braf_inhibitor"),  # vemurafenib
    ],
)
def test_a_drug_of_a_class_is_the_class(resource: dict[str, Any], concept: str) -> None:
    assert concept in concepts_of(resource)


@pytest.mark.parametrize(
    "resource, concept",
    [
        (taken(system=ATC, code="L01XE01"), "egfr_inhibitor"),  # imatinib (old ATC): no EGFR inhibitor
        (taken("rituximab 10 MG/ML Injection"), "checkpoint_inhibitor"),  # an antibody, not a checkpoint inhibitor
        (taken("tacrolimus 1 MG Oral Capsule"), "mtor_inhibitor"),  # a calcineurin inhibitor
        (taken(system=ATC, code="L01BC02"), "hypomethylating_agent"),  # fluorouracil
        (taken("filgrastim 300 MCG/ML Injectable Solution"), "esa"),  # a colony-stimulating factor, no ESA
    ],
)
def test_a_drug_outside_a_class_is_not_the_class(resource: dict[str, Any], concept: str) -> None:
    assert concept not in concepts_of(resource)


@pytest.mark.parametrize(
    "resource, expected",
    [
        # the strong CYP3A4 inhibitors and inducers trials of a CYP3A4-metabolised drug exclude
        (taken("ketoconazole 200 MG Oral Tablet"), True),
        (taken(system=ATC, code="J02AC02"), True),  # itraconazole
        (taken("clarithromycin 500 MG Oral Tablet"), True),
        (taken("Rifampin 300 MG Oral Capsule"), True),
        (taken(system=ATC, code="N03AF01"), True),  # carbamazepine
        (taken("St. John's Wort 300 MG Oral Capsule"), True),
        # a cream is no systemic exposure; a moderate inhibitor is not a strong one
        (taken("ketoconazole 20 MG/ML Topical Cream"), False),
        (taken("diltiazem 120 MG Oral Capsule"), False),
        (taken(system=ATC, code="J02AC01"), False),  # fluconazole: moderate
    ],
)
def test_a_strong_cyp3a4_modulator_is_read_by_code_or_name(resource: dict[str, Any], expected: bool) -> None:
    assert ("cyp3a4_modulator" in concepts_of(resource)) is expected


@pytest.mark.parametrize(
    "resource, concept, expected",
    [
        # the strong CYP1A2 and CYP2D6 inhibitors lines name beside CYP3A4 (task "known")
        (taken("fluvoxamine maleate 100 MG Oral Tablet"), "cyp1a2_inhibitor", True),
        (taken(system=ATC, code="J01MA02"), "cyp1a2_inhibitor", True),  # ciprofloxacin
        (taken("ciprofloxacin 3 MG/ML Ophthalmic Solution"), "cyp1a2_inhibitor", False),  # an eye drop
        (taken(system=ATC, code="J01MA12"), "cyp1a2_inhibitor", False),  # levofloxacin: none of them
        (taken("paroxetine 20 MG Oral Tablet"), "cyp2d6_inhibitor", True),
        (taken(system=ATC, code="N06AX12"), "cyp2d6_inhibitor", True),  # bupropion
        (taken("terbinafine 10 MG/ML Topical Cream"), "cyp2d6_inhibitor", False),
        (taken("sertraline 50 MG Oral Tablet"), "cyp2d6_inhibitor", False),  # moderate, not strong
    ],
)
def test_a_strong_cyp1a2_or_cyp2d6_inhibitor_is_read_by_code_or_name(resource: dict[str, Any], concept: str, expected: bool) -> None:
    assert (concept in concepts_of(resource)) is expected


@pytest.mark.parametrize(
    "resource, expected",
    [
        # calcium channel blockers; the non-dihydropyridines (verapamil, diltiazem) slow the AV node
        (taken("verapamil hydrochloride 80 MG Oral Tablet"), {"calcium_channel_blocker", "nondihydropyridine_ccb"}),
        (taken(system=ATC, code="C08DB01"), {"calcium_channel_blocker", "nondihydropyridine_ccb"}),  # diltiazem
        (taken("amlodipine 5 MG Oral Tablet"), {"calcium_channel_blocker"}),
        (taken(system=ATC, code="C08CA05"), {"calcium_channel_blocker"}),  # nifedipine
        (taken("metoprolol tartrate 25 MG Oral Tablet"), set()),  # a beta-blocker, not one of them
    ],
)
def test_a_calcium_channel_blocker_is_read_by_code_or_name(resource: dict[str, Any], expected: set[str]) -> None:
    assert concepts_of(resource) & {"calcium_channel_blocker", "nondihydropyridine_ccb"} == expected


@pytest.mark.parametrize(
    "system, code, expected",
    [
        (ICD10, "K92.2", {"gi_hemorrhage", "gastrointestinal_disease"}),  # gastrointestinal hemorrhage, unspecified
        (ICD10, "K92.1", {"gi_hemorrhage", "gastrointestinal_disease"}),  # melena
        (ICD10, "K25.4", {"gi_hemorrhage", "peptic_ulcer"}),  # chronic gastric ulcer with hemorrhage
        (ICD10, "K25.7", {"peptic_ulcer"}),  # chronic gastric ulcer without hemorrhage or perforation
        (ICD10, "I85.11", {"gi_hemorrhage", "esophageal_varices"}),  # secondary esophageal varices with bleeding
        (ICD10, "I85.10", {"esophageal_varices"}),  # ... without bleeding: the varices, no bleeding episode
        (ICD10, "I61.9", {"intracranial_hemorrhage", "stroke", "cns_disorder"}),  # a hemorrhagic stroke
        (ICD10, "I63.9", {"stroke", "cns_disorder"}),  # cerebral infarction: a stroke, not a hemorrhage
        (ICD10, "R04.2", {"pulmonary_hemorrhage"}),  # hemoptysis
        (ICD10, "R58", {"hemorrhage"}),
        (ICD10, "R04.0", {"hemorrhage"}),  # epistaxis
        (ICD10, "N92.0", set()),  # heavy menstruation is not read as a bleeding episode
        (SNOMED, "131148009", {"hemorrhage"}),
        (SNOMED, "66857006", {"pulmonary_hemorrhage"}),
    ],
)
def test_a_coded_bleeding_becomes_its_site(system: str, code: str, expected: set[str]) -> None:
    assert concepts_of(condition(system, code)) == expected


@pytest.mark.parametrize(
    "resource, expected",
    [
        (taken("amiodarone 200 MG Oral Tablet"), True),
        (taken(system=ATC, code="N06AB04"), True),  # citalopram
        (taken(system=ATC, code="J01FA10"), True),  # azithromycin
        (taken("ondansetron 4 MG Disintegrating Oral Tablet"), True),
        (taken(system=ATC, code="C07AB02"), False),  # metoprolol: a beta blocker without the risk
        (taken(system=ATC, code="N06AB03"), False),  # fluoxetine: a possible risk only, not listed
        (taken("ciprofloxacin 3 MG/ML Ophthalmic Solution"), False),  # an eye drop is no systemic use
    ],
)
def test_a_drug_with_a_known_risk_of_torsades_is_a_qt_prolonging_drug(resource: dict[str, Any], expected: bool) -> None:
    assert ("qt_prolonging_drug" in concepts_of(resource)) is expected


def test_torsades_de_pointes_is_coded_as_itself() -> None:
    assert concepts_of(condition(ICD10, "I47.21")) >= {"torsades_de_pointes"}



def measured(resource: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    facts = normalise(bundle(resource)).facts
    return {c: (m[0].value, m[0].unit) for c, m in facts.measurements.items()}


@pytest.mark.parametrize(
    "resource, expected",
    [
        (observation(LOINC, "2890-2", valueQuantity=quantity(0.4, "mg/mg")), {"upcr": (0.4, "g/g")}),
        (observation(LOINC, "2890-2", valueQuantity=quantity(350, "mg/g")), {"upcr": (0.35, "g/g")}),
        (observation(LOINC, "2889-4", valueQuantity=quantity(1500, "mg/(24.h)")), {"urine_protein_24h": (1.5, "g/d")}),
        (observation(LOINC, "2889-4", valueQuantity=quantity(0.8, "g/24h")), {"urine_protein_24h": (0.8, "g/d")}),
        (observation(LOINC, "20454-5", valueString="2+"), {"urine_protein_dipstick": (2, "1")}),
        (observation(LOINC, "20454-5", valueString="Trace"), {"urine_protein_dipstick": (0.5, "1")}),
        (observation(LOINC, "20454-5", valueCodeableConcept={"text": "Negative"}), {"urine_protein_dipstick": (0, "1")}),
        (observation(LOINC, "20454-5", valueString="+++"), {"urine_protein_dipstick": (3, "1")}),
        (observation(LOINC, "20454-5", valueString="cloudy"), {}),  # no dipstick reading: not kept
        (observation(LOINC, "29463-7", valueQuantity=quantity(72.5, "kg")), {"body_weight": (72.5, "kg")}),
        (observation(LOINC, "29463-7", valueQuantity=quantity(200, "[lb_av]")), {"body_weight": (90.718474, "kg")}),
        (observation(LOINC, "39156-5", valueQuantity=quantity(31.2, "kg/m2")), {"bmi": (31.2, "kg/m2")}),
        (observation(LOINC, "8277-6", valueQuantity=quantity(0.28, "m2")), {"bsa": (0.28, "m2")}),
        (observation(LOINC, "3140-1", valueQuantity=quantity(1.9, "m2")), {"bsa": (1.9, "m2")}),
        (observation(LOINC, "4548-4", valueQuantity=quantity(7.2, "%")), {"hba1c": (7.2, "%")}),
        (observation(LOINC, "2345-7", valueQuantity=quantity(5.5, "mmol/L")), {"glucose": (99.088, "mg/dL")}),
        (observation(LOINC, "2986-8", valueQuantity=quantity(0.5, "ng/mL")), {"testosterone": (50, "ng/dL")}),
        (observation(LOINC, "2571-8", valueQuantity=quantity(2.0, "mmol/L")), {"triglycerides": (177.14, "mg/dL")}),
        (observation(LOINC, "8480-6", valueQuantity=quantity(142, "mm[Hg]")), {"systolic_bp": (142, "mm[Hg]")}),
        (observation(LOINC, "17861-6", valueQuantity=quantity(9.5, "mg/dL")), {"calcium": (9.5, "mg/dL")}),
        (observation(LOINC, "2000-8", valueQuantity=quantity(2.5, "mmol/L")), {"calcium": (10.0195, "mg/dL")}),
        (observation(LOINC, "1994-3", valueQuantity=quantity(1.2, "mmol/L")), {"ionized_calcium": (4.80936, "mg/dL")}),
        (observation(LOINC, "2857-1", valueQuantity=quantity(4.2, "ng/mL")), {"psa": (4.2, "ng/mL")}),
        (observation(LOINC, "2823-3", valueQuantity=quantity(3.1, "mmol/L")), {"potassium": (3.1, "mmol/L")}),
        (observation(LOINC, "2823-3", valueQuantity=quantity(3.1, "meq/L")), {"potassium": (3.1, "mmol/L")}),  # US labs
        (observation(LOINC, "19123-9", valueQuantity=quantity(1.8, "mg/dL")), {"magnesium": (1.8, "mg/dL")}),
        (observation(LOINC, "2951-2", valueQuantity=quantity(128, "mmol/L")), {"sodium": (128, "mmol/L")}),
        (observation(LOINC, "1798-8", valueQuantity=quantity(140, "U/L")), {"amylase": (140, "U/L")}),
        (observation(LOINC, "3040-3", valueQuantity=quantity(95, "U/L")), {"lipase": (95, "U/L")}),
        (observation(LOINC, "2777-1", valueQuantity=quantity(2.1, "mg/dL")), {"phosphate": (2.1, "mg/dL")}),
        (observation(LOINC, "14879-1", valueQuantity=quantity(1.0, "mmol/L")), {"phosphate": (3.0974, "mg/dL")}),  # as phosphorus
        (observation(LOINC, "2028-9", valueQuantity=quantity(18, "meq/L")), {"bicarbonate": (18, "mmol/L")}),  # total CO2, US units
        (observation(LOINC, "1963-8", valueQuantity=quantity(24, "mmol/L")), {"bicarbonate": (24, "mmol/L")}),
        (observation(LOINC, "24467-3", valueQuantity=quantity(350, "/uL")), {"cd4_count": (350, "10*6/L")}),  # CD4+ T cells per microlitre
        (observation(LOINC, "24467-3", valueQuantity=quantity(0.35, "10*9/L")), {"cd4_count": (350, "10*6/L")}),
        (observation(LOINC, "98130-8", valueQuantity=quantity(62, "%")), {"dlco": (62, "%")}),
        # the long tail of blood tests marrow-failure trials bound (topics.labs)
        (observation(LOINC, "2276-4", valueQuantity=quantity(120, "ug/L")), {"ferritin": (120, "ng/mL")}),
        (observation(LOINC, "5631-4", valueQuantity=quantity(15.7, "umol/L")), {"copper": (99.76722, "ug/dL")}),
        (observation(LOINC, "2842-3", valueQuantity=quantity(18, "ng/mL")), {"prolactin": (18, "ng/mL")}),
        (observation(LOINC, "14196-0", valueQuantity=quantity(60000, "/uL")), {"reticulocytes": (60, "10*9/L")}),
        (observation(LOINC, "2532-0", valueQuantity=quantity(310, "U/L")), {"ldh": (310, "U/L")}),
        # the absolute DLCO's and FEV1's codes, which hospitals also send the percentage under: kept with
        # their unit, so an absolute value never meets a bound in per cent (tests/parser/test_lung_function_shapes.py)
        (observation(LOINC, "19911-7", valueQuantity=quantity(22, "mL/min/mm[Hg]")), {"dlco": (22, "mL/min/mm[Hg]")}),
        (observation(LOINC, "19911-7", valueQuantity=quantity(62, "%")), {"dlco": (62, "%")}),
        (observation(LOINC, "20150-9", valueQuantity=quantity(70, "%")), {"fev1": (70, "%")}),
        (observation(LOINC, "20152-5", valueQuantity=quantity(48, "%")), {"fev1": (48, "%")}),
        (observation(LOINC, "19872-1", valueQuantity=quantity(71, "%")), {"fvc": (71, "%")}),
        (observation(ELIGO, "prior-lines-of-therapy", valueInteger=3), {"prior_therapy_lines": (3, "1")}),
        (observation(ELIGO, "prior-lines-of-therapy", valueQuantity={"value": 2}), {"prior_therapy_lines": (2, "1")}),
        (observation(LOINC, "16933-4", valueCodeableConcept={"text": "Positive"}), {"hbcab": ("positive", None)}),
    ],
)
def test_urine_protein_and_body_measurements_are_read_as_measurements(resource: dict[str, Any], expected: dict[str, tuple[Any, Any]]) -> None:
    found = measured(resource)
    assert found.keys() == expected.keys()
    for concept, (value, unit) in expected.items():
        assert found[concept] == (pytest.approx(value), unit)


def test_proteinuria_is_coded_as_itself() -> None:
    assert concepts_of(condition(ICD10, "R80.9")) == {"proteinuria"}


def test_spinal_cord_compression_is_coded_as_itself() -> None:
    assert concepts_of(condition(ICD10, "G95.20")) >= {"spinal_cord_compression"}
    assert "spinal_cord_compression" not in concepts_of(condition(ICD10, "G95.89"))  # another disease of the cord


@pytest.mark.parametrize(
    "code, concept",
    [("R19.7", "diarrhea"), ("D75.A", "g6pd_deficiency"), ("D55.0", "g6pd_deficiency"), ("K85.90", "pancreatitis"), ("K86.1", "pancreatitis"), ("Z99.2", "dialysis"),
     ("E87.6", "hypokalemia"), ("E83.42", "hypomagnesemia"), ("E87.1", "hyponatremia"), ("H40.11X0", "glaucoma"), ("H35.31", "macular_degeneration"), ("H35.00", "retinal_disease")],
)
def test_a_condition_exclusions_name_is_coded_as_itself(code: str, concept: str) -> None:
    assert concept in concepts_of(condition(ICD10, code))


def test_a_pancreatic_cyst_is_no_pancreatitis() -> None:
    assert "pancreatitis" not in concepts_of(condition(ICD10, "K86.2"))


@pytest.mark.parametrize(
    "code, expected",
    [
        # every D55-D59 code is also a hemolytic anaemia, the cause "unless elevated due to
        # hemolysis" names beside a bilirubin limit (matcher/intake/codes.toml)
        ("D59.11", {"autoimmune_hemolytic_anemia", "hemolytic_anemia"}),  # warm autoimmune hemolytic anemia
        ("D59.1", {"autoimmune_hemolytic_anemia", "hemolytic_anemia"}),
        ("D69.3", {"immune_thrombocytopenia"}),
        ("D68.61", {"autoimmune_disease", "thrombophilia"}),  # antiphospholipid syndrome: the wider disease, and a tendency to clot
        ("D59.0", {"hemolytic_anemia"}),  # drug-induced hemolysis: not the autoimmune disease
        ("D69.6", set()),  # thrombocytopenia, unspecified: not immune
        ("C90.10", {"plasma_cell_leukemia"}),
        ("C90.00", {"multiple_myeloma"}),  # myeloma is not plasma cell leukemia
        ("C88.0", {"waldenstrom_macroglobulinemia"}),
        ("D47.2", {"mgus"}),
    ],
)
def test_the_cytopenias_and_plasma_cell_diseases_lines_name_apart_are_coded_apart(code: str, expected: set[str]) -> None:
    assert concepts_of(condition(ICD10, code)) == expected


@pytest.mark.parametrize(
    "resource, concept",
    [
        (medication("omeprazole 20 MG Delayed Release Oral Capsule"), "proton_pump_inhibitor"),
        (medication(system=RXNORM, code="40790"), "proton_pump_inhibitor"),  # pantoprazole
        (medication(system=ATC, code="A02BC05"), "proton_pump_inhibitor"),  # esomeprazole
        (medication("famotidine 20 MG Oral Tablet"), "h2_antagonist"),
        (medication(system=ATC, code="A02BA03"), "h2_antagonist"),  # famotidine
        (medication(system=RXNORM, code="9143"), "h2_antagonist"),  # ranitidine
    ],
)
def test_an_acid_suppressant_is_read_by_code_or_name(resource: dict[str, Any], concept: str) -> None:
    assert concept in concepts_of(resource)


def test_an_antacid_is_no_acid_suppressant_the_lines_name() -> None:
    assert not {"proton_pump_inhibitor", "h2_antagonist"} & concepts_of(medication(system=ATC, code="A02AD01"))  # aluminium/magnesium salts


@pytest.mark.parametrize(
    "code, word, expected",
    [
        ("56888-1", "Positive", ("hiv_antibody", "positive")),  # HIV 1+2 Ab + HIV-1 p24 Ag screen
        ("75622-1", "Reactive", ("hiv_antibody", "positive")),
        ("7917-8", "Negative", ("hiv_antibody", "negative")),  # HIV-1 Ab
        ("13955-0", "Positive", ("hcv_antibody", "positive")),
    ],
)
def test_a_serology_result_is_read_as_its_test(code: str, word: str, expected: tuple[str, str]) -> None:
    facts = normalise(bundle(observation(LOINC, code, valueCodeableConcept={"text": word}))).facts
    concept, value = expected
    assert [m.value for m in facts.measurements[concept]] == [value]


@pytest.mark.parametrize(
    "resource, expected",
    [
        (taken("venetoclax", RXNORM, "1747556"), True),  # by its name when coded in RxNorm alone
        (taken("venetoclax", ATC, "L01XX52"), True),
        (taken("arsenic trioxide", ATC, "L01XX27"), True),
        (taken("hydroxyurea", ATC, "L01XX05"), False),  # cytoreduction lines permit: left out, as from chemotherapy
        (taken("imatinib", ATC, "L01EA01"), True),
        (taken("bicalutamide", ATC, "L02BB03"), False),  # endocrine therapy: hormone therapy, anticancer by the hierarchy
        (taken("tretinoin 0.05% cream"), False),  # by name tretinoin is as often the acne cream
        (taken("prednisone", ATC, "H02AB07"), False),
    ],
)
def test_any_antineoplastic_drug_is_anticancer_therapy(resource: dict[str, Any], expected: bool) -> None:
    assert ("anticancer_therapy" in concepts_of(resource)) is expected


@pytest.mark.parametrize(
    "code, expected",
    [
        ("A41.9", {"sepsis"}),  # sepsis: an active infection (its parent), and what "uncontrolled" asks of one
        ("R65.21", {"sepsis"}),  # severe sepsis with septic shock
        ("J18.9", {"active_infection", "lung_disease"}),  # pneumonia: an infection, and of the lung ("pulmonary disease")
        ("B37.0", {"active_infection"}),  # oral candidiasis
        ("K61.0", {"active_infection", "gastrointestinal_disease"}),  # perianal abscess, common in neutropenia
        ("T82.7XXA", {"active_infection"}),  # central line infection
        ("U07.1", {"active_infection"}),  # COVID-19
        ("B18.1", {"hbv"}),  # chronic hepatitis B: its own concept, not an "active infection"
        ("B20", {"hiv"}),
        ("J06.9", set()),  # the common cold: no line means it
        ("B94.8", set()),  # sequelae of an infection
    ],
)
def test_an_acute_infection_is_an_active_infection(code: str, expected: set[str]) -> None:
    assert concepts_of(condition(ICD10, code)) == expected


def test_a_resolved_infection_is_not_active() -> None:
    facts = normalise(bundle(condition(ICD10, "J18.9", clinical="resolved"))).facts
    assert [e.active for e in facts.events["active_infection"]] == [False]


@pytest.mark.parametrize(
    "code, expected",
    [
        ("active-infection", {"active_infection"}),
        ("major-surgery", {"major_surgery"}),
        ("leptomeningeal-disease", {"leptomeningeal_disease"}),
        ("bilirubin", set()),  # a measurement is no history: an Observation carries it
        ("no-such-concept", set()),
    ],
)
def test_any_history_concept_of_the_catalogue_has_an_eligo_code(code: str, expected: set[str]) -> None:
    assert concepts_of(condition(ELIGO, code)) == expected


CPT = "http://www.ama-assn.org/go/cpt"


def named_procedure(display: str) -> dict[str, Any]:
    resource = procedure("80146002", system=SNOMED)
    resource["code"]["coding"][0]["display"] = display
    return resource


@pytest.mark.parametrize(
    "resource, expected",
    [
        (procedure("44950", system=CPT), {"surgery"}),  # appendectomy: a surgery of unsaid size
        (procedure("38221", system=CPT), {"minor_surgery"}),  # bone marrow biopsy
        (procedure("36556", system=CPT), {"minor_surgery"}),  # central venous catheter
        (procedure("36415", system=CPT), set()),  # venipuncture is no surgery
        (procedure("38206", system=CPT), set()),  # stem cell harvest is no surgery
        (procedure("38240", system=CPT), {"allo_hsct", "hsct"}),  # its own row wins over the range
        (named_procedure("Laparoscopic appendectomy"), {"surgery"}),
        (named_procedure("Bone marrow biopsy"), {"minor_surgery"}),
        (named_procedure("Excisional lymph node biopsy"), {"minor_surgery"}),  # "excisional biopsy" is a phrase apart
        (named_procedure("Open biopsy of cervical lymph node"), {"open_biopsy", "surgery", "minor_surgery"}),
        (named_procedure("Echocardiography"), set()),
    ],
)
def test_a_surgical_procedure_is_a_surgery_and_a_minor_one_minor(resource: dict[str, Any], expected: set[str]) -> None:
    assert concepts_of(resource) == expected


@pytest.mark.parametrize(
    "system, code, expected",
    [
        (ICD10, "C79.32", {"brain_metastases", "leptomeningeal_disease"}),
        (ICD10, "S72.001A", {"traumatic_injury"}),  # fracture of the femur
        (ICD10, "S00.03XA", set()),  # a bruise of the scalp is no significant injury
        (ICD10, "K63.1", {"gi_perforation"}),
        (ICD10, "K57.20", {"gi_perforation"}),  # diverticulitis with perforation and abscess
        (ICD10, "K57.30", {"digestive_tract_disease"}),  # diverticulosis without perforation: no organic GI disease
        (ICD10, "I73.9", {"peripheral_vascular_disease"}),
        (ICD10, "L89.154", {"nonhealing_wound"}),
        (ICDO3, "9806/3", {"ambiguous_lineage_leukemia"}),
    ],
)
def test_a_condition_a_line_names_has_a_code_that_sets_it(system: str, code: str, expected: set[str]) -> None:
    assert concepts_of(condition(system, code)) == expected


@pytest.mark.parametrize(
    "resource, expected",
    [
        (taken("bicalutamide", ATC, "L02BB03"), True),
        (taken("letrozole"), True),
        (taken("levothyroxine", ATC, "H03AA01"), False),  # a hormone, not endocrine therapy of cancer
    ],
)
def test_endocrine_therapy_of_cancer_is_hormone_therapy(resource: dict[str, Any], expected: bool) -> None:
    assert ("hormone_therapy" in concepts_of(resource)) is expected


@pytest.mark.parametrize(
    "resource, expected",
    [
        (taken("Investigational product ABC-123 200 mg"), True),
        (taken("study drug (blinded)"), True),
        (taken(None, ELIGO, "investigational-agent"), True),
        (taken("cytarabine", ATC, "L01BC01"), False),
    ],
)
def test_an_investigational_product_is_read_by_its_words(resource: dict[str, Any], expected: bool) -> None:
    assert ("investigational_agent" in concepts_of(resource)) is expected


@pytest.mark.parametrize(
    "resource, expected",
    [
        (medication("clopidogrel 75 MG Oral Tablet"), {"antiplatelet_therapy"}),
        (medication(system=RXNORM, code="32968"), {"antiplatelet_therapy"}),  # clopidogrel
        (medication(system=ATC, code="B01AC24"), {"antiplatelet_therapy"}),  # ticagrelor
        (medication("ibuprofen 400 MG Oral Tablet"), {"nsaid_therapy"}),
        (medication(system=RXNORM, code="7258"), {"nsaid_therapy"}),  # naproxen
        (medication(system=ATC, code="M01AE01"), {"nsaid_therapy"}),  # ibuprofen
        # aspirin is both: an antiplatelet (B01AC06) and an NSAID (N02BA01); the antiplatelet
        # class is its kind's, aspirin therapy, which the engine derives the class from (a record
        # of the class itself would be one that may be any kind of it: organ18, holdout T315)
        (medication("aspirin 81 MG Oral Tablet"), {"aspirin_therapy", "nsaid_therapy"}),
        (medication(system=RXNORM, code="1191"), {"aspirin_therapy", "nsaid_therapy"}),
    ],
)
def test_a_drug_that_makes_bleeding_worse_is_read_by_code_or_name(resource: dict[str, Any], expected: set[str]) -> None:
    assert expected <= concepts_of(resource)


def test_paracetamol_and_heparin_are_no_nsaid_or_antiplatelet() -> None:
    for resource in (medication(system=ATC, code="N02BE01"), medication("acetaminophen 500 MG Oral Tablet"), medication(system=ATC, code="B01AB01")):
        assert not {"nsaid_therapy", "antiplatelet_therapy"} & concepts_of(resource)
