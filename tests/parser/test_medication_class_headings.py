"""Concomitant medication classes lines name and hospitals send as MedicationStatement /
MedicationRequest (meds17): enzyme-inducing antiepileptic drugs, immune modulators, the drugs a
torsades or CYP3A4 list names under its heading, a condition qualified by the drug it is treated
with, proton pump inhibitors written with their brands, a torsades class with its list's address.
Real corpus lines, each with the records that make it met, not met and unknown.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.criteria import parse_lines
from rules_engine.parser.drug_list_headings import _EXAMPLES_HEADING, _HEADING_WINDOW, _THAT_IS, TRAILING, drug_list_context, named_members
from rules_engine.parser.topics.medication_classes import MEDICATION_CLASSES
from rules_engine.parser.topics.treated_with import _TREATED
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, Part, adult, condition, healthy, medication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "intake"))
from intake_helpers import ATC, RXNORM, bundle  # noqa: E402
from intake_helpers import medication as fhir_medication  # noqa: E402

from matcher.intake import normalise  # noqa: E402

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def taking(name: str, days_ago: int = 3, ongoing: bool = True) -> Part:
    return Part(event=Event("named_medication", AS_OF - timedelta(days=days_ago), True, {"quote": f"{name} 200 mg tablet", "ongoing": ongoing}))


CASES = [
    # (line, kind, met, not met, unknown)
    (
        "Currently taking the cytochrome P450 enzyme-inducing anti-epileptic drugs (phenytoin, carbamazepine and phenobarbital), rifampin or St. John's Wort",
        E,
        [adult(medication("eiaed_therapy", 0))],
        # an antiepileptic that induces no enzyme (levetiracetam) is none of them; a phenytoin stopped long ago is not now
        [adult(medication("anticonvulsant_therapy", 0)), adult(medication("eiaed_therapy", 200))],
        [],
    ),
    (
        "No concurrent enzyme-inducing antiepileptic drugs (EIAEDs) (e.g., phenytoin, carbamazepine, phenobarbital, primidone, or oxcarbazepine)",
        I,
        [adult(medication("anticonvulsant_therapy", 0)), adult()],
        [adult(medication("eiaed_therapy", 0))],
        [],
    ),
    ("Patients taking enzyme-inducing anticonvulsant drugs", E, [adult(medication("eiaed_therapy", 0))], [adult(medication("anticonvulsant_therapy", 0))], []),
    (
        "Current or within 30 days prior to enrollment treatment with immune modulators such as systemic cyclosporine or tacrolimus",
        E,
        [adult(medication("immunomodulator_therapy", 10)), adult(medication("immunosuppressant_therapy", 10))],
        [adult(), adult(medication("immunomodulator_therapy", 60))],
        [],
    ),
    ("Previous treatment with immunomodulators within two months prior to screening", E, [adult(medication("immunomodulator_therapy", 30))], [adult()], []),
    (
        "Patients with a history of diabetes mellitus (DM) treated with metformin are NOT eligible for participation",
        E,
        [adult(condition("diabetes", 1000), taking("metformin"))],
        # a diabetic on insulin only; one whose record holds no medication (a therapy absent from
        # the record is absent: contract section 4); no diabetes at all
        [adult(condition("diabetes", 1000), taking("insulin")), adult(condition("diabetes", 1000)), adult(taking("metformin"))],
        [],
    ),
    (
        "Patients taking proton pump inhibitors such as omeprazole (Prilosec®), lansoprazole (Prevacid®), or esomeprazole (Nexium®). Those who cannot "
        "stop taking these drugs should be switched to H2 blockers such as famotidine (Pepcid®)or ranitidine (Zantac®).",
        E,
        [adult(medication("proton_pump_inhibitor", 0))],
        [adult(medication("h2_antagonist", 0)), adult()],
        [],
    ),
    (
        # the washout said as a duty, in half-lives: asked only of a patient who had a modulator
        "Concomitant use of strong inhibitors of the cytochrome p450, family 3, subfamily a, polypeptide 4 (CYP3A4) isoenzyme is not permitted; "
        "must have wash-out period of 5 times the half-life of the compound before first dasatinib dose",
        E,
        [adult(medication("cyp3a4_modulator", 0))],
        [adult()],
        [adult(medication("cyp3a4_modulator", 100))],
    ),
    (
        # the time on study is a duty ahead of the patient: the window before it is what is asked
        "Anticoagulation with warfarin or equivalent vitamin K antagonists within 28 days prior to starting ibrutinib and throughout the study",
        E,
        [adult(medication("vitamin_k_antagonist", 10))],
        [adult(), adult(medication("anticoagulant_therapy", 10)), adult(medication("vitamin_k_antagonist", 60))],
        [],
    ),
    (
        "Current treatment with agents with a known risk of Torsades de Pointes http://torsades.org (list #1).",
        E,
        [adult(medication("qt_prolonging_drug", 0))],
        [adult()],
        [],
    ),
]


@pytest.mark.parametrize("text,kind,facts,expected", outcome_cases(CASES))
def test_a_medication_class_line_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: Any, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


TORSADES = "Category I drugs that are generally accepted to have a risk of causing Torsades de Pointes including: (Patients must discontinue drug 7 days prior to starting dasatinib)"


@pytest.mark.parametrize("facts,expected", [
    (healthy(taking("haloperidol", 2)), Outcome.MET),
    (healthy(taking("mesoridazine", 2)), Outcome.MET),  # a name the known-risk concept does not hold: the line's own
    (healthy(taking("haloperidol", 30, ongoing=False)), Outcome.NOT_MET),  # stopped a month ago: more than the 7 days asked
])
def test_the_drugs_under_a_torsades_heading_are_asked_within_its_window(facts: Any, expected: Outcome) -> None:
    criteria = parse_lines([(E, TORSADES), (E, "Quinidine, procainamide, disopyramide", 0), (E, "Chlorpromazine, haloperidol, mesoridazine, thioridazine, pimozide", 0)])
    assert evaluate_reference(TrialCriteria("NCT00000097", 1, criteria), facts, AS_OF).criteria[2].outcome is expected


@pytest.mark.parametrize("facts,expected", [
    (healthy(taking("chlorpromazine")), Outcome.NOT_MET),
    (healthy(taking("levetiracetam")), Outcome.MET),
])
def test_a_class_line_that_says_which_drugs_it_means_asks_those_drugs(facts: Any, expected: Outcome) -> None:
    criteria = parse_lines([
        (I, "No concurrent medication that may cause torsades depointes, including any of the following:"),
        (I, "Antipsychotic agents (i.e., chlorpromazine, haloperidol, mesoridazine, thioridazine, or pimozide)", 0),
    ])
    outcome = evaluate_reference(TrialCriteria("NCT00000097", 1, criteria), facts, AS_OF).criteria[1].outcome
    # (the line is an exclusion under its negated heading)
    assert outcome is {Outcome.NOT_MET: Outcome.MET, Outcome.MET: Outcome.NOT_MET}[expected]


@pytest.mark.parametrize("heading,excluding,context", [
    (TORSADES, True, f"{TRAILING}within 7 days"),
    ("No concurrent CYP3A4 inhibitors including, but not limited to, any of the following:", True, "Concurrent use of"),
    ("No concurrent enzyme-inducing anticonvulsants, including any of the following:", True, "Concurrent use of"),
    # an inclusion's alternatives ("At least 7 days since prior and no concurrent ..." is not negated): no lead lent
    ("At least 7 days since prior and no concurrent CYP3A4 inhibitors, including any of the following:", False, ""),
    # a span written twice and a time after the study: no single window, read as concurrent use
    # the past or a reaction: no concurrent use of the drugs it lists
    ("Prior therapy with any of the following agents:", True, ""),
    ("Known hypersensitivity to any of the following drugs:", True, ""),
    ("The following drugs must not be used for 1-2 weeks before, during, and for 1-2 weeks after completion of study treatment:", True, ""),
])
def test_a_drug_list_heading_lends_its_lead_or_window_only_to_exclusions(heading: str, excluding: bool, context: str) -> None:
    assert drug_list_context(heading, excluding=excluding) == context


@pytest.mark.parametrize("line,names", [
    ("Antipsychotic agents (i.e., chlorpromazine, haloperidol, mesoridazine, thioridazine, or pimozide)", "chlorpromazine, haloperidol, mesoridazine, thioridazine, or pimozide"),
    ("Calcium-channel blockers (e.g., lidoflazine)", ""),  # an example leaves the class wider than its names
])
def test_only_an_i_e_list_names_the_whole_class(line: str, names: str) -> None:
    assert named_members(line) == names


@pytest.mark.parametrize("resource,concepts", [
    (fhir_medication(system=RXNORM, code="8183"), {"eiaed_therapy"}),  # phenytoin
    (fhir_medication(system=ATC, code="N03AF02"), {"eiaed_therapy"}),  # oxcarbazepine
    (fhir_medication("Primidone 50 MG Oral Tablet"), {"eiaed_therapy"}),
    (fhir_medication("levetiracetam 500 MG Oral Tablet"), set()),
    (fhir_medication(system=ATC, code="L03AB05"), {"immunomodulator_therapy"}),  # interferon alfa-2b
    (fhir_medication("tacrolimus 1 MG Oral Capsule"), {"immunomodulator_therapy"}),
    (fhir_medication(system=ATC, code="L03AA02"), set()),  # filgrastim: a growth factor, no immune modulator
    (fhir_medication(system=ATC, code="L03AX16"), set()),  # plerixafor: a stem-cell mobiliser
])
def test_the_classes_are_read_from_the_record_by_code_or_name(resource: dict[str, Any], concepts: set[str]) -> None:
    events = set(normalise(bundle(resource)).facts.events)
    assert events & {"eiaed_therapy", "immunomodulator_therapy"} == concepts


@pytest.mark.parametrize("pattern", [
    *[p for c, p, _g in MEDICATION_CLASSES if c in {"eiaed_therapy", "immunomodulator_therapy"}],
    _EXAMPLES_HEADING.pattern, _HEADING_WINDOW.pattern, _THAT_IS.pattern, _TREATED.pattern,
])
def test_an_adversarial_line_reads_in_250_ms(pattern: str) -> None:
    import re

    compiled = re.compile(pattern, re.I)
    hostile = "enzyme-inducing immune modulators drugs including discontinue treated with " + "a, " * 6000 + "x (i.e., " + "b " * 3000
    compiled.search("warm")  # (the product list's alternation compiles on first use)
    start = time.perf_counter()
    compiled.search(hostile[:20000])
    assert time.perf_counter() - start < 0.25
