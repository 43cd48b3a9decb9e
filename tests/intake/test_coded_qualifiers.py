"""Qualifiers a hospital codes, read from the resource it sends them in: any vaccine given
(Immunization, whatever its CVX code), the reaction of an allergy (AllergyIntolerance.reaction
manifestation), the severity of a condition (Condition.severity), the cell therapies given
from a donor (Procedure) and the phase of a chronic myeloid leukaemia (the words of its
Condition's code or stage). A line that names the qualifier reads it; a record that does not state
it leaves the line unknown, never not met."""

from __future__ import annotations

from typing import Any

import pytest

from rules_engine.criteria import Op, Predicate as P, Window
from rules_engine.outcome import Outcome

from intake_helpers import ICD10, PATIENT_URL, SNOMED, condition
from test_coded_concepts import CVX, allergy, concept, decide, facts, immunization, read

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


# -- any vaccine ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "vaccine, concepts",
    [
        (concept(system=CVX, code="150", display="influenza, injectable, quadrivalent"), {"vaccination"}),
        (concept(system=CVX, code="208", display="COVID-19, mRNA"), {"vaccination"}),
        (concept("Shingrix"), {"vaccination"}),
        (concept(system=CVX, code="03", display="MMR"), {"live_vaccine"}),  # a kind of vaccination (derived)
    ],
    ids=["inactivated-flu", "mrna", "named-only", "live"],
)
def test_every_vaccine_given_is_a_vaccination(vaccine, concepts):
    assert set(facts(immunization(vaccine)).events) == concepts


def test_no_vaccine_administered_is_not_a_vaccination():
    record = read(immunization(concept(system=CVX, code="998", display="no vaccine administered")))
    assert record.facts.events == {} and "no vaccine was given" in record.ignored[0][1]


VACCINATION_LINE = P("vaccination", Op.WITHIN, window=Window(4, "weeks"))


@pytest.mark.parametrize(
    "resources, expected, quoted",
    [
        ([immunization(concept(system=CVX, code="150", display="influenza, injectable"), when="2026-02-20")], MET, "influenza, injectable, given 2026-02-20"),
        ([immunization(concept(system=CVX, code="21", display="varicella"), when="2026-02-20")], MET, "varicella"),
        ([immunization(concept(system=CVX, code="150"), when="2025-11-01")], NOT_MET, "not within 4 weeks"),
        ([immunization(concept(system=CVX, code="150"), when="2026-02-20", status="not-done")], NOT_MET, "no record of vaccination"),
        ([], NOT_MET, "no record of vaccination"),
    ],
    ids=["inactivated-recent", "live-recent", "old", "not-done", "none"],
)
def test_any_vaccination_within_the_window(resources, expected, quoted):
    result = decide(VACCINATION_LINE, facts(*resources))
    assert result.outcome is expected
    assert quoted in result.reason


# -- the reaction of a drug allergy ------------------------------------------------------------------

def reaction(*manifestations: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"manifestation": list(manifestations)}]


ANAPHYLAXIS_LINE = P("drug_anaphylaxis", Op.IS, "positive")


@pytest.mark.parametrize(
    "resources, expected, quoted",
    [
        ([allergy(concept("Penicillin"), category=["medication"], reaction=reaction(concept("Anaphylaxis", SNOMED, "39579001")))], MET, "with reaction anaphylaxis"),
        ([allergy(concept("Cefazolin"), reaction=reaction(concept("anaphylactic shock")))], MET, "with reaction anaphylaxis"),
        ([allergy(concept("Amoxicillin"), reaction=reaction(concept("Anaphylactic reaction due to drug", ICD10, "T88.6XXA")))], MET, "anaphylaxis"),
        ([allergy(concept("Penicillin"), reaction=reaction(concept("Hives", SNOMED, "126485001")))], NOT_MET, "a reaction other than anaphylaxis"),
        ([allergy(concept("Peanut"), category=["food"], reaction=reaction(concept("Anaphylaxis", SNOMED, "39579001")))], NOT_MET, "no record of drug hypersensitivity"),
        ([], NOT_MET, "no record of drug hypersensitivity"),
        ([allergy(concept("Penicillin"), category=["medication"])], UNKNOWN, "without its reaction: may be anaphylaxis"),
        ([allergy(concept("Penicillin"), reaction=reaction(concept("Hives"))), allergy(concept("Sulfa drugs"))], UNKNOWN, "may be anaphylaxis"),
    ],
    ids=["snomed", "text", "icd10", "hives", "food", "none", "reaction-not-recorded", "one-not-recorded"],
)
def test_anaphylaxis_to_any_drug_is_the_reaction_a_drug_allergy_records(resources, expected, quoted):
    result = decide(ANAPHYLAXIS_LINE, facts(*resources))
    assert result.outcome is expected
    assert quoted in result.reason


# -- the severity of a condition ----------------------------------------------------------------------

def severity(code: str | None, text: str | None = None) -> dict[str, Any]:
    return concept(text, SNOMED if code else None, code)


SEVERE_AUTOIMMUNE_LINE = P("severe_autoimmune_disease", Op.IS, "positive")


@pytest.mark.parametrize(
    "resources, expected, quoted",
    [
        ([condition(ICD10, "M32.14", severity=severity("24484000"))], MET, "autoimmune disease on record (2026-10-23) with severity severe"),
        ([condition(ICD10, "M05.79", severity=severity(None, "Severe"))], MET, "with severity severe"),
        ([condition(ICD10, "M32.14", clinical="resolved", severity=severity("24484000"))], MET, "with severity severe"),  # a history of it
        ([condition(ICD10, "M32.14", severity=severity("255604002"))], NOT_MET, "a severity other than severe"),
        ([condition(ICD10, "M32.14", severity=severity("6736007"))], NOT_MET, "a severity other than severe"),
        ([], NOT_MET, "no record of autoimmune disease"),
        ([condition(ICD10, "M32.14")], UNKNOWN, "without its severity: may be severe"),
        ([condition(ICD10, "M32.14", severity=severity("371924009", "Moderate to severe"))], UNKNOWN, "may be severe"),
    ],
    ids=["snomed", "text", "resolved", "mild", "moderate", "none", "not-stated", "moderate-to-severe"],
)
def test_a_severe_condition_is_the_severity_its_record_codes(resources, expected, quoted):
    result = decide(SEVERE_AUTOIMMUNE_LINE, facts(*resources))
    assert result.outcome is expected
    assert quoted in result.reason


# -- immunodeficiency ---------------------------------------------------------------------------------

@pytest.mark.parametrize("resource, expected", [
    (condition(ICD10, "D83.9"), MET),  # common variable immunodeficiency
    (condition(ICD10, "D84.821"), MET),  # immunodeficiency due to drugs
    (condition(ICD10, "B20"), MET),  # HIV disease
    (condition(ICD10, "Z21"), MET),  # asymptomatic HIV infection status: an acquired immunodeficiency
    (condition(ICD10, "D89.89"), NOT_MET),  # other disorders involving the immune mechanism: not read as it
], ids=["cvid", "drug-induced", "hiv-disease", "hiv-status", "other-immune"])
def test_immunodeficiency_of_any_cause(resource, expected):
    assert decide(P("immunodeficiency", Op.PRESENT), facts(resource)).outcome is expected


# -- cells from a donor -------------------------------------------------------------------------------

CPT = "http://www.ama-assn.org/go/cpt"


def performed(code: str, system: str = CPT, when: str = "2026-02-20") -> dict[str, Any]:
    return {"resourceType": "Procedure", "status": "completed", "code": concept(system=system, code=code),
            "subject": {"reference": PATIENT_URL}, "performedDateTime": when}


@pytest.mark.parametrize("resource, concepts", [
    (performed("38242"), {"donor_cell_infusion"}),  # allogeneic lymphocyte infusions (DLI)
    (performed("38240"), {"allo_hsct", "hsct"}),
    (performed("38241"), {"auto_hsct", "hsct"}),
    (performed("donor-lymphocyte-infusion", "urn:eligo:concept"), {"donor_cell_infusion"}),
], ids=["dli", "allo", "auto", "eligo"])
def test_cell_therapy_procedures(resource, concepts):
    assert set(facts(resource).events) == concepts


ALLOGENEIC_LINE = P("allogeneic_cell_therapy", Op.WITHIN, window=Window(4, "weeks"))


@pytest.mark.parametrize("resource, expected", [
    (performed("38242"), MET), (performed("38240"), MET), (performed("38241"), NOT_MET), (performed("38240", when="2025-01-01"), NOT_MET),
], ids=["dli", "allo", "auto", "allo-long-ago"])
def test_allogeneic_cell_therapy_within_the_window(resource, expected):
    assert decide(ALLOGENEIC_LINE, facts(resource)).outcome is expected


# -- tuberculosis by site ------------------------------------------------------------------------------

@pytest.mark.parametrize("code, concepts, expected", [
    ("A15.0", {"pulmonary_tuberculosis"}, MET),
    ("A19.9", {"pulmonary_tuberculosis", "extrapulmonary_tuberculosis"}, MET),  # miliary: the lungs too
    ("A18.01", {"extrapulmonary_tuberculosis"}, NOT_MET),
    ("A15.9", {"tuberculosis"}, UNKNOWN),  # respiratory, not said to be of the lung
    ("A15.6", {"tuberculosis"}, UNKNOWN),  # tuberculous pleurisy
], ids=["lung", "miliary", "bone", "respiratory-unspecified", "pleurisy"])
def test_pulmonary_tuberculosis_is_read_from_the_codes_site(code, concepts, expected):
    record = facts(condition(ICD10, code))
    assert set(record.events) == concepts | {"active_infection"}  # tuberculosis is an active infection too
    assert decide(P("pulmonary_tuberculosis", Op.PRESENT), record).outcome is expected


# -- the phase of a chronic myeloid leukaemia (hold31) ------------------------------------------------

def cml(text: str | None, *, clinical: str = "active", onset: str = "2026-10-23", stage: str | None = None) -> dict[str, Any]:
    """A CML Condition as a clinic sends it: the ICD-10-CM code, its words in ``code.text``."""
    out = condition(ICD10, "C92.10", clinical=clinical, onset=onset)
    if text is not None:
        out["code"]["text"] = text
    if stage is not None:
        out["stage"] = [{"summary": {"text": stage}}]
    return out


CHRONIC_PHASE_LINE = P("cml_chronic_phase", Op.IS, "positive")


@pytest.mark.parametrize(
    "resources, expected, quoted",
    [
        ([cml("Chronic myeloid leukemia, BCR/ABL-positive (chronic phase)")], MET, "with phase chronic"),
        ([cml("CML", stage="Chronic-phase")], MET, "with phase chronic"),
        ([cml("Chronic myeloid leukemia, BCR/ABL-positive, in myeloid blast crisis")], NOT_MET, "a phase other than chronic"),
        ([cml("Chronic myeloid leukemia (accelerated phase)")], NOT_MET, "a phase other than chronic"),
        # the latest record is the disease now: a blast crisis after an earlier chronic phase
        ([cml("CML, chronic phase", clinical="resolved", onset="2024-01-10"), cml("CML in blast crisis")], NOT_MET, "a phase other than chronic"),
        ([cml("Chronic myeloid leukemia, not having achieved remission")], UNKNOWN, "without its phase: may be chronic"),
        ([cml("CML: chronic phase at diagnosis, now blast crisis")], UNKNOWN, "without its phase"),  # two phases: none stated
        ([], NOT_MET, "no record of chronic myeloid leukemia"),
    ],
    ids=["display", "stage", "blast-crisis", "accelerated", "latest-record", "not-stated", "two-phases", "none"],
)
def test_a_cml_phase_is_the_one_its_latest_record_names(resources, expected, quoted):
    result = decide(CHRONIC_PHASE_LINE, facts(*resources))
    assert result.outcome is expected
    assert quoted in result.reason
