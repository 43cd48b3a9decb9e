"""Exclusions of the drugs that make bleeding worse, as registries write them: NSAIDs and
antiplatelet agents (85 and 49 corpus lines). Before they had concepts, "non-steroidal
anti-inflammatory drugs" was read as a corticosteroid (the steroid pattern took "steroid" out of
"non-steroidal") and the class words were left to a person, so a patient on clopidogrel was never
excluded by "No concurrent anticoagulation therapy or antiplatelet therapy". Each row is a real
corpus line (or its shape), decided on records: met, not met, unknown.

Also here: an exception naming the very thing it is excepted from ("Anticoagulant therapy other
than low molecular weight heparin": the heparin is read as the anticoagulant concept itself) is
a person's, never "and not" the same concept, which no record meets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def record(**events: int | None) -> PatientFacts:
    """Active events by concept, each started that many days ago (None: undated)."""
    evs = {c: (Event(c, None if d is None else AS_OF - timedelta(days=d), True, {}),) for c, d in events.items()}
    return PatientFacts(date(1960, 1, 1), "male", {}, evs)


def decide(ctype: CriterionType, line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


ROWS = [
    # NSAIDs: the class by its long name, its abbreviation (any case of the plural), with a window
    (E, "Use of non-steroidal anti-inflammatory drugs (NSAIDs) 5 or more days a week.", record(nsaid_therapy=10), MET),
    (E, "Use of non-steroidal anti-inflammatory drugs (NSAIDs) 5 or more days a week.", record(), NOT_MET),
    (E, "NSAIDs, IV contrast, aminoglycosides, or other potentially nephrotoxic drugs within 2 weeks of enrollment.", record(nsaid_therapy=5), MET),
    (E, "Patients who have taken non-steroidal anti-inflammatory drugs (NSAIDs) in the past two weeks", record(), NOT_MET),
    (I, "No concurrent nonsteroidal anti-inflammatory agents", record(nsaid_therapy=3), NOT_MET),
    (I, "No concurrent nonsteroidal anti-inflammatory agents", record(), MET),
    # ("requiring": the treatment under way, an antiplatelet agent taken 3 days ago)
    (E, "Patients requiring treatment with NSAIDS, antiplatelet agents, or aspirin > 325 mg/day", record(antiplatelet_therapy=3), MET),
    # "non-steroidal" is no corticosteroid: a patient on dexamethasone is not excluded by it
    (E, "Use of non-steroidal anti-inflammatory drugs (NSAIDs) 5 or more days a week.", record(steroid_therapy=3), NOT_MET),
    (I, "No concurrent nonsteroidal anti-inflammatory agents", record(steroid_therapy=3), MET),
    # antiplatelet agents, by any of their names
    (I, "No concurrent anticoagulation therapy or antiplatelet therapy", record(antiplatelet_therapy=3), NOT_MET),
    (I, "No concurrent anticoagulation therapy or antiplatelet therapy", record(), MET),
    (E, "Platelet inhibitors", record(antiplatelet_therapy=30), MET),
    (E, "Medications that inhibit platelet function", record(antiplatelet_therapy=30), MET),
    (E, "A need to administer drugs that inhibit platelet function, such as aspirin or clopidogrel", record(antiplatelet_therapy=30), MET),
    # an exception keeps the patient it may concern unknown, never cleared
    (E, "Therapeutic anticoagulation (except low dose heparin) or antiplatelet therapy (except for chronic low-dose therapy with acetylsalicylic acid < or = 325mg per day)",
     record(antiplatelet_therapy=30), UNKNOWN),
    # the permitted kind is a concept (low_molecular_weight_heparin, rx5): warfarin is an
    # anticoagulant the exception does not cover, and a bare anticoagulant record beside no LMWH
    # record is not one (derive.wider_record_decides, as an AML record beside no APL record)
    (E, "Anticoagulant therapy other than low molecular weight heparin", record(vitamin_k_antagonist=30), MET),
    (E, "Anticoagulant therapy other than low molecular weight heparin", record(anticoagulant_therapy=30), MET),
    (E, "Anticoagulant therapy other than low molecular weight heparin", record(anticoagulant_therapy=30, low_molecular_weight_heparin=30), UNKNOWN),
    (E, "Anticoagulant therapy other than low molecular weight heparin", record(), NOT_MET),
]


@pytest.mark.parametrize("ctype, line, facts, expected", ROWS, ids=[f"{i}:{r[1][:40]}" for i, r in enumerate(ROWS)])
def test_a_bleeding_drug_line_is_decided_by_the_record(ctype: CriterionType, line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, line, facts) is expected


@pytest.mark.parametrize(
    "line, concept",
    [
        # the drug as what the patient reacted to is no history of taking it
        ("Previous history of hypersensitivity reactions (e.g. asthma, rhinitis, angioedema or urticaria) in response to ibuprofen, aspirin or other NSAIDs.", "nsaid_therapy"),
        ("Celecoxib should not be given to patients who have experienced asthma, urticaria, or allergic-type reactions after taking aspirin or other NSAIDs.", "nsaid_therapy"),
        # an anti-platelet antibody is a test, not a drug
        ("in vitro test for anti-platelet antibody in the presence of heparin", "antiplatelet_therapy"),
    ],
)
def test_a_line_naming_the_drug_as_a_reaction_or_a_test_is_not_decided_by_taking_it(line: str, concept: str) -> None:
    assert decide(E, line, record(**{concept: 3})) is decide(E, line, record())
